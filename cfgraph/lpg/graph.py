"""The property graph's parts: nodes, relationships, and the allow-lists of labels and types.

>>> check_label("Outcome")
'Outcome'
>>> check_label("Outcome) DETACH DELETE (n")
Traceback (most recent call last):
...
cfgraph.errors.CfgraphError: node label 'Outcome) DETACH DELETE (n' is not on the allow-list
"""


from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from cfgraph.errors import CfgraphError
from cfgraph.vocabulary import ENTITIES, RELATIONS, relation_of_type, split_key

__all__ = [
    "NODE_LABELS",
    "REL_TYPES",
    "KIND_RANK",
    "REL_RANK",
    "Value",
    "Node",
    "Relationship",
    "PropertyGraph",
    "clean_properties",
    "check_label",
    "check_type",
]

Value = str | int | float | bool | list[str]

#: Every node label a target may create, in display order (kinds that are links are relationships).
NODE_LABELS: tuple[str, ...] = tuple(k.label for k in ENTITIES.values() if k.name not in RELATIONS)

#: Every relationship type a target may create -> what it joins (source -> target).
REL_TYPES: dict[str, str] = {}
for _rel in RELATIONS.values():
    if not _rel.derived:
        _ends = f"{ENTITIES[_rel.source].label} -> " + (
            ENTITIES[_rel.target].label if _rel.target in ENTITIES else "the node it names"
        )
        REL_TYPES[_rel.lpg_type] = (
            f"{REL_TYPES[_rel.lpg_type]}, or {_ends}" if _rel.lpg_type in REL_TYPES else _ends
        )

#: Display order of nodes (by kind) and relationships (by relation).
KIND_RANK = {k.label: i for i, k in enumerate(ENTITIES.values())}
REL_RANK = {name: i for i, name in enumerate(RELATIONS)}


def check_label(label: str) -> str:
    """Return *label* if it is on the allow-list, else raise :class:`~cfgraph.errors.CfgraphError`."""
    if label not in NODE_LABELS:
        raise CfgraphError(f"node label {label!r} is not on the allow-list")
    return label


def check_type(rel_type: str) -> str:
    """Return *rel_type* if it is on the allow-list, else raise :class:`~cfgraph.errors.CfgraphError`."""
    if rel_type not in REL_TYPES:
        raise CfgraphError(f"relationship type {rel_type!r} is not on the allow-list")
    return rel_type


def clean_properties(props: Mapping[str, object]) -> dict[str, Value]:
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
    """One relationship between the nodes keyed *source* and *target*, with its own stable key.

    ``relation`` is its :data:`~cfgraph.vocabulary.RELATIONS` name (one type may serve two:
    ``LINKS_TO`` is an outcome link or a target link).
    """

    type: str
    key: str
    source: str
    target: str
    source_label: str
    target_label: str
    properties: dict[str, Value] = field(hash=False)

    @property
    def relation(self) -> str:
        return relation_of_type(self.type, split_key(self.source)[1], split_key(self.target)[1]).name


@dataclass(frozen=True)
class PropertyGraph:
    """Nodes and relationships in a deterministic order (vocabulary order; shared SDG nodes once)."""

    nodes: tuple[Node, ...]
    relationships: tuple[Relationship, ...]

    @cached_property
    def _by_key(self) -> dict[str, Node]:
        return {n.key: n for n in self.nodes}

    def node(self, key: str) -> Node:
        """The node with this key (:class:`KeyError` if none)."""
        return self._by_key[key]

    def label_counts(self) -> dict[str, int]:
        """Nodes per label, in :data:`NODE_LABELS` order (labels with no node left out)."""
        counts = dict.fromkeys(NODE_LABELS, 0)
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


