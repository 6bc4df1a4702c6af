"""Theory-of-change queries: depends, explain_path, who."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import cfgraph
from cfgraph.analysis.involvement import who
from cfgraph.analysis.paths import depends, explain_path
from cfgraph.errors import UnknownIdError
from cfgraph.graph import find_node, to_networkx
from cfgraph.model import Framework, Outcome, OutcomeLink

MINI = cfgraph.load(cfgraph.MINI)
FID = MINI.info.id


def chain() -> Framework:
    """Mini plus outcome 3.1, which 2.1 'accelerates' (so 1.1 <- 2.1 -> 3.1)."""
    o31 = Outcome(
        id="3.1",
        thematic_area="2",
        result_group="people",
        statement="By 2030, firms hire.",
        source_lines="17",
    )
    link = OutcomeLink(
        id="OL02",
        source="2.1",
        target="3.1",
        kind="accelerates",
        stated_as="named",
        quote="2.1 speeds up 3.1.",
        source_lines="20",
    )
    groups = tuple(
        replace(g, outcomes=(*g.outcomes, "3.1")) if g.id == "people" else g for g in MINI.result_groups
    )
    return replace(
        MINI, outcomes=(*MINI.outcomes, o31), outcome_links=(*MINI.outcome_links, link), result_groups=groups
    )


def test_depends_reads_direction_from_the_link_kind() -> None:
    fw = chain()
    got = [(d.direction, d.other, d.distance, d.path, d.links) for d in depends(fw, "1.1")]
    assert got == [("depends-on", "2.1", 1, ("2.1", "1.1"), ("OL01",))]
    got = [(d.direction, d.other, d.distance, d.path, d.links) for d in depends(fw, "3.1")]
    assert got == [("depends-on", "2.1", 1, ("2.1", "3.1"), ("OL02",))]
    affects = depends(fw, "2.1", direction="affects")
    assert [(d.other, d.quotes[0][:10]) for d in affects] == [("1.1", "Outcome 1."), ("3.1", "2.1 speeds")]
    assert depends(fw, "2.1", direction="depends-on") == []


def test_depends_is_transitive() -> None:
    fw = chain()
    via = OutcomeLink(
        id="OL03",
        source="3.1",
        target="1.1",
        kind="affects",
        stated_as="named",
        quote="3.1 helps 1.1.",
        source_lines="21",
    )
    fw = replace(fw, outcome_links=(*fw.outcome_links[1:], via))  # 2.1 -> 3.1 -> 1.1
    got = [(d.other, d.distance, d.path, d.links, d.quotes) for d in depends(fw, "1.1")]
    assert got == [
        ("3.1", 1, ("3.1", "1.1"), ("OL03",), ("3.1 helps 1.1.",)),
        ("2.1", 2, ("2.1", "3.1", "1.1"), ("OL02", "OL03"), ("2.1 speeds up 3.1.", "3.1 helps 1.1.")),
    ]
    assert [(d.direction, d.other) for d in depends(fw, "2.1")] == [("affects", "3.1"), ("affects", "1.1")]


def test_unknown_outcome_suggests_close_ids() -> None:
    with pytest.raises(UnknownIdError) as err:
        depends(MINI, "1.2")
    assert str(err.value) == "unknown outcome '1.2'; did you mean 1.1?"


def test_find_node_prefers_outcomes_and_accepts_typed_ids_and_keys() -> None:
    g = to_networkx(MINI)
    assert find_node(g, "2.1") == f"{FID}/outcome/2.1"
    assert (
        find_node(g, "target:5.1") == find_node(g, "sdg-target:5.1") == find_node(g, "sdg/5.1") == "sdg/5.1"
    )
    assert find_node(g, "agency:who", ("agency",)) == f"{FID}/agency/who"
    with pytest.raises(UnknownIdError, match="did you mean 5.1"):
        find_node(g, "target:5.7", ("outcome", "sdg-target"))


def test_explain_path_through_targets_and_links() -> None:
    [p] = explain_path(MINI, "6.1", "4.4")
    assert p.nodes == ("6.1", "1.1", "2.1", "4.4")
    assert p.links == ("OL01",) and p.source_lines == (11, 16, 18, 27, 37)
    assert p.steps[0] == ("outcome 1.1 lists SDG target 6.1 (narrative list, global, lines 11, 27) [+1 more]")
    paths = explain_path(MINI, "6.1", "3.9")
    assert [q.nodes for q in paths] == [("6.1", "3.9")]
    assert (
        paths[0]
        .steps[0]
        .startswith('SDG target 6.1 is interlinked with SDG target 3.9 (TL01, line 4): "Targets 6.1')
    )


def test_explain_path_via_other_kinds_and_limits() -> None:
    fw = replace(MINI, outcome_links=())
    assert [p.nodes for p in explain_path(fw, "1.1", "2.1")] == [("1.1", "5.1", "2.1")]
    none = replace(fw, outcome_targets=tuple(t for t in fw.outcome_targets if t.code != "5.1"))
    assert explain_path(none, "1.1", "2.1") == []
    assert explain_path(none, "1.1", "2.1", via=("agency",)) == []
    linked = replace(
        none,
        indicator_agencies=(
            *none.indicator_agencies,
            replace(none.indicator_agencies[0], agency="ilo", seq=2),
        ),
    )
    [p] = explain_path(linked, "1.1", "2.1", via=("indicator", "agency"))
    assert p.nodes == ("1.1", "1.1-01", "ilo", "2.1")
    assert len(explain_path(MINI, "6.1", "6.2", limit=1)) == 1


def test_who_for_an_outcome_and_a_target() -> None:
    rows = who(MINI, "2.1")
    assert [(r.kind, r.id) for r in rows] == [
        ("indicator", "2.1-01"), ("indicator", "2.1-01a"),
        ("agency", "ilo"), ("agency", "undp"),
        ("partner", "ministry-of-labour"), ("partner", "examplestan-chamber-of-commerce"),
        ("lnob-group", "youth"),
    ]  # fmt: skip
    ilo = next(r for r in rows if r.id == "ilo")
    assert (
        ilo.how
        == "responsible for 2.1-01; contributes to 2.1 (narrative list); contributes to 2.1 (results matrix)"
    )
    assert ilo.source_lines == (21, 40, 47)
    target = who(MINI, "6.1")
    assert (
        target[0].kind == "outcome"
        and target[0].how == "lists it (narrative list global; results matrix global)"
    )
    assert [r.id for r in who(MINI, "8.6") if r.kind == "indicator"] == ["2.1-01"]


def test_who_unknown_id() -> None:
    with pytest.raises(UnknownIdError, match="unknown outcome or SDG target '6.9'"):
        who(MINI, "6.9")


@pytest.mark.parametrize("outcome", ["1.1", "2.2", "3.1", "3.2"])
def test_depends_agrees_with_the_sparql_question(kz: cfgraph.Framework, outcome: str) -> None:
    """`cfgraph depends` and the `outcome-dependencies` SPARQL question read links the same way."""
    from cfgraph.rdf.queries import run_query

    mine = {d.other for d in depends(kz, outcome, "depends-on")}
    rows = run_query(kz, "outcome-dependencies", {"outcome": outcome})
    assert mine == {r["depends_on"] for r in rows} - {outcome}
    with_mutual = {d.other for d in depends(kz, outcome, "depends-on", mutual=True)}
    assert mine <= with_mutual


def test_who_says_when_a_real_target_is_not_listed(kz: cfgraph.Framework) -> None:
    from cfgraph.errors import CfgraphError

    with pytest.raises(CfgraphError) as info:
        who(kz, "17.1")
    assert str(info.value) == "SDG target 17.1 is a real target, but no outcome of this framework lists it"
    with pytest.raises(UnknownIdError):
        who(kz, "17.99")


def test_an_outcome_with_only_mutual_links_depends_on_nothing(tmp_path: Path) -> None:
    """Without --mutual its links drop out of the influence graph, and with them the outcome."""
    from tests.conftest import kazakhstan_copy

    copy = cfgraph.load(kazakhstan_copy(tmp_path / "copy"))
    assert {ol.kind for ol in copy.outcome_links if "1.1" in (ol.source, ol.target)} == {
        "interlinked", "mutually-reinforcing",
    }  # fmt: skip
    assert depends(copy, "1.1") == []
    assert {d.other for d in depends(copy, "1.1", mutual=True)} >= {"1.2"}
