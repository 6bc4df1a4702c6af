"""Interactive network views: one generic renderer for every view file in ``visualisations/``.

:func:`view_graph` cuts the framework graph down to a view's node and edge kinds (optionally the
neighbourhood of one node), :func:`render_graph` styles it through pyvis and
:func:`cfgraph.render.pyvis_offline.page_html` writes an offline, escaped page.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> view = render_view(fw, "theory-of-change")
>>> view.nodes, view.edges, "<h1" in view.html
(2, 1, True)
>>> render_view(fw, "stakeholder-map", focus="unicef", depth=2).nodes
6
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cfgraph.errors import UnknownIdError
from cfgraph.render.viewgraph import NODE_KINDS, node_id
from cfgraph.render.viewspec import ViewSpec, load_view_spec, view_names
from cfgraph.render.viewstyle import (
    Styler,
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
    focus: str | None = None


def list_views(folder: Path | None = None) -> list[ViewSpec]:
    """Every view definition (shipped, or in *folder*), sorted by name."""
    return [load_view_spec(n, folder) for n in view_names(folder)]


def resolve_focus(g: nx.MultiDiGraph, ident: str) -> str:
    """The node id *ident* names: a node id (``agency:undp``) or a bare id (``undp``, ``1.1``, ``6.1``).

    >>> import cfgraph
    >>> from cfgraph.render.viewgraph import framework_graph
    >>> g = framework_graph(cfgraph.load(cfgraph.MINI))
    >>> resolve_focus(g, "1.1"), resolve_focus(g, "agency:ilo")
    ('outcome:1.1', 'agency:ilo')
    """
    if ident in g:
        return ident
    kind, _, bare = ident.partition(":")
    if bare and kind in NODE_KINDS and node_id(kind, bare) in g:
        return node_id(kind, bare)
    for kind in NODE_KINDS:
        candidate = node_id(kind, ident)
        if candidate in g:
            return candidate
    from cfgraph.model import closest

    known = sorted({str(n).split(":", 1)[1] for n in g.nodes})
    raise UnknownIdError("node", ident, closest(ident, known))


def view_graph(
    g: nx.MultiDiGraph, spec: ViewSpec, focus: str | None = None, depth: int | None = None
) -> nx.MultiDiGraph:
    """The part of *g* that *spec* draws; with *focus*, only the nodes within *depth* steps of it."""
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
    centre = None
    if focus is not None:
        centre = resolve_focus(g, focus)
        if centre not in sub:
            from cfgraph.model import closest

            drawn = ", ".join(NODE_KINDS[s.kind] for s in spec.nodes)
            here = sorted({str(n).split(":", 1)[1] for n in sub.nodes})
            raise UnknownIdError(f"node of view {spec.name} (it draws: {drawn})", focus, closest(focus, here))
        near = nx.ego_graph(
            sub.to_undirected(as_view=True), centre, radius=depth if depth is not None else spec.focus_depth
        )
        sub = nx.MultiDiGraph(sub.subgraph(sorted(near.nodes)))
    if spec.drop_isolated:
        sub.remove_nodes_from(sorted(n for n in nx.isolates(sub) if n != centre))
    return sub


def render_graph(
    g: nx.MultiDiGraph,
    spec: ViewSpec,
    *,
    framework_title: str = "",
    focus: str | None = None,
    back_link: str | None = None,
    lib: str = "lib",
) -> RenderedView:
    """Style the view graph *g* (from :func:`view_graph`) by *spec* and make its offline page."""
    from pyvis.network import Network

    from cfgraph.render.layout import seeded_layout
    from cfgraph.render.pyvis_offline import page_html

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
        legend_edges.append(
            (options["fk"], text, options["color"]["color"], "dashes" if estyle.dashes else "line")
        )
    net.options = vis_options(spec, len(nodes), precomputed)
    html = page_html(
        net,
        title=spec.title,
        framework_title=framework_title,
        description=spec.description,
        legend_nodes=legend(legend_nodes, legend_order(spec)),
        legend_edges=legend(legend_edges, legend_order(spec)),
        focus=focus,
        back_link=back_link,
        lib=lib,
        size_note=size_note(spec),
    )
    return RenderedView(spec.name, spec.title, html, len(nodes), len(edges), focus)


def render_view(
    fw: Framework,
    name: str,
    focus: str | None = None,
    depth: int | None = None,
    *,
    folder: Path | None = None,
    graph: nx.MultiDiGraph | None = None,
    back_link: str | None = None,
    lib: str = "lib",
) -> RenderedView:
    """Render the view called *name* (or a ``.yaml`` path) for framework *fw*."""
    from cfgraph.render.viewgraph import framework_graph

    spec = load_view_spec(name, folder)
    full = graph if graph is not None else framework_graph(fw)
    sub = view_graph(full, spec, focus, depth)
    centre = resolve_focus(full, focus) if focus else None
    return render_graph(sub, spec, framework_title=fw.info.title, focus=centre, back_link=back_link, lib=lib)


def write_view(
    fw: Framework,
    name: str,
    out: Path,
    focus: str | None = None,
    depth: int | None = None,
    *,
    folder: Path | None = None,
) -> RenderedView:
    """Write the view page to *out* (UTF-8) and its scripts to ``lib/`` beside it (none beside
    standard output or a device)."""
    from cfgraph.io.atomic import special_output, write_text
    from cfgraph.render.pyvis_offline import copy_assets

    view = render_view(fw, name, focus, depth, folder=folder)
    if not special_output(out):
        copy_assets(out.parent / "lib")
    write_text(out, view.html)
    return view
