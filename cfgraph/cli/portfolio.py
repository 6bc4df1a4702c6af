"""``cfgraph portfolio …``: cross-country questions over several frameworks, thin shells over
:mod:`cfgraph.analysis.portfolio` (each has a named SPARQL question with the same rows)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cfgraph.cli.options import (
    echo_rows,
    format_option,
    framework_names,
    frameworks_option,
    handle_errors,
    load_frameworks,
)
from cfgraph.errors import UnknownIdError
from cfgraph.render.rows import TableSpec
from cfgraph.vocabulary import PARTNER_TYPES

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["portfolio_group"]

Rows = list[dict[str, Any]]
Answer = tuple[Rows, TableSpec]

#: The columns each command's table shows by default (a framework column comes first when the
#: rows are of several frameworks; ``--all-columns`` shows the rest).
FRAMEWORK_COLUMNS = ("framework", "country", "start_year", "end_year", "outcomes", "sdg_targets", "agencies",
                     "partners", "indicators", "un_entities", "title")  # fmt: skip
TARGETS_COLUMNS = ("target", "frameworks_count", "outcomes_count", "frameworks", "title")
FOOTPRINT_COLUMNS = ("agency", "label", "outcomes_count", "outcomes", "indicators_count", "targets_count")
COVERAGE_COLUMNS = ("outcome", "result_group", "thematic_area", "partners_count", "partners")
MATRIX_ONLY_COLUMNS = ("agency", "un_entity", "outcome", "indicators")
COMPARE_COLUMNS = ("kind", "id", "framework_outcomes", "other_outcomes", "name")


out_option = click.option(
    "--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write to this file."
)


def _rows_command(func: Callable[..., Answer]) -> Callable[..., None]:
    """A question over the frameworks of ``--framework``/``--portfolio`` (default: every framework
    shipped), whose rows go through the output registry (``--format``, ``--out``) under the
    command's heading, default columns and the reason an empty answer is empty."""

    @functools.wraps(func)
    def run(framework_dirs: tuple[Path, ...], portfolio_dir: Path | None, fmt: str, out: Path | None,
            **kwargs: Any) -> None:  # fmt: skip
        fws = load_frameworks(framework_dirs, portfolio_dir, default_all=True)
        try:
            rows, spec = func(fws, **kwargs)
        except UnknownIdError as exc:
            if exc.kind != "framework":
                raise
            note = "give its folder with --framework DIR or --portfolio DIR"
            raise UnknownIdError(exc.kind, exc.value, exc.suggestions, f"{exc.note}; {note}") from exc
        echo_rows(rows, fmt, out, spec)

    return handle_errors(frameworks_option(format_option()(out_option(run))))


@click.group("portfolio")
def portfolio_group() -> None:
    """Questions across several frameworks: shared SDG targets, where a UN entity works, which
    outcomes lack a partner type, two frameworks side by side, and the portfolio report.

    Give the frameworks with --portfolio DIR (every framework folder below DIR) and/or --framework
    DIR (repeatable); by default every framework shipped with cfgraph. UN agencies are matched
    across frameworks through the UN entity registry (data/un-entities), targets through the SDG
    catalogue; outcomes are never matched by their ids.
    """


@portfolio_group.command("frameworks")
@_rows_command
def frameworks_command(fws: list[Framework]) -> Answer:
    """One row per framework: id, title, country, years and its counts."""
    from cfgraph.analysis.portfolio import framework_rows

    spec = TableSpec("The frameworks", FRAMEWORK_COLUMNS, "framework", empty="no framework folder given")
    return framework_rows(fws), spec


@portfolio_group.command("targets")
@click.option("--min-frameworks", type=click.IntRange(1), default=2, show_default=True,
              help="Only targets listed by at least this many frameworks.")  # fmt: skip
@_rows_command
def targets_command(fws: list[Framework], min_frameworks: int) -> Answer:
    """SDG targets that several frameworks list, most widely listed first (query
    targets-across-frameworks)."""
    from cfgraph.analysis.portfolio import portfolio_rows, targets_across

    least = f"at least {min_frameworks} framework{'s' if min_frameworks != 1 else ''}"
    spec = TableSpec(
        f"SDG targets listed by {least}, most widely listed first", TARGETS_COLUMNS, "target",
        empty=f"no SDG target is listed by {least} of {framework_names(fws)} (the target lists of their "
        "outcomes)",
    )  # fmt: skip
    return portfolio_rows(targets_across(fws, min_frameworks)), spec


@portfolio_group.command("footprint")
@click.argument("agency", required=False)
@_rows_command
def footprint_command(fws: list[Framework], agency: str | None) -> Answer:
    """Where the UN entity AGENCY works in each framework: outcomes, indicators, SDG targets (query
    agency-footprint). AGENCY is a registry id or any spelling the registry knows (UNDP, UN Women,
    UNECE); without it, every entity."""
    from cfgraph.analysis.portfolio import agency_footprint, portfolio_rows
    from cfgraph.registry import load_registry

    registry = load_registry()
    entity = registry.lookup(agency) if agency else None
    read_as = registry.match(agency).note if agency else None  # "'UNOCHA' read as OCHA (...)"
    who = f"{entity.shown} does not work" if entity is not None else "no UN registry entity works"
    name = entity.abbreviation if entity is not None else "each UN entity"
    spec = TableSpec(
        f"Where {name} works: outcomes, indicators, SDG targets", FOOTPRINT_COLUMNS, "row",
        empty=f"{who} on an outcome of {framework_names(fws)} (as a contributing agency, for an output or an "
        "indicator)" + (f"; {read_as}" if read_as else ""), notes=(read_as,) if read_as else (),
    )  # fmt: skip
    return portfolio_rows(agency_footprint(fws, entity.id if entity is not None else None)), spec


@portfolio_group.command("coverage")
@click.argument("partner_type", metavar="TYPE", type=click.Choice(tuple(PARTNER_TYPES)))
@click.option(
    "--group",
    default=None,
    metavar="TEXT",
    help="Only outcomes of result groups or thematic areas with this id or TEXT in their name.",
)
@_rows_command
def coverage_command(fws: list[Framework], partner_type: str, group: str | None) -> Answer:
    """How many partners of TYPE each framework names for each outcome (query partner-type-coverage);
    0 marks an outcome without one. Example: cfgraph portfolio coverage ngo-cso --group peace"""
    from cfgraph.analysis.portfolio import partner_coverage, portfolio_rows

    name = PARTNER_TYPES[partner_type].display
    where = f" of the result groups or thematic areas matching '{group}'" if group else ""
    spec = TableSpec(
        f"Partners of type {name} on each outcome{where} (0: none)", COVERAGE_COLUMNS, "outcome",
        empty=f"{framework_names(fws)} {'has' if len(fws) == 1 else 'have'} no outcome{where}",
    )  # fmt: skip
    return portfolio_rows(partner_coverage(fws, partner_type, group)), spec


@portfolio_group.command("matrix-only")
@_rows_command
def matrix_only_command(fws: list[Framework]) -> Answer:
    """Agencies responsible for indicators of an outcome whose lists of contributing agencies do not
    name them, per framework (query agencies-not-in-outcome-lists)."""
    from cfgraph.analysis.portfolio import matrix_only_agencies, portfolio_rows

    spec = TableSpec(
        "Agencies in the results matrix but not in the outcome lists", MATRIX_ONLY_COLUMNS, "row",
        empty=f"every agency responsible for an indicator of {framework_names(fws)} is among the "
        "contributing agencies of the indicator's outcome",
    )  # fmt: skip
    return portfolio_rows(matrix_only_agencies(fws)), spec


@portfolio_group.command("compare")
@click.argument("framework")
@click.argument("other")
@_rows_command
def compare_command(fws: list[Framework], framework: str, other: str) -> Answer:
    """FRAMEWORK and OTHER (framework ids) side by side: each SDG target and UN entity either names,
    with the outcomes of each (query compare-frameworks)."""
    from cfgraph.analysis.portfolio import compare_frameworks, portfolio_rows

    rows = portfolio_rows(compare_frameworks(fws, framework, other))
    spec = TableSpec(
        f"{framework} (framework_outcomes) and {other} (other_outcomes) side by side", COMPARE_COLUMNS,
        "row", empty=f"neither {framework} nor {other} lists an SDG target or names a UN registry entity",
    )  # fmt: skip
    return rows, spec


@portfolio_group.command("report")
@frameworks_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build/portfolio"),
    show_default=True,
    help="Folder for index.html, the tables and each framework's report.",
)
@click.option("--type", "partner_type", type=click.Choice(tuple(PARTNER_TYPES)), default="ngo-cso",
              show_default=True, help="The partner type of the coverage table.")  # fmt: skip
@click.option("--group", default=None, metavar="TEXT", help="Coverage only of these result groups/areas.")
@handle_errors
def report_command(
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    out: Path,
    partner_type: str,
    group: str | None,
) -> None:
    """Write the portfolio report: an index page with one row per framework and the cross-country
    tables, each framework's own report in its folder beside it. Works offline."""
    from cfgraph.render.report.portfolio import build_portfolio_report

    fws = load_frameworks(framework_dirs, portfolio_dir, default_all=True)
    report = build_portfolio_report(
        fws, out, partner_type, group, progress=lambda m: click.echo(f"cfgraph: {m}", err=True)
    )
    click.echo(str(report.index))

