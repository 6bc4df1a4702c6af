"""The one bridge to networkx: the property graph (:mod:`cfgraph.lpg`) as a typed multigraph.

Node ids are the keys every layer shares (:func:`cfgraph.vocabulary.key`): ``<framework>/outcome/1.1``,
``<framework>/agency/undp``, ``sdg/5.2``. So frameworks compose without merging anything but the
shared SDG goals, targets and indicators: outcome 1.1 of one framework is never outcome 1.1 of
another. Every node carries ``kind`` (:data:`~cfgraph.vocabulary.ENTITIES`), ``label`` (what a
person reads), ``framework`` (None for shared nodes), ``id`` and its properties; every edge
carries ``kind`` (:data:`~cfgraph.vocabulary.RELATIONS`) and its properties, where a stated
link's own kind is ``link_kind``. Edge keys are the relationship keys.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> g, fid = to_networkx(fw), fw.info.id
>>> g.nodes[f"{fid}/outcome/1.1"]["kind"], g.nodes[f"{fid}/agency/undp"]["label"]
('outcome', 'UNDP')
>>> sorted(k for _, _, k in g.in_edges(f"{fid}/indicator/2.1-01", data="kind"))
['has-indicator', 'responsible-for', 'responsible-for', 'sub-indicator-of']
>>> find_node(g, "target:5.1"), find_node(g, "1.1")
('sdg/5.1', 'examplestan-2026-2030/outcome/1.1')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from cfgraph.errors import CfgraphError, UnknownIdError
from cfgraph.lpg import PropertyGraph, property_graph
from cfgraph.vocabulary import ENTITIES, entity_kind, key, split_typed_id, typed_id

if TYPE_CHECKING:
    import networkx as nx

    from cfgraph.model import Framework

__all__ = ["to_networkx", "find_node", "display_id", "node_name", "frameworks_of"]

_KIND_OF_LABEL = {k.label: k.name for k in ENTITIES.values()}


def _label(kind: str, props: dict[str, Any]) -> str:
    name = props.get("name", props.get("id", ""))
    if kind == "sdg-target" or kind == "sdg-indicator":
        return f"SDG {name}"
    return str(name)


def to_networkx(source: Framework | Iterable[Framework] | PropertyGraph) -> nx.MultiDiGraph:
    """One framework (or several) as a typed, directed multigraph keyed by the shared keys.

    Edges point the way the vocabulary declares each relation: result group <- outcome
    (``in-result-group``), outcome -> SDG target (``lists-target``, with ``listed_in`` and
    ``role``), agency -> outcome (``contributes``), outcome -> LNOB group (``names-lnob-group``),
    outcome -> partner (``names-partner``), outcome -> indicator (``has-indicator``), agency ->
    indicator (``responsible-for``), indicator -> partner (``involves-partner``), indicator ->
    SDG indicator (``measures``) -> target (``of-target``) -> goal (``of-goal``), and the stated
    ``outcome-link`` and ``target-link`` with their ``link_kind``, id and quote.

    Parameters
    ----------
    source : Framework, iterable of Framework, or PropertyGraph
        What to convert; several frameworks share only the SDG nodes.

    Returns
    -------
    networkx.MultiDiGraph
        ``graph["frameworks"]`` lists the framework ids.

    Examples
    --------
    >>> import cfgraph
    >>> g = to_networkx(cfgraph.load(cfgraph.MINI))
    >>> [d["link_kind"] for _, _, d in g.edges(data=True) if d["kind"] == "outcome-link"]
    ['depends-on']
    """
    import networkx as nx

    pg = source if isinstance(source, PropertyGraph) else property_graph(source)
    g = nx.MultiDiGraph(frameworks=pg.frameworks)
    for n in pg.nodes:
        kind = _KIND_OF_LABEL[n.label]
        props: dict[str, object] = {"framework": None}
        props |= {("subkind" if k == "kind" else k): v for k, v in n.properties.items() if k != "key"}
        g.add_node(n.key, kind=kind, label=_label(kind, n.properties), **props)
    for r in pg.relationships:
        props = {("link_kind" if k == "kind" else k): v for k, v in r.properties.items() if k != "key"}
        g.add_edge(r.source, r.target, key=r.key, kind=r.relation, **props)
    return g


def frameworks_of(g: nx.MultiDiGraph) -> list[str]:
    """The ids of the frameworks in a graph from :func:`to_networkx`."""
    return list(g.graph.get("frameworks", []))


def display_id(g: nx.MultiDiGraph, node: str) -> str:
    """How a person writes a node: its typed id (``agency:undp``, ``sdg-target:5.2``)."""
    d = g.nodes[node]
    return typed_id(d["kind"], str(d["id"]))


def node_name(g: nx.MultiDiGraph, node: str) -> str:
    """A short readable name: ``outcome 1.1``, ``SDG target 5.2``, ``UNDP``."""
    d = g.nodes[node]
    kind = ENTITIES[d["kind"]]
    if d["kind"] in ("outcome", "indicator") or kind.shared == "sdg":
        return f"{kind.singular} {d['id']}"
    return str(d["label"])


def _candidates(g: nx.MultiDiGraph, kind: str, ident: str, framework: str | None) -> list[str]:
    k = entity_kind(kind)
    if k.shared:
        return [key(k.name, ident)]
    ids = [framework] if framework else frameworks_of(g)
    return [key(k.name, ident, f) for f in ids]


def find_node(
    g: nx.MultiDiGraph,
    text: str,
    kinds: Iterable[str] | None = None,
    framework: str | None = None,
) -> str:
    """The node *text* names: a key, a typed id (``target:1.1``) or a bare id, tried in the order
    of *kinds* (default every kind), so ``1.1`` is outcome 1.1 before SDG target 1.1.

    An id that two frameworks of *g* share is ambiguous unless *framework* says which; an
    unknown id raises :class:`~cfgraph.errors.UnknownIdError` with the closest ids.
    """
    order = [entity_kind(k).name for k in kinds] if kinds is not None else list(ENTITIES)
    if text in g and g.nodes[text]["kind"] in order:
        return text
    typed, ident = split_typed_id(text)
    for kind in [typed] if typed else order:
        if kind not in order:
            continue
        found = [n for n in _candidates(g, kind, ident, framework) if n in g]
        if len(found) > 1:
            fws = ", ".join(str(g.nodes[n]["framework"]) for n in found)
            raise CfgraphError(
                f"{text!r} is a {ENTITIES[kind].singular} of several frameworks ({fws}); name one"
            )
        if found:
            return found[0]
    from cfgraph.model import closest

    ids = sorted({str(d["id"]) for _, d in g.nodes(data=True) if d["kind"] in order})
    names = " or ".join(ENTITIES[k].singular for k in order) if len(order) < 4 else "node"
    raise UnknownIdError(names, text, closest(ident, ids))
