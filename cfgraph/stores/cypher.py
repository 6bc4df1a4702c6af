"""The Cypher that puts a :class:`~cfgraph.lpg.PropertyGraph` into a graph database.

Every target (Neo4j through its driver, FalkorDB embedded or by URL, the ``cypher-shell`` script)
runs the same statements: a uniqueness constraint on ``key`` for every label first, then
``MERGE`` on the key in ``UNWIND $rows`` batches, then the removal of nodes and relationships of
the pushed frameworks that are no longer in the data. Labels and relationship types come only
from the allow-lists of :mod:`cfgraph.lpg`; every value travels as a parameter. Where Neo4j and
FalkorDB differ (the constraint syntax), the difference lives in :data:`DIALECTS` and nowhere else.

>>> print(node_statement("Outcome"))
UNWIND $rows AS row MERGE (n:Outcome {key: row.key}) SET n = row.props
>>> DIALECTS["neo4j"].key_constraint("Outcome")
'CREATE CONSTRAINT cfgraph_outcome_key IF NOT EXISTS FOR (n:Outcome) REQUIRE n.key IS UNIQUE'
>>> DIALECTS["falkordb"].key_constraint("Outcome")
'CREATE INDEX FOR (n:Outcome) ON (n.key)'
>>> cypher_literal({"name": 'Say "hi"', "seq": 1, "tags": ["a", "b"], "ok": True})
'{name: "Say \\\\"hi\\\\"", seq: 1, tags: ["a", "b"], ok: true}'
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from cfgraph.lpg import NODE_LABELS, REL_TYPES, PropertyGraph, check_label, check_type

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Dialect",
    "DIALECTS",
    "CypherSession",
    "WriteBatch",
    "PushReport",
    "node_statement",
    "relationship_statement",
    "write_batches",
    "push_plan",
    "push_property_graph",
    "cypher_literal",
]

DEFAULT_BATCH_SIZE = 1000


@dataclass(frozen=True)
class Dialect:
    """How one database spells what the others spell differently: making ``key`` unique.

    ``key_constraint(label)`` is the Cypher statement: Neo4j's uniqueness constraint, which can
    simply be re-run (``if_not_exists``), or FalkorDB's index on ``key``. FalkorDB then needs
    ``key_command(graph, label)``, its ``GRAPH.CONSTRAINT`` command (not Cypher), and both must be
    skipped when they exist already, which the FalkorDB store looks up first.
    """

    name: str
    key_constraint: Callable[[str], str]
    key_command: Callable[[str, str], list[str]] | None
    if_not_exists: bool


def _neo4j_constraint(label: str) -> str:
    label = check_label(label)
    name = f"cfgraph_{label.lower()}_key"
    return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"


def _falkordb_index(label: str) -> str:
    return f"CREATE INDEX FOR (n:{check_label(label)}) ON (n.key)"


def _falkordb_constraint(graph: str, label: str) -> list[str]:
    label = check_label(label)
    return ["GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", label, "PROPERTIES", "1", "key"]


#: The database dialects cfgraph writes.
DIALECTS: dict[str, Dialect] = {
    "neo4j": Dialect("neo4j", _neo4j_constraint, None, if_not_exists=True),
    "falkordb": Dialect("falkordb", _falkordb_index, _falkordb_constraint, if_not_exists=False),
}


def node_statement(label: str) -> str:
    """``MERGE`` a batch of nodes of one label on their key; their properties are replaced."""
    return f"UNWIND $rows AS row MERGE (n:{check_label(label)} {{key: row.key}}) SET n = row.props"


def relationship_statement(rel_type: str, source_label: str, target_label: str) -> str:
    """``MERGE`` a batch of relationships of one type between nodes found by key.

    >>> print(relationship_statement("LISTS_TARGET", "Outcome", "SdgTarget").replace(" MATCH", "\\n  MATCH"))
    UNWIND $rows AS row
      MATCH (a:Outcome {key: row.source})
      MATCH (b:SdgTarget {key: row.target}) MERGE (a)-[r:LISTS_TARGET {key: row.key}]->(b) SET r = row.props
    """
    src, dst, typ = check_label(source_label), check_label(target_label), check_type(rel_type)
    return (
        f"UNWIND $rows AS row MATCH (a:{src} {{key: row.source}}) MATCH (b:{dst} {{key: row.target}}) "
        f"MERGE (a)-[r:{typ} {{key: row.key}}]->(b) SET r = row.props"
    )


def _prune_nodes(label: str) -> str:
    return (
        f"MATCH (n:{check_label(label)}) WHERE n.framework IN $frameworks AND NOT n.key IN $keys "
        "DETACH DELETE n"
    )


def _prune_relationships(rel_type: str) -> str:
    return (
        f"MATCH ()-[r:{check_type(rel_type)}]->() WHERE r.framework IN $frameworks AND NOT r.key IN $keys "
        "DELETE r"
    )


@dataclass(frozen=True)
class WriteBatch:
    """One ``UNWIND $rows`` statement and its rows."""

    kind: str  # "node" or "relationship"
    name: str  # label or relationship type
    statement: str
    rows: list[dict[str, Any]] = field(hash=False)


def _chunks[T](items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_batches(pg: PropertyGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> list[WriteBatch]:
    """The node batches (per label) then relationship batches (per type and end labels), in order.

    >>> import cfgraph
    >>> from cfgraph.lpg import property_graph
    >>> batches = write_batches(property_graph(cfgraph.load(cfgraph.MINI)), batch_size=5)
    >>> [(b.name, len(b.rows)) for b in batches if b.name == "Inconsistency"]
    [('Inconsistency', 5), ('Inconsistency', 2)]
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    nodes: dict[str, list[dict[str, Any]]] = {}
    for n in pg.nodes:
        nodes.setdefault(n.label, []).append({"key": n.key, "props": n.properties})
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in pg.relationships:
        rows = rels.setdefault((r.type, r.source_label, r.target_label), [])
        rows.append({"key": r.key, "source": r.source, "target": r.target, "props": r.properties})
    labels, types = list(NODE_LABELS), list(REL_TYPES)
    batches = [
        WriteBatch("node", label, node_statement(label), chunk)
        for label, rows in sorted(nodes.items(), key=lambda item: labels.index(item[0]))
        for chunk in _chunks(rows, batch_size)
    ]
    batches += [
        WriteBatch("relationship", typ, relationship_statement(typ, src, dst), chunk)
        for (typ, src, dst), rows in sorted(rels.items(), key=lambda item: types.index(item[0][0]))
        for chunk in _chunks(rows, batch_size)
    ]
    return batches


def push_plan(pg: PropertyGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> list[dict[str, Any]]:
    """What a push will write: one row per label and relationship type (for ``--dry-run``).

    >>> import cfgraph
    >>> from cfgraph.lpg import property_graph
    >>> push_plan(property_graph(cfgraph.load(cfgraph.MINI)))[3]
    {'kind': 'node', 'name': 'Outcome', 'rows': 2, 'batches': 1}
    """
    plan: dict[tuple[str, str], dict[str, Any]] = {}
    for b in write_batches(pg, batch_size):
        row = plan.setdefault((b.kind, b.name), {"kind": b.kind, "name": b.name, "rows": 0, "batches": 0})
        row["rows"] += len(b.rows)
        row["batches"] += 1
    return list(plan.values())


class CypherSession(Protocol):
    """What a store offers the push: a dialect, key constraints, writes and reads."""

    dialect: Dialect

    def ensure_key_constraint(self, label: str) -> None: ...

    def write(self, statement: str, params: Mapping[str, Any]) -> None: ...

    def read(self, statement: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]: ...


@dataclass(frozen=True)
class PushReport:
    """What a push wrote and what the store holds afterwards, per label and type."""

    target: str
    rows: list[dict[str, Any]]
    rows_written: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows_written / self.seconds if self.seconds else float("inf")


def push_property_graph(
    pg: PropertyGraph, session: CypherSession, target: str, batch_size: int = DEFAULT_BATCH_SIZE
) -> PushReport:
    """Constraints first, then every batch, then the removal of what the frameworks no longer hold.

    Nodes and relationships that belong to one of the pushed frameworks (their ``framework``
    property) but are not in *pg* are deleted, so a push replaces the previous version of a
    framework; shared SDG nodes are never deleted. Returns the counts the store holds afterwards.
    """
    started = time.perf_counter()
    labels = list(pg.label_counts())
    for label in labels:
        session.ensure_key_constraint(label)
    written = 0
    for batch in write_batches(pg, batch_size):
        session.write(batch.statement, {"rows": batch.rows})
        written += len(batch.rows)
    frameworks = pg.frameworks
    for rel_type in pg.type_counts():
        keys = [r.key for r in pg.relationships if r.type == rel_type]
        session.write(_prune_relationships(rel_type), {"frameworks": frameworks, "keys": keys})
    for label in labels:
        keys = [n.key for n in pg.nodes if n.label == label]
        session.write(_prune_nodes(label), {"frameworks": frameworks, "keys": keys})
    seconds = time.perf_counter() - started
    rows = [
        {"kind": "node", "name": label, "pushed": n, "in_store": store_count(session, "node", label)}
        for label, n in pg.label_counts().items()
    ]
    rows += [
        {"kind": "relationship", "name": t, "pushed": n, "in_store": store_count(session, "relationship", t)}
        for t, n in pg.type_counts().items()
    ]
    return PushReport(target, rows, written, seconds)


def store_count(session: CypherSession, kind: str, name: str) -> int:
    """How many nodes of a label (or relationships of a type) the store holds."""
    if kind == "node":
        statement = f"MATCH (n:{check_label(name)}) RETURN count(n)"
    else:
        statement = f"MATCH ()-[r:{check_type(name)}]->() RETURN count(r)"
    return int(session.read(statement)[0][0])


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def cypher_literal(value: Any) -> str:
    """A value as a Cypher literal.

    Strings are JSON-escaped (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX`` for other control
    characters), which is Cypher's own escape syntax; map keys must be plain identifiers
    (property names of :mod:`cfgraph.lpg` always are).
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        bad = [k for k in value if not _IDENTIFIER.fullmatch(k)]
        if bad:
            raise ValueError(f"map key {bad[0]!r} is not a plain identifier")
        return "{" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")
