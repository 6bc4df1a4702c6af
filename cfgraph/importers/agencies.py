"""Match the document's spellings of UN entities to the UN entity registry (:mod:`cfgraph.registry`,
``data/un-entities``): the importers use the one registry every layer uses.

A spelling matches an entity when, ignoring case, spaces and punctuation, it is the entity's id,
abbreviation, full name or an alias; a spelling that adds "UN" to an abbreviation ("UNESCWA" for
ESCWA) matches too, with a note for the reviewer.

>>> reg = load_registry()
>>> reg.match("UN Women").entity.id, reg.match("undp").entity.abbreviation
('un-women', 'UNDP')
>>> m = reg.match("UNESCWA"); m.entity.id, m.note
('escwa', "'UNESCWA' read as ESCWA (Economic and Social Commission for Western Asia)")
>>> reg.match("Ministry of Health").entity is None
True
"""

from __future__ import annotations

from cfgraph.registry import Match, load_registry, name_key
from cfgraph.registry import UnEntity as Entity
from cfgraph.registry import UnRegistry as Registry

__all__ = ["Entity", "Match", "Registry", "load_registry", "name_key"]
