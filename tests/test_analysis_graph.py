"""The bridge to networkx (cfgraph.graph), the analyses' projections and the synthetic portfolio."""

from __future__ import annotations

from pathlib import Path

import pytest

import cfgraph
from cfgraph.analysis.networks import actor_network, index, influence_graph, target_network
from cfgraph.graph import to_networkx
from cfgraph.model import Framework
from cfgraph.synthetic import synthetic_framework, synthetic_portfolio, write_synthetic
from cfgraph.vocabulary import ENTITIES, LINK_KINDS, split_key

MINI = cfgraph.load(cfgraph.MINI)
FID = MINI.info.id


def k(kind: str, ident: str) -> str:
    return f"{FID}/{kind}/{ident}"


def test_node_ids_are_framework_keys_and_stable() -> None:
    g = to_networkx(MINI)
    assert sorted(g.nodes)[:4] == [FID, k("agency", "ilo"), k("agency", "undp"), k("agency", "unicef")]
    assert {g.nodes[n]["kind"] for n in g} <= set(ENTITIES)
    for n, d in g.nodes(data=True):
        framework, kind, ident = split_key(n)
        assert (framework, kind, ident) == (d["framework"], d["kind"], str(d["id"]))
    assert list(to_networkx(MINI).edges(keys=True, data=True)) == list(g.edges(keys=True, data=True))


def test_edges_carry_their_evidence() -> None:
    g = to_networkx(MINI)
    link = g.edges[k("outcome", "1.1"), k("outcome", "2.1"), k("outcome-link", "OL01")]
    assert link["quote"].startswith("Outcome 1.1 depends on Outcome 2.1") and link["source_lines"] == "16"
    assert link["kind"] == "outcome-link" and link["link_kind"] == "depends-on"
    lists = [d for _, v, d in g.out_edges(k("outcome", "1.1"), data=True) if v == "sdg/6.b"]
    assert [(d["kind"], d["listed_in"], d["role"]) for d in lists] == [
        ("lists-target", "results_matrix", "global")
    ]
    assert g.has_edge(k("indicator", "1.1-01"), "sdg/6.1.1") and g.has_edge("sdg/6.1.1", "sdg/6.1")
    assert "sdg/18.7" not in g  # invalid codes do not become targets
    assert g.has_edge(k("lnob-group", "rural-women"), k("lnob-group", "women"))


def test_two_frameworks_with_the_same_ids_share_only_sdg_nodes() -> None:
    from dataclasses import replace

    other = replace(MINI, info=replace(MINI.info, id="otherland-2026-2030", title="Otherland"))
    g = to_networkx([MINI, other])
    one, two = to_networkx(MINI), to_networkx(other)
    shared = set(one) & set(two)
    assert shared and all(g.nodes[n]["kind"].startswith("sdg-") for n in shared)
    assert g.number_of_nodes() == one.number_of_nodes() + two.number_of_nodes() - len(shared)
    assert g.number_of_edges() == one.number_of_edges() + two.number_of_edges() - len(
        set(one.edges(keys=True)) & set(two.edges(keys=True))
    )
    theirs = g.nodes["otherland-2026-2030/outcome/1.1"]
    assert g.nodes[k("outcome", "1.1")]["statement"] == theirs["statement"] and theirs["framework"] != FID
    assert g.graph["frameworks"] == [FID, "otherland-2026-2030"]


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
    assert g.edges[k("agency", "unicef"), k("partner", "ministry-of-water")]["outcomes"] == ["1.1"]
    assert not g.has_edge(k("agency", "unicef"), k("agency", "undp"))
    extra = MINI.partners[0].__class__("lonely-ngo", "Lonely NGO", "ngo-cso", (), False, None, None, "1")
    from dataclasses import replace

    g2 = actor_network(replace(MINI, partners=(*MINI.partners, extra)))
    assert g2.degree(k("partner", "lonely-ngo")) == 0
    assert k("partner", "ministry-of-water") not in actor_network(MINI, include_partners=False)


@pytest.mark.parametrize("kind", sorted(LINK_KINDS))
def test_influence_graph_reads_each_link_kind(kind: str) -> None:
    from dataclasses import replace

    fw = replace(MINI, outcome_links=tuple(replace(ol, kind=kind) for ol in MINI.outcome_links))
    edges = sorted((u, v) for u, v, _ in influence_graph(fw).edges(keys=True))
    expected = {
        "forward": [("1.1", "2.1")],
        "backward": [("2.1", "1.1")],
        "both": [("1.1", "2.1"), ("2.1", "1.1")],
    }
    assert edges == expected[LINK_KINDS[kind].influence]


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
