"""Every result of the review as output rows, by name: the same rows in ``cfgraph review``, the
report's "Theory-of-change review" section and its CSV files, and :func:`cfgraph.frames`.

>>> import cfgraph
>>> sorted(review_results(cfgraph.load(cfgraph.MINI)))
['review_matrix', 'review_pairs', 'review_ranking', 'review_status', 'review_unreviewed']

The module is light to import (the commands read its names); the analyses load when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cfgraph.vocabulary import REVIEW_LEVELS

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["review_results", "review_rows", "MATRIX_SHOWS", "STATUS_SHOWS"]

#: What ``cfgraph review matrix --show`` and ``cfgraph review status --show`` print.
MATRIX_SHOWS = ("pairs", "grid", "ranking")
STATUS_SHOWS = ("groups", "unreviewed", "contested", "stated-not-confirmed", "strong-not-stated")


def review_results(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    """Consensus per reviewed pair (both levels), the cross-impact matrices, the influence
    rankings, the progress per result group and the pairs not yet reviewed."""
    from cfgraph.review.aggregate import (
        consensus,
        consensus_rows,
        influence_ranking,
        matrix_rows,
        ranking_rows,
    )
    from cfgraph.review.status import coverage_rows, unreviewed_rows

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


def review_rows(fw: Framework, show: str, level: str | None = None) -> list[dict[str, Any]]:
    """The rows of one view of the review (:data:`MATRIX_SHOWS`, :data:`STATUS_SHOWS`).

    ``pairs``: consensus per reviewed pair; ``grid``: the cross-impact matrix; ``ranking``:
    influence and dependence; ``groups``: progress per result group; ``unreviewed``: pairs nobody
    scored; ``contested``, ``stated-not-confirmed``, ``strong-not-stated``: those pairs.

    >>> import cfgraph
    >>> [r["target"] for r in review_rows(cfgraph.load(cfgraph.MINI), "unreviewed", "target")]
    ['6.1', '6.2', '3.9', '3.9', '8.6']
    """
    from cfgraph.review.aggregate import (
        consensus,
        consensus_rows,
        influence_ranking,
        matrix_rows,
        ranking_rows,
    )
    from cfgraph.review.status import coverage_rows, unreviewed_rows

    fid = fw.info.id
    if show in ("grid", "ranking"):
        level = level or "outcome"
        if show == "grid":
            return matrix_rows(fw, level)
        return ranking_rows(influence_ranking(fw, level), fid)
    if show == "groups":
        return coverage_rows(fw, level)
    if show == "unreviewed":
        return unreviewed_rows(fw, level)
    if show not in ("pairs", *STATUS_SHOWS):
        raise ValueError(f"unknown view {show!r}; choose one of {', '.join(MATRIX_SHOWS + STATUS_SHOWS)}")
    pairs = consensus(fw, level)
    if show != "pairs":
        pairs = [p for p in pairs if (p.contested if show == "contested" else p.verdict == show)]
    return consensus_rows(pairs, fid)
