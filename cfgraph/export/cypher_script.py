"""The property graph as a Cypher script for ``cypher-shell``: the same statements ``push neo4j`` runs.

Values never enter the statements: each batch sets the ``rows`` parameter with cypher-shell's
``:param`` command (one line, the rows as a Cypher literal with every string escaped), then runs
the fixed ``UNWIND $rows AS row MERGE …`` statement of :mod:`cfgraph.stores.cypher`. Labels and
relationship types come from the allow-list of :mod:`cfgraph.lpg`. Run it with::

    export NEO4J_PASSWORD=…   # cypher-shell reads it; never put it on the command line
    cypher-shell -a neo4j://localhost:7687 -u neo4j -d neo4j -f cfgraph.cypher

Running it twice gives the same graph (``MERGE`` on each node's and relationship's key).

>>> import cfgraph
>>> script = export_cypher(cfgraph.load(cfgraph.MINI))
>>> [line[:40] for line in script.splitlines() if line.startswith(":param")][:1]
[':param rows => [{key: "examplestan-2026-']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cfgraph.lpg import property_graph
from cfgraph.stores.cypher import DIALECTS, cypher_literal, write_batches

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["SCRIPT_BATCH_SIZE", "export_cypher"]

#: Rows per ``:param`` line (keeps each line a manageable size for the shell).
SCRIPT_BATCH_SIZE = 200


def export_cypher(fw: Framework) -> str:
    """A parameter-safe Cypher script that loads the framework into Neo4j with ``cypher-shell``."""
    pg = property_graph(fw)
    neo4j = DIALECTS["neo4j"]
    lines = [
        f"// cfgraph: {fw.info.title} ({fw.info.id}) as a labelled property graph.",
        "// Run: cypher-shell -a neo4j://localhost:7687 -u neo4j -d neo4j -f THIS_FILE",
        "// (cypher-shell reads the password from NEO4J_PASSWORD). Running it again changes nothing:",
        "// every node and relationship is MERGEd on its stable key; values are :param parameters.",
        f"// {len(pg.nodes)} nodes, {len(pg.relationships)} relationships.",
        "",
        "// Uniqueness constraints first.",
    ]
    lines += [neo4j.key_constraint(label) + ";" for label in pg.label_counts()]
    for batch in write_batches(pg, SCRIPT_BATCH_SIZE):
        lines += ["", f"// {batch.kind} {batch.name}: {len(batch.rows)} rows"]
        lines.append(":param rows => " + cypher_literal(batch.rows))
        lines.append(batch.statement + ";")
    return "\n".join(lines) + "\n"
