"""Review time: the Result Group workflow on a framework (default the shipped Kazakhstan one).

    python benchmarks/review.py [--framework DIR] [--reviewers 3] [--seed 1]

Copies the framework to a temporary folder, writes the review workbook of every result group at
both levels, fills one copy per reviewer through openpyxl with seeded scores on every pair (not
timed: that is the reviewers' work), then times the import of all the filled sheets, a second
import of the same sheets (which changes nothing), the aggregation (consensus, both cross-impact
matrices and rankings, status) and the report's review section. Last line: ``review seconds=S``
(sheet + import + aggregation).
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import cfgraph
from cfgraph.resources import default_framework_dir
from cfgraph.review.merge import import_sheets
from cfgraph.review.results import review_results
from cfgraph.review.sheet import write_sheet


def _fill(sheet: Path, out: Path, name: str, rng: random.Random) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(sheet)
    scores: dict[tuple[str, str, str], int] = {}
    for tab in wb.sheetnames[2:]:
        ws = wb[tab]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            by = dict(zip(header, row, strict=True))
            key = (str(by["level"].value), str(by["source"].value), str(by["target"].value))
            by["score"].value = scores.setdefault(key, rng.randint(-3, 3))
            by["reviewer"].value = name
    wb.save(out)
    return len(scores)


def _timed(label: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = func(*args, **kwargs)
    seconds = time.perf_counter() - t0
    print(f"{label}: {seconds:.2f} s")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", type=Path, default=None)
    parser.add_argument("--reviewers", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "fw"
        shutil.copytree(args.framework or default_framework_dir(), folder)
        fw = cfgraph.load(folder)
        sheet, t_sheet = _timed(
            "sheet (xlsx, every group, both levels)", write_sheet, fw, Path(tmp) / "review.xlsx"
        )
        size = (Path(tmp) / "review.xlsx").stat().st_size
        print(f"  {len(sheet.rows)} rows on {len(sheet.tabs)} worksheets, {size:,} bytes")
        files = []
        for n in range(args.reviewers):
            out = Path(tmp) / f"reviewer-{n + 1}.xlsx"
            pairs = _fill(Path(tmp) / "review.xlsx", out, f"Reviewer {n + 1}", rng)
            files.append(out)
        summary, t_import = _timed(
            f"import ({args.reviewers} sheets, {pairs} pairs each)",
            import_sheets,
            folder,
            files,
            date="2025-03-01",
        )
        print(f"  reviews.csv: {summary.added} rows")
        _timed("import the same sheets again (no change)", import_sheets, folder, files, date="2025-03-01")
        reviewed = cfgraph.load(folder)
        tables, t_aggregate = _timed(
            "aggregation (consensus, matrices, rankings, status)", review_results, reviewed
        )
        print("  " + ", ".join(f"{k} {len(v)}" for k, v in tables.items()))
        from cfgraph.render.report.review import review_section

        with tempfile.TemporaryDirectory() as out:
            _timed(
                "report section (with the heat map chart)", review_section, reviewed, tables, Path(out), []
            )
    print(f"review seconds={t_sheet + t_import + t_aggregate:.2f}")


if __name__ == "__main__":
    main()
