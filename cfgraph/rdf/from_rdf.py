"""RDF -> model: read a graph built by :func:`~cfgraph.rdf.build.build_graph` back into a Framework.

RDF has no row order and no order among the values of one property, so the framework read
back is in *canonical* order (:func:`canonical`): tables sorted by their fields, and the
set-like tuples (aliases, other names, a result group's outcomes, a link's targets, an
inconsistency's subjects) sorted. Everything else comes back exactly: model -> RDF -> model is
the identity up to :func:`canonical`.

>>> import cfgraph
>>> from cfgraph.rdf.build import build_graph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> framework_from_graph(build_graph(fw)) == canonical(fw)
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rdflib import Literal, URIRef

from cfgraph import model as m
from cfgraph.errors import CfgraphError
from cfgraph.namespaces import (
    CFG,
    DCTERMS,
    ORG,
    RDF,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SKOS,
    iri_to_id,
    sort_key,
)

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["framework_from_graph", "canonical"]

T = TypeVar("T")

#: Tuple fields whose order RDF does not keep (sorted in canonical form).
_SET_FIELDS: dict[type, tuple[str, ...]] = {
    m.ThematicArea: ("other_names",),
    m.ResultGroup: ("outcomes",),
    m.Agency: ("aliases",),
    m.LnobGroup: ("aliases",),
    m.Partner: ("aliases",),
    m.OutcomeLink: ("via_targets",),
    m.TargetLink: ("sources", "targets"),
    m.RecordedInconsistency: ("subjects",),
}


def _row_key(row: Any) -> list[str]:
    return [sort_key(str(getattr(row, f.name))) for f in dataclasses.fields(row)]


def _canonical_row[R](row: R) -> R:
    names = _SET_FIELDS.get(type(row), ())
    if not names:
        return row
    changes = {n: tuple(sorted(getattr(row, n), key=sort_key)) for n in names}
    return dataclasses.replace(row, **changes)  # type: ignore[type-var]


def canonical(fw: m.Framework) -> m.Framework:
    """*fw* with every table sorted and set-like tuples sorted (the order RDF gives back)."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(fw):
        value = getattr(fw, f.name)
        if isinstance(value, tuple) and f.name != "source_text":
            changes[f.name] = tuple(sorted((_canonical_row(r) for r in value), key=_row_key))
    return dataclasses.replace(fw, **changes)


class _Reader:
    def __init__(self, graph: Graph, framework: URIRef) -> None:
        self.g = graph
        self.fw = framework

    def nodes(self, cls: URIRef) -> list[Node]:
        found = (s for s in self.g.subjects(RDF.type, cls) if (s, CFG.inFramework, self.fw) in self.g)
        return sorted(found, key=str)

    def text(self, s: Node, p: URIRef) -> str | None:
        value = self.g.value(s, p)
        return None if value is None else str(value)

    def req(self, s: Node, p: URIRef) -> str:
        value = self.text(s, p)
        if value is None:
            raise CfgraphError(f"{s} has no {p}")
        return value

    def listed(self, s: Node) -> m.ListedIn:
        return cast("m.ListedIn", self.req(s, CFG.listedIn))

    def role(self, s: Node) -> m.Role:
        return cast("m.Role", self.req(s, CFG.role))

    def num(self, s: Node, p: URIRef) -> int:
        return int(self.req(s, p))

    def flag(self, s: Node, p: URIRef) -> bool:
        value = self.g.value(s, p)
        return bool(value.toPython()) if isinstance(value, Literal) else False

    def ref(self, s: Node, p: URIRef) -> str | None:
        value = self.g.value(s, p)
        if value is None:
            return None
        ident = self.g.value(value, DCTERMS.identifier)
        return str(ident) if ident is not None else iri_to_id(str(value))

    def refs(self, s: Node, p: URIRef) -> tuple[str, ...]:
        found = []
        for value in self.g.objects(s, p):
            ident = self.g.value(value, DCTERMS.identifier) or self.g.value(value, SKOS.notation)
            found.append(str(ident) if ident is not None else iri_to_id(str(value)))
        return tuple(sorted(found, key=sort_key))

    def texts(self, s: Node, p: URIRef) -> tuple[str, ...]:
        return tuple(sorted((str(v) for v in self.g.objects(s, p)), key=sort_key))

    def rows(self, cls: URIRef, make: Callable[[Node], T]) -> tuple[T, ...]:
        return tuple(sorted((make(s) for s in self.nodes(cls)), key=_row_key))

    # -- one reader per table ---------------------------------------------------------------
    def info(self) -> m.FrameworkInfo:
        doc = self.g.value(self.fw, CFG.sourceDocument)
        url = self.g.value(doc, DCTERMS.source) if doc is not None else None
        return m.FrameworkInfo(
            self.req(self.fw, DCTERMS.identifier),
            self.req(self.fw, DCTERMS.title),
            self.req(self.fw, CFG.country),
            self.req(self.fw, CFG.countryIso3),
            self.num(self.fw, CFG.startYear),
            self.num(self.fw, CFG.endYear),
            self.req(doc, DCTERMS.identifier) if doc is not None else "",
            self.req(doc, CFG.sha256) if doc is not None else "",
            None if url is None else str(url),
            self.req(self.fw, CFG.sourceLines),
        )

    def observation(self, ind: Node, which: str) -> dict[str, Any]:
        obs = self.g.value(ind, CFG[f"{which}Observation"])
        out: dict[str, Any] = {f"{which}_{f}": None for f in ("raw", "value", "unit", "year")}
        if which == "target":
            out["target_comparator"] = None
        if obs is None:
            return out
        value, year = self.g.value(obs, SDMX_MEASURE.obsValue), self.g.value(obs, SDMX_DIMENSION.refPeriod)
        out[f"{which}_raw"] = self.text(obs, CFG.rawText)
        out[f"{which}_value"] = None if value is None else float(str(value))
        out[f"{which}_unit"] = self.text(obs, CFG.unit)
        out[f"{which}_year"] = None if year is None else int(str(year))
        if which == "target":
            out["target_comparator"] = self.text(obs, CFG.comparator)
        return out

    def indicator(self, s: Node) -> m.Indicator:
        return m.Indicator(
            id=self.req(s, DCTERMS.identifier),
            outcome=self.ref(s, CFG.outcome) or "",
            parent=self.ref(s, CFG.subIndicatorOf),
            code=self.text(s, CFG.code),
            code_tag=self.text(s, CFG.codeTag),
            code_raw=self.text(s, CFG.codeRaw),
            name=self.req(s, SKOS.prefLabel),
            **self.observation(s, "baseline"),
            **self.observation(s, "target"),
            data_source=self.text(s, CFG.dataSource),
            note=self.text(s, SKOS.note),
            source_lines=self.req(s, CFG.sourceLines),
        )

    def partner(self, s: Node) -> m.Partner:
        return m.Partner(
            self.req(s, DCTERMS.identifier),
            self.req(s, SKOS.prefLabel),
            self.req(s, CFG.partnerType),
            self.texts(s, SKOS.altLabel),
            self.flag(s, CFG.generic),
            self.ref(s, ORG.subOrganizationOf),
            self.text(s, SKOS.note),
            self.req(s, CFG.sourceLines),
        )

    def structure(self) -> dict[str, Any]:
        lines = CFG.sourceLines
        return {
            "thematic_areas": self.rows(
                CFG.ThematicArea,
                lambda s: m.ThematicArea(
                    self.req(s, DCTERMS.identifier),
                    self.req(s, SKOS.prefLabel),
                    self.text(s, CFG.pillar),
                    self.texts(s, SKOS.altLabel),
                    self.req(s, lines),
                ),
            ),
            "result_groups": self.rows(
                CFG.ResultGroup,
                lambda s: m.ResultGroup(
                    self.req(s, DCTERMS.identifier),
                    self.req(s, SKOS.prefLabel),
                    self.refs(s, CFG.coordinates),
                    self.req(s, lines),
                ),
            ),
            "outcomes": self.rows(
                CFG.Outcome,
                lambda s: m.Outcome(
                    self.req(s, DCTERMS.identifier),
                    self.ref(s, CFG.thematicArea) or "",
                    self.ref(s, CFG.resultGroup) or "",
                    self.req(s, CFG.statement),
                    self.req(s, lines),
                ),
            ),
            "outcome_wordings": self.rows(
                CFG.OutcomeWording,
                lambda s: m.OutcomeWording(
                    self.ref(s, CFG.outcome) or "",
                    self.req(s, CFG.context),
                    self.req(s, CFG.text),
                    self.req(s, lines),
                ),
            ),
            "national_priorities": self.rows(
                CFG.NationalPriority,
                lambda s: m.NationalPriority(
                    self.ref(s, CFG.outcome) or "",
                    self.num(s, CFG.seq),
                    self.req(s, CFG.text),
                    self.req(s, lines),
                ),
            ),
            "target_lists": self.rows(
                CFG.TargetList,
                lambda s: m.TargetList(
                    self.ref(s, CFG.outcome) or "",
                    self.listed(s),
                    self.role(s),
                    self.req(s, CFG.raw),
                    self.req(s, lines),
                ),
            ),
            "outcome_targets": self.rows(
                CFG.TargetReference,
                lambda s: m.OutcomeTarget(
                    self.ref(s, CFG.outcome) or "",
                    self.listed(s),
                    self.role(s),
                    self.num(s, CFG.seq),
                    self.req(s, CFG.raw),
                    self.req(s, CFG.code),
                    self.req(s, CFG.codeStatus),
                    self.req(s, lines),
                ),
            ),
        }

    def actors(self) -> dict[str, Any]:
        lines = CFG.sourceLines
        return {
            "agencies": self.rows(
                CFG.UnAgency,
                lambda s: m.Agency(
                    self.req(s, DCTERMS.identifier),
                    self.req(s, SKOS.prefLabel),
                    self.text(s, CFG.fullName),
                    self.texts(s, SKOS.altLabel),
                    self.req(s, lines),
                ),
            ),
            "outcome_agencies": self.rows(
                CFG.AgencyContribution,
                lambda s: m.OutcomeAgency(
                    self.ref(s, CFG.outcome) or "",
                    self.listed(s),
                    self.num(s, CFG.seq),
                    self.ref(s, CFG.agency) or "",
                    self.req(s, CFG.raw),
                    self.req(s, lines),
                ),
            ),
            "lnob_groups": self.rows(
                CFG.LnobGroup,
                lambda s: m.LnobGroup(
                    self.req(s, DCTERMS.identifier),
                    self.req(s, SKOS.prefLabel),
                    self.texts(s, SKOS.altLabel),
                    self.ref(s, SKOS.broader),
                    self.req(s, lines),
                ),
            ),
            "outcome_lnob_groups": self.rows(
                CFG.LnobReference,
                lambda s: m.OutcomeLnobGroup(
                    self.ref(s, CFG.outcome) or "",
                    self.listed(s),
                    self.num(s, CFG.seq),
                    self.ref(s, CFG.lnobGroup) or "",
                    self.req(s, CFG.raw),
                    self.req(s, lines),
                ),
            ),
            "partners": self.rows(CFG.Partner, self.partner),
            "outcome_partners": self.rows(
                CFG.OutcomePartnership,
                lambda s: m.OutcomePartner(
                    self.ref(s, CFG.outcome) or "",
                    self.num(s, CFG.seq),
                    self.ref(s, CFG.partner) or "",
                    self.req(s, CFG.raw),
                    self.req(s, lines),
                ),
            ),
        }

    def measurement(self) -> dict[str, Any]:
        lines = CFG.sourceLines
        return {
            "indicators": self.rows(CFG.Indicator, self.indicator),
            "indicator_sdg_links": self.rows(
                CFG.SdgIndicatorReference,
                lambda s: m.IndicatorSdgLink(
                    self.ref(s, CFG.indicator) or "",
                    self.num(s, CFG.seq),
                    self.req(s, CFG.code),
                    self.req(s, CFG.raw),
                    self.req(s, CFG.codeStatus),
                    self.req(s, lines),
                ),
            ),
            "indicator_agencies": self.rows(
                CFG.IndicatorResponsibility,
                lambda s: m.IndicatorAgency(
                    self.ref(s, CFG.indicator) or "",
                    self.num(s, CFG.seq),
                    self.ref(s, CFG.agency) or "",
                    self.req(s, CFG.raw),
                    self.req(s, lines),
                ),
            ),
            "indicator_partners": self.rows(
                CFG.IndicatorPartnership,
                lambda s: m.IndicatorPartner(
                    self.ref(s, CFG.indicator) or "",
                    self.num(s, CFG.seq),
                    self.ref(s, CFG.partner) or "",
                    self.req(s, CFG.raw),
                    self.req(s, lines),
                ),
            ),
        }

    def links(self) -> dict[str, Any]:
        lines = CFG.sourceLines
        return {
            "outcome_links": self.rows(
                CFG.OutcomeLink,
                lambda s: m.OutcomeLink(
                    self.req(s, DCTERMS.identifier),
                    self.ref(s, CFG.source) or "",
                    self.ref(s, CFG.target) or "",
                    iri_to_id(self.req(s, CFG.kind)),
                    tuple(
                        sorted(self.refs(s, CFG.viaTarget) + self.texts(s, CFG.unresolvedCode), key=sort_key)
                    ),
                    self.req(s, CFG.statedAs),
                    self.req(s, CFG.quote),
                    self.text(s, SKOS.note),
                    self.req(s, lines),
                ),
            ),
            "target_links": self.rows(
                CFG.TargetLink,
                lambda s: m.TargetLink(
                    self.req(s, DCTERMS.identifier),
                    iri_to_id(self.req(s, CFG.kind)),
                    self.refs(s, CFG.source),
                    self.refs(s, CFG.target),
                    self.flag(s, CFG.symmetric),
                    self.req(s, CFG.quote),
                    self.text(s, SKOS.note),
                    self.req(s, lines),
                ),
            ),
            "inconsistencies": self.rows(
                CFG.RecordedInconsistency,
                lambda s: m.RecordedInconsistency(
                    self.req(s, DCTERMS.identifier),
                    self.req(s, CFG.inconsistencyKind),
                    self.req(s, CFG.message),
                    self.texts(s, DCTERMS.subject),
                    self.req(s, lines),
                ),
            ),
        }


def framework_from_graph(graph: Graph, framework_id: str | None = None) -> m.Framework:
    """Read the framework *framework_id* (or the only one) out of *graph*, in canonical order."""
    from cfgraph.sdg import load_catalogue

    frameworks = sorted(graph.subjects(RDF.type, CFG.CooperationFramework), key=str)
    if framework_id is not None:
        frameworks = [f for f in frameworks if str(graph.value(f, DCTERMS.identifier)) == framework_id]
    if len(frameworks) != 1:
        found = ", ".join(str(graph.value(f, DCTERMS.identifier)) for f in frameworks) or "none"
        raise CfgraphError(f"expected one framework in the graph, found {found}")
    reader = _Reader(graph, URIRef(str(frameworks[0])))
    tables = {**reader.structure(), **reader.actors(), **reader.measurement(), **reader.links()}
    return m.Framework(info=reader.info(), **tables, catalogue=load_catalogue())
