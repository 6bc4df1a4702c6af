"""Portfolio-scale benchmark: load + synergies + gaps + centrality for N frameworks.

    python benchmarks/scale.py --frameworks 130

Writes N synthetic frameworks (cfgraph.synthetic, seeded) to a temporary folder (not timed),
then times, per framework, loading the folder (parse + validate), outcome synergies, every gap
check, target and actor centrality, and finally the portfolio-wide target centrality. Prints
one line per stage and, last, ``frameworks=N seconds=S``: S is the CPU time of this process
over the timed stages (``time.process_time``), so other work on a shared machine does not skew
the growth figures; the wall-clock time is printed on the line before.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import networkx as nx

import cfgraph
from cfgraph.analysis.centrality import (
    actor_centrality,
    portfolio_target_centrality,
    scores,
    target_centrality,
)
from cfgraph.analysis.gaps import run_gaps
from cfgraph.analysis.synergies import outcome_synergies
from cfgraph.synthetic import synthetic_framework, write_synthetic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frameworks", type=int, default=13, help="number of synthetic frameworks")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    scores(nx.path_graph(3))  # import igraph before timing
    n = args.frameworks
    stages: dict[str, float] = defaultdict(float)
    findings = 0
    with tempfile.TemporaryDirectory() as tmp:
        folders = [
            write_synthetic(synthetic_framework(i, args.seed), Path(tmp) / f"fw{i:03d}") for i in range(n)
        ]
        wall = time.perf_counter()
        loaded = []
        for folder in folders:
            t = time.process_time()
            fw = cfgraph.load(folder)
            stages["load"] += time.process_time() - t
            t = time.process_time()
            outcome_synergies(fw)
            stages["synergies"] += time.process_time() - t
            t = time.process_time()
            findings += len(run_gaps(fw))
            stages["gaps"] += time.process_time() - t
            t = time.process_time()
            target_centrality(fw)
            actor_centrality(fw)
            stages["centrality"] += time.process_time() - t
            loaded.append(fw)
        t = time.process_time()
        portfolio_target_centrality(loaded)
        stages["portfolio-centrality"] += time.process_time() - t
        wall = time.perf_counter() - wall
    for stage, seconds in stages.items():
        print(f"{stage:<22}{seconds:8.2f} s")
    print(f"findings={findings} wall={wall:.2f}")
    print(f"frameworks={n} seconds={sum(stages.values()):.2f}")


if __name__ == "__main__":
    main()
