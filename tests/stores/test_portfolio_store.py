"""One shared store for many frameworks: a real Oxigraph server (a named graph per framework) and an
embedded FalkorDB, each holding the shipped framework, its renamed and edited copy and the mini one.

Pushing some frameworks again replaces only those; the named questions give, on the store, the rows
the same questions give in-process; UNDP is one node.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.analysis import portfolio as pf
from cfgraph.cli import cli
from cfgraph.lpg import property_graph
from cfgraph.rdf.build import build_portfolio
from cfgraph.rdf.queries import get_query, list_queries, run_query
from cfgraph.rdf.serialize import to_ntriples
from cfgraph.stores.cypher_queries import list_cypher_queries
from cfgraph.stores.falkordb import FalkorSession, open_falkordb, push_to_client
from cfgraph.stores.sparql_portfolio import (
    SHARED_GRAPH,
    portfolio_graphs_in_store,
    push_portfolio_sparql,
    run_portfolio_query_endpoint,
    split_framework_triples,
)
from cfgraph.stores.sparql_store import default_graph_iri, select_endpoint
from tests.conftest import COPY_ID

KZ = "kazakhstan-2021-2025"
MINI_ID = "examplestan-2026-2030"
RIVER_ID = "riverland-2027-2031"
PARAMS = {"target": "5.2", "outcome": "1.1", "type": "ngo-cso", "framework": COPY_ID, "other": KZ}


def _count(server: str, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    rows = select_endpoint(f"{server}/query", query)
    return int(rows[0]["n"])


def _lines(fw: cfgraph.Framework) -> int:
    """The framework's own triples (the shared SDG and UN entity nodes go into the shared graph)."""
    return len(split_framework_triples(fw)[0].splitlines())


@pytest.fixture(scope="module")
def pushed(server: str, portfolio: list[cfgraph.Framework]) -> str:
    reports = push_portfolio_sparql(portfolio, f"{server}/store")
    assert [r.graph for r in reports] == [*(default_graph_iri(fw) for fw in portfolio), SHARED_GRAPH]
    return server


def test_a_named_graph_per_framework_and_one_of_shared_nodes(
    pushed: str, portfolio: list[cfgraph.Framework]
) -> None:
    graphs = portfolio_graphs_in_store(f"{pushed}/query")
    assert graphs == [*sorted(default_graph_iri(fw) for fw in portfolio), SHARED_GRAPH]
    for fw in portfolio:
        assert _count(pushed, default_graph_iri(fw)) == _lines(fw), fw.info.id
    whole = to_ntriples(build_portfolio(portfolio)).splitlines()
    assert sum(_count(pushed, g) for g in graphs) == len(whole)  # every triple once


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_the_store_gives_the_in_process_rows(
    pushed: str, portfolio: list[cfgraph.Framework], name: str
) -> None:
    params = {p.name: PARAMS[p.name] for p in get_query(name).params if p.required}
    local = run_query(build_portfolio(portfolio), name, params)
    remote = run_portfolio_query_endpoint(f"{pushed}/query", name, params)
    assert remote == local
    assert run_portfolio_query_endpoint(f"{pushed}/query", name, params, union=True) == local
    assert remote or name == "contested-links", name  # the portfolio holds no reviewers' scores


def test_undp_is_one_node_in_the_store(pushed: str) -> None:
    text = (
        "PREFIX cfg: <https://w3id.org/cfgraph/ontology#> SELECT ?e (COUNT(DISTINCT ?a) AS ?agencies) "
        "WHERE { ?a cfg:unEntity ?e . ?e <http://purl.org/dc/terms/identifier> \"undp\" } GROUP BY ?e"
    )
    graphs = portfolio_graphs_in_store(f"{pushed}/query")
    assert select_endpoint(f"{pushed}/query", text, graph=graphs) == [{"e": "undp", "agencies": "4"}]


def test_pushing_one_framework_replaces_only_it(
    server: str, pushed: str, portfolio: list[cfgraph.Framework]
) -> None:
    mini = portfolio[0]
    before = {fw.info.id: _count(server, default_graph_iri(fw)) for fw in portfolio}
    smaller = dataclasses.replace(mini, outcome_links=())
    push_portfolio_sparql([smaller], f"{server}/store")
    after = {fw.info.id: _count(server, default_graph_iri(fw)) for fw in portfolio}
    assert after[KZ] == before[KZ] and after[COPY_ID] == before[COPY_ID]
    assert after[MINI_ID] == _lines(smaller) < before[MINI_ID]
    push_portfolio_sparql([mini], f"{server}/store")  # as it was


def test_push_sparql_command_pushes_a_portfolio(runner: CliRunner, server: str, portfolio_dir: Path) -> None:
    args = ["push", "sparql", "--store", f"{server}/store", "--portfolio", str(portfolio_dir)]
    args += ["--format", "json"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["graph"].rsplit("/", 1)[1] for r in rows] == [MINI_ID, KZ, COPY_ID, RIVER_ID, "shared"]
    assert {r["http_status"] for r in rows} <= {201, 204}
    refused = runner.invoke(cli, [*args, "--graph", "https://example.org/one"])
    assert refused.exit_code == 2 and "--graph names one graph" in refused.stderr


# -- FalkorDB --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def falkor(tmp_path_factory: pytest.TempPathFactory, portfolio: list[cfgraph.Framework]) -> Iterator[Any]:
    with open_falkordb(tmp_path_factory.mktemp("falkordb") / "portfolio.db") as db:
        push_to_client(db, property_graph(portfolio), graph="portfolio")
        yield db


def _read(db: Any, statement: str) -> list[list[Any]]:
    return FalkorSession(db, "portfolio").read(statement)


def test_falkordb_holds_each_framework_as_alone(falkor: Any, portfolio: list[cfgraph.Framework]) -> None:
    for fw in portfolio:
        alone = property_graph(fw)
        mine = sum(1 for n in alone.nodes if n.properties.get("framework") == fw.info.id)
        rows = _read(falkor, f"MATCH (n) WHERE n.framework = '{fw.info.id}' RETURN count(n)")
        assert rows == [[mine]], fw.info.id
    assert _read(falkor, "MATCH (u:UnEntity {id: 'undp'}) RETURN count(u)") == [[1]]
    undp = "MATCH (a:Agency)-[:IS_UN_ENTITY]->(:UnEntity {id: 'undp'}) RETURN a.framework AS f ORDER BY f"
    agencies = _read(falkor, undp)
    assert agencies == [[MINI_ID], [KZ], [COPY_ID], [RIVER_ID]]


def _sorted_lists(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from cfgraph.namespaces import sort_key

    return [{k: sorted(v, key=sort_key) if isinstance(v, list) else v for k, v in r.items()} for r in rows]


def test_cross_country_cypher_gives_the_library_rows(falkor: Any, portfolio: list[cfgraph.Framework]) -> None:
    from cfgraph.stores.cypher_queries import get_cypher_query

    def ask(name: str) -> list[dict[str, Any]]:
        result = falkor.select_graph("portfolio").ro_query(get_cypher_query(name).text)
        return [dict(zip([c[1] for c in result.header], row, strict=True)) for row in result.result_set]

    footprint = [dict(r, outcomes=list(r["outcomes"]), targets=list(r["targets"]))
                 for r in pf.portfolio_rows(pf.agency_footprint(portfolio))]  # fmt: skip
    assert _sorted_lists(ask("agency-footprint")) == footprint
    spread = {r["target"]: dict(r, frameworks=list(r["frameworks"]))
              for r in pf.portfolio_rows(pf.targets_across(portfolio))}  # fmt: skip
    assert {r["target"]: r for r in _sorted_lists(ask("targets-across-frameworks"))} == spread


def test_every_cypher_question_answers_per_framework(
    falkor: Any, kz: cfgraph.Framework, tmp_path: Path
) -> None:
    """The per-framework Cypher questions on the portfolio give, for the shipped framework, its rows alone."""
    with open_falkordb(tmp_path / "kz.db") as alone:
        push_to_client(alone, property_graph(kz), graph="portfolio")
        for q in list_cypher_queries():
            both = falkor.select_graph("portfolio").ro_query(q.text).result_set
            single = alone.select_graph("portfolio").ro_query(q.text).result_set
            if q.name in ("targets-across-frameworks", "agency-footprint"):
                continue
            assert [r for r in both if r[0] == KZ] == single, q.name


def test_pushing_one_framework_replaces_only_it_in_falkordb(
    falkor: Any, portfolio: list[cfgraph.Framework]
) -> None:
    mini = portfolio[0]
    before = _read(falkor, f"MATCH (n) WHERE n.framework = '{KZ}' RETURN count(n)")
    push_to_client(falkor, property_graph(dataclasses.replace(mini, outcome_links=())), graph="portfolio")
    assert _read(falkor, f"MATCH (n) WHERE n.framework = '{KZ}' RETURN count(n)") == before
    links = f"MATCH (:Outcome {{framework: '{MINI_ID}'}})-[l:LINKS_TO]->() RETURN count(l)"
    assert _read(falkor, links) == [[0]]
    push_to_client(falkor, property_graph(mini), graph="portfolio")
    assert _read(falkor, links) == [[len(mini.outcome_links)]]
