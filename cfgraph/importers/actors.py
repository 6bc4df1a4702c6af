"""Rows for who is named: UN entities (matched to the registry), LNOB groups and partners.

>>> from cfgraph.importers.draft import Draft
>>> from cfgraph.importers.agencies import load_registry
>>> d = Draft()
>>> names = Names(d, load_registry(), ("With the United Nations Development Programme (UNDP).",))
>>> names.agency("UNDP", [3])["id"], d.rows["agencies"][0]["name"], d.rows["agencies"][0]["source_lines"]
('undp', 'United Nations Development Programme', '1;3')
>>> names.group("people who inject drugs (PWID)", [4]), names.group("men who inject drugs (PWID)", [5])
('people-who-inject-drugs', 'people-who-inject-drugs')
>>> names.partner("Ministry of Health", [6]), d.rows["partners"][0]["type"]
('ministry-of-health', 'ministry')
>>> names.agency("UN Women", [7])["label"], names.agency("UN-Women", [8])["aliases"]
('UN Women', ('UN-Women',))
>>> names.actor("Testland Chess Club", [9], "indicator 1.b"), d.notes
(('partner', 'testland-chess-club'), ["indicator 1.b: 'Testland Chess Club' is named among the UN entities \
but is not one: kept as a partner"])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from cfgraph.importers.agencies import Registry, name_key
from cfgraph.importers.draft import Draft
from cfgraph.importers.names import abbreviation, bare_name, broader_group, partner_type, plain_group
from cfgraph.io.init import slug

__all__ = ["Names"]


class Names:
    """Turns the names a document writes into the ids of agencies, LNOB groups and partners."""

    def __init__(self, draft: Draft, registry: Registry, lines: Sequence[str]) -> None:
        self.draft, self.registry, self.lines = draft, registry, lines
        self._groups: dict[str, str] = {}
        self._partners: dict[str, str] = {}
        self._full_names: dict[str, int] | None = None

    def _line_of(self, text: str) -> int | None:
        """The first line that writes *text* (ignoring case)."""
        wanted = text.casefold()
        return next((n for n, line in enumerate(self.lines, 1) if wanted in line.casefold()), None)

    def agency(self, spelling: str, lines: list[int]) -> dict[str, Any]:
        """The agency row *spelling* names (added on first use), its id matched to the registry."""
        match = self.registry.match(spelling)
        if match.entity is None:
            ident = slug(spelling)
            note = (
                f"{spelling!r} is not in the UN entity registry: check the name (or that it is a UN entity)"
            )
            return self.draft.entity("agencies", ident, {"label": spelling}, lines, note)
        e = match.entity
        full = self._line_of(e.name)
        label = spelling if name_key(spelling) == name_key(e.abbreviation) else e.abbreviation
        row = self.draft.entity(
            "agencies",
            e.id,
            {"label": label, "name": e.name if full else None, "aliases": (), "un_entity": e.id},
            lines + ([full] if full else []),
            match.note,
        )
        if spelling != row["label"] and spelling not in row["aliases"]:
            row["aliases"] = (*row["aliases"], spelling)
        return row

    def actor(self, spelling: str, lines: list[int], where: str) -> tuple[str, str]:
        """What a name listed among the UN entities of *where* is: ("agency", id), or ("partner",
        id) when the registry does not hold it and its name says it is another organisation (a
        club, a ministry, a university); both kinds of doubt are noted for the reviewer."""
        if self.registry.match(spelling).entity is not None:
            return "agency", str(self.agency(spelling, lines)["id"])
        if partner_type(spelling) != "other" and not re.match(r"(?:UN|United\s+Nations)\b", spelling):
            self.draft.note(
                f"{where}: {spelling!r} is named among the UN entities but is not one: kept as a partner"
            )
            note = "named among the UN entities, but not a UN entity: kept as a partner; check it"
            return "partner", self.partner(spelling, lines, note)
        self.draft.note(f"{where}: {spelling!r} is not in the UN entity registry: kept as an agency to check")
        return "agency", str(self.agency(spelling, lines)["id"])

    def group(self, item: str, lines: list[int], note: str | None = None) -> str:
        """The id of the LNOB group a list item names; items giving the same abbreviation
        ("(PWID)") are one group; *note*: what to check of a new group."""
        name = bare_name(item)
        abbr = abbreviation(item)
        plain = f"name:{name_key(plain_group(name))}"
        key = f"abbr:{abbr}" if abbr else plain
        ident = self._groups.get(key) or self._groups.get(plain)
        if ident is None:
            ident = slug(name)
            row = self.draft.entity(
                "lnob_groups", ident, {"name": name, "aliases": (abbr,) if abbr else ()}, lines, note
            )
            ident = str(row["id"])
        elif not abbr:  # another wording of the same group ("rural women")
            row = self.draft.entity("lnob_groups", ident, {}, lines)
            if name_key(name) not in {name_key(x) for x in (row["name"], *row["aliases"])}:
                row["aliases"] = (*row["aliases"], name)
        self._groups.setdefault(key, ident)
        self._groups.setdefault(plain, ident)
        return ident

    def relate_groups(self) -> None:
        """Each LNOB group's broader group, where the names say it (:func:`broader_group`)."""
        rows = self.draft.rows.get("lnob_groups", [])
        by_name = {name_key(plain_group(str(r["name"]))): str(r["id"]) for r in rows}
        for row in rows:
            found = broader_group(plain_group(str(row["name"])), by_name)
            if found is not None and found != row["id"] and not row.get("broader"):
                row["broader"] = found

    def know_partner(self, name: str, ident: str) -> None:
        """Take *name* as a name of the partner *ident*, already in the folder."""
        self._partners.setdefault(name_key(name), ident)

    def partner(self, name: str, lines: list[int], note: str | None = None, abbr: str | None = None) -> str:
        """The id of the partner *name* names (typed by what the name says; *abbr*: the
        abbreviation written after the name, an alias)."""
        key = name_key(name)
        ident = self._partners.get(key) or (self._partners.get(name_key(abbr)) if abbr else None)
        if ident is None:
            ident = slug(name)
            kind = partner_type(name)
            why = note or (None if kind != "other" else "the name does not say the partner's type")
            row = {"name": name, "type": kind, "generic": False, "aliases": (abbr,) if abbr else ()}
            self.draft.entity("partners", ident, row, lines, why)
            self._partners[key] = ident
        if abbr:
            self._partners.setdefault(name_key(abbr), ident)
        return ident
