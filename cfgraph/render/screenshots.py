"""Screenshots of a written report for the README, taken by headless Chromium (Playwright).

Run ``python -m cfgraph.render.screenshots build/report docs/img`` after ``cfgraph report``;
Debian's ``chromium`` is used (``scripts/ensure-chromium`` installs it).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Shot", "SHOTS", "take_screenshots", "main"]


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name, page inside the report, and what to do before taking it."""

    name: str
    page: str
    script: str = ""
    hover: str = ""
    width: int = 1400
    height: int = 860


SHOTS = (
    Shot("report.png", "index.html"),
    Shot(
        "report-who-works-where.png", "index.html", script="document.getElementById('who').scrollIntoView()"
    ),
    Shot("view-stakeholder-map.png", "views/stakeholder-map.html", hover="agency:undp"),
    Shot("view-target-network.png", "views/target-network.html"),
    Shot(
        "view-theory-of-change.png",
        "views/theory-of-change.html",
        script="cfgraphView.network.selectEdges(['e0']);"
        " cfgraphView.network.body.emitter.emit('click', {nodes: [], edges: ['e0'], pointer: {}})",
    ),
)

_HOVER = """id => {
  const n = cfgraphView.network; const p = n.canvasToDOM(n.getPositions([id])[id]);
  const r = document.getElementById('network').getBoundingClientRect();
  return {x: p.x + r.left, y: p.y + r.top};
}"""


def take_screenshots(report_dir: Path, out_dir: Path, shots: tuple[Shot, ...] = SHOTS) -> list[Path]:
    """Open each page of *report_dir* in Chromium and save the PNGs in *out_dir*."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise FileNotFoundError("chromium not found; run scripts/ensure-chromium")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        for shot in shots:
            page = browser.new_page(viewport={"width": shot.width, "height": shot.height})
            page.goto((report_dir / shot.page).resolve().as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            if shot.script:
                page.evaluate(shot.script)
            if shot.hover:
                point = page.evaluate(_HOVER, shot.hover)
                page.mouse.move(point["x"], point["y"])
                page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
            page.wait_for_timeout(300)
            target = out_dir / shot.name
            page.screenshot(path=str(target))
            written.append(target)
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m cfgraph.render.screenshots REPORT_DIR OUT_DIR``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m cfgraph.render.screenshots REPORT_DIR OUT_DIR", file=sys.stderr)
        return 2
    for path in take_screenshots(Path(args[0]), Path(args[1])):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
