"""The portfolio report: an index page with one row per framework and the cross-country tables,
linking to each framework's own report (:func:`cfgraph.render.report.build_report`) in its folder.

The same rules as every page: an autoescaping template, the same Content-Security-Policy, scripts
only from ``lib/`` beside the page, nothing fetched from another host, tables as CSV too.

>>> import cfgraph, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> report = build_portfolio_report([cfgraph.load(cfgraph.MINI)], out, framework_reports=False)
>>> report.index.name, sorted(p.name for p in (out / "tables").iterdir())[:2]
('index.html', ['coverage.csv', 'footprint.csv'])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cfgraph.render.report import Report

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["portfolio_tables", "build_portfolio_report"]

Progress = Callable[[str], None]


def portfolio_tables(
    frameworks: Iterable[Framework], partner_type: str = "ngo-cso", group: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every table of the portfolio report, as the rows ``cfgraph portfolio …`` prints."""
    from cfgraph.analysis import portfolio as pf

    fws = list(frameworks)
    return {
        "frameworks": pf.framework_rows(fws),
        "targets": pf.portfolio_rows(pf.targets_across(fws)),
        "footprint": pf.portfolio_rows(pf.agency_footprint(fws)),
        "coverage": pf.portfolio_rows(pf.partner_coverage(fws, partner_type, group)),
        "matrix_only": pf.portfolio_rows(pf.matrix_only_agencies(fws)),
    }


def _quiet(message: str) -> None:
    """The default progress callback: say nothing."""


def build_portfolio_report(
    frameworks: Iterable[Framework],
    out: Path | str,
    partner_type: str = "ngo-cso",
    group: str | None = None,
    progress: Progress = _quiet,
    framework_reports: bool = True,
) -> Report:
    """Write the portfolio report into *out*: ``index.html``, ``tables/*.csv`` and, unless
    *framework_reports* is false, each framework's own report in ``out/<framework id>/``.

    *partner_type* and *group* choose the coverage table (``ngo-cso`` on every outcome by default;
    *group* keeps the outcomes of result groups or thematic areas with that id or name text).
    """
    from cfgraph.io.atomic import write_text
    from cfgraph.render.page import CSP, copy_assets, template_env
    from cfgraph.render.report import build_report
    from cfgraph.render.rows import render_rows
    from cfgraph.vocabulary import PARTNER_TYPES

    fws = list(frameworks)
    out = Path(out)
    report = Report(index=out / "index.html")
    links: dict[str, str] = {}
    for fw in fws:
        if framework_reports:
            progress(f"writing the report of {fw.info.id}")
            report.files += build_report(fw, out / fw.info.id).files
            links[fw.info.id] = f"{fw.info.id}/index.html"
    progress("computing the cross-country tables")
    tables = portfolio_tables(fws, partner_type, group)
    for name, rows in sorted(tables.items()):
        report.files.append(write_text(out / "tables" / f"{name}.csv", render_rows(rows, "csv")))
    report.files += copy_assets(out / "lib")
    html = (
        template_env()
        .get_template("portfolio.html.j2")
        .render(
            csp=CSP,
            frameworks=fws,
            countries=sorted({fw.info.country for fw in fws}),
            tables=tables,
            links=links,
            partner_type_name=PARTNER_TYPES[partner_type].display,
            group=group,
            gaps=sum(1 for r in tables["coverage"] if not r["partners_count"]),
            csv_files=sorted(f"tables/{name}.csv" for name in tables),
        )
    )
    report.files.append(write_text(report.index, html))
    progress(f"portfolio report written: {report.index}")
    return report
