"""Read a plain-text Cooperation Framework (.txt, .md): its lines as they are, and the results
matrix where the text writes table cells as tab-led lines (a word processor's "save as text").

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "cf.txt"
>>> _ = path.write_text("Outcome 1. By 2030, all.\\n\\tResults\\n\\tIndicators\\n\\tBaseline\\n"
...                     "\\tOutcome 1\\n\\tShare of x\\n\\t5% (2020)\\n", encoding="utf-8")
>>> doc = read_text(path)
>>> len(doc.lines), [c.text for c in doc.tables[0].rows[0]][:4]
(7, ['Results', 'Indicators', 'Baseline', 'Outcome 1'])
"""

from __future__ import annotations

from pathlib import Path

from cfgraph.errors import DataError
from cfgraph.importers.document import Cell, Document, Table, tab_cells
from cfgraph.importers.labels import header_width
from cfgraph.io.sources import source_lines_of

__all__ = ["read_text", "text_tables"]


def read_text(path: Path) -> Document:
    """The document in the text file *path*."""
    data = path.read_bytes()
    if not data.strip():
        raise DataError(f"{path}: the file is empty")
    if b"\x00" in data[:4096]:
        raise DataError(f"{path}: not a text file (it holds binary data); give a .txt, .docx or .pdf")
    lines = tuple(source_lines_of(data))
    return Document(path.name, lines, text_tables(lines))


def text_tables(lines: tuple[str, ...]) -> tuple[Table, ...]:
    """The results matrices written as tab-led cells: each from a heading row of at least three
    known column headings to the next heading of the document."""
    cells = tab_cells(lines)
    tables: list[Table] = []
    i = 0
    while i < len(cells):
        run = _header_run(cells, i)
        if not run:
            i += 1
            continue
        found = tab_cells(lines, cells[i].first, one_table=True)
        tables.append(Table((tuple(found),), flat=True))
        last = found[-1].last if found else cells[i].first
        while i < len(cells) and cells[i].first <= last:
            i += 1
    return tuple(tables)


def _header_run(cells: list[Cell], i: int) -> int:
    """How many cells from *i* form a results-matrix heading row (0: none)."""
    return header_width([c.text for c in cells[i : i + 8]])
