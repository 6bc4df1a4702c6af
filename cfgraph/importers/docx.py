"""Read a Word document (.docx) with python-docx: paragraphs and tables in reading order.

Each paragraph is one line of the text source; a table is written row by row, each cell as
tab-led lines, and keeps its rows (a cell merged across columns or rows counts once per row).
An explicit page break starts the next line with a form feed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from cfgraph.errors import DataError
from cfgraph.importers.document import Document, TextBuilder

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Document:
    """The document in the Word file *path*; a file that is not a Word document is a :class:`DataError`."""
    if path.stat().st_size == 0:
        raise DataError(f"{path}: the file is empty")
    if not zipfile.is_zipfile(path):
        raise DataError(f"{path}: not a Word document (.docx is a zip package; this file is not one)")
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
    if "word/document.xml" not in names:
        raise DataError(f"{path}: not a Word document (a zip file without word/document.xml)")
    import docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DataError(f"{path}: not a readable Word document ({exc})") from None
    builder = TextBuilder()
    _body(document, builder)
    return builder.document(path.name)


def _body(document: Any, builder: TextBuilder) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            _paragraph(Paragraph(child, document), builder)
        elif child.tag == f"{_W}tbl":
            builder.table(_rows(Table(child, document)))


def _paragraph(paragraph: Any, builder: TextBuilder) -> None:
    if paragraph._element.findall(f".//{_W}br[@{_W}type='page']"):
        builder.page()
    for part in paragraph.text.split("\n"):
        builder.line(part)


def _rows(table: Any) -> list[list[str]]:
    """Each row's cells as text, a cell merged across columns once."""
    rows = []
    for row in table.rows:
        seen: list[Any] = []
        cells = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            cells.append("\n".join(p.text for p in cell.paragraphs))
        rows.append(cells)
    return rows
