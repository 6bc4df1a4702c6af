"""Read a baseline or target as written ("21,7% (2019)", "≤0.14 (2025)", "825.000 children 2019")
into its value, unit, year and comparator, and an indicator's SDG code ("SDG 1.b.1 (G)").

>>> read_value("21,7% (2019)")
Value(comparator=None, value=21.7, unit='%', year=2019)
>>> read_value("Target: ≤0.14 (2025)"), read_value("860,000 (2025)").value
(Value(comparator='<=', value=0.14, unit=None, year=2025), 860000.0)
>>> read_value("11.3 per 100,000 population (2016)")
Value(comparator=None, value=11.3, unit='per 100,000 population', year=2016)
>>> read_code("SDG 1.b.1 (G) Proportion of spending")
Code(raw='SDG 1.b.1 (G)', code='1.b.1', tag='G', rest='Proportion of spending')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Value", "read_value", "Code", "read_code", "SDG_LINK"]

_COMPARATORS = (
    (r"≤|<=|=<|not\s+more\s+than|no\s+more\s+than|at\s+most|maximum(?:\s+of)?|up\s+to", "<="),
    (r"≥|>=|=>|at\s+least|not\s+less\s+than|no\s+less\s+than|minimum(?:\s+of)?", ">="),
    (r"<|less\s+than|below|under", "<"),
    (r">|more\s+than|over|above|greater\s+than", ">"),
)
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<n>[0-9]{1,3}(?:(?P<sep>[ ,.])[0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+)?)"
)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_LABEL = re.compile(r"^\s*(?:baseline|target)s?(?:\s*\([^)]*\))?\s*:?\s*", re.IGNORECASE)
_UNIT_STOP = re.compile(r"[(\[;]|\bby\b|\bin\b|\bas of\b|(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", re.IGNORECASE)


@dataclass(frozen=True)
class Value:
    """A baseline or target read from its text; what cannot be read is None."""

    comparator: str | None
    value: float | None
    unit: str | None
    year: int | None


def _number(text: str, sep: str | None) -> float:
    if sep and (sep in " ," or text.count(sep) > 1 or text.endswith("000")):
        return float(text.replace(sep, ""))  # a thousands separator
    return float(text.replace(",", "."))


def read_value(raw: str, end: int | None = None) -> Value:
    """The comparator, value, unit and year a baseline or target states (the first number that
    is not the year; the year in brackets first, else the last year written)."""
    text = _LABEL.sub("", raw.strip())
    years = list(_YEAR.finditer(text))
    bracketed = [m for m in years if "(" in text[: m.start()].rsplit(")", 1)[-1]]
    chosen = bracketed[0] if bracketed else (years[-1] if years else None)
    year = int(chosen.group(1)) if chosen else None
    comparator: str | None = None
    value: float | None = None
    unit: str | None = None
    for m in _NUMBER.finditer(text):
        if (chosen is not None and m.start() == chosen.start()) or any(
            y.start() == m.start() for y in bracketed
        ):
            continue
        value = _number(m.group("n"), m.group("sep"))
        before = text[: m.start()].strip().lower()
        comparator = next((s for pattern, s in _COMPARATORS if re.search(f"(?:{pattern})$", before)), None)
        after = text[m.end() :]
        if after.lstrip().startswith("%"):
            unit = "%"
        else:
            words = _UNIT_STOP.split(after, maxsplit=1)[0].strip(" .,:-")
            if words and len(words.split()) <= 4 and not re.match(r"^[0-9]", words):
                unit = words
        break
    return Value(comparator, value, unit, year)


#: "(link to 3.4.2 (G))": an indicator linked to a global SDG indicator.
SDG_LINK = re.compile(
    r"\(\s*link(?:ed)?\s+to\s+(?P<raw>(?:SDG\s+)?[0-9]+\.[0-9a-z]+(?:\.[0-9a-z]+)?\.?"
    r"(?:\s*\((?:G|N)\))?)\s*\)",
    re.IGNORECASE,
)
_CODE = re.compile(
    r"^\s*(?P<raw>(?:SDG\s+)?(?P<code>[0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9]{1,2})\.?\s*(?:\((?P<tag>[GN])\))?)"
    r"\s*(?P<rest>.*)$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Code:
    """An indicator's SDG code as written (``raw``), normalised, its (G)/(N) tag and the rest."""

    raw: str
    code: str
    tag: str | None
    rest: str


def read_code(text: str) -> Code | None:
    """The SDG indicator code an indicator's text starts with, if any."""
    m = _CODE.match(text)
    if m is None:
        return None
    return Code(m.group("raw").strip(), m.group("code"), m.group("tag"), m.group("rest").strip())
