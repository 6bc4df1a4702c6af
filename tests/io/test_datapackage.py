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
