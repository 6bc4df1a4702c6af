"""The graph the views draw: :func:`cfgraph.graph.to_networkx` dressed for reading.

Nodes, their keys and their kinds come from the one bridge, :mod:`cfgraph.graph`; kinds and
relations are the vocabulary's (:mod:`cfgraph.vocabulary`). Here each drawable node gets a label,
a colour group and a tooltip (:mod:`cfgraph.render.views.tips`); parallel relations (an agency
listed in both the narrative and the results matrix) become one edge whose tooltip says where it
is listed; each stated link keeps its own edge, kind and quote. Two derived relations help the
maps: a partner named only for an indicator of an outcome (``partner-via-indicator``), and an
indicator whose name mentions an LNOB group (``mentions-lnob-group``).

>>> import cfgraph
>>> g = framework_graph(cfgraph.load(cfgraph.MINI))
>>> fid = "examplestan-2026-2030"
>>> g.nodes[f"{fid}/outcome/1.1"]["kind"], g.nodes[f"{fid}/agency/unicef"]["label"]
('outcome', 'UNICEF')
>>> edges = g.edges(f"{fid}/agency/unicef", data=True)
>>> [d["tip"]["facts"] for _, _, d in edges if d["kind"] == "contributes"]
[[['listed in', 'narrative list and results matrix']]]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cfgraph.model import Framework
from cfgraph.render.views.reviews import add_review_edges
from cfgraph.render.views.tips import DRAWN_KINDS, ViewFacts, cells, node_attributes, short, tip
from cfgraph.vocabulary import LINK_KINDS, LISTED_IN_NAMES, RELATIONS, ROLE_NAMES, key

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["framework_graph", "short"]

_STATED = ("outcome-link", "target-link")


def _aggregate_tip(facts: ViewFacts, g: nx.MultiDiGraph, kind: str, u: str, v: str,
                   rows: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    ud, vd = g.nodes[u], g.nodes[v]
    source, target = facts.name_of(ud["kind"], ud["id"]), facts.name_of(vd["kind"], vd["id"])
    title = f"{source} {RELATIONS[kind].wording} {target}"
    where = sorted({LISTED_IN_NAMES[str(r["listed_in"])] for r in rows if r.get("listed_in")})
    roles = sorted(
        {
            f"{ROLE_NAMES[str(r['role'])]} ({LISTED_IN_NAMES[str(r['listed_in'])]})"
            for r in rows
            if r.get("role")
        }
    )
    lines: list[tuple[str, str]] = (
        [("as", ", ".join(roles))] if roles else [("listed in", " and ".join(where))]
    )
    return tip(title[0].upper() + title[1:], lines, None, cells(str(r.get("source_lines", "")) for r in rows))


def _stated_tip(
    fw: Framework, kind: str, u: str, v: str, d: dict[str, Any], g: nx.MultiDiGraph
) -> dict[str, Any]:
    wording = LINK_KINDS[str(d["link_kind"])].wording
    uid, vid = g.nodes[u]["id"], g.nodes[v]["id"]
    if kind == "outcome-link":
        link = next(ol for ol in fw.outcome_links if ol.id == d["id"])
        facts = [
            ("via targets", ", ".join(link.via_targets)),
            ("stated as", link.stated_as),
            ("note", link.note or ""),
        ]
        return tip(
            f"Outcome {uid} {wording} outcome {vid}", facts, d.get("quote"), str(d.get("source_lines", ""))
        )
    tl = next(t for t in fw.target_links if t.id == d["id"])
    facts = [("statement", tl.id), ("note", tl.note or "")]
    return tip(f"{uid} {wording} {vid}", facts, d.get("quote"), str(d.get("source_lines", "")))


def _add_edges(g: nx.MultiDiGraph, base: nx.MultiDiGraph, fw: Framework, facts: ViewFacts) -> None:
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for u, v, d in base.edges(data=True):
        kind = str(d["kind"])
        if u not in g or v not in g or RELATIONS[kind].judged:  # judgements: add_review_edges
            continue
        if kind in _STATED:
            relation = str(d["link_kind"])
            g.add_edge(u, v, kind=kind, relation=relation, label=relation.replace("-", " "),
                       tip=_stated_tip(fw, kind, u, v, d, base))  # fmt: skip
        else:
            grouped.setdefault((kind, u, v), []).append(d)
    for (kind, u, v), rows in grouped.items():
        extra = {}
        if kind == "lists-target":
            extra["role"] = "crosscutting" if all(r.get("role") == "crosscutting" for r in rows) else "global"
        g.add_edge(u, v, kind=kind, tip=_aggregate_tip(facts, base, kind, u, v, rows), **extra)


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
    fid = fw.info.id
    named = {(op.partner, op.outcome) for op in fw.outcome_partners}
    via: dict[tuple[str, str], list[str]] = {}
    for ip in fw.indicator_partners:
        outcome = facts.indicators[ip.indicator].outcome
        if (ip.partner, outcome) not in named:
            via.setdefault((ip.partner, outcome), []).append(ip.indicator)
    derived = [
        (("partner", partner), ("outcome", outcome), "partner-via-indicator",
         f"{facts.partners[partner].name}: partner for indicators of outcome {outcome}",
         ("indicators", ", ".join(sorted(set(indicators)))))
        for (partner, outcome), indicators in sorted(via.items())
    ]
    derived += [
        (("indicator", ind), ("lnob-group", grp), "mentions-lnob-group",
         f"Indicator {ind} mentions {facts.lnob[grp].name}", ("indicator", facts.indicators[ind].name))
        for ind, grp in _mentions(fw)
    ]  # fmt: skip
    for (skind, sid), (tkind, tid), kind, title, fact in derived:
        g.add_edge(key(skind, sid, fid), key(tkind, tid, fid), kind=kind, tip=tip(title, [fact]))


def framework_graph(fw: Framework) -> nx.MultiDiGraph:
    """The framework graph of :mod:`cfgraph.graph` with labels, colour groups and tooltips."""
    import networkx as nx

    from cfgraph.graph import to_networkx

    base = to_networkx(fw)
    facts = ViewFacts(fw)
    g = nx.MultiDiGraph(name=fw.info.title, frameworks=[fw.info.id])
    for n, d in base.nodes(data=True):
        if d["kind"] in DRAWN_KINDS:
            g.add_node(n, kind=d["kind"], id=d["id"], framework=d["framework"],
                       **node_attributes(facts, d["kind"], str(d["id"])))  # fmt: skip
    _add_edges(g, base, fw, facts)
    _add_derived(g, fw, facts)
    add_review_edges(g, fw)
    return g
