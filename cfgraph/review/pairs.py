"""The pairs a Result Group is asked to judge: does progress on *source* influence *target*?

For each result group, the review sheet lists directed pairs at two levels:

* ``outcome``: the links the text states between outcomes that touch the group's outcomes, read
  as influence (:func:`cfgraph.analysis.networks.influence_graph`: "A depends on B" is B -> A, a
  mutual kind gives both directions), with links named outright kept apart from those the text
  states only as "all other outcomes"; and candidate pairs the data suggests: outcome pairs the
  synergy analysis finds strong but the text does not state, and pairs that list the same SDG
  targets (both directions);
* ``target``: the target interlinkages the text states that touch a target the group's outcomes
  list, and the pairs of targets across two of the group's outcomes (one listed by each).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> for p in sheet_pairs(fw, "planet")[:2]:
...     print(p.level, p.source, p.target, p.stated or "-", p.basis)
outcome 2.1 1.1 named ('stated', 'shares-targets')
outcome 1.1 2.1 - ('shares-targets',)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import permutations

from cfgraph.errors import UnknownIdError
from cfgraph.model import Framework, closest, sdg_sort_key
from cfgraph.vocabulary import LINK_KINDS, REVIEW_LEVELS

__all__ = ["BASES", "Pair", "StatedPair", "stated_pairs", "sheet_pairs", "all_pairs", "scope_groups"]

#: Why a pair is on a sheet, in the order sheets list them, and how a sheet words it.
BASES: dict[str, str] = {
    "stated": "the text states this link",
    "stated-all-others": "the text states it only as 'all other outcomes'",
    "stated-interlinkage": "the text states this target interlinkage",
    "strong-not-stated": "the data links the two strongly; the text does not state it",
    "shares-targets": "both outcomes list SDG targets",
    "across-outcomes": "the targets are listed by two outcomes of the group",
}


@dataclass(frozen=True)
class StatedPair:
    """What the text states about one directed pair: ``named`` (a link naming both sides),
    ``all-others`` (only "all other outcomes"), with the links' ids and quotes (named first);
    ``generic`` are the ids of the links stated only as "all other outcomes"."""

    stated: str
    links: tuple[str, ...]
    quotes: tuple[str, ...]
    generic: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pair:
    """One directed pair on the sheet of *result_group*: progress on *source* influences *target*?"""

    result_group: str
    level: str
    source: str
    target: str
    stated: str
    basis: tuple[str, ...]
    links: tuple[str, ...]
    quotes: tuple[str, ...]
    generic: tuple[str, ...]  # the links stated only as "all other outcomes"
    shared_targets: tuple[str, ...]
    across: tuple[str, ...]  # the group's outcomes that list source and target (target level)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.level, self.source, self.target)


def _directions(kind: str, source: str, target: str) -> list[tuple[str, str]]:
    influence = LINK_KINDS[kind].influence
    return {"forward": [(source, target)], "backward": [(target, source)]}.get(
        influence, [(source, target), (target, source)]
    )


def stated_pairs(fw: Framework, level: str) -> dict[tuple[str, str], StatedPair]:
    """Every directed pair the text states at *level*, read as influence.

    >>> import cfgraph
    >>> said = stated_pairs(cfgraph.load(cfgraph.MINI), "outcome")
    >>> list(said), said[("2.1", "1.1")].stated, said[("2.1", "1.1")].links
    ([('2.1', '1.1')], 'named', ('OL01',))
    """
    found: dict[tuple[str, str], list[tuple[bool, str, str]]] = defaultdict(list)
    if level == "outcome":
        for ol in fw.outcome_links:
            for pair in _directions(ol.kind, ol.source, ol.target):
                found[pair].append((ol.stated_as == "named", ol.id, ol.quote))
    else:
        for tl in fw.target_links:
            for s, t in tl.pairs():
                for pair in _directions("interlinked" if tl.symmetric else tl.kind, s, t):
                    found[pair].append((True, tl.id, tl.quote))
    out = {}
    for pair, items in found.items():
        items.sort(key=lambda i: (not i[0], i[1]))  # named first
        out[pair] = StatedPair(
            "named" if items[0][0] else "all-others",
            tuple(dict.fromkeys(i[1] for i in items)),
            tuple(dict.fromkeys(i[2] for i in items)),
            tuple(i[1] for i in items if not i[0]),
        )
    return out


class _Collector:
    """Pairs of one sheet, merged by key, in the order of :data:`BASES`."""

    def __init__(self, group: str) -> None:
        self.group = group
        self.pairs: dict[tuple[str, str, str], dict[str, list[str]]] = {}

    def add(
        self,
        level: str,
        s: str,
        t: str,
        basis: str,
        shared: tuple[str, ...] = (),
        across: tuple[str, ...] = (),
    ) -> None:
        entry = self.pairs.setdefault((level, s, t), {"basis": [], "shared": [], "across": []})
        for name, values in (("basis", (basis,)), ("shared", shared), ("across", across)):
            entry[name] += [v for v in values if v not in entry[name]]

    def result(self, stated: dict[str, dict[tuple[str, str], StatedPair]]) -> list[Pair]:
        rank = {b: i for i, b in enumerate(BASES)}
        found = []
        for (level, s, t), entry in self.pairs.items():
            said = stated[level].get((s, t), StatedPair("", (), ()))
            found.append(
                Pair(
                    self.group,
                    level,
                    s,
                    t,
                    said.stated,
                    tuple(sorted(entry["basis"], key=rank.__getitem__)),
                    said.links,
                    said.quotes,
                    said.generic,
                    tuple(sorted(entry["shared"], key=sdg_sort_key)),
                    tuple(sorted(entry["across"])),
                )
            )
        return sorted(
            found,
            key=lambda p: (
                REVIEW_LEVELS.index(p.level),
                rank[p.basis[0]],
                sdg_sort_key(p.source),
                sdg_sort_key(p.target),
            ),
        )


def _outcome_pairs(
    fw: Framework, mine: set[str], c: _Collector, stated: dict[tuple[str, str], StatedPair]
) -> None:
    from cfgraph.analysis.synergies import outcome_synergies

    for (s, t), said in stated.items():
        if s in mine or t in mine:
            c.add("outcome", s, t, "stated" if said.stated == "named" else "stated-all-others")
    for syn in outcome_synergies(fw):
        if syn.a not in mine and syn.b not in mine:
            continue
        for s, t in ((syn.a, syn.b), (syn.b, syn.a)):
            if syn.verdict == "strong-not-stated":
                c.add("outcome", s, t, "strong-not-stated")
            if syn.shared_targets:
                c.add("outcome", s, t, "shares-targets", shared=syn.shared_targets)


def _target_pairs(
    fw: Framework,
    outcomes: list[str],
    focus: str | None,
    c: _Collector,
    stated: dict[tuple[str, str], StatedPair],
) -> None:
    targets = {o: set(fw.target_codes(o)) for o in outcomes}
    mine = set().union(*targets.values()) if focus is None else targets[focus]
    for s, t in stated:
        if s in mine or t in mine:
            c.add("target", s, t, "stated-interlinkage")
    for a, b in permutations(outcomes, 2):
        if focus is not None and focus not in (a, b):
            continue
        for s in sorted(targets[a], key=sdg_sort_key):
            for t in sorted(targets[b], key=sdg_sort_key):
                if s != t:
                    c.add("target", s, t, "across-outcomes", across=(a, b))


def scope_groups(fw: Framework, result_group: str | None = None, outcome: str | None = None) -> list[str]:
    """The result groups a sheet covers: one (by id, or the group of *outcome*) or all.

    >>> import cfgraph
    >>> scope_groups(cfgraph.load(cfgraph.MINI), outcome="2.1")
    ['people']
    """
    ids = list(fw.result_group_names())
    if outcome is not None:
        return [fw.result_group_of(outcome)]
    if result_group is None:
        return ids
    if result_group not in ids:
        raise UnknownIdError("result group", result_group, closest(result_group, ids))
    return [result_group]


def sheet_pairs(
    fw: Framework, result_group: str | None = None, outcome: str | None = None, level: str | None = None
) -> list[Pair]:
    """The pairs of the review sheet of one result group (or of every group, one after the other).

    Parameters
    ----------
    fw : Framework
        The framework.
    result_group : str, optional
        A result group id (default: every group).
    outcome : str, optional
        Only the pairs that concern this outcome (at target level: its targets) on its group's sheet.
    level : {"outcome", "target"}, optional
        Only pairs of this level (default both).

    Returns
    -------
    list of Pair
        Grouped by result group, then level, then why the pair is on the sheet, then ids.

    Examples
    --------
    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> [(p.source, p.target, p.basis) for p in sheet_pairs(fw, "people", level="target")]
    [('4.1', '8.6', ('stated-interlinkage',))]
    """
    stated = {lv: stated_pairs(fw, lv) for lv in REVIEW_LEVELS}
    found: list[Pair] = []
    for group in scope_groups(fw, result_group, outcome):
        outcomes = [o.id for o in fw.outcomes if fw.result_group_of(o.id) == group]
        c = _Collector(group)
        if level in (None, "outcome"):
            _outcome_pairs(fw, {outcome} if outcome else set(outcomes), c, stated["outcome"])
        if level in (None, "target"):
            _target_pairs(fw, outcomes, outcome, c, stated["target"])
        found += c.result(stated)
    return found


def all_pairs(fw: Framework, level: str | None = None) -> dict[tuple[str, str, str], list[Pair]]:
    """Every pair on some group's sheet, by (level, source, target), with the sheets that list it."""
    out: dict[tuple[str, str, str], list[Pair]] = {}
    for p in sheet_pairs(fw, level=level):
        out.setdefault(p.key, []).append(p)
    return out
