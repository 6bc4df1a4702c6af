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
    "framework_option", "frameworks_option", "format_option", "handle_errors", "load_framework",
    "load_frameworks", "answer_rows", "answer_each", "answer_each_titled", "answers_of_each", "heading",
    "echo_rows", "table_width", "framework_names",
]  # fmt: skip

_FOLDER = click.Path(path_type=Path, file_okay=False)


def _one_framework(ctx: click.Context, param: click.Parameter, values: tuple[Path, ...]) -> Path | None:
    """``--framework`` of a command that works on one framework: given twice is a usage error."""
    if len(values) > 1:
        raise click.BadParameter(
            f"given {len(values)} times; this command works on one framework "
            "(for several: cfgraph portfolio …, or a command that takes --portfolio)"
        )
    return values[0] if values else None


#: ``--framework DIR`` of a command that works on one framework.
framework_option = click.option(
    "--framework",
    "framework_dir",
    type=_FOLDER,
    multiple=True,
    callback=_one_framework,
    help="Framework folder (default: the shipped framework).",
)


def frameworks_option[F: Callable[..., Any]](func: F) -> F:
    """``--framework DIR`` (repeatable) and ``--portfolio DIR``: the frameworks a read command reads.

    The command gets ``framework_dirs`` (a tuple) and ``portfolio_dir``; :func:`load_frameworks`
    loads them (the shipped framework when neither is given).
    """
    func = click.option(
        "--portfolio",
        "portfolio_dir",
        type=click.Path(path_type=Path, file_okay=False, exists=True),
        default=None,
        help="Every framework folder below DIR (with --framework: those too).",
    )(func)
    return click.option(
        "--framework",
        "framework_dirs",
        type=_FOLDER,
        multiple=True,
        help="Framework folder; repeat for several (default: the shipped framework).",
    )(func)


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


def load_frameworks(
    framework_dirs: tuple[Path, ...], portfolio_dir: Path | None, default_all: bool = False
) -> list[Framework]:
    """The frameworks of ``--framework`` and ``--portfolio``; if neither is given, the shipped
    framework (or, with *default_all*, every framework shipped with cfgraph)."""
    from cfgraph.portfolio import load_portfolio

    if not framework_dirs and portfolio_dir is None:
        if default_all:
            from cfgraph.resources import resource_dir

            return _asked(load_portfolio(resource_dir("data")))
        return [load_framework(None)]
    return _asked(load_portfolio([*framework_dirs, *([portfolio_dir] if portfolio_dir is not None else [])]))


def _asked(fws: list[Framework]) -> list[Framework]:
    """*fws*, remembered as the frameworks the command's question is asked of: :func:`echo_rows`
    tells the table (a ``framework`` column first when they are several)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta["cfgraph.frameworks"] = tuple(fw.info.id for fw in fws)
    return fws


def framework_names(fws: list[Framework]) -> str:
    """The frameworks a question was asked of, for a sentence: their ids, or how many when many.

    >>> import cfgraph
    >>> framework_names([cfgraph.load(cfgraph.MINI)] * 2), framework_names([cfgraph.load(cfgraph.MINI)] * 4)
    ('examplestan-2026-2030 and examplestan-2026-2030', 'the 4 frameworks')
    """
    return _joined([fw.info.id for fw in fws])


def _joined(ids: list[str]) -> str:
    """Framework ids for a sentence (``a, b and c``), or how many when more than three."""
    if len(ids) > 3:
        return f"the {len(ids)} frameworks"
    return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"


def answer_each(
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    question: tuple[str, ...],
    compute: Callable[[Framework], list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    """The rows *compute* gives for each framework of ``--framework``/``--portfolio`` in turn; a
    framework that lacks the id asked about gives none (:func:`cfgraph.portfolio.rows_of_each`).
    One framework (the default, or one folder) is remembered like :func:`answer_rows`."""
    if portfolio_dir is None and len(framework_dirs) <= 1:
        folder = framework_dirs[0] if framework_dirs else None
        return answer_rows(folder, question, compute)
    from cfgraph.portfolio import rows_of_each

    return rows_of_each(load_frameworks(framework_dirs, portfolio_dir), compute, skip_unknown=True)


def answer_each_titled[X](
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    question: tuple[str, ...],
    compute: Callable[[Framework], tuple[str, list[dict[str, Any]], X]],
) -> tuple[str, list[dict[str, Any]], X]:
    """Like :func:`answer_each` for an answer with a heading: (title, rows, what else it says).
    Several frameworks give each one's rows in turn, under one heading (each framework's, when
    they differ: :func:`heading`) and the first one's notes."""
    answers, found = answers_of_each(framework_dirs, portfolio_dir, question, compute)
    title, lines = heading(answers)
    return " ".join((title, *lines)) if lines else title, found, answers[0][2]


def answers_of_each[X](
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    question: tuple[str, ...],
    compute: Callable[[Framework], tuple[str, list[dict[str, Any]], X]],
) -> tuple[list[tuple[str | None, str, X]], list[dict[str, Any]]]:
    """Each answer with a heading: (framework id, heading, what else it says) of every framework
    that answers (the id None for one framework), and all their rows in turn."""
    if portfolio_dir is None and len(framework_dirs) <= 1:
        folder = framework_dirs[0] if framework_dirs else None
        title, alone, extra = answer_rows(folder, question, compute)
        return [(None, title, extra)], alone
    from cfgraph.portfolio import rows_of_each

    answers: list[tuple[str | None, str, X]] = []

    def rows(fw: Framework) -> list[dict[str, Any]]:
        title, found, extra = compute(fw)
        answers.append((fw.info.id, title, extra))
        return found

    found = rows_of_each(load_frameworks(framework_dirs, portfolio_dir), rows, skip_unknown=True)
    return answers, found


def heading(answers: list[tuple[str | None, str, Any]]) -> tuple[str, tuple[str, ...]]:
    """The heading of :func:`answers_of_each`'s answers, and the lines under it: one framework's
    own; several with one heading, it as each one's (its counts are per framework); else, one
    line per framework.

    >>> heading([("a", "Target 1: listed by 1 outcome", None), ("b", "Target 1: listed by 1 outcome", None)])
    ('Target 1: listed by 1 outcome, in each of 2 frameworks (a and b)', ())
    """
    titles = [title for _, title, _ in answers]
    if len(titles) == 1:  # one framework, or the only one of several that has the name
        fid = answers[0][0]
        return (titles[0] if fid is None else f"{titles[0]} ({fid})"), ()
    if len(set(titles)) == 1:
        ids = [str(fid) for fid, _, _ in answers]
        named = f" ({_joined(ids)})" if len(ids) <= 3 else ""
        return f"{titles[0]}, in each of {len(titles)} frameworks{named}", ()
    return f"{len(titles)} frameworks answer:", tuple(f"{fid}: {title}" for fid, title, _ in answers)


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
    from dataclasses import replace

    from cfgraph.io.cache import memo
    from cfgraph.render.rows import TableSpec

    meta = click.get_current_context().meta if click.get_current_context(silent=True) else {}
    width = table_width(bool(meta.get("cfgraph.wide")))
    all_columns, columns = bool(meta.get("cfgraph.all_columns")), tuple(meta.get("cfgraph.columns", ()))
    asked = tuple(meta.get("cfgraph.frameworks", ()))
    if fmt == "table" and asked and not (spec and spec.frameworks):
        spec = replace(spec or TableSpec(), frameworks=asked)

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
