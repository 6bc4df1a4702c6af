"""Gap checks on who does what: UN agencies, partners and LNOB groups of each outcome.

>>> import cfgraph
>>> from cfgraph.analysis.networks import index
>>> fw = cfgraph.load(cfgraph.MINI)
>>> [c.id for c in CHECKS][:2]
['indicator-agency-not-contributing', 'agency-without-indicator']
>>> [f.subject for f in CHECKS[1](fw, index(fw))]
['1.1']
"""

from __future__ import annotations

import re

from cfgraph.analysis.gaps.findings import Finding, GapCheck, register
from cfgraph.analysis.networks import FrameworkIndex
from cfgraph.model import Framework

__all__ = ["CHECKS", "NEEDED_PARTNER_TYPES", "LNOB_SYNONYMS"]

CHECKS: list[GapCheck] = []

#: Partner types every outcome should have among its partners (checked by
#: ``outcome-without-partner-type``).
NEEDED_PARTNER_TYPES: tuple[str, ...] = ("ministry",)


@register(
    CHECKS,
    "indicator-agency-not-contributing",
    "warning",
    "Agency responsible for an indicator but not contributing",
)
def indicator_agency_not_contributing(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """A UN agency is responsible for an indicator of an outcome (results matrix) but is in
    neither of the outcome's lists of contributing agencies: either the list misses it or the
    indicator names the wrong agency."""
    found = []
    for o in fw.outcomes:
        for agency in sorted(ix.responsible.get(o.id, set()) - ix.agencies.get(o.id, set())):
            inds = [i for i in ix.indicators.get(o.id, []) if agency in ix.indicator_agencies.get(i, [])]
            rows = [r for r in fw.indicator_agencies if r.agency == agency and r.indicator in inds]
            found.append(
                check.about_rows(
                    o.id,
                    f"{agency} is responsible for indicator(s) {', '.join(inds)} of outcome {o.id} "
                    "but is not among its contributing agencies",
                    [f"outcome:{o.id}", f"agency:{agency}", *(f"indicator:{i}" for i in inds)],
                    rows,
                )
            )
    return found


@register(CHECKS, "agency-without-indicator", "info", "Contributing agency responsible for no indicator")
def agency_without_indicator(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """A UN agency is listed as contributing to an outcome but is responsible for none of its
    indicators, so its contribution is not measured."""
    found = []
    for o in fw.outcomes:
        for agency in sorted(ix.agencies.get(o.id, set()) - ix.responsible.get(o.id, set())):
            rows = [r for r in fw.outcome_agencies if r.outcome == o.id and r.agency == agency]
            found.append(
                check.about_rows(
                    o.id,
                    f"{agency} contributes to outcome {o.id} but is responsible for none of its indicators",
                    [f"outcome:{o.id}", f"agency:{agency}"],
                    rows,
                )
            )
    return found


#: Words that do not identify a group ("people with disabilities" is found by "disabilities").
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "has",
        "have",
        "having",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "who",
        "with",
    ]
)
#: Indicator wording for groups whose name rarely appears as such in an indicator.
LNOB_SYNONYMS: dict[str, tuple[str, ...]] = {
    "detention": ("detainee", "prison population"),
    "gender-based violence": ("violence against women", "domestic violence", "psychological violence"),
}


def _names(fw: Framework, group_id: str) -> list[str]:
    """Names by which a group (or a narrower one) can be mentioned, lower case."""
    groups = {g.id: g for g in fw.lnob_groups}
    ids = {group_id} | {g.id for g in fw.lnob_groups if g.broader == group_id}
    names = set()
    for gid in ids:
        if gid in groups:
            names.add(groups[gid].name.lower())
            names.update(a.lower() for a in groups[gid].aliases)
    for key, extra in LNOB_SYNONYMS.items():
        if any(key in n for n in names):
            names.update(extra)
    return sorted(n for n in names if n)


def _mentions(text: str, name: str) -> bool:
    """*name* occurs in *text*: as a phrase, or every identifying word of it by its stem (the
    word less its last three letters, at least five kept).

    >>> _mentions("men who have sex with men", "men having sex with men")
    True
    >>> _mentions("migration policy areas", "migrants"), _mentions("sexual transmission", "transgender")
    (True, False)
    """
    stem = re.escape(name).replace(r"\ ", r"[\s-]+")
    if re.search(rf"(?<![a-z]){stem}", text):
        return True
    words = [w for w in re.findall(r"[a-z0-9]+", name) if w not in _STOP]
    return bool(words) and all(
        re.search(rf"(?<![a-z]){re.escape(w[: max(5, len(w) - 3)])}", text) for w in words
    )


@register(CHECKS, "lnob-group-not-measured", "info", "LNOB group no indicator disaggregates or mentions")
def lnob_group_not_measured(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """An outcome names a group at risk of being left behind, but none of its indicators
    (name, baseline, target, note) mentions that group or a narrower one (by name, alias, all
    its identifying words, or a usual indicator wording such as "violence against women" for
    gender-based violence), so progress for the group cannot be followed."""
    found = []
    for o in fw.outcomes:
        texts = [
            " ".join(filter(None, (i.name, i.baseline_raw, i.target_raw, i.note))).lower()
            for i in fw.indicators_of(o.id)
        ]
        for group in sorted(ix.lnob.get(o.id, set())):
            if any(_mentions(t, n) for t in texts for n in _names(fw, group)):
                continue
            rows = [r for r in fw.outcome_lnob_groups if r.outcome == o.id and r.group == group]
            found.append(
                check.about_rows(
                    o.id,
                    f"outcome {o.id} names LNOB group '{group}' but no indicator mentions it",
                    [f"outcome:{o.id}", f"lnob-group:{group}"],
                    rows,
                )
            )
    return found


def _related(fw: Framework, partner: str, others: set[str]) -> bool:
    """The partner, its parent body or one of its parts is among *others*; or a generic partner
    ("line ministries", "civil society organizations") meets one of the same type."""
    if partner in others or fw.partner(partner).part_of in others:
        return True
    if any(fw.partner(o).part_of == partner for o in others):
        return True
    kind, generic = fw.partner(partner).type, fw.partner(partner).generic
    return any(fw.partner(o).type == kind and (generic or fw.partner(o).generic) for o in others)


@register(CHECKS, "partner-not-in-indicators", "info", "Partner of an outcome but of none of its indicators")
def partner_not_in_indicators(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """A partner named in the outcome's partnerships text or for one of its outputs appears in
    none of its indicators' partner cells (itself, its parent body or one of its parts; a generic
    partner such as "civil society organizations" is matched by any partner of its type)."""
    found = []
    output_of = {x.id: x.outcome for x in fw.outputs}
    for o in fw.outcomes:
        named = ix.indicator_partners.get(o.id, set())
        for partner in sorted(ix.partners.get(o.id, set())):
            if _related(fw, partner, named):
                continue
            body = set(fw.same_body_ids(partner))
            text = [r for r in fw.outcome_partners if r.outcome == o.id and r.partner in body]
            outputs = [r for r in fw.output_partners if output_of[r.output] == o.id and r.partner in body]
            where = ["partnerships text"] * bool(text) + [f"output {r.output}" for r in outputs]
            found.append(
                check.about_rows(
                    o.id,
                    f"{partner} is a partner of outcome {o.id} ({', '.join(dict.fromkeys(where))}) "
                    "but of none of its indicators",
                    [f"outcome:{o.id}", f"partner:{partner}"],
                    [*text, *outputs],
                )
            )
    return found


@register(
    CHECKS, "partner-only-in-indicators", "info", "Indicator partner missing from the partnerships text"
)
def partner_only_in_indicators(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """A partner named for an indicator of an outcome is missing from the outcome's
    partnerships text (neither it, its parent body, one of its parts nor a generic partner
    of its type such as "line ministries" is named there)."""
    found = []
    for o in fw.outcomes:
        named = ix.partners.get(o.id, set())
        mine = set(ix.indicators.get(o.id, []))
        for partner in sorted(ix.indicator_partners.get(o.id, set())):
            if _related(fw, partner, named):
                continue
            rows = [r for r in fw.indicator_partners if r.indicator in mine and r.partner == partner]
            found.append(
                check.about_rows(
                    o.id,
                    f"{partner} is named for indicator(s) {', '.join(sorted({r.indicator for r in rows}))} "
                    f"but not in the partnerships text of outcome {o.id}",
                    [f"outcome:{o.id}", f"partner:{partner}", *(f"indicator:{r.indicator}" for r in rows)],
                    rows,
                )
            )
    return found


@register(
    CHECKS, "outcome-without-partner-type", "warning", "Outcome without a national partner of a needed type"
)
def outcome_without_partner_type(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """An outcome has no partner of a type it needs (a ministry) among the partners of its
    partnerships text and indicators: who in government owns the result?"""
    types = {p.id: p.type for p in fw.partners}
    found = []
    for o in fw.outcomes:
        partners = ix.partners.get(o.id, set()) | ix.indicator_partners.get(o.id, set())
        have = {types.get(p) for p in partners}
        for needed in NEEDED_PARTNER_TYPES:
            if needed not in have:
                found.append(
                    check.finding(
                        o.id,
                        f"outcome {o.id} has no partner of type '{needed}' ({len(partners)} partners)",
                        [f"outcome:{o.id}"],
                        [],
                        [o],
                    )
                )
    return found


@register(
    CHECKS, "result-group-without-shared-agency", "warning", "Result group whose outcomes share no agency"
)
def result_group_without_shared_agency(check: GapCheck, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
    """A result group holds several outcomes but no UN agency contributes to all of them, so
    nobody in the group works across its outcomes."""
    found = []
    for rg in fw.result_groups:
        if len(rg.outcomes) < 2:
            continue
        common = set.intersection(*(ix.agencies.get(o, set()) for o in rg.outcomes))
        if not common:
            found.append(
                check.finding(
                    rg.id,
                    f"result group {rg.id} ({', '.join(rg.outcomes)}): no agency contributes to all of them",
                    [f"result-group:{rg.id}", *(f"outcome:{o}" for o in rg.outcomes)],
                    [rg.name],
                    [rg],
                )
            )
    return found
