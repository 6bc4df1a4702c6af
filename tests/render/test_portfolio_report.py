"""The portfolio report in a real headless Chromium: the index page lists each framework, links to
its own report, shows the cross-country tables, escapes hostile names and fetches nothing."""

from __future__ import annotations

import csv
from typing import Any

import pytest

import cfgraph
from cfgraph.analysis import portfolio as pf
from cfgraph.render.report import Report
from cfgraph.render.report.portfolio import build_portfolio_report
from tests.render.test_report_browser import _clean, visit
from tests.render.test_views import EVIL, hostile_framework


@pytest.fixture(scope="module")
def portfolio_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[cfgraph.Framework], Report]:
    base = tmp_path_factory.mktemp("portfolio-report")
    fws = [cfgraph.load(hostile_framework(base)), cfgraph.load()]
    return fws, build_portfolio_report(fws, base / "report", group="peace")


def test_the_folder_holds_each_framework_report_and_the_tables(portfolio_report: Any) -> None:
    fws, report = portfolio_report
    root = report.index.parent
    for fw in fws:
        assert (root / fw.info.id / "index.html").is_file()
    with (root / "tables" / "coverage.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    expected = pf.partner_coverage(fws, "ngo-cso", "peace")
    assert [(r["framework"], r["outcome"], int(r["partners_count"])) for r in rows] == [
        (c.framework, c.outcome, c.partners_count) for c in expected
    ]
    html = report.index.read_text(encoding="utf-8")
    assert "<script>window" not in html and "&lt;script&gt;" in html


def test_the_index_page_in_chromium(browser: Any, portfolio_report: Any) -> None:
    fws, report = portfolio_report
    root = report.index.parent
    for seen in visit(browser, report.index, root):
        page = seen.page
        assert page.locator("#report-title").inner_text() == "Portfolio of 2 Cooperation Frameworks"
        titles = page.locator("#frameworks-table tbody td:nth-child(2)").all_inner_texts()
        assert titles == [fw.info.title for fw in fws]
        assert EVIL["script"] in titles[0]  # shown literally, never run
        hrefs = page.eval_on_selector_all("#frameworks-table a", "as => as.map(a => a.getAttribute('href'))")
        assert hrefs == [f"{fw.info.id}/index.html" for fw in fws]
        assert all((root / h).is_file() for h in hrefs)
        shared = page.locator("#targets-table tbody tr").count()
        assert shared == len(pf.targets_across(fws)) > 0
        footprint = page.locator("#footprint-table tbody tr").count()
        assert footprint == len(pf.agency_footprint(fws))
        page.locator("#footprint-table th", has_text="Outcomes").first.click()
        counts = [int(t) for t in page.locator("#footprint-table tbody td:nth-child(4)").all_inner_texts()]
        assert counts == sorted(counts, reverse=True)
        _clean(seen)
    for seen in visit(browser, root / fws[1].info.id / "index.html", root):  # the framework's own report
        assert seen.page.locator("#report-title").inner_text() == fws[1].info.title
        _clean(seen)


def test_headings_keep_the_vocabulary_case_and_empty_tables_say_why(tmp_path: Any) -> None:
    import dataclasses

    mini = cfgraph.load(cfgraph.MINI)
    other = dataclasses.replace(mini, info=dataclasses.replace(mini.info, id="other-2026-2030"),
                                outcome_targets=())  # fmt: skip
    report = build_portfolio_report([mini, other], tmp_path / "report", group="zzz", framework_reports=False)
    html = report.index.read_text(encoding="utf-8")
    assert "<h2>Partners of type NGO / civil society on each outcome (zzz)</h2>" in html
    assert '<p class="lead">0 SDG targets are listed by at least two frameworks' in html
    assert (
        '<p id="targets-table-empty" class="empty">No SDG target is listed by the outcomes of two frameworks '
        "or more (a target that an indicator measures counts once an outcome&#39;s target list names it).</p>"
    ) in html
    assert (
        '<p id="coverage-table-empty" class="empty">No outcome of the result groups or thematic areas '
        "matching “zzz”.</p>"
    ) in html
