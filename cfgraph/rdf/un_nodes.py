"""Nodes of the UN entity registry's entities, shared by every framework of a graph.

Only ids the registry holds become nodes, so a misspelt id in a framework never turns into a
fake entity IRI (it stays a literal under ``cfg:unresolvedEntity``).

>>> from cfgraph.namespaces import CFG, SKOS, un_entity_iri
>>> from cfgraph.rdf.build import new_graph
>>> from cfgraph.registry import load_registry
>>> g = new_graph()
>>> add_un_entity_nodes(g, load_registry(), {"undp", "nowhere"})
>>> undp = un_entity_iri("undp")
>>> str(g.value(undp, SKOS.prefLabel)), str(g.value(undp, CFG.systemCategory))
('UNDP', 'Funds and Programmes')
>>> len(set(g.subjects()))
1
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef

from cfgraph.namespaces import CFG, DCTERMS, ORG, RDF, RDFS, SKOS, un_entity_iri
from cfgraph.registry import UnRegistry

__all__ = ["add_un_entity_nodes"]


def add_un_entity_nodes(g: Graph, registry: UnRegistry, ids: Iterable[str]) -> None:
    """Add a node for every registry entity in *ids*: its names, where it sits, its source."""
    for entity_id in sorted(set(ids)):
        e = registry.entities.get(entity_id)
        if e is None:
            continue
        iri = un_entity_iri(e.id)
        for cls in (CFG.UnEntity, ORG.FormalOrganization):
            g.add((iri, RDF.type, cls))
        g.add((iri, DCTERMS.identifier, Literal(e.id)))
        g.add((iri, SKOS.prefLabel, Literal(e.abbreviation)))
        g.add((iri, CFG.fullName, Literal(e.name)))
        for alias in e.aliases:
            g.add((iri, SKOS.altLabel, Literal(alias)))
        for organ in e.principal_organ:
            g.add((iri, CFG.principalOrgan, Literal(organ)))
        for prop, value in ((CFG.systemCategory, e.category), (CFG.systemSubcategory, e.subcategory),
                            (CFG.headquarters, e.headquarters), (CFG.cebMember, e.ceb_member)):  # fmt: skip
            if value is not None:
                g.add((iri, prop, Literal(value)))
        if e.url:
            g.add((iri, RDFS.seeAlso, URIRef(e.url)))
        g.add((iri, DCTERMS.source, Literal(e.source)))
