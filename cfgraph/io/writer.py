"""Write a :class:`~cfgraph.model.Framework` back to CSV tables in canonical form.

Loading a folder and writing it again gives the same tables, so a notebook user can edit the
model and save it, and the shipped data stays in one canonical layout (checked by a test).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from cfgraph.io.atomic import write_text
from cfgraph.io.datapackage import datapackage_text
from cfgraph.model import TABLES, Framework, rows_of, table_spec

__all__ = ["table_text", "write_framework"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    if isinstance(value, tuple):
        return ";".join(value)
    return str(value)


def table_text(fw: Framework, name: str) -> str:
    """The CSV text of one table of *fw*."""
    spec = table_spec(name)
    rows = rows_of(fw, spec)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in spec.fields])
    for row in rows:
        writer.writerow([_cell(getattr(row, f.name)) for f in spec.fields])
    return buffer.getvalue()


def write_framework(fw: Framework, folder: Path) -> None:
    """Write every table and ``datapackage.json`` of *fw* into *folder* (the source text is not copied)."""
    for spec in TABLES:
        write_text(folder / spec.filename, table_text(fw, spec.name))
    write_text(folder / "datapackage.json", datapackage_text(fw.info.id, fw.info.title))
