"""What a framework folder need not type twice: rows and cells derived from others.

* ``outcome_targets`` is what :func:`cfgraph.sdg.parse_target_list` reads from each row of
  ``target_lists`` (a code's status from the SDG catalogue, the list's citation). A folder may
  leave the table out; a folder that has it must hold exactly that (``validate --fix`` rewrites
  it).
* An indicator of an output may leave its ``outcome`` blank: it is the output's outcome.
* An outcome with no target list gets the SDG targets its indicators measure (SDG indicator
  4.1.1 measures target 4.1; a link that names a target names it), one ``outcome_targets`` row
  per target, ``listed_in`` ``indicators``, citing the first indicator link (or the indicator's
  own global code) that gives it: :func:`measured_target_rows`. These rows are added after the
  checks (their sources are checked where they come from) and never written to a file.

>>> import cfgraph
>>> from cfgraph.io.reading import read_package
>>> from cfgraph.sdg import load_catalogue
>>> pkg = read_package(cfgraph.MINI)
>>> rows = target_rows(pkg, load_catalogue())
>>> [(r["outcome"], r["listed_in"], r["code"], r["code_status"]) for r in rows][:2]
[('1.1', 'narrative', '6.1', 'ok'), ('1.1', 'narrative', '6.2', 'ok')]
"""

from __future__ import annotations

from typing import Any

from cfgraph.errors import Problem
from cfgraph.io.reading import PackageContents, TypedRow
from cfgraph.model import table_spec
from cfgraph.sdg import SdgCatalogue, parse_target_list
from cfgraph.vocabulary import FROM_INDICATORS

__all__ = ["target_rows", "measured_target_rows", "derive", "derive_measured_targets"]

#: What a parsed code takes from its list: the citation and the review status.
_CARRIED = ("source_lines", "source_id", "locator", "review", "review_note")


def target_rows(pkg: PackageContents, catalogue: SdgCatalogue) -> list[dict[str, Any]]:
    """The rows of ``outcome_targets`` that the target lists of *pkg* parse to, in order (``_line``:
    the line of the list they come from, where a problem with one of them is reported)."""
    rows = []
    for row in pkg.tables.get("target_lists", []):
        v = row.values
        if v.get("raw") is None:
            continue
        for seq, token in enumerate(parse_target_list(v["raw"]), 1):
            status = "ok" if catalogue.is_target(token.code) else "invalid-in-source"
            rows.append(
                {"outcome": v["outcome"], "listed_in": v["listed_in"], "role": v["role"], "seq": seq,
                 "raw": token.raw, "code": token.code, "code_status": status, "_line": row.line}
                | {c: v.get(c) for c in _CARRIED}
            )  # fmt: skip
    return rows


def _measured_by(
    v: dict[str, Any], links: list[TypedRow], catalogue: SdgCatalogue
) -> list[tuple[str, TypedRow | None]]:
    """(target code, the link that gives it) for one indicator's values *v*: each SDG link with a
    real code (an indicator's target, or a target it names), then its own global code (None)."""
    found: list[tuple[str, TypedRow | None]] = []
    for link in links:
        code = link.values.get("sdg_indicator") or ""
        if catalogue.is_indicator(code):
            found.append((catalogue.indicators[code].target, link))
        elif catalogue.is_target(code):
            found.append((code, link))
    code = v.get("code") or ""
    if catalogue.is_indicator(code):
        found.append((catalogue.indicators[code].target, None))
    return found


def measured_target_rows(pkg: PackageContents, catalogue: SdgCatalogue) -> list[dict[str, Any]]:
    """The rows of ``outcome_targets`` derived from the indicators of each outcome that has no
    target list: one per SDG target its indicators measure, in the order of the indicators,
    ``listed_in`` ``indicators``, ``role`` ``global``, ``raw`` the SDG code as written, cited
    where that code is (the indicator link's row, or the indicator's own).

    >>> import cfgraph
    >>> from cfgraph.io.reading import read_package
    >>> from cfgraph.sdg import load_catalogue
    >>> pkg = read_package(cfgraph.MINI)
    >>> pkg.tables["target_lists"] = [r for r in pkg.tables["target_lists"] if r.values["outcome"] != "2.1"]
    >>> rows = measured_target_rows(pkg, load_catalogue())
    >>> [(r["outcome"], r["listed_in"], r["code"], r["raw"]) for r in rows]
    [('2.1', 'indicators', '8.6', '8.6.1 (G)')]
    """
    listed = {r.values["outcome"] for r in pkg.tables.get("target_lists", [])}
    links: dict[str, list[TypedRow]] = {}
    for link in pkg.tables.get("indicator_sdg_links", []):
        links.setdefault(str(link.values.get("indicator")), []).append(link)
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for ind in pkg.tables.get("indicators", []):
        v = ind.values
        outcome = v.get("outcome")
        if not outcome or outcome in listed:
            continue
        for code, by in _measured_by(v, links.get(str(v.get("id")), []), catalogue):
            if (outcome, code) in seen:
                continue
            seen.add((outcome, code))
            cited = (by or ind).values
            raw = by.values.get("raw") if by is not None else v.get("code_raw") or v.get("code")
            seq = sum(1 for r in rows if r["outcome"] == outcome) + 1
            rows.append(
                {"outcome": outcome, "listed_in": FROM_INDICATORS, "role": "global", "seq": seq,
                 "raw": raw, "code": code, "code_status": "ok", "_line": (by or ind).line}
                | {c: cited.get(c) for c in ("source_lines", "source_id", "locator")}
                | {"review": None, "review_note": None}
            )  # fmt: skip
    return rows


def derive_measured_targets(pkg: PackageContents, catalogue: SdgCatalogue) -> None:
    """Add to ``outcome_targets`` the targets :func:`measured_target_rows` derives (after the
    checks: those rows' sources are checked where they come from)."""
    rows = pkg.tables.setdefault("outcome_targets", [])
    rows += [TypedRow(r.pop("_line"), r) for r in measured_target_rows(pkg, catalogue)]


def _check_targets(pkg: PackageContents, expected: list[dict[str, Any]]) -> None:
    """An ``outcome_targets.csv`` the folder has must be what its target lists parse to."""
    parsed: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for row in pkg.tables.get("outcome_targets", []):
        key = (row.values["outcome"], row.values["listed_in"], row.values["role"])
        parsed.setdefault(key, []).append((row.values["raw"], row.values["code"]))
    wanted: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for r in expected:
        wanted.setdefault((r["outcome"], r["listed_in"], r["role"]), []).append((r["raw"], r["code"]))
    for row in pkg.tables.get("target_lists", []):
        key = (row.values["outcome"], row.values["listed_in"], row.values["role"])
        if row.values["raw"] is not None and parsed.get(key, []) != wanted.get(key, []):
            codes = " ".join(code for _, code in wanted.get(key, []))
            message = (
                f"outcome_targets.csv does not hold what this list parses to: {codes} "
                "('cfgraph validate --fix' rewrites it, or delete outcome_targets.csv: it is derived)"
            )
            pkg.problems.append(Problem(pkg.shown(table_spec("target_lists")), row.line, "raw", message))


def _indicator_outcomes(pkg: PackageContents) -> None:
    """An output's indicator with a blank outcome gets the output's outcome."""
    outcome_of = {r.values["id"]: r.values["outcome"] for r in pkg.tables.get("outputs", [])}
    shown = pkg.shown(table_spec("indicators"))
    for row in pkg.tables.get("indicators", []):
        v = row.values
        output = v.get("output")
        if not v.get("outcome"):
            if output in outcome_of:
                v["outcome"] = outcome_of[output]
            elif output is None:
                message = "give the outcome the indicator measures (or the output, whose outcome it is)"
                pkg.problems.append(Problem(shown, row.line, "outcome", message))
        elif output in outcome_of and outcome_of[output] != v["outcome"]:
            message = (
                f"outcome {v['outcome']!r}, but output {output!r} belongs to outcome {outcome_of[output]!r}"
            )
            pkg.problems.append(Problem(shown, row.line, "outcome", message))


def derive(pkg: PackageContents, catalogue: SdgCatalogue) -> None:
    """Fill in what the folder leaves to be derived, and check what it typed against it (the
    targets measured by indicators come later: :func:`derive_measured_targets`)."""
    expected = target_rows(pkg, catalogue)
    if "outcome_targets" in pkg.layout:
        _check_targets(pkg, expected)
    else:
        pkg.tables["outcome_targets"] = [TypedRow(r.pop("_line"), r) for r in expected]
    _indicator_outcomes(pkg)
