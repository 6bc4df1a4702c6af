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

from cfgraph.render.rows import counted
from cfgraph.render.views.tips import short
from cfgraph.summary import COUNT_LABELS
from cfgraph.vocabulary import POLICY_MEANINGS, SEVERITIES, SEVERITY_PLURALS

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = [
    "Report", "build_report", "heat_cells", "highlights", "most_involved", "finding_filters", "report_tables",
    "severity_counts",
]  # fmt: skip

Progress = Callable[[str], None]


@dataclass
class Report:
    """What :func:`build_report` wrote."""

    index: Path
    files: list[Path] = field(default_factory=list)
    views: list[dict[str, Any]] = field(default_factory=list)


def severity_counts(findings: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(severity, number of findings), most severe first."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    return [(s, counts[s]) for s in reversed(SEVERITIES) if s in counts]


def highlights(tables: dict[str, list[dict[str, Any]]], outcomes: int) -> list[tuple[str, str, str]]:
    """The few facts a reader should see first: (heading, text, link to the section)."""
    found: list[tuple[str, str, str]] = []
    severities = severity_counts(tables["findings"])
    if severities:
        text = ", ".join(f"{n} {SEVERITY_PLURALS[s] if n != 1 else s}" for s, n in severities)
        found.append(("Findings", f"{counted(sum(n for _, n in severities), 'finding')} to review: {text}",
                      "#findings"))  # fmt: skip
    if tables["synergies"]:
        s = tables["synergies"][0]
        found.append(
            (
                "Strongest synergy",
                f"Outcomes {s['a']} and {s['b']} (score {s['score']}, "
                f"{counted(len(s['shared_targets']), 'shared target')}, "
                f"{counted(len(s['shared_agencies']), 'shared agency')})",
                "#synergies",
            )
        )
    if tables["target_centrality"]:
        t = tables["target_centrality"][0]
        found.append(("Leverage target", f"SDG {t['target']}: {short(t['title'], 120)}", "#targets"))
    for key, heading in (
        ("agency_outcome", "Most involved UN agency"),
        ("partner_outcome", "Most named partner"),
    ):
        if tables[key] and tables[key][0]["total"]:
            found.append((heading, most_involved(tables[key], outcomes), "#who"))
    return found


def most_involved(rows: Sequence[dict[str, Any]], outcomes: int) -> str:
    """Who is most involved, by count (ties: list entries, indicators) and by breadth (outcomes);
    both are named when they differ.

    >>> rows = [{"name": "UNDP", "total": 40, "outcomes": 5}, {"name": "IOM", "total": 12, "outcomes": 6}]
    >>> most_involved(rows, 6)  # doctest: +ELLIPSIS
    'UNDP, by count: 40 ties (list entries, outputs and indicators) on 5 of 6 outcomes; broadest: ...'
    """
    top = rows[0]
    text = (
        f"{top['name']}, by count: {counted(top['total'], 'tie')} (list entries, outputs and indicators) "
        f"on {top['outcomes']} of {counted(outcomes, 'outcome')}"
    )
    broad = max(rows, key=lambda r: (r["outcomes"], r["total"]))
    if broad["outcomes"] > top["outcomes"]:
        on = f"all {outcomes}" if broad["outcomes"] == outcomes else f"{broad['outcomes']} of {outcomes}"
        text += f"; broadest: {broad['name']}, on {on} outcomes ({counted(broad['total'], 'tie')})"
    return text


def finding_filters(
    findings: Sequence[dict[str, Any]], outcomes: Sequence[str]
) -> dict[str, list[tuple[str, int]]]:
    """The choices of the findings filter with their counts: by outcome, check and severity."""

    def count(values: list[str]) -> list[tuple[str, int]]:
        return [(v, values.count(v)) for v in dict.fromkeys(values)]

    return {
        "outcome": [(o, sum(o in f["outcomes"] for f in findings)) for o in outcomes],
        "check": sorted(count([f["check"] for f in findings]), key=lambda kv: (-kv[1], kv[0])),
        "severity": [(s, n) for s, n in severity_counts(list(findings))],
    }


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
    from cfgraph.io.cache import for_framework
    from cfgraph.render.page import copy_assets
    from cfgraph.render.views import list_views, render_view
    from cfgraph.render.views.graph import framework_graph

    progress("building the framework graph")
    built: list[Any] = []

    def graph() -> Any:  # built only when a view is not in the cache
        if not built:
            built.append(framework_graph(fw))
        return built[0]

    report.files += copy_assets(out / "lib")
    for spec in list_views():
        progress(f"drawing view {spec.name}")

        def draw(name: str = spec.name) -> Any:
            return render_view(fw, name, graph=graph(), back_link="../index.html", lib="../lib")

        view = for_framework(fw, "report-view", (spec.name,), draw)
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
    from cfgraph.io.cache import for_framework

    charts = for_framework(fw, "report-charts", (), lambda: _charts(fw, tables))
    for name, (png, svg) in sorted(charts.items()):
        report.files.append(write_bytes(out / "charts" / f"{name}.png", png))
        report.files.append(write_bytes(out / "charts" / f"{name}.svg", svg))
    return {name: f"charts/{name}" for name in charts}


def _charts(fw: Framework, tables: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[bytes, bytes]]:
    from cfgraph.render.report.charts import bar_chart, heatmap
    from cfgraph.render.views.style import COMMUNITY_COLOURS

    outcomes = [o.id for o in fw.outcomes]
    top = tables["target_centrality"][:20]
    return {
        "agency-outcome": heatmap(tables["agency_outcome"], "name", outcomes, "UN agencies × outcomes"),
        "partner-outcome": heatmap(tables["partner_outcome"], "name", outcomes, "Partners × outcomes"),
        "target-centrality": bar_chart(
            [f"{r['target']}  {r['title']}" for r in top],
            [r["pagerank"] for r in top],
            "Most connected SDG targets (colour = community)",
            "PageRank in the target network",
            [COMMUNITY_COLOURS[min(max(r["community"] - 1, 0), len(COMMUNITY_COLOURS) - 1)] for r in top],
        ),
    }


def report_tables(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    """Every table of the report, as the same rows the CLI and :func:`cfgraph.frames` give."""
    from cfgraph.analysis.centrality import centrality_rows, target_centrality
    from cfgraph.analysis.gaps import check_rows, findings_for, run_gaps
    from cfgraph.analysis.matrix import actor_outcome_matrix
    from cfgraph.analysis.synergies import outcome_synergies, synergy_rows
    from cfgraph.review.results import review_results
    from cfgraph.summary import outcome_rows

    fid = fw.info.id
    findings = run_gaps(fw)
    return {
        "outcomes": outcome_rows(fw),
        "findings": findings_for(fw),
        "checks": check_rows(findings),
        "synergies": synergy_rows(outcome_synergies(fw), fid),
        "agency_outcome": actor_outcome_matrix(fw, "agency"),
        "partner_outcome": actor_outcome_matrix(fw, "partner"),
        "target_centrality": centrality_rows(target_centrality(fw), fid),
        **review_results(fw),
    }


def outcome_grouping(fw: Framework) -> dict[str, Any]:
    """How the report groups the outcomes: by result group when the framework has them (the
    ungrouped last), else by strategic priority (thematic area), else all in one list.

    >>> import cfgraph
    >>> outcome_grouping(cfgraph.load(cfgraph.MINI))["groups"]
    [('Planet', ['1.1']), ('People', ['2.1'])]
    """
    if fw.result_groups:
        names = fw.result_group_names()
        groups = [
            (name, [o.id for o in fw.outcomes if fw.result_group_of(o.id) == rg])
            for rg, name in names.items()
        ]
        return {"title": "Result groups and outcomes", "groups": groups}
    if fw.thematic_areas:
        groups = [
            (ta.name, [o.id for o in fw.outcomes if o.thematic_area == ta.id]) for ta in fw.thematic_areas
        ]
        rest = [o.id for o in fw.outcomes if o.thematic_area is None]
        return {
            "title": "Strategic priorities and outcomes",
            "groups": groups + [("Other outcomes", rest)] * bool(rest),
        }
    return {"title": "Outcomes", "groups": [("", [o.id for o in fw.outcomes])]}


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
    from cfgraph.io.cache import for_framework
    from cfgraph.render.page import CSP, template_env
    from cfgraph.render.report.pages import page_name, write_pages
    from cfgraph.render.report.review import review_section
    from cfgraph.review.aggregate import CONTESTED_SPREAD
    from cfgraph.summary import framework_counts

    report = Report(index=out / "index.html")
    _write_views(fw, out, progress, report)
    progress("computing findings, synergies and centrality")
    tables = for_framework(fw, "report-tables", (), lambda: report_tables(fw))
    _write_tables(tables, out, report)
    progress("writing a page per outcome and per UN agency")
    report.files += write_pages(fw, out, tables["findings"])
    progress("drawing charts")
    charts = _write_charts(fw, tables, out, report)
    review = review_section(fw, tables, out, report.files)
    outcomes = [o.id for o in fw.outcomes]
    progress("writing index.html")
    html = (
        template_env()
        .get_template("report.html.j2")
        .render(
            fw=fw,
            csp=CSP,
            policy_meaning=POLICY_MEANINGS[fw.policy],
            counts=[(COUNT_LABELS.get(k, k), v) for k, v in framework_counts(fw).items()],
            highlights=highlights(tables, len(outcomes)),
            tables=tables,
            outcomes=outcomes,
            views=report.views,
            charts=charts,
            severities=severity_counts(tables["findings"]),
            result_groups=fw.result_groups,
            grouping=outcome_grouping(fw),
            agency_heat=heat_cells(tables["agency_outcome"], outcomes),
            partner_heat=heat_cells(tables["partner_outcome"], outcomes),
            outcome_columns=lambda ids: [(o, f"Outcome {o}") for o in ids],
            csv_files=sorted(f"tables/{name}.csv" for name in tables),
            page_name=page_name,
            filters=finding_filters(tables["findings"], outcomes),
            review=review,
            contested_spread=CONTESTED_SPREAD,
        )
    )
    write_text(report.index, html)
    report.files.append(report.index)
    return report
