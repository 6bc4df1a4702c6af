"""``cfgraph build``: files, determinism, exit codes; the help of the RDF commands stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

import cfgraph
from cfgraph.cli import cli
from cfgraph.rdf.build import build_graph

HEAVY = ("rdflib", "pyshacl", "networkx", "pandas", "pyvis", "neo4j", "numpy", "matplotlib", "pyoxigraph")


@pytest.mark.parametrize("command", ["build", "query", "sparql"])
def test_help_imports_no_heavy_library(command: str) -> None:
    code = (
        "import sys\n"
        "from cfgraph.cli import main\n"
        "try:\n"
        f"    main([{command!r}, '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Usage: cfgraph " + command in out
    assert out.strip().endswith("HEAVY="), out


def test_build_writes_three_files_twice_the_same(tmp_path: Path) -> None:
    runner = CliRunner()
    outs = []
    for name in ("a", "b"):
        result = runner.invoke(
            cli, ["build", "--framework", str(cfgraph.MINI), "--out", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
        assert result.output.splitlines() == [
            f"wrote {tmp_path / name / f}" for f in ("graph.ttl", "graph.nt", "graph.jsonld")
        ]
        outs.append({f.name: f.read_bytes() for f in sorted((tmp_path / name).iterdir())})
    assert outs[0] == outs[1]
    assert len(Graph().parse(tmp_path / "a" / "graph.ttl")) == len(build_graph(cfgraph.load(cfgraph.MINI)))


def test_build_needs_out() -> None:
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 2
    assert "Missing option '--out'" in result.output


def test_build_bad_framework_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", "--framework", str(tmp_path / "none"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert not (tmp_path / "o").exists()


def test_an_empty_answer_says_which_question_found_nothing_where(runner: CliRunner) -> None:
    mini = str(cfgraph.MINI)
    args = ["query", "outcomes-for-target", "--param", "target=14.1", "--framework", mini, "--wide"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    assert result.stdout == (
        "Outcomes that list an SDG target (target=14.1)\n\n"
        "outcomes-for-target finds nothing on examplestan-2026-2030 for target=14.1 (it asks: Which "
        "outcomes list SDG target TARGET, in which list (the narrative list or the results matrix) and "
        "role (global or crosscutting)?)\n"
    )
    result = runner.invoke(cli, ["sparql", "SELECT ?x WHERE { ?x <urn:x:nothing> ?y }", "--framework", mini])
    assert result.stdout == "the query finds nothing on examplestan-2026-2030\n"
