"""The SDG catalogue (goals, targets, global indicators) and the parser for target lists.

The framework writes target lists by hand: ``"3.8;1.3.; 3.1.;3.2"``, ``"11. b"``, ``"5a"``,
``"9.b: 8.3"``, ``"7.2. 2.4"``. :func:`parse_target_list` turns such a string into codes in
document order, keeping each token's raw text; it does not judge whether a code exists
(``18.7`` stays ``18.7``) — :class:`SdgCatalogue` does.

>>> [t.code for t in parse_target_list("3.8;1.3.; 5.2,5.6.; 11. b; 5a; 16b; 7.2. 2.4; 3.2.a")]
['3.8', '1.3', '5.2', '5.6', '11.b', '5.a', '16.b', '7.2', '2.4', '3.2.a']
>>> [t.raw for t in parse_target_list("11. b; 9.b: 8.3")]
['11. b', '9.b', '8.3']
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "TargetToken",
    "parse_target_list",
    "SdgGoal",
    "SdgTarget",
    "SdgIndicator",
    "SdgCatalogue",
    "load_catalogue",
    "goal_of",
]

_TOKEN = re.compile(
    r"(?<![0-9A-Za-z.])"  # start of a code
    r"(?P<goal>[0-9]{1,2})"
    r"(?:\.\s?(?P<target>[0-9]{1,2}|[a-z])(?![0-9])|(?P<letter>[a-z]))"
    r"(?:\.(?P<sub>[0-9]{1,2}|[a-z])(?![0-9A-Za-z]))?"
)


@dataclass(frozen=True)
class TargetToken:
    """One code found in a target list: as written (``raw``) and normalised (``code``)."""

    raw: str
    code: str


def parse_target_list(text: str) -> list[TargetToken]:
    """Split a hand-written list of SDG target codes into normalised codes, in order."""
    tokens = []
    for m in _TOKEN.finditer(text):
        second = m.group("target") or m.group("letter")
        code = f"{m.group('goal')}.{second}"
        if m.group("sub"):
            code += f".{m.group('sub')}"
        tokens.append(TargetToken(m.group(0), code))
    return tokens


def goal_of(code: str) -> str:
    """The goal number of a target or indicator code.

    >>> goal_of("16.b"), goal_of("3.3.1")
    ('16', '3')
    """
    return code.split(".", 1)[0]


@dataclass(frozen=True)
class SdgGoal:
    code: str
    title_en: str
    title_ru: str
    title_kk: str
    short_en: str


@dataclass(frozen=True)
class SdgTarget:
    code: str
    goal: str
    title_en: str
    title_ru: str
    title_kk: str


@dataclass(frozen=True)
class SdgIndicator:
    code: str
    target: str
    title_en: str
    title_ru: str
    title_kk: str


@dataclass(frozen=True)
class SdgCatalogue:
    """The 17 goals, 169 targets and the global indicators, keyed by code."""

    goals: dict[str, SdgGoal]
    targets: dict[str, SdgTarget]
    indicators: dict[str, SdgIndicator]

    def is_target(self, code: str) -> bool:
        """True if *code* names one of the 169 SDG targets.

        >>> cat = load_catalogue()
        >>> cat.is_target("3.8"), cat.is_target("18.7"), cat.is_target("3.2.a")
        (True, False, False)
        """
        return code in self.targets

    def is_indicator(self, code: str) -> bool:
        """True if *code* names a global SDG indicator."""
        return code in self.indicators


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _load(folder: str) -> SdgCatalogue:
    base = Path(folder)
    goals = {
        r["code"]: SdgGoal(r["code"], r["title_en"], r["title_ru"], r["title_kk"], r["short_en"])
        for r in _rows(base / "goals.csv")
    }
    targets = {
        r["code"]: SdgTarget(r["code"], r["goal"], r["title_en"], r["title_ru"], r["title_kk"])
        for r in _rows(base / "targets.csv")
    }
    indicators = {
        r["code"]: SdgIndicator(r["code"], r["target"], r["title_en"], r["title_ru"], r["title_kk"])
        for r in _rows(base / "indicators.csv")
    }
    return SdgCatalogue(goals, targets, indicators)


def load_catalogue(folder: Path | None = None) -> SdgCatalogue:
    """Load the SDG catalogue shipped in ``data/sdg-catalogue`` (or from *folder*)."""
    if folder is None:
        from cfgraph.resources import resource_dir

        folder = resource_dir("data") / "sdg-catalogue"
    return _load(str(folder))
