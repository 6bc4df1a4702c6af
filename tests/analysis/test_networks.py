"""The analyses' projections: per-outcome index, target, actor and influence networks."""

from __future__ import annotations

import pytest

import cfgraph
from cfgraph.analysis.networks import actor_network, index, influence_graph, target_network
from cfgraph.model import Partner
from cfgraph.vocabulary import LINK_KINDS

MINI = cfgraph.load(cfgraph.MINI)
FID = MINI.info.id


def k(kind: str, ident: str) -> str:
    return f"{FID}/{kind}/{ident}"


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
    extra = Partner(id="lonely-ngo", name="Lonely NGO", type="ngo-cso", generic=False, source_lines="1")
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
