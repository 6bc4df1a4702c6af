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
from dataclasses import dataclass, field
from pathlib import Path

from cfgraph.errors import Problem

__all__ = ["CsvRow", "CsvTable", "read_csv"]

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
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


def _decode(path: Path, display: str, table: CsvTable) -> str | None:
    data = path.read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM) :]
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
    if bad:
        table.problems.extend(bad)
        return None
    return data.decode("utf-8")


def read_csv(path: Path | str, display: str | None = None) -> CsvTable:
    """Read *path* strictly; *display* is the name used in problems (default: the path)."""
    path = Path(path)
    shown = display if display is not None else str(path)
    table = CsvTable(shown)
    text = _decode(path, shown, table)
    if text is None:
        return table
    if not text.strip():
        table.problems.append(Problem(shown, 1, "(header)", "file is empty; expected a header row"))
        return table
    # Each record's start line: csv.reader's line_num is the line where the record *ends*.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for record in reader:
            end = reader.line_num
            if not table.header:
                table.header = [h.strip() for h in record]
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
    if text.endswith("\n") is False and text:
        pass  # a missing final newline is fine
    return table
