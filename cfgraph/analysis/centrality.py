"""Centrality of the target network (leverage points) and of the actor network (brokers).

Targets: degree and strength (weighted degree) in the co-occurrence + interlinkage network,
betweenness on ``distance = 1/weight``, PageRank on ``weight``; and, in the spirit of
SDG-interlinkage tools (Weitz et al. 2018), the *influence* of a target (how many targets the
text says it acts on) and its *second-order reach* (targets reached through one intermediary
and not directly). Actors: UN agencies and partners, their outcomes and result groups, degree
and betweenness; a *broker* works across result groups, an *isolated* actor with nobody.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> top = target_centrality(fw)[0]
>>> top.target, top.outcomes, top.degree
('5.1', ('1.1', '2.1'), 6)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cfgraph.analysis.communities import community_of, louvain
from cfgraph.analysis.networks import actor_network, target_network
from cfgraph.analysis.records import records
from cfgraph.model import Framework, sdg_sort_key
from cfgraph.vocabulary import LINK_KINDS, split_key

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "TargetCentrality",
    "ActorCentrality",
    "target_centrality",
    "actor_centrality",
    "centrality_rows",
    "portfolio_target_centrality",
    "scores",
]


@dataclass(frozen=True)
class TargetCentrality:
    """How central one SDG target is in the framework's target network."""

    target: str
    title: str
    outcomes: tuple[str, ...]
    degree: int
    strength: float
    betweenness: float
    pagerank: float
    influence: int
    second_order: int
    community: int
    stated_links: tuple[str, ...]


@dataclass(frozen=True)
class ActorCentrality:
    """How one UN agency or partner sits in the actor network."""

    kind: str
    id: str
    label: str
    outcomes: tuple[str, ...]
    result_groups: tuple[str, ...]
    degree: int
    betweenness: float
    broker: bool
    isolated: bool


def _stated_digraph(fw: Framework) -> nx.DiGraph:
    import networkx as nx

    d = nx.DiGraph()
    for tl in fw.target_links:
        direction = LINK_KINDS[tl.kind].influence
        for s, t in tl.pairs():
            if direction in ("forward", "both") or tl.symmetric:
                d.add_edge(s, t)
            if direction in ("backward", "both") or tl.symmetric:
                d.add_edge(t, s)
    return d


def _reach(d: nx.DiGraph, node: str) -> tuple[int, int]:
    if node not in d:
        return 0, 0
    direct = set(d.successors(node)) - {node}
    second = {n for m in direct for n in d.successors(m)} - direct - {node}
    return len(direct), len(second)


def scores(g: nx.Graph) -> tuple[dict[str, float], dict[str, float]]:
    """Betweenness (normalised as networkx does, on ``distance``) and PageRank (on ``weight``) of
    every node, computed by igraph (a C library: networkx's pure-Python betweenness dominated
    the portfolio benchmark). Missing attributes count as 1.

    >>> import networkx as nx
    >>> b, p = scores(nx.path_graph(3))
    >>> b[1], round(p[1], 3)
    (1.0, 0.486)
    """
    import igraph as ig  # type: ignore[import-untyped, unused-ignore]

    nodes = list(g.nodes)
    if g.number_of_edges() == 0:
        return dict.fromkeys(nodes, 0.0), dict.fromkeys(nodes, 1.0 / max(1, len(nodes)))
    pos = {n: i for i, n in enumerate(nodes)}
    edges = list(g.edges(data=True))
    h = ig.Graph(n=len(nodes), edges=[(pos[a], pos[b]) for a, b, _ in edges])
    raw = h.betweenness(weights=[d.get("distance", 1.0) for *_, d in edges], directed=False)
    n = len(nodes)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0  # networkx's normalisation
    ranks = h.pagerank(weights=[d.get("weight", 1.0) for *_, d in edges], damping=0.85, directed=False)
    return {v: raw[i] * scale for v, i in pos.items()}, {v: ranks[i] for v, i in pos.items()}


def target_centrality(fw: Framework, seed: int = 0) -> list[TargetCentrality]:
    """Every target in the target network, most central (PageRank) first.

    Parameters
    ----------
    fw : Framework
        The framework.
    seed : int
        Seed of the Louvain community detection that fills ``community``.

    Returns
    -------
    list of TargetCentrality
        Sorted by PageRank descending, then SDG order.

    Examples
    --------
    >>> import cfgraph
    >>> [t.target for t in target_centrality(cfgraph.load(cfgraph.MINI)) if t.influence]
    ['6.1', '6.2', '3.9', '4.1']
    """
    g = target_network(fw)
    betweenness, pagerank = scores(g)
    community = community_of_targets(g, seed)
    stated = _stated_digraph(fw)
    found = []
    for code in g.nodes:
        influence, second = _reach(stated, code)
        links = sorted({i for _, _, d in g.edges(code, data=True) for i in d["stated"]})
        cat = fw.catalogue.targets.get(code)
        found.append(
            TargetCentrality(
                target=code,
                title=cat.title_en if cat else "",
                outcomes=tuple(g.nodes[code]["outcomes"]),
                degree=g.degree(code),
                strength=float(g.degree(code, weight="weight")),
                betweenness=round(betweenness[code], 4),
                pagerank=round(pagerank[code], 4),
                influence=influence,
                second_order=second,
                community=community.get(code, 0),
                stated_links=tuple(links),
            )
        )
    return sorted(found, key=lambda t: (-t.pagerank, sdg_sort_key(t.target)))


def community_of_targets(g: nx.Graph, seed: int = 0) -> dict[str, int]:
    """Target -> Louvain community number on a target network *g*."""
    from cfgraph.analysis.communities import Community

    return community_of([Community(n, tuple(m), ()) for n, m in enumerate(louvain(g, seed=seed), 1)])


def actor_centrality(fw: Framework, include_partners: bool = True) -> list[ActorCentrality]:
    """Every UN agency (and partner) in the actor network, brokers first.

    Sorted by betweenness, then degree (both descending), then id. ``broker`` is true when
    the actor works on outcomes of more than one result group and lies on shortest paths
    between others; ``isolated`` when it co-works with nobody.

    >>> import cfgraph
    >>> rows = actor_centrality(cfgraph.load(cfgraph.MINI))
    >>> [(r.id, r.degree) for r in rows][:2]
    [('ilo', 3), ('undp', 3)]
    """
    g = actor_network(fw, include_partners=include_partners)
    betweenness, _ = scores(g)
    found = []
    for nid, d in g.nodes(data=True):
        bt = round(betweenness[nid], 4)
        found.append(
            ActorCentrality(
                kind=d["kind"],
                id=split_key(nid)[2],
                label=d["label"],
                outcomes=tuple(d["outcomes"]),
                result_groups=tuple(d["result_groups"]),
                degree=g.degree(nid),
                betweenness=bt,
                broker=len(d["result_groups"]) > 1 and bt > 0,
                isolated=g.degree(nid) == 0,
            )
        )
    return sorted(found, key=lambda a: (-a.betweenness, -a.degree, a.kind, a.id))


def portfolio_target_centrality(fws: list[Framework], seed: int = 0) -> list[TargetCentrality]:
    """Target centrality over a whole portfolio: the frameworks' target networks summed.

    Outcome ids become ``<framework id>/<outcome id>``. Useful to see which targets are
    leverage points UN-wide.

    >>> import cfgraph
    >>> from cfgraph.synthetic import synthetic_portfolio
    >>> len(portfolio_target_centrality(synthetic_portfolio(2))) > 50
    True
    """
    import networkx as nx

    total = nx.Graph()
    for fw in fws:
        g = target_network(fw)
        for code, d in g.nodes(data=True):
            outs = [f"{fw.info.id}/{o}" for o in d["outcomes"]]
            if code in total:
                total.nodes[code]["outcomes"] += outs
            else:
                total.add_node(code, outcomes=outs)
        for a, b, d in g.edges(data=True):
            if total.has_edge(a, b):
                total.edges[a, b]["weight"] += d["weight"]
            else:
                total.add_edge(a, b, weight=d["weight"])
    for _, _, d in total.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    betweenness, pagerank = scores(total)
    community = community_of_targets(total, seed)
    cat = fws[0].catalogue if fws else None
    found = [
        TargetCentrality(
            target=code,
            title=cat.targets[code].title_en if cat and code in cat.targets else "",
            outcomes=tuple(sorted(d["outcomes"])),
            degree=total.degree(code),
            strength=float(total.degree(code, weight="weight")),
            betweenness=round(betweenness[code], 4),
            pagerank=round(pagerank[code], 4),
            influence=0,
            second_order=0,
            community=community.get(code, 0),
            stated_links=(),
        )
        for code, d in total.nodes(data=True)
    ]
    return sorted(found, key=lambda t: (-t.pagerank, sdg_sort_key(t.target)))


def centrality_rows(
    items: list[TargetCentrality] | list[ActorCentrality], framework: str
) -> list[dict[str, Any]]:
    """Centrality records as output rows (``cfgraph synergies --level target|agency``, the report).

    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> list(centrality_rows(target_centrality(fw), fw.info.id)[0])[:4]
    ['framework', 'target', 'title', 'outcomes']
    """
    return records(items, framework=framework)
