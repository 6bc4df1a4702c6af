"""The table of reviewers' judgements: how progress on one outcome (or SDG target) influences
another, scored on the seven-point scale of :data:`cfgraph.vocabulary.SCORE_SCALE`.

Unlike every other table, its rows do not come from the framework document but from the review
sheets Result Groups fill in (:mod:`cfgraph.review`); each row keeps who scored, on which day,
and the sheet file (name, SHA-256, worksheet and row) it was read from. The table is optional:
a framework nobody reviewed has an empty ``reviews.csv`` or none.

>>> from cfgraph.model import table_spec
>>> spec = table_spec("reviews")
>>> spec.primary_key, spec.relation_names(), spec.column("score").maximum
(('level', 'source', 'target', 'reviewer'), ('outcome-review', 'target-review'), 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from cfgraph.model.schema import DATE_PATTERN, SHA256_PATTERN, col, table
from cfgraph.vocabulary import Confidence, ReviewLevel

__all__ = ["Review", "DATE_PATTERN", "SHA256_PATTERN"]



@table(
    "reviews",
    "Scores reviewers gave, on review sheets, to how progress on one outcome or SDG target "
    "influences another (-3 cancelling ... +3 indivisible).",
    key=("level", "source", "target", "reviewer"),
    relation="{level}-review",
    ends=("source", "target"),
    iri=("review", "{level}", "{source}", "{target}", "{reviewer}"),
    rdf_class=("cfg:Review",),
)
@dataclass(frozen=True, kw_only=True)
class Review:
    level: Annotated[
        ReviewLevel,
        col("outcome: the pair is two outcomes; target: two SDG targets.", rdf="cfg:reviewLevel", lpg=False),
    ]
    source: Annotated[
        str,
        col(
            "The outcome id or SDG target code whose progress influences.",
            rdf="cfg:influencing",
            codec="end",
            lpg=False,
        ),
    ]
    target: Annotated[
        str,
        col("The outcome id or SDG target code influenced.", rdf="cfg:influenced", codec="end", lpg=False),
    ]
    reviewer: Annotated[str, col("Who gave the score.", rdf="prov:wasAttributedTo", codec="agent")]
    score: Annotated[
        int | None,
        col(
            "-3 cancelling ... +3 indivisible; empty: a comment without a score.",
            minimum=-3,
            maximum=3,
            rdf="cfg:score",
        ),
    ] = None
    confidence: Annotated[Confidence | None, col("How sure the reviewer is.", rdf="cfg:confidence")] = None
    comment: Annotated[str | None, col(rdf="rdfs:comment")] = None
    date: Annotated[
        str,
        col(
            "Day of the review sheet (YYYY-MM-DD).",
            pattern=DATE_PATTERN,
            rdf="prov:generatedAtTime",
            codec="date",
        ),
    ]
    sheet_file: Annotated[str, col("File name of the review sheet.", rdf="cfg:sheetFile")]
    sheet_sha256: Annotated[
        str,
        col("SHA-256 of the sheet file.", pattern=SHA256_PATTERN, rdf="prov:wasDerivedFrom", codec="sheet"),
    ]
    sheet_tab: Annotated[str | None, col("Worksheet of an Excel sheet.", rdf="cfg:sheetTab")] = None
    sheet_row: Annotated[int, col("Row of the sheet the score was read from.", rdf="cfg:sheetRow")]
