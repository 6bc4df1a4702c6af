"""``datapackage.json``: the Frictionless Data Package descriptor of a framework folder, written
from the table declarations of :mod:`cfgraph.model`.

``python -m cfgraph.io.datapackage data`` writes each folder's descriptor; a test checks that
the shipped files still match.

>>> descriptor = datapackage_descriptor("riverland-2027-2031", "Riverland")
>>> [r["name"] for r in descriptor["resources"]][:3]
['framework', 'sources', 'thematic-areas']
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cfgraph.model import TABLES

__all__ = ["datapackage_descriptor", "datapackage_text", "folder_layout", "write_datapackage"]


Layout = Mapping[str, Sequence[str]]


def datapackage_descriptor(framework_id: str, title: str, layout: Layout | None = None) -> dict[str, Any]:
    """The Frictionless Data Package descriptor for one framework folder: every table, or with a
    *layout* (table -> the columns its file has) the tables and columns the folder has."""
    specs = [t for t in TABLES if layout is None or t.name in layout]
    return {
        "profile": "tabular-data-package",
        "name": framework_id,
        "title": title,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": [t.descriptor(None if layout is None else layout[t.name], layout) for t in specs],
    }


def datapackage_text(framework_id: str, title: str, layout: Layout | None = None) -> str:
    """The descriptor as the JSON text of ``datapackage.json``."""
    return (
        json.dumps(datapackage_descriptor(framework_id, title, layout), indent=2, ensure_ascii=False) + "\n"
    )


def folder_layout(folder: Path) -> dict[str, tuple[str, ...]]:
    """The tables a framework folder has and the declared columns of each file's header."""
    import csv

    layout: dict[str, tuple[str, ...]] = {}
    for spec in TABLES:
        path = folder / spec.filename
        if path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as fh:
                header = [h.strip() for h in next(csv.reader(fh), [])]
            layout[spec.name] = tuple(c.name for c in spec.columns if c.name in header)
    return layout


def write_datapackage(folder: Path) -> Path:
    """Write ``datapackage.json`` for the framework in *folder*: the tables and columns its files
    have (id and title from framework.csv)."""
    import csv

    from cfgraph.io.atomic import write_text

    with (folder / "framework.csv").open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    text = datapackage_text(row["id"], row["title"], folder_layout(folder))
    return write_text(folder / "datapackage.json", text)


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "data")
    for fw in sorted(p.parent for p in root.glob("*/framework.csv")):
        print(write_datapackage(fw))
