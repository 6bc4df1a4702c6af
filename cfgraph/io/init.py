"""Start a framework folder: ``cfgraph init``.

:func:`init_framework` writes a complete, empty framework folder: ``framework.csv`` filled from
what the user gave, ``sources.csv`` with each source (files are copied into ``sources/`` and
registered with their sha256; web pages by URL), every table with its header and
``datapackage.json``. ``cfgraph validate`` then says exactly what is left to fill.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "riverland"
>>> made = init_framework(folder, title="Riverland Cooperation Framework 2027-2031", country="Riverland",
...                       start=2027, end=2031, sources=["https://example.org/cf"])
>>> sorted(p.name for p in folder.iterdir())[:4]
['agencies.csv', 'datapackage.json', 'framework.csv', 'inconsistencies.csv']
>>> (folder / "sources.csv").read_text(encoding="utf-8").splitlines()[1]
'source-1,https://example.org/cf,web-page,,https://example.org/cf,,'
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cfgraph.errors import CfgraphError
from cfgraph.io.atomic import replaced_folder, write_text
from cfgraph.io.datapackage import datapackage_text
from cfgraph.model import TABLES, table_spec

__all__ = ["init_framework", "source_kind_of", "slug", "table_csv"]

#: Tables ``init`` does not write: derived from others (``outcome_targets`` from the target lists)
#: or written by a command (``reviews`` by ``cfgraph review import``).
LEFT_OUT = ("outcome_targets", "reviews")
#: The folder inside a framework folder where ``init`` copies source files.
SOURCES_FOLDER = "sources"

_KINDS = {
    ".xlsx": "results-matrix",
    ".xls": "results-matrix",
    ".csv": "results-matrix",
    ".ods": "results-matrix",
}


def slug(text: str) -> str:
    """A lower-case slug of *text*.

    >>> slug("Moldova Cooperation Framework 2023–2027"), slug("ПРООН")
    ('moldova-cooperation-framework-2023-2027', 'x')
    """
    found = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return found or "x"


def source_kind_of(location: str) -> str:
    """The kind of source a file or URL is likely to be: a spreadsheet is a results matrix, a web
    address a web page, anything else a document (the user may change it in ``sources.csv``)."""
    if re.match(r"^https?://", location):
        return "web-page"
    return _KINDS.get(Path(location).suffix.lower(), "document")


def table_csv(name: str, rows: Sequence[Mapping[str, Any]]) -> str:
    """The CSV text of table *name* with every declared column, holding *rows* (values as the
    writer writes them: lists joined by ``;``, ``true``/``false``, no ``.0`` on whole numbers)."""
    from cfgraph.io.writer import cell_text

    spec = table_spec(name)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in spec.columns])
    for row in rows:
        writer.writerow([cell_text(row.get(c.name)) for c in spec.columns])
    return buffer.getvalue()


def _register(folder: Path, location: str, n: int, used: set[str]) -> dict[str, str]:
    """One row of ``sources.csv``: a web page by URL, a file copied into ``sources/``."""
    if re.match(r"^https?://", location):
        base = f"source-{n}"
        row = {"title": location, "url": location}
    else:
        path = Path(location)
        target = folder / SOURCES_FOLDER / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        base = slug(path.stem)
        row = {"title": path.name, "path": f"{SOURCES_FOLDER}/{path.name}",
               "sha256": hashlib.sha256(target.read_bytes()).hexdigest()}  # fmt: skip
    ident, k = base, 1
    while ident in used:
        k += 1
        ident = f"{base}-{k}"
    used.add(ident)
    return {"id": ident, "kind": source_kind_of(location), **row}


def init_framework(
    folder: Path | str,
    *,
    title: str,
    country: str,
    start: int,
    end: int,
    sources: Sequence[str] = (),
    framework_id: str | None = None,
    country_iso3: str = "",
    provenance: str = "cited",
) -> Path:
    """Write a new framework folder in *folder*, which must not exist or be empty.

    Parameters
    ----------
    folder : path
        Where to write it (a new or empty folder); written whole or not at all.
    title, country, start, end : str, str, int, int
        The framework's title, its country and its first and last year.
    sources : sequence of str
        Files (copied into ``sources/``, registered with their sha256) or web addresses.
    framework_id : str, optional
        The framework's id (default: a slug of the country and the years).
    country_iso3 : str
        The country's ISO 3166 alpha-3 code, if known (``validate`` asks for it otherwise).
    provenance : str
        The provenance policy: ``cited`` by default for a new framework.

    Returns
    -------
    Path
        The folder.
    """
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CfgraphError(f"{target} is not empty; give a new folder")
    if end < start:
        raise CfgraphError(f"--end {end} is before --start {start}")
    files = [s for s in sources if not re.match(r"^https?://", s)]
    for location in files:
        if not Path(location).is_file():
            raise CfgraphError(f"--source {location}: no such file")
    names = [Path(f).name for f in files]
    if len(set(names)) < len(names):
        raise CfgraphError("two --source files have the same name; rename one")
    fid = framework_id or slug(f"{country} {start} {end}")
    info = {"id": fid, "title": title, "country": country, "country_iso3": country_iso3,
            "start_year": str(start), "end_year": str(end), "provenance": provenance}  # fmt: skip
    with replaced_folder(target, "framework") as staging:  # all of it, or nothing
        used: set[str] = set()
        registered = [_register(staging, s, n, used) for n, s in enumerate(sources, 1)]
        layout = {}
        for spec in TABLES:
            if spec.name in LEFT_OUT:
                continue
            rows = [info] if spec.name == "framework" else registered if spec.name == "sources" else []
            write_text(staging / spec.filename, table_csv(spec.name, rows))
            layout[spec.name] = tuple(c.name for c in spec.columns)
        write_text(staging / "datapackage.json", datapackage_text(fid, title, layout))
    return target
