"""The report's theory-of-change review and the scored theory-of-change view in a real headless
Chromium (the Playwright fixtures of test_report_browser.py): the diverging heat map, the
contested and unreviewed links, the consensus edges coloured and thickened by the median, and each
reviewer's score and comment in the Details panel, shown literally, with no script run."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

import cfgraph
from cfgraph.render.report import Report, build_report
from tests.render.test_report_browser import _clean, visit
from tests.render.test_views import EVIL
from tests.review.examples import reviewed_mini

#: Bo's comment on 2.1 -> 1.1 would run code if it became markup.
COMMENT = f'{EVIL["img"]} «учителя» & "engineers"'


@pytest.fixture(scope="module")
def reviewed_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[cfgraph.Framework, Report]:
    fw = reviewed_mini()
    reviews = tuple(
        dataclasses.replace(r, comment=COMMENT, confidence="high")
        if (r.reviewer, r.source, r.target) == ("Bo", "2.1", "1.1")
        else r
        for r in fw.reviews
    )
    fw = dataclasses.replace(fw, reviews=reviews)
    return fw, build_report(fw, tmp_path_factory.mktemp("reviewed") / "report")


def _rows(page: Any, table: str) -> list[list[str]]:
    rows: list[list[str]] = page.eval_on_selector_all(
        f"#{table} tbody tr", "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.trim()))"
    )
    return rows


def test_review_section(browser: Any, reviewed_report: Any) -> None:  # noqa: F811
    _, report = reviewed_report
    root = report.index.parent
    for seen in visit(browser, report.index, root):
        page = seen.page
        assert page.locator("nav a[href='#review']").inner_text() == "Theory-of-change review"
        assert page.locator("#review-summary").inner_text() == (
            "20 scores by 3 reviewers (Ann, Bo, Cy) on 8 pairs; 2 contested; 3 where reviewers and the text "
            "disagree; 1 pair on the sheets still unreviewed."
        )
        assert _rows(page, "review-matrix-table") == [
            ["Outcome 1.1", "", "-1", "-1.0"],
            ["Outcome 2.1", "+2", "", "2.0"],
        ]
        colours = page.eval_on_selector_all(
            "#review-matrix-table td.heat", "cells => cells.map(c => getComputedStyle(c).backgroundColor)"
        )
        # diverging: +2 blue, -1 red, unreviewed cells without a colour
        assert colours == [
            "rgba(0, 0, 0, 0)", "rgba(178, 24, 43, 0.38)", "rgba(33, 102, 172, 0.62)", "rgba(0, 0, 0, 0)",
        ]  # fmt: skip
        assert [r[1:3] for r in _rows(page, "review-contested-table")] == [["3.9", "5.1"], ["3.9", "6.1"]]
        assert [r[0] for r in _rows(page, "review-disagreements-table")] == [
            "stated-not-confirmed", "stated-not-confirmed", "strong-not-stated",
        ]  # fmt: skip
        assert _rows(page, "review-unreviewed-table") == [
            ["target", "4.1", "8.6", "named", "people", "stated-interlinkage"]
        ]
        ranking = page.locator("#review-ranking-table th", has_text="Influence")
        ranking.click()
        values = [float(r[2]) for r in _rows(page, "review-ranking-table")]
        assert values == sorted(values, reverse=True) and values[0] == 2.0
        figure = page.locator("img[src='charts/review-matrix.png']")
        assert figure.evaluate("i => i.complete && i.naturalWidth > 0")
        _clean(seen)


def test_scored_theory_of_change(browser: Any, reviewed_report: Any) -> None:  # noqa: F811
    fw, report = reviewed_report
    root = report.index.parent
    for seen in visit(browser, root / "views" / "theory-of-change.html", root):
        page = seen.page
        assert page.evaluate("cfgraphView.edgeCount()") == 3  # the stated link and two scored pairs
        edges = page.evaluate(
            "['e1', 'e2'].map(id => { const e = cfgraphView.network.body.edges[id];"
            " return [e.fromId, e.toId, e.options.width, e.options.color.color, e.options.label]; })"
        )
        fid = fw.info.id
        assert edges == [
            [f"{fid}/outcome/1.1", f"{fid}/outcome/2.1", 2.5, "#f4a582", "-1"],  # median -1: 1 + 1.5
            [f"{fid}/outcome/2.1", f"{fid}/outcome/1.1", 4, "#4393c3", "+2"],  # median +2: thicker, blue
        ]
        legend = page.locator("#legend-edges").inner_text()
        assert (
            "reviewers' consensus: +2 reinforcing" in legend
            and "reviewers' consensus: -1 constraining" in legend
        )
        page.evaluate(
            "cfgraphView.network.body.emitter.emit('click', {nodes: [], edges: ['e2'], pointer: {}})"
        )
        details = page.locator("#details")
        assert (
            details.locator(".tip-title").inner_text()
            == "Reviewers: outcome 2.1 → outcome 1.1: +2 reinforcing"
        )
        facts = details.locator("dl").inner_text()
        assert "Ann\n+2" in facts and "Cy\n+3" in facts
        assert f"Bo\n+1 · high confidence · {COMMENT}" in facts  # the comment shows as text
        assert details.locator("img").count() == 0
        assert fw.outcome_links[0].quote in details.inner_text()
        page.locator("input[data-filter='outcome-review|+2']").uncheck()
        assert page.evaluate("cfgraphView.edgeCount()") == 2
        _clean(seen)
