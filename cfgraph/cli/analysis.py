"""``cfgraph synergies``, ``gaps``, ``depends``, ``path`` and ``who``: thin shells over
:mod:`cfgraph.analysis`."""

from __future__ import annotations

from pathlib import Path

import click

from cfgraph.cli.options import echo_rows, format_option, framework_option, handle_errors, load_framework
from cfgraph.vocabulary import SEVERITIES

__all__ = ["synergies_command", "gaps_command", "depends_command", "path_command", "who_command"]

_SEVERITIES = SEVERITIES
_VIA = ("agency", "partner", "lnob-group", "indicator", "sdg-indicator", "result-group")

out_option = click.option(
    "--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write to this file."
)


@click.command("synergies")
@click.option(
    "--level",
    type=click.Choice(("outcome", "target", "agency")),
    default="outcome",
    show_default=True,
    help="outcome: pairs with score components; target: leverage ranking; agency: actor network.",
)
@framework_option
@format_option()
@out_option
@handle_errors
def synergies_command(level: str, framework_dir: Path | None, fmt: str, out: Path | None) -> None:
    """Synergies between outcomes, or the target and agency/partner networks.

    Outcome pairs are scored from shared targets, target interlinkages, agencies, partners,
    LNOB groups, SDG indicators and stated links (each component shown); the verdict flags
    stated links the data does not support and strong links the text does not state.
    """
    from cfgraph.analysis.synergies import synergies

    echo_rows(synergies(load_framework(framework_dir), level), fmt, out)


@click.command("gaps")
@click.option(
    "--fail-on",
    type=click.Choice(_SEVERITIES),
    default=None,
    help="Exit 1 if a finding at or above this severity exists.",
)
@click.option(
    "--min-severity",
    type=click.Choice(_SEVERITIES),
    default="info",
    show_default=True,
    help="Hide findings below this.",
)
@click.option("--check", "checks", multiple=True, metavar="ID", help="Run only this check (repeatable).")
@click.option("--list", "list_checks", is_flag=True, help="List the checks instead of running them.")
@framework_option
@format_option()
@out_option
@handle_errors
@click.pass_context
def gaps_command(
    ctx: click.Context,
    fail_on: str | None,
    min_severity: str,
    checks: tuple[str, ...],
    list_checks: bool,
    framework_dir: Path | None,
    fmt: str,
    out: Path | None,
) -> None:
    """Named gap and consistency checks; each finding with ids, quotes and source lines."""
    from cfgraph.analysis.gaps import check_rows, fails, finding_rows, run_gaps

    fw = load_framework(framework_dir)
    if list_checks:
        echo_rows(check_rows(run_gaps(fw)), fmt, out)
        return
    findings = run_gaps(fw, checks or None, min_severity)
    echo_rows(finding_rows(findings, fw.info.id), fmt, out)
    if fail_on and fails(findings, fail_on):
        n = sum(f.at_least(fail_on) for f in findings)
        click.echo(f"cfgraph: {n} finding(s) at or above '{fail_on}'", err=True)
        ctx.exit(1)


@click.command("depends")
@click.argument("outcome")
@click.option(
    "--direction", type=click.Choice(("depends-on", "affects")), default=None, help="Only one side."
)
@click.option(
    "--mutual", is_flag=True, help="Also follow links of a mutual kind (interlinked, mutually reinforcing)."
)
@framework_option
@format_option()
@out_option
@handle_errors
def depends_command(
    outcome: str, direction: str | None, mutual: bool, framework_dir: Path | None, fmt: str, out: Path | None
) -> None:
    """What OUTCOME depends on and affects, transitively, with the quotes of the stated links.

    Links of a mutual kind state no direction and are followed only with --mutual.
    """
    from cfgraph.analysis.paths import depends
    from cfgraph.analysis.records import records

    fw = load_framework(framework_dir)
    echo_rows(records(depends(fw, outcome, direction, mutual), framework=fw.info.id), fmt, out)


@click.command("path")
@click.argument("a")
@click.argument("b")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Most paths to show.")
@click.option(
    "--via", multiple=True, type=click.Choice(_VIA), help="Also pass through these node kinds (repeatable)."
)
@framework_option
@format_option()
@out_option
@handle_errors
def path_command(
    a: str, b: str, limit: int, via: tuple[str, ...], framework_dir: Path | None, fmt: str, out: Path | None
) -> None:
    """How A and B (outcomes or SDG targets; 'sdg-target:1.1' for a target whose code is an outcome id)
    connect: the shortest paths, one row per hop, each explained with its evidence."""
    from cfgraph.analysis.paths import explain_path, path_rows

    fw = load_framework(framework_dir)
    paths = explain_path(fw, a, b, limit=limit, via=("outcome", "sdg-target", *via))
    echo_rows(path_rows(paths, fw.info.id), fmt, out)


@click.command("who")
@click.argument("target_or_outcome")
@framework_option
@format_option()
@out_option
@handle_errors
def who_command(target_or_outcome: str, framework_dir: Path | None, fmt: str, out: Path | None) -> None:
    """The agencies, partners, LNOB groups and indicators involved in an outcome or SDG target."""
    from cfgraph.analysis.paths import who
    from cfgraph.analysis.records import records

    fw = load_framework(framework_dir)
    echo_rows(records(who(fw, target_or_outcome), framework=fw.info.id), fmt, out)
