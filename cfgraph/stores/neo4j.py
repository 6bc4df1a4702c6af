"""Push the property graph into Neo4j with the official ``neo4j`` driver.

The connection comes from arguments or the usual environment variables (``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``). The password is read from the
environment only, and never appears in a message. Uniqueness constraints are created first
(``IF NOT EXISTS``); every batch is a ``MERGE`` inside ``execute_write``, which retries transient
errors. Whatever goes wrong becomes one :class:`~cfgraph.stores.StoreError` line.

>>> s = Neo4jSettings.from_env(environ={"NEO4J_URI": "bolt://db:7687", "NEO4J_PASSWORD": "pw"})
>>> s
Neo4jSettings(uri='bolt://db:7687', user='neo4j', database=None)
>>> Neo4jSettings.from_env(uri="http://db:7474", environ={}).check()
Traceback (most recent call last):
...
cfgraph.stores.StoreError: Neo4j URI 'http://db:7474' has scheme 'http'; use bolt:// or neo4j:// (+s, +ssc)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from cfgraph.lpg import PropertyGraph
from cfgraph.redact import redact_url, scrub, url_secrets
from cfgraph.stores import StoreError
from cfgraph.stores.cypher import DEFAULT_BATCH_SIZE, DIALECTS, Dialect, PushReport, push_property_graph

__all__ = ["DEFAULT_URI", "SCHEMES", "Neo4jSettings", "Neo4jSession", "push_neo4j", "explain_error"]

DEFAULT_URI = "neo4j://localhost:7687"
#: URI schemes of the Bolt protocol (the driver's HTTP preview is not used).
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect. The password is kept out of ``repr``."""

    uri: str
    user: str
    database: str | None
    password: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(
        cls,
        uri: str | None = None,
        user: str | None = None,
        database: str | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Neo4jSettings:
        """Arguments first, then ``NEO4J_*`` environment variables, then the defaults."""
        env = os.environ if environ is None else environ
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=user or env.get("NEO4J_USERNAME") or "neo4j",
            database=database or env.get("NEO4J_DATABASE") or None,
            password=env.get("NEO4J_PASSWORD") or None,
        )

    @property
    def display_uri(self) -> str:
        """The URI with any user information masked (:func:`cfgraph.redact.redact_url`)."""
        return redact_url(self.uri)

    def check(self) -> Neo4jSettings:
        """Refuse a URI the Bolt driver cannot use, with a message that says what to write."""
        try:
            urlsplit(self.uri).hostname  # noqa: B018 - raises on an unbalanced '['
        except ValueError as exc:
            raise StoreError(f"Neo4j URI {self.display_uri!r} cannot be read: {exc}") from None
        scheme = urlsplit(self.uri).scheme if "://" in self.uri else ""
        if scheme not in SCHEMES:
            shown = f"has scheme {scheme!r}" if scheme else "has no scheme"
            raise StoreError(
                f"Neo4j URI {self.display_uri!r} {shown}; use bolt:// or neo4j:// (+s, +ssc)"
            )
        if not urlsplit(self.uri).hostname:
            raise StoreError(f"Neo4j URI {self.display_uri!r} names no host; e.g. neo4j://localhost:7687")
        if "@" in urlsplit(self.uri).netloc:
            raise StoreError(
                f"Neo4j URI {self.display_uri!r} must not carry a user or password; "
                "use --user / NEO4J_USERNAME and NEO4J_PASSWORD"
            )
        return self

    def scrub(self, text: str) -> str:
        """*text* with the password (from the environment or the URI) replaced by ``***``."""
        return scrub(text, [self.password, *url_secrets(self.uri)])


def explain_error(exc: Exception, settings: Neo4jSettings) -> StoreError:
    """One line a person can act on, for an error the driver raised (never with the password).

    >>> from neo4j.exceptions import AuthError
    >>> s = Neo4jSettings("bolt://db:7687", "neo4j", None, password="hunter2")
    >>> str(explain_error(AuthError("The client is unauthorized"), s))
    "Neo4j at bolt://db:7687 refused the credentials of user 'neo4j'; check NEO4J_USERNAME and NEO4J_PASSWORD"
    """
    return StoreError(settings.scrub(_explain(exc, settings)))


def _explain(exc: Exception, settings: Neo4jSettings) -> str:
    """The message of :func:`explain_error`."""
    from neo4j import exceptions as ex

    where = f"Neo4j at {settings.display_uri}"
    if isinstance(exc, ex.AuthError):
        if settings.password is None:
            return f"{where} needs a password; set NEO4J_PASSWORD in the environment"
        hint = "check NEO4J_USERNAME and NEO4J_PASSWORD"
        return f"{where} refused the credentials of user {settings.user!r}; {hint}"
    if isinstance(exc, ex.ServiceUnavailable):
        return f"cannot reach {where}: is the server running and the address right?"
    if isinstance(exc, ex.ConfigurationError):
        return f"{where}: bad connection settings: {exc}"
    code = getattr(exc, "code", None) or ""
    if code.endswith("DatabaseNotFound"):
        database = settings.database
        return f"{where} has no database {database!r}; create it or choose one with --database"
    return f"{where}: {code + ': ' if code else ''}{getattr(exc, 'message', None) or exc}"


def _run_write(tx: Any, statement: str, params: Mapping[str, Any]) -> None:
    tx.run(statement, dict(params)).consume()


def _run_read(tx: Any, statement: str, params: Mapping[str, Any]) -> list[list[Any]]:
    return [list(record.values()) for record in tx.run(statement, dict(params))]


class Neo4jSession:
    """A :class:`~cfgraph.stores.cypher.CypherSession` over a driver session."""

    dialect: Dialect = DIALECTS["neo4j"]

    def __init__(self, session: Any) -> None:
        self.session = session

    def ensure_key_constraint(self, label: str) -> None:
        self.session.execute_write(_run_write, self.dialect.key_constraint(label), {})

    def write(self, statement: str, params: Mapping[str, Any]) -> None:
        self.session.execute_write(_run_write, statement, params)

    def read(self, statement: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        rows: list[list[Any]] = self.session.execute_read(_run_read, statement, params or {})
        return rows


def push_neo4j(
    pg: PropertyGraph, settings: Neo4jSettings, batch_size: int = DEFAULT_BATCH_SIZE
) -> PushReport:
    """Push *pg* into Neo4j: constraints, then ``MERGE`` batches, then the counts per label/type.

    Raises
    ------
    StoreError
        The server cannot be reached, refuses the credentials, has no such database, the URI
        scheme is not a Bolt one, or a statement fails.
    """
    import neo4j

    settings.check()
    auth = (settings.user, settings.password) if settings.password is not None else None
    try:
        with neo4j.GraphDatabase.driver(settings.uri, auth=auth, connection_timeout=10) as driver:
            driver.verify_connectivity()
            with driver.session(database=settings.database) as session:
                target = f"Neo4j {settings.display_uri} database {settings.database or '(default)'}"
                return push_property_graph(pg, Neo4jSession(session), target, batch_size)
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
        raise explain_error(exc, settings) from None
