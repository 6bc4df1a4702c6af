"""Every command on the second fixture, a framework of another shape than the shipped one:
outcomes numbered 1..3, outputs with their agencies and partners, no narrative lists, no result
groups, two sources (a text cited by lines, a web page cited by locator), policy ``cited``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

import cfgraph
from cfgraph.cli import cli
from cfgraph.namespaces import CFG, PROV, RDF, framework_iri
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.queries import list_queries
from cfgraph.rdf.shacl import validate_graph
from tests.conftest import RIVERLAND

R = str(RIVERLAND)
FID = "riverland-2027-2031"
#: Words of one document's layout that no output for this framework may contain.
FOREIGN = re.compile(r"Kazakhstan|section 2\.4|Annex 1|Partnerships paragraph", re.IGNORECASE)
#: A parameter for each named query that takes one.
PARAMS = {"outcome": "1", "target": "2.4", "type": "ngo-cso", "framework": FID, "other": FID}


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, [*args, "--framework", R])
    assert result.exit_code == 0, (args, result.output)
    assert not FOREIGN.search(result.output), (args, FOREIGN.search(result.output))
    return result


def test_it_is_valid_with_its_own_shape(runner: CliRunner, riverland: cfgraph.Framework) -> None:
    result = _run(runner, "validate")
    assert result.stderr == ""
    assert "provenance policy          cited" in result.stdout
    assert re.search(r"outputs +4\n", result.stdout) and re.search(r"sources +2\n", result.stdout)
    assert [o.id for o in riverland.outcomes] == ["1", "2", "3"]
    assert {t.listed_in for t in riverland.outcome_targets} == {"results_matrix"}
    assert riverland.result_groups == () and riverland.result_group_names() == {
        "ungrouped": "Outcomes without a result group"
    }
    assert riverland.indicator("1.1.a").outcome == "1"  # derived from its output


def test_outcome_targets_are_derived_not_typed(riverland: cfgraph.Framework) -> None:
    assert not (RIVERLAND / "outcome_targets.csv").exists()
    assert [(t.outcome, t.code) for t in riverland.outcome_targets if t.outcome == "3"] == [
        ("3", "6.5"), ("3", "6.6"), ("3", "13.1"), ("3", "11.5")
    ]  # fmt: skip
    assert riverland.outcome_targets[0].source_lines == "13"


@pytest.mark.parametrize(
    ("fmt", "out"),
    [("json", "x.json"), ("cytoscape", "x.cyjs"), ("csv", "csv"), ("cypher", "x.cypher"),
     ("graphml", "x.graphml"), ("gexf", "x.gexf"), ("kumu", "x.xlsx"), ("kumu-stakeholders", "s.xlsx"),
     ("workbook", "w.xlsx"),
     ("xlsx", "t.xlsx")],
)  # fmt: skip
def test_every_export(runner: CliRunner, tmp_path: Path, fmt: str, out: str) -> None:
    _run(runner, "export", "--format", fmt, "--out", str(tmp_path / out))
    written = tmp_path / out
    assert written.exists() and (written.is_dir() or written.stat().st_size > 0)


def test_the_json_export_holds_outputs_sources_and_the_policy(runner: CliRunner) -> None:
    document = json.loads(_run(runner, "export", "--format", "json").stdout)
    assert document["framework"]["provenance"] == "cited"
    assert [s["id"] for s in document["sources"]] == ["riverland-cf-2027-2031", "national-strategy"]
    assert [x["id"] for x in document["outputs"]] == ["1.1", "1.2", "2.1", "3.1"]
    assert document["result_groups"] == []
    shipped = json.loads(runner.invoke(cli, ["export", "--format", "json"]).stdout)
    assert "sources" not in shipped and "outputs" not in shipped  # sections of tables a framework has


def test_the_graph_conforms_and_cites_both_sources(riverland: cfgraph.Framework) -> None:
    g = build_graph(riverland)
    assert validate_graph(g).conforms
    fw = framework_iri(FID)
    assert (fw, CFG.provenancePolicy, Literal("cited")) in g
    assert (framework_iri(FID, "output", "3.1"), RDF.type, CFG.Output) in g
    priority = next(s for s in g.subjects(RDF.type, CFG.NationalPriority))
    assert (priority, PROV.wasDerivedFrom, URIRef(f"{fw}/source/national-strategy")) in g
    outcome = framework_iri(FID, "outcome", "1")
    excerpt = g.value(outcome, PROV.wasDerivedFrom)
    assert str(excerpt) == f"{fw}/source/riverland-cf-2027-2031/L3"


def test_build_and_every_named_query(runner: CliRunner, tmp_path: Path) -> None:
    _run(runner, "build", "--out", str(tmp_path / "graph"))
    assert (tmp_path / "graph" / "graph.ttl").exists()
    for query in list_queries():
        args = [a for p in query.params if p.required for a in ("--param", f"{p.name}={PARAMS[p.name]}")]
        _run(runner, "query", query.name, *args, "--format", "json")


def test_who_shows_outputs_and_their_actors(runner: CliRunner) -> None:
    rows = json.loads(_run(runner, "who", "1", "--format", "json").stdout)
    assert [(r["section"], r["id"]) for r in rows if r["section"] in ("outputs", "partners")] == [
        ("outputs", "1.1"), ("outputs", "1.2"), ("partners", "ministry-of-health"),
        ("partners", "ministry-of-social-affairs"), ("partners", "riverland-disability-alliance"),
    ]  # fmt: skip
    who = next(r for r in rows if r["id"] == "who")
    assert who["how"] == "listed for 1 (results matrix); delivers output 1.1"
    actors = json.loads(_run(runner, "actors", "--format", "json").stdout)
    health = next(r for r in actors if r["actor"] == "ministry-of-health")
    assert (health["outcomes"], health["ties"]) == (1, 1)


def test_analysis_commands(runner: CliRunner) -> None:
    path = json.loads(_run(runner, "path", "3", "1", "--format", "json").stdout)
    assert [(h["from"], h["to"]) for h in path] == [("3", "2"), ("2", "1")]
    depends = json.loads(_run(runner, "depends", "1", "--mutual", "--format", "json").stdout)
    assert [d["other"] for d in depends] == ["2", "3"]
    for level in ("outcome", "target", "agency"):
        _run(runner, "synergies", "--level", level, "--format", "json")
    findings = json.loads(_run(runner, "gaps", "--format", "json").stdout)
    assert not [f for f in findings if f["check"] == "narrative-matrix-mismatch"]


def test_views_draw_outputs(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("stakeholder-map", "theory-of-change", "target-network", "indicator-map", "lnob-map"):
        _run(runner, "view", name, "--out", str(tmp_path / f"{name}.html"))
    html = (tmp_path / "stakeholder-map.html").read_text(encoding="utf-8")
    assert "Output 3.1" in html and "Riverland Red Crescent" in html


def test_report_says_the_policy_and_lists_outputs(runner: CliRunner, tmp_path: Path) -> None:
    _run(runner, "report", "--out", str(tmp_path / "report"))
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "Provenance policy: <b>cited</b>" in index
    assert "national-development-strategy-2030" in index
    page = next((tmp_path / "report" / "outcomes").glob("*1.html")).read_text(encoding="utf-8")
    assert '<section id="outputs">' in page and "Social protection reaches persons with disabilities." in page
    assert '<th scope="col">results matrix</th>' in page and "narrative list</th>" not in page


def test_push_to_falkordb_and_a_sparql_store(runner: CliRunner, tmp_path: Path, server: str) -> None:
    result = _run(runner, "push", "falkordb", "--path", str(tmp_path / "g.db"), "--format", "json")
    counts = {r["name"]: r["in_store"] for r in json.loads(result.stdout)}
    assert (counts["Output"], counts["Source"], counts["HAS_OUTPUT"]) == (4, 2, 4)
    result = _run(runner, "push", "sparql", "--store", f"{server}/store", "--format", "json")
    assert json.loads(result.stdout)[0]["triples"] > 0
