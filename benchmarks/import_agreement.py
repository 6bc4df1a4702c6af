"""Import the shipped framework's source text and compare the draft with the curated folder.

Prints the seconds the import takes, the per-table agreement of ``cfgraph diff`` (rows the same in
both, among the rows of either) and, for target codes, agencies per outcome and indicator values,
the precise list of what differs. Run: ``python benchmarks/import_agreement.py [--misses]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from cfgraph.importers import import_document
from cfgraph.io.diff import diff_changes, diff_summary
from cfgraph.resources import resource_dir

CURATED = resource_dir("data") / "kazakhstan-2021-2025"
SOURCE = CURATED / "source" / "unsdcf-kazakhstan-2021-2025.txt"
#: The tables the agreement is reported for, and the columns compared (default: all but citations).
MEASURED: dict[str, tuple[str, ...]] = {
    "outcomes": ("statement",),
    "target_lists": (),
    "outcome_targets": (),
    "outcome_agencies": (),
    "lnob_groups": (),
    "outcome_lnob_groups": (),
    "outcome_partners": (),
    "indicators": ("baseline_value", "baseline_year", "target_value", "target_year"),
    "indicator_agencies": (),
    "indicator_partners": (),
    "outcome_links": ("kind",),
}


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft"
        start = time.perf_counter()
        import_document(SOURCE, out, title="Cooperation Framework for Kazakhstan 2021-2025", iso3="KAZ")
        seconds = time.perf_counter() - start
        columns = {k: v for k, v in MEASURED.items() if v}
        rows = diff_summary(out, CURATED, tuple(MEASURED), columns)
        print(f"import seconds={seconds:.2f}")
        print(f"{'table':<22}{'draft':>6}{'curated':>8}{'same':>6}{'agreement':>10}")
        for r in rows:
            print(f"{r['table']:<22}{r['rows_a']:>6}{r['rows_b']:>8}{r['same']:>6}{r['agreement']:>10.1%}")
        if "--misses" in argv:
            for table in MEASURED:
                for c in diff_changes(out, CURATED, (table,), columns):
                    print(f"miss {table} {c['change']} {c['key']}: draft [{c['a']}] curated [{c['b']}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
