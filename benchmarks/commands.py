"""Read commands and the report, side by side with a bare Python start of the same venv.

    python benchmarks/commands.py [--repeat 7] [--framework DIR]

Each command runs as a new process (``cfgraph`` of this venv), after one warm-up run that fills
the per-user cache (:mod:`cfgraph.io.cache`); the baseline is ``python -c pass`` of the same
interpreter, measured interleaved with the commands so both see the same machine load. Prints the
median of each and its ratio to the baseline, then, last, ``read_max_ratio=R report_ratio=Q``.
Goals: every read command within 15x, the report within 150x. ``--cold`` turns the cache off
(``CFGRAPH_CACHE=0``) to show what the cache saves.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READ_COMMANDS: list[list[str]] = [
    ["who", "undp"],
    ["who", "5.2"],
    ["who", "ministry-of-healthcare"],
    ["actors", "--type", "ministry", "--min-outcomes", "2"],
    ["gaps"],
    ["synergies"],
    ["depends", "1.1"],
    ["path", "1.1", "3.2"],
    ["query", "outcomes-for-target", "--param", "target=3.8"],
]


def _run(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--framework", type=Path, default=None)
    parser.add_argument("--cold", action="store_true", help="Run with the cache turned off.")
    args = parser.parse_args()
    python = sys.executable
    cfgraph = str(Path(python).with_name("cfgraph"))
    env = {**os.environ, "COLUMNS": "120"}
    if args.cold:
        env["CFGRAPH_CACHE"] = "0"
    extra = ["--framework", str(args.framework)] if args.framework else []
    with tempfile.TemporaryDirectory() as tmp:
        report = ["report", "--out", str(Path(tmp) / "report")]
        rows = []
        for command in [*READ_COMMANDS, report]:
            argv = [cfgraph, *command, *extra]
            _run(argv, env)  # warm-up: fills the cache
            base, took = [], []
            for _ in range(args.repeat):
                base.append(_run([python, "-c", "pass"], env))
                took.append(_run(argv, env))
            b, t = statistics.median(base), statistics.median(took)
            rows.append((command, b, t, t / b))
            name = " ".join(command[:3])
            print(f"{name:<40} {t * 1000:7.0f} ms  python -c pass {b * 1000:5.1f} ms  {t / b:6.1f}x")
    read = max(r for c, _, _, r in rows if c[0] != "report")
    rep = next(r for c, _, _, r in rows if c[0] == "report")
    print(f"read_max_ratio={read:.1f} report_ratio={rep:.1f}")


if __name__ == "__main__":
    main()
