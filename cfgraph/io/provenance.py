"""Every row's citation checked against its source, as the framework's provenance policy says.

``verbatim`` (the default): every row cites lines of a text source (or a page/cell by its
``locator``), the lines lie in the source, and every column declared ``verbatim`` — statements,
raw lists, quotes, indicator names, baselines and targets, and the names of partners, groups
and agencies (a name or one of its aliases) — occurs in the lines it cites, once Word-dump
markers are removed and whitespace collapsed; an ellipsis (``…``) in a quote skips text.
``cited``: every row must cite its source, but a text not found where it is cited is only a
warning. ``none``: nothing is checked. A text found elsewhere in the source is located
("it is on line 83"), and ``cfgraph validate --fix`` moves the citation there.
"""

from __future__ import annotations

import bisect
import re

from cfgraph.errors import Problem
from cfgraph.io.citations import (
    MAX_CITED_LINES,
    CitedSource,
    cited_line_count,
    merged_ranges,
    reversed_ranges,
)
from cfgraph.io.reading import PackageContents, TypedRow
from cfgraph.io.sources import FoundSources
from cfgraph.model import TABLES, TableSpec
from cfgraph.model.schema import LINES_PATTERN

__all__ = ["check_citations", "fragments", "not_found", "SourceIndex", "policy_of", "MAX_LOCATED"]

_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
#: At most this many texts are looked for elsewhere in their source (the search reads it all).
MAX_LOCATED = 200


def policy_of(pkg: PackageContents) -> str:
    """The framework's provenance policy (``verbatim`` when ``framework.csv`` does not say)."""
    rows = pkg.tables.get("framework", [])
    return str(rows[0].values.get("provenance") or "verbatim") if rows else "verbatim"


class SourceIndex:
    """A text source as one cleaned string, to find where a text is and say which lines hold it.

    >>> idx = SourceIndex(CitedSource(["Intro.", "By 2030, every village", "has water."]))
    >>> idx.find("every village has water")
    (2, 3)
    >>> idx.find("no such text") is None
    True
    """

    def __init__(self, source: CitedSource) -> None:
        self.source = source
        parts: list[str] = []
        self.starts: list[int] = []
        at = 0
        for n in range(1, len(source.lines) + 1):
            self.starts.append(at)
            text = source.line(n)
            parts.append(text)
            at += len(text) + 1
        self.text = " ".join(parts)

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def find(self, fragment: str, near: int = 1) -> tuple[int, int] | None:
        """The first and last line of the place *fragment* occurs closest to line *near*, or None.

        >>> SourceIndex(CitedSource(["x", "a", "x", "x", "a"])).find("a", near=4)
        (5, 5)
        """
        best: tuple[int, int] | None = None
        at = self.text.find(fragment)
        while at >= 0:
            place = self.line_at(at), self.line_at(at + max(len(fragment) - 1, 0))
            if best is None or abs(place[0] - near) <= abs(best[0] - near):  # a tie: the later place
                best = place
            if place[0] > near:
                break
            at = self.text.find(fragment, at + 1)
        return best


def fragments(value: str) -> list[str]:
    """The parts of a quote that must each be in the cited text (an ellipsis skips text)."""
    return [f for f in _ELLIPSIS.split(_SPACE.sub(" ", value).strip()) if f]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) < limit else text[: limit - 3] + "..."


class _Checker:
    def __init__(self, pkg: PackageContents, found: FoundSources) -> None:
        self.pkg, self.found = pkg, found
        self.policy = policy_of(pkg)
        self.sources = found.cited()
        self.indexes: dict[str, SourceIndex] = {}
        self.located = 0
        #: Sources whose file no longer has the sha256 the folder gives: they changed since cited.
        self.changed = {sid for sid, (_, row, column) in found.rows.items()
                        if found.digests.get(sid) not in (None, row.values.get(column))}  # fmt: skip
        #: (table, source) -> rows whose texts are not where they cite, in a changed source.
        self.moved: dict[tuple[str, str], list[tuple[int, str]]] = {}

    @property
    def mismatch(self) -> str:
        return "error" if self.policy == "verbatim" else "warning"

    def index(self, sid: str) -> SourceIndex:
        if sid not in self.indexes:
            self.indexes[sid] = SourceIndex(self.sources[sid])
        return self.indexes[sid]

    def problem(self, shown: str, row: TypedRow, column: str, message: str, severity: str = "error") -> None:
        self.pkg.problems.append(Problem(shown, row.line, column, message, severity))  # type: ignore[arg-type]

    def row(self, spec: TableSpec, row: TypedRow) -> None:
        shown = self.pkg.shown(spec)
        cell = row.values.get("source_lines") or ""
        locator = row.values.get("locator")
        sid = row.values.get("source_id") or self.found.default
        if not cell and not locator:
            if self.policy != "none" and spec.name != "framework":  # the metadata need not cite a line
                what = "give source_lines (lines of a text source) or a locator (a page, a cell, a section)"
                self.problem(shown, row, "source_lines", f"cites nothing; {what}")
            return
        if sid is None:
            message = "the framework names no source: list it in sources.csv (or framework.csv's source_file)"
            self.problem(shown, row, "source_id", message, "error" if self.policy != "none" else "warning")
            return
        if cell and re.match(LINES_PATTERN, cell):
            self.lines(spec, row, shown, cell, sid)

    def lines(self, spec: TableSpec, row: TypedRow, shown: str, cell: str, sid: str) -> None:
        source = self.sources.get(sid)
        if source is None:
            if sid in self.found.known and sid not in self.found.unusable and self.policy != "none":
                message = (
                    f"cites lines of source {sid!r}, which is not a text file; cite a page or cell as locator"
                )
                self.problem(shown, row, "source_lines", message, self.mismatch)
            return
        short = cell if len(cell) <= 40 else cell[:37] + "..."
        ranges = merged_ranges(cell)
        if reversed_ranges(cell) or ranges[-1][1] > len(source.lines):
            message = f"{short!r} is outside the source (lines 1-{len(source.lines)}) or reversed"
            self.problem(shown, row, "source_lines", message, "error" if self.policy != "none" else "warning")
            return
        count = cited_line_count(ranges)
        if count > MAX_CITED_LINES:
            message = f"{short!r} cites {count} lines; cite at most {MAX_CITED_LINES}, those the text is on"
            self.problem(shown, row, "source_lines", message)
            return
        if self.policy != "none":
            self.verbatim(spec, row, shown, source, sid, short, ranges)

    def verbatim(self, spec: TableSpec, row: TypedRow, shown: str, source: CitedSource, sid: str, short: str,
                 ranges: tuple[tuple[int, int], ...]) -> None:  # fmt: skip
        missed = not_found(spec, row.values, source.cited(ranges))
        if missed and sid in self.changed:  # said once per table below, not once per cell
            self.moved.setdefault((shown, sid), []).append((row.line, missed[0][0]))
            return
        for column, missing in missed:
            message = f"{_short(missing)!r} is not in source line(s) {short}"
            message += f" (line {ranges[0][0]} reads {_short(source.line(ranges[0][0]))!r})"
            if self.located < MAX_LOCATED:
                self.located += 1
                where = self.index(sid).find(missing, ranges[0][0])
                if where is not None:
                    a, b = where
                    message += f"; it is on line {a}" if a == b else f"; it is on lines {a}-{b}"
                    message += " ('cfgraph validate --fix' cites it there)"
            self.problem(shown, row, column, message, self.mismatch)


def not_found(spec: TableSpec, values: dict[str, object], cited: str) -> list[tuple[str, str]]:
    """Each column declared ``verbatim`` whose text is not in *cited*, with the first fragment
    missing (a name passes when it or one of its other spellings is there).

    >>> from cfgraph.model import table_spec
    >>> not_found(table_spec("lnob_groups"), {"name": "rural youth", "aliases": ()}, "LNOB: rural youth")
    []
    """
    missing = []
    for column in spec.columns:
        value = values.get(column.name)
        if not column.meta.verbatim or not value:
            continue
        choices = [str(value)]
        others = column.meta.verbatim
        for other in (others,) if isinstance(others, str) else others if isinstance(others, tuple) else ():
            alternative = values.get(other)  # a name, or one of its other spellings
            choices += [alternative] if isinstance(alternative, str) else [str(v) for v in alternative or ()]  # type: ignore[attr-defined]
        if any(all(f in cited for f in fragments(c)) for c in choices):
            continue
        missing.append((column.name, next(f for f in fragments(str(value)) if f not in cited)))
    return missing


def check_citations(pkg: PackageContents, found: FoundSources) -> None:
    """Check every row's citation (see the module's docstring); problems go to *pkg*."""
    checker = _Checker(pkg, found)
    for spec in TABLES:
        if "source_lines" not in {c.name for c in spec.columns} or spec.name not in pkg.layout:
            continue  # a table the folder does not have holds derived rows, checked where they come from
        for row in pkg.tables.get(spec.name, []):
            checker.row(spec, row)
    for (shown, sid), rows in checker.moved.items():
        name = found.rows[sid][1].values.get("path") or found.rows[sid][1].values.get("source_file") or sid
        first, column = rows[0]
        message = (
            f"{len(rows)} row(s) cite lines of {name} that no longer hold their text (the first: its "
            f"{column}); the source changed since they were cited: 'cfgraph validate --fix' moves "
            "the citations"
        )
        pkg.problems.append(Problem(shown, first, "source_lines", message, checker.mismatch))  # type: ignore[arg-type]
