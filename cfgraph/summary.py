"""Counts that describe a framework at a glance (``cfgraph validate``, the report, :func:`cfgraph.frames`).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> framework_counts(fw)["outcomes"], outcome_rows(fw)[0]["sdg_targets"]
(2, 5)
"""

from __future__ import annotations

from typing import Any

from cfgraph.model import TABLES, Framework, rows_of

__all__ = ["COUNT_LABELS", "framework_counts", "outcome_rows", "draft_counts"]

#: How the counts of :func:`framework_counts` read.
COUNT_LABELS = {
    "thematic_areas": "thematic areas",
    "result_groups": "result groups",
    "outcomes": "outcomes",
    "sdg_targets": "SDG targets",
    "sdg_goals": "SDGs",
    "agencies": "UN agencies",
    "partners": "partners",
    "lnob_groups": "LNOB groups",
    "indicators": "indicators",
    "sub_indicators": "sub-indicators",
    "outcome_links": "stated outcome links",
    "target_link_statements": "target interlinkage statements",
    "target_link_pairs": "target pairs linked",
}


def framework_counts(fw: Framework) -> dict[str, int]:
    """Number of entities of each kind."""
    valid_targets = {t.code for t in fw.outcome_targets if t.valid}
    return {
        "thematic_areas": len(fw.thematic_areas),
        "result_groups": len(fw.result_groups),
        "outcomes": len(fw.outcomes),
        "outputs": len(fw.outputs),
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
        "sources": len(fw.sources) or (1 if fw.info.source_file or fw.info.source_url else 0),
    }


def outcome_rows(fw: Framework) -> list[dict[str, Any]]:
    """One row per outcome: its result group and statement, and how many SDG targets (distinct
    valid codes), UN agencies, partners (partnerships text and outputs), LNOB groups, indicators and
    sub-indicators it has."""
    rows = []
    for o in fw.outcomes:
        indicators = fw.indicators_of(o.id)
        top = sum(1 for i in indicators if i.parent is None)
        rows.append(
            {
                "framework": fw.info.id,
                "outcome": o.id,
                "result_group": o.result_group,
                "statement": o.statement,
                "sdg_targets": len(fw.target_codes(o.id)),
                "agencies": len(fw.agencies_of(o.id)),
                "partners": len(fw.partners_of(o.id, include_outputs=True)),
                "lnob_groups": len(fw.lnob_groups_of(o.id)),
                "indicators": top,
                "sub_indicators": len(indicators) - top,
            }
        )
    return rows


def draft_counts(fw: Framework) -> dict[str, int]:
    """How many rows of each table are still drafts (``review`` = ``draft``), tables with none left out.

    >>> import cfgraph
    >>> draft_counts(cfgraph.load(cfgraph.MINI))
    {}
    """
    counts = {}
    for spec in TABLES:
        if spec.name == "framework" or "review" not in {c.name for c in spec.columns}:
            continue
        n = sum(1 for row in rows_of(fw, spec) if getattr(row, "review", None) == "draft")
        if n:
            counts[spec.name] = n
    return counts
