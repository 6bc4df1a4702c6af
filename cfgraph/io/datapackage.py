"""``datapackage.json``: the Frictionless Data Package descriptor of a framework folder, written
from the table declarations of :mod:`cfgraph.model`.

``python -m cfgraph.io.datapackage data`` writes each folder's descriptor; a test checks that
the shipped files still match.

>>> descriptor = datapackage_descriptor("kz", "Kazakhstan")
>>> [r["name"] for r in descriptor["resources"]][:3]
['framework', 'thematic-areas', 'result-groups']
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from cfgraph.model import TABLES

__all__ = ["datapackage_descriptor", "datapackage_text", "write_datapackage"]


def datapackage_descriptor(framework_id: str, title: str) -> dict[str, Any]:
    """The Frictionless Data Package descriptor for one framework folder."""
    return {
        "profile": "tabular-data-package",
        "name": framework_id,
        "title": title,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": [t.descriptor() for t in TABLES],
    }


def datapackage_text(framework_id: str, title: str) -> str:
    """The descriptor as the JSON text of ``datapackage.json``."""
    return json.dumps(datapackage_descriptor(framework_id, title), indent=2, ensure_ascii=False) + "\n"


def write_datapackage(folder: Path) -> Path:
    """Write ``datapackage.json`` for the framework in *folder* (reads id/title from framework.csv)."""
    import csv

    from cfgraph.io.atomic import write_text

    with (folder / "framework.csv").open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    return write_text(folder / "datapackage.json", datapackage_text(row["id"], row["title"]))


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "data")
    for fw in sorted(p.parent for p in root.glob("*/framework.csv")):
        print(write_datapackage(fw))
