"""Report time: ``cfgraph report`` on a framework (default the shipped Kazakhstan one).

    python benchmarks/report.py [--framework DIR] [--repeat 3]

Times loading the framework and building the whole report (graph, five views, findings,
synergies, centrality, charts, tables, index.html) into a temporary folder; prints each run and,
last, ``report seconds=S`` (the best run, load included).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import cfgraph
from cfgraph.render.report import build_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs = []
    for run in range(args.repeat):
        steps: list[tuple[str, float]] = []

        def progress(message: str, steps: list[tuple[str, float]] = steps) -> None:
            steps.append((message, time.perf_counter()))

        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            steps.append(("load", t0))
            fw = cfgraph.load(args.framework)
            build_report(fw, Path(tmp) / "report", progress=progress)
            total = time.perf_counter() - t0
        # each progress message starts a step: a step lasts until the next message
        parts = [
            f"{message.split(':')[0]} {end - start:.2f}"
            for (message, start), (_, end) in zip(steps, steps[1:], strict=False)
        ]
        print(f"run {run + 1}: {total:.2f} s ({'; '.join(parts)})")
        runs.append(total)
    print(f"report seconds={min(runs):.2f}")


if __name__ == "__main__":
    main()
