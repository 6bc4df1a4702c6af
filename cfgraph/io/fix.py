"""``cfgraph validate --fix``: rewrite what can be derived, and say each change.

* the sha256 of each source file (``framework.csv`` or ``sources.csv``) when it is missing or
  the file changed;
* the citation (``source_lines``) of a row whose quoted text is no longer on the lines it cites
  but is found elsewhere in the same source: the lines that still hold some of the row's text
  are kept, the lines where the rest now is are added;
* ``outcome_targets.csv``, when the folder has it, rewritten from what ``target_lists.csv``
  parses to;
* ``datapackage.json``, when it does not declare the tables and columns the folder has.

Every file is rewritten whole and atomically, changed records only (the other lines keep their
bytes); nothing is written when a file cannot be read. The folder is then validated again.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cfgraph.io.citations import CitedSource, merged_ranges, reversed_ranges
from cfgraph.io.provenance import SourceIndex, fragments, not_found
from cfgraph.io.reading import PackageContents, TypedRow
from cfgraph.io.sources import FoundSources
from cfgraph.model import TABLES, TableSpec, table_spec
from cfgraph.model.schema import LINES_PATTERN

__all__ = ["Change", "plan_fixes", "apply_fixes", "fix_framework", "edited_text"]

#: How far (in lines) a moved text is looked for from where it was cited.
_REACH = 2_000
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, order=True)
class Change:
    """One rewrite: the file, the record's line (0: the whole file), the column, old and new text."""

    file: str
    line: int
    column: str
    old: str
    new: str
    why: str

    def __str__(self) -> str:
        if self.line == 0:
            return f"{self.file}: {self.why}"
        return f"{self.file}:{self.line}: {self.column}: {self.old!r} -> {self.new!r} ({self.why})"


@dataclass
class _Plan:
    pkg: PackageContents
    cells: dict[str, dict[int, dict[str, str]]]
    whole: dict[str, str]
    changes: list[Change]

    @property
    def broken(self) -> set[str]:
        """The files that could not be read as CSV: their records are never rewritten."""
        return {p.file for p in self.pkg.problems if p.field.startswith("(") and p.severity == "error"}

    def cell(self, spec: TableSpec, line: int, column: str, old: str, new: str, why: str) -> None:
        if self.pkg.shown(spec) in self.broken:
            return
        self.cells.setdefault(spec.filename, {}).setdefault(line, {})[column] = new
        self.changes.append(Change(self.pkg.shown(spec), line, column, old, new, why))


def _cell(ranges: list[tuple[int, int]]) -> str:
    return ";".join(str(a) if a == b else f"{a}-{b}" for a, b in merged_ranges(
        ";".join(f"{a}-{b}" for a, b in ranges)))  # fmt: skip


def _shifted(ranges: Ranges, d: int) -> Ranges:
    return tuple((a + d, b + d) for a, b in ranges)


def _holds(
    spec: TableSpec, row: TypedRow, source: CitedSource, ranges: Ranges, skip: frozenset[str] = frozenset()
) -> bool:
    if not ranges or ranges[0][0] < 1 or ranges[-1][1] > len(source.lines):
        return False
    return not [c for c, _ in not_found(spec, row.values, source.cited(ranges)) if c not in skip]


def _cited_ranges(row: TypedRow) -> Ranges | None:
    cell = str(row.values.get("source_lines") or "")
    if not re.match(LINES_PATTERN, cell) or reversed_ranges(cell):
        return None
    return merged_ranges(cell)


class _Recite:
    """New citations for the rows of one source whose texts moved.

    A row whose texts are all on its cited lines shifted by *d* (lines added or removed above
    it) is cited there; when several shifts would do, the one of the nearest row with a single
    possible shift wins; a row no shift mends keeps the lines that still hold some of its text
    and adds the lines where the rest is. A row with no text to check (a recorded
    inconsistency) takes the shift of the nearest row, once the source has changed."""

    def __init__(self, source: CitedSource) -> None:
        self.source, self.index = source, SourceIndex(source)
        self.sure: list[tuple[int, int]] = []

    def unplaceable(self, spec: TableSpec, row: TypedRow) -> frozenset[str]:
        """The row's text columns whose text is nowhere in the source: no citation can hold them,
        so they neither block nor steer a move (validate keeps saying they are not found)."""
        return frozenset(c for c, _ in not_found(spec, row.values, self.index.text))

    def shifts(self, spec: TableSpec, row: TypedRow, ranges: Ranges, skip: frozenset[str]) -> list[int]:
        """Every shift that makes the row's citation hold its texts, smallest first."""
        size = len(self.source.lines)
        clipped = tuple((a, min(b, size)) for a, b in ranges if a <= size)
        missing = [m for m in not_found(spec, row.values, self.source.cited(clipped) if clipped else "")
                   if m[0] not in skip]  # fmt: skip
        if not missing:
            return []
        fragment, first, span = missing[0][1], ranges[0][0], ranges[-1][1] - ranges[0][0]
        found: set[int] = set()
        at = self.index.text.find(fragment)
        while at >= 0:
            line = self.index.line_at(at)
            if abs(line - first) <= _REACH:
                for start in range(line - span, line + 1):  # the fragment on any cited line
                    d = start - first
                    if d and d not in found and _holds(spec, row, self.source, _shifted(ranges, d), skip):
                        found.add(d)
            at = self.index.text.find(fragment, at + 1)
        return sorted(found, key=lambda d: (abs(d), -d))

    def nearest_shift(self, line: int, allowed: list[int] | None = None) -> int | None:
        """The shift of the row with a single possible shift nearest to *line* (among *allowed*)."""
        for _, d in sorted(self.sure, key=lambda t: (abs(t[0] - line), t[0])):
            if allowed is None or d in allowed:
                return d
        return None

    def spread(self, spec: TableSpec, row: TypedRow, ranges: Ranges, skip: frozenset[str]) -> Ranges | None:
        """The cited lines still holding some of the row's text, plus those where the rest is."""
        size = len(self.source.lines)
        kept = [(a, min(b, size)) for a, b in ranges if a <= size]
        cited = self.source.cited(tuple(kept)) if kept else ""
        added = []
        for column, _ in not_found(spec, row.values, cited):
            if column in skip:
                continue
            for fragment in fragments(str(row.values[column])):
                place = self.index.find(fragment, ranges[0][0])
                if place is None:
                    return None
                added.append(place)
        chosen = kept + added
        for old in list(kept):  # drop the cited lines that none of the row's texts needs
            trial = [r for r in chosen if r != old]
            if trial and _holds(spec, row, self.source, merged_ranges(_cell(trial)), skip):
                chosen = trial
        return merged_ranges(_cell(chosen))


_Row = tuple[TableSpec, TypedRow, str, Ranges]


class _Citations:
    """The citation rewrites of a folder: rows whose texts moved first, the rest after them."""

    def __init__(self, plan: _Plan, found: FoundSources) -> None:
        self.plan, self.found, self.sources = plan, found, found.cited()
        self.recite: dict[str, _Recite] = {}
        self.unsure: list[tuple[_Row, list[int]]] = []
        self.unchecked: list[_Row] = []

    def cite(self, spec: TableSpec, row: TypedRow, new: Ranges) -> None:
        old, cell = str(row.values.get("source_lines") or ""), _cell(list(new))
        if cell != old:
            self.plan.cell(spec, row.line, "source_lines", old, cell, "the text is on these lines")

    def rows(self) -> list[tuple[_Row, bool]]:
        """Each row citing lines of a text source, and whether it has text to check."""
        found = []
        for spec in TABLES:
            if "source_lines" not in {c.name for c in spec.columns} or spec.name == "framework":
                continue
            if spec.name not in self.plan.pkg.layout:  # derived rows: their list is re-cited
                continue
            checked = any(c.meta.verbatim for c in spec.columns)
            for row in self.plan.pkg.tables.get(spec.name, []):
                sid = row.values.get("source_id") or self.found.default
                ranges = _cited_ranges(row)
                if row.line and sid is not None and sid in self.sources and ranges is not None:
                    found.append(((spec, row, sid, ranges), checked))
        return found

    def checked(self, spec: TableSpec, row: TypedRow, sid: str, ranges: Ranges) -> None:
        r = self.recite.setdefault(sid, _Recite(self.sources[sid]))
        skip = r.unplaceable(spec, row)
        if _holds(spec, row, r.source, ranges, skip):
            r.sure.append((ranges[0][0], 0))
            return
        shifts = r.shifts(spec, row, ranges, skip)
        if len(shifts) == 1:
            r.sure.append((ranges[0][0], shifts[0]))
            self.cite(spec, row, _shifted(ranges, shifts[0]))
        elif shifts:
            self.unsure.append(((spec, row, sid, ranges), shifts))
        elif (spread := r.spread(spec, row, ranges, skip)) is not None:
            self.cite(spec, row, spread)

    def run(self) -> None:
        for item, checked in self.rows():
            if checked:
                self.checked(*item)
            else:
                self.unchecked.append(item)
        for (spec, row, sid, ranges), shifts in self.unsure:
            d = self.recite[sid].nearest_shift(ranges[0][0], shifts)
            self.cite(spec, row, _shifted(ranges, shifts[0] if d is None else d))
        changed = {sid for sid, (_, row, column) in self.found.rows.items()
                   if self.found.digests.get(sid) not in (None, row.values.get(column))}  # fmt: skip
        for spec, row, sid, _ in self.unchecked:
            if sid in changed and sid in self.recite:
                self.move_with_neighbours(spec, row, self.recite[sid])

    def move_with_neighbours(self, spec: TableSpec, row: TypedRow, recite: _Recite) -> None:
        """Move each cited range of a row with no text to check as the nearest moved text moved."""
        old = str(row.values["source_lines"])
        parts = []
        for part in old.split(";"):
            a, _, b = part.partition("-")
            d = recite.nearest_shift(int(a)) or 0
            parts.append(f"{int(a) + d}" + (f"-{int(b) + d}" if b else ""))
        new = ";".join(parts)
        if new != old and _cited_ranges(TypedRow(row.line, {"source_lines": new})) is not None:
            self.plan.cell(spec, row.line, "source_lines", old, new, "the texts near these lines moved")


def _hashes(plan: _Plan, found: FoundSources) -> None:
    for sid, (_, row, column) in sorted(found.rows.items()):
        digest = found.digests.get(sid)
        old = row.values.get(column) or ""
        if digest is not None and old != digest:
            spec = table_spec("framework" if sid == "" else "sources")
            why = "the file's sha256" if old else "the file's sha256 (none was given)"
            plan.cell(spec, row.line, column, str(old), digest, why)


def _targets(plan: _Plan, expected: list[dict[str, Any]]) -> None:
    """Rewrite ``outcome_targets.csv`` from the target lists, when the folder has it and it differs."""
    spec = table_spec("outcome_targets")
    columns = plan.pkg.layout.get(spec.name)
    if columns is None:
        return
    have = [tuple(_text(r.values.get(c)) for c in columns) for r in plan.pkg.tables.get(spec.name, [])]
    want = [tuple(_text(r.get(c)) for c in columns) for r in expected]
    if have == want:
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(want)
    plan.whole[spec.filename] = buffer.getvalue()
    why = f"rewritten from target_lists.csv: {len(want)} row(s) (it held {len(have)})"
    plan.changes.append(Change(plan.pkg.shown(spec), 0, "", "", "", why))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return str(value)


def _descriptor(plan: _Plan, folder: Path) -> None:
    from cfgraph.io.datapackage import datapackage_text, folder_layout

    info = plan.pkg.tables.get("framework", [])
    if not info:
        return
    layout = folder_layout(folder)
    text = datapackage_text(str(info[0].values["id"]), str(info[0].values["title"]), layout)
    path = folder / "datapackage.json"
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if old != text:
        why = (
            "written: it declares the tables and columns the folder has"
            if old
            else "written (it was missing)"
        )
        plan.whole["datapackage.json"] = text
        plan.changes.append(Change(f"{plan.pkg.display}/datapackage.json", 0, "", "", "", why))


def plan_fixes(pkg: PackageContents, found: FoundSources, expected_targets: list[dict[str, Any]]) -> _Plan:
    """What ``--fix`` would rewrite in the folder *pkg* was read from (nothing is written)."""
    plan = _Plan(pkg, {}, {}, [])
    _hashes(plan, found)
    _Citations(plan, found).run()
    _targets(plan, expected_targets)
    _descriptor(plan, pkg.folder)
    plan.changes.sort()
    return plan


def edited_text(text: str, edits: dict[int, dict[str, str]]) -> str:
    """*text* with the records starting on the lines of *edits* rewritten, every other line kept."""
    lines = text.splitlines(keepends=True)
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    header: list[str] = []
    spans: list[tuple[int, int, list[str]]] = []
    start = 1
    for record in reader:
        end = reader.line_num
        if not header:
            header = [h.strip() for h in record]
        elif start in edits:
            spans.append((start, end, record))
        start = end + 1
    for start, end, record in reversed(spans):
        values = dict(zip(header, record, strict=False))
        values.update(edits[start])
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=ending).writerow([values.get(h, "") for h in header])
        lines[start - 1 : end] = [buffer.getvalue()]
    joined = "".join(lines)
    return joined if joined.startswith(bom) else bom + joined


def apply_fixes(plan: _Plan) -> list[Path]:
    """Write what *plan* rewrites; each file atomically. Return the files written."""
    from cfgraph.io.atomic import write_text

    contents: dict[str, str] = {}
    for filename, edits in plan.cells.items():
        path = plan.pkg.folder / filename
        contents[filename] = edited_text(path.read_bytes().decode("utf-8"), edits)
    contents.update(plan.whole)
    written = []
    for filename, text in sorted(contents.items()):
        written.append(write_text(plan.pkg.folder / filename, text))
    return written


def fix_framework(path: Path | str | None = None) -> tuple[list[Change], Any]:
    """Rewrite what can be derived in the framework folder *path* (see the module); return the
    changes made and the :class:`~cfgraph.io.loader.ValidationReport` of the folder after them."""
    from cfgraph.io.derive import target_rows
    from cfgraph.io.loader import resolve, validate
    from cfgraph.io.meaning import check_meaning
    from cfgraph.io.reading import read_package
    from cfgraph.sdg import load_catalogue

    folder, shown = resolve(path)
    catalogue = load_catalogue()
    pkg = read_package(folder, shown)
    if not pkg.tables:
        return [], validate(path)
    found = check_meaning(pkg, catalogue)
    plan = plan_fixes(pkg, found, target_rows(pkg, catalogue))
    apply_fixes(plan)
    return plan.changes, validate(path)
