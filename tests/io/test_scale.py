"""Big inputs stay cheap: hints come from an index and are capped, citations are bounded.

These tests count work (ids compared, lines joined) instead of timing it, so they fail the same
way on a fast or a busy machine; ``benchmarks/validate.py`` gives the times.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

import cfgraph
from cfgraph.hints import CANDIDATES, HintIndex
from cfgraph.io.reading import MAX_HINTS
from tests.conftest import framework_copy


def _append(path: Path, lines: list[str]) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in lines)


def test_a_hint_compares_a_bounded_number_of_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[int] = []
    real = difflib.get_close_matches

    def counting(word: str, possibilities: Any, *args: Any, **kwargs: Any) -> list[str]:
        compared.append(len(possibilities))
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    index = HintIndex(f"partner-{n:06d}" for n in range(100_000))
    assert index.closest("partnr-000042")[0] == "partner-000042"
    assert index.closest("ministry-of-water") == []
    assert max(compared) <= CANDIDATES


def test_hints_stop_after_the_cap_and_say_so_once(tmp_path: Path) -> None:
    fw = framework_copy(tmp_path)
    rows = [f"1.1,{10 + n},ministry-of-water-{n},Ministry,15" for n in range(150)]
    _append(fw / "outcome_partners.csv", rows)
    report = cfgraph.validate(fw)
    dangling = [p for p in report.errors if "is not an id in partners.csv" in p.message]
    assert len(dangling) == 150
    assert sum("did you mean" in p.message for p in dangling) == MAX_HINTS
    assert str(dangling[0]) == (
        f"{fw}/outcome_partners.csv:6: partner: 'ministry-of-water-0' is not an id in partners.csv;"
        " did you mean ministry-of-water, ministry-of-labour?"
    )
    said = [str(p) for p in report.warnings if "hints" in p.message]
    assert said == [
        f"{fw}/outcome_partners.csv:0: partner: warning: "
        f"no 'did you mean' hints after the first {MAX_HINTS} unknown references"
    ]


def _cite(fw: Path, cell: str) -> None:
    """Make outcome 1.1 cite *cell*."""
    outcomes = fw / "outcomes.csv"
    text = outcomes.read_text(encoding="utf-8")
    outcomes.write_text(text.replace('clean water.",10', f'clean water.",{cell}'), encoding="utf-8")


def test_a_huge_citation_reads_each_line_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``1-40`` written 2,000 times (10 KB) is merged into one range, each line cleaned once."""
    import cfgraph.io.citations as citations

    cleaned: list[str] = []
    real = citations.clean_source_line
    monkeypatch.setattr(citations, "clean_source_line", lambda text: cleaned.append(text) or real(text))
    fw = framework_copy(tmp_path)
    cell = ";".join(["1-40"] * 2000)
    _cite(fw, cell)
    report = cfgraph.validate(fw)
    lines = len((fw / "source" / "examplestan-2026-2030.txt").read_text(encoding="utf-8").splitlines())
    assert report.ok
    assert len(cleaned) <= lines


def test_a_row_citing_too_many_lines_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cfgraph.io.provenance.MAX_CITED_LINES", 5)
    fw = framework_copy(tmp_path)
    _cite(fw, ";".join(["1-12"] * 100))
    assert [str(p) for p in cfgraph.validate(fw).errors] == [
        f"{fw}/outcomes.csv:2: source_lines: '1-12;1-12;1-12;1-12;1-12;1-12;1-12;1-...' cites 12 lines;"
        " cite at most 5, those the text is on"
    ]
