"""Checks of meaning: the sources and every row's citation (:mod:`cfgraph.io.provenance`), what
is derived (:mod:`cfgraph.io.derive`), SDG codes against the catalogue, and how tables agree.
"""

from __future__ import annotations

from cfgraph.errors import Problem
from cfgraph.io.citations import MAX_CITED_LINES, clean_source_line
from cfgraph.io.derive import derive, derive_measured_targets
from cfgraph.io.ends import check_relation_ends
from cfgraph.io.provenance import check_citations
from cfgraph.io.reading import PackageContents
from cfgraph.io.sources import FoundSources, read_sources
from cfgraph.model import TABLES, table_spec
from cfgraph.sdg import SdgCatalogue

__all__ = ["clean_source_line", "check_meaning", "VERBATIM_FIELDS", "MAX_CITED_LINES"]

#: Columns whose text must occur verbatim in the cited lines of the source (declared with ``verbatim``).
VERBATIM_FIELDS: dict[str, tuple[str, ...]] = {
    t.name: names for t in TABLES if (names := tuple(c.name for c in t.columns if c.meta.verbatim))
}


def _check_framework(pkg: PackageContents) -> None:
    rows = pkg.tables.get("framework", [])
    shown = pkg.shown(table_spec("framework"))
    if len(rows) > 1:
        pkg.problems.append(Problem(shown, rows[1].line, "(table)", "must have exactly one row"))
    if (
        rows
        and pkg.tables.get("outcomes")
        and not pkg.tables.get("target_lists")
        and not pkg.tables.get("indicators")
    ):
        message = (
            "no outcome lists an SDG target (target_lists.csv) or has an indicator (indicators.csv); "
            "fill at least one of them"
        )
        pkg.problems.append(Problem(pkg.shown(table_spec("outcomes")), 0, "(table)", message))
        return
    listed = {
        r.values["outcome"] for r in pkg.tables.get("outcome_targets", []) if r.values["code_status"] == "ok"
    }
    measured = {r.values["outcome"] for r in pkg.tables.get("indicators", [])}
    for row in pkg.tables.get("outcomes", []):
        if row.values["id"] not in listed | measured:
            message = (
                "lists no valid SDG target and has no indicator; give it one of them "
                "(the graph needs it: 'cfgraph build' refuses an outcome without)"
            )
            pkg.problems.append(
                Problem(pkg.shown(table_spec("outcomes")), row.line, "id", message, "warning")
            )


def _check_target_codes(pkg: PackageContents, catalogue: SdgCatalogue) -> None:
    typed = "outcome_targets" in pkg.layout  # else derived: a problem is the target list's
    shown = pkg.shown(table_spec("outcome_targets" if typed else "target_lists"))
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
            message = f"{code!r} is not an SDG target (kept as the document writes it)"
            pkg.problems.append(Problem(shown, row.line, "code" if typed else "raw", message, "warning"))
        elif status != "ok":
            pkg.problems.append(
                Problem(shown, row.line, "code_status", f"{code!r} is a real SDG target; write ok")
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


def check_meaning(pkg: PackageContents, catalogue: SdgCatalogue) -> FoundSources:
    """Run every meaning check (and derive what the folder leaves to be derived); return the
    sources found (their lines, by source id)."""
    found = read_sources(pkg)
    derive(pkg, catalogue)
    _check_framework(pkg)
    check_citations(pkg, found)
    _check_target_codes(pkg, catalogue)
    _check_sdg_references(pkg, catalogue)
    _check_indicator_codes(pkg, catalogue)
    _check_result_groups(pkg)
    check_relation_ends(pkg, catalogue)
    _check_outcome_links(pkg)
    derive_measured_targets(pkg, catalogue)
    return found
