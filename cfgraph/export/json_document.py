"""The whole framework as one JSON document, described by ``cfgraph/schemas/framework.schema.json``.

>>> import cfgraph, json
>>> doc = framework_document(cfgraph.load(cfgraph.MINI))
>>> doc["outcomes"][0]["targets"][0]
{'code': '6.1', 'role': 'global', 'listed_in': ['narrative', 'results_matrix'], 'valid': True}
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from cfgraph.consistency import find_inconsistencies
from cfgraph.model import Framework, Indicator, parse_lines

__all__ = ["framework_document", "export_json", "schema"]

SCHEMA_VERSION = "1.0"


def _first_line(cell: str) -> int:
    return parse_lines(cell)[0]


def _targets(fw: Framework, outcome: str) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for t in fw.targets_of(outcome):
        entry = merged.setdefault(
            (t.code, t.role), {"code": t.code, "role": t.role, "listed_in": [], "valid": t.valid}
        )
        if t.listed_in not in entry["listed_in"]:
            entry["listed_in"].append(t.listed_in)
    return list(merged.values())


def _measure(raw: str | None, value: float | None, year: int | None, unit: str | None) -> dict[str, Any]:
    return {"raw": raw, "value": value, "unit": unit, "year": year}


def _indicator(fw: Framework, i: Indicator) -> dict[str, Any]:
    target = _measure(i.target_raw, i.target_value, i.target_year, i.target_unit)
    target["comparator"] = i.target_comparator
    return {
        "id": i.id,
        "outcome": i.outcome,
        "parent": i.parent,
        "code": i.code,
        "code_tag": i.code_tag,
        "name": i.name,
        "sdg_indicators": fw.sdg_indicators_of(i),
        "baseline": _measure(i.baseline_raw, i.baseline_value, i.baseline_year, i.baseline_unit),
        "target": target,
        "data_source": i.data_source,
        "responsible_agencies": fw.responsible_agencies(i.id),
        "partners": fw.indicator_partner_ids(i.id),
        "note": i.note,
        "source_line": _first_line(i.source_lines),
        "source_lines": i.source_lines,
    }


def framework_document(fw: Framework) -> dict[str, Any]:
    """Build the JSON-ready document (plain dicts and lists, deterministic order)."""
    info = fw.info
    return {
        "schema_version": SCHEMA_VERSION,
        "framework": {
            "id": info.id,
            "title": info.title,
            "country": info.country,
            "country_iso3": info.country_iso3,
            "start_year": info.start_year,
            "end_year": info.end_year,
            "source_sha256": info.source_sha256,
        },
        "thematic_areas": [
            {
                "id": t.id,
                "name": t.name,
                "pillar": t.pillar,
                "other_names": list(t.other_names),
                "outcomes": [o.id for o in fw.outcomes if o.thematic_area == t.id],
            }
            for t in fw.thematic_areas
        ],
        "result_groups": [
            {"id": r.id, "name": r.name, "outcomes": list(r.outcomes)} for r in fw.result_groups
        ],
        "outcomes": [
            {
                "id": o.id,
                "statement": o.statement,
                "thematic_area": o.thematic_area,
                "result_group": o.result_group,
                "other_wordings": [w.text for w in fw.outcome_wordings if w.outcome == o.id],
                "national_priorities": [n.text for n in fw.national_priorities if n.outcome == o.id],
                "targets": _targets(fw, o.id),
                "agencies": fw.agencies_of(o.id),
                "lnob_groups": fw.lnob_groups_of(o.id),
                "partners": fw.partners_of(o.id),
                "source_line": _first_line(o.source_lines),
            }
            for o in fw.outcomes
        ],
        "indicators": [_indicator(fw, i) for i in fw.indicators],
        "agencies": [
            {"id": a.id, "label": a.label, "name": a.name, "aliases": list(a.aliases)} for a in fw.agencies
        ],
        "partners": [
            {
                "id": p.id,
                "name": p.name,
                "type": p.type,
                "aliases": list(p.aliases),
                "generic": p.generic,
                "part_of": p.part_of,
            }
            for p in fw.partners
        ],
        "lnob_groups": [
            {"id": g.id, "name": g.name, "aliases": list(g.aliases), "broader": g.broader}
            for g in fw.lnob_groups
        ],
        "outcome_links": [
            {
                "id": link.id,
                "source": link.source,
                "target": link.target,
                "kind": link.kind,
                "via_targets": list(link.via_targets),
                "stated_as": link.stated_as,
                "quote": link.quote,
                "source_line": _first_line(link.source_lines),
            }
            for link in fw.outcome_links
        ],
        "target_links": [
            {
                "id": link.id,
                "source": s,
                "target": t,
                "kind": link.kind,
                "symmetric": link.symmetric,
                "quote": link.quote,
                "source_line": _first_line(link.source_lines),
            }
            for link in fw.target_links
            for s, t in link.pairs()
        ],
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
    }


def export_json(fw: Framework) -> str:
    """The document as UTF-8 JSON text, keys in a fixed order, ending with a newline."""
    return json.dumps(framework_document(fw), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema the document follows."""
    text = resources.files("cfgraph").joinpath("schemas/framework.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
