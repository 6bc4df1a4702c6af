"""Indicators written as paragraphs ("Indicator 1.a: Coverage of ... (SDG 3.8.1)" then
"Baseline: 61% (2025). Target: 75% (2031). Source: Ministry of Health") outside any table."""

from __future__ import annotations

from cfgraph.importers.actors import Names
from cfgraph.importers.document import Cell, Document
from cfgraph.importers.draft import Draft
from cfgraph.importers.indicators import indicator_lines, owned_list, read_indicators
from cfgraph.importers.labels import INDICATOR_HEADING, OUTPUT_HEADING, clean
from cfgraph.importers.matrix import add_indicators
from cfgraph.importers.outline import Outline

__all__ = ["read_text_indicators"]


def _owner(draft: Draft, number: str, outcome: str, output: str | None) -> tuple[str, str | None]:
    """The outcome and output an indicator belongs to: as its number says ("1.a": outcome 1,
    "1.1.a": output 1.1), else the output (or the outcome) whose text it is in."""
    prefix = number.rpartition(".")[0]
    if prefix and draft.has("outputs", prefix):
        return "", prefix
    if prefix and any(r["id"] == prefix for r in draft.rows.get("outcomes", [])):
        return prefix, None
    if output is not None and draft.has("outputs", output):
        return "", output
    return outcome, None


def read_text_indicators(
    doc: Document, draft: Draft, outline: Outline, names: Names, end: int | None = None
) -> None:
    """Add the indicators numbered by the text ("Indicator 1.a:") in each outcome's parts."""
    counts: dict[str, int] = {}
    for outcome, first, last, _ in outline.parts:
        output: str | None = None
        n = first
        while n <= last:
            line = clean(doc.lines[n - 1].replace("\f", ""))
            if (m := OUTPUT_HEADING.match(line)) and m.group("rest"):
                output = m.group("id")
            if not doc.in_table(n) and (numbered := INDICATOR_HEADING.match(line)):
                block: list[tuple[int, str]] = [(n, line)]
                cells: dict[str | None, Cell] = {}
                for k in range(n + 1, indicator_lines(doc, n, last) + 1):
                    text = clean(doc.lines[k - 1])
                    if owned := owned_list(text):
                        cells[owned[0]] = Cell(owned[1], k)
                    else:
                        block.append((k, text))
                    n = k
                owner, mine = _owner(draft, numbered.group("id"), outcome, output)
                items = read_indicators(block)
                add_indicators(draft, names, owner, mine, items, cells, counts, end)
            n += 1
