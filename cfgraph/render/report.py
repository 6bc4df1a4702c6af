"""The report: a folder with ``index.html``, every view, static charts and CSV tables, all offline.

>>> import cfgraph, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> report = build_report(cfgraph.load(cfgraph.MINI), out)
>>> report.index.name, sorted(p.name for p in (out / "views").iterdir())[:2]
('index.html', ['indicator-map.html', 'lnob-map.html'])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cfgraph.render import report_data as rd
from cfgraph.render.viewgraph import short

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["COUNT_LABELS", "Report", "build_report", "heat_cells", "highlights"]

Progress = Callable[[str], None]


@dataclass
class Report:
    """What :func:`build_report` wrote."""

    index: Path
    files: list[Path] = field(default_factory=list)
    views: list[dict[str, Any]] = field(default_factory=list)


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

#: how the report names the counts of :func:`cfgraph.summary.framework_counts`.
COUNT_LABELS = {
    "thematic_areas": "thematic areas",
    "result_groups": "result groups",
    "outcomes": "outcomes",
    "sdg_targets": "SDG targets",
    "sdg_goals": "SDGs",
    "agencies": "UN agencies",
    "partners": "partners",
    "lnob_groups": "LNOB groups",
    "indicators": "indicators",
    "sub_indicators": "sub-indicators",
    "outcome_links": "stated outcome links",
    "target_link_statements": "target interlinkage statements",
    "target_link_pairs": "target pairs linked",
}


def highlights(tables: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str, str]]:
    """The few facts a reader should see first: (heading, text, link to the section)."""
    found: list[tuple[str, str, str]] = []
    severities: dict[str, int] = {}
    for f in tables["findings"]:
        severities[f["severity"]] = severities.get(f["severity"], 0) + 1
    if severities:
        plural = {"error": "errors", "warning": "warnings", "info": "notes"}
        text = ", ".join(
            f"{n} {plural.get(s, s) if n != 1 else s}"
            for s, n in sorted(severities.items(), key=lambda i: (SEVERITY_ORDER.get(i[0], 9), i[0]))
        )
        found.append(("Findings", f"{sum(severities.values())} findings to review: {text}", "#findings"))
    if tables["synergies"]:
        s = tables["synergies"][0]
        found.append(
            (
                "Strongest synergy",
                f"Outcomes {s['outcome_a']} and {s['outcome_b']} (score {s['score']}, "
                f"{s['shared_targets']} shared targets, {s['shared_agencies']} shared agencies)",
                "#synergies",
            )
        )
    if tables["target_centrality"]:
        t = tables["target_centrality"][0]
        found.append(("Leverage target", f"SDG {t['target']}: {short(t['title'], 120)}", "#targets"))
    if tables["agency_outcome"]:
        a = tables["agency_outcome"][0]
        found.append(("Most involved UN agency", f"{a['agency']} (score {a['total']})", "#who"))
    if tables["partner_outcome"]:
        p = tables["partner_outcome"][0]
        found.append(("Most named partner", f"{p['partner']} (score {p['total']})", "#who"))
    return found


def _quiet(message: str) -> None:
    """The default progress callback: say nothing."""


def heat_cells(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> list[list[dict[str, Any]]]:
    """For each row, one ``{"value", "style"}`` per column: a background from white to blue by value.

    >>> heat_cells([{"a": 0, "b": 4}], ["a", "b"])[0][1]["style"]
    'background-color: rgba(0, 114, 178, 0.85); color: #fff'
    """
    peak = max((float(r.get(c, 0) or 0) for r in rows for c in columns), default=0.0) or 1.0
    table = []
    for r in rows:
        cells = []
        for c in columns:
            value = float(r.get(c, 0) or 0)
            alpha = round(0.1 + 0.75 * value / peak, 2) if value else 0.0
            style = (
                f"background-color: rgba(0, 114, 178, {alpha}); color: {'#fff' if alpha > 0.5 else '#222'}"
                if value
                else ""
            )
            cells.append({"value": r.get(c, 0), "style": style})
        table.append(cells)
    return table


def _write_views(fw: Framework, out: Path, progress: Progress, report: Report) -> None:
    from cfgraph.io.atomic import write_text
    from cfgraph.render.pyvis_offline import copy_assets
    from cfgraph.render.viewgraph import framework_graph
    from cfgraph.render.views import list_views, render_view

    progress("building the framework graph")
    graph = framework_graph(fw)
    report.files += copy_assets(out / "lib")
    for spec in list_views():
        progress(f"drawing view {spec.name}")
        view = render_view(fw, spec.name, graph=graph, back_link="../index.html", lib="../lib")
        report.files.append(write_text(out / "views" / f"{spec.name}.html", view.html))
        report.views.append(
            {
                "name": spec.name,
                "title": spec.title,
                "description": spec.description,
                "href": f"views/{spec.name}.html",
                "nodes": view.nodes,
                "edges": view.edges,
            }
        )


def _write_tables(tables: dict[str, list[dict[str, Any]]], out: Path, report: Report) -> None:
    from cfgraph.io.atomic import write_text
    from cfgraph.render.rows import render_rows

    for name, rows in sorted(tables.items()):
        report.files.append(write_text(out / "tables" / f"{name}.csv", render_rows(rows, "csv")))


def _write_charts(
    fw: Framework, tables: dict[str, list[dict[str, Any]]], out: Path, report: Report
) -> dict[str, str]:
    from cfgraph.io.atomic import write_bytes
    from cfgraph.render.charts import bar_chart, heatmap
    from cfgraph.render.viewstyle import COMMUNITY_COLOURS

    outcomes = [o.id for o in fw.outcomes]
    top = tables["target_centrality"][:20]
    charts = {
        "agency-outcome": heatmap(tables["agency_outcome"], "agency", outcomes, "UN agencies × outcomes"),
        "partner-outcome": heatmap(tables["partner_outcome"], "partner", outcomes, "Partners × outcomes"),
        "target-centrality": bar_chart(
            [f"{r['target']}  {r['title']}" for r in top],
            [r["pagerank"] for r in top],
            "Most connected SDG targets (colour = community)",
            "PageRank in the target network",
            [COMMUNITY_COLOURS[min(max(r["community"] - 1, 0), len(COMMUNITY_COLOURS) - 1)] for r in top],
        ),
    }
    for name, (png, svg) in sorted(charts.items()):
        report.files.append(write_bytes(out / "charts" / f"{name}.png", png))
        report.files.append(write_bytes(out / "charts" / f"{name}.svg", svg))
    return {name: f"charts/{name}" for name in charts}


def _collect(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    from cfgraph.render.report_analysis import check_rows, findings_rows, synergy_table, target_table

    findings = findings_rows(fw)
    return {
        "outcomes": rd.outcome_rows(fw),
        "findings": findings,
        "checks": check_rows(findings),
        "synergies": synergy_table(fw),
        "agency_outcome": rd.agency_outcome_rows(fw),
        "partner_outcome": rd.partner_outcome_rows(fw),
        "target_centrality": target_table(fw),
    }


def build_report(fw: Framework, out: Path | str, progress: Progress = _quiet) -> Report:
    """Write the report for *fw* into the folder *out*; *progress* hears about each slow step.

    The report is built in a new folder beside *out*, which then replaces *out* as a whole: a run
    that fails half way leaves the old report as it was (:func:`cfgraph.io.atomic.replaced_folder`).
    """
    from cfgraph.io.atomic import replaced_folder

    out = Path(out)
    with replaced_folder(out, "report") as staging:
        built = _build(fw, staging, progress)
    report = Report(
        index=out / "index.html",
        files=[out / f.relative_to(staging) for f in built.files],
        views=built.views,
    )
    progress(f"report written: {report.index}")
    return report


def _build(fw: Framework, out: Path, progress: Progress) -> Report:
    from cfgraph.io.atomic import write_text
    from cfgraph.render.pyvis_offline import CSP, template_env
    from cfgraph.summary import framework_counts

    report = Report(index=out / "index.html")
    _write_views(fw, out, progress, report)
    progress("computing findings, synergies and centrality")
    tables = _collect(fw)
    _write_tables(tables, out, report)
    progress("drawing charts")
    charts = _write_charts(fw, tables, out, report)
    outcomes = [o.id for o in fw.outcomes]
    severities: dict[str, int] = {}
    for f in tables["findings"]:
        severities[f["severity"]] = severities.get(f["severity"], 0) + 1
    progress("writing index.html")
    html = (
        template_env()
        .get_template("report.html.j2")
        .render(
            fw=fw,
            csp=CSP,
            counts=[(COUNT_LABELS.get(k, k), v) for k, v in framework_counts(fw).items()],
            highlights=highlights(tables),
            tables=tables,
            outcomes=outcomes,
            views=report.views,
            charts=charts,
            severities=sorted(severities.items(), key=lambda i: (SEVERITY_ORDER.get(i[0], 9), i[0])),
            result_groups=fw.result_groups,
            agency_heat=heat_cells(tables["agency_outcome"], outcomes),
            partner_heat=heat_cells(tables["partner_outcome"], outcomes),
            outcome_columns=lambda ids: [(o, f"Outcome {o}") for o in ids],
            csv_files=sorted(f"tables/{name}.csv" for name in tables),
        )
    )
    write_text(report.index, html)
    report.files.append(report.index)
    return report
