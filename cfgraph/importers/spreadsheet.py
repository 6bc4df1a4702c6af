"""A results matrix kept in a spreadsheet: one row per indicator, below a heading row.

Each sheet with a heading row (:func:`~cfgraph.importers.layout.find_layout`) is read: the
outcome and output cells carry down to the rows below them until another is written (a merged
cell, or a cell left blank under it); an indicator cell may hold its code, its "(link to …)"
SDG indicators and "a)", "b)" sub-indicators, as in a document's matrix; a row whose indicator
cell is the same merged cell as the row above adds to that indicator (more agencies, partners).
Baselines and targets are read by :func:`~cfgraph.importers.values.read_value`; a year column
gives the year. Every row cites the cell it comes from (``Sheet!B5``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cfgraph.errors import DataError
from cfgraph.importers.actors import Names
from cfgraph.importers.draft import Draft
from cfgraph.importers.indicators import IndicatorText, read_indicators
from cfgraph.importers.labels import OUTPUT_HEADING, RESULT_HEADING, clean
from cfgraph.importers.layout import Layout
from cfgraph.importers.matrix import partners_of
from cfgraph.importers.names import split_list
from cfgraph.importers.values import code_in, read_code, read_value
from cfgraph.importers.workbook import Grid, GridCell

__all__ = ["Known", "read_sheet"]

_ID = re.compile(r"^[0-9]+(?:\.[0-9]+)*[a-z]?\.?$|^[A-Z]$")
#: "1.2. By 2030, ..." (a result numbered without the word "Outcome" or "Output").
_NUMBERED = re.compile(r"^(?P<id>[0-9]+(?:\.[0-9]+)*[a-z]?)[.:)]?\s+(?P<rest>[A-Z\"“'].*)$")
_SDG_CODE = re.compile(r"(?<![0-9.])([0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9]{1,2})(?![0-9])")


@dataclass
class Known:
    """What the folder holds already: outcomes and outputs (id -> statement), indicator ids, the
    framework's last year."""

    outcomes: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    indicators: set[str] = field(default_factory=set)
    end: int | None = None


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


class _Sheet:
    def __init__(self, draft: Draft, names: Names, known: Known, layout: Layout) -> None:
        self.draft, self.names, self.known, self.layout = draft, names, known, layout
        self.outcome: str | None = None
        self.output: str | None = None
        self.last: tuple[str, str] | None = None  # (indicator id, ref of its name cell)

    def cells(self, row: tuple[GridCell, ...]) -> dict[str, GridCell]:
        return {f: c for f, c in zip(self.layout.fields, row, strict=False) if f and c.text}

    def result(self, cell: GridCell, table: str) -> str | None:
        """The outcome (or output) *cell* names: by its number, its statement, or a new draft."""
        text = clean(cell.text.replace("\n", " "))
        heading = (RESULT_HEADING if table == "outcomes" else OUTPUT_HEADING).match(text)
        heading = heading or _NUMBERED.match(text)
        ident, statement = (heading.group("id"), heading.group("rest")) if heading else (None, text)
        if ident is None and _ID.match(text):
            ident, statement = text.rstrip("."), ""
        known = self.known.outcomes if table == "outcomes" else self.known.outputs
        if ident is None:
            ident = next((i for i, s in known.items() if _key(s) and _key(s) == _key(statement)), None)
        if ident is not None and (ident in known or self.draft.has(table, ident)):
            return ident
        if not statement:
            raise DataError(
                f"{cell.ref}: {table[:-1]} {ident!r} is not in the folder and the cell gives no statement"
            )
        if ident is None:
            taken = set(known) | {str(r["id"]) for r in self.draft.rows.get(table, [])}
            prefix = "" if table == "outcomes" else f"{self.outcome}."
            ident = next(f"{prefix}{k}" for k in range(1, len(taken) + 2) if f"{prefix}{k}" not in taken)
        row: dict[str, Any] = {"statement": statement, "locator": cell.ref}
        if table == "outputs":
            row["outcome"] = self.outcome
        self.draft.entity(
            table, ident, row, [], f"read from the results matrix: the folder had no {table[:-1]} {ident}"
        )
        return ident

    def row(self, row: tuple[GridCell, ...]) -> None:
        cells = self.cells(row)
        result = cells.get("outcome")
        if result is not None and "output" not in cells and OUTPUT_HEADING.match(clean(result.text)):
            cells["output"] = cells.pop("outcome")  # a results column naming outcomes and outputs
        if "outcome" in cells:
            outcome = self.result(cells["outcome"], "outcomes")
            if outcome != self.outcome:
                self.outcome, self.output = outcome, None
        if "output" in cells and self.outcome is not None:
            self.output = self.result(cells["output"], "outputs")
        name = cells.get("name")
        if name is None:
            return
        if self.last is not None and name.ref == self.last[1]:
            self.actors(self.last[0], cells)
            return
        if self.outcome is None:
            raise DataError(
                f"{name.ref}: an indicator before any outcome; give the outcome column (or --map)"
            )
        items = read_indicators([(0, clean(x)) for x in name.text.split("\n") if clean(x)])
        parent: str | None = None
        first: str | None = None
        for k, item in enumerate(items):
            ident = self.ident(cells, parent, item, k)
            parent = ident if item.sub is None else parent
            first = first or ident
            self.indicator(ident, item, cells, parent if item.sub else None, only=k == 0)
        if first is not None:
            self.actors(first, cells)
            self.last = (first, name.ref)

    def ident(self, cells: dict[str, GridCell], parent: str | None, item: IndicatorText, k: int) -> str:
        """The id of an indicator: the matrix's own number, a letter after its parent's, or the next free."""
        if item.sub is not None and parent is not None:
            return f"{parent}{item.sub}"
        code = cells.get("code")
        own = code.text.strip() if code is not None and k == 0 and read_code(code.text + " x") is None else ""
        if own and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", own):
            ident = own.rstrip(".")
        else:
            owner = self.output or self.outcome or ""
            n = 1
            while f"{owner}-{n:02d}" in self.known.indicators or self.draft.has(
                "indicators", f"{owner}-{n:02d}"
            ):
                n += 1
            ident = f"{owner}-{n:02d}"
        return ident

    def indicator(
        self, ident: str, item: IndicatorText, cells: dict[str, GridCell], parent: str | None, only: bool
    ) -> None:
        name = cells["name"]
        row: dict[str, Any] = {
            "outcome": self.outcome,
            "output": self.output,
            "parent": parent,
            "name": item.name,
        }
        code = item.code or (
            read_code(cells["code"].text + " x") if "code" in cells and parent is None else None
        )
        if code is not None:
            row.update(code=code.code, code_tag=code.tag, code_raw=code.raw)
        notes = []
        for part in ("baseline", "target"):
            raw = getattr(item, part) or (_joined(cells.get(part)) if only else None)
            year_cell = cells.get(f"{part}_year") if only else None
            if not raw and year_cell is None:
                continue
            value = read_value(raw or "", self.known.end if part == "target" else None)
            year = value.year
            if year_cell is not None:
                given = re.search(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", year_cell.text)
                if given is None:
                    notes.append(f"{year_cell.ref}: {year_cell.text!r} is not a year")
                elif year is not None and int(given.group()) != year:
                    notes.append(f"the {part} says {year}, its year column {given.group()}")
                year = int(given.group()) if given else year
            row.update({f"{part}_raw": raw or None, f"{part}_value": value.value, f"{part}_unit": value.unit,
                        f"{part}_year": year})  # fmt: skip
            if part == "target":
                row["target_comparator"] = value.comparator
        source = cells.get("source") or cells.get("source+agencies")
        row["data_source"] = item.source or (_joined(source, "; ") if source is not None and only else None)
        if not row.get("baseline_raw") and not row.get("target_raw"):
            notes.append("no baseline or target found")
        row["locator"] = name.ref
        self.draft.entity("indicators", ident, row, [], "; ".join(notes) or None)
        links = list(item.links)
        if "sdg" in cells and only:
            links += [c for c in _SDG_CODE.findall(cells["sdg"].text) if c not in links]
        self.links(ident, links, cells.get("sdg") or name)

    def links(self, ident: str, links: list[str], cell: GridCell) -> None:
        from cfgraph.sdg import load_catalogue

        for seq, raw in enumerate(links, 1):
            sdg = code_in(raw)
            status = "ok" if load_catalogue().is_indicator(sdg) else "invalid-in-source"
            row = {"indicator": ident, "seq": seq, "raw": raw, "sdg_indicator": sdg, "code_status": status}
            self.draft.add("indicator_sdg_links", {**row, "locator": cell.ref}, [])

    def actors(self, ident: str, cells: dict[str, GridCell]) -> None:
        """The agencies and partners a row names for indicator *ident*."""
        for cell in (cells.get("agencies"), cells.get("source+agencies")):
            if cell is None:
                continue
            for line in cell.text.split("\n"):
                for raw in split_list(line, conjunctions=True):
                    if cell is cells.get("source+agencies") and self.names.registry.match(raw).entity is None:
                        continue
                    kind, agency = self.names.actor(raw, [], f"indicator {ident}")
                    if kind == "partner":
                        _cite(self.draft.entity("partners", agency, {}, []), cell)
                        seq = self.draft.next_seq("indicator_partners", indicator=ident)
                        row = {"indicator": ident, "raw": raw, "partner": agency, "seq": seq}
                        why = "named among the UN entities, but not a UN entity: check it"
                        self.draft.add("indicator_partners", {**row, "locator": cell.ref}, [], why)
                        continue
                    _cite(self.draft.entity("agencies", agency, {}, []), cell)
                    seq = self.draft.next_seq("indicator_agencies", indicator=ident)
                    row = {"indicator": ident, "raw": raw, "agency": agency, "seq": seq, "locator": cell.ref}
                    self.draft.add("indicator_agencies", row, [])
        cell = cells.get("partners")
        if cell is not None:
            for _, raw in partners_of([(0, clean(x)) for x in cell.text.split("\n")]):
                partner = self.names.partner(raw, [])
                _cite(self.draft.entity("partners", partner, {}, []), cell)
                seq = self.draft.next_seq("indicator_partners", indicator=ident)
                row = {"indicator": ident, "raw": raw, "partner": partner, "seq": seq, "locator": cell.ref}
                self.draft.add("indicator_partners", row, [])


def _cite(row: dict[str, Any], cell: GridCell) -> dict[str, Any]:
    """*row* citing *cell*, when it is a row this import added and cites nothing yet."""
    if row.get("review") == "draft" and not row.get("locator") and not row.get("source_lines"):
        row["locator"] = cell.ref
    return row


def _joined(cell: GridCell | None, sep: str = " ") -> str | None:
    if cell is None:
        return None
    text = sep.join(clean(x) for x in cell.text.split("\n") if clean(x))
    return text or None


def read_sheet(
    grid: Grid, layout: Layout, draft: Draft, names: Names, known: Known, say: Callable[[str], None]
) -> int:
    """Read the indicators of *grid* below its heading row into *draft*; return how many."""
    sheet = _Sheet(draft, names, known, layout)
    before = draft.count("indicators")
    for row in grid.rows[layout.row + 1 :]:
        sheet.row(row)
    found = draft.count("indicators") - before
    say(f"{grid.name}: heading row {layout.row + 1}, {found} indicator(s)")
    return found
