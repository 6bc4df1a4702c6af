"""Results as output rows: one function turns any result record into the row every output uses.

The CLI (table, CSV, JSON), the report's tables and downloads, :func:`cfgraph.frames` and a
notebook user all get the same columns for the same result: the record's fields in order,
after the columns given first (``framework``), tuples as lists.

>>> from cfgraph.analysis.gaps.findings import Finding
>>> f = Finding("duplicate-code", "info", "2.1", "8.6 twice", ("outcome:2.1",), ("8.6",), (18,))
>>> row = record(f, framework="kz")
>>> list(row)[:4], row["concerns"], row["source_lines"]
(['framework', 'check', 'severity', 'subject'], ['outcome:2.1'], [18])
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

__all__ = ["record", "records"]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def record(item: Any, **first: Any) -> dict[str, Any]:
    """One result record (a dataclass) as a row: the *first* columns, then its fields."""
    row = dict(first)
    for f in dataclasses.fields(item):
        row[f.name] = _plain(getattr(item, f.name))
    return row


def records(items: Iterable[Any], **first: Any) -> list[dict[str, Any]]:
    """:func:`record` of each item."""
    return [record(item, **first) for item in items]
