"""``cfgraph import document|matrix``, ``cfgraph diff`` and ``cfgraph accept``: a framework folder drafted
from its document, compared with another, its rows marked reviewed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cfgraph.cli.options import echo_rows, format_option, handle_errors

if TYPE_CHECKING:
    from cfgraph.importers import ImportReport

__all__ = ["import_group", "diff_command", "accept_command"]


@click.group("import")
def import_group() -> None:
    """Draft a framework folder from a document, or add a results matrix kept in a spreadsheet
    (every row a draft to review)."""


@import_group.command("document")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="The new framework folder.")
@click.option("--title", default=None, help="The framework's title (default: the document's title line).")
@click.option("--country", default=None, help="The programme country (default: as the title names it).")
@click.option("--iso3", default="", help="The country's ISO 3166 alpha-3 code.")
@click.option("--start", type=int, default=None, help="First year (default: as the title says).")
@click.option("--end", type=int, default=None, help="Last year (default: as the title says).")
@click.pass_context
@handle_errors
def import_document_command(
    ctx: click.Context,
    file: Path,
    out: Path,
    title: str | None,
    country: str | None,
    iso3: str,
    start: int | None,
    end: int | None,
) -> None:
    """Read a Cooperation Framework (.docx, .pdf or .txt) into a new framework folder.

    Every row is a draft citing the lines of the text read from FILE (kept in the folder as its
    first source). What could not be found is listed; 'cfgraph validate' counts the drafts and
    'cfgraph accept' marks rows reviewed.
    """
    from cfgraph.importers import import_document

    report = import_document(
        file,
        out,
        title=title,
        country=country,
        start=start,
        end=end,
        iso3=iso3,
        progress=lambda m: click.echo(m, err=True),
    )
    _summary(report)


def _summary(report: ImportReport) -> None:
    """What an import wrote, on stderr: rows per table, what it did not find, what to do next."""
    total = sum(report.counts.values())
    click.echo(f"wrote {report.folder}: {total} draft rows, {report.unsure} with a note to check", err=True)
    for name, n in report.counts.items():
        click.echo(f"  {name:<24}{n:>5}", err=True)
    for what in report.missing:
        click.echo(f"not found: {what}", err=True)
    for what in report.notes:
        click.echo(f"check: {what}", err=True)
    if report.fails:
        click.echo(f"will not validate yet: {report.fails}", err=True)
    click.echo(f"next: cfgraph validate --framework {report.folder}", err=True)


@import_group.command("matrix")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--framework",
    "framework_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The framework folder to add the indicators to.",
)
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="HEADING=FIELD",
    help="The field a column heading holds, when the default layout does not know it (repeatable).",
)
@handle_errors
def import_matrix_command(file: Path, framework_dir: Path, maps: tuple[str, ...]) -> None:
    """Read a results matrix kept in a spreadsheet (.xlsx or .csv) into a framework folder.

    One row per indicator below a heading row. The columns are found by their headings (any
    case, common synonyms): outcome, output, code (indicator code), name (indicator),
    baseline, baseline_year, target, target_year, source (means of verification), agencies
    (responsible UN entities), partners, sdg (SDG indicator). Merged and multi-line cells are
    read. FILE is copied into the folder's sources/ and registered; every row is a draft citing
    its cell (Sheet!B5). Importing the same file again replaces what it gave.
    """
    from cfgraph.importers import import_matrix

    report = import_matrix(file, framework_dir, maps, progress=lambda m: click.echo(m, err=True))
    _summary(report)


@click.command("diff")
@click.argument("folder_a", type=click.Path(path_type=Path, file_okay=False))
@click.argument("folder_b", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--show",
    type=click.Choice(("summary", "changes")),
    default="summary",
    show_default=True,
    help="summary: one row per table with its agreement; changes: every row that differs.",
)
@click.option("--table", "tables", multiple=True, help="Only this table (repeatable).")
@format_option()
@handle_errors
def diff_command(folder_a: Path, folder_b: Path, show: str, tables: tuple[str, ...], fmt: str) -> None:
    """What differs between two framework folders A and B, table by table: added rows are in B
    only, removed rows in A only (as in git diff A B).

    Rows are matched by their key (an id, or a list and what it names; an entity whose id
    differs by a name both give it); citations and review status are not compared.
    """
    from cfgraph.io.diff import diff_changes, diff_summary
    from cfgraph.render.rows import TableSpec

    if show == "summary":
        rows = diff_summary(folder_a, folder_b, tables)
        spec = TableSpec(
            title=f"{folder_a} against {folder_b}",
            noun="table",
            columns=("table", "rows_a", "rows_b", "same", "changed", "added", "removed", "agreement"),
        )
    else:
        rows = diff_changes(folder_a, folder_b, tables)
        spec = TableSpec(
            title=f"{folder_a} against {folder_b}",
            noun="difference",
            columns=("table", "change", "key", "columns", "a", "b"),
        )
    echo_rows(rows, fmt, None, spec)


@click.command("accept")
@click.argument("table", required=False)
@click.argument("ids", nargs=-1)
@click.option(
    "--framework",
    "framework_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The framework folder.",
)
@click.option("--all", "every", is_flag=True, help="Accept every draft row of the table.")
@click.option("--all-tables", is_flag=True, help="Accept every draft row of every table (no TABLE).")
@handle_errors
def accept_command(
    table: str | None, ids: tuple[str, ...], framework_dir: Path, every: bool, all_tables: bool
) -> None:
    """Mark draft rows of TABLE reviewed: by key (1.1/narrative/3), by its start (1.1), or --all;
    every draft of every table with --all-tables."""
    from cfgraph.io.accept import accept_all, accept_rows

    if all_tables:
        if table is not None:
            raise click.UsageError("give TABLE or --all-tables, not both")
        accepted = accept_all(framework_dir)
        for name, n in accepted.items():
            if n:
                click.echo(f"{name}: {n} row(s) accepted", err=True)
        tables = sum(1 for n in accepted.values() if n)
        click.echo(f"{sum(accepted.values())} row(s) accepted in {tables} table(s)", err=True)
        return
    if table is None:
        raise click.UsageError("give a TABLE (or --all-tables)")
    n = accept_rows(framework_dir, table, ids, every)
    click.echo(f"{table}: {n} row(s) accepted", err=True)
