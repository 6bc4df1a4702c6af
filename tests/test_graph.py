"""The bridge to networkx (cfgraph.graph): framework-qualified keys, typed nodes and edges."""

from __future__ import annotations

import cfgraph
from cfgraph.graph import to_networkx
from cfgraph.vocabulary import ENTITIES, split_key

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


def test_two_frameworks_with_the_same_ids_share_only_sdg_and_registry_nodes() -> None:
    from dataclasses import replace

    other = replace(MINI, info=replace(MINI.info, id="otherland-2026-2030", title="Otherland"))
    g = to_networkx([MINI, other])
    one, two = to_networkx(MINI), to_networkx(other)
    shared = set(one) & set(two)
    assert shared and all(g.nodes[n]["kind"].startswith("sdg-") or n.startswith("un/") for n in shared)
    assert {n for n in shared if n.startswith("un/")} == {"un/ilo", "un/undp", "un/unicef", "un/who"}
    assert g.number_of_nodes() == one.number_of_nodes() + two.number_of_nodes() - len(shared)
    assert g.number_of_edges() == one.number_of_edges() + two.number_of_edges() - len(
        set(one.edges(keys=True)) & set(two.edges(keys=True))
    )
    theirs = g.nodes["otherland-2026-2030/outcome/1.1"]
    assert g.nodes[k("outcome", "1.1")]["statement"] == theirs["statement"] and theirs["framework"] != FID
    assert g.graph["frameworks"] == [FID, "otherland-2026-2030"]
