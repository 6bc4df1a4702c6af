"""Every named question on a portfolio graph: per framework it gives exactly the rows of that
framework's own graph, whichever frameworks share its outcome ids (the shipped framework and its
renamed, edited copy have the same ones), in rdflib and in pyoxigraph alike."""

from __future__ import annotations

from typing import Any

import pytest

import cfgraph
from cfgraph.errors import UnknownIdError
from cfgraph.rdf.build import build_graph, build_portfolio
from cfgraph.rdf.oxigraph import run_query_oxigraph, store_from_ntriples
from cfgraph.rdf.queries import get_query, list_queries, run_portfolio_query, run_query
from cfgraph.rdf.serialize import to_ntriples
from tests.conftest import COPY_ID

KZ = "kazakhstan-2021-2025"
#: The parameters each question is asked with (its required ones).
PARAMS = {"target": "5.2", "outcome": "1.1", "type": "ngo-cso", "framework": COPY_ID, "other": KZ}
PER_FRAMEWORK = [q.name for q in list_queries() if q.scope == "framework"]


def _required(name: str, **extra: str) -> dict[str, str]:
    return {p.name: PARAMS[p.name] for p in get_query(name).params if p.required} | extra


@pytest.fixture(scope="module")
def graphs(portfolio: list[cfgraph.Framework]) -> dict[str, Any]:
    return {fw.info.id: build_graph(fw) for fw in portfolio}


@pytest.fixture(scope="module")
def whole(portfolio: list[cfgraph.Framework]) -> Any:
    return build_portfolio(portfolio)


@pytest.fixture(scope="module")
def store(whole: Any) -> Any:
    return store_from_ntriples(to_ntriples(whole))


def test_every_question_takes_a_framework() -> None:
    for q in list_queries():
        assert "framework" in q.param_names, q.name
        assert "?framework" in q.text, q.name


@pytest.mark.parametrize("name", PER_FRAMEWORK)
def test_per_framework_the_portfolio_gives_the_framework_alone(
    portfolio: list[cfgraph.Framework], graphs: dict[str, Any], whole: Any, store: Any, name: str
) -> None:
    everything = run_query(whole, name, _required(name))
    assert run_query_oxigraph(store, name, _required(name)) == everything
    answered = 0
    for fw in portfolio:
        fid = fw.info.id
        params = _required(name, framework=fid)
        if "outcome" in params and params["outcome"] not in {o.id for o in fw.outcomes}:
            with pytest.raises(UnknownIdError):  # riverland numbers its outcomes 1, 2, 3
                run_query(whole, name, params)
            assert [r for r in everything if r["framework"] == fid] == []
            continue
        alone = run_query(graphs[fid], name, _required(name))
        answered += len(alone)
        assert all(row["framework"] == fid for row in alone)
        assert run_query(whole, name, params) == alone, (name, fid)
        assert run_query_oxigraph(store, name, params) == alone, (name, fid)
        assert [r for r in everything if r["framework"] == fid] == alone, (name, fid)
    assert len(everything) == answered


def test_same_outcome_ids_never_merge(whole: Any) -> None:
    deps = run_query(whole, "outcome-dependencies", {"outcome": "1.1"})
    by_framework = {fid: [r for r in deps if r["framework"] == fid] for fid in (KZ, COPY_ID)}
    assert by_framework[KZ] and by_framework[COPY_ID] == []  # the copy states no link towards 1.1
    undp = run_query(whole, "agency-outcome-matrix", {"framework": COPY_ID})
    listed = {r["outcome"]: r["listed_in"] for r in undp if r["agency"] == "undp"}
    assert listed["1.1"] == "results_matrix"  # the copy dropped UNDP from 1.1's narrative list only


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_the_command_path_gives_the_portfolio_rows(
    portfolio: list[cfgraph.Framework], whole: Any, name: str
) -> None:
    """`cfgraph query` asks each framework's graph in turn (or, for a cross-country question, the
    graph of them all): the same rows as the portfolio graph, framework by framework."""
    params = _required(name, **({"framework": KZ} if get_query(name).scope == "portfolio" else {}))
    rows = run_portfolio_query(portfolio, name, params)
    expected = run_query(whole, name, params)
    if "framework" in (expected or [{}])[0] and get_query(name).scope == "framework":
        order = [fw.info.id for fw in portfolio]
        expected = sorted(expected, key=lambda r: order.index(r["framework"]))
    assert rows == expected
