"""cfgraph: a knowledge graph of a UN Sustainable Development Cooperation Framework.

The public API is imported lazily, so ``import cfgraph`` (and ``cfgraph --help``) stays light.

>>> import cfgraph
>>> fw = cfgraph.load()
>>> [o.id for o in fw.outcomes]
['1.1', '1.2', '2.1', '2.2', '3.1', '3.2']
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: A tiny fictional framework (Examplestan) for the doctests, the tests and a first try. It ships
#: inside the package, so it is found beside this module in a checkout and a wheel alike (cfgraph
#: reads its data as plain files, so it is never imported from a zip archive).
MINI = Path(__file__).resolve().parent / "examples" / "mini"

_LAZY: dict[str, str] = {
    "load": "cfgraph.io.loader",
    "load_portfolio": "cfgraph.portfolio",
    "load_registry": "cfgraph.registry",
    "build_graph": "cfgraph.rdf.build",
    "run_query": "cfgraph.rdf.queries",
    "list_queries": "cfgraph.rdf.queries",
    "validate": "cfgraph.io.loader",
    "ValidationReport": "cfgraph.io.loader",
    "Framework": "cfgraph.model",
    "find_inconsistencies": "cfgraph.consistency",
    "Inconsistency": "cfgraph.consistency",
    "framework_document": "cfgraph.export.json_document",
    "load_catalogue": "cfgraph.sdg",
    "parse_target_list": "cfgraph.sdg",
    "CfgraphError": "cfgraph.errors",
    "DataError": "cfgraph.errors",
    "ValidationFailed": "cfgraph.errors",
    "UnknownIdError": "cfgraph.errors",
    "actor_outcome_matrix": "cfgraph.analysis.matrix",
    "involvement": "cfgraph.analysis.matrix",
    "frames": "cfgraph.frames",
    "find_node": "cfgraph.graph",
    "synthetic_portfolio": "cfgraph.synthetic",
    "who": "cfgraph.analysis.paths",
    "explain_path": "cfgraph.analysis.paths",
    "depends": "cfgraph.analysis.paths",
    "Finding": "cfgraph.analysis.gaps",
    "GAP_CHECKS": "cfgraph.analysis.gaps",
    "run_gaps": "cfgraph.analysis.gaps",
    "actor_communities": "cfgraph.analysis.communities",
    "target_communities": "cfgraph.analysis.communities",
    "actor_centrality": "cfgraph.analysis.centrality",
    "target_centrality": "cfgraph.analysis.centrality",
    "outcome_synergies": "cfgraph.analysis.synergies",
    "synergies": "cfgraph.analysis.synergies",
    "actor_network": "cfgraph.analysis.networks",
    "target_network": "cfgraph.analysis.networks",
    "to_networkx": "cfgraph.graph",
    "build_report": "cfgraph.render.report",
    "render_view": "cfgraph.render.views",
    "property_graph": "cfgraph.lpg",
}

__all__ = [
    "MINI",
    "build_report",
    "render_view",
    "build_graph",
    "run_query",
    "list_queries",
    "CfgraphError",
    "DataError",
    "Framework",
    "Inconsistency",
    "UnknownIdError",
    "ValidationFailed",
    "ValidationReport",
    "__version__",
    "find_inconsistencies",
    "framework_document",
    "load",
    "load_portfolio",
    "load_registry",
    "load_catalogue",
    "parse_target_list",
    "validate",
    "to_networkx",
    "target_network",
    "actor_network",
    "synergies",
    "outcome_synergies",
    "target_centrality",
    "actor_centrality",
    "target_communities",
    "actor_communities",
    "run_gaps",
    "GAP_CHECKS",
    "Finding",
    "depends",
    "explain_path",
    "who",
    "synthetic_portfolio",
    "actor_outcome_matrix",
    "involvement",
    "frames",
    "find_node",
    "property_graph",
]

if TYPE_CHECKING:  # pragma: no cover
    from cfgraph.consistency import Inconsistency, find_inconsistencies
    from cfgraph.errors import CfgraphError, DataError, UnknownIdError, ValidationFailed
    from cfgraph.export.json_document import framework_document
    from cfgraph.io.loader import ValidationReport, load, validate
    from cfgraph.model import Framework
    from cfgraph.portfolio import load_portfolio
    from cfgraph.registry import load_registry
    from cfgraph.sdg import load_catalogue, parse_target_list


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cfgraph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
