"""A small reviewed framework whose figures are checked by hand in test_aggregate.py: the mini
framework with three reviewers' scores of outcome pairs and of four SDG targets' pairs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import cfgraph
from cfgraph.model import Review

#: (level, source, target) -> {reviewer: score}; None is a comment without a score.
SCORES: dict[tuple[str, str, str], dict[str, int | None]] = {
    ("outcome", "2.1", "1.1"): {"Ann": 2, "Bo": 1, "Cy": 3},
    ("outcome", "1.1", "2.1"): {"Ann": -1, "Bo": -1},
    ("target", "6.1", "3.9"): {"Ann": 2, "Bo": 3, "Cy": 1},
    ("target", "3.9", "6.1"): {"Ann": 1, "Bo": -1, "Cy": 0},
    ("target", "6.2", "3.9"): {"Ann": 2, "Bo": 2},
    ("target", "3.9", "6.2"): {"Ann": -2, "Bo": -1, "Cy": -3},
    ("target", "3.9", "5.1"): {"Ann": 3, "Bo": 0},
    ("target", "5.1", "6.1"): {"Ann": -2, "Cy": -3},
    ("target", "6.1", "5.1"): {"Bo": None},
}

#: What the contested-links question answers on it (both signs, or 3 points apart).
CONTESTED_ROWS = [
    {"framework": "examplestan-2026-2030", "level": "target", "source": "3.9", "target": "5.1",
     "reviews": "2", "lowest": "0", "highest": "3", "reviewers": "Ann; Bo"},
    {"framework": "examplestan-2026-2030", "level": "target", "source": "3.9", "target": "6.1",
     "reviews": "3", "lowest": "-1", "highest": "1", "reviewers": "Ann; Bo; Cy"},
]  # fmt: skip


def review(level: str, source: str, target: str, reviewer: str, score: int | None, **extra: object) -> Review:
    """One review row as an import would write it."""
    values: dict[str, object] = {
        "level": level, "source": source, "target": target, "reviewer": reviewer, "score": score,
        "date": "2025-03-01", "sheet_file": f"{reviewer.lower()}.xlsx", "sheet_sha256": "a" * 64,
        "sheet_row": 2,
    }  # fmt: skip
    if score is None:
        values["comment"] = "not sure this is a link"
    return Review(**(values | extra))  # type: ignore[arg-type]


def reviewed_mini() -> cfgraph.Framework:
    """The mini framework with the reviews of :data:`SCORES`."""
    rows = tuple(review(*key, who, n) for key, scores in SCORES.items() for who, n in scores.items())
    return dataclasses.replace(cfgraph.load(cfgraph.MINI), reviews=rows)


def fill_xlsx(
    sheet: Path,
    out: Path,
    cells: dict[tuple[str, str, str], dict[str, object]],
    tabs: tuple[str, ...] | None = None,
) -> Path:
    """Fill a copy of a review workbook the way a reviewer does, through openpyxl: for each
    (level, source, target) of *cells*, set the given columns (score, confidence, comment,
    reviewer, or a context column to spoil it) on the worksheets *tabs* (default: every one)."""
    from openpyxl import load_workbook

    wb = load_workbook(sheet)
    for tab in tabs or tuple(n for n in wb.sheetnames if n not in ("About", "Scale")):
        ws = wb[tab]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            by = dict(zip(header, row, strict=True))
            key = (str(by["level"].value), str(by["source"].value), str(by["target"].value))
            for column, value in cells.get(key, {}).items():
                by[column].value = value
    wb.save(out)
    return out
