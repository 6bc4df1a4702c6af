"""Put the RDF graph into any SPARQL 1.1 Graph Store, and ask a SPARQL endpoint the named questions.

:func:`push_sparql` sends the graph as N-Triples with one HTTP ``PUT`` into a named graph
(``STORE?graph=IRI``, the Graph Store Protocol's indirect identification): the store replaces
whatever that graph held, so pushing again leaves one copy of the current version. A store
that needs a login gets HTTP Basic credentials from ``CFGRAPH_SPARQL_USER`` and
``CFGRAPH_SPARQL_PASSWORD``, or from the URL (``http://user:password@host/store``: sent as Basic
auth, never as part of the host name); no message shows them.

:func:`run_query_endpoint` runs a named question (``queries/*.rq``) on a SPARQL endpoint over
HTTP, with the pushed graph as the default graph; its rows have the same plain-string form as
:func:`cfgraph.rdf.queries.run_query`, so a store can be checked against the local answer.

>>> bind_values("SELECT ?o WHERE { ?o ?p ?target }", {"target": '3.8" } } #'})
'SELECT ?o WHERE { VALUES (?target) { ("3.8\\\\" } } #") } ?o ?p ?target }'
"""

from __future__ import annotations

import base64
import json
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from cfgraph.redact import redact_url, scrub, split_credentials
from cfgraph.stores import StoreError

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = [
    "SparqlPushReport",
    "default_graph_iri",
    "push_sparql",
    "push_framework_sparql",
    "bind_values",
    "select_endpoint",
    "select_json",
    "run_query_endpoint",
]


@dataclass(frozen=True)
class SparqlPushReport:
    """What one PUT sent and how the store answered (``store`` with any credentials masked)."""

    store: str
    graph: str
    triples: int
    status: int
    seconds: float

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds else float("inf")


def default_graph_iri(fw: Framework) -> str:
    """The named graph a framework goes into unless told otherwise: the framework's own IRI.

    >>> import cfgraph
    >>> default_graph_iri(cfgraph.load(cfgraph.MINI))
    'https://w3id.org/cfgraph/id/examplestan-2026-2030'
    """
    from cfgraph.namespaces import framework_iri

    return str(framework_iri(fw.info.id))


def _check_url(url: str, what: str) -> str:
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:  # e.g. an unbalanced '[' or a port that is not a number
        parts, hostname = urlsplit(""), None
    if parts.scheme not in ("http", "https") or not hostname:
        raise StoreError(f"{what} {redact_url(url)!r} must be an http:// or https:// URL")
    return url


def _request(
    url: str,
    method: str,
    body: bytes | None,
    headers: dict[str, str],
    timeout: float,
    environ: Mapping[str, str],
) -> tuple[int, bytes]:
    # credentials in the URL are sent as HTTP Basic auth, never as part of the host name
    shown = redact_url(url.split("?", 1)[0])
    url, credentials = split_credentials(url)
    if credentials is None:
        user, password = environ.get("CFGRAPH_SPARQL_USER"), environ.get("CFGRAPH_SPARQL_PASSWORD")
        credentials = (user, password) if user and password else None
    if credentials is not None:
        token = base64.b64encode(":".join(credentials).encode()).decode("ascii")
        headers = {**headers, "Authorization": f"Basic {token}"}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)  # noqa: S310 - checked
    secrets = credentials or ()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        first = f": {detail[0][:200]}" if detail else ""
        message = f"SPARQL store at {shown} answered HTTP {exc.code} {exc.reason}{first}"
        raise StoreError(scrub(message, secrets)) from None
    except urllib.error.URLError as exc:
        raise StoreError(scrub(f"cannot reach the SPARQL store at {shown}: {exc.reason}", secrets)) from None
    except TimeoutError:
        raise StoreError(f"the SPARQL store at {shown} did not answer within {timeout:g} s") from None


def push_sparql(
    ntriples: str,
    store: str,
    graph: str,
    timeout: float = 120.0,
    environ: Mapping[str, str] | None = None,
    replace: bool = True,
) -> SparqlPushReport:
    """``PUT`` N-Triples into the named graph *graph* of the Graph Store at *store* (``POST``, which
    adds to what the graph holds, when not *replace*).

    Parameters
    ----------
    ntriples : str
        The graph, one triple a line (:func:`cfgraph.rdf.serialize.to_ntriples`).
    store : str
        The Graph Store Protocol endpoint, e.g. ``http://localhost:7878/store`` (Oxigraph) or
        ``http://localhost:3030/ds/data`` (Fuseki).
    graph : str
        The IRI of the named graph to replace.
    """
    _check_url(store, "SPARQL store URL")
    url = store + ("&" if "?" in store else "?") + urlencode({"graph": graph})
    body = ntriples.encode("utf-8")
    headers = {"Content-Type": "application/n-triples; charset=utf-8"}
    started = time.perf_counter()
    method = "PUT" if replace else "POST"
    status, _ = _request(url, method, body, headers, timeout, os.environ if environ is None else environ)
    seconds = time.perf_counter() - started
    triples = sum(1 for line in ntriples.splitlines() if line.strip())
    return SparqlPushReport(redact_url(store), graph, triples, status, seconds)


def push_framework_sparql(fw: Framework, store: str, graph: str | None = None) -> SparqlPushReport:
    """Build the framework's RDF graph and put it into the store (see :func:`push_sparql`)."""
    from cfgraph.rdf.build import build_graph
    from cfgraph.rdf.serialize import to_ntriples

    return push_sparql(to_ntriples(build_graph(fw)), store, graph or default_graph_iri(fw))


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(text: str, params: Mapping[str, str]) -> str:
    """Bind query variables to string literals with a ``VALUES`` block at the top of ``WHERE``.

    The counterpart, over HTTP, of rdflib's ``initBindings``: values are written as escaped
    RDF literals, so a parameter can never change the query around it.
    """
    if not params:
        return text
    from rdflib import Literal

    match = _WHERE.search(text)
    if match is None:
        raise StoreError("cannot bind parameters: the query has no WHERE { … } block")
    names = " ".join(f"?{name}" for name in params)
    values = " ".join(Literal(value).n3() for value in params.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    return text[: match.end()] + block + text[match.end() :]


def select_endpoint(
    endpoint: str,
    text: str,
    params: Mapping[str, str] | None = None,
    graph: str | Sequence[str] | None = None,
    list_columns: Iterable[str] = (),
    timeout: float = 120.0,
    union: bool = False,
) -> list[dict[str, str]]:
    """Run a SELECT query on a SPARQL endpoint, over the named graph(s) *graph* as default graph.

    Several graphs (``default-graph-uri`` repeated, as the SPARQL protocol allows) make one
    default graph: a portfolio pushed one framework per named graph is queried as one graph,
    sharing its SDG and UN entity nodes. With *union*, Oxigraph's ``union-default-graph`` (every
    named graph at once; much faster there) instead. Without either, the store's default graph.
    """
    from cfgraph.rdf.queries import check_query_safe, term_text, tidy_rows

    check_query_safe(text)
    result = select_json(endpoint, bind_values(text, params or {}), graph, timeout, union)
    names = result["head"]["vars"]
    rows = []
    for binding in result["results"]["bindings"]:
        row = {}
        for name in names:
            term = binding.get(name)
            if term is None:
                row[name] = ""
            else:
                row[name] = term_text(term["value"], term.get("datatype"), is_iri=term["type"] == "uri")
        rows.append(row)
    return tidy_rows(rows, list_columns)


def select_json(
    endpoint: str, query: str, graph: str | Sequence[str] | None, timeout: float, union: bool = False
) -> Any:
    """The SPARQL JSON results of *query* over the default graph(s) *graph* (or, with *union*,
    Oxigraph's union of every named graph)."""
    _check_url(endpoint, "SPARQL endpoint URL")
    graphs = [graph] if isinstance(graph, str) else list(graph or ())
    args: list[tuple[str, str]] = [("query", query), *(("default-graph-uri", g) for g in graphs)]
    if union:
        args.append(("union-default-graph", ""))
    headers = {
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    _, body = _request(endpoint, "POST", urlencode(args).encode("utf-8"), headers, timeout, os.environ)
    return json.loads(body)


def run_query_endpoint(
    endpoint: str,
    name: str,
    params: Mapping[str, str] | None = None,
    graph: str | Sequence[str] | None = None,
) -> list[dict[str, str]]:
    """Answer the named question *name* on a SPARQL endpoint (see :func:`select_endpoint`).

    For a portfolio pushed by :func:`cfgraph.stores.sparql_portfolio.push_portfolio_sparql`, see
    :func:`~cfgraph.stores.sparql_portfolio.run_portfolio_query_endpoint`.
    """
    from cfgraph.rdf.queries import get_query
    from cfgraph.rdf.query_params import bindings

    query = get_query(name)
    return select_endpoint(endpoint, query.text, bindings(query, params), graph, query.list_columns)
