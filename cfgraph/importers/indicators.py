"""Read indicators from the text of a results-matrix cell (or a paragraph): each indicator's
name, SDG code, links to global SDG indicators, baseline and target; "a)", "b)" items below an
indicator are its sub-indicators, and so are the parts of an indicator given a baseline and a
target each ("Baseline: (a) 27.6 ... Baseline: (b) 22.2 ...", "Baseline: PM 10 = 0.024").

>>> items = read_indicators([(10, "3.3.1. (G) New HIV infections per 1,000"), (11, "Baseline: 0.14 (2018)"),
...     (12, "Target: ≤0.14 (2025)"), (13, "a) Share of men living with HIV"), (14, "Baseline: 6.2% (2018)"),
...     (15, "Target: <5% (2025)")])
>>> [(i.name, i.sub, i.baseline, i.target) for i in items][1]
('Share of men living with HIV', 'a', '6.2% (2018)', '<5% (2025)')
>>> items[0].code.code, items[0].lines
('3.3.1', [10, 11, 12])
>>> parts = read_indicators([(1, "Seats held by women in (a) parliament and (b) local councils"),
...     (2, "Baseline:"), (3, "(a)27.6 (2018)"), (4, "Target: 50%"), (5, "Baseline: (b) 22.2 (2018)")])
>>> [(i.name, i.sub, i.baseline) for i in parts][1:]
[('parliament', 'a', '27.6 (2018)'), ('local councils', 'b', '22.2 (2018)')]
>>> [(i.baseline, i.target) for i in read_indicators([(1, "x"), (2, "Baseline: 48% (2024)  Target: 70%")])]
[('48% (2024)', '70%')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cfgraph.importers.labels import INDICATOR_HEADING, clean, find_labels, without_notes
from cfgraph.importers.values import CODE_TAIL, SDG_LINK, Code, link_codes, read_code

if TYPE_CHECKING:
    from cfgraph.importers.document import Document

__all__ = [
    "IndicatorText", "read_indicators", "indicator_lines", "owned_list", "BASELINE", "TARGET", "SOURCE"
]  # fmt: skip

_YEARS = r"(?:\s*\((?P<year>[^)]*)\))?"
#: "Baseline:", "Baseline (2018):", "Baseline 9.1%" (a value right after the word).
BASELINE = re.compile(
    r"^\s*baselines?" + _YEARS + r"\s*(?:[:\-–]\s*|(?=[<>≤≥~]?\s*[0-9]))", re.IGNORECASE
)
TARGET = re.compile(
    r"^\s*(?:end\s+)?targets?(?:\s*\((?!s\))(?P<year>[^)]*)\))?\s*(?:[:\-–]\s*|(?=[<>≤≥~]?\s*[0-9]))",
    re.IGNORECASE,
)
SOURCE = re.compile(
    r"^\s*(?:data\s+)?sources?(?:\s+of\s+data)?\s*[:\-–]\s*|^\s*means\s+of\s+verification\s*[:\-–]\s*",
    re.IGNORECASE,
)
_SUB = re.compile(r"^\s*\(?(?P<sub>[a-h])\)\s*(?P<rest>\S.*)$")
#: "Additional: ..." under an indicator: one more of its sub-indicators.
_ADDITIONAL = re.compile(r"^\s*additional(?:\s+indicators?)?\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE)
#: Where a line goes on with another label: after a sentence, after a value ("48% (2024) Target:")
#: or after a gap of two spaces or more.
_INLINE = re.compile(
    r"(?:(?<=[.;])\s+|(?<=[0-9%)])\s+|(?<=\S)\s{2,})(?=(?:baseline|target|source)s?\s*(?:\([^)]*\))?\s*:)",
    re.IGNORECASE,
)
#: A line that goes on writing a value: it starts like one, or gives a part's value ("Urban = 5%").
_VALUE_LINE = re.compile(r"^[(\[<>≤≥=~0-9.,%–-]|^[^=]{1,40}=\s*[<>≤≥~]?\s*[0-9]")
_YEAR = re.compile(r"^\s*((?:19|20)[0-9]{2})\s*$")


@dataclass
class IndicatorText:
    """One indicator as a cell writes it; ``years`` holds a year a label gives ("Baseline (2018):")."""

    name: str
    lines: list[int]
    sub: str | None = None
    number: str | None = None
    code: Code | None = None
    links: list[str] = field(default_factory=list)
    baseline: str | None = None
    target: str | None = None
    source: str | None = None
    years: dict[str, int] = field(default_factory=dict)
    note: str | None = None
    #: Each baseline/target pair the indicator gives (several: one per part), with the line of each.
    pairs: list[dict[str, tuple[str, int]]] = field(default_factory=list)


def _pieces(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines split where a sentence ends and "Baseline:"/"Target:"/"Source:" starts (a blank line
    kept, as one empty piece)."""
    found: list[tuple[int, str]] = []
    for n, text in lines:
        parts = [part.strip() for part in _INLINE.split(text) if part.strip()]
        if parts:
            found += [(n, part) for part in parts]
        elif found and found[-1][1]:
            found.append((n, ""))
    return found


def _label(text: str) -> tuple[str, str, int | None] | None:
    """The slot a "Baseline:", "Target:" or "Source:" line opens, its value and a year it names."""
    for slot, pattern in (("baseline", BASELINE), ("target", TARGET), ("source", SOURCE)):
        if m := pattern.match(text):
            year = m.groupdict().get("year")
            found = _YEAR.match(year) if year else None
            return slot, text[m.end() :].strip(), int(found.group(1)) if found else None
    return None


class _Reader:
    def __init__(self) -> None:
        self.items: list[IndicatorText] = []
        self.slot: str | None = None  # where a continuation line goes: name, baseline, target, source, note
        self.gap = False  # a blank line before this one

    def value(self, n: int, slot: str, text: str, year: int | None) -> None:
        item = self.items[-1]
        if slot == "source":
            item.source = text or None
        else:
            if not item.pairs or slot in item.pairs[-1]:
                item.pairs.append({})
            item.pairs[-1][slot] = (text, n)
            if year is not None:
                item.years[slot] = year
        item.lines.append(n)
        self.slot = slot

    def more(self, n: int, text: str) -> bool:
        """Whether *text* goes on with what the last line began (and add it)."""
        item = self.items[-1] if self.items else None
        if item is None or self.slot is None:
            return False
        if self.slot == "name" and item.name.count("(") > item.name.count(")"):
            item.name += " " + text
        elif self.slot in ("name", "note") and not _starts(text):
            if self.slot == "note" or self.gap:  # a paragraph after the name: a remark on it
                item.note, self.slot = f"{item.note or ''} {text}".strip(), "note"
            else:
                item.name += " " + text
        elif self.slot in ("name", "note"):
            return False
        elif self.slot == "source":
            item.source = f"{item.source or ''} {text}".strip()
        else:
            written, first = item.pairs[-1][self.slot]
            sub = _SUB.match(text)
            if sub and not sub.group("rest")[0].isdigit() or not sub and _starts(text):
                return False
            if written and not _VALUE_LINE.match(text):
                return False
            item.pairs[-1][self.slot] = (f"{written} {text}".strip(), first)
        item.lines.append(n)
        return True

    def start(self, n: int, text: str) -> None:
        sub, numbered, extra = _SUB.match(text), INDICATOR_HEADING.match(text), _ADDITIONAL.match(text)
        tops = [i for i in self.items if i.sub is None]
        if extra and tops:
            taken = [i.sub for i in self.items[self.items.index(tops[-1]) :] if i.sub]
            letter = chr(ord(max(taken)) + 1) if taken else "a"
            item = IndicatorText(extra.group("rest"), [n], letter)
        else:
            name = sub.group("rest") if sub else numbered.group("name") if numbered else text
            item = IndicatorText(
                name, [n], sub.group("sub") if sub else None, numbered.group("id") if numbered else None
            )
        self.items.append(item)
        self.slot = "name"


def _starts(text: str) -> bool:
    """Whether a line starts an indicator of its own (a sub-item, a numbered one, a code)."""
    return any(p.match(text) for p in (_SUB, INDICATOR_HEADING, _ADDITIONAL)) or read_code(text) is not None


def read_indicators(lines: list[tuple[int, str]]) -> list[IndicatorText]:
    """The indicators the numbered *lines* write, in order."""
    reader = _Reader()
    for n, text in _pieces(without_notes(lines)):
        if not text:
            reader.gap = bool(reader.items)
            continue
        if (label := _label(text)) is not None:
            if reader.items:
                reader.value(n, *label)
        elif not reader.more(n, text):
            reader.start(n, text)
        reader.gap = False
    items = _trailing_note(reader.items)
    found: list[IndicatorText] = []
    for item in items:
        _finish(item)
        found += [item, *_parts(item)]
    return [i for i in found if i.name]


def _trailing_note(items: list[IndicatorText]) -> list[IndicatorText]:
    """A last item with no value, code or number after an indicator with values is a remark on it."""
    if len(items) >= 2:
        last, before = items[-1], items[-2]
        plain = last.sub is None and last.number is None and read_code(last.name) is None
        if plain and not last.pairs and not last.source and before.pairs:
            before.note = re.sub(r"\s+", " ", last.name).strip()
            before.lines += last.lines
            return items[:-1]
    return items


def _clip(value: str) -> str | None:
    return value.strip().rstrip(" .;").strip() or None


def _parts(item: IndicatorText) -> list[IndicatorText]:
    """One baseline and target pair: the item's own; several: a sub-indicator each, named as the
    item's name enumerates them ("in (a) parliaments and (b) councils") or as its value says
    ("PM 10 = 0.024")."""
    if len(item.pairs) == 1:
        pair = item.pairs[0]
        item.baseline = _clip(pair["baseline"][0]) if "baseline" in pair else None
        item.target = _clip(pair["target"][0]) if "target" in pair else None
        return []
    named = dict(re.findall(r"\(([a-h])\)\s*(.+?)(?=\s*(?:,|;|\band\b|\bor\b)?\s*\([a-h]\)|$)", item.name))
    parts = []
    for k, pair in enumerate(item.pairs):
        letter, name = chr(97 + k), ""
        values: dict[str, str | None] = {}
        for slot in ("baseline", "target"):
            text = pair[slot][0] if slot in pair else ""
            if m := re.match(r"^\(?([a-h])\)\s*(?=[0-9<>≤≥~])", text):
                letter, text = m.group(1), text[m.end() :]
            if not name and (m := re.match(r"^([^=]{1,40}?)\s*=", text)):
                name = m.group(1).strip()
            values[slot] = _clip(text)
        name = named.get(letter, "").strip(" ,;.") or name or f"{item.name} ({letter})"
        part = IndicatorText(name, [], letter)
        part.lines = sorted({line for _, line in pair.values()})
        part.baseline, part.target, part.years = values["baseline"], values["target"], dict(item.years)
        parts.append(part)
    return parts


def _finish(item: IndicatorText) -> None:
    """Take the SDG code and the "(link to …)" parts out of the name; a sub-item mark after the
    code ("2.4.1 (N) b) Area of ...") is dropped: an indicator with a code of its own is no
    sub-indicator; a code in brackets at the end ("(SDG 3.8.1)") is the indicator's code."""
    name = re.sub(r"\s+", " ", item.name).strip()
    code = read_code(name)
    if code is not None and code.rest:
        item.code, name = code, re.sub(r"^\(?[a-h]\)\s*(?=\S)", "", code.rest)
    for m in SDG_LINK.finditer(name):
        item.links += link_codes(m.group("raw"))
    name = SDG_LINK.sub("", name).strip(" ;,")
    tail = CODE_TAIL.search(name)
    if tail and item.code is None:
        found = re.search(r"[0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9a-z]{1,2}", tail.group("raw"))
        tag = re.search(r"(?<![\w.])([GN])(?![\w.])", tail.group("raw"))
        if found:
            item.code = Code(tail.group("raw").strip(), found.group(), tag.group(1) if tag else None, "")
            name = name[: tail.start()]
    item.name = name
    if item.source is not None:
        item.source = _clip(item.source)


#: Labelled lists that, right under an indicator's baseline and target, belong to the indicator.
_OWNED = {"agencies": "agency", "partners": "partner"}


def owned_list(line: str) -> tuple[str, str] | None:
    """(cell kind, value) when *line* is one labelled list an indicator may own ("Responsible UN
    entities: UNICEF", "Partners: Ministry of Health").

    >>> owned_list("Responsible UN entities: UNICEF, UNESCO")
    ('agency', 'UNICEF, UNESCO')
    """
    labels = find_labels(line)
    if len(labels) != 1 or labels[0].name not in _OWNED or labels[0].start > 0:
        return None
    return _OWNED[labels[0].name], line[labels[0].value_start :].strip()


def indicator_lines(doc: Document, n: int, last: int) -> int:
    """The last line of the indicator whose heading is on line *n*: its baseline, target and
    source lines, and the lists right under them (see :func:`owned_list`)."""
    while n + 1 <= last:
        nxt = clean(doc.lines[n])
        if not (BASELINE.match(nxt) or TARGET.match(nxt) or SOURCE.match(nxt) or owned_list(nxt)):
            break
        n += 1
    return n
