"""Gap checks on what the text says against itself: narrative vs results matrix, invalid and
duplicate codes, link channels, recorded inconsistencies, and stated links the data does not
bear out (or strong links the text does not state).

>>> import cfgraph
>>> from cfgraph.analysis.networks import index
>>> fw = cfgraph.load(cfgraph.MINI)
>>> [f.subject for f in CHECKS[1](fw, index(fw))]
['2.1', '2.1']
"""

from __future__ import annotations

from typing import Any

from cfgraph.analysis.gaps.findings import Finding, GapCheck, register
from cfgraph.analysis.networks import FrameworkIndex
from cfgraph.io.meaning import clean_source_line
from cfgraph.model import Framework

__all__ = ["CHECKS"]

CHECKS: list[GapCheck] = []


def _from_inconsistencies(check: GapCheck, fw: Framework, kinds: tuple[str, ...]) -> list[Finding]:
    from cfgraph.consistency import find_inconsistencies

    found = []
    for inc in find_inconsistencies(fw):
        if inc.kind not in kinds:
            continue
        subject = inc.subjects[0] if inc.subjects else inc.id
        text = fw.lines_of(inc.source_id) if inc.source_id != "*" else ()
        quotes = tuple(clean_source_line(text[n - 1]) for n in inc.source_lines if 0 < n <= len(text))
        found.append(
            Finding(
                check.id, check.severity, subject, inc.message, (inc.id, *inc.subjects), quotes[:5],
                inc.source_lines,
            )
        )  # fmt: skip
    return found


@register(CHECKS, "narrative-matrix-mismatch", "warning", "Narrative and results matrix list different items")
def narrative_matrix_mismatch(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """The narrative and the results matrix of an outcome list different
    SDG targets, LNOB groups or UN agencies; one of them is incomplete."""
    kinds = ("target-list-mismatch", "lnob-list-mismatch", "agency-list-mismatch")
    return _from_inconsistencies(check, fw, kinds)


@register(CHECKS, "duplicate-code", "warning", "Code listed twice in one list")
def duplicate_code(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """One list of an outcome names the same SDG target more than once (a typo hiding another
    target?)."""
    return _from_inconsistencies(check, fw, ("duplicate-code",))


@register(CHECKS, "invalid-code", "error", "Code that is not an SDG target or indicator")
def invalid_code(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """A list names a code that is not one of the 169 SDG targets (or an indicator link names a
    code that is not a global SDG indicator)."""
    return _from_inconsistencies(check, fw, ("invalid-code",))


@register(CHECKS, "via-target-not-listed", "warning", "Stated link through a target neither outcome lists")
def via_target_not_listed(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """The text says two outcomes are linked through an SDG target that neither of them lists."""
    return _from_inconsistencies(check, fw, ("via-target-not-listed",))


@register(CHECKS, "recorded-inconsistency", "info", "Inconsistency recorded by a reader")
def recorded_inconsistency(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """A contradiction a reader recorded in ``inconsistencies.csv`` (a claim the lists do not
    bear out, conflicting units, ...)."""
    return _from_inconsistencies(check, fw, ("recorded",))


def _synergy_findings(check: GapCheck, fw: Framework, verdicts: tuple[str, ...]) -> list[Finding]:
    from cfgraph.analysis.synergies import outcome_synergies

    found = []
    for s in outcome_synergies(fw):
        if s.verdict not in verdicts:
            continue
        comps = ", ".join(f"{k} {v:.2f}" for k, v in s.components.items() if k != "stated")
        what = "the text links" if s.stated_links else "the text does not link"
        how = "; only by generic statements about all other outcomes" if s.stated_as == "all-others" else ""
        shared = [
            *(f"sdg-target:{c}" for c in s.shared_targets),
            *(f"agency:{a}" for a in s.shared_agencies),
            *(f"partner:{p}" for p in s.shared_partners),
            *(f"lnob-group:{g}" for g in s.shared_lnob_groups),
            *(f"sdg-indicator:{c}" for c in s.shared_sdg_indicators),
        ]
        cells: list[Any] = [";".join(str(n) for n in s.source_lines)] if s.source_lines else []
        cells += [fw.outcome(s.a), fw.outcome(s.b)]
        found.append(
            check.finding(
                s.a,
                f"{what} outcomes {s.a} and {s.b} ({', '.join(s.stated_kinds) or 'no stated link'}{how}); "
                f"data score {s.data_score:.2f} ({comps})",
                [f"outcome:{s.a}", f"outcome:{s.b}", *s.stated_links, *shared],
                s.quotes,
                cells,
            )
        )
    return found


@register(CHECKS, "stated-link-not-supported", "info", "Stated outcome link the data does not support")
def stated_link_not_supported(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """The text states a link between two outcomes, but they share almost no targets,
    interlinked targets, agencies, partners, LNOB groups or SDG indicators (data score below
    0.1: the synergy score of ``cfgraph synergies``)."""
    return _synergy_findings(check, fw, ("stated-not-supported", "generic-not-supported"))


@register(CHECKS, "strong-link-not-stated", "info", "Strong data link the text does not state")
def strong_link_not_stated(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """Two outcomes share much (data score 0.3 or more) but the text states no link between
    them: a synergy to make explicit."""
    return _synergy_findings(check, fw, ("strong-not-stated",))
