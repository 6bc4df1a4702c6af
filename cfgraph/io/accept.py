"""``cfgraph accept``: mark draft rows of a table reviewed (``review`` = ``accepted``).

A row is chosen by its key, its key columns joined by ``/`` (``1.1/narrative/3`` of
``outcome_agencies``), or by the start of it (``1.1`` chooses every row of outcome 1.1); ``--all``
chooses every draft. The file is rewritten atomically, changed records only (the other lines keep
their bytes), as ``validate --fix`` does.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cfgraph.errors import CfgraphError, UnknownIdError
from cfgraph.hints import closest
from cfgraph.io.atomic import write_text
from cfgraph.io.fix import edited_text
from cfgraph.model import table_spec

__all__ = ["accept_rows"]


def accept_rows(folder: Path | str, table: str, ids: tuple[str, ...] = (), every: bool = False) -> int:
    """Mark the draft rows of *table* in *folder* that *ids* choose (all drafts with *every*)
    accepted; return how many changed."""
    from cfgraph.model import TABLES

    names = [t.name for t in TABLES if "review" in {c.name for c in t.columns}]
    if table not in names:
        raise UnknownIdError("table", table, closest(table, names))
    if not ids and not every:
        raise CfgraphError("name the rows to accept (their keys) or give --all")
    spec = table_spec(table)
    path = Path(folder) / spec.filename
    if not path.is_file():
        raise CfgraphError(f"{path}: no such file")
    text = path.read_bytes().decode("utf-8")
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    if "review" not in (reader.fieldnames or []):
        raise CfgraphError(f"{path}: no review column (its rows are not drafts)")
    edits: dict[int, dict[str, str]] = {}
    keys: list[str] = []
    start = 2
    for record in reader:
        key = "/".join(record.get(c) or "" for c in spec.primary_key)
        keys.append(key)
        chosen = every or any(key == i or key.startswith(i.rstrip("/") + "/") for i in ids)
        if chosen and record.get("review") == "draft":
            edits[start] = {"review": "accepted"}
        start = reader.line_num + 1
    unknown = [i for i in ids if not any(k == i or k.startswith(i.rstrip("/") + "/") for k in keys)]
    if unknown:
        raise UnknownIdError(f"row of {table}", unknown[0], closest(unknown[0], keys))
    if edits:
        write_text(path, edited_text(text, edits))
    return len(edits)
