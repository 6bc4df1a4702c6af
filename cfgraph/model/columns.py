"""Column declarations that several tables share (outcome and indicator references, list
position, raw text, the list a row comes from, provenance).

>>> from cfgraph.model.schema import _column
>>> _column("seq", Seq).type, _column("listed_in", ListedInColumn).enum
('integer', ('narrative', 'results_matrix'))
"""

from __future__ import annotations

from typing import Annotated

from cfgraph.model.schema import LINES_PATTERN, ColumnMeta, col
from cfgraph.vocabulary import ListedIn, Role

__all__ = [
    "OUTCOME_PATTERN",
    "INDICATOR_PATTERN",
    "SourceLines",
    "source_lines",
    "OutcomeRef",
    "OutcomeEnd",
    "IndicatorEnd",
    "Seq",
    "Raw",
    "ListedInColumn",
    "RoleColumn",
    "Note",
]

OUTCOME_PATTERN = r"^[0-9]+\.[0-9]+$"
INDICATOR_PATTERN = r"^[0-9]+\.[0-9]+-[0-9]{2}[a-z]?$"


def source_lines(json: bool = False) -> ColumnMeta:
    """Where the row comes from in the source document (kept in the JSON document if *json*)."""
    return col(
        "Line(s) of the source document this row comes from, e.g. '230;590-591'.",
        pattern=LINES_PATTERN,
        rdf="cfg:sourceLines",
        codec="provenance",
        json=json,
    )


#: Where the row comes from in the source document.
SourceLines = Annotated[str, source_lines()]
#: The outcome a row belongs to (a property of the row in every graph).
OutcomeRef = Annotated[
    str, col("Outcome id.", pattern=OUTCOME_PATTERN, ref="outcomes", rdf="cfg:outcome", lpg=False)
]
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
    col("Which list of the document: section 2.4 narrative or Annex 1 results matrix.", rdf="cfg:listedIn"),
]
RoleColumn = Annotated[Role, col(rdf="cfg:role")]
Note = Annotated[str | None, col(rdf="skos:note")]
