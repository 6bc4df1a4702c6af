"""Validation at scale: time and peak memory of ``cfgraph validate`` on N synthetic rows.

    python benchmarks/validate.py --rows 100000
    python benchmarks/validate.py --rows 1000 --partners 200000 --missing 10     # probe 2 of issue 11
    python benchmarks/validate.py --rows 1000 --partners 200000 --missing 200000

Writes one seeded synthetic framework of at least N rows over every table
(:func:`cfgraph.synthetic.scaled_framework`, not timed), breaks some of them (``--missing``
references to partners that do not exist, each close to a real id so a hint is looked for,
and a few bad cells), then validates the folder in a fresh Python process and prints one line:
``rows=N seconds=S peak_mb=M base_mb=B problems=P``. S is the wall time of
:func:`cfgraph.validate` alone; M is the peak resident memory of that process (``ru_maxrss``), B
the same after the imports, before validating (so M - B is what validation itself needs).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import json, resource, sys, time
import cfgraph
from cfgraph.sdg import load_catalogue
load_catalogue()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = cfgraph.validate(sys.argv[1])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
errors = [str(p) for p in report.errors]
print(json.dumps({"seconds": seconds, "peak_kb": peak, "base_kb": base, "errors": errors}))
"""


def _append(path: Path, rows: list[dict[str, str]]) -> None:
    """Add *rows* (column -> cell) under the file's own header, blank where a row says nothing."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, header, restval="", lineterminator="\n").writerows(rows)


def break_rows(folder: Path, missing: int, extra_partners: int) -> int:
    """Add *extra_partners* partners, *missing* dangling partner references and three bad cells;
    return how many rows were added."""
    partner = {"type": "ngo-cso", "generic": "false", "source_lines": "1"}
    _append(
        folder / "partners.csv",
        [{**partner, "id": f"extra-{n}", "name": f"Extra partner {n}"} for n in range(extra_partners)]
        + [{**partner, "id": "bad-type", "name": "A partner of a bad type", "type": "charity"}],
    )
    cited = {"outcome": "1.1", "source_lines": "1"}
    dangling = [
        {**cited, "seq": str(1000 + n), "partner": f"p0-{n}x", "raw": f"Partner {n}"} for n in range(missing)
    ]
    _append(folder / "outcome_partners.csv", dangling)
    loop = {"id": "OL99", "source": "1.1", "target": "1.1", "kind": "affects", "stated_as": "named"}
    _append(folder / "outcome_links.csv", [{**loop, "quote": "A loop", "source_lines": "1"}])
    bad_year = {"id": "1.1-99", "outcome": "1.1", "name": "Bad year", "baseline_year": "twenty"}
    _append(folder / "indicators.csv", [{**bad_year, "source_lines": "1"}])
    return extra_partners + missing + 3


def count_rows(folder: Path) -> int:
    """Records in every CSV file of *folder* (headers left out)."""
    return sum(sum(1 for _ in p.open(encoding="utf-8")) - 1 for p in folder.glob("*.csv"))


def generate(folder: Path, rows: int, seed: int, missing: int, partners: int) -> None:
    """Write the broken synthetic framework into *folder*."""
    from cfgraph.synthetic import scaled_framework, write_synthetic

    write_synthetic(scaled_framework(rows, seed), folder)
    break_rows(folder, missing, partners)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the synthetic framework")
    parser.add_argument("--missing", type=int, default=10, help="references to partners that do not exist")
    parser.add_argument("--partners", type=int, default=0, help="extra partner rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generate", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.rows, args.seed, args.missing, args.partners)
        return
    with tempfile.TemporaryDirectory() as tmp:
        # Generated in another process: a child's ru_maxrss starts at the size of its parent.
        folder = Path(tmp) / "fw"
        subprocess.run([sys.executable, __file__, "--generate", str(folder), *sys.argv[1:]], check=True)
        rows = count_rows(folder)
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder)], capture_output=True, text=True, check=True
        )
    result = json.loads(child.stdout)
    for line in result["errors"][:5]:
        print(line)
    if len(result["errors"]) > 5:
        print(f"... {len(result['errors']) - 5} more")
    print(
        f"rows={rows} seconds={result['seconds']:.2f} peak_mb={result['peak_kb'] / 1024:.0f} "
        f"base_mb={result['base_kb'] / 1024:.0f} problems={len(result['errors'])}"
    )


if __name__ == "__main__":
    main()
