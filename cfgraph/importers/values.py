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

from cfgraph.importers.labels import split_outside

__all__ = [
    "Value",
    "read_value",
    "out_of",
    "Code",
    "read_code",
    "SDG_LINK",
    "CODE_TAIL",
    "link_codes",
    "code_in",
]

_COMPARATORS = (
    (r"≤|<=|=<|not\s+more\s+than|no\s+more\s+than|at\s+most|maximum(?:\s+of)?|up\s+to", "<="),
    (r"≥|>=|=>|at\s+least|not\s+less\s+than|no\s+less\s+than|minimum(?:\s+of)?", ">="),
    (r"<|less\s+than|below|under", "<"),
    (r">|more\s+than|over|above|greater\s+than", ">"),
)
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<n>[0-9]{1,3}(?:(?P<sep>[ ,.])[0-9]{3})+(?![0-9])(?:(?!(?P=sep))[.,][0-9]+)?"
    r"|[0-9]+(?:[.,][0-9]+)?)"
)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_LABEL = re.compile(r"^\s*(?:baseline|target)s?(?:\s*\([^)]*\))?\s*:?\s*", re.IGNORECASE)
_UNIT_STOP = re.compile(r"[(\[;]|\bby\b|\bin\b|\bas of\b|(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", re.IGNORECASE)
#: A bracket holding a year or a period and nothing else: "(2019)", "(2015-2016)".
_YEAR_BRACKET = re.compile(r"\(\s*(?:19|20)[0-9]{2}(?:\s*[-–/]\s*((?:19|20)?[0-9]{2}))?\s*\)")
#: A value not known yet: nothing to read, not even a year.
_NOT_YET = re.compile(
    r"^\W*(?:(?:TBD|TBC|N/?A)(?![\w/])|to\s+be\s+(?:determined|defined|confirmed|established|set)\b"
    r"|will\s+be\s+(?:determined|defined|established|set)\b|(?:data\s+)?(?:will\s+be\s+)?available\s+in\b"
    r"|not\s+(?:yet\s+)?(?:available|applicable|known)\b)",
    re.IGNORECASE,
)
_YES_NO = re.compile(r"^\W*(?P<word>yes|no)\b(?![\w-])", re.IGNORECASE)
#: "Men: 1 hour", "women – 37.1 %", "Sexual violence = 1.2%": a value given for one part of several.
_PART_VALUE = re.compile(r"[A-Za-z][A-Za-z /]*?\s*(?::|=|\s[-–])\s*[<>≤≥~]?\s*[0-9]")


@dataclass(frozen=True)
class Value:
    """A baseline or target read from its text; what cannot be read is None."""

    comparator: str | None
    value: float | None
    unit: str | None
    year: int | None


def _number(text: str, sep: str | None) -> float:
    if sep and (sep in " ," or text.count(sep) > 1 or re.search(r"[.,][0-9]{3}$", text) and len(text) > 5):
        whole, _, decimals = re.sub(rf"[{re.escape(sep)}](?=[0-9]{{3}}(?![0-9]))", "", text).partition(
            "," if sep == "." else "."
        )
        return float(f"{whole}.{decimals}" if decimals else whole)  # a thousands separator
    return float(text.replace(",", "."))


def _milestone(text: str, end: int | None) -> str:
    """Of a value given for several years ("3% by 2020, 6% by 2025"), the part for *end* (else the first)."""
    parts = [p for p in split_outside(text, ",;") if _YEAR.search(p) and _NUMBER.search(_YEAR.sub("", p))]
    if len(parts) < 2 or len(parts) != len(split_outside(text, ",;")):
        return text
    return next((p for p in parts if end is not None and str(end) in _YEAR.findall(p)), parts[0])


def _year(text: str, after: int) -> int | None:
    """The year a value is given for: a bracket holding only a year (a period: its last year),
    else "by YYYY", else a bracket holding a year, else the last year not after "in"/"since"."""
    rest = text[after:]
    if m := _YEAR_BRACKET.search(rest) or _YEAR_BRACKET.search(text):
        years = _YEAR.findall(m.group())
        end = m.group(1)
        if end and len(end) == 2:
            return int(years[0][:2] + end)
        return int(years[-1])
    if m := re.search(r"\bby\s+((?:19|20)[0-9]{2})(?![0-9])", rest) or re.search(
        r"\bby\s+((?:19|20)[0-9]{2})(?![0-9])", text
    ):
        return int(m.group(1))
    if m := re.search(r"\([^)]*?((?:19|20)[0-9]{2})(?![0-9])[^)]*\)", text):
        return int(m.group(1))
    bare = [m for m in _YEAR.finditer(text) if not re.search(r"\b(?:in|since|from|until|after|before)\s*$",
                                                             text[: m.start()], re.IGNORECASE)]  # fmt: skip
    return int(bare[-1].group(1)) if bare else None


def out_of(text: str) -> bool:
    """Whether *text* (what follows a number) gives the total it is counted out of ("of 12").

    >>> out_of("of 12"), out_of("out of 30 regions"), out_of("of GDP")
    (True, True, False)
    """
    return re.match(r"^\s*(?:out\s+)?of\s+[0-9]", text) is not None


def read_value(raw: str, end: int | None = None) -> Value:
    """The comparator, value, unit and year a baseline or target states: the first number that is
    not a year, the year it is given for; of values given for several years, the one for *end*
    (the framework's last year); nothing for a value not known yet (TBD, N/A) or given for
    several parts at once ("men - 42%, women - 37%"); yes/no as 1/0.

    >>> read_value("3% by 2020, 6% by 2025, 10% by 2030", 2025)
    Value(comparator=None, value=6.0, unit='%', year=2025)
    >>> read_value("19.1% (2015-2016)").year, read_value("7,593,548.34 (2025)").value
    (2016, 7593548.34)
    >>> read_value("No (2020)")
    Value(comparator=None, value=0.0, unit='yes/no', year=2020)
    >>> read_value("TBD (2021)")
    Value(comparator=None, value=None, unit=None, year=None)
    >>> read_value("men - 42.4 %, women - 37.1 % (2019)")
    Value(comparator=None, value=None, unit=None, year=2019)
    >>> read_value("4 of 12 (2025)")  # a count out of a total: no unit, the total stays in the raw text
    Value(comparator=None, value=4.0, unit=None, year=2025)
    """
    text = _LABEL.sub("", raw.strip())
    if _NOT_YET.match(text):
        return Value(None, None, None, None)
    text = _milestone(text, end)
    if m := _YES_NO.match(text):
        return Value(None, 1.0 if m.group("word").lower() == "yes" else 0.0, "yes/no", _year(text, m.end()))
    if len(_PART_VALUE.findall(text)) >= 2:
        return Value(None, None, None, _year(text, 0))
    labelled = re.match(r"^[^=]{1,40}?=\s*", text)
    start = labelled.end() if labelled else 0
    for m in _NUMBER.finditer(text, start):
        if _YEAR.fullmatch(m.group("n")) and re.search(r"[(\-–/]\s*$|\bby\s*$|\bin\s*$", text[: m.start()]):
            continue
        if _YEAR.fullmatch(m.group("n")) and _year(text, 0) == int(m.group("n")) and m.start() > 0:
            continue
        value = _number(m.group("n"), m.group("sep"))
        before = text[: m.start()].strip()
        currency = re.search(r"(?:^|\s|[<>≤≥])(?P<c>[A-Z]{3}|[$€£])$", before)  # "> USD 3 500 000"
        before = (before[: currency.start("c")] if currency else before).strip().lower()
        comparator = next((s for pattern, s in _COMPARATORS if re.search(f"(?:{pattern})$", before)), None)
        after = text[m.end() :]
        unit = currency.group("c") if currency else None
        if after.lstrip().startswith("%"):
            unit = "%"
        else:
            words = _UNIT_STOP.split(after, maxsplit=1)[0].strip(" .,:-")
            if words and len(words.split()) <= 4 and not re.match(r"^[0-9]", words) and not out_of(words):
                unit = words
        return Value(comparator, value, unit, _year(text, m.end()))
    return Value(None, None, None, _year(text, 0))


#: One SDG indicator code as a link or a bracket writes it, its (G)/(N) tag before or after it.
_TAGGED = (
    r"(?:\(?[GN]\)?\s+)?(?:SDG\s+)?[0-9]{1,2}\.[0-9a-z]{1,2}(?:\.[0-9a-z]{1,2})?\.?"
    r"(?:\s*\(?[GN](?![\w.])\)?)?"
)
#: "(link to 3.4.2 (G))", "(link to G 16.10.2)", "(link to 1.5.3 and 1.5.4 (G))", its bracket
#: left open at the end of a name: an indicator linked to global SDG indicators.
SDG_LINK = re.compile(
    rf"\(\s*link(?:ed)?\s+to\s+(?P<raw>{_TAGGED}(?:\s*(?:,|;|and|&)\s*{_TAGGED})*)\s*(?:\)|$)",
    re.IGNORECASE,
)
#: "(16.5.2 (G))", "(15.b.1 N)", "(SDG 3.8.1)" closing a name: the indicator's own code.
CODE_TAIL = re.compile(rf"\s*\((?P<raw>{_TAGGED})\)\s*$")
TAGGED = re.compile(_TAGGED)


def code_in(raw: str) -> str:
    """The SDG indicator (or target) code *raw* writes, normalised; *raw* itself if none.

    >>> code_in("G 16.10.2"), code_in("SDG 3.8.1."), code_in("10.7.2 (G")
    ('16.10.2', '3.8.1', '10.7.2')
    """
    m = re.search(r"(?<![0-9.])[0-9]{1,2}\.[0-9a-z]{1,2}(?:\.[0-9a-z]{1,2})?(?![0-9])", raw)
    return m.group() if m else raw.strip()


def link_codes(raw: str) -> list[str]:
    """The codes, as written, a link's text names.

    >>> link_codes("1.5.3 and 1.5.4 (G)"), link_codes("G 16.10.2")
    (['1.5.3', '1.5.4 (G)'], ['G 16.10.2'])
    """
    return [m.group().strip() for m in TAGGED.finditer(raw)]


_CODE = re.compile(
    r"^\s*(?P<raw>(?:SDG\s+)?(?P<code>[0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9]{1,2})\.?\s*(?:\((?P<tag>[A-Z]{1,3})\))?)"
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
    tag = m.group("tag") if m.group("tag") in ("G", "N") else None  # "(NA)": neither global nor national
    return Code(m.group("raw").strip(), m.group("code"), tag, m.group("rest").strip())
