"""Read a filled review sheet (Excel or CSV) into rows, with the row numbers a person sees.

Nothing is judged here but the file's shape: it must be an ``.xlsx`` written by
:func:`cfgraph.review.sheet.sheet_xlsx` (an ``About`` sheet naming the framework and a fingerprint
per worksheet, worksheets with the sheet's header) or a ``.csv`` with that header.
:mod:`cfgraph.review.importer` checks what the rows say.

>>> import cfgraph, tempfile, pathlib
>>> from cfgraph.review.sheet import write_sheet
>>> out = pathlib.Path(tempfile.mkdtemp()) / "people.csv"
>>> _ = write_sheet(cfgraph.load(cfgraph.MINI), out, result_group="people")
>>> sheet = read_sheet(out, "people.csv")
>>> [(r.line, r.values["source"], r.values["target"]) for r in sheet.rows][:2], sheet.problems
([(2, '2.1', '1.1'), (3, '1.1', '2.1')], [])
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cfgraph.errors import Problem
from cfgraph.review.sheet import COLUMNS, FORMAT

__all__ = ["SheetRow", "SheetFile", "read_sheet"]

_FINGERPRINT = "fingerprint "


@dataclass(frozen=True)
class SheetRow:
    """One row of a worksheet (``tab`` None for CSV): its cells by column and its row number."""

    tab: str | None
    line: int
    values: dict[str, Any]


@dataclass
class SheetFile:
    """A review sheet as read: its bytes' SHA-256, the About sheet's fields, rows and problems."""

    path: Path
    display: str
    sha256: str
    about: dict[str, tuple[int, str]] = field(default_factory=dict)  # field -> (row, value)
    tabs: list[str] = field(default_factory=list)
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def where(self, tab: str | None) -> str:
        """How a message names the file (and the worksheet): ``people.xlsx[People]``."""
        return f"{self.display}[{tab}]" if tab else self.display

    def fingerprints(self) -> dict[str, str]:
        """Worksheet title -> the fingerprint the About sheet gives it."""
        return {k[len(_FINGERPRINT) :]: v for k, (_, v) in self.about.items() if k.startswith(_FINGERPRINT)}


def _header(sheet: SheetFile, tab: str | None, header: list[str]) -> bool:
    where = sheet.where(tab)
    missing = [c for c in COLUMNS if c not in header]
    for name in missing:
        sheet.problems.append(Problem(where, 1, name, "column missing from the header"))
    for name in header:
        if name and name not in COLUMNS:
            sheet.problems.append(Problem(where, 1, name, "unknown column"))
    return not missing


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _read_xlsx(sheet: SheetFile, data: bytes) -> None:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        sheet.problems.append(Problem(sheet.display, 0, "(file)", f"not an Excel workbook ({exc})"))
        return
    try:
        if "About" not in wb.sheetnames:
            sheet.problems.append(
                Problem(sheet.display, 0, "(file)", "not a cfgraph review sheet: no About sheet")
            )
            return
        for ws in wb.worksheets:  # read-only mode trusts the size a file declares; some writers get it wrong
            ws.reset_dimensions()
        for n, row in enumerate(wb["About"].iter_rows(values_only=True), 1):
            if row and row[0] is not None and len(row) > 1:
                sheet.about.setdefault(_text(row[0]), (n, _text(row[1])))
        if sheet.about.get("format", (0, ""))[1] != FORMAT:
            sheet.problems.append(
                Problem(
                    sheet.where("About"),
                    0,
                    "format",
                    f"not a {FORMAT!r}; write a new sheet with cfgraph review sheet",
                )
            )
            return
        for tab in sheet.fingerprints():
            if tab not in wb.sheetnames:
                sheet.problems.append(
                    Problem(sheet.display, 0, "(sheet)", f"the worksheet {tab!r} is missing")
                )
                continue
            sheet.tabs.append(tab)
            rows = wb[tab].iter_rows(values_only=True)
            header = [_text(v) for v in next(rows, ())]
            if not _header(sheet, tab, header):
                continue
            for n, values in enumerate(rows, 2):
                if any(v not in (None, "") for v in values):
                    cells = dict(zip(header, values, strict=False))
                    sheet.rows.append(SheetRow(tab, n, {c: cells.get(c) for c in COLUMNS}))
    finally:
        wb.close()


def _read_csv(sheet: SheetFile) -> None:
    from cfgraph.io.csvfile import read_csv

    table = read_csv(sheet.path, sheet.display)
    sheet.problems += table.problems
    if not table.header or not _header(sheet, None, table.header):
        return
    for record in table.rows:
        if any(v.strip() for v in record.values.values()):
            sheet.rows.append(SheetRow(None, record.line, {c: record.values.get(c) for c in COLUMNS}))


def read_sheet(path: Path | str, display: str | None = None) -> SheetFile:
    """Read the review sheet at *path*; problems with its shape are collected, not raised."""
    path = Path(path)
    data = path.read_bytes()
    sheet = SheetFile(path, display if display is not None else str(path), hashlib.sha256(data).hexdigest())
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _read_xlsx(sheet, data)
    elif suffix == ".csv":
        _read_csv(sheet)
    else:
        sheet.problems.append(
            Problem(sheet.display, 0, "(file)", "a review sheet is an .xlsx or a .csv file")
        )
    return sheet
