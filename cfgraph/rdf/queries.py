"""Named SPARQL questions (``queries/*.rq``) and a safe runner for them and for a user's own query.

Each ``.rq`` file starts with a header of ``# key: value`` comment lines::

    # title: Outcomes that list an SDG target
    # answers: Which outcomes list SDG target TARGET, in which list (narrative or results matrix)?
    # param target: an SDG target code as the document writes it, e.g. 3.8
    # option kind: only rows of this kind
    # list-columns: outcomes
    # scope: portfolio

``param`` names a required parameter, ``option`` an optional one; each is bound to the query
variable of the same name with ``initBindings`` (never pasted into the query text). A parameter
is used only in the query's top-level group (not inside a subquery or a ``UNION`` branch), so
that binding it with ``VALUES`` on a store (:mod:`cfgraph.rdf.oxigraph`,
:mod:`cfgraph.stores.sparql_store`) means the same. Every question takes an optional
``framework`` and answers per framework, never merging two frameworks' things; ``scope:
portfolio`` marks a cross-country question, which looks at every framework of the graph at once.
``list-columns`` names ``GROUP_CONCAT`` columns whose items the runner sorts, because SPARQL
leaves their order to the engine. Results are plain strings: cfgraph IRIs become their ids.

Queries that would reach the network (``SERVICE``, ``FROM``/``FROM NAMED``) are refused.

>>> import cfgraph
>>> rows = run_query(cfgraph.load(cfgraph.MINI), "outcomes-for-target", {"target": "5.1"})
>>> for r in rows:
...     print(r["outcome"], r["listed_in"], r["role"], r["lines"])
1.1 narrative global 11
1.1 results_matrix global 27
2.1 narrative crosscutting 19
2.1 results_matrix crosscutting 38
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cfgraph.errors import QueryError, UnknownIdError
from cfgraph.rdf.query_params import UnknownParameterError, bindings, check_ids

if TYPE_CHECKING:
    from rdflib import Graph

    from cfgraph.model import Framework
    from cfgraph.rdf.limits import QueryLimits

__all__ = [
    "NamedQuery",
    "QueryParam",
    "UnknownQueryError",
    "UnknownParameterError",
    "list_queries",
    "get_query",
    "query_catalogue",
    "run_query",
    "run_portfolio_query",
    "bindings",
    "run_sparql",
    "check_query_safe",
    "check_ids",
    "term_text",
    "tidy_rows",
]

_HEADER = re.compile(
    r"^#\s*(?P<key>title|answers|param|option|list-columns|scope)(?:\s+(?P<name>[a-z_]+))?:\s*(?P<value>.*)$"
)
_NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#decimal",
    "http://www.w3.org/2001/XMLSchema#double",
    "http://www.w3.org/2001/XMLSchema#float",
}


class UnknownQueryError(UnknownIdError):
    """The named query does not exist; the message lists the ones that do."""

    def __init__(self, name: str, valid: list[str]) -> None:
        from cfgraph.model import closest

        super().__init__("query", name, closest(name, valid))
        self.args = (f"unknown query {name!r}; valid queries: {', '.join(valid)}",)


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query (bound to the variable ``?name``)."""

    name: str
    required: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A ``.rq`` file: its name, what it answers, its parameters and its SPARQL text."""

    name: str
    title: str
    answers: str
    params: tuple[QueryParam, ...]
    list_columns: tuple[str, ...]
    text: str
    path: Path
    scope: str = "framework"

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]


def _parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params: list[QueryParam] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if m is None:
            continue
        key, name, value = m.group("key"), m.group("name"), m.group("value").strip()
        if key in ("param", "option") and name:
            params.append(QueryParam(name, key == "param", value))
        elif key == "answers" and "answers" in fields:
            fields["answers"] += " " + value
        else:
            fields[key] = value
    columns = tuple(c.strip() for c in fields.get("list-columns", "").split(",") if c.strip())
    return NamedQuery(
        path.stem,
        fields.get("title", path.stem),
        fields.get("answers", ""),
        tuple(params),
        columns,
        text,
        path,
        fields.get("scope", "framework"),
    )


@cache
def _queries(folder: str) -> dict[str, NamedQuery]:
    return {p.stem: _parse(p) for p in sorted(Path(folder).glob("*.rq"))}


def _folder() -> str:
    from cfgraph.resources import resource_dir

    return str(resource_dir("queries"))


def list_queries() -> list[NamedQuery]:
    """Every named query shipped in ``queries/``, sorted by name.

    >>> "shared-targets" in [q.name for q in list_queries()]
    True
    """
    return list(_queries(_folder()).values())


def query_catalogue() -> list[dict[str, str]]:
    """The named queries as rows (name, parameters, what each answers), for ``cfgraph query --list``.

    >>> query_catalogue()[0]["name"]
    'agencies-for-target'
    """
    rows = []
    for q in list_queries():
        params = ", ".join(p.name if p.required else f"[{p.name}]" for p in q.params)
        rows.append({"name": q.name, "scope": q.scope, "parameters": params, "answers": q.answers})
    return rows


def get_query(name: str) -> NamedQuery:
    """The named query *name*; :class:`UnknownQueryError` (exit 2 in the CLI) if there is none."""
    queries = _queries(_folder())
    if name not in queries:
        raise UnknownQueryError(name, sorted(queries))
    return queries[name]


def _walk(node: Any) -> Iterable[Any]:
    yield node
    if isinstance(node, Mapping):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _walk(value)


def check_query_safe(text: str) -> Any:
    """Parse a SPARQL query; refuse ``SERVICE`` and ``FROM``/``FROM NAMED`` (they reach the network).

    Returns the prepared rdflib query.

    >>> check_query_safe("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    cfgraph.errors.QueryError: query refused: SERVICE <http://example.org/sparql> would reach the network
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except ParseException as exc:
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}") from None
    except Exception as exc:  # rdflib raises plain Exceptions for some invalid queries
        raise QueryError(f"invalid SPARQL query: {exc}") from None
    algebra = prepared.algebra
    if algebra.get("datasetClause"):
        raise QueryError(
            "query refused: FROM / FROM NAMED would load graphs from outside; "
            "query the framework graph without them"
        )
    for node in _walk(algebra):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            raise QueryError(f"query refused: SERVICE <{node['term']}> would reach the network")
    return prepared


def term_text(value: str, datatype: str | None = None, is_iri: bool = False) -> str:
    """A result term as plain text: cfgraph IRIs as ids, whole numbers without ``.0``.

    >>> term_text("https://w3id.org/cfgraph/id/kz/outcome/1.1", is_iri=True)
    '1.1'
    >>> term_text("825000.0", "http://www.w3.org/2001/XMLSchema#decimal"), term_text("21.70", "http://www.w3.org/2001/XMLSchema#decimal")
    ('825000', '21.7')
    """
    from cfgraph.iris import iri_to_id

    if is_iri:
        return iri_to_id(value)
    if datatype in _NUMERIC:
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        if number == number.to_integral_value():
            return str(int(number))
        return format(number.normalize(), "f")
    return value


def tidy_rows(rows: list[dict[str, str]], list_columns: Iterable[str] = ()) -> list[dict[str, str]]:
    """Sort the items of list columns (``a; b``) naturally, so every engine gives the same text.

    Empty items (from ``COALESCE(?x, "")``, which keeps rdflib's ``GROUP_CONCAT(DISTINCT …)`` from
    failing on unbound values) are dropped.

    >>> tidy_rows([{"ids": "10.2; ; 3.8; 3.8"}], ["ids"])
    [{'ids': '3.8; 10.2'}]
    """
    from cfgraph.iris import sort_key

    columns = list(list_columns)
    if not columns:
        return rows
    tidy = []
    for row in rows:
        new = dict(row)
        for c in columns:
            if new.get(c):
                new[c] = "; ".join(sorted({v for v in new[c].split("; ") if v}, key=sort_key))
        tidy.append(new)
    return tidy


def _graph(graph_or_fw: Graph | Framework) -> Graph:
    from rdflib import Graph

    if isinstance(graph_or_fw, Graph):
        return graph_or_fw
    from cfgraph.rdf.build import build_graph

    return build_graph(graph_or_fw)


def _row(variables: list[str], solution: Any) -> dict[str, str]:
    from rdflib import Literal, URIRef

    row = {}
    terms: list[object] = list(solution)
    for name, term in zip(variables, terms, strict=True):
        if term is None:
            row[name] = ""
        elif isinstance(term, URIRef):
            row[name] = term_text(str(term), is_iri=True)
        else:
            datatype = str(term.datatype) if isinstance(term, Literal) and term.datatype else None
            row[name] = term_text(str(term), datatype)
    return row


def run_sparql(
    graph_or_fw: Graph | Framework,
    text: str,
    params: Mapping[str, str] | None = None,
    list_columns: Iterable[str] = (),
    limits: QueryLimits | None = None,
) -> list[dict[str, str]]:
    """Run a SELECT query (checked by :func:`check_query_safe`); *params* bound with initBindings.

    *limits* (time, rows, memory; none by default) stop a query that runs past them with
    :class:`~cfgraph.rdf.limits.QueryLimitExceeded` (see :mod:`cfgraph.rdf.limits`).
    """
    from rdflib import Literal
    from rdflib.query import ResultRow
    from rdflib.term import Identifier

    from cfgraph.rdf.limits import QueryLimits, capped, limited

    prepared = check_query_safe(text)
    if prepared.algebra.name != "SelectQuery":
        raise QueryError("only SELECT queries can be run here (they give rows)")
    init: dict[str, Identifier] = {k: Literal(v) for k, v in (params or {}).items()}
    graph = _graph(graph_or_fw)
    limits = limits or QueryLimits()
    rows = []
    with limited(limits) as check:
        result = graph.query(prepared, initBindings=init)
        variables = [str(v) for v in result.vars or []]
        for solution in capped(result, limits, check):
            assert isinstance(solution, ResultRow)  # noqa: S101 - SELECT results are rows
            rows.append(_row(variables, solution))
    return tidy_rows(rows, list_columns)


def run_query(
    graph_or_fw: Graph | Framework,
    name: str,
    params: Mapping[str, str] | None = None,
    limits: QueryLimits | None = None,
) -> list[dict[str, str]]:
    """Answer the named question *name* on a framework (or an already built graph).

    Parameters
    ----------
    graph_or_fw : rdflib.Graph or Framework
        The graph to query; a framework is built into one first (:func:`~cfgraph.rdf.build.build_graph`).
    name : str
        A query of :func:`list_queries` (``outcomes-for-target``, ...).
    params : mapping of str to str, optional
        The query's parameters, e.g. ``{"target": "3.8"}``.
    limits : QueryLimits, optional
        Time, rows and memory the query may take (:mod:`cfgraph.rdf.limits`); none by default.

    Returns
    -------
    list of dict
        One dict per row, keyed by the query's variables; values are plain strings.

    Examples
    --------
    >>> import cfgraph
    >>> for row in run_query(cfgraph.load(cfgraph.MINI), "agencies-for-target", {"target": "4.4"}):
    ...     print(list(row.values()))
    ['examplestan-2026-2030', 'ilo', 'ILO', 'ilo', '2.1']
    ['examplestan-2026-2030', 'undp', 'UNDP', 'undp', '2.1']
    """
    query = get_query(name)
    values = bindings(query, params)
    graph = _graph(graph_or_fw)
    check_ids(graph, values)
    return run_sparql(graph, query.text, values, query.list_columns, limits)


def run_portfolio_query(
    frameworks: Iterable[Framework], name: str, params: Mapping[str, str] | None = None
) -> list[dict[str, str]]:
    """Answer the named question *name* on several frameworks.

    A question about one framework at a time is asked of each framework's own graph, and the
    rows follow each other (each starts with its ``framework``); a framework that lacks an id
    the parameters name gives none. A cross-country question (``scope: portfolio``) is asked
    once of the graph of them all. Either way the rows are those the graph of them all
    (:func:`~cfgraph.rdf.build.build_portfolio`) gives, each framework's rows in the order the
    frameworks are given.

    >>> import cfgraph
    >>> rows = run_portfolio_query([cfgraph.load(cfgraph.MINI)], "outcomes-for-target", {"target": "6.1"})
    >>> [(r["framework"], r["outcome"], r["listed_in"]) for r in rows]
    [('examplestan-2026-2030', '1.1', 'narrative'), ('examplestan-2026-2030', '1.1', 'results_matrix')]
    """
    from cfgraph.portfolio import rows_of_each
    from cfgraph.rdf.build import build_portfolio

    fws = list(frameworks)
    query = get_query(name)
    if query.scope == "portfolio" and len(fws) > 1:
        return run_query(build_portfolio(fws), name, params)
    return rows_of_each(fws, lambda fw: run_query(fw, name, params), skip_unknown=len(fws) > 1)
