"""Read a PDF with pdfplumber: the text of each page in reading order, columns one after the
other, and its ruled tables with their rows.

A page whose words leave a vertical gutter free is read as two columns (a heading across both
stays where it is); a table that pdfplumber finds by its ruling lines is written row by row
where it stands on the page. Each page starts with a form feed, so a line's page is known.
An encrypted PDF, one that is not a PDF, and one with no text layer (scanned pages) are
refused with one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cfgraph.errors import DataError
from cfgraph.importers.document import Document, TextBuilder

__all__ = ["read_pdf"]

#: Words closer than this (points) vertically are on one line.
_LINE_TOLERANCE = 3.0
#: The narrowest free gutter (points) that splits a page into two columns.
_GUTTER = 12.0


def read_pdf(path: Path) -> Document:
    """The document in the PDF file *path*."""
    data = path.read_bytes()
    if not data:
        raise DataError(f"{path}: the file is empty")
    if not data.lstrip()[:5] == b"%PDF-":
        raise DataError(f"{path}: not a PDF file")
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    encrypted = f"{path}: the PDF is encrypted (password protected); give an unprotected copy"
    builder = TextBuilder()
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                builder.page()
                _page(page, builder)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DataError(encrypted) from exc
    except (PdfminerException, PDFSyntaxError) as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise DataError(encrypted) from None
        raise DataError(f"{path}: not a readable PDF ({cause})") from None
    if not any(line.strip("\f ") for line in builder.lines):
        raise DataError(f"{path}: the PDF has no text (scanned or image-only pages); run OCR on it first")
    return builder.document(path.name)


def _page(page: Any, builder: TextBuilder) -> None:
    """Write one page: text blocks and tables in the order they stand on the page."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    words = [
        w
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
        if not any(_inside(w, box) for box in boxes)
    ]
    items: list[tuple[float, Any]] = [(t.bbox[1], t) for t in tables]
    items += [(top, line) for top, line in _text_lines(words, float(page.width))]
    items.sort(key=lambda item: item[0])
    for _, item in items:
        if isinstance(item, str):
            builder.line(item)
        else:
            builder.table([[cell or "" for cell in row] for row in item.extract()])


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


def _rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into rows by their vertical position, each row left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= _LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _gutter(words: list[dict[str, Any]], width: float) -> float | None:
    """The x of a free vertical gutter near the middle of the page that words on both sides
    use, or None when the page is one column."""
    if len(words) < 20:
        return None
    covered = sorted((w["x0"], w["x1"]) for w in words)
    best: tuple[float, float] | None = None
    reach = covered[0][1]
    for x0, x1 in covered[1:]:
        central = 0.3 * width <= (x0 + reach) / 2 <= 0.7 * width
        if x0 - reach >= _GUTTER and central and (best is None or x0 - reach > best[1] - best[0]):
            best = (reach, x0)
        reach = max(reach, x1)
    if best is None:
        return None
    middle = (best[0] + best[1]) / 2
    left = sum(1 for w in words if w["x1"] <= middle)
    return middle if min(left, len(words) - left) >= 0.2 * len(words) else None


def _text_lines(words: list[dict[str, Any]], width: float) -> list[tuple[float, str]]:
    """The page's lines in reading order, each with the height where it starts on the page; on a
    two-column page, the rows across the gutter stay in place and the rows between them are read
    left column first."""
    rows = _rows(words)
    body = [w for row in rows for w in row if not _spans(row, width)]
    gutter = _gutter(body, width)
    lines: list[tuple[float, str]] = []
    block: list[list[dict[str, Any]]] = []

    def flush() -> None:
        if not block:
            return
        top = block[0][0]["top"]
        left = [" ".join(w["text"] for w in r if w["x1"] <= gutter) for r in block]
        right = [" ".join(w["text"] for w in r if w["x1"] > gutter) for r in block]
        for k, text in enumerate(t for t in (*left, *right) if t):
            lines.append((top + k * 0.001, text))
        block.clear()

    for row in rows:
        if gutter is None or _crosses(row, gutter):
            flush()
            lines.append((row[0]["top"], " ".join(w["text"] for w in row)))
        else:
            block.append(row)
    flush()
    return lines


def _crosses(row: list[dict[str, Any]], gutter: float) -> bool:
    return any(float(w["x0"]) < gutter < float(w["x1"]) for w in row)


def _spans(row: list[dict[str, Any]], width: float) -> bool:
    """A row running across the middle of the page with no gap (a heading over both columns)."""
    return any(w["x0"] < width / 2 < w["x1"] for w in row)
