"""Checks of meaning: SDG codes, provenance and verbatim text against the source document.

Every shipped fact must trace to the source: each row's ``source_lines`` must lie inside the
document, and text columns that copy the document (statements, raw lists, quotes, indicator
names, baselines, targets) must occur in the lines they cite, once bookmark and footnote
markers are removed and whitespace collapsed. An ellipsis (``…``) in a quote skips text.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from cfgraph.errors import Problem
from cfgraph.io.citations import (
    MAX_CITED_LINES,
    CitedSource,
    cited_line_count,
    clean_source_line,
    merged_ranges,
    reversed_ranges,
)
from cfgraph.io.ends import check_relation_ends
from cfgraph.io.reading import PackageContents, TypedRow
from cfgraph.model import TABLES, table_spec
from cfgraph.model.schema import LINES_PATTERN
from cfgraph.sdg import SdgCatalogue, parse_target_list

__all__ = ["clean_source_line", "check_meaning", "VERBATIM_FIELDS"]

_SPACE = re.compile(r"\s+")

#: Columns whose text must occur verbatim in the cited lines of the source (declared with ``verbatim``).
VERBATIM_FIELDS: dict[str, tuple[str, ...]] = {
    t.name: names for t in TABLES if (names := tuple(c.name for c in t.columns if c.meta.verbatim))
}


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _check_framework(pkg: PackageContents, source_lines: list[str] | None) -> None:
    rows = pkg.tables.get("framework", [])
    shown = pkg.shown(table_spec("framework"))
    if len(rows) > 1:
        pkg.problems.append(Problem(shown, rows[1].line, "(table)", "must have exactly one row"))


def _read_source(pkg: PackageContents) -> list[str] | None:
    rows = pkg.tables.get("framework", [])
    if not rows or rows[0].values.get("source_file") is None:
        return None
    row = rows[0]
    shown = pkg.shown(table_spec("framework"))
    path = pkg.folder / str(row.values["source_file"])
    if not path.resolve().is_relative_to(pkg.folder.resolve()):
        message = f"{row.values['source_file']!r} leads outside the framework folder; keep the source in it"
        pkg.problems.append(Problem(shown, row.line, "source_file", message))
        return None
    if not path.is_file():
        pkg.problems.append(Problem(shown, row.line, "source_file", f"{path.name} not found in the folder"))
        return None
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if row.values.get("source_sha256") and digest != row.values["source_sha256"]:
        pkg.problems.append(
            Problem(
                shown,
                row.line,
                "source_sha256",
                f"does not match {path.name} (its sha256 is {digest}); the source changed",
            )
        )
    return data.decode("utf-8", errors="replace").splitlines()


def _check_provenance(pkg: PackageContents, name: str, row: TypedRow, source: CitedSource) -> None:
    shown = pkg.shown(table_spec(name))
    cell = row.values.get("source_lines")
    if not cell or not re.match(LINES_PATTERN, cell):
        return
    short = cell if len(cell) <= 40 else cell[:37] + "..."
    ranges = merged_ranges(cell)
    if reversed_ranges(cell) or ranges[-1][1] > len(source.lines):
        message = f"{short!r} is outside the source document (lines 1-{len(source.lines)}) or reversed"
        pkg.problems.append(Problem(shown, row.line, "source_lines", message))
        return
    count = cited_line_count(ranges)
    if count > MAX_CITED_LINES:
        message = f"{short!r} cites {count} lines; cite at most {MAX_CITED_LINES}, those the text is on"
        pkg.problems.append(Problem(shown, row.line, "source_lines", message))
        return
    columns = [c for c in VERBATIM_FIELDS.get(name, ()) if row.values.get(c)]
    if not columns:
        return
    cited = source.cited(ranges)
    for column in columns:
        fragments = [f for f in re.split(r"\s*(?:…|\.\.\.)\s*", _norm(str(row.values[column]))) if f]
        missing = [f for f in fragments if f not in cited]
        if missing:
            text = missing[0] if len(missing[0]) < 60 else missing[0][:57] + "..."
            message = f"{text!r} is not in source line(s) {short}"
            pkg.problems.append(Problem(shown, row.line, column, message))


def _check_target_codes(pkg: PackageContents, catalogue: SdgCatalogue) -> None:
    shown = pkg.shown(table_spec("outcome_targets"))
    for row in pkg.tables.get("outcome_targets", []):
        code, status = row.values["code"], row.values["code_status"]
        if code is None or status is None:
            continue
        real = catalogue.is_target(code)
        if not real and status == "ok":
            pkg.problems.append(
                Problem(
                    shown,
                    row.line,
                    "code",
                    f"unknown SDG target {code!r}; if the document writes it so, "
                    "set code_status to invalid-in-source",
                )
            )
        elif not real:
            pkg.problems.append(
                Problem(
                    shown,
                    row.line,
                    "code",
                    f"{code!r} is not an SDG target (kept as the document writes it)",
                    "warning",
                )
            )
        elif status != "ok":
            pkg.problems.append(
                Problem(shown, row.line, "code_status", f"{code!r} is a real SDG target; write ok")
            )
    _check_lists_match_rows(pkg)


def _check_lists_match_rows(pkg: PackageContents) -> None:
    """outcome_targets must be exactly what the parser reads from target_lists."""
    parsed: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for row in pkg.tables.get("outcome_targets", []):
        key = (row.values["outcome"], row.values["listed_in"], row.values["role"])
        parsed.setdefault(key, []).append((row.values["raw"], row.values["code"]))
    shown = pkg.shown(table_spec("target_lists"))
    for row in pkg.tables.get("target_lists", []):
        key = (row.values["outcome"], row.values["listed_in"], row.values["role"])
        if row.values["raw"] is None:
            continue
        expected = [(t.raw, t.code) for t in parse_target_list(row.values["raw"])]
        if parsed.get(key, []) != expected:
            codes = " ".join(code for _, code in expected)
            pkg.problems.append(
                Problem(
                    shown,
                    row.line,
                    "raw",
                    f"outcome_targets.csv does not hold what this list parses to: {codes}",
                )
            )


def _check_sdg_references(pkg: PackageContents, catalogue: SdgCatalogue) -> None:
    shown = pkg.shown(table_spec("indicator_sdg_links"))
    for row in pkg.tables.get("indicator_sdg_links", []):
        code, status = row.values["sdg_indicator"], row.values["code_status"]
        if code is None or status is None:
            continue
        if not catalogue.is_indicator(code) and status == "ok":
            pkg.problems.append(
                Problem(
                    shown,
                    row.line,
                    "sdg_indicator",
                    f"unknown SDG indicator {code!r}; if the document writes it so, "
                    "set code_status to invalid-in-source",
                )
            )
        elif catalogue.is_indicator(code) and status != "ok":
            pkg.problems.append(
                Problem(shown, row.line, "code_status", f"{code!r} is a real SDG indicator; write ok")
            )
    for name, columns in (("target_links", ("sources", "targets")), ("outcome_links", ("via_targets",))):
        shown = pkg.shown(table_spec(name))
        for row in pkg.tables.get(name, []):
            for column in columns:
                for code in row.values.get(column) or ():
                    if not catalogue.is_target(code):
                        pkg.problems.append(Problem(shown, row.line, column, f"unknown SDG target {code!r}"))


def _check_indicator_codes(pkg: PackageContents, catalogue: SdgCatalogue) -> None:
    shown = pkg.shown(table_spec("indicators"))
    ids = {r.values["id"]: r for r in pkg.tables.get("indicators", [])}
    for row in pkg.tables.get("indicators", []):
        code = row.values.get("code")
        if code and row.values.get("code_tag") == "G" and not catalogue.is_indicator(code):
            pkg.problems.append(
                Problem(
                    shown,
                    row.line,
                    "code",
                    f"{code!r} is marked (G) but is not a global SDG indicator",
                    "warning",
                )
            )
        parent = row.values.get("parent")
        rid = row.values.get("id")
        if parent and rid and parent in ids and not str(rid).startswith(str(parent)):
            pkg.problems.append(
                Problem(shown, row.line, "parent", f"{rid!r} should start with its parent {parent!r}")
            )
        if rid and row.values.get("outcome") and not str(rid).startswith(f"{row.values['outcome']}-"):
            pkg.problems.append(Problem(shown, row.line, "id", f"{rid!r} should start with its outcome"))


def _check_result_groups(pkg: PackageContents) -> None:
    covers = {
        o: r.values["id"] for r in pkg.tables.get("result_groups", []) for o in r.values["outcomes"] or ()
    }
    shown = pkg.shown(table_spec("outcomes"))
    for row in pkg.tables.get("outcomes", []):
        oid, group = row.values["id"], row.values["result_group"]
        if oid in covers and group and covers[oid] != group:
            pkg.problems.append(
                Problem(
                    shown,
                    row.line,
                    "result_group",
                    f"{group!r} but result_groups.csv puts outcome {oid} in {covers[oid]!r}",
                )
            )


def _check_outcome_links(pkg: PackageContents) -> None:
    """A stated link joins two outcomes; one from an outcome to itself is an error."""
    shown = pkg.shown(table_spec("outcome_links"))
    for row in pkg.tables.get("outcome_links", []):
        source = row.values["source"]
        if source is not None and source == row.values["target"]:
            message = f"links outcome {source} to itself; a stated link joins two outcomes"
            pkg.problems.append(Problem(shown, row.line, "target", message))


def check_meaning(pkg: PackageContents, catalogue: SdgCatalogue) -> list[str] | None:
    """Run every meaning check; return the source document's lines (None if unreadable)."""
    source = _read_source(pkg)
    _check_framework(pkg, source)
    if source is not None:
        cited = CitedSource(source)
        for name, rows in pkg.tables.items():
            for row in rows:
                _check_provenance(pkg, name, row, cited)
    _check_target_codes(pkg, catalogue)
    _check_sdg_references(pkg, catalogue)
    _check_indicator_codes(pkg, catalogue)
    _check_result_groups(pkg)
    check_relation_ends(pkg, catalogue)
    _check_outcome_links(pkg)
    return source


def source_path(pkg: PackageContents) -> Path | None:
    rows = pkg.tables.get("framework", [])
    return pkg.folder / str(rows[0].values["source_file"]) if rows else None
