"""The whole framework as one JSON document, and its JSON Schema, both from the declarations.

Each entity becomes an object of the columns its table keeps for JSON (:func:`cfgraph.model.col`
``json``; a dotted name such as ``baseline.raw`` nests), followed by what the document composes
from other tables (an outcome's targets, agencies and groups; an indicator's SDG indicators,
responsible agencies and partners). :func:`schema` is generated the same way, so a field added
to a table reaches the document and its schema without touching this module.

>>> import cfgraph, json
>>> doc = framework_document(cfgraph.load(cfgraph.MINI))
>>> doc["outcomes"][0]["targets"][0]
{'code': '6.1', 'role': 'global', 'listed_in': ['narrative', 'results_matrix'], 'valid': True}
>>> sorted(schema()["properties"]["partners"]["items"]["properties"])[:3]
['aliases', 'generic', 'id']
"""

from __future__ import annotations

import json
from typing import Any

from cfgraph.consistency import find_inconsistencies
from cfgraph.model import Framework, Indicator, TableSpec, parse_lines, table_spec
from cfgraph.model.schema import Column
from cfgraph.vocabulary import ROLES, TARGET_SOURCES

__all__ = ["framework_document", "export_json", "schema", "SCHEMA_VERSION"]

SCHEMA_VERSION = "1.0"

#: Top-level sections: JSON key -> table (``None``: composed here, not one table's rows).
_SECTIONS: dict[str, str | None] = {
    "framework": "framework",
    "sources": "sources",
    "thematic_areas": "thematic_areas",
    "result_groups": "result_groups",
    "outcomes": "outcomes",
    "outputs": "outputs",
    "indicators": "indicators",
    "agencies": "agencies",
    "partners": "partners",
    "lnob_groups": "lnob_groups",
    "outcome_links": "outcome_links",
    "target_links": "target_links",
    "inconsistencies": None,
    "reviews": "reviews",
}


#: Sections of optional tables, left out when the framework has no such table.
_OPTIONAL_SECTIONS = ("sources", "outputs")


def _columns(spec: TableSpec, layout: dict[str, tuple[str, ...]] | None = None) -> list[Column]:
    """The columns the JSON keeps, ``id`` first, then the table's ``lpg_first`` ones. With a
    framework's *layout*, an optional column its file did not have is left out."""
    has = (layout or {}).get(spec.name)
    kept = [
        c for c in spec.columns if c.json_name() is not None and (has is None or c.required or c.name in has)
    ]
    first = [c for name in ("id", *spec.lpg_first) for c in kept if c.name == name]
    return first + [c for c in kept if c not in first]


def _entity(spec: TableSpec, row: Any, layout: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in _columns(spec, layout):
        value = getattr(row, column.name)
        value = list(value) if isinstance(value, tuple) else value
        outer, _, inner = str(column.json_name()).partition(".")
        if inner:
            out.setdefault(outer, {})[inner] = value
        else:
            out[outer] = value
    return out


def _insert_after(d: dict[str, Any], after: str, items: dict[str, Any]) -> dict[str, Any]:
    """*d* with *items* placed right after the key *after* (at the end if it is absent)."""
    if after not in d:
        return {**d, **items}
    out: dict[str, Any] = {}
    for k, v in d.items():
        out[k] = v
        if k == after:
            out.update(items)
    return out


def _first_line(cell: str) -> int | None:
    lines = parse_lines(cell)
    return lines[0] if lines else None


def _targets(fw: Framework, outcome: str) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for t in fw.targets_of(outcome):
        entry = merged.setdefault(
            (t.code, t.role), {"code": t.code, "role": t.role, "listed_in": [], "valid": t.valid}
        )
        if t.listed_in not in entry["listed_in"]:
            entry["listed_in"].append(t.listed_in)
    return list(merged.values())


def _outcome(fw: Framework, o: Any) -> dict[str, Any]:
    return {
        **_entity(table_spec("outcomes"), o, fw.layout),
        "other_wordings": [w.text for w in fw.outcome_wordings if w.outcome == o.id],
        "national_priorities": [n.text for n in fw.national_priorities if n.outcome == o.id],
        "targets": _targets(fw, o.id),
        "agencies": fw.agencies_of(o.id),
        "lnob_groups": fw.lnob_groups_of(o.id),
        "partners": fw.partners_of(o.id),
        "source_line": _first_line(o.source_lines),
    }


def _indicator(fw: Framework, i: Indicator) -> dict[str, Any]:
    d = _entity(table_spec("indicators"), i, fw.layout)
    d = _insert_after(d, "name", {"sdg_indicators": fw.sdg_indicators_of(i)})
    d = _insert_after(
        d,
        "data_source",
        {"responsible_agencies": fw.responsible_agencies(i.id), "partners": fw.indicator_partner_ids(i.id)},
    )
    return _insert_after(d, "note", {"source_line": _first_line(i.source_lines)})


def _target_links(fw: Framework) -> list[dict[str, Any]]:
    spec = table_spec("target_links")
    found = []
    for link in fw.target_links:
        d = _entity(spec, link, fw.layout)
        for s, t in link.pairs():
            pair = _insert_after(d, "id", {"source": s, "target": t})
            found.append({**pair, "source_line": _first_line(link.source_lines)})
    return found


def _output(fw: Framework, out: Any) -> dict[str, Any]:
    return {
        **_entity(table_spec("outputs"), out, fw.layout),
        "agencies": [a.agency for a in fw.output_agencies if a.output == out.id],
        "partners": [p.partner for p in fw.output_partners if p.output == out.id],
    }


def framework_document(fw: Framework) -> dict[str, Any]:
    """Build the JSON-ready document (plain dicts and lists, deterministic order)."""
    lay = fw.layout

    def entities(table: str) -> list[dict[str, Any]]:
        return [_entity(table_spec(table), r, lay) for r in getattr(fw, table)]

    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "framework": _entity(table_spec("framework"), fw.info, lay),
        "sources": entities("sources"),
        "thematic_areas": [
            {**_entity(table_spec("thematic_areas"), t, lay),
             "outcomes": [o.id for o in fw.outcomes if o.thematic_area == t.id]}
            for t in fw.thematic_areas
        ],
        "result_groups": entities("result_groups"),
        "outcomes": [_outcome(fw, o) for o in fw.outcomes],
        "outputs": [_output(fw, o) for o in fw.outputs],
        "indicators": [_indicator(fw, i) for i in fw.indicators],
        "agencies": entities("agencies"),
        "partners": entities("partners"),
        "lnob_groups": entities("lnob_groups"),
        "outcome_links": [
            {**_entity(table_spec("outcome_links"), link, lay), "source_line": _first_line(link.source_lines)}
            for link in fw.outcome_links
        ],
        "target_links": _target_links(fw),
        "inconsistencies": [
            {
                "id": i.id,
                "kind": i.kind,
                "message": i.message,
                "subjects": list(i.subjects),
                "source_lines": list(i.source_lines),
            }
            for i in find_inconsistencies(fw)
        ],
        "reviews": [_entity(table_spec("reviews"), r, lay) for r in fw.reviews],
    }  # fmt: skip
    for section in _OPTIONAL_SECTIONS:
        if not doc[section] and lay and section not in lay:
            del doc[section]
    return doc


def export_json(fw: Framework) -> str:
    """The document as UTF-8 JSON text, keys in a fixed order, ending with a newline."""
    return json.dumps(framework_document(fw), indent=2, ensure_ascii=False) + "\n"


# -- the JSON Schema, from the same declarations -------------------------------------------------
_JSON_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
_LINE = {"type": "integer", "minimum": 1}
_LINE_OR_NULL = {"type": ["integer", "null"], "minimum": 1}
_IDS = {"type": "array", "items": {"type": "string"}}
_TEXTS = _IDS


def _column_schema(column: Column) -> dict[str, Any]:
    item: dict[str, Any] = {"type": _JSON_TYPES[column.type]}
    if column.enum:
        item["enum"] = list(column.enum)
    if column.pattern:
        item["pattern"] = column.pattern
    for bound in ("minimum", "maximum"):
        if getattr(column, bound) is not None:
            item[bound] = getattr(column, bound)
    if column.is_list:
        return {"type": "array", "items": item}
    if not column.required:
        item["type"] = [item["type"], "null"]
        if "enum" in item:
            item["enum"] = [*item["enum"], None]
    return item


def _object(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [p for p in properties if p not in optional],
        "properties": properties,
    }


def _entity_schema(spec: TableSpec, extras: dict[str, Any] | None = None) -> dict[str, Any]:
    """An entity's object: its columns (an optional column may be absent: the framework's file
    did not have it) and the composed *extras*."""
    props: dict[str, Any] = {}
    optional: list[str] = []
    for column in _columns(spec):
        outer, _, inner = str(column.json_name()).partition(".")
        if inner:
            props.setdefault(outer, _object({}))["properties"][inner] = _column_schema(column)
            if column.required:
                props[outer]["required"].append(inner)
        else:
            props[outer] = _column_schema(column)
            if not column.required:
                optional.append(outer)
    return _object({**props, **(extras or {})}, tuple(optional))


def _array(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) the document follows, generated from the declarations."""
    target_entry = _object(
        {
            "code": {"type": "string"},
            "role": {"enum": list(ROLES)},
            "listed_in": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"enum": list(TARGET_SOURCES)},
            },
            "valid": {"type": "boolean"},
        }
    )
    extras: dict[str, dict[str, Any]] = {
        "thematic_areas": {"outcomes": _IDS},
        "outcomes": {
            "other_wordings": _TEXTS,
            "national_priorities": _TEXTS,
            "targets": _array(target_entry),
            "agencies": _IDS,
            "lnob_groups": _IDS,
            "partners": _IDS,
            "source_line": _LINE_OR_NULL,
        },
        "indicators": {
            "sdg_indicators": _IDS,
            "responsible_agencies": _IDS,
            "partners": _IDS,
            "source_line": _LINE_OR_NULL,
        },
        "outcome_links": {"source_line": _LINE},
    }
    properties: dict[str, Any] = {"schema_version": {"const": SCHEMA_VERSION}}
    for section, table in _SECTIONS.items():
        if table is None:
            continue
        item = _entity_schema(table_spec(table), extras.get(section))
        properties[section] = item if section == "framework" else _array(item)
    links = properties["target_links"]["items"]["properties"]
    optional = tuple(
        properties["target_links"]["items"]["properties"].keys()
        - set(properties["target_links"]["items"]["required"])
    )
    properties["target_links"]["items"] = _object(
        {"id": links.pop("id"), "source": {"type": "string"}, "target": {"type": "string"}, **links,
         "source_line": _LINE_OR_NULL}, optional
    )  # fmt: skip
    properties["inconsistencies"] = _array(
        _object(
            {
                "id": {"type": "string"},
                "kind": {"type": "string"},
                "message": {"type": "string"},
                "subjects": _IDS,
                "source_lines": {"type": "array", "items": _LINE},
            }
        )
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://w3id.org/cfgraph/schemas/framework.schema.json",
        "title": "cfgraph framework document",
        "description": "One UN Cooperation Framework as exported by `cfgraph export --format json`.",
        **_object(properties, _OPTIONAL_SECTIONS),
    }


def schema_text() -> str:
    """The schema as the text of ``cfgraph/schemas/framework.schema.json`` (kept in step by a test)."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
