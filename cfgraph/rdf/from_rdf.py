"""RDF -> model: read a graph built by :func:`~cfgraph.rdf.build.build_graph` back into a Framework.

The reading is the build's mapping run backwards, from the same table declarations: each
table's nodes are found by class, each column read from its property and converted back by its
codec. RDF has no row order and no order among the values of one property, so the framework
read back is in *canonical* order (:func:`canonical`): tables sorted by their fields, and list
columns sorted. Everything else comes back exactly: model -> RDF -> model is the identity up to
:func:`canonical`.

>>> import cfgraph
>>> from cfgraph.rdf.build import build_graph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> framework_from_graph(build_graph(fw)) == canonical(fw)
True
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from cfgraph import model as m
from cfgraph.errors import CfgraphError
from cfgraph.model.schema import Column, TableSpec
from cfgraph.namespaces import CFG, DCTERMS, RDF, SKOS, curie, iri_to_id, sort_key

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["framework_from_graph", "canonical"]


def _row_key(row: Any) -> list[str]:
    return [sort_key(str(getattr(row, f.name))) for f in dataclasses.fields(row)]


def _canonical_row[R](row: R) -> R:
    lists = [c.name for c in m.spec_of(type(row)).columns if c.is_list]
    if not lists:
        return row
    changes = {n: tuple(sorted(getattr(row, n), key=sort_key)) for n in lists}
    return dataclasses.replace(row, **changes)  # type: ignore[type-var]


def canonical(fw: m.Framework) -> m.Framework:
    """*fw* with every table sorted and list columns sorted (the order RDF gives back)."""
    changes: dict[str, Any] = {}
    for spec in m.TABLES[1:]:
        rows = getattr(fw, spec.name)
        changes[spec.name] = tuple(sorted((_canonical_row(r) for r in rows), key=_row_key))
    return dataclasses.replace(fw, info=_canonical_row(fw.info), **changes)


class _Reader:
    def __init__(self, graph: Graph, framework: URIRef) -> None:
        self.g = graph
        self.fw = framework

    def nodes(self, spec: TableSpec) -> list[Node]:
        if spec.kind == "framework":
            return [self.fw]
        cls = curie(spec.rdf_class[0])
        found = (s for s in self.g.subjects(RDF.type, cls) if (s, CFG.inFramework, self.fw) in self.g)
        return sorted(found, key=str)

    def ident(self, value: Node) -> str:
        found = self.g.value(value, DCTERMS.identifier) or self.g.value(value, SKOS.notation)
        return str(found) if found is not None else iri_to_id(str(value))

    def objects(self, s: Node, column: Column) -> list[Node]:
        path = str(column.rdf)
        if "/" in path:
            first, path = path.split("/", 1)
            inner = self.g.value(s, curie(first))
            if inner is None:
                return []
            s = inner
        found = list(self.g.objects(s, curie(path)))
        if column.codec == "sdg-target":
            found += list(self.g.objects(s, CFG.unresolvedCode))
        if column.codec == "un-entity":
            found += list(self.g.objects(s, CFG.unresolvedEntity))
        return found

    def value(self, s: Node, column: Column) -> Any:
        if column.rdf is None:
            return () if column.is_list else column.meta.blank
        items = [self.convert(column, o) for o in self.objects(s, column)]
        if column.is_list:
            return tuple(sorted(items, key=sort_key))
        if not items:
            if column.required:
                raise CfgraphError(f"{s} has no {column.rdf}")
            return column.meta.blank
        return items[0]

    def convert(self, column: Column, o: Node) -> Any:
        codecs = ("ref", "sdg-target", "un-entity", "end", "agent", "sheet")
        if column.codec in codecs and not isinstance(o, Literal):
            return self.ident(o)
        if column.codec == "link-kind":
            return iri_to_id(str(o))
        if column.type == "integer":
            return int(str(o))
        if column.type == "number":
            return float(str(o))
        if column.type == "boolean":
            return bool(o.toPython()) if isinstance(o, Literal) else False
        return str(o)

    def row(self, spec: TableSpec, s: Node) -> Any:
        return spec.model(**{c.name: self.value(s, c) for c in spec.columns})

    def table(self, spec: TableSpec) -> tuple[Any, ...]:
        return tuple(sorted((self.row(spec, s) for s in self.nodes(spec)), key=_row_key))


def framework_from_graph(graph: Graph, framework_id: str | None = None) -> m.Framework:
    """Read the framework *framework_id* (or the only one) out of *graph*, in canonical order."""
    from cfgraph.registry import load_registry
    from cfgraph.sdg import load_catalogue

    frameworks = sorted(graph.subjects(RDF.type, CFG.CooperationFramework), key=str)
    if framework_id is not None:
        frameworks = [f for f in frameworks if str(graph.value(f, DCTERMS.identifier)) == framework_id]
    if len(frameworks) != 1:
        found = ", ".join(str(graph.value(f, DCTERMS.identifier)) for f in frameworks) or "none"
        raise CfgraphError(f"expected one framework in the graph, found {found}")
    reader = _Reader(graph, URIRef(str(frameworks[0])))
    tables: dict[str, Any] = {spec.name: reader.table(spec) for spec in m.TABLES}
    info = tables.pop("framework")[0]
    return m.Framework(info=info, **tables, catalogue=load_catalogue(), registry=load_registry())
