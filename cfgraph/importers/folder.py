"""Add an importer's draft rows to an existing framework folder, citing a source file it registers.

The file is copied into the folder's ``sources/`` and registered in ``sources.csv`` with its
sha256 (the row of the same file is reused: importing it again replaces what it gave). Each
table keeps its rows from other sources, in their order and with their bytes, and its
columns; the rows the same source gave before are dropped and the new ones added after them,
so importing the same file twice writes the same bytes. The folder is written whole or not at all.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cfgraph.errors import CfgraphError
from cfgraph.importers.draft import Draft
from cfgraph.io.atomic import replaced_folder, write_text
from cfgraph.io.init import SOURCES_FOLDER, slug, source_kind_of
from cfgraph.model import table_spec

__all__ = ["FolderTables", "merge_draft"]


class FolderTables:
    """The tables of a framework folder as written (every value a string)."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        if not (self.folder / table_spec("framework").filename).is_file():
            raise CfgraphError(
                f"{self.folder}: not a framework folder (no framework.csv); "
                "start one with 'cfgraph init' or 'cfgraph import document'"
            )
        self._read: dict[str, tuple[list[str], list[dict[str, str]], str]] = {}

    def table(self, name: str) -> tuple[list[str], list[dict[str, str]], str]:
        """The header, the records and the text of table *name* (empty when the file is absent)."""
        if name not in self._read:
            path = self.folder / table_spec(name).filename
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff") if path.is_file() else ""
            reader = csv.DictReader(io.StringIO(text, newline=""))
            rows = [{k: v or "" for k, v in r.items() if k is not None} for r in reader]
            self._read[name] = (list(reader.fieldnames or []), rows, text)
        return self._read[name]

    def rows(self, name: str) -> list[dict[str, str]]:
        return self.table(name)[1]

    def source_id(self, path: Path) -> str:
        """The id the file *path* has (or will have) in ``sources.csv``."""
        if self.rows("framework") and self.rows("framework")[0].get("source_file"):
            raise CfgraphError(
                f"{self.folder}: framework.csv names the folder's one source (source_file); list it in "
                "sources.csv instead (id, title, kind, path, sha256) to add another source"
            )
        listed = self.rows("sources")
        where = f"{SOURCES_FOLDER}/{path.name}"
        found = next((r["id"] for r in listed if r.get("path") == where), None)
        if found:
            return found
        used = {r.get("id", "") for r in listed}
        base, ident, k = slug(path.stem), slug(path.stem), 1
        while ident in used:
            k += 1
            ident = f"{base}-{k}"
        return ident


def _csv(header: list[str], rows: Sequence[Mapping[str, Any]]) -> str:
    from cfgraph.io.writer import cell_text

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [cell_text(row.get(c)) if not isinstance(row.get(c), str) else row[c] for c in header]
        )
    return buffer.getvalue()


def _merged(tables: FolderTables, name: str, new: list[dict[str, Any]], sid: str) -> str:
    """Table *name*: its rows from other sources, then *new*; its columns, with those *new* fills."""
    header, old, _ = tables.table(name)
    kept = [r for r in old if r.get("source_id") != sid]
    spec = table_spec(name)
    wanted = (
        set(header)
        | {c.name for c in spec.columns if c.required}
        | {c for r in new for c, v in r.items() if v not in (None, "", ())}
    )
    columns = [c.name for c in spec.columns if c.name in wanted]
    columns += [c for c in header if c not in columns]  # a column cfgraph does not declare stays
    return _csv(columns, [*kept, *new])


def merge_draft(tables: FolderTables, draft: Draft, path: Path, title: str) -> list[str]:
    """Copy *path* into the folder, register it, and write *draft*'s rows citing it; return the
    tables written."""
    from cfgraph.io.datapackage import write_datapackage

    sid = tables.source_id(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    where = f"{SOURCES_FOLDER}/{path.name}"
    header, listed, _ = tables.table("sources")
    source = {"id": sid, "title": title, "kind": source_kind_of(path.name), "path": where, "sha256": digest}
    old = next((r for r in listed if r.get("id") == sid), None)
    sources = [({**r, **source, "title": r.get("title") or title} if r is old else r) for r in listed]
    if old is None:
        sources.append(source)
    for rows in draft.rows.values():
        for row in rows:
            row["source_id"] = sid
    from cfgraph.model import TABLES

    changed = [
        t.name
        for t in TABLES
        if t.name not in ("framework", "sources")
        and (t.name in draft.rows or any(r.get("source_id") == sid for r in tables.rows(t.name)))
    ]
    with replaced_folder(tables.folder, "framework") as staging:
        shutil.copytree(tables.folder, staging, dirs_exist_ok=True)
        (staging / SOURCES_FOLDER).mkdir(exist_ok=True)
        shutil.copyfile(path, staging / where)
        columns = header or [c.name for c in table_spec("sources").columns]
        write_text(staging / table_spec("sources").filename, _csv(columns, sources))
        for name in changed:
            write_text(
                staging / table_spec(name).filename, _merged(tables, name, draft.rows.get(name, []), sid)
            )
        write_datapackage(staging)
    return changed
