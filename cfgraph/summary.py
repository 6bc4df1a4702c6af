"""Counts that describe a framework at a glance (used by ``cfgraph validate`` and the report).

>>> import cfgraph
>>> framework_counts(cfgraph.load(cfgraph.MINI))["outcomes"]
2
"""

from __future__ import annotations

from cfgraph.model import Framework

__all__ = ["framework_counts", "outcome_counts"]


def framework_counts(fw: Framework) -> dict[str, int]:
    """Number of entities of each kind."""
    valid_targets = {t.code for t in fw.outcome_targets if t.valid}
    return {
        "thematic_areas": len(fw.thematic_areas),
        "result_groups": len(fw.result_groups),
        "outcomes": len(fw.outcomes),
        "sdg_targets": len(valid_targets),
        "sdg_goals": len({c.split(".")[0] for c in valid_targets}),
        "agencies": len(fw.agencies),
        "partners": len(fw.partners),
        "lnob_groups": len(fw.lnob_groups),
        "indicators": sum(1 for i in fw.indicators if i.parent is None),
        "sub_indicators": sum(1 for i in fw.indicators if i.parent is not None),
        "outcome_links": len(fw.outcome_links),
        "target_link_statements": len(fw.target_links),
        "target_link_pairs": sum(len(t.pairs()) for t in fw.target_links),
    }


def outcome_counts(fw: Framework) -> list[dict[str, object]]:
    """One row per outcome: targets per list and role, agencies, LNOB groups, partners, indicators."""
    rows: list[dict[str, object]] = []
    for o in fw.outcomes:
        row: dict[str, object] = {"outcome": o.id}
        for listed_in, short in (("narrative", "narr"), ("results_matrix", "matrix")):
            for role, rshort in (("global", "global"), ("crosscutting", "cross")):
                row[f"targets_{short}_{rshort}"] = len(fw.targets_of(o.id, listed_in, role))  # type: ignore[arg-type]
        row["agencies_narr"] = len(fw.agencies_of(o.id, "narrative"))
        row["agencies_matrix"] = len(fw.agencies_of(o.id, "results_matrix"))
        row["lnob_groups"] = len(fw.lnob_groups_of(o.id))
        row["partners"] = len(fw.partners_of(o.id))
        row["indicators"] = len(fw.indicators_of(o.id, include_subs=False))
        row["sub_indicators"] = len(fw.indicators_of(o.id)) - len(fw.indicators_of(o.id, include_subs=False))
        rows.append(row)
    return rows
