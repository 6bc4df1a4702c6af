"""Write a :class:`~cfgraph.model.Framework` back to CSV tables in canonical form.

Loading a folder and writing it again gives the same tables (rows the loader derives from
other tables, such as the targets an outcome's indicators measure, are not written), so a
notebook user can edit the model and save it, and the shipped data stays in one canonical
layout (checked by a test).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from cfgraph.io.atomic import write_text
from cfgraph.io.datapackage import datapackage_text
from cfgraph.model import TABLES, Framework, file_rows, table_spec

__all__ = ["cell_text", "effective_layout", "table_text", "write_framework"]


def cell_text(value: Any) -> str:
    """A value as a CSV cell: lists joined by ``;``, booleans ``true``/``false``, whole floats without ``.0``.

    >>> cell_text(("a", "b")), cell_text(2.0), cell_text(None), cell_text(True)
    ('a;b', '2', '', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    if isinstance(value, tuple):
        return ";".join(value)
    return str(value)


def effective_layout(fw: Framework) -> dict[str, tuple[str, ...]]:
    """The tables and columns to write: those the framework's folder had (its ``layout``), plus any
    column or table that now holds a value; every table and column for a framework made in memory.

    >>> import cfgraph
    >>> effective_layout(cfgraph.load(cfgraph.MINI))["partners"][-2:]
    ('note', 'source_lines')
    """
    layout: dict[str, tuple[str, ...]] = {}
    for spec in TABLES:
        rows = file_rows(fw, spec)
        had = fw.layout.get(spec.name)
        if had is None and fw.layout and not rows:
            continue
        used = {c.name for c in spec.columns for r in rows if getattr(r, c.name) not in (None, (), "")}
        layout[spec.name] = tuple(
            c.name for c in spec.columns if had is None or c.required or c.name in had or c.name in used
        )
    return layout


def table_text(fw: Framework, name: str, columns: Sequence[str] | None = None) -> str:
    """The CSV text of one table of *fw* (its *columns*; default those :func:`effective_layout` gives)."""
    spec = table_spec(name)
    rows = file_rows(fw, spec)
    shown = (
        list(columns)
        if columns is not None
        else list(effective_layout(fw).get(name, [c.name for c in spec.columns]))
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(shown)
    for row in rows:
        writer.writerow([cell_text(getattr(row, c)) for c in shown])
    return buffer.getvalue()


def write_framework(fw: Framework, folder: Path) -> None:
    """Write the tables and ``datapackage.json`` of *fw* into *folder* (the sources are not copied)."""
    layout = effective_layout(fw)
    for name, columns in layout.items():
        write_text(folder / table_spec(name).filename, table_text(fw, name, columns))
    write_text(folder / "datapackage.json", datapackage_text(fw.info.id, fw.info.title, layout))
