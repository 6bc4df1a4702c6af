"""One Excel workbook, a sheet per table, written the same way byte for byte on every run.

Every text cell goes through :func:`cfgraph.render.rows.safe_cell`, so a value starting with
``=``, ``+``, ``-``, ``@``, tab or CR is text to Excel, never a formula. Characters that the
xlsx format cannot hold (control characters) are dropped. The workbook's dates and the zip
entries' timestamps are fixed, so two exports of the same data are identical.

>>> import io, openpyxl
>>> data = workbook_bytes({"Sheet A": [{"name": "=1+1", "n": 3, "tags": ["a", "b"]}]})
>>> ws = openpyxl.load_workbook(io.BytesIO(data))["Sheet A"]
>>> [[c.value for c in row] for row in ws.iter_rows()]
[['name', 'n', 'tags'], ["'=1+1", 3, 'a; b']]
>>> workbook_bytes({"x": []}) == workbook_bytes({"x": []})
True
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["workbook_bytes", "export_xlsx", "cell_value", "fixed_timestamps", "sheet_title"]

_FIXED_TIME = "2000-01-01T00:00:00Z"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_CORE_DATE = re.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def cell_value(value: Any) -> Any:
    """What a cell holds: text neutralised (:func:`~cfgraph.render.rows.safe_cell`) and without
    the control characters xlsx cannot store, lists joined with ``; ``, numbers as they are."""
    from cfgraph.render.rows import safe_cell

    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        return safe_cell(_ILLEGAL.sub("", value))
    return value


def sheet_title(name: str, used: set[str]) -> str:
    """A worksheet title Excel accepts (31 characters, none of ``[]:*?/\\``), unique in *used*."""
    base = _SHEET_NAME_BAD.sub("_", name)[:31] or "Sheet"
    title, n = base, 1
    while title.lower() in used:
        n += 1
        title = f"{base[: 31 - len(str(n)) - 1]}~{n}"
    used.add(title.lower())
    return title


def fixed_timestamps(data: bytes) -> bytes:
    """Fixed timestamps in ``docProps/core.xml`` and on every zip entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = _CORE_DATE.sub(rf"\g<1>{_FIXED_TIME}\g<3>", text)
                content = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def _widths(ws: Any, columns: list[str], rows: list[dict[str, Any]]) -> None:
    """Each column as wide as its longest text (header and the first 500 rows), 8 to 60
    characters; longer text wraps."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for i, name in enumerate(columns, 1):
        longest = max([len(str(name)), *(len(str(cell_value(r.get(name)) or "")) for r in rows[:500])])
        width = min(max(longest + 2, 8), 60)
        ws.column_dimensions[get_column_letter(i)].width = width
        if longest > 60:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def workbook_bytes(sheets: dict[str, list[dict[str, Any]]]) -> bytes:
    """An .xlsx workbook with one sheet per entry: a header row, then one row per dict."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "cfgraph"
    used: set[str] = set()
    for name, rows in sheets.items():
        ws = wb.create_sheet(sheet_title(name, used))
        columns: dict[str, None] = {}
        for row in rows:
            columns.update(dict.fromkeys(row))
        ws.append([cell_value(c) for c in columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([cell_value(row.get(c)) for c in columns])
        ws.freeze_panes = "A2"
        if columns:
            ws.auto_filter.ref = ws.dimensions
            _widths(ws, list(columns), rows)
    if not sheets:
        wb.create_sheet("Empty")
    buffer = io.BytesIO()
    wb.save(buffer)
    return fixed_timestamps(buffer.getvalue())


def export_xlsx(fw: Framework) -> bytes:
    """The tables of :func:`cfgraph.export.tables.lpg_tables`, a sheet each, in one workbook."""
    from cfgraph.export.tables import lpg_tables

    return workbook_bytes(lpg_tables(fw))
