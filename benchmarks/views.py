"""View rendering at scale: a stakeholder map of ~5,000 nodes, written and drawn in Chromium.

    python benchmarks/views.py --nodes 5000 [--no-browser]

Builds the framework graphs of seeded synthetic frameworks (cfgraph.synthetic; UN agencies are
shared, everything else is per framework) until the stakeholder map holds at least --nodes nodes
(not timed), then times: cutting the view out of the graph, styling it and writing the page
(above 800 nodes the seeded precomputed layout replaces in-browser physics), and, unless
--no-browser, opening the page in Debian's chromium until the network is drawn. Last line:
``nodes=N seconds=S`` (S = Python render + write seconds).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

from cfgraph.io.atomic import write_text
from cfgraph.render.page import copy_assets
from cfgraph.render.views import render_graph, view_graph
from cfgraph.render.views.graph import framework_graph
from cfgraph.render.views.spec import load_view_spec
from cfgraph.synthetic import synthetic_framework


def portfolio_graph(nodes: int, seed: int) -> tuple[nx.MultiDiGraph, int]:
    """Union of synthetic framework graphs (agencies shared) until the stakeholder map has *nodes*."""
    spec = load_view_spec("stakeholder-map")
    graphs: list[nx.MultiDiGraph] = []
    seen: set[str] = set()
    while len(seen) < nodes:
        fw = synthetic_framework(len(graphs), seed)
        prefix = f"{fw.info.id}/"
        g = framework_graph(fw)
        rename = {n: n if n.startswith("agency:") else n.replace(":", ":" + prefix, 1) for n in g}
        g = nx.relabel_nodes(g, rename)
        seen.update(view_graph(g, spec).nodes)
        graphs.append(g)
    return nx.compose_all(graphs), len(graphs)


def draw_seconds(page: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        tab.goto(page.resolve().as_uri())
        tab.wait_for_selector("body[data-ready='1']", timeout=600_000)
        seconds = time.perf_counter() - t
        drawn = tab.evaluate("cfgraphView.drawnNodeCount()")
        browser.close()
    print(f"browser: drawn {drawn} nodes in {seconds:.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="also write the page into this folder")
    args = parser.parse_args()
    graph, frameworks = portfolio_graph(args.nodes, args.seed)
    spec = load_view_spec("stakeholder-map")
    print(f"graph: {frameworks} synthetic frameworks, {len(graph)} nodes, {graph.number_of_edges()} edges")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stakeholder-map.html"
        t0 = time.perf_counter()
        sub = view_graph(graph, spec)
        t1 = time.perf_counter()
        view = render_graph(sub, spec, framework_title="Synthetic portfolio")
        t2 = time.perf_counter()
        copy_assets(out.parent / "lib")
        write_text(out, view.html)
        t3 = time.perf_counter()
        print(f"cut view: {t1 - t0:.2f} s; style + layout + page: {t2 - t1:.2f} s; write: {t3 - t2:.2f} s")
        print(f"page: {view.nodes} nodes, {view.edges} links, {len(view.html.encode()) / 1e6:.1f} MB")
        if not args.no_browser:
            draw_seconds(out)
        if args.keep is not None:
            copy_assets(args.keep / "lib")
            write_text(args.keep / out.name, view.html)
    print(f"nodes={view.nodes} seconds={t3 - t0:.2f}")


if __name__ == "__main__":
    main()
