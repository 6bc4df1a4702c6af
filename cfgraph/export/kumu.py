"""The property graph as a Kumu import workbook: an ``Elements`` sheet and a ``Connections`` sheet.

Kumu reads an Excel file whose sheets are named ``Elements`` and ``Connections``. With ``ID`` as
the first column of both, elements are matched by their stable key (so a re-import updates the
map instead of duplicating it) and connections name their ends by ``From``/``To`` ids. ``Type``
is the node label or relationship type; multi-valued fields use Kumu's ``|`` separator.
Stated links between outcomes or SDG targets of a mutual kind (the vocabulary's symmetric link
kinds: ``interlinked``, ``mutually-reinforcing``, ``complements``, ``synergy``) or marked symmetric
are ``mutual`` connections.

>>> import cfgraph
>>> sheets = kumu_sheets(cfgraph.load(cfgraph.MINI))
>>> sheets["Elements"][0]["ID"], sheets["Elements"][0]["Type"]
('examplestan-2026-2030', 'Framework')
>>> sorted({c["Direction"] for c in sheets["Connections"]})
['directed', 'mutual']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cfgraph.lpg import PropertyGraph, Value, property_graph
from cfgraph.vocabulary import LINK_KINDS

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["kumu_sheets", "export_kumu"]

#: Properties whose plain title would be one of Kumu's own columns.
_RENAMED = {"id": "Local id", "type": "Partner type"}
#: The property shown as an element's description, first one present.
_DESCRIPTION = ("statement", "title", "message", "full_name", "note")


def _field(value: Value) -> str | int | float | bool:
    return "|".join(value) if isinstance(value, list) else value


def _fields(properties: dict[str, Value], skip: tuple[str, ...]) -> dict[str, Any]:
    """Properties as Kumu fields ("baseline_value" -> "Baseline value"), never clashing with
    Kumu's own columns (a partner's ``type`` becomes "Partner type", ``id`` "Local id")."""
    out = {}
    for name, value in properties.items():
        if name not in skip:
            title = _RENAMED.get(name) or name.replace("_", " ").capitalize()
            out[title] = _field(value)
    return out


def kumu_sheets(source: Framework | PropertyGraph) -> dict[str, list[dict[str, Any]]]:
    """The ``Elements`` and ``Connections`` rows (``ID`` first, then Kumu's own columns)."""
    pg = source if isinstance(source, PropertyGraph) else property_graph(source)
    elements = []
    for n in pg.nodes:
        props = n.properties
        description = next((props[p] for p in _DESCRIPTION if p in props), None)
        label = _field(props.get("name", n.key))
        row = {"ID": n.key, "Label": label, "Type": n.label, "Description": description}
        elements.append({**row, **_fields(props, ("key", "name"))})
    connections = []
    for r in pg.relationships:
        props = r.properties
        kind = LINK_KINDS.get(str(props.get("kind", "")))
        mutual = props.get("symmetric") is True or (kind is not None and kind.symmetric)
        row = {"ID": r.key, "From": r.source, "To": r.target, "Type": r.type,
               "Direction": "mutual" if mutual else "directed"}
        connections.append({**row, **_fields(props, ("key",))})
    return {"Elements": elements, "Connections": connections}


def export_kumu(fw: Framework) -> bytes:
    """The Kumu import workbook (.xlsx); drop it on a Kumu map, or use Import > Excel."""
    from cfgraph.export.xlsx import workbook_bytes

    return workbook_bytes(kumu_sheets(fw))
