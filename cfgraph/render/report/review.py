"""The report's "Theory-of-change review" section: the reviewers' cross-impact matrix as a
diverging heat map (HTML and PNG/SVG), the influence ranking, contested links, where reviewers and
the text disagree, progress per result group and the links nobody has scored yet.

The tables are :func:`cfgraph.review.results.review_results` (the rows of ``cfgraph review`` and
:func:`cfgraph.frames`); this module only dresses them for the page.

>>> diverging_style(3.0)
'background-color: rgba(33, 102, 172, 0.85); color: #fff'
>>> diverging_style(-1.0), diverging_style(None)
('background-color: rgba(178, 24, 43, 0.38); color: #222', '')
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cfgraph.vocabulary import SCORE_SCALE

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["diverging_style", "matrix_cells", "matrix_chart", "review_section", "UNREVIEWED_SHOWN"]

#: How many unreviewed links the page lists (all of them are in tables/review_unreviewed.csv).
UNREVIEWED_SHOWN = 200

_POSITIVE, _NEGATIVE = (33, 102, 172), (178, 24, 43)


def diverging_style(value: float | None) -> str:
    """A cell background from red (−3) through white (0) to blue (+3); empty when unreviewed."""
    if value is None or not value:
        return ""
    alpha = round(0.15 + 0.7 * min(abs(value), 3) / 3, 2)
    r, g, b = _POSITIVE if value > 0 else _NEGATIVE
    return f"background-color: rgba({r}, {g}, {b}, {alpha}); color: {'#fff' if abs(value) >= 2 else '#222'}"


def _signed(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:+g}" if value else "0"


def matrix_cells(rows: Sequence[dict[str, Any]], items: Sequence[str]) -> list[list[dict[str, str]]]:
    """For each row of the matrix, one ``{"value", "style"}`` per influenced item (signed medians)."""
    return [[{"value": _signed(r.get(t)), "style": diverging_style(r.get(t))} for t in items] for r in rows]


def matrix_chart(rows: Sequence[dict[str, Any]], items: Sequence[str], title: str) -> tuple[bytes, bytes]:
    """The matrix as a diverging heat map (PNG, SVG); unreviewed cells stay blank."""
    import numpy as np

    from cfgraph.render.report.charts import figure_bytes, pyplot

    plt = pyplot()
    values = np.ma.masked_invalid(
        np.array([[np.nan if r.get(t) is None else float(r[t]) for t in items] for r in rows], dtype=float)
    )
    size = 1.6 + 0.55 * len(items)
    fig, ax = plt.subplots(figsize=(size + 2.2, size))
    image = ax.imshow(values, cmap="RdBu", vmin=-3, vmax=3, aspect="equal")
    ax.set_xticks(range(len(items)), labels=list(items))
    ax.set_yticks(range(len(rows)), labels=[str(r["source"]) for r in rows])
    ax.xaxis.tick_top()
    ax.set_xlabel("is influenced")
    ax.xaxis.set_label_position("top")
    ax.set_ylabel("influences")
    for i, r in enumerate(rows):
        for j, t in enumerate(items):
            if r.get(t) is not None:
                colour = "white" if abs(float(r[t])) >= 2 else "#222222"
                ax.text(j, i, _signed(r[t]), ha="center", va="center", fontsize=8, color=colour)
    bar = fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, ticks=[s.score for s in SCORE_SCALE])
    bar.ax.set_yticklabels([f"{s.signed} {s.name}" for s in SCORE_SCALE])
    ax.set_title(title, pad=24, loc="left")
    return figure_bytes(fig)


def _disagreements(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for p in pairs if p["verdict"] in ("stated-not-confirmed", "strong-not-stated")]


def review_section(
    fw: Framework, tables: dict[str, list[dict[str, Any]]], out: Path, files: list[Path]
) -> dict[str, Any]:
    """What the template's review section shows; writes the matrix chart under ``charts/``."""
    from cfgraph.io.atomic import write_bytes

    pairs = tables["review_pairs"]
    grid = [r for r in tables["review_matrix"] if r["level"] == "outcome"]
    items = [o.id for o in fw.outcomes]
    chart = None
    if pairs:
        png, svg = matrix_chart(grid, items, "Reviewers' median scores: the row influences the column")
        chart = "charts/review-matrix"
        files.append(write_bytes(out / f"{chart}.png", png))
        files.append(write_bytes(out / f"{chart}.svg", svg))
    reviewers = sorted({name for p in pairs for name in p["reviewers"]})
    return {
        "has_reviews": bool(pairs),
        "reviews": sum(p["reviews"] for p in pairs),
        "reviewers": reviewers,
        "pairs": len(pairs),
        "columns": items,
        "grid": grid,
        "cells": matrix_cells(grid, items),
        "chart": chart,
        "contested": [p for p in pairs if p["contested"]],
        "disagreements": _disagreements(pairs),
        "unreviewed": tables["review_unreviewed"][:UNREVIEWED_SHOWN],
        "unreviewed_total": len(tables["review_unreviewed"]),
        "scale": SCORE_SCALE,
    }
