"""``cfgraph build``, ``cfgraph query`` and ``cfgraph sparql``: the framework as an RDF graph."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cfgraph.cli.options import (
    echo_rows,
    format_option,
    framework_names,
    framework_option,
    frameworks_option,
    handle_errors,
    load_framework,
    load_frameworks,
)
from cfgraph.rdf.limits import DEFAULT_LIMITS, QueryLimits

if TYPE_CHECKING:
    from cfgraph.render.rows import TableSpec

__all__ = ["build_command", "query_command", "sparql_command"]

out_option = click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the rows to this file (atomically; - for stdout).",
)
param_option = click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A query parameter, e.g. --param target=3.8 (repeatable).",
)


def limit_options[F: Callable[..., Any]](func: F) -> F:
    """``--timeout`` and ``--limit``: how long a query may run and how many rows it may give."""
    func = click.option(
        "--limit",
        type=click.IntRange(0),
        default=DEFAULT_LIMITS.rows,
        show_default=True,
        help="Stop with an error if the query gives more rows than this (0: no limit).",
    )(func)
    return click.option(
        "--timeout",
        type=click.FloatRange(0),
        default=DEFAULT_LIMITS.timeout,
        show_default=True,
        metavar="SECONDS",
        help="Stop the query after this many seconds (0: never).",
    )(func)


def _limits(timeout: float, limit: int) -> QueryLimits:
    return QueryLimits(timeout or None, limit or None, DEFAULT_LIMITS.memory_mb)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{value!r} is not KEY=VALUE", param_hint="--param")
        params[key.strip()] = text.strip()
    return params


def _read_query_file(name: str) -> str:
    """The text of a ``.rq`` file (``-``: stdin); bytes that are not UTF-8 are a usage error naming
    the line."""
    from cfgraph.io.csvfile import decode_utf8, read_bytes

    data, problems = (sys.stdin.buffer.read(), []) if name == "-" else read_bytes(Path(name), name)
    text, problems = (None, problems) if data is None else decode_utf8(data, name)
    if text is None:
        first = problems[0]
        raise click.BadParameter(f"{name}:{first.line}: {first.message}", param_hint="QUERY")
    return text


def _empty_says_why(
    rows: list[dict[str, Any]],
    what: str,
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    params: tuple[str, ...],
) -> TableSpec | None:
    """For an answer without rows, a table that says which question found nothing, on which
    frameworks, for which parameters (and, for a named question, what it answers)."""
    from cfgraph.render.rows import TableSpec

    if rows:
        return None
    on = framework_names(load_frameworks(framework_dirs, portfolio_dir))
    given = f" for {', '.join(params)}" if params else ""
    name = what.split()[0]
    if name != "the":
        from cfgraph.rdf.queries import get_query

        question = get_query(name).answers.split("?")[0]
        return TableSpec(empty=f"{what} nothing on {on}{given} (it asks: {question}?)")
    return TableSpec(empty=f"{what} nothing on {on}{given}")


@click.command("build")
@framework_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for graph.ttl, graph.nt and graph.jsonld.",
)
@handle_errors
def build_command(framework_dir: Path | None, out: Path) -> None:
    """Build the RDF graph, check it against the SHACL shapes, write Turtle, N-Triples and JSON-LD.

    Two runs give byte-identical files. If the graph breaks a shape, nothing is written and every
    violation is listed (exit 1).
    """
    from cfgraph.rdf.serialize import build_files
    from cfgraph.rdf.shacl import GraphNotConforming

    try:
        written = build_files(load_framework(framework_dir), out)
    except GraphNotConforming as exc:
        click.echo(exc.report.text(), err=True, nl=False)
        raise
    for path in written:
        click.echo(f"wrote {path}", err=True)


@click.command("query")
@click.argument("name", required=False)
@param_option
@click.option("--list", "list_only", is_flag=True, help="List the named queries and their parameters.")
@frameworks_option
@format_option()
@out_option
@limit_options
@handle_errors
def query_command(
    name: str | None,
    params: tuple[str, ...],
    list_only: bool,
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    fmt: str,
    out: Path | None,
    timeout: float,
    limit: int,
) -> None:
    """Answer a named question (queries/NAME.rq) with SPARQL on the framework graph.

    With several frameworks (--framework twice, --portfolio DIR) each framework's rows follow the
    other's, told apart by their framework column; cross-country questions
    (targets-across-frameworks, agency-footprint, compare-frameworks) see them all at once.

    Example: cfgraph query outcomes-for-target --param target=3.8
    """
    from dataclasses import replace

    from cfgraph.portfolio import framework_folders
    from cfgraph.rdf.queries import list_queries, query_catalogue
    from cfgraph.rdf.store import answer_portfolio
    from cfgraph.render.rows import TableSpec

    if list_only:
        spec = TableSpec("Named questions: cfgraph query NAME --param KEY=VALUE", noun="question")
        echo_rows(query_catalogue(), fmt, out, spec)
        return
    if name is None:
        names = ", ".join(q.name for q in list_queries())
        raise click.UsageError(f"give a query NAME or --list; queries: {names}")
    folders: list[Path | None] = [*framework_dirs]
    if portfolio_dir is not None:
        folders += framework_folders(portfolio_dir)
    bound = _params(params)
    rows = answer_portfolio(folders or [None], name, bound, _limits(timeout, limit))
    why = _empty_says_why(rows, f"{name} finds", framework_dirs, portfolio_dir, params)
    several = len(folders) > 1 and fmt == "table"
    asked = tuple(load_framework(f).info.id for f in folders) if several else ()
    echo_rows(rows, fmt, out, replace(why or TableSpec(), title=_query_title(name, bound), frameworks=asked))


def _query_title(name: str, params: dict[str, str]) -> str:
    """The heading of a named question's table: its title and parameters."""
    from cfgraph.rdf.queries import get_query

    given = ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
    return get_query(name).title + (f" ({given})" if given else "")


@click.command("sparql")
@click.argument("query")
@param_option
@frameworks_option
@format_option()
@out_option
@limit_options
@handle_errors
def sparql_command(
    query: str,
    params: tuple[str, ...],
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    fmt: str,
    out: Path | None,
    timeout: float,
    limit: int,
) -> None:
    """Run your own SPARQL SELECT query: a .rq FILE, '-' for stdin, or the query TEXT itself.

    SERVICE and FROM (which would reach the network) are refused. Parameters are bound to the
    variables of the same name. A query that runs past --timeout, gives more than --limit rows
    or needs more than 512 MB of memory is stopped with one line (exit 1). Several frameworks are
    one graph (they share the SDG and UN entity nodes).
    """
    from cfgraph.rdf.build import build_portfolio
    from cfgraph.rdf.queries import run_sparql

    if query == "-" or Path(query).is_file():
        text = _read_query_file(query)
    elif "{" not in query and query.strip().lower().endswith((".rq", ".sparql", ".txt")):
        raise click.BadParameter(f"no such file: {query}", param_hint="QUERY")
    else:
        text = query
    fws = load_frameworks(framework_dirs, portfolio_dir)
    graph = build_portfolio(fws) if len(fws) > 1 else fws[0]
    rows = run_sparql(graph, text, _params(params), limits=_limits(timeout, limit))
    echo_rows(rows, fmt, out, _empty_says_why(rows, "the query finds", framework_dirs, portfolio_dir, params))
