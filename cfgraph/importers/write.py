"""Write a :class:`~cfgraph.importers.draft.Draft` as a framework folder: what ``cfgraph init``
writes (every table with its header, the sources registered with their sha256, policy
``cited``), then each table holding rows, written whole; all of it or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cfgraph.importers.draft import Draft
from cfgraph.io.atomic import replaced_folder, write_text
from cfgraph.io.init import init_framework, table_csv
from cfgraph.model import table_spec

__all__ = ["write_draft"]


def write_draft(
    draft: Draft, folder: Path, info: tuple[str, str, int, int], sources: Sequence[Path], iso3: str = ""
) -> None:
    """Write *draft* into the new folder *folder*: *info* is (title, country, start, end), *sources*
    the files to register (the text the rows cite first)."""
    title, country, start, end = info
    with replaced_folder(folder, "framework") as staging:
        init_framework(
            staging,
            title=title,
            country=country,
            start=start,
            end=end,
            sources=[str(s) for s in sources],
            provenance="cited",
            country_iso3=iso3,
        )
        for name, rows in draft.rows.items():
            write_text(staging / table_spec(name).filename, table_csv(name, rows))
