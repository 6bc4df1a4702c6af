"""The framework as a labelled property graph: the one mapping every property-graph target uses.

:mod:`cfgraph.lpg.graph` holds its parts and the allow-lists of labels and types (from the
vocabulary); :mod:`cfgraph.lpg.mapping` maps frameworks onto it from the table declarations.

>>> import cfgraph
>>> pg = property_graph(cfgraph.load(cfgraph.MINI))
>>> pg.label_counts()["Outcome"], pg.type_counts()["LISTS_TARGET"]
(2, 17)
"""

from cfgraph.lpg.graph import (
    NODE_LABELS,
    REL_TYPES,
    Node,
    PropertyGraph,
    Relationship,
    Value,
    check_label,
    check_type,
)
from cfgraph.lpg.mapping import property_graph

__all__ = [
    "NODE_LABELS",
    "REL_TYPES",
    "Value",
    "Node",
    "Relationship",
    "PropertyGraph",
    "property_graph",
    "check_label",
    "check_type",
]
