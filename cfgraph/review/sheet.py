"""Review sheets: the pairs a Result Group judges, as an Excel workbook or a CSV file to fill in.

Each row is one directed pair (:mod:`cfgraph.review.pairs`) with its context — result group,
level, the two ids, the direction as read ("outcome 2.1 → outcome 1.1": progress on the first
influences the second), whether and how the text states it, why it is on the sheet, the quotes
and the two statements — then the four cells a reviewer fills in (``score`` −3..+3, ``confidence``,
``comment``, ``reviewer``), then the ``framework`` id and the row's ``check``: a hash of the
framework id and the context, so an import can tell an edited context cell or another
framework's sheet. Text from the data is neutralised for spreadsheets
(:func:`cfgraph.export.xlsx.cell_value`).

The workbook has an ``About`` sheet (framework, scope, how to fill it in, a fingerprint per
worksheet: a hash of the framework id and the worksheet's row checks), a ``Scale`` sheet with the
seven-point scale, and one worksheet per result group whose context cells are locked (sheet
protection) and whose score and confidence cells offer drop-downs. The bytes are the same on
every run.

>>> import cfgraph
>>> sheet = build_sheet(cfgraph.load(cfgraph.MINI), result_group="people", level="target")
>>> row = sheet.tabs["People"][0]
>>> row["direction"], row["basis"], row["check"]
('SDG target 4.1 → SDG target 8.6', 'the text states this target interlinkage', 'e10ca35ec26d1913')
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from cfgraph.errors import CfgraphError
from cfgraph.model import Framework
from cfgraph.review.pairs import BASES, Pair, sheet_pairs
from cfgraph.vocabulary import CONFIDENCES, ENTITIES, SCORE_SCALE

__all__ = [
    "CONTEXT",
    "EDITABLE",
    "TRAILER",
    "COLUMNS",
    "FORMAT",
    "ReviewSheet",
    "build_sheet",
    "context_row",
    "row_check",
    "fingerprint",
    "sheet_csv",
    "sheet_xlsx",
    "write_sheet",
]

#: Locked columns that say what a row asks.
CONTEXT = (
    "result_group",
    "level",
    "source",
    "target",
    "direction",
    "stated",
    "basis",
    "links",
    "quote",
    "source_text",
    "target_text",
)
#: The columns a reviewer fills in.
EDITABLE = ("score", "confidence", "comment", "reviewer")
#: Locked columns that let an import check the row.
TRAILER = ("framework", "check")
COLUMNS = CONTEXT + EDITABLE + TRAILER
#: What the About sheet calls this format.
FORMAT = "cfgraph review sheet 1"
_SEP = "\x1f"


@dataclass(frozen=True)
class ReviewSheet:
    """A sheet to write: the framework, what it covers and its rows, one worksheet per result group."""

    framework: str
    title: str
    scope: str
    tabs: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    @property
    def rows(self) -> list[dict[str, str]]:
        return [r for rows in self.tabs.values() for r in rows]


def _name(fw: Framework, level: str, ident: str) -> tuple[str, str]:
    """(how the direction names it, its statement or title)."""
    if level == "outcome":
        return f"{ENTITIES['outcome'].singular} {ident}", fw.outcome(ident).statement
    target = fw.catalogue.targets.get(ident)
    return f"{ENTITIES['sdg-target'].singular} {ident}", target.title_en if target else ""


def _basis(p: Pair) -> str:
    parts = []
    for b in p.basis:
        text = BASES[b]
        if b == "shares-targets":
            text += " " + ", ".join(p.shared_targets)
        elif b == "across-outcomes":
            text += f" ({', '.join(p.across)})"
        parts.append(text)
    return "; ".join(parts)


def _stated(fw: Framework, p: Pair) -> tuple[str, str]:
    """(links, quotes) as a sheet writes them, links stated only as "all other outcomes" marked."""
    quotes = {ol.id: ol.quote for ol in fw.outcome_links} | {tl.id: tl.quote for tl in fw.target_links}
    marked = [(i, i in p.generic) for i in p.links]
    links = "; ".join(f"{i} (all others)" if generic else i for i, generic in marked)
    texts = [f"[all other outcomes] {quotes[i]}" if generic else quotes[i] for i, generic in marked]
    return links, "\n".join(dict.fromkeys(texts))


def row_check(framework: str, context: dict[str, str]) -> str:
    """The check of one row: a short hash of the framework id and the row's context cells."""
    text = _SEP.join([framework, *(context.get(c) or "" for c in CONTEXT)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprint(framework: str, tab: str, checks: list[str]) -> str:
    """The fingerprint of one worksheet: a hash of the framework id, its title and its row checks."""
    text = _SEP.join([framework, tab, *sorted(checks)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def context_row(fw: Framework, p: Pair) -> dict[str, str]:
    """The row a sheet holds for pair *p*, as the spreadsheet stores it (editable cells empty)."""
    from cfgraph.export.xlsx import cell_value

    (source, source_text), (target, target_text) = _name(fw, p.level, p.source), _name(fw, p.level, p.target)
    links, quotes = _stated(fw, p)
    context = {
        "result_group": p.result_group,
        "level": p.level,
        "source": p.source,
        "target": p.target,
        "direction": f"{source} → {target}",
        "stated": p.stated,
        "basis": _basis(p),
        "links": links,
        "quote": quotes,
        "source_text": source_text,
        "target_text": target_text,
    }
    row = {k: str(cell_value(v) or "") for k, v in context.items()}
    row |= dict.fromkeys(EDITABLE, "")
    return row | {"framework": fw.info.id, "check": row_check(fw.info.id, row)}


def build_sheet(
    fw: Framework, result_group: str | None = None, outcome: str | None = None, level: str | None = None
) -> ReviewSheet:
    """The review sheet of one result group (or of every group), optionally of one outcome or level.

    Parameters are those of :func:`cfgraph.review.pairs.sheet_pairs`; worksheets are titled by the
    groups' names.
    """
    from cfgraph.export.xlsx import sheet_title

    pairs = sheet_pairs(fw, result_group, outcome, level)
    names = fw.result_group_names()
    used: set[str] = {"about", "scale"}
    titles: dict[str, str] = {}
    tabs: dict[str, list[dict[str, str]]] = {}
    groups = (
        [result_group] if result_group else [fw.result_group_of(outcome)] if outcome else list(names)
    )
    for group in groups:
        titles[group] = sheet_title(names[group], used)
        tabs[titles[group]] = []
    for p in pairs:
        tabs[titles[p.result_group]].append(context_row(fw, p))
    what = (
        f"outcome {outcome}"
        if outcome
        else f"result group {result_group}"
        if result_group
        else "every result group"
    )
    levels = f"{level} pairs" if level else "outcome and target pairs"
    return ReviewSheet(fw.info.id, fw.info.title, f"{what}; {levels}", tabs)


def sheet_csv(sheet: ReviewSheet) -> str:
    """The sheet as one CSV table (every result group's rows, told apart by ``result_group``)."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in sheet.rows:
        writer.writerow([row[c] for c in COLUMNS])
    return buffer.getvalue()


_INSTRUCTIONS = (
    "Each row asks: does progress on the source influence the target (as the direction reads)? "
    "Give a score from -3 to +3 (see the Scale sheet), or leave it empty if you do not judge that pair.",
    "Confidence (low, medium, high) and a comment are welcome; write your name under reviewer.",
    "Grey columns are locked: do not edit them, and do not add or remove rows "
    "(the import checks each row and each worksheet's fingerprint).",
    "Send the file back to whoever runs: cfgraph review import FILE",
)
_WIDTHS = {
    "result_group": 12,
    "level": 8,
    "source": 8,
    "target": 8,
    "direction": 26,
    "stated": 10,
    "basis": 36,
    "links": 24,
    "quote": 60,
    "source_text": 40,
    "target_text": 40,
    "score": 8,
    "confidence": 11,
    "comment": 40,
    "reviewer": 18,
}


def _about(wb: object, sheet: ReviewSheet, prints: dict[str, str]) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet("About")  # type: ignore[attr-defined]
    rows = [
        ("field", "value"),
        ("format", FORMAT),
        ("framework", sheet.framework),
        ("title", sheet.title),
        ("scope", sheet.scope),
    ]
    rows += [("how to fill it in", text) for text in _INSTRUCTIONS]
    rows += [(f"fingerprint {tab}", value) for tab, value in prints.items()]
    from cfgraph.export.xlsx import cell_value

    for key, value in rows:
        ws.append([cell_value(key), cell_value(value)])
    ws["A1"].font = ws["B1"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 110
    ws.protection.sheet = True


def _scale(wb: object) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet("Scale")  # type: ignore[attr-defined]
    ws.append(["score", "name", "meaning"])
    for level in SCORE_SCALE:
        ws.append([level.score, level.name, level.meaning])
    ws.append([])
    ws.append(
        [
            "",
            "source",
            "the seven-point scale of Nilsson, Griggs & Visbeck (Nature 534, 2016), as used by "
            "the SEI SDG Synergies cross-impact method (Weitz et al., Sustainability Science 13, 2018)",
        ]
    )
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for column, width in (("A", 8), ("B", 16), ("C", 80)):
        ws.column_dimensions[column].width = width
    ws.protection.sheet = True


def _worksheet(wb: object, tab: str, rows: list[dict[str, str]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(tab)  # type: ignore[attr-defined]
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append([row[c] or None for c in COLUMNS])
    locked, open_ = PatternFill("solid", fgColor="EEEEEE"), PatternFill("solid", fgColor="FFF9D6")
    letters = {c: get_column_letter(i) for i, c in enumerate(COLUMNS, 1)}
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for line in ws.iter_rows(min_row=2):
        for column, cell in zip(COLUMNS, line, strict=True):
            editable = column in EDITABLE
            cell.fill = open_ if editable else locked
            cell.protection = Protection(locked=not editable)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = max(len(rows) + 1, 2)
    scores = DataValidation(
        type="list",
        formula1='"' + ",".join(str(s.score) for s in reversed(SCORE_SCALE)) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="score",
        error="A whole number from -3 (cancelling) to +3 (indivisible); see the Scale sheet.",
    )
    confidence = DataValidation(
        type="list",
        formula1='"' + ",".join(CONFIDENCES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="confidence",
        error="low, medium or high",
    )
    for validation, column in ((scores, "score"), (confidence, "confidence")):
        validation.add(f"{letters[column]}2:{letters[column]}{last}")
        ws.add_data_validation(validation)
    for column, width in _WIDTHS.items():
        ws.column_dimensions[letters[column]].width = width
    for column in TRAILER:
        ws.column_dimensions[letters[column]].hidden = True
    ws.freeze_panes = "E2"
    ws.auto_filter.ref = f"A1:{letters[EDITABLE[-1]]}{last}"
    ws.protection.sheet = True
    ws.protection.autoFilter = False  # filtering and sorting stay allowed
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def sheet_xlsx(sheet: ReviewSheet) -> bytes:
    """The sheet as an Excel workbook: About, Scale, then one locked worksheet per result group."""
    from openpyxl import Workbook

    from cfgraph.export.xlsx import fixed_timestamps

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "cfgraph"
    prints = {
        tab: fingerprint(sheet.framework, tab, [r["check"] for r in rows]) for tab, rows in sheet.tabs.items()
    }
    _about(wb, sheet, prints)
    _scale(wb)
    for tab, rows in sheet.tabs.items():
        _worksheet(wb, tab, rows)
    wb.active = len(wb.sheetnames) - len(sheet.tabs)
    buffer = io.BytesIO()
    wb.save(buffer)
    return fixed_timestamps(buffer.getvalue())


def write_sheet(
    fw: Framework,
    out: Path | str,
    result_group: str | None = None,
    outcome: str | None = None,
    level: str | None = None,
) -> ReviewSheet:
    """Write the review sheet to *out* (``.xlsx`` or ``.csv``) atomically; return what was written.

    >>> import cfgraph, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "planet.xlsx"
    >>> sheet = write_sheet(cfgraph.load(cfgraph.MINI), out, result_group="planet")
    >>> list(sheet.tabs), len(sheet.rows), out.read_bytes()[:2]
    (['Planet'], 6, b'PK')
    """
    from cfgraph.io.atomic import write_bytes, write_text

    path = Path(out)
    sheet = build_sheet(fw, result_group, outcome, level)
    if path.suffix.lower() == ".xlsx":
        write_bytes(path, sheet_xlsx(sheet))
    elif path.suffix.lower() == ".csv":
        write_text(path, sheet_csv(sheet))
    else:
        raise CfgraphError(f"{path}: a review sheet is an .xlsx or a .csv file")
    return sheet
