"""Communities (Louvain, fixed seed) of the target and actor networks.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> [c.members for c in target_communities(fw)]
[('3.9', '6.1', '6.2', '6.b', '10.2'), ('4.1', '4.4', '5.1', '8.6')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cfgraph.analysis.networks import actor_network, target_network
from cfgraph.model import Framework

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Community", "louvain", "target_communities", "actor_communities", "community_of"]


@dataclass(frozen=True)
class Community:
    """One community: a number (largest first), its members, and the outcomes they come from."""

    id: int
    members: tuple[str, ...]
    outcomes: tuple[str, ...]


def louvain(g: nx.Graph, seed: int = 0, weight: str = "weight", resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities of *g*, deterministic: fixed *seed*, members in node order,
    communities largest first (ties by their first member).

    >>> import networkx as nx
    >>> louvain(nx.barbell_graph(3, 0))
    [[0, 1, 2], [3, 4, 5]]
    """
    import networkx as nx

    if g.number_of_nodes() == 0:
        return []
    order = {n: i for i, n in enumerate(g.nodes)}
    parts = nx.community.louvain_communities(g, weight=weight, resolution=resolution, seed=seed)
    groups = [sorted(p, key=order.__getitem__) for p in parts]
    return sorted(groups, key=lambda p: (-len(p), order[p[0]]))


def _communities(g: nx.Graph, seed: int) -> list[Community]:
    found = []
    for n, members in enumerate(louvain(g, seed=seed), 1):
        outcomes = sorted({o for m in members for o in g.nodes[m].get("outcomes", [])})
        found.append(Community(n, tuple(members), tuple(outcomes)))
    return found


def target_communities(fw: Framework, seed: int = 0) -> list[Community]:
    """Communities of the target network (:func:`cfgraph.analysis.networks.target_network`), weighted by
    co-occurrence and stated interlinkages; members in SDG order of first appearance."""
    return _communities(target_network(fw), seed)


def actor_communities(fw: Framework, seed: int = 0, include_partners: bool = True) -> list[Community]:
    """Communities of the actor network (:func:`cfgraph.analysis.networks.actor_network`): groups of UN
    agencies and partners that work on the same outcomes.

    >>> import cfgraph
    >>> [c.outcomes for c in actor_communities(cfgraph.load(cfgraph.MINI), include_partners=False)]
    [('2.1',), ('1.1',)]
    """
    return _communities(actor_network(fw, include_partners=include_partners), seed)


def community_of(communities: list[Community]) -> dict[str, int]:
    """Member -> community number.

    >>> community_of([Community(1, ("a", "b"), ()), Community(2, ("c",), ())])
    {'a': 1, 'b': 1, 'c': 2}
    """
    return {m: c.id for c in communities for m in c.members}
