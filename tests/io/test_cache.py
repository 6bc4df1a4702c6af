"""The cache of validated frameworks and answers: never stale, never broken by a bad entry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.io import cache
from tests.conftest import framework_copy, set_policy


def _who(runner: CliRunner, folder: Path, name: str = "2.1") -> str:
    result = runner.invoke(cli, ["who", name, "--framework", str(folder), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.output


def test_an_edited_csv_is_seen_by_the_next_command(tmp_path: Path, runner: CliRunner) -> None:
    folder = framework_copy(tmp_path)
    set_policy(folder, "cited")  # a label not in the source is then a warning, not an error
    before = _who(runner, folder)
    assert "UNDP" in before and list(cache.cache_dir().glob("rows/*.pickle"))
    agencies = folder / "agencies.csv"
    text = agencies.read_text(encoding="utf-8").replace(",UNDP,", ",UNDP-edited,")
    agencies.write_text(text, encoding="utf-8")
    after = _who(runner, folder)
    assert "UNDP-edited" in after and after != before
    assert cache.load(folder).agency("undp").label == "UNDP-edited"


def test_an_edited_source_text_changes_the_key(tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    first = cache.folder_digest(folder)
    source = next((folder / "source").iterdir())
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.folder_digest(folder) != first


@pytest.mark.parametrize("damage", [b"", b"cfgraph-cache-1 not a pickle", b"\x80\x05garbage"])
def test_a_corrupt_entry_is_ignored_and_rebuilt(tmp_path: Path, runner: CliRunner, damage: bytes) -> None:
    folder = framework_copy(tmp_path)
    expected = _who(runner, folder)
    entries = sorted(cache.cache_dir().glob("*/*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(damage)
    assert _who(runner, folder) == expected
    assert cache.load(folder).info.id == cfgraph.load(folder).info.id


def test_bad_data_is_never_cached(tmp_path: Path, runner: CliRunner) -> None:
    folder = framework_copy(tmp_path)
    (folder / "agencies.csv").write_text("id,label\n", encoding="utf-8")
    for _ in range(2):
        result = runner.invoke(cli, ["who", "undp", "--framework", str(folder)])
        assert result.exit_code == 1


def test_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CFGRAPH_CACHE", "0")
    _who(runner, cfgraph.MINI)
    assert not (tmp_path / "cache").exists()


def test_help_imports_no_heavy_library(tmp_path: Path) -> None:
    """``cfgraph --help`` stays light: the import set, not the time, is measured."""
    code = (
        "import sys; from cfgraph.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    loaded = set(out.stdout.split("\n")[-2].split())
    heavy = {"rdflib", "networkx", "pandas", "numpy", "matplotlib", "pyvis", "rich", "pyshacl", "igraph"}
    assert loaded & heavy == set()
