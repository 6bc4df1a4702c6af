"""Model -> RDF -> model gives the same framework (up to canonical order)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

import cfgraph
from cfgraph.errors import CfgraphError
from cfgraph.rdf.build import build_graph, build_portfolio
from cfgraph.rdf.from_rdf import canonical, framework_from_graph
from cfgraph.rdf.serialize import to_ntriples


def test_mini_round_trip(mini: cfgraph.Framework) -> None:
    assert framework_from_graph(build_graph(mini)) == canonical(mini)


def test_kazakhstan_round_trip_through_ntriples(kz: cfgraph.Framework) -> None:
    text = to_ntriples(build_graph(kz))
    back = framework_from_graph(Graph().parse(data=text, format="nt"))
    assert back == canonical(kz)
    assert back.info == kz.info
    assert len(back.outcome_targets) == len(kz.outcome_targets)
    assert {t for t in back.outcome_targets if not t.valid} == {t for t in kz.outcome_targets if not t.valid}


def test_round_trip_notices_a_change(mini: cfgraph.Framework) -> None:
    graph = build_graph(mini)
    changed = dataclasses.replace(
        mini, outcomes=(dataclasses.replace(mini.outcomes[0], statement="other"), *mini.outcomes[1:])
    )
    assert framework_from_graph(graph) != canonical(changed)


def test_canonical_sorts_set_like_tuples(kz: cfgraph.Framework) -> None:
    link = canonical(kz).target_links[0]
    assert link.sources == ("4.2", "4.3", "4.4", "4.5", "8.6")  # the document writes 4.2;4.3;4.4;8.6;4.5


def test_one_framework_of_a_portfolio(mini: cfgraph.Framework) -> None:
    other = dataclasses.replace(mini, info=dataclasses.replace(mini.info, id="other-2026-2030"))
    graph = build_portfolio([mini, other])
    assert framework_from_graph(graph, "examplestan-2026-2030") == canonical(mini)
    with pytest.raises(
        CfgraphError, match="expected one framework in the graph, found examplestan-2026-2030, other"
    ):
        framework_from_graph(graph)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
_NUMBER = st.one_of(
    st.none(), st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 3))
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    statement=_TEXT,
    name=_TEXT,
    value=_NUMBER,
    year=st.one_of(st.none(), st.integers(1990, 2100)),
    aliases=st.lists(_TEXT, max_size=3, unique=True),
)
def test_edited_framework_round_trips(
    mini: cfgraph.Framework,
    statement: str,
    name: str,
    value: float | None,
    year: int | None,
    aliases: list[str],
) -> None:
    ind = dataclasses.replace(mini.indicators[0], name=name, baseline_value=value, baseline_year=year)
    fw = dataclasses.replace(
        mini,
        outcomes=(dataclasses.replace(mini.outcomes[0], statement=statement), *mini.outcomes[1:]),
        indicators=(ind, *mini.indicators[1:]),
        agencies=(dataclasses.replace(mini.agencies[0], aliases=tuple(aliases)), *mini.agencies[1:]),
    )
    assert framework_from_graph(build_graph(fw)) == canonical(fw)
