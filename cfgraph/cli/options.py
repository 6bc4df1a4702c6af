"""Options and error handling shared by every command."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cfgraph.controls import escape_controls
from cfgraph.errors import CfgraphError, UnknownIdError, ValidationFailed

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["framework_option", "format_option", "handle_errors", "load_framework", "echo_rows"]

framework_option = click.option(
    "--framework",
    "framework_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Framework folder (default: the shipped framework).",
)


def format_option[F: Callable[..., Any]](
    choices: tuple[str, ...] = ("table", "csv", "json"), default: str = "table"
) -> Callable[[F], F]:
    """``--format`` over the output registry."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def load_framework(framework_dir: Path | None) -> Framework:
    """Load the framework, turning bad data into a clean exit 1."""
    from cfgraph.io.loader import load

    return load(framework_dir)


def handle_errors[F: Callable[..., Any]](func: F) -> F:
    """Turn cfgraph errors into one-line messages and exit codes (1 data, 2 usage)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return func(*args, **kwargs)
        except ValidationFailed as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(f"cfgraph: {exc}; run 'cfgraph validate' for details", err=True)
            ctx.exit(1)
        except UnknownIdError as exc:
            click.echo(f"Error: {escape_controls(str(exc))}", err=True)
            ctx.exit(2)
        except CfgraphError as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            click.echo(f"Error: {escape_controls(str(exc))}", err=True)
            ctx.exit(1)
        except OSError as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            click.echo(f"Error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
            ctx.exit(1)

    return wrapper  # type: ignore[return-value]


def echo_rows(rows: list[dict[str, Any]], fmt: str, out: Path | None = None) -> None:
    """Print (or write to *out*) rows through the output registry."""
    from cfgraph.render.rows import render_rows

    text = render_rows(rows, fmt)
    if out is None:
        click.echo(text, nl=False)
    else:
        from cfgraph.io.atomic import write_text

        write_text(out, text)
