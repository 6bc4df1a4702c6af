"""Gap checks on measurement: targets without indicators, indicators off the outcome's targets,
shared global indicators, missing or out-of-period years.

>>> import cfgraph
>>> from cfgraph.analysis.networks import index
>>> fw = cfgraph.load(cfgraph.MINI)
>>> [c.id for c in CHECKS][:2]
['target-without-indicator', 'indicator-target-not-listed']
>>> [f.message for f in CHECKS[0](fw, index(fw))][0]
'outcome 1.1: no indicator measures global target(s) 6.2, 5.1, 6.b; cross-cutting 10.2'
"""

from __future__ import annotations

from collections import defaultdict

from cfgraph.analysis.gaps.findings import Finding, GapCheck, register
from cfgraph.analysis.networks import FrameworkIndex
from cfgraph.model import Framework, Indicator, natural_key, sdg_sort_key

__all__ = ["CHECKS"]

CHECKS: list[GapCheck] = []


def _measured_targets(fw: Framework, ix: FrameworkIndex, outcome: str) -> dict[str, list[str]]:
    """Target code -> indicator ids of *outcome* that measure it: through a global indicator,
    or through a "link to" that names a target instead of an indicator (``link to 4.7 (G)``;
    the code itself is reported by ``invalid-code``)."""
    found: dict[str, list[str]] = defaultdict(list)
    mine = set(ix.indicators.get(outcome, []))
    for ind in ix.indicators.get(outcome, []):
        for code in ix.measures.get(ind, []):
            found[fw.catalogue.indicators[code].target].append(ind)
    for link in fw.indicator_sdg_links:
        if link.indicator in mine and fw.catalogue.is_target(link.sdg_indicator):
            found[link.sdg_indicator].append(link.indicator)
    return found


@register(CHECKS, "target-without-indicator", "info", "Listed SDG target no indicator measures")
def target_without_indicator(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """An outcome lists SDG targets (global or cross-cutting, in either list) that none of its
    indicators measures through a global SDG indicator: the contribution to those targets is
    claimed but not followed. One finding per outcome."""
    found = []
    for o in fw.outcomes:
        measured = _measured_targets(fw, ix, o.id)
        rows = [t for t in fw.targets_of(o.id, valid_only=True) if t.code not in measured]
        glob = list(dict.fromkeys(t.code for t in rows if t.role == "global"))
        cross = [c for c in dict.fromkeys(t.code for t in rows if t.role == "crosscutting") if c not in glob]
        if not glob and not cross:
            continue
        parts = []
        if glob:
            parts.append(f"global target(s) {', '.join(glob)}")
        if cross:
            parts.append(f"cross-cutting {', '.join(cross)}")
        found.append(
            check.about_rows(
                o.id,
                f"outcome {o.id}: no indicator measures {'; '.join(parts)}",
                [f"outcome:{o.id}", *(f"sdg-target:{c}" for c in glob + cross)],
                rows,
            )
        )
    return found


@register(
    CHECKS, "indicator-target-not-listed", "warning", "Indicator measures a target the outcome does not list"
)
def indicator_target_not_listed(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """An indicator is (or links to) a global SDG indicator whose target the outcome lists in
    neither its narrative nor its results-matrix target lists."""
    found = []
    for o in fw.outcomes:
        listed = ix.targets.get(o.id, set())
        for ind in ix.indicators.get(o.id, []):
            for code in ix.measures.get(ind, []):
                target = fw.catalogue.indicators[code].target
                if target in listed:
                    continue
                i = fw.indicator(ind)
                found.append(
                    check.finding(
                        o.id,
                        f"indicator {ind} measures SDG {code} (target {target}), "
                        f"which outcome {o.id} does not list",
                        [
                            f"outcome:{o.id}",
                            f"indicator:{ind}",
                            f"sdg-indicator:{code}",
                            f"sdg-target:{target}",
                        ],
                        [i.code_raw or code, i.name],
                        [i],
                    )
                )
    return found


@register(CHECKS, "global-indicator-shared", "info", "Same global indicator used by several outcomes")
def global_indicator_shared(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """The same global SDG indicator measures several outcomes: progress will be counted more
    than once, or the outcomes overlap (a synergy to manage jointly)."""
    users: dict[str, list[str]] = defaultdict(list)
    for o in fw.outcomes:
        for ind in ix.indicators.get(o.id, []):
            for code in ix.measures.get(ind, []):
                users[code].append(ind)
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    found = []
    for code in sorted(users, key=sdg_sort_key):
        outs = sorted({outcome_of[i] for i in users[code]}, key=natural_key)
        if len(outs) < 2:
            continue
        inds = [fw.indicator(i) for i in users[code]]
        found.append(
            check.finding(
                code,
                f"SDG indicator {code} is used by outcomes {', '.join(outs)} "
                f"(indicators {', '.join(users[code])})",
                [
                    f"sdg-indicator:{code}",
                    *(f"outcome:{o}" for o in outs),
                    *(f"indicator:{i}" for i in users[code]),
                ],
                [i.name for i in inds],
                inds,
            )
        )
    return found


def _years(fw: Framework, i: Indicator) -> tuple[int | None, int | None]:
    """Baseline and target year, a sub-indicator falling back on its parent's."""
    if i.parent and (i.baseline_year is None or i.target_year is None):
        p = fw.indicator(i.parent)
        return i.baseline_year or p.baseline_year, i.target_year or p.target_year
    return i.baseline_year, i.target_year


@register(CHECKS, "indicator-without-year", "warning", "Indicator without baseline or target year")
def indicator_without_year(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """An indicator gives no baseline year or no target year, so progress cannot be dated. A
    parent whose values are all given per sub-indicator is judged through its sub-indicators."""
    has_subs = {i.parent for i in fw.indicators if i.parent}
    found = []
    for i in fw.indicators:
        if i.id in has_subs:
            continue
        baseline, target = _years(fw, i)
        missing = [name for name, year in (("baseline", baseline), ("target", target)) if year is None]
        if missing:
            found.append(
                check.finding(
                    i.outcome,
                    f"indicator {i.id} has no {' and no '.join(missing)} year",
                    [f"outcome:{i.outcome}", f"indicator:{i.id}"],
                    [i.baseline_raw or "", i.target_raw or "", i.name],
                    [i],
                )
            )
    return found


def _about(check: GapCheck, i: Indicator, what: str, quote: str | None) -> Finding:
    """A finding about one indicator: "indicator <id> <what>", quoting its cell."""
    return check.finding(
        i.outcome, f"indicator {i.id} {what}", [f"outcome:{i.outcome}", f"indicator:{i.id}"], [quote or ""],
        [i],
    )  # fmt: skip


@register(CHECKS, "target-year-outside-period", "warning", "Target year outside the framework period")
def target_year_outside_period(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """An indicator's target year falls outside the framework period (start year to end year):
    the result cannot be reported at the framework's final evaluation."""
    start, end = fw.info.start_year, fw.info.end_year
    found = []
    for i in fw.indicators:
        _, target = _years(fw, i)
        if target is not None and not start <= target <= end and i.target_year is not None:
            text = f"targets {target}, outside the period {start}-{end}"
            found.append(_about(check, i, text, i.target_raw))
    return found


@register(CHECKS, "baseline-year-after-start", "info", "Baseline year after the framework starts")
def baseline_year_after_start(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """An indicator's baseline year is later than the framework's first year, so the baseline
    does not describe the starting point."""
    start = fw.info.start_year
    found = []
    for i in fw.indicators:
        if i.baseline_year is not None and i.baseline_year > start:
            text = f"has baseline year {i.baseline_year}, after the start year {start}"
            found.append(_about(check, i, text, i.baseline_raw))
    return found
