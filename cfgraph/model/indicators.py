"""Tables of the results matrix: indicators with their baseline and target, the SDG indicators
they link to, and the agencies and partners named for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from cfgraph.model.columns import (
    INDICATOR_PATTERN,
    OUTCOME_PATTERN,
    IndicatorEnd,
    Locator,
    Note,
    Raw,
    ReviewNote,
    ReviewStatus,
    Seq,
    SourceId,
    SourceLines,
    source_lines,
)
from cfgraph.model.schema import ID_PATTERN, col, table
from cfgraph.vocabulary import CODE_STATUSES

__all__ = ["Indicator", "IndicatorSdgLink", "IndicatorAgency", "IndicatorPartner", "measure"]


def measure(raw: str | None, year: int | None, missing: str = "") -> str:
    """A baseline or target as shown: the text as written, with its year when the text does not
    already give it.

    >>> measure("78% (2025)", 2025), measure("78%", 2025), measure(None, None, "—")
    ('78% (2025)', '78% (2025)', '—')
    """
    if not raw:
        return f"{missing} ({year})".strip() if year and missing else missing
    return raw if not year or str(year) in raw else f"{raw} ({year})"

_BASE, _TARGET = "cfg:baselineObservation", "cfg:targetObservation"
_OBSERVATIONS = {
    _BASE: ("baseline", ("qb:Observation", "cfg:BaselineObservation")),
    _TARGET: ("target", ("qb:Observation", "cfg:TargetObservation")),
}


def _raw(node: str, json: str) -> object:
    return col(verbatim=True, rdf=f"{node}/cfg:rawText", json=json)


@table(
    "indicators",
    "Indicators of the results matrix; sub-indicators have a parent.",
    kind="indicator",
    rdf_class=("cfg:Indicator",),
    rdf_nodes=_OBSERVATIONS,
)
@dataclass(frozen=True, kw_only=True)
class Indicator:
    id: Annotated[
        str,
        col(
            "The indicator's id (e.g. the framework's own numbering; sub-indicators may add a letter).",
            pattern=INDICATOR_PATTERN,
            rdf="dcterms:identifier",
        ),
    ]
    outcome: Annotated[
        str,
        col(
            "Outcome id (blank for an output's indicator: the output's outcome).",
            pattern=OUTCOME_PATTERN,
            required=False,
            blank="",
            ref="outcomes",
            relation="has-indicator",
            rdf="cfg:outcome",
        ),
    ] = ""
    output: Annotated[
        str | None,
        col("The output the indicator measures, if any.", pattern=ID_PATTERN, ref="outputs",
            relation="output-has-indicator", rdf="cfg:output"),
    ] = None  # fmt: skip
    parent: Annotated[
        str | None,
        col(
            pattern=INDICATOR_PATTERN, ref="indicators", relation="sub-indicator-of", rdf="cfg:subIndicatorOf"
        ),
    ] = None
    code: Annotated[
        str | None,
        col("The SDG indicator code as the document writes it, normalised (e.g. '1.3.1').", rdf="cfg:code"),
    ] = None
    code_tag: Annotated[
        str | None, col("(G) global or (N) national indicator.", enum=("G", "N"), rdf="cfg:codeTag")
    ] = None
    code_raw: Annotated[
        str | None, col("The code and tag exactly as written.", verbatim=True, rdf="cfg:codeRaw", json=False)
    ] = None
    name: Annotated[str, col(verbatim=True, rdf="skos:prefLabel")]
    baseline_raw: Annotated[str | None, _raw(_BASE, "baseline.raw")] = None
    baseline_value: Annotated[
        float | None, col(rdf=f"{_BASE}/sdmx-measure:obsValue", codec="decimal", json="baseline.value")
    ] = None
    baseline_unit: Annotated[str | None, col(rdf=f"{_BASE}/cfg:unit", json="baseline.unit")] = None
    baseline_year: Annotated[
        int | None, col(rdf=f"{_BASE}/sdmx-dimension:refPeriod", codec="gyear", json="baseline.year")
    ] = None
    target_raw: Annotated[str | None, _raw(_TARGET, "target.raw")] = None
    target_comparator: Annotated[
        str | None,
        col(enum=("<", "<=", ">", ">="), rdf=f"{_TARGET}/cfg:comparator", json="target.comparator"),
    ] = None
    target_value: Annotated[
        float | None, col(rdf=f"{_TARGET}/sdmx-measure:obsValue", codec="decimal", json="target.value")
    ] = None
    target_unit: Annotated[str | None, col(rdf=f"{_TARGET}/cfg:unit", json="target.unit")] = None
    target_year: Annotated[
        int | None, col(rdf=f"{_TARGET}/sdmx-dimension:refPeriod", codec="gyear", json="target.year")
    ] = None
    data_source: Annotated[
        str | None, col("Source of data as written (agency part excluded).", rdf="cfg:dataSource")
    ] = None
    note: Note = None
    source_lines: Annotated[str, source_lines(json=True)] = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "indicator_sdg_links",
    "Global SDG indicators an indicator is explicitly linked to ('link to …').",
    key=("indicator", "seq"),
    iri=("indicator", "{indicator}", "sdg-link", "{seq}"),
    rdf_class=("cfg:SdgIndicatorReference",),
)
@dataclass(frozen=True, kw_only=True)
class IndicatorSdgLink:
    indicator: IndicatorEnd
    seq: Seq
    sdg_indicator: Annotated[str, col(rdf="cfg:code")]
    raw: Raw
    code_status: Annotated[str, col(enum=CODE_STATUSES, rdf="cfg:codeStatus")]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "indicator_agencies",
    "UN agencies responsible for each indicator.",
    key=("indicator", "seq"),
    relation="responsible-for",
    ends=("agency", "indicator"),
    iri=("indicator", "{indicator}", "agency", "{seq}"),
    rdf_class=("cfg:IndicatorResponsibility",),
)
@dataclass(frozen=True, kw_only=True)
class IndicatorAgency:
    indicator: IndicatorEnd
    seq: Seq
    agency: Annotated[str, col(ref="agencies", rdf="cfg:agency", lpg=False)]
    raw: Raw
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "indicator_partners",
    "Partners the results matrix names for each indicator.",
    key=("indicator", "seq"),
    relation="involves-partner",
    ends=("indicator", "partner"),
    iri=("indicator", "{indicator}", "partner", "{seq}"),
    rdf_class=("cfg:IndicatorPartnership",),
)
@dataclass(frozen=True, kw_only=True)
class IndicatorPartner:
    indicator: IndicatorEnd
    seq: Seq
    partner: Annotated[str, col(ref="partners", rdf="cfg:partner", lpg=False)]
    raw: Raw
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None
