"""Read indicators from the text of a results-matrix cell (or a paragraph): each indicator's
name, SDG code, links to global SDG indicators, baseline and target; "a)", "b)" items below an
indicator are its sub-indicators.

>>> items = read_indicators([(10, "3.3.1. (G) New HIV infections per 1,000"), (11, "Baseline: 0.14 (2018)"),
...     (12, "Target: ≤0.14 (2025)"), (13, "a) Share of men living with HIV"), (14, "Baseline: 6.2% (2018)"),
...     (15, "Target: <5% (2025)")])
>>> [(i.name, i.sub, i.baseline, i.target) for i in items][1]
('Share of men living with HIV', 'a', '6.2% (2018)', '<5% (2025)')
>>> items[0].code.code, items[0].lines
('3.3.1', [10, 11, 12])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cfgraph.importers.labels import INDICATOR_HEADING
from cfgraph.importers.values import SDG_LINK, Code, read_code

__all__ = ["IndicatorText", "read_indicators", "BASELINE", "TARGET", "SOURCE"]

BASELINE = re.compile(r"^\s*baselines?(?:\s*\([^)]*\))?\s*[:\-–]\s*", re.IGNORECASE)
TARGET = re.compile(r"^\s*(?:end\s+)?targets?(?:\s*\((?!s\))[^)]*\))?\s*[:\-–]\s*", re.IGNORECASE)
SOURCE = re.compile(
    r"^\s*(?:data\s+)?sources?(?:\s+of\s+data)?\s*[:\-–]\s*|^\s*means\s+of\s+verification\s*[:\-–]\s*",
    re.IGNORECASE,
)
_SUB = re.compile(r"^\s*\(?(?P<sub>[a-h])\)\s*(?P<rest>\S.*)$")
_INLINE = re.compile(r"(?<=[.;])\s+(?=(?:baseline|target|source)s?\s*(?:\([^)]*\))?\s*:)", re.IGNORECASE)


@dataclass
class IndicatorText:
    """One indicator as a cell writes it."""

    name: str
    lines: list[int]
    sub: str | None = None
    number: str | None = None
    code: Code | None = None
    links: list[str] = field(default_factory=list)
    baseline: str | None = None
    target: str | None = None
    source: str | None = None


def _pieces(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines split where a sentence ends and "Baseline:"/"Target:"/"Source:" starts."""
    return [(n, part.strip()) for n, text in lines for part in _INLINE.split(text) if part.strip()]


def read_indicators(lines: list[tuple[int, str]]) -> list[IndicatorText]:
    """The indicators the numbered *lines* write, in order."""
    items: list[IndicatorText] = []
    slot: str | None = None  # where a continuation line goes: name, baseline, target, source
    for n, text in _pieces(lines):
        if (m := BASELINE.match(text)) or (m := TARGET.match(text)) or (m := SOURCE.match(text)):
            if not items:
                continue
            slot = "baseline" if m.re is BASELINE else "target" if m.re is TARGET else "source"
            setattr(items[-1], slot, text[m.end() :].strip() or None)
            items[-1].lines.append(n)
            continue
        sub = _SUB.match(text)
        numbered = INDICATOR_HEADING.match(text)
        starts = (
            sub
            or numbered
            or read_code(text)
            or not items
            or slot in ("baseline", "target", "source")
            or (items[-1].baseline is not None)
        )
        if starts:
            name = sub.group("rest") if sub else numbered.group("name") if numbered else text
            item = IndicatorText(
                name, [n], sub.group("sub") if sub else None, numbered.group("id") if numbered else None
            )
            items.append(item)
            slot = "name"
        elif slot == "name":
            items[-1].name += " " + text
            items[-1].lines.append(n)
        elif slot is not None:
            setattr(items[-1], slot, f"{getattr(items[-1], slot) or ''} {text}".strip())
            items[-1].lines.append(n)
    for item in items:
        _finish(item)
        for slot in ("baseline", "target", "source"):
            value = getattr(item, slot)
            if value is not None:
                setattr(item, slot, value.rstrip(" .") or None)
    return [i for i in items if i.name]


def _finish(item: IndicatorText) -> None:
    """Take the SDG code and the "(link to …)" parts out of the name."""
    name = re.sub(r"\s+", " ", item.name).strip()
    code = read_code(name)
    if code is not None and code.rest:
        item.code, name = code, code.rest
    for m in SDG_LINK.finditer(name):
        item.links.append(m.group("raw").strip())
    item.name = SDG_LINK.sub("", name).strip(" ;,")
