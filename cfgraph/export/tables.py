"""The property graph as tables: one per node label and one per relationship type.

The same tables become CSV files (``cfgraph export --format csv``) and the sheets of one Excel
workbook (``--format xlsx``, :mod:`cfgraph.export.xlsx`). A node table starts with ``key``,
``id``, ``name`` and ``framework``; a relationship table with ``key``, ``source``, ``target`` and
the names of both ends, so a partnership officer can read it without looking keys up. Cells
that a spreadsheet would run as a formula are neutralised
(:func:`cfgraph.render.rows.safe_cell`).

>>> import cfgraph
>>> tables = lpg_tables(cfgraph.load(cfgraph.MINI))
>>> list(tables)[:4]
['Framework', 'ThematicArea', 'ResultGroup', 'Outcome']
>>> tables["PARTNERS_WITH"][0]["source_name"], tables["PARTNERS_WITH"][0]["target_name"]
('Outcome 1.1', 'Ministry of Water')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cfgraph.lpg import NODE_LABELS, REL_TYPES, PropertyGraph, property_graph

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["lpg_tables", "export_csv"]

_NODE_FIRST = ("key", "id", "name", "framework")
_REL_FIRST = ("key", "source", "source_name", "target", "target_name", "framework")


def _ordered(row: dict[str, Any], first: tuple[str, ...]) -> dict[str, Any]:
    head = {k: row[k] for k in first if k in row}
    return {**head, **{k: v for k, v in row.items() if k not in head}}


def _fill(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give every row every column (the union, in first-seen order), empty where absent."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return [{c: row.get(c) for c in columns} for row in rows]


def lpg_tables(source: Framework | PropertyGraph) -> dict[str, list[dict[str, Any]]]:
    """Table name (a node label or relationship type) -> rows, in allow-list order."""
    pg = source if isinstance(source, PropertyGraph) else property_graph(source)
    names = {n.key: n.properties.get("name", n.key) for n in pg.nodes}
    tables: dict[str, list[dict[str, Any]]] = {label: [] for label in NODE_LABELS}
    tables.update({rel_type: [] for rel_type in REL_TYPES})
    for n in pg.nodes:
        tables[n.label].append(_ordered(dict(n.properties), _NODE_FIRST))
    for r in pg.relationships:
        ends = {"source": r.source, "source_name": names[r.source], "target": r.target,
                "target_name": names[r.target]}
        tables[r.type].append(_ordered({**ends, **r.properties}, _REL_FIRST))
    return {name: _fill(rows) for name, rows in tables.items() if rows}


def export_csv(fw: Framework) -> dict[str, str]:
    """One CSV file per table (``Outcome.csv``, ``LISTS_TARGET.csv``, ...); lists joined by ``; ``."""
    from cfgraph.render.rows import render_rows

    return {f"{name}.csv": render_rows(rows, "csv") for name, rows in lpg_tables(fw).items()}
