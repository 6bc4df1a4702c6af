"""The graph the views draw: :func:`cfgraph.graph.to_networkx` dressed for reading.

The nodes, their ids (``outcome:1.1``, ``agency:undp``, ``target:6.1``, ``sdgind:6.1.1``,
``lnob:women``, ``rg:people``) and the relations come from the one bridge, :mod:`cfgraph.graph`.
Here each node gets a view kind (``result_group``, ``lnob_group``, ``sdg_indicator`` where the
bridge says ``rg``, ``lnob``, ``sdgind``), a label, a colour group and a tooltip
(:mod:`cfgraph.render.viewtips`); parallel relations (an agency listed in both the narrative and
the results matrix) become one edge whose tooltip says where it is listed, pointing the way a
reader says it (agency → outcome); each stated link keeps its own edge, kind and quote. Two
derived edge kinds help the maps: a partner named only for an indicator of an outcome, and an
indicator whose name mentions an LNOB group.

>>> import cfgraph
>>> g = framework_graph(cfgraph.load(cfgraph.MINI))
>>> g.nodes["outcome:1.1"]["kind"], g.nodes["agency:unicef"]["label"], g.nodes["lnob:women"]["kind"]
('outcome', 'UNICEF', 'lnob_group')
>>> [d["tip"]["facts"] for _, _, d in g.edges("agency:unicef", data=True) if d["kind"] == "agency_outcome"]
[[['listed in', 'narrative and results matrix']]]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cfgraph.model import Framework
from cfgraph.render.viewtips import ViewFacts, cells, node_attributes, short, tip

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["NODE_KINDS", "EDGE_KINDS", "ID_PREFIX", "framework_graph", "node_id", "short"]

#: node kind -> what it is, for legends and ``--focus`` messages.
NODE_KINDS: dict[str, str] = {
    "result_group": "Result group",
    "outcome": "Outcome",
    "agency": "UN agency",
    "partner": "Partner",
    "lnob_group": "LNOB group",
    "target": "SDG target",
    "indicator": "Indicator",
    "sdg_indicator": "SDG indicator",
}

#: edge kind -> how the legend and tooltips name it.
EDGE_KINDS: dict[str, str] = {
    "outcome_result_group": "outcome of result group",
    "agency_outcome": "agency contributes to outcome",
    "partner_outcome": "partner named for outcome",
    "partner_outcome_indicator": "partner named only for an indicator of the outcome",
    "partner_part_of": "partner is part of",
    "lnob_outcome": "outcome names LNOB group",
    "broader_group": "LNOB group is part of",
    "outcome_target": "outcome lists SDG target",
    "target_link": "stated target interlinkage",
    "outcome_link": "stated outcome link",
    "indicator_outcome": "indicator measures outcome",
    "indicator_parent": "sub-indicator of",
    "indicator_sdg": "indicator measures SDG indicator",
    "sdg_indicator_target": "SDG indicator of target",
    "agency_indicator": "agency responsible for indicator",
    "partner_indicator": "partner named for indicator",
    "indicator_lnob": "indicator mentions LNOB group",
}

#: id prefixes of :mod:`cfgraph.graph` where they differ from the view kind's name.
ID_PREFIX: dict[str, str] = {"result_group": "rg", "lnob_group": "lnob", "sdg_indicator": "sdgind"}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in ID_PREFIX.items()}

#: bridge edge kind -> (view edge kind, reverse the direction?)
_EDGE_OF: dict[str, tuple[str, bool]] = {
    "has-outcome": ("outcome_result_group", True),
    "lists-target": ("outcome_target", False),
    "contributing-agency": ("agency_outcome", True),
    "lnob-group": ("lnob_outcome", False),
    "broader": ("broader_group", False),
    "part-of": ("partner_part_of", False),
    "measured-by": ("indicator_outcome", True),
    "sub-indicator": ("indicator_parent", True),
    "measures": ("indicator_sdg", False),
    "indicator-of": ("sdg_indicator_target", False),
    "responsible": ("agency_indicator", True),
}


def node_id(kind: str, ident: str) -> str:
    """The graph id of an entity, the same as in :mod:`cfgraph.graph`.

    >>> node_id("outcome", "1.1"), node_id("lnob_group", "women")
    ('outcome:1.1', 'lnob:women')
    """
    return f"{ID_PREFIX.get(kind, kind)}:{ident}"


def _split(nid: str) -> tuple[str, str]:
    prefix, _, key = nid.partition(":")
    return _KIND_OF_PREFIX.get(prefix, prefix), key


def _view_edge(kind: str, u: str, v: str) -> tuple[str, str, str, bool]:
    """(view kind, source, target, stated?) of one bridge edge."""
    if kind == "partner":  # outcome -> partner or indicator -> partner
        view = "partner_outcome" if u.startswith("outcome:") else "partner_indicator"
        return view, v, u, False
    if kind in _EDGE_OF:
        view, reverse = _EDGE_OF[kind]
        return (view, v, u, False) if reverse else (view, u, v, False)
    return ("outcome_link" if u.startswith("outcome:") else "target_link"), u, v, True


def _aggregate_tip(facts: ViewFacts, view: str, u: str, v: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    (ukind, ukey), (vkind, vkey) = _split(u), _split(v)
    title = f"{facts.name_of(ukind, ukey)}: {EDGE_KINDS[view]} {facts.name_of(vkind, vkey)}"
    where = sorted({str(r["listed_in"]).replace("_", " ") for r in rows if r.get("listed_in")})
    roles = sorted({f"{r['role']} ({str(r['listed_in']).replace('_', ' ')})" for r in rows if r.get("role")})
    lines: list[tuple[str, str]] = (
        [("as", ", ".join(roles))] if roles else [("listed in", " and ".join(where))]
    )
    return tip(title[0].upper() + title[1:], lines, None, cells(str(r.get("source_lines", "")) for r in rows))


def _stated_tip(fw: Framework, view: str, u: str, v: str, d: dict[str, Any]) -> dict[str, Any]:
    relation = str(d["kind"]).replace("-", " ")
    (_, ukey), (_, vkey) = _split(u), _split(v)
    if view == "outcome_link":
        link = next(ol for ol in fw.outcome_links if ol.id == d["link"])
        facts = [
            ("via targets", ", ".join(link.via_targets)),
            ("stated as", link.stated_as),
            ("note", link.note or ""),
        ]
        return tip(
            f"Outcome {ukey} {relation} outcome {vkey}", facts, d.get("quote"), str(d.get("source_lines", ""))
        )
    tl = next(t for t in fw.target_links if t.id == d["link"])
    facts = [("statement", tl.id), ("note", tl.note or "")]
    return tip(f"{ukey} {relation} {vkey}", facts, d.get("quote"), str(d.get("source_lines", "")))


def _add_edges(g: nx.MultiDiGraph, base: nx.MultiDiGraph, fw: Framework, facts: ViewFacts) -> None:
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for u, v, d in base.edges(data=True):
        view, src, dst, stated = _view_edge(str(d["kind"]), u, v)
        if stated:
            g.add_edge(
                src,
                dst,
                kind=view,
                relation=d["kind"],
                label=str(d["kind"]).replace("-", " "),
                tip=_stated_tip(fw, view, src, dst, d),
            )
        else:
            grouped.setdefault((view, src, dst), []).append(d)
    for (view, src, dst), rows in grouped.items():
        extra = {}
        if view == "outcome_target":
            extra["role"] = "crosscutting" if all(r.get("role") == "crosscutting" for r in rows) else "global"
        g.add_edge(src, dst, kind=view, tip=_aggregate_tip(facts, view, src, dst, rows), **extra)


def _mentions(fw: Framework) -> list[tuple[str, str]]:
    """(indicator, group) pairs where the indicator's name mentions the group or one of its aliases."""
    pairs = []
    for grp in fw.lnob_groups:
        words = [w for w in (grp.name, *grp.aliases) if len(w) > 3]
        if not words:
            continue
        pattern = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words), re.IGNORECASE)
        pairs += [(ind.id, grp.id) for ind in fw.indicators if pattern.search(ind.name)]
    return sorted(pairs)


def _add_derived(g: nx.MultiDiGraph, fw: Framework, facts: ViewFacts) -> None:
    named = {(op.partner, op.outcome) for op in fw.outcome_partners}
    via: dict[tuple[str, str], list[str]] = {}
    for ip in fw.indicator_partners:
        outcome = facts.indicators[ip.indicator].outcome
        if (ip.partner, outcome) not in named:
            via.setdefault((ip.partner, outcome), []).append(ip.indicator)
    for (partner, outcome), indicators in sorted(via.items()):
        g.add_edge(
            node_id("partner", partner),
            node_id("outcome", outcome),
            kind="partner_outcome_indicator",
            tip=tip(
                f"{facts.partners[partner].name}: partner for indicators of outcome {outcome}",
                [("indicators", ", ".join(sorted(set(indicators))))],
            ),
        )
    for ind, grp in _mentions(fw):
        g.add_edge(
            node_id("indicator", ind),
            node_id("lnob_group", grp),
            kind="indicator_lnob",
            tip=tip(
                f"Indicator {ind} mentions {facts.lnob[grp].name}",
                [("indicator", facts.indicators[ind].name)],
            ),
        )


def framework_graph(fw: Framework) -> nx.MultiDiGraph:
    """The framework graph of :mod:`cfgraph.graph` with view kinds, labels and tooltips."""
    import networkx as nx

    from cfgraph.graph import to_networkx

    base = to_networkx(fw)
    facts = ViewFacts(fw)
    g = nx.MultiDiGraph(name=fw.info.title)
    for n in base.nodes:
        kind, key = _split(n)
        g.add_node(n, kind=kind, **node_attributes(facts, kind, key))
    _add_edges(g, base, fw, facts)
    _add_derived(g, fw, facts)
    return g
