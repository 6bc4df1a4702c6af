"""The embedded FalkorDB: a path that is not a database is refused with one line and nothing is
created beside it; however pushes end (together, or killed with SIGTERM), no redis-server
outlives them."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli

CFGRAPH = str(Path(sys.executable).parent / "cfgraph")
MINI = str(cfgraph.MINI)


def _servers_in(folder: Path) -> list[psutil.Process]:
    """The redis-server processes working in *folder* (redis-server runs in its database's folder)."""
    found = []
    for process in psutil.process_iter(["name"]):
        try:
            if process.info["name"] == "redis-server" and Path(process.cwd()) == folder:
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def _device(tmp_path: Path) -> Path:
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:  # not root: the system's /dev/null, beside which nothing can be created
        return Path("/dev/null")
    return node


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda d: d / "notes.txt", "not a database file (those start with REDIS)"),
        (lambda d: d / "empty.db", "not a database file (those start with REDIS)"),
        (lambda d: d / "folder", "it is a folder; name a file in it, e.g. graph.db"),
        (lambda d: d / "fifo", "it is not a regular file"),
        (_device, "it is not a regular file"),
        (lambda d: d / "missing" / "x.db", "the folder {d}/missing does not exist"),
    ],
    ids=["text", "empty", "folder", "fifo", "device", "missing-folder"],
)
def test_a_path_that_is_not_a_database_is_refused(
    tmp_path: Path, runner: CliRunner, make: object, why: str
) -> None:
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    assert callable(make)
    path = make(tmp_path)
    folders = {tmp_path, path.parent} if path.parent.is_dir() else {tmp_path}
    before = {f: sorted(os.listdir(f)) for f in folders}
    result = runner.invoke(cli, ["push", "falkordb", "--path", str(path), "--framework", MINI])
    assert result.exit_code == 1
    assert result.output == f"Error: cannot use {path} as a FalkorDB database: {why.format(d=tmp_path)}\n"
    assert {f: sorted(os.listdir(f)) for f in folders} == before


def test_concurrent_pushes_leave_no_server_running(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    pushes = [
        subprocess.Popen(
            [CFGRAPH, "push", "falkordb", "--path", str(db), "--framework", MINI, "--format", "csv"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=300) for p in pushes]
    for process, (out, err) in zip(pushes, outputs, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err and "node,Outcome,2,2" in out
    assert _servers_in(tmp_path) == []
    assert sorted(os.listdir(tmp_path)) == ["shared.db"]


def test_a_push_stopped_with_sigterm_stops_its_server(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    push = subprocess.Popen(
        [CFGRAPH, "push", "falkordb", "--path", str(db), "--batch-size", "1"],  # the Kazakhstan graph
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(600):
        if _servers_in(tmp_path) or push.poll() is not None:
            break
        time.sleep(0.1)
    assert push.poll() is None, "the push ended before it could be stopped"
    push.send_signal(signal.SIGTERM)
    _, err = push.communicate(timeout=120)
    assert push.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in err
    assert _servers_in(tmp_path) == []
