"""Result Groups review the theory of change: review sheets out, scores in, consensus out.

:func:`write_sheet` writes the pairs each result group is asked to judge (:mod:`.pairs`) as an
Excel workbook or CSV file; :func:`import_sheets` checks filled sheets and merges their scores
into the framework's ``reviews.csv``; :mod:`.aggregate` turns the scores into consensus per pair,
the cross-impact matrix, influence and dependence, second-order reach and the review's status.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "sheet_pairs",
    "build_sheet",
    "write_sheet",
    "read_sheet",
    "check_sheets",
    "import_sheets",
    "consensus",
    "consensus_rows",
    "cross_impact",
    "matrix_rows",
    "influence_ranking",
    "ranking_rows",
    "coverage_rows",
    "unreviewed_rows",
]

_LAZY = {
    "sheet_pairs": "pairs",
    "build_sheet": "sheet",
    "write_sheet": "sheet",
    "read_sheet": "reading",
    "check_sheets": "importer",
    "import_sheets": "merge",
    "consensus": "aggregate",
    "consensus_rows": "aggregate",
    "cross_impact": "aggregate",
    "matrix_rows": "aggregate",
    "influence_ranking": "aggregate",
    "ranking_rows": "aggregate",
    "coverage_rows": "status",
    "unreviewed_rows": "status",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cfgraph.review' has no attribute {name!r}")
    return getattr(import_module(f"cfgraph.review.{module}"), name)
