"""A portfolio in one SPARQL store: a named graph per framework, one graph of the shared nodes.

:func:`push_portfolio_sparql` puts each framework's own triples (every subject under its IRI)
into its named graph with one ``PUT`` (so pushing some frameworks again replaces those and leaves
the others), and adds the SDG catalogue's and the UN entity registry's nodes they use to one
shared graph, :data:`SHARED_GRAPH`, with a ``POST`` (the store keeps one copy of each triple). The
union of the framework graphs and the shared graph is then the portfolio graph of
:func:`cfgraph.rdf.build.build_portfolio`, each triple once: stores that union several default
graphs as a bag (Oxigraph does) would otherwise see a shared node's triples once per framework.
:func:`run_portfolio_query_endpoint` asks a named question over that union.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cfgraph.namespaces import ID_BASE
from cfgraph.stores.sparql_store import (
    SparqlPushReport,
    default_graph_iri,
    push_sparql,
    select_endpoint,
    select_json,
)

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = [
    "SHARED_GRAPH",
    "split_framework_triples",
    "split_ntriples",
    "GraphPush",
    "portfolio_push_plan",
    "push_portfolio_sparql",
    "portfolio_graphs_in_store",
    "run_portfolio_query_endpoint",
]

#: The named graph of the nodes every framework shares (SDG goals, targets, indicators; UN entities).
SHARED_GRAPH = ID_BASE + "shared"


def split_framework_triples(fw: Framework) -> tuple[str, str]:
    """The framework's N-Triples split in two: its own (subjects under its IRI), and the shared ones.

    >>> import cfgraph
    >>> own, shared = split_framework_triples(cfgraph.load(cfgraph.MINI))
    >>> undp = "<https://w3id.org/cfgraph/id/un/undp> "
    >>> "/id/examplestan-2026-2030/outcome/1.1>" in own, undp in shared
    (True, True)
    >>> any(t.startswith(undp) for t in own.splitlines())
    False
    """
    from cfgraph.rdf.build import build_graph
    from cfgraph.rdf.serialize import to_ntriples

    return split_ntriples(default_graph_iri(fw), to_ntriples(build_graph(fw)))


def split_ntriples(graph: str, ntriples: str) -> tuple[str, str]:
    """The lines of *ntriples* whose subject is *graph* or below it, and the other lines."""
    mine = (f"<{graph}>", f"<{graph}/")
    own: list[str] = []
    shared: list[str] = []
    for line in ntriples.splitlines(keepends=True):
        (own if line.startswith(mine) else shared).append(line)
    return "".join(own), "".join(shared)


@dataclass(frozen=True)
class GraphPush:
    """One request of a push: the named graph, its N-Triples, and whether it replaces the graph."""

    graph: str
    ntriples: str
    replace: bool = True

    @property
    def triples(self) -> int:
        return sum(1 for line in self.ntriples.splitlines() if line.strip())


def portfolio_push_plan(frameworks: Iterable[Framework]) -> list[GraphPush]:
    """What :func:`push_portfolio_sparql` sends: each framework's own triples (replacing its graph),
    then the shared nodes of them all (added to :data:`SHARED_GRAPH`)."""
    plan = []
    shared: set[str] = set()
    for fw in frameworks:
        own, common = split_framework_triples(fw)
        shared.update(common.splitlines(keepends=True))
        plan.append(GraphPush(default_graph_iri(fw), own))
    return [*plan, GraphPush(SHARED_GRAPH, "".join(sorted(shared)), replace=False)]


def push_portfolio_sparql(frameworks: Iterable[Framework], store: str) -> list[SparqlPushReport]:
    """Put each framework into its own named graph (``PUT``) and the nodes they share into
    :data:`SHARED_GRAPH` (``POST``); one report per framework, then one for the shared graph."""
    plan = portfolio_push_plan(frameworks)
    return [push_sparql(p.ntriples, store, p.graph, replace=p.replace) for p in plan]


def portfolio_graphs_in_store(endpoint: str, timeout: float = 120.0) -> list[str]:
    """The store's named graphs that hold a framework, sorted, then :data:`SHARED_GRAPH` if it has one."""
    from cfgraph.namespaces import CFG

    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?f a <{CFG.CooperationFramework}> }} }} ORDER BY ?g"
    found = select_json(endpoint, query, None, timeout)["results"]["bindings"]
    graphs = [str(b["g"]["value"]) for b in found]
    ask = f"SELECT ?s WHERE {{ GRAPH <{SHARED_GRAPH}> {{ ?s ?p ?o }} }} LIMIT 1"
    has_shared = bool(select_json(endpoint, ask, None, timeout)["results"]["bindings"])
    return graphs + ([SHARED_GRAPH] if has_shared else [])


def run_portfolio_query_endpoint(
    endpoint: str, name: str, params: Mapping[str, str] | None = None, union: bool = False
) -> list[dict[str, str]]:
    """Answer the named question *name* over every framework in the store (and their shared
    nodes): the rows :func:`cfgraph.rdf.queries.run_query` gives in-process on the graph of the
    same frameworks.

    By default the graphs are named (``default-graph-uri``, any SPARQL 1.1 store); *union* asks
    Oxigraph for the union of its named graphs instead (``union-default-graph``), which it answers
    several times faster. Both see each triple once, since the pushes wrote each triple once.
    """
    from cfgraph.rdf.queries import get_query
    from cfgraph.rdf.query_params import bindings

    query = get_query(name)
    graphs = None if union else portfolio_graphs_in_store(endpoint)
    return select_endpoint(
        endpoint, query.text, bindings(query, params), graphs, query.list_columns, union=union
    )
