"""The shipped Kazakhstan framework: counts checked by hand against the source document.

Each expected figure below was counted by reading the cited lines of
data/kazakhstan-2021-2025/source/unsdcf-kazakhstan-2021-2025.txt.
"""

from __future__ import annotations

import pytest

import cfgraph
from cfgraph.consistency import find_inconsistencies
from cfgraph.io.writer import effective_layout, table_text
from cfgraph.model import table_spec
from cfgraph.resources import default_framework_dir

# (narrative global, narrative crosscutting, matrix global, matrix crosscutting): L230-231/590-591, …
TARGET_ENTRIES = {
    "1.1": (12, 2, 12, 2),
    "1.2": (10, 3, 10, 3),
    "2.1": (12, 2, 12, 2),
    "2.2": (15, 4, 13, 4),
    "3.1": (19, 5, 19, 5),
    "3.2": (17, 4, 17, 4),
}
# Contributing UN agencies, narrative = matrix: L234/597, L270/750, L307/910, L332/1157, L361/1398, L406/1645
AGENCIES = {"1.1": 8, "1.2": 7, "2.1": 10, "2.2": 10, "3.1": 10, "3.2": 10}
# LNOB groups (narrative, matrix) after splitting "rural youth and women" and
# "women, children, adolescents living in rural and remote areas"
LNOB = {"1.1": (17, 17), "1.2": (11, 11), "2.1": (13, 12), "2.2": (4, 4), "3.1": (6, 6), "3.2": (4, 4)}


def test_outcomes_and_groups(kz: cfgraph.Framework) -> None:
    assert [o.id for o in kz.outcomes] == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"]
    assert [t.id for t in kz.thematic_areas] == ["1", "2", "3"]
    assert {r.id: r.outcomes for r in kz.result_groups} == {
        "people": ("1.1", "1.2"),
        "peace": ("2.1", "2.2"),
        "planet": ("3.2",),
        "prosperity": ("3.1",),
    }
    assert kz.outcome("2.2").statement.startswith("By 2025, state institutions at all levels")


@pytest.mark.parametrize("outcome", sorted(TARGET_ENTRIES))
def test_target_entries_per_list(kz: cfgraph.Framework, outcome: str) -> None:
    counts = tuple(
        len(kz.targets_of(outcome, listed_in, role))  # type: ignore[arg-type]
        for listed_in in ("narrative", "results_matrix")
        for role in ("global", "crosscutting")
    )
    assert counts == TARGET_ENTRIES[outcome]


@pytest.mark.parametrize("outcome", sorted(AGENCIES))
def test_agencies_and_lnob_per_outcome(kz: cfgraph.Framework, outcome: str) -> None:
    assert len(kz.agencies_of(outcome, "narrative")) == AGENCIES[outcome]
    assert set(kz.agencies_of(outcome, "narrative")) == set(kz.agencies_of(outcome, "results_matrix"))
    assert (
        len(kz.lnob_groups_of(outcome, "narrative")),
        len(kz.lnob_groups_of(outcome, "results_matrix")),
    ) == LNOB[outcome]


def test_known_contradictions_are_kept_and_reported(kz: cfgraph.Framework) -> None:
    matrix_31 = [t.code for t in kz.targets_of("3.1", "results_matrix", "global")]
    narrative_31 = [t.code for t in kz.targets_of("3.1", "narrative", "global")]
    assert "18.7" in matrix_31 and "8.7" in narrative_31 and "3.2.a" in matrix_31
    assert [t.code for t in kz.targets_of("3.2", "narrative", "global")].count("2.4") == 2
    found = {i.id: i for i in find_inconsistencies(kz)}
    mismatch = found["target-list-mismatch:2.2"]
    assert mismatch.message == "Outcome 2.2 SDG targets: only the narrative lists 10.3, 10.7"
    assert mismatch.source_lines == (328,)
    assert "target-list-mismatch:3.1" in found and "invalid-code:3.1:results_matrix:18.7" in found
    assert "lnob-list-mismatch:2.1" in found
    assert "duplicate-code:3.2:narrative:global:2.4" in found


def test_links(kz: cfgraph.Framework) -> None:
    assert len(kz.outcome_links) == 39
    assert len(kz.target_links) == 12
    dep = [link for link in kz.outcome_links if link.kind == "depends-on"]
    assert [(d.source, d.target, d.source_lines) for d in dep] == [("3.1", "3.2", "373")]


def test_shipped_tables_are_canonical(kz: cfgraph.Framework) -> None:
    folder = default_framework_dir()
    layout = effective_layout(kz)
    assert {p.name for p in folder.glob("*.csv")} == {table_spec(name).filename for name in layout}
    for name, columns in layout.items():
        assert table_text(kz, name, columns) == (folder / table_spec(name).filename).read_text(
            encoding="utf-8"
        ), name
