"""Where facts are written, for people: the lines of the framework's main source, and the places
in its other sources (another document's lines, a spreadsheet cell, a page).

A row cites its source with ``source_lines`` (lines of a text), ``source_id`` (an id of
``sources.csv``; blank: the framework's first source) and ``locator`` (a page, a cell, a
section). Answers show the main source's lines as numbers and everything else as text, so a
fact read from a results-matrix workbook is never shown without a place.

>>> from types import SimpleNamespace as Row
>>> split_citations(["230;590-591", Row(source_id="results", source_lines="", locator="Matrix!C2"),
...                  Row(source_id=None, source_lines="14", locator=None)], main="cf")
((14, 230, 590), ('results: Matrix!C2',))
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["split_citations", "cited_elsewhere"]


def cited_elsewhere(row: Any, main: str) -> str:
    """Where *row* is written when that is not by lines of the main source, else ``""``.

    >>> from types import SimpleNamespace as Row
    >>> cited_elsewhere(Row(source_id="strategy", source_lines="3-4;9", locator=None), main="cf")
    'strategy: lines 3-4, 9'
    >>> cited_elsewhere(Row(source_id="cf", source_lines="12", locator=None), main="cf")
    ''
    >>> cited_elsewhere(Row(source_id=None, source_lines="", locator="p. 4"), main="cf")
    'p. 4'
    """
    sid = getattr(row, "source_id", None) or ""
    lines = getattr(row, "source_lines", "") or ""
    locator = getattr(row, "locator", None) or ""
    if sid in ("", main):
        return locator if locator and not lines else ""
    where = "lines " + lines.replace(";", ", ") if lines else locator
    return f"{sid}: {where}" if where else sid


def split_citations(cells: Iterable[Any], main: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The main source's first lines (sorted) and the other places, from *cells*: provenance
    texts of the main source (``'230;590-591'``) or rows that cite with their own columns."""
    from cfgraph.model.framework import parse_lines

    lines: set[int] = set()
    elsewhere: list[str] = []
    for cell in cells:
        if isinstance(cell, str):
            lines.update(parse_lines(cell))
            continue
        sid = getattr(cell, "source_id", None) or ""
        if sid in ("", main):
            lines.update(parse_lines(getattr(cell, "source_lines", "") or ""))
        if place := cited_elsewhere(cell, main):
            elsewhere.append(place)
    return tuple(sorted(lines)), tuple(dict.fromkeys(elsewhere))
