"""Bringing a framework in: ``cfgraph cite`` and ``cfgraph validate --fix`` on the shipped framework.

Prints how long finding a quote takes (exact, and the nearest passages of an inexact one) and
what ``validate --fix`` does to a copy of the shipped folder whose source got a line inserted
near line 500 and a line deleted near line 1000: its time, how many citations it moved, and how
many of those moved exactly as the edit moved the text (a citation of the deleted line moves to
where its text is found elsewhere, so it is counted apart).

    .venv/bin/python benchmarks/authoring.py
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

from cfgraph.io.fix import fix_framework
from cfgraph.io.quotes import cite
from cfgraph.resources import default_framework_dir

INSERTED, DELETED = 500, 1000


def _timed(label: str, run: object) -> object:
    started = time.perf_counter()
    result = run()  # type: ignore[operator]
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def _expected(line: int) -> int:
    """Where an old line is after the edit (the deleted line has no place: -1)."""
    if line < INSERTED:
        return line
    if line < DELETED:
        return line + 1
    return -1 if line == DELETED else line


def main() -> None:
    shipped = default_framework_dir()
    source = next((shipped / "source").glob("*.txt"))
    lines = source.read_text(encoding="utf-8").splitlines()
    exact = re.sub(r"\[[^\]]*\]", "", lines[232])[:80]
    _timed("cite, exact quote", lambda: cite(exact, shipped))
    inexact = "women owners of small businesses"
    _timed("cite, inexact quote (nearest passages)", lambda: cite(inexact, shipped))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "fw"
        shutil.copytree(shipped, folder)
        edited = folder / "source" / source.name
        kept = [*lines[: INSERTED - 1], "A paragraph added in a later version.", *lines[INSERTED - 1 :]]
        del kept[DELETED]  # the old line DELETED, one further down after the insertion
        edited.write_text("\n".join(kept) + "\n", encoding="utf-8")
        changes, report = _timed("validate --fix", lambda: fix_framework(folder))  # type: ignore[misc]
    moved = [c for c in changes if c.column == "source_lines"]
    right = sum(
        [_expected(int(n)) for n in re.findall(r"\d+", c.old)] == [int(n) for n in re.findall(r"\d+", c.new)]
        for c in moved
    )
    gone = sum(str(DELETED) in re.split(r"[;-]", c.old) for c in moved)
    print(f"changes {len(changes)}: {len(moved)} citations moved, {right} exactly with the edit, "
          f"{gone} citing the deleted line; valid after: {report.ok}")  # fmt: skip


if __name__ == "__main__":
    main()
