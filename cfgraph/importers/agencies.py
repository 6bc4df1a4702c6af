"""Match the document's spellings of UN entities to the UN entity registry.

The registry is the UN System Chart's list of entities shipped in ``data/un-entities``
(``system-chart.csv``: id, abbreviation, full name, aliases, ...; also ``additions.csv`` and
``aliases.csv`` when present). A spelling matches an entity when, ignoring case, spaces and
punctuation, it is the entity's id, abbreviation, full name or an alias; a spelling that adds
"UN" to an abbreviation ("UNECE" for ECE) matches too, with a note for the reviewer.

>>> reg = load_registry()
>>> reg.match("UN Women").entity.id, reg.match("undp").entity.abbreviation
('un-women', 'UNDP')
>>> m = reg.match("UNECE"); m.entity.id, m.note
('ece', "'UNECE' read as ECE (Economic Commission for Europe)")
>>> reg.match("Ministry of Health").entity is None
True
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Entity", "Match", "Registry", "load_registry", "name_key"]


def name_key(text: str) -> str:
    """A name as it is compared: letters and digits only, case and accents folded."""
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKD", text).casefold())


@dataclass(frozen=True)
class Entity:
    """One UN system entity of the registry."""

    id: str
    abbreviation: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """The entity a spelling names (None: not in the registry) and, when the match is not
    exact, why it was made."""

    entity: Entity | None
    note: str | None = None


class Registry:
    """The UN entities, found by any of their names."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = {e.id: e for e in entities}
        self._by_key: dict[str, Entity] = {}
        self._by_abbreviation: dict[str, Entity] = {}
        for e in entities:  # abbreviations and ids first: they win over another entity's alias
            for name in (e.id, e.abbreviation):
                self._by_key.setdefault(name_key(name), e)
            self._by_abbreviation.setdefault(name_key(e.abbreviation), e)
        for e in entities:
            for name in (e.name, *e.aliases):
                self._by_key.setdefault(name_key(name), e)

    def match(self, spelling: str) -> Match:
        """The entity *spelling* names, if any."""
        key = name_key(spelling)
        if not key:
            return Match(None)
        found = self._by_key.get(key)
        if found is not None:
            return Match(found)
        if key.startswith("un") and (found := self._by_abbreviation.get(key[2:])) is not None:
            return Match(found, f"{spelling!r} read as {found.abbreviation} ({found.name})")
        return Match(None)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _load(folder: str) -> Registry:
    base = Path(folder)
    extra: dict[str, list[str]] = {}
    for row in _rows(base / "aliases.csv"):
        extra.setdefault(row["entity"], []).append(row["alias"])
    entities = [
        Entity(
            row["id"],
            row["abbreviation"],
            row["name"],
            tuple(a for a in (row.get("aliases") or "").split(";") if a) + tuple(extra.get(row["id"], ())),
        )
        for row in _rows(base / "system-chart.csv") + _rows(base / "additions.csv")
    ]
    return Registry(sorted(entities, key=lambda e: e.id))


def load_registry(folder: Path | None = None) -> Registry:
    """The UN entity registry shipped in ``data/un-entities`` (or the one in *folder*)."""
    if folder is None:
        from cfgraph.resources import resource_dir

        folder = resource_dir("data") / "un-entities"
    return _load(str(folder))
