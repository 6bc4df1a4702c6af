"""From reviewers' scores to consensus: per pair, the cross-impact matrix, influence and reach.

Per directed pair (progress on ``source`` influences ``target``), over the reviews with a score:

* ``reviews`` the number of scores, ``median`` their median, ``low``/``high`` the extremes and
  ``spread = high - low``;
* ``contested``: at least two scores and either scores of both signs (one reviewer sees a
  positive interaction, another a negative one) or ``spread >= CONTESTED_SPREAD`` (3 points on the
  seven-point scale, e.g. 0 against +3: "no interaction" against "indivisible");
* ``consensus``: the point of the scale nearest the median (``+2 reinforcing``);
* ``stated``: whether the text states the link (``named``, ``all-others`` or empty,
  :func:`cfgraph.review.pairs.stated_pairs`), and ``verdict``: ``stated-not-confirmed`` (the text
  states it, the median is 0 or negative), ``strong-not-stated`` (a median of ±2 or more the
  text does not state) or ``unreviewed``.

The cross-impact matrix holds the medians (row: the influencing item, column: the influenced).
As in the SEI SDG Synergies method, an item's ``influence`` is its row sum and its ``dependence``
its column sum. Second-order effects follow chains of two scored links i → j → k (k other than i
and j): a chain's effect is the product of its two medians, so two positive links, or two
negative ones, make a positive chain. ``second_order`` sums every chain's effect from an item
(the row sum of the squared matrix, diagonal left out); ``reach_positive``/``reach_negative``
count the items it reaches through positive/negative chains.

>>> import cfgraph, dataclasses
>>> from cfgraph.model import Review
>>> fw = cfgraph.load(cfgraph.MINI)
>>> r = lambda who, s: Review(level="outcome", source="2.1", target="1.1", reviewer=who, score=s,
...                           date="2025-03-01", sheet_file="x.csv", sheet_sha256="0" * 64, sheet_row=2)
>>> fw = dataclasses.replace(fw, reviews=(r("Ann", 2), r("Bo", -1), r("Cy", 3)))
>>> [p] = consensus(fw)
>>> p.median, p.spread, p.contested, p.consensus, p.stated
(2.0, 4, True, '+2 reinforcing', 'named')
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from cfgraph.analysis.records import records
from cfgraph.model import Framework, Review, sdg_sort_key
from cfgraph.vocabulary import REVIEW_LEVELS, score_level

__all__ = [
    "CONTESTED_SPREAD",
    "STRONG",
    "PairConsensus",
    "CrossImpact",
    "ItemInfluence",
    "consensus",
    "consensus_rows",
    "cross_impact",
    "matrix_rows",
    "influence_ranking",
    "ranking_rows",
]

#: Scores this many points apart (or of both signs) make a pair contested.
CONTESTED_SPREAD = 3
#: A median this far from 0 is a strong interaction.
STRONG = 2


@dataclass(frozen=True)
class PairConsensus:
    """What the reviewers say about one directed pair, and what the text says."""

    level: str
    source: str
    target: str
    reviews: int
    median: float | None
    low: int | None
    high: int | None
    spread: int | None
    contested: bool
    consensus: str
    stated: str
    links: tuple[str, ...]
    verdict: str
    reviewers: tuple[str, ...]
    scores: tuple[int, ...]
    comments: int


def _levels(level: str | None) -> tuple[str, ...]:
    if level is not None and level not in REVIEW_LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(REVIEW_LEVELS)}")
    return REVIEW_LEVELS if level is None else (level,)


def _order(level: str, source: str, target: str) -> tuple[Any, ...]:
    return (REVIEW_LEVELS.index(level), sdg_sort_key(source), sdg_sort_key(target))


def _verdict(reviews: int, median: float | None, stated: str) -> str:
    if not reviews or median is None:
        return "unreviewed"
    if stated and median <= 0:
        return "stated-not-confirmed"
    if not stated and abs(median) >= STRONG:
        return "strong-not-stated"
    return ""


def _pair(key: tuple[str, str, str], rows: list[Review], stated: dict[str, Any]) -> PairConsensus:
    level, source, target = key
    rows = sorted(rows, key=lambda r: r.reviewer)
    scored = [r for r in rows if r.score is not None]
    scores = [int(r.score) for r in scored if r.score is not None]
    median = float(statistics.median(scores)) if scores else None
    low, high = (min(scores), max(scores)) if scores else (None, None)
    spread = high - low if high is not None and low is not None else None
    contested = len(scores) >= 2 and (
        (low is not None and high is not None and low < 0 < high) or (spread or 0) >= CONTESTED_SPREAD
    )
    said = stated[level].get((source, target))
    level_point = score_level(median) if median is not None else None
    return PairConsensus(
        level,
        source,
        target,
        len(scores),
        median,
        low,
        high,
        spread,
        contested,
        f"{level_point.signed} {level_point.name}" if level_point else "",
        said.stated if said else "",
        said.links if said else (),
        _verdict(len(scores), median, said.stated if said else ""),
        tuple(r.reviewer for r in scored),
        tuple(scores),
        sum(1 for r in rows if r.comment),
    )


def consensus(fw: Framework, level: str | None = None, unreviewed: bool = False) -> list[PairConsensus]:
    """Every reviewed pair (with *unreviewed*, also every pair on a sheet nobody scored yet).

    Parameters
    ----------
    fw : Framework
        A framework with its reviews (``fw.reviews``).
    level : {"outcome", "target"}, optional
        Only pairs of this level.
    unreviewed : bool
        Also list the pairs of the review sheets that have no score (``verdict`` ``unreviewed``).

    Returns
    -------
    list of PairConsensus
        By level, then source and target in SDG order.
    """
    from cfgraph.review.pairs import all_pairs, stated_pairs

    levels = _levels(level)
    stated = {lv: stated_pairs(fw, lv) for lv in levels}
    grouped: dict[tuple[str, str, str], list[Review]] = defaultdict(list)
    for r in fw.reviews:
        if r.level in levels:
            grouped[(r.level, r.source, r.target)].append(r)
    found = [_pair(key, rows, stated) for key, rows in grouped.items()]
    if not unreviewed:
        found = [p for p in found if p.reviews]
    else:  # a pair with comments only is unreviewed too
        found += [_pair(key, [], stated) for lv in levels for key in all_pairs(fw, lv) if key not in grouped]
    return sorted(found, key=lambda p: _order(p.level, p.source, p.target))


def consensus_rows(items: list[PairConsensus], framework: str) -> list[dict[str, Any]]:
    """Pairs as output rows (``cfgraph review matrix``, the report, :func:`cfgraph.frames`)."""
    return records(items, framework=framework)


@dataclass(frozen=True)
class CrossImpact:
    """The cross-impact matrix of one level: the items and the median of each reviewed pair."""

    level: str
    items: tuple[str, ...]
    cells: dict[tuple[str, str], float]

    def row(self, item: str) -> dict[str, float]:
        """The items *item* influences, with the medians (non-zero or not)."""
        return {t: v for (s, t), v in self.cells.items() if s == item}


def cross_impact(fw: Framework, level: str = "outcome") -> CrossImpact:
    """The medians of the reviewed pairs of *level*; items: every outcome (at outcome level) or
    every SDG target of a reviewed pair, in order.

    >>> import cfgraph
    >>> cross_impact(cfgraph.load(cfgraph.MINI)).items
    ('1.1', '2.1')
    """
    _levels(level)
    cells = {(p.source, p.target): float(p.median) for p in consensus(fw, level) if p.median is not None}
    if level == "outcome":
        items = tuple(o.id for o in fw.outcomes)
    else:
        items = tuple(sorted({i for pair in cells for i in pair}, key=sdg_sort_key))
    return CrossImpact(level, items, cells)


def matrix_rows(fw: Framework, level: str = "outcome") -> list[dict[str, Any]]:
    """The cross-impact matrix as rows: ``source``, one column per influenced item (its median,
    empty where unreviewed) and ``influence`` (the row sum)."""
    m = cross_impact(fw, level)
    rows = []
    for s in m.items:
        row: dict[str, Any] = {"framework": fw.info.id, "level": level, "source": s}
        row |= {t: m.cells.get((s, t)) for t in m.items}
        row["influence"] = float(sum(m.row(s).values()))
        rows.append(row)
    return rows


@dataclass(frozen=True)
class ItemInfluence:
    """How much one outcome or target influences the others and is influenced, directly and
    through one intermediary."""

    level: str
    item: str
    influence: float
    dependence: float
    positive_out: int
    negative_out: int
    positive_in: int
    negative_in: int
    second_order: float
    reach_positive: int
    reach_negative: int


def _second_order(m: CrossImpact, item: str) -> tuple[float, set[str], set[str]]:
    net, positive, negative = 0.0, set[str](), set[str]()
    for j, first in m.row(item).items():
        if j == item or not first:
            continue
        for k, second in m.row(j).items():
            if k in (item, j) or not second:
                continue
            effect = first * second
            net += effect
            (positive if effect > 0 else negative).add(k)
    return net, positive, negative


def influence_ranking(fw: Framework, level: str = "outcome") -> list[ItemInfluence]:
    """Every item of the cross-impact matrix, most influential (row sum) first."""
    m = cross_impact(fw, level)
    found = []
    for item in m.items:
        out = [v for (s, _), v in m.cells.items() if s == item]
        into = [v for (_, t), v in m.cells.items() if t == item]
        net, positive, negative = _second_order(m, item)
        found.append(
            ItemInfluence(
                level,
                item,
                float(sum(out)),
                float(sum(into)),
                sum(v > 0 for v in out),
                sum(v < 0 for v in out),
                sum(v > 0 for v in into),
                sum(v < 0 for v in into),
                net,
                len(positive),
                len(negative),
            )
        )
    position = {item: i for i, item in enumerate(m.items)}
    return sorted(found, key=lambda x: (-x.influence, -x.second_order, position[x.item]))


def ranking_rows(items: list[ItemInfluence], framework: str) -> list[dict[str, Any]]:
    """Influence and dependence as output rows."""
    return records(items, framework=framework)
