"""``cfgraph review matrix`` and ``status`` print the library's rows through the output registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cfgraph.cli import cli
from cfgraph.io.writer import write_framework
from tests.conftest import framework_copy
from tests.review.examples import reviewed_mini


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = framework_copy(tmp_path_factory.mktemp("reviewed"))
    write_framework(reviewed_mini(), target)
    return str(target)


def _run(folder: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["review", *args, "--framework", folder])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_grid_and_ranking(folder: str) -> None:
    assert _run(folder, "matrix", "--level", "target", "--show", "grid", "--format", "csv") == (
        "framework,level,source,3.9,5.1,6.1,6.2,influence\n"
        "examplestan-2026-2030,target,3.9,,1.5,0,-2,-0.5\n"
        "examplestan-2026-2030,target,5.1,,,-2.5,,-2.5\n"
        "examplestan-2026-2030,target,6.1,2,,,,2\n"
        "examplestan-2026-2030,target,6.2,2,,,,2\n"
    )
    assert _run(folder, "matrix", "--level", "target", "--show", "ranking", "--format", "csv").splitlines()[
        1:
    ] == [
        "examplestan-2026-2030,target,6.2,2,-2,1,0,0,1,3,1,0",
        "examplestan-2026-2030,target,6.1,2,-2.5,1,0,0,1,-1,1,1",
        "examplestan-2026-2030,target,3.9,-0.5,4,1,1,2,0,-3.75,0,1",
        "examplestan-2026-2030,target,5.1,-2.5,1.5,0,1,1,0,-5,0,1",
    ]


def test_status_and_its_lists(folder: str) -> None:
    rows = json.loads(_run(folder, "status", "--format", "json"))
    assert [(r["result_group"], r["level"], r["pairs"], r["reviewed"], r["unreviewed"]) for r in rows] == [
        ("planet", "outcome", 2, 2, 0),
        ("planet", "target", 4, 4, 0),
        ("people", "outcome", 2, 2, 0),
        ("people", "target", 1, 0, 1),
    ]
    assert [r["reviewers"] for r in rows] == [["Ann", "Bo", "Cy"]] * 3 + [[]]
    table = _run(folder, "status")
    assert "planet" in table and "Ann; Bo; Cy" in table and max(map(len, table.splitlines())) <= 80
    assert table.splitlines()[-2:] == [
        "4 rows, one per result group and level: 2 result groups, 2 levels (4 more",
        "columns: --all-columns or --format csv)",
    ]  # says what it counts: a sheet is a result group at one level

    def pairs(show: str) -> list[tuple[str, str]]:
        rows = json.loads(_run(folder, "status", "--show", show, "--format", "json"))
        return [(r["source"], r["target"]) for r in rows]

    assert pairs("contested") == [("3.9", "5.1"), ("3.9", "6.1")]
    assert pairs("stated-not-confirmed") == [("3.9", "6.1"), ("3.9", "6.2")]
    assert pairs("strong-not-stated") == [("5.1", "6.1")]
    assert pairs("unreviewed") == [("4.1", "8.6")]


def test_matrix_json_has_the_documented_keys(folder: str, tmp_path: Path) -> None:
    out = tmp_path / "pairs.json"
    assert _run(folder, "matrix", "--format", "json", "--out", str(out)) == ""
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert {"source", "target", "reviews", "median", "contested"} <= set(rows[0])
    assert [(r["source"], r["target"], r["median"]) for r in rows] == [
        ("1.1", "2.1", -1.0),
        ("2.1", "1.1", 2.0),
    ]


def test_sheet_for_one_outcome_as_csv(folder: str, tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    assert _run(folder, "sheet", "--outcome", "2.1", "--level", "target", "--out", str(out)) == (
        f"{out}: 1 pairs to score (People 1)\n"
    )
