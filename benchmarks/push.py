"""Push benchmark: the Kazakhstan graph and an N-framework synthetic portfolio into FalkorDB and Oxigraph.

    python benchmarks/push.py --frameworks 100

FalkorDB is the embedded database (falkordblite) in a temporary folder; Oxigraph is a server
(``oxigraph serve``, from the ``oxigraph`` package) started on a free loopback port. For each
graph it times building the property graph / the N-Triples (not part of the push), then the
push itself: into FalkorDB (constraints, MERGE batches, prune, counts read back) twice, the
second time being the idempotent re-push; into Oxigraph one HTTP PUT per framework into that
framework's named graph. Starting and stopping the engines is not timed. Figures are
wall-clock seconds and rows (nodes + relationships, or triples) per second.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import cfgraph
from cfgraph.lpg import property_graph
from cfgraph.model import Framework
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.serialize import to_ntriples
from cfgraph.stores.falkordb import open_falkordb, push_to_client
from cfgraph.stores.oxigraph_server import oxigraph_server
from cfgraph.stores.sparql_store import default_graph_iri, push_sparql, select_endpoint


def _line(what: str, rows: int, seconds: float) -> None:
    print(f"{what:<52} {rows:>9} rows {seconds:>8.2f} s {rows / seconds:>11,.0f} rows/s", flush=True)


def bench(name: str, frameworks: list[Framework], tmp: Path) -> None:
    started = time.perf_counter()
    pg = property_graph(frameworks)
    rows = len(pg.nodes) + len(pg.relationships)
    print(f"{name}: {len(frameworks)} framework(s), {len(pg.nodes)} nodes, {len(pg.relationships)} "
          f"relationships (property graph built in {time.perf_counter() - started:.2f} s)")
    with open_falkordb(tmp / f"{name}.db") as db:
        first = push_to_client(db, pg)
        assert all(r["pushed"] == r["in_store"] for r in first.rows)
        _line("  FalkorDB (embedded), first push", rows, first.seconds)
        second = push_to_client(db, pg)
        assert second.rows == first.rows
        _line("  FalkorDB (embedded), second push (idempotent)", rows, second.seconds)
    started = time.perf_counter()
    documents = [(default_graph_iri(fw), to_ntriples(build_graph(fw))) for fw in frameworks]
    triples = sum(text.count("\n") for _, text in documents)
    print(f"  RDF: {triples} triples (built and serialised in {time.perf_counter() - started:.2f} s)")
    with oxigraph_server(tmp / f"{name}-oxigraph") as base:
        for attempt in ("first", "second"):
            started = time.perf_counter()
            for graph, text in documents:
                push_sparql(text, f"{base}/store", graph)
            seconds = time.perf_counter() - started
            _line(f"  Oxigraph server, {attempt} PUT of every named graph", triples, seconds)
        count = select_endpoint(f"{base}/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert int(count[0]["n"]) == triples, (count, triples)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--frameworks", type=int, default=100, help="synthetic portfolio size")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        bench("kazakhstan", [cfgraph.load()], tmp)
        try:
            from cfgraph.synthetic import synthetic_portfolio

            portfolio = synthetic_portfolio(args.frameworks, seed=args.seed)
        except ImportError:  # before the synthetic generator existed: re-labelled copies
            portfolio = _relabelled_copies(cfgraph.load(), args.frameworks)
        bench(f"synthetic-{args.frameworks}", portfolio, tmp)


def _relabelled_copies(fw: Framework, n: int) -> list[Framework]:
    import dataclasses

    return [
        dataclasses.replace(fw, info=dataclasses.replace(fw.info, id=f"{fw.info.id}-copy-{i:03d}"))
        for i in range(n)
    ]


if __name__ == "__main__":
    main()
