"""The report's page per outcome and per UN agency: what a Result Group or an agency reads first.

An outcome page holds its statement, its SDG targets as each list the framework has (narrative
list, results matrix) names them (side by side, differences marked), its outputs, its agencies
(listed, delivering outputs, responsible for indicators), partners by type, LNOB groups,
indicators baseline → target, the stated links in and out with
their quotes, and its findings. An agency page holds its outcomes and how, its indicators, its
fellow actors and its findings. Both are rendered through the same autoescaping templates as
the rest of the report (``outcome.html.j2``, ``agency.html.j2``).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> page = outcome_page(fw, "1.1", [])
>>> page["lists"], page["targets"][0]
(['narrative list', 'results matrix'], {'code': '6.1', 'in': [True, True]})
>>> [(l["other"], l["way"]) for l in page["links"]]
[('2.1', 'in')]
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from cfgraph.model import measure
from cfgraph.vocabulary import (
    LINK_KINDS,
    LISTED_IN,
    LISTED_IN_NAMES,
    PARTNER_TYPES,
    TARGET_SOURCES,
    ListedIn,
    TargetSource,
)

#: The two lists, typed.
LISTED_IN_OPTIONS = cast("tuple[ListedIn, ...]", LISTED_IN)
#: Where an outcome's targets come from: the two lists, or its indicators (when it lists none).
TARGET_SOURCE_OPTIONS = cast("tuple[TargetSource, ...]", TARGET_SOURCES)

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["outcome_page", "agency_page", "page_name", "write_pages"]


def page_name(ident: str) -> str:
    """A file name for an id (ids are slugs or dotted codes; anything else becomes ``-``).

    >>> page_name("1.1"), page_name("un-women"), page_name("a/b")
    ('1.1.html', 'un-women.html', 'a-b.html')
    """
    return "".join(c if c.isalnum() or c in ".-_" else "-" for c in ident) + ".html"


def _lines(*cells: str) -> str:
    found = sorted({int(p.split("-")[0]) for c in cells for p in c.split(";") if p})
    return ", ".join(map(str, found))



def _findings_of(findings: list[dict[str, Any]], outcome: str | None = None, concern: str = "") -> list[Any]:
    return [
        f for f in findings
        if (outcome is not None and outcome in f.get("outcomes", ()))
        or (concern and (concern in f["concerns"] or f["subject"] == concern.split(":")[-1]))
    ]  # fmt: skip


def _influence(kind: str, source: str, target: str, me: str) -> str:
    """``in`` when the other outcome acts on *me*, ``out`` when *me* acts on it, ``mutual``."""
    influence = LINK_KINDS[kind].influence
    if influence == "both":
        return "mutual"
    acts_on = target if influence == "forward" else source
    return "in" if acts_on == me else "out"


def outcome_page(fw: Framework, outcome: str, findings: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything the page of *outcome* shows (*findings*: the report's finding rows)."""
    o = fw.outcome(outcome)
    rg = {r.id: r.name for r in fw.result_groups}
    used = [li for li in TARGET_SOURCE_OPTIONS if any(t.listed_in == li for t in fw.outcome_targets)]
    lists = {li: [t.code for t in fw.targets_of(outcome, listed_in=li, valid_only=False)] for li in used}
    codes = list(dict.fromkeys(c for li in used for c in lists[li]))
    targets = [{"code": c, "in": [c in lists[li] for li in used]} for c in codes]
    agencies = _agencies_of(fw, outcome)
    outputs = [x for x in fw.outputs if x.outcome == outcome]
    partners: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for op in fw.outcome_partners:
        if op.outcome == outcome:
            p = fw.partner(fw.actor_id(op.partner))
            partners[PARTNER_TYPES[p.type].display][fw.actor_name(p.id)].append("partnerships text")
    for ip in fw.indicator_partners:
        if fw.indicator(ip.indicator).outcome == outcome:
            p = fw.partner(fw.actor_id(ip.partner))
            partners[PARTNER_TYPES[p.type].display][fw.actor_name(p.id)].append(f"indicator {ip.indicator}")
    for xp in fw.output_partners:
        if fw.output(xp.output).outcome == outcome:
            p = fw.partner(fw.actor_id(xp.partner))
            partners[PARTNER_TYPES[p.type].display][fw.actor_name(p.id)].append(f"output {xp.output}")
    links = [
        {"id": ol.id, "other": ol.target if ol.source == outcome else ol.source,
         "way": _influence(ol.kind, ol.source, ol.target, outcome),
         "text": f"Outcome {ol.source} {LINK_KINDS[ol.kind].wording} outcome {ol.target}",
         "generic": ol.stated_as == "all-others", "quote": ol.quote, "lines": _lines(ol.source_lines)}
        for ol in fw.outcome_links if outcome in (ol.source, ol.target)
    ]  # fmt: skip
    label = {a.id: a.label for a in fw.agencies}
    return {
        "outcome": o,
        "result_group": rg.get(o.result_group or "", o.result_group or ""),
        "group": rg.get(o.result_group or "", "")
        or next((t.name for t in fw.thematic_areas if t.id == o.thematic_area), ""),
        "targets": targets,
        "lists": [LISTED_IN_NAMES[li] for li in used],
        "cited": _cited(fw, o),
        "outputs": [
            {"id": x.id, "statement": x.statement, "cited": _cited(fw, x),
             "agencies": ", ".join(label[r.agency] for r in fw.output_agencies if r.output == x.id),
             "partners": ", ".join(fw.actor_name(fw.actor_id(r.partner)) for r in fw.output_partners
                                   if r.output == x.id)}
            for x in outputs
        ],  # fmt: skip
        "agencies": [{"id": a, "label": label[a], "how": ", ".join(dict.fromkeys(h))}
                     for a, h in agencies.items()],  # fmt: skip
        "partners": {t: [{"name": n, "how": ", ".join(dict.fromkeys(h))} for n, h in sorted(ps.items())]
                     for t, ps in sorted(partners.items())},  # fmt: skip
        "groups": [{"name": g.name, "lists": ", ".join(LISTED_IN_NAMES[li] for li in LISTED_IN_OPTIONS
                                                     if g.id in fw.lnob_groups_of(outcome, listed_in=li))}
                 for g in (fw.lnob_group(x) for x in fw.lnob_groups_of(outcome))],  # fmt: skip
        "indicators": [
            {"id": i.id, "name": i.name, "code": i.code_raw or "",
             "baseline": measure(i.baseline_raw, i.baseline_year, "—"),
             "target": measure(i.target_raw, i.target_year, "—"), "sub": i.parent is not None,
             "agencies": ", ".join(label[a] for a in fw.responsible_agencies(i.id))}
            for i in fw.indicators_of(outcome)
        ],  # fmt: skip
        "links": sorted(links, key=lambda lk: ({"in": 0, "mutual": 1, "out": 2}[lk["way"]], lk["id"])),
        "findings": _findings_of(findings, outcome=outcome),
    }


def _agencies_of(fw: Framework, outcome: str) -> dict[str, list[str]]:
    """Each UN agency of *outcome* with the ways it is named: lists, outputs, indicators."""
    agencies: dict[str, list[str]] = defaultdict(list)
    for oa in fw.outcome_agencies:
        if oa.outcome == outcome:
            agencies[oa.agency].append(LISTED_IN_NAMES[oa.listed_in])
    for xa in fw.output_agencies:
        if fw.output(xa.output).outcome == outcome:
            agencies[xa.agency].append(f"output {xa.output}")
    for i in fw.indicators_of(outcome):
        for a in fw.responsible_agencies(i.id, inherit=False):
            agencies[a].append(f"indicator {i.id}")
    return agencies


def _cited(fw: Framework, row: Any) -> str:
    """Where a fact is written: lines of the main source, else its place in another source (its
    lines, a page, a cell)."""
    from cfgraph.model.citations import cited_elsewhere

    if elsewhere := cited_elsewhere(row, fw.main_source_id):
        return f"Source: {elsewhere}"
    return "Source lines " + row.source_lines.replace(";", ", ") if row.source_lines else ""


def agency_page(fw: Framework, agency: str, findings: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything the page of UN agency *agency* shows."""
    from cfgraph.analysis.who import who

    a = fw.agency(agency)
    answer = who(fw, f"agency:{agency}", fellows=15)
    sections: dict[str, list[Any]] = defaultdict(list)
    for row in answer.rows:
        sections[row.section].append(row)
    return {
        "agency": a,
        "title": answer.title,
        "outcomes": sections["outcomes"],
        "indicators": sections["indicators"],
        "fellows": sections["fellow actors"],
        "targets": sections["targets"],
        "findings": _findings_of(findings, concern=f"agency:{agency}"),
    }


def write_pages(fw: Framework, out: Path, findings: list[dict[str, Any]]) -> list[Path]:
    """Write ``outcomes/<id>.html`` and ``agencies/<id>.html`` under *out*; return the files."""
    from cfgraph.io.atomic import write_text
    from cfgraph.io.cache import for_framework

    pages = for_framework(fw, "report-pages", (), lambda: _render_pages(fw, findings))
    return [write_text(out / folder / name, html) for folder, name, html in pages]


def _render_pages(fw: Framework, findings: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    from cfgraph.render.page import CSP, template_env

    env = template_env()
    common = {"fw": fw, "csp": CSP, "page_name": page_name}
    written: list[tuple[str, str, str]] = []
    for o in fw.outcomes:
        sections = ("targets", "agencies", "partners", "indicators", "links", "findings")
        nav = [(f"#{s}", s.title()) for s in sections]
        html = env.get_template("outcome.html.j2").render(
            page_title=f"Outcome {o.id}", nav=nav, p=outcome_page(fw, o.id, findings), **common
        )
        written.append(("outcomes", page_name(o.id), html))
    for a in fw.agencies:
        nav = [(f"#{s}", s.title()) for s in ("outcomes", "indicators", "fellows", "findings")]
        html = env.get_template("agency.html.j2").render(
            page_title=a.label, nav=nav, p=agency_page(fw, a.id, findings), **common
        )
        written.append(("agencies", page_name(a.id), html))
    return written
