"""How a view looks: node colours and sizes, edge styles, legend and vis-network options.

:class:`Styler` gives every node of a view graph its colour (by kind, by group with the view
file's palette, or by community) and its size (a metric scaled between the view's bounds);
:func:`vis_node` and :func:`vis_edge` turn a node or edge into vis-network's JSON.

>>> COMMUNITY_COLOURS[0]
'#0072b2'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from cfgraph.render.views.spec import EdgeStyle, NodeStyle, ViewSpec
from cfgraph.vocabulary import LINK_KINDS, RELATIONS, SCORE_SCALE

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "GENERIC_COLOUR",
    "GENERIC_LABEL",
    "COMMUNITY_COLOURS",
    "CONSENSUS_COLOURS",
    "consensus_label",
    "Styler",
    "legend",
    "legend_order",
    "node_metric",
    "nx_undirected",
    "size_note",
    "vis_edge",
    "vis_node",
    "vis_options",
]

#: colours of communities (colour-blind safe, then greys), in community order (largest first).
COMMUNITY_COLOURS = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#000000",
    "#999999",
    "#7f7f7f",
)


#: Edge colours of the reviewers' consensus, by the scale's points (blue reinforces, red counteracts).
CONSENSUS_COLOURS = {
    "+3": "#2166ac",
    "+2": "#4393c3",
    "+1": "#92c5de",
    "0": "#aaaaaa",
    "-1": "#f4a582",
    "-2": "#d6604d",
    "-3": "#b2182b",
}


def node_metric(g: nx.MultiDiGraph, metric: str) -> dict[str, float]:
    """Degree, betweenness or PageRank of every node, on the undirected simple form of *g*.

    >>> import networkx as nx
    >>> ranks = node_metric(nx.MultiDiGraph(nx.star_graph(3)), "pagerank")
    >>> round(sum(ranks.values()), 6), max(ranks, key=ranks.get)
    (1.0, 0)
    """
    from cfgraph.analysis.centrality import scores

    simple = nx_undirected(g)
    if metric == "degree":
        return {n: float(d) for n, d in simple.degree()}
    betweenness, pagerank = scores(simple)
    return betweenness if metric == "betweenness" else pagerank


def _communities(g: nx.MultiDiGraph, seed: int) -> dict[str, int]:
    import networkx as nx

    simple = nx.Graph(g.to_undirected(as_view=True))
    found = nx.community.louvain_communities(simple, seed=seed) if len(simple) else []
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {n: i for i, members in enumerate(ordered) for n in members}


def _scaled(values: dict[str, float], low: float, high: float) -> Callable[[str], float]:
    roots = {n: math.sqrt(max(v, 0.0)) for n, v in values.items()}
    lo, hi = min(roots.values(), default=0.0), max(roots.values(), default=0.0)

    def size(n: str) -> float:
        if hi == lo:
            return (low + high) / 2
        return round(low + (high - low) * (roots.get(n, lo) - lo) / (hi - lo), 2)

    return size


def _community_notes(g: nx.MultiDiGraph, community: dict[str, int]) -> dict[int, str]:
    """What each community is mostly about: its most frequent groups (goals, for targets).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("t:5.1", {"group": "5"}), ("t:5.2", {"group": "5"}), ("t:1.3", {"group": "1"})])
    >>> _community_notes(g, {"t:5.1": 0, "t:5.2": 0, "t:1.3": 0})
    {0: ' (mostly SDG 5, 1)'}
    """
    counts: dict[int, dict[str, int]] = {}
    for node, index in community.items():
        group = str(g.nodes[node].get("group", ""))
        if group.isdigit():
            counts.setdefault(index, {})[group] = counts.setdefault(index, {}).get(group, 0) + 1
    notes = {}
    for index, by_goal in counts.items():
        top = sorted(by_goal, key=lambda goal: (-by_goal[goal], int(goal)))[:2]
        notes[index] = f" (mostly SDG {', '.join(top)})"
    return notes


class Styler:
    """Colour, size and filter key of each node of one view."""

    def __init__(self, g: nx.MultiDiGraph, spec: ViewSpec) -> None:
        self.spec = spec
        self.sizes: dict[str, Callable[[str], float]] = {}
        for style in spec.nodes:
            if style.size_metric:
                values = node_metric(g, style.size_metric)
                mine = {n: values[n] for n, k in g.nodes(data="kind") if k == style.kind}
                self.sizes[style.kind] = _scaled(mine, *style.size_range)
        self.auto: dict[tuple[str, str], str] = {}
        for style in spec.nodes:
            if style.color_by == "group":
                groups = sorted(
                    {str(d.get("group", "")) for _, d in g.nodes(data=True) if d["kind"] == style.kind}
                )
                unknown = [grp for grp in groups if grp not in style.palette]
                for i, grp in enumerate(unknown):
                    self.auto[(style.kind, grp)] = COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)]
        self.community: dict[str, int] = {}
        if any(s.color_by == "community" for s in spec.nodes):
            given = {n: int(c) for n, c in g.nodes(data="community") if c is not None}
            self.community = given if given else _communities(g, spec.layout.seed)
        self.community_note = _community_notes(g, self.community)

    def facet(self, style: NodeStyle, node: str, data: dict[str, Any]) -> tuple[str, str, str]:
        """(filter key, legend label, colour) of a node."""
        if style.color_by == "group":
            group = str(data.get("group", ""))
            colour = style.palette.get(group) or self.auto.get((style.kind, group), style.color)
            label = style.palette_labels.get(group) or str(data.get("group_label") or group).replace("-", " ")
            return f"{style.kind}|{group}", f"{style.label}: {label}", colour
        if style.color_by == "community" and node in self.community:
            index = self.community[node]
            colour = COMMUNITY_COLOURS[min(index, len(COMMUNITY_COLOURS) - 1)]
            note = self.community_note.get(index, "")
            return f"{style.kind}|c{index}", f"{style.label}: community {index + 1}{note}", colour
        return style.kind, style.label, style.color

    def size(self, style: NodeStyle, node: str) -> float:
        scale = self.sizes.get(style.kind)
        return scale(node) if scale else style.size


def vis_node(
    style: NodeStyle, node: str, data: dict[str, Any], colour: str, size: float, key: str
) -> dict[str, Any]:
    inside = style.shape in ("box", "ellipse", "database", "text")
    font_size = style.font_size + (
        round((size - style.size_range[0]) / 4) if style.size_metric and inside else 0
    )
    return {
        "label": data.get("label", node),
        "shape": style.shape,
        "color": {
            "background": colour,
            "border": "#333333" if inside else colour,
            "highlight": {"background": colour, "border": "#000000"},
            "hover": {"background": colour, "border": "#000000"},
        },
        "size": size,
        "font": {"size": font_size, "color": "#ffffff", "strokeWidth": 0}
        if inside
        else {"size": font_size, "color": "#222222"},
        "kind": data["kind"],
        "fk": key,
        "name": data.get("name", ""),
        "tip": data.get("tip", {}),
    }


def _arrow(kind: str, relation: str) -> bool:
    """Whether the vocabulary draws this edge with an arrowhead (a stated link: if its kind is directed).

    >>> _arrow("outcome-link", "depends-on"), _arrow("outcome-link", "interlinked"), _arrow("contributes", "")
    (True, False, False)
    """
    rel = RELATIONS.get(kind)
    if rel is None or not rel.arrow:
        return False
    link = LINK_KINDS.get(relation)
    return link.arrow if link is not None else True


#: How a link stated only by a generic "all other outcomes" sentence is drawn (dashed, grey).
GENERIC_COLOUR = "#9e9e9e"
#: Its legend entry.
GENERIC_LABEL = "generic statement ('all other outcomes'), not naming the two"


def consensus_label(signed: str) -> str:
    """How a legend names a point of the scale: ``+2 reinforcing``.

    >>> consensus_label("-3")
    '-3 cancelling'
    """
    return next(f"{s.signed} {s.name}" for s in SCORE_SCALE if s.signed == signed)


def vis_edge(style: EdgeStyle, data: dict[str, Any]) -> dict[str, Any]:
    relation = str(data.get("relation", ""))
    colour, width = style.color, style.width
    if style.color_by == "relation":
        colour = style.palette.get(relation, style.color)
    elif style.color_by == "consensus":  # the reviewers' median: colour by its point, width by its size
        colour = CONSENSUS_COLOURS.get(relation, style.color)
        width = round(style.width + 1.5 * abs(float(data.get("consensus", 0))), 2)
    generic = data.get("stated_as") == "all-others"
    if "arrows" in data:  # a merged stated link: arrowheads where influence flows
        ends = str(data["arrows"]).split(";")
        arrows = {end: {"enabled": end in ends, "scaleFactor": 0.6} for end in ("to", "from")}
    else:
        arrows = {"to": {"enabled": _arrow(style.kind, relation), "scaleFactor": 0.6}}
    edge: dict[str, Any] = {
        "color": {"color": GENERIC_COLOUR if generic else colour, "highlight": "#000000", "opacity": 0.85},
        "width": width * (0.6 if generic else 1),
        "dashes": True if generic else style.dashes,
        "arrows": arrows,
        "kind": data["kind"],
        "fk": f"{data['kind']}|{relation}" if style.color_by else data["kind"],
        "tip": data.get("tip", {}),
    }
    if generic:
        edge["fk"] = f"{data['kind']}|generic"
    if style.show_label:
        edge["label"] = data.get("label", relation)
    return edge


def legend(entries: Iterable[tuple[str, str, str, str]], order: list[str]) -> list[dict[str, Any]]:
    """Legend items with counts, ordered by kind then by the view file's palette order."""
    counts: dict[str, dict[str, Any]] = {}
    for key, label, colour, shape in entries:
        item = counts.setdefault(
            key, {"key": key, "label": label, "color": colour, "shape": shape, "count": 0}
        )
        item["count"] += 1
    rank = {k: i for i, k in enumerate(order)}

    def position(key: str) -> tuple[int, int, str]:
        kind, _, facet = key.partition("|")
        return (
            rank.get(kind, len(rank)),
            rank.get(key, len(rank)),
            facet.zfill(4) if facet[1:].isdigit() else facet,
        )

    return [counts[k] for k in sorted(counts, key=position)]


def legend_order(spec: ViewSpec) -> list[str]:
    keys: list[str] = []
    for n in spec.nodes:
        keys += [n.kind, *(f"{n.kind}|{g}" for g in n.palette)]
    for e in spec.edges:
        points = CONSENSUS_COLOURS if e.color_by == "consensus" else e.palette
        keys += [e.kind, *(f"{e.kind}|{r}" for r in points)]
    return keys


def vis_options(spec: ViewSpec, n: int, precomputed: bool) -> dict[str, Any]:
    lay = spec.layout
    solver_options = {
        "gravitationalConstant": lay.gravity,
        "springLength": lay.spring_length,
        "springConstant": 0.06,
        "avoidOverlap": 0.5,
        "damping": 0.6,
    }
    if lay.solver == "barnesHut":
        solver_options["gravitationalConstant"] = lay.gravity * 50
    elif lay.solver == "repulsion":
        del solver_options["gravitationalConstant"], solver_options["avoidOverlap"]
        solver_options["nodeDistance"] = abs(lay.gravity) * 2
    return {
        "autoResize": True,
        "layout": {"randomSeed": lay.seed, "improvedLayout": n <= 150},
        "physics": {
            "enabled": not precomputed,
            "solver": lay.solver,
            lay.solver: solver_options,
            "stabilization": {
                "enabled": True,
                "iterations": lay.iterations,
                "fit": True,
                "updateInterval": 50,
            },
            "minVelocity": 1.0,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": n > 1000,
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"face": "DejaVu Sans, Arial, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": False if n > 1000 else {"type": "continuous", "roundness": 0.3},
            "font": {"size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "selectionWidth": 2,
        },
    }


_METRIC_WORDS = {
    "degree": "how many links it has",
    "betweenness": "how much it bridges the others (betweenness)",
    "pagerank": "how central it is (PageRank)",
}


def size_note(spec: ViewSpec) -> str:
    parts: dict[str, list[str]] = {}
    for style in spec.nodes:
        if style.size_metric:
            parts.setdefault(style.size_metric, []).append(style.label)
    if not parts:
        return ""
    return "Node size: " + "; ".join(f"{_METRIC_WORDS[m]} ({', '.join(k)})" for m, k in parts.items()) + "."


def nx_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of *g* (for layouts and metrics)."""
    import networkx as nx

    return nx.Graph(g.to_undirected(as_view=True))
