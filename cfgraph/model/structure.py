"""Tables of the framework's structure: its metadata, thematic areas, result groups, outcomes,
their other wordings and the national priorities they serve."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from cfgraph.model.columns import (
    OUTCOME_PATTERN,
    Locator,
    OutcomeRef,
    ReviewNote,
    ReviewStatus,
    Seq,
    SourceId,
    SourceLines,
)
from cfgraph.model.schema import ID_PATTERN, SHA256_PATTERN, SLUG_PATTERN, col, table
from cfgraph.vocabulary import PROVENANCE_POLICIES

__all__ = ["FrameworkInfo", "ThematicArea", "ResultGroup", "Outcome", "OutcomeWording", "NationalPriority"]

_SOURCE = {"cfg:sourceDocument": ("source", ("cfg:SourceDocument",))}


@table(
    "framework",
    "Metadata of the Cooperation Framework (one row); a single source document may be named here.",
    kind="framework",
    required_rows=True,
    optional=False,
    rdf_class=("cfg:CooperationFramework",),
    rdf_nodes=_SOURCE,
)
@dataclass(frozen=True, kw_only=True)
class FrameworkInfo:
    id: Annotated[str, col(pattern=SLUG_PATTERN, rdf="dcterms:identifier")]
    title: Annotated[str, col(rdf="dcterms:title", lpg="name")]
    country: Annotated[str, col(rdf="cfg:country")]
    country_iso3: Annotated[str, col(pattern=r"^[A-Z]{3}$", rdf="cfg:countryIso3")]
    start_year: Annotated[int, col(rdf="cfg:startYear")]
    end_year: Annotated[int, col(rdf="cfg:endYear")]
    provenance: Annotated[
        str,
        col(
            "How facts must trace to the sources: verbatim (the default, when blank), cited or none.",
            enum=PROVENANCE_POLICIES,
            required=False,
            blank="verbatim",
            rdf="cfg:provenancePolicy",
        ),
    ] = "verbatim"
    source_file: Annotated[
        str | None,
        col(
            "Path of the one source text, relative to this folder (or list sources in sources.csv).",
            rdf="cfg:sourceDocument/dcterms:identifier",
            json=False,
        ),
    ] = None
    source_sha256: Annotated[
        str | None, col(pattern=SHA256_PATTERN, rdf="cfg:sourceDocument/cfg:sha256")
    ] = None
    source_url: Annotated[
        str | None, col(rdf="cfg:sourceDocument/dcterms:source", codec="iri", json=False)
    ] = None
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None


@table(
    "thematic_areas",
    "Strategic priorities (thematic areas, result areas) that group the outcomes.",
    kind="thematic-area",
    rdf_class=("cfg:ThematicArea",),
)
@dataclass(frozen=True, kw_only=True)
class ThematicArea:
    id: Annotated[str, col(pattern=ID_PATTERN, rdf="dcterms:identifier")]
    name: Annotated[str, col(verbatim="other_names", rdf="skos:prefLabel")]
    pillar: Annotated[
        str | None, col("The 2030 Agenda pillar(s) the document ties the area to.", rdf="cfg:pillar")
    ] = None
    other_names: Annotated[
        tuple[str, ...], col("Other wordings of the name in the document.", rdf="skos:altLabel")
    ] = ()
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "result_groups",
    "Result Groups that implement the outcomes.",
    kind="result-group",
    rdf_class=("cfg:ResultGroup",),
)
@dataclass(frozen=True, kw_only=True)
class ResultGroup:
    id: Annotated[str, col(pattern=SLUG_PATTERN, rdf="dcterms:identifier")]
    name: Annotated[str, col(verbatim=True, rdf="skos:prefLabel")]
    outcomes: Annotated[
        tuple[str, ...],
        col("Outcomes the group covers.", required=True, ref="outcomes", rdf="cfg:coordinates", lpg=False),
    ]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "outcomes",
    "Outcomes with their statements.",
    kind="outcome",
    required_rows=True,
    optional=False,
    rdf_class=("cfg:Outcome",),
    lpg_first=("name", "statement"),
)
@dataclass(frozen=True, kw_only=True)
class Outcome:
    id: Annotated[str, col(pattern=OUTCOME_PATTERN, rdf="dcterms:identifier")]
    thematic_area: Annotated[
        str | None, col(ref="thematic_areas", relation="in-thematic-area", rdf="cfg:thematicArea")
    ] = None
    result_group: Annotated[
        str | None, col(ref="result_groups", relation="in-result-group", rdf="cfg:resultGroup")
    ] = None
    statement: Annotated[str, col(verbatim=True, rdf="cfg:statement")]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "outcome_wordings",
    "Other wordings of each outcome statement the document uses.",
    key=("outcome", "context"),
    iri=("outcome", "{outcome}", "wording", "{context}"),
    rdf_class=("cfg:OutcomeWording",),
)
@dataclass(frozen=True, kw_only=True)
class OutcomeWording:
    outcome: OutcomeRef
    context: Annotated[str, col(enum=("outcome_list", "results_matrix"), rdf="cfg:context")]
    text: Annotated[str, col(verbatim=True, rdf="cfg:text")]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "national_priorities",
    "National development priorities each outcome serves.",
    key=("outcome", "seq"),
    iri=("outcome", "{outcome}", "national-priority", "{seq}"),
    rdf_class=("cfg:NationalPriority",),
)
@dataclass(frozen=True, kw_only=True)
class NationalPriority:
    outcome: OutcomeRef
    seq: Seq
    text: Annotated[str, col(verbatim=True, rdf="cfg:text")]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None
