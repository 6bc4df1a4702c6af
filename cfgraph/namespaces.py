"""Every IRI and prefix cfgraph uses, in one place.

The ontology lives in :data:`CFG` (``cfg:``); the framework's own things get IRIs under
:data:`ID_BASE` built from their ids by :func:`framework_iri` and friends, so two builds give the
same IRIs. SDG goals, targets and indicators get one shared IRI per code (``…/id/sdg/3.8``),
which is ``skos:exactMatch`` the UN SDG Knowledge Organization System (:func:`un_sdg_iri`); the
entities of the UN entity registry one shared IRI per id (``…/id/un/undp``, :func:`un_entity_iri`).

>>> str(framework_iri("kz", "outcome", "1.1"))
'https://w3id.org/cfgraph/id/kz/outcome/1.1'
>>> str(un_entity_iri("un-women"))
'https://w3id.org/cfgraph/id/un/un-women'
>>> str(sdg_iri("3.8")), str(un_sdg_iri("3.8")), str(un_sdg_iri("1.a.1"))
('https://w3id.org/cfgraph/id/sdg/3.8', 'http://metadata.un.org/sdg/3.8', 'http://metadata.un.org/sdg/C010a01')
>>> iri_to_id("https://w3id.org/cfgraph/id/kz/outcome/1.1"), iri_to_id(CFG.Outcome)
('1.1', 'Outcome')
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from cfgraph.iris import CFG_BASE, ID_BASE, LINK_KIND_BASE, iri_to_id, sort_key

__all__ = [
    "CFG",
    "ID_BASE",
    "SDG_ID",
    "UN_ID",
    "UN_SDG",
    "SDGO",
    "ORG",
    "QB",
    "SDMX_DIMENSION",
    "SDMX_MEASURE",
    "DCTERMS",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "XSD",
    "PREFIXES",
    "curie",
    "ONTOLOGY_IRI",
    "SHAPES_IRI",
    "framework_iri",
    "sdg_iri",
    "un_entity_iri",
    "un_sdg_iri",
    "link_kind_iri",
    "iri_to_id",
    "sort_key",
]

#: The cfgraph ontology (classes and properties).
CFG = Namespace(CFG_BASE)
ONTOLOGY_IRI = URIRef("https://w3id.org/cfgraph/ontology")
SHAPES_IRI = URIRef("https://w3id.org/cfgraph/shapes")
#: Where the things a framework names get their IRIs.
#: cfgraph's own SDG goal/target/indicator nodes, shared by every framework.
SDG_ID = Namespace(ID_BASE + "sdg/")
#: cfgraph's nodes for the entities of the UN entity registry, shared by every framework.
UN_ID = Namespace(ID_BASE + "un/")
#: The UN SDG Knowledge Organization System (goals ``/sdg/3``, targets ``/sdg/3.8``).
UN_SDG = Namespace("http://metadata.un.org/sdg/")
SDGO = Namespace("http://metadata.un.org/sdg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
LINK_KIND = Namespace(LINK_KIND_BASE)

#: Prefixes bound in every graph, query and serialisation.
PREFIXES: dict[str, Namespace] = {
    "cfg": CFG,
    "cfsdg": SDG_ID,
    "cfun": UN_ID,
    "dcterms": Namespace(str(DCTERMS)),
    "kind": LINK_KIND,
    "org": ORG,
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "qb": QB,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "sdg": UN_SDG,
    "sdgo": SDGO,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdmx-measure": SDMX_MEASURE,
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
}

def curie(text: str) -> URIRef:
    """The IRI of a compact name (``skos:prefLabel``) under the prefixes of :data:`PREFIXES`.

    >>> str(curie("skos:prefLabel"))
    'http://www.w3.org/2004/02/skos/core#prefLabel'
    """
    prefix, _, local = text.partition(":")
    return PREFIXES[prefix][local]


def _segment(value: str) -> str:
    return quote(value, safe="-._~")


def framework_iri(framework_id: str, *parts: str) -> URIRef:
    """The IRI of the framework itself, or of a thing inside it (``kind``, ``id``, ...)."""
    return URIRef(ID_BASE + "/".join(_segment(p) for p in (framework_id, *parts)))


def sdg_iri(code: str) -> URIRef:
    """cfgraph's node for an SDG goal (``3``), target (``3.8``) or indicator (``3.8.1``)."""
    return SDG_ID[_segment(code)]


def un_entity_iri(entity_id: str) -> URIRef:
    """cfgraph's node for an entity of the UN entity registry (``undp``)."""
    return UN_ID[_segment(entity_id)]


def un_sdg_iri(code: str) -> URIRef:
    """The UN SDG KOS IRI of a goal, target or indicator code.

    Goals and targets use their code (``…/sdg/3``, ``…/sdg/3.8``); indicators use the KOS
    ``C`` + goal + target + number form (``3.8.1`` -> ``…/sdg/C030801``, ``1.a.1`` -> ``…/sdg/C010a01``).
    """
    parts = code.split(".")
    if len(parts) < 3:
        return UN_SDG[code]
    goal, target, number = parts[:3]
    return UN_SDG["C" + goal.zfill(2) + target.zfill(2) + number.zfill(2)]


def link_kind_iri(kind: str) -> URIRef:
    """The SKOS concept for a link kind (``depends-on``)."""
    return LINK_KIND[_segment(kind)]
