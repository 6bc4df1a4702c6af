"""Benchmark: build, validate and serialise the RDF graph of the Kazakhstan framework.

Run: ``.venv/bin/python benchmarks/rdf_build.py [--repeat 3]``. Prints the best time of each step.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any


def best_of(repeat: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of *repeat* runs (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import cfgraph
    from cfgraph.rdf.build import build_graph
    from cfgraph.rdf.serialize import to_jsonld, to_ntriples, to_turtle
    from cfgraph.rdf.shacl import validate_graph

    load_s, fw = best_of(args.repeat, cfgraph.load)
    build_s, graph = best_of(args.repeat, lambda: build_graph(fw))
    shacl_s, report = best_of(args.repeat, lambda: validate_graph(graph))
    steps = [
        ("load framework (CSV)", load_s, ""),
        ("build_graph", build_s, f"{len(graph)} triples"),
        ("SHACL validation", shacl_s, "conforms" if report.conforms else "DOES NOT CONFORM"),
    ]
    for name, func in (("Turtle", to_turtle), ("N-Triples", to_ntriples), ("JSON-LD", to_jsonld)):
        seconds, text = best_of(args.repeat, lambda func=func: func(graph))  # type: ignore[misc]
        steps.append((f"serialise {name}", seconds, f"{len(text.encode()) / 1e6:.1f} MB"))
    print(f"{fw.info.title}: best of {args.repeat}")
    for name, seconds, note in steps:
        print(f"  {name:<24}{seconds:8.3f} s   {note}")
    total = sum(s for _, s, _ in steps)
    print(f"  {'total (cfgraph build)':<24}{total:8.3f} s")


if __name__ == "__main__":
    main()
