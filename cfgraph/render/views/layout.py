"""A seeded, precomputed layout for graphs too large for in-browser physics.

The most connected nodes (the backbone) get a force-directed layout (networkx's Fruchterman-Reingold
with a fixed seed); every other node is placed on a ring around its best-connected placed
neighbour, breadth first, so a 5,000-node graph is laid out in linear time after the backbone.
Nodes that reach no backbone node are placed on a grid below the drawing.

>>> import networkx as nx
>>> pos = seeded_layout(nx.star_graph(5), seed=1, backbone=2)
>>> sorted(pos) == list(range(6)), pos == seeded_layout(nx.star_graph(5), seed=1, backbone=2)
(True, True)
"""

from __future__ import annotations

import math
from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["seeded_layout"]


def _key(node: object) -> str:
    return str(node)


def _backbone(g: nx.Graph, size: int, seed: int, scale: float) -> dict[object, tuple[float, float]]:
    import networkx as nx

    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), _key(n)))[:size]
    core = nx.Graph()
    core.add_nodes_from(sorted(ranked, key=_key))
    core.add_edges_from(
        sorted(((u, v) for u, v in g.subgraph(ranked).edges), key=lambda e: (_key(e[0]), _key(e[1])))
    )
    if len(core) == 1:
        return {ranked[0]: (0.0, 0.0)}
    raw = nx.spring_layout(core, seed=seed, iterations=80, scale=scale)
    return {n: (float(x), float(y)) for n, (x, y) in raw.items()}


def _ring_slot(i: int, total: int) -> tuple[int, int, int]:
    """Ring, slot and ring size of the *i*-th of *total* children: ring r holds 12 (r + 1) of them.

    >>> [_ring_slot(i, 15)[:2] for i in (0, 11, 12, 14)]
    [(0, 0), (0, 11), (1, 0), (1, 2)]
    """
    ring, start = 0, 0
    while i >= start + 12 * (ring + 1):
        start += 12 * (ring + 1)
        ring += 1
    return ring, i - start, min(12 * (ring + 1), total - start)


def seeded_layout(
    g: nx.Graph, seed: int = 7, backbone: int = 300, spacing: float = 40.0
) -> dict[object, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` for an undirected graph, deterministic for a given seed."""
    if len(g) == 0:
        return {}
    scale = spacing * math.sqrt(len(g)) * 2
    pos = _backbone(g, min(backbone, len(g)), seed, scale)
    claimed: set[object] = set(pos)
    queue = deque(sorted(pos, key=_key))
    while queue:
        anchor = queue.popleft()
        kids = [nb for nb in sorted(g.neighbors(anchor), key=_key) if nb not in claimed]
        claimed.update(kids)
        ax, ay = pos[anchor]
        for i, kid in enumerate(kids):
            ring, slot, count = _ring_slot(i, len(kids))
            angle = 2 * math.pi * slot / count + ring * 0.3
            radius = spacing * 2 * (ring + 1)
            pos[kid] = (ax + radius * math.cos(angle), ay + radius * math.sin(angle))
            queue.append(kid)
    rest = sorted((n for n in g.nodes if n not in pos), key=_key)
    if rest:
        bottom = max(y for _, y in pos.values()) + 3 * spacing
        left = min(x for x, _ in pos.values())
        width = max(1, int(math.sqrt(len(rest)) * 2))
        for i, n in enumerate(rest):
            row, col = divmod(i, width)
            pos[n] = (left + col * spacing, bottom + row * spacing)
    return pos
