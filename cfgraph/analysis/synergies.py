"""Outcome x outcome synergies: what two outcomes share, how strongly, and whether the text says so.

For every pair of outcomes the score combines seven components, each in [0, 1] and shown on its
own so a reader can check it:

========================  ======  ==========================================================
component                 weight  value
========================  ======  ==========================================================
``targets``               0.25    Jaccard share of the SDG targets both list (global and
                                  cross-cutting, narrative and results matrix)
``interlinkages``         0.15    share of the two outcomes' targets joined across the pair by
                                  a stated target interlinkage
``agencies``              0.15    Jaccard share of contributing UN agencies
``partners``              0.10    Jaccard share of partners (partnerships text and indicators)
``lnob_groups``           0.10    Jaccard share of LNOB groups
``sdg_indicators``        0.10    Jaccard share of the global SDG indicators measured
``stated``                0.15    1 when the text names the two outcomes in a link; 0.4 when
                                  the only links are generic ("all other outcomes"); else 0
========================  ======  ==========================================================

``score`` is the weighted sum (0..1); ``data_score`` leaves out ``stated`` and is rescaled to
0..1, so it says what the data alone supports. A stated link whose ``data_score`` is below
*weak* is reported as ``stated-not-supported`` (``generic-not-supported`` when every link of the
pair is a generic "all other outcomes" statement, ``generic-and-supported`` when such a pair is
supported); an unstated pair at or above *strong* as ``strong-not-stated``.

>>> import cfgraph
>>> [s] = outcome_synergies(cfgraph.load(cfgraph.MINI))
>>> s.a, s.b, s.shared_targets, s.stated_links, s.verdict
('1.1', '2.1', ('5.1',), ('OL01',), 'stated-not-supported')
>>> round(s.components["targets"], 3), round(s.score, 3)
(0.143, 0.186)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from cfgraph.analysis.networks import FrameworkIndex, index
from cfgraph.model import Framework, sdg_sort_key

__all__ = ["WEIGHTS", "OutcomeSynergy", "outcome_synergies", "synergies", "synergy_rows", "LEVELS"]

#: Weight of each component in the combined score (they sum to 1).
WEIGHTS: dict[str, float] = {
    "targets": 0.25,
    "interlinkages": 0.15,
    "agencies": 0.15,
    "partners": 0.10,
    "lnob_groups": 0.10,
    "sdg_indicators": 0.10,
    "stated": 0.15,
}

#: The ``stated`` component of a pair linked only by generic "all other outcomes" statements.
GENERIC_STATED = 0.4

#: Levels of ``cfgraph synergies``.
LEVELS = ("outcome", "target", "agency")


@dataclass(frozen=True)
class OutcomeSynergy:
    """What outcomes *a* and *b* share, with the evidence behind each component."""

    a: str
    b: str
    score: float
    data_score: float
    components: dict[str, float] = field(compare=False)
    shared_targets: tuple[str, ...]
    interlinked_targets: tuple[str, ...]  # "x~y (TLnn)" pairs across the two outcomes
    shared_agencies: tuple[str, ...]
    shared_partners: tuple[str, ...]
    shared_lnob_groups: tuple[str, ...]
    shared_sdg_indicators: tuple[str, ...]
    stated_links: tuple[str, ...]  # outcome-link ids, either direction
    stated_kinds: tuple[str, ...]
    stated_as: str  # named | all-others | "" (no stated link)
    quotes: tuple[str, ...]
    source_lines: tuple[int, ...]
    verdict: str  # stated-/generic-and-supported | stated-/generic-not-supported | strong-not-stated | ""


def _jaccard(a: set[str], b: set[str]) -> tuple[float, list[str]]:
    union = a | b
    shared = a & b
    return (len(shared) / len(union) if union else 0.0), sorted(shared)


def _interlinks(fw: Framework, ta: set[str], tb: set[str]) -> tuple[float, list[str]]:
    touched: set[str] = set()
    pairs: list[str] = []
    for tl in fw.target_links:
        for s, t in tl.pairs():
            if (s in ta and t in tb) or (s in tb and t in ta):
                touched.update((s, t))
                pairs.append(f"{s}~{t} ({tl.id})")
    union = ta | tb
    return (len(touched) / len(union) if union else 0.0), sorted(set(pairs))


def _pair(fw: Framework, ix: FrameworkIndex, a: str, b: str) -> dict[str, Any]:
    ta, tb = ix.targets.get(a, set()), ix.targets.get(b, set())
    comp: dict[str, float] = {}
    ev: dict[str, list[str]] = {}
    comp["targets"], ev["targets"] = _jaccard(ta, tb)
    comp["interlinkages"], ev["interlinkages"] = _interlinks(fw, ta, tb)
    comp["agencies"], ev["agencies"] = _jaccard(ix.agencies.get(a, set()), ix.agencies.get(b, set()))
    pa = ix.partners.get(a, set()) | ix.indicator_partners.get(a, set())
    pb = ix.partners.get(b, set()) | ix.indicator_partners.get(b, set())
    comp["partners"], ev["partners"] = _jaccard(pa, pb)
    comp["lnob_groups"], ev["lnob_groups"] = _jaccard(ix.lnob.get(a, set()), ix.lnob.get(b, set()))
    sa, sb = ix.sdg_indicators.get(a, set()), ix.sdg_indicators.get(b, set())
    comp["sdg_indicators"], ev["sdg_indicators"] = _jaccard(sa, sb)
    links = [ol for ol in fw.outcome_links if {ol.source, ol.target} == {a, b}]
    named = any(ol.stated_as == "named" for ol in links)
    comp["stated"] = 1.0 if named else GENERIC_STATED if links else 0.0
    return {"components": comp, "evidence": ev, "links": links}


def _stated_as(links: list[Any]) -> str:
    if not links:
        return ""
    return "named" if any(ol.stated_as == "named" for ol in links) else "all-others"


def _verdict(stated_as: str, data_score: float, weak: float, strong: float) -> str:
    if stated_as:
        how = "stated" if stated_as == "named" else "generic"
        return f"{how}-and-supported" if data_score >= weak else f"{how}-not-supported"
    return "strong-not-stated" if data_score >= strong else ""


def outcome_synergies(fw: Framework, weak: float = 0.1, strong: float = 0.3) -> list[OutcomeSynergy]:
    """Every pair of outcomes, strongest first (ties by ids).

    Parameters
    ----------
    fw : Framework
        The framework.
    weak : float
        A stated link whose ``data_score`` is below this is ``stated-not-supported``.
    strong : float
        An unstated pair whose ``data_score`` reaches this is ``strong-not-stated``.

    Returns
    -------
    list of OutcomeSynergy
        One per unordered pair (``a < b`` in document order), sorted by ``score`` descending.

    Examples
    --------
    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> outcome_synergies(fw)[0].shared_agencies
    ()
    """
    ix = index(fw)
    data_total = 1.0 - WEIGHTS["stated"]
    found = []
    for a, b in combinations([o.id for o in fw.outcomes], 2):
        p = _pair(fw, ix, a, b)
        comp: dict[str, float] = p["components"]
        score = sum(WEIGHTS[k] * v for k, v in comp.items())
        data_score = sum(WEIGHTS[k] * v for k, v in comp.items() if k != "stated") / data_total
        ev = p["evidence"]
        links = p["links"]
        lines = sorted(
            {int(part.split("-")[0]) for ol in links for part in ol.source_lines.split(";") if part}
        )
        found.append(
            OutcomeSynergy(
                a=a,
                b=b,
                score=round(score, 4),
                data_score=round(data_score, 4),
                components={k: round(v, 4) for k, v in comp.items()},
                shared_targets=tuple(sorted(ev["targets"], key=sdg_sort_key)),
                interlinked_targets=tuple(ev["interlinkages"]),
                shared_agencies=tuple(ev["agencies"]),
                shared_partners=tuple(ev["partners"]),
                shared_lnob_groups=tuple(ev["lnob_groups"]),
                shared_sdg_indicators=tuple(sorted(ev["sdg_indicators"], key=sdg_sort_key)),
                stated_links=tuple(ol.id for ol in links),
                stated_kinds=tuple(sorted({ol.kind for ol in links})),
                stated_as=_stated_as(links),
                quotes=tuple(dict.fromkeys(ol.quote for ol in links)),
                source_lines=tuple(lines),
                verdict=_verdict(_stated_as(links), data_score, weak, strong),
            )
        )
    return sorted(found, key=lambda s: (-s.score, s.a, s.b))


def synergy_rows(items: list[OutcomeSynergy], framework: str) -> list[dict[str, Any]]:
    """Outcome synergies as output rows (``cfgraph synergies``, the report's table and CSV): ids,
    score, each component, the shared ids and the evidence.

    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> row = synergy_rows(outcome_synergies(fw), fw.info.id)[0]
    >>> list(row)[:6]
    ['framework', 'a', 'b', 'score', 'data_score', 'verdict']
    """
    rows = []
    for s in items:
        row: dict[str, Any] = {"framework": framework, "a": s.a, "b": s.b, "score": s.score,
                               "data_score": s.data_score}  # fmt: skip
        row["verdict"] = s.verdict
        row["stated_as"] = s.stated_as
        row |= {f"c_{k}": v for k, v in s.components.items()}
        row |= {
            "shared_targets": list(s.shared_targets),
            "interlinked_targets": list(s.interlinked_targets),
            "shared_agencies": list(s.shared_agencies),
            "shared_partners": list(s.shared_partners),
            "shared_lnob_groups": list(s.shared_lnob_groups),
            "shared_sdg_indicators": list(s.shared_sdg_indicators),
            "stated_links": list(s.stated_links),
            "stated_kinds": list(s.stated_kinds),
            "source_lines": list(s.source_lines),
        }
        rows.append(row)
    return rows


def synergies(fw: Framework, level: str = "outcome") -> list[dict[str, Any]]:
    """Rows for ``cfgraph synergies --level outcome|target|agency``.

    ``outcome``: :func:`outcome_synergies` pairs; ``target``: the target network's leverage
    ranking (:func:`cfgraph.analysis.centrality.target_centrality`); ``agency``: the actor
    network (:func:`cfgraph.analysis.centrality.actor_centrality`).

    >>> import cfgraph
    >>> [r["target"] for r in synergies(cfgraph.load(cfgraph.MINI), "target")][:3]
    ['5.1', '6.1', '6.2']
    """
    from cfgraph.analysis import centrality

    if level == "outcome":
        return synergy_rows(outcome_synergies(fw), fw.info.id)
    if level == "target":
        return centrality.centrality_rows(centrality.target_centrality(fw), fw.info.id)
    if level == "agency":
        return centrality.centrality_rows(centrality.actor_centrality(fw), fw.info.id)
    raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
