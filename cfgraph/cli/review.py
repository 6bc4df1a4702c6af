"""``cfgraph review sheet|import|matrix|status``: thin shells over :mod:`cfgraph.review`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cfgraph.cli.options import echo_rows, format_option, framework_option, handle_errors, load_framework
from cfgraph.review.results import MATRIX_SHOWS, STATUS_SHOWS, review_rows
from cfgraph.vocabulary import REVIEW_LEVELS

__all__ = ["review_group"]

F = TypeVar("F", bound=Callable[..., Any])

_out = click.option(
    "--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write to this file."
)


def _level(default: str | None) -> Callable[[F], F]:
    return click.option(
        "--level",
        type=click.Choice(REVIEW_LEVELS),
        default=default,
        show_default=default is not None,
        help="Pairs of outcomes or of SDG targets" + ("." if default else " (default both)."),
    )


@click.group("review")
def review_group() -> None:
    """Result Groups review the theory of change: sheets out, scores in, consensus out.

    \b
    cfgraph review sheet --result-group people --out people.xlsx
    cfgraph review import ann.xlsx bo.xlsx
    cfgraph review matrix --format json
    cfgraph review status
    """


@review_group.command("sheet")
@click.option(
    "--result-group", "result_group", metavar="ID", default=None, help="Only this result group's sheet."
)
@click.option(
    "--outcome", metavar="ID", default=None, help="Only the pairs of this outcome (on its group's sheet)."
)
@_level(None)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The sheet to write: FILE.xlsx (Excel, one worksheet per result group) or FILE.csv.",
)
@framework_option
@handle_errors
def sheet_command(
    result_group: str | None, outcome: str | None, level: str | None, out: Path, framework_dir: Path | None
) -> None:
    """Write the review sheet: the pairs each result group is asked to score (-3..+3)."""
    from cfgraph.review.sheet import write_sheet

    if result_group and outcome:
        raise click.UsageError("give --result-group or --outcome, not both")
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise click.BadParameter("the sheet is a .xlsx or a .csv file", param_hint="--out")
    sheet = write_sheet(load_framework(framework_dir), out, result_group, outcome, level)
    counts = ", ".join(f"{tab} {len(rows)}" for tab, rows in sheet.tabs.items())
    click.echo(f"{out}: {len(sheet.rows)} pairs to score ({counts})")


@review_group.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True)
)
@click.option("--reviewer", metavar="NAME", default=None, help="Who scored, for rows that do not say.")
@click.option(
    "--date", metavar="YYYY-MM-DD", default=None, help="The day of the sheets (default: each file's)."
)
@framework_option
@handle_errors
@click.pass_context
def import_command(
    ctx: click.Context,
    files: tuple[Path, ...],
    reviewer: str | None,
    date: str | None,
    framework_dir: Path | None,
) -> None:
    """Check filled sheets and merge their scores into the framework's reviews.csv.

    Any problem in any sheet is printed as FILE:ROW: FIELD: what is wrong and nothing is merged
    (exit 1). Importing a sheet twice changes nothing; a reviewer's newer sheet replaces their
    earlier scores of the pairs it lists.
    """
    import re

    from cfgraph.model.reviews import DATE_PATTERN
    from cfgraph.review.importer import SheetRejected
    from cfgraph.review.merge import import_sheets

    if date is not None and not re.match(DATE_PATTERN, date):
        raise click.BadParameter(f"{date!r} is not a day like 2025-03-31", param_hint="--date")
    try:
        summary = import_sheets(framework_dir, files, reviewer, date)
    except SheetRejected as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"cfgraph: {exc}", err=True)
        ctx.exit(1)
    for line in summary.lines():
        click.echo(line)


_PAIRS = ("source", "target", "reviews", "median", "spread", "contested", "stated", "verdict")
#: How each view of the review shows as a table: heading, default columns, what one row is.
_TABLES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "pairs": ("The reviewers' consensus per pair (source influences target)", _PAIRS, "pair"),
    "grid": ("Cross-impact matrix: how each row influences each column (median score)", (), "row"),
    "ranking": ("Influence (row sums) and dependence (column sums)",
                ("item", "influence", "dependence", "second_order", "reach_positive", "reach_negative"),
                "item"),
    "groups": ("Review progress per result group",
               ("result_group", "level", "pairs", "reviewed", "unreviewed", "reviewers", "contested"),
               "row"),
    "unreviewed": ("Pairs nobody has scored yet", ("level", "source", "target", "stated", "basis"), "pair"),
    "contested": ("Contested pairs: scores of both signs or far apart", _PAIRS, "pair"),
    "stated-not-confirmed": ("Pairs the text states but reviewers scored 0 or negative", _PAIRS, "pair"),
    "strong-not-stated": ("Pairs reviewers scored strong that the text does not state", _PAIRS, "pair"),
}  # fmt: skip


def _echo_review(
    framework_dir: Path | None, show: str, level: str | None, fmt: str, out: Path | None
) -> None:
    from cfgraph.render.rows import TableSpec, counted

    title, columns, noun = _TABLES[show]
    rows = review_rows(load_framework(framework_dir), show, level)
    empty = "nothing to show yet: no review scores this"
    summary = ""
    if show == "groups":  # a row is one sheet: a result group at one level
        groups, levels = ({r[c] for r in rows} for c in ("result_group", "level"))
        summary = (f"{counted(len(rows), 'row')}, one per result group and level: "
                   f"{counted(len(groups), 'result group')}, {counted(len(levels), 'level')}")  # fmt: skip
    echo_rows(rows, fmt, out, TableSpec(title, columns, noun, summary=summary, empty=empty))


@review_group.command("matrix")
@_level("outcome")
@click.option(
    "--show",
    type=click.Choice(MATRIX_SHOWS),
    default="pairs",
    show_default=True,
    help="pairs: consensus per pair; grid: the cross-impact matrix; ranking: influence and dependence.",
)
@framework_option
@format_option()
@_out
@handle_errors
def matrix_command(level: str, show: str, framework_dir: Path | None, fmt: str, out: Path | None) -> None:
    """The reviewers' consensus: per pair (reviews, median, spread, contested, what the text
    states), the cross-impact matrix, or each item's influence, dependence and second-order reach."""
    _echo_review(framework_dir, show, level, fmt, out)


@review_group.command("status")
@_level(None)
@click.option(
    "--show",
    type=click.Choice(STATUS_SHOWS),
    default="groups",
    show_default=True,
    help="groups: progress per result group; or the pairs that are unreviewed, contested, stated "
    "but scored 0 or negative, or scored strong but not stated.",
)
@framework_option
@format_option()
@_out
@handle_errors
def status_command(
    level: str | None, show: str, framework_dir: Path | None, fmt: str, out: Path | None
) -> None:
    """Where the review stands: per result group, the pairs scored and by whom; the pairs still
    unreviewed, contested, or where reviewers and the text disagree."""
    _echo_review(framework_dir, show, level, fmt, out)
