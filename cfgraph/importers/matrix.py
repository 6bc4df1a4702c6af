"""The results matrix: tables whose heading row names an indicator column and other known
columns (results, baseline, target, source or means of verification, UN entities, partners).

Rows that label a list ("SDG targets", "LNOB", "UN entities", "National priority") belong to the
next outcome the matrix names, or to the current one when indicators follow them; a result cell
naming an outcome or an output opens it; an indicator cell gives one indicator or several
(with "a)", "b)" sub-indicators), with the source, agency and partner cells of its row. A table
written as text (only the order of its cells known) is cut into rows as wide as its heading row.
"""

from __future__ import annotations

import re
from typing import Any

from cfgraph.importers.actors import Names
from cfgraph.importers.document import Cell, Document, Table
from cfgraph.importers.draft import Draft
from cfgraph.importers.indicators import IndicatorText, read_indicators
from cfgraph.importers.labels import (
    OUTPUT_HEADING,
    RESULT_HEADING,
    clean,
    column_role,
    find_labels,
    header_width,
    label_of_cell,
)
from cfgraph.importers.names import organisations, split_list
from cfgraph.importers.outline import add_list
from cfgraph.importers.values import code_in, out_of, read_value
from cfgraph.sdg import load_catalogue

__all__ = ["read_matrices", "add_indicators", "partners_of"]

Row = list[Cell]


def _header(table: Table) -> tuple[list[str | None], list[Row]]:
    """The column roles of the heading row and the rows below it."""
    if table.flat:
        cells = list(table.rows[0])
        width = header_width([c.text for c in cells[:8]])
        if not width:
            return [], []
        roles = [column_role(c.text) for c in cells[:width]]
        return roles, _cut(cells[width:], roles)
    for i, row in enumerate(table.rows):
        if header_width([c.text for c in row]) == len(row):
            roles = [column_role(c.text) for c in row]
            return roles, [list(r) for r in table.rows[i + 1 :] if [column_role(c.text) for c in r] != roles]
    return [], []


def _opens_result(cell: Cell) -> bool:
    m = RESULT_HEADING.match(clean(cell.text))
    return bool(m and m.group("rest"))


def _cut(cells: list[Cell], roles: list[str | None]) -> list[Row]:
    """Rows of a table known only as cells in order: a label and its value, or as many cells as
    there are columns (a cell opening a result starts a new row)."""
    rows: list[Row] = []
    i = 0
    while i < len(cells):
        if label_of_cell(cells[i].text) and i + 1 < len(cells):
            rows.append(cells[i : i + 2])
            i += 2
            continue
        if [column_role(c.text) for c in cells[i : i + len(roles)]] == roles:
            i += len(roles)
            continue
        row = [cells[i]]
        i += 1
        while (
            len(row) < len(roles)
            and i < len(cells)
            and not label_of_cell(cells[i].text)
            and not _opens_result(cells[i])
        ):
            row.append(cells[i])
            i += 1
        rows.append(row)
    return rows


class _Matrix:
    def __init__(self, draft: Draft, names: Names, end: int | None) -> None:
        self.draft, self.names, self.end = draft, names, end
        self.outcome: str | None = None
        self.output: str | None = None
        self.pending: list[tuple[str, Cell]] = []
        self.counts: dict[str, int] = {}

    def flush(self) -> None:
        if self.outcome is None:
            return
        for label, cell in self.pending:
            self.label_row(label, cell)
        self.pending.clear()

    def label_row(self, label: str, cell: Cell) -> None:
        assert self.outcome is not None  # noqa: S101 - flush() checks
        for n, text in cell.lines():
            text = clean(text)
            labels = find_labels(text)
            if labels and labels[0].start == 0:
                for k, found in enumerate(labels):
                    end = labels[k + 1].start if k + 1 < len(labels) else len(text)
                    add_list(
                        self.draft,
                        self.names,
                        found.name,
                        text[found.value_start : end].strip(),
                        n,
                        self.outcome,
                        "results_matrix",
                    )
            elif text:
                add_list(self.draft, self.names, label, text, n, self.outcome, "results_matrix")
                if label == "priority":
                    label = "priority-more"

    def result(self, cell: Cell) -> None:
        text = clean(cell.text.split("\n")[0])
        if (m := OUTPUT_HEADING.match(text)) and m.group("rest"):
            self.output = m.group("id")
            if self.outcome is not None and not self.draft.has("outputs", self.output):
                self.draft.entity(
                    "outputs",
                    self.output,
                    {"outcome": self.outcome, "statement": m.group("rest")},
                    [cell.first],
                )
        elif (m := RESULT_HEADING.match(text)) and (
            m.group("rest") or any(r["id"] == m.group("id") for r in self.draft.rows.get("outcomes", []))
        ):
            self.outcome, self.output = m.group("id"), None
            self.flush()

    def row(self, roles: list[str | None], row: Row) -> None:
        label = label_of_cell(row[0].text) if row else None
        if label == "area":
            return
        if label is not None and len(row) > 1:
            self.pending.append((label, row[1]))
            return
        cells = dict(zip(roles, row, strict=False))
        if "result" in cells and cells["result"].text.strip():
            self.result(cells["result"])
        indicator = cells.get("indicator")
        if indicator is None or not indicator.text.strip() or self.outcome is None:
            return
        self.flush()
        lines = [(n, clean(text)) for n, text in indicator.lines()]
        items = read_indicators(lines)
        add_indicators(self.draft, self.names, self.outcome, self.output, items, cells, self.counts, self.end)


def read_matrices(doc: Document, draft: Draft, names: Names, end: int | None = None) -> int:
    """Read every results matrix of *doc* into *draft*; return how many tables were read."""
    read = 0
    for table in doc.tables:
        roles, rows = _header(table)
        if not roles:
            continue
        read += 1
        matrix = _Matrix(draft, names, end)
        for row in rows:
            matrix.row(roles, row)
        matrix.flush()
    return read


def _groups(cell: Cell | None) -> list[list[tuple[int, str]]]:
    """The blocks of non-blank lines of a cell, each with its line numbers."""
    if cell is None:
        return []
    groups: list[list[tuple[int, str]]] = [[]]
    for n, text in cell.lines():
        if clean(text):
            groups[-1].append((n, clean(text)))
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _source_blocks(
    cell: Cell | None, names: Names
) -> list[tuple[list[tuple[int, str]], list[tuple[int, str]]]]:
    """The (source lines, agency lines) pairs of a source cell, in order: a line that names UN
    entities only is an agency line (a remark in brackets after a name aside); a line ending with a
    colon that speaks of UN entities introduces them."""
    blocks: list[tuple[list[tuple[int, str]], list[tuple[int, str]]]] = []
    for group in _groups(cell):
        for n, text in group:
            if text.endswith(":") and re.search(r"\bUN\b.*\b(?:agenc|entit|organi[sz])", text, re.I):
                continue
            items = agency_items(text)
            is_agency = bool(items) and all(
                names.registry.match(i).entity or re.fullmatch(r"UN[A-Z-]+", i) for i in items
            )
            if not blocks or (not is_agency and blocks[-1][1]):
                blocks.append(([], []))
            blocks[-1][1 if is_agency else 0].append((n, text))
    return blocks


def agency_items(text: str) -> list[str]:
    """The UN entities a line lists, a remark in brackets after each left out.

    >>> agency_items("UN-Habitat (urban/rural), FAO and UNDP")
    ['UN-Habitat', 'FAO', 'UNDP']
    """
    return [re.sub(r"\s*\([^)]*\)$", "", i) for i in split_list(text, conjunctions=True)]


def _partner_blocks(cell: Cell | None, k: int) -> list[list[tuple[int, str]]]:
    """A partner cell cut into *k* blocks at its widest gaps (one per sub-indicator), or one."""
    if cell is None:
        return []
    lines = [(n, clean(t)) for n, t in cell.lines()]
    if k <= 1:
        return [[x for x in lines if x[1]]]
    gaps: list[tuple[int, int]] = []  # (width, index of the first line after the gap)
    run = 0
    for i, (_, text) in enumerate(lines):
        if not text:
            run += 1
        else:
            if run and any(t for _, t in lines[:i]):
                gaps.append((run, i))
            run = 0
    cuts = sorted(i for _, i in sorted(gaps, key=lambda g: (-g[0], g[1]))[: k - 1])
    bounds = [0, *cuts, len(lines)]
    return [[x for x in lines[a:b] if x[1]] for a, b in zip(bounds, bounds[1:], strict=False)]


def partners_of(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The partners numbered *lines* of a partner cell name: each line's items split at ``;`` (and
    at commas when they separate names of organisations)."""
    found = []
    for n, text in lines:
        for item in re.split(r"\s*;\s*", text):
            names = organisations(item)
            if len(names) > 1 and all(", " in item[:at] or at == 0 for _, at in names[1:]):
                found += [(n, name) for name, _ in names]
            elif item.strip(" ,."):
                found.append((n, item.strip(" ,.")))
    return found


def _join(lines: list[tuple[int, str]]) -> str:
    text = ""
    for _, line in lines:
        sep = "" if not text else " " if text.endswith(("/", "-")) or line[:1].islower() else "; "
        text += sep + line
    return text


def add_indicators(
    draft: Draft,
    names: Names,
    outcome: str,
    output: str | None,
    items: list[IndicatorText],
    cells: dict[str | None, Cell],
    counts: dict[str, int],
    end: int | None = None,
) -> None:
    """Add the indicators of one matrix row, their agencies, partners and SDG links (*end*: the
    framework's last year, the target of a value given for several years)."""
    tops = [i for i in items if i.sub is None]
    subs = [i for i in items if i.sub is not None]
    owner = output or outcome
    source_cell = cells.get("source+agency") or cells.get("source")
    blocks = _source_blocks(source_cell, names)
    if "agency" in cells:  # a column (or a labelled list) of its own: each name in it is listed as one
        agencies = [line for group in _groups(cells["agency"]) for line in group]
        blocks = [(blocks[0][0] if blocks else [], agencies)]
    partner_blocks = _partner_blocks(cells.get("partner"), len(subs) if len(blocks) == len(subs) > 1 else 1)
    per_sub = len(subs) > 1 and len(blocks) == len(subs)
    parent_id: str | None = None
    for item in items:
        if item.sub is None or parent_id is None:
            counts[owner] = counts.get(owner, 0) + 1
            ident = item.number or f"{owner}-{counts[owner]:02d}"
            parent_id = ident if item.sub is None else None
        else:
            ident = f"{parent_id}{item.sub}"
        row = _indicator_row(item, cells, end)
        row.update(id=ident, outcome=outcome, output=output, parent=parent_id if item.sub else None)
        index = subs.index(item) if item in subs else -1
        block = (
            blocks[index]
            if per_sub and index >= 0
            else blocks[0]
            if blocks and (not per_sub and item in tops)
            else None
        )
        lines = [*item.lines, *_value_lines(item, cells)]
        row["data_source"] = item.source
        if block is not None:
            row["data_source"] = item.source or _join(block[0]) or None
            lines += [n for n, _ in block[0]]
        note = None if row.get("baseline_raw") or row.get("target_raw") else "no baseline or target found"
        if totals := [
            str(row[f"{p}_raw"]) for p in ("baseline", "target") if _counted_out_of(row.get(f"{p}_raw"))
        ]:
            note = (
                f"a count out of a total ({'; '.join(totals)}): the unit is left empty, the total is kept "
                "in the raw text only"
            )
        draft.entity("indicators", ident, row, lines, note)
        for seq, raw in enumerate(item.links, 1):
            sdg = code_in(raw)
            status = "ok" if load_catalogue().is_indicator(sdg) else "invalid-in-source"
            draft.add(
                "indicator_sdg_links",
                {"indicator": ident, "seq": seq, "raw": raw, "sdg_indicator": sdg, "code_status": status},
                item.lines[:1],
            )
        if block is not None:
            for n, text in block[1]:
                for raw in agency_items(text):
                    kind, agency = names.actor(raw, [n], f"indicator {ident}")
                    if kind == "partner":
                        why = "named among the UN entities, but not a UN entity: check it"
                        row = {"indicator": ident, "raw": raw, "partner": agency}
                        seq = draft.next_seq("indicator_partners", indicator=ident)
                        draft.add("indicator_partners", {**row, "seq": seq}, [n], why)
                        continue
                    draft.add(
                        "indicator_agencies",
                        {
                            "indicator": ident,
                            "raw": raw,
                            "agency": agency,
                            "seq": draft.next_seq("indicator_agencies", indicator=ident),
                        },
                        [n],
                    )
        pblock = (
            partner_blocks[index]
            if per_sub and index >= 0 and index < len(partner_blocks)
            else (partner_blocks[0] if partner_blocks and not per_sub and item in tops else None)
        )
        for n, raw in partners_of(pblock or []):
            partner = names.partner(raw, [n])
            draft.add(
                "indicator_partners",
                {
                    "indicator": ident,
                    "raw": raw,
                    "partner": partner,
                    "seq": draft.next_seq("indicator_partners", indicator=ident),
                },
                [n],
            )


def _indicator_row(item: IndicatorText, cells: dict[str | None, Cell], end: int | None) -> dict[str, Any]:
    """The indicator's columns: name, code, baseline and target read into value, unit and year
    (a year the label gives when the value does not: "Baseline (2018): ...")."""
    baseline = item.baseline or _cell_text(cells.get("baseline")) or _cell_text(cells.get("baseline+target"))
    target = item.target or _cell_text(cells.get("target"))
    row: dict[str, Any] = {"name": item.name, "note": item.note}
    if item.code is not None:
        row.update(code=item.code.code, code_tag=item.code.tag, code_raw=item.code.raw)
    for prefix, raw in (("baseline", baseline), ("target", target)):
        if not raw:
            continue
        value = read_value(raw, end)
        row[f"{prefix}_raw"] = raw
        row[f"{prefix}_value"], row[f"{prefix}_unit"], row[f"{prefix}_year"] = (
            value.value,
            value.unit,
            value.year or item.years.get(prefix),
        )
        if prefix == "target":
            row["target_comparator"] = value.comparator
    return row


def _counted_out_of(raw: object) -> bool:
    """Whether a baseline or target is written as a count out of a total ("4 of 12 (2025)")."""
    return (
        isinstance(raw, str)
        and (m := re.search(r"[0-9][0-9.,]*", raw)) is not None
        and out_of(raw[m.end() :])
    )


def _value_lines(item: IndicatorText, cells: dict[str | None, Cell]) -> list[int]:
    """The lines of the baseline and target cells a row's values are read from (when the indicator
    cell does not give them itself), so that the row cites every line it is read from."""
    used = [cells.get("baseline"), cells.get("baseline+target")] if not item.baseline else []
    used += [cells.get("target")] if not item.target else []
    return [n for cell in used if cell is not None for n, text in cell.lines() if clean(text)]


def _cell_text(cell: Cell | None) -> str | None:
    if cell is None:
        return None
    text = " ".join(clean(t) for t in cell.text.split("\n") if clean(t))
    return text or None
