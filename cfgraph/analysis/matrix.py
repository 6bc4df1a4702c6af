"""Who works where: the UN agency x outcome matrix.

Each cell says how an agency is tied to an outcome: ``N`` listed as contributing in the
narrative (section 2.4), ``M`` in the results matrix (Annex 1), ``I`` responsible for at least
one of the outcome's indicators. Gaps show at a glance (``I`` without ``N``/``M``: see the
``indicator-agency-not-contributing`` check; ``N M`` without ``I``: ``agency-without-indicator``).

>>> import cfgraph
>>> for row in agency_outcome_matrix(cfgraph.load(cfgraph.MINI)):
...     print(row)
{'agency': 'ilo', 'label': 'ILO', '1.1': '', '2.1': 'N M I', 'outcomes': 1}
{'agency': 'undp', 'label': 'UNDP', '1.1': '', '2.1': 'N M I', 'outcomes': 1}
{'agency': 'unicef', 'label': 'UNICEF', '1.1': 'N M I', '2.1': '', 'outcomes': 1}
{'agency': 'who', 'label': 'WHO', '1.1': 'N M', '2.1': '', 'outcomes': 1}
"""

from __future__ import annotations

from typing import Any

from cfgraph.graph import index
from cfgraph.model import Framework

__all__ = ["agency_outcome_matrix"]


def agency_outcome_matrix(fw: Framework) -> list[dict[str, Any]]:
    """One row per UN agency (sorted by id): ``agency``, ``label``, one column per outcome
    (document order) holding ``N``/``M``/``I`` marks, and ``outcomes`` = how many it touches."""
    ix = index(fw)
    lists = {(a.outcome, a.agency, a.listed_in) for a in fw.outcome_agencies}
    rows = []
    for agency in sorted(fw.agencies, key=lambda a: a.id):
        row: dict[str, Any] = {"agency": agency.id, "label": agency.label}
        touched = 0
        for o in fw.outcomes:
            marks = [
                mark
                for mark, present in (
                    ("N", (o.id, agency.id, "narrative") in lists),
                    ("M", (o.id, agency.id, "results_matrix") in lists),
                    ("I", agency.id in ix.responsible.get(o.id, set())),
                )
                if present
            ]
            row[o.id] = " ".join(marks)
            touched += bool(marks)
        row["outcomes"] = touched
        rows.append(row)
    return rows
