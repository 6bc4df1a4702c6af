"""The projections the analyses share: per-outcome sets, the target network, the actor network
and the outcome influence graph, each computed from one framework's model.

These graphs work inside one framework, so their nodes are the framework's own ids (SDG codes,
outcome ids) or keys (actors); :func:`cfgraph.graph.to_networkx` is the whole, framework-qualified
graph.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> sorted(index(fw).agencies["2.1"]), list(influence_graph(fw).edges(keys=True))
(['ilo', 'undp'], [('2.1', '1.1', 'OL01')])
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from cfgraph.model import Framework, sdg_sort_key
from cfgraph.vocabulary import LINK_KINDS, key

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FrameworkIndex", "index", "target_network", "actor_network", "influence_graph"]


@dataclass
class FrameworkIndex:
    """Per-outcome sets computed once (the model's look-ups scan tuples; analyses need sets).

    Attributes map an outcome id to: ``targets`` (valid codes, both lists and roles),
    ``agencies`` (both lists and its outputs), ``partners`` (partnerships text and its outputs),
    ``indicator_partners`` (partners
    are counted as the body they are: :meth:`~cfgraph.model.Framework.actor_id`),
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
        ix.partners[p.outcome].add(fw.actor_id(p.partner))
    for g in fw.outcome_lnob_groups:
        ix.lnob[g.outcome].add(g.group)
    outcome_of = {x.id: x.outcome for x in fw.outputs}  # an output's actors work on its outcome
    for xa in fw.output_agencies:
        ix.agencies[outcome_of[xa.output]].add(xa.agency)
    for xp in fw.output_partners:
        ix.partners[outcome_of[xp.output]].add(fw.actor_id(xp.partner))


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
        ix.indicator_partners[outcome_of[ip.indicator]].add(fw.actor_id(ip.partner))


def target_network(fw: Framework, stated_weight: float = 1.0) -> nx.Graph:
    """Undirected weighted network of the SDG targets the framework uses.

    Two targets are joined when one outcome lists both (``cooccurrence`` = number of such
    outcomes) or a target-link statement links them (``stated`` = statement
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

    Node ids are keys (``<framework>/agency/undp``, ``<framework>/partner/...``) with ``kind``, ``label``,
    ``outcomes`` and ``result_groups``; an edge's ``outcomes`` lists the shared outcomes,
    ``weight`` counts them and ``distance = 1 / weight``. An actor named by an outcome (either
    list, the partnerships text) or by one of its indicators works on it. Actors named by no
    outcome are kept as isolated nodes.

    >>> import cfgraph
    >>> g = actor_network(cfgraph.load(cfgraph.MINI))
    >>> g.edges["examplestan-2026-2030/agency/ilo", "examplestan-2026-2030/agency/undp"]["outcomes"]
    ['2.1']
    >>> g.nodes["examplestan-2026-2030/agency/who"]["result_groups"]
    ['planet']
    """
    import networkx as nx

    ix = index(fw)
    rg_of: dict[str, str | None] = {o.id: o.result_group for o in fw.outcomes}
    members: dict[str, set[str]] = {}
    for o in fw.outcomes:
        agencies = ix.agencies.get(o.id, set()) | ix.responsible.get(o.id, set())
        actors = {key("agency", a, fw.info.id) for a in agencies}
        if include_partners:
            names = ix.partners.get(o.id, set()) | ix.indicator_partners.get(o.id, set())
            actors |= {key("partner", p, fw.info.id) for p in names}
        members[o.id] = actors
    g = nx.Graph()
    labels = {key("agency", a.id, fw.info.id): ("agency", a.label) for a in fw.agencies}
    if include_partners:
        labels |= {
            key("partner", p.id, fw.info.id): ("partner", fw.actor_name(p.id))
            for p in fw.partners
            if fw.actor_id(p.id) == p.id
        }
    works: dict[str, list[str]] = defaultdict(list)
    for oid in sorted(members):
        for actor in members[oid]:
            works[actor].append(oid)
    for nid in sorted(labels):
        kind, label = labels[nid]
        outs = works.get(nid, [])
        g.add_node(
            nid,
            kind=kind,
            label=label,
            outcomes=outs,
            result_groups=sorted({rg for o in outs if (rg := rg_of[o])}),
        )
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
        direction = LINK_KINDS[ol.kind].influence
        attrs = {"kind": ol.kind, "quote": ol.quote, "source_lines": ol.source_lines}
        if direction in ("forward", "both"):
            g.add_edge(ol.source, ol.target, key=ol.id, reversed=False, **attrs)
        if direction in ("backward", "both"):
            g.add_edge(ol.target, ol.source, key=ol.id, reversed=True, **attrs)
    return g
