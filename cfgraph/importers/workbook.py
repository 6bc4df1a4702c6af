"""Read a spreadsheet (.xlsx or .csv) as grids of text cells, each knowing where it is written.

A merged range (an outcome written once beside several indicator rows) gives its text to every
cell it covers, each citing the range's first cell, where the text is written. A cell holding
several lines (Alt+Enter in Excel) keeps them, joined by ``\\n``. Numbers are written as a
person reads them (``2019``, not ``2019.0``), dates as ``YYYY-MM-DD``.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "matrix.csv"
>>> _ = path.write_text("Indicator,Baseline\\nShare of x,5% (2020)\\n", encoding="utf-8")
>>> grid = read_grids(path)[0]
>>> grid.name, [(c.text, c.ref) for c in grid.rows[1]]
('matrix', [('Share of x', 'matrix!A2'), ('5% (2020)', 'matrix!B2')])
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cfgraph.errors import DataError

__all__ = ["GridCell", "Grid", "read_grids", "SPREADSHEETS"]

#: File endings read as spreadsheets.
SPREADSHEETS = (".xlsx", ".xlsm", ".csv")


@dataclass(frozen=True)
class GridCell:
    """One cell: its text (lines joined by ``\\n``, trimmed) and where it is written (``Sheet!B5``)."""

    text: str
    ref: str


@dataclass(frozen=True)
class Grid:
    """One worksheet: its name and its rows of cells (every row as wide as the widest)."""

    name: str
    rows: tuple[tuple[GridCell, ...], ...]


def _column_letter(n: int) -> str:
    """The spreadsheet letter of the 1-based column *n* (``1`` -> ``A``, ``28`` -> ``AB``)."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    lines = [line.strip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def _grid(name: str, values: list[list[Any]], merged: dict[tuple[int, int], tuple[int, int]]) -> Grid:
    """A grid from rows of values; *merged* maps a covered (row, column) to its range's first cell."""
    width = max((len(r) for r in values), default=0)
    rows = []
    for i in range(1, len(values) + 1):
        cells = []
        for j in range(1, width + 1):
            at = merged.get((i, j), (i, j))
            value = values[at[0] - 1][at[1] - 1] if at[1] <= len(values[at[0] - 1]) else None
            cells.append(GridCell(_text(value), f"{name}!{_column_letter(at[1])}{at[0]}"))
        rows.append(tuple(cells))
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    return Grid(name, tuple(rows))


def _read_xlsx(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise DataError(
            f"{path}: not an Excel workbook (.xlsx); save it from the spreadsheet as .xlsx or .csv"
        ) from None
    grids = []
    try:
        for ws in wb.worksheets:
            merged: dict[tuple[int, int], tuple[int, int]] = {}
            for rng in ws.merged_cells.ranges:
                for i in range(rng.min_row, rng.max_row + 1):
                    for j in range(rng.min_col, rng.max_col + 1):
                        merged[(i, j)] = (rng.min_row, rng.min_col)
            values = [list(r) for r in ws.iter_rows(values_only=True)]
            grids.append(_grid(ws.title, values, merged))
    finally:
        wb.close()
    return grids


def _read_csv(path: Path) -> list[Grid]:
    from cfgraph.io.csvfile import decode_utf8, not_csv_text

    data = path.read_bytes()
    wrong = not_csv_text(data, str(path))
    if wrong is not None:
        raise DataError(f"{path}: {wrong.message}")
    text, problems = decode_utf8(data, str(path))
    if text is None:
        raise DataError(str(problems[0]))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    values: list[list[Any]] = [
        list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    ]
    return [_grid(path.stem, values, {})]


def read_grids(path: Path | str) -> list[Grid]:
    """Every worksheet of the spreadsheet *path* (.xlsx, .xlsm or .csv) as a :class:`Grid`."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    if path.suffix.lower() not in SPREADSHEETS:
        raise DataError(
            f"{path}: cannot read a {path.suffix or 'file without an ending'}; give .xlsx or .csv"
        )
    if path.stat().st_size == 0:
        raise DataError(f"{path}: the file is empty")
    grids = _read_csv(path) if path.suffix.lower() == ".csv" else _read_xlsx(path)
    if not any(g.rows for g in grids):
        raise DataError(f"{path}: the spreadsheet holds no cells")
    return grids
