"""Every gap check: one case where it must fire and one where it must stay silent (mini fixture)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

import cfgraph
from cfgraph.analysis.gaps import GAP_CHECKS, check_rows, fails, finding_rows, run_gaps
from cfgraph.analysis.gaps.findings import Finding, severity_rank
from cfgraph.errors import UnknownIdError
from cfgraph.model import Framework, IndicatorAgency, IndicatorPartner, ResultGroup

MINI = cfgraph.load(cfgraph.MINI)
Variant = Callable[[Framework], Framework]


def same(fw: Framework) -> Framework:
    return fw


def indicator(fw: Framework, iid: str, **changes: object) -> Framework:
    rows = tuple(replace(i, **changes) if i.id == iid else i for i in fw.indicators)  # type: ignore[arg-type]
    return replace(fw, indicators=rows)


def add_agency(fw: Framework, outcome: str, *agencies: str) -> Framework:
    extra = tuple(
        replace(fw.outcome_agencies[0], outcome=outcome, listed_in=lst, seq=90 + n, agency=a, raw=a.upper())
        for n, a in enumerate(agencies)
        for lst in ("narrative", "results_matrix")
    )
    return replace(fw, outcome_agencies=fw.outcome_agencies + extra)


def one_result_group(fw: Framework) -> Framework:
    return replace(
        fw,
        result_groups=(ResultGroup(id="planet", name="Planet", outcomes=("1.1", "2.1"), source_lines="9"),),
    )


def strong_unstated(fw: Framework) -> Framework:
    fw = add_agency(fw, "2.1", "unicef", "who")
    fw = add_agency(fw, "1.1", "undp", "ilo")
    lnob = fw.outcome_lnob_groups + tuple(
        replace(g, outcome="2.1" if g.outcome == "1.1" else "1.1", seq=g.seq + 10)
        for g in fw.outcome_lnob_groups
    )
    return replace(fw, outcome_links=(), outcome_lnob_groups=lnob)


#: check id -> (variant where it must find something, variant where it must find nothing)
CASES: dict[str, tuple[Variant, Variant]] = {
    "indicator-agency-not-contributing": (
        lambda fw: replace(
            fw,
            indicator_agencies=(
                *fw.indicator_agencies,
                IndicatorAgency(indicator="1.1-01", seq=2, agency="ilo", raw="ILO", source_lines="34"),
            ),
        ),
        same,
    ),
    "agency-without-indicator": (
        same,
        lambda fw: replace(fw, outcome_agencies=tuple(a for a in fw.outcome_agencies if a.agency != "who")),
    ),
    "lnob-group-not-measured": (
        same,
        # 2.1 names 'women'; its sub-indicator 2.1-01a measures 'Young women' (and 'youth' is named too)
        lambda fw: replace(
            fw,
            outcome_lnob_groups=tuple(g for g in fw.outcome_lnob_groups if g.outcome == "2.1")
            + (replace(fw.outcome_lnob_groups[-1], seq=9, group="women", raw="women"),),
        ),
    ),
    "partner-not-in-indicators": (
        same,
        lambda fw: replace(
            fw,
            indicator_partners=(
                *fw.indicator_partners,
                IndicatorPartner(
                    indicator="1.1-01",
                    seq=2,
                    partner="village-water-users-association",
                    raw="VWUA",
                    source_lines="34",
                ),
            ),
        ),
    ),
    "partner-only-in-indicators": (
        lambda fw: replace(
            fw,
            indicator_partners=(
                *fw.indicator_partners,
                IndicatorPartner(
                    indicator="2.1-01", seq=3, partner="ministry-of-water", raw="MoW", source_lines="47"
                ),
            ),
        ),
        same,
    ),
    "outcome-without-partner-type": (
        lambda fw: replace(
            fw,
            partners=tuple(
                replace(p, type="government-agency") if p.id == "ministry-of-water" else p
                for p in fw.partners
            ),
        ),
        same,
    ),
    "result-group-without-shared-agency": (
        one_result_group,
        lambda fw: add_agency(one_result_group(fw), "2.1", "unicef"),
    ),
    "target-without-indicator": (
        same,
        lambda fw: replace(
            fw,
            outcome_targets=tuple(
                t for t in fw.outcome_targets if t.outcome == "2.1" and t.code in ("8.6", "18.7")
            ),
        ),
    ),
    "indicator-target-not-listed": (lambda fw: indicator(fw, "1.1-01", code="3.9.1"), same),
    "global-indicator-shared": (lambda fw: indicator(fw, "2.1-01", code="6.1.1"), same),
    "indicator-without-year": (
        lambda fw: indicator(fw, "1.1-01", baseline_year=None),
        # a sub-indicator without its own target year takes its parent's
        lambda fw: indicator(fw, "2.1-01a", target_year=None),
    ),
    "target-year-outside-period": (lambda fw: indicator(fw, "1.1-01", target_year=2035), same),
    "baseline-year-after-start": (lambda fw: indicator(fw, "1.1-01", baseline_year=2027), same),
    "narrative-matrix-mismatch": (
        same,
        lambda fw: replace(
            fw,
            outcome_targets=tuple(t for t in fw.outcome_targets if t.code != "6.b"),
            outcome_lnob_groups=tuple(
                g for g in fw.outcome_lnob_groups if g.group != "people-with-disabilities"
            ),
        ),
    ),
    "duplicate-code": (
        same,
        lambda fw: replace(
            fw, outcome_targets=tuple(t for t in fw.outcome_targets if not (t.code == "8.6" and t.seq == 3))
        ),
    ),
    "invalid-code": (
        same,
        lambda fw: replace(fw, outcome_targets=tuple(t for t in fw.outcome_targets if t.valid)),
    ),
    "via-target-not-listed": (
        lambda fw: replace(
            fw, outcome_links=tuple(replace(ol, via_targets=("3.9",)) for ol in fw.outcome_links)
        ),
        same,
    ),
    "recorded-inconsistency": (same, lambda fw: replace(fw, inconsistencies=())),
    "stated-link-not-supported": (same, lambda fw: add_agency(fw, "2.1", "unicef", "who")),
    "strong-link-not-stated": (strong_unstated, same),
}


def test_every_check_has_a_positive_and_a_negative_case() -> None:
    assert sorted(CASES) == sorted(GAP_CHECKS)


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_check_fires_on_positive_case(check_id: str) -> None:
    findings = run_gaps(CASES[check_id][0](MINI), checks=[check_id])
    assert findings, f"{check_id} found nothing"
    for f in findings:
        assert f.check == check_id and f.severity == GAP_CHECKS[check_id].severity
        assert f.concerns and f.source_lines, f"{check_id} finding without evidence: {f}"


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_check_silent_on_negative_case(check_id: str) -> None:
    assert run_gaps(CASES[check_id][1](MINI), checks=[check_id]) == []


def test_positive_findings_name_the_culprit() -> None:
    [f] = run_gaps(
        CASES["indicator-agency-not-contributing"][0](MINI), checks=["indicator-agency-not-contributing"]
    )
    assert f.message == (
        "ilo is responsible for indicator(s) 1.1-01 of outcome 1.1 but is not among its contributing agencies"
    )
    assert f.concerns == ("outcome:1.1", "agency:ilo", "indicator:1.1-01") and f.source_lines == (34,)
    [f] = run_gaps(MINI, checks=["partner-not-in-indicators"])
    assert f.concerns == ("outcome:1.1", "partner:village-water-users-association") and f.evidence == (
        "Village Water Users' Association",
    )
    [f] = run_gaps(CASES["target-year-outside-period"][0](MINI), checks=["target-year-outside-period"])
    assert f.message == "indicator 1.1-01 targets 2035, outside the period 2026-2030"
    lnob = run_gaps(MINI, checks=["lnob-group-not-measured"])
    assert [f.concerns[1] for f in lnob] == ["lnob-group:people-with-disabilities", "lnob-group:rural-women"]


def test_registry_is_documented() -> None:
    for c in GAP_CHECKS.values():
        assert c.severity in ("info", "warning", "error")
        assert len(c.explanation) > 40 and c.title
    assert sorted(r["check"] for r in check_rows()) == sorted(GAP_CHECKS)
    ranks = [severity_rank(r["severity"]) for r in check_rows()]
    assert ranks == sorted(ranks, reverse=True)


def test_min_severity_and_fail_on() -> None:
    all_findings = run_gaps(MINI)
    warnings = run_gaps(MINI, min_severity="warning")
    assert warnings and all(severity_rank(f.severity) >= 1 for f in warnings)
    assert len(warnings) < len(all_findings)
    assert fails(all_findings, "error")
    clean = replace(MINI, outcome_targets=tuple(t for t in MINI.outcome_targets if t.valid))
    assert not fails(run_gaps(clean), "error")
    assert fails(run_gaps(clean), "warning")


def test_unknown_check_suggests_close_ids() -> None:
    with pytest.raises(UnknownIdError) as err:
        run_gaps(MINI, checks=["invalid-codes"])
    assert err.value.suggestions[0] == "invalid-code"


def test_finding_rows_are_plain_objects() -> None:
    rows = finding_rows([Finding("x", "info", "1.1", "m", ("outcome:1.1",), ("q",), (3,))], "kz")
    assert rows == [
        {
            "framework": "kz",
            "check": "x",
            "severity": "info",
            "subject": "1.1",
            "message": "m",
            "concerns": ["outcome:1.1"],
            "evidence": ["q"],
            "source_lines": [3],
            "cited_in": [],
        }
    ]


def test_runs_on_the_shipped_framework(kz: Framework) -> None:
    findings = run_gaps(kz)
    assert {f.check for f in findings} <= set(GAP_CHECKS)
    assert all(f.source_lines for f in findings)
    assert findings == run_gaps(kz)  # deterministic


def test_lnob_wording_variants_count_as_mentions() -> None:
    """A group named by an outcome is found in its indicators under other wordings (KZ review)."""
    from cfgraph.model import LnobGroup, OutcomeLnobGroup

    groups = (
        LnobGroup(id="msm", name="men having sex with men", aliases=("MSM",), source_lines="13"),
        LnobGroup(id="detained", name="people in detention", source_lines="13"),
        LnobGroup(id="tg", name="transgender", aliases=("TG",), source_lines="13"),
    )
    named = tuple(
        OutcomeLnobGroup(
            outcome="2.1", listed_in="narrative", seq=n, group=g.id, raw=g.name, source_lines="20"
        )
        for n, g in enumerate(groups, 2)
    )
    fw = replace(
        MINI, lnob_groups=MINI.lnob_groups + groups, outcome_lnob_groups=MINI.outcome_lnob_groups + named
    )
    silent = indicator(
        fw, "2.1-01a", name="Men who have sex with men; unsentenced detainees; sexual transmission"
    )
    assert [
        f.concerns[1] for f in run_gaps(silent, checks=["lnob-group-not-measured"]) if f.subject == "2.1"
    ] == ["lnob-group:tg"]
    found = [f.concerns[1] for f in run_gaps(fw, checks=["lnob-group-not-measured"]) if f.subject == "2.1"]
    assert found == ["lnob-group:detained", "lnob-group:msm", "lnob-group:tg"]


def test_generic_partners_match_partners_of_their_type() -> None:
    from cfgraph.model import OutcomePartner, Partner

    generic = Partner(
        id="line-ministries", name="line ministries", type="ministry", generic=True, source_lines="22"
    )
    fw = replace(MINI, partners=(*MINI.partners, generic))
    swapped = tuple(
        OutcomePartner(
            outcome="2.1", seq=p.seq, partner="line-ministries", raw="line ministries", source_lines="22"
        )
        if p.partner == "ministry-of-labour"
        else p
        for p in fw.outcome_partners
    )
    assert run_gaps(replace(fw, outcome_partners=swapped), checks=["partner-only-in-indicators"]) == []
    ngo = replace(generic, id="ngos", name="NGOs", type="ngo-cso")
    fw = replace(fw, partners=(*fw.partners, ngo))
    swapped = tuple(
        replace(p, partner="ngos") if p.partner == "ministry-of-labour" else p for p in fw.outcome_partners
    )
    [f] = run_gaps(replace(fw, outcome_partners=swapped), checks=["partner-only-in-indicators"])
    assert f.concerns[:2] == ("outcome:2.1", "partner:ministry-of-labour")


def test_a_link_to_a_target_code_measures_that_target() -> None:
    """KZ 1.2-01 writes 'link to 4.7 (G)': a target, not an indicator; 4.7 counts as measured."""
    from cfgraph.model import IndicatorSdgLink

    fw = replace(
        MINI,
        indicator_sdg_links=(
            IndicatorSdgLink(
                indicator="2.1-01",
                seq=1,
                sdg_indicator="4.4",
                raw="4.4 (G)",
                code_status="invalid-in-source",
                source_lines="47",
            ),
        ),
    )
    [f] = [f for f in run_gaps(fw, checks=["target-without-indicator"]) if f.subject == "2.1"]
    assert "4.4" not in f.message and f.message == "outcome 2.1: no indicator measures cross-cutting 5.1"


def test_kazakhstan_review(kz: Framework) -> None:
    """Findings checked against the source document (see the issue-5 note): real ones stay,
    false alarms fixed in the checks stay away."""
    found = run_gaps(kz)

    def of(check: str) -> set[tuple[str, str]]:
        return {(f.subject, f.concerns[1]) for f in found if f.check == check}

    # real: the results matrix names UN Women (L885) and UNICEF (L972) for indicators of outcomes
    # whose lists of contributing agencies (L270/750, L307/910) leave them out
    assert of("indicator-agency-not-contributing") == {("1.2", "agency:un-women"), ("2.1", "agency:unicef")}
    lnob = of("lnob-group-not-measured")
    assert ("1.1", "lnob-group:people-living-with-hiv") not in lnob  # 1.1-04b '... who are living with HIV'
    assert ("2.1", "lnob-group:people-in-detention") not in lnob  # 'unsentenced detainees' (2.1-11)
    assert ("2.1", "lnob-group:victims-of-gender-based-violence") not in lnob  # 'violence against women'
    assert ("2.2", "lnob-group:migrants") not in lnob  # 'migration policy areas' (2.2-05)
    assert ("2.1", "lnob-group:released-prisoners") in lnob  # only detainees are measured
    [t12] = [f for f in found if f.check == "target-without-indicator" and f.subject == "1.2"]
    assert "sdg-target:4.7" not in t12.concerns  # 1.2-01 'link to 4.7 (G)' names the target (L753)
    assert ("2.2", "partner:ministry-of-labor-and-social-protection-of-the-population") not in of(
        "partner-only-in-indicators"
    )  # 2.2's Partnerships name 'line ministries' (L342)
