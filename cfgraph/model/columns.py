"""Column declarations that several tables share (outcome and indicator references, list
position, raw text, the list a row comes from, provenance).

>>> from cfgraph.model.schema import _column
>>> _column("seq", Seq).type, _column("listed_in", ListedInColumn).enum
('integer', ('narrative', 'results_matrix'))
"""

from __future__ import annotations

from typing import Annotated

from cfgraph.model.schema import ID_PATTERN, LINES_PATTERN, ColumnMeta, col
from cfgraph.vocabulary import LISTED_IN, REVIEW_STATUSES, ListedIn, Role, TargetSource

__all__ = [
    "OUTCOME_PATTERN",
    "INDICATOR_PATTERN",
    "SourceLines",
    "SourceId",
    "Locator",
    "ReviewStatus",
    "ReviewNote",
    "source_lines",
    "OutcomeRef",
    "OutcomeEnd",
    "OutputEnd",
    "IndicatorEnd",
    "Seq",
    "Raw",
    "ListedInColumn",
    "TargetSourceColumn",
    "RoleColumn",
    "Note",
]

#: Outcomes and indicators are numbered as each framework numbers them.
OUTCOME_PATTERN = INDICATOR_PATTERN = ID_PATTERN


def source_lines(json: bool = False) -> ColumnMeta:
    """Where the row comes from: lines of its source (kept in the JSON document if *json*)."""
    return col(
        "Line(s) of the source this row comes from, e.g. '230;590-591' (a text source).",
        pattern=LINES_PATTERN,
        required=False,
        blank="",
        rdf="cfg:sourceLines",
        codec="provenance",
        json=json,
    )


#: Where the row comes from: line(s) of its source (blank: cited by a locator, or not at all).
SourceLines = Annotated[str, source_lines()]
#: Which source the row comes from (an id of ``sources.csv``; blank: the framework's first source).
SourceId = Annotated[
    str | None,
    col(
        "The source this row comes from: an id of sources.csv (blank: the framework's first source).",
        ref="sources",
        rdf="cfg:citedSource",
        json=False,
    ),
]
#: Where in the source, when lines do not say it: a page, a cell, a section.
Locator = Annotated[
    str | None,
    col("Where in the source, when not by line: a page ('p. 12'), a cell ('Matrix!B12'), a section.",
        rdf="cfg:locator", json=False),
]  # fmt: skip
#: Whether a person has reviewed the row: ``draft`` (an importer wrote it), ``accepted``, or blank.
ReviewStatus = Annotated[
    str | None,
    col("Review status: draft (an importer wrote it, not yet reviewed) or accepted; blank: entered by hand.",
        enum=REVIEW_STATUSES, rdf="cfg:reviewStatus"),
]  # fmt: skip
#: Why the reader that wrote a draft row was unsure of it.
ReviewNote = Annotated[
    str | None,
    col("Why the importer was unsure of the row (what a reviewer should check).", rdf="cfg:reviewNote"),
]
#: The outcome a row belongs to (a property of the row in every graph).
OutcomeRef = Annotated[
    str, col("Outcome id.", pattern=OUTCOME_PATTERN, ref="outcomes", rdf="cfg:outcome", lpg=False)
]
#: The output end of a relation row.
OutputEnd = Annotated[str, col("Output id.", pattern=ID_PATTERN, ref="outputs", rdf="cfg:output", lpg=False)]
#: The outcome end of a relation row (not a property: the relationship's end).
OutcomeEnd = OutcomeRef
#: The indicator end of a relation row.
IndicatorEnd = Annotated[
    str, col("Indicator id.", pattern=INDICATOR_PATTERN, ref="indicators", rdf="cfg:indicator", lpg=False)
]
Seq = Annotated[int, col("Position in the list as the document gives it (1-based).", rdf="cfg:seq")]
Raw = Annotated[str, col("The text exactly as the document writes it.", verbatim=True, rdf="cfg:raw")]
ListedInColumn = Annotated[
    ListedIn,
    col("Which list of the document: the narrative list or the results matrix.", rdf="cfg:listedIn"),
]
#: The list an SDG target entry comes from. A file holds only the two lists (its enum); the model
#: also holds the targets derived from an outcome's indicators (:data:`~cfgraph.vocabulary.FROM_INDICATORS`).
TargetSourceColumn = Annotated[
    TargetSource,
    col("Which list of the document: the narrative list or the results matrix.", enum=LISTED_IN,
        rdf="cfg:listedIn"),
]  # fmt: skip
RoleColumn = Annotated[Role, col(rdf="cfg:role")]
Note = Annotated[str | None, col(rdf="skos:note")]
