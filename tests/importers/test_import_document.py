"""Importing Cooperation Framework documents of several layouts: .docx and .pdf written here,
the riverland text, the shipped framework's text (measured against the curated folder), and bad
inputs (one line, exit 1, nothing written)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.importers import import_document
from cfgraph.io.diff import diff_summary
from cfgraph.resources import resource_dir
from tests.conftest import RIVERLAND

KZ = resource_dir("data") / "kazakhstan-2021-2025"
OUTCOMES = [
    ("1", "By 2030, every child in Testland learns to read and count by the age of ten."),
    ("2", "By 2030, coastal communities in Testland are protected from storms and floods."),
]


def _docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("Testland Cooperation Framework 2026-2030")
    d.add_paragraph("Strategic priority 1: Learning and resilience")
    for ident, statement in OUTCOMES:
        d.add_paragraph(f"Outcome {ident}. {statement}")
        d.add_paragraph("We will work with the Ministry of Education and the Coastal Guard Authority.")
        d.add_paragraph("Contributing UN entities: UNICEF, UNESCO and UNDP")
        d.add_paragraph(f"Output {ident}.1. Schools and shelters are built in every district of Testland.")
    d.add_paragraph("Results matrix")
    heading = [
        "Results",
        "Indicator",
        "Baseline",
        "Target",
        "Means of verification",
        "UN entities",
        "Partners",
    ]
    rows = [
        [
            "Outcome 1. " + OUTCOMES[0][1],
            "4.1.1 (G) Share of children reading at age ten",
            "45% (2024)",
            "70% (2030)",
            "Learning assessment",
            "UNICEF\nUNESCO",
            "Ministry of Education",
        ],
        [
            "",
            "Number of trained teachers",
            "1,200 (2024)",
            "3,000 (2030)",
            "Ministry records",
            "UNESCO",
            "Teachers Union of Testland",
        ],
        [
            "Outcome 2. " + OUTCOMES[1][1],
            "Households covered by storm warnings",
            "20% (2025)",
            "≥80% (2030)",
            "Survey",
            "UNDP",
            "Coastal Guard Authority",
        ],
    ]
    table = d.add_table(rows=1 + len(rows), cols=len(heading))
    for i, row in enumerate([heading, *rows]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.save(str(path))
    return path


def _pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    pdf.cell(0, 8, "Testland Cooperation Framework 2026-2030", new_x="LMARGIN", new_y="NEXT")
    with pdf.text_columns(ncols=2, gutter=12) as cols:  # a two-column page
        for ident, statement in OUTCOMES:
            cols.write(f"Outcome {ident}. {statement}\n")
            cols.write("SDG targets: 4.1, 13.1\n")
            cols.write("LNOB: girls; persons with disabilities\n")
            cols.write(
                "Contributing UN entities: UNICEF, UNDP\n"
                + "Communities and schools work together. " * 25
                + "\n"
            )
    pdf.add_page()
    with pdf.table() as table:  # a ruled results matrix
        for row in (
            ["Results", "Indicator", "Baseline", "Target", "Source", "UN entities", "Partners"],
            [
                "Outcome 1",
                "Share of children reading at age ten",
                "45% (2024)",
                "70% (2030)",
                "Assessment",
                "UNICEF",
                "Ministry of Education",
            ],
            [
                "Outcome 2",
                "Households covered by storm warnings",
                "20% (2025)",
                "80% (2030)",
                "Survey",
                "UNDP",
                "Coastal Guard Authority",
            ],
        ):
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.output(str(path))
    return path


def test_docx_outcomes_outputs_and_a_real_results_table(tmp_path: Path) -> None:
    out = tmp_path / "fw"
    report = import_document(_docx(tmp_path / "testland.docx"), out, country="Testland", iso3="TST")
    fw = cfgraph.load(out)
    assert [(o.id, o.statement) for o in fw.outcomes] == OUTCOMES
    assert [o.thematic_area for o in fw.outcomes] == ["1", "1"]
    assert [(o.id, o.outcome) for o in fw.outputs] == [("1.1", "1"), ("2.1", "2")]
    assert {(a.outcome, a.agency) for a in fw.outcome_agencies} == {
        (o, a) for o in ("1", "2") for a in ("unicef", "unesco", "undp")
    }
    by_id = {i.id: i for i in fw.indicators}
    assert sorted(by_id) == ["1-01", "1-02", "2-01"]
    first = by_id["1-01"]
    assert (first.code, first.baseline_value, first.baseline_year, first.target_value, first.target_year) == (
        "4.1.1",
        45.0,
        2024,
        70.0,
        2030,
    )
    assert (by_id["1-02"].baseline_value, by_id["2-01"].target_comparator) == (1200.0, ">=")
    assert {(a.indicator, a.agency) for a in fw.indicator_agencies} >= {
        ("1-01", "unicef"),
        ("1-01", "unesco"),
    }
    assert {p.partner for p in fw.indicator_partners} == {
        "ministry-of-education",
        "teachers-union-of-testland",
        "coastal-guard-authority",
    }
    assert {p.name: p.type for p in fw.partners}["Teachers Union of Testland"] == "ngo-cso"
    assert all(o.review == "draft" for o in fw.outcomes)
    assert [s.path for s in fw.sources] == ["sources/testland.txt", "sources/testland.docx"]
    assert fw.info.provenance == "cited" and report.counts["outcomes"] == 2
    assert "outcome 1: no LNOB groups" in report.missing


def test_pdf_two_columns_and_a_ruled_table(tmp_path: Path) -> None:
    out = tmp_path / "fw"
    import_document(_pdf(tmp_path / "testland.pdf"), out, country="Testland", iso3="TST")
    fw = cfgraph.load(out)
    assert [o.id for o in fw.outcomes] == ["1", "2"]
    assert fw.outcomes[0].statement == OUTCOMES[0][1]
    assert {(t.outcome, t.raw) for t in fw.target_lists} == {("1", "4.1, 13.1"), ("2", "4.1, 13.1")}
    assert {(g.outcome, g.group) for g in fw.outcome_lnob_groups} >= {
        ("1", "girls"),
        ("2", "persons-with-disabilities"),
    }
    values = {i.name: (i.baseline_value, i.target_year) for i in fw.indicators}
    assert values == {
        "Share of children reading at age ten": (45.0, 2030),
        "Households covered by storm warnings": (20.0, 2030),
    }
    text = (out / "sources" / "testland.txt").read_text(encoding="utf-8")
    assert text.count("\f") == 1  # the second page starts with a form feed


def test_riverland_text_against_its_curated_folder(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "fw"
    source = RIVERLAND / "sources" / "riverland-cf-2027-2031.txt"
    result = runner.invoke(
        cli, ["import", "document", str(source), "--out", str(out), "--iso3", "RVL", "--country", "Riverland"]
    )
    assert result.exit_code == 0, result.output
    agreement = {r["table"]: r["agreement"] for r in diff_summary(out, RIVERLAND)}
    assert agreement["target_lists"] == agreement["outcome_agencies"] == agreement["output_agencies"] == 1.0
    assert agreement["outputs"] == agreement["output_partners"] == agreement["outcome_lnob_groups"] == 1.0
    values = {"indicators": ("outcome", "output", "code", "baseline_value", "baseline_year", "target_value",
                             "target_year")}  # fmt: skip
    assert diff_summary(out, RIVERLAND, ("indicators",), values)[0]["agreement"] == 1.0  # "1.a": outcome 1
    shown = runner.invoke(cli, ["validate", "--framework", str(out)])
    assert shown.exit_code == 0 and "drafts to review" in shown.output
    accepted = runner.invoke(cli, ["accept", "outcome_agencies", "1", "--framework", str(out)])
    assert accepted.exit_code == 0 and "3 row(s) accepted" in accepted.output
    fw = cfgraph.load(out)
    assert [a.review for a in fw.outcome_agencies if a.outcome == "1"] == ["accepted"] * 3
    assert {a.review for a in fw.outcome_agencies if a.outcome != "1"} == {"draft"}
    unknown = runner.invoke(cli, ["accept", "outcome_agencies", "9", "--framework", str(out)])
    assert unknown.exit_code == 2 and "unknown row of outcome_agencies '9'" in unknown.output
    diff = runner.invoke(cli, ["diff", str(out), str(RIVERLAND), "--format", "csv"])
    assert diff.exit_code == 0 and diff.output.splitlines()[0].startswith("table,rows_a,rows_b,same")


def test_shipped_text_agrees_with_the_curated_folder(tmp_path: Path) -> None:
    out = tmp_path / "fw"
    import_document(
        KZ / "source" / "unsdcf-kazakhstan-2021-2025.txt",
        out,
        title="Cooperation Framework for Kazakhstan 2021-2025",
        iso3="KAZ",
    )
    agreement = {r["table"]: r["agreement"] for r in diff_summary(out, KZ)}
    assert agreement["outcome_targets"] >= 0.95
    assert agreement["outcome_agencies"] >= 0.95
    assert agreement["target_lists"] >= 0.95


def test_same_input_same_bytes(tmp_path: Path) -> None:
    source = _docx(tmp_path / "testland.docx")
    digests = []
    for name in ("a", "b"):
        import_document(source, tmp_path / name, country="Testland", iso3="TST")
        digests.append(
            {
                p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted((tmp_path / name).rglob("*"))
                if p.is_file()
            }
        )
    assert digests[0] == digests[1]


def _encrypted(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.cell(0, 8, "Outcome 1. By 2030, every child in Testland reads.")
    pdf.output(str(path))
    return path


def _image_only(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a scanned page: marks, no text
    pdf.output(str(path))
    return path


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "not a word document")
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _no_outcome(path: Path) -> Path:
    path.write_text("Annual report\nThe team met twice and wrote minutes.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("make", "name", "message"), [
    (_encrypted, "cf.pdf", "the PDF is encrypted (password protected); give an unprotected copy"),
    (_image_only, "cf.pdf", "the PDF has no text (scanned or image-only pages); run OCR on it first"),
    (_zip, "cf.docx", "not a Word document (a zip file without word/document.xml)"),
    (_empty, "cf.txt", "the file is empty"),
    (_no_outcome, "cf.txt", "no outcome found (a line such as 'Outcome 1.1. By 2030, ...' or "
                            "'Outcome 2: People ...'); is this a Cooperation Framework?"),
])  # fmt: skip
def test_bad_inputs_one_line_exit_1_nothing_written(
    tmp_path: Path, runner: CliRunner, make, name, message
) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / name)
    out = tmp_path / "fw"
    result = runner.invoke(
        cli,
        [
            "import",
            "document",
            str(path),
            "--out",
            str(out),
            "--country",
            "Testland",
            "--start",
            "2026",
            "--end",
            "2030",
        ],
    )
    assert result.exit_code == 1
    assert result.output in (f"Error: {path}: {message}\n", f"Error: {path.name}: {message}\n")
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()
