"""Reviewers' consensus in the views: one edge per reviewed pair, coloured and thickened by the
median score, whose tooltip and Details panel give each reviewer's score, confidence and comment.

The edge's ``kind`` is the review relation of the pair's level (``outcome-review``), its
``relation`` the point of the scale nearest the median (``+2``), which the view's legend lists
and filters by (``color_by: consensus`` in a view file).

>>> import cfgraph, dataclasses, networkx as nx
>>> from cfgraph.model import Review
>>> fw = cfgraph.load(cfgraph.MINI)
>>> r = Review(level="outcome", source="2.1", target="1.1", reviewer="Ann", score=2, comment="<b>yes</b>",
...            date="2025-03-01", sheet_file="a.csv", sheet_sha256="0" * 64, sheet_row=2)
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from(["examplestan-2026-2030/outcome/1.1", "examplestan-2026-2030/outcome/2.1"])
>>> add_review_edges(g, dataclasses.replace(fw, reviews=(r,)))
>>> [(d["relation"], d["tip"]["facts"][-1]) for _, _, d in g.edges(data=True)]
[('+2', ['Ann', '+2 · <b>yes</b>'])]
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from cfgraph.model import Framework, Review, table_spec
from cfgraph.render.views.tips import tip
from cfgraph.vocabulary import ENTITIES, RELATIONS, key, score_level

if TYPE_CHECKING:
    import networkx as nx

    from cfgraph.review.aggregate import PairConsensus

__all__ = ["add_review_edges"]

_STATED = {
    "named": "states it",
    "all-others": "states it only as 'all other outcomes'",
    "": "does not state it",
}


def _judgement(r: Review) -> str:
    score = "no score" if r.score is None else f"{r.score:+d}" if r.score else "0"
    confidence = f"{r.confidence} confidence" if r.confidence else ""
    return " · ".join(x for x in (score, confidence, r.comment or "") if x)


def _tip(p: PairConsensus, rows: list[Review], quotes: dict[str, str]) -> dict[str, object]:
    rel = RELATIONS[f"{p.level}-review"]
    source, target = ENTITIES[rel.source].singular, ENTITIES[rel.target].singular
    point = score_level(p.median or 0.0)
    title = f"Reviewers: {source} {p.source} → {target} {p.target}: {point.signed} {point.name}"
    links = f" ({', '.join(p.links)})" if p.links else ""
    facts = [
        ("median", f"{p.median:g} of {p.reviews} score(s), from {p.low:+d} to {p.high:+d}"),
        ("contested", "yes: the scores differ in sign or by 3 or more points" if p.contested else ""),
        ("the text", _STATED.get(p.stated, p.stated) + links),
    ]
    said = [r for r in sorted(rows, key=lambda r: r.reviewer) if r.score is not None or r.comment]
    facts += [(r.reviewer, _judgement(r)) for r in said]
    return tip(title, facts, next((quotes[i] for i in p.links if i in quotes), None))


def add_review_edges(g: nx.MultiDiGraph, fw: Framework) -> None:
    """Add to *g* one edge per scored pair whose two ends *g* draws."""
    from cfgraph.review.aggregate import consensus

    spec = table_spec("reviews")
    rows: dict[tuple[str, str, str], list[Review]] = defaultdict(list)
    for r in fw.reviews:
        rows[(r.level, r.source, r.target)].append(r)
    quotes = {ol.id: ol.quote for ol in fw.outcome_links} | {tl.id: tl.quote for tl in fw.target_links}
    for p in consensus(fw):
        mine = rows[(p.level, p.source, p.target)]
        rel = RELATIONS[spec.relation_of(mine[0])]
        ends = ((rel.source, p.source), (rel.target, p.target))
        u, v = (key(kind, ident, fw.info.id) for kind, ident in ends)
        if u not in g or v not in g or p.median is None:
            continue
        point = score_level(p.median)
        g.add_edge(u, v, kind=rel.name, relation=point.signed, consensus=p.median, label=point.signed,
                   tip=_tip(p, mine, quotes))  # fmt: skip
