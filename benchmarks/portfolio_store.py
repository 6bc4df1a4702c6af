"""Benchmark: a portfolio of synthetic frameworks in one shared store, against the same in-process.

    python benchmarks/portfolio_store.py --frameworks 13 130

For each portfolio size N: N seeded synthetic frameworks (:mod:`cfgraph.synthetic`, seed 0, so
the 13 are the first 13 of the 130) are built into RDF one at a time and loaded two ways:

- in-process: into a pyoxigraph store in this process (one default graph);
- on the store: into a real Oxigraph server that this script starts on 127.0.0.1, one named graph
  per framework plus one graph of the shared SDG and UN entity nodes
  (:func:`cfgraph.stores.sparql_portfolio.push_portfolio_sparql`: one HTTP PUT per framework),
  asked over the union of its named graphs (Oxigraph's ``union-default-graph``).

Then every named question of ``queries/*.rq`` is asked ``--repeat`` times of both: a question
about one framework each time of another framework (its ``framework`` parameter), a
cross-country question of the whole portfolio. Each line gives the median and the worst latency
in-process and on the store, and whether the rows were the same every time. For the questions
about one framework, the ``rdflib`` column is what ``cfgraph query`` does in-process: the same
question on that framework's own graph (built beforehand); for a cross-country question it is
the library function of :mod:`cfgraph.analysis.portfolio` that gives the same rows.

The last line per size is ``frameworks=N load_in_process=S load_store=S questions_in_process=S
questions_store=S`` (sums of the medians).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The parameters every synthetic framework can answer (framework and other are set per run).
PARAMS = {"target": "5.1", "outcome": "1.1", "type": "ngo-cso"}


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def _library(name: str, fws: list[Any], params: dict[str, str]) -> Callable[[], Any] | None:
    """The library function that answers a cross-country question, if there is one."""
    from cfgraph.analysis import portfolio as pf

    answers: dict[str, Callable[[], Any]] = {
        "targets-across-frameworks": lambda: pf.targets_across(fws),
        "agency-footprint": lambda: pf.agency_footprint(fws),
        "compare-frameworks": lambda: pf.compare_frameworks(fws, params["framework"], params["other"]),
    }
    return answers.get(name)


def load(fws: list[Any], base: str) -> tuple[dict[str, float], Any, dict[str, Any]]:
    """Build each framework's RDF, load it in-process and push it to the server; the seconds of
    each step, the in-process store, and the rdflib graphs of the first frameworks."""
    import pyoxigraph

    from cfgraph.rdf.build import build_graph
    from cfgraph.rdf.serialize import to_ntriples
    from cfgraph.stores.sparql_portfolio import SHARED_GRAPH, split_ntriples
    from cfgraph.stores.sparql_store import default_graph_iri, push_sparql

    seconds = {"build": 0.0, "in_process": 0.0, "store": 0.0}
    store = pyoxigraph.Store()
    graphs: dict[str, Any] = {}
    shared: set[str] = set()
    for i, fw in enumerate(fws):
        s, graph = timed(lambda fw=fw: build_graph(fw))
        t, text = timed(lambda graph=graph: to_ntriples(graph))
        seconds["build"] += s + t
        if i < 5:
            graphs[fw.info.id] = graph
        data = text.encode("utf-8")
        nt = pyoxigraph.RdfFormat.N_TRIPLES
        seconds["in_process"] += timed(lambda data=data, nt=nt: store.load(data, format=nt))[0]
        graph_iri = default_graph_iri(fw)
        own, common = split_ntriples(graph_iri, text)
        shared.update(common.splitlines(keepends=True))
        seconds["store"] += timed(lambda own=own, g=graph_iri: push_sparql(own, f"{base}/store", g))[0]
    seconds["store"] += timed(
        lambda: push_sparql("".join(sorted(shared)), f"{base}/store", SHARED_GRAPH, replace=False)
    )[0]
    return seconds, store, graphs


def ask(
    fws: list[Any], store: Any, graphs: dict[str, Any], base: str, repeat: int
) -> tuple[float, float]:
    from cfgraph.rdf.oxigraph import run_query_oxigraph
    from cfgraph.rdf.queries import list_queries, run_query
    from cfgraph.rdf.query_params import bindings
    from cfgraph.stores.sparql_store import select_endpoint

    ids = list(graphs)
    print(f"  {'named question':<30}{'in-process':>22}{'store':>22}{'rdflib/library':>22}  same rows")
    print(f"  {'':<30}{'median':>11}{'worst':>11}{'median':>11}{'worst':>11}{'median':>11}{'worst':>11}")
    sums = [0.0, 0.0]
    for q in list_queries():
        local_s, remote_s, other_s, same = [], [], [], True
        for r in range(repeat):
            fid, other = ids[r % len(ids)], ids[(r + 1) % len(ids)]
            params = {p.name: PARAMS[p.name] for p in q.params if p.name in PARAMS and p.required}
            params |= {"framework": fid} | ({"other": other} if "other" in q.param_names else {})
            a, local = timed(lambda q=q, params=params: run_query_oxigraph(store, q.name, params))
            values = bindings(q, params)
            b, remote = timed(lambda q=q, values=values: select_endpoint(
                f"{base}/query", q.text, values, None, q.list_columns, timeout=600, union=True))  # fmt: skip
            local_s.append(a)
            remote_s.append(b)
            same = same and local == remote
            if q.scope == "framework":
                graph = graphs[fid]
                other_s.append(timed(lambda q=q, params=params, g=graph: run_query(g, q.name, params))[0])
            elif (answer := _library(q.name, fws, params)) is not None:
                other_s.append(timed(answer)[0])
        med = [statistics.median(x) if x else float("nan") for x in (local_s, remote_s, other_s)]
        worst = [max(x) if x else float("nan") for x in (local_s, remote_s, other_s)]
        sums[0] += med[0]
        sums[1] += med[1]
        cells = "".join(f"{m:10.3f}s{w:10.3f}s" for m, w in zip(med, worst, strict=True))
        print(f"  {q.name:<30}{cells}  {same}", flush=True)
    return sums[0], sums[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--frameworks", type=int, nargs="+", default=[13, 130])
    parser.add_argument("--repeat", type=int, default=5, help="times each question is asked")
    args = parser.parse_args()

    from cfgraph.stores.oxigraph_server import oxigraph_server
    from cfgraph.synthetic import synthetic_portfolio

    for n in args.frameworks:
        generate_s, fws = timed(lambda n=n: synthetic_portfolio(n, seed=0))
        with tempfile.TemporaryDirectory() as tmp, oxigraph_server(Path(tmp) / "oxigraph") as base:
            seconds, store, graphs = load(fws, base)
            triples = len(store)
            print(f"portfolio of {n} synthetic frameworks ({generate_s:.1f} s to make), {triples} triples")
            print(f"  build RDF + N-Triples {seconds['build']:8.2f} s   load in-process (pyoxigraph) "
                  f"{seconds['in_process']:7.2f} s   push to the Oxigraph server {seconds['store']:7.2f} s")
            local, remote = ask(fws, store, graphs, base, args.repeat)
        print(f"frameworks={n} load_in_process={seconds['in_process']:.2f} load_store={seconds['store']:.2f} "
              f"questions_in_process={local:.2f} questions_store={remote:.2f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
