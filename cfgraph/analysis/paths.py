"""Theory-of-change queries: what an outcome depends on and affects, and how two nodes connect
(who is involved in an outcome or target: :mod:`cfgraph.analysis.involvement`).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> [(d.direction, d.other, d.links) for d in depends(fw, "1.1")]
[('depends-on', '2.1', ('OL01',))]
>>> print(explain_path(fw, "1.1", "2.1")[0].steps[0])  # doctest: +ELLIPSIS
outcome 1.1 depends on outcome 2.1 (OL01, line 16): "Outcome 1.1 depends on Outcome 2.1, ..."
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cfgraph.analysis.networks import influence_graph
from cfgraph.graph import find_node, node_name, to_networkx
from cfgraph.model import Framework
from cfgraph.vocabulary import LINK_KINDS, LISTED_IN_NAMES, RELATIONS, entity_kind

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Dependency", "PathExplanation", "depends", "depends_answer", "explain_path", "path_answer",
    "path_rows", "no_path",
]  # fmt: skip

DIRECTIONS = ("depends-on", "affects")


@dataclass(frozen=True)
class Dependency:
    """Outcome *other* is what *outcome* depends on (``depends-on``) or affects (``affects``),
    *distance* stated links away along *path* (from the influencing outcome to the influenced)."""

    outcome: str
    direction: str
    other: str
    distance: int
    path: tuple[str, ...]
    links: tuple[str, ...]
    kinds: tuple[str, ...]
    quotes: tuple[str, ...]
    source_lines: tuple[int, ...]


def _bfs(g: nx.MultiDiGraph, start: str) -> dict[str, str | None]:
    parent: dict[str, str | None] = {start: None}
    queue = deque([start] if start in g else [])  # an outcome with only mutual links has no edge here
    while queue:
        u = queue.popleft()
        for v in sorted(g.successors(u)):
            if v not in parent:
                parent[v] = u
                queue.append(v)
    return parent


def _hop(g: nx.MultiDiGraph, u: str, v: str) -> list[dict[str, Any]]:
    return [{"id": k, **d} for k, d in sorted(g.get_edge_data(u, v).items())]


def depends(
    fw: Framework, outcome: str, direction: str | None = None, mutual: bool = False
) -> list[Dependency]:
    """What *outcome* depends on and what it affects, transitively, through the stated links.

    Links are read as influence (:func:`cfgraph.analysis.networks.influence_graph`): "A affects B" and
    "B depends on A" both mean A influences B. Mutual kinds (interlinked, mutually reinforcing,
    ...) state no direction, so they are left out unless *mutual* is true (then they go both
    ways) — the same reading as the ``outcome-dependencies`` SPARQL question.

    Parameters
    ----------
    fw : Framework
        The framework.
    outcome : str
        An outcome id; :class:`~cfgraph.errors.UnknownIdError` (with close ids) if unknown.
    direction : {"depends-on", "affects"}, optional
        Only one side (default both).
    mutual : bool
        Also follow links of a mutual kind.

    Returns
    -------
    list of Dependency
        ``depends-on`` first, then ``affects``; each by distance, then id. Each carries the
        shortest chain of links with their quotes.
    """
    fw.outcome(outcome)
    g = influence_graph(fw)
    if not mutual:
        g = g.edge_subgraph(
            [(a, b, k) for a, b, k, kind in g.edges(keys=True, data="kind") if not LINK_KINDS[kind].symmetric]
        )
    found = []
    for side in DIRECTIONS if direction is None else (direction,):
        view = g.reverse(copy=False) if side == "depends-on" else g
        parent = _bfs(view, outcome)
        for other in parent:
            if other == outcome:
                continue
            chain = [other]
            while (p := parent[chain[-1]]) is not None:
                chain.append(p)
            path = chain if side == "depends-on" else chain[::-1]  # influencer first
            hops = [_hop(g, a, b) for a, b in zip(path, path[1:], strict=False)]
            edges = [e for hop in hops for e in hop]
            lines = sorted({int(p.split("-")[0]) for e in edges for p in e["source_lines"].split(";") if p})
            found.append(
                Dependency(
                    outcome, side, other, len(path) - 1, tuple(path),
                    tuple(dict.fromkeys(e["id"] for e in edges)),
                    tuple(dict.fromkeys(e["kind"] for e in edges)),
                    tuple(dict.fromkeys(e["quote"] for e in edges)),
                    tuple(lines),
                )
            )  # fmt: skip
    return sorted(found, key=lambda d: (DIRECTIONS.index(d.direction), d.distance, d.other))


@dataclass(frozen=True)
class PathExplanation:
    """One shortest path between two nodes, each hop explained with its evidence."""

    rank: int
    length: int
    nodes: tuple[str, ...]
    steps: tuple[str, ...]
    links: tuple[str, ...]
    source_lines: tuple[int, ...]
    directions: tuple[str, ...] = ()

    @property
    def against(self) -> int:
        """How many hops walk against the direction the text states."""
        return sum(d == "against" for d in self.directions)


def _influence_ways(d: dict[str, Any], u: str, v: str) -> set[tuple[str, str]]:
    """The ways a stated link from *u* to *v* carries influence (both ways for other edges)."""
    if "link_kind" not in d:
        return {(u, v), (v, u)}
    influence = LINK_KINDS[str(d["link_kind"])].influence
    return {"forward": {(u, v)}, "backward": {(v, u)}, "both": {(u, v), (v, u)}}[influence]


def _direction(g: nx.MultiDiGraph, u: str, v: str) -> str:
    """How the hop u -> v reads: ``with`` the stated influence, ``against`` it, ``mutual`` or
    ``""`` (not a stated link)."""
    ways: set[tuple[str, str]] = set()
    stated = False
    for a, b in ((u, v), (v, u)):
        for d in (g.get_edge_data(a, b) or {}).values():
            if "link_kind" in d:
                stated = True
                ways |= _influence_ways(d, a, b)
    if not stated:
        return ""
    if ways == {(u, v), (v, u)}:
        return "mutual"
    return "with" if (u, v) in ways else "against"


def _wording(d: dict[str, Any]) -> str:
    if "link_kind" in d:
        return LINK_KINDS[str(d["link_kind"])].wording
    return RELATIONS[str(d["kind"])].wording


def _explain(g: nx.MultiDiGraph, u: str, v: str) -> tuple[str, list[str], list[str]]:
    edges = [(u, v, k, d) for k, d in (g.get_edge_data(u, v) or {}).items()]
    edges += [(v, u, k, d) for k, d in (g.get_edge_data(v, u) or {}).items()]
    edges.sort(key=lambda e: ((u, v) not in _influence_ways(e[3], e[0], e[1]), e[0] != u, str(e[2])))
    s, t, _, d = edges[0]
    stated = [d2 for *_, d2 in edges if "link_kind" in d2]
    generic = bool(stated) and all(d2.get("stated_as") == "all-others" for d2 in stated)
    listed = LISTED_IN_NAMES.get(str(d.get("listed_in", "")), "")
    detail = ", ".join(x for x in (listed, str(d.get("role", ""))) if x)
    links = sorted({str(d2["id"]) for *_, d2 in edges if "link_kind" in d2})
    lines = sorted(
        {p.split("-")[0] for *_, d2 in edges for p in str(d2.get("source_lines", "")).split(";") if p}
    )
    where = ", ".join(
        filter(
            None,
            [
                ", ".join(links),
                "generic: 'all other outcomes'" if generic else "",
                detail,
                ("line " if len(lines) == 1 else "lines ") + ", ".join(lines) if lines else "",
            ],
        )
    )
    text = f"{node_name(g, s)} {_wording(d)} {node_name(g, t)}" + (f" ({where})" if where else "")
    if "quote" in d:
        text += f': "{d["quote"]}"'
    if len(edges) > 1:
        text += f" [+{len(edges) - 1} more]"
    return text, links, lines


def explain_path(
    fw: Framework,
    a: str,
    b: str,
    limit: int = 5,
    via: tuple[str, ...] = ("outcome", "sdg-target"),
    directed: bool = False,
) -> list[PathExplanation]:
    """How *a* and *b* (outcomes or targets) connect: up to *limit* shortest paths, explained.

    The path may pass only through nodes of the kinds in *via* (default outcomes and SDG
    targets: stated outcome links, target lists and stated target interlinkages; add
    ``agency``, ``partner``, ``lnob-group`` or ``indicator`` to go through them). Stated links
    read as influence (:func:`cfgraph.analysis.networks.influence_graph`: "A depends on B" is B
    acting on A). With *directed*, a path follows stated links only the way influence flows from
    *a* towards *b*, and other ties only from the thing that acts (an outcome to the targets it
    lists, an agency to its outcomes), never back; otherwise it may walk against them, and each
    hop's ``direction`` says so
    (``with``, ``against``, ``mutual``, or empty for a hop that is not a stated link).
    Reviewers' scores (``judged`` relations) are not evidence of a path.

    Returns
    -------
    list of PathExplanation
        Paths in a stable order (by the sequence of node ids); empty if none.
    """
    import networkx as nx

    full = to_networkx(fw)
    via = tuple(entity_kind(k).name for k in via)
    kinds = tuple(dict.fromkeys((*via, "outcome", "sdg-target")))
    src, dst = find_node(full, a, kinds), find_node(full, b, kinds)
    keep = {n for n, k in full.nodes(data="kind") if k in via or n in (src, dst)}
    sub = nx.subgraph_view(  # what the text states: reviewers' judgements are not paths
        full,
        filter_node=keep.__contains__,
        filter_edge=lambda u, v, k: not RELATIONS[full.edges[u, v, k]["kind"]].judged,
    )
    walk = nx.DiGraph()
    walk.add_nodes_from(sub)
    for u, v, d in sub.edges(data=True):
        if not directed:
            walk.add_edges_from({(u, v), (v, u)})
        elif "link_kind" in d:
            walk.add_edges_from(_influence_ways(d, u, v))
        else:  # not a statement of influence: only from what acts (an outcome lists its targets)
            walk.add_edge(u, v)
    try:
        paths = sorted(nx.all_shortest_paths(walk, src, dst))[:limit]
    except nx.NetworkXNoPath:
        return []
    found = []
    for rank, path in enumerate(paths, 1):
        steps, links, lines = [], [], []
        for u, v in zip(path, path[1:], strict=False):
            text, ls, ln = _explain(sub, u, v)
            steps.append(text)
            links += ls
            lines += ln
        found.append(
            PathExplanation(rank, len(path) - 1, tuple(full.nodes[n]["id"] for n in path), tuple(steps),
                            tuple(dict.fromkeys(links)), tuple(sorted({int(n) for n in lines})),
                            tuple(_direction(sub, u, v) for u, v in zip(path, path[1:], strict=False)))
        )  # fmt: skip
    return found


def path_rows(paths: list[PathExplanation], framework: str) -> list[dict[str, Any]]:
    """Paths as output rows, one per hop: ``path`` (its rank), ``hop``, ``from``, ``to``,
    ``direction`` (``with`` or ``against`` the stated influence, ``mutual``, empty for a hop that
    is not a stated link), ``explanation`` and the path's ``length``.

    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> [(r["from"], r["to"]) for r in path_rows(explain_path(fw, "1.1", "2.1"), fw.info.id)]
    [('1.1', '2.1')]
    """
    return [
        {"framework": framework, "path": p.rank, "hop": n, "from": u, "to": v, "direction": way,
         "explanation": step, "length": p.length}
        for p in paths
        for n, (u, v, step, way) in enumerate(
            zip(p.nodes, p.nodes[1:], p.steps, p.directions, strict=False), 1
        )
    ]  # fmt: skip


def depends_answer(
    fw: Framework, outcome: str, direction: str | None = None, mutual: bool = False
) -> tuple[str, list[dict[str, Any]], str]:
    """``cfgraph depends``: a heading, the :func:`depends` rows, and why there are none.

    >>> import cfgraph
    >>> title, rows, empty = depends_answer(cfgraph.load(cfgraph.MINI), "1.1", "affects")
    >>> rows, empty
    ([], 'outcome 1.1 affects no other outcome through a stated link of a directed kind')
    """
    from cfgraph.analysis.records import records

    found = depends(fw, outcome, direction, mutual)
    sides = {"depends-on": "depends on", "affects": "affects"}
    side = sides[direction] if direction else "depends on or affects"
    title = f"What outcome {outcome} {side}, through the stated links read as influence"
    kinds = "a stated link" if mutual else "a stated link of a directed kind"
    empty = f"outcome {outcome} {side} no other outcome through {kinds}"
    touching = [ol for ol in fw.outcome_links if outcome in (ol.source, ol.target)]
    if not mutual and any(LINK_KINDS[ol.kind].symmetric for ol in touching):
        n = sum(LINK_KINDS[ol.kind].symmetric for ol in touching)
        empty += f"; {n} link(s) of a mutual kind touch it (--mutual follows them)"
    return title, records(found, framework=fw.info.id), empty


def path_answer(
    fw: Framework, a: str, b: str, limit: int = 5, via: tuple[str, ...] = (), directed: bool = False
) -> tuple[str, list[dict[str, Any]], list[str]]:
    """``cfgraph path``: a heading, the :func:`path_rows` and notes (hops against the stated
    direction).

    >>> import cfgraph
    >>> title, rows, notes = path_answer(cfgraph.load(cfgraph.MINI), "1.1", "2.1")
    >>> title, [r["direction"] for r in rows]
    ('How 1.1 and 2.1 connect: 1 shortest path of 1 hop', ['against'])
    >>> notes[0][:40]
    '1 hop walks against the stated direction'

    Without a path, the note says where it looked and which ``--via`` would find one
    (:func:`no_path`).
    """
    paths = explain_path(fw, a, b, limit=limit, via=("outcome", "sdg-target", *via), directed=directed)
    rows = path_rows(paths, fw.info.id)
    length = paths[0].length if paths else 0
    plural = "s" if len(paths) != 1 else ""
    hops = f"{length} hop{'s' if length != 1 else ''}"
    title = f"How {a} and {b} connect" + (f": {len(paths)} shortest path{plural} of {hops}" if paths else "")
    against = sum(p.against for p in paths)
    notes = [] if paths else [no_path(fw, a, b, limit, via, directed)]
    if against:
        notes.append(
            f"{against} hop{' walks' if against == 1 else 's walk'} against the stated direction "
            "(the text says the later node acts on the earlier); --directed follows influence only"
        )
    return title, rows, notes



def no_path(
    fw: Framework, a: str, b: str, limit: int = 5, via: tuple[str, ...] = (), directed: bool = False
) -> str:
    """Why :func:`path_answer` found no path from *a* to *b*: what it looked through, and each
    ``--via`` kind (agencies, partners first) that would find paths, with how many.

    >>> import cfgraph
    >>> said = no_path(cfgraph.load(cfgraph.MINI), "1.1", "8.6", directed=True)
    >>> said[:68], said[-30:]
    ('no path from 1.1 to 8.6 through stated outcome links and SDG targets', 'following the stated direction')
    """
    through = ["stated outcome links", "SDG targets", *(entity_kind(k).plural for k in via)]
    said = f"no path from {a} to {b} through {', '.join(through[:-1])} and {through[-1]}"
    said += " (the outcomes' target lists and stated target interlinkages)"
    said += " following the stated direction" if directed else ""
    found = []
    from cfgraph.vocabulary import VIA_KINDS

    for kind in (k for k in VIA_KINDS if k not in via):
        paths = explain_path(fw, a, b, limit, ("outcome", "sdg-target", *via, kind), directed)
        if paths:
            n, hops = len(paths), paths[0].length
            found.append(f"--via {kind} finds {n} path{'s' * (n != 1)} of {hops} hop{'s' * (hops != 1)}")
        if len(found) == 2:
            break
    return said + (f"; {', '.join(found)}" if found else "")
