"""Push the property graph into FalkorDB: an embedded database file (``falkordblite``) or a server.

The embedded database needs nothing installed: ``falkordblite`` starts a private FalkorDB
(a Redis server with the graph module) on the file given, and stops it when the push is done
(:mod:`cfgraph.stores.embedded`: the file must be a database or a new file in an existing
folder, and one session at a time uses a folder).

>>> import cfgraph, tempfile, pathlib
>>> from cfgraph.lpg import property_graph
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.db"
>>> report = push_falkordb(property_graph(cfgraph.load(cfgraph.MINI)), path=path)
>>> next(r for r in report.rows if r["name"] == "Outcome")
{'kind': 'node', 'name': 'Outcome', 'pushed': 2, 'in_store': 2}
>>> [(r["outcome_a"], r["outcome_b"], r["targets"]) for r in run_cypher_query("shared-targets", path=path)]
[('1.1', '2.1', ['5.1'])]
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from cfgraph.lpg import PropertyGraph
from cfgraph.redact import redact_url, scrub, url_secrets
from cfgraph.stores import StoreError
from cfgraph.stores.cypher import DEFAULT_BATCH_SIZE, DIALECTS, Dialect, PushReport, push_property_graph

__all__ = [
    "DEFAULT_GRAPH",
    "FalkorSession",
    "open_falkordb",
    "push_falkordb",
    "push_to_client",
    "query_falkordb",
    "run_cypher_query",
]

_URL_SCHEMES = ("redis://", "rediss://", "falkor://", "falkors://", "unix://")

#: The graph (FalkorDB key) cfgraph writes unless told otherwise.
DEFAULT_GRAPH = "cfgraph"


class FalkorSession:
    """A :class:`~cfgraph.stores.cypher.CypherSession` over one FalkorDB graph."""

    dialect: Dialect = DIALECTS["falkordb"]

    def __init__(self, db: Any, graph: str) -> None:
        self.db, self.name = db, graph
        self.graph = db.select_graph(graph)
        self._known: tuple[set[str], set[str]] | None = None

    def _existing(self) -> tuple[set[str], set[str]]:
        """Labels whose ``key`` is indexed, and labels whose ``key`` is unique, in this graph."""
        if self._known is None:
            indexed: set[str] = set()
            unique: set[str] = set()
            for label, props in self.graph.query("CALL db.indexes() YIELD label, properties").result_set:
                if "key" in props:
                    indexed.add(label)
            for kind, label, props, entity, _ in self.graph.query("CALL db.constraints()").result_set:
                if kind == "UNIQUE" and entity == "NODE" and props == ["key"]:
                    unique.add(label)
            self._known = (indexed, unique)
        return self._known

    def ensure_key_constraint(self, label: str) -> None:
        """Index ``key`` on *label* and make it unique, unless that is done already."""
        indexed, unique = self._existing()
        if label not in indexed:
            self.graph.query(self.dialect.key_constraint(label))
            indexed.add(label)
        if label not in unique and self.dialect.key_command is not None:
            self.db.execute_command(*self.dialect.key_command(self.name, label))
            unique.add(label)

    def write(self, statement: str, params: Mapping[str, Any]) -> None:
        self.graph.query(statement, dict(params))

    def read(self, statement: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        result = self.graph.ro_query(statement, dict(params or {}))
        return [list(row) for row in result.result_set]


@contextlib.contextmanager
def open_falkordb(path: Path | str | None = None, url: str | None = None) -> Iterator[Any]:
    """A FalkorDB client: the embedded database in *path*, or the server at *url* (``redis://…``)."""
    if url is not None:
        if not url.startswith(_URL_SCHEMES):
            raise StoreError(f"FalkorDB URL {redact_url(url)!r} must start with {', '.join(_URL_SCHEMES)}")
        from falkordb import FalkorDB

        try:
            db = FalkorDB.from_url(url)
            db.connection.ping()
        except Exception as exc:  # redis raises ConnectionError, AuthenticationError, ...
            reason = scrub(str(exc), url_secrets(url))
            raise StoreError(f"cannot reach FalkorDB at {redact_url(url)}: {reason}") from None
        try:
            yield db
        finally:  # the client shares its pool; disconnect it, or an embedded server stays up
            db.connection.close()
            db.connection.connection_pool.disconnect()
        return
    if path is None:
        raise StoreError("give the embedded database file (--path) or a server URL (--url)")
    from cfgraph.stores.embedded import open_embedded

    with open_embedded(path) as embedded:
        yield embedded


def push_falkordb(
    pg: PropertyGraph,
    path: Path | str | None = None,
    url: str | None = None,
    graph: str = DEFAULT_GRAPH,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> PushReport:
    """Push *pg* into the FalkorDB graph *graph* (embedded file *path*, or server *url*).

    Pushing twice gives the same counts: nodes and relationships are merged on their keys.
    """
    with open_falkordb(path, url) as db:
        where = f"FalkorDB {redact_url(url) if url else path}"
        return push_to_client(db, pg, graph, batch_size, where)


def push_to_client(
    db: Any,
    pg: PropertyGraph,
    graph: str = DEFAULT_GRAPH,
    batch_size: int = DEFAULT_BATCH_SIZE,
    where: str = "FalkorDB",
) -> PushReport:
    """Push *pg* through an open FalkorDB client (:func:`open_falkordb`) into the graph *graph*."""
    try:
        return push_property_graph(pg, FalkorSession(db, graph), f"{where} graph {graph!r}", batch_size)
    except StoreError:
        raise
    except Exception as exc:  # the redis client's ResponseError and connection errors
        raise StoreError(f"FalkorDB refused the push: {exc}") from None


def query_falkordb(
    statement: str,
    params: Mapping[str, Any] | None = None,
    path: Path | str | None = None,
    url: str | None = None,
    graph: str = DEFAULT_GRAPH,
) -> list[list[Any]]:
    """Run a read-only Cypher query on a FalkorDB graph; rows as lists."""
    with open_falkordb(path, url) as db:
        return FalkorSession(db, graph).read(statement, params)


def run_cypher_query(
    name: str, path: Path | str | None = None, url: str | None = None, graph: str = DEFAULT_GRAPH
) -> list[dict[str, Any]]:
    """Answer the named Cypher question ``queries/NAME.cypher`` on a FalkorDB graph; rows as dicts
    (see the example at the top of this module)."""
    from cfgraph.stores.cypher_queries import get_cypher_query

    query = get_cypher_query(name)
    with open_falkordb(path, url) as db:
        result = db.select_graph(graph).ro_query(query.text)
        columns = [column[1] for column in result.header]
        return [dict(zip(columns, row, strict=True)) for row in result.result_set]

