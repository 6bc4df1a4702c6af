"""The sources a framework cites (the Cooperation Framework document, its results-matrix
spreadsheet, a national strategy, a web page) and the outputs below its outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from cfgraph.model.columns import (
    Locator,
    OutputEnd,
    Raw,
    ReviewNote,
    ReviewStatus,
    Seq,
    SourceId,
    SourceLines,
)
from cfgraph.model.schema import ID_PATTERN, SHA256_PATTERN, SLUG_PATTERN, col, table
from cfgraph.vocabulary import SOURCE_KINDS

__all__ = ["Source", "Output", "OutputAgency", "OutputPartner"]


@table(
    "sources",
    "The sources the framework's rows cite; the first is the default of a row that names none.",
    kind="source",
    rdf_class=("cfg:SourceDocument",),
)
@dataclass(frozen=True, kw_only=True)
class Source:
    id: Annotated[str, col(pattern=SLUG_PATTERN, rdf="dcterms:identifier")]
    title: Annotated[
        str, col("What the source is, e.g. 'Cooperation Framework 2023-2027'.", rdf="dcterms:title")
    ]
    kind: Annotated[str, col(enum=SOURCE_KINDS, rdf="cfg:sourceKind")]
    path: Annotated[
        str | None, col("The file, relative to this folder (a .txt is cited by lines).", rdf="cfg:filePath")
    ] = None
    url: Annotated[str | None, col("Where it is published.", rdf="dcterms:source", codec="iri")] = None
    sha256: Annotated[
        str | None,
        col(
            "sha256 of the file ('cfgraph validate --fix' writes it).",
            pattern=SHA256_PATTERN,
            rdf="cfg:sha256",
        ),
    ] = None
    note: Annotated[str | None, col(rdf="skos:note", json=False)] = None


@table(
    "outputs",
    "Outputs: what the UN system delivers towards each outcome (optional level).",
    kind="output",
    rdf_class=("cfg:Output",),
)
@dataclass(frozen=True, kw_only=True)
class Output:
    id: Annotated[str, col(pattern=ID_PATTERN, rdf="dcterms:identifier")]
    outcome: Annotated[
        str, col("Outcome id.", pattern=ID_PATTERN, ref="outcomes", relation="has-output", rdf="cfg:outcome")
    ]
    statement: Annotated[str, col(verbatim=True, rdf="cfg:statement")]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "output_agencies",
    "UN agencies contributing to each output.",
    key=("output", "seq"),
    relation="contributes-to-output",
    ends=("agency", "output"),
    iri=("output", "{output}", "agency", "{seq}"),
    rdf_class=("cfg:OutputContribution",),
)
@dataclass(frozen=True, kw_only=True)
class OutputAgency:
    output: OutputEnd
    seq: Seq
    agency: Annotated[str, col(ref="agencies", rdf="cfg:agency", lpg=False)]
    raw: Raw
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "output_partners",
    "Partners named for each output.",
    key=("output", "seq"),
    relation="names-output-partner",
    ends=("output", "partner"),
    iri=("output", "{output}", "partner", "{seq}"),
    rdf_class=("cfg:OutputPartnership",),
)
@dataclass(frozen=True, kw_only=True)
class OutputPartner:
    output: OutputEnd
    seq: Seq
    partner: Annotated[str, col(ref="partners", rdf="cfg:partner", lpg=False)]
    raw: Raw
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None
