"""The framework as a labelled property graph: the one mapping every property-graph target uses.

Neo4j, FalkorDB, the Cypher script, GraphML, GEXF, Cytoscape.js, Kumu, the CSV/Excel tables and
the networkx bridge (:mod:`cfgraph.graph`) all start from :func:`property_graph`. The mapping is
read from the declarations: a row of an entity table is a node whose label is its kind's
(:data:`cfgraph.vocabulary.ENTITIES`) and whose properties are the columns the table keeps for
the property graph; a reference column that stands for a relation, and a row of a relation
table, is a relationship of the relation's type (:data:`cfgraph.vocabulary.RELATIONS`). Labels
and types come only from the vocabulary (a store cannot take a label as a query parameter, so
the allow-list is what keeps query text safe). Every node and relationship has a stable,
globally unique ``key`` built from ids in the data (``<framework>/outcome/1.1``, ``sdg/3.8``,
``un/undp``), so pushing twice merges instead of duplicating; SDG nodes and UN registry entities
are the only nodes several frameworks share. Values are strings, integers, floats, booleans
or lists of strings; empty values are left out (property graphs store no nulls). Nodes come in
the vocabulary's order of kinds, relationships in its order of relations.

>>> import cfgraph
>>> pg = property_graph(cfgraph.load(cfgraph.MINI))
>>> pg.node("examplestan-2026-2030/outcome/1.1").label
'Outcome'
>>> pg.label_counts()["Outcome"], pg.type_counts()["LISTS_TARGET"]
(2, 17)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from cfgraph.errors import CfgraphError
from cfgraph.lpg.graph import (
    KIND_RANK,
    REL_RANK,
    Node,
    PropertyGraph,
    Relationship,
    check_label,
    check_type,
    clean_properties,
)
from cfgraph.model import TABLES, TableSpec, sdg_sort_key, table_spec
from cfgraph.model import rows_of as _rows_of
from cfgraph.vocabulary import ENTITIES, RELATIONS, key

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["property_graph"]


class _Builder:
    """Collects the nodes and relationships of one or more frameworks."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.rels: dict[str, tuple[str, Relationship]] = {}

    def node(self, label: str, key: str, **props: object) -> str:
        node = Node(check_label(label), key, {"key": key, **clean_properties(props)})
        if self.nodes.setdefault(key, node) != node:
            raise CfgraphError(f"two different nodes have the key {key!r}")
        return key

    def rel(self, relation: str, key: str, source: str, target: str, **props: object) -> None:
        src, dst = self.nodes[source], self.nodes[target]
        values = {"key": key, **clean_properties(props)}
        rel_type = RELATIONS[relation].lpg_type
        rel = Relationship(check_type(rel_type), key, source, target, src.label, dst.label, values)
        if self.rels.setdefault(key, (relation, rel))[1] != rel:
            raise CfgraphError(f"two different relationships have the key {key!r}")

    def graph(self) -> PropertyGraph:
        def node_order(n: Node) -> tuple[int, Any]:
            kind = next(k for k in ENTITIES.values() if k.label == n.label)
            return KIND_RANK[n.label], sdg_sort_key(str(n.properties["id"])) if kind.shared else ()

        nodes = sorted(self.nodes.values(), key=node_order)
        rels = [r for _, r in sorted(self.rels.values(), key=lambda item: REL_RANK[item[0]])]
        return PropertyGraph(tuple(nodes), tuple(rels))


def rows_of(fw: Framework, spec: TableSpec) -> tuple[Any, ...]:
    """The rows of one table (typed loosely: the mapping reads them by their declared columns)."""
    return _rows_of(fw, spec)


def _props(spec: TableSpec, row: Any, extras: dict[str, object] | None = None) -> dict[str, object]:
    """A row's properties: the columns the table keeps, named as declared, ``lpg_first`` first and
    *extras* (computed properties) just before the provenance."""
    extras = dict(extras or {})
    values: dict[str, object] = {}
    for column in spec.columns:
        name = column.lpg_name()
        if name is not None and column.name != "id" or spec.relation is not None and column.name == "id":
            values[str(name)] = getattr(row, column.name)
    first = {n: extras.pop(n) if n in extras else values.pop(n) for n in spec.lpg_first}
    lines = {"source_lines": values.pop("source_lines")} if "source_lines" in values else {}
    return {**first, **values, **extras, **lines}


#: Computed inconsistency kinds whose subjects after the first are SDG codes, not ids.
_CODE_KINDS = frozenset({"duplicate-code", "invalid-code", "target-list-mismatch"})


class _FrameworkMapper:
    """Maps one framework's tables onto nodes and relationships."""

    def __init__(self, builder: _Builder, fw: Framework) -> None:
        self.b, self.fw, self.fid = builder, fw, fw.info.id

    def key(self, kind: str, ident: str) -> str:
        return key(kind, ident, self.fid)

    def sdg(self, code: str) -> str | None:
        """The shared node of an SDG goal, target or indicator (with its broader nodes); None
        for a code the catalogue does not know."""
        cat = self.fw.catalogue
        node_key = f"sdg/{code}"
        if node_key in self.b.nodes:
            return node_key
        item: Any
        extra: dict[str, str] = {}
        if code in cat.indicators:  # an indicator, then its target and goal
            item, label, relation = cat.indicators[code], "SdgIndicator", "of-target"
            up: str | None = item.target
        elif code in cat.targets:
            item, label, relation = cat.targets[code], "SdgTarget", "of-goal"
            up = item.goal
        elif code in cat.goals:
            item, label, relation, up = cat.goals[code], "SdgGoal", "", None
            extra["short_name"] = item.short_en
        else:
            return None
        broader = self.sdg(up) if up else None
        name = f"SDG {code}" if label == "SdgGoal" else code
        self.b.node(label, node_key, id=code, name=name, **extra, title=item.title_en, title_ru=item.title_ru,
                    title_kk=item.title_kk)  # fmt: skip
        if relation and broader:
            self.b.rel(relation, f"{node_key}/{RELATIONS[relation].lpg_type}", node_key, broader)
        return node_key

    def add(self) -> None:
        info_spec = table_spec("framework")
        self.b.node("Framework", self.fid, id=self.fid, framework=self.fid, **_props(info_spec, self.fw.info))
        entity_tables = [s for s in TABLES[1:] if s.kind is not None and s.kind not in RELATIONS]
        for spec in entity_tables:
            if spec.name != "inconsistencies":
                self.entities(spec)
        for spec in entity_tables:
            if spec.name != "inconsistencies":
                self.references(spec)
        for spec in TABLES:
            if spec.relation is not None and spec.ends is not None:
                self.relations(spec)
        self.measures()
        self.inconsistencies()

    def entities(self, spec: TableSpec) -> None:
        kind = str(spec.kind)
        label = ENTITIES[kind].label
        extras = _NODE_EXTRAS.get(kind)
        for row in rows_of(self.fw, spec):
            props = _props(spec, row, extras(self.fw, row) if extras else None)
            self.b.node(label, self.key(kind, row.id), id=row.id, framework=self.fid, **props)

    def references(self, spec: TableSpec) -> None:
        """The framework's ``HAS_…`` relationship to each row, and the reference columns that stand
        for a relation (an indicator's outcome, a partner's parent organisation, ...)."""
        kind = str(spec.kind)
        owner = next((r for r in RELATIONS.values() if r.source == "framework" and r.target == kind), None)
        columns = [c for c in spec.columns if c.relation is not None]
        for row in rows_of(self.fw, spec):
            here = self.key(kind, row.id)
            if owner is not None:
                self.rel(owner.name, self.fid, here)
            for column in columns:
                value = getattr(row, column.name)
                if value is None:
                    continue
                rel = RELATIONS[str(column.relation)]
                there = (
                    self.key(str(table_spec(column.ref).kind), value)
                    if column.ref is not None
                    else self.shared(rel.target, value)
                )
                if there is None:  # a registry id the registry lacks (a validation warning)
                    continue
                source, target = (here, there) if rel.source == kind else (there, here)
                self.rel(rel.name, source, target)

    def shared(self, kind: str, ident: str) -> str | None:
        """The shared node of *kind* (an SDG code or a UN registry entity), or None if unknown."""
        return self.un_entity(ident) if kind == "un-entity" else self.sdg(ident)

    def un_entity(self, ident: str) -> str | None:
        """The shared node of a UN entity of the registry (the same for every framework)."""
        entity = self.fw.registry.entities.get(ident)
        if entity is None:
            return None
        node_key = key("un-entity", ident)
        if node_key not in self.b.nodes:
            self.b.node(
                "UnEntity", node_key, id=entity.id, name=entity.abbreviation, full_name=entity.name,
                aliases=entity.aliases, system_category=entity.category,
                system_subcategory=entity.subcategory, principal_organ=entity.principal_organ,
                ceb_member=entity.ceb_member,
                headquarters=entity.headquarters, url=entity.url,
            )  # fmt: skip
        return node_key

    def rel(self, relation: str, source: str, target: str, key: str | None = None, **props: object) -> None:
        rel_key = key or f"{source}/{RELATIONS[relation].lpg_type}/{target}"
        self.b.rel(relation, rel_key, source, target, framework=self.fid, **props)

    def end(self, kind: str, value: str) -> str | None:
        """The node of one end of a relationship: a thing of the framework, or a shared SDG node."""
        return self.sdg(value) if ENTITIES[kind].shared else self.key(kind, value)

    def relations(self, spec: TableSpec) -> None:
        """One relationship per row of a relation table (per pair, when its ends are lists); the
        ends are the kinds the row's relation joins."""
        source_col, target_col = spec.ends or ("", "")
        for row in rows_of(self.fw, spec):
            relation = RELATIONS[spec.relation_of(row)]
            base = (
                self.key(str(spec.kind), row.id) if spec.kind else "/".join((self.fid, *spec.iri_parts(row)))
            )
            sources, targets = getattr(row, source_col), getattr(row, target_col)
            props = _props(spec, row)
            if isinstance(sources, tuple):
                pairs = [(s, t, f"{base}/{s}/{t}") for s in sources for t in targets if s != t]
            else:
                pairs = [(sources, targets, base)]
            for s, t, rel_key in pairs:
                source, target = self.end(relation.source, s), self.end(relation.target, t)
                if source is not None and target is not None:
                    self.rel(relation.name, source, target, rel_key, **props)

    def measures(self) -> None:
        for i in self.fw.indicators:
            for code in self.fw.sdg_indicators_of(i):
                target = self.sdg(code) if self.fw.catalogue.is_indicator(code) else None
                if target is not None:
                    self.rel("measures", self.key("indicator", i.id), target)

    def inconsistencies(self) -> None:
        from cfgraph.consistency import find_inconsistencies

        recorded = {r.id: r for r in self.fw.inconsistencies}
        ids = {
            "outcome": {o.id for o in self.fw.outcomes},
            "indicator": {i.id for i in self.fw.indicators},
            "partner": {p.id for p in self.fw.partners},
            "agency": {a.id for a in self.fw.agencies},
        }
        for inc in find_inconsistencies(self.fw):
            is_recorded = inc.kind == "recorded" and inc.id in recorded
            kind = recorded[inc.id].kind if is_recorded else inc.kind
            props = {
                "name": inc.id,
                "kind": kind,
                "recorded": is_recorded,
                "message": inc.message,
                "subjects": inc.subjects,
                "source_lines": ";".join(str(n) for n in inc.source_lines),
            }
            node_key = self.key("inconsistency", inc.id)
            self.b.node("Inconsistency", node_key, id=inc.id, framework=self.fid, **props)
            self.rel("has-inconsistency", self.fid, node_key)
            subjects = inc.subjects[:1] if kind in _CODE_KINDS else inc.subjects
            for subject in subjects:
                kind_of = next((k for k, known in ids.items() if subject in known), None)
                if kind_of is not None:
                    self.rel("concerns", node_key, self.key(kind_of, subject))


def _outcome_extras(fw: Framework, o: Any) -> dict[str, object]:
    return {
        "name": f"Outcome {o.id}",
        "national_priorities": tuple(p.text for p in fw.national_priorities if p.outcome == o.id),
    }


#: Computed properties of nodes of a kind (beyond their columns).
_NODE_EXTRAS = {"outcome": _outcome_extras}


def property_graph(frameworks: Framework | Iterable[Framework]) -> PropertyGraph:
    """The labelled property graph of one framework (or a portfolio of them; ids must differ).

    Parameters
    ----------
    frameworks : Framework or iterable of Framework
        Loaded frameworks (:func:`cfgraph.load`). SDG goals, targets and indicators and the UN
        registry's entities are shared between frameworks; everything else is keyed by the
        framework id.

    Returns
    -------
    PropertyGraph
        The same input always gives the same nodes and relationships in the same order.

    Examples
    --------
    >>> import cfgraph
    >>> pg = property_graph(cfgraph.load(cfgraph.MINI))
    >>> rel = next(r for r in pg.relationships if r.type == "LISTS_TARGET")
    >>> rel.source, rel.target, rel.properties["listed_in"], rel.properties["seq"]
    ('examplestan-2026-2030/outcome/1.1', 'sdg/6.1', 'narrative', 1)
    """
    builder = _Builder()
    items = [frameworks] if not isinstance(frameworks, Iterable) else list(frameworks)
    for fw in items:
        _FrameworkMapper(builder, fw).add()
    return builder.graph()
