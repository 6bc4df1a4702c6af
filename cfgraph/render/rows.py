"""The output registry: rows (a list of dicts) as a text table, CSV or JSON.

Every command that prints rows goes through :func:`render_rows`, so ``--format`` means the same
everywhere. CSV cells that a spreadsheet would run as a formula are neutralised; the text table,
which goes to a terminal, shows control characters escaped (``\\x1b``), never raw.

>>> print(render_rows([{"id": "1.1", "n": 3}, {"id": "2.1", "n": 10}], "table"), end="")
id   n
---  --
1.1  3
2.1  10
>>> render_rows([{"name": "=1+1"}], "csv")
"name\\n'=1+1\\n"
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from cfgraph.controls import escape_controls

__all__ = ["RENDERERS", "render_rows", "safe_cell", "FORMULA_PREFIXES"]

#: A cell starting with one of these is a formula to Excel/LibreOffice/Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Prefix text a spreadsheet would evaluate with an apostrophe; leave numbers alone.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell(-3), safe_cell("-")
    ("'=HYPERLINK(1)", -3, "'-")
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            columns.setdefault(key)
    return list(columns)


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(no rows)\n"
    columns = [escape_controls(c) for c in _columns(rows)]
    cells = [[escape_controls(_text(r.get(c)).replace("\n", " ")) for c in _columns(rows)] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = _columns(rows)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(_text(row.get(c))) for c in columns])
    return buffer.getvalue()


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[list[dict[str, Any]]], str]] = {
    "table": _table,
    "csv": _csv,
    "json": _json,
}


def render_rows(rows: list[dict[str, Any]], fmt: str) -> str:
    """Render *rows* in format *fmt* (one of :data:`RENDERERS`)."""
    return RENDERERS[fmt](rows)
