"""Write a :class:`~cfgraph.model.Framework` back to CSV tables in canonical form.

Loading a folder and writing it again gives the same tables, so a notebook user can edit the
model and save it, and the shipped data stays in one canonical layout (checked by a test).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from cfgraph.io.atomic import write_text
from cfgraph.io.loader import _CLASSES
from cfgraph.io.tables import TABLES, datapackage_descriptor, table
from cfgraph.model import Framework

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
    spec = table(name)
    rows: tuple[Any, ...] = (fw.info,) if name == "framework" else getattr(fw, _attr(name))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in spec.fields])
    for row in rows:
        values = dataclasses.asdict(row)
        writer.writerow([_cell(values[f.name]) for f in spec.fields])
    return buffer.getvalue()


def _attr(name: str) -> str:
    return name


def write_framework(fw: Framework, folder: Path) -> None:
    """Write every table and ``datapackage.json`` of *fw* into *folder* (the source text is not copied)."""
    assert set(_CLASSES) | {"framework"} == {t.name for t in TABLES}  # noqa: S101
    for spec in TABLES:
        write_text(folder / spec.filename, table_text(fw, spec.name))
    descriptor = datapackage_descriptor(fw.info.id, fw.info.title)
    write_text(folder / "datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
