"""The tables of the report, as rows (lists of dicts) that the page, the CSV files and the charts share.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> [(r["agency"], r["1.1"], r["2.1"]) for r in agency_outcome_rows(fw)]
[('ILO', 0, 3), ('UNDP', 0, 3), ('UNICEF', 3, 0), ('WHO', 2, 0)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cfgraph.model import Framework

if TYPE_CHECKING:
    pass

__all__ = [
    "Row",
    "agency_outcome_rows",
    "outcome_rows",
    "partner_outcome_rows",
    "result_group_rows",
]

Row = dict[str, Any]


def result_group_rows(fw: Framework) -> list[Row]:
    """One row per result group with its outcomes."""
    return [{"result_group": rg.name, "outcomes": ", ".join(rg.outcomes)} for rg in fw.result_groups]


def outcome_rows(fw: Framework) -> list[Row]:
    """One row per outcome: statement, result group and counts (:func:`cfgraph.summary.outcome_counts`)."""
    from cfgraph.summary import outcome_counts

    counts = {str(r["outcome"]): r for r in outcome_counts(fw)}
    rows = []
    for o in fw.outcomes:
        c = counts[o.id]
        rows.append(
            {
                "outcome": o.id,
                "result_group": o.result_group,
                "statement": o.statement,
                "sdg_targets": len(fw.target_codes(o.id)),
                "agencies": len(fw.agencies_of(o.id)),
                "partners": c["partners"],
                "lnob_groups": c["lnob_groups"],
                "indicators": c["indicators"],
                "sub_indicators": c["sub_indicators"],
            }
        )
    return rows


def agency_outcome_rows(fw: Framework) -> list[Row]:
    """Agency × outcome: 1 per list (narrative, results matrix) naming the agency, plus 1 per indicator
    of the outcome it is responsible for. Rows sorted by total, then label."""
    outcomes = [o.id for o in fw.outcomes]
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    score: dict[str, dict[str, int]] = {a.id: dict.fromkeys(outcomes, 0) for a in fw.agencies}
    for oa in {(oa.agency, oa.outcome, oa.listed_in) for oa in fw.outcome_agencies}:
        score[oa[0]][oa[1]] += 1
    for ia in fw.indicator_agencies:
        score[ia.agency][outcome_of[ia.indicator]] += 1
    label = {a.id: a.label for a in fw.agencies}
    rows = [{"agency": label[a], **cells, "total": sum(cells.values())} for a, cells in score.items()]
    return sorted(rows, key=lambda r: (-r["total"], r["agency"].casefold()))


def partner_outcome_rows(fw: Framework) -> list[Row]:
    """Partner × outcome: 1 if the Partnerships paragraph names the partner, plus 1 per indicator of
    the outcome that names it. Rows sorted by total, then name."""
    outcomes = [o.id for o in fw.outcomes]
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    score: dict[str, dict[str, int]] = {p.id: dict.fromkeys(outcomes, 0) for p in fw.partners}
    for op in {(op.partner, op.outcome) for op in fw.outcome_partners}:
        score[op[0]][op[1]] += 1
    for ip in fw.indicator_partners:
        score[ip.partner][outcome_of[ip.indicator]] += 1
    info = {p.id: p for p in fw.partners}
    rows = [
        {"partner": info[p].name, "type": info[p].type, **cells, "total": sum(cells.values())}
        for p, cells in score.items()
    ]
    return sorted(rows, key=lambda r: (-r["total"], r["partner"].casefold()))
