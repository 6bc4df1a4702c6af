"""The one bridge from the model to networkx: typed nodes with stable ids, and the projections
the analyses share.

Node ids are ``kind:key`` — ``outcome:1.1``, ``target:5.2``, ``agency:undp``,
``partner:ministry-of-water``, ``lnob:youth``, ``indicator:1.1-01``, ``sdgind:3.3.1``,
``rg:people`` — so they never depend on memory addresses or set order. Every node carries
``kind`` and ``label``; every edge carries ``kind`` (and, where the document states it, the
``quote``, link ``id`` and ``source_lines``).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> g = to_networkx(fw)
>>> g.nodes["outcome:1.1"]["kind"], g.nodes["agency:undp"]["label"]
('outcome', 'UNDP')
>>> sorted(k for _, _, k in g.out_edges("indicator:2.1-01", data="kind"))
['measures', 'partner', 'partner', 'responsible', 'responsible', 'sub-indicator']
>>> split_id("target:5.2")
('target', '5.2')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from cfgraph.model import Framework, sdg_sort_key

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "NODE_KINDS",
    "LINK_DIRECTION",
    "node_id",
    "split_id",
    "FrameworkIndex",
    "index",
    "to_networkx",
    "target_network",
    "actor_network",
    "influence_graph",
]

#: Node kinds and the prefix of their ids.
NODE_KINDS: dict[str, str] = {
    "outcome": "outcome",
    "target": "SDG target",
    "agency": "UN agency",
    "partner": "partner",
    "lnob": "LNOB group",
    "indicator": "indicator",
    "sdgind": "SDG indicator",
    "rg": "result group",
}

#: How a stated link's kind reads as influence: "forward" = source affects target,
#: "backward" = target affects source, "both" = mutual.
LINK_DIRECTION: dict[str, str] = {
    "affects": "forward",
    "accelerates": "forward",
    "contributes-to": "forward",
    "depends-on": "backward",
    "interlinked": "both",
    "mutually-reinforcing": "both",
    "complements": "both",
    "synergy": "both",
}


def node_id(kind: str, key: str) -> str:
    """The stable id of a node: ``node_id("target", "5.2") == "target:5.2"``."""
    return f"{kind}:{key}"


def split_id(nid: str) -> tuple[str, str]:
    """``"target:5.2"`` -> ``("target", "5.2")``."""
    kind, _, key = nid.partition(":")
    return kind, key


@dataclass
class FrameworkIndex:
    """Per-outcome sets computed once (the model's look-ups scan tuples; analyses need sets).

    Attributes map an outcome id to: ``targets`` (valid codes, both lists and roles),
    ``agencies`` (both lists), ``partners`` (Partnerships paragraph), ``indicator_partners``,
    ``lnob`` (both lists), ``indicators`` (ids, subs included), ``sdg_indicators`` (global codes
    measured), ``responsible`` (agencies responsible for any indicator); ``measures`` maps an
    indicator id to its global SDG indicator codes.
    """

    targets: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    agencies: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    partners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    indicator_partners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    lnob: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    indicators: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sdg_indicators: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    responsible: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    measures: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    indicator_agencies: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def index(fw: Framework) -> FrameworkIndex:
    """Build the :class:`FrameworkIndex` of *fw* in one pass over each table.

    >>> import cfgraph
    >>> ix = index(cfgraph.load(cfgraph.MINI))
    >>> sorted(ix.targets["2.1"], key=sdg_sort_key), sorted(ix.responsible["2.1"])
    (['4.4', '5.1', '8.6'], ['ilo', 'undp'])
    """
    ix = FrameworkIndex()
    _index_outcomes(fw, ix)
    _index_indicators(fw, ix)
    return ix


def _index_outcomes(fw: Framework, ix: FrameworkIndex) -> None:
    for t in fw.outcome_targets:
        if t.valid:
            ix.targets[t.outcome].add(t.code)
    for a in fw.outcome_agencies:
        ix.agencies[a.outcome].add(a.agency)
    for p in fw.outcome_partners:
        ix.partners[p.outcome].add(p.partner)
    for g in fw.outcome_lnob_groups:
        ix.lnob[g.outcome].add(g.group)


def _index_indicators(fw: Framework, ix: FrameworkIndex) -> None:
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    parent_of = {i.id: i.parent for i in fw.indicators}
    for i in fw.indicators:
        ix.indicators[i.outcome].append(i.id)
        if i.code and fw.catalogue.is_indicator(i.code):
            ix.measures[i.id].append(i.code)
    for link in fw.indicator_sdg_links:
        if link.code_status == "ok" and link.sdg_indicator not in ix.measures[link.indicator]:
            ix.measures[link.indicator].append(link.sdg_indicator)
    for ind, codes in ix.measures.items():
        ix.sdg_indicators[outcome_of[ind]].update(codes)
    own_agencies: dict[str, list[str]] = defaultdict(list)
    for ia in fw.indicator_agencies:
        own_agencies[ia.indicator].append(ia.agency)
    for ind, parent in parent_of.items():  # sub-indicators inherit the parent's cell
        inherited = own_agencies.get(parent, []) if parent else []
        ix.indicator_agencies[ind] = own_agencies.get(ind) or inherited
        ix.responsible[outcome_of[ind]].update(ix.indicator_agencies[ind])
    for ip in fw.indicator_partners:
        ix.indicator_partners[outcome_of[ip.indicator]].add(ip.partner)


def _add_nodes(g: nx.MultiDiGraph, fw: Framework) -> None:
    for rg in fw.result_groups:
        g.add_node(node_id("rg", rg.id), kind="rg", label=rg.name, source_lines=rg.source_lines)
    for o in fw.outcomes:
        g.add_node(
            node_id("outcome", o.id),
            kind="outcome",
            label=f"Outcome {o.id}",
            statement=o.statement,
            result_group=o.result_group,
            source_lines=o.source_lines,
        )
    for a in fw.agencies:
        g.add_node(node_id("agency", a.id), kind="agency", label=a.label, source_lines=a.source_lines)
    for p in fw.partners:
        g.add_node(
            node_id("partner", p.id),
            kind="partner",
            label=p.name,
            type=p.type,
            generic=p.generic,
            source_lines=p.source_lines,
        )
    for grp in fw.lnob_groups:
        g.add_node(node_id("lnob", grp.id), kind="lnob", label=grp.name, source_lines=grp.source_lines)
    for i in fw.indicators:
        g.add_node(node_id("indicator", i.id), kind="indicator", label=i.name, source_lines=i.source_lines)
    codes = {t.code for t in fw.outcome_targets if t.valid}
    codes |= {c for link in fw.target_links for c in (*link.sources, *link.targets)}
    for code in sorted(codes, key=sdg_sort_key):
        title = fw.catalogue.targets[code].title_en if code in fw.catalogue.targets else code
        g.add_node(node_id("target", code), kind="target", label=f"SDG {code}", title=title)


def _add_membership(g: nx.MultiDiGraph, fw: Framework) -> None:
    for rg in fw.result_groups:
        for o in rg.outcomes:
            g.add_edge(node_id("rg", rg.id), node_id("outcome", o), kind="has-outcome")
    for t in fw.outcome_targets:
        if t.valid:
            g.add_edge(
                node_id("outcome", t.outcome),
                node_id("target", t.code),
                kind="lists-target",
                listed_in=t.listed_in,
                role=t.role,
                source_lines=t.source_lines,
            )
    for a in fw.outcome_agencies:
        g.add_edge(
            node_id("outcome", a.outcome),
            node_id("agency", a.agency),
            kind="contributing-agency",
            listed_in=a.listed_in,
            source_lines=a.source_lines,
        )
    for lg in fw.outcome_lnob_groups:
        g.add_edge(
            node_id("outcome", lg.outcome),
            node_id("lnob", lg.group),
            kind="lnob-group",
            listed_in=lg.listed_in,
            source_lines=lg.source_lines,
        )
    for p in fw.outcome_partners:
        g.add_edge(
            node_id("outcome", p.outcome),
            node_id("partner", p.partner),
            kind="partner",
            source_lines=p.source_lines,
        )
    for grp in fw.lnob_groups:
        if grp.broader:
            g.add_edge(node_id("lnob", grp.id), node_id("lnob", grp.broader), kind="broader")
    for pt in fw.partners:
        if pt.part_of:
            g.add_edge(node_id("partner", pt.id), node_id("partner", pt.part_of), kind="part-of")


def _add_indicators(g: nx.MultiDiGraph, fw: Framework, ix: FrameworkIndex) -> None:
    for i in fw.indicators:
        nid = node_id("indicator", i.id)
        g.add_edge(node_id("outcome", i.outcome), nid, kind="measured-by", source_lines=i.source_lines)
        if i.parent:
            g.add_edge(node_id("indicator", i.parent), nid, kind="sub-indicator")
        for code in ix.measures.get(i.id, []):
            sid = node_id("sdgind", code)
            if sid not in g:
                cat = fw.catalogue.indicators[code]
                g.add_node(sid, kind="sdgind", label=f"SDG {code}", title=cat.title_en)
                tid = node_id("target", cat.target)
                if tid not in g:
                    g.add_node(
                        tid,
                        kind="target",
                        label=f"SDG {cat.target}",
                        title=fw.catalogue.targets[cat.target].title_en,
                    )
                g.add_edge(sid, tid, kind="indicator-of")
            g.add_edge(nid, sid, kind="measures", source_lines=i.source_lines)
    for ia in fw.indicator_agencies:
        g.add_edge(
            node_id("indicator", ia.indicator),
            node_id("agency", ia.agency),
            kind="responsible",
            source_lines=ia.source_lines,
        )
    for ip in fw.indicator_partners:
        g.add_edge(
            node_id("indicator", ip.indicator),
            node_id("partner", ip.partner),
            kind="partner",
            source_lines=ip.source_lines,
        )


def _add_links(g: nx.MultiDiGraph, fw: Framework) -> None:
    for ol in fw.outcome_links:
        g.add_edge(
            node_id("outcome", ol.source),
            node_id("outcome", ol.target),
            key=ol.id,
            kind=ol.kind,
            link=ol.id,
            quote=ol.quote,
            stated_as=ol.stated_as,
            source_lines=ol.source_lines,
        )
    for tl in fw.target_links:
        for s, t in tl.pairs():
            g.add_edge(
                node_id("target", s),
                node_id("target", t),
                key=tl.id,
                kind=tl.kind,
                link=tl.id,
                quote=tl.quote,
                symmetric=tl.symmetric,
                source_lines=tl.source_lines,
            )


def to_networkx(fw: Framework) -> nx.MultiDiGraph:
    """The whole framework as one typed, directed multigraph.

    Edges point from the container to what it names: result group -> outcome (``has-outcome``),
    outcome -> target (``lists-target``, with ``listed_in`` and ``role``), outcome -> agency
    (``contributing-agency``), outcome -> LNOB group (``lnob-group``), outcome -> partner and
    indicator -> partner (``partner``), outcome -> indicator (``measured-by``), indicator ->
    sub-indicator, indicator -> agency (``responsible``), indicator -> SDG indicator
    (``measures``) -> target (``indicator-of``); stated links keep their kind (``affects``,
    ``depends-on``, ``interlinked``, ...), their id as the edge key, and the quote.

    Parameters
    ----------
    fw : Framework
        A loaded (or synthetic) framework.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes carry ``kind`` and ``label``; see the module docstring for the id scheme.

    Examples
    --------
    >>> import cfgraph
    >>> g = to_networkx(cfgraph.load(cfgraph.MINI))
    >>> g.edges["outcome:1.1", "outcome:2.1", "OL01"]["kind"]
    'depends-on'
    """
    import networkx as nx

    g = nx.MultiDiGraph(framework=fw.info.id)
    _add_nodes(g, fw)
    _add_membership(g, fw)
    _add_indicators(g, fw, index(fw))
    _add_links(g, fw)
    return g


def target_network(fw: Framework, stated_weight: float = 1.0) -> nx.Graph:
    """Undirected weighted network of the SDG targets the framework uses.

    Two targets are joined when one outcome lists both (``cooccurrence`` = number of such
    outcomes) or a target-link statement (section 2.3) links them (``stated`` = statement
    ids). ``weight = cooccurrence + stated_weight * len(stated)``; ``distance = 1 / weight``
    (for betweenness). Nodes carry ``outcomes`` (sorted ids of the outcomes listing it).

    >>> import cfgraph
    >>> g = target_network(cfgraph.load(cfgraph.MINI))
    >>> g.edges["6.1", "6.2"]["weight"], g.edges["6.1", "3.9"]["stated"]
    (1.0, ['TL01'])
    """
    import networkx as nx

    ix = index(fw)
    g = nx.Graph()
    listing: dict[str, list[str]] = defaultdict(list)
    for o in fw.outcomes:
        for code in ix.targets.get(o.id, ()):
            listing[code].append(o.id)
    for tl in fw.target_links:
        for code in (*tl.sources, *tl.targets):
            listing.setdefault(code, [])
    for code in sorted(listing, key=sdg_sort_key):
        g.add_node(code, outcomes=sorted(listing[code]))
    for o in fw.outcomes:
        for a, b in combinations(sorted(ix.targets.get(o.id, ()), key=sdg_sort_key), 2):
            data = g.get_edge_data(a, b) or {"cooccurrence": 0, "stated": []}
            data["cooccurrence"] += 1
            g.add_edge(a, b, **data)
    for tl in fw.target_links:
        for a, b in tl.pairs():
            data = g.get_edge_data(a, b) or {"cooccurrence": 0, "stated": []}
            if tl.id not in data["stated"]:
                data["stated"] = [*data["stated"], tl.id]
            g.add_edge(a, b, **data)
    for _, _, d in g.edges(data=True):
        d["weight"] = float(d["cooccurrence"] + stated_weight * len(d["stated"]))
        d["distance"] = 1.0 / d["weight"]
    return g


def actor_network(fw: Framework, include_partners: bool = True) -> nx.Graph:
    """Who co-works with whom: UN agencies (and partners) joined when they work on the same outcome.

    Node ids are typed (``agency:undp``, ``partner:...``) with ``kind``, ``label``,
    ``outcomes`` and ``result_groups``; an edge's ``outcomes`` lists the shared outcomes,
    ``weight`` counts them and ``distance = 1 / weight``. An actor named by an outcome (either
    list, the Partnerships paragraph) or by one of its indicators works on it. Actors named by no
    outcome are kept as isolated nodes.

    >>> import cfgraph
    >>> g = actor_network(cfgraph.load(cfgraph.MINI))
    >>> g.edges["agency:ilo", "agency:undp"]["outcomes"], g.nodes["agency:who"]["result_groups"]
    (['2.1'], ['planet'])
    """
    import networkx as nx

    ix = index(fw)
    rg_of = {o.id: o.result_group for o in fw.outcomes}
    members: dict[str, set[str]] = {}
    for o in fw.outcomes:
        agencies = ix.agencies.get(o.id, set()) | ix.responsible.get(o.id, set())
        actors = {node_id("agency", a) for a in agencies}
        if include_partners:
            names = ix.partners.get(o.id, set()) | ix.indicator_partners.get(o.id, set())
            actors |= {node_id("partner", p) for p in names}
        members[o.id] = actors
    g = nx.Graph()
    labels = {node_id("agency", a.id): ("agency", a.label) for a in fw.agencies}
    if include_partners:
        labels |= {node_id("partner", p.id): ("partner", p.name) for p in fw.partners}
    works: dict[str, list[str]] = defaultdict(list)
    for oid in sorted(members):
        for actor in members[oid]:
            works[actor].append(oid)
    for nid in sorted(labels):
        kind, label = labels[nid]
        outs = works.get(nid, [])
        g.add_node(nid, kind=kind, label=label, outcomes=outs, result_groups=sorted({rg_of[o] for o in outs}))
    for oid in sorted(members):
        for a, b in combinations(sorted(members[oid]), 2):
            if g.has_edge(a, b):
                g.edges[a, b]["outcomes"].append(oid)
            else:
                g.add_edge(a, b, outcomes=[oid])
    for _, _, d in g.edges(data=True):
        d["weight"] = float(len(d["outcomes"]))
        d["distance"] = 1.0 / d["weight"]
    return g


def influence_graph(fw: Framework) -> nx.MultiDiGraph:
    """Stated outcome links read as influence: an edge u -> v means "u affects v".

    ``affects``/``accelerates``/``contributes-to`` keep their direction, ``depends-on`` is
    reversed, and symmetric kinds (``interlinked``, ``mutually-reinforcing``, ...) give both
    directions. Edge keys are the link ids; edges keep ``kind``, ``quote``, ``source_lines``
    and ``reversed``.

    >>> import cfgraph
    >>> g = influence_graph(cfgraph.load(cfgraph.MINI))
    >>> list(g.edges(keys=True))
    [('2.1', '1.1', 'OL01')]
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_nodes_from(o.id for o in fw.outcomes)
    for ol in fw.outcome_links:
        direction = LINK_DIRECTION.get(ol.kind, "both")
        attrs = {"kind": ol.kind, "quote": ol.quote, "source_lines": ol.source_lines}
        if direction in ("forward", "both"):
            g.add_edge(ol.source, ol.target, key=ol.id, reversed=False, **attrs)
        if direction in ("backward", "both"):
            g.add_edge(ol.target, ol.source, key=ol.id, reversed=True, **attrs)
    return g
