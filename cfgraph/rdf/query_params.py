"""The parameters of a named question: checked against its header, and their ids against the graph.

A parameter is a value, never query text: :func:`bindings` checks the names the query declares
(``# param`` required, ``# option`` optional), :func:`check_ids` that an id names something the
graph (or the SDG catalogue, the UN entity registry, the partner types) has, with the closest ids
when it does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from cfgraph.errors import UnknownIdError

if TYPE_CHECKING:
    from rdflib import Graph

    from cfgraph.rdf.queries import NamedQuery

__all__ = ["UnknownParameterError", "bindings", "check_ids"]


class UnknownParameterError(UnknownIdError):
    """A parameter the query does not take (or a required one missing)."""

    def __init__(self, query: str, message: str, valid: list[str]) -> None:
        super().__init__("parameter", message, valid)
        listed = ", ".join(valid) if valid else "(none)"
        self.args = (f"query {query!r}: {message}; its parameters: {listed}",)


def bindings(query: NamedQuery, params: Mapping[str, str] | None) -> dict[str, str]:
    """Check *params* against the query's parameters; return them (required ones present, an
    ``agency`` as its UN entity registry id when the registry reads the spelling given)."""
    given = dict(params or {})
    valid = query.param_names
    for key in sorted(given):
        if key not in valid:
            raise UnknownParameterError(query.name, f"unknown parameter {key!r}", valid)
    for p in query.params:
        if p.required and not given.get(p.name):
            raise UnknownParameterError(query.name, f"missing parameter {p.name!r} ({p.description})", valid)
    if given.get("agency"):  # a UN entity as a person names it (UNOCHA, UN Women): its registry id
        from cfgraph.registry import load_registry

        entity = load_registry().match(given["agency"]).entity
        given["agency"] = entity.id if entity is not None else given["agency"]
    return {k: v for k, v in given.items() if v != ""}


def check_ids(graph: Graph, params: Mapping[str, str]) -> None:
    """Refuse an id the graph does not have (:class:`~cfgraph.errors.UnknownIdError`, exit 2 in the
    CLI): a ``framework`` or ``other`` framework, an ``outcome`` (of the ``framework`` if given), a
    ``target`` that is neither an SDG target nor a code the document writes, an ``agency`` that is
    not in the UN entity registry, a partner ``type`` that does not exist.

    >>> import cfgraph
    >>> from cfgraph.rdf.build import build_graph
    >>> check_ids(build_graph(cfgraph.load(cfgraph.MINI)), {"outcome": "1.3"})
    Traceback (most recent call last):
    ...
    cfgraph.errors.UnknownIdError: unknown outcome '1.3'; did you mean 1.1?
    """
    from cfgraph.namespaces import CFG

    for name in ("framework", "other"):
        if name in params:
            _known("framework", params[name], _ids(graph, CFG.CooperationFramework))
    if "outcome" in params:
        _known("outcome", params["outcome"], _ids(graph, CFG.Outcome, params.get("framework")))
    if "target" in params:
        _check_target(graph, params["target"])
    if "agency" in params:
        from cfgraph.registry import load_registry

        registry = load_registry()
        if params["agency"] not in registry:
            close = [s.split(" ")[0] for s in registry.closest(params["agency"])]
            raise UnknownIdError("UN entity", params["agency"], close)
    if "type" in params:
        from cfgraph.vocabulary import PARTNER_TYPES

        _known("partner type", params["type"], PARTNER_TYPES)


def _known(kind: str, value: str, valid: Iterable[str]) -> None:
    from cfgraph.model import closest

    choices = set(valid)
    if value not in choices:
        raise UnknownIdError(kind, value, closest(value, choices))


def _ids(graph: Graph, cls: Any, framework: str | None = None) -> set[str]:
    """The ids of the things of class *cls* (of one framework if given)."""
    from cfgraph.namespaces import CFG, DCTERMS, RDF, framework_iri

    within = framework_iri(framework) if framework else None
    return {
        str(i)
        for s in graph.subjects(RDF.type, cls)
        if within is None or (s, CFG.inFramework, within) in graph
        for i in graph.objects(s, DCTERMS.identifier)
    }


def _check_target(graph: Graph, code: str) -> None:
    from cfgraph.model import closest
    from cfgraph.namespaces import CFG, RDF
    from cfgraph.sdg import load_catalogue

    refs = graph.subjects(RDF.type, CFG.TargetReference)
    written = {str(c) for r in refs for c in graph.objects(r, CFG.code)}
    if code not in written and not load_catalogue().is_target(code):
        raise UnknownIdError("SDG target", code, closest(code, written))
