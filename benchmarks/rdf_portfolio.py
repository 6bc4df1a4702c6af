"""Benchmark: a 100-framework synthetic portfolio as one graph; load and named-query time, rdflib
vs pyoxigraph.

Run: ``.venv/bin/python benchmarks/rdf_portfolio.py [--frameworks 100]``. The portfolio comes
from :func:`cfgraph.synthetic.synthetic_portfolio` (seed 0); if that module is missing, from
re-labelled copies of the Kazakhstan framework. Both engines load the same N-Triples file and
answer every named question; the script checks they give the same rows.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path
from typing import Any

#: Parameters for the questions that need them (ids every synthetic framework has).
PARAMS = {
    "target": "5.1",
    "outcome": "1.1",
    "type": "ngo-cso",
    "framework": "synthetic-000-2026-2030",
    "other": "synthetic-001-2026-2030",
}


def relabelled_copies(n: int) -> list[Any]:
    """*n* copies of the Kazakhstan framework under different framework ids."""
    import cfgraph

    fw = cfgraph.load()
    return [
        dataclasses.replace(fw, info=dataclasses.replace(fw.info, id=f"copy-{i:03d}-{fw.info.id}"))
        for i in range(n)
    ]


def portfolio(n: int) -> tuple[str, list[Any]]:
    try:
        from cfgraph.synthetic import synthetic_portfolio
    except ImportError:
        return "re-labelled Kazakhstan copies", relabelled_copies(n)
    return "cfgraph.synthetic.synthetic_portfolio(seed=0)", synthetic_portfolio(n, seed=0)


def timed(func: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frameworks", type=int, default=100)
    args = parser.parse_args()

    from rdflib import Graph

    from cfgraph.rdf.build import build_portfolio
    from cfgraph.rdf.oxigraph import load_store, run_query_oxigraph
    from cfgraph.rdf.queries import list_queries, run_query
    from cfgraph.rdf.serialize import to_ntriples

    source, fws = portfolio(args.frameworks)
    build_s, graph = timed(lambda: build_portfolio(fws))
    nt_s, text = timed(lambda g=graph: to_ntriples(g))
    del graph
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nt"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size / 1e6
        del text
        rdflib_load, rdf_graph = timed(lambda: Graph().parse(path, format="nt"))
        oxi_load, store = timed(lambda: load_store(path))
    print(f"portfolio: {len(fws)} frameworks ({source}); {len(rdf_graph)} triples; graph.nt {size:.0f} MB")
    print(f"  build_portfolio {build_s:7.2f} s   serialise N-Triples {nt_s:7.2f} s")
    print(f"  {'load graph.nt':<28}{'rdflib':>10}{'pyoxigraph':>12}")
    print(f"  {'':<28}{rdflib_load:9.2f}s{oxi_load:11.2f}s")
    print(f"  {'named query':<28}{'rdflib':>10}{'pyoxigraph':>12}{'rows':>7}  same rows")
    totals = [0.0, 0.0]
    for q in list_queries():
        params = {p.name: PARAMS[p.name] for p in q.params if p.required}
        r_s, r_rows = timed(lambda q=q, params=params: run_query(rdf_graph, q.name, params))
        o_s, o_rows = timed(lambda q=q, params=params: run_query_oxigraph(store, q.name, params))
        totals[0] += r_s
        totals[1] += o_s
        print(f"  {q.name:<28}{r_s:9.3f}s{o_s:11.3f}s{len(r_rows):7d}  {r_rows == o_rows}", flush=True)
    print(f"  {'all named queries':<28}{totals[0]:9.2f}s{totals[1]:11.2f}s")


if __name__ == "__main__":
    main()
