"""The shared UN entity registry: its data, its look-ups, and how frameworks point to it."""

from __future__ import annotations

import csv
import re

import pytest

import cfgraph
from cfgraph.errors import UnknownIdError
from cfgraph.model.schema import SLUG_PATTERN
from cfgraph.registry import CHART_SOURCE, load_registry, name_key
from cfgraph.resources import resource_dir

FOLDER = resource_dir("data") / "un-entities"


def _rows(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_chart_is_copied_whole_and_the_additions_are_sourced() -> None:
    chart, added, aliases = _rows("system-chart.csv"), _rows("additions.csv"), _rows("aliases.csv")
    assert len(chart) == 169
    registry = load_registry()
    assert len(registry.entities) == len(chart) + len(added) == 170
    for row in chart:
        assert registry.entity(row["id"]).source == CHART_SOURCE
        assert row["id"] == re.sub(r"[^a-z0-9]+", "-", row["abbreviation"].lower()).strip("-")
    for row in added + aliases:
        assert len(row["source"]) > 40, row  # a citation, not a word
    assert all(re.match(SLUG_PATTERN, e) for e in registry.entities)
    assert registry.entity("unaids").name == "Joint United Nations Programme on HIV/AIDS"
    assert registry.entity("unaids").aliases == (
        "Joint United Nations Programme on AIDS", "UNAIDS Secretariat",
    )  # fmt: skip
    assert registry.entity("hlpf").principal_organ == ("General Assembly", "Economic and Social Council")
    assert registry.entity("unv").name == "United Nations Volunteers"  # in the chart already


def test_find_ignores_case_spaces_and_punctuation() -> None:
    registry = load_registry()
    for spelling in ("UN Women", "UN-Women", "unwomen", "un-women", "United Nations Entity for Gender "
                     "Equality and the Empowerment of Women"):  # fmt: skip
        assert registry.find(spelling).id == "un-women", spelling  # type: ignore[union-attr]
    assert registry.find("UNESCAP").id == "escap"  # type: ignore[union-attr]
    assert registry.find("Economic and Social Commission for Asia and the Pacific").id == "escap"  # type: ignore[union-attr]
    assert registry.find("United Nations Children’s Fund").id == "unicef"  # type: ignore[union-attr]
    assert registry.find("UN Country Team") is None
    assert registry.find("UNWTO").id == "un-tourism"  # type: ignore[union-attr]
    assert registry.find("UN Environment").id == "unep"  # type: ignore[union-attr]
    assert registry.match("UNDSS").entity.id == "dss"  # type: ignore[union-attr]
    assert registry.match("UNOCHA").note == (
        "'UNOCHA' read as OCHA (Office for the Coordination of Humanitarian Affairs)"
    )
    assert name_key("  ÜN-Wömen ") == "unwomen"


def test_an_unknown_id_suggests_the_closest() -> None:
    with pytest.raises(UnknownIdError, match=r"^unknown UN entity 'undpp'; did you mean undp"):
        load_registry().entity("undpp")


def test_every_kazakhstan_agency_is_the_registry_entity_its_names_say(kz: cfgraph.Framework) -> None:
    """The README's table: each agency's un_entity is the entity its label, name or aliases name."""
    registry = load_registry()
    linked = {a.id: a.un_entity for a in kz.agencies}
    assert len(linked) == 22 and None not in linked.values()
    for a in kz.agencies:
        found = registry.find(a.label, *( [a.name] if a.name else []), *a.aliases)
        assert found is not None and found.id == a.un_entity, a.id
    assert {k: v for k, v in linked.items() if k != v} == {
        "undgc": "dgc", "unece": "ece", "unescap": "escap",
    }  # fmt: skip
    assert not any(a.local for a in kz.agencies)
