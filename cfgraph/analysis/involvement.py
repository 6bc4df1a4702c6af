"""Who and what is involved in an outcome or an SDG target, and how: :func:`who` (the actors,
LNOB groups and indicators of an outcome; for a target, those of the outcomes that list it and of
the indicators that measure it).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> [(i.kind, i.id) for i in who(fw, "1.1")][:2]
[('indicator', '1.1-01'), ('agency', 'unicef')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cfgraph.errors import NotInFrameworkError
from cfgraph.graph import find_node, to_networkx
from cfgraph.model import Framework
from cfgraph.vocabulary import LISTED_IN_NAMES, key

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Involvement", "who"]


@dataclass(frozen=True)
class Involvement:
    """One actor, group or indicator involved in an outcome or target, and how."""

    kind: str
    id: str
    name: str
    how: str
    source_lines: tuple[int, ...]


def _outcomes_for(fw: Framework, kind: str, ident: str) -> dict[str, str]:
    """Outcome id -> how it concerns the node (itself, or the lists that name the target)."""
    if kind == "outcome":
        return {ident: "the outcome"}
    lists: dict[str, list[str]] = defaultdict(list)
    for t in fw.outcome_targets:
        if t.code == ident and t.valid:
            lists[t.outcome].append(f"{LISTED_IN_NAMES[t.listed_in]} {t.role}")
    return {o: "lists it (" + "; ".join(dict.fromkeys(v)) + ")" for o, v in lists.items()}


def who(fw: Framework, target_or_outcome: str) -> list[Involvement]:
    """Who and what is involved in an outcome or an SDG target.

    For an outcome: its UN agencies (contributing, responsible for indicators), partners
    (partnerships text, indicators), LNOB groups and indicators. For a target: the
    outcomes listing it and, through them, the same; indicators measuring it come first.

    >>> import cfgraph
    >>> [(r.kind, r.id) for r in who(cfgraph.load(cfgraph.MINI), "6.1")][:3]
    [('outcome', '1.1'), ('indicator', '1.1-01'), ('agency', 'unicef')]
    """
    g = to_networkx(fw)
    code = target_or_outcome.partition(":")[2] if ":" in target_or_outcome else target_or_outcome
    if (
        key("sdg-target", code) not in g
        and fw.catalogue.is_target(code)
        and key("outcome", code, fw.info.id) not in g
    ):
        raise NotInFrameworkError(
            f"SDG target {code} is a real target, but no outcome of this framework lists it"
        )
    node = find_node(g, target_or_outcome, ("outcome", "sdg-target"))
    kind, ident = g.nodes[node]["kind"], str(g.nodes[node]["id"])
    outcomes = _outcomes_for(fw, kind, ident)
    acc = _Acc()
    for o, how in outcomes.items():
        if kind == "sdg-target":
            rows = [t.source_lines for t in fw.outcome_targets if t.outcome == o and t.code == ident]
            acc.add("outcome", o, f"Outcome {o}", how, rows)
    measuring = _indicators_for(fw, g, node)
    _via_indicators(fw, acc, measuring)
    _via_outcomes(fw, acc, outcomes)
    return acc.result()


def _via_indicators(fw: Framework, acc: _Acc, measuring: dict[str, str]) -> None:
    for ind, how in measuring.items():
        acc.add("indicator", ind, fw.indicator(ind).name, how, [fw.indicator(ind).source_lines])
    for ia in fw.indicator_agencies:
        if ia.indicator in measuring:
            name = fw.agency(ia.agency).label
            acc.add("agency", ia.agency, name, f"responsible for {ia.indicator}", [ia.source_lines])
    for ip in fw.indicator_partners:
        if ip.indicator in measuring:
            name = fw.partner(ip.partner).name
            acc.add("partner", ip.partner, name, f"partner of {ip.indicator}", [ip.source_lines])


def _via_outcomes(fw: Framework, acc: _Acc, outcomes: dict[str, str]) -> None:
    for oa in fw.outcome_agencies:
        if oa.outcome in outcomes:
            how = f"contributes to {oa.outcome} ({LISTED_IN_NAMES[oa.listed_in]})"
            acc.add("agency", oa.agency, fw.agency(oa.agency).label, how, [oa.source_lines])
    for op in fw.outcome_partners:
        if op.outcome in outcomes:
            acc.add("partner", op.partner, fw.partner(op.partner).name, f"partner of {op.outcome}",
                    [op.source_lines])  # fmt: skip
    _via_outputs(fw, acc, outcomes)
    for og in fw.outcome_lnob_groups:
        if og.outcome in outcomes:
            how = f"named by {og.outcome} ({LISTED_IN_NAMES[og.listed_in]})"
            acc.add("lnob-group", og.group, fw.lnob_group(og.group).name, how, [og.source_lines])


def _via_outputs(fw: Framework, acc: _Acc, outcomes: dict[str, str]) -> None:
    for x in fw.outputs:
        if x.outcome in outcomes:
            acc.add("output", x.id, x.statement, f"output of {x.outcome}", [x.source_lines])
    for xa in fw.output_agencies:
        if fw.output(xa.output).outcome in outcomes:
            how = f"works on output {xa.output}"
            acc.add("agency", xa.agency, fw.agency(xa.agency).label, how, [xa.source_lines])
    for xp in fw.output_partners:
        if fw.output(xp.output).outcome in outcomes:
            how = f"partner of output {xp.output}"
            acc.add("partner", xp.partner, fw.partner(xp.partner).name, how, [xp.source_lines])


def _indicators_for(fw: Framework, g: nx.MultiDiGraph, node: str) -> dict[str, str]:
    """Indicator id -> how it concerns *node*: every indicator of an outcome; for a target,
    those measuring it through a global SDG indicator."""
    kind, ident = g.nodes[node]["kind"], str(g.nodes[node]["id"])
    if kind == "outcome":
        return {i.id: f"indicator of {ident}" for i in fw.indicators if i.outcome == ident}
    found = {}
    for sdgind in sorted(g.predecessors(node)):
        if g.nodes[sdgind]["kind"] == "sdg-indicator":
            for ind in sorted(g.predecessors(sdgind)):
                found[str(g.nodes[ind]["id"])] = f"measures SDG {g.nodes[sdgind]['id']}"
    return dict(sorted(found.items(), key=lambda kv: [i.id for i in fw.indicators].index(kv[0])))


class _Acc:
    """Collects involvement rows, merging the ways one item is involved."""

    ORDER = ("outcome", "output", "indicator", "agency", "partner", "lnob-group")

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[str, list[str], list[str]]] = {}

    def add(self, kind: str, key: str, name: str, how: str, cells: list[str]) -> None:
        _, hows, lines = self.rows.setdefault((kind, key), (name, [], []))
        if how not in hows:
            hows.append(how)
        lines += cells

    def result(self) -> list[Involvement]:
        out = []
        for n, ((kind, ident), (name, hows, cells)) in enumerate(self.rows.items()):
            lines = tuple(sorted({int(p.split("-")[0]) for c in cells for p in c.split(";") if p}))
            out.append((self.ORDER.index(kind), n, Involvement(kind, ident, name, "; ".join(hows), lines)))
        return [row for *_, row in sorted(out, key=lambda t: (t[0], t[1]))]
