"""The analyses the report shows, as rows: gap findings, synergies, target centrality.

The numbers come from :mod:`cfgraph.analysis` (the same as ``cfgraph gaps`` and ``cfgraph
synergies``); this module only shapes them for the page and its CSV files.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> findings = findings_rows(fw)
>>> findings[0]["severity"], sorted({r["check"] for r in findings})[:2]
('error', ['agency-without-indicator', 'duplicate-code'])
>>> s = synergy_table(fw)[0]
>>> s["outcome_a"], s["outcome_b"], s["verdict"]
('1.1', '2.1', 'stated not supported')
>>> target_table(fw)[0]["target"]
'5.1'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["check_rows", "findings_rows", "synergy_table", "target_table"]

Row = dict[str, Any]


def _join(items: Any, sep: str = ", ") -> str:
    return sep.join(str(i) for i in items)


def findings_rows(fw: Framework) -> list[Row]:
    """Every gap and consistency finding (:func:`cfgraph.analysis.gaps.run_gaps`), most severe first."""
    from cfgraph.analysis.findings import severity_rank
    from cfgraph.analysis.gaps import run_gaps

    found = run_gaps(fw)
    order = {cid: i for i, cid in enumerate(dict.fromkeys(f.check for f in found))}
    rows = [
        {
            "severity": f.severity,
            "check": f.check,
            "subject": f.subject,
            "finding": f.message,
            "concerns": _join(f.ids),
            "evidence": _join(f.quotes, " / "),
            "source_lines": _join(f.source_lines),
        }
        for f in found
    ]
    return sorted(rows, key=lambda r: (-severity_rank(r["severity"]), order[r["check"]]))


def check_rows(findings: list[Row]) -> list[Row]:
    """One row per named check: severity, title, how many findings, why it matters."""
    from cfgraph.analysis.gaps import GAP_CHECKS

    counts: dict[str, int] = {}
    for f in findings:
        counts[f["check"]] = counts.get(f["check"], 0) + 1
    from cfgraph.analysis.findings import severity_rank

    checks = sorted(GAP_CHECKS.values(), key=lambda c: -severity_rank(c.severity))
    return [
        {
            "check": c.id,
            "severity": c.severity,
            "title": c.title,
            "findings": counts.get(c.id, 0),
            "explanation": c.explanation,
        }
        for c in checks
    ]


def synergy_table(fw: Framework) -> list[Row]:
    """Outcome pairs (:func:`cfgraph.analysis.synergies.outcome_synergies`), strongest first."""
    from cfgraph.analysis.synergies import outcome_synergies

    agencies = {a.id: a.label for a in fw.agencies}
    rows = [
        {
            "outcome_a": s.a,
            "outcome_b": s.b,
            "score": round(s.score, 3),
            "data_score": round(s.data_score, 3),
            "verdict": s.verdict.replace("-", " "),
            "stated": _join(s.stated_kinds),
            "shared_targets": len(s.shared_targets),
            "interlinked_targets": len(s.interlinked_targets),
            "shared_agencies": len(s.shared_agencies),
            "shared_partners": len(s.shared_partners),
            "shared_lnob": len(s.shared_lnob),
            "shared_sdg_indicators": len(s.shared_sdg_indicators),
            "targets": _join(s.shared_targets),
            "agencies": _join(agencies.get(a, a) for a in s.shared_agencies),
        }
        for s in outcome_synergies(fw)
    ]
    return sorted(rows, key=lambda r: (-r["score"], r["outcome_a"], r["outcome_b"]))


def target_table(fw: Framework) -> list[Row]:
    """SDG targets by PageRank in the target network (:mod:`cfgraph.analysis.centrality`)."""
    from cfgraph.analysis.centrality import target_centrality

    return [
        {
            "target": t.target,
            "title": t.title,
            "outcomes": len(t.outcomes),
            "degree": t.degree,
            "betweenness": t.betweenness,
            "pagerank": t.pagerank,
            "influence": t.influence,
            "second_order": t.second_order,
            "community": t.community,
        }
        for t in target_centrality(fw)
    ]
