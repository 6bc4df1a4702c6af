"""Consensus, the cross-impact matrix, influence and second-order reach on a small example whose
every figure is worked out by hand below (tests/review/examples.py holds the scores)."""

from __future__ import annotations

import dataclasses

import pytest

import cfgraph
from cfgraph.review.aggregate import (
    CONTESTED_SPREAD,
    consensus,
    consensus_rows,
    cross_impact,
    influence_ranking,
    matrix_rows,
)
from cfgraph.review.status import coverage_rows, unreviewed_rows
from tests.review.examples import SCORES, review, reviewed_mini


@pytest.fixture(scope="module")
def fw() -> cfgraph.Framework:
    return reviewed_mini()


def test_medians_spreads_and_contested_flags(fw: cfgraph.Framework) -> None:
    found = {(p.level, p.source, p.target): p for p in consensus(fw)}
    # the comment without a score (Bo on 6.1 -> 5.1) is no review of that pair
    assert set(found) == {k for k, v in SCORES.items() if any(s is not None for s in v.values())}
    table = {
        k: (p.reviews, p.median, p.low, p.high, p.spread, p.contested, p.consensus, p.stated, p.verdict)
        for k, p in found.items()
    }
    assert table == {
        # scores 2, 1, 3: median 2; the text states it (OL01, "1.1 depends on 2.1": 2.1 influences 1.1)
        ("outcome", "2.1", "1.1"): (3, 2.0, 1, 3, 2, False, "+2 reinforcing", "named", ""),
        # -1, -1: median -1, not stated, not strong (|-1| < 2)
        ("outcome", "1.1", "2.1"): (2, -1.0, -1, -1, 0, False, "-1 constraining", "", ""),
        ("target", "6.1", "3.9"): (3, 2.0, 1, 3, 2, False, "+2 reinforcing", "named", ""),
        # 1, -1, 0: both signs -> contested; stated (TL01 is symmetric) but median 0 -> not confirmed
        ("target", "3.9", "6.1"): (3, 0.0, -1, 1, 2, True, "0 consistent", "named", "stated-not-confirmed"),
        ("target", "6.2", "3.9"): (2, 2.0, 2, 2, 0, False, "+2 reinforcing", "named", ""),
        # -2, -1, -3: median -2, one sign, 2 apart -> not contested; stated, negative -> not confirmed
        ("target", "3.9", "6.2"): (
            3,
            -2.0,
            -3,
            -1,
            2,
            False,
            "-2 counteracting",
            "named",
            "stated-not-confirmed",
        ),
        # 3, 0: one sign but 3 points apart -> contested; median 1.5 rounds away from zero to +2
        ("target", "3.9", "5.1"): (2, 1.5, 0, 3, 3, True, "+2 reinforcing", "", ""),
        # -2, -3: median -2.5, strong, and no text states it
        ("target", "5.1", "6.1"): (2, -2.5, -3, -2, 1, False, "-3 cancelling", "", "strong-not-stated"),
    }
    assert CONTESTED_SPREAD == 3


def test_one_score_is_never_contested(fw: cfgraph.Framework) -> None:
    one = dataclasses.replace(fw, reviews=(review("target", "3.9", "5.1", "Ann", -3),))
    [p] = consensus(one)
    assert (p.reviews, p.spread, p.contested) == (1, 0, False)


def test_cross_impact_matrix_and_row_sums(fw: cfgraph.Framework) -> None:
    m = cross_impact(fw, "target")
    assert m.items == ("3.9", "5.1", "6.1", "6.2")  # the targets of the scored pairs, in SDG order
    rows = {r["source"]: r for r in matrix_rows(fw, "target")}
    assert [rows["3.9"][t] for t in m.items] == [None, 1.5, 0.0, -2.0]
    assert [rows["5.1"][t] for t in m.items] == [None, None, -2.5, None]
    # influence = row sum: 3.9: 1.5 + 0 - 2 = -0.5; 5.1: -2.5; 6.1: 2; 6.2: 2
    assert {s: r["influence"] for s, r in rows.items()} == {"3.9": -0.5, "5.1": -2.5, "6.1": 2.0, "6.2": 2.0}
    outcome = matrix_rows(fw, "outcome")
    assert [(r["source"], r["1.1"], r["2.1"], r["influence"]) for r in outcome] == [
        ("1.1", None, -1.0, -1.0),
        ("2.1", 2.0, None, 2.0),
    ]


def test_influence_dependence_and_second_order_reach(fw: cfgraph.Framework) -> None:
    ranking = influence_ranking(fw, "target")
    got = {
        r.item: (r.influence, r.dependence, r.positive_out, r.negative_out, r.positive_in, r.negative_in,
                 r.second_order, r.reach_positive, r.reach_negative)
        for r in ranking
    }  # fmt: skip
    # dependence = column sum: 3.9: 2 (from 6.1) + 2 (from 6.2) = 4; 5.1: 1.5; 6.1: 0 - 2.5; 6.2: -2.
    # Second order, chains i -> j -> k with k not i or j, effect = product of the two medians:
    #   3.9 -> 5.1 -> 6.1: 1.5 * -2.5 = -3.75 (3.9 -> 6.2 -> 3.9 returns to 3.9; 3.9 -> 6.1 is 0)
    #   5.1 -> 6.1 -> 3.9: -2.5 * 2 = -5
    #   6.1 -> 3.9 -> 6.2: 2 * -2 = -4 and 6.1 -> 3.9 -> 5.1: 2 * 1.5 = +3: net -1, one of each sign
    #   6.2 -> 3.9 -> 5.1: 2 * 1.5 = +3 (6.2 -> 3.9 -> 6.1 is 0)
    assert got == {
        "3.9": (-0.5, 4.0, 1, 1, 2, 0, -3.75, 0, 1),
        "5.1": (-2.5, 1.5, 0, 1, 1, 0, -5.0, 0, 1),
        "6.1": (2.0, -2.5, 1, 0, 0, 1, -1.0, 1, 1),
        "6.2": (2.0, -2.0, 1, 0, 0, 1, 3.0, 1, 0),
    }
    # most influential first; ties by second order
    assert [r.item for r in ranking] == ["6.2", "6.1", "3.9", "5.1"]
    outcome = {r.item: (r.influence, r.dependence, r.second_order) for r in influence_ranking(fw, "outcome")}
    assert outcome == {"2.1": (2.0, -1.0, 0.0), "1.1": (-1.0, 2.0, 0.0)}


def test_two_negative_links_make_a_positive_chain(fw: cfgraph.Framework) -> None:
    reviews = (review("target", "6.1", "3.9", "Ann", -2), review("target", "3.9", "6.2", "Ann", -3))
    ranking = influence_ranking(dataclasses.replace(fw, reviews=reviews), "target")
    [first] = [r for r in ranking if r.item == "6.1"]
    assert (first.second_order, first.reach_positive, first.reach_negative) == (6.0, 1, 0)


def test_rows_have_the_documented_columns(fw: cfgraph.Framework) -> None:
    row = consensus_rows(consensus(fw), fw.info.id)[0]
    assert list(row)[:6] == ["framework", "level", "source", "target", "reviews", "median"]
    assert {"contested", "stated", "verdict", "reviewers", "scores"} <= set(row)


def test_unreviewed_pairs_and_status(fw: cfgraph.Framework) -> None:
    pairs = consensus(fw, unreviewed=True)
    left = [(p.level, p.source, p.target) for p in pairs if p.verdict == "unreviewed"]
    # the sheets list 4.1 -> 8.6 (people) nobody scored; 6.1 -> 5.1 has only a comment
    assert left == [("target", "4.1", "8.6"), ("target", "6.1", "5.1")]
    assert [(r["source"], r["target"], r["result_groups"]) for r in unreviewed_rows(fw)] == [
        ("4.1", "8.6", ["people"])
    ]
    status = {(r["result_group"], r["level"]): r for r in coverage_rows(fw)}
    planet = status[("planet", "target")]
    assert (planet["pairs"], planet["reviewed"], planet["unreviewed"], planet["contested"]) == (4, 4, 0, 1)
    assert planet["reviewers"] == ["Ann", "Bo", "Cy"] and planet["stated_not_confirmed"] == 2
    assert (status[("people", "target")]["reviewed"], status[("people", "target")]["unreviewed"]) == (0, 1)


def test_unknown_level() -> None:
    with pytest.raises(ValueError, match="unknown level 'goal'; choose one of outcome, target"):
        consensus(cfgraph.load(cfgraph.MINI), "goal")
