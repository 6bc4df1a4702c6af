"""Validate a built graph against ``ontology/shapes.ttl`` with pySHACL, with a readable report.

>>> import cfgraph
>>> from cfgraph.rdf.build import build_graph
>>> validate_graph(build_graph(cfgraph.load(cfgraph.MINI))).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from cfgraph.errors import CfgraphError

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = [
    "ShaclViolation",
    "ShaclReport",
    "GraphNotConforming",
    "shapes_graph",
    "validate_graph",
    "check_graph",
]

_SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, order=True)
class ShaclViolation:
    """One SHACL result: the node (its IRI), the property path and the shape's message."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus}: {self.path}" if self.path else self.focus
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ShaclReport:
    """The outcome of a validation: ``conforms`` and the violations, sorted."""

    conforms: bool
    violations: tuple[ShaclViolation, ...]

    def text(self) -> str:
        """One line per violation, then a count."""
        lines = [str(v) for v in self.violations]
        lines.append(
            "graph conforms to the cfgraph shapes"
            if self.conforms
            else f"graph does not conform: {len(self.violations)} violation(s)"
        )
        return "\n".join(lines) + "\n"


class GraphNotConforming(CfgraphError):
    """The built graph breaks the SHACL shapes; ``report`` says where."""

    def __init__(self, report: ShaclReport) -> None:
        self.report = report
        first = "; ".join(str(v) for v in report.violations[:3])
        more = f" (and {len(report.violations) - 3} more)" if len(report.violations) > 3 else ""
        super().__init__(f"graph does not conform to the SHACL shapes: {first}{more}")


@cache
def shapes_graph() -> Graph:
    """The shapes shipped in ``ontology/shapes.ttl``."""
    from rdflib import Graph

    from cfgraph.resources import resource_dir

    return Graph().parse(resource_dir("ontology") / "shapes.ttl", format="turtle")


def _label(node: object) -> str:
    """``outcome/1.1`` for a framework node, ``sdg/3.8`` for an SDG node, else the IRI."""
    from urllib.parse import unquote

    from cfgraph.namespaces import ID_BASE

    text = str(node)
    if not text.startswith(ID_BASE):
        return text
    parts = text[len(ID_BASE) :].split("/")
    rest = parts if parts[0] == "sdg" else parts[1:]
    return unquote("/".join(rest)) or unquote(parts[0])


def _path(node: object) -> str:
    from cfgraph.namespaces import PREFIXES

    text = str(node)
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)):
            return f"{prefix}:{text[len(str(ns)) :]}"
    return text


def validate_graph(graph: Graph) -> ShaclReport:
    """Validate *graph* against the cfgraph shapes.

    Returns
    -------
    ShaclReport
        ``conforms`` and one :class:`ShaclViolation` per result, with the shape's message.
    """
    from pyshacl import validate
    from rdflib import BNode, URIRef

    conforms, results, _ = validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=False, allow_warnings=False
    )
    sh = {
        name: URIRef(_SH + name)
        for name in ("ValidationResult", "focusNode", "resultPath", "resultMessage", "resultSeverity")
    }
    violations = set()
    for result in results.subjects(
        URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), sh["ValidationResult"]
    ):
        focus = results.value(result, sh["focusNode"])
        path = results.value(result, sh["resultPath"])
        message = results.value(result, sh["resultMessage"])
        severity = results.value(result, sh["resultSeverity"])
        violations.add(
            ShaclViolation(
                _label(focus),
                "" if path is None or isinstance(path, BNode) else _path(path),
                str(message or "constraint violated"),
                str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            )
        )
    return ShaclReport(bool(conforms), tuple(sorted(violations)))


def check_graph(graph: Graph) -> ShaclReport:
    """Validate and raise :class:`GraphNotConforming` unless the graph conforms."""
    report = validate_graph(graph)
    if not report.conforms:
        raise GraphNotConforming(report)
    return report
