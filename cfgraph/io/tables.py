"""The framework's tables: one definition per CSV file, the source of ``datapackage.json``.

Every framework folder under ``data/`` holds the same tables. Their fields, types, keys and
foreign keys are declared here once; ``python -m cfgraph.io.tables data`` writes each folder's
Frictionless ``datapackage.json`` from these definitions and a test checks the shipped files
still match.

>>> [t.name for t in TABLES][:3]
['framework', 'thematic_areas', 'result_groups']
>>> table("outcomes").primary_key
('id',)
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Field",
    "ForeignKey",
    "TableSpec",
    "TABLES",
    "LINES_PATTERN",
    "table",
    "datapackage_descriptor",
    "write_datapackage",
]

#: Provenance: one or more line numbers or ranges of the source document, e.g. ``230;590-591``.
LINES_PATTERN = r"^[1-9][0-9]*(-[1-9][0-9]*)?(;[1-9][0-9]*(-[1-9][0-9]*)?)*$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
OUTCOME_PATTERN = r"^[0-9]+\.[0-9]+$"
INDICATOR_PATTERN = r"^[0-9]+\.[0-9]+-[0-9]{2}[a-z]?$"

PARTNER_TYPES = (
    "ministry",
    "government-agency",
    "parliament",
    "local-authority",
    "judiciary",
    "ngo-cso",
    "academia",
    "private-sector",
    "ifi-development-partner",
    "un-entity",
    "initiative",
    "media",
    "other",
)
LINK_KINDS = (
    "interlinked",
    "mutually-reinforcing",
    "affects",
    "accelerates",
    "contributes-to",
    "depends-on",
    "complements",
    "synergy",
)
LISTED_IN = ("narrative", "results_matrix")
ROLES = ("global", "crosscutting")
CODE_STATUS = ("ok", "invalid-in-source")


@dataclass(frozen=True)
class Field:
    """One CSV column: name, Frictionless type and constraints."""

    name: str
    type: str = "string"  # string | integer | number | boolean
    required: bool = False
    description: str = ""
    enum: tuple[str, ...] = ()
    pattern: str = ""
    is_list: bool = False  # a ';'-separated list in one cell

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.description:
            out["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            out["constraints"] = constraints
        if self.type == "boolean":
            out["trueValues"] = ["true"]
            out["falseValues"] = ["false"]
        return out


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that must name a row of another table."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]
    is_list: bool = False  # each ';'-separated item must resolve (checked by the loader only)


@dataclass(frozen=True)
class TableSpec:
    """One CSV file of a framework folder."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    required_rows: bool = True
    path: str = field(default="")

    @property
    def filename(self) -> str:
        return self.path or f"{self.name}.csv"

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def descriptor(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [f.descriptor() for f in self.fields],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        fks = [fk for fk in self.foreign_keys if not fk.is_list]
        if fks:
            schema["foreignKeys"] = [
                {
                    "fields": list(fk.fields),
                    "reference": {
                        "resource": "" if fk.resource == self.name else fk.resource.replace("_", "-"),
                        "fields": list(fk.reference),
                    },
                }
                for fk in fks
            ]
        return {
            "name": self.name.replace("_", "-"),
            "path": self.filename,
            "profile": "tabular-data-resource",
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


def _lines(required: bool = True, name: str = "source_lines") -> Field:
    return Field(
        name,
        required=required,
        pattern=LINES_PATTERN,
        description="Line(s) of the source document this row comes from, e.g. '230;590-591'.",
    )


def _fk(cols: str, resource: str, ref: str = "id", is_list: bool = False) -> ForeignKey:
    return ForeignKey(tuple(cols.split(",")), resource, tuple(ref.split(",")), is_list)


_OUTCOME = Field("outcome", required=True, pattern=OUTCOME_PATTERN, description="Outcome id.")
_INDICATOR = Field("indicator", required=True, pattern=INDICATOR_PATTERN, description="Indicator id.")
_SEQ = Field(
    "seq", "integer", required=True, description="Position in the list as the document gives it (1-based)."
)
_RAW = Field("raw", required=True, description="The text exactly as the document writes it.")
_LISTED_IN = Field(
    "listed_in",
    required=True,
    enum=LISTED_IN,
    description="Which list of the document: section 2.4 narrative or Annex 1 results matrix.",
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "framework",
        "Metadata of the Cooperation Framework and its source document (one row).",
        (
            Field("id", required=True, pattern=SLUG_PATTERN),
            Field("title", required=True),
            Field("country", required=True),
            Field("country_iso3", required=True, pattern=r"^[A-Z]{3}$"),
            Field("start_year", "integer", required=True),
            Field("end_year", "integer", required=True),
            Field(
                "source_file", required=True, description="Path of the source text, relative to this folder."
            ),
            Field("source_sha256", required=True, pattern=r"^[0-9a-f]{64}$"),
            Field("source_url"),
            _lines(),
        ),
        ("id",),
    ),
    TableSpec(
        "thematic_areas",
        "Thematic areas (strategic priorities) that group the outcomes.",
        (
            Field("id", required=True, pattern=r"^[0-9]+$"),
            Field("name", required=True),
            Field("pillar", description="The 2030 Agenda pillar(s) the document ties the area to."),
            Field("other_names", is_list=True, description="Other wordings of the name in the document."),
            _lines(),
        ),
        ("id",),
    ),
    TableSpec(
        "result_groups",
        "Result Groups that implement the outcomes.",
        (
            Field("id", required=True, pattern=SLUG_PATTERN),
            Field("name", required=True),
            Field("outcomes", required=True, is_list=True, description="Outcomes the group covers."),
            _lines(),
        ),
        ("id",),
        (_fk("outcomes", "outcomes", is_list=True),),
    ),
    TableSpec(
        "outcomes",
        "Outcomes with the statement of their section 2.4 heading.",
        (
            Field("id", required=True, pattern=OUTCOME_PATTERN),
            Field("thematic_area", required=True),
            Field("result_group", required=True),
            Field("statement", required=True),
            _lines(),
        ),
        ("id",),
        (_fk("thematic_area", "thematic_areas"), _fk("result_group", "result_groups")),
    ),
    TableSpec(
        "outcome_wordings",
        "Other wordings of each outcome statement the document uses.",
        (
            _OUTCOME,
            Field("context", required=True, enum=("outcome_list", "results_matrix")),
            Field("text", required=True),
            _lines(),
        ),
        ("outcome", "context"),
        (_fk("outcome", "outcomes"),),
    ),
    TableSpec(
        "national_priorities",
        "National development priorities each outcome serves (Annex 1).",
        (_OUTCOME, _SEQ, Field("text", required=True), _lines()),
        ("outcome", "seq"),
        (_fk("outcome", "outcomes"),),
    ),
    TableSpec(
        "target_lists",
        "Each outcome's SDG target lists as raw strings, in the narrative and in the matrix.",
        (
            _OUTCOME,
            _LISTED_IN,
            Field("role", required=True, enum=ROLES),
            Field("raw", required=True),
            _lines(),
        ),
        ("outcome", "listed_in", "role"),
        (_fk("outcome", "outcomes"),),
    ),
    TableSpec(
        "outcome_targets",
        "Each SDG target code parsed from a target list, in document order.",
        (
            _OUTCOME,
            _LISTED_IN,
            Field("role", required=True, enum=ROLES),
            _SEQ,
            _RAW,
            Field("code", required=True, pattern=r"^[0-9]+\.[0-9a-z]+(\.[0-9a-z]+)?$"),
            Field(
                "code_status",
                required=True,
                enum=CODE_STATUS,
                description="'invalid-in-source' when the document writes a code that is not an SDG target.",
            ),
            _lines(),
        ),
        ("outcome", "listed_in", "role", "seq"),
        (_fk("outcome,listed_in,role", "target_lists", "outcome,listed_in,role"),),
    ),
    TableSpec(
        "agencies",
        "UN entities, one row per entity; names from the Legal Annex where it gives them.",
        (
            Field("id", required=True, pattern=SLUG_PATTERN),
            Field("label", required=True, description="Short name, e.g. 'UN Women'."),
            Field("name", description="Full name as the document gives it."),
            Field("aliases", is_list=True),
            _lines(),
        ),
        ("id",),
    ),
    TableSpec(
        "outcome_agencies",
        "Contributing UN agencies per outcome (narrative and matrix lists).",
        (_OUTCOME, _LISTED_IN, _SEQ, Field("agency", required=True), _RAW, _lines()),
        ("outcome", "listed_in", "seq"),
        (_fk("outcome", "outcomes"), _fk("agency", "agencies")),
    ),
    TableSpec(
        "lnob_groups",
        "'Leave no one behind' groups, one row per group.",
        (
            Field("id", required=True, pattern=SLUG_PATTERN),
            Field("name", required=True),
            Field("aliases", is_list=True),
            Field("broader", description="A wider group this one belongs to."),
            _lines(),
        ),
        ("id",),
        (_fk("broader", "lnob_groups"),),
    ),
    TableSpec(
        "outcome_lnob_groups",
        "LNOB groups per outcome (narrative and matrix lists).",
        (_OUTCOME, _LISTED_IN, _SEQ, Field("group", required=True), _RAW, _lines()),
        ("outcome", "listed_in", "seq", "group"),
        (_fk("outcome", "outcomes"), _fk("group", "lnob_groups")),
    ),
    TableSpec(
        "partners",
        "National and other partners, one row per organisation.",
        (
            Field("id", required=True, pattern=SLUG_PATTERN),
            Field("name", required=True),
            Field("type", required=True, enum=PARTNER_TYPES),
            Field("aliases", is_list=True),
            Field(
                "generic",
                "boolean",
                required=True,
                description="true for a category ('local NGOs') rather than one organisation.",
            ),
            Field("part_of", description="The partner this one belongs to."),
            Field("note"),
            _lines(),
        ),
        ("id",),
        (_fk("part_of", "partners"),),
    ),
    TableSpec(
        "outcome_partners",
        "Partners each outcome's Partnerships paragraph names.",
        (_OUTCOME, _SEQ, Field("partner", required=True), _RAW, _lines()),
        ("outcome", "seq"),
        (_fk("outcome", "outcomes"), _fk("partner", "partners")),
    ),
    TableSpec(
        "indicators",
        "Annex 1 indicators; sub-indicators have a parent.",
        (
            Field(
                "id",
                required=True,
                pattern=INDICATOR_PATTERN,
                description="'<outcome>-<nn>' in matrix order; sub-indicators add a letter.",
            ),
            _OUTCOME,
            Field("parent", pattern=INDICATOR_PATTERN),
            Field(
                "code",
                description="The SDG indicator code as the document writes it, normalised (e.g. '1.3.1').",
            ),
            Field("code_tag", enum=("G", "N"), description="(G) global or (N) national indicator."),
            Field("code_raw", description="The code and tag exactly as written."),
            Field("name", required=True),
            Field("baseline_raw"),
            Field("baseline_value", "number"),
            Field("baseline_unit"),
            Field("baseline_year", "integer"),
            Field("target_raw"),
            Field("target_comparator", enum=("<", "<=", ">", ">=")),
            Field("target_value", "number"),
            Field("target_unit"),
            Field("target_year", "integer"),
            Field("data_source", description="Source of data as written (agency part excluded)."),
            Field("note"),
            _lines(),
        ),
        ("id",),
        (_fk("outcome", "outcomes"), _fk("parent", "indicators")),
    ),
    TableSpec(
        "indicator_sdg_links",
        "Global SDG indicators an indicator is explicitly linked to ('link to …').",
        (
            _INDICATOR,
            _SEQ,
            Field("sdg_indicator", required=True),
            _RAW,
            Field("code_status", required=True, enum=CODE_STATUS),
            _lines(),
        ),
        ("indicator", "seq"),
        (_fk("indicator", "indicators"),),
        required_rows=False,
    ),
    TableSpec(
        "indicator_agencies",
        "UN agencies responsible for each indicator.",
        (_INDICATOR, _SEQ, Field("agency", required=True), _RAW, _lines()),
        ("indicator", "seq"),
        (_fk("indicator", "indicators"), _fk("agency", "agencies")),
    ),
    TableSpec(
        "indicator_partners",
        "Partners named for each indicator (Annex 1 partners column).",
        (_INDICATOR, _SEQ, Field("partner", required=True), _RAW, _lines()),
        ("indicator", "seq"),
        (_fk("indicator", "indicators"), _fk("partner", "partners")),
    ),
    TableSpec(
        "outcome_links",
        "Links between outcomes that the text states, with the quote.",
        (
            Field("id", required=True, pattern=r"^OL[0-9]{2}$"),
            Field("source", required=True),
            Field("target", required=True),
            Field("kind", required=True, enum=LINK_KINDS),
            Field("via_targets", is_list=True, description="SDG targets the text names as the channel."),
            Field(
                "stated_as",
                required=True,
                enum=("named", "all-others"),
                description="'all-others' when the text says 'other outcomes'.",
            ),
            Field("quote", required=True),
            Field("note"),
            _lines(),
        ),
        ("id",),
        (_fk("source", "outcomes"), _fk("target", "outcomes")),
        required_rows=False,
    ),
    TableSpec(
        "target_links",
        "Target-to-target interlinkages of section 2.3, with the quote.",
        (
            Field("id", required=True, pattern=r"^TL[0-9]{2}$"),
            Field("kind", required=True, enum=LINK_KINDS),
            Field("sources", required=True, is_list=True),
            Field("targets", required=True, is_list=True),
            Field("symmetric", "boolean", required=True),
            Field("quote", required=True),
            Field("note"),
            _lines(),
        ),
        ("id",),
        required_rows=False,
    ),
    TableSpec(
        "inconsistencies",
        "Contradictions in the source that a reader found and the data keeps as written.",
        (
            Field("id", required=True, pattern=r"^IC[0-9]{2}$"),
            Field("kind", required=True),
            Field("message", required=True),
            Field("subjects", required=True, is_list=True),
            _lines(),
        ),
        ("id",),
        required_rows=False,
    ),
)

_BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> TableSpec:
    """Return the definition of one table by name."""
    return _BY_NAME[name]


def datapackage_descriptor(framework_id: str, title: str) -> dict[str, Any]:
    """The Frictionless Data Package descriptor for one framework folder."""
    return {
        "profile": "tabular-data-package",
        "name": framework_id,
        "title": title,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": [t.descriptor() for t in TABLES],
    }


def write_datapackage(folder: Path) -> Path:
    """Write ``datapackage.json`` for the framework in *folder* (reads id/title from framework.csv)."""
    import csv

    with (folder / "framework.csv").open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    text = json.dumps(datapackage_descriptor(row["id"], row["title"]), indent=2, ensure_ascii=False)
    out = folder / "datapackage.json"
    out.write_text(text + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "data")
    for fw in sorted(p.parent for p in root.glob("*/framework.csv")):
        print(write_datapackage(fw))
