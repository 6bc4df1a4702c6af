"""datapackage.json files match the table definitions, and Frictionless reads them as valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cfgraph
from cfgraph.io.datapackage import datapackage_descriptor, folder_layout
from cfgraph.resources import resource_dir
from tests.conftest import RIVERLAND

FRAMEWORKS = [
    cfgraph.MINI,
    RIVERLAND,
    *sorted(p.parent for p in resource_dir("data").glob("*/framework.csv")),
]


@pytest.mark.parametrize("folder", FRAMEWORKS, ids=[f.name for f in FRAMEWORKS])
def test_descriptor_is_generated_from_table_definitions(folder: Path) -> None:
    shipped = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    layout = folder_layout(folder)
    assert shipped == datapackage_descriptor(shipped["name"], shipped["title"], layout), (
        "run `make datapackage`"
    )


@pytest.mark.parametrize("folder", FRAMEWORKS, ids=[f.name for f in FRAMEWORKS])
def test_frictionless_validates_the_package(folder: Path) -> None:
    from frictionless import Package, system

    with system.use_context(trusted=True):
        report = Package(str(folder / "datapackage.json")).validate()
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]


def test_frictionless_catches_a_dangling_foreign_key(tmp_path: Path) -> None:
    from frictionless import Package, system

    from tests.conftest import DATA, framework_copy

    folder = framework_copy(tmp_path, DATA / "bad" / "dangling-reference")
    with system.use_context(trusted=True):
        report = Package(str(folder / "datapackage.json")).validate()
    assert not report.valid
    assert any(e.type == "foreign-key" for t in report.tasks for e in t.errors)


def test_the_data_readme_lists_every_value_a_column_takes() -> None:
    """data/README.md's table of values names every enum value of every declared column."""
    from cfgraph.model import TABLES

    text = (resource_dir("data") / "README.md").read_text(encoding="utf-8")
    section = text.split("## Values", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip(): line for line in section.splitlines() if line.startswith("| `")}
    for spec in TABLES:
        for column in spec.columns:
            values = column.enum or (("true", "false") if column.type == "boolean" else ())
            if not values:
                continue
            mine = (r for k, r in rows.items() if k.startswith(f"`{column.name}`") and spec.name in k)
            row = next(mine, "")
            assert row, f"{spec.name}.{column.name} is not in data/README.md's values"
            assert all(f"`{v}`" in row.split("|")[2] for v in values), (spec.name, column.name)
