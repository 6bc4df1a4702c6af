"""Every result of the review as output rows, by name: the same rows in ``cfgraph review``, the
report's "Theory-of-change review" section and its CSV files, and :func:`cfgraph.frames`.

>>> import cfgraph
>>> sorted(review_results(cfgraph.load(cfgraph.MINI)))
['review_matrix', 'review_pairs', 'review_ranking', 'review_status', 'review_unreviewed']
"""

from __future__ import annotations

from typing import Any

from cfgraph.model import Framework
from cfgraph.review.aggregate import consensus, consensus_rows, influence_ranking, matrix_rows, ranking_rows
from cfgraph.review.status import coverage_rows, unreviewed_rows
from cfgraph.vocabulary import REVIEW_LEVELS

__all__ = ["review_results"]


def review_results(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    """Consensus per reviewed pair (both levels), the cross-impact matrices, the influence
    rankings, the progress per result group and the pairs not yet reviewed."""
    fid = fw.info.id
    return {
        "review_pairs": consensus_rows(consensus(fw), fid),
        "review_matrix": [row for level in REVIEW_LEVELS for row in matrix_rows(fw, level)],
        "review_ranking": [
            r for level in REVIEW_LEVELS for r in ranking_rows(influence_ranking(fw, level), fid)
        ],
        "review_status": coverage_rows(fw),
        "review_unreviewed": unreviewed_rows(fw),
    }
