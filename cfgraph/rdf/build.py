"""Model -> RDF: one rdflib graph of a framework under the cfgraph ontology.

IRIs come from ids (``…/id/<framework>/outcome/1.1``), never from memory or order, so two
builds give the same graph. Every row becomes a node with its ``dcterms:identifier`` (or its
position), its values, ``cfg:sourceLines`` as written and ``prov:wasDerivedFrom`` the source
excerpts (document lines) it comes from. Rows that relate two things (an outcome listing an SDG
target, an agency contributing to an outcome, an outcome -> outcome or target -> target link)
are qualified-relation nodes; the builder also adds the direct shortcut triple
(``cfg:listsTarget``, ``cfg:contributingAgency``, ``cfg:affects``, ...) that queries follow.

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

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef

from cfgraph.namespaces import (
    CFG,
    DCTERMS,
    LINK_KIND_PROPERTIES,
    ORG,
    PARTNER_CLASSES,
    PREFIXES,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SKOS,
    XSD,
    framework_iri,
    link_kind_iri,
    sdg_iri,
    sort_key,
)
from cfgraph.rdf.sdg_nodes import add_sdg_nodes

if TYPE_CHECKING:
    from rdflib.term import Node

    from cfgraph.model import Framework, Indicator

__all__ = ["build_graph", "build_portfolio", "new_graph"]


def new_graph() -> Graph:
    """An empty graph with cfgraph's prefixes bound."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


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

    # -- helpers ----------------------------------------------------------------------------
    def iri(self, *parts: str) -> URIRef:
        return framework_iri(self.fid, *parts)

    def add(self, s: Node, p: URIRef, o: Node | str | int | bool | None) -> None:
        if o is None:
            return
        self.g.add((s, p, o if isinstance(o, URIRef | Literal | BNode) else Literal(o)))

    def node(self, iri: URIRef, cls: URIRef, identifier: str | None, lines: str) -> URIRef:
        """A node of class *cls* with its id, framework and provenance."""
        self.g.add((iri, RDF.type, cls))
        self.add(iri, DCTERMS.identifier, identifier)
        self.g.add((iri, CFG.inFramework, self.fw_iri))
        self.provenance(iri, lines)
        return iri

    def provenance(self, iri: URIRef, lines: str) -> None:
        self.add(iri, CFG.sourceLines, lines)
        for part in lines.split(";"):
            if part:
                self.g.add((iri, PROV.wasDerivedFrom, self.excerpt(part)))

    def excerpt(self, part: str) -> URIRef:
        first, last = _excerpt_range(part)
        iri = self.iri("source", f"L{part}")
        if (iri, RDF.type, CFG.SourceExcerpt) not in self.g:
            self.g.add((iri, RDF.type, CFG.SourceExcerpt))
            self.g.add((iri, DCTERMS.isPartOf, self.iri("source")))
            self.g.add((iri, CFG.firstLine, Literal(first)))
            self.g.add((iri, CFG.lastLine, Literal(last)))
            self.g.add((iri, RDFS.label, Literal(f"{self.fw.info.source_file} lines {part}")))
            text = self.fw.source_text[first - 1 : last]
            if text:
                self.g.add((iri, PROV.value, Literal("\n".join(text))))
        return iri

    def sdg(self, code: str) -> URIRef:
        self.sdg_codes.add(code)
        return sdg_iri(code)

    def labels(self, iri: URIRef, pref: str, alt: Iterable[str] = ()) -> None:
        self.g.add((iri, SKOS.prefLabel, Literal(pref)))
        for a in alt:
            self.g.add((iri, SKOS.altLabel, Literal(a)))

    # -- tables -----------------------------------------------------------------------------
    def framework(self) -> None:
        info, fw = self.fw.info, self.fw_iri
        self.g.add((fw, RDF.type, CFG.CooperationFramework))
        self.add(fw, DCTERMS.identifier, info.id)
        self.add(fw, DCTERMS.title, info.title)
        self.add(fw, CFG.country, info.country)
        self.add(fw, CFG.countryIso3, info.country_iso3)
        self.add(fw, CFG.startYear, info.start_year)
        self.add(fw, CFG.endYear, info.end_year)
        self.provenance(fw, info.source_lines)
        doc = self.iri("source")
        self.g.add((doc, RDF.type, CFG.SourceDocument))
        self.add(doc, DCTERMS.identifier, info.source_file)
        self.add(doc, CFG.sha256, info.source_sha256)
        if info.source_url:
            self.g.add((doc, DCTERMS.source, URIRef(info.source_url)))
        self.g.add((fw, CFG.sourceDocument, doc))
        unct = self.iri("unct")
        self.g.add((unct, RDF.type, ORG.Organization))
        self.g.add((unct, RDFS.label, Literal(f"UN Country Team, {info.country}")))
        self.g.add((fw, CFG.signatory, unct))
        dataset = self.iri("indicator-observations")
        self.g.add((dataset, RDF.type, QB.DataSet))
        self.g.add((dataset, QB.structure, CFG.IndicatorObservationStructure))
        self.g.add((dataset, RDFS.label, Literal(f"Baselines and targets of the {info.title}")))

    def link_kinds(self) -> None:
        for kind, prop in sorted(LINK_KIND_PROPERTIES.items()):
            iri = link_kind_iri(kind)
            self.g.add((iri, RDF.type, CFG.LinkKind))
            self.g.add((iri, SKOS.prefLabel, Literal(kind.replace("-", " "))))
            self.g.add((iri, SKOS.notation, Literal(kind)))
            self.g.add((iri, CFG.impliesProperty, CFG[prop]))

    def structure(self) -> None:
        for ta in self.fw.thematic_areas:
            iri = self.node(self.iri("thematic-area", ta.id), CFG.ThematicArea, ta.id, ta.source_lines)
            self.labels(iri, ta.name, ta.other_names)
            self.add(iri, CFG.pillar, ta.pillar)
        for rg in self.fw.result_groups:
            iri = self.node(self.iri("result-group", rg.id), CFG.ResultGroup, rg.id, rg.source_lines)
            self.labels(iri, rg.name)
            for outcome_id in rg.outcomes:
                self.g.add((iri, CFG.coordinates, self.iri("outcome", outcome_id)))
        for o in self.fw.outcomes:
            iri = self.node(self.iri("outcome", o.id), CFG.Outcome, o.id, o.source_lines)
            self.add(iri, RDFS.label, f"Outcome {o.id}")
            self.add(iri, CFG.statement, o.statement)
            self.add(iri, CFG.sortKey, sort_key(o.id))
            self.g.add((iri, CFG.thematicArea, self.iri("thematic-area", o.thematic_area)))
            self.g.add((iri, CFG.resultGroup, self.iri("result-group", o.result_group)))
        for w in self.fw.outcome_wordings:
            iri = self.iri("outcome", w.outcome, "wording", w.context)
            self.node(iri, CFG.OutcomeWording, None, w.source_lines)
            self.g.add((iri, CFG.outcome, self.iri("outcome", w.outcome)))
            self.add(iri, CFG.context, w.context)
            self.add(iri, CFG.text, w.text)
        for p in self.fw.national_priorities:
            iri = self.iri("outcome", p.outcome, "national-priority", str(p.seq))
            self.node(iri, CFG.NationalPriority, None, p.source_lines)
            self.g.add((iri, CFG.outcome, self.iri("outcome", p.outcome)))
            self.add(iri, CFG.seq, p.seq)
            self.add(iri, CFG.text, p.text)

    def targets(self) -> None:
        for tl in self.fw.target_lists:
            iri = self.iri("outcome", tl.outcome, "target-list", tl.listed_in, tl.role)
            self.node(iri, CFG.TargetList, None, tl.source_lines)
            self.g.add((iri, CFG.outcome, self.iri("outcome", tl.outcome)))
            self.add(iri, CFG.listedIn, tl.listed_in)
            self.add(iri, CFG.role, tl.role)
            self.add(iri, CFG.raw, tl.raw)
        for t in self.fw.outcome_targets:
            outcome = self.iri("outcome", t.outcome)
            iri = self.iri("outcome", t.outcome, "target", t.listed_in, t.role, str(t.seq))
            self.node(iri, CFG.TargetReference, None, t.source_lines)
            self.g.add((iri, CFG.outcome, outcome))
            self.add(iri, CFG.listedIn, t.listed_in)
            self.add(iri, CFG.role, t.role)
            self.add(iri, CFG.seq, t.seq)
            self.add(iri, CFG.raw, t.raw)
            self.add(iri, CFG.code, t.code)
            self.add(iri, CFG.codeStatus, t.code_status)
            if t.valid:
                target = self.sdg(t.code)
                self.g.add((iri, CFG.sdgTarget, target))
                self.g.add((outcome, CFG.listsTarget, target))
            else:
                self.add(iri, CFG.unresolved, True)

    def actors(self) -> None:
        unct = self.iri("unct")
        for a in self.fw.agencies:
            iri = self.node(self.iri("agency", a.id), CFG.UnAgency, a.id, a.source_lines)
            self.labels(iri, a.label, a.aliases)
            self.add(iri, CFG.fullName, a.name)
            membership = self.iri("agency", a.id, "membership")
            self.g.add((membership, RDF.type, ORG.Membership))
            self.g.add((membership, ORG.member, iri))
            self.g.add((membership, ORG.organization, unct))
        for p in self.fw.partners:
            iri = self.node(self.iri("partner", p.id), CFG.Partner, p.id, p.source_lines)
            self.g.add((iri, RDF.type, CFG[PARTNER_CLASSES[p.type]]))
            self.add(iri, CFG.partnerType, p.type)
            self.labels(iri, p.name, p.aliases)
            self.add(iri, CFG.generic, p.generic)
            if p.part_of:
                self.g.add((iri, ORG.subOrganizationOf, self.iri("partner", p.part_of)))
            self.add(iri, SKOS.note, p.note)
        for gr in self.fw.lnob_groups:
            iri = self.node(self.iri("lnob-group", gr.id), CFG.LnobGroup, gr.id, gr.source_lines)
            self.labels(iri, gr.name, gr.aliases)
            if gr.broader:
                self.g.add((iri, SKOS.broader, self.iri("lnob-group", gr.broader)))

    def outcome_relations(self) -> None:
        for oa in self.fw.outcome_agencies:
            iri = self.iri("outcome", oa.outcome, "agency", oa.listed_in, str(oa.seq))
            self.qualified(iri, CFG.AgencyContribution, oa, CFG.agency, self.iri("agency", oa.agency))
            self.add(iri, CFG.listedIn, oa.listed_in)
            outcome, agency = self.iri("outcome", oa.outcome), self.iri("agency", oa.agency)
            self.g.add((outcome, CFG.contributingAgency, agency))
        for og in self.fw.outcome_lnob_groups:
            iri = self.iri("outcome", og.outcome, "lnob-group", og.listed_in, str(og.seq), og.group)
            group = self.iri("lnob-group", og.group)
            self.qualified(iri, CFG.LnobReference, og, CFG.lnobGroup, group)
            self.add(iri, CFG.listedIn, og.listed_in)
            self.g.add((self.iri("outcome", og.outcome), CFG.leavesNoOneBehind, group))
        for op in self.fw.outcome_partners:
            iri = self.iri("outcome", op.outcome, "partner", str(op.seq))
            self.qualified(iri, CFG.OutcomePartnership, op, CFG.partner, self.iri("partner", op.partner))
            self.g.add((self.iri("outcome", op.outcome), CFG.partneredWith, self.iri("partner", op.partner)))

    def qualified(self, iri: URIRef, cls: URIRef, row: object, prop: URIRef, value: URIRef) -> None:
        """A qualified relation from an outcome (or indicator) to *value*, with seq and raw text."""
        self.node(iri, cls, None, getattr(row, "source_lines"))  # noqa: B009 - rows of many types
        owner = getattr(row, "outcome", None)
        if owner is not None:
            self.g.add((iri, CFG.outcome, self.iri("outcome", owner)))
        else:
            self.g.add((iri, CFG.indicator, self.iri("indicator", getattr(row, "indicator"))))  # noqa: B009
        self.g.add((iri, prop, value))
        self.add(iri, CFG.seq, getattr(row, "seq"))  # noqa: B009
        self.add(iri, CFG.raw, getattr(row, "raw"))  # noqa: B009

    def indicators(self) -> None:
        for ind in self.fw.indicators:
            iri = self.node(self.iri("indicator", ind.id), CFG.Indicator, ind.id, ind.source_lines)
            self.g.add((iri, CFG.outcome, self.iri("outcome", ind.outcome)))
            self.add(iri, CFG.sortKey, sort_key(ind.id))
            if ind.parent:
                self.g.add((iri, CFG.subIndicatorOf, self.iri("indicator", ind.parent)))
            self.labels(iri, ind.name)
            self.add(iri, CFG.code, ind.code)
            self.add(iri, CFG.codeTag, ind.code_tag)
            self.add(iri, CFG.codeRaw, ind.code_raw)
            self.add(iri, CFG.dataSource, ind.data_source)
            self.add(iri, SKOS.note, ind.note)
            for code in self.fw.sdg_indicators_of(ind):
                if self.fw.catalogue.is_indicator(code):
                    self.g.add((iri, CFG.measures, self.sdg(code)))
            self.observation(ind, "baseline")
            self.observation(ind, "target")
        for link in self.fw.indicator_sdg_links:
            iri = self.iri("indicator", link.indicator, "sdg-link", str(link.seq))
            self.node(iri, CFG.SdgIndicatorReference, None, link.source_lines)
            self.g.add((iri, CFG.indicator, self.iri("indicator", link.indicator)))
            self.add(iri, CFG.seq, link.seq)
            self.add(iri, CFG.raw, link.raw)
            self.add(iri, CFG.code, link.sdg_indicator)
            self.add(iri, CFG.codeStatus, link.code_status)
            if link.code_status == "ok":
                self.g.add((iri, CFG.sdgIndicator, self.sdg(link.sdg_indicator)))
            else:
                self.add(iri, CFG.unresolved, True)
        for ia in self.fw.indicator_agencies:
            iri = self.iri("indicator", ia.indicator, "agency", str(ia.seq))
            self.qualified(iri, CFG.IndicatorResponsibility, ia, CFG.agency, self.iri("agency", ia.agency))
        for ip in self.fw.indicator_partners:
            iri = self.iri("indicator", ip.indicator, "partner", str(ip.seq))
            self.qualified(iri, CFG.IndicatorPartnership, ip, CFG.partner, self.iri("partner", ip.partner))

    def observation(self, ind: Indicator, which: str) -> None:
        raw, value, unit, year = (getattr(ind, f"{which}_{f}") for f in ("raw", "value", "unit", "year"))
        comparator = ind.target_comparator if which == "target" else None
        if raw is None and value is None and unit is None and year is None and comparator is None:
            return
        iri = self.iri("indicator", ind.id, which)
        self.g.add((self.iri("indicator", ind.id), CFG[f"{which}Observation"], iri))
        self.g.add((iri, RDF.type, QB.Observation))
        self.g.add((iri, RDF.type, CFG.BaselineObservation if which == "baseline" else CFG.TargetObservation))
        self.g.add((iri, QB.dataSet, self.iri("indicator-observations")))
        self.g.add((iri, CFG.indicator, self.iri("indicator", ind.id)))
        self.add(iri, CFG.rawText, raw)
        if value is not None:
            number = Literal(Decimal(repr(float(value))), datatype=XSD.decimal)
            self.g.add((iri, SDMX_MEASURE.obsValue, number))
        self.add(iri, CFG.unit, unit)
        if year is not None:
            self.g.add((iri, SDMX_DIMENSION.refPeriod, Literal(str(year), datatype=XSD.gYear)))
        self.add(iri, CFG.comparator, comparator)

    def links(self) -> None:
        for ol in self.fw.outcome_links:
            iri = self.node(self.iri("outcome-link", ol.id), CFG.OutcomeLink, ol.id, ol.source_lines)
            source, target = self.iri("outcome", ol.source), self.iri("outcome", ol.target)
            self.g.add((iri, CFG.source, source))
            self.g.add((iri, CFG.target, target))
            self.g.add((iri, CFG.kind, link_kind_iri(ol.kind)))
            self.g.add((source, CFG[LINK_KIND_PROPERTIES[ol.kind]], target))
            self.codes(iri, CFG.viaTarget, ol.via_targets)
            self.add(iri, CFG.statedAs, ol.stated_as)
            self.add(iri, CFG.quote, ol.quote)
            self.add(iri, SKOS.note, ol.note)
        for tl in self.fw.target_links:
            iri = self.node(self.iri("target-link", tl.id), CFG.TargetLink, tl.id, tl.source_lines)
            self.g.add((iri, CFG.kind, link_kind_iri(tl.kind)))
            self.codes(iri, CFG.source, tl.sources)
            self.codes(iri, CFG.target, tl.targets)
            self.add(iri, CFG.symmetric, tl.symmetric)
            self.add(iri, CFG.quote, tl.quote)
            self.add(iri, SKOS.note, tl.note)

    def codes(self, iri: URIRef, prop: URIRef, codes: Iterable[str]) -> None:
        """Link to SDG targets; a code that is not a target stays a literal, flagged unresolved."""
        for code in codes:
            if self.fw.catalogue.is_target(code):
                self.g.add((iri, prop, self.sdg(code)))
            else:
                self.g.add((iri, CFG.unresolvedCode, Literal(code)))

    def inconsistencies(self) -> None:
        from cfgraph.consistency import find_inconsistencies

        for rec in self.fw.inconsistencies:
            iri = self.iri("inconsistency", rec.id)
            self.node(iri, CFG.RecordedInconsistency, rec.id, rec.source_lines)
            self.g.add((iri, RDF.type, CFG.Inconsistency))
            self.add(iri, CFG.inconsistencyKind, rec.kind)
            self.add(iri, CFG.message, rec.message)
            for s in rec.subjects:
                self.add(iri, DCTERMS.subject, s)
        for inc in find_inconsistencies(self.fw):
            if inc.kind == "recorded":
                continue
            iri = self.iri("inconsistency", inc.id)
            self.node(iri, CFG.ComputedInconsistency, inc.id, ";".join(map(str, inc.source_lines)))
            self.g.add((iri, RDF.type, CFG.Inconsistency))
            self.add(iri, CFG.inconsistencyKind, inc.kind)
            self.add(iri, CFG.message, inc.message)
            for s in inc.subjects:
                self.add(iri, DCTERMS.subject, s)

    def build(self) -> None:
        self.framework()
        self.link_kinds()
        self.structure()
        self.targets()
        self.actors()
        self.outcome_relations()
        self.indicators()
        self.links()
        self.inconsistencies()
        add_sdg_nodes(self.g, self.fw.catalogue, self.sdg_codes)


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
