"""``cfgraph push neo4j|falkordb|sparql``: put the framework graph where people already work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cfgraph.cli.options import echo_rows, format_option, frameworks_option, handle_errors, load_frameworks
from cfgraph.redact import redact_url

if TYPE_CHECKING:
    from cfgraph.lpg import PropertyGraph

__all__ = ["push_group"]

dry_run_option = click.option(
    "--dry-run", is_flag=True, help="Print what would be written (counts per label/type); send nothing."
)
batch_option = click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=1000,
    show_default=True,
    help="Rows per UNWIND batch (one write transaction each).",
)


@click.group("push")
def push_group() -> None:
    """Put the framework graph into a graph database or a triple store (repeatable: a second
    push merges on stable keys, or replaces the named graph, and gives the same counts).

    --framework (repeatable) and --portfolio DIR push several frameworks in one go; only the
    frameworks pushed are replaced, the others already in the store stay."""


@push_group.command("neo4j")
@frameworks_option
@click.option("--uri", default=None, help="Bolt URI [default: $NEO4J_URI or neo4j://localhost:7687].")
@click.option("--user", default=None, help="User name [default: $NEO4J_USERNAME or neo4j].")
@click.option("--database", default=None, help="Database [default: $NEO4J_DATABASE or the server's default].")
@batch_option
@dry_run_option
@format_option()
@handle_errors
def push_neo4j_command(
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    uri: str | None,
    user: str | None,
    database: str | None,
    batch_size: int,
    dry_run: bool,
    fmt: str,
) -> None:
    """Push the framework into Neo4j with the official driver.

    The password is read from the NEO4J_PASSWORD environment variable only. Uniqueness
    constraints come first, then MERGE on each node's key in batches; nodes and relationships
    of this framework that the data no longer holds are removed.
    """
    from cfgraph.lpg import property_graph
    from cfgraph.stores.neo4j import Neo4jSettings, push_neo4j

    settings = Neo4jSettings.from_env(uri, user, database).check()
    pg = property_graph(load_frameworks(framework_dirs, portfolio_dir))
    if dry_run:
        where = f"Neo4j at {settings.display_uri}, database {settings.database or '(default)'}"
        _echo_plan(pg, batch_size, fmt, where)
        return
    report = push_neo4j(pg, settings, batch_size)
    echo_rows(report.rows, fmt)
    click.echo(f"pushed {report.rows_written} rows to {report.target} in {report.seconds:.2f} s", err=True)


@push_group.command("falkordb")
@frameworks_option
@click.option(
    "--path",
    type=click.Path(path_type=Path),
    default=None,
    help="Embedded database file (falkordblite) [default: build/falkordb/cfgraph.db].",
)
@click.option("--url", default=None, help="A FalkorDB server instead, e.g. redis://localhost:6379.")
@click.option("--graph", default="cfgraph", show_default=True, help="Graph name inside FalkorDB.")
@batch_option
@dry_run_option
@format_option()
@handle_errors
def push_falkordb_command(
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    path: Path | None,
    url: str | None,
    graph: str,
    batch_size: int,
    dry_run: bool,
    fmt: str,
) -> None:
    """Push the framework into FalkorDB: an embedded database file by default, or a server by URL."""
    from cfgraph.lpg import property_graph
    from cfgraph.stores.falkordb import push_falkordb

    if path is not None and url is not None:
        raise click.UsageError("give either --path or --url, not both")
    if url is None and path is None:
        path = Path("build") / "falkordb" / "cfgraph.db"
        if not dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
    pg = property_graph(load_frameworks(framework_dirs, portfolio_dir))
    if dry_run:
        _echo_plan(pg, batch_size, fmt, f"FalkorDB {redact_url(url) if url else path}, graph {graph!r}")
        return
    report = push_falkordb(pg, path=path, url=url, graph=graph, batch_size=batch_size)
    echo_rows(report.rows, fmt)
    click.echo(f"pushed {report.rows_written} rows to {report.target} in {report.seconds:.2f} s", err=True)


@push_group.command("sparql")
@frameworks_option
@click.option("--store", required=True, help="Graph Store endpoint, e.g. http://localhost:7878/store.")
@click.option(
    "--graph", "graph_iri", default=None, help="Named graph IRI [default: each framework's IRI]."
)
@click.option("--dry-run", is_flag=True, help="Print the store, graph IRI and triple count; send nothing.")
@format_option()
@handle_errors
def push_sparql_command(
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    store: str,
    graph_iri: str | None,
    dry_run: bool,
    fmt: str,
) -> None:
    """Put the RDF graph into a SPARQL 1.1 Graph Store (HTTP PUT: replaces the named graph).

    One framework goes whole into its named graph (its IRI, or --graph IRI): the graph.nt of
    `cfgraph build`. Several (--framework twice, --portfolio DIR) make a portfolio store: each
    framework's own triples go into its named graph and the SDG and UN entity nodes they share into
    one shared graph (…/id/shared, added to with POST), so the store holds each triple once and
    pushing some frameworks again leaves the others as they are. A store that needs a login reads
    CFGRAPH_SPARQL_USER and CFGRAPH_SPARQL_PASSWORD.
    """
    from cfgraph.rdf.build import build_graph
    from cfgraph.rdf.serialize import to_ntriples
    from cfgraph.stores.sparql_portfolio import GraphPush, portfolio_push_plan
    from cfgraph.stores.sparql_store import default_graph_iri, push_sparql

    fws = load_frameworks(framework_dirs, portfolio_dir)
    if graph_iri is not None and (len(fws) > 1 or portfolio_dir is not None):
        raise click.UsageError("--graph names one graph; leave it out to push each framework into its own")
    if portfolio_dir is None and len(fws) == 1:
        plan = [GraphPush(graph_iri or default_graph_iri(fws[0]), to_ntriples(build_graph(fws[0])))]
    else:
        plan = portfolio_push_plan(fws)
    rows = []
    for push in plan:
        if dry_run:
            rows.append({"store": redact_url(store), "graph": push.graph, "triples": push.triples})
            continue
        report = push_sparql(push.ntriples, store, push.graph, replace=push.replace)
        row = {"store": report.store, "graph": push.graph, "triples": report.triples}
        rows.append({**row, "http_status": report.status})
        verb = "put" if push.replace else "added"
        click.echo(f"{verb} {report.triples} triples into <{push.graph}> in {report.seconds:.2f} s", err=True)
    echo_rows(rows, fmt)
    if dry_run:
        click.echo("dry run: nothing sent", err=True)


def _echo_plan(pg: PropertyGraph, batch_size: int, fmt: str, where: str) -> None:
    from cfgraph.stores.cypher import push_plan

    rows = push_plan(pg, batch_size)
    echo_rows(rows, fmt)
    total = sum(r["rows"] for r in rows)
    click.echo(f"dry run: would write {total} rows to {where}; nothing sent", err=True)
