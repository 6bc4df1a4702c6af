"""SHACL: the built graphs conform; broken graphs are rejected with the shape's message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

import cfgraph
from cfgraph.cli import cli
from cfgraph.namespaces import CFG, DCTERMS, PROV, RDF, SKOS, framework_iri, sdg_iri
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.shacl import GraphNotConforming, check_graph, validate_graph
from tests.conftest import framework_copy

EX = "examplestan-2026-2030"
O11 = framework_iri(EX, "outcome", "1.1")
OL01 = framework_iri(EX, "outcome-link", "OL01")
TL01 = framework_iri(EX, "target-link", "TL01")
IND = framework_iri(EX, "indicator", "1.1-01")
O21 = framework_iri(EX, "outcome", "2.1")
BAD_REF = framework_iri(EX, "outcome", "2.1", "target", "narrative", "global", "4")


@pytest.fixture
def mini_graph(mini: cfgraph.Framework) -> Graph:
    return build_graph(mini)


def test_kazakhstan_conforms(kz: cfgraph.Framework) -> None:
    report = validate_graph(build_graph(kz))
    assert report.conforms, report.text()
    assert report.text() == "graph conforms to the cfgraph shapes\n"


def test_mini_conforms(mini_graph: Graph) -> None:
    assert check_graph(mini_graph).conforms


def _drop(s: object, p: object) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))  # type: ignore[arg-type]


def _unmeasured(g: Graph) -> None:
    """Outcome 1.1 without its SDG targets and its indicators."""
    g.remove((O11, CFG.listsTarget, None))
    for indicator in list(g.subjects(CFG.outcome, O11)):
        if (indicator, RDF.type, CFG.Indicator) in g:
            g.remove((indicator, CFG.outcome, O11))
            g.add((indicator, CFG.outcome, O21))


BREAKS: list[tuple[str, Callable[[Graph], None], str]] = [
    ("no-statement", _drop(O11, CFG.statement), "outcome/1.1: cfg:statement: every outcome has a statement"),
    (
        "two-thematic-areas",
        lambda g: g.add((O11, CFG.thematicArea, g.value(O21, CFG.thematicArea))),
        "outcome/1.1: cfg:thematicArea: an outcome belongs to at most one strategic priority (thematic area)",
    ),
    (
        "no-target-and-no-indicator",
        _unmeasured,
        "outcome/1.1: every outcome lists a valid SDG target or has an indicator",
    ),
    (
        "invalid-target",
        lambda g: g.add((O11, CFG.listsTarget, sdg_iri("18.7"))),
        "outcome/1.1: cfg:listsTarget: an outcome lists only valid SDG targets",
    ),
    (
        "indicator-without-outcome",
        _drop(IND, CFG.outcome),
        "indicator/1.1-01: cfg:outcome: every indicator belongs to exactly one outcome",
    ),
    (
        "link-without-quote",
        _drop(OL01, CFG.quote),
        "outcome-link/OL01: cfg:quote: every link quotes the document",
    ),
    (
        "link-without-provenance",
        _drop(TL01, PROV.wasDerivedFrom),
        "target-link/TL01: every fact names the source (lines or locator) it comes from, unless its "
        "framework's policy is 'none'",
    ),
    (
        "fake-sdg-iri",
        lambda g: g.add((BAD_REF, CFG.sdgTarget, sdg_iri("18.7"))),
        "outcome/2.1/target/narrative/global/4: a valid target code links to exactly one SDG target; "
        "an invalid one is flagged unresolved and links to none",
    ),
    (
        "sdg-without-un-iri",
        _drop(sdg_iri("6.1"), SKOS.exactMatch),
        "sdg/6.1: skos:exactMatch: an SDG concept is skos:exactMatch its UN SDG KOS IRI",
    ),
    (
        "two-outcome-ids",
        lambda g: g.add((O11, DCTERMS.identifier, Literal("1.9"))),
        "outcome/1.1: dcterms:identifier: an outcome has one id like 1, 1.1 or O2",
    ),
    (
        "unknown-partner-type",
        lambda g: g.set(
            (framework_iri(EX, "partner", "ministry-of-water"), CFG.partnerType, Literal("guild"))
        ),
        "partner/ministry-of-water: cfg:partnerType: a partner has one known type",
    ),
    (
        "link-to-a-non-outcome",
        lambda g: g.set((OL01, CFG.target, sdg_iri("6.1"))),
        "outcome-link/OL01: cfg:target: an outcome link ends at one outcome",
    ),
]


@pytest.mark.parametrize(("case", "breaker", "message"), BREAKS, ids=[b[0] for b in BREAKS])
def test_broken_graph_is_rejected_with_the_right_message(
    mini_graph: Graph, case: str, breaker: Callable[[Graph], None], message: str
) -> None:
    breaker(mini_graph)
    report = validate_graph(mini_graph)
    assert not report.conforms
    assert message in [str(v) for v in report.violations], report.text()
    with pytest.raises(GraphNotConforming, match="graph does not conform to the SHACL shapes"):
        check_graph(mini_graph)


def test_report_lists_every_violation_then_a_count(mini_graph: Graph) -> None:
    mini_graph.remove((O11, CFG.statement, None))
    mini_graph.remove((OL01, CFG.quote, None))
    assert validate_graph(mini_graph).text() == (
        "outcome-link/OL01: cfg:quote: every link quotes the document\n"
        "outcome/1.1: cfg:statement: every outcome has a statement\n"
        "graph does not conform: 2 violation(s)\n"
    )


def test_untyped_node_is_not_checked(mini_graph: Graph) -> None:
    mini_graph.remove((O11, RDF.type, CFG.Outcome))
    mini_graph.remove((O11, CFG.statement, None))
    # the outcome is no longer an outcome, but what points at it as one still fails
    assert not validate_graph(mini_graph).conforms


def _drop_targets(folder: Path, outcome: str) -> None:
    """Remove every SDG target list and indicator of *outcome* (the loader warns; the shapes refuse)."""
    by_outcome = ("outcome_targets.csv", "target_lists.csv")
    by_indicator = (
        "indicators.csv", "indicator_sdg_links.csv", "indicator_agencies.csv", "indicator_partners.csv"
    )  # fmt: skip
    for name in (*by_outcome, *by_indicator):
        prefix = f"{outcome}," if name in by_outcome else f"{outcome}-"
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(x for x in lines if not x.startswith(prefix)) + "\n", encoding="utf-8")


def test_build_refuses_a_framework_whose_graph_breaks_the_shapes(tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    _drop_targets(folder, "1.1")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--framework", str(folder), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "outcome/1.1: every outcome lists a valid SDG target or has an indicator\n" in result.output
    assert "graph does not conform: 1 violation(s)\n" in result.output
    assert "Error: graph does not conform to the SHACL shapes: outcome/1.1: every outcome" in result.output
    assert not out.exists()
