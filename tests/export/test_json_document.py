"""`cfgraph export --format json`: schema-valid, complete, deterministic, atomic."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.export.json_document import framework_document, schema
from tests.conftest import DATA, framework_copy


def test_mini_document_is_valid_and_complete(mini: cfgraph.Framework) -> None:
    doc = framework_document(mini)
    jsonschema.validate(doc, schema())
    o21 = doc["outcomes"][1]
    assert o21["agencies"] == ["undp", "ilo"] and o21["lnob_groups"] == ["youth"]
    assert {
        "code": "18.7",
        "role": "global",
        "listed_in": ["narrative", "results_matrix"],
        "valid": False,
    } in o21["targets"]
    ind = doc["indicators"][1]
    assert (
        ind["sdg_indicators"] == ["8.6.1"]
        and ind["baseline"]["value"] == 18
        and ind["target"]["year"] == 2030
    )
    assert ind["responsible_agencies"] == ["ilo", "undp"] and ind["source_line"] == 41
    assert doc["target_links"][0] == {
        "id": "TL01",
        "source": "6.1",
        "target": "3.9",
        "kind": "interlinked",
        "symmetric": True,
        "quote": "Targets 6.1 and 6.2 are interlinked with 3.9.",
        "source_line": 4,
    }
    kinds = [i["kind"] for i in doc["inconsistencies"]]
    assert "target-list-mismatch" in kinds and "recorded" in kinds


def test_schema_rejects_a_broken_document(mini: cfgraph.Framework) -> None:
    doc = framework_document(mini)
    del doc["outcomes"][0]["statement"]
    with pytest.raises(jsonschema.ValidationError, match="statement"):
        jsonschema.validate(doc, schema())


def test_cli_stdout_and_file_are_identical_and_deterministic(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["export", "--format", "json", "--framework", str(cfgraph.MINI)])
    assert first.exit_code == 0, first.output
    out = tmp_path / "sub" / "fw.json"
    second = runner.invoke(
        cli, ["export", "--format", "json", "--framework", str(cfgraph.MINI), "--out", str(out)]
    )
    assert second.exit_code == 0
    assert out.read_text(encoding="utf-8") == first.stdout
    assert json.loads(first.stdout)["framework"]["id"] == "examplestan-2026-2030"


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    folder = framework_copy(tmp_path, DATA / "bad" / "dangling-reference")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        cli, ["export", "--format", "json", "--framework", str(folder), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "thematic_area: '9' is not an id in thematic_areas.csv" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.json*"))


def test_interrupted_write_keeps_the_old_file(tmp_path: Path) -> None:
    from cfgraph.io.atomic import atomic_open

    target = tmp_path / "f.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old" and len(list(tmp_path.iterdir())) == 1


def test_shipped_schema_file_is_the_generated_one() -> None:
    """`make datapackage` writes cfgraph/schemas/framework.schema.json from the declarations."""
    from importlib import resources

    from cfgraph.export.json_document import schema_text

    shipped = resources.files("cfgraph").joinpath("schemas/framework.schema.json").read_text("utf-8")
    assert shipped == schema_text()
