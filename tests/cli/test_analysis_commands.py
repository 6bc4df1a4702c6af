"""``cfgraph synergies``, ``gaps``, ``depends``, ``path``, ``who``: formats and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from tests.conftest import framework_copy

MINI = ["--framework", str(cfgraph.MINI)]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, [*args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["synergies"], ["synergies", "--level", "target"], ["synergies", "--level", "agency"],
        ["gaps"], ["gaps", "--list"], ["depends", "1.1"], ["path", "6.1", "4.4"], ["who", "2.1"],
    ],
)  # fmt: skip
def test_json_is_a_list_of_objects_and_matches_csv(runner: CliRunner, args: list[str]) -> None:
    code, out, _ = run(runner, *args, *MINI, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(isinstance(r, dict) for r in rows)
    code, out_csv, _ = run(runner, *args, *MINI, "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out_csv)))
    assert code == 0 and len(table) == len(rows) and list(table[0]) == list(rows[0])


def test_synergies_table(runner: CliRunner) -> None:
    code, out, _ = run(runner, "synergies", *MINI, "--wide")
    assert code == 0
    title, _, header, _, row = out.splitlines()[:5]
    assert title == "Synergies between outcomes, strongest first"
    assert header.split() == ["a", "b", "score", "data_score", "verdict", "stated_as", "stated_links"]
    assert row.split() == ["1.1", "2.1", "0.1857", "0.042", "stated-not-supported", "named", "OL01"]
    assert out.splitlines()[-1].startswith("1 outcome pair: 1 stated-not-supported (")


def test_gaps_fail_on(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "gaps", *MINI, "--fail-on", "error")
    assert code == 1 and err == "cfgraph: 2 finding(s) at or above 'error'\n"
    code, out, _ = run(
        runner, "gaps", *MINI, "--fail-on", "error", "--check", "duplicate-code", "--format", "json"
    )
    assert code == 0 and {r["check"] for r in json.loads(out)} == {"duplicate-code"}
    code, out, _ = run(runner, "gaps", *MINI, "--min-severity", "error", "--format", "json")
    assert code == 0 and {r["severity"] for r in json.loads(out)} == {"error"}


def test_gaps_on_an_edited_copy(runner: CliRunner, tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    rows = (
        (folder / "indicators.csv")
        .read_text(encoding="utf-8")
        .replace("90% (2030),,90,%,2030", "90% (2030),,90,%,2035")
    )
    (folder / "indicators.csv").write_text(rows, encoding="utf-8")
    code, out, _ = run(
        runner,
        "gaps",
        "--framework",
        str(folder),
        "--check",
        "target-year-outside-period",
        "--format",
        "json",
    )
    assert code == 0
    [finding] = json.loads(out)
    assert finding["subject"] == "1.1" and finding["concerns"] == ["outcome:1.1", "indicator:1.1-01"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["depends", "1.3"], "Error: unknown outcome '1.3'; did you mean 1.1?\n"),
        (["who", "6.9"], "Error: unknown node '6.9'; did you mean sdg-target:6.b, sdg-target:6.2, sdg-target:6.1?\n"),  # noqa: E501
        (["who", "unisef"], "Error: unknown node 'unisef'; did you mean agency:unicef?\n"),
        (["who", "18.7"], "Error: unknown node '18.7'; did you mean sdg-target:8.6, outcome:1.1, "
                          "sdg-target:10.2?; it is not an SDG target, but outcome 2.1 lists it as the "
                          "document writes it (gaps --check invalid-code)\n"),
        (["depends", "9.9"], "Error: unknown outcome '9.9'; did you mean 1.1, 2.1?\n"),
        (["path", "1.1", "9.9"], "Error: unknown outcome or SDG target '9.9'; did you mean 3.9?\n"),
        (
            ["gaps", "--check", "invalid-codes"],
            "Error: unknown check 'invalid-codes'; did you mean invalid-code, duplicate-code?\n",
        ),
    ],
)
def test_unknown_ids_exit_2_with_closest(runner: CliRunner, args: list[str], message: str) -> None:
    code, out, err = run(runner, *args, *MINI)
    assert (code, out, err) == (2, "", message)


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert run(runner, "synergies", "--level", "goal", *MINI)[0] == 2
    assert run(runner, "gaps", "--fail-on", "fatal", *MINI)[0] == 2
    assert run(runner, "path", "1.1", *MINI)[0] == 2


def test_out_writes_a_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "who.csv"
    code, out, _ = run(runner, "who", "6.1", *MINI, "--format", "csv", "--out", str(target))
    assert code == 0 and out == ""
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header == "framework,about,section,kind,id,name,how,source_lines,cited_in"


def test_path_rows_one_per_hop(runner: CliRunner) -> None:
    code, out, _ = run(runner, "path", "6.1", "4.4", *MINI, "--format", "json")
    hops = json.loads(out)
    assert code == 0 and [(h["path"], h["hop"], h["from"], h["to"]) for h in hops] == [
        (1, 1, "6.1", "1.1"),
        (1, 2, "1.1", "2.1"),
        (1, 3, "2.1", "4.4"),
    ]


def test_a_finding_read_from_a_workbook_says_where(runner: CliRunner, tmp_path: Path) -> None:
    """A fact cited by a cell of another source is shown with its place, not with no place."""
    import shutil

    from tests.conftest import RIVERLAND

    folder = tmp_path / "fw"
    shutil.copytree(RIVERLAND, folder)
    sheet = tmp_path / "results.csv"
    sheet.write_text(
        "Outcome,Indicator code,Indicator,Baseline,Target,Responsible UN entities\n"
        "1,1.b,Share of births attended by skilled staff,80% (2025),95% (2031),UNFPA\n",
        encoding="utf-8",
    )
    assert runner.invoke(cli, ["import", "matrix", str(sheet), "--framework", str(folder)]).exit_code == 0
    check = "indicator-agency-not-contributing"
    code, out, _ = run(runner, "gaps", "--framework", str(folder), "--check", check, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    found = [(r["subject"], r["source_lines"], r["cited_in"]) for r in rows]
    assert found == [("1", [], ["results: results!F2"])]
    code, table, _ = run(runner, "gaps", "--framework", str(folder), "--check", "agency-without-indicator")
    assert code == 0 and "cited_in" not in table  # every finding cites the main source's lines
    code, out, _ = run(runner, "who", "unfpa", "--framework", str(folder), "--format", "json")
    assert code == 0
    assert [(r["section"], r["id"], r["source_lines"], r["cited_in"]) for r in json.loads(out)][:2] == [
        ("outcomes", "1", [], ["results: results!F2"]),
        ("indicators", "1.b", [], ["results: results!F2"]),
    ]
    code, table, _ = run(runner, "who", "unfpa", "--framework", str(folder), "--wide")
    assert code == 0 and table.splitlines()[2].split()[-1] == "cited_in" and "results: results!F2" in table


def _unlinked(tmp_path: Path) -> Path:
    """The mini framework with its outcomes tied only by an agency: no stated link, no shared target."""
    folder = framework_copy(tmp_path)
    for name in ("outcome_links.csv", "target_lists.csv", "outcome_targets.csv"):
        lines = (folder / name).read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines[1:] if name != "outcome_links.csv" and ",crosscutting," not in line]
        (folder / name).write_text("".join([lines[0], *kept]), encoding="utf-8")
    with (folder / "outcome_agencies.csv").open("a", encoding="utf-8") as f:
        f.write("2.1,narrative,3,unicef,UNICEF,14\n")
    return folder


def test_no_path_says_where_it_looked_and_what_via_finds(runner: CliRunner, tmp_path: Path) -> None:
    folder = _unlinked(tmp_path)
    code, out, _ = run(runner, "path", "1.1", "2.1", "--framework", str(folder), "--wide")
    assert code == 0
    assert out.splitlines()[2] == (
        "no path from 1.1 to 2.1 through stated outcome links and SDG targets (the outcomes' target lists "
        "and stated target interlinkages); --via agency finds 1 path of 2 hops"
    )
    code, out, _ = run(runner, "path", "1.1", "2.1", "--via", "agency", "--framework", str(folder), "--wide")
    assert out.splitlines()[0] == "How 1.1 and 2.1 connect: 1 shortest path of 2 hops"
    code, out, _ = run(runner, "path", "1.1", "2.1", "--via", "agency", "--directed", "--framework",
                       str(folder), "--wide")  # fmt: skip
    assert out.splitlines()[2].startswith(
        "no path from 1.1 to 2.1 through stated outcome links, SDG targets and UN agencies"
    )


def test_path_notes_say_which_framework(runner: CliRunner, tmp_path: Path) -> None:
    """Of two frameworks, one with a path and one without: each note names its framework."""
    folder = _unlinked(tmp_path)
    text = (folder / "framework.csv").read_text(encoding="utf-8")
    (folder / "framework.csv").write_text(text.replace("\nexamplestan-2026-2030,", "\nunlinked-2026-2030,"),
                                          encoding="utf-8")  # fmt: skip
    code, out, _ = run(runner, "path", "1.1", "2.1", *MINI, "--framework", str(folder), "--wide")
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "2 frameworks answer:",
        "examplestan-2026-2030: How 1.1 and 2.1 connect: 1 shortest path of 1 hop",
        "unlinked-2026-2030: How 1.1 and 2.1 connect",
    ]
    assert lines[-1] == (
        "unlinked-2026-2030: no path from 1.1 to 2.1 through stated outcome links and SDG targets (the "
        "outcomes' target lists and stated target interlinkages); --via agency finds 1 path of 2 hops"
    )
