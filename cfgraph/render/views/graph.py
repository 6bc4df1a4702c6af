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
from collections import Counter
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


def _outcome_pair_edge(fw: Framework, g: nx.MultiDiGraph, pair: tuple[str, str],
                      links: list[dict[str, Any]]) -> None:  # fmt: skip
    """One edge for every statement linking two outcomes: its kinds, whether any names the two
    outcomes (else it is generic, "all other outcomes"), and the way influence flows."""
    u, v = pair
    ways: set[tuple[str, str]] = set()
    for d in links:
        influence = LINK_KINDS[str(d["link_kind"])].influence
        a, b = (d["_u"], d["_v"])
        ways |= {"forward": {(a, b)}, "backward": {(b, a)}, "both": set()}[influence]
    arrows = "to" if ways == {(u, v)} else "from" if ways == {(v, u)} else "to;from" if ways else ""
    kinds = sorted({str(d["link_kind"]) for d in links})
    named = any(d.get("stated_as") == "named" for d in links)
    statements = []
    for d in sorted(links, key=lambda d: str(d["id"])):
        link = next(ol for ol in fw.outcome_links if ol.id == d["id"])
        how = "" if link.stated_as == "named" else " (generic: all other outcomes)"
        text = f"{link.id}: outcome {link.source} {LINK_KINDS[link.kind].wording} outcome {link.target}{how}"
        statements.append((text, link.quote))
    uid, vid = g.nodes[u]["id"], g.nodes[v]["id"]
    facts = [(f"{len(links)} statement{'s' if len(links) > 1 else ''}", "" if named else
              "only generic statements about all other outcomes")]  # fmt: skip
    facts += [(text, f"\u201c{quote}\u201d") for text, quote in statements]
    title = f"Outcomes {uid} and {vid}: {', '.join(k.replace('-', ' ') for k in kinds)}"
    lines = ";".join(str(d.get("source_lines", "")) for d in links)
    counted = Counter(str(d["link_kind"]) for d in links if d.get("stated_as") == "named" or not named)
    main = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]  # the kind stated most
    g.add_edge(u, v, kind="outcome-link", relation=main, label=", ".join(k.replace("-", " ") for k in kinds),
               stated_as="named" if named else "all-others", arrows=arrows,
               tip=tip(title, facts, None, lines))  # fmt: skip


def _add_edges(g: nx.MultiDiGraph, base: nx.MultiDiGraph, fw: Framework, facts: ViewFacts,
               body: dict[str, str]) -> None:  # fmt: skip
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for u0, v0, d in base.edges(data=True):
        kind = str(d["kind"])
        u, v = body.get(u0, u0), body.get(v0, v0)
        if u not in g or v not in g or u == v or RELATIONS[kind].judged:  # judgements: add_review_edges
            continue
        if kind == "outcome-link":
            pairs.setdefault((min(u, v), max(u, v)), []).append({**d, "_u": u, "_v": v})
        elif kind in _STATED:
            relation = str(d["link_kind"])
            g.add_edge(u, v, kind=kind, relation=relation, label=relation.replace("-", " "),
                       tip=_stated_tip(fw, kind, u, v, d, base))  # fmt: skip
        else:
            grouped.setdefault((kind, u, v), []).append(d)
    for pair, links in sorted(pairs.items()):
        _outcome_pair_edge(fw, g, pair, links)
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
    named = {(fw.actor_id(op.partner), op.outcome) for op in fw.outcome_partners}
    via: dict[tuple[str, str], list[str]] = {}
    for ip in fw.indicator_partners:
        outcome = facts.indicators[ip.indicator].outcome
        if (fw.actor_id(ip.partner), outcome) not in named:
            via.setdefault((fw.actor_id(ip.partner), outcome), []).append(ip.indicator)
    listed = {(oa.agency, oa.outcome) for oa in fw.outcome_agencies}
    responsible: dict[tuple[str, str], list[str]] = {}
    for ia in fw.indicator_agencies:
        outcome = facts.indicators[ia.indicator].outcome
        if (ia.agency, outcome) not in listed:
            responsible.setdefault((ia.agency, outcome), []).append(ia.indicator)
    derived = [
        (("partner", partner), ("outcome", outcome), "partner-via-indicator",
         f"{fw.actor_name(partner)}: partner for indicators of outcome {outcome}",
         ("indicators", ", ".join(sorted(set(indicators)))))
        for (partner, outcome), indicators in sorted(via.items())
    ]
    derived += [
        (("agency", agency), ("outcome", outcome), "agency-via-indicator",
         f"{facts.agency_label(agency)} is responsible for indicators of outcome {outcome}"
         " (the outcome's agency lists do not name it)",
         ("indicators", ", ".join(sorted(set(indicators)))))
        for (agency, outcome), indicators in sorted(responsible.items())
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
    body = {  # a partner recorded as the same body as another is drawn as that one
        key("partner", p.id, fw.info.id): key("partner", fw.actor_id(p.id), fw.info.id)
        for p in fw.partners
        if fw.actor_id(p.id) != p.id
    }
    for n, d in base.nodes(data=True):
        if d["kind"] in DRAWN_KINDS and n not in body:
            g.add_node(n, kind=d["kind"], id=d["id"], framework=d["framework"],
                       **node_attributes(facts, d["kind"], str(d["id"])))  # fmt: skip
    _add_edges(g, base, fw, facts, body)
    _add_derived(g, fw, facts)
    add_review_edges(g, fw)
    return g
