"""Bringing in a new framework: ``cfgraph init``, ``cfgraph cite`` and ``cfgraph validate --fix``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from tests.conftest import RIVERLAND, framework_copy

DOCUMENT = RIVERLAND / "sources" / "riverland-cf-2027-2031.txt"
STRATEGY = "https://example.org/riverland/national-development-strategy-2030"


def _init(runner: CliRunner, folder: Path, *extra: str) -> object:
    title = "Riverland Cooperation Framework 2027-2031"
    return runner.invoke(cli, ["init", str(folder), "--title", title, "--country", "Riverland",
                               "--start", "2027", "--end", "2031", *extra])  # fmt: skip


def test_init_writes_a_folder_that_validate_answers_with_what_is_left(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "riverland"
    result = _init(runner, folder, "--iso3", "RVL", "--source", str(DOCUMENT), "--source", STRATEGY)
    assert result.exit_code == 0, result.output
    assert (folder / "sources" / DOCUMENT.name).read_bytes() == DOCUMENT.read_bytes()
    assert (folder / "sources.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "riverland-cf-2027-2031,riverland-cf-2027-2031.txt,document,sources/riverland-cf-2027-2031.txt,,"
        "f66745f22e7c9639599a3dea71f540d647ea39d8d11031269f486b0d38482010,",
        f"source-2,{STRATEGY},web-page,,{STRATEGY},,",
    ]
    assert not (folder / "outcome_targets.csv").exists()  # derived from the target lists
    check = runner.invoke(cli, ["validate", "--framework", str(folder)])
    assert check.exit_code == 1
    assert check.stderr.replace(str(folder), "fw") == (
        "fw/outcomes.csv:1: (table): has no rows; every framework fills it (id, statement)\n"
        "cfgraph: 1 error(s), 0 warning(s)\n"
    )
    (folder / "outcomes.csv").write_text(
        "id,thematic_area,result_group,statement,source_lines,source_id,locator\n"
        '1,,,"By 2031, more people in Riverland use quality health services.",3,,\n',
        encoding="utf-8",
    )
    (folder / "target_lists.csv").write_text(
        "outcome,listed_in,role,raw,source_lines,source_id,locator\n"
        '1,results_matrix,global,"3.8, 1.3",13,,\n',
        encoding="utf-8",
    )
    check = runner.invoke(cli, ["validate", "--framework", str(folder)])
    assert check.exit_code == 0, check.output
    assert check.stderr.replace(str(folder), "fw") == (
        "fw/outcomes.csv:2: statement: warning: 'By 2031, more people in Riverland use quality health "
        "serv...' is not in source line(s) 3 (line 3 reads 'Outcome 1. By 2031, more people in Riverland, "
        "especially ...')\n"
    )
    assert cfgraph.load(folder).policy == "cited"


def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing_on_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("mine", encoding="utf-8")
    result = _init(runner, tmp_path / "used")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'used'} is not empty; give a new folder\n"
    result = _init(runner, tmp_path / "new", "--source", str(tmp_path / "missing.pdf"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: --source {tmp_path / 'missing.pdf'}: no such file\n"
    assert not (tmp_path / "new").exists()
    result = _init(runner, tmp_path / "late", "--start", "2031", "--end", "2027")
    assert result.exit_code == 2 and "before --start" in result.stderr


def test_cite_finds_a_quote_across_line_breaks_and_hyphens(runner: CliRunner, tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    source = folder / "source" / "examplestan-2026-2030.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[1:1] = ["The Government and the UN agree on a deve-", "lopment  path for   all regions."]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    quote = "agree on a development path for all regions"
    result = runner.invoke(cli, ["cite", quote, "--framework", str(folder),
                                 "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    [place] = json.loads(result.stdout)
    assert (place["lines"], place["match"], place["source"]) == (
        "2-3",
        "exact",
        "source/examplestan-2026-2030.txt",
    )


def test_cite_offers_the_nearest_passage_when_the_quote_is_not_exact(runner: CliRunner) -> None:
    quote = "smallholder farmers earn more from resilient agriculture"
    result = runner.invoke(cli, ["cite", quote, "--framework",
                                 str(RIVERLAND), "--format", "csv"])  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1].startswith(
        "sources/riverland-cf-2027-2031.txt,riverland-cf-2027-2031,4,"
    )
    assert "% alike" in result.stdout.splitlines()[1]
    assert result.stderr == "not found as it is; the nearest passages are shown\n"
    nothing = runner.invoke(cli, ["cite", "zzz qqq", "--framework", str(RIVERLAND)])
    assert nothing.exit_code == 1
    assert nothing.stderr == "not found in the framework's text sources (nor anything like it)\n"


def test_validate_fix_moves_citations_and_hashes_after_the_source_grew(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "riverland"
    shutil.copytree(RIVERLAND, folder)
    source = folder / "sources" / "riverland-cf-2027-2031.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    lines.insert(10, "A paragraph added in the final version.")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = runner.invoke(cli, ["validate", "--framework", str(folder)])
    assert before.exit_code == 1 and "sources.csv:2: sha256: does not match" in before.stderr
    assert before.stderr.replace(str(folder), "fw").splitlines()[0] == (
        "fw/agencies.csv:2: source_lines: warning: 6 row(s) cite lines of sources/riverland-cf-2027-2031.txt "
        "that no longer hold their text (the first: its label); the source changed since they were cited: "
        "'cfgraph validate --fix' moves the citations"
    )
    fixed = runner.invoke(cli, ["validate", "--fix", "--framework", str(folder)])
    assert fixed.exit_code == 0, fixed.output
    changes = [line for line in fixed.stderr.splitlines() if line.startswith("fixed ")]
    assert (
        f"fixed {folder}/outcomes.csv:2: source_lines: '3' -> '3' (the text is on these lines)" not in changes
    )
    assert (
        f"fixed {folder}/target_lists.csv:2: source_lines: '13' -> '14' (the text is on these lines)"
        in changes
    )
    assert f"fixed {folder}/outputs.csv:5: source_lines: '35' -> '36' (the text is on these lines)" in changes
    assert any(c.startswith(f"fixed {folder}/sources.csv:2: sha256: 'f66745f22e7c") for c in changes)
    assert fixed.stderr.splitlines()[len(changes)] == f"cfgraph: {len(changes)} change(s) written"
    moved = [c.split(": source_lines: ")[1].split(" (")[0] for c in changes if "source_lines" in c]
    shifted = [f"'{old}' -> '{'-'.join(str(int(n) + 1) for n in old.split('-'))}'"
               for old in (m.split("'")[1] for m in moved)]  # fmt: skip
    assert len(moved) == 55 and moved == shifted  # every citation below the new line, one line down
    again = runner.invoke(cli, ["validate", "--fix", "--framework", str(folder)])
    assert "cfgraph: 0 change(s) written" in again.stderr


def test_validate_fix_rewrites_derived_rows_and_the_descriptor(runner: CliRunner, tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    targets = folder / "outcome_targets.csv"
    kept = targets.read_text(encoding="utf-8")
    targets.write_text("\n".join(kept.splitlines()[:-2]) + "\n", encoding="utf-8")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["path"] != "reviews.csv"]
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--fix", "--framework", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stderr.replace(str(folder), "fw").splitlines()[:3] == [
        "fixed fw/datapackage.json: written: it declares the tables and columns the folder has",
        "fixed fw/outcome_targets.csv: rewritten from target_lists.csv: 19 row(s) (it held 17)",
        "cfgraph: 2 change(s) written",
    ]
    assert targets.read_text(encoding="utf-8") == kept
    assert (folder / "datapackage.json").read_text(encoding="utf-8") == (
        cfgraph.MINI / "datapackage.json"
    ).read_text(encoding="utf-8")


def test_cite_gives_the_page_of_a_source_with_page_breaks(runner: CliRunner, tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    source = folder / "source" / "examplestan-2026-2030.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[20] = "\f" + lines[20]  # a PDF's text: a form feed starts page 2 on line 21
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["cite", lines[21], "--framework", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(p["lines"], p["page"]) for p in json.loads(result.stdout)] == [("22", 2)]
    assert cfgraph.validate(folder).errors  # the sha256 no longer matches: the source changed


def test_accept_all_tables_in_one_run(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "fw"
    source = RIVERLAND / "sources" / "riverland-cf-2027-2031.txt"
    imported = runner.invoke(cli, ["import", "document", str(source), "--out", str(out), "--iso3", "RVL"])
    assert imported.exit_code == 0, imported.output
    drafts = {p.stem for p in out.glob("*.csv") if ",draft" in p.read_text(encoding="utf-8")}
    result = runner.invoke(cli, ["accept", "--all-tables", "--framework", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert {line.split(":")[0] for line in lines[:-1]} == drafts
    total = sum(int(x.split()[1]) for x in lines[:-1])
    assert lines[-1] == f"{total} row(s) accepted in {len(drafts)} table(s)"
    assert not any(",draft" in p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    again = runner.invoke(cli, ["accept", "--all-tables", "--framework", str(out)])
    assert again.stderr == "0 row(s) accepted in 0 table(s)\n"
    both = runner.invoke(cli, ["accept", "outcomes", "--all-tables", "--framework", str(out)])
    assert both.exit_code == 2 and "give TABLE or --all-tables, not both" in both.stderr
    neither = runner.invoke(cli, ["accept", "--framework", str(out)])
    assert neither.exit_code == 2 and "give a TABLE (or --all-tables)" in neither.stderr
