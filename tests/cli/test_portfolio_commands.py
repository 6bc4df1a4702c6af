"""The read commands on several frameworks (--framework twice, --portfolio DIR), and `cfgraph portfolio`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.analysis import portfolio as pf
from cfgraph.cli import cli
from cfgraph.resources import default_framework_dir
from tests.conftest import COPY_ID, RIVERLAND

KZ = "kazakhstan-2021-2025"
MINI_ID = "examplestan-2026-2030"
RIVER_ID = "riverland-2027-2031"
MINI = str(cfgraph.MINI)


def _json(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def test_framework_twice_gives_both(runner: CliRunner, portfolio_dir: Path) -> None:
    both = _json(runner, "gaps", "--framework", MINI, "--framework", str(portfolio_dir / "kazakhstan-copy"))
    alone = {fid: _json(runner, "gaps", "--framework", path) for fid, path in
             ((MINI_ID, MINI), (COPY_ID, str(portfolio_dir / "kazakhstan-copy")))}  # fmt: skip
    assert [r["framework"] for r in both] == [MINI_ID] * len(alone[MINI_ID]) + [COPY_ID] * len(alone[COPY_ID])
    assert both == alone[MINI_ID] + alone[COPY_ID]


def test_portfolio_runs_each_framework_that_has_the_id(runner: CliRunner, portfolio_dir: Path) -> None:
    rows = _json(runner, "who", "5.2", "--portfolio", str(portfolio_dir))
    assert {r["framework"] for r in rows} == {KZ, COPY_ID}  # the mini framework lists no 5.2
    single = _json(runner, "who", "5.2")
    assert [r for r in rows if r["framework"] == KZ] == single
    deps = _json(runner, "depends", "1.1", "--direction", "depends-on", "--portfolio", str(portfolio_dir))
    assert {r["framework"] for r in deps} == {MINI_ID, KZ}  # nothing acts on the copy's outcome 1.1


def test_an_id_no_framework_has_is_a_usage_error(runner: CliRunner, portfolio_dir: Path) -> None:
    result = runner.invoke(cli, ["who", "9.9", "--portfolio", str(portfolio_dir)])
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown node '9.9'\n"


def test_a_one_framework_command_refuses_two(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["view", "stakeholder-map", "--framework", MINI, "--framework", MINI])
    assert result.exit_code == 2
    assert "Invalid value for '--framework': given 2 times; this command works on one framework" in (
        result.stderr
    )


def test_validate_a_portfolio(runner: CliRunner, portfolio_dir: Path) -> None:
    result = runner.invoke(cli, ["validate", "--portfolio", str(portfolio_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": valid\n") == 4


def test_query_on_a_portfolio(runner: CliRunner, portfolio_dir: Path) -> None:
    rows = _json(runner, "query", "shared-targets", "--portfolio", str(portfolio_dir))
    assert [r["framework"] for r in rows][:1] == [MINI_ID]
    kz = [r for r in rows if r["framework"] == KZ]
    assert kz == [r for r in rows if r["framework"] == COPY_ID] == [] or len(kz) == 12
    assert len(kz) == len(_json(runner, "query", "shared-targets"))
    spread = _json(runner, "query", "targets-across-frameworks", "-p", "min_frameworks=3",
                   "--portfolio", str(portfolio_dir))  # fmt: skip
    three = [t.target for t in pf.targets_across(cfgraph.load_portfolio(portfolio_dir), 3)]
    assert [r["target"] for r in spread] == three and "4.4" in three


def test_portfolio_commands(runner: CliRunner, portfolio_dir: Path) -> None:
    where = ["--portfolio", str(portfolio_dir)]
    frameworks = _json(runner, "portfolio", "frameworks", *where)
    assert [r["framework"] for r in frameworks] == [MINI_ID, KZ, COPY_ID, RIVER_ID]
    assert [r["framework"] for r in _json(runner, "portfolio", "frameworks")] == [KZ]  # every one shipped
    footprint = _json(runner, "portfolio", "footprint", "UN Women", *where)
    assert [(r["agency"], r["framework"]) for r in footprint] == [
        ("un-women", KZ), ("un-women", COPY_ID), ("un-women", RIVER_ID),
    ]  # fmt: skip
    coverage = _json(runner, "portfolio", "coverage", "ngo-cso", "--group", "peace", *where)
    assert [(r["framework"], r["outcome"], r["partners_count"]) for r in coverage] == [
        (KZ, "2.1", 3), (KZ, "2.2", 3), (COPY_ID, "2.1", 0), (COPY_ID, "2.2", 3),
    ]  # fmt: skip
    compare = _json(runner, "portfolio", "compare", MINI_ID, KZ, *where)
    assert compare[0]["kind"] == "sdg-target" and compare[-1]["kind"] == "un-entity"
    matrix_only = _json(runner, "portfolio", "matrix-only", *where)
    assert {r["framework"] for r in matrix_only} == {KZ, COPY_ID}
    targets = _json(runner, "portfolio", "targets", "--min-frameworks", "3", *where)
    three = [t.target for t in pf.targets_across(cfgraph.load_portfolio(portfolio_dir), 3)]
    assert [r["target"] for r in targets] == three


def test_portfolio_usage_errors(runner: CliRunner, portfolio_dir: Path) -> None:
    result = runner.invoke(cli, ["portfolio", "compare", "kazakhstan", KZ, "--portfolio", str(portfolio_dir)])
    assert result.exit_code == 2
    known = ", ".join(sorted((MINI_ID, KZ, COPY_ID, RIVER_ID)))
    assert result.stderr == (
        f"Error: unknown framework 'kazakhstan'; did you mean {KZ}, {COPY_ID}?; known frameworks: {known}; "
        "give its folder with --framework DIR or --portfolio DIR\n"
    )
    result = runner.invoke(cli, ["portfolio", "compare", KZ, "zzz-9", "--framework", MINI])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: unknown framework {KZ!r}; did you mean {MINI_ID}?; known frameworks: {MINI_ID}; "
        "give its folder with --framework DIR or --portfolio DIR\n"
    )
    result = runner.invoke(cli, ["portfolio", "footprint", "UNDPP"])
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown UN entity 'UNDPP'; did you mean undp, dppa, odpp?\n"


def test_portfolio_reads_an_entity_as_the_importer_does(runner: CliRunner, portfolio_dir: Path) -> None:
    """"UN" plus a chart abbreviation (UNOCHA, UNUNICEF) names the entity, with a note saying so."""
    where = ["--portfolio", str(portfolio_dir)]
    assert _json(runner, "portfolio", "footprint", "UNUNICEF", *where) == _json(
        runner, "portfolio", "footprint", "unicef", *where
    )
    out = _table(runner, "portfolio", "footprint", "UNUNICEF", *where).splitlines()
    assert out[0] == "Where UNICEF works: outcomes, indicators, SDG targets"
    assert out[-1] == "'UNUNICEF' read as UNICEF (United Nations Children's Fund)"
    empty = _table(runner, "portfolio", "footprint", "UNOCHA", "--framework", MINI, "--wide").splitlines()
    assert empty[2] == (
        f"ocha (OCHA) does not work on an outcome of {MINI_ID} (as a contributing agency, for an output or "
        "an indicator); 'UNOCHA' read as OCHA (Office for the Coordination of Humanitarian Affairs)"
    )
    asked = _json(runner, "query", "agency-footprint", "--param", "agency=UNUNICEF", *where)
    assert asked == _json(runner, "query", "agency-footprint", "--param", "agency=unicef", *where) != []


def test_who_says_what_the_name_is_in_each_framework(runner: CliRunner) -> None:
    """3.1 is an outcome of the shipped framework and an output of the second fixture."""
    both = ["--framework", str(default_framework_dir()), "--framework", str(RIVERLAND)]
    rows = _json(runner, "who", "3.1", *both)
    assert {(r["framework"], r["about"]) for r in rows} == {(KZ, "outcome:3.1"), (RIVER_ID, "output:3.1")}
    result = runner.invoke(cli, ["who", "3.1", *both], env={"COLUMNS": "120"})
    lines = result.stdout.splitlines()
    assert lines[0] == "2 frameworks answer:"
    assert lines[1].startswith(f"{KZ}: Outcome 3.1: By 2025, all people in Kazakhstan")
    assert f"{RIVER_ID}: Output 3.1 (outcome 3): Basin councils run flood early warning systems." in lines
    assert lines[lines.index("") + 1].split()[:3] == ["framework", "about", "section"]
    assert f"{RIVER_ID}: 3.1 also names sdg-target:3.1: ask 'cfgraph who sdg-target:3.1'" in lines


PORTFOLIO = [["frameworks"], ["targets"], ["footprint", "UNICEF"], ["footprint"], ["coverage", "ngo-cso"],
             ["matrix-only"], ["compare", KZ, COPY_ID]]  # fmt: skip


def _table(runner: CliRunner, *args: str, columns: int = 120) -> str:
    result = runner.invoke(cli, [*args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _column(lines: list[str], name: str) -> list[str]:
    """The cells of column *name* of a table, an id wrapped at its hyphens joined again."""
    header = lines[next(i for i, line in enumerate(lines) if line.startswith("─")) - 1]
    start = header.index(name)
    rest = header[start + len(name) :]
    end = start + len(name) + len(rest) - len(rest.lstrip()) if rest.strip() else None
    cells: list[str] = []
    rows = lines[lines.index(header) + 2 : lines.index("", lines.index(header))]
    for line in rows:
        text = line[start:end].strip()
        if text and cells and cells[-1].endswith("-"):
            cells[-1] += text
        elif text:
            cells.append(text)
    return cells


def _header(lines: list[str]) -> list[str]:
    """The column names of a table: the line above its rule."""
    return lines[next(i for i, line in enumerate(lines) if line.startswith("─")) - 1].split()


@pytest.mark.parametrize("args", PORTFOLIO)
@pytest.mark.parametrize("columns", [80, 120])
def test_portfolio_tables_fit_with_a_heading(runner: CliRunner, portfolio_dir: Path, args: list[str],
                                             columns: int) -> None:  # fmt: skip
    out = _table(runner, "portfolio", *args, "--portfolio", str(portfolio_dir), columns=columns)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert lines[0] and "" in lines[1:3]  # a heading
    assert _header(lines)[0] in ("framework", "target", "kind")  # rows of several frameworks say which first
    if columns == 120:
        assert all(not line.strip().startswith("-20") for line in lines)  # ids not broken


def test_portfolio_frameworks_shows_its_default_columns(runner: CliRunner, portfolio_dir: Path) -> None:
    out = _table(runner, "portfolio", "frameworks", "--portfolio", str(portfolio_dir))
    lines = out.splitlines()
    assert lines[:2] == ["The frameworks", ""]
    assert _header(lines) == ["framework", "country", "start_year", "end_year", "outcomes", "sdg_targets",
                              "agencies", "partners"]  # fmt: skip
    assert len(lines) == 10  # heading, blank, header, rule, 4 rows, blank, summary
    assert lines[-1] == "4 frameworks (13 more columns: --all-columns or --format csv)"
    narrow = _table(runner, "portfolio", "frameworks", "--portfolio", str(portfolio_dir), columns=80)
    assert narrow.splitlines()[-1] == "4 frameworks (16 more columns: --all-columns or --format csv)"


def test_framework_column_first_when_rows_are_of_several(runner: CliRunner, portfolio_dir: Path) -> None:
    several = _table(runner, "gaps", "--portfolio", str(portfolio_dir)).splitlines()
    assert _header(several)[:3] == ["framework", "severity", "check"]
    assert set(_column(several, "check")) <= {c["check"] for c in _json(runner, "gaps", "--list")}
    one = _table(runner, "gaps", "--framework", MINI).splitlines()
    assert _header(one)[:2] == ["severity", "check"]
    kz = str(portfolio_dir / "kazakhstan")
    who = _table(runner, "who", "unicef", "--framework", MINI, "--framework", kz)
    assert _header(who.splitlines())[0] == "framework"


@pytest.mark.parametrize(
    ("args", "empty"),
    [
        (["targets", "--min-frameworks", "5"],
         "no SDG target is listed by at least 5 frameworks of the 4 frameworks (the target lists of their "
         "outcomes)"),
        (["footprint", "UNRWA"],
         "unrwa (UNRWA) does not work on an outcome of the 4 frameworks (as a contributing agency, for an "
         "output or an indicator)"),
        (["coverage", "ngo-cso", "--group", "zzz"],
         "the 4 frameworks have no outcome of the result groups or thematic areas matching 'zzz'"),
    ],
)  # fmt: skip
def test_portfolio_empty_answers_say_why(runner: CliRunner, portfolio_dir: Path, args: list[str],
                                         empty: str) -> None:  # fmt: skip
    out = _table(runner, "portfolio", *args, "--portfolio", str(portfolio_dir), "--wide")
    assert out.splitlines()[2] == empty and "(no rows)" not in out


def test_portfolio_empty_answers_name_the_frameworks(runner: CliRunner) -> None:
    out = _table(runner, "portfolio", "matrix-only", "--framework", MINI, "--wide")
    assert out.splitlines()[2] == (
        f"every agency responsible for an indicator of {MINI_ID} is among the contributing agencies of "
        "the indicator's outcome"
    )


def test_a_question_of_several_frameworks_shows_the_framework_column(runner: CliRunner) -> None:
    """Asked of two frameworks, a table starts with `framework` even when one framework answers,
    and says which gave no row; CSV and JSON start with `framework` whatever the command."""
    both = ["--framework", MINI, "--framework", str(RIVERLAND)]
    lines = _table(runner, "portfolio", "footprint", "ILO", *both).splitlines()
    assert _header(lines) == ["framework", "agency", "label", "outcomes_count", "outcomes",
                              "indicators_count", "targets_count"]  # fmt: skip
    assert lines[-2:] == [
        "1 row (1 more column: --all-columns or --format csv)",
        f"Rows from 1 of the 2 frameworks asked ({MINI_ID}); none from {RIVER_ID}.",
    ]
    alone = _table(runner, "portfolio", "footprint", "ILO", "--framework", MINI).splitlines()
    assert _header(alone)[0] == "agency" and alone[-1].startswith("1 row")  # one framework: as before
    csv = runner.invoke(cli, ["portfolio", "footprint", "ILO", "--framework", MINI, "--format", "csv"])
    assert csv.stdout.splitlines()[0] == (
        "framework,agency,label,outcomes_count,outcomes,indicators_count,targets_count,targets"
    )
    query = ["query", "agency-footprint", "--param", "agency=ilo"]
    asked = runner.invoke(cli, [*query, *both, "--format", "csv"])
    assert asked.stdout.splitlines()[0] == csv.stdout.splitlines()[0]


@pytest.mark.parametrize(
    "args",
    [["actors"], ["who", "unicef"], ["gaps"], ["synergies"], ["depends", "1.1"], ["path", "1.1", "2.1"],
     ["query", "shared-targets"], ["portfolio", "footprint"], ["portfolio", "coverage", "ngo-cso"],
     ["portfolio", "matrix-only"], ["portfolio", "frameworks"]],
)  # fmt: skip
def test_framework_is_the_first_column_of_csv(
    runner: CliRunner, portfolio_dir: Path, args: list[str]
) -> None:
    result = runner.invoke(cli, [*args, "--portfolio", str(portfolio_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split(",")[0] == "framework"


def test_one_heading_of_several_frameworks_is_each_ones(runner: CliRunner, portfolio_dir: Path) -> None:
    """The same heading from several frameworks counts per framework, and says so."""
    both = [a for n in ("kazakhstan", "kazakhstan-copy") for a in ("--framework", str(portfolio_dir / n))]
    lines = _table(runner, "who", "3.8", *both, columns=200).splitlines()
    assert lines[0] == f"SDG target 3.8: listed by 1 outcome, in each of 2 frameworks ({KZ} and {COPY_ID})"
    assert lines[-1].startswith("106 rows: 2 outcomes, 16 agencies,")  # the rows of both


def test_narrow_tables_keep_the_columns_of_the_question(runner: CliRunner, portfolio_dir: Path) -> None:
    """At 80 columns `actors` keeps its counts and `who` its names and how; long ids wrap at hyphens."""
    where = ["--portfolio", str(portfolio_dir)]
    actors = _table(runner, "actors", *where, columns=80).splitlines()
    assert _header(actors) == ["framework", "actor", "name", "outcomes", "ties"]
    assert set(_column(actors, "actor")) == {r["actor"] for r in _json(runner, "actors", *where)}
    who = _table(runner, "who", "3.8", *where, columns=80).splitlines()
    assert _header(who) == ["framework", "section", "id", "name", "how"]
    assert max(map(len, actors + who)) <= 80


def test_depends_over_two_frameworks_says_whose_answer(runner: CliRunner) -> None:
    both = ["--framework", str(default_framework_dir()), "--framework", str(RIVERLAND)]
    result = runner.invoke(cli, ["depends", "1", *both, "--direction", "affects"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"What outcome 1 affects, through the stated links read as influence ({RIVER_ID})",
        "",
        f"{RIVER_ID}: outcome 1 affects no other outcome through a stated link of a directed kind",
    ]
