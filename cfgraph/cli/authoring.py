"""``cfgraph init`` and ``cfgraph cite``: start a framework folder, find where a quote is."""

from __future__ import annotations

from pathlib import Path

import click

from cfgraph.cli.options import echo_rows, format_option, framework_option, handle_errors
from cfgraph.vocabulary import PROVENANCE_POLICIES

__all__ = ["init_command", "cite_command"]


@click.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--title", required=True, help="The framework's title, as the document gives it.")
@click.option("--country", required=True, help="The programme country (or countries).")
@click.option("--start", type=int, required=True, help="First year of the framework.")
@click.option("--end", type=int, required=True, help="Last year of the framework.")
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="FILE_OR_URL",
    help="A source: a file (copied into the folder, registered with its sha256) or a web address. "
    "Repeatable.",
)
@click.option("--id", "framework_id", default=None, help="The framework's id (default: country and years).")
@click.option("--iso3", default="", help="The country's ISO 3166 alpha-3 code.")
@click.option(
    "--provenance",
    type=click.Choice(PROVENANCE_POLICIES),
    default="cited",
    show_default=True,
    help="verbatim: every text must be in the lines it cites; cited: a citation is required, "
    "mismatches are warnings; none: nothing is checked.",
)
@click.pass_context
@handle_errors
def init_command(
    ctx: click.Context,
    folder: Path,
    title: str,
    country: str,
    start: int,
    end: int,
    sources: tuple[str, ...],
    framework_id: str | None,
    iso3: str,
    provenance: str,
) -> None:
    """Start a framework folder: every table with its header, the sources registered.

    FOLDER must be new or empty. Then fill the tables and run 'cfgraph validate --framework
    FOLDER', which says what is left to fill.
    """
    from cfgraph.errors import CfgraphError
    from cfgraph.io.init import init_framework

    try:
        made = init_framework(folder, title=title, country=country, start=start, end=end, sources=sources,
                              framework_id=framework_id, country_iso3=iso3,
                              provenance=provenance)  # fmt: skip
    except CfgraphError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)
    click.echo(f"wrote {made}: {len(list(made.glob('*.csv')))} tables and datapackage.json", err=True)
    click.echo(f"next: fill {made}/outcomes.csv, then run: cfgraph validate --framework {made}", err=True)


@click.command("cite")
@click.argument("text")
@framework_option
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True,
              help="How many nearest passages to show when the text is not found as it is.")  # fmt: skip
@format_option()
@handle_errors
def cite_command(text: str, framework_dir: Path | None, limit: int, fmt: str) -> None:
    """Where TEXT is in the framework's text sources: source, lines (and page), to cite it by.

    Case, punctuation, whitespace, line breaks and hyphens are ignored. When TEXT is not found
    as it is, the nearest passages are shown with how alike they are (exit 1).
    """
    from cfgraph.io.quotes import cite
    from cfgraph.render.rows import TableSpec

    places, names = cite(text, framework_dir, limit)
    rows = [
        {"source": names.get(p.source_id, p.source_id), "source_id": p.source_id, "lines": p.lines,
         "page": p.page, "match": "exact" if p.exact else f"{p.score:.0%} alike", "text": p.text}
        for p in places
    ]  # fmt: skip
    if not rows:
        click.echo("not found in the framework's text sources (nor anything like it)", err=True)
        click.get_current_context().exit(1)
    paged = any(p.page for p in places)
    shown = tuple(c for c in ("source", "lines", "page", "match", "text") if c != "page" or paged)
    spec = TableSpec(title=f"Where {text!r} is", columns=shown, noun="place")
    echo_rows(rows, fmt, None, spec)
    if not places[0].exact:
        click.echo("not found as it is; the nearest passages are shown", err=True)
        click.get_current_context().exit(1)
