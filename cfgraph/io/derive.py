"""What a framework folder need not type twice: rows and cells derived from others.

* ``outcome_targets`` is what :func:`cfgraph.sdg.parse_target_list` reads from each row of
  ``target_lists`` (a code's status from the SDG catalogue, the list's citation). A folder may
  leave the table out; a folder that has it must hold exactly that (``validate --fix`` rewrites
  it).
* An indicator of an output may leave its ``outcome`` blank: it is the output's outcome.

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

__all__ = ["target_rows", "derive"]

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
    """Fill in what the folder leaves to be derived, and check what it typed against it."""
    expected = target_rows(pkg, catalogue)
    if "outcome_targets" in pkg.layout:
        _check_targets(pkg, expected)
    else:
        pkg.tables["outcome_targets"] = [TypedRow(r.pop("_line"), r) for r in expected]
    _indicator_outcomes(pkg)
