"""The sources a framework folder cites: read, hashed, and (text files) split into lines.

A framework names its sources in ``sources.csv`` (several: the document, its results-matrix
spreadsheet, a national strategy, a web page), or names its one source document in
``framework.csv`` (``source_file``, ``source_sha256``; its id is ``""``). A row cites its own
source (``source_id``) or, by default, the first. A text file (``.txt``, ``.md``) is cited by
lines and its quotes can be checked; other files by a locator (a page, a cell).

>>> import cfgraph
>>> from cfgraph.io.reading import read_package
>>> found = read_sources(read_package(cfgraph.MINI))
>>> found.default, len(found.texts[""])
('', 47)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from cfgraph.errors import Problem
from cfgraph.io.citations import CitedSource
from cfgraph.io.reading import PackageContents, TypedRow
from cfgraph.model import table_spec

__all__ = ["TEXT_SUFFIXES", "FoundSources", "read_sources", "source_lines_of", "sha256_of"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Files cfgraph reads as text, cited by lines.
TEXT_SUFFIXES = (".txt", ".md", ".text")


@dataclass
class FoundSources:
    """What the folder's sources hold: each text source's lines by source id, the default id,
    the sha256 each file really has (for ``validate --fix``) and where each source is declared."""

    default: str | None = None
    texts: dict[str, list[str]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    digests: dict[str, str] = field(default_factory=dict)
    rows: dict[str, tuple[str, TypedRow, str]] = field(default_factory=dict)
    #: Sources whose file could not be used (a problem says why); rows citing them are not checked.
    unusable: set[str] = field(default_factory=set)

    def cited(self) -> dict[str, CitedSource]:
        return {sid: CitedSource(lines) for sid, lines in self.texts.items()}


def sha256_of(path: Path) -> str:
    """The sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_lines_of(data: bytes) -> list[str]:
    """A text source's lines (UTF-8, a leading BOM dropped, undecodable bytes replaced), split
    where an editor splits them: at line feeds and carriage returns only, so a page break
    (form feed) stays inside its line and line numbers match what the user sees.

    >>> source_lines_of(b"one\\r\\ntwo\\fthree\\nfour")
    ['one', 'two\\x0cthree', 'four']
    """
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _read_file(
    pkg: PackageContents, found: FoundSources, sid: str, row: TypedRow, shown: str, columns: tuple[str, str]
) -> None:
    """Check one source file: inside the folder, present, its sha256; keep its lines if text."""
    path_column, hash_column = columns
    name = str(row.values[path_column])
    path = pkg.folder / name
    if not path.resolve().is_relative_to(pkg.folder.resolve()):
        message = f"{name!r} leads outside the framework folder; keep the source in it"
        pkg.problems.append(Problem(shown, row.line, path_column, message))
        found.unusable.add(sid)
        return
    if not path.is_file():
        pkg.problems.append(Problem(shown, row.line, path_column, f"{name} not found in the folder"))
        found.unusable.add(sid)
        return
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    found.digests[sid] = digest
    given = row.values.get(hash_column)
    if given is None:
        message = f"no sha256 for {path.name}; 'cfgraph validate --fix' writes it"
        pkg.problems.append(Problem(shown, row.line, hash_column, message, "warning"))
    elif given != digest:
        message = (
            f"does not match {path.name} (its sha256 is {digest}); the source changed: check the citations, "
            "then 'cfgraph validate --fix' writes the new sha256"
        )
        pkg.problems.append(Problem(shown, row.line, hash_column, message))
    if path.suffix.lower() in TEXT_SUFFIXES:
        found.texts[sid] = source_lines_of(data)


def read_sources(pkg: PackageContents) -> FoundSources:
    """Read every source the folder declares; problems go to *pkg*."""
    found = FoundSources()
    framework = pkg.tables.get("framework", [])
    listed = pkg.tables.get("sources", [])
    info_shown = pkg.shown(table_spec("framework"))
    if framework and framework[0].values.get("source_file") is not None:
        row = framework[0]
        if listed:
            message = "name the source in sources.csv only (it lists the sources), or remove sources.csv"
            pkg.problems.append(Problem(info_shown, row.line, "source_file", message))
        else:
            found.default = ""
            found.known.add("")
            found.rows[""] = (info_shown, row, "source_sha256")
            _read_file(pkg, found, "", row, info_shown, ("source_file", "source_sha256"))
    shown = pkg.shown(table_spec("sources"))
    for row in listed:
        sid = row.values.get("id")
        if sid is None:
            continue
        found.known.add(sid)
        if found.default is None:
            found.default = sid
        found.rows[sid] = (shown, row, "sha256")
        if row.values.get("path") is not None:
            _read_file(pkg, found, sid, row, shown, ("path", "sha256"))
        elif row.values.get("url") is None:
            pkg.problems.append(Problem(shown, row.line, "path", "give the source's file (path) or its url"))
    return found
