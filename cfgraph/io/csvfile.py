"""A strict CSV reader that reports every problem with its file and line.

Python's :mod:`csv` accepts ragged rows, swallows an unterminated quote up to the end of
the file and raises on bad bytes without saying where. This reader checks the encoding line
by line, remembers the physical line where each record starts, and turns each of these into
a :class:`~cfgraph.errors.Problem`.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> _ = p.write_bytes(b"id,name\\n1,a\\n2\\n")
>>> table = read_csv(p)
>>> [r.values for r in table.rows], [str(x) for x in table.problems]
([{'id': '1', 'name': 'a'}], ['...t.csv:3: (row): has 1 field(s), the header has 2'])
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from cfgraph.errors import Problem

__all__ = ["CsvRow", "CsvTable", "read_csv", "decode_utf8", "read_bytes", "not_csv_text", "dialect_problem"]

BOM = b"\xef\xbb\xbf"
#: Leading bytes of files that are not CSV text, and what they are.
_NOT_TEXT = (
    (b"PK\x03\x04", "a spreadsheet workbook (xlsx or ods) renamed .csv"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (xls) renamed .csv"),
    (b"\xff\xfe", "UTF-16 text"),
    (b"\xfe\xff", "UTF-16 text"),
)
_SAVE_AS = "in the spreadsheet choose Save As > 'CSV UTF-8 (comma delimited)'"
_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One record: its values by column and the physical line where it starts."""

    line: int
    values: dict[str, str]


@dataclass
class CsvTable:
    """The header, the well-formed records and the problems found while reading."""

    path: str
    header: list[str] = field(default_factory=list)
    rows: list[CsvRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def decode_utf8(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The text of *data* (a leading BOM dropped), or None and one problem per line that is not
    UTF-8.

    >>> decode_utf8(b"ok\\n\\xff\\n", "f.csv")[1][0].message
    'not valid UTF-8 (byte 0xff at column 1); save the file as UTF-8'
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    bad = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad.append(
                Problem(
                    display,
                    number,
                    "(encoding)",
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1});"
                    " save the file as UTF-8",
                )
            )
    return None, bad


def read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of *path*, or None and the problem that kept it from being read."""
    try:
        return path.read_bytes(), []
    except OSError as exc:
        return None, [Problem(display, 0, "(file)", f"cannot be read: {exc.strerror or exc}")]


def not_csv_text(data: bytes, display: str) -> Problem | None:
    """A problem if *data* is a workbook or UTF-16 text rather than UTF-8 CSV.

    >>> print(not_csv_text(b"PK\\x03\\x04rest", "t.csv").message)  # doctest: +NORMALIZE_WHITESPACE
    is a spreadsheet workbook (xlsx or ods) renamed .csv, not CSV text;
    in the spreadsheet choose Save As > 'CSV UTF-8 (comma delimited)'
    """
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            return Problem(display, 1, "(file)", f"is {what}, not CSV text; {_SAVE_AS}")
    return None


def dialect_problem(first_line: str, display: str) -> Problem | None:
    """A problem if the header line shows a spreadsheet's regional CSV: Excel's ``sep=`` line, or
    columns separated by something other than commas.

    >>> print(dialect_problem("id;name;aliases", "t.csv").message)  # doctest: +NORMALIZE_WHITESPACE
    the columns are separated by semicolons, not commas; in the spreadsheet choose
    Save As > 'CSV UTF-8 (comma delimited)' (or replace each ';' between columns with ',')
    """
    match = re.match(r"^sep=(.?)\s*$", first_line, re.IGNORECASE)
    if match:
        message = (
            f"starts with Excel's {first_line.strip()!r} line, which is not part of CSV; delete that line"
            + ("" if match.group(1) == "," else f" and {_SAVE_AS}")
        )
        return Problem(display, 1, "(header)", message)
    if "," in first_line:
        return None
    for sep, name in _SEPARATORS.items():
        if sep in first_line:
            shown = "tab" if sep == "\t" else repr(sep)
            message = (
                f"the columns are separated by {name}, not commas; {_SAVE_AS} (or replace each {shown} "
                "between columns with ',')"
            )
            return Problem(display, 1, "(header)", message)
    return None


def _duplicated(header: list[str], shown: str) -> list[Problem]:
    """One problem per column name that appears more than once in *header*."""
    where: dict[str, list[int]] = {}
    for number, name in enumerate(header, start=1):
        where.setdefault(name, []).append(number)
    problems = []
    for name, columns in where.items():
        if len(columns) > 1:
            times = "twice" if len(columns) == 2 else f"{len(columns)} times"
            listed = ", ".join(str(c) for c in columns[:-1]) + f" and {columns[-1]}"
            problems.append(Problem(shown, 1, name, f"column {name!r} appears {times} (columns {listed})"))
    return problems


def _csv_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The text of a CSV file, or None and why it cannot be read as comma-separated UTF-8 text."""
    data, problems = read_bytes(path, shown)
    if data is None:
        return None, problems
    wrong = not_csv_text(data, shown)
    if wrong is not None:
        return None, [wrong]
    text, problems = decode_utf8(data, shown)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(shown, 1, "(header)", "file is empty; expected a header row")]
    dialect = dialect_problem(text.split("\n", 1)[0], shown)
    if dialect is not None:
        return None, [dialect]
    return text, []


def read_csv(path: Path | str, display: str | None = None) -> CsvTable:
    """Read *path* strictly; *display* is the name used in problems (default: the path)."""
    path = Path(path)
    shown = display if display is not None else str(path)
    table = CsvTable(shown)
    text, table.problems = _csv_text(path, shown)
    if text is None:
        return table
    # Each record's start line: csv.reader's line_num is the line where the record *ends*.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for record in reader:
            end = reader.line_num
            if not table.header:
                table.header = [h.strip() for h in record]
                duplicated = _duplicated(table.header, shown)
                if duplicated:  # a row's values could not be told apart: read no rows
                    table.problems.extend(duplicated)
                    return table
            elif record == [] or record == [""] and len(table.header) > 1:
                pass  # blank line
            elif len(record) != len(table.header):
                table.problems.append(
                    Problem(
                        shown,
                        start,
                        "(row)",
                        f"has {len(record)} field(s), the header has {len(table.header)}",
                    )
                )
            else:
                table.rows.append(CsvRow(start, dict(zip(table.header, record, strict=True))))
            start = end + 1
    except csv.Error as exc:
        message = str(exc)
        if "EOF" in message or "unexpected end of data" in message:
            message = "unterminated quoted field (a '\"' opens here and is never closed)"
        table.problems.append(Problem(shown, start, "(row)", message))
    return table
