"""``cfgraph view`` (one interactive network page) and ``cfgraph report`` (the whole report)."""

from __future__ import annotations

from pathlib import Path

import click

from cfgraph.cli.options import echo_rows, format_option, framework_option, handle_errors, load_framework

__all__ = ["view_command", "report_command"]


def _progress(message: str) -> None:
    click.echo(f"cfgraph: {message}", err=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@click.command("view")
@click.argument("name", required=False)
@framework_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="HTML file to write (default build/views/NAME.html; with --framework "
    "build/views/FRAMEWORK-ID/NAME.html); scripts go to lib/ beside it.",
)
@click.option(
    "--focus",
    multiple=True,
    metavar="ID",
    help="Draw only the neighbourhood of this node: an outcome (1.1), agency (undp), target (5.2)...; "
    "repeat it to draw several and the shortest connections between them.",
)
@click.option(
    "--depth",
    type=click.IntRange(1, 10),
    default=None,
    help="Steps around --focus (default 1: an actor, its outcomes and who else works on them).",
)
@click.option("--list", "list_views", is_flag=True, help="List the views and exit.")
@format_option()
@handle_errors
def view_command(
    name: str | None,
    framework_dir: Path | None,
    out: Path | None,
    focus: tuple[str, ...],
    depth: int | None,
    list_views: bool,
    fmt: str,
) -> None:
    """Write the interactive view NAME (a page that works offline) and print its path.

    Views are defined in visualisations/*.yaml; 'cfgraph view --list' shows them.
    """
    from cfgraph.render.rows import TableSpec
    from cfgraph.render.views import list_views as all_views
    from cfgraph.render.views import write_view

    if list_views:
        rows = [
            {
                "name": s.name,
                "title": s.title,
                "nodes": ", ".join(n.kind for n in s.nodes),
                "edges": ", ".join(e.kind for e in s.edges),
            }
            for s in all_views()
        ]
        echo_rows(rows, fmt, spec=TableSpec("Views: cfgraph view NAME [--focus ID]", noun="view"))
        return
    if name is None:
        raise click.UsageError("give a view NAME or --list")
    if depth is not None and not focus:
        raise click.UsageError("--depth needs --focus")
    fw = load_framework(framework_dir)
    if out is None:
        suffix = "".join(f"-{f.replace(':', '-').replace('/', '-')}" for f in focus)
        folder = Path("build") / "views" / (fw.info.id if framework_dir is not None else "")
        out = folder / f"{name}{suffix}.html"
    view = write_view(fw, name, out, list(focus), depth)
    _progress(f"{view.title}: {_count(view.nodes, 'node')}, {_count(view.edges, 'link')}")
    click.echo(str(out))


@click.command("report")
@framework_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build/report"),
    show_default=True,
    help="Folder to write index.html, the views, charts and tables into.",
)
@handle_errors
def report_command(framework_dir: Path | None, out: Path) -> None:
    """Write the report: index.html with findings, synergies, heat maps, charts and every view.

    The folder works offline and can be sent as it is; open index.html in a browser.
    """
    from cfgraph.render.report import build_report

    fw = load_framework(framework_dir)
    report = build_report(fw, out, progress=_progress)
    click.echo(str(report.index))
