"""Checks of a framework's UN agencies against the shared UN entity registry (``data/un-entities``).

Each row of ``agencies.csv`` names its registry entity in ``un_entity``, or says with ``local``
that it is an entity of this framework only. An entity the registry lacks is a warning (the
framework stays valid: it keeps its own agency node, linked to no shared one) with the closest
registry entities, or, when no registry name is close, the hint that it may be a partner;
naming an entity and calling it local at once is an error.

>>> from cfgraph.registry import load_registry
>>> row = {"id": "unaids-office", "label": "UNAIDS office", "un_entity": None}
>>> [(severity, message.split("; ")[1]) for message, severity in agency_problems(row, load_registry())]
[('warning', 'closest: unaids (UNAIDS), ethics-office (Ethics Office), unaids-pcb (UNAIDS PCB)')]
>>> row = {"id": "undss", "label": "UNDSS", "un_entity": None}
>>> [message for message, _ in agency_problems(row, load_registry())]
["UNDSS is the registry's dss (DSS); write dss in un_entity"]
>>> row = {"id": "rotary-club", "label": "Rotary Club", "un_entity": None}
>>> [message.split(": ")[1].split(";")[0] for message, _ in agency_problems(row, load_registry())]
['it may be a partner rather than a UN entity (list it in partners.csv)']
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cfgraph.errors import Problem, Severity
from cfgraph.io.reading import PackageContents
from cfgraph.model import table_spec
from cfgraph.registry import UnRegistry

__all__ = ["check_un_entities", "agency_problems"]


def _names(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(v) for v in (row.get("label"), row.get("name"), *(row.get("aliases") or ())) if v)


def agency_problems(row: dict[str, Any], registry: UnRegistry) -> Iterator[tuple[str, Severity]]:
    """What is wrong with one ``agencies.csv`` row's link to the registry: (message, severity)."""
    entity, local = row.get("un_entity"), bool(row.get("local"))
    if entity and local:
        yield f"an agency with a un_entity ({entity!r}) is not local; leave one of them empty", "error"
    elif entity and entity not in registry:
        close = registry.closest(entity, *_names(row))
        hint = f"; closest: {', '.join(close)}" if close else ""
        yield (
            f"{entity!r} is not in the UN entity registry{hint}; "
            "for an entity of this framework only, leave un_entity empty and set local to true"
        ), "warning"
    elif not entity and not local:
        names = _names(row)
        found = registry.find(*names, str(row.get("id") or "")) or next(
            (m.entity for m in map(registry.match, names) if m.entity is not None), None
        )
        shown = names[0] if names else str(row.get("id"))
        if found is not None:
            yield f"{shown} is the registry's {found.shown}; write {found.id} in un_entity", "warning"
            return
        close = registry.closest(*names, str(row.get("id") or ""))
        if not close:  # no UN entity is called anything like it: most likely a partner
            yield (
                f"{shown} is not linked to the UN entity registry and no registry name is close: it may "
                "be a partner rather than a UN entity (list it in partners.csv); else write its id in "
                "un_entity, or set local to true"
            ), "warning"
            return
        yield (
            f"{shown} is not linked to the UN entity registry; closest: {', '.join(close)}; write its "
            "id in un_entity, or set local to true for an entity of this framework only"
        ), "warning"


def check_un_entities(pkg: PackageContents, registry: UnRegistry) -> None:
    """Add a problem for each agency row whose registry link is missing, unknown or contradictory."""
    shown = pkg.shown(table_spec("agencies"))
    for row in pkg.tables.get("agencies", []):
        for message, severity in agency_problems(row.values, registry):
            field = "local" if severity == "error" else "un_entity"
            pkg.problems.append(Problem(shown, row.line, field, message, severity))
