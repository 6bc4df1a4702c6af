"""The property graph as files for graph tools: GraphML and GEXF (Gephi, yEd), Cytoscape.js JSON.

All three follow the one mapping of :mod:`cfgraph.lpg`: a node's id is its stable key, its
``label`` is its display name and its ``category`` the node label (``Outcome``, ``Partner``, ...);
an edge's ``label`` is its relationship type. Attributes keep their types (text, integer,
float, boolean); a list becomes one ``; ``-separated text and an empty value is left out, so
no writer meets a ``None``. The property ``id`` (the framework's own id, e.g. ``1.1``) is
renamed ``local_id`` because the formats reserve ``id``.

>>> import cfgraph
>>> g = to_networkx(cfgraph.load(cfgraph.MINI))
>>> g.nodes["examplestan-2026-2030/outcome/1.1"]["category"], g.nodes["sdg/6.1"]["label"]
('Outcome', '6.1')
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from cfgraph.lpg import PropertyGraph, Value, property_graph

if TYPE_CHECKING:
    import networkx as nx

    from cfgraph.model import Framework

__all__ = ["flat_attributes", "to_networkx", "export_graphml", "export_gexf", "export_cytoscape"]


def flat_attributes(properties: dict[str, Value]) -> dict[str, str | int | float | bool]:
    """Properties as flat, typed attributes: no ``key``, ``id`` -> ``local_id``, lists joined.

    >>> flat_attributes({"key": "k", "id": "1.1", "aliases": ["A", "B"], "seq": 2})
    {'local_id': '1.1', 'aliases': 'A; B', 'seq': 2}
    """
    out: dict[str, str | int | float | bool] = {}
    for name, value in properties.items():
        if name == "key":
            continue
        out["local_id" if name == "id" else name] = "; ".join(value) if isinstance(value, list) else value
    return out


def _graph(source: Framework | PropertyGraph) -> PropertyGraph:
    return source if isinstance(source, PropertyGraph) else property_graph(source)


def to_networkx(source: Framework | PropertyGraph) -> nx.MultiDiGraph:
    """The property graph as a networkx ``MultiDiGraph`` keyed by node and relationship keys."""
    import networkx as nx

    pg = _graph(source)
    g = nx.MultiDiGraph()
    for n in pg.nodes:
        attrs = flat_attributes(n.properties)
        label = attrs.pop("name", n.key)
        g.add_node(n.key, label=label, category=n.label, **attrs)
    for r in pg.relationships:
        g.add_edge(r.source, r.target, key=r.key, label=r.type, **flat_attributes(r.properties))
    return g


def _xml_graph(fw: Framework) -> nx.MultiDiGraph:
    """:func:`to_networkx` with every text XML cannot hold made safe (U+FFFD in its place), so
    GraphML and GEXF are always well-formed, whatever a programmatically built model holds."""
    import networkx as nx

    from cfgraph.controls import xml_safe

    def safe(attrs: dict[str, Any]) -> dict[str, Any]:
        return {xml_safe(k): xml_safe(v) if isinstance(v, str) else v for k, v in attrs.items()}

    g = to_networkx(fw)
    out = nx.MultiDiGraph()
    out.add_nodes_from((xml_safe(n), safe(data)) for n, data in g.nodes(data=True))
    out.add_edges_from(
        (xml_safe(a), xml_safe(b), xml_safe(k), safe(data)) for a, b, k, data in g.edges(keys=True, data=True)
    )
    return out


def export_graphml(fw: Framework) -> str:
    """GraphML with typed ``<key>`` declarations (networkx, Gephi, yEd, Cytoscape read it)."""
    import io

    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(_xml_graph(fw), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def export_gexf(fw: Framework) -> str:
    """GEXF 1.2 for Gephi; edge ids are the relationship keys, and no date goes in, so the file
    is the same on every run."""
    import networkx as nx

    g = _xml_graph(fw)
    for _, _, key, data in g.edges(keys=True, data=True):
        data["id"] = key
    lines = nx.generate_gexf(g, encoding="utf-8", prettyprint=True)
    text = '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(lines) + "\n"
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)
    return re.sub(r"<creator>[^<]*</creator>", "<creator>cfgraph</creator>", text, count=1)


def cytoscape_elements(source: Framework | PropertyGraph) -> dict[str, Any]:
    """The Cytoscape.js ``elements`` object: ``{"nodes": [{"data": …}], "edges": [{"data": …}]}``."""
    pg = _graph(source)
    nodes = []
    for n in pg.nodes:
        attrs = flat_attributes(n.properties)
        label = attrs.pop("name", n.key)
        data = {"id": n.key, "label": label, "category": n.label, **attrs}
        nodes.append({"data": data, "classes": n.label})
    edges = [
        {
            "data": {"id": r.key, "source": r.source, "target": r.target, "label": r.type,
                     **flat_attributes(r.properties)},
            "classes": r.type,
        }
        for r in pg.relationships
    ]
    return {"nodes": nodes, "edges": edges}


def export_cytoscape(fw: Framework) -> str:
    """Cytoscape.js JSON (``cy.json()`` form), which Cytoscape desktop also imports."""
    document = {
        "format_version": "1.0",
        "generated_by": "cfgraph",
        "data": {"name": fw.info.title, "framework": fw.info.id},
        "elements": cytoscape_elements(fw),
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"
