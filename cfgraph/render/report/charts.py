"""Static charts (PNG and SVG) for people who paste into slides: heat maps and a bar chart.

matplotlib's Agg backend, fixed metadata and a fixed SVG hash salt make the bytes the same on every
run with the same input.

>>> png, svg = heatmap([{"agency": "UNDP", "1.1": 2, "2.1": 0}], "agency", ["1.1", "2.1"], "Demo")
>>> png[:4], svg[:5]
(b'\\x89PNG', b'<?xml')
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["heatmap", "bar_chart", "figure_bytes", "pyplot"]

_PNG_META = {"Software": "cfgraph"}
_SVG_META = {"Creator": "cfgraph", "Date": None}


def pyplot() -> Any:
    """matplotlib's pyplot on the Agg backend, with the settings that make the bytes repeatable."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    matplotlib.rcParams.update({"svg.hashsalt": "cfgraph", "font.family": "DejaVu Sans", "font.size": 9})
    import matplotlib.pyplot as plt

    return plt


def figure_bytes(fig: Figure) -> tuple[bytes, bytes]:
    """The figure as (PNG, SVG) bytes, deterministic; closes the figure."""
    plt = pyplot()
    png, svg = io.BytesIO(), io.BytesIO()
    fig.savefig(png, format="png", dpi=110, metadata=_PNG_META, bbox_inches="tight")
    fig.savefig(svg, format="svg", metadata=_SVG_META, bbox_inches="tight")
    plt.close(fig)
    return png.getvalue(), svg.getvalue()


def heatmap(
    rows: Sequence[dict[str, Any]],
    label_key: str,
    columns: Sequence[str],
    title: str,
    column_title: str = "Outcome",
    max_rows: int = 45,
) -> tuple[bytes, bytes]:
    """A heat map of ``rows[i][column]`` (numbers), by by ``rows[i][label_key]``, first *max_rows* rows."""
    plt = pyplot()
    shown = list(rows)[:max_rows]
    values = [[float(r.get(c, 0) or 0) for c in columns] for r in shown]
    height = max(2.5, 0.26 * len(shown) + 1.4)
    fig, ax = plt.subplots(figsize=(1.2 + 0.75 * len(columns) + 2.6, height))
    image = ax.imshow(values or [[0.0] * len(columns)], cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(columns)), labels=list(columns))
    ax.set_yticks(range(len(shown)), labels=[_short(str(r[label_key])) for r in shown])
    ax.xaxis.tick_top()
    ax.set_xlabel(column_title)
    ax.xaxis.set_label_position("top")
    peak = max((v for row in values for v in row), default=0.0)
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            if v:
                ax.text(
                    j,
                    i,
                    f"{v:g}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if v > peak * 0.6 else "#222222",
                )
    ax.set_title(
        title + (f" (top {max_rows} of {len(rows)})" if len(rows) > max_rows else ""), pad=28, loc="left"
    )
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    return figure_bytes(fig)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    title: str,
    xlabel: str,
    colours: Sequence[str] | None = None,
) -> tuple[bytes, bytes]:
    """A horizontal bar chart, first label on top."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7.5, max(2.5, 0.3 * len(labels) + 1.2)))
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, list(values), color=list(colours) if colours else "#009edb")
    ax.set_yticks(positions, labels=[_short(lbl, 60) for lbl in labels])
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return figure_bytes(fig)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
