"""Run cfgraph's named questions on a pyoxigraph store (a real triple store) instead of rdflib.

The same ``.rq`` files, the same safety check and the same parameter checks; parameters are
bound by :func:`bind_values` and the rows come back in the same plain-string form as
:func:`cfgraph.rdf.queries.run_query`.

>>> import cfgraph
>>> from cfgraph.rdf.build import build_graph
>>> from cfgraph.rdf.serialize import to_ntriples
>>> store = store_from_ntriples(to_ntriples(build_graph(cfgraph.load(cfgraph.MINI))))
>>> for row in run_query_oxigraph(store, "outcomes-for-target", {"target": "6.1"}):
...     print(row["outcome"], row["listed_in"])
1.1 narrative
1.1 results_matrix
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cfgraph.errors import QueryError
from cfgraph.rdf.limits import QueryLimits, capped, limited
from cfgraph.rdf.queries import bindings, check_query_safe, get_query, term_text, tidy_rows

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["store_from_ntriples", "load_store", "bind_values", "run_sparql_oxigraph", "run_query_oxigraph"]

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def store_from_ntriples(text: str | bytes) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store holding the N-Triples *text*."""
    import pyoxigraph

    store = pyoxigraph.Store()
    data = text.encode("utf-8") if isinstance(text, str) else text
    store.load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def load_store(path: Path) -> pyoxigraph.Store:
    """An in-memory store holding the graph file *path* (``graph.nt``, ``.ttl`` or ``.jsonld``)."""
    import pyoxigraph

    formats = {
        ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
        ".ttl": pyoxigraph.RdfFormat.TURTLE,
        ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
    }
    if path.suffix not in formats:
        raise QueryError(f"{path}: unknown RDF file type; use one of {', '.join(sorted(formats))}")
    store = pyoxigraph.Store()
    store.load(path=str(path), format=formats[path.suffix])
    return store


def _text(term: Any) -> str:
    import pyoxigraph

    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        return term_text(term.value, is_iri=True)
    if isinstance(term, pyoxigraph.Literal):
        return term_text(term.value, term.datatype.value if term.datatype else None)
    return str(term.value)


def bind_values(text: str, params: Mapping[str, str]) -> str:
    """*text* with a ``VALUES`` block binding *params*, placed first in the top-level ``WHERE``.

    pyoxigraph's ``substitutions`` only accept projected variables, and the named queries do
    not project their parameters; so the parameters become an inline ``VALUES`` block whose
    literals are written by pyoxigraph's own serialiser (quotes and newlines escaped), never
    formatted by hand.

    >>> print(bind_values('SELECT ?o WHERE { ?o <http://x/p> ?target }', {"target": 'a"b'}))
    SELECT ?o WHERE { VALUES (?target) { ("a\\"b") }  ?o <http://x/p> ?target }
    """
    import pyoxigraph

    if not params:
        return text
    match = _WHERE.search(text)
    if match is None:
        raise QueryError("cannot bind parameters: the query has no 'WHERE {'")
    names = sorted(params)
    for name in names:
        if not _NAME.match(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    variables = " ".join(f"?{n}" for n in names)
    values = " ".join(str(pyoxigraph.Literal(params[n])) for n in names)
    block = f" VALUES ({variables}) {{ ({values}) }} "
    return text[: match.end()] + block + text[match.end() :]


def run_sparql_oxigraph(
    store: pyoxigraph.Store,
    text: str,
    params: Mapping[str, str] | None = None,
    list_columns: Iterable[str] = (),
    limits: QueryLimits | None = None,
    *,
    checked: bool = False,
) -> list[dict[str, str]]:
    """Run a SELECT query on *store*; same checks and rows as :func:`~cfgraph.rdf.queries.run_sparql`.

    *checked* says the text already passed :func:`~cfgraph.rdf.queries.check_query_safe`.
    *limits* are checked as rows come (pyoxigraph gives them lazily); a query that sorts or
    groups runs inside pyoxigraph until its first row, and is only stopped there.
    """
    import pyoxigraph

    if not checked:
        check_query_safe(text)
    limits = limits or QueryLimits()
    rows = []
    with limited(limits) as check:
        solutions = store.query(bind_values(text, params or {}))
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise QueryError("only SELECT queries can be run here (they give rows)")
        names = [v.value for v in solutions.variables]
        for solution in capped(solutions, limits, check):
            rows.append({name: _text(solution[name]) for name in names})
    return tidy_rows(rows, list_columns)


def run_query_oxigraph(
    store: pyoxigraph.Store,
    name: str,
    params: Mapping[str, str] | None = None,
    limits: QueryLimits | None = None,
) -> list[dict[str, str]]:
    """Answer the named question *name* on a pyoxigraph store."""
    query = get_query(name)
    return run_sparql_oxigraph(store, query.text, bindings(query, params), query.list_columns, limits)
