"""Review sheets as Excel workbooks and CSV: layout, locks, drop-downs, legend, fingerprints,
deterministic bytes and spreadsheet-safe text."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import openpyxl
import pytest

import cfgraph
from cfgraph.errors import CfgraphError
from cfgraph.review.sheet import COLUMNS, EDITABLE, FORMAT, build_sheet, fingerprint, sheet_csv, write_sheet
from cfgraph.vocabulary import SCORE_SCALE
from tests.conftest import framework_copy
from tests.render.test_views import _edit_csv


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sheet") / "review.xlsx"
    write_sheet(cfgraph.load(cfgraph.MINI), out)
    return out


def test_workbook_layout(workbook: Path) -> None:
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["About", "Scale", "Planet", "People"]
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)}
    assert about["format"] == FORMAT and about["framework"] == "examplestan-2026-2030"
    assert about["scope"] == "every result group; outcome and target pairs"
    planet = wb["Planet"]
    assert [c.value for c in planet[1]] == list(COLUMNS)
    rows = list(planet.iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("outcome", "2.1", "1.1"), ("outcome", "1.1", "2.1"), ("target", "3.9", "6.1"),
        ("target", "3.9", "6.2"), ("target", "6.1", "3.9"), ("target", "6.2", "3.9"),
    ]  # fmt: skip
    first = dict(zip(COLUMNS, rows[0], strict=True))
    assert first["direction"] == "outcome 2.1 → outcome 1.1"
    assert first["quote"] == "Outcome 1.1 depends on Outcome 2.1, which trains the engineers (SDG 4.4)."
    assert first["source_text"] == "By 2030, young people in Examplestan find decent work."
    checks = [r[COLUMNS.index("check")] for r in rows]
    assert about["fingerprint Planet"] == fingerprint("examplestan-2026-2030", "Planet", checks)


def test_context_is_locked_and_scores_have_drop_downs(workbook: Path) -> None:
    ws = openpyxl.load_workbook(workbook)["Planet"]
    assert ws.protection.sheet is True
    for row in ws.iter_rows(min_row=2):
        for column, cell in zip(COLUMNS, row, strict=True):
            assert cell.protection.locked is (column not in EDITABLE), (column, cell.coordinate)
    assert ws.column_dimensions["P"].hidden and ws.column_dimensions["Q"].hidden  # framework, check
    validations = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert validations == {"L2:L7": '"-3,-2,-1,0,1,2,3"', "M2:M7": '"low,medium,high"'}
    scale = openpyxl.load_workbook(workbook)["Scale"]
    assert [r[:2] for r in scale.iter_rows(min_row=2, max_row=8, values_only=True)] == [
        (3, "indivisible"), (2, "reinforcing"), (1, "enabling"), (0, "consistent"),
        (-1, "constraining"), (-2, "counteracting"), (-3, "cancelling"),
    ]  # fmt: skip
    names = [r[1] for r in scale.iter_rows(min_row=2, max_row=8, values_only=True)]
    assert names == [s.name for s in SCORE_SCALE]


def test_bytes_are_the_same_on_every_run(workbook: Path, tmp_path: Path) -> None:
    again = write_sheet(cfgraph.load(cfgraph.MINI), tmp_path / "again.xlsx")
    assert (
        hashlib.sha256((tmp_path / "again.xlsx").read_bytes()).digest()
        == hashlib.sha256(workbook.read_bytes()).digest()
    )
    assert len(again.rows) == 9
    write_sheet(cfgraph.load(cfgraph.MINI), tmp_path / "a.csv")
    write_sheet(cfgraph.load(cfgraph.MINI), tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_one_group_one_outcome_one_level(mini: cfgraph.Framework) -> None:
    sheet = build_sheet(mini, result_group="people", level="outcome")
    assert list(sheet.tabs) == ["People"] and sheet.scope == "result group people; outcome pairs"
    assert [(r["source"], r["target"]) for r in sheet.rows] == [("2.1", "1.1"), ("1.1", "2.1")]
    sheet = build_sheet(mini, outcome="1.1", level="target")
    assert list(sheet.tabs) == ["Planet"] and len(sheet.rows) == 4


def test_csv_sheet(mini: cfgraph.Framework) -> None:
    rows = list(csv.DictReader(io.StringIO(sheet_csv(build_sheet(mini, level="target")))))
    assert [(r["result_group"], r["source"], r["target"]) for r in rows] == [
        ("planet", "3.9", "6.1"), ("planet", "3.9", "6.2"), ("planet", "6.1", "3.9"),
        ("planet", "6.2", "3.9"), ("people", "4.1", "8.6"),
    ]  # fmt: skip
    assert all(r["score"] == r["reviewer"] == "" and r["framework"] == mini.info.id for r in rows)


def test_wrong_suffix(mini: cfgraph.Framework, tmp_path: Path) -> None:
    with pytest.raises(CfgraphError, match=r"sheet.ods: a review sheet is an \.xlsx or a \.csv file"):
        write_sheet(mini, tmp_path / "sheet.ods")


def test_text_from_the_data_never_becomes_a_formula(tmp_path: Path) -> None:
    """A statement and a quote that a spreadsheet would run: the sheet holds them as text."""
    folder = framework_copy(tmp_path)
    formula = '=HYPERLINK("http://example.org","x")'
    edits = {10: ("outcomes.csv", "statement", formula), 16: ("outcome_links.csv", "quote", "@SUM(1+1)")}
    for line, (table, field, value) in edits.items():
        key, ident = ("id", "1.1") if table == "outcomes.csv" else ("id", "OL01")
        _edit_csv(folder / table, key, ident, field, value)
        source = folder / "source" / "examplestan-2026-2030.txt"
        lines = source.read_text(encoding="utf-8").split("\n")
        lines[line - 1] += " " + value
        source.write_text("\n".join(lines), encoding="utf-8")
    digest = hashlib.sha256((folder / "source" / "examplestan-2026-2030.txt").read_bytes()).hexdigest()
    _edit_csv(folder / "framework.csv", "id", "examplestan-2026-2030", "source_sha256", digest)
    write_sheet(cfgraph.load(folder), tmp_path / "s.xlsx", result_group="planet", level="outcome")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["Planet"]
    first = {c: cell for c, cell in zip(COLUMNS, ws[2], strict=True)}
    assert first["target_text"].value == "'" + formula and first["target_text"].data_type == "s"
    assert first["quote"].value == "'@SUM(1+1)" and first["quote"].data_type == "s"
    write_sheet(cfgraph.load(folder), tmp_path / "s.csv", result_group="planet", level="outcome")
    cells = [v for r in csv.reader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8"))) for v in r]
    assert all(not v.startswith(("=", "@")) for v in cells) and "'" + formula in cells
