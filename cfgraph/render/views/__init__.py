"""Interactive network views: one generic renderer for every view file in ``visualisations/``.

:func:`view_graph` cuts the framework graph down to a view's node and edge kinds (optionally the
neighbourhood of one node), :func:`render_graph` styles it through pyvis and
:func:`cfgraph.render.page.page_html` writes an offline, escaped page.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> view = render_view(fw, "theory-of-change")
>>> view.nodes, view.edges, "<h1" in view.html
(2, 1, True)
>>> render_view(fw, "stakeholder-map", focus="unicef", depth=2).nodes
6
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cfgraph.errors import UnknownIdError
from cfgraph.render.views.spec import NODE_KINDS, ViewSpec, load_view_spec, view_names
from cfgraph.render.views.style import (
    GENERIC_LABEL,
    Styler,
    consensus_label,
    legend,
    legend_order,
    nx_undirected,
    size_note,
    vis_edge,
    vis_node,
    vis_options,
)

if TYPE_CHECKING:
    import networkx as nx

    from cfgraph.model import Framework

__all__ = [
    "RenderedView",
    "list_views",
    "render_graph",
    "render_view",
    "resolve_focus",
    "view_graph",
    "neighbourhood",
    "write_view",
]


@dataclass(frozen=True)
class RenderedView:
    """One view as a page: ``html`` plus what it draws."""

    name: str
    title: str
    html: str
    nodes: int
    edges: int
    focus: tuple[str, ...] = ()


def list_views(folder: Path | None = None) -> list[ViewSpec]:
    """Every view definition (shipped, or in *folder*), sorted by name."""
    return [load_view_spec(n, folder) for n in view_names(folder)]


def resolve_focus(g: nx.MultiDiGraph, ident: str) -> str:
    """The node *ident* names: a key, a typed id (``agency:undp``) or a bare id (``undp``, ``1.1``).

    >>> import cfgraph
    >>> from cfgraph.render.views.graph import framework_graph
    >>> g = framework_graph(cfgraph.load(cfgraph.MINI))
    >>> resolve_focus(g, "1.1"), resolve_focus(g, "agency:ilo")
    ('examplestan-2026-2030/outcome/1.1', 'examplestan-2026-2030/agency/ilo')
    """
    from cfgraph.graph import find_node

    return find_node(g, ident, NODE_KINDS)


def view_graph(
    g: nx.MultiDiGraph, spec: ViewSpec, focus: str | Sequence[str] | None = None, depth: int | None = None
) -> nx.MultiDiGraph:
    """The part of *g* that *spec* draws; with *focus* (one id or several), only their
    :func:`neighbourhood` of *depth* steps and the shortest connections between them."""
    import networkx as nx

    excluded = {(n.kind, grp) for n in spec.nodes for grp in n.exclude_groups}
    kinds = {n.kind for n in spec.nodes}
    keep = sorted(
        n for n, d in g.nodes(data=True) if d["kind"] in kinds and (d["kind"], d.get("group")) not in excluded
    )
    edge_kinds = {e.kind for e in spec.edges}
    sub = nx.MultiDiGraph(name=g.graph.get("name", ""))
    sub.add_nodes_from((n, g.nodes[n]) for n in keep)
    sub.add_edges_from(
        (u, v, k, d)
        for u, v, k, d in g.edges(keys=True, data=True)
        if d["kind"] in edge_kinds and u in sub and v in sub
    )
    centres = [_resolve_in_view(g, sub, spec, f) for f in _foci(focus)]
    if centres:
        near = neighbourhood(sub, centres, depth if depth is not None else spec.focus_depth)
        sub = nx.MultiDiGraph(sub.subgraph(sorted(near)))
    if spec.drop_isolated:
        sub.remove_nodes_from(sorted(n for n in nx.isolates(sub) if n not in centres))
    return sub


def _foci(focus: str | Sequence[str] | None) -> list[str]:
    if focus is None:
        return []
    return [focus] if isinstance(focus, str) else list(focus)


def _resolve_in_view(g: nx.MultiDiGraph, sub: nx.MultiDiGraph, spec: ViewSpec, ident: str) -> str:
    """The node *ident* names among the nodes the view draws (hints name only those)."""
    from cfgraph.graph import find_node
    from cfgraph.model import closest

    drawn = ", ".join(NODE_KINDS[s.kind] for s in spec.nodes)
    what = f"node of view {spec.name} (it draws: {drawn})"
    kinds = [s.kind for s in spec.nodes]
    drawn_ids = sorted({str(d["id"]) for _, d in sub.nodes(data=True)})
    try:
        node = find_node(g, ident, [*kinds, *(k for k in NODE_KINDS if k not in kinds)])
    except UnknownIdError as exc:
        here = [n for n in exc.suggestions if n in drawn_ids] or closest(ident, drawn_ids)
        raise UnknownIdError(what, ident, here) from None
    if node not in sub:
        raise UnknownIdError(what, ident, closest(ident, drawn_ids))
    return node


def neighbourhood(g: nx.MultiDiGraph, centres: Sequence[str], depth: int) -> set[str]:
    """The nodes within *depth* steps of any of *centres*, and the nodes on one shortest
    connection between every two centres.

    A step that reaches an outcome also takes the outcome's neighbours of other kinds than the
    centre's (an agency's step reaches its outcomes and the partners, groups and result groups
    on them, not every other agency), so "UNDP, its outcomes and their partners" is depth 1.

    >>> import cfgraph
    >>> from cfgraph.render.views.graph import framework_graph
    >>> g = framework_graph(cfgraph.load(cfgraph.MINI))
    >>> near = neighbourhood(g, ["examplestan-2026-2030/agency/who"], 1)
    >>> sorted(g.nodes[n]["kind"] for n in near if g.nodes[n]["kind"] != "sdg-target")
    ['agency', 'indicator', 'lnob-group', 'lnob-group', 'outcome', 'partner', 'partner', 'result-group']
    """
    import networkx as nx

    und = g.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        distance = nx.single_source_shortest_path_length(und, centre, cutoff=depth)
        keep |= set(distance)
        kind = g.nodes[centre]["kind"]
        for n, d in distance.items():
            if d >= 1 and g.nodes[n]["kind"] == "outcome":
                keep |= {m for m in und.neighbors(n) if g.nodes[m]["kind"] not in (kind, "outcome")}
    for i, a in enumerate(centres):
        for b in centres[i + 1 :]:
            try:
                keep |= set(nx.shortest_path(und, a, b))
            except nx.NetworkXNoPath:
                continue
    return keep


def _focus_label(g: nx.MultiDiGraph, focus: Sequence[str]) -> str:
    """How the page names the focused nodes: ``UNDP (agency:undp) and …``."""
    from cfgraph.vocabulary import typed_id

    names = []
    for n in focus:
        if n in g:
            d = g.nodes[n]
            names.append(f"{d.get('label', d['id'])} ({typed_id(d['kind'], str(d['id']))})")
    return " and ".join(names)


def render_graph(
    g: nx.MultiDiGraph,
    spec: ViewSpec,
    *,
    framework_title: str = "",
    focus: Sequence[str] = (),
    back_link: str | None = None,
    lib: str = "lib",
) -> RenderedView:
    """Style the view graph *g* (from :func:`view_graph`) by *spec* and make its offline page."""
    from pyvis.network import Network

    from cfgraph.render.page import page_html
    from cfgraph.render.views.layout import seeded_layout

    styler = Styler(g, spec)
    order = {s.kind: i for i, s in enumerate(spec.nodes)}
    nodes = sorted(g.nodes, key=lambda n: (order[g.nodes[n]["kind"]], n))
    precomputed = len(nodes) > spec.layout.precompute_above
    positions = seeded_layout(nx_undirected(g), seed=spec.layout.seed) if precomputed else {}
    net = Network(directed=True, heading=spec.title, height="100%", width="100%", cdn_resources="in_line")
    legend_nodes = []
    for n in nodes:
        data = g.nodes[n]
        style = spec.node_style(data["kind"])
        assert style is not None  # noqa: S101 - view_graph keeps only the view's kinds
        key, label, colour = styler.facet(style, n, data)
        options = vis_node(style, n, data, colour, styler.size(style, n), key)
        if precomputed:
            x, y = positions[n]
            options.update(x=round(x, 1), y=round(y, 1), physics=False)
        net.add_node(n, **options)
        legend_nodes.append((key, label, colour, style.shape))
    legend_edges = []
    edge_order = {s.kind: i for i, s in enumerate(spec.edges)}
    edges = sorted(
        g.edges(keys=True, data=True), key=lambda e: (edge_order[e[3]["kind"]], e[0], e[1], str(e[2]))
    )
    parallel: dict[tuple[str, str], int] = {}
    for u, v, _, _ in edges:
        parallel[(min(u, v), max(u, v))] = parallel.get((min(u, v), max(u, v)), 0) + 1
    seen: dict[tuple[str, str], int] = {}
    for i, (u, v, _, data) in enumerate(edges):
        estyle = spec.edge_style(data["kind"])
        assert estyle is not None  # noqa: S101 - view_graph keeps only the view's kinds
        options = vis_edge(estyle, data)
        pair = (min(u, v), max(u, v))
        if parallel[pair] > 1:
            k = seen[pair] = seen.get(pair, -1) + 1
            options["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if u < v else "curvedCCW",
                "roundness": round(0.1 + 0.12 * k, 2),
            }
        net.add_edge(u, v, id=f"e{i}", **options)
        relation = str(data.get("relation", ""))
        text = estyle.label
        if estyle.color_by == "relation":
            text = f"{estyle.label}: {relation.replace('-', ' ')}"
        if options["fk"].endswith("|generic"):
            text = GENERIC_LABEL
        elif estyle.color_by == "consensus":
            text = f"{estyle.label}: {consensus_label(relation)}"
        legend_edges.append(
            (options["fk"], text, options["color"]["color"], "dashes" if options["dashes"] else "line")
        )
    net.options = vis_options(spec, len(nodes), precomputed)
    html = page_html(
        net,
        title=spec.title,
        framework_title=framework_title,
        description=spec.description,
        legend_nodes=legend(legend_nodes, legend_order(spec)),
        legend_edges=legend(legend_edges, legend_order(spec)),
        focus=list(focus),
        focus_label=_focus_label(g, focus),
        back_link=back_link,
        lib=lib,
        size_note=size_note(spec),
    )
    return RenderedView(spec.name, spec.title, html, len(nodes), len(edges), tuple(focus))


def render_view(
    fw: Framework,
    name: str,
    focus: str | Sequence[str] | None = None,
    depth: int | None = None,
    *,
    folder: Path | None = None,
    graph: nx.MultiDiGraph | None = None,
    back_link: str | None = None,
    lib: str = "lib",
) -> RenderedView:
    """Render the view called *name* (or a ``.yaml`` path) for framework *fw*."""
    from cfgraph.render.views.graph import framework_graph

    spec = load_view_spec(name, folder)
    full = graph if graph is not None else framework_graph(fw)
    sub = view_graph(full, spec, focus, depth)
    centres = [_resolve_in_view(full, full, spec, f) for f in _foci(focus)]
    return render_graph(sub, spec, framework_title=fw.info.title, focus=centres, back_link=back_link, lib=lib)


def write_view(
    fw: Framework,
    name: str,
    out: Path,
    focus: str | Sequence[str] | None = None,
    depth: int | None = None,
    *,
    folder: Path | None = None,
) -> RenderedView:
    """Write the view page to *out* (UTF-8) and its scripts to ``lib/`` beside it (none beside
    standard output or a device)."""
    from cfgraph.io.atomic import special_output, write_text
    from cfgraph.render.page import copy_assets

    view = render_view(fw, name, focus, depth, folder=folder)
    if not special_output(out):
        copy_assets(out.parent / "lib")
    write_text(out, view.html)
    return view
