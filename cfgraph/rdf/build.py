"""Model -> RDF: one rdflib graph of a framework under the cfgraph ontology.

Every row of every table becomes a node, mapped by the table's declaration
(:mod:`cfgraph.model.schema`): its IRI from the table's template (``…/id/<framework>/outcome/1.1``,
never from memory or order, so two builds give the same graph), its classes, and one triple per
column value under the column's property; ``cfg:sourceLines`` keeps the cell and
``prov:wasDerivedFrom`` points to the source excerpts (document lines). Rows that relate two
things (an outcome listing an SDG target, an agency contributing to an outcome, a stated link)
are qualified-relation nodes; the builder also adds the direct shortcut triple the vocabulary
declares for the relation (``cfg:contributingAgency``, ``cfg:affects``, ...) that queries follow.
What no column says (labels, sort keys, memberships, computed inconsistencies) is added by the
few extras at the end of this module. SDG goals, targets and indicators (``…/id/sdg/3.8``) and the
UN registry's entities (``…/id/un/undp``, which each agency points to with ``cfg:unEntity``) are
the only nodes two frameworks' graphs share.

>>> import cfgraph
>>> g = build_graph(cfgraph.load(cfgraph.MINI))
>>> from cfgraph.namespaces import CFG, RDF, framework_iri
>>> (framework_iri("examplestan-2026-2030", "outcome", "1.1"), RDF.type, CFG.Outcome) in g
True
>>> ref = framework_iri("examplestan-2026-2030", "outcome", "2.1", "target", "narrative", "global", "4")
>>> str(g.value(ref, CFG.code)), g.value(ref, CFG.unresolved).toPython(), g.value(ref, CFG.sdgTarget)
('18.7', True, None)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef

from cfgraph.model import TABLES, TableSpec, rows_of, table_spec
from cfgraph.model.schema import Column
from cfgraph.namespaces import (
    CFG,
    DCTERMS,
    ORG,
    PREFIXES,
    PROV,
    QB,
    RDF,
    RDFS,
    SKOS,
    XSD,
    curie,
    framework_iri,
    link_kind_iri,
    sdg_iri,
    sort_key,
    un_entity_iri,
)
from cfgraph.rdf.sdg_nodes import add_sdg_nodes
from cfgraph.rdf.un_nodes import add_un_entity_nodes
from cfgraph.vocabulary import ENTITIES, LINK_KINDS, PARTNER_TYPES, RELATIONS

if TYPE_CHECKING:
    from rdflib.term import Node

    from cfgraph.model import Framework

__all__ = ["build_graph", "build_portfolio", "new_graph", "row_iri"]


def new_graph() -> Graph:
    """An empty graph with cfgraph's prefixes bound."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def row_iri(framework_id: str, spec: TableSpec, row: Any) -> URIRef:
    """The IRI of one row of table *spec* (the framework's own IRI for its one metadata row)."""
    if spec.kind == "framework":
        return framework_iri(framework_id)
    if spec.iri:
        return framework_iri(framework_id, *spec.iri_parts(row))
    return framework_iri(framework_id, ENTITIES[str(spec.kind)].segment, str(row.id))


def _excerpt_range(part: str) -> tuple[int, int]:
    first, _, last = part.partition("-")
    return int(first), int(last or first)


class _Builder:
    """Adds the triples of one framework to a graph."""

    def __init__(self, fw: Framework, graph: Graph) -> None:
        self.fw = fw
        self.g = graph
        self.fid = fw.info.id
        self.fw_iri = framework_iri(self.fid)
        self.sdg_codes: set[str] = set()
        self.un_ids: set[str] = set()

    # -- helpers ----------------------------------------------------------------------------
    def iri(self, *parts: str) -> URIRef:
        return framework_iri(self.fid, *parts)

    def add(self, s: Node, p: URIRef, o: Node | str | int | bool | None) -> None:
        if o is None:
            return
        self.g.add((s, p, o if isinstance(o, URIRef | Literal | BNode) else Literal(o)))

    def source_id(self, source_id: str | None) -> str:
        """The id of the source a row cites: its own, else the first of ``sources.csv``, else
        ``""`` for the one source ``framework.csv`` names."""
        if source_id:
            return source_id
        return self.fw.sources[0].id if self.fw.sources else ""

    def source_iri(self, source_id: str) -> URIRef:
        return self.iri("source", source_id) if source_id else self.iri("source")

    def provenance(
        self, iri: URIRef, lines: str, source_id: str | None = None, locator: str | None = None
    ) -> None:
        """The row's citation: ``cfg:sourceLines`` as written and ``prov:wasDerivedFrom`` each
        excerpt (document lines) of its source, or the source itself when cited by a locator."""
        sid = self.source_id(source_id)
        if lines:
            self.add(iri, CFG.sourceLines, lines)
            for part in lines.split(";"):
                if part:
                    self.g.add((iri, PROV.wasDerivedFrom, self.excerpt(part, sid)))
        elif locator:
            self.g.add((iri, PROV.wasDerivedFrom, self.source_iri(sid)))

    def excerpt(self, part: str, sid: str = "") -> URIRef:
        first, last = _excerpt_range(part)
        document = self.source_iri(sid)
        iri = URIRef(f"{document}/L{part}")
        if (iri, RDF.type, CFG.SourceExcerpt) not in self.g:
            self.g.add((iri, RDF.type, CFG.SourceExcerpt))
            self.g.add((iri, DCTERMS.isPartOf, document))
            self.g.add((iri, CFG.firstLine, Literal(first)))
            self.g.add((iri, CFG.lastLine, Literal(last)))
            self.g.add((iri, RDFS.label, Literal(f"{self.source_name(sid)} lines {part}")))
            text = self.fw.texts.get(sid, ())[first - 1 : last]
            if text:
                self.g.add((iri, PROV.value, Literal("\n".join(text))))
        return iri

    def source_name(self, sid: str) -> str:
        found = next((s for s in self.fw.sources if s.id == sid), None)
        if found is not None:
            return found.path or found.title
        return self.fw.info.source_file or sid

    def sdg(self, code: str) -> URIRef:
        self.sdg_codes.add(code)
        return sdg_iri(code)

    def un_entity(self, entity_id: str) -> URIRef:
        self.un_ids.add(entity_id)
        return un_entity_iri(entity_id)

    def ref_iri(self, table: str, ident: str) -> URIRef:
        return self.iri(ENTITIES[str(table_spec(table).kind)].segment, ident)

    # -- the declared mapping ---------------------------------------------------------------
    def row(self, spec: TableSpec, row: Any) -> URIRef:
        iri = row_iri(self.fid, spec, row)
        for cls in spec.rdf_class:
            self.g.add((iri, RDF.type, curie(cls)))
        if spec.kind != "framework":
            self.g.add((iri, CFG.inFramework, self.fw_iri))
        for column in spec.columns:
            value = getattr(row, column.name)
            if column.rdf is not None and value not in (None, (), ""):
                self.value(spec, iri, column, value)
        self.provenance(iri, getattr(row, "source_lines", ""), getattr(row, "source_id", None),
                        getattr(row, "locator", None))  # fmt: skip
        self.ends(spec, iri, row)
        self.shortcut(spec, row)
        return iri

    def ends(self, spec: TableSpec, iri: URIRef, row: Any) -> None:
        """The ends of a row whose relation its own columns pick (codec ``end``): an outcome's
        IRI or an SDG target's, by the kinds the row's relation joins."""
        if spec.relation is None or spec.ends is None:
            return
        rel = RELATIONS[spec.relation_of(row)]
        for name, kind in zip(spec.ends, (rel.source, rel.target), strict=True):
            column = spec.column(name)
            if column.codec == "end" and column.rdf is not None:
                value = str(getattr(row, name))
                node = self.sdg(value) if ENTITIES[kind].shared else self.iri(ENTITIES[kind].segment, value)
                self.g.add((iri, curie(column.rdf), node))

    def subject(self, spec: TableSpec, iri: URIRef, column: Column) -> tuple[URIRef, URIRef]:
        """The node and property a column's value goes on (``a/b``: on the node ``a`` points to)."""
        path = str(column.rdf)
        if "/" not in path:
            return iri, curie(path)
        first, prop = path.split("/", 1)
        segment, classes = spec.rdf_nodes[first]
        node = URIRef(f"{iri}/{segment}")
        self.g.add((iri, curie(first), node))
        for cls in classes:
            self.g.add((node, RDF.type, curie(cls)))
        return node, curie(prop)

    def value(self, spec: TableSpec, iri: URIRef, column: Column, value: Any) -> None:
        subject, prop = self.subject(spec, iri, column)
        for item in value if column.is_list else (value,):
            _CODECS[column.codec](self, subject, prop, column, item)

    def shortcut(self, spec: TableSpec, row: Any) -> None:
        """The direct triple a relation row asserts (``outcome cfg:contributingAgency agency``)."""
        if spec.relation is None or spec.ends is None:
            return
        rel = RELATIONS[spec.relation_of(row)]
        ends = [spec.column(name) for name in spec.ends]
        if rel.rdf_property is None or any(c.ref is None for c in ends):
            return
        source, target = (self.ref_iri(str(c.ref), getattr(row, c.name)) for c in ends)
        s, o = (target, source) if rel.rdf_inverse else (source, target)
        self.g.add((s, curie(rel.rdf_property), o))

    def build(self) -> None:
        for spec in TABLES:
            extra = _EXTRAS.get(spec.name)
            for row in rows_of(self.fw, spec):
                iri = self.row(spec, row)
                if extra is not None:
                    extra(self, iri, row)
        self.computed_inconsistencies()
        add_sdg_nodes(self.g, self.fw.catalogue, self.sdg_codes)
        add_un_entity_nodes(self.g, self.fw.registry, self.un_ids)

    def computed_inconsistencies(self) -> None:
        from cfgraph.consistency import find_inconsistencies

        for inc in find_inconsistencies(self.fw):
            if inc.kind == "recorded":
                continue
            iri = self.iri("inconsistency", inc.id)
            for cls in (CFG.ComputedInconsistency, CFG.Inconsistency):
                self.g.add((iri, RDF.type, cls))
            self.g.add((iri, CFG.inFramework, self.fw_iri))
            self.add(iri, DCTERMS.identifier, inc.id)
            self.provenance(iri, ";".join(map(str, inc.source_lines)))
            self.add(iri, CFG.inconsistencyKind, inc.kind)
            self.add(iri, CFG.message, inc.message)
            for s in inc.subjects:
                self.add(iri, DCTERMS.subject, s)


# -- codecs: how one value becomes triples ----------------------------------------------------
Codec = Callable[[_Builder, URIRef, URIRef, Column, Any], None]


def _literal(b: _Builder, s: URIRef, p: URIRef, c: Column, v: Any) -> None:
    b.add(s, p, v)


def _ref(b: _Builder, s: URIRef, p: URIRef, c: Column, v: Any) -> None:
    b.g.add((s, p, b.ref_iri(str(c.ref), v)))


def _sdg_target(b: _Builder, s: URIRef, p: URIRef, c: Column, v: Any) -> None:
    """An SDG target; a code that is not one stays a literal, flagged unresolved."""
    if b.fw.catalogue.is_target(v):
        b.g.add((s, p, b.sdg(v)))
    else:
        b.g.add((s, CFG.unresolvedCode, Literal(v)))


def _un_entity(b: _Builder, s: URIRef, p: URIRef, c: Column, v: Any) -> None:
    """An entity of the UN registry; an id the registry lacks stays a literal, flagged unresolved."""
    if v in b.fw.registry:
        b.g.add((s, p, b.un_entity(v)))
    else:
        b.g.add((s, CFG.unresolvedEntity, Literal(v)))


def _partner_type(b: _Builder, s: URIRef, p: URIRef, c: Column, v: Any) -> None:
    b.add(s, p, v)
    b.g.add((s, RDF.type, CFG[PARTNER_TYPES[v].rdf_class]))


def _shared_node(segment: str, cls: URIRef, prop: URIRef) -> Codec:
    """A codec for a value that names a node of its own, one per value in the framework
    (``…/<segment>/<value>``), of class *cls*, with the value under *prop* and as its identifier."""

    def codec(b: _Builder, s: URIRef, p: URIRef, c: Column, v: Any) -> None:
        node = b.iri(segment, v)
        b.g.add((s, p, node))
        b.g.add((node, RDF.type, cls))
        b.g.add((node, prop, Literal(v)))
        b.g.add((node, DCTERMS.identifier, Literal(v)))

    return codec


_CODECS: dict[str, Codec] = {
    "literal": _literal,
    "ref": _ref,
    "provenance": lambda b, s, p, c, v: None,  # written with the row's whole citation (provenance)
    "sdg-target": _sdg_target,
    "un-entity": _un_entity,
    "link-kind": lambda b, s, p, c, v: b.add(s, p, link_kind_iri(v)),
    "partner-type": _partner_type,
    "decimal": lambda b, s, p, c, v: b.add(s, p, Literal(Decimal(repr(float(v))), datatype=XSD.decimal)),
    "gyear": lambda b, s, p, c, v: b.add(s, p, Literal(str(v), datatype=XSD.gYear)),
    "iri": lambda b, s, p, c, v: b.add(s, p, URIRef(v)),
    "date": lambda b, s, p, c, v: b.add(s, p, Literal(str(v), datatype=XSD.date)),
    "agent": _shared_node("reviewer", PROV.Agent, RDFS.label),  # a reviewer
    "sheet": _shared_node("review-sheet", CFG.ReviewSheet, CFG.sha256),  # a review sheet, by its SHA-256
    "end": lambda b, s, p, c, v: None,  # added by _Builder.ends, which knows the row's relation
}


# -- extras: what no column states --------------------------------------------------------------
def _framework(b: _Builder, fw: URIRef, info: Any) -> None:
    unct = b.iri("unct")
    b.g.add((unct, RDF.type, ORG.Organization))
    b.g.add((unct, RDFS.label, Literal(f"UN Country Team, {info.country}")))
    b.g.add((fw, CFG.signatory, unct))
    dataset = b.iri("indicator-observations")
    b.g.add((dataset, RDF.type, QB.DataSet))
    b.g.add((dataset, QB.structure, CFG.IndicatorObservationStructure))
    b.g.add((dataset, RDFS.label, Literal(f"Baselines and targets of the {info.title}")))
    for kind in sorted(LINK_KINDS.values(), key=lambda k: k.name):
        iri = link_kind_iri(kind.name)
        b.g.add((iri, RDF.type, CFG.LinkKind))
        b.g.add((iri, SKOS.prefLabel, Literal(kind.name.replace("-", " "))))
        b.g.add((iri, SKOS.notation, Literal(kind.name)))
        b.g.add((iri, CFG.impliesProperty, CFG[kind.rdf_property]))


def _source(b: _Builder, iri: URIRef, src: Any) -> None:
    b.g.add((b.fw_iri, CFG.sourceDocument, iri))


def _outcome(b: _Builder, iri: URIRef, o: Any) -> None:
    b.add(iri, RDFS.label, f"Outcome {o.id}")
    b.add(iri, CFG.sortKey, sort_key(o.id))


def _outcome_target(b: _Builder, iri: URIRef, t: Any) -> None:
    if t.valid:
        target = b.sdg(t.code)
        b.g.add((iri, CFG.sdgTarget, target))
        b.g.add((b.iri("outcome", t.outcome), CFG.listsTarget, target))
    else:
        b.add(iri, CFG.unresolved, True)


def _agency(b: _Builder, iri: URIRef, a: Any) -> None:
    membership = b.iri("agency", a.id, "membership")
    b.g.add((membership, RDF.type, ORG.Membership))
    b.g.add((membership, ORG.member, iri))
    b.g.add((membership, ORG.organization, b.iri("unct")))


def _indicator(b: _Builder, iri: URIRef, ind: Any) -> None:
    b.add(iri, CFG.sortKey, sort_key(ind.id))
    for code in b.fw.sdg_indicators_of(ind):
        if b.fw.catalogue.is_indicator(code):
            b.g.add((iri, CFG.measures, b.sdg(code)))
    for prop in (CFG.baselineObservation, CFG.targetObservation):
        for obs in b.g.objects(iri, prop):
            b.g.add((obs, QB.dataSet, b.iri("indicator-observations")))
            b.g.add((obs, CFG.indicator, iri))


def _sdg_link(b: _Builder, iri: URIRef, link: Any) -> None:
    if link.code_status == "ok":
        b.g.add((iri, CFG.sdgIndicator, b.sdg(link.sdg_indicator)))
    else:
        b.add(iri, CFG.unresolved, True)


def _outcome_link(b: _Builder, iri: URIRef, ol: Any) -> None:
    prop = CFG[LINK_KINDS[ol.kind].rdf_property]
    b.g.add((b.iri("outcome", ol.source), prop, b.iri("outcome", ol.target)))


_EXTRAS: dict[str, Callable[[_Builder, URIRef, Any], None]] = {
    "framework": _framework,
    "sources": _source,
    "outcomes": _outcome,
    "outcome_targets": _outcome_target,
    "agencies": _agency,
    "indicators": _indicator,
    "indicator_sdg_links": _sdg_link,
    "outcome_links": _outcome_link,
}


def build_graph(fw: Framework) -> Graph:
    """The RDF graph of one framework (data only; the ontology is in ``ontology/cfgraph.ttl``).

    Parameters
    ----------
    fw : Framework
        A loaded framework (:func:`cfgraph.load`).

    Returns
    -------
    rdflib.Graph
        Deterministic: the same framework always gives the same triples, with no blank nodes.

    Examples
    --------
    >>> import cfgraph
    >>> g = build_graph(cfgraph.load(cfgraph.MINI))
    >>> from cfgraph.namespaces import SKOS, sdg_iri
    >>> sorted(str(o) for o in g.objects(sdg_iri("6.1"), SKOS.exactMatch))
    ['http://metadata.un.org/sdg/6.1']
    """
    graph = new_graph()
    _Builder(fw, graph).build()
    return graph


def build_portfolio(frameworks: Iterable[Framework]) -> Graph:
    """One graph of several frameworks (their ids must differ); SDG nodes are shared."""
    graph = new_graph()
    for fw in frameworks:
        _Builder(fw, graph).build()
    return graph
