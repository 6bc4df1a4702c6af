"""Citations of the source document (``source_lines`` cells such as ``230;590-591``), read with
bounded work.

A cell is parsed into ranges that are sorted and merged, so ``1-2263;1-2263;…`` costs what
``1-2263`` costs; a row may cite at most :data:`MAX_CITED_LINES` lines (the largest shipped
citation is 29); :class:`CitedSource` cleans each line of the document once, on first use, and
keeps the text of the last few citations, so the verbatim check never builds the same long
string twice.

>>> merged_ranges("7;1-3;2-5;9")
((1, 5), (7, 7), (9, 9))
>>> source = CitedSource(["[bookmark: a]One", "two  words", "three"])
>>> source.cited(((1, 2),))
'One two words'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "MAX_CITED_LINES",
    "CitedSource",
    "cited_line_count",
    "clean_source_line",
    "merged_ranges",
    "reversed_ranges",
]

#: How many lines of the source one row may cite.
MAX_CITED_LINES = 500
#: How many cited texts a :class:`CitedSource` keeps.
_KEPT = 256
_MARKERS = re.compile(r"\[bookmark: [^\]]*\]|\[footnoteRef:[0-9]+\]")
_SPACE = re.compile(r"\s+")


def clean_source_line(text: str) -> str:
    """Remove Word-dump markers and collapse whitespace.

    >>> clean_source_line("[bookmark: _Hlk1]Outcome  1.1.\\tBy 2025[footnoteRef:3]")
    'Outcome 1.1. By 2025'
    """
    return _SPACE.sub(" ", _MARKERS.sub("", text)).strip()


def _parts(cell: str) -> list[tuple[int, int]]:
    out = []
    for part in cell.split(";"):
        first, _, last = part.partition("-")
        out.append((int(first), int(last or first)))
    return out


def reversed_ranges(cell: str) -> list[tuple[int, int]]:
    """The ranges of *cell* written last-first (``9-3``)."""
    return [(a, b) for a, b in _parts(cell) if a > b]


def merged_ranges(cell: str) -> tuple[tuple[int, int], ...]:
    """The ranges of *cell* (which matches ``LINES_PATTERN``, none reversed), sorted and merged."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(_parts(cell)):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return tuple(merged)


def cited_line_count(ranges: Sequence[tuple[int, int]]) -> int:
    """How many lines merged *ranges* cite."""
    return sum(b - a + 1 for a, b in ranges)


class CitedSource:
    """The source document's lines, each cleaned (:func:`clean_source_line`) once, on first use."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self._clean: dict[int, str] = {}
        self._cited: dict[tuple[tuple[int, int], ...], str] = {}

    def line(self, number: int) -> str:
        """Line *number* (1-based), cleaned."""
        text = self._clean.get(number)
        if text is None:
            text = self._clean[number] = clean_source_line(self.lines[number - 1])
        return text

    def cited(self, ranges: tuple[tuple[int, int], ...]) -> str:
        """The cleaned lines of merged *ranges*, joined by spaces."""
        text = self._cited.get(ranges)
        if text is None:
            if len(self._cited) >= _KEPT:
                self._cited.clear()
            text = " ".join(self.line(n) for a, b in ranges for n in range(a, b + 1))
            self._cited[ranges] = text
        return text
