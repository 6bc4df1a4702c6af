"""Read a framework folder's tables into typed rows, reporting every structural problem.

This layer knows the table definitions (:mod:`cfgraph.model`) but nothing about what the
rows mean: it checks the package declaration, the CSV syntax, the header, required fields,
types, enums, patterns, primary keys and foreign keys. Meaning is checked in
:mod:`cfgraph.io.meaning`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cfgraph.controls import first_control
from cfgraph.errors import Problem
from cfgraph.hints import HintIndex, closest
from cfgraph.io.csvfile import read_bytes, read_csv
from cfgraph.io.descriptor import declared_paths
from cfgraph.model import TABLES, Column, ForeignKey, TableSpec

__all__ = ["LINE_BREAK_FIELDS", "MAX_HINTS", "TypedRow", "PackageContents", "read_package"]

#: Long text that may hold a line break; no other cell may hold any control character.
LINE_BREAK_FIELDS = frozenset({"statement", "text", "quote", "note", "message"})
_HINTS = {"\n": f" (a line break; only {', '.join(sorted(LINE_BREAK_FIELDS))} may hold one)"}
#: 'Did you mean' hints given at most per framework; unknown references after these get none.
MAX_HINTS = 100
_INT = re.compile(r"^-?[0-9]+$")
_NUM = re.compile(r"^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


@dataclass(frozen=True, slots=True)
class TypedRow:
    """One CSV record converted to Python values, with the line where it starts."""

    line: int
    values: dict[str, Any]


@dataclass
class PackageContents:
    folder: Path
    display: str
    tables: dict[str, list[TypedRow]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: The declared columns each table's file has, in declaration order.
    layout: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def shown(self, spec: TableSpec) -> str:
        return f"{self.display}/{spec.filename}"


def _convert_typed(spec_field: Column, raw: str, text: str) -> tuple[Any, str | None]:
    if spec_field.type == "integer":
        if not _INT.match(text):
            return None, f"{raw!r} is not an integer"
        low, high = spec_field.minimum, spec_field.maximum
        if (low is not None and int(text) < low) or (high is not None and int(text) > high):
            return int(text), f"{raw!r} is outside {low}..{high}"
        return int(text), None
    if spec_field.type == "number":
        if not _NUM.match(text):
            return None, f"{raw!r} is not a number (use '.' for decimals, no thousands separator)"
        return float(text), None
    if text not in ("true", "false"):
        return None, f"{raw!r} is not a boolean (write true or false)"
    return text == "true", None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _convert(spec_field: Column, raw: str) -> tuple[Any, str | None]:
    """Return (value, problem message or None) for one cell."""
    control = first_control(raw, "\n" if spec_field.name in LINE_BREAK_FIELDS else "")
    if control is not None:
        return None, f"contains a control character U+{ord(control):04X}{_HINTS.get(control, '')}"
    text = raw if spec_field.type == "string" else raw.strip()
    if text.strip() == "":
        if spec_field.required:
            return None, "required, but empty" + (
                f"; write {spec_field.pattern_hint}" if spec_field.pattern else ""
            )
        return ((), None) if spec_field.is_list else (spec_field.meta.blank, None)
    if spec_field.is_list:
        items = tuple(item.strip() for item in text.split(";"))
        if any(not item for item in items):
            return items, f"{raw!r} has an empty item in its ';'-separated list"
        return items, None
    if spec_field.type != "string":
        return _convert_typed(spec_field, raw, text)
    if text != text.strip():
        return text, f"{raw!r} has leading or trailing spaces"
    if spec_field.enum and text not in spec_field.enum:
        return text, f"{raw!r} is not one of: {', '.join(spec_field.enum)}"
    if spec_field.pattern and not _compiled(spec_field.pattern).match(text):
        return text, f"{raw!r} is not {spec_field.pattern_hint}"
    return text, None


def _declared_paths(package: PackageContents) -> dict[str, int] | None:
    """Map each resource path declared in datapackage.json to its line there."""
    path = package.folder / "datapackage.json"
    shown = f"{package.display}/datapackage.json"
    if not path.is_file():
        package.problems.append(Problem(shown, 0, "(file)", "missing: every framework folder needs one"))
        return None
    outside = _outside(package, path, shown)
    data, problems = (None, [outside]) if outside else read_bytes(path, shown)
    declared, more = declared_paths(data, shown) if data is not None else (None, [])
    package.problems.extend(problems + more)
    return declared


def _outside(package: PackageContents, path: Path, shown: str) -> Problem | None:
    """A problem if *path* (a link, or a name with '..') leads out of the framework folder."""
    if path.resolve().is_relative_to(package.folder.resolve()):
        return None
    return Problem(shown, 0, "(file)", "leads outside the framework folder (a link?); copy the file into it")


def _read_table(package: PackageContents, spec: TableSpec) -> list[TypedRow] | None:
    """The rows of one table; None if the table cannot be read at all (its header is unusable)."""
    shown = package.shown(spec)
    outside = _outside(package, package.folder / spec.filename, shown)
    if outside:
        package.problems.append(outside)
        return None
    table = read_csv(package.folder / spec.filename, shown)
    package.problems.extend(table.problems)
    if not table.header or len(set(table.header)) < len(table.header):
        return None
    expected = [f.name for f in spec.fields]
    unknown = [name for name in table.header if name not in expected]
    if unknown and not any(name in expected for name in table.header):
        package.problems.append(Problem(shown, 1, "(header)", _foreign_header(spec, table.header)))
        return None
    missing = [f.name for f in spec.fields if f.required and f.name not in table.header]
    for name in missing:
        package.problems.append(Problem(shown, 1, name, "column missing from the header"))
    for name in unknown:
        hint = closest(name, expected, 1)
        extra = f"; did you mean {hint[0]!r}?" if hint else ""
        package.problems.append(Problem(shown, 1, name, f"unknown column{extra}"))
    if missing:
        return None
    package.layout[spec.name] = tuple(name for name in expected if name in table.header)
    present = [f for f in spec.fields if f.name in table.header]
    absent = {
        f.name: ((), None) if f.is_list else (f.meta.blank, None) for f in spec.fields if f not in present
    }
    rows = []
    for record in table.rows:
        values: dict[str, Any] = {}
        for spec_field in spec.fields:
            if spec_field.name in absent:
                values[spec_field.name] = absent[spec_field.name][0]
                continue
            value, message = _convert(spec_field, record.values[spec_field.name])
            if message:
                package.problems.append(Problem(shown, record.line, spec_field.name, message))
            values[spec_field.name] = value
        rows.append(TypedRow(record.line, values))
    if spec.required_rows and not rows and not table.problems:
        needed = ", ".join(f.name for f in spec.fields if f.required)
        package.problems.append(
            Problem(shown, 1, "(table)", f"has no rows; every framework fills it ({needed})")
        )
    return rows


def _foreign_header(spec: TableSpec, header: list[str]) -> str:
    """Why a header that names no column of the table cannot be read, and what to do."""
    cells = ", ".join(repr(h) for h in header[:3]) + (", …" if len(header) > 3 else "")
    wanted = ", ".join(f.name for f in spec.fields if f.required) or ", ".join(
        f.name for f in spec.fields[:4]
    )
    return (
        f"the header ({cells}) names none of the columns of {spec.filename}; the first row must name "
        f"the columns in English, as declared: {wanted} (see datapackage.json)"
    )


def _dangling(value: str, resource: str, reference: tuple[str, ...], extra: str) -> str:
    if len(reference) == 1:
        return f"{value!r} is not an {reference[0]} in {resource}.csv{extra}"
    return f"({value}) is not a row of {resource}.csv ({', '.join(reference)}){extra}"


def _check_keys(package: PackageContents) -> None:
    for spec in TABLES:
        shown = package.shown(spec)
        seen: dict[tuple[Any, ...], int] = {}
        for row in package.tables.get(spec.name, []):
            key = tuple(row.values[k] for k in spec.primary_key)
            if any(k is None for k in key):
                continue
            if key in seen:
                text = ", ".join(str(k) for k in key)
                package.problems.append(
                    Problem(
                        shown,
                        row.line,
                        ",".join(spec.primary_key),
                        f"duplicate key ({text}); first at line {seen[key]}",
                    )
                )
            else:
                seen[key] = row.line
    _check_references(package)


class _Hints:
    """'Did you mean' hints for unknown references: one :class:`HintIndex` per referenced table,
    built on the first unknown reference, and at most :data:`MAX_HINTS` hints in all."""

    def __init__(self, package: PackageContents) -> None:
        self.package, self.given = package, 0
        self.indexes: dict[tuple[str, tuple[str, ...]], HintIndex] = {}

    def suffix(self, fk: ForeignKey, target: set[tuple[Any, ...]], value: str, where: tuple[str, str]) -> str:
        self.given += 1
        if self.given > MAX_HINTS:
            if self.given == MAX_HINTS + 1:
                message = f"no 'did you mean' hints after the first {MAX_HINTS} unknown references"
                self.package.problems.append(Problem(where[0], 0, where[1], message, "warning"))
            return ""
        key = (fk.resource, fk.reference)
        if key not in self.indexes:
            self.indexes[key] = HintIndex(str(t[0]) for t in target if len(t) == 1)
        hint = self.indexes[key].closest(value)
        return f"; did you mean {', '.join(hint)}?" if hint else ""


def _check_references(package: PackageContents) -> None:
    """Every foreign key names a row of its table (tables that cannot be read are not checked)."""
    hints = _Hints(package)
    for spec in TABLES:
        shown = package.shown(spec)
        for fk in spec.foreign_keys:
            if fk.resource not in package.tables:
                continue
            target = {tuple(r.values[c] for c in fk.reference) for r in package.tables[fk.resource]}
            field = ",".join(fk.fields)
            for row in package.tables.get(spec.name, []):
                if fk.is_list:
                    candidates = [(item,) for item in row.values[fk.fields[0]] or ()]
                else:
                    candidates = [tuple(row.values[c] for c in fk.fields)]
                for cand in candidates:
                    if any(c is None or c == "" for c in cand) or cand in target:
                        continue
                    extra = hints.suffix(fk, target, str(cand[0]), (shown, field)) if len(cand) == 1 else ""
                    shown_val = ", ".join(str(c) for c in cand)
                    message = _dangling(shown_val, fk.resource, fk.reference, extra)
                    package.problems.append(Problem(shown, row.line, field, message))


def read_package(folder: Path, display: str | None = None) -> PackageContents:
    """Read every table of the framework in *folder*; problems are collected, not raised."""
    package = PackageContents(folder, display if display is not None else str(folder))
    if not folder.is_dir():
        package.problems.append(Problem(package.display, 0, "(folder)", "not a directory"))
        return package
    declared = _declared_paths(package)
    if declared is None:
        return package
    shown_dp = f"{package.display}/datapackage.json"
    for spec in TABLES:
        if spec.optional and spec.filename not in declared and not (folder / spec.filename).exists():
            package.tables[spec.name] = []  # an optional table the folder does not have
            continue
        if spec.optional and spec.filename not in declared and (folder / spec.filename).is_file():
            declared[spec.filename] = 0  # read all the same, and say how to declare it
            package.problems.append(Problem(shown_dp, 0, "resources", f"{spec.filename} is not declared; "
                                            "'cfgraph validate --fix' declares it", "warning"))  # fmt: skip
        if spec.filename not in declared:
            package.problems.append(
                Problem(shown_dp, 0, "resources", f"table {spec.name!r} ({spec.filename}) is not declared")
            )
            continue
        if not (folder / spec.filename).is_file():
            package.problems.append(
                Problem(
                    shown_dp,
                    declared[spec.filename],
                    "path",
                    f"{spec.filename} is declared but the file is missing",
                )
            )
            continue
        rows = _read_table(package, spec)
        if rows is not None:  # references to a table that cannot be read are not checked
            package.tables[spec.name] = rows
    _check_keys(package)
    return package
