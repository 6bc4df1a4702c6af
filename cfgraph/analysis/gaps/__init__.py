"""Named gap and consistency checks, run on any framework: ``cfgraph gaps``.

Each check has an id, a severity (``info``, ``warning``, ``error``), a title and an
explanation (:data:`GAP_CHECKS`); each finding carries its evidence (ids, quotes, source
lines). ``--fail-on SEVERITY`` exits 1 when a finding at or above it exists (see :func:`fails`).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> findings = run_gaps(fw, checks=["invalid-code"])
>>> [(f.check, f.severity, f.subject) for f in findings]
[('invalid-code', 'error', '2.1'), ('invalid-code', 'error', '2.1')]
>>> fails(findings, "error"), fails(run_gaps(fw, checks=["duplicate-code"]), "error")
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cfgraph.analysis.gaps import measures, roles, text
from cfgraph.analysis.gaps.findings import SEVERITIES, Finding, GapCheck, severity_rank
from cfgraph.analysis.networks import index
from cfgraph.analysis.records import records
from cfgraph.errors import UnknownIdError
from cfgraph.model import Framework, closest

__all__ = [
    "GAP_CHECKS",
    "SEVERITIES",
    "Finding",
    "GapCheck",
    "run_gaps",
    "fails",
    "finding_rows",
    "finding_outcomes",
    "findings_for",
    "check_rows",
]

#: Every check by id, in report order (roles, measurement, text).
GAP_CHECKS: dict[str, GapCheck] = {
    c.id: c for c in (*roles.CHECKS, *measures.CHECKS, *text.CHECKS)
}


def run_gaps(fw: Framework, checks: Iterable[str] | None = None, min_severity: str = "info") -> list[Finding]:
    """Run the named *checks* (default all) and return their findings at or above *min_severity*.

    Parameters
    ----------
    fw : Framework
        The framework to check.
    checks : iterable of str, optional
        Check ids from :data:`GAP_CHECKS`; an unknown id raises
        :class:`~cfgraph.errors.UnknownIdError` with the closest ids.
    min_severity : str
        Leave out findings below this severity.

    Returns
    -------
    list of Finding
        Most severe first (error, warning, info); within a severity in check order, then in each
        check's own (document) order.
    """
    chosen = list(GAP_CHECKS) if checks is None else list(checks)
    for cid in chosen:
        if cid not in GAP_CHECKS:
            raise UnknownIdError("check", cid, closest(cid, GAP_CHECKS))
    floor = severity_rank(min_severity)
    ix = index(fw)
    found: list[Finding] = []
    for cid in chosen:
        found += [f for f in GAP_CHECKS[cid](fw, ix) if severity_rank(f.severity) >= floor]
    return sorted(found, key=lambda f: -severity_rank(f.severity))


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    """True when a finding is at or above *fail_on* (the ``--fail-on`` rule)."""
    return any(f.at_least(fail_on) for f in findings)


def finding_rows(findings: Iterable[Finding], framework: str) -> list[dict[str, Any]]:
    """Findings as output rows (``cfgraph gaps``, the report's findings table and findings.csv).

    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> rows = finding_rows(run_gaps(fw, checks=["duplicate-code"]), fw.info.id)
    >>> list(rows[0])[5:]
    ['concerns', 'evidence', 'source_lines', 'cited_in']
    >>> rows[0]["source_lines"]
    [18]
    """
    return records(findings, framework=framework)


def finding_outcomes(fw: Framework, finding: Finding) -> list[str]:
    """The outcomes a finding concerns: its subject or the ids it names, and the outcomes of the
    indicators it names (document order).

    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> finding_outcomes(fw, run_gaps(fw, checks=["invalid-code"])[0])
    ['2.1']
    """
    outcomes = {o.id for o in fw.outcomes}
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    found = set()
    for named in (finding.subject, *finding.concerns):
        kind, _, ident = named.rpartition(":") if named.count(":") == 1 else ("", "", named)
        if kind in ("", "outcome") and ident in outcomes:
            found.add(ident)
        elif kind in ("", "indicator") and ident in outcome_of:
            found.add(outcome_of[ident])
    return [o.id for o in fw.outcomes if o.id in found]


def findings_for(
    fw: Framework,
    checks: Iterable[str] | None = None,
    min_severity: str = "info",
    outcome: str | None = None,
    list_checks: bool = False,
) -> list[dict[str, Any]]:
    """Rows of ``cfgraph gaps``: the findings (only those concerning *outcome* when given), each
    with the ``outcomes`` it concerns; or, with *list_checks*, the checks and their counts."""
    if outcome is not None:
        fw.outcome(outcome)
    findings = run_gaps(fw, checks, min_severity)
    if list_checks:
        return check_rows(findings)
    rows = []
    for f, row in zip(findings, finding_rows(findings, fw.info.id), strict=True):
        concerned = finding_outcomes(fw, f)
        if outcome is None or outcome in concerned:
            rows.append({**row, "outcomes": concerned})
    return rows


def check_rows(findings: Iterable[Finding] = ()) -> list[dict[str, Any]]:
    """The registry as rows, most severe first: check, severity, title, how many *findings* it
    has, why it matters (``cfgraph gaps --list`` and the report's table of checks).

    >>> check_rows()[0]["check"], check_rows()[0]["severity"]
    ('invalid-code', 'error')
    """
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.check] = counts.get(f.check, 0) + 1
    checks = sorted(GAP_CHECKS.values(), key=lambda c: -severity_rank(c.severity))
    return [
        {"check": c.id, "severity": c.severity, "title": c.title, "findings": counts.get(c.id, 0),
         "explanation": c.explanation}
        for c in checks
    ]  # fmt: skip
