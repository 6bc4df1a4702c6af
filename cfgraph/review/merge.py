"""Merge checked review sheets (:mod:`cfgraph.review.importer`) into ``reviews.csv``.

A row of ``reviews.csv`` is one reviewer's score of one pair, with the day of the sheet
(``--date``, else the file's modification day), the file's name and SHA-256, its worksheet and
row. A sheet already imported for that reviewer (same SHA-256) changes nothing; a sheet replaces
the reviewer's earlier scores of every pair it lists, unless the earlier score comes from a sheet
of a later day, which is kept. A pair the newer sheet leaves empty withdraws the earlier score:
its row stays, with no score and no comment, so that an older sheet arriving late cannot bring
the score back. The file is written atomically.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cfgraph.model import Framework, Review, sdg_sort_key
from cfgraph.review.importer import CheckedSheet, check_sheets
from cfgraph.review.reading import SheetRow
from cfgraph.vocabulary import REVIEW_LEVELS

__all__ = ["ImportSummary", "merge_reviews", "import_sheets"]


@dataclass
class ImportSummary:
    """What an import did: counts of reviews added, changed, removed, unchanged and kept."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    kept: int = 0
    skipped: list[str] = field(default_factory=list)
    sheets: list[tuple[str, str, str, int]] = field(default_factory=list)  # file, reviewer, day, reviews
    reviews: tuple[Review, ...] = ()

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def lines(self) -> list[str]:
        """What ``cfgraph review import`` prints: one line per sheet, then the counts."""
        out = [f"{name}: {who}, {day}: {n} pair(s) scored or commented" for name, who, day, n in self.sheets]
        out += [f"{name}: already imported (or nothing scored); skipped" for name in self.skipped]
        out.append(
            f"reviews.csv: {self.added} added, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged, {self.kept} kept (a later sheet)"
            + ("" if self.changed_anything else "; nothing to write")
        )
        return out


def _order(r: Review) -> tuple[Any, ...]:
    return (REVIEW_LEVELS.index(r.level), sdg_sort_key(r.source), sdg_sort_key(r.target), r.reviewer)


def merge_reviews(existing: Iterable[Review], sheets: Sequence[CheckedSheet]) -> ImportSummary:
    """Merge checked sheets into *existing* reviews (see the module's docstring for the rules)."""
    rows: dict[tuple[str, ...], Review] = {(r.level, r.source, r.target, r.reviewer): r for r in existing}
    before = dict(rows)
    summary = ImportSummary()
    done = {(r.sheet_sha256, r.reviewer) for r in rows.values()}
    for checked in sorted(sheets, key=lambda c: c.date):  # stable: same day, the order given
        name = checked.reviewer
        if name is None or (checked.sheet.sha256, name) in done:
            summary.skipped.append(checked.sheet.display)
            continue
        summary.sheets.append((checked.sheet.display, name, checked.date, len(checked.reviews)))
        for pair, row in checked.listed.items():
            key: tuple[str, ...] = (*pair, name)
            old = rows.get(key)
            if old is not None and old.date > checked.date:
                summary.kept += 1
            elif pair in checked.reviews:
                rows[key] = checked.reviews[pair]
            elif old is not None:  # withdrawn: the row stays, empty, with the newer sheet's day
                rows[key] = _withdrawn(old, checked, row)
        done.add((checked.sheet.sha256, name))
    for key in sorted(before.keys() | rows.keys()):
        old, new = before.get(key), rows.get(key)
        if old is None:
            summary.added += 1
        elif new is None or (new.score is None and new.comment is None and not _same(old, new)):
            summary.removed += 1
        elif _same(old, new):
            rows[key] = old
            summary.unchanged += 1
        else:
            summary.changed += 1
    summary.reviews = tuple(sorted(rows.values(), key=_order))
    return summary


def _withdrawn(old: Review, checked: CheckedSheet, row: SheetRow) -> Review:
    sheet = checked.sheet
    return dataclasses.replace(old, score=None, confidence=None, comment=None, date=checked.date,
                               sheet_file=sheet.path.name, sheet_sha256=sheet.sha256, sheet_tab=row.tab,
                               sheet_row=row.line)  # fmt: skip


def _same(a: Review, b: Review) -> bool:
    """The same judgement (where it was read from aside)."""
    fields = ("score", "confidence", "comment")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def import_sheets(
    framework_dir: Path | str | None,
    paths: Sequence[Path | str],
    reviewer: str | None = None,
    date: str | None = None,
) -> ImportSummary:
    """Check the sheets and merge their scores into the ``reviews.csv`` of the framework in
    *framework_dir* (default: the shipped one), written atomically and only if something changed.

    Raises
    ------
    SheetRejected
        Any problem in any sheet: nothing is written.
    """
    from cfgraph.io.loader import load
    from cfgraph.resources import default_framework_dir

    folder = Path(framework_dir) if framework_dir is not None else default_framework_dir()
    fw = load(folder)
    checked = check_sheets(fw, paths, reviewer, date)
    summary = merge_reviews(fw.reviews, checked)
    if summary.changed_anything:
        _write(fw, folder, summary.reviews)
    return summary


def _write(fw: Framework, folder: Path, reviews: tuple[Review, ...]) -> None:
    import json

    from cfgraph.io.atomic import write_text
    from cfgraph.io.writer import table_text
    from cfgraph.model import table_spec

    spec = table_spec("reviews")
    write_text(folder / spec.filename, table_text(dataclasses.replace(fw, reviews=reviews), "reviews"))
    package = folder / "datapackage.json"
    descriptor = json.loads(package.read_text(encoding="utf-8-sig"))
    if all(r.get("path") != spec.filename for r in descriptor.get("resources", [])):
        descriptor.setdefault("resources", []).append(spec.descriptor())
        write_text(package, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
