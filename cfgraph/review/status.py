"""Where the review stands: per result group and level, how many pairs of its sheet are scored,
by whom, how many are contested or contradict the text, and which pairs nobody scored yet.

>>> import cfgraph
>>> for r in coverage_rows(cfgraph.load(cfgraph.MINI)):
...     print(r["result_group"], r["level"], r["pairs"], r["reviewed"])
planet outcome 2 0
planet target 4 0
people outcome 2 0
people target 1 0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cfgraph.analysis.records import records
from cfgraph.model import Framework
from cfgraph.review.aggregate import PairConsensus, consensus
from cfgraph.review.pairs import sheet_pairs

__all__ = ["GroupCoverage", "UnreviewedPair", "coverage", "coverage_rows", "unreviewed", "unreviewed_rows"]


@dataclass(frozen=True)
class GroupCoverage:
    """How far one result group's sheet of one level has been scored."""

    result_group: str
    level: str
    pairs: int
    reviewed: int
    unreviewed: int
    reviewers: tuple[str, ...]
    contested: int
    stated_not_confirmed: int
    strong_not_stated: int


@dataclass(frozen=True)
class UnreviewedPair:
    """A pair on the sheets that nobody has scored yet."""

    level: str
    source: str
    target: str
    stated: str
    result_groups: tuple[str, ...]
    basis: tuple[str, ...]


def _scored(fw: Framework, level: str | None) -> dict[tuple[str, str, str], PairConsensus]:
    return {(p.level, p.source, p.target): p for p in consensus(fw, level)}


def coverage(fw: Framework, level: str | None = None) -> list[GroupCoverage]:
    """One entry per result group and level, in the framework's order of groups."""
    scored = _scored(fw, level)
    by_sheet: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for p in sheet_pairs(fw, level=level):
        by_sheet.setdefault((p.result_group, p.level), []).append(p.key)
    found = []
    for (group, lv), keys in by_sheet.items():
        done = [scored[k] for k in keys if k in scored]
        found.append(
            GroupCoverage(
                group,
                lv,
                len(keys),
                len(done),
                len(keys) - len(done),
                tuple(sorted({name for p in done for name in p.reviewers})),
                sum(p.contested for p in done),
                sum(p.verdict == "stated-not-confirmed" for p in done),
                sum(p.verdict == "strong-not-stated" for p in done),
            )
        )
    return found


def coverage_rows(fw: Framework, level: str | None = None) -> list[dict[str, Any]]:
    """:func:`coverage` as output rows (``cfgraph review status``)."""
    return records(coverage(fw, level), framework=fw.info.id)


def unreviewed(fw: Framework, level: str | None = None) -> list[UnreviewedPair]:
    """The pairs of the sheets with no score yet, in sheet order, each with the groups listing it."""
    scored = _scored(fw, level)
    found: dict[tuple[str, str, str], UnreviewedPair] = {}
    for p in sheet_pairs(fw, level=level):
        if p.key in scored:
            continue
        seen = found.get(p.key)
        groups = (*seen.result_groups, p.result_group) if seen else (p.result_group,)
        basis = tuple(dict.fromkeys((*seen.basis, *p.basis))) if seen else p.basis
        found[p.key] = UnreviewedPair(p.level, p.source, p.target, p.stated, groups, basis)
    return list(found.values())


def unreviewed_rows(fw: Framework, level: str | None = None) -> list[dict[str, Any]]:
    """:func:`unreviewed` as output rows (``cfgraph review status --show unreviewed``)."""
    return records(unreviewed(fw, level), framework=fw.info.id)
