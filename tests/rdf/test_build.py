"""Model -> RDF: IRIs, SDG links to the UN KOS, unresolved codes, qualified links, ontology coverage."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef

import cfgraph
from cfgraph.namespaces import (
    CFG,
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    UN_SDG,
    framework_iri,
    link_kind_iri,
    sdg_iri,
    un_sdg_iri,
)
from cfgraph.rdf.build import build_graph, build_portfolio
from cfgraph.resources import resource_dir

KZ = "kazakhstan-2021-2025"


@pytest.fixture(scope="module")
def kz_graph(kz: cfgraph.Framework) -> Graph:
    return build_graph(kz)


@pytest.fixture(scope="module")
def mini_graph(mini: cfgraph.Framework) -> Graph:
    return build_graph(mini)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource_dir("ontology") / "cfgraph.ttl", format="turtle")


def test_ids_become_stable_iris(kz_graph: Graph) -> None:
    outcome = URIRef("https://w3id.org/cfgraph/id/kazakhstan-2021-2025/outcome/1.1")
    assert (outcome, RDF.type, CFG.Outcome) in kz_graph
    assert kz_graph.value(outcome, DCTERMS.identifier) == Literal("1.1")
    assert kz_graph.value(outcome, CFG.thematicArea) == framework_iri(KZ, "thematic-area", "1")


def test_no_blank_nodes(kz_graph: Graph) -> None:
    assert not [t for t in kz_graph if any(isinstance(x, BNode) for x in t)]


@pytest.mark.parametrize(
    ("code", "cls", "un"),
    [
        ("3", CFG.SdgGoal, "http://metadata.un.org/sdg/3"),
        ("3.8", CFG.SdgTarget, "http://metadata.un.org/sdg/3.8"),
        ("16.b", CFG.SdgTarget, "http://metadata.un.org/sdg/16.b"),
        ("16.10.2", CFG.SdgIndicator, "http://metadata.un.org/sdg/C161002"),
        ("1.b.1", CFG.SdgIndicator, "http://metadata.un.org/sdg/C010b01"),
    ],
)
def test_sdg_nodes_exact_match_the_un_kos(kz_graph: Graph, code: str, cls: URIRef, un: str) -> None:
    node = sdg_iri(code)
    assert (node, RDF.type, cls) in kz_graph
    assert list(kz_graph.objects(node, SKOS.exactMatch)) == [URIRef(un)]
    assert kz_graph.value(node, SKOS.notation) == Literal(code)


def test_target_and_indicator_have_broader_concepts(kz_graph: Graph) -> None:
    assert kz_graph.value(sdg_iri("3.8"), SKOS.broader) == sdg_iri("3")
    assert kz_graph.value(sdg_iri("3.4.2"), SKOS.broader) == sdg_iri("3.4")
    assert kz_graph.value(sdg_iri("3.8"), SKOS.prefLabel) is not None


@pytest.mark.parametrize(
    ("outcome", "listed_in", "code"), [("3.1", "narrative", "3.2.a"), ("3.1", "results_matrix", "18.7")]
)
def test_invalid_codes_stay_literals_flagged_unresolved(
    kz_graph: Graph, outcome: str, listed_in: str, code: str
) -> None:
    refs = [
        r
        for r in kz_graph.subjects(CFG.code, Literal(code))
        if kz_graph.value(r, CFG.outcome) == framework_iri(KZ, "outcome", outcome)
        and str(kz_graph.value(r, CFG.listedIn)) == listed_in
    ]
    assert len(refs) == 1
    ref = refs[0]
    assert kz_graph.value(ref, CFG.unresolved) == Literal(True)
    assert kz_graph.value(ref, CFG.codeStatus) == Literal("invalid-in-source")
    assert kz_graph.value(ref, CFG.sdgTarget) is None


def test_no_fake_sdg_iris(kz_graph: Graph) -> None:
    for bad in ("18.7", "3.2.a"):
        assert (sdg_iri(bad), None, None) not in kz_graph
        assert (None, None, sdg_iri(bad)) not in kz_graph
        assert (None, SKOS.exactMatch, un_sdg_iri(bad)) not in kz_graph
    # every UN IRI the graph uses belongs to a goal, target or indicator the catalogue knows
    catalogue = cfgraph.load_catalogue()
    for node, un in kz_graph.subject_objects(SKOS.exactMatch):
        code = str(kz_graph.value(node, SKOS.notation))
        assert code in catalogue.goals or catalogue.is_target(code) or catalogue.is_indicator(code)
        assert str(un).startswith(str(UN_SDG))


def test_outcome_link_is_a_node_with_kind_quote_and_provenance(
    kz_graph: Graph, kz: cfgraph.Framework
) -> None:
    link = kz.outcome_links[3]  # OL04: 2.2 affects 1.1 via 10.2
    node = framework_iri(KZ, "outcome-link", link.id)
    assert (node, RDF.type, CFG.OutcomeLink) in kz_graph
    assert kz_graph.value(node, CFG.kind) == link_kind_iri(link.kind)
    assert str(kz_graph.value(node, CFG.quote)) == link.quote
    assert kz_graph.value(node, CFG.source) == framework_iri(KZ, "outcome", link.source)
    assert set(kz_graph.objects(node, CFG.viaTarget)) == {sdg_iri(c) for c in link.via_targets}
    excerpt = framework_iri(KZ, "source", f"L{link.source_lines}")
    assert (node, PROV.wasDerivedFrom, excerpt) in kz_graph
    assert kz_graph.value(excerpt, CFG.firstLine) == Literal(int(link.source_lines.split("-")[0]))
    assert link.quote.split("…")[0].strip()[:30] in str(kz_graph.value(excerpt, PROV.value))
    # and the shortcut a query follows
    assert (framework_iri(KZ, "outcome", "2.2"), CFG.affects, framework_iri(KZ, "outcome", "1.1")) in kz_graph


def test_target_link_is_a_node_with_every_source_and_target(kz_graph: Graph, kz: cfgraph.Framework) -> None:
    for link in kz.target_links:
        node = framework_iri(KZ, "target-link", link.id)
        assert set(kz_graph.objects(node, CFG.source)) == {sdg_iri(c) for c in link.sources}
        assert set(kz_graph.objects(node, CFG.target)) == {sdg_iri(c) for c in link.targets}
        assert str(kz_graph.value(node, CFG.quote)) == link.quote
        assert kz_graph.value(node, CFG.symmetric) == Literal(link.symmetric)
        assert len(list(kz_graph.objects(node, PROV.wasDerivedFrom))) == len(link.source_lines.split(";"))


def test_partner_typed_by_class(kz_graph: Graph) -> None:
    ministry = framework_iri(KZ, "partner", "ministry-of-healthcare")
    assert (ministry, RDF.type, CFG.Ministry) in kz_graph
    assert (ministry, RDF.type, CFG.Partner) in kz_graph
    assert Literal("Ministry of Health") in set(kz_graph.objects(ministry, SKOS.altLabel))


def test_indicator_observations_follow_the_data_cube(kz_graph: Graph) -> None:
    ind = framework_iri(KZ, "indicator", "1.1-02")
    baseline = kz_graph.value(ind, CFG.baselineObservation)
    assert baseline == framework_iri(KZ, "indicator", "1.1-02", "baseline")
    values = {str(p).rsplit("#", 1)[-1]: str(o) for p, o in kz_graph.predicate_objects(baseline)}
    assert values["obsValue"] == "21.7"
    assert values["refPeriod"] == "2019"
    assert values["rawText"] == "21,7% (2019)"
    assert (ind, CFG.measures, sdg_iri("1.b.1")) in kz_graph


def test_every_cfg_term_used_is_declared_with_label_and_definition(kz_graph: Graph, ontology: Graph) -> None:
    used = {p for p in kz_graph.predicates() if str(p).startswith(str(CFG))}
    used |= {c for c in kz_graph.objects(None, RDF.type) if str(c).startswith(str(CFG))}
    for term in sorted(used):
        assert (term, RDFS.label, None) in ontology, term
        assert (term, SKOS.definition, None) in ontology, term
        kind = ontology.value(term, RDF.type)
        assert kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty), term


def test_ontology_has_version_licence_and_labels(ontology: Graph) -> None:
    onto = URIRef("https://w3id.org/cfgraph/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) == Literal(cfgraph.__version__)
    assert ontology.value(onto, DCTERMS.license) is not None
    for term in ontology.subjects(RDF.type, OWL.Class):
        assert (term, RDFS.label, None) in ontology and (term, SKOS.definition, None) in ontology, term


def test_portfolio_shares_sdg_nodes(mini: cfgraph.Framework) -> None:
    import dataclasses

    other = dataclasses.replace(mini, info=dataclasses.replace(mini.info, id="other-2026-2030"))
    graph = build_portfolio([mini, other])
    assert len(set(graph.subjects(RDF.type, CFG.CooperationFramework))) == 2
    assert len(set(graph.subjects(RDF.type, CFG.Outcome))) == 4
    assert len(list(graph.objects(sdg_iri("6.1"), SKOS.exactMatch))) == 1
