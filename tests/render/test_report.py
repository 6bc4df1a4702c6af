"""``cfgraph report`` and its library: files, tables, charts, determinism (browser checks in
test_report_browser.py)."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from pathlib import Path

import pytest

import cfgraph
from cfgraph.analysis.matrix import actor_outcome_matrix
from cfgraph.errors import OutputError
from cfgraph.render.report import build_report, heat_cells, highlights, report_tables
from cfgraph.render.report.charts import bar_chart, heatmap
from tests.render.test_views import VIEWS, hostile_framework


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def mini_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mini") / "report"
    build_report(cfgraph.load(cfgraph.MINI), out)
    return out


def test_report_writes_every_part(mini_report: Path) -> None:
    files = sorted(str(p.relative_to(mini_report)) for p in mini_report.rglob("*") if p.is_file())
    assert files == sorted(
        [
            "index.html",
            *(f"views/{v}.html" for v in VIEWS),
            "outcomes/1.1.html",
            "outcomes/2.1.html",
            *(f"agencies/{a.id}.html" for a in cfgraph.load(cfgraph.MINI).agencies),
            *(
                f"charts/{c}.{ext}"
                for c in ("agency-outcome", "partner-outcome", "target-centrality")
                for ext in ("png", "svg")
            ),
            *(
                f"tables/{t}.csv"
                for t in (
                    "agency_outcome",
                    "checks",
                    "findings",
                    "outcomes",
                    "partner_outcome",
                    "review_matrix",
                    "review_pairs",
                    "review_ranking",
                    "review_status",
                    "review_unreviewed",
                    "synergies",
                    "target_centrality",
                )
            ),
            *(
                f"lib/{a}"
                for a in (
                    "cfgraph-report.css",
                    "cfgraph-report.js",
                    "cfgraph-view.css",
                    "cfgraph-view.js",
                    "vis-network-LICENSE-APACHE-2.0",
                    "vis-network-LICENSE-MIT",
                    "vis-network.css",
                    "vis-network.min.js",
                )
            ),
        ]
    )


def test_report_is_deterministic(mini_report: Path, tmp_path: Path) -> None:
    build_report(cfgraph.load(cfgraph.MINI), tmp_path / "again")
    assert _digests(tmp_path / "again") == _digests(mini_report)


def test_index_has_every_section_and_no_network_reference(mini_report: Path) -> None:
    html = (mini_report / "index.html").read_text(encoding="utf-8")
    for anchor in ("glance", "views", "findings", "synergies", "who", "targets", "review", "downloads"):
        assert f'<section id="{anchor}">' in html
    for view in VIEWS:
        assert f'href="views/{view}.html"' in html
    assert '<p id="review-summary">No reviews yet: 7 pairs wait on the sheets' in html
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    for page in (mini_report / "views").iterdir():
        text = page.read_text(encoding="utf-8")
        assert "https://" not in text and "http://" not in text
        assert 'href="../index.html"' in text and 'src="../lib/vis-network.min.js"' in text


def test_tables_hold_the_findings_and_heat_maps(mini_report: Path) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO((mini_report / "tables" / f"{name}.csv").read_text("utf-8"))))

    findings = rows("findings")
    assert {"invalid-code", "duplicate-code", "agency-without-indicator"} <= {f["check"] for f in findings}
    assert findings[0]["severity"] == "error"
    assert sum(int(c["findings"]) for c in rows("checks")) == len(findings)
    agencies = {r["name"]: r for r in rows("agency_outcome")}
    assert (agencies["UNICEF"]["1.1"], agencies["UNICEF"]["2.1"], agencies["UNICEF"]["total"]) == (
        "3",
        "0",
        "3",
    )
    assert rows("synergies")[0]["verdict"] == "stated-not-supported"
    assert [r["target"] for r in rows("target_centrality")][:1] == ["5.1"]


def test_report_tables_have_the_cli_row_shapes(mini: cfgraph.Framework, runner) -> None:  # type: ignore[no-untyped-def]
    """The report's findings.csv and synergies.csv have exactly the columns `cfgraph gaps` and
    `cfgraph synergies` print (one row shape per result)."""
    from cfgraph.cli import cli
    from cfgraph.render.rows import render_rows

    tables = report_tables(mini)
    for command, name in ((["gaps"], "findings"), (["synergies"], "synergies")):
        printed = runner.invoke(cli, [*command, "--framework", str(cfgraph.MINI), "--format", "csv"]).stdout
        assert printed == render_rows(tables[name], "csv")


def test_partner_matrix_counts_paragraph_and_indicators(mini: cfgraph.Framework) -> None:
    water = next(r for r in actor_outcome_matrix(mini, "partner") if r["name"] == "Ministry of Water")
    assert (water["1.1"], water["2.1"], water["total"]) == (2, 0, 2)  # paragraph + indicator 1.1-01
    totals = [r["total"] for r in actor_outcome_matrix(mini, "agency")]
    assert totals == sorted(totals, reverse=True)


def test_heat_cells_scale_to_the_largest_value() -> None:
    cells = heat_cells([{"a": 1, "b": 0}, {"a": 4, "b": 2}], ["a", "b"])
    assert cells[0][1] == {"value": 0, "style": ""}
    assert cells[1][0]["style"] == "background-color: rgba(0, 114, 178, 0.85); color: #fff"
    assert cells[0][0]["style"] == "background-color: rgba(0, 114, 178, 0.29); color: #222"


def test_highlights_name_the_top_of_each_table(mini_report: Path) -> None:
    html = (mini_report / "index.html").read_text(encoding="utf-8")
    assert "Strongest synergy:</b> Outcomes 1.1 and 2.1" in html
    assert (
        highlights(
            {
                "findings": [],
                "synergies": [],
                "target_centrality": [],
                "agency_outcome": [],
                "partner_outcome": [],
            },
            2,
        )
        == []
    )


def test_charts_are_deterministic_and_handle_cyrillic() -> None:
    rows = [{"name": "ЮНИСЕФ <b>", "1.1": 2, "2.1": 0}]
    first = heatmap(rows, "name", ["1.1", "2.1"], "Агентства")
    assert first == heatmap(rows, "name", ["1.1", "2.1"], "Агентства")
    png, svg = bar_chart(["5.1 Равенство"], [0.3], "Цели", "PageRank")
    assert png.startswith(b"\x89PNG") and b"<svg" in svg
    assert b"Date" not in first[1]


def test_hostile_report_escapes_and_keeps_text(tmp_path: Path) -> None:
    fw = cfgraph.load(hostile_framework(tmp_path))
    report = build_report(fw, tmp_path / "out")
    html = report.index.read_text(encoding="utf-8")
    assert html.count("<script") == 1  # the sortable-table script file only
    assert "<img" not in html.replace('<img src="charts/', "")
    assert "Министерство &#34;водных&#34; ресурсов &amp; O&#39;Brien" in html


def test_report_command_prints_progress_and_path(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cfgraph.cli import cli

    out = tmp_path / "rep"
    result = runner.invoke(cli, ["report", "--framework", str(cfgraph.MINI), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out / "index.html")
    progress = result.stderr.splitlines()
    assert progress[0] == "cfgraph: building the framework graph"
    assert [line for line in progress if "drawing view" in line] == [
        f"cfgraph: drawing view {v}" for v in VIEWS
    ]
    assert progress[-1] == f"cfgraph: report written: {out / 'index.html'}"


def test_report_command_on_a_broken_framework_fails_cleanly(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cfgraph.cli import cli

    result = runner.invoke(
        cli, ["report", "--framework", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_report_failing_midway_leaves_the_old_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini: cfgraph.Framework
) -> None:
    out = tmp_path / "report"
    build_report(mini, out)
    (out / "views" / "gone.html").write_text("from an older version", encoding="utf-8")
    before = _tree(out)

    def broken(*args: object, **kwargs: object) -> tuple[bytes, bytes]:
        raise RuntimeError("chart failed")

    monkeypatch.setattr("cfgraph.render.report.charts.heatmap", broken)
    changed = dataclasses.replace(mini, info=dataclasses.replace(mini.info, title="A changed title"))
    with pytest.raises(RuntimeError, match="chart failed"):
        build_report(changed, out)
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_a_new_report_replaces_the_old_one_as_a_whole(tmp_path: Path, mini: cfgraph.Framework) -> None:
    out = tmp_path / "report"
    build_report(mini, out)
    (out / "views" / "gone.html").write_text("from an older version", encoding="utf-8")
    report = build_report(mini, out)
    assert not (out / "views" / "gone.html").exists()
    assert report.index == out / "index.html" and report.index.is_file()
    assert all(f.is_file() and out in f.parents for f in report.files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    assert out.stat().st_mode & 0o777 == 0o777 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_folder_holding_other_files_is_not_replaced(tmp_path: Path, mini: cfgraph.Framework) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        build_report(mini, out)
    assert str(caught.value) == (
        f"cannot write the report into {out}: it holds notes.txt, which is not part of a report;"
        " give a new or empty folder"
    )
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_an_empty_table_says_why_and_one_pair_waits(tmp_path: Path, mini: cfgraph.Framework) -> None:
    import dataclasses

    bare = dataclasses.replace(mini, outcome_targets=(), target_links=())  # outcomes list no SDG target
    build_report(bare, tmp_path / "bare")
    html = (tmp_path / "bare" / "index.html").read_text(encoding="utf-8")
    assert '<table id="target-centrality-table"' not in html
    assert (
        '<p id="target-centrality-table-empty" class="empty">No SDG target to rank: no outcome lists a valid '
        "SDG target, so there is no network of targets (a target that an indicator measures counts once an "
        "outcome&#39;s target list names it).</p>"
    ) in html
    assert '<p id="review-summary">No reviews yet: 1 pair waits on the sheets' in html


def test_an_outcome_page_cites_a_fact_of_another_source_by_its_place(riverland: cfgraph.Framework) -> None:
    from cfgraph.render.report.pages import outcome_page

    first, *rest = riverland.outputs
    moved = dataclasses.replace(first, source_lines="", source_id="national-strategy", locator="goal 1")
    page = outcome_page(dataclasses.replace(riverland, outputs=(moved, *rest)), "1", [])
    assert [x["cited"] for x in page["outputs"]] == ["Source: national-strategy: goal 1", "Source lines 18"]
    assert page["cited"] == "Source lines 3"


def test_highlights_count_in_the_singular_for_one() -> None:
    tables: dict[str, list[dict[str, object]]] = {
        "findings": [{"severity": "warning"}],
        "synergies": [{"a": "1.1", "b": "2.1", "score": 0.4, "shared_targets": ["5.1"],
                       "shared_agencies": ["who"]}],
        "target_centrality": [],
        "agency_outcome": [{"name": "WHO", "total": 1, "outcomes": 1}],
        "partner_outcome": [],
    }
    assert [text for _, text, _ in highlights(tables, 1)] == [
        "1 finding to review: 1 warning",
        "Outcomes 1.1 and 2.1 (score 0.4, 1 shared target, 1 shared agency)",
        "WHO, by count: 1 tie (list entries, outputs and indicators) on 1 of 1 outcome",
    ]


def test_templates_count_in_the_singular_for_one() -> None:
    from cfgraph.render.page import template_env

    env = template_env()
    assert env.from_string('{{ 1|counted("pair") }}, {{ 2|counted("pair") }}').render() == "1 pair, 2 pairs"
