"""What every reader gives the extractors: a document as numbered text lines and its tables.

A reader turns a file (.txt, .docx, .pdf) into a :class:`Document`: the text the framework
folder keeps as its text source (``sources/<name>.txt``, a page break written as a form feed at
the start of the page's first line) and the tables found in it, each cell knowing the lines it
occupies, so every extracted row can cite them. A table cell is written into the text as its
lines, the first one led by a tab; a plain text file written that way (a word processor's
"save as text") gives back the same cells (:func:`tab_cells`).

>>> doc = Document("cf.txt", ("Outcome 1. By 2030, all.", "\\tIndicator", "\\tBaseline: 3", "more"))
>>> [(c.first, c.text) for c in tab_cells(doc.lines)]
[(2, 'Indicator'), (3, 'Baseline: 3\\nmore')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

__all__ = ["Cell", "Table", "Document", "TextBuilder", "tab_cells", "HEADING"]

#: A line that opens a new part of a document (an annex, a chapter, a numbered section): a
#: table cell written as text never runs over it.
HEADING = re.compile(r"^\s*(?:annex|appendix|chapter|part)\b\s*[0-9IVXA-Z]*\s*[:.]", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One table cell: its text (lines joined by ``\\n``) and the line of the text source where it starts."""

    text: str
    first: int

    def lines(self) -> list[tuple[int, str]]:
        """Each line of the cell with its line number."""
        return [(self.first + i, line) for i, line in enumerate(self.text.split("\n"))]

    @property
    def last(self) -> int:
        return self.first + self.text.count("\n")


@dataclass(frozen=True)
class Table:
    """A table: rows of cells; ``flat`` when only the reading order of the cells is known (a
    text file), then the one row holds every cell."""

    rows: tuple[tuple[Cell, ...], ...]
    flat: bool = False

    @property
    def first(self) -> int:
        return min((c.first for row in self.rows for c in row), default=0)

    @property
    def last(self) -> int:
        return max((c.last for row in self.rows for c in row), default=0)


@dataclass
class Document:
    """A document as the extractors read it."""

    name: str
    lines: tuple[str, ...]
    tables: tuple[Table, ...] = ()
    #: The lines inside a table (filled on first use).
    _in_table: set[int] = field(default_factory=set, repr=False)

    def in_table(self, line: int) -> bool:
        if not self._in_table:
            self._in_table = {n for t in self.tables for n in range(t.first, t.last + 1)} or {0}
        return line in self._in_table

    def numbered(self) -> Iterator[tuple[int, str]]:
        """Every line with its number (1-based), page breaks dropped from the text."""
        for n, line in enumerate(self.lines, 1):
            yield n, line.replace("\f", "")

    @property
    def text(self) -> str:
        """The text source's content."""
        return "\n".join(self.lines) + "\n"


class TextBuilder:
    """Write a document's text line by line, tables as tab-led cells, keeping each cell's lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.tables: list[Table] = []
        self._page_break = False

    def page(self) -> None:
        """The next line starts a new page (a form feed before it)."""
        self._page_break = bool(self.lines)

    def line(self, text: str) -> int:
        """Add one line (line breaks inside *text* become spaces); return its number."""
        clean = re.sub(r"[\r\n\v\f\x0b\x0c]+", " ", text).rstrip()
        if self._page_break:
            clean, self._page_break = "\f" + clean, False
        self.lines.append(clean)
        return len(self.lines)

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        """Add a table: each cell's first line led by a tab, its other lines as they are."""
        built = []
        for row in rows:
            cells = []
            for text in row:
                parts = [re.sub(r"[\r\v\f\t]+", " ", p).rstrip() for p in (text or "").split("\n")] or [""]
                first = self.line("\t" + parts[0])
                for part in parts[1:]:
                    self.line(part)
                cells.append(Cell("\n".join(p.strip() for p in parts), first))
            built.append(tuple(cells))
        if built:
            self.tables.append(Table(tuple(built)))

    def document(self, name: str) -> Document:
        return Document(name, tuple(self.lines), tuple(self.tables))


def tab_cells(lines: Sequence[str], start: int = 1, one_table: bool = False) -> list[Cell]:
    """The table cells of a text written with tab-led cells, in reading order, from line *start*.

    A cell starts at a line led by a tab and runs over the following lines until the next
    tab-led line, a heading (:data:`HEADING`; with *one_table*, it ends the table) or, after three
    blank lines, a long paragraph of prose.
    """
    cells: list[Cell] = []
    current: list[str] | None = None
    first = 0
    for n, raw in enumerate(lines[start - 1 :], start):
        line = raw.replace("\f", "")
        if line.startswith("\t"):
            if current is not None:
                cells.append(_cell(current, first))
            current, first = [line[1:].strip()], n
        elif current is not None:
            if HEADING.match(line) or _ends_cell(current, line):
                cells.append(_cell(current, first))
                current = None
                if one_table and HEADING.match(line):
                    break
            else:
                current.append(line.strip())
    if current is not None:
        cells.append(_cell(current, first))
    return cells


def _ends_cell(current: list[str], line: str) -> bool:
    """Prose after a gap of three blank lines or more is no longer inside the cell."""
    gap = next((i for i, x in enumerate(reversed(current)) if x), len(current))
    return gap >= 3 and len(line) > 200


def _cell(lines: list[str], first: int) -> Cell:
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return Cell("\n".join(lines), first)
