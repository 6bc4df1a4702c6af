"""Check filled review sheets row by row and merge their scores into ``reviews.csv``.

Every row is checked before anything is merged: the sheet must be one of this framework (its
``framework`` cells, the About sheet), each row's ids must name outcomes or SDG targets of the
framework, its context cells must be as written (the row's ``check``; an edited cell is named
with what the sheet wrote), a worksheet must keep its rows (its fingerprint), a score must be a
whole number from −3 to +3, a confidence low, medium or high, and one sheet holds one reviewer's
scores. Each problem is one line ``FILE:ROW: FIELD: what is wrong`` (``FILE[worksheet]`` for
Excel); with any problem nothing is merged.

Merging the checked sheets is :mod:`cfgraph.review.merge`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from cfgraph.errors import Problem, ValidationFailed
from cfgraph.model import Framework, Review, closest
from cfgraph.model.reviews import DATE_PATTERN
from cfgraph.review.pairs import sheet_pairs
from cfgraph.review.reading import SheetFile, SheetRow, read_sheet
from cfgraph.review.sheet import CONTEXT, context_row, fingerprint, row_check
from cfgraph.vocabulary import CONFIDENCES, REVIEW_LEVELS, Confidence, ReviewLevel

__all__ = ["SheetRejected", "CheckedSheet", "check_sheets", "parse_score"]

_SCORE = re.compile(r"^[+-]?[0-9]+$")
_PairKey = tuple[str, str, str]


class SheetRejected(ValidationFailed):
    """One or more review sheets have problems; nothing was merged."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        super().__init__(problems)
        self.args = (f"{len(self.errors)} problem(s) in the review sheets; nothing was imported",)


@dataclass
class CheckedSheet:
    """A sheet that passed the checks: whose it is, its day, the pairs it lists and its reviews."""

    sheet: SheetFile
    reviewer: str | None = None
    reviewer_at: str = ""
    date: str = ""
    listed: dict[_PairKey, SheetRow] = field(default_factory=dict)  # each pair's first row
    reviews: dict[_PairKey, Review] = field(default_factory=dict)


def parse_score(value: Any) -> tuple[int | None, str | None]:
    """A score cell as an integer (None when empty), or the problem with it.

    >>> parse_score("+2"), parse_score(-3.0), parse_score(""), parse_score("−1")
    ((2, None), (-3, None), (None, None), (-1, None))
    >>> parse_score("5")[1]
    "'5' is not a score: write a whole number from -3 to +3"
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    number: int | None = None
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        number = int(value)
    elif isinstance(value, str) and _SCORE.match(value.strip().replace("\u2212", "-")):
        number = int(value.strip().replace("\u2212", "-"))
    if number is None or not -3 <= number <= 3:
        shown = value if isinstance(value, str) else f"{value:g}" if isinstance(value, float) else str(value)
        return None, f"{shown!r} is not a score: write a whole number from -3 to +3"
    return number, None


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip() if not isinstance(value, str) else value


class _Checker:
    """Checks the rows of one framework's sheets, collecting problems."""

    def __init__(self, fw: Framework, reviewer: str | None, date: str | None) -> None:
        self.fw, self.fid = fw, fw.info.id
        self.reviewer, self.date = reviewer, date
        self.outcomes = [o.id for o in fw.outcomes]
        self.problems: list[Problem] = []
        self._expected: dict[tuple[str, ...], dict[str, str]] | None = None

    def expected(self, key: tuple[str, ...]) -> dict[str, str] | None:
        """The row today's sheets write for (result group, level, source, target)."""
        if self._expected is None:
            self._expected = {(p.result_group, *p.key): context_row(self.fw, p) for p in sheet_pairs(self.fw)}
        return self._expected.get(key)

    def problem(self, sheet: SheetFile, row: SheetRow | None, column: str, message: str) -> None:
        tab, line = (row.tab, row.line) if row else (None, 0)
        self.problems.append(Problem(sheet.where(tab), line, column, message))

    def framework_of(self, sheet: SheetFile) -> bool:
        """Whether the sheet is one of this framework (a problem once if not)."""
        if "framework" in sheet.about and sheet.about["framework"][1] != self.fid:
            line, other = sheet.about["framework"]
            self.problems.append(
                Problem(
                    sheet.where("About"),
                    line,
                    "framework",
                    f"this sheet is for the framework {other!r}, not {self.fid!r}",
                )
            )
            return False
        for row in sheet.rows:
            other = _text(row.values.get("framework"))
            if other != self.fid:
                self.problem(
                    sheet, row, "framework", f"this sheet is for the framework {other!r}, not {self.fid!r}"
                )
                return False
        return True

    def ids(self, sheet: SheetFile, row: SheetRow) -> bool:
        level = _text(row.values.get("level"))
        if level not in REVIEW_LEVELS:
            self.problem(sheet, row, "level", f"{level!r} is not one of: {', '.join(REVIEW_LEVELS)}")
            return False
        ok = True
        for column in ("source", "target"):
            value = _text(row.values.get(column))
            if level == "outcome" and value not in self.outcomes:
                hint = closest(value, self.outcomes)
                extra = f"; did you mean {', '.join(hint)}?" if hint else ""
                self.problem(sheet, row, column, f"{value!r} is not an outcome of {self.fid}{extra}")
                ok = False
            elif level == "target" and not self.fw.catalogue.is_target(value):
                self.problem(sheet, row, column, f"{value!r} is not an SDG target")
                ok = False
        return ok

    def context(self, sheet: SheetFile, row: SheetRow) -> bool:
        """Whether the row's context cells are as the sheet wrote them (its check)."""
        cells = {c: _text(row.values.get(c)) for c in CONTEXT}
        if row_check(self.fid, cells) == _text(row.values.get("check")):
            return True
        expected = self.expected(tuple(cells[c] for c in ("result_group", "level", "source", "target")))
        edited = [c for c in CONTEXT if expected is not None and expected[c] != cells[c]]
        for column in edited:
            assert expected is not None  # noqa: S101 - edited is empty otherwise
            was = expected[column] if len(expected[column]) <= 60 else expected[column][:57] + "..."
            what = f"the sheet wrote {was!r}" if was else "it was empty"
            self.problem(sheet, row, column, f"edited ({what}); context columns are locked")
        if not edited:
            self.problem(
                sheet,
                row,
                "(row)",
                "its context columns were edited (they no longer match its check); "
                "context columns are locked",
            )
        return False

    def fingerprints(self, sheet: SheetFile) -> None:
        for tab, expected in sheet.fingerprints().items():
            checks = [_text(r.values.get("check")) for r in sheet.rows if r.tab == tab]
            if tab in sheet.tabs and fingerprint(self.fid, tab, checks) != expected:
                self.problems.append(
                    Problem(
                        sheet.where(tab),
                        1,
                        "(rows)",
                        "rows were added or removed after the sheet was written (its fingerprint "
                        "does not match); leave the rows you do not judge empty",
                    )
                )

    def reviewer_of(self, sheet: SheetFile, row: SheetRow, checked: CheckedSheet) -> str | None:
        cell = _text(row.values.get("reviewer")).strip()
        if cell and self.reviewer and cell != self.reviewer:
            self.problem(sheet, row, "reviewer", f"{cell!r}, but --reviewer says {self.reviewer!r}")
            return None
        name = cell or self.reviewer
        if not name:
            self.problem(sheet, row, "reviewer", "empty: write who scored, or give --reviewer NAME")
        elif checked.reviewer is None:
            checked.reviewer, checked.reviewer_at = name, f"{sheet.where(row.tab)}:{row.line}"
        elif name != checked.reviewer:
            self.problem(
                sheet,
                row,
                "reviewer",
                f"{name!r}, but {checked.reviewer_at} says {checked.reviewer!r}: "
                "one sheet holds one reviewer's scores",
            )
            return None
        return name

    def judgement(self, sheet: SheetFile, row: SheetRow) -> tuple[int | None, str | None, str | None, bool]:
        """(score, confidence, comment, ok) of one row."""
        score, why = parse_score(row.values.get("score"))
        if why:
            self.problem(sheet, row, "score", why)
        confidence = _text(row.values.get("confidence")).strip().lower() or None
        ok = why is None
        if confidence is not None and confidence not in CONFIDENCES:
            self.problem(sheet, row, "confidence", f"{confidence!r} is not one of: {', '.join(CONFIDENCES)}")
            ok = False
        elif confidence is not None and score is None and why is None:
            self.problem(sheet, row, "confidence", "a confidence needs a score")
            ok = False
        comment = _text(row.values.get("comment")).strip() or None
        return score, confidence, comment, ok

    def row(self, sheet: SheetFile, row: SheetRow, checked: CheckedSheet) -> None:
        if not (self.ids(sheet, row) and self.context(sheet, row)):
            return
        key = (_text(row.values["level"]), _text(row.values["source"]), _text(row.values["target"]))
        checked.listed.setdefault(key, row)
        score, confidence, comment, ok = self.judgement(sheet, row)
        if score is None and comment is None:
            return
        name = self.reviewer_of(sheet, row, checked)
        if not ok or not name:
            return
        review = Review(
            level=cast(ReviewLevel, key[0]),
            source=key[1],
            target=key[2],
            reviewer=name,
            score=score,
            confidence=cast(Confidence | None, confidence),
            comment=comment,
            date=checked.date,
            sheet_file=sheet.path.name,
            sheet_sha256=sheet.sha256,
            sheet_tab=row.tab,
            sheet_row=row.line,
        )
        self.add(sheet, row, checked, review)

    def add(self, sheet: SheetFile, row: SheetRow, checked: CheckedSheet, review: Review) -> None:
        """Keep *review*; the same pair on two worksheets must have the same score."""
        key = (review.level, review.source, review.target)
        earlier = checked.reviews.get(key)
        if earlier is None or earlier.score is None:
            checked.reviews[key] = review
        elif review.score is not None and review.score != earlier.score:
            at = sheet.where(earlier.sheet_tab)
            self.problem(
                sheet,
                row,
                "score",
                f"{review.score:+d}, but {at}:{earlier.sheet_row} scores the same pair "
                f"{earlier.score:+d}: give the pair one score",
            )

    def sheet(self, sheet: SheetFile) -> CheckedSheet:
        checked = CheckedSheet(sheet, reviewer=self.reviewer, date=self.date or _file_day(sheet.path))
        self.problems += sheet.problems
        if sheet.problems or not self.framework_of(sheet):
            return checked
        before = len(self.problems)
        for row in sheet.rows:
            self.row(sheet, row, checked)
        if len(self.problems) == before:
            self.fingerprints(sheet)
        return checked


def _file_day(path: Path) -> str:
    stamp = datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC)
    return stamp.date().isoformat()


def check_sheets(
    fw: Framework, paths: Sequence[Path | str], reviewer: str | None = None, date: str | None = None
) -> list[CheckedSheet]:
    """Read and check every sheet; raise :class:`SheetRejected` listing every problem if any.

    *date* (``YYYY-MM-DD``) is the day of the sheets (default: each file's modification day, UTC).
    """
    if date is not None and not re.match(DATE_PATTERN, date):
        raise ValueError(f"{date!r} is not a day like 2025-03-31")
    checker = _Checker(fw, reviewer.strip() if reviewer else None, date)
    checked = [checker.sheet(read_sheet(p, str(p))) for p in paths]
    if checker.problems:
        raise SheetRejected(checker.problems)
    return checked
