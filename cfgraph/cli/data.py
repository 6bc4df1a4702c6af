"""``cfgraph validate`` and ``cfgraph export``."""

from __future__ import annotations

from pathlib import Path

import click

from cfgraph.cli.options import framework_option, frameworks_option, handle_errors, load_framework
from cfgraph.export import EXPORTERS

__all__ = ["validate_command", "export_command"]


@click.command("validate")
@frameworks_option
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, no summary.")
@click.option(
    "--fix",
    is_flag=True,
    help="First rewrite what can be derived (sources' sha256, citations of texts that moved, "
    "outcome_targets.csv, datapackage.json), printing each change.",
)
@click.pass_context
@handle_errors
def validate_command(
    ctx: click.Context, framework_dirs: tuple[Path, ...], portfolio_dir: Path | None, quiet: bool, fix: bool
) -> None:
    """Check a framework folder (or several); list every problem as FILE:ROW: FIELD: message.

    Exit 0 when valid (warnings are printed but do not fail), 1 when there are errors.
    """
    from cfgraph.portfolio import framework_folders

    folders: list[Path | None] = [*framework_dirs]
    if portfolio_dir is not None:
        folders += framework_folders(portfolio_dir)
    failed = 0
    for folder in folders or [None]:
        failed += not _validate(folder, quiet, fix)
    if failed:
        ctx.exit(1)


def _validate(framework_dir: Path | None, quiet: bool, fix: bool) -> bool:
    """Validate (or fix, then validate) one framework folder and say so; whether it is valid."""
    from cfgraph.io.loader import validate
    from cfgraph.summary import draft_counts, framework_counts

    if fix:
        from cfgraph.io.fix import fix_framework

        changes, report = fix_framework(framework_dir)
        for change in changes:
            click.echo(f"fixed {change}", err=True)
        click.echo(f"cfgraph: {len(changes)} change(s) written", err=True)
    else:
        report = validate(framework_dir)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    fw = report.framework
    if fw is None:
        click.echo(f"cfgraph: {len(report.errors)} error(s), {len(report.warnings)} warning(s)", err=True)
        return False
    if quiet:
        return True
    years = f"{fw.info.start_year}-{fw.info.end_year}"
    click.echo(f"{fw.info.title}{'' if years in fw.info.title else f' ({years})'}: valid")
    click.echo(f"  {'provenance policy':<24}{fw.info.provenance or 'verbatim':>8}")
    for key, value in framework_counts(fw).items():
        click.echo(f"  {key.replace('_', ' '):<24}{value:>5}")
    click.echo(f"  {'warnings':<24}{len(report.warnings):>5}")
    drafts = draft_counts(fw)
    if drafts:
        total = sum(drafts.values())
        click.echo(f"  {'drafts to review':<24}{total:>5}  (cfgraph accept TABLE ... marks rows reviewed)")
        for name, n in drafts.items():
            click.echo(f"    {name:<22}{n:>5}")
    return True


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), required=True, help="Output format.")
@framework_option
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="File (or folder, for multi-file formats) to write; default (or '-'): stdout.",
)
@handle_errors
def export_command(fmt: str, framework_dir: Path | None, out: Path | None) -> None:
    """Export the whole framework in another format (written atomically)."""
    from cfgraph.export import check_out, get_exporter
    from cfgraph.io.atomic import STDOUT, special_output, write_bytes, write_text

    # standard output ('-'), a device or a FIFO is written into whatever its name
    if out is not None and not special_output(out) and (problem := check_out(fmt, str(out))):
        click.echo(f"Error: {problem}", err=True)
        click.get_current_context().exit(2)
    result = get_exporter(fmt)(load_framework(framework_dir))
    if isinstance(result, dict):
        if out is None or special_output(out):
            raise click.UsageError(f"--format {fmt} writes several files; give --out FOLDER")
        for name, content in sorted(result.items()):
            if isinstance(content, str):
                write_text(out / name, content)
            else:
                write_bytes(out / name, content)
        click.echo(f"wrote {len(result)} file(s) to {out}", err=True)
    elif out is None or str(out) == STDOUT:
        if isinstance(result, bytes):
            raise click.UsageError(f"--format {fmt} is binary; give --out FILE")
        click.echo(result, nl=False)
    elif isinstance(result, bytes):
        write_bytes(out, result)
    else:
        write_text(out, result)
