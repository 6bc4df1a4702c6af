"""The table declarations: the model classes are the tables, every layer reads them."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import pytest

import cfgraph
from cfgraph.io.datapackage import datapackage_descriptor
from cfgraph.io.meaning import VERBATIM_FIELDS
from cfgraph.model import TABLES, rows_of, table_spec
from cfgraph.model.schema import col, spec_of, table


def test_every_table_is_a_model_class_with_its_columns_in_file_order() -> None:
    assert [t.name for t in TABLES][:4] == ["framework", "sources", "thematic_areas", "result_groups"]
    for spec in TABLES:
        assert [c.name for c in spec.columns] == [f.name for f in dataclasses.fields(spec.model)]
        assert set(spec.primary_key) <= {c.name for c in spec.columns}
        for fk in spec.foreign_keys:
            assert set(fk.fields) <= {c.name for c in spec.columns}
            assert set(fk.reference) <= {c.name for c in table_spec(fk.resource).columns}


def test_types_come_from_the_annotations() -> None:
    partners = table_spec("partners")
    assert [(c.name, c.type, c.required, c.is_list) for c in partners.columns[:5]] == [
        ("id", "string", True, False),
        ("name", "string", True, False),
        ("type", "string", True, False),
        ("aliases", "string", False, True),
        ("generic", "boolean", False, False),
    ]
    listed_in = table_spec("outcome_agencies").column("listed_in")
    assert listed_in.enum == ("narrative", "results_matrix")
    assert table_spec("indicators").column("baseline_value").type == "number"


def test_declarations_drive_the_verbatim_check_and_the_datapackage() -> None:
    assert VERBATIM_FIELDS["indicators"] == ("code_raw", "name", "baseline_raw", "target_raw")
    resources = {r["name"]: r for r in datapackage_descriptor("x", "X")["resources"]}
    fields = [f["name"] for f in resources["lnob-groups"]["schema"]["fields"]]
    assert fields == [c.name for c in table_spec("lnob_groups").columns]


def test_a_field_added_to_a_declaration_reaches_every_layer() -> None:
    """A throwaway table with a new column: the datapackage, RDF, property graph and JSON names
    all come from its one declaration."""

    @table("things", "Things.", kind="partner", rdf_class=("cfg:Partner",))
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Thing:
        id: str
        website: Annotated[str | None, col("Home page.", rdf="foaf:homepage", lpg="url", json="web")] = None

    spec = spec_of(Thing)
    website = spec.column("website")
    assert website.descriptor() == {"name": "website", "type": "string", "description": "Home page."}
    assert (website.rdf, website.lpg_name(), website.json_name()) == ("foaf:homepage", "url", "web")


def test_an_optional_column_needs_a_default_so_new_fields_break_no_constructor() -> None:
    @table("loose", "Loose.")
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Loose:
        id: str
        note: str | None

    with pytest.raises(TypeError, match="Loose.note: give an optional column a default"):
        spec_of(Loose)


def test_unsupported_types_are_refused() -> None:
    @table("bad", "Bad.")
    @dataclasses.dataclass(frozen=True)
    class Bad:
        id: dict[str, str]

    with pytest.raises(TypeError, match="column id: unsupported type"):
        spec_of(Bad)


def test_rows_of_gives_every_table(mini: cfgraph.Framework) -> None:
    assert rows_of(mini, table_spec("framework")) == (mini.info,)
    assert rows_of(mini, table_spec("outcomes")) == mini.outcomes
