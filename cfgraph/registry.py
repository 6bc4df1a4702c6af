"""The UN entity registry: one shared node per UN system entity, whatever a framework calls it.

The registry ships like the SDG catalogue (``data/un-entities/``): the 169 entities of the UN
System Chart, the entities country frameworks name that the chart lacks (``additions.csv``) and
other spellings (``aliases.csv``), each addition with its source. A framework's agencies point
to an entity by its ``id`` (``agencies.csv``, column ``un_entity``) and keep their own spellings
as aliases. :meth:`UnRegistry.find` looks a name up ignoring case, spaces and punctuation;
:meth:`UnRegistry.closest` suggests entities for a name the registry lacks.

>>> reg = load_registry()
>>> len(reg.entities) >= 170, reg.entity("undp").name
(True, 'United Nations Development Programme')
>>> reg.find("UN Women").id, reg.find("UNECE").id, reg.find("Joint United Nations Programme on AIDS").id
('un-women', 'ece', 'unaids')
>>> reg.closest("UNAIDS Secretariat Office"), reg.closest("World Bank")
(['unaids (UNAIDS)'], ['world-bank-group (WORLD BANK GROUP)'])
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from cfgraph.errors import UnknownIdError

__all__ = ["UnEntity", "UnRegistry", "Match", "load_registry", "name_key", "CHART_SOURCE"]

#: Where the rows of ``system-chart.csv`` come from.
CHART_SOURCE = (
    "UN System Chart (systemchart.un.org), UN-EOSG-Analytics/un-system-chart-navigator "
    "public/un-entities.csv at f7283f2"
)


def name_key(text: str) -> str:
    """A name as the registry compares it: letters and digits only, case and accents folded.

    >>> name_key("UN-Women"), name_key("UN Women"), name_key("United Nations Children’s Fund")
    ('unwomen', 'unwomen', 'unitednationschildrensfund')
    """
    folded = unicodedata.normalize("NFKD", text).casefold()
    return re.sub(r"[^0-9a-z]", "", folded)


@dataclass(frozen=True)
class UnEntity:
    """One UN system entity: its stable ``id``, abbreviation, full name, aliases and where it sits."""

    id: str
    abbreviation: str
    name: str
    aliases: tuple[str, ...] = ()
    principal_organ: tuple[str, ...] = ()
    category: str | None = None
    subcategory: str | None = None
    ceb_member: bool | None = None
    headquarters: str | None = None
    url: str | None = None
    source: str = CHART_SOURCE

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the entity goes by: id, abbreviation, full name, aliases."""
        return (self.id, self.abbreviation, self.name, *self.aliases)

    @property
    def shown(self) -> str:
        """``id (ABBREVIATION)``, how a message suggests it."""
        return f"{self.id} ({self.abbreviation})"


@dataclass(frozen=True)
class Match:
    """The entity a spelling names (None: not in the registry) and, when the match is not exact,
    why it was made (for a reviewer)."""

    entity: UnEntity | None
    note: str | None = None


@dataclass(frozen=True)
class UnRegistry:
    """Every entity of the registry, by id."""

    entities: dict[str, UnEntity] = field(repr=False)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def entity(self, entity_id: str) -> UnEntity:
        """The entity with this id; :class:`~cfgraph.errors.UnknownIdError` with the closest if none."""
        found = self.entities.get(entity_id)
        if found is None:
            raise UnknownIdError("UN entity", entity_id, [s.split(" ")[0] for s in self.closest(entity_id)])
        return found

    @cached_property
    def _by_name(self) -> dict[str, UnEntity]:
        index: dict[str, UnEntity] = {}
        for e in sorted(self.entities.values(), key=lambda e: e.id):  # ids, then names, win ties
            index.setdefault(name_key(e.id), e)
        for e in sorted(self.entities.values(), key=lambda e: e.id):
            for name in e.names[1:]:
                index.setdefault(name_key(name), e)
        return index

    def lookup(self, name: str) -> UnEntity:
        """The entity a person names with *name*: an id or any spelling :meth:`match` reads (also
        "UN" plus an abbreviation, as the importers read it); UnknownIdError if none.

        >>> reg = load_registry()
        >>> reg.lookup("UN Women").id, reg.lookup("UNOCHA").id
        ('un-women', 'ocha')
        """
        found = self.match(name).entity
        if found is None:
            raise UnknownIdError("UN entity", name, [s.split(" ")[0] for s in self.closest(name)])
        return found

    def find(self, *names: str) -> UnEntity | None:
        """The entity one of *names* names exactly (ignoring case, spaces, punctuation), or None."""
        for name in names:
            found = self._by_name.get(name_key(name))
            if found is not None:
                return found
        return None

    @cached_property
    def _by_abbreviation(self) -> dict[str, UnEntity]:
        return {name_key(e.abbreviation): e for e in sorted(self.entities.values(), key=lambda e: e.id)}

    def match(self, spelling: str) -> Match:
        """The entity *spelling* names: exactly (:meth:`find`), or as "UN" plus an abbreviation
        ("UNESCWA" for ESCWA), with a note saying so.

        >>> reg = load_registry()
        >>> reg.match("UNDP").entity.id, reg.match("UNESCWA").note
        ('undp', "'UNESCWA' read as ESCWA (Economic and Social Commission for Western Asia)")
        >>> reg.match("Ministry of Health").entity is None
        True
        """
        found = self.find(spelling)
        if found is not None:
            return Match(found)
        key = name_key(spelling)
        if key.startswith("un") and (found := self._by_abbreviation.get(key[2:])) is not None:
            return Match(found, f"{spelling!r} read as {found.abbreviation} ({found.name})")
        return Match(None)

    def closest(self, *names: str, n: int = 3) -> list[str]:
        """The entities whose names are closest to any of *names*, as ``id (ABBREVIATION)``."""
        import difflib

        scores: dict[str, float] = {}
        for name in names:
            wanted = name_key(name)
            if not wanted:
                continue
            for key, e in self._by_name.items():
                ratio = difflib.SequenceMatcher(None, wanted, key).ratio()
                if wanted and (key.startswith(wanted) or wanted.startswith(key)) and len(key) > 2:
                    ratio = max(ratio, 0.8)
                if ratio >= 0.6 and ratio > scores.get(e.id, 0.0):
                    scores[e.id] = ratio
        best = sorted(scores, key=lambda i: (-scores[i], i))[:n]
        return [self.entities[i].shown for i in best]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _items(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split(";") if v.strip())


def _entity(row: dict[str, str], aliases: Iterable[str]) -> UnEntity:
    ceb = row.get("ceb_member") or ""
    return UnEntity(
        id=row["id"],
        abbreviation=row["abbreviation"],
        name=row["name"],
        aliases=tuple(dict.fromkeys((*_items(row.get("aliases") or ""), *aliases))),
        principal_organ=_items(row.get("principal_organ") or ""),
        category=row.get("category") or None,
        subcategory=row.get("subcategory") or None,
        ceb_member={"True": True, "False": False}.get(ceb),
        headquarters=row.get("headquarters") or None,
        url=row.get("url") or None,
        source=row.get("source") or CHART_SOURCE,
    )


@cache
def _load(folder: str) -> UnRegistry:
    base = Path(folder)
    extra: dict[str, list[str]] = {}
    for row in _rows(base / "aliases.csv"):
        extra.setdefault(row["entity"], []).append(row["alias"])
    rows = _rows(base / "system-chart.csv") + _rows(base / "additions.csv")
    entities: dict[str, UnEntity] = {}
    for row in rows:
        if row["id"] in entities:
            raise ValueError(f"{base}: the UN entity id {row['id']!r} is used twice")
        entities[row["id"]] = _entity(row, extra.pop(row["id"], []))
    if extra:
        raise ValueError(f"{base / 'aliases.csv'}: unknown UN entity {sorted(extra)[0]!r}")
    return UnRegistry(dict(sorted(entities.items())))


def load_registry(folder: Path | None = None) -> UnRegistry:
    """Load the UN entity registry shipped in ``data/un-entities`` (or from *folder*)."""
    if folder is None:
        from cfgraph.resources import resource_dir

        folder = resource_dir("data") / "un-entities"
    return _load(str(folder))
