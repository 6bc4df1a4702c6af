"""The loader on the mini framework: typed values, look-ups, round trip, no partial output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import cfgraph
from cfgraph.errors import UnknownIdError, ValidationFailed
from cfgraph.io.writer import table_text, write_framework
from cfgraph.model import TABLES
from tests.conftest import DATA, framework_copy


def test_values_are_typed(mini: cfgraph.Framework) -> None:
    ind = mini.indicator("1.1-01")
    assert ind.baseline_value == 72.0 and ind.baseline_year == 2024 and ind.parent is None
    assert mini.indicator("2.1-01a").parent == "2.1-01"
    assert mini.target_links[0].sources == ("6.1", "6.2") and mini.target_links[0].symmetric is True
    assert mini.partner("ministry-of-water").generic is False


def test_lookups(mini: cfgraph.Framework) -> None:
    assert [t.code for t in mini.targets_of("2.1", "results_matrix", "global")] == [
        "4.4",
        "8.6",
        "8.6",
        "18.7",
    ]
    assert mini.target_codes("2.1") == ["4.4", "5.1", "8.6"]
    assert mini.agencies_of("2.1") == ["undp", "ilo"]
    assert mini.lnob_groups_of("1.1", "results_matrix") == ["rural-women"]
    assert mini.lnob_groups_of("1.1") == ["rural-women", "people-with-disabilities"]
    assert mini.partners_of("1.1") == ["ministry-of-water", "village-water-users-association"]
    assert mini.responsible_agencies("2.1-01") == ["ilo", "undp"]
    assert mini.sdg_indicators_of(mini.indicator("1.1-01")) == ["6.1.1"]
    assert mini.target_links[0].pairs() == [("6.1", "3.9"), ("6.2", "3.9")]


def test_unknown_id_suggests_close_ones(mini: cfgraph.Framework) -> None:
    with pytest.raises(UnknownIdError) as info:
        mini.outcome("2.2")
    assert info.value.suggestions == ["2.1"]
    assert "did you mean 2.1" in str(info.value)


def test_round_trip_is_canonical(mini: cfgraph.Framework, tmp_path: Path) -> None:
    out = tmp_path / "copy"
    write_framework(mini, out)
    shutil.copytree(cfgraph.MINI / "source", out / "source")
    again = cfgraph.load(out)
    assert again == mini
    for spec in TABLES:  # the tables the folder has, and no other
        shipped = cfgraph.MINI / spec.filename
        if not shipped.exists():
            assert not (out / spec.filename).exists()
            continue
        assert (out / spec.filename).read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    folder = framework_copy(tmp_path, DATA / "bad" / "many-problems")
    with pytest.raises(ValidationFailed) as info:
        cfgraph.load(folder)
    assert len(info.value.errors) == 6


def test_table_text_matches_file(mini: cfgraph.Framework) -> None:
    assert table_text(mini, "outcomes") == (cfgraph.MINI / "outcomes.csv").read_text(encoding="utf-8")


def test_validate_never_writes(tmp_path: Path) -> None:
    folder = framework_copy(tmp_path, DATA / "bad" / "wrong-type")
    before = sorted(p.name for p in folder.rglob("*"))
    cfgraph.validate(folder)
    assert sorted(p.name for p in folder.rglob("*")) == before
