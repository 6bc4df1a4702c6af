"""Start a real Oxigraph SPARQL server (the ``oxigraph`` package's binary) on loopback, for a while.

For a portfolio in a shared triple store on one machine, for the tests and for
``benchmarks/portfolio_store.py``: the server listens on 127.0.0.1 only, keeps its data in
*location*, and stops when the ``with`` block ends.

>>> import tempfile, pathlib
>>> with oxigraph_server(pathlib.Path(tempfile.mkdtemp()) / "db") as base:
...     base.startswith("http://127.0.0.1:")
True
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from cfgraph.stores import StoreError

__all__ = ["oxigraph_binary", "free_port", "oxigraph_server"]


def oxigraph_binary() -> Path:
    """The ``oxigraph`` server installed next to this Python (``pip install 'cfgraph[oxigraph]'``)."""
    found = Path(sys.executable).parent / "oxigraph"
    if not found.is_file():
        raise StoreError(f"no Oxigraph server at {found}; run: pip install 'cfgraph[oxigraph]'")
    return found


def free_port() -> int:
    """A TCP port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def oxigraph_server(location: Path, port: int | None = None, timeout: float = 20.0) -> Iterator[str]:
    """Run ``oxigraph serve`` on ``127.0.0.1:port`` with its data in *location*; yield its base URL
    (``…/store`` is the Graph Store, ``…/query`` the SPARQL endpoint)."""
    port = port or free_port()
    location.parent.mkdir(parents=True, exist_ok=True)
    base = f"http://127.0.0.1:{port}"
    with (location.parent / f"{location.name}.log").open("wb") as log:
        process = subprocess.Popen(
            [str(oxigraph_binary()), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):  # noqa: S310
                        break
                except (urllib.error.URLError, ConnectionError):
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise StoreError(f"the Oxigraph server did not start; see {log.name}") from None
                    time.sleep(0.05)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)
