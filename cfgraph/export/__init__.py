"""Exporters: the framework in other formats, one registry.

Each exporter is a function ``(framework) -> str | bytes | dict[str, str | bytes]``: text goes to
stdout when no ``--out`` is given; bytes need ``--out``; a dict is a set of files written into the
``--out`` folder. Modules are imported only when their format is asked for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["EXPORTERS", "Exported", "get_exporter"]

Exported = str | bytes | dict[str, str | bytes]


class Exporter(Protocol):
    def __call__(self, fw: Framework) -> Exported: ...


#: format name -> "module:function"
EXPORTERS: dict[str, str] = {
    "json": "cfgraph.export.json_document:export_json",
    "cypher": "cfgraph.export.cypher_script:export_cypher",
    "graphml": "cfgraph.export.graph_formats:export_graphml",
    "gexf": "cfgraph.export.graph_formats:export_gexf",
    "cytoscape": "cfgraph.export.graph_formats:export_cytoscape",
    "kumu": "cfgraph.export.kumu:export_kumu",
    "csv": "cfgraph.export.tables:export_csv",
    "xlsx": "cfgraph.export.xlsx:export_xlsx",
}


def get_exporter(name: str) -> Exporter:
    """The exporter function for format *name*."""
    module, _, attr = EXPORTERS[name].partition(":")
    func: Any = getattr(import_module(module), attr)
    return func  # type: ignore[no-any-return]
