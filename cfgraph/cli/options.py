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
    from cfgraph.render.rows import TableSpec

__all__ = [
    "framework_option", "format_option", "handle_errors", "load_framework", "answer_rows", "echo_rows",
    "table_width",
]  # fmt: skip

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
    """``--format`` over the output registry, with the table's ``--wide``, ``--columns`` and
    ``--all-columns`` (kept in the click context for :func:`echo_rows`)."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            meta = click.get_current_context().meta
            meta["cfgraph.wide"] = kwargs.pop("wide", False)
            meta["cfgraph.all_columns"] = kwargs.pop("all_columns", False)
            chosen = (kwargs.pop("columns", None) or "").split(",")
            meta["cfgraph.columns"] = [c.strip() for c in chosen if c.strip()]
            return func(*args, **kwargs)

        options = [
            click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                         help="Output format (csv and json keep every column and the full text)."),
            click.option("--wide", is_flag=True, help="Table: do not fit the terminal width."),
            click.option("--columns", default=None, metavar="A,B", help="Table: show these columns."),
            click.option("--all-columns", is_flag=True, help="Table: show every column."),
        ]  # fmt: skip
        decorated: Any = wrapper
        for option in reversed(options):
            decorated = option(decorated)
        return decorated  # type: ignore[no-any-return]

    return decorate


def table_width(wide: bool = False) -> int | None:
    """The width a table gets: none with *wide*; else ``COLUMNS``, the terminal's, or 80."""
    import os
    import shutil
    import sys

    if wide:
        return None
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return 80


def load_framework(framework_dir: Path | None) -> Framework:
    """Load the framework (from the cache when its folder has not changed); bad data exits 1."""
    from cfgraph.io.cache import load

    return load(framework_dir)


def answer_rows[T](
    framework_dir: Path | None, question: tuple[str, ...], compute: Callable[[Framework], T]
) -> T:
    """What *compute* gives for the framework (rows, or a heading and rows), remembered per
    *question* (the command and its arguments) while the framework folder and cfgraph are
    unchanged (:mod:`cfgraph.io.cache`); errors are raised every time, never remembered."""
    from cfgraph.io.cache import for_folder

    return for_folder(framework_dir, "rows", question, lambda: compute(load_framework(framework_dir)))


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


def echo_rows(
    rows: list[dict[str, Any]], fmt: str, out: Path | None = None, spec: TableSpec | None = None
) -> None:
    """Print (or write to *out*) rows through the output registry; a table is shaped by *spec*
    and the table options of :func:`format_option`."""
    import hashlib
    import pickle

    from cfgraph.io.cache import memo

    meta = click.get_current_context().meta if click.get_current_context(silent=True) else {}
    width = table_width(bool(meta.get("cfgraph.wide")))
    all_columns, columns = bool(meta.get("cfgraph.all_columns")), tuple(meta.get("cfgraph.columns", ()))

    def render() -> str:
        from cfgraph.render.rows import render_rows

        return render_rows(rows, fmt, spec, width=width, all_columns=all_columns, columns=columns)

    # the text is a function of what it shows: remembered under the hash of all of it
    shown = pickle.dumps((rows, fmt, spec, width, all_columns, columns), protocol=5)
    text = memo("text", (hashlib.sha256(shown).hexdigest(),), render)
    if out is None:
        click.echo(text, nl=False)
    else:
        from cfgraph.io.atomic import write_text

        write_text(out, text)
