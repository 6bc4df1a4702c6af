"""The report's new pages and tools in real Chromium: the page per outcome and per agency, the
findings filter, a multi-focus view, the theory of change's generic-link toggle and the image
export. Each visit checks: no JavaScript error, no request outside the output folder."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

import cfgraph
from cfgraph.render.report import Report, build_report
from cfgraph.render.views import write_view
from cfgraph.vocabulary import LINK_KINDS
from tests.render.test_report_browser import _clean, visit

__all__: list[str] = []


@pytest.fixture(scope="module")
def kz_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_report(cfgraph.load(), tmp_path_factory.mktemp("kz-pages") / "report")


def test_outcome_page_shows_targets_side_by_side_agencies_and_quoted_links(
    browser: Any, kz_report: Report, kz: cfgraph.Framework
) -> None:
    root = kz_report.index.parent
    for seen in visit(browser, root / "outcomes" / "3.2.html", root):
        page = seen.page
        assert page.locator("#page-title").inner_text() == "Outcome 3.2"
        assert kz.outcome("3.2").statement in page.locator("#statement").inner_text()
        rows = page.locator("table.side-by-side tbody tr")
        codes = {t.code for t in kz.targets_of("3.2")}
        assert rows.count() == len(codes)
        agencies = page.locator("#agencies li").all_inner_texts()
        assert any(a.startswith("UNEP") for a in agencies)
        links = page.locator("#links li")
        assert links.count() == sum("3.2" in (ol.source, ol.target) for ol in kz.outcome_links)
        assert page.locator("#links .generic").count() > 0  # generic statements are marked
        assert page.locator("#links blockquote").count() == links.count()
        page.locator("#agencies a", has_text="UNEP").first.click()
        page.wait_for_selector("body[data-ready='1']")
        assert page.locator("#page-title").inner_text() == "UNEP"
        assert "3.2" in page.locator("#outcomes").inner_text()
        _clean(seen)


def test_report_links_every_outcome_and_agency_page(
    browser: Any, kz_report: Report, kz: cfgraph.Framework
) -> None:
    root = kz_report.index.parent
    for seen in visit(browser, kz_report.index, root):
        page = seen.page
        hrefs = page.eval_on_selector_all("a.outcome-page", "as => as.map(a => a.getAttribute('href'))")
        assert sorted(hrefs) == [f"outcomes/{o.id}.html" for o in kz.outcomes]
        agencies = page.eval_on_selector_all(".agency-pages a", "as => as.map(a => a.getAttribute('href'))")
        assert len(agencies) == len(kz.agencies) and all((root / h).is_file() for h in agencies)
        glance = page.locator("#glance").inner_text()
        assert "broadest: IOM, on all 6 outcomes" in glance
        _clean(seen)


def test_findings_filter_by_outcome_check_and_severity(browser: Any, kz_report: Report) -> None:
    root = kz_report.index.parent
    text = (root / "tables" / "findings.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    for seen in visit(browser, kz_report.index, root):
        page = seen.page
        visible = page.locator("#findings-table tbody tr:not([hidden])")
        assert visible.count() == len(rows)
        page.select_option("select[data-filter='outcome']", "2.1")
        expected = [r for r in rows if "2.1" in r["outcomes"].split("; ")]
        assert visible.count() == len(expected)
        assert page.locator("#findings-shown").inner_text() == f"{len(expected)} of {len(rows)} findings"
        page.select_option("select[data-filter='severity']", "warning")
        expected = [r for r in expected if r["severity"] == "warning"]
        assert visible.count() == len(expected) > 0
        page.select_option("select[data-filter='outcome']", "")
        page.select_option("select[data-filter='severity']", "")
        page.select_option("select[data-filter='check']", "recorded-inconsistency")
        assert visible.count() == sum(r["check"] == "recorded-inconsistency" for r in rows)
        _clean(seen)


def test_multi_focus_view_draws_both_neighbourhoods(
    browser: Any, tmp_path: Path, kz: cfgraph.Framework
) -> None:
    out = tmp_path / "views" / "meeting.html"
    view = write_view(kz, "stakeholder-map", out, ["unicef", "ministry-of-healthcare"])
    for seen in visit(browser, out, out.parent):
        page = seen.page
        assert page.evaluate("window.cfgraphView.nodeCount()") == view.nodes
        assert page.evaluate("window.cfgraphView.drawnNodeCount()") == view.nodes
        focus = page.locator("#focus").inner_text()
        assert "UNICEF (agency:unicef)" in focus and "Ministry of Healthcare" in focus
        selected = page.evaluate("window.cfgraphView.network.getSelectedNodes()")
        fid = kz.info.id
        assert sorted(selected) == [f"{fid}/agency/unicef", f"{fid}/partner/ministry-of-healthcare"]
        page.fill("#search", "healthc")
        page.press("#search", "Enter")
        assert page.evaluate("window.cfgraphView.network.getSelectedNodes()") == [
            f"{kz.info.id}/partner/ministry-of-healthcare"
        ]
        _clean(seen)


def test_theory_of_change_generic_links_toggle(
    browser: Any, kz_report: Report, kz: cfgraph.Framework
) -> None:
    root = kz_report.index.parent
    for seen in visit(browser, root / "views" / "theory-of-change.html", root):
        page = seen.page
        total = page.evaluate("window.cfgraphView.edgeCount()")
        pairs = {frozenset((ol.source, ol.target)) for ol in kz.outcome_links}
        assert total == len(pairs)
        generic_only = {p for p in pairs if all(ol.stated_as == "all-others" for ol in kz.outcome_links
                                                if frozenset((ol.source, ol.target)) == p)}  # fmt: skip
        box = page.locator("input[data-filter='outcome-link|generic']")
        assert box.count() == 1
        box.uncheck()
        assert page.evaluate("window.cfgraphView.edgeCount()") == total - len(generic_only)
        box.check()
        assert page.evaluate("window.cfgraphView.edgeCount()") == total
        arrows = page.evaluate("window.cfgraphView.network.body.data.edges.get().map(e => e.arrows)")
        # an arrowhead only where a directed kind links the pair
        assert sum(a["to"]["enabled"] or a["from"]["enabled"] for a in arrows) == sum(
            1 for p in pairs
            if any(LINK_KINDS[ol.kind].arrow for ol in kz.outcome_links if {ol.source, ol.target} == p)
        )
        _clean(seen)


def test_image_export_saves_png_and_svg(browser: Any, kz_report: Report, tmp_path: Path) -> None:
    root = kz_report.index.parent
    for seen in visit(browser, root / "views" / "stakeholder-map.html", root):
        page = seen.page
        page.locator("input[data-filter='partner|ngo-cso']").uncheck()
        with page.expect_download() as png:
            page.click("#save-png")
        png_path = tmp_path / png.value.suggested_filename
        png.value.save_as(png_path)
        assert png_path.name == "stakeholder-map.png"
        assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png_path.stat().st_size > 10_000
        with page.expect_download() as svg:
            page.click("#save-svg")
        svg_path = tmp_path / svg.value.suggested_filename
        svg.value.save_as(svg_path)
        text = svg_path.read_text(encoding="utf-8")
        drawn = page.evaluate("window.cfgraphView.nodeCount()")
        assert text.startswith("<svg") and text.count("<circle") == drawn
        _clean(seen)
