"""``--out`` writes into what it names: regular files atomically, special files and symlink targets
in place, ``-`` to stdout; an error names the target the user gave, never a temporary file."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.errors import OutputError
from cfgraph.io.atomic import write_bytes, write_text


def _read_fifo_in_background(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, got = _read_fifo_in_background(fifo)
    write_text(fifo, "héllo\n")
    reader.join(10)
    assert got == ["héllo\n".encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def _null_device(tmp_path: Path) -> Path:
    """A character device that discards what is written: a copy of /dev/null made in *tmp_path*
    (root), else the system's own (which a user who is not root cannot replace)."""
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        return Path("/dev/null")
    return node


def test_a_character_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    device = _null_device(tmp_path)
    before = device.stat()
    write_text(device, "x")
    write_bytes(device, b"y")
    after = device.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not [p for p in device.parent.iterdir() if p.name.endswith(".tmp")]


def test_cli_out_on_a_device(tmp_path: Path, runner: CliRunner) -> None:
    device = _null_device(tmp_path)
    result = runner.invoke(cli, ["query", "--list", "--format", "csv", "--out", str(device)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert stat.S_ISCHR(device.stat().st_mode)


def test_a_symlink_stays_a_symlink_and_its_target_gets_the_content(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["out.csv"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    write_bytes(link, b"{}")
    assert link.is_symlink() and (tmp_path / "new.json").read_bytes() == b"{}"


def test_dash_is_stdout(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["query", "--list", "--format", "csv", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("name,scope,parameters,answers\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "cypher", "graphml"])
def test_export_of_one_file_goes_to_stdout_and_into_a_device(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["export", "--format", fmt, "--framework", str(cfgraph.MINI)]
    alone = runner.invoke(cli, args)
    dash = runner.invoke(cli, [*args, "--out", "-"])
    assert dash.exit_code == alone.exit_code == 0 and dash.stdout == alone.stdout != ""
    assert runner.invoke(cli, [*args, "--out", os.devnull]).exit_code == 0
    assert list(tmp_path.iterdir()) == []


def test_export_of_several_files_to_stdout_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", "--format", "csv", "--framework", str(cfgraph.MINI), "--out", "-"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: --format csv writes several files; give --out FOLDER"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_in_the_way_is_named(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "plain.txt" / "rows.csv"
    result = runner.invoke(cli, ["query", "--list", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {out}: Not a directory\n"
    with pytest.raises(OutputError, match=f"^cannot write {tmp_path}: it is a folder$"):
        write_text(tmp_path, "x")


def test_a_permission_error_names_the_target_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(tmp_path / ".x.csv.abc123.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError) as caught:
        write_text(tmp_path / "x.csv", "a")
    assert str(caught.value) == f"cannot write {tmp_path / 'x.csv'}: Permission denied"



def test_a_view_to_stdout_or_a_device_writes_nothing_beside_it(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    device = _null_device(tmp_path)
    for out in ("-", str(device)):
        result = runner.invoke(cli, ["view", "lnob-map", "--framework", str(cfgraph.MINI), "--out", out])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == (["null"] if device.parent == tmp_path else [])
    assert not Path("/dev/lib").exists()


def test_folders_a_killed_run_left_are_removed_by_the_next(tmp_path: Path) -> None:
    import subprocess
    import sys

    from cfgraph.io.atomic import replaced_folder

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead = int(ended.stdout)
    left = [tmp_path / f".rep.{dead}.k1x2.new", tmp_path / f".rep.{dead}.k1x2.old"]
    running = tmp_path / f".rep.{os.getpid()}.abcd.new"  # a writer still at work
    other = tmp_path / f".other.{dead}.k1x2.new"  # beside another folder
    for folder in (*left, running, other):
        folder.mkdir()
        (folder / "index.html").write_text("x", encoding="utf-8")
    with replaced_folder(tmp_path / "rep", "report") as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["rep", running.name, other.name])
    assert (tmp_path / "rep" / "index.html").read_text(encoding="utf-8") == "new"
