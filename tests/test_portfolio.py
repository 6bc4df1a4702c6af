"""Several frameworks at once: loading a portfolio, and identity that never merges what differs.

The portfolio is the shipped framework, its renamed and edited copy (the same outcome ids, other
links and lists) and the mini framework. Each layer (networkx, the property graph, RDF) must
hold, for each framework, exactly what it holds for that framework alone; the only nodes they
share are the SDG catalogue's and the UN entity registry's, so UNDP is one node.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

import cfgraph
from cfgraph.errors import DataError, ValidationFailed
from cfgraph.graph import to_networkx
from cfgraph.lpg import property_graph
from cfgraph.namespaces import framework_iri, un_entity_iri
from cfgraph.portfolio import framework_folders, load_portfolio
from cfgraph.rdf.build import build_graph, build_portfolio
from tests.conftest import COPY_ID, DATA

KZ = "kazakhstan-2021-2025"
MINI_ID = "examplestan-2026-2030"
RIVER_ID = "riverland-2027-2031"


def test_a_folder_of_frameworks_loads_in_folder_order(
    portfolio_dir: Path, portfolio: list[cfgraph.Framework]
) -> None:
    folders = ["examplestan", "kazakhstan", "kazakhstan-copy", "riverland"]
    assert [p.name for p in framework_folders(portfolio_dir)] == folders
    assert [fw.info.id for fw in portfolio] == [MINI_ID, KZ, COPY_ID, RIVER_ID]
    assert [fw.info.id for fw in load_portfolio([portfolio_dir / "kazakhstan-copy", cfgraph.MINI])] == [
        COPY_ID, MINI_ID,
    ]  # fmt: skip
    assert framework_folders(portfolio_dir / "kazakhstan") == [portfolio_dir / "kazakhstan"]


def test_the_copy_has_the_same_outcome_ids_but_other_facts(portfolio: list[cfgraph.Framework]) -> None:
    _, kz, copy, _ = portfolio
    assert [o.id for o in kz.outcomes] == [o.id for o in copy.outcomes]
    assert "undp" in kz.agencies_of("1.1", "narrative") and "undp" not in copy.agencies_of("1.1", "narrative")
    assert sum(ol.target == "1.1" for ol in kz.outcome_links) == 10
    assert sum(ol.target == "1.1" for ol in copy.outcome_links) == 0


def test_two_frameworks_with_one_id_are_refused(tmp_path: Path) -> None:
    shutil.copytree(cfgraph.MINI, tmp_path / "a")
    shutil.copytree(cfgraph.MINI, tmp_path / "b")
    with pytest.raises(DataError, match=rf"^two folders hold the framework '{MINI_ID}': .*a and .*b; "):
        load_portfolio(tmp_path)


def test_a_folder_without_frameworks_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"no framework folder \(one holding framework.csv\) there or below"):
        load_portfolio(tmp_path)


def test_every_problem_of_every_framework_is_reported(tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copytree(cfgraph.MINI, tmp_path / name)
    (tmp_path / "b" / "framework.csv").write_text(
        (tmp_path / "b" / "framework.csv").read_text(encoding="utf-8").replace(MINI_ID, "other-2026-2030", 1),
        encoding="utf-8",
    )
    for name in ("a", "b"):
        shutil.copy(DATA / "bad" / "wrong-type" / "indicators.csv", tmp_path / name / "indicators.csv")
    with pytest.raises(ValidationFailed) as caught:
        load_portfolio(tmp_path)
    assert [str(p) for p in caught.value.errors] == [
        f"{tmp_path / name}/indicators.csv:2: baseline_year: 'twenty' is not an integer"
        for name in ("a", "b")
    ]


def _own(g: object, fid: str) -> tuple[dict[str, dict[str, object]], set[tuple[str, str, str]]]:
    """The nodes of framework *fid* in a networkx graph and the edges that belong to it."""
    nodes = {n: d for n, d in g.nodes(data=True) if d["framework"] == fid}  # type: ignore[attr-defined]
    edges = {
        (u, v, k)
        for u, v, k, d in g.edges(keys=True, data=True)  # type: ignore[attr-defined]
        if d.get("framework") == fid
    }
    return nodes, edges


def test_networkx_keeps_each_framework_as_it_is_alone(portfolio: list[cfgraph.Framework]) -> None:
    g = to_networkx(portfolio)
    for fw in portfolio:
        alone = to_networkx(fw)
        assert _own(g, fw.info.id) == _own(alone, fw.info.id), fw.info.id
    singles = [to_networkx(fw) for fw in portfolio]
    assert set(g) == set().union(*singles)
    shared = {n for n in g if g.nodes[n]["framework"] is None}
    assert {g.nodes[n]["kind"] for n in shared} == {"sdg-goal", "sdg-target", "sdg-indicator", "un-entity"}


def test_undp_is_one_node_that_every_framework_points_to(portfolio: list[cfgraph.Framework]) -> None:
    g = to_networkx(portfolio)
    undp = [n for n, d in g.nodes(data=True) if d["kind"] == "un-entity" and d["label"] == "UNDP"]
    assert undp == ["un/undp"]
    pointing = sorted(u for u, _, kind in g.in_edges("un/undp", data="kind") if kind == "is-un-entity")
    assert pointing == [f"{MINI_ID}/agency/undp", f"{KZ}/agency/undp", f"{COPY_ID}/agency/undp",
                        f"{RIVER_ID}/agency/undp"]  # fmt: skip
    # the outcomes of each framework stay apart: the copy's outcome 1.1 has no stated link towards it
    links = {
        fid: sum(1 for _, _, kind in g.in_edges(f"{fid}/outcome/1.1", data="kind") if kind == "outcome-link")
        for fid in (KZ, COPY_ID)
    }
    assert links == {KZ: 10, COPY_ID: 0}
    assert g.nodes[f"{KZ}/outcome/1.1"]["statement"] == g.nodes[f"{COPY_ID}/outcome/1.1"]["statement"]


def test_the_property_graph_keeps_each_framework_as_it_is_alone(portfolio: list[cfgraph.Framework]) -> None:
    pg = property_graph(portfolio)
    for fw in portfolio:
        alone = property_graph(fw)
        fid = fw.info.id
        mine = [n for n in pg.nodes if n.properties.get("framework") == fid]
        assert mine == [n for n in alone.nodes if n.properties.get("framework") == fid]
        rels = [r for r in pg.relationships if r.properties.get("framework") == fid]
        assert rels == [r for r in alone.relationships if r.properties.get("framework") == fid]
    undp = [n.key for n in pg.nodes if n.label == "UnEntity" and n.properties["name"] == "UNDP"]
    assert undp == ["un/undp"]
    assert pg.frameworks == [MINI_ID, KZ, COPY_ID, RIVER_ID]


def _triples_of(g: Graph, fid: str) -> set[tuple[object, object, object]]:
    base = str(framework_iri(fid))
    return {(s, p, o) for s, p, o in g if str(s) == base or str(s).startswith(base + "/")}


def test_rdf_keeps_each_framework_as_it_is_alone(portfolio: list[cfgraph.Framework]) -> None:
    both = build_portfolio(portfolio)
    singles = [build_graph(fw) for fw in portfolio]
    for fw, alone in zip(portfolio, singles, strict=True):
        assert _triples_of(both, fw.info.id) == _triples_of(alone, fw.info.id), fw.info.id
    assert set(both) == set().union(*(set(g) for g in singles))
    undp = un_entity_iri("undp")
    assert {s for s in both.subjects(URIRef("https://w3id.org/cfgraph/ontology#unEntity"), undp)} == {
        framework_iri(fid, "agency", "undp") for fid in (MINI_ID, KZ, COPY_ID, RIVER_ID)
    }
