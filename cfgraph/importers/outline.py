"""The outline of a Cooperation Framework: its strategic priorities, outcomes (numbered as the
document numbers them) and outputs, and the lists each outcome's part of the text gives (SDG
targets, LNOB groups, contributing UN entities, partners, national priorities).

An outcome heading is a line that starts with "Outcome <number>" (after at most three words,
"Cooperation Framework Outcome 2.1:") followed by a statement, by nothing, or by labelled lists
in brackets or after a dash ("Outcome 1 (Responsible UN entities: UNICEF, UNESCO)"), which are the
outcome's; the statement is taken where the outcome's own part of the text starts (the heading
followed by the most text), its other wordings are kept apart. A part of the text after a
"Results matrix" heading is the results matrix's, before it the narrative's. An outcome belongs
to the strategic priority whose heading it follows; after several priority headings in a row (a
list of the priorities) which one is not said, and the outcome is left without one.

>>> heading_parts("(Responsible UN entities: UNICEF, UNESCO)")
('', 'Responsible UN entities: UNICEF, UNESCO')
>>> heading_parts("By 2030, all children read. (UN entities: UNICEF)"), heading_parts("(continued)")
(('By 2030, all children read.', 'UN entities: UNICEF'), ('', ''))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cfgraph.importers.actors import Names
from cfgraph.importers.document import HEADING, Document
from cfgraph.importers.draft import Draft
from cfgraph.importers.indicators import indicator_lines
from cfgraph.importers.labels import (
    AREA_HEADING,
    AREA_LIKE,
    INDICATOR_HEADING,
    MATRIX_HEADING,
    OUTPUT_HEADING,
    RESULT_HEADING,
    SECTION_HEADING,
    area_id,
    clean,
    find_labels,
)
from cfgraph.importers.names import group_items, named_organisations, split_list
from cfgraph.sdg import parse_target_list

__all__ = ["Heading", "Outline", "read_outline", "read_lists", "heading_parts"]


@dataclass(frozen=True)
class Heading:
    """One outcome heading: the id, the statement (blank: the id alone), its line, whether it is
    in a table or after the results-matrix heading."""

    id: str
    statement: str
    line: int
    in_table: bool
    in_matrix: bool
    more: tuple[int, ...] = ()


@dataclass
class Outline:
    """What :func:`read_outline` finds: the outcome headings and where each part of the text is."""

    headings: list[Heading] = field(default_factory=list)
    #: (outcome id, first line, last line, in the results matrix, output id or None) of each part.
    parts: list[tuple[str, int, int, bool]] = field(default_factory=list)
    matrix_start: int = 0
    #: (area id, first line, last line) of each thematic area's own text, before its first outcome.
    areas: list[tuple[str, int, int]] = field(default_factory=list)
    #: The outcome headings after a list of priority headings, with the lines of the list.
    unplaced: dict[int, tuple[int, int]] = field(default_factory=dict)


def _is_statement(rest: str) -> bool:
    words = rest.split()
    return len(words) >= 4 and bool(re.match(r"^[A-Z0-9“\"']", rest))


def _labelled_at_start(text: str) -> bool:
    labels = find_labels(text)
    return bool(labels) and labels[0].start == 0


def heading_parts(rest: str) -> tuple[str, str]:
    """What follows an outcome heading's number: its statement and the labelled lists the heading
    carries (in brackets at its end, or in place of the statement); a bracket holding no label is
    a remark, neither."""
    rest = rest.strip()
    if (m := re.search(r"\(([^()]*)\)$", rest)) and _labelled_at_start(m.group(1).strip()):
        return rest[: m.start()].strip(), m.group(1).strip()
    if _labelled_at_start(rest):
        return "", rest
    if re.fullmatch(r"\([^()]*\)", rest):
        return "", ""
    return rest, ""


def read_outline(doc: Document, draft: Draft) -> Outline:
    """Find the priorities, outcomes and outputs of *doc*; add their rows to *draft*."""
    outline = Outline()
    outline.matrix_start = next(
        (
            n
            for n, line in doc.numbered()
            if len(line) < 100
            and not doc.in_table(n)
            and MATRIX_HEADING.search(line)
            and not RESULT_HEADING.match(line)
        ),
        0,
    )
    area: str | None = None
    areas: dict[int, str | None] = {}
    listed: list[int] = []  # the priority headings since the last outcome heading
    together: tuple[int, int] | None = None  # the lines of a list of priority headings, until the next one
    for n, raw in doc.numbered():
        line = clean(raw)
        if not doc.in_table(n) and (m := AREA_HEADING.match(line)) and len(line) < 160:
            area = area_id(m.group("id"))
            draft.entity("thematic_areas", area, {"name": m.group("name").rstrip(" .")}, [n])
            outline.areas.append((area, n, n))
            if listed and any(clean(doc.lines[k - 1]) for k in range(listed[-1] + 1, n)):
                listed = []  # text between two priority headings: not a list of them
            listed.append(n)
            together = None
            continue
        if _unread_area(doc, n, line):
            draft.lack(
                f"line {n}: a strategic priority heading not read (no number and name it reads): {line[:80]}"
            )
        m = RESULT_HEADING.match(line)
        rest = heading_parts(m.group("rest"))[0] if m else ""
        if m is None or (rest and not _is_statement(rest)):
            continue
        if len(listed) > 1 and rest:  # a list of priorities: which one is this outcome's is not said
            area, together = None, (listed[0], listed[-1])
        if together is not None and rest:
            outline.unplaced[n] = together
        listed = [] if rest else listed
        statement, more = _continued(doc, n, rest)
        heading = Heading(
            m.group("id"),
            statement,
            n,
            doc.in_table(n),
            bool(outline.matrix_start and n > outline.matrix_start),
            more,
        )
        outline.headings.append(heading)
        areas[n] = area
    _outcomes(doc, draft, outline, areas)
    starts = sorted({h.line for h in outline.headings} | {a[1] for a in outline.areas} | {len(doc.lines) + 1})
    outline.areas = [(a, n, next(s for s in starts if s > n) - 1) for a, n, _ in outline.areas]
    return outline


def _unread_area(doc: Document, n: int, line: str) -> bool:
    """Whether line *n* looks like a priority heading (short, no sentence) that is not read as one."""
    short = len(line.split()) <= 12 and not line.endswith(".")
    return not doc.in_table(n) and short and bool(AREA_LIKE.match(line))


def _continued(doc: Document, n: int, statement: str) -> tuple[str, tuple[int, ...]]:
    """A statement wrapped over the next lines (a narrow column): it goes on while it has not
    ended a sentence and the next line is neither blank, a label nor a heading (three lines at most)."""
    more: list[int] = []
    k = n
    while statement and not statement.endswith((".", ";", ":")) and k < len(doc.lines) and len(more) < 3:
        nxt = clean(doc.lines[k].replace("\f", ""))
        if not nxt or doc.lines[k].startswith("\t") or find_labels(nxt) or RESULT_HEADING.match(nxt):
            break
        statement, k = f"{statement} {nxt}", k + 1
        more.append(k)
    return statement, tuple(more)


def _stops(doc: Document, n: int, line: str) -> bool:
    """Whether line *n* ends an outcome's part of the text: an annex or chapter, a thematic area,
    a numbered section heading outside a table."""
    if HEADING.match(line) or AREA_HEADING.match(line):
        return True
    return not doc.in_table(n) and bool(SECTION_HEADING.match(line)) and not RESULT_HEADING.match(line)


def _outcomes(doc: Document, draft: Draft, outline: Outline, areas: dict[int, str | None]) -> None:
    stops = sorted(
        {h.line for h in outline.headings if not h.in_table}
        | {n for n, line in doc.numbered() if _stops(doc, n, clean(line))}
        | {outline.matrix_start}
        | {len(doc.lines) + 1}
    )
    span: dict[int, int] = {}
    for h in outline.headings:
        if not h.in_table:
            end = next(s for s in stops if s > h.line) - 1
            span[h.line] = end
            outline.parts.append((h.id, h.line, end, h.in_matrix))
    order: list[str] = []
    for h in outline.headings:
        if h.statement and h.id not in order:
            order.append(h.id)
    for ident in order:
        said = [h for h in outline.headings if h.id == ident and h.statement]
        narrative = [h for h in said if not h.in_table and not h.in_matrix] or said
        main = max(narrative, key=lambda h: (span.get(h.line, 0) - h.line, -h.line))
        draft.add(
            "outcomes",
            {"id": ident, "statement": main.statement, "thematic_area": areas.get(main.line)},
            [main.line, *main.more],
        )
        if main.line in outline.unplaced:
            first, last = outline.unplaced[main.line]
            draft.lack(
                f"outcome {ident}: its strategic priority (lines {first}-{last} list the priorities "
                "together, before the outcomes)"
            )
        for h in said:
            context = "results_matrix" if h.in_table or h.in_matrix else "outcome_list"
            if (
                h is not main
                and h.statement != main.statement
                and not any(
                    r["outcome"] == ident and r["context"] == context
                    for r in draft.rows.get("outcome_wordings", [])
                )
            ):
                draft.add(
                    "outcome_wordings",
                    {"outcome": ident, "context": context, "text": h.statement},
                    [h.line, *h.more],
                )


def read_lists(doc: Document, draft: Draft, outline: Outline, names: Names) -> None:
    """The labelled lists of each outcome's parts of the text (outside tables) and its outputs."""
    for outcome, first, last, in_matrix in outline.parts:
        listed_in = "results_matrix" if in_matrix else "narrative"
        output: str | None = None
        n, owned_until = first, 0
        while n <= last:
            line = clean(doc.lines[n - 1].replace("\f", ""))
            if (m := OUTPUT_HEADING.match(line)) and _is_statement(m.group("rest")):
                output = m.group("id")
                draft.entity("outputs", output, {"outcome": outcome, "statement": m.group("rest")}, [n])
            if not doc.in_table(n) and INDICATOR_HEADING.match(line):  # its lists are the indicator's
                owned_until = indicator_lines(doc, n, last)
            if n <= owned_until:
                n += 1
                continue
            heading = RESULT_HEADING.match(line) if n == first else None
            lists = heading_parts(heading.group("rest"))[1] if heading else ""
            for name, value, prose in _labelled(doc, n, last, lists or line):
                add_list(draft, names, name, value, n, outcome, listed_in, output, prose)
            n += 1


def _labelled(doc: Document, n: int, last: int, line: str) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """Each label of *line* (line *n*), its value on the line and, for a label with nothing after
    it, the lines that follow up to a blank line (a partnerships text, a list on the next line)."""
    labels = find_labels(line)
    found = []
    for i, label in enumerate(labels):
        end = labels[i + 1].start if i + 1 < len(labels) else len(line)
        value = line[label.value_start : end].strip()
        prose: list[tuple[int, str]] = []
        if not value and label.name == "partners":  # the partnerships text, to the end of the part
            prose = [(k, text) for k in range(n + 1, last + 1) if (text := clean(doc.lines[k - 1]))]
        elif not value:
            k = n + 1
            while k <= last and (text := clean(doc.lines[k - 1])) and not find_labels(text):
                prose.append((k, text))
                k += 1
        found.append((label.name, value, prose))
    return found


def add_list(
    draft: Draft,
    names: Names,
    label: str,
    value: str,
    line: int,
    outcome: str,
    listed_in: str,
    output: str | None = None,
    prose: list[tuple[int, str]] | None = None,
) -> None:
    """Add the rows one labelled list gives."""
    prose = prose or []
    if label in ("targets", "crosscutting"):
        text, lines = (value, [line]) if value else (prose[0][1], [prose[0][0]]) if prose else ("", [])
        role = "crosscutting" if label == "crosscutting" else "global"
        key = {"outcome": outcome, "listed_in": listed_in, "role": role}
        if parse_target_list(text) and draft.next_seq("target_lists", **key) == 1:
            draft.add("target_lists", {**key, "raw": text}, lines)
    elif label == "groups":
        text, lines = (value, [line]) if value else (prose[0][1], [prose[0][0]]) if prose else ("", [])
        for name, item in group_items(text):
            note = None if name in item else f"the name is put together from {item!r}: check it"
            group = names.group(name, lines, note)
            if any(
                (r["outcome"], r["listed_in"], r["group"]) == (outcome, listed_in, group)
                for r in draft.rows.get("outcome_lnob_groups", [])
            ):
                continue
            draft.add(
                "outcome_lnob_groups",
                {
                    "outcome": outcome,
                    "listed_in": listed_in,
                    "group": group,
                    "raw": item,
                    "seq": draft.next_seq("outcome_lnob_groups", outcome=outcome, listed_in=listed_in),
                },
                lines,
            )
    elif label == "agencies":
        items, lines = _items(value, prose, line, conjunctions=True)
        for item in items:
            kind, agency = names.actor(item, lines, f"output {output}" if output else f"outcome {outcome}")
            if kind == "partner":
                why = "named among the UN entities, but not a UN entity: check it"
                _partner_row(draft, outcome, output, agency, item, lines, why)
            elif output is not None:
                seq = draft.next_seq("output_agencies", output=output)
                draft.add(
                    "output_agencies", {"output": output, "seq": seq, "agency": agency, "raw": item}, lines
                )
            else:
                seq = draft.next_seq("outcome_agencies", outcome=outcome, listed_in=listed_in)
                draft.add(
                    "outcome_agencies",
                    {"outcome": outcome, "listed_in": listed_in, "seq": seq, "agency": agency, "raw": item},
                    lines,
                )
    elif label == "partners":
        _partners(draft, names, value, line, outcome, output, prose)
    elif label == "priority" and (value or prose):
        text, lines = (value, [line]) if value else (" ".join(t for _, t in prose), [k for k, _ in prose])
        draft.add(
            "national_priorities",
            {"outcome": outcome, "text": text, "seq": draft.next_seq("national_priorities", outcome=outcome)},
            lines,
        )


def _items(
    value: str, prose: list[tuple[int, str]], line: int, conjunctions: bool = False
) -> tuple[list[str], list[int]]:
    if value:
        return split_list(value, conjunctions), [line]
    if prose:
        return split_list(prose[0][1], conjunctions), [prose[0][0]]
    return [], []


def _partners(
    draft: Draft,
    names: Names,
    value: str,
    line: int,
    outcome: str,
    output: str | None,
    prose: list[tuple[int, str]],
) -> None:
    """Partners: a list after the label, or the organisations a partnerships text names."""
    note = "read from the partnerships text: check it is a partner of this outcome"
    found = (
        [(item, None, line, None) for item in split_list(value)]
        if value
        else [(name, abbr, k, note) for k, text in prose for name, abbr, _ in named_organisations(text)]
    )
    seen: set[str] = set()
    for name, abbr, k, why in found:
        partner = names.partner(name, [k], why, abbr)
        raw = f"{name} ({abbr})" if abbr else name
        if partner in seen:
            continue
        seen.add(partner)
        _partner_row(draft, outcome, output, partner, raw, [k], why)


def _partner_row(
    draft: Draft, outcome: str, output: str | None, partner: str, raw: str, lines: list[int], why: str | None
) -> None:
    """Add *partner* to the partners of *output*, else of *outcome*."""
    if output is not None:
        seq = draft.next_seq("output_partners", output=output)
        row = {"output": output, "seq": seq, "partner": partner, "raw": raw}
        draft.add("output_partners", row, lines, why)
    else:
        seq = draft.next_seq("outcome_partners", outcome=outcome)
        draft.add(
            "outcome_partners", {"outcome": outcome, "seq": seq, "partner": partner, "raw": raw}, lines, why
        )
