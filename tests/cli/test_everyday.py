"""What the partnership officer, a Result Group and the analyst ask every day: tables that fit,
questions about actors, empty answers that say why, exports that refuse a wrong file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from tests.conftest import framework_copy

READ = [["who", "undp"], ["who", "5.2"], ["gaps"], ["synergies"], ["depends", "1.1"], ["path", "1.1", "3.2"],
        ["query", "--list"], ["actors"], ["synergies", "--level", "target"]]  # fmt: skip


def run(runner: CliRunner, *args: str, columns: int | None = None) -> tuple[int, str, str]:
    env = {"COLUMNS": str(columns)} if columns else {}
    result = runner.invoke(cli, [*args], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("args", READ)
@pytest.mark.parametrize("columns", [80, 120])
def test_tables_fit_the_width(runner: CliRunner, args: list[str], columns: int) -> None:
    code, out, _ = run(runner, *args, columns=columns)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= columns


def test_not_a_terminal_means_80_columns_unless_wide(runner: CliRunner) -> None:
    _, out, _ = run(runner, "gaps")
    assert max(map(len, out.splitlines())) <= 80
    _, wide, _ = run(runner, "gaps", "--wide")
    assert max(map(len, wide.splitlines())) > 200


def test_gaps_heading_summary_and_filters(runner: CliRunner, kz: cfgraph.Framework) -> None:
    _, out, _ = run(runner, "gaps", "--format", "json")
    rows = json.loads(out)
    _, table, _ = run(runner, "gaps")
    errors = sum(r["severity"] == "error" for r in rows)
    assert table.splitlines()[0] == "Findings, most severe first"
    assert f"{len(rows)} findings: {errors} errors, " in table
    _, only, _ = run(runner, "gaps", "--outcome", "2.1", "--format", "json")
    assert {tuple(r["outcomes"]).count("2.1") for r in json.loads(only)} == {1}
    assert len(json.loads(only)) == sum("2.1" in r["outcomes"] for r in rows)


def test_control_characters_are_shown_escaped(runner: CliRunner, tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    agencies = folder / "agencies.csv"
    text = agencies.read_text(encoding="utf-8").replace(",UNDP,", ",UN\x1b]8;;x\x07DP,")
    agencies.write_text(text, encoding="utf-8")
    code, out, err = run(runner, "who", "undp", "--framework", str(folder))  # the loader refuses it
    assert code == 1 and "\x1b" not in out + err and "\x07" not in out + err
    assert "label: contains a control character U+001B" in err
    from cfgraph.render.rows import render_rows

    table = render_rows([{"agency": "UN\x1b]8;;x\x07DP"}], "table", width=80)  # rows from elsewhere
    assert "\x1b" not in table and "UN\\x1b]8;;x\\x07DP" in table


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("undp", "UNDP (UN agency, United Nations Development Programme): 5 outcomes, 30 indicators"),
        ("UNICEF", "UNICEF (UN agency, United Nations Children’s Fund): 3 outcomes, 8 indicators"),
        ("ministry-of-healthcare", "Ministry of Healthcare (ministry): 4 outcomes, 11 indicators"),
        ("Atameken", "National Chamber of Entrepreneurs = Atameken (private sector): 2 outcomes"),
        ("5.2", "SDG target 5.2: listed by 1 outcome"),
        ("1.1-01a", "Indicator 1.1-01a (outcome 1.1): Number of children (0-18) covered by social"),
    ],
)
def test_who_answers_about_any_node(runner: CliRunner, name: str, heading: str) -> None:
    code, out, _ = run(runner, "who", name, "--wide")
    assert code == 0 and out.splitlines()[0].startswith(heading)


def test_who_agency_sections_say_how(runner: CliRunner) -> None:
    _, out, _ = run(runner, "who", "unicef", "--format", "json")
    rows = json.loads(out)
    assert {r["section"] for r in rows} == {"outcomes", "indicators", "fellow actors", "targets"}
    outcome_21 = next(r for r in rows if r["section"] == "outcomes" and r["id"] == "2.1")
    assert "responsible for indicators" in outcome_21["how"]


def test_who_empty_answer_says_why(runner: CliRunner) -> None:
    code, out, _ = run(runner, "who", "5.1")
    assert code == 0
    assert "SDG target 5.1 is a real target, but no outcome of kazakhstan-2021-2025 lists it" in out


def test_depends_empty_answer_says_why(runner: CliRunner) -> None:
    code, out, _ = run(runner, "depends", "1.1", "--direction", "affects", "--wide")
    assert code == 0
    assert "outcome 1.1 affects no other outcome through a stated link of a directed kind" in out
    assert "--mutual follows them" in out


def test_actors_ministries_on_two_outcomes(runner: CliRunner, kz: cfgraph.Framework) -> None:
    code, out, _ = run(runner, "actors", "--type", "ministry", "--min-outcomes", "2", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows and all(r["outcomes"] >= 2 and r["type"] == "ministry" for r in rows)
    ids = {r["actor"] for r in rows}
    assert "ministry-of-environment" not in ids  # one body with the Ministry of Ecology, Geology ...
    assert "ministry-of-ecology-geology-and-natural-resources" in ids
    args = ("--result-group", "people", "--min-outcomes", "2", "--format", "json")
    _, people, _ = run(runner, "actors", *args)
    groups = {o.id: o.result_group for o in kz.outcomes}
    assert all(sum(groups[o] == "people" for o in r["outcome_ids"]) >= 2 for r in json.loads(people))


def test_path_says_when_it_walks_against_the_stated_direction(runner: CliRunner) -> None:
    _, out, _ = run(runner, "path", "1.1", "3.2", "--format", "json")
    hops = json.loads(out)
    against = [h for h in hops if h["direction"] == "against"]
    assert against and all(h["explanation"].startswith(f"outcome {h['to']} ") for h in against)
    _, directed, _ = run(runner, "path", "1.1", "3.2", "--directed", "--format", "json")
    assert all(h["direction"] != "against" for h in json.loads(directed))
    # between two outcomes, influence flows only through stated links, never through a shared target
    assert {h["direction"] for h in json.loads(directed)} <= {"with", "mutual"}
    _, back, _ = run(runner, "path", "1.1", "5.2", "--directed", "--format", "json")
    assert [(h["from"], h["to"]) for h in json.loads(back)] == [("1.1", "5.2")]  # an outcome lists it
    code, none, _ = run(runner, "path", "5.2", "1.1", "--directed")
    assert code == 0 and none.splitlines()[0] == "How 5.2 and 1.1 connect"


def test_export_refuses_an_out_that_does_not_fit(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = run(runner, "export", "--format", "kumu", "--out", str(tmp_path / "map.csv"))
    assert (code, out) == (2, "") and len(err.splitlines()) == 1
    assert "--format kumu writes an Excel workbook" in err and not (tmp_path / "map.csv").exists()


def test_officer_workbook_and_kumu_preset(runner: CliRunner, tmp_path: Path, kz: cfgraph.Framework) -> None:
    import openpyxl

    from cfgraph.analysis.matrix import involvement

    run(runner, "export", "--format", "workbook", "--out", str(tmp_path / "officer.xlsx"))
    wb = openpyxl.load_workbook(tmp_path / "officer.xlsx")
    sheets = ["Outcomes", "Agencies × outcomes", "Partners × outcomes", "Indicators", "Findings"]
    assert wb.sheetnames == sheets
    partners = wb["Partners × outcomes"]
    assert [c.value for c in partners[1]][:3] == ["Id", "Name", "Type"]
    assert partners.freeze_panes == "A2" and partners.auto_filter.ref
    assert partners.column_dimensions["B"].width > 20
    run(runner, "export", "--format", "kumu-stakeholders", "--out", str(tmp_path / "kumu.xlsx"))
    kumu = openpyxl.load_workbook(tmp_path / "kumu.xlsx")
    connections = list(kumu["Connections"].iter_rows(values_only=True))[1:]
    pairs = {(t.actor, t.outcome) for t in involvement(kz)}
    assert len(connections) == len(pairs) == len({(c[0], c[1]) for c in connections})
    types = {r[1] for r in list(kumu["Elements"].iter_rows(values_only=True))[1:]}
    assert types == {"UN agency", "Partner", "Outcome"}


def test_view_focus_repeatable(runner: CliRunner, tmp_path: Path) -> None:
    one = tmp_path / "one.html"
    two = tmp_path / "two.html"
    run(runner, "view", "stakeholder-map", "--focus", "unicef", "--out", str(one))
    code, _, err = run(runner, "view", "stakeholder-map", "--focus", "unicef", "--focus",
                        "ministry-of-healthcare", "--out", str(two))  # fmt: skip
    assert code == 0
    assert "ministry-of-healthcare" in two.read_text(encoding="utf-8")
    assert int(err.split(": ")[2].split()[0]) > 0
    code, _, err = run(runner, "view", "theory-of-change", "--focus", "undp")
    assert code == 2 and "did you mean" not in err


@pytest.mark.parametrize(
    ("args", "heading"),
    [
        (["query", "outcomes-for-target", "-p", "target=5.2"],
         "Outcomes that list an SDG target (target=5.2)"),  # fmt: skip
        (["query", "--list"], "Named questions: cfgraph query NAME --param KEY=VALUE"),
        (["view", "--list"], "Views: cfgraph view NAME [--focus ID]"),
    ],
)
def test_every_table_has_a_heading(runner: CliRunner, args: list[str], heading: str) -> None:
    code, out, _ = run(runner, *args)
    assert code == 0 and out.splitlines()[0] == heading


def test_an_empty_named_question_says_what_was_asked(runner: CliRunner) -> None:
    code, out, _ = run(runner, "query", "agencies-for-target", "-p", "target=5.1")
    assert code == 0
    said = "agencies-for-target finds nothing on kazakhstan-2021-2025 for target=5.1 (it"
    assert out.splitlines()[0] == "UN agencies working towards an SDG target (target=5.1)"
    assert out.splitlines()[2].startswith(said)


def test_who_answers_about_an_output(runner: CliRunner) -> None:
    from tests.conftest import RIVERLAND

    code, out, _ = run(runner, "who", "1.1", "--framework", str(RIVERLAND), "--wide")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Output 1.1 (outcome 1): Every district runs a primary health care centre."
    assert "1.1 also names sdg-target:1.1: ask 'cfgraph who sdg-target:1.1'" in lines
    code, out, _ = run(runner, "who", "flood early warning systems", "--framework", str(RIVERLAND), "--wide")
    assert code == 0 and out.startswith("Output 3.1 (outcome 3): Basin councils run flood early warning")
    result = runner.invoke(cli, ["who", "output:4.1", "--framework", str(RIVERLAND)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown output 'output:4.1'; did you mean output:")
