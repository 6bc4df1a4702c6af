"""Importers: a reviewed draft of a framework folder from its document or its results matrix.

:func:`import_document` reads a Cooperation Framework as .docx, .pdf or .txt (one reader each:
:mod:`~cfgraph.importers.docx`, :mod:`~cfgraph.importers.pdf`, :mod:`~cfgraph.importers.text`),
finds its outline, lists, results matrix and outcome links (:mod:`~cfgraph.importers.outline`,
:mod:`~cfgraph.importers.matrix`, :mod:`~cfgraph.importers.links`) and writes a framework folder
in the form ``cfgraph init`` gives, with the text it read registered as its first source. Every
row is a draft citing its lines.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cfgraph.errors import CfgraphError, DataError
from cfgraph.importers.document import Document
from cfgraph.importers.draft import Draft

if TYPE_CHECKING:
    from cfgraph.importers.folder import FolderTables
    from cfgraph.importers.spreadsheet import Known

__all__ = [
    "ImportReport", "read_document", "extract", "import_document", "import_matrix", "country_of", "READERS"
]  # fmt: skip

#: File endings and the reader of each.
READERS = {".txt": "text", ".md": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf"}

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote: the folder, the rows per table and what it could not find."""

    folder: Path
    counts: dict[str, int]
    missing: tuple[str, ...]
    unsure: int
    #: What was read but kept otherwise than the text labels it, for the reviewer to check.
    notes: tuple[str, ...] = ()
    #: Why the folder written will not validate as it is (None: nothing known to fail).
    fails: str | None = None


def read_document(path: Path | str) -> Document:
    """The document in *path* (.txt, .md, .docx or .pdf), read by the reader of its ending."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise DataError(
            f"{path}: cannot read a {path.suffix or 'file without an ending'}; give .docx, .pdf or .txt"
        )
    if path.stat().st_size == 0:
        raise DataError(f"{path}: the file is empty")
    if kind == "docx":
        from cfgraph.importers.docx import read_docx

        return read_docx(path)
    if kind == "pdf":
        from cfgraph.importers.pdf import read_pdf

        return read_pdf(path)
    from cfgraph.importers.text import read_text

    return read_text(path)


def extract(doc: Document, progress: Progress | None = None, end: int | None = None) -> Draft:
    """Every row *doc* gives, as a :class:`Draft`; a document with no outcome is a :class:`DataError`.
    *end* is the framework's last year (the target of a value given for several years)."""
    from cfgraph.importers.actors import Names
    from cfgraph.importers.agencies import load_registry
    from cfgraph.importers.common import read_common_lists
    from cfgraph.importers.links import read_links
    from cfgraph.importers.matrix import read_matrices
    from cfgraph.importers.missing import list_missing
    from cfgraph.importers.outline import read_lists, read_outline
    from cfgraph.importers.prose import read_text_indicators

    say = progress or (lambda _: None)
    draft = Draft()
    outline = read_outline(doc, draft)
    if not draft.rows.get("outcomes"):
        raise DataError(
            f"{doc.name}: no outcome found (a line such as 'Outcome 1.1. By 2030, ...' or "
            "'Outcome 2: People ...'); is this a Cooperation Framework?"
        )
    say(
        f"{doc.name}: {len(doc.lines)} lines, {len(doc.tables)} table(s), "
        f"{draft.count('outcomes')} outcome(s)"
    )
    names = Names(draft, load_registry(), tuple(line.replace("\f", "") for line in doc.lines))
    read_lists(doc, draft, outline, names)
    matrices = read_matrices(doc, draft, names, end)
    read_text_indicators(doc, draft, outline, names, end)
    say(f"{doc.name}: {matrices} results-matrix table(s), {draft.count('indicators')} indicator(s)")
    read_links(doc, draft, outline)
    read_common_lists(doc, draft, outline, names)
    names.relate_groups()
    list_missing(draft, matrices)
    return draft


def _metadata(
    doc: Document, title: str | None, country: str | None, start: int | None, end: int | None
) -> tuple[str, str, int, int]:
    """Title, country and years: as given, else as the document's title line says them."""
    lines = [line.replace("\f", "").strip() for line in doc.lines[:60]]
    found = next(
        (x for x in lines if re.search(r"cooperation\s+framework", x, re.IGNORECASE) and len(x) < 200), ""
    )
    title = title or found or Path(doc.name).stem
    if start is None or end is None:
        years = re.search(r"((?:19|20)[0-9]{2})\s*[-–]\s*((?:19|20)[0-9]{2})", title) or next(
            (m for x in lines if (m := re.search(r"((?:19|20)[0-9]{2})\s*[-–]\s*((?:19|20)[0-9]{2})", x))),
            None,
        )
        if years is None:
            raise CfgraphError(
                "the document does not say its years in its first lines; give --start and --end"
            )
        start, end = start or int(years.group(1)), end or int(years.group(2))
    if country is None:
        country = country_of(title)
        if not country:
            raise CfgraphError("the document's title does not name the country; give --country")
    return title, country, start, end


#: "... Framework for (the) <Country> 2026-2030".
_FOR_COUNTRY = re.compile(r"\bfor\s+(?:the\s+)?(.+?)\s*(?:,|\(|(?:19|20)[0-9]{2}|$)")
#: "<Country> United Nations Sustainable Development Cooperation Framework 2026-2030".
_COUNTRY_FIRST = re.compile(
    r"^\s*(?P<country>[^\d,:;()]+?)\s+(?:United\s+Nations|UN)\s+(?:Sustainable\s+Development\s+)?"
    r"Cooperation\s+Framework\b",
    re.IGNORECASE,
)


def country_of(title: str) -> str | None:
    """The country a framework's title names, after "for" or before "United Nations"; a name
    written in capitals is given in title case.

    >>> country_of("Cooperation Framework for the Testland 2026-2030")
    'Testland'
    >>> country_of("SOUTH TESTLAND AND THE ISLES UNITED NATIONS COOPERATION FRAMEWORK 2026-2030")
    'South Testland and the Isles'
    >>> country_of("Testland United Nations Sustainable Development Cooperation Framework 2027-2031")
    'Testland'
    >>> country_of("The United Nations Sustainable Development Cooperation Framework") is None
    True
    """
    if m := _FOR_COUNTRY.search(title):
        return m.group(1).strip()
    m = _COUNTRY_FIRST.match(title)
    if m is None or m.group("country").strip().casefold() in ("the", "a"):
        return None
    country = re.sub(r"^(?:the\s+)", "", m.group("country").strip(), flags=re.IGNORECASE)
    if country.isupper():
        small = ("and", "of", "the", "de", "da", "du", "des", "la", "le", "el")
        country = re.sub(
            r"[A-Za-z]+",
            lambda w: w.group().lower() if w.group().lower() in small else w.group().capitalize(),
            country,
        )
        country = country[:1].upper() + country[1:]
    return country


def import_document(
    path: Path | str,
    out: Path | str,
    *,
    title: str | None = None,
    country: str | None = None,
    start: int | None = None,
    end: int | None = None,
    iso3: str = "",
    progress: Progress | None = None,
) -> ImportReport:
    """Import the Cooperation Framework document *path* into the new framework folder *out*.

    The folder gets the form ``cfgraph init`` writes (policy ``cited``), the text read from the
    document as its first source (a .docx or .pdf is kept beside it) and every row the document
    gives as a draft. Nothing is written when the document cannot be read or names no outcome.
    """
    from cfgraph.importers.write import write_draft

    path = Path(path)
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CfgraphError(f"{target} is not empty; give a new folder")
    doc = read_document(path)
    try:
        last: int | None = _metadata(doc, title, country or "-", start, end)[3]
    except CfgraphError:
        last = end
    draft = extract(doc, progress, last)
    info = _metadata(doc, title, country, start, end)
    with tempfile.TemporaryDirectory() as tmp:
        sources = [path]
        if READERS[path.suffix.lower()] != "text":
            text = Path(tmp) / f"{path.stem}.txt"
            text.write_text(doc.text, encoding="utf-8")
            sources = [text, path]
        if not iso3:
            draft.lack("no ISO 3166 alpha-3 code of the country: give --iso3 or fill framework.csv")
        write_draft(draft, target, info, sources, iso3)
    counts = {name: len(rows) for name, rows in draft.rows.items()}
    unsure = sum(1 for rows in draft.rows.values() for r in rows if r.get("review_note"))
    fails = None
    if not draft.rows.get("target_lists") and not draft.rows.get("indicators"):
        fails = (
            "no outcome lists an SDG target or has an indicator (no 'SDG targets:' list and no results "
            "matrix or indicator was read): fill target_lists.csv or indicators.csv"
        )
    return ImportReport(target, counts, tuple(draft.missing), unsure, tuple(draft.notes), fails)


def import_matrix(
    path: Path | str,
    framework: Path | str,
    maps: Sequence[str] = (),
    progress: Progress | None = None,
) -> ImportReport:
    """Import the results-matrix spreadsheet *path* (.xlsx or .csv) into the framework folder
    *framework*: its indicators, their SDG links, agencies and partners (and any outcome or output
    the folder lacks) as drafts citing their cells; the file is registered as a source.

    *maps* are ``HEADING=FIELD`` for headings the default layout does not know
    (:data:`~cfgraph.importers.layout.FIELDS`). Nothing is written when the file cannot be read,
    no sheet has a heading row or a map names an unknown field or heading.
    """
    from cfgraph.importers.actors import Names
    from cfgraph.importers.agencies import load_registry
    from cfgraph.importers.folder import FolderTables, merge_draft
    from cfgraph.importers.layout import FIELDS, find_layout, heading_key, parse_maps
    from cfgraph.importers.spreadsheet import read_sheet
    from cfgraph.importers.workbook import read_grids

    say = progress or (lambda _: None)
    path = Path(path)
    mapping = parse_maps(maps)
    tables = FolderTables(framework)
    grids = read_grids(path)
    layouts = [(g, find_layout([[c.text for c in r] for r in g.rows], mapping)) for g in grids]
    found = [(g, lay) for g, lay in layouts if lay is not None]
    if not found:
        raise DataError(
            f"{path}: no heading row naming an indicator column and another known column "
            f"({', '.join(FIELDS)}); name the headings with --map HEADING=FIELD"
        )
    headings = {heading_key(c.text) for g, lay in found for c in g.rows[lay.row]}
    unused = [h for h in mapping if h not in headings]
    if unused:
        raise CfgraphError(f"--map: no column of {path.name} is headed {unused[0]!r}")
    draft = Draft()
    sid = tables.source_id(path)
    known = _known(tables, draft, sid)
    names = Names(draft, load_registry(), ())
    for row in tables.rows("partners"):
        if row.get("source_id") != sid:
            for name in [row.get("name", ""), *(row.get("aliases") or "").split(";")]:
                if name:
                    names.know_partner(name, row["id"])
    for grid, layout in found:
        read_sheet(grid, layout, draft, names, known, say)
    if not draft.rows.get("indicators"):
        raise DataError(f"{path}: no indicator below the heading row")
    merge_draft(tables, draft, path, path.name)
    counts = {name: len(rows) for name, rows in draft.rows.items()}
    unsure = sum(1 for rows in draft.rows.values() for r in rows if r.get("review_note"))
    return ImportReport(tables.folder, counts, tuple(draft.missing), unsure, tuple(draft.notes))


def _known(tables: FolderTables, draft: Draft, sid: str) -> Known:
    """What the folder *tables* holds already, its rows from the source *sid* left out (they are
    read again), with its agencies and partners known to *draft*."""
    from cfgraph.importers.spreadsheet import Known

    def rows(table: str) -> list[dict[str, str]]:
        return [r for r in tables.rows(table) if r.get("source_id") != sid]

    known = Known()
    info = tables.rows("framework")
    if info and (info[0].get("end_year") or "").isdigit():
        known.end = int(info[0]["end_year"])
    known.outcomes = {r["id"]: r.get("statement", "") for r in rows("outcomes")}
    known.outputs = {r["id"]: r.get("statement", "") for r in rows("outputs")}
    known.indicators = {r["id"] for r in rows("indicators")}
    for table in ("agencies", "partners"):
        for row in rows(table):
            draft.know(
                table, row["id"], {**row, "aliases": tuple(a for a in row.get("aliases", "").split(";") if a)}
            )
    return known
