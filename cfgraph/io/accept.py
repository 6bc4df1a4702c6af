"""``cfgraph accept``: mark draft rows of a table reviewed (``review`` = ``accepted``).

A row is chosen by its key, its key columns joined by ``/`` (``1.1/narrative/3`` of
``outcome_agencies``), or by the start of it (``1.1`` chooses every row of outcome 1.1); ``--all``
chooses every draft; :func:`accept_all` every draft of every table. The file is rewritten
atomically, changed records only (the other lines keep their bytes), as ``validate --fix`` does.
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

__all__ = ["accept_rows", "accept_all", "draft_tables"]


def draft_tables() -> list[str]:
    """The tables whose rows may be drafts (they have a ``review`` column), in model order."""
    from cfgraph.model import TABLES

    return [t.name for t in TABLES if "review" in {c.name for c in t.columns}]


def accept_all(folder: Path | str) -> dict[str, int]:
    """Mark every draft row of every table of *folder* accepted; return how many changed in each
    table the folder has (tables without drafts count 0).

    >>> import cfgraph, shutil, tempfile, pathlib
    >>> copy = pathlib.Path(tempfile.mkdtemp()) / "fw"
    >>> _ = shutil.copytree(cfgraph.MINI, copy)
    >>> sum(accept_all(copy).values())
    0
    """
    found: dict[str, int] = {}
    for table in draft_tables():
        path = Path(folder) / table_spec(table).filename
        if path.is_file() and "review" in path.read_text(encoding="utf-8-sig").partition("\n")[0].split(","):
            found[table] = accept_rows(folder, table, every=True)
    return found


def accept_rows(folder: Path | str, table: str, ids: tuple[str, ...] = (), every: bool = False) -> int:
    """Mark the draft rows of *table* in *folder* that *ids* choose (all drafts with *every*)
    accepted; return how many changed."""
    names = draft_tables()
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
