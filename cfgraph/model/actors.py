"""Tables of who is involved: UN agencies, LNOB groups and partners, and the outcomes that name them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from cfgraph.model.columns import (
    ListedInColumn,
    Locator,
    OutcomeEnd,
    Raw,
    ReviewNote,
    ReviewStatus,
    Seq,
    SourceId,
    SourceLines,
)
from cfgraph.model.schema import SLUG_PATTERN, col, table
from cfgraph.vocabulary import PARTNER_TYPES

__all__ = ["Agency", "OutcomeAgency", "LnobGroup", "OutcomeLnobGroup", "Partner", "OutcomePartner"]

_ID = col(pattern=SLUG_PATTERN, rdf="dcterms:identifier")
_ALIASES = col(rdf="skos:altLabel")


@table(
    "agencies",
    "UN entities, one row per entity, named as the framework names them.",
    kind="agency",
    rdf_class=("cfg:UnAgency",),
)
@dataclass(frozen=True, kw_only=True)
class Agency:
    id: Annotated[str, _ID]
    label: Annotated[
        str, col("Short name, e.g. 'UN Women'.", verbatim="aliases", rdf="skos:prefLabel", lpg="name")
    ]
    name: Annotated[
        str | None,
        col("Full name (the cited lines name the agency by it, its label or an alias).",
            verbatim=("label", "aliases"), rdf="cfg:fullName", lpg="full_name"),
    ] = None
    aliases: Annotated[tuple[str, ...], _ALIASES] = ()
    un_entity: Annotated[
        str | None,
        col(
            "The entity of the UN entity registry (data/un-entities) this agency is, by its id, e.g. 'undp'.",
            pattern=SLUG_PATTERN,
            relation="is-un-entity",
            rdf="cfg:unEntity",
            codec="un-entity",
        ),
    ] = None
    local: Annotated[
        bool | None,
        col("true for an entity of this framework only, which no registry holds (un_entity stays empty).",
            rdf="cfg:localEntity"),
    ] = None  # fmt: skip
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "outcome_agencies",
    "Contributing UN agencies per outcome (narrative and matrix lists).",
    key=("outcome", "listed_in", "seq"),
    relation="contributes",
    ends=("agency", "outcome"),
    iri=("outcome", "{outcome}", "agency", "{listed_in}", "{seq}"),
    rdf_class=("cfg:AgencyContribution",),
)
@dataclass(frozen=True, kw_only=True)
class OutcomeAgency:
    outcome: OutcomeEnd
    listed_in: ListedInColumn
    seq: Seq
    agency: Annotated[str, col(ref="agencies", rdf="cfg:agency", lpg=False)]
    raw: Raw
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "lnob_groups",
    "'Leave no one behind' groups, one row per group.",
    kind="lnob-group",
    rdf_class=("cfg:LnobGroup",),
)
@dataclass(frozen=True, kw_only=True)
class LnobGroup:
    id: Annotated[str, _ID]
    name: Annotated[str, col(verbatim="aliases", rdf="skos:prefLabel")]
    aliases: Annotated[tuple[str, ...], _ALIASES] = ()
    broader: Annotated[
        str | None,
        col("A wider group this one belongs to.", ref="lnob_groups", relation="broader", rdf="skos:broader",
            lpg=False),
    ] = None  # fmt: skip
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "outcome_lnob_groups",
    "LNOB groups per outcome (narrative and matrix lists).",
    key=("outcome", "listed_in", "seq", "group"),
    relation="names-lnob-group",
    ends=("outcome", "group"),
    iri=("outcome", "{outcome}", "lnob-group", "{listed_in}", "{seq}", "{group}"),
    rdf_class=("cfg:LnobReference",),
)
@dataclass(frozen=True, kw_only=True)
class OutcomeLnobGroup:
    outcome: OutcomeEnd
    listed_in: ListedInColumn
    seq: Seq
    group: Annotated[str, col(ref="lnob_groups", rdf="cfg:lnobGroup", lpg=False)]
    raw: Raw
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "partners",
    "National and other partners, one row per organisation.",
    kind="partner",
    rdf_class=("cfg:Partner",),
)
@dataclass(frozen=True, kw_only=True)
class Partner:
    id: Annotated[str, _ID]
    name: Annotated[str, col(verbatim="aliases", rdf="skos:prefLabel")]
    type: Annotated[str, col(enum=tuple(PARTNER_TYPES), rdf="cfg:partnerType", codec="partner-type")]
    aliases: Annotated[tuple[str, ...], _ALIASES] = ()
    generic: Annotated[
        bool,
        col(
            "true for a category ('local NGOs') rather than one organisation (false when blank).",
            required=False,
            blank=False,
            rdf="cfg:generic",
        ),
    ] = False
    part_of: Annotated[
        str | None,
        col(
            "The partner this one belongs to.",
            ref="partners",
            relation="part-of",
            rdf="org:subOrganizationOf",
        ),
    ] = None
    same_as: Annotated[
        str | None,
        col(
            "Another partner id that the notes show is the same body under another name; every count, "
            "map and matrix treats the two as one actor.",
            ref="partners",
            relation="same-as",
            rdf="cfg:sameBodyAs",
        ),
    ] = None
    note: Annotated[str | None, col(rdf="skos:note", json=False)] = None
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "outcome_partners",
    "Partners each outcome's partnerships text names.",
    key=("outcome", "seq"),
    relation="names-partner",
    ends=("outcome", "partner"),
    iri=("outcome", "{outcome}", "partner", "{seq}"),
    rdf_class=("cfg:OutcomePartnership",),
)
@dataclass(frozen=True, kw_only=True)
class OutcomePartner:
    outcome: OutcomeEnd
    seq: Seq
    partner: Annotated[str, col(ref="partners", rdf="cfg:partner", lpg=False)]
    raw: Raw
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None
