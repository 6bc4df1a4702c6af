"""Exports for people rather than databases: the partnership officer's Excel workbook and a Kumu
stakeholder map of actors and outcomes.

The workbook has one readable sheet per question (``Outcomes``, ``Agencies × outcomes``,
``Partners × outcomes`` with each partner's type, ``Indicators``, ``Findings``), column widths,
frozen headers and filters; the per-label tables stay in ``--format xlsx``. The Kumu preset has
UN agencies, partners and outcomes as elements and one connection per actor and outcome, with
how they are tied, the indicators and the count as attributes.

>>> import cfgraph
>>> sheets = officer_sheets(cfgraph.load(cfgraph.MINI))
>>> list(sheets)
['Outcomes', 'Agencies × outcomes', 'Partners × outcomes', 'Indicators', 'Findings']
>>> kumu = stakeholder_sheets(cfgraph.load(cfgraph.MINI))
>>> kumu["Connections"][0]["From"], kumu["Connections"][0]["To"], kumu["Connections"][0]["Ties"]
('UNICEF', 'Outcome 1.1', 3)
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, cast

from cfgraph.model import measure
from cfgraph.model.citations import cited_elsewhere
from cfgraph.vocabulary import LISTED_IN, PARTNER_TYPES, ListedIn

#: The two lists, typed.
LISTED_IN_OPTIONS = cast("tuple[ListedIn, ...]", LISTED_IN)

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["officer_sheets", "export_workbook", "stakeholder_sheets", "export_kumu_stakeholders"]



def _outcome_rows(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.analysis.networks import index

    ix = index(fw)
    rg = {r.id: r.name for r in fw.result_groups}
    rows = []
    for o in fw.outcomes:
        listed = {li: [t.code for t in fw.targets_of(o.id, listed_in=li)] for li in LISTED_IN_OPTIONS}
        rows.append({
            "Outcome": o.id, "Result group": rg.get(o.result_group or "", o.result_group or ""),
            "Statement": o.statement,
            "UN agencies": len(ix.agencies.get(o.id, set()) | ix.responsible.get(o.id, set())),
            "Partners": len(ix.partners.get(o.id, set()) | ix.indicator_partners.get(o.id, set())),
            "LNOB groups": len(ix.lnob.get(o.id, set())), "Indicators": len(ix.indicators.get(o.id, [])),
            "SDG targets (narrative)": "; ".join(dict.fromkeys(listed["narrative"])),
            "SDG targets (results matrix)": "; ".join(dict.fromkeys(listed["results_matrix"])),
        })  # fmt: skip
    return rows


def _matrix_rows(fw: Framework, kind: str) -> list[dict[str, Any]]:
    from cfgraph.analysis.matrix import actor_outcome_matrix

    rows = []
    for r in actor_outcome_matrix(fw, kind):
        row: dict[str, Any] = {"Id": r["actor"], "Name": r["name"]}
        if kind == "partner":
            row["Type"] = PARTNER_TYPES[r["type"]].display
        row |= {f"Outcome {o.id}": r[o.id] for o in fw.outcomes}
        row |= {"Outcomes (breadth)": r["outcomes"], "Ties (count)": r["total"]}
        rows.append(row)
    return rows


def _sdg_code(i: Any) -> str:
    """An indicator's SDG code in one style, its tag after it: ``1.1.1 (G)``."""
    return (i.code or "") + (f" ({i.code_tag})" if i.code and i.code_tag else "")


def _indicator_rows(fw: Framework) -> list[dict[str, Any]]:
    partners: dict[str, list[str]] = defaultdict(list)
    for ip in fw.indicator_partners:
        partners[ip.indicator].append(fw.actor_name(ip.partner))
    label = {a.id: a.label for a in fw.agencies}
    main = fw.main_source_id
    return [
        {"Indicator": i.id, "Outcome": i.outcome, "Name": i.name, "SDG code": _sdg_code(i),
         "Baseline": measure(i.baseline_raw, i.baseline_year),
         "Target": measure(i.target_raw, i.target_year),
         "Data source": i.data_source or "",
         "Responsible UN agencies": "; ".join(label[a] for a in fw.responsible_agencies(i.id)),
         "Partners": "; ".join(dict.fromkeys(partners[i.id])),
         "Source lines": "; ".join(filter(None, (i.source_lines, cited_elsewhere(i, main))))}
        for i in fw.indicators
    ]  # fmt: skip


def _finding_rows(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.analysis.gaps import findings_for

    return [
        {"Severity": r["severity"], "Check": r["check"], "Outcomes": "; ".join(r["outcomes"]),
         "Subject": r["subject"], "Finding": r["message"],
         "Source lines": "; ".join([*map(str, r["source_lines"]), *r["cited_in"]])}
        for r in findings_for(fw)
    ]  # fmt: skip


def officer_sheets(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    """The workbook's sheets by name, in order."""
    return {
        "Outcomes": _outcome_rows(fw),
        "Agencies × outcomes": _matrix_rows(fw, "agency"),
        "Partners × outcomes": _matrix_rows(fw, "partner"),
        "Indicators": _indicator_rows(fw),
        "Findings": _finding_rows(fw),
    }


def export_workbook(fw: Framework) -> bytes:
    """The officer's workbook (.xlsx)."""
    from cfgraph.export.xlsx import workbook_bytes

    return workbook_bytes(officer_sheets(fw))


def stakeholder_sheets(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    """Kumu ``Elements`` (UN agencies, partners as one body each, outcomes) and ``Connections``
    (one per actor and outcome: ``How`` and ``Indicators`` as ``|`` lists, ``Ties`` counted)."""
    from cfgraph.analysis.matrix import involvement

    rg = {r.id: r.name for r in fw.result_groups}
    elements: list[dict[str, Any]] = [
        {"Label": a.label, "Type": "UN agency", "Description": a.name or "", "Partner type": "",
         "Result group": ""} for a in fw.agencies
    ]  # fmt: skip
    elements += [
        {"Label": fw.actor_name(p.id), "Type": "Partner", "Description": p.note or "",
         "Partner type": PARTNER_TYPES[p.type].display, "Result group": ""}
        for p in fw.partners if fw.actor_id(p.id) == p.id
    ]  # fmt: skip
    elements += [
        {"Label": f"Outcome {o.id}", "Type": "Outcome", "Description": o.statement, "Partner type": "",
         "Result group": rg.get(o.result_group or "", o.result_group or "")} for o in fw.outcomes
    ]  # fmt: skip
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for t in involvement(fw):
        name = fw.agency(t.actor).label if t.kind == "agency" else fw.actor_name(t.actor)
        c = pairs.setdefault((name, t.outcome), {"how": [], "indicators": [], "ties": 0})
        c["ties"] += 1
        how = "indicator responsibility" if t.how == "indicator" and t.kind == "agency" else t.how
        if how not in c["how"]:
            c["how"].append(how)
        if t.indicator and t.indicator not in c["indicators"]:
            c["indicators"].append(t.indicator)
    connections = [
        {"From": actor, "To": f"Outcome {outcome}", "Type": "works on", "Direction": "directed",
         "How": "|".join(c["how"]), "Indicators": "|".join(c["indicators"]), "Ties": c["ties"]}
        for (actor, outcome), c in pairs.items()
    ]  # fmt: skip
    return {"Elements": elements, "Connections": connections}


def export_kumu_stakeholders(fw: Framework) -> bytes:
    """The Kumu stakeholder map workbook (.xlsx)."""
    from cfgraph.export.xlsx import workbook_bytes

    return workbook_bytes(stakeholder_sheets(fw))
