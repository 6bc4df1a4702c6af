"""Importing a results matrix kept in a spreadsheet: .xlsx files built here with openpyxl (merged
outcome cells, multi-line cells, odd headings, --map), a .csv variant, the riverland folder, the
same bytes on a second run, and bad inputs (one line, exit 1, nothing written)."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.importers import import_matrix
from tests.conftest import RIVERLAND

STATEMENT = "By 2030, every child in Testland learns to read and count."


def _init(tmp_path: Path, runner: CliRunner) -> Path:
    folder = tmp_path / "fw"
    result = runner.invoke(
        cli,
        ["init", str(folder), "--title", "Testland Cooperation Framework 2026-2030", "--country", "Testland",
         "--iso3", "TST", "--start", "2026", "--end", "2030"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return folder


def _xlsx(path: Path, rows: list[list[Any]], merged: tuple[str, ...] = (), title: str = "Matrix") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for rng in merged:
        ws.merge_cells(rng)
    wb.save(path)
    return path


#: Odd headings: a title row above, synonyms, bracketed years, a heading --map names.
HEADINGS = ["Results chain", "Performance indicator", "Baseline (2024)", "Target (2030)", "MoV",
            "Lead UN agency", "Key partners", "Related SDG indicators", "Data owner"]  # fmt: skip
ROWS = [
    ["Testland results matrix"],
    HEADINGS,
    [f"Outcome 1: {STATEMENT}", "4.1.1 (G) Share of children reading\nat age ten", "45%\n(2024)",
     "≥ 70% (2030)", "Learning assessment", "UNICEF\nUNESCO and UNDP",
     "Ministry of Education\nTeachers Union", "4.1.1; 4.1.2", "Statistics Office"],
    [None, "Number of trained teachers\na) women\nb) men", "1,200 (2024)", "3,000 (2030)", "Ministry records",
     "UNESCO", "Ministry of Education", None, None],
    [None, None, None, None, None, "ILO", "Testland Employers Federation", None, None],
    ["Output 1.1: Schools are built in every district.", "Schools built", "0", "40", "Ministry records",
     "UNOPS", None, None, None],
    ["Outcome 2: By 2030, coastal communities in Testland are protected from floods.",
     "Households covered by storm warnings", "20% (2025)", "80% (2030)", "Survey", "UNDP", None, None, None],
]  # fmt: skip
#: The outcome cell merged over its indicator rows, the second indicator's cell over two rows.
MERGED = ("A3:A5", "B4:B5")


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_xlsx_merged_and_multiline_cells_odd_headings_and_a_map(tmp_path: Path, runner: CliRunner) -> None:
    folder = _init(tmp_path, runner)
    sheet = _xlsx(tmp_path / "matrix.xlsx", ROWS, MERGED)
    result = runner.invoke(
        cli, ["import", "matrix", str(sheet), "--framework", str(folder), "--map", "data owner=source"]
    )
    assert result.exit_code == 0, result.output
    assert "Matrix: heading row 2, 6 indicator(s)" in result.output
    fw = cfgraph.load(folder)
    assert [(o.id, o.statement, o.locator) for o in fw.outcomes] == [
        ("1", STATEMENT, "Matrix!A3"),
        ("2", "By 2030, coastal communities in Testland are protected from floods.", "Matrix!A7"),
    ]
    assert [(o.id, o.outcome, o.statement) for o in fw.outputs] == [
        ("1.1", "1", "Schools are built in every district.")
    ]
    shown = [
        (i.id, i.outcome, i.output, i.parent, i.code, i.name, i.baseline_value, i.baseline_year,
         i.target_comparator, i.target_value, i.target_year, i.data_source, i.locator)
        for i in fw.indicators
    ]  # fmt: skip
    assert shown == [
        ("1-01", "1", None, None, "4.1.1", "Share of children reading at age ten", 45.0, 2024, ">=", 70.0,
         2030, "Statistics Office", "Matrix!B3"),
        ("1-02", "1", None, None, None, "Number of trained teachers", 1200.0, 2024, None, 3000.0, 2030, None,
         "Matrix!B4"),
        ("1-02a", "1", None, "1-02", None, "women", None, None, None, None, None, None, "Matrix!B4"),
        ("1-02b", "1", None, "1-02", None, "men", None, None, None, None, None, None, "Matrix!B4"),
        ("1.1-01", "1", "1.1", None, None, "Schools built", 0.0, None, None, 40.0, None, None, "Matrix!B6"),
        ("2-01", "2", None, None, None, "Households covered by storm warnings", 20.0, 2025, None, 80.0, 2030,
         None, "Matrix!B7"),
    ]  # fmt: skip
    assert [(a.indicator, a.agency, a.locator) for a in fw.indicator_agencies] == [
        ("1-01", "unicef", "Matrix!F3"),
        ("1-01", "unesco", "Matrix!F3"),
        ("1-01", "undp", "Matrix!F3"),
        ("1-02", "unesco", "Matrix!F4"),
        ("1-02", "ilo", "Matrix!F5"),  # the row below the merged indicator cell adds to it
        ("1.1-01", "unops", "Matrix!F6"),
        ("2-01", "undp", "Matrix!F7"),
    ]
    assert [(p.indicator, p.partner) for p in fw.indicator_partners] == [
        ("1-01", "ministry-of-education"),
        ("1-01", "teachers-union"),
        ("1-02", "ministry-of-education"),
        ("1-02", "testland-employers-federation"),
    ]
    assert [(s.indicator, s.sdg_indicator, s.code_status) for s in fw.indicator_sdg_links] == [
        ("1-01", "4.1.1", "ok"),
        ("1-01", "4.1.2", "ok"),
    ]
    registered = [s for s in fw.sources if s.path == "sources/matrix.xlsx"]
    assert len(registered) == 1 and registered[0].kind == "results-matrix"
    assert registered[0].sha256 == hashlib.sha256(sheet.read_bytes()).hexdigest()
    assert {i.source_id for i in fw.indicators} == {registered[0].id}
    assert {i.review for i in fw.indicators} == {"draft"}
    assert fw.indicators[-2].review_note is None  # the baseline and target are there
    validated = runner.invoke(cli, ["validate", "--framework", str(folder)])
    assert validated.exit_code == 0, validated.output
    assert "drafts to review" in validated.output


def test_a_second_run_writes_the_same_bytes(tmp_path: Path, runner: CliRunner) -> None:
    folder = _init(tmp_path, runner)
    sheet = _xlsx(tmp_path / "matrix.xlsx", ROWS, MERGED)
    import_matrix(sheet, folder, ["data owner=source"])
    first = _digests(folder)
    import_matrix(sheet, folder, ["data owner=source"])
    assert _digests(folder) == first


def test_csv_variant_blank_cells_carry_the_outcome_down(tmp_path: Path, runner: CliRunner) -> None:
    folder = _init(tmp_path, runner)
    sheet = tmp_path / "results.csv"
    sheet.write_text(
        "OUTCOME;Indicator name;Baseline value;Baseline year;Target value;Target year;"
        "Source / means of verification;Responsible UN entities;Partners;SDG indicator\n"
        f"1. {STATEMENT};Share of children reading;45%;2024;70%;2030;Assessment;UNICEF;"
        "Ministry of Education;4.1.1\n"
        ';"Number of trained teachers\n(all grades)";1200;2024;3000;2030;Records;"UNESCO\nUNDP";;\n',
        encoding="utf-8",
    )
    report = import_matrix(sheet, folder)
    assert report.counts["indicators"] == 2
    fw = cfgraph.load(folder)
    assert [(o.id, o.statement) for o in fw.outcomes] == [("1", STATEMENT)]
    assert [(i.id, i.name, i.baseline_year, i.target_value, i.locator) for i in fw.indicators] == [
        ("1-01", "Share of children reading", 2024, 70.0, "results!B2"),
        ("1-02", "Number of trained teachers (all grades)", 2024, 3000.0, "results!B3"),
    ]
    assert [(a.indicator, a.agency) for a in fw.indicator_agencies] == [
        ("1-01", "unicef"),
        ("1-02", "unesco"),
        ("1-02", "undp"),
    ]


def test_riverland_outcomes_and_outputs_by_number(tmp_path: Path) -> None:
    folder = tmp_path / "riverland"
    shutil.copytree(RIVERLAND, folder)
    sheet = _xlsx(
        tmp_path / "riverland-matrix.xlsx",
        [
            ["Outcome", "Output", "Indicator code", "Indicator", "Baseline", "Target", "UN entities",
             "Partners"],
            ["2", None, "2.b", "Farm households using drought-tolerant seed", "10% (2026)", "40% (2031)",
             "FAO", "Ministry of Agriculture"],
            ["3", "3.1", "3.1.b", "Basin councils with a flood plan", "2 (2026)", "8 (2031)", "UNDP", None],
        ],
    )  # fmt: skip
    import_matrix(sheet, folder)
    fw = cfgraph.load(folder)
    new = [(i.id, i.outcome, i.output, i.baseline_value, i.target_year) for i in fw.indicators if i.review]
    assert new == [("2.b", "2", None, 10.0, 2031), ("3.1.b", "3", "3.1", 2.0, 2031)]
    assert [o.id for o in fw.outcomes] == ["1", "2", "3"] and len(fw.outputs) == 4  # none added
    partners = [p for p in fw.indicator_partners if p.indicator == "2.b"]
    assert [p.partner for p in partners] == ["ministry-of-agriculture"]  # the folder's own partner
    assert [s.id for s in fw.sources] == ["riverland-cf-2027-2031", "national-strategy", "riverland-matrix"]
    assert len([i for i in fw.indicators if not i.review]) == 4  # the curated rows are kept


NOT_XLSX = "not an Excel workbook (.xlsx); save it from the spreadsheet as .xlsx or .csv"


def _not_a_workbook(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "not a workbook")
    return path


def _no_heading(path: Path) -> Path:
    return _xlsx(path, [["Name", "Value"], ["Share of children reading", "45%"]])


def _text_named_xlsx(path: Path) -> Path:
    path.write_text("Indicator,Baseline", encoding="utf-8")
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _good(path: Path) -> Path:
    return _xlsx(path, ROWS, MERGED)


FIELD_LIST = "outcome, output, code, name, baseline, baseline_year, target, target_year, source, agencies, " \
    "partners, sdg"


@pytest.mark.parametrize(("make", "name", "maps", "message"), [
    (_not_a_workbook, "m.xlsx", [], "{path}: " + NOT_XLSX),
    (_text_named_xlsx, "m.xlsx", [], "{path}: " + NOT_XLSX),
    (_no_heading, "m.xlsx", [], "{path}: no heading row naming an indicator column and another known column "
                                f"({FIELD_LIST}); name the headings with --map HEADING=FIELD"),
    (_good, "m.xlsx", ["Data owner=owner"],
     f"--map 'Data owner=owner': unknown field 'owner'; the fields are {FIELD_LIST}, ignore"),
    (_good, "m.xlsx", ["Budget=ignore"], "--map: no column of m.xlsx is headed 'budget'"),
    (_empty, "m.csv", [], "{path}: the file is empty"),
])  # fmt: skip
def test_bad_inputs_one_line_exit_1_nothing_written(
    tmp_path: Path, runner: CliRunner, make, name, maps, message
) -> None:  # type: ignore[no-untyped-def]
    folder = _init(tmp_path, runner)
    before = _digests(folder)
    path = make(tmp_path / name)
    args = ["import", "matrix", str(path), "--framework", str(folder)]
    for item in maps:
        args += ["--map", item]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.output == f"Error: {message.format(path=path)}\n"
    assert _digests(folder) == before


def test_a_body_named_among_the_un_entities_is_kept_as_a_partner(tmp_path: Path, runner: CliRunner) -> None:
    folder = _init(tmp_path, runner)
    sheet = tmp_path / "matrix.csv"
    sheet.write_text(
        "Outcome,Indicator,Baseline,Target,UN entities\n"
        f'"Outcome 1: {STATEMENT}",Share of children reading,45% (2024),70% (2030),'
        '"UNDP, Testland Chess Club"\n',
        encoding="utf-8",
    )
    report = import_matrix(sheet, folder)
    fw = cfgraph.load(folder)
    assert [(a.indicator, a.agency) for a in fw.indicator_agencies] == [("1-01", "undp")]
    assert [(p.indicator, p.partner, p.review_note) for p in fw.indicator_partners] == [
        ("1-01", "testland-chess-club", "named among the UN entities, but not a UN entity: check it")
    ]
    assert [(p.name, p.type) for p in fw.partners] == [("Testland Chess Club", "ngo-cso")]
    assert report.notes == (
        "indicator 1-01: 'Testland Chess Club' is named among the UN entities but is not one: "
        "kept as a partner",
    )
