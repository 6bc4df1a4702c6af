"""Outcome synergies, target and actor centrality, communities."""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
import pytest
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

import cfgraph
from cfgraph.analysis.centrality import (
    actor_centrality,
    centrality_rows,
    portfolio_target_centrality,
    scores,
    target_centrality,
)
from cfgraph.analysis.communities import actor_communities, louvain, target_communities
from cfgraph.analysis.networks import actor_network, target_network
from cfgraph.analysis.synergies import WEIGHTS, outcome_synergies, synergies, synergy_rows
from cfgraph.model import Framework
from cfgraph.synthetic import synthetic_portfolio
from tests.analysis.test_gaps import add_agency

MINI = cfgraph.load(cfgraph.MINI)
FID = MINI.info.id


def test_weights_sum_to_one() -> None:
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_outcome_synergy_components_and_evidence() -> None:
    [s] = outcome_synergies(MINI)
    assert s.components == {
        "targets": 0.1429, "interlinkages": 0.0, "agencies": 0.0, "partners": 0.0,
        "lnob_groups": 0.0, "sdg_indicators": 0.0, "stated": 1.0,
    }  # fmt: skip
    assert s.score == pytest.approx(sum(WEIGHTS[k] * v for k, v in s.components.items()), abs=1e-3)
    assert s.quotes == ("Outcome 1.1 depends on Outcome 2.1, which trains the engineers (SDG 4.4).",)
    assert s.source_lines == (16,) and s.verdict == "stated-not-supported"


def test_interlinkages_count_targets_joined_across_the_pair() -> None:
    fw = replace(MINI, target_links=(replace(MINI.target_links[0], sources=("6.1",), targets=("8.6",)),))
    [s] = outcome_synergies(fw)
    assert s.interlinked_targets == ("6.1~8.6 (TL01)",)
    assert s.components["interlinkages"] == round(2 / 7, 4)


def test_verdicts_follow_the_thresholds() -> None:
    shared = add_agency(MINI, "2.1", "unicef", "who")
    assert outcome_synergies(shared)[0].verdict == "stated-and-supported"
    unstated = replace(shared, outcome_links=())
    assert outcome_synergies(unstated)[0].verdict == ""
    assert outcome_synergies(unstated, strong=0.12)[0].verdict == "strong-not-stated"


def test_synergy_rows_and_levels() -> None:
    rows = synergy_rows(outcome_synergies(MINI), FID)
    assert rows[0]["shared_targets"] == ["5.1"] and rows[0]["c_stated"] == 1.0
    assert synergies(MINI, "outcome") == rows
    assert synergies(MINI, "target")[0]["target"] == "5.1"
    assert [synergies(MINI, "agency")[0][c] for c in ("framework", "kind", "id")] == [FID, "agency", "ilo"]
    with pytest.raises(ValueError, match="unknown level 'goal'"):
        synergies(MINI, "goal")


def test_target_centrality_leverage_points() -> None:
    ranked = target_centrality(MINI)
    top = ranked[0]
    assert (top.target, top.outcomes, top.community) == ("5.1", ("1.1", "2.1"), 2)
    assert top.betweenness == max(t.betweenness for t in ranked) > 0
    by_code = {t.target: t for t in ranked}
    assert (by_code["4.1"].influence, by_code["4.1"].second_order, by_code["4.1"].outcomes) == (1, 0, ())
    assert (by_code["6.1"].influence, by_code["3.9"].influence) == (1, 2)  # TL01 is symmetric
    assert (by_code["6.1"].second_order, by_code["3.9"].second_order) == (1, 0)  # 6.1 -> 3.9 -> 6.2
    assert sum(t.pagerank for t in ranked) == pytest.approx(1.0, abs=1e-3)


def test_actor_centrality_brokers_and_isolated() -> None:
    fw = add_agency(MINI, "2.1", "unicef")
    rows = {a.id: a for a in actor_centrality(fw)}
    assert rows["unicef"].broker and rows["unicef"].result_groups == ("people", "planet")
    assert not rows["who"].broker and not rows["who"].isolated
    alone = {
        a.id: a for a in actor_centrality(replace(MINI, outcome_agencies=(), indicator_agencies=()), False)
    }
    assert alone["undp"].isolated and alone["undp"].degree == 0
    assert centrality_rows(actor_centrality(MINI), FID)[0]["id"] == "ilo"


@pytest.mark.parametrize("name", ["mini", "kz", "synthetic"])
def test_igraph_scores_equal_the_networkx_definitions(name: str, kz: Framework) -> None:
    """igraph computes betweenness and PageRank; they are networkx's definitions (to 1e-9)."""
    fw = {"mini": MINI, "kz": kz, "synthetic": synthetic_portfolio(1)[0]}[name]
    for g in (target_network(fw), actor_network(fw)):
        b, p = scores(g)
        assert b == pytest.approx(nx.betweenness_centrality(g, weight="distance"), abs=1e-9)
        assert p == pytest.approx(_pagerank_python(g, weight="weight", tol=1e-12, max_iter=1000), abs=1e-9)


def test_communities_are_deterministic() -> None:
    fw = synthetic_portfolio(1)[0]
    first = target_communities(fw, seed=3)
    assert first == target_communities(fw, seed=3)
    assert sorted(m for c in first for m in c.members) == sorted(target_network(fw).nodes)
    assert [c.id for c in first] == list(range(1, len(first) + 1))
    assert [len(c.members) for c in first] == sorted((len(c.members) for c in first), reverse=True)
    assert [c.members for c in target_communities(MINI)] == [
        ("3.9", "6.1", "6.2", "6.b", "10.2"),
        ("4.1", "4.4", "5.1", "8.6"),
    ]
    assert actor_communities(MINI, include_partners=False)[0].members == (
        f"{FID}/agency/ilo",
        f"{FID}/agency/undp",
    )
    assert louvain(nx.Graph()) == []


def test_portfolio_centrality_sums_the_frameworks() -> None:
    fws = synthetic_portfolio(3)
    ranked = portfolio_target_centrality(fws)
    assert len({t.target for t in ranked}) == len(ranked)
    top = ranked[0]
    assert {o.split("/")[0] for o in top.outcomes} <= {fw.info.id for fw in fws}
    assert portfolio_target_centrality([]) == []


def test_actor_outcome_matrix_counts_every_tie(kz: Framework) -> None:
    from cfgraph.analysis.matrix import actor_outcome_matrix, involvement

    rows = {r["actor"]: r for r in actor_outcome_matrix(kz, "agency")}
    ties = involvement(kz, "agency")
    gaps = {(t.actor, t.outcome) for t in ties if t.how == "indicator"} - {
        (t.actor, t.outcome) for t in ties if t.how != "indicator"
    }
    assert {("un-women", "1.2"), ("unicef", "2.1")} <= gaps  # the two real gaps
    assert rows["unicef"]["2.1"] == 3 and rows["un-women"]["1.2"] == 1
    assert rows["who"]["1.1"] == 2  # narrative list and results matrix, no indicator
    assert list(rows["undp"])[:4] == ["framework", "actor", "name", "type"]
    assert list(rows["undp"])[-2:] == ["outcomes", "total"]
    assert rows["iom"]["outcomes"] == len(kz.outcomes)
    for r in rows.values():
        assert r["outcomes"] == sum(bool(r[o.id]) for o in kz.outcomes)
        assert r["total"] == sum(r[o.id] for o in kz.outcomes)
    partners = actor_outcome_matrix(kz, "partner")
    assert all(r["type"] in {p.type for p in kz.partners} for r in partners)
