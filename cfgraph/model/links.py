"""Tables of what the text states between results (outcome links, target interlinkages) and of
the contradictions readers recorded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from cfgraph.model.columns import Locator, ReviewNote, ReviewStatus, SourceId, SourceLines
from cfgraph.model.schema import ID_PATTERN, col, table
from cfgraph.vocabulary import LINK_KINDS

__all__ = ["OutcomeLink", "TargetLink", "RecordedInconsistency"]

_KIND = col(enum=tuple(LINK_KINDS), rdf="cfg:kind", codec="link-kind")
_QUOTE = col(verbatim=True, rdf="cfg:quote")


def _end(prop: str) -> object:
    """The SDG targets at one end of a target interlinkage (relationship ends, not properties)."""
    return col(required=True, rdf=prop, codec="sdg-target", lpg=False, json=False)


@table(
    "outcome_links",
    "Links between outcomes that the text states, with the quote.",
    kind="outcome-link",
    relation="outcome-link",
    ends=("source", "target"),
    rdf_class=("cfg:OutcomeLink",),
)
@dataclass(frozen=True, kw_only=True)
class OutcomeLink:
    id: Annotated[str, col(pattern=ID_PATTERN, rdf="dcterms:identifier")]
    source: Annotated[str, col(ref="outcomes", rdf="cfg:source", lpg=False)]
    target: Annotated[str, col(ref="outcomes", rdf="cfg:target", lpg=False)]
    kind: Annotated[str, _KIND]
    via_targets: Annotated[
        tuple[str, ...],
        col("SDG targets the text names as the channel.", rdf="cfg:viaTarget", codec="sdg-target"),
    ] = ()
    stated_as: Annotated[
        str,
        col(
            "'all-others' when the text says 'other outcomes'.",
            enum=("named", "all-others"),
            rdf="cfg:statedAs",
        ),
    ]
    quote: Annotated[str, _QUOTE]
    note: Annotated[str | None, col(rdf="skos:note", json=False)] = None
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "target_links",
    "Target-to-target interlinkages the text states, with the quote.",
    kind="target-link",
    relation="target-link",
    ends=("sources", "targets"),
    rdf_class=("cfg:TargetLink",),
)
@dataclass(frozen=True, kw_only=True)
class TargetLink:
    id: Annotated[str, col(pattern=ID_PATTERN, rdf="dcterms:identifier")]
    kind: Annotated[str, _KIND]
    sources: Annotated[tuple[str, ...], _end("cfg:source")]
    targets: Annotated[tuple[str, ...], _end("cfg:target")]
    symmetric: Annotated[bool, col(rdf="cfg:symmetric")]
    quote: Annotated[str, _QUOTE]
    note: Annotated[str | None, col(rdf="skos:note", json=False)] = None
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None

    def pairs(self) -> list[tuple[str, str]]:
        """Every (source, target) pair the statement links, self-pairs left out."""
        return [(s, t) for s in self.sources for t in self.targets if s != t]


@table(
    "inconsistencies",
    "Contradictions in the source that a reader found and the data keeps as written.",
    kind="inconsistency",
    rdf_class=("cfg:RecordedInconsistency", "cfg:Inconsistency"),
)
@dataclass(frozen=True, kw_only=True)
class RecordedInconsistency:
    id: Annotated[str, col(pattern=ID_PATTERN, rdf="dcterms:identifier")]
    kind: Annotated[str, col(rdf="cfg:inconsistencyKind")]
    message: Annotated[str, col(rdf="cfg:message")]
    subjects: Annotated[tuple[str, ...], col(required=True, rdf="dcterms:subject")]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
