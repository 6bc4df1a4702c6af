"""Tables of the SDG targets each outcome lists: the lists as written, and each code in them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from cfgraph.model.columns import (
    ListedInColumn,
    Locator,
    OutcomeRef,
    Raw,
    ReviewNote,
    ReviewStatus,
    RoleColumn,
    Seq,
    SourceId,
    SourceLines,
    TargetSourceColumn,
)
from cfgraph.model.schema import ForeignKey, col, table
from cfgraph.vocabulary import CODE_STATUSES, FROM_INDICATORS

__all__ = ["TargetList", "OutcomeTarget"]


@table(
    "target_lists",
    "Each outcome's SDG target lists as raw strings, in the narrative and in the matrix.",
    key=("outcome", "listed_in", "role"),
    iri=("outcome", "{outcome}", "target-list", "{listed_in}", "{role}"),
    rdf_class=("cfg:TargetList",),
)
@dataclass(frozen=True, kw_only=True)
class TargetList:
    outcome: OutcomeRef
    listed_in: ListedInColumn
    role: RoleColumn
    raw: Annotated[str, col(verbatim=True, rdf="cfg:raw")]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None


@table(
    "outcome_targets",
    "Each SDG target code parsed from a target list, in document order.",
    # An outcome with no target list also gets, in the model only, the targets its indicators
    # measure (listed_in 'indicators', cited where the indicator's SDG code is): see ``derived``.
    key=("outcome", "listed_in", "role", "seq"),
    foreign_keys=(
        ForeignKey(("outcome", "listed_in", "role"), "target_lists", ("outcome", "listed_in", "role")),
    ),
    relation="lists-target",
    ends=("outcome", "code"),
    iri=("outcome", "{outcome}", "target", "{listed_in}", "{role}", "{seq}"),
    rdf_class=("cfg:TargetReference",),
)
@dataclass(frozen=True, kw_only=True)
class OutcomeTarget:
    outcome: OutcomeRef
    listed_in: TargetSourceColumn
    role: RoleColumn
    seq: Seq
    raw: Raw
    code: Annotated[str, col(pattern=r"^[0-9]+\.[0-9a-z]+(\.[0-9a-z]+)?$", rdf="cfg:code")]
    code_status: Annotated[
        str,
        col(
            "'invalid-in-source' when the document writes a code that is not an SDG target.",
            enum=CODE_STATUSES,
            rdf="cfg:codeStatus",
            lpg=False,
        ),
    ]
    source_lines: SourceLines = ""
    source_id: SourceId = None
    locator: Locator = None
    review: ReviewStatus = None
    review_note: ReviewNote = None

    @property
    def valid(self) -> bool:
        return self.code_status == "ok"

    @property
    def derived(self) -> bool:
        """Derived from the outcome's indicators (it lists no targets), not from a target list:
        a fact of the framework in every graph, never a row of ``outcome_targets.csv``."""
        return self.listed_in == FROM_INDICATORS
