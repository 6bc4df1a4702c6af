"""The bridge from the model to networkx (cfgraph.graph) and the synthetic portfolio."""

from __future__ import annotations

from pathlib import Path

import pytest

import cfgraph
from cfgraph.graph import (
    LINK_DIRECTION,
    NODE_KINDS,
    actor_network,
    index,
    influence_graph,
    split_id,
    target_network,
    to_networkx,
)
from cfgraph.model import Framework
from cfgraph.synthetic import synthetic_framework, synthetic_portfolio, write_synthetic

MINI = cfgraph.load(cfgraph.MINI)


def test_node_ids_are_typed_and_stable() -> None:
    g = to_networkx(MINI)
    assert sorted(g.nodes)[:6] == [
        "agency:ilo", "agency:undp", "agency:unicef", "agency:who", "indicator:1.1-01", "indicator:2.1-01",
    ]  # fmt: skip
    assert {split_id(n)[0] for n in g} == set(NODE_KINDS)
    assert all(g.nodes[n]["kind"] == split_id(n)[0] for n in g)
    assert list(to_networkx(MINI).edges(keys=True, data=True)) == list(g.edges(keys=True, data=True))


def test_edges_carry_their_evidence() -> None:
    g = to_networkx(MINI)
    link = g.edges["outcome:1.1", "outcome:2.1", "OL01"]
    assert link["quote"].startswith("Outcome 1.1 depends on Outcome 2.1") and link["source_lines"] == "16"
    lists = [d for _, v, d in g.out_edges("outcome:1.1", data=True) if v == "target:6.b"]
    assert [(d["kind"], d["listed_in"], d["role"]) for d in lists] == [
        ("lists-target", "results_matrix", "global")
    ]
    assert g.has_edge("indicator:1.1-01", "sdgind:6.1.1") and g.has_edge("sdgind:6.1.1", "target:6.1")
    assert "target:18.7" not in g  # invalid codes do not become targets
    assert g.has_edge("lnob:rural-women", "lnob:women")


def test_index_inherits_agencies_for_sub_indicators() -> None:
    ix = index(MINI)
    assert ix.indicator_agencies["2.1-01a"] == ["ilo", "undp"]
    assert ix.measures["1.1-01"] == ["6.1.1"] and "2.1-01a" not in ix.measures


def test_target_network_weights() -> None:
    g = target_network(MINI)
    assert g.edges["5.1", "6.1"]["cooccurrence"] == 1
    assert g.edges["4.1", "8.6"] == {"cooccurrence": 0, "stated": ["TL02"], "weight": 1.0, "distance": 1.0}
    assert target_network(MINI, stated_weight=3.0).edges["6.1", "3.9"]["weight"] == 3.0
    assert g.nodes["5.1"]["outcomes"] == ["1.1", "2.1"]


def test_actor_network_joins_co_workers_and_keeps_isolated_actors() -> None:
    g = actor_network(MINI)
    assert g.edges["agency:unicef", "partner:ministry-of-water"]["outcomes"] == ["1.1"]
    assert not g.has_edge("agency:unicef", "agency:undp")
    extra = MINI.partners[0].__class__("lonely-ngo", "Lonely NGO", "ngo-cso", (), False, None, None, "1")
    from dataclasses import replace

    g2 = actor_network(replace(MINI, partners=(*MINI.partners, extra)))
    assert g2.degree("partner:lonely-ngo") == 0
    assert "partner:ministry-of-water" not in actor_network(MINI, include_partners=False)


@pytest.mark.parametrize("kind", sorted(LINK_DIRECTION))
def test_influence_graph_reads_each_link_kind(kind: str) -> None:
    from dataclasses import replace

    fw = replace(MINI, outcome_links=tuple(replace(ol, kind=kind) for ol in MINI.outcome_links))
    edges = sorted((u, v) for u, v, _ in influence_graph(fw).edges(keys=True))
    expected = {
        "forward": [("1.1", "2.1")],
        "backward": [("2.1", "1.1")],
        "both": [("1.1", "2.1"), ("2.1", "1.1")],
    }
    assert edges == expected[LINK_DIRECTION[kind]]


def test_synthetic_portfolio_is_seeded_and_prefix_stable() -> None:
    assert synthetic_portfolio(3, seed=4) == synthetic_portfolio(3, seed=4)
    assert synthetic_portfolio(2, seed=4) == synthetic_portfolio(3, seed=4)[:2]
    assert synthetic_portfolio(1, seed=4) != synthetic_portfolio(1, seed=5)


def test_synthetic_frameworks_have_realistic_shapes() -> None:
    for fw in synthetic_portfolio(5):
        assert 4 <= len(fw.outcomes) <= 8 and 3 <= len(fw.result_groups) <= 4
        assert all(t.valid and fw.catalogue.is_target(t.code) for t in fw.outcome_targets)
        assert len(fw.indicators) >= 8 * len(fw.outcomes) and fw.outcome_links and fw.target_links
        assert {a.agency for a in fw.outcome_agencies} <= {a.id for a in fw.agencies}


def test_synthetic_framework_round_trips_through_a_folder(tmp_path: Path) -> None:
    fw = synthetic_framework(7)
    report = cfgraph.validate(write_synthetic(fw, tmp_path / "fw"))
    assert report.problems == ()
    loaded: Framework | None = report.framework
    assert loaded == fw
