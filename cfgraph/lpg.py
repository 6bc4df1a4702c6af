"""The framework as a labelled property graph: the one mapping every property-graph target uses.

Neo4j, FalkorDB, the Cypher script, GraphML, GEXF, Cytoscape.js, Kumu and the CSV/Excel tables
all start from :func:`property_graph`. Node labels and relationship types come only from the
allow-lists :data:`NODE_LABELS` and :data:`REL_TYPES` (a store cannot take a label as a query
parameter, so the allow-list is what keeps query text safe). Every node and relationship has a
stable, globally unique ``key`` built from ids in the data (``<framework>/outcome/1.1``,
``sdg/3.8``), so pushing twice merges instead of duplicating. Values are strings, integers,
floats, booleans or lists of strings; empty values are left out (property graphs store no nulls).

>>> import cfgraph
>>> pg = property_graph(cfgraph.load(cfgraph.MINI))
>>> pg.node("examplestan-2026-2030/outcome/1.1").label
'Outcome'
>>> pg.label_counts()["Outcome"], pg.type_counts()["LISTS_TARGET"]
(2, 17)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cfgraph.errors import CfgraphError

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = [
    "NODE_LABELS",
    "REL_TYPES",
    "Value",
    "Node",
    "Relationship",
    "PropertyGraph",
    "property_graph",
    "check_label",
    "check_type",
]

Value = str | int | float | bool | list[str]

#: Every node label a target may create, in display order.
NODE_LABELS: tuple[str, ...] = (
    "Framework",
    "ThematicArea",
    "ResultGroup",
    "Outcome",
    "Indicator",
    "Agency",
    "Partner",
    "LnobGroup",
    "SdgGoal",
    "SdgTarget",
    "SdgIndicator",
    "Inconsistency",
)

#: Every relationship type a target may create -> what it says (source -> target).
REL_TYPES: dict[str, str] = {
    "HAS_THEMATIC_AREA": "Framework -> ThematicArea",
    "HAS_RESULT_GROUP": "Framework -> ResultGroup",
    "HAS_OUTCOME": "Framework -> Outcome",
    "IN_THEMATIC_AREA": "Outcome -> ThematicArea",
    "IN_RESULT_GROUP": "Outcome -> ResultGroup",
    "LISTS_TARGET": "Outcome -> SdgTarget, one per entry of a target list (listed_in, role, seq, raw)",
    "CONTRIBUTES_TO": "Agency -> Outcome, one per entry of an agency list (listed_in, seq, raw)",
    "LEAVES_NO_ONE_BEHIND": "Outcome -> LnobGroup, one per entry of an LNOB list (listed_in, seq, raw)",
    "PARTNERS_WITH": "Outcome -> Partner, named in the outcome's Partnerships paragraph (seq, raw)",
    "HAS_INDICATOR": "Outcome -> Indicator",
    "SUB_INDICATOR_OF": "Indicator -> Indicator",
    "MEASURES": "Indicator -> SdgIndicator",
    "RESPONSIBLE_FOR": "Agency -> Indicator, as the results matrix names it (seq, raw)",
    "INVOLVES_PARTNER": "Indicator -> Partner, as the results matrix names it (seq, raw)",
    "PART_OF": "Partner -> Partner",
    "BROADER": "LnobGroup -> LnobGroup",
    "LINKS_TO": "Outcome -> Outcome or SdgTarget -> SdgTarget, a stated link (kind, quote)",
    "OF_GOAL": "SdgTarget -> SdgGoal",
    "OF_TARGET": "SdgIndicator -> SdgTarget",
    "HAS_INCONSISTENCY": "Framework -> Inconsistency",
    "CONCERNS": "Inconsistency -> the Outcome, Indicator, Partner or Agency it names",
}


def check_label(label: str) -> str:
    """Return *label* if it is on the allow-list, else raise :class:`~cfgraph.errors.CfgraphError`.

    >>> check_label("Outcome")
    'Outcome'
    >>> check_label("Outcome) DETACH DELETE (n")
    Traceback (most recent call last):
    ...
    cfgraph.errors.CfgraphError: node label 'Outcome) DETACH DELETE (n' is not on the allow-list
    """
    if label not in NODE_LABELS:
        raise CfgraphError(f"node label {label!r} is not on the allow-list")
    return label


def check_type(rel_type: str) -> str:
    """Return *rel_type* if it is on the allow-list, else raise :class:`~cfgraph.errors.CfgraphError`."""
    if rel_type not in REL_TYPES:
        raise CfgraphError(f"relationship type {rel_type!r} is not on the allow-list")
    return rel_type


def _clean(props: Mapping[str, object]) -> dict[str, Value]:
    """Drop empty values; tuples become lists of strings."""
    out: dict[str, Value] = {}
    for name, value in props.items():
        if value is None or value == () or value == "":
            continue
        if isinstance(value, tuple | list):
            out[name] = [str(v) for v in value]
        elif isinstance(value, str | int | float | bool):
            out[name] = value
        else:  # pragma: no cover - the model holds no other types
            raise TypeError(f"{name}: cannot store {type(value).__name__} in a property graph")
    return out


@dataclass(frozen=True)
class Node:
    """One node: its label, its stable key and its properties (``key`` included)."""

    label: str
    key: str
    properties: dict[str, Value] = field(hash=False)


@dataclass(frozen=True)
class Relationship:
    """One relationship between the nodes keyed *source* and *target*, with its own stable key."""

    type: str
    key: str
    source: str
    target: str
    source_label: str
    target_label: str
    properties: dict[str, Value] = field(hash=False)


@dataclass(frozen=True)
class PropertyGraph:
    """Nodes and relationships in a deterministic order (model order; shared SDG nodes once)."""

    nodes: tuple[Node, ...]
    relationships: tuple[Relationship, ...]

    def node(self, key: str) -> Node:
        """The node with this key (:class:`KeyError` if none)."""
        for n in self.nodes:
            if n.key == key:
                return n
        raise KeyError(key)

    def label_counts(self) -> dict[str, int]:
        """Nodes per label, in :data:`NODE_LABELS` order (labels with no node left out)."""
        counts = {label: 0 for label in NODE_LABELS}
        for n in self.nodes:
            counts[n.label] += 1
        return {k: v for k, v in counts.items() if v}

    def type_counts(self) -> dict[str, int]:
        """Relationships per type, in :data:`REL_TYPES` order (types with none left out)."""
        counts = dict.fromkeys(REL_TYPES, 0)
        for r in self.relationships:
            counts[r.type] += 1
        return {k: v for k, v in counts.items() if v}

    @property
    def frameworks(self) -> list[str]:
        """Ids of the frameworks in the graph."""
        return [n.key for n in self.nodes if n.label == "Framework"]


class _Builder:
    """Collects the nodes and relationships of one or more frameworks."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.rels: dict[str, Relationship] = {}

    def node(self, label: str, key: str, **props: object) -> str:
        node = Node(check_label(label), key, {"key": key, **_clean(props)})
        if self.nodes.setdefault(key, node) != node:
            raise CfgraphError(f"two different nodes have the key {key!r}")
        return key

    def rel(self, rel_type: str, key: str, source: str, target: str, **props: object) -> None:
        src, dst = self.nodes[source], self.nodes[target]
        values = {"key": key, **_clean(props)}
        rel = Relationship(check_type(rel_type), key, source, target, src.label, dst.label, values)
        if self.rels.setdefault(key, rel) != rel:
            raise CfgraphError(f"two different relationships have the key {key!r}")

    def graph(self) -> PropertyGraph:
        return PropertyGraph(tuple(self.nodes.values()), tuple(self.rels.values()))


def _fields(row: Any, *skip: str) -> dict[str, object]:
    """The fields of a model row (a dataclass) as properties, without ``id`` and the *skip* ones."""
    from dataclasses import fields

    return {f.name: getattr(row, f.name) for f in fields(row) if f.name not in ("id", *skip)}


#: Computed inconsistency kinds whose subjects after the first are SDG codes, not ids.
_CODE_KINDS = frozenset({"duplicate-code", "invalid-code", "target-list-mismatch"})


class _FrameworkMapper:
    """Maps one framework's tables onto nodes and relationships."""

    def __init__(self, builder: _Builder, fw: Framework) -> None:
        self.b, self.fw, self.fid = builder, fw, fw.info.id

    def key(self, path: str, ident: str) -> str:
        return f"{self.fid}/{path}/{ident}"

    def node(self, label: str, path: str, ident: str, **props: object) -> str:
        return self.b.node(label, self.key(path, ident), id=ident, framework=self.fid, **props)

    def rel(self, rel_type: str, source: str, target: str, key: str | None = None, **props: object) -> None:
        key = key or f"{source}/{rel_type}/{target}"
        self.b.rel(rel_type, key, source, target, framework=self.fid, **props)

    def sdg(self, code: str) -> str:
        """The shared node of an SDG goal, target or indicator (with its broader nodes)."""
        cat = self.fw.catalogue
        key = f"sdg/{code}"
        if key in self.b.nodes:
            return key
        if code in cat.indicators:  # an indicator, then its target and goal
            i = cat.indicators[code]
            target = self.sdg(i.target)
            self.b.node("SdgIndicator", key, id=code, name=code, title=i.title_en, title_ru=i.title_ru,
                        title_kk=i.title_kk)
            self.b.rel("OF_TARGET", f"{key}/OF_TARGET", key, target)
        elif code in cat.targets:
            t = cat.targets[code]
            goal = self.sdg(t.goal)
            self.b.node("SdgTarget", key, id=code, name=code, title=t.title_en, title_ru=t.title_ru,
                        title_kk=t.title_kk)
            self.b.rel("OF_GOAL", f"{key}/OF_GOAL", key, goal)
        else:
            g = cat.goals[code]
            self.b.node("SdgGoal", key, id=code, name=f"SDG {code}", short_name=g.short_en, title=g.title_en,
                        title_ru=g.title_ru, title_kk=g.title_kk)
        return key

    def add(self) -> None:
        self.structure()
        self.actors()
        self.outcome_lists()
        self.indicators()
        self.links()
        self.inconsistencies()

    def structure(self) -> None:
        info = self.fw.info
        fw_key = self.b.node("Framework", self.fid, id=self.fid, framework=self.fid, name=info.title,
                             country=info.country, country_iso3=info.country_iso3, start_year=info.start_year,
                             end_year=info.end_year, source_file=info.source_file,
                             source_sha256=info.source_sha256, source_url=info.source_url,
                             source_lines=info.source_lines)
        for ta in self.fw.thematic_areas:
            key = self.node("ThematicArea", "thematic-area", ta.id, name=ta.name, pillar=ta.pillar,
                            other_names=ta.other_names, source_lines=ta.source_lines)
            self.rel("HAS_THEMATIC_AREA", fw_key, key)
        for rg in self.fw.result_groups:
            key = self.node("ResultGroup", "result-group", rg.id, name=rg.name, source_lines=rg.source_lines)
            self.rel("HAS_RESULT_GROUP", fw_key, key)
        for o in self.fw.outcomes:
            priorities = [p.text for p in self.fw.national_priorities if p.outcome == o.id]
            key = self.node("Outcome", "outcome", o.id, name=f"Outcome {o.id}", statement=o.statement,
                            thematic_area=o.thematic_area, result_group=o.result_group,
                            national_priorities=tuple(priorities), source_lines=o.source_lines)
            self.rel("HAS_OUTCOME", fw_key, key)
            self.rel("IN_THEMATIC_AREA", key, self.key("thematic-area", o.thematic_area))
            self.rel("IN_RESULT_GROUP", key, self.key("result-group", o.result_group))

    def actors(self) -> None:
        for a in self.fw.agencies:
            self.node("Agency", "agency", a.id, name=a.label, full_name=a.name, aliases=a.aliases,
                      source_lines=a.source_lines)
        for p in self.fw.partners:
            self.node("Partner", "partner", p.id, **_fields(p))
        for p in self.fw.partners:
            if p.part_of:
                self.rel("PART_OF", self.key("partner", p.id), self.key("partner", p.part_of))
        for g in self.fw.lnob_groups:
            self.node("LnobGroup", "lnob-group", g.id, **_fields(g, "broader"))
        for g in self.fw.lnob_groups:
            if g.broader:
                self.rel("BROADER", self.key("lnob-group", g.id), self.key("lnob-group", g.broader))

    def outcome_lists(self) -> None:
        for t in self.fw.outcome_targets:
            if t.valid:
                source = self.key("outcome", t.outcome)
                key = f"{source}/target/{t.listed_in}/{t.role}/{t.seq}"
                props = _fields(t, "outcome", "code_status")
                self.rel("LISTS_TARGET", source, self.sdg(t.code), key, **props)
        for a in self.fw.outcome_agencies:
            outcome = self.key("outcome", a.outcome)
            key = f"{outcome}/agency/{a.listed_in}/{a.seq}"
            agency = self.key("agency", a.agency)
            self.rel("CONTRIBUTES_TO", agency, outcome, key, **_fields(a, "outcome", "agency"))
        for g in self.fw.outcome_lnob_groups:
            outcome = self.key("outcome", g.outcome)
            key = f"{outcome}/lnob-group/{g.listed_in}/{g.seq}/{g.group}"  # one phrase may name two groups
            group = self.key("lnob-group", g.group)
            self.rel("LEAVES_NO_ONE_BEHIND", outcome, group, key, **_fields(g, "outcome", "group"))
        for p in self.fw.outcome_partners:
            outcome = self.key("outcome", p.outcome)
            key = f"{outcome}/partner/{p.seq}"
            partner = self.key("partner", p.partner)
            self.rel("PARTNERS_WITH", outcome, partner, key, **_fields(p, "outcome", "partner"))

    def indicators(self) -> None:
        for i in self.fw.indicators:
            key = self.node("Indicator", "indicator", i.id, **_fields(i))
            self.rel("HAS_INDICATOR", self.key("outcome", i.outcome), key)
        for i in self.fw.indicators:
            key = self.key("indicator", i.id)
            if i.parent:
                self.rel("SUB_INDICATOR_OF", key, self.key("indicator", i.parent))
            for code in self.fw.sdg_indicators_of(i):
                if self.fw.catalogue.is_indicator(code):
                    self.rel("MEASURES", key, self.sdg(code))
        for a in self.fw.indicator_agencies:
            ind = self.key("indicator", a.indicator)
            agency = self.key("agency", a.agency)
            key = f"{ind}/agency/{a.seq}"
            self.rel("RESPONSIBLE_FOR", agency, ind, key, **_fields(a, "indicator", "agency"))
        for p in self.fw.indicator_partners:
            ind = self.key("indicator", p.indicator)
            partner = self.key("partner", p.partner)
            key = f"{ind}/partner/{p.seq}"
            self.rel("INVOLVES_PARTNER", ind, partner, key, **_fields(p, "indicator", "partner"))

    def links(self) -> None:
        for ol in self.fw.outcome_links:
            source, target = self.key("outcome", ol.source), self.key("outcome", ol.target)
            props = {"id": ol.id, **_fields(ol, "source", "target")}
            self.rel("LINKS_TO", source, target, self.key("outcome-link", ol.id), **props)
        is_target = self.fw.catalogue.is_target
        for tl in self.fw.target_links:
            for s, t in tl.pairs():
                if is_target(s) and is_target(t):
                    key = self.key("target-link", f"{tl.id}/{s}/{t}")
                    props = {"id": tl.id, **_fields(tl, "sources", "targets")}
                    self.rel("LINKS_TO", self.sdg(s), self.sdg(t), key, **props)

    def inconsistencies(self) -> None:
        from cfgraph.consistency import find_inconsistencies

        recorded = {r.id: r for r in self.fw.inconsistencies}
        ids = {"outcome": {o.id for o in self.fw.outcomes}, "indicator": {i.id for i in self.fw.indicators},
               "partner": {p.id for p in self.fw.partners}, "agency": {a.id for a in self.fw.agencies}}
        for inc in find_inconsistencies(self.fw):
            is_recorded = inc.kind == "recorded" and inc.id in recorded
            kind = recorded[inc.id].kind if is_recorded else inc.kind
            props = {"name": inc.id, "kind": kind, "recorded": is_recorded, "message": inc.message,
                     "subjects": inc.subjects, "source_lines": ";".join(str(n) for n in inc.source_lines)}
            key = self.node("Inconsistency", "inconsistency", inc.id, **props)
            self.rel("HAS_INCONSISTENCY", self.fid, key)
            subjects = inc.subjects[:1] if kind in _CODE_KINDS else inc.subjects
            for subject in subjects:
                kind_of = next((k for k, known in ids.items() if subject in known), None)
                if kind_of is not None:
                    self.rel("CONCERNS", key, self.key(kind_of, subject))


def property_graph(frameworks: Framework | Iterable[Framework]) -> PropertyGraph:
    """The labelled property graph of one framework (or a portfolio of them; ids must differ).

    Parameters
    ----------
    frameworks : Framework or iterable of Framework
        Loaded frameworks (:func:`cfgraph.load`). SDG goals, targets and indicators are shared
        between frameworks; everything else is keyed by the framework id.

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
