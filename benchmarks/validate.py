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


def _add_to_source(folder: Path, lines: list[str]) -> int:
    """Add *lines* to the end of the framework's source text (and its sha256 to framework.csv),
    so rows can cite them; return the number of the first."""
    import hashlib

    with (folder / "framework.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    text_path = folder / rows[0]["source_file"]
    text = text_path.read_text(encoding="utf-8")
    first = len(text.splitlines()) + 1
    text_path.write_text(text + "".join(line + "\n" for line in lines), encoding="utf-8")
    rows[0]["source_sha256"] = hashlib.sha256(text_path.read_bytes()).hexdigest()
    with (folder / "framework.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return first


def break_rows(folder: Path, missing: int, extra_partners: int) -> int:
    """Add *extra_partners* partners, *missing* dangling partner references and three bad cells;
    return how many rows were added. The added rows cite lines added to the source, so the only
    problems are the ones meant."""
    names = [f"Extra partner {n}" for n in range(extra_partners)]
    said = [f"Unlisted partner {n}" for n in range(missing)]
    first = _add_to_source(folder, names + said)
    partner = {"type": "ngo-cso", "generic": "false", "source_lines": "1"}
    _append(
        folder / "partners.csv",
        [{**partner, "id": f"extra-{n}", "name": name, "source_lines": str(first + n)}
         for n, name in enumerate(names)]
        + [{**partner, "id": "bad-type", "name": "A partner of a bad type", "type": "charity"}],
    )  # fmt: skip
    at = first + len(names)
    dangling = [{"outcome": "1.1", "seq": str(1000 + n), "partner": f"p0-{n}x", "raw": raw,
                 "source_lines": str(at + n)} for n, raw in enumerate(said)]  # fmt: skip
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
