"""The column layout of a results-matrix spreadsheet: which field each column holds.

One row per indicator, a heading row naming the columns. The default layout is the fields of
:data:`FIELDS`; a heading is matched ignoring case, punctuation, bracketed words and years
("Target (2025)" is the target), first against each field's common names, then by its words
(:func:`~cfgraph.importers.labels.column_role`: "Source and responsible agency"). ``--map
HEADING=FIELD`` names the field of any other heading.

>>> field_of("Means of Verification"), field_of("Responsible UN entities"), field_of("Target (2025)")
('source', 'agencies', 'target')
>>> field_of("Indicator code"), field_of("SDG indicator"), field_of("Remarks") is None
('code', 'sdg', True)
>>> parse_maps(("KPI=name",))
{'kpi': 'name'}
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cfgraph.errors import CfgraphError
from cfgraph.importers.labels import column_role

__all__ = ["FIELDS", "field_of", "heading_key", "parse_maps", "Layout", "find_layout"]

#: Every field a column may hold, with what it is and the headings commonly written for it.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "outcome": (
        "the outcome (its number, 'Outcome 1.1: ...' or its statement)",
        ("outcome", "outcomes", "outcome statement", "cooperation framework outcome", "result", "results",
         "outcome level result", "expected outcome", "expected result"),
    ),
    "output": (
        "the output (its number, 'Output 1.1.1: ...' or its statement)",
        ("output", "outputs", "output statement", "expected output"),
    ),
    "code": (
        "the indicator's code: an SDG indicator code (1.2.1) or the matrix's own number",
        ("indicator code", "code", "indicator no", "indicator number", "indicator id", "indicator ref",
         "no", "ref", "number", "id"),
    ),
    "name": (
        "the indicator's name",
        ("indicator", "indicators", "indicator name", "indicator description", "indicator title",
         "performance indicator", "performance indicators", "indicator statement", "kpi"),
    ),
    "baseline": ("the baseline as written (value, unit, year)", ("baseline", "baselines", "baseline value")),
    "baseline_year": (
        "the baseline's year",
        ("baseline year", "year of baseline", "baseline date", "baseline year of data"),
    ),
    "target": (
        "the target as written (value, unit, year)",
        ("target", "targets", "target value", "end target", "final target", "end of cycle target"),
    ),
    "target_year": ("the target's year", ("target year", "year of target", "target date")),
    "source": (
        "the source of data or means of verification",
        ("source", "sources", "data source", "data sources", "source of data", "sources of data",
         "means of verification", "mov", "source means of verification", "source and means of verification",
         "sources of verification", "verification source"),
    ),
    "agencies": (
        "the responsible UN entities",
        ("responsible un entities", "un entities", "un entity", "responsible un entity", "un agencies",
         "un agency", "responsible un agencies", "agencies", "responsible agencies", "lead agency",
         "lead agencies", "lead un entity", "contributing un entities", "un organizations",
         "un organisations", "responsible entities"),
    ),
    "partners": (
        "the partners",
        ("partners", "partner", "implementing partners", "national partners", "key partners",
         "partnerships", "main partners"),
    ),
    "sdg": (
        "the global SDG indicators the indicator links to",
        ("sdg indicator", "sdg indicators", "sdg", "sdgs", "sdg code", "sdg indicator code", "link to sdg",
         "link to sdg indicator", "sdg link", "related sdg indicator", "related sdg indicators"),
    ),
}  # fmt: skip

#: The field a role of :func:`~cfgraph.importers.labels.column_role` stands for.
_ROLES = {
    "result": "outcome",
    "indicator": "name",
    "baseline": "baseline",
    "target": "target",
    "source": "source",
    "source+agency": "source+agencies",
    "agency": "agencies",
    "partner": "partners",
    "baseline+target": "baseline",
}


def heading_key(heading: str) -> str:
    """A heading as it is compared: lower case, words only, bracketed words and years dropped.

    >>> heading_key("Baseline (2019)"), heading_key("  Source / Means of verification ")
    ('baseline', 'source means of verification')
    """
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", heading.casefold())
    text = re.sub(r"\b(?:19|20)[0-9]{2}\b", " ", text)
    return " ".join(re.findall(r"[0-9a-z]+", text))


_BY_NAME = {name: f for f, (_, names) in FIELDS.items() for name in names}


def field_of(heading: str) -> str | None:
    """The field a column heading names, if any (``source+agencies``: a column holding both)."""
    key = heading_key(heading)
    if not key:
        return None
    if key in _BY_NAME:
        return _BY_NAME[key]
    words = set(key.split())
    if "year" in words and words & {"baseline", "target"}:
        return "baseline_year" if "baseline" in words else "target_year"
    if "sdg" in words or "sdgs" in words:
        return "sdg"
    if "output" in words or "outputs" in words:
        return "output"
    role = column_role(re.sub(r"\b(?:19|20)[0-9]{2}\b", "", heading))
    return _ROLES.get(role or "")


def parse_maps(maps: Sequence[str]) -> dict[str, str]:
    """``--map HEADING=FIELD`` options as {heading key: field}; an unknown field is an error."""
    found: dict[str, str] = {}
    for item in maps:
        heading, sep, field = item.rpartition("=")
        field = field.strip().lower().replace("-", "_")
        if not sep or not heading_key(heading):
            raise CfgraphError(f"--map {item!r}: write HEADING=FIELD, e.g. 'KPI=name'")
        if field not in FIELDS and field != "ignore":
            known = ", ".join(FIELDS)
            raise CfgraphError(f"--map {item!r}: unknown field {field!r}; the fields are {known}, ignore")
        found[heading_key(heading)] = field
    return found


@dataclass(frozen=True)
class Layout:
    """Where a sheet's heading row is (0-based) and the field of each column (None: not read)."""

    row: int
    fields: tuple[str | None, ...]

    def column(self, field: str) -> int | None:
        """The first column holding *field*, if any."""
        return next((i for i, f in enumerate(self.fields) if f == field), None)


def find_layout(headings: Sequence[Sequence[str]], maps: dict[str, str]) -> Layout | None:
    """The heading row among the first rows *headings* (the first naming an indicator column and
    at least one other field) and its columns' fields; None when no row is one."""
    for i, row in enumerate(headings[:20]):
        keys = [heading_key(text) for text in row]
        mapped = [maps.get(k) for k in keys]  # a field --map names wins over a heading's default
        fields: list[str | None] = []
        for text, key, field in zip(row, keys, mapped, strict=True):
            if field is None and len(text) < 80 and key not in maps:
                field = field_of(text)
                field = None if field in mapped else field
            fields.append(None if field == "ignore" or field in fields else field)
        known = [f for f in fields if f]
        if "name" in known and len(known) >= 2:
            return Layout(i, tuple(fields))
    return None
