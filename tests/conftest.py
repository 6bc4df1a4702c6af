"""Shared fixtures: the mini framework, the shipped one, and a runner for the CLI."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
#: A second fictional framework of another shape than the shipped one.
RIVERLAND = DATA / "riverland"


#: The server from the `oxigraph` package, installed next to this Python.
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server on 127.0.0.1 (loopback only), stopped after the module."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    log = (location.parent / "oxigraph.log").open("wb")
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        else:
            raise RuntimeError("oxigraph did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def riverland() -> cfgraph.Framework:
    """The second fixture: outcomes 1..3, outputs, no narrative lists, two sources, policy cited."""
    return cfgraph.load(RIVERLAND)


@pytest.fixture(scope="session")
def mini() -> cfgraph.Framework:
    return cfgraph.load(cfgraph.MINI)


@pytest.fixture(scope="session")
def kz() -> cfgraph.Framework:
    return cfgraph.load()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def framework_copy(tmp_path: Path, overlay: Path | None = None, name: str = "fw") -> Path:
    """Copy the mini framework to *tmp_path*/<name>, then apply the files of a bad case."""
    target = tmp_path / name
    shutil.copytree(cfgraph.MINI, target)
    if overlay is not None:
        for f in overlay.iterdir():
            if f.name == "_delete":
                for gone in f.read_text().split():
                    (target / gone).unlink()
            elif f.name != "expected.txt":
                shutil.copy(f, target / f.name)
    return target


def set_policy(folder: Path, policy: str) -> Path:
    """Set the provenance policy in *folder*'s framework.csv (``cited``: text not in the cited
    lines is a warning, so a test may put any text in the tables)."""
    info = folder / "framework.csv"
    lines = info.read_text(encoding="utf-8").split("\n")
    column = lines[0].split(",").index("provenance")
    cells = lines[1].split(",")
    cells[column] = policy
    lines[1] = ",".join(cells)
    info.write_text("\n".join(lines), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests keep their cache entries (cfgraph.io.cache) in a folder of their own."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    patch.delenv("CFGRAPH_CACHE", raising=False)
    yield
    patch.undo()
