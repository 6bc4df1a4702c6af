"""The report and every view in a real headless Chromium (Debian's, driven by Playwright).

Checks what a reader sees: the network draws the expected number of nodes, no JavaScript error,
no request leaves the output folder, and names holding `<script>`, `<img onerror>`, quotes and
Cyrillic run no code and show literally in headings, menus, legends and tooltips.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import cfgraph
from cfgraph.render.report import Report, build_report
from tests.render.test_views import EVIL, MINI_COUNTS, VIEWS, hostile_framework

#: The hostile names change one count: "женщины <img…>" no longer matches "Young women" in an indicator.
HOSTILE_COUNTS = {**MINI_COUNTS, "lnob-map": (9, 8)}


@dataclass
class Visit:
    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[cfgraph.Framework, Report]:
    base = tmp_path_factory.mktemp("hostile")
    fw = cfgraph.load(hostile_framework(base))
    return fw, build_report(fw, base / "report")


@pytest.fixture(scope="module")
def kz_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_report(cfgraph.load(), tmp_path_factory.mktemp("kz") / "report")


def visit(browser: Any, path: Path, root: Path) -> Iterator[Visit]:
    page = browser.new_page(viewport={"width": 1300, "height": 850})
    seen = Visit(page)
    page.on("pageerror", lambda exc: seen.errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda msg: (
            seen.errors.append(f"{msg.type}: {msg.text}") if msg.type in ("error", "warning") else None
        ),
    )
    page.on("request", lambda req: seen.requests.append(req.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    yield seen
    outside = [u for u in seen.requests if not u.startswith(root.resolve().as_uri() + "/")]
    assert outside == [], f"requests outside the output folder: {outside}"
    page.close()


def _clean(seen: Visit) -> None:
    assert seen.errors == []
    assert seen.page.evaluate("typeof window.__pwned") == "undefined"


def test_report_index_shows_names_literally_and_links_every_view(browser: Any, hostile_report: Any) -> None:
    fw, report = hostile_report
    root = report.index.parent
    for seen in visit(browser, report.index, root):
        page = seen.page
        assert page.locator("#report-title").inner_text() == fw.info.title
        assert EVIL["script"] in fw.info.title
        assert page.title() == f"{fw.info.title} · cfgraph report"
        hrefs = page.eval_on_selector_all(".view-card", "cards => cards.map(c => c.getAttribute('href'))")
        assert hrefs == [f"views/{name}.html" for name in VIEWS]
        assert all((root / h).is_file() for h in hrefs)
        body = page.locator("main").inner_text()
        for text in ('Министерство "водных" ресурсов & O\'Brien', EVIL["img"], "Планета"):
            assert text in body
        assert page.locator("img").evaluate_all("imgs => imgs.every(i => i.complete && i.naturalWidth > 0)")
        assert page.locator("#findings-table tbody tr").count() == len(report.views) * 0 + len(
            [r for r in (root / "tables" / "findings.csv").read_text(encoding="utf-8").splitlines()[1:] if r]
        )
        _clean(seen)


def test_report_tables_sort_by_clicked_column(browser: Any, kz_report: Report) -> None:
    for seen in visit(browser, kz_report.index, kz_report.index.parent):
        page = seen.page
        header = page.locator("#agency-outcome-table th", has_text="Agency")
        header.click()
        first = page.locator("#agency-outcome-table tbody tr td:first-child").all_inner_texts()
        assert first == sorted(first, key=str.lower, reverse=True)
        header.click()
        again = page.locator("#agency-outcome-table tbody tr td:first-child").all_inner_texts()
        assert again == sorted(first, key=str.lower)
        total = page.locator("#agency-outcome-table th", has_text="Total")
        total.click()
        totals = [
            int(t) for t in page.locator("#agency-outcome-table tbody tr td:last-child").all_inner_texts()
        ]
        assert totals == sorted(totals, reverse=True) and totals[0] > totals[-1]
        _clean(seen)


@pytest.mark.parametrize("name", VIEWS)
def test_hostile_view_draws_and_escapes(browser: Any, hostile_report: Any, name: str) -> None:
    fw, report = hostile_report
    root = report.index.parent
    for seen in visit(browser, root / "views" / f"{name}.html", root):
        page = seen.page
        assert page.evaluate("cfgraphView.drawnNodeCount()") == HOSTILE_COUNTS[name][0]
        assert page.evaluate("cfgraphView.edgeCount()") == HOSTILE_COUNTS[name][1]
        assert page.locator("#framework-title").inner_text() == fw.info.title
        options = page.eval_on_selector_all("#search-list option", "os => os.map(o => o.value)")
        assert len(options) == HOSTILE_COUNTS[name][0]
        if name == "stakeholder-map":
            partner = fw.partner("ministry-of-water").name
            assert f"{partner} (partner)" in options
            assert f"{fw.agency('unicef').label} (UN agency)" in options
        if name == "theory-of-change":  # outcomes are coloured by result group: its name is in the legend
            legend = seen.page.locator("#legend-nodes").inner_text()
            assert f"Outcome: {fw.result_groups[0].name}" in legend
            assert EVIL["img"] in fw.result_groups[0].name
        _clean(seen)


def _hover(page: Any, node: str) -> str:
    point = page.evaluate(
        "id => { const n = cfgraphView.network; const p = n.canvasToDOM(n.getPositions([id])[id]);"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return {x: p.x + r.left, y: p.y + r.top}; }",
        node,
    )
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    text: str = page.locator("div.vis-tooltip").inner_text()
    page.mouse.click(point["x"], point["y"])
    return text


def test_tooltips_and_details_show_text_literally(browser: Any, hostile_report: Any) -> None:
    fw, report = hostile_report
    root = report.index.parent
    for seen in visit(browser, root / "views" / "stakeholder-map.html", root):
        page = seen.page
        partner = fw.partner("ministry-of-water").name
        assert partner in _hover(page, f"{fw.info.id}/partner/ministry-of-water")
        assert page.locator("#details .tip-title").inner_text() == partner
        assert fw.agency("unicef").label in _hover(page, f"{fw.info.id}/agency/unicef")
        legend = page.locator("#legend-nodes").inner_text()
        assert "UN agency" in legend and "Partner: ministry" in legend
        _clean(seen)
    for seen in visit(browser, root / "views" / "theory-of-change.html", root):
        page = seen.page
        quote = fw.outcome_links[0].quote
        page.evaluate(
            "cfgraphView.network.body.emitter.emit('click', {nodes: [], edges: ['e0'], pointer: {}})"
        )
        details = page.locator("#details").inner_text()
        assert quote in details and "source lines 16" in details
        assert fw.outcome("1.1").statement in _hover(page, f"{fw.info.id}/outcome/1.1")
        _clean(seen)


def test_filters_hide_a_kind(browser: Any, hostile_report: Any) -> None:
    _, report = hostile_report
    root = report.index.parent
    for seen in visit(browser, root / "views" / "stakeholder-map.html", root):
        page = seen.page
        page.locator("input[data-filter='agency']").uncheck()
        assert page.evaluate("cfgraphView.nodeCount()") == MINI_COUNTS["stakeholder-map"][0] - 4
        assert "8 of 12 nodes" in page.locator("#counts").inner_text()
        drawn_links = page.evaluate(  # links vis-network draws: both ends drawn
            "Object.values(cfgraphView.network.body.edges).filter(e => e.connected).length"
        )
        assert page.evaluate("cfgraphView.edgeCount()") == drawn_links
        assert f"{drawn_links} of " in page.locator("#counts").inner_text()
        page.locator("#reset").click()
        assert page.evaluate("cfgraphView.nodeCount()") == MINI_COUNTS["stakeholder-map"][0]
        _clean(seen)


def test_kazakhstan_views_draw_every_node(browser: Any, kz_report: Report) -> None:
    root = kz_report.index.parent
    assert [v["name"] for v in kz_report.views] == VIEWS
    for view in kz_report.views:
        for seen in visit(browser, root / view["href"], root):
            assert view["nodes"] > 5
            assert seen.page.evaluate("cfgraphView.drawnNodeCount()") == view["nodes"]
            assert seen.page.evaluate("cfgraphView.edgeCount()") == view["edges"]
            _clean(seen)


def test_focused_view_from_the_command(browser: Any, runner: Any, tmp_path: Path) -> None:
    from cfgraph.cli import cli

    out = tmp_path / "focus" / "undp.html"
    result = runner.invoke(cli, ["view", "stakeholder-map", "--focus", "undp", "--out", str(out)])
    assert result.exit_code == 0, result.output
    for seen in visit(browser, out, out.parent):
        drawn = seen.page.evaluate("cfgraphView.drawnNodeCount()")
        assert drawn == int(seen.page.locator("#counts").inner_text().split()[0])
        assert "neighbourhood of UNDP (agency:undp)" in seen.page.locator(".bar .sub").inner_text()
        assert seen.page.evaluate("cfgraphView.network.getSelectedNodes()") == [
            "kazakhstan-2021-2025/agency/undp"
        ]
        assert seen.page.locator("#details .tip-title").inner_text() == "UNDP"
        _clean(seen)


def test_an_empty_view_opens_without_error(browser: Any, tmp_path: Path) -> None:
    from cfgraph.render.views import write_view
    from tests.conftest import framework_copy

    fw_dir = framework_copy(tmp_path)
    links = fw_dir / "outcome_links.csv"
    links.write_text(links.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    out = tmp_path / "out" / "toc.html"
    view = write_view(cfgraph.load(fw_dir), "theory-of-change", out)
    assert (view.nodes, view.edges) == (0, 0)
    for seen in visit(browser, out, out.parent):
        assert seen.page.evaluate("cfgraphView.drawnNodeCount()") == 0
        assert "0 nodes, 0 links" in seen.page.locator("#counts").inner_text()
        _clean(seen)
