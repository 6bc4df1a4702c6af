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

__all__ = ["EXPORTERS", "SUFFIXES", "Exported", "get_exporter", "check_out"]

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
    "workbook": "cfgraph.export.officer:export_workbook",
    "kumu-stakeholders": "cfgraph.export.officer:export_kumu_stakeholders",
}

#: format name -> the file name endings its ``--out`` may have ("" for a folder).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "json": (".json",),
    "cypher": (".cypher", ".cql", ".txt"),
    "graphml": (".graphml", ".xml"),
    "gexf": (".gexf", ".xml"),
    "cytoscape": (".json", ".cyjs"),
    "kumu": (".xlsx",),
    "csv": ("",),
    "xlsx": (".xlsx",),
    "workbook": (".xlsx",),
    "kumu-stakeholders": (".xlsx",),
}


def check_out(name: str, out: str) -> str | None:
    """Why *out* does not fit format *name* (its ending), or None when it does.

    >>> check_out("kumu", "map.csv")
    "--format kumu writes an Excel workbook: give --out a name ending in .xlsx, not 'map.csv'"
    >>> check_out("csv", "tables/") is None, check_out("json", "fw.JSON") is None
    (True, True)
    """
    from pathlib import PurePath

    endings = SUFFIXES[name]
    suffix = PurePath(out).suffix.lower()
    if suffix in endings:
        return None
    what = {".xlsx": "an Excel workbook", "": "a folder of files"}.get(endings[0], f"a {endings[0]} file")
    wanted = "a name ending in " + " or ".join(endings)
    if endings == ("",):
        wanted = "a folder name (no extension)"
    return f"--format {name} writes {what}: give --out {wanted}, not {out!r}"


def get_exporter(name: str) -> Exporter:
    """The exporter function for format *name*."""
    module, _, attr = EXPORTERS[name].partition(":")
    func: Any = getattr(import_module(module), attr)
    return func  # type: ignore[no-any-return]
