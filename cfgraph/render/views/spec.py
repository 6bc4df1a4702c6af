"""View definitions: one YAML file per view in ``visualisations/``, loaded and checked here.

A view names the node kinds and edge kinds it draws (the vocabulary's entity kinds and relations,
:mod:`cfgraph.vocabulary`), their
colours and shapes, what node size means (a metric), filters and a title. Adding a view means
adding a file; :func:`load_view_spec` refuses a file with an unknown key, kind, shape, metric or a
colour that is not ``#rrggbb``, naming the file and the field.

>>> spec = load_view_spec("stakeholder-map")
>>> spec.title, [n.kind for n in spec.nodes][:2]
('Stakeholder map', ['result-group', 'outcome'])
>>> "theory-of-change" in view_names()
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cfgraph.errors import DataError, UnknownIdError
from cfgraph.render.views.tips import DRAWN_KINDS
from cfgraph.vocabulary import ENTITIES, RELATIONS

__all__ = [
    "NodeStyle",
    "EdgeStyle",
    "Layout",
    "ViewSpec",
    "METRICS",
    "SHAPES",
    "load_view_spec",
    "parse_view_spec",
    "view_names",
    "views_dir",
]

#: node size metrics, computed on the drawn graph.
METRICS = ("degree", "betweenness", "pagerank")
#: vis-network shapes whose label is drawn beside or inside the node.
SHAPES = (
    "dot",
    "diamond",
    "square",
    "triangle",
    "triangleDown",
    "star",
    "hexagon",
    "box",
    "ellipse",
    "database",
    "text",
)
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: node kind -> its default legend label; edge kind -> its default legend label.
NODE_KINDS: dict[str, str] = {k: ENTITIES[k].title for k in DRAWN_KINDS}
EDGE_KINDS: dict[str, str] = {
    r.name: f"{ENTITIES[r.source].singular} {r.wording} {ENTITIES[r.target].singular}"
    for r in RELATIONS.values()
    if r.source in DRAWN_KINDS and r.target in DRAWN_KINDS
}
SOLVERS = ("forceAtlas2Based", "barnesHut", "repulsion")


@dataclass(frozen=True)
class NodeStyle:
    """How one node kind looks. ``color_by`` names a node attribute (``group``, ``community``)."""

    kind: str
    label: str
    color: str
    shape: str = "dot"
    size: float = 16.0
    size_metric: str | None = None
    size_range: tuple[float, float] = (10.0, 40.0)
    color_by: str | None = None
    palette: dict[str, str] = field(default_factory=dict)
    palette_labels: dict[str, str] = field(default_factory=dict)
    exclude_groups: tuple[str, ...] = ()
    font_size: int = 14


@dataclass(frozen=True)
class EdgeStyle:
    """How one edge kind looks; ``color_by: relation`` colours stated links by their kind,
    ``color_by: consensus`` colours and thickens reviewed pairs by the reviewers' median score.

    Arrowheads are not a style: the vocabulary says which relations and link kinds are directed.
    """

    kind: str
    label: str
    color: str
    width: float = 1.0
    dashes: bool = False
    show_label: bool = False
    color_by: str | None = None
    palette: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    """Physics that settles and stops; above ``precompute_above`` nodes a seeded layout instead."""

    solver: str = "forceAtlas2Based"
    seed: int = 7
    iterations: int = 400
    precompute_above: int = 800
    spring_length: int = 120
    gravity: float = -60.0


@dataclass(frozen=True)
class ViewSpec:
    name: str
    title: str
    description: str
    nodes: tuple[NodeStyle, ...]
    edges: tuple[EdgeStyle, ...]
    layout: Layout = Layout()
    drop_isolated: bool = True
    focus_depth: int = 1

    def node_style(self, kind: str) -> NodeStyle | None:
        return next((n for n in self.nodes if n.kind == kind), None)

    def edge_style(self, kind: str) -> EdgeStyle | None:
        return next((e for e in self.edges if e.kind == kind), None)


def views_dir() -> Path:
    """The folder of shipped view definitions."""
    from cfgraph.resources import resource_dir

    return resource_dir("visualisations")


def view_names(folder: Path | None = None) -> list[str]:
    """Names of the views defined in *folder* (default: the shipped ones), sorted."""
    return sorted(p.stem for p in (folder or views_dir()).glob("*.yaml"))


class _Checker:
    """Reads typed fields from a mapping, raising :class:`DataError` that names file and field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, path: str, message: str) -> DataError:
        return DataError(f"{self.where}: {path}: {message}")

    def mapping(
        self, value: Any, path: str, allowed: set[str], required: frozenset[str] | set[str] = frozenset()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "expected a mapping")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise self.fail(path, f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")
        missing = sorted(required - set(value))
        if missing:
            raise self.fail(path, f"missing key {missing[0]!r}")
        return value

    def colour(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not COLOUR.match(value):
            raise self.fail(path, f"{value!r} is not a colour like '#1f77b4'")
        return value.lower()

    def choice(self, value: Any, path: str, choices: tuple[str, ...] | dict[str, str]) -> str:
        if value not in choices:
            raise self.fail(path, f"{value!r} is not one of {', '.join(choices)}")
        return str(value)

    def number(self, value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.fail(path, f"{value!r} is not a non-negative number")
        return float(value)

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "expected text")
        return value.strip()

    def palette(self, value: Any, path: str) -> tuple[dict[str, str], dict[str, str]]:
        colours: dict[str, str] = {}
        labels: dict[str, str] = {}
        for key, item in self.mapping(
            value, path, set(map(str, value)) if isinstance(value, dict) else set()
        ).items():
            if isinstance(item, dict):
                entry = self.mapping(item, f"{path}.{key}", {"color", "label"}, {"color"})
                colours[str(key)] = self.colour(entry["color"], f"{path}.{key}.color")
                labels[str(key)] = self.text(entry.get("label", str(key)), f"{path}.{key}.label")
            else:
                colours[str(key)] = self.colour(item, f"{path}.{key}")
        return colours, labels


_NODE_KEYS = {"kind", "label", "color", "shape", "size", "color_by", "palette", "exclude_groups", "font_size"}
_EDGE_KEYS = {"kind", "label", "color", "width", "dashes", "show_label", "color_by", "palette"}


def _node_style(c: _Checker, raw: Any, path: str) -> NodeStyle:
    d = c.mapping(raw, path, _NODE_KEYS, {"kind", "color"})
    kind = c.choice(d["kind"], f"{path}.kind", NODE_KINDS)
    size: Any = d.get("size", 16)
    metric, rng, fixed = None, (10.0, 40.0), 16.0
    if isinstance(size, dict):
        s = c.mapping(size, f"{path}.size", {"metric", "min", "max"}, {"metric"})
        metric = c.choice(s["metric"], f"{path}.size.metric", METRICS)
        rng = (c.number(s.get("min", 10), f"{path}.size.min"), c.number(s.get("max", 40), f"{path}.size.max"))
    else:
        fixed = c.number(size, f"{path}.size")
    color_by = d.get("color_by")
    if color_by is not None:
        color_by = c.choice(color_by, f"{path}.color_by", ("group", "community"))
    palette, labels = c.palette(d.get("palette", {}), f"{path}.palette")
    excluded = d.get("exclude_groups", [])
    if not isinstance(excluded, list):
        raise c.fail(f"{path}.exclude_groups", "expected a list")
    return NodeStyle(
        kind=kind,
        label=c.text(d.get("label", NODE_KINDS[kind]), f"{path}.label"),
        color=c.colour(d["color"], f"{path}.color"),
        shape=c.choice(d.get("shape", "dot"), f"{path}.shape", SHAPES),
        size=fixed,
        size_metric=metric,
        size_range=rng,
        color_by=color_by,
        palette=palette,
        palette_labels=labels,
        exclude_groups=tuple(str(x) for x in excluded),
        font_size=int(c.number(d.get("font_size", 14), f"{path}.font_size")),
    )


def _edge_style(c: _Checker, raw: Any, path: str) -> EdgeStyle:
    d = c.mapping(raw, path, _EDGE_KEYS, {"kind", "color"})
    kind = c.choice(d["kind"], f"{path}.kind", EDGE_KINDS)
    color_by = d.get("color_by")
    if color_by is not None:
        color_by = c.choice(color_by, f"{path}.color_by", ("relation", "consensus"))
    flags = {}
    for key in ("dashes", "show_label"):
        value = d.get(key, False)
        if not isinstance(value, bool):
            raise c.fail(f"{path}.{key}", "expected true or false")
        flags[key] = value
    return EdgeStyle(
        kind=kind,
        label=c.text(d.get("label", EDGE_KINDS[kind]), f"{path}.label"),
        color=c.colour(d["color"], f"{path}.color"),
        width=c.number(d.get("width", 1), f"{path}.width"),
        color_by=color_by,
        palette=c.palette(d.get("palette", {}), f"{path}.palette")[0],
        **flags,
    )


def _layout(c: _Checker, raw: Any) -> Layout:
    d = c.mapping(
        raw, "layout", {"solver", "seed", "iterations", "precompute_above", "spring_length", "gravity"}
    )
    gravity = d.get("gravity", -60)
    if isinstance(gravity, bool) or not isinstance(gravity, int | float):
        raise c.fail("layout.gravity", f"{gravity!r} is not a number")
    return Layout(
        solver=c.choice(d.get("solver", "forceAtlas2Based"), "layout.solver", SOLVERS),
        seed=int(c.number(d.get("seed", 7), "layout.seed")),
        iterations=int(c.number(d.get("iterations", 400), "layout.iterations")),
        precompute_above=int(c.number(d.get("precompute_above", 800), "layout.precompute_above")),
        spring_length=int(c.number(d.get("spring_length", 120), "layout.spring_length")),
        gravity=float(gravity),
    )


def parse_view_spec(raw: Any, name: str, where: str = "<view>") -> ViewSpec:
    """Check a parsed YAML document and build the :class:`ViewSpec` (``DataError`` if wrong).

    >>> parse_view_spec({"title": "T", "nodes": [{"kind": "outcome", "color": "red"}]}, "t")
    Traceback (most recent call last):
    ...
    cfgraph.errors.DataError: <view>: nodes[0].color: 'red' is not a colour like '#1f77b4'
    """
    c = _Checker(where)
    d = c.mapping(
        raw,
        "(top)",
        {"title", "description", "nodes", "edges", "layout", "drop_isolated", "focus_depth"},
        {"title", "nodes"},
    )
    nodes, edges = d["nodes"], d.get("edges", [])
    if not isinstance(nodes, list) or not nodes:
        raise c.fail("nodes", "expected a non-empty list")
    if not isinstance(edges, list):
        raise c.fail("edges", "expected a list")
    node_styles = tuple(_node_style(c, n, f"nodes[{i}]") for i, n in enumerate(nodes))
    edge_styles = tuple(_edge_style(c, e, f"edges[{i}]") for i, e in enumerate(edges))
    for what, styles in (("nodes", node_styles), ("edges", edge_styles)):
        kinds = [s.kind for s in styles]
        if len(set(kinds)) != len(kinds):
            raise c.fail(what, "a kind is listed twice")
    drop = d.get("drop_isolated", True)
    if not isinstance(drop, bool):
        raise c.fail("drop_isolated", "expected true or false")
    return ViewSpec(
        name=name,
        title=c.text(d["title"], "title"),
        description=str(d.get("description", "")).strip(),
        nodes=node_styles,
        edges=edge_styles,
        layout=_layout(c, d.get("layout", {})),
        drop_isolated=drop,
        focus_depth=int(c.number(d.get("focus_depth", 1), "focus_depth")),
    )


def load_view_spec(name_or_path: str | Path, folder: Path | None = None) -> ViewSpec:
    """Load a view by name (from *folder*, default the shipped views) or from a ``.yaml`` path."""
    import yaml

    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        names = view_names(folder)
        if str(name_or_path) not in names:
            from cfgraph.model import closest

            raise UnknownIdError(
                "view", str(name_or_path), closest(str(name_or_path), names) or sorted(names)
            )
        path = (folder or views_dir()) / f"{name_or_path}.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    return parse_view_spec(raw, path.stem, str(path))
