"""From a filled sheet to reviews.csv: three reviewers' workbooks written here through openpyxl
(one with mistakes), a real xlsx round trip (sheet -> fill -> import -> matrix), exact messages,
atomic all-or-nothing merges, idempotent re-imports and newer sheets replacing older scores."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.review.aggregate import consensus
from cfgraph.review.importer import SheetRejected
from cfgraph.review.merge import import_sheets
from cfgraph.review.sheet import write_sheet
from tests.conftest import framework_copy
from tests.review.examples import fill_xlsx

HEADER = (
    "level,source,target,reviewer,score,confidence,comment,date,sheet_file,sheet_sha256,sheet_tab,sheet_row\n"
)

#: What each reviewer writes, by (level, source, target).
ANN = {
    ("outcome", "2.1", "1.1"): {
        "score": 2,
        "confidence": "high",
        "comment": "engineers first",
        "reviewer": "Ann",
    },
    ("outcome", "1.1", "2.1"): {"score": -1, "confidence": "medium", "reviewer": "Ann"},
    ("target", "6.1", "3.9"): {"score": 2, "reviewer": "Ann"},
    ("target", "3.9", "6.1"): {"score": "+1", "reviewer": "Ann"},
    ("target", "4.1", "8.6"): {"score": 3, "reviewer": "Ann"},
}
BO = {
    ("outcome", "2.1", "1.1"): {"score": 1, "reviewer": "Bo"},
    ("outcome", "1.1", "2.1"): {"score": -1, "reviewer": "Bo"},
    ("target", "6.1", "3.9"): {"score": 3, "reviewer": "Bo"},
    ("target", "3.9", "6.1"): {"score": -1, "comment": '<img src=x onerror="window.__pwned = 1"> «нет»',
                               "reviewer": "Bo"},
    ("target", "4.1", "8.6"): {"score": 2, "reviewer": "Bo"},
}  # fmt: skip
#: Cy writes no name: the import gives it (--reviewer Cy).
CY = {
    ("outcome", "2.1", "1.1"): {"score": 3},
    ("target", "6.1", "3.9"): {"score": 1, "confidence": "low"},
    ("target", "3.9", "6.1"): {"score": 0},
    ("target", "3.9", "6.2"): {"score": -2, "comment": "=1+1 is not a formula here"},
}
#: Bo's first try, with one mistake of each kind.
BO_WRONG = {
    **BO,
    ("outcome", "1.1", "2.1"): {"score": -1, "reviewer": "Bo", "quote": "The text says so."},
    ("target", "6.1", "3.9"): {"score": 5, "reviewer": "Bo"},
    ("target", "3.9", "6.1"): {"score": -1, "confidence": "sure", "reviewer": "Bo"},
    ("target", "6.2", "3.9"): {"score": 1, "source": "9.9", "reviewer": "Bo"},
    ("target", "4.1", "8.6"): {"score": 2, "reviewer": "Bob"},
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the mini framework in fw/ and its review workbook review.xlsx, in the working folder."""
    monkeypatch.chdir(tmp_path)
    framework_copy(tmp_path)
    result = CliRunner().invoke(cli, ["review", "sheet", "--framework", "fw", "--out", "review.xlsx"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "review.xlsx: 9 pairs to score (Planet 6, People 3)\n"
    return tmp_path


def _import(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["review", "import", "--framework", "fw", "--date", "2025-03-01", *args])
    return result.exit_code, result.stdout, result.stderr


def test_three_reviewers_round_trip(here: Path) -> None:
    sheet = Path("review.xlsx")
    fill_xlsx(sheet, Path("ann.xlsx"), ANN)
    fill_xlsx(sheet, Path("bo.xlsx"), BO_WRONG)
    fill_xlsx(sheet, Path("cy.xlsx"), CY)
    code, out, err = _import("ann.xlsx", "bo.xlsx")
    assert code == 1 and out == ""
    assert err.splitlines() == [  # 1.1 -> 2.1 is on both worksheets: its quote was edited on both
        "bo.xlsx[People]:3: quote: edited (it was empty); context columns are locked",
        "bo.xlsx[People]:4: reviewer: 'Bob', but bo.xlsx[Planet]:2 says 'Bo': "
        "one sheet holds one reviewer's scores",
        "bo.xlsx[Planet]:3: quote: edited (it was empty); context columns are locked",
        "bo.xlsx[Planet]:4: confidence: 'sure' is not one of: low, medium, high",
        "bo.xlsx[Planet]:6: score: '5' is not a score: write a whole number from -3 to +3",
        "bo.xlsx[Planet]:7: source: '9.9' is not an SDG target",
        "cfgraph: 6 problem(s) in the review sheets; nothing was imported",
    ]
    assert Path("fw/reviews.csv").read_text(encoding="utf-8") == HEADER  # nothing merged, not even Ann's

    fill_xlsx(sheet, Path("bo.xlsx"), BO)
    code, out, err = _import("ann.xlsx", "bo.xlsx")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ann.xlsx: Ann, 2025-03-01: 5 pair(s) scored or commented",
        "bo.xlsx: Bo, 2025-03-01: 5 pair(s) scored or commented",
        "reviews.csv: 10 added, 0 changed, 0 removed, 0 unchanged, 0 kept (a later sheet)",
    ]
    code, out, _ = _import("cy.xlsx", "--reviewer", "Cy")
    assert code == 0 and out.splitlines()[-1] == (
        "reviews.csv: 4 added, 0 changed, 0 removed, 10 unchanged, 0 kept (a later sheet)"
    )
    fw = cfgraph.load("fw")
    assert len(fw.reviews) == 14
    cy = next(r for r in fw.reviews if r.reviewer == "Cy" and r.target == "6.2")
    assert (cy.score, cy.comment, cy.date, cy.sheet_file, cy.sheet_tab, cy.sheet_row) == (
        -2, "=1+1 is not a formula here", "2025-03-01", "cy.xlsx", "Planet", 5,
    )  # fmt: skip
    assert len(cy.sheet_sha256) == 64

    result = CliRunner().invoke(cli, ["review", "matrix", "--framework", "fw", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [
        (r["source"], r["target"], r["reviews"], r["median"], r["contested"], r["stated"], r["scores"])
        for r in json.loads(result.stdout)
    ] == [
        ("1.1", "2.1", 2, -1.0, False, "", [-1, -1]),  # Ann, Bo
        ("2.1", "1.1", 3, 2.0, False, "named", [2, 1, 3]),  # Ann, Bo, Cy: median 2
    ]
    result = CliRunner().invoke(
        cli, ["review", "matrix", "--framework", "fw", "--level", "target", "--format", "json"]
    )
    assert [
        (r["source"], r["target"], r["median"], r["contested"], r["verdict"])
        for r in json.loads(result.stdout)
    ] == [
        ("3.9", "6.1", 0.0, True, "stated-not-confirmed"),  # +1, -1, 0: both signs
        ("3.9", "6.2", -2.0, False, "stated-not-confirmed"),  # Cy alone
        ("4.1", "8.6", 2.5, False, ""),  # 3 and 2
        ("6.1", "3.9", 2.0, False, ""),  # 2, 3, 1
    ]


def test_the_same_sheet_twice_changes_nothing(here: Path) -> None:
    fill_xlsx(Path("review.xlsx"), Path("ann.xlsx"), ANN)
    assert _import("ann.xlsx")[0] == 0
    before = Path("fw/reviews.csv").read_bytes()
    code, out, _ = _import("ann.xlsx")
    assert code == 0 and out.splitlines() == [
        "ann.xlsx: already imported (or nothing scored); skipped",
        "reviews.csv: 0 added, 0 changed, 0 removed, 5 unchanged, 0 kept (a later sheet); nothing to write",
    ]
    assert Path("fw/reviews.csv").read_bytes() == before


def test_a_newer_sheet_replaces_the_reviewers_scores(here: Path) -> None:
    fill_xlsx(Path("review.xlsx"), Path("ann.xlsx"), ANN)
    fill_xlsx(Path("review.xlsx"), Path("bo.xlsx"), BO)
    assert _import("ann.xlsx", "bo.xlsx")[0] == 0
    newer = {**ANN, ("outcome", "2.1", "1.1"): {"score": 3, "reviewer": "Ann"}}
    del newer[("outcome", "1.1", "2.1")]  # left empty: Ann withdraws that score
    fill_xlsx(Path("review.xlsx"), Path("ann-2.xlsx"), newer)
    result = CliRunner().invoke(
        cli, ["review", "import", "--framework", "fw", "--date", "2025-03-15", "ann-2.xlsx"]
    )
    assert result.stdout.splitlines()[-1] == (
        "reviews.csv: 0 added, 1 changed, 1 removed, 8 unchanged, 0 kept (a later sheet)"
    )
    ann = {(r.source, r.target): (r.score, r.date) for r in cfgraph.load("fw").reviews if r.reviewer == "Ann"}
    assert ann[("2.1", "1.1")] == (3, "2025-03-15")
    assert ann[("1.1", "2.1")] == (None, "2025-03-15")  # withdrawn: no score, the newer sheet's day
    assert ann[("6.1", "3.9")] == (2, "2025-03-01")  # the same judgement keeps where it came from
    pairs = {(p.source, p.target): p.scores for p in consensus(cfgraph.load("fw"), "outcome")}
    assert pairs == {("1.1", "2.1"): (-1,), ("2.1", "1.1"): (3, 1)}  # Ann's -1 is gone, Bo's stays
    # an older sheet of Ann's arriving late changes none of the pairs the newer one listed
    older = {**ANN, ("outcome", "2.1", "1.1"): {"score": -3, "reviewer": "Ann"}}
    fill_xlsx(Path("review.xlsx"), Path("ann-0.xlsx"), older)
    result = CliRunner().invoke(
        cli, ["review", "import", "--framework", "fw", "--date", "2025-02-01", "ann-0.xlsx"]
    )
    assert result.stdout.splitlines()[-1] == (
        "reviews.csv: 0 added, 0 changed, 0 removed, 10 unchanged, 5 kept (a later sheet); nothing to write"
    )


def test_another_frameworks_sheet_is_refused(here: Path, kz: cfgraph.Framework) -> None:
    write_sheet(kz, Path("kz.xlsx"), result_group="planet", level="outcome")
    code, _, err = _import("kz.xlsx", "--reviewer", "Ann")
    assert code == 1
    assert err.splitlines()[0] == (
        "kz.xlsx[About]:3: framework: this sheet is for the framework 'kazakhstan-2021-2025', "
        "not 'examplestan-2026-2030'"
    )
    write_sheet(kz, Path("kz.csv"), result_group="planet", level="outcome")
    assert _import("kz.csv")[2].splitlines()[0] == (
        "kz.csv:2: framework: this sheet is for the framework 'kazakhstan-2021-2025', "
        "not 'examplestan-2026-2030'"
    )


def test_removed_rows_and_a_forged_check(here: Path) -> None:
    wb = openpyxl.load_workbook("review.xlsx")
    wb["Planet"].delete_rows(4)
    wb["People"]["L2"] = 2
    wb["People"]["O2"] = "Ann"
    wb.save("short.xlsx")
    assert _import("short.xlsx")[2].splitlines()[0] == (
        "short.xlsx[Planet]:1: (rows): rows were added or removed after the sheet was written "
        "(its fingerprint does not match); leave the rows you do not judge empty"
    )
    wb = openpyxl.load_workbook("review.xlsx")
    wb["People"]["Q2"] = "0" * 16  # the check itself
    wb["People"]["L2"] = 1
    wb.save("forged.xlsx")
    assert _import("forged.xlsx", "--reviewer", "Ann")[2].splitlines()[0] == (
        "forged.xlsx[People]:2: (row): its context columns were edited (they no longer match its check); "
        "context columns are locked"
    )


def test_csv_sheet_round_trip_and_row_problems(here: Path) -> None:
    write_sheet(cfgraph.load("fw"), Path("people.csv"), result_group="people")
    lines = Path("people.csv").read_text(encoding="utf-8").splitlines()
    # row 2: 2.1 -> 1.1 scored, no name; row 3: a confidence without a score; row 4: a comment only
    lines[1] = lines[1].replace(",,,,,examplestan", ",+2,high,,,examplestan")
    lines[2] = lines[2].replace(",,,,,examplestan", ",,low,,,examplestan")
    lines[3] = lines[3].replace(",,,,,examplestan", ",,,needs data,Cy,examplestan")
    Path("people.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = _import("people.csv")
    assert code == 1 and err.splitlines()[:2] == [
        "people.csv:2: reviewer: empty: write who scored, or give --reviewer NAME",
        "people.csv:3: confidence: a confidence needs a score",
    ]
    lines[2] = lines[2].replace(",,low,,,examplestan", ",,,,,examplestan")
    Path("people.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = _import("people.csv", "--reviewer", "Cy")
    assert (code, err) == (0, ""), err
    reviews = {(r.source, r.target): (r.score, r.confidence, r.comment) for r in cfgraph.load("fw").reviews}
    assert reviews == {("2.1", "1.1"): (2, "high", None), ("4.1", "8.6"): (None, None, "needs data")}


def test_not_a_sheet(here: Path) -> None:
    Path("notes.xlsx").write_bytes(b"not a zip")
    Path("notes.txt").write_text("x", encoding="utf-8")
    assert _import("notes.xlsx")[2].splitlines()[0] == (
        "notes.xlsx:0: (file): not an Excel workbook (File is not a zip file)"
    )
    assert (
        _import("notes.txt")[2].splitlines()[0]
        == "notes.txt:0: (file): a review sheet is an .xlsx or a .csv file"
    )
    wb = openpyxl.Workbook()
    wb.save("blank.xlsx")
    assert (
        _import("blank.xlsx")[2].splitlines()[0]
        == "blank.xlsx:0: (file): not a cfgraph review sheet: no About sheet"
    )


def test_the_library_raises_with_every_problem(here: Path) -> None:
    fill_xlsx(Path("review.xlsx"), Path("bo.xlsx"), BO_WRONG)
    with pytest.raises(SheetRejected) as caught:
        import_sheets("fw", ["bo.xlsx"], date="2025-03-01")
    assert len(caught.value.errors) == 6
    with pytest.raises(ValueError, match="'1 March' is not a day like 2025-03-31"):
        import_sheets("fw", ["bo.xlsx"], date="1 March")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sheet", "--out", "x.ods"], "Invalid value for --out: the sheet is a .xlsx or a .csv file"),
        (["sheet", "--out", "x.csv", "--result-group", "planet", "--outcome", "1.1"],
         "give --result-group or --outcome, not both"),
        (["sheet", "--out", "x.csv", "--result-group", "planets"],
         "unknown result group 'planets'; did you mean planet?"),
        (["import", "--date", "March", "review.xlsx"],
         "Invalid value for --date: 'March' is not a day like 2025-03-31"),
        (["matrix", "--level", "goal"], "Invalid value for '--level'"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2(here: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["review", *args[:1], "--framework", "fw", *args[1:]])
    assert result.exit_code == 2 and message in result.stderr, result.stderr
