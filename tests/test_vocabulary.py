"""One vocabulary across every layer: each kind of node and link that networkx, the property graph,
the RDF graph and ontology, the JSON document, the Kumu export and the views use is declared in
cfgraph.vocabulary, with the same direction and symmetry everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

import cfgraph
from cfgraph.analysis.networks import influence_graph
from cfgraph.export.json_document import framework_document
from cfgraph.export.kumu import kumu_sheets
from cfgraph.graph import to_networkx
from cfgraph.lpg import NODE_LABELS, REL_TYPES, property_graph
from cfgraph.model import TABLES
from cfgraph.namespaces import CFG, OWL, RDF, SKOS, curie, link_kind_iri
from cfgraph.rdf.build import build_graph
from cfgraph.render.views import list_views, render_view
from cfgraph.resources import resource_dir
from cfgraph.vocabulary import (
    ENTITIES,
    LINK_KINDS,
    PARTNER_TYPES,
    RELATIONS,
    entity_kind,
    key,
    split_key,
    split_typed_id,
    typed_id,
)


@pytest.fixture(scope="module")
def both(kz: cfgraph.Framework, mini: cfgraph.Framework) -> list[cfgraph.Framework]:
    return [kz, mini]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource_dir("ontology") / "cfgraph.ttl")


def test_networkx_uses_only_declared_kinds_in_their_declared_direction(both: list[cfgraph.Framework]) -> None:
    g = to_networkx(both)
    assert {d["kind"] for _, d in g.nodes(data=True)} <= set(ENTITIES)
    for u, v, d in g.edges(data=True):
        rel = RELATIONS[d["kind"]]
        assert rel.source == g.nodes[u]["kind"], (u, v, d["kind"])
        assert rel.target in ("*", g.nodes[v]["kind"]), (u, v, d["kind"])
        if "link_kind" in d:
            assert d["link_kind"] in LINK_KINDS
    for n, d in g.nodes(data=True):
        assert key(d["kind"], str(d["id"]), d["framework"]) == n


def test_property_graph_labels_and_types_come_from_the_vocabulary(both: list[cfgraph.Framework]) -> None:
    pg = property_graph(both)
    labels = {k.label: k for k in ENTITIES.values()}
    assert set(NODE_LABELS) <= set(labels)
    assert set(REL_TYPES) == {r.lpg_type for r in RELATIONS.values() if not r.derived}
    for r in pg.relationships:
        rel = RELATIONS[r.relation]
        assert rel.lpg_type == r.type and labels[r.source_label].name == rel.source
        assert rel.target == "*" or labels[r.target_label].name == rel.target
    for n in pg.nodes:
        assert split_key(n.key)[1] == labels[n.label].name


def test_rdf_classes_are_declared_in_the_ontology(ontology: Graph, mini: cfgraph.Framework) -> None:
    declared = set(ontology.subjects(RDF.type, OWL.Class))
    for spec in TABLES:
        for cls in spec.rdf_class:
            if cls.startswith("cfg:"):
                assert curie(cls) in declared, cls
    for kind in ENTITIES.values():
        assert CFG[kind.rdf_class] in declared, kind.rdf_class
    for partner_type in PARTNER_TYPES.values():
        assert CFG[partner_type.rdf_class] in declared
    used = {o for s, p, o in build_graph(mini).triples((None, RDF.type, None)) if str(o).startswith(str(CFG))}
    assert used <= declared


def test_link_kinds_have_one_symmetry_everywhere(ontology: Graph, mini: cfgraph.Framework) -> None:
    symmetric = {p for p in ontology.subjects(RDF.type, OWL.SymmetricProperty) if str(p).startswith(str(CFG))}
    assert symmetric == {CFG[k.rdf_property] for k in LINK_KINDS.values() if k.symmetric}
    for k in LINK_KINDS.values():
        assert str(ontology.value(link_kind_iri(k.name), SKOS.definition)) == k.definition
        assert (CFG[k.rdf_property], RDF.type, OWL.ObjectProperty) in ontology
    from dataclasses import replace

    for k in LINK_KINDS.values():
        fw = replace(mini, outcome_links=tuple(replace(ol, kind=k.name) for ol in mini.outcome_links))
        pairs = {(u, v) for u, v, _ in influence_graph(fw).edges(keys=True)}
        assert (len(pairs) == 2) == k.symmetric
        rows = kumu_sheets(fw)["Connections"]
        [link] = [r for r in rows if r["Type"] == "LINKS_TO" and r["From"].endswith("/outcome/1.1")]
        assert (link["Direction"] == "mutual") == k.symmetric


def test_view_data_uses_declared_kinds_and_arrows(mini: cfgraph.Framework) -> None:
    for spec in list_views():
        html = render_view(mini, spec.name).html
        found = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', html, re.S)
        assert found is not None
        data = json.loads(found[1])
        assert {n["kind"] for n in data["nodes"]} <= set(ENTITIES)
        for e in data["edges"]:
            rel = RELATIONS[e["kind"]]
            relation = e["fk"].partition("|")[2]
            if e["kind"] == "outcome-link":  # one line per pair: arrowheads iff a directed kind is stated
                kinds = {k for k in LINK_KINDS if k.replace("-", " ") in e["label"].split(", ")}
                ends = e["arrows"]["to"]["enabled"] or e["arrows"]["from"]["enabled"]
                assert kinds and ends == any(LINK_KINDS[k].arrow for k in kinds), e["label"]
                continue
            arrow = rel.arrow and (LINK_KINDS[relation].arrow if relation in LINK_KINDS else True)
            assert e["arrows"]["to"]["enabled"] == arrow, e["kind"]
        for style in spec.nodes:
            if style.kind == "partner":
                assert set(style.palette) <= set(PARTNER_TYPES)


def test_json_document_and_tables_use_declared_names(mini: cfgraph.Framework) -> None:
    doc = framework_document(mini)
    assert {link["kind"] for link in doc["outcome_links"] + doc["target_links"]} <= set(LINK_KINDS)
    assert {p["type"] for p in doc["partners"]} <= set(PARTNER_TYPES)
    entity_tables = {k.table for k in ENTITIES.values() if k.table}
    assert entity_tables <= {t.name for t in TABLES}
    for spec in TABLES:
        assert spec.kind is None or spec.kind in ENTITIES
        assert set(spec.relation_names()) <= set(RELATIONS)
        assert spec.relation is None or spec.relation_names()
        for column in spec.columns:
            assert column.relation is None or column.relation in RELATIONS


def test_no_layer_spells_a_kind_on_its_own() -> None:
    """The old per-layer spellings are gone from the code: every layer reads the vocabulary."""
    package = Path(cfgraph.__file__).parent
    old = re.compile(
        r"[\"'](lnob_group|lnob|sdg_indicator_target|contributing-agency|sdgind|rg)[\"':]|[\"']target:"
    )
    offenders = [
        f"{path.relative_to(package)}:{n}"
        for path in sorted(package.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if old.search(line) and "aliases=" not in line and not line.lstrip().startswith(">>>")
    ]
    assert offenders == []


def test_typed_ids_round_trip() -> None:
    for kind in ENTITIES:
        assert split_typed_id(typed_id(kind, "x")) == (kind, "x")
        for alias in ENTITIES[kind].aliases:
            assert entity_kind(alias).name == kind


#: Words of one framework or one document's layout, which no code, check, query or view may use.
_ONE_DOCUMENT = re.compile(r"kazakh|section 2\.\d|annex 1|partnerships paragraph|legal annex", re.IGNORECASE)


def test_no_code_speaks_of_one_framework_or_one_document_layout() -> None:
    """Frameworks are data: code, templates, ontology, queries and view definitions stay neutral
    (the example folder's own source text is data, not code)."""
    root = Path(cfgraph.__file__).resolve().parent.parent
    suffixes = {".py", ".j2", ".js", ".css", ".ttl", ".rq", ".cypher", ".yaml"}
    found = []
    for folder in ("cfgraph", "ontology", "queries", "visualisations"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in suffixes and "examples" not in path.parts and "vendor" not in path.parts:
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if _ONE_DOCUMENT.search(line):
                        found.append(f"{path.relative_to(root)}:{n}: {line.strip()}")
    assert found == []
