"""Put the framework into the tools people already use: graph databases and triple stores.

Modules: :mod:`~cfgraph.stores.cypher` (the Cypher every property-graph target runs, with the
Neo4j/FalkorDB differences in one place), :mod:`~cfgraph.stores.neo4j` (the official ``neo4j``
driver), :mod:`~cfgraph.stores.falkordb` (embedded ``falkordblite`` or a FalkorDB server) and
:mod:`~cfgraph.stores.sparql_store` (any SPARQL 1.1 Graph Store). Drivers are imported only
inside the functions that use them.
"""

from __future__ import annotations

from cfgraph.errors import CfgraphError

__all__ = ["StoreError"]


class StoreError(CfgraphError):
    """A store cannot be reached or refused the data; the message says what to change."""
