"""Who works where: each tie between an actor and an outcome, and the actor × outcome matrices.

:func:`involvement` lists every tie in long form: a UN agency named by an outcome's narrative
list or results matrix, for one of its outputs, or responsible for one of its indicators; a
partner named by its partnerships text, for one of its outputs or for one of its indicators.
:func:`actor_outcome_matrix` pivots it (pandas)
into one row per actor, one column per outcome holding the number of ties, ``outcomes`` (how
many outcomes it touches: its breadth) and ``total`` (how many ties). The CLI, the report's heat
maps and their CSV files and :func:`cfgraph.frames` all use these two shapes.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> for row in actor_outcome_matrix(fw, "agency"):
...     print({k: row[k] for k in ("actor", "name", "1.1", "2.1", "outcomes", "total")})
{'actor': 'ilo', 'name': 'ILO', '1.1': 0, '2.1': 3, 'outcomes': 1, 'total': 3}
{'actor': 'undp', 'name': 'UNDP', '1.1': 0, '2.1': 3, 'outcomes': 1, 'total': 3}
{'actor': 'unicef', 'name': 'UNICEF', '1.1': 3, '2.1': 0, 'outcomes': 1, 'total': 3}
{'actor': 'who', 'name': 'WHO', '1.1': 2, '2.1': 0, 'outcomes': 1, 'total': 2}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cfgraph.analysis.records import records
from cfgraph.model import Framework
from cfgraph.vocabulary import LISTED_IN_NAMES

__all__ = ["Tie", "involvement", "involvement_rows", "actor_outcome_matrix", "MATRIX_KINDS"]

#: Actor kinds with a matrix.
MATRIX_KINDS = ("agency", "partner")


@dataclass(frozen=True)
class Tie:
    """One tie between an actor and an outcome: how (``narrative list``, ``results matrix``,
    ``indicator``, ``partnerships text``, ``output``), through which indicator or output, and
    where it is written."""

    kind: str
    actor: str
    name: str
    type: str
    outcome: str
    how: str
    indicator: str
    source_lines: str
    output: str = ""


def involvement(fw: Framework, kind: str | None = None) -> list[Tie]:
    """Every tie of a UN agency (*kind* ``agency``) or partner (``partner``) or both to an outcome,
    in document order. An indicator's tie is its own cell of the results matrix (a sub-indicator
    whose agencies the matrix gives once for its parent is not counted again). Partners recorded as
    one body (``same_as``) are one actor, named with both names."""
    ties: list[Tie] = []
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    if kind in (None, "agency"):
        label = {a.id: a.label for a in fw.agencies}
        for oa in fw.outcome_agencies:
            ties.append(Tie("agency", oa.agency, label[oa.agency], "UN agency", oa.outcome,
                            LISTED_IN_NAMES[oa.listed_in], "", oa.source_lines))  # fmt: skip
        for ia in fw.indicator_agencies:
            ties.append(Tie("agency", ia.agency, label[ia.agency], "UN agency", outcome_of[ia.indicator],
                            "indicator", ia.indicator, ia.source_lines))  # fmt: skip
        for xa in fw.output_agencies:
            ties.append(Tie("agency", xa.agency, label[xa.agency], "UN agency", fw.output(xa.output).outcome,
                            "output", "", xa.source_lines, xa.output))  # fmt: skip
    if kind in (None, "partner"):
        info = {p.id: p for p in fw.partners}
        for op in fw.outcome_partners:
            p = info[fw.actor_id(op.partner)]
            ties.append(Tie("partner", p.id, fw.actor_name(p.id), p.type, op.outcome, "partnerships text", "",
                            op.source_lines))  # fmt: skip
        for ip in fw.indicator_partners:
            p = info[fw.actor_id(ip.partner)]
            outcome = outcome_of[ip.indicator]
            ties.append(Tie("partner", p.id, fw.actor_name(p.id), p.type, outcome, "indicator",
                            ip.indicator, ip.source_lines))  # fmt: skip
        for xp in fw.output_partners:
            p = info[fw.actor_id(xp.partner)]
            outcome = fw.output(xp.output).outcome
            ties.append(Tie("partner", p.id, fw.actor_name(p.id), p.type, outcome, "output", "",
                            xp.source_lines, xp.output))  # fmt: skip
    return ties


def involvement_rows(fw: Framework, kind: str | None = None) -> list[dict[str, Any]]:
    """:func:`involvement` as output rows."""
    return records(involvement(fw, kind), framework=fw.info.id)


def actor_outcome_matrix(fw: Framework, kind: str) -> list[dict[str, Any]]:
    """One row per actor of *kind* (``agency`` or ``partner``): ``framework``, ``actor``, ``name``,
    ``type``, one column per outcome (document order) with the number of ties, ``outcomes`` and
    ``total``. Sorted by total, then breadth, then name; actors with no tie come last with zeros."""
    import pandas as pd

    if kind not in MATRIX_KINDS:
        raise ValueError(f"unknown actor kind {kind!r}; choose one of {', '.join(MATRIX_KINDS)}")
    outcomes = [o.id for o in fw.outcomes]
    everyone = (
        [(a.id, a.label, "UN agency") for a in fw.agencies]
        if kind == "agency"
        else [(p.id, fw.actor_name(p.id), p.type) for p in fw.partners if fw.actor_id(p.id) == p.id]
    )
    actors = pd.DataFrame(everyone, columns=["actor", "name", "type"])
    ties = pd.DataFrame([(t.actor, t.outcome) for t in involvement(fw, kind)], columns=["actor", "outcome"])
    counts = pd.crosstab(ties["actor"], ties["outcome"]) if len(ties) else pd.DataFrame()
    counts = counts.reindex(index=actors["actor"], columns=outcomes, fill_value=0).fillna(0).astype(int)
    table = actors.set_index("actor").join(counts)
    table["outcomes"] = (table[outcomes] > 0).sum(axis=1)
    table["total"] = table[outcomes].sum(axis=1)
    table["sort_name"] = table["name"].str.casefold()
    table = table.sort_values(
        ["total", "outcomes", "sort_name"], ascending=[False, False, True], kind="stable"
    )
    rows = []
    for actor, r in table.drop(columns="sort_name").iterrows():
        row: dict[str, Any] = {"framework": fw.info.id, "actor": actor, "name": r["name"], "type": r["type"]}
        row |= {o: int(r[o]) for o in outcomes}
        row |= {"outcomes": int(r["outcomes"]), "total": int(r["total"])}
        rows.append(row)
    return rows
