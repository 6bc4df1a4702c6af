"""What a view shows about each entity: its label, full name, colour group and tooltip facts.

:func:`node_attributes` returns, for one node of :func:`cfgraph.graph.to_networkx`, the
``label`` drawn on the canvas, the ``name`` the search menu offers, the ``group`` a view may colour
by (partner type, result group, SDG goal, code tag) and the ``tip``: a title, facts, a quote and
the source lines, which the page turns into a tooltip as text.

>>> import cfgraph
>>> facts = ViewFacts(cfgraph.load(cfgraph.MINI))
>>> node_attributes(facts, "agency", "unicef")["tip"]["facts"][0]
['outcomes', '1.1']
>>> tip("T", [("a", "1"), ("b", "")], None, "14;29-30")
{'title': 'T', 'facts': [['a', '1']], 'quote': '', 'source': 'source lines 14, 29-30'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cfgraph.model import Framework, Indicator, measure, natural_key, parse_lines
from cfgraph.vocabulary import PARTNER_TYPES

__all__ = ["DRAWN_KINDS", "ViewFacts", "node_attributes", "short", "tip", "cells"]


def short(text: str, limit: int = 28) -> str:
    """*text* cut to *limit* characters with an ellipsis.

    >>> short("Ministry of Labour and Social Protection of the Population", 20)
    'Ministry of Labour …'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + " …"


def tip(
    title: str, facts: list[tuple[str, str]] | None = None, quote: str | None = None, source: str = ""
) -> dict[str, Any]:
    """A tooltip: title, non-empty facts, quote and the source lines of a provenance cell."""
    lines = ", ".join(p for p in source.split(";") if p)
    return {
        "title": title,
        "facts": [[k, v] for k, v in (facts or []) if v],
        "quote": quote or "",
        "source": f"source lines {lines}" if lines else "",
    }


def cells(values: Iterable[str]) -> str:
    """Provenance cells merged into one, first lines in order.

    >>> cells(["30", "14;29", "14"])
    '14;29;30'
    """
    return ";".join(str(n) for n in sorted({n for c in values for n in parse_lines(c)}))



class ViewFacts:
    """Look-ups computed once per framework for the tooltips."""

    def __init__(self, fw: Framework) -> None:
        from cfgraph.analysis.communities import community_of, target_communities

        self.fw = fw
        self.result_groups = {rg.id: rg for rg in fw.result_groups}
        self.outcomes = {o.id: o for o in fw.outcomes}
        self.agencies = {a.id: a for a in fw.agencies}
        self.partners = {p.id: p for p in fw.partners}
        self.lnob = {g.id: g for g in fw.lnob_groups}
        self.indicators = {i.id: i for i in fw.indicators}
        self.outputs = {x.id: x for x in fw.outputs}
        self.community = community_of(target_communities(fw))
        self.agency_outcomes: dict[str, set[str]] = {}
        for oa in fw.outcome_agencies:
            self.agency_outcomes.setdefault(oa.agency, set()).add(oa.outcome)
        output_outcome = {x.id: x.outcome for x in fw.outputs}
        for xa in fw.output_agencies:
            self.agency_outcomes.setdefault(xa.agency, set()).add(output_outcome[xa.output])
        self.responsible: dict[str, list[str]] = {}
        self.responsible_outcomes: dict[str, set[str]] = {}
        for ia in fw.indicator_agencies:
            self.responsible.setdefault(ia.agency, []).append(ia.indicator)
            self.responsible_outcomes.setdefault(ia.agency, set()).add(self.indicators[ia.indicator].outcome)
        self.partner_outcomes: dict[str, set[str]] = {}
        for op in fw.outcome_partners:
            self.partner_outcomes.setdefault(fw.actor_id(op.partner), set()).add(op.outcome)
        for ip in fw.indicator_partners:
            outcome = self.indicators[ip.indicator].outcome
            self.partner_outcomes.setdefault(fw.actor_id(ip.partner), set()).add(outcome)
        for xp in fw.output_partners:
            self.partner_outcomes.setdefault(fw.actor_id(xp.partner), set()).add(output_outcome[xp.output])

    def agency_label(self, agency: str) -> str:
        return self.agencies[agency].label if agency in self.agencies else agency

    def name_of(self, kind: str, key: str) -> str:
        """A short human name for an entity, for edge tooltips."""
        if kind == "agency":
            return self.agency_label(key)
        if kind == "partner" and key in self.partners:
            return self.fw.actor_name(key)
        if kind == "lnob-group" and key in self.lnob:
            return self.lnob[key].name
        if kind == "result-group" and key in self.result_groups:
            return self.result_groups[key].name
        if kind in ("outcome", "indicator"):
            return f"{kind} {key}"
        return f"target {key}" if kind == "sdg-target" else key


def _result_group(f: ViewFacts, key: str) -> dict[str, Any]:
    rg = f.result_groups[key]
    return {
        "label": rg.name,
        "name": rg.name,
        "group": "result-group",
        "tip": tip(f"Result group: {rg.name}", [("outcomes", ", ".join(rg.outcomes))], None, rg.source_lines),
    }


def _outcome(f: ViewFacts, key: str) -> dict[str, Any]:
    o = f.outcomes[key]
    rg = f.result_groups.get(o.result_group or "")
    facts = [
        ("statement", o.statement),
        ("result group", rg.name if rg else o.result_group or ""),
        ("SDG targets", ", ".join(f.fw.target_codes(o.id))),
    ]
    return {
        "label": f"Outcome {o.id}",
        "name": o.statement,
        "group": o.result_group or "",
        "group_label": rg.name if rg else o.result_group or "",
        "tip": tip(f"Outcome {o.id}", facts, None, o.source_lines),
    }


def _output(f: ViewFacts, key: str) -> dict[str, Any]:
    x = f.outputs[key]
    facts = [
        ("outcome", x.outcome),
        ("UN agencies", ", ".join(f.agency_label(r.agency) for r in f.fw.output_agencies if r.output == key)),
        ("partners", ", ".join(f.fw.actor_name(r.partner) for r in f.fw.output_partners if r.output == key)),
    ]
    return {
        "label": f"Output {x.id}",
        "name": x.statement,
        "group": "output",
        "tip": tip(f"Output {x.id}", facts, x.statement, x.source_lines),
    }


def _agency(f: ViewFacts, key: str) -> dict[str, Any]:
    a = f.agencies[key]
    facts = [
        ("name", a.name or ""),
        ("outcomes", ", ".join(sorted(f.agency_outcomes.get(key, set()), key=natural_key))),
        ("responsible for", _responsible(f, key)),
        ("also written", ", ".join(a.aliases)),
    ]
    return {
        "label": a.label,
        "name": a.name or a.label,
        "group": "agency",
        "tip": tip(a.label, facts, None, a.source_lines),
    }


def _responsible(f: ViewFacts, key: str) -> str:
    indicators = f.responsible.get(key, [])
    if not indicators:
        return ""
    outcomes = ", ".join(sorted(f.responsible_outcomes.get(key, set()), key=natural_key))
    return f"{len(indicators)} indicator{'s' if len(indicators) > 1 else ''} of outcomes {outcomes}"


def _partner(f: ViewFacts, key: str) -> dict[str, Any]:
    p = f.partners[key]
    name = f.fw.actor_name(key)
    others = [f.partners[i] for i in f.fw.same_body_ids(key)[1:]]
    facts = [
        ("type", PARTNER_TYPES[p.type].display),
        ("same body as", "; ".join(o.name for o in others)),
        ("outcomes", ", ".join(sorted(f.partner_outcomes.get(key, set()), key=natural_key))),
        ("part of", f.partners[p.part_of].name if p.part_of in f.partners else ""),
        ("also written", ", ".join(a for q in (p, *others) for a in q.aliases)),
        ("note", p.note or ""),
    ]
    lines = ";".join(q.source_lines for q in (p, *others))
    return {
        "label": short(name),
        "name": name,
        "group": p.type,
        "tip": tip(name, facts, None, lines),
    }


def _lnob_group(f: ViewFacts, key: str) -> dict[str, Any]:
    grp = f.lnob[key]
    broader = f.lnob[grp.broader].name if grp.broader in f.lnob else ""
    return {
        "label": short(grp.name),
        "name": grp.name,
        "group": "lnob-group",
        "tip": tip(
            grp.name, [("also written", ", ".join(grp.aliases)), ("part of", broader)], None, grp.source_lines
        ),
    }


def _target(f: ViewFacts, key: str) -> dict[str, Any]:
    target = f.fw.catalogue.targets.get(key)
    title = target.title_en if target else "(not an SDG target)"
    community = f.community.get(key)
    facts = [
        ("target", title),
        ("goal", key.split(".")[0]),
        ("community", str(community) if community else ""),
    ]
    attrs: dict[str, Any] = {
        "label": key,
        "name": title,
        "group": key.split(".")[0],
        "tip": tip(f"SDG target {key}", facts),
    }
    if community:
        attrs["community"] = community - 1
    return attrs


def _indicator(f: ViewFacts, key: str) -> dict[str, Any]:
    ind: Indicator = f.indicators[key]
    facts = [
        ("indicator", ind.name),
        ("code", ind.code_raw or ""),
        (
            "baseline → target",
            f"{measure(ind.baseline_raw, ind.baseline_year, '?')} → "
            f"{measure(ind.target_raw, ind.target_year, '?')}",
        ),
        ("data source", ind.data_source or ""),
        ("responsible", ", ".join(f.agency_label(a) for a in f.fw.responsible_agencies(ind.id))),
    ]
    return {
        "label": ind.id,
        "name": ind.name,
        "group": ind.code_tag or "none",
        "tip": tip(f"Indicator {ind.id}", facts, None, ind.source_lines),
    }


def _sdg_indicator(f: ViewFacts, key: str) -> dict[str, Any]:
    sdg = f.fw.catalogue.indicators.get(key)
    title = sdg.title_en if sdg else "(not a global SDG indicator)"
    return {
        "label": key,
        "name": title,
        "group": key.split(".")[0],
        "tip": tip(f"SDG indicator {key}", [("indicator", title), ("target", sdg.target if sdg else "")]),
    }


_BUILDERS = {
    "result-group": _result_group,
    "outcome": _outcome,
    "output": _output,
    "agency": _agency,
    "partner": _partner,
    "lnob-group": _lnob_group,
    "sdg-target": _target,
    "indicator": _indicator,
    "sdg-indicator": _sdg_indicator,
}

#: The kinds of node a view can draw.
DRAWN_KINDS: tuple[str, ...] = tuple(_BUILDERS)


def node_attributes(facts: ViewFacts, kind: str, key: str) -> dict[str, Any]:
    """``label``, ``name``, ``group`` (and ``group_label``, ``community``) and ``tip`` of one node."""
    return _BUILDERS[kind](facts, key)
