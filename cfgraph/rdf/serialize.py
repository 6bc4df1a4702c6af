"""Deterministic serialisations: Turtle, N-Triples (sorted lines) and JSON-LD (with a context).

Two builds of the same framework give byte-identical files in every format: the graph has no
blank nodes, N-Triples lines are sorted, Turtle is written by rdflib's sorting serialiser and
JSON-LD is re-emitted with its nodes, keys and values sorted.

>>> import cfgraph
>>> from cfgraph.rdf.build import build_graph
>>> nt = to_ntriples(build_graph(cfgraph.load(cfgraph.MINI)))
>>> nt.splitlines() == sorted(nt.splitlines())
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph

from cfgraph.errors import CfgraphError
from cfgraph.namespaces import PREFIXES

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = [
    "FORMATS",
    "jsonld_context",
    "to_ntriples",
    "to_turtle",
    "to_jsonld",
    "serialize",
    "write_graph",
    "build_files",
]

#: file name -> serialiser, as written by ``cfgraph build``.
FORMATS = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.jsonld": "json-ld"}


def _check_no_blank_nodes(graph: Graph) -> None:
    for triple in graph:
        if any(isinstance(term, BNode) for term in triple):
            raise CfgraphError(f"graph has a blank node in {triple!r}; cfgraph graphs use stable IRIs only")


def jsonld_context() -> dict[str, str]:
    """The JSON-LD ``@context``: cfgraph's prefixes."""
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def to_ntriples(graph: Graph) -> str:
    """N-Triples, one triple a line, lines sorted."""
    _check_no_blank_nodes(graph)
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


def to_turtle(graph: Graph) -> str:
    """Turtle with cfgraph's prefixes (rdflib sorts subjects and predicates)."""
    _check_no_blank_nodes(graph)
    return graph.serialize(format="turtle", encoding="utf-8").decode("utf-8")


def _sorted_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted_value(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_value(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def to_jsonld(graph: Graph) -> str:
    """Compact JSON-LD with :func:`jsonld_context`; nodes sorted by ``@id``."""
    _check_no_blank_nodes(graph)
    context = jsonld_context()
    text = graph.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
    data = json.loads(text)
    nodes = data.get("@graph", [data] if "@id" in data else [])
    nodes = sorted(
        (_sorted_value({k: v for k, v in n.items() if k != "@context"}) for n in nodes),
        key=lambda n: str(n.get("@id", "")),
    )
    document = {"@context": context, "@graph": nodes}
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def serialize(graph: Graph, fmt: str) -> str:
    """The graph in one format: ``turtle``, ``nt`` or ``json-ld``."""
    writers = {"turtle": to_turtle, "nt": to_ntriples, "json-ld": to_jsonld}
    if fmt not in writers:
        raise CfgraphError(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(writers))}")
    return writers[fmt](graph)


def write_graph(graph: Graph, out: Path) -> list[Path]:
    """Write ``graph.ttl``, ``graph.nt`` and ``graph.jsonld`` into *out* (atomically); return the paths."""
    from cfgraph.io.atomic import write_text

    written = []
    for name, fmt in FORMATS.items():
        path = out / name
        write_text(path, serialize(graph, fmt))
        written.append(path)
    return written


def build_files(fw: Framework, out: Path) -> list[Path]:
    """Build the graph of *fw*, check it against the SHACL shapes, then write it into *out*.

    Raises :class:`~cfgraph.rdf.shacl.GraphNotConforming` (and writes nothing) if it does not conform.
    """
    from cfgraph.rdf.build import build_graph
    from cfgraph.rdf.shacl import check_graph

    graph = build_graph(fw)
    check_graph(graph)
    return write_graph(graph, out)
