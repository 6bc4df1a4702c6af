"""``cfgraph synergies``, ``gaps``, ``depends``, ``path``, ``who`` and ``actors``: thin shells over
:mod:`cfgraph.analysis`. Each declares the columns its table shows by default (``--all-columns``
shows the rest; csv and json always have every column)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cfgraph.cli.options import (
    answer_each,
    answers_of_each,
    echo_rows,
    format_option,
    frameworks_option,
    handle_errors,
    heading,
)
from cfgraph.render.rows import TableSpec, count_summary
from cfgraph.vocabulary import PARTNER_TYPES, SEVERITIES, SEVERITY_PLURALS, VIA_KINDS

__all__ = [
    "synergies_command", "gaps_command", "depends_command", "path_command", "who_command", "actors_command",
]  # fmt: skip

_SEVERITIES = SEVERITIES
_VIA = VIA_KINDS

#: The columns each command's table shows by default.
GAPS_COLUMNS = ("severity", "check", "subject", "message", "source_lines")
CHECK_COLUMNS = ("severity", "check", "findings", "title")
SYNERGY_COLUMNS = ("a", "b", "score", "data_score", "verdict", "stated_as", "stated_links")
TARGET_COLUMNS = ("target", "outcomes", "degree", "pagerank", "betweenness", "community")
AGENCY_COLUMNS = ("kind", "id", "label", "outcomes", "degree", "broker")
DEPENDS_COLUMNS = ("direction", "other", "distance", "path", "kinds", "links")
PATH_COLUMNS = ("path", "hop", "from", "to", "direction", "explanation")
WHO_COLUMNS = ("section", "id", "name", "how", "source_lines")
ACTORS_COLUMNS = ("actor", "name", "type", "outcomes", "ties", "outcome_ids")
#: The columns a narrow table of each command never leaves out (the others go first).
GAPS_REQUIRED = ("check", "subject", "message")
WHO_REQUIRED = ("section", "id", "name", "how")
ACTORS_REQUIRED = ("actor", "name", "outcomes", "ties")

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
@frameworks_option
@format_option()
@out_option
@handle_errors
def synergies_command(
    level: str, framework_dirs: tuple[Path, ...], portfolio_dir: Path | None, fmt: str, out: Path | None
) -> None:
    """Synergies between outcomes, or the target and agency/partner networks.

    Outcome pairs are scored from shared targets, target interlinkages, agencies, partners,
    LNOB groups, SDG indicators and stated links (each component shown; a pair linked only by
    generic 'all other outcomes' sentences weighs less); the verdict flags stated links the data
    does not support and strong links the text does not state.
    """
    def compute(fw: Any) -> list[dict[str, Any]]:
        from cfgraph.analysis.synergies import synergies

        return synergies(fw, level)

    rows = answer_each(framework_dirs, portfolio_dir, ("synergies", level), compute)
    if level == "outcome":
        verdicts = {v: v for v in ("stated-not-supported", "generic-not-supported", "strong-not-stated")}
        spec = TableSpec("Synergies between outcomes, strongest first", SYNERGY_COLUMNS,
                         summary=count_summary(rows, "outcome pair", "verdict", verdicts))  # fmt: skip
    elif level == "target":
        spec = TableSpec("SDG targets as leverage points", TARGET_COLUMNS, "target")
    else:
        spec = TableSpec("UN agencies and partners: who works with whom", AGENCY_COLUMNS, "actor")
    echo_rows(rows, fmt, out, spec)


def with_cited_in(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> tuple[str, ...]:
    """*columns*, and ``cited_in`` when a row is written elsewhere than in the main source's lines."""
    return (*columns, "cited_in") if any(r.get("cited_in") for r in rows) else columns


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
@click.option("--outcome", default=None, metavar="ID", help="Only findings that concern this outcome.")
@click.option("--list", "list_checks", is_flag=True, help="List the checks instead of running them.")
@frameworks_option
@format_option()
@out_option
@handle_errors
@click.pass_context
def gaps_command(
    ctx: click.Context,
    fail_on: str | None,
    min_severity: str,
    checks: tuple[str, ...],
    outcome: str | None,
    list_checks: bool,
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    fmt: str,
    out: Path | None,
) -> None:
    """Named gap and consistency checks; each finding with ids, quotes and source lines."""
    question = ("gaps", "list" if list_checks else "run", min_severity, outcome or "", *checks)
    def compute(fw: Any) -> list[dict[str, Any]]:
        from cfgraph.analysis.gaps import findings_for

        return findings_for(fw, checks or None, min_severity, outcome, list_checks)

    rows = answer_each(framework_dirs, portfolio_dir, question, compute)
    if list_checks:
        echo_rows(rows, fmt, out, TableSpec("Gap and consistency checks", CHECK_COLUMNS, "check"))
        return
    plurals = {s: SEVERITY_PLURALS[s] for s in reversed(SEVERITIES)}
    where = f" concerning outcome {outcome}" if outcome else ""
    spec = TableSpec(
        f"Findings{where}, most severe first", with_cited_in(GAPS_COLUMNS, rows),
        summary=count_summary(rows, "finding", "severity", plurals),
        empty=f"no findings{where} at or above '{min_severity}'", required=GAPS_REQUIRED,
        notes=("Filter: --outcome ID, --check ID, --min-severity warning; the quotes: --format csv.",),
    )  # fmt: skip
    echo_rows(rows, fmt, out, spec)
    if fail_on:
        n = sum(1 for r in rows if SEVERITIES.index(r["severity"]) >= SEVERITIES.index(fail_on))
        if n:
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
@frameworks_option
@format_option()
@out_option
@handle_errors
def depends_command(
    outcome: str,
    direction: str | None,
    mutual: bool,
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    fmt: str,
    out: Path | None,
) -> None:
    """What OUTCOME depends on and affects, transitively, with the quotes of the stated links.

    Links read as influence: "A affects B" and "B depends on A" both mean A acts on B. Links of a
    mutual kind state no direction and are followed only with --mutual.
    """
    def compute(fw: Any) -> tuple[str, list[dict[str, Any]], str]:
        from cfgraph.analysis.paths import depends_answer

        return depends_answer(fw, outcome, direction, mutual)

    question = ("depends", outcome, direction or "", str(mutual))
    answers, rows = answers_of_each(framework_dirs, portfolio_dir, question, compute)
    title, subtitles = heading(answers)
    empty = "; ".join(said if fid is None else f"{fid}: {said}" for fid, _, said in answers)
    spec = TableSpec(title, DEPENDS_COLUMNS, "outcome", empty=empty, subtitles=subtitles)
    echo_rows(rows, fmt, out, spec)


@click.command("path")
@click.argument("a")
@click.argument("b")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Most paths to show.")
@click.option(
    "--via", multiple=True, type=click.Choice(_VIA), help="Also pass through these node kinds (repeatable)."
)
@click.option("--directed", is_flag=True, help="Follow stated links only the way influence flows (A to B).")
@frameworks_option
@format_option()
@out_option
@handle_errors
def path_command(
    a: str,
    b: str,
    limit: int,
    via: tuple[str, ...],
    directed: bool,
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    fmt: str,
    out: Path | None,
) -> None:
    """How A and B (outcomes or SDG targets; 'sdg-target:1.1' for a target whose code is an outcome id)
    connect: the shortest paths, one row per hop, each explained with its evidence."""
    def compute(fw: Any) -> tuple[str, list[dict[str, Any]], list[str]]:
        from cfgraph.analysis.paths import path_answer

        return path_answer(fw, a, b, limit, via, directed)

    question = ("path", a, b, str(limit), str(directed), *via)
    answers, rows = answers_of_each(framework_dirs, portfolio_dir, question, compute)
    title, subtitles = heading(answers)
    notes = [n if fid is None else f"{fid}: {n}" for fid, _, said in answers for n in said]
    empty = "; ".join(notes) or f"no path from {a} to {b}"  # where it looked, which --via finds paths
    spec = TableSpec(title, PATH_COLUMNS, "hop", empty=empty, notes=tuple(notes), subtitles=subtitles)
    echo_rows(rows, fmt, out, spec)


@click.command("who")
@click.argument("name")
@click.option("--fellows", type=click.IntRange(min=0), default=10, show_default=True,
              help="Most fellow actors to list for an agency or partner (0: all).")  # fmt: skip
@frameworks_option
@format_option()
@out_option
@handle_errors
def who_command(
    name: str,
    fellows: int,
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    fmt: str,
    out: Path | None,
) -> None:
    """Who and what is involved with NAME: an outcome, output, SDG target, UN agency, partner, LNOB
    group, indicator or result group, by id, typed id (output:1.1, sdg-target:1.1), name or
    statement (any case; a part of one will do). An id that names several things answers the
    first (outcome, SDG target the framework lists, output, ...) and says the others.

    An agency or partner gets its outcomes and how (narrative list, results matrix, indicator
    responsibility, partnerships text), its indicators, its fellow actors and the SDG targets of
    its outcomes; an outcome or target its agencies, partners (with type), groups and indicators.
    """
    def compute(fw: Any) -> tuple[str, list[dict[str, Any]], tuple[str, tuple[str, ...]]]:
        from cfgraph.analysis.who import who, who_rows

        answer = who(fw, name, fellows or None)
        return answer.title, who_rows(answer, fw.info.id), (answer.empty, answer.notes)

    question = ("who", name, str(fellows))
    answers, rows = answers_of_each(framework_dirs, portfolio_dir, question, compute)
    title, subtitles = heading(answers)
    notes = tuple(n if fid is None else f"{fid}: {n}" for fid, _, (_, said) in answers for n in said)
    columns: tuple[str, ...] = WHO_COLUMNS
    if len(answers) > 1:  # say which framework, and what the name is there when it differs
        columns = ("framework", *(("about",) if len({r["about"] for r in rows}) > 1 else ()), *WHO_COLUMNS)
    sections = {s: s for s in dict.fromkeys(r["section"] for r in rows)}
    summary = count_summary(rows, "row", "section", sections)
    empty = answers[0][2][0]
    columns = with_cited_in(columns, rows)
    spec = TableSpec(title, columns, summary=summary, empty=empty, notes=notes, subtitles=subtitles,
                     required=WHO_REQUIRED)  # fmt: skip
    echo_rows(rows, fmt, out, spec)


@click.command("actors")
@click.option("--kind", type=click.Choice(("agency", "partner")), help="Only UN agencies or partners.")
@click.option("--type", "type_", type=click.Choice((*PARTNER_TYPES, "agency")), default=None,
              help="Only partners of this type (or 'agency').")  # fmt: skip
@click.option("--min-outcomes", type=click.IntRange(min=0), default=0, help="Only actors on N+ outcomes.")
@click.option("--result-group", metavar="ID", help="Count only the outcomes of this result group.")
@frameworks_option
@format_option()
@out_option
@handle_errors
def actors_command(
    kind: str | None,
    type_: str | None,
    min_outcomes: int,
    result_group: str | None,
    framework_dirs: tuple[Path, ...],
    portfolio_dir: Path | None,
    fmt: str,
    out: Path | None,
) -> None:
    """UN agencies and partners with how many outcomes they work on (breadth) and how many ties
    (listings, indicators, mentions), broadest first.

    Example: which ministries are partners on more than one outcome?
    cfgraph actors --type ministry --min-outcomes 2
    """
    def compute(fw: Any) -> list[dict[str, Any]]:
        from cfgraph.analysis.actors import actors

        return actors(fw, kind, type_, min_outcomes, result_group)

    question = ("actors", kind or "", type_ or "", str(min_outcomes), result_group or "")
    rows = answer_each(framework_dirs, portfolio_dir, question, compute)
    what = PARTNER_TYPES[type_].display if type_ in PARTNER_TYPES else ("UN agency" if type_ else "actor")
    where = f" of result group {result_group}" if result_group else ""
    whats = what[:-1] + "ies" if what.endswith("y") else what + "s"
    least = f" on at least {min_outcomes} outcome{'s' if min_outcomes != 1 else ''}" if min_outcomes else ""
    title = f"{whats[0].upper()}{whats[1:]}{least}{where}, broadest first"
    empty = f"no {what} works on {min_outcomes} outcomes{where}"
    spec = TableSpec(title, ACTORS_COLUMNS, "actor", empty=empty, required=ACTORS_REQUIRED)
    echo_rows(rows, fmt, out, spec)
