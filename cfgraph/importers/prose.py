"""Indicators written as paragraphs ("Indicator 1.a: Coverage of ... (SDG 3.8.1)" then
"Baseline: 61% (2025). Target: 75% (2031). Source: Ministry of Health") outside any table.

An indicator belongs to the outcome whose part of the text it is in; its number refines that
("1.a": the outcome itself, "1.1.a": its output 1.1), never moves it to another outcome. A number
shaped as an SDG indicator code ("4.1.1") never names an output; when the SDG catalogue lists it,
it is the indicator's code and its link to that SDG indicator, as a code in brackets after the
name ("(SDG 6.1.1)") is.

>>> _sdg_number("4.1.1"), _sdg_number("1.1.a"), _sdg_number("1.b")
(True, False, False)
"""

from __future__ import annotations

import re
from dataclasses import replace

from cfgraph.importers.actors import Names
from cfgraph.importers.document import Cell, Document
from cfgraph.importers.draft import Draft
from cfgraph.importers.indicators import IndicatorText, indicator_lines, owned_list, read_indicators
from cfgraph.importers.labels import INDICATOR_HEADING, OUTPUT_HEADING, clean
from cfgraph.importers.matrix import add_indicators
from cfgraph.importers.outline import Outline
from cfgraph.importers.values import Code, code_in
from cfgraph.sdg import load_catalogue

__all__ = ["read_text_indicators"]


def _sdg_number(number: str) -> bool:
    """Whether an indicator's number is shaped as an SDG indicator code (goal.target.number)."""
    return re.fullmatch(r"[0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9]{1,2}", number) is not None


def _owner(draft: Draft, number: str, outcome: str, output: str | None) -> tuple[str, str | None]:
    """The outcome and output an indicator belongs to: the outcome (or output) whose text it is
    in, refined by its number when that names the outcome ("1.a") or one of its outputs ("1.1.a");
    a number shaped as an SDG code names neither."""
    prefix = "" if _sdg_number(number) else number.rpartition(".")[0]
    output_of = {str(r["id"]): r.get("outcome") for r in draft.rows.get("outputs", [])}
    if prefix and output_of.get(prefix) == outcome:
        return "", prefix
    if prefix == outcome:
        return outcome, None
    if output is not None and draft.has("outputs", output):
        return "", output
    return outcome, None


def _with_code(item: IndicatorText) -> IndicatorText:
    """An indicator numbered with an SDG indicator code has that code; an SDG code (its number or
    a bracket after its name) links it to that SDG indicator; a code the SDG catalogue lists as an
    indicator is a global one (G) unless the text tags it."""
    number = item.number or ""
    if item.code is None and _sdg_number(number) and load_catalogue().is_indicator(number):
        item.code = Code(number, number, None, "")  # a number the catalogue lacks: the document's own
    if item.code is None:
        return item
    known = load_catalogue().is_indicator(item.code.code)
    if item.code.tag is None and known:
        item.code = replace(item.code, tag="G")
    if known and all(code_in(link) != item.code.code for link in item.links):
        item.links.insert(0, item.code.raw)
    return item


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
                items = [_with_code(i) if i.sub is None else i for i in read_indicators(block)]
                add_indicators(draft, names, owner, mine, items, cells, counts, end)
            n += 1
