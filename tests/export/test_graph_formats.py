"""Exports for other tools, each re-read with the library that consumes it.

GraphML and GEXF go back through networkx, the workbooks through openpyxl, the CSV tables
through the csv module, Cytoscape.js through json; the counts must be those of the property
graph, which the FalkorDB tests in turn check against the model.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import openpyxl
import pytest

import cfgraph
from cfgraph.cli import cli
from cfgraph.export import EXPORTERS, get_exporter
from cfgraph.lpg import NODE_LABELS, REL_TYPES, PropertyGraph, property_graph
from tests.conftest import framework_copy, set_policy

MINI = str(cfgraph.MINI)
NEW_FORMATS = ("cypher", "graphml", "gexf", "cytoscape", "kumu", "csv", "xlsx")


@pytest.fixture(scope="module")
def kz_pg(kz: cfgraph.Framework) -> PropertyGraph:
    return property_graph(kz)


@pytest.fixture(scope="module")
def exported(kz: cfgraph.Framework) -> dict[str, Any]:
    return {fmt: get_exporter(fmt)(kz) for fmt in NEW_FORMATS}


def test_formats_are_registered() -> None:
    assert set(NEW_FORMATS) <= set(EXPORTERS)


@pytest.mark.parametrize("fmt", NEW_FORMATS)
def test_exports_are_deterministic(fmt: str, exported: dict[str, Any], kz: cfgraph.Framework) -> None:
    assert get_exporter(fmt)(kz) == exported[fmt]


# -- GraphML and GEXF, read back by networkx --------------------------------------------------


def _same_graph(g: Any, pg: PropertyGraph) -> None:
    assert g.is_directed() and g.is_multigraph()
    assert g.number_of_nodes() == len(pg.nodes)
    assert g.number_of_edges() == len(pg.relationships)
    assert set(g.nodes) == {n.key for n in pg.nodes}
    categories = [data["category"] for _, data in g.nodes(data=True)]
    assert {c: categories.count(c) for c in pg.label_counts()} == pg.label_counts()
    edge_labels = [data["label"] for _, _, data in g.edges(data=True)]
    assert {t: edge_labels.count(t) for t in pg.type_counts()} == pg.type_counts()


def test_graphml_reads_back_typed(exported: dict[str, Any], kz_pg: PropertyGraph) -> None:
    g = nx.read_graphml(io.StringIO(exported["graphml"]))
    _same_graph(g, kz_pg)
    indicator = g.nodes["kazakhstan-2021-2025/indicator/1.1-01a"]
    assert indicator["baseline_value"] == 825000.0 and isinstance(indicator["baseline_value"], float)
    assert indicator["baseline_year"] == 2019 and isinstance(indicator["baseline_year"], int)
    assert indicator["local_id"] == "1.1-01a" and indicator["label"].startswith("Number of children")
    partner = g.nodes["kazakhstan-2021-2025/partner/ministry-of-healthcare"]
    assert partner["generic"] is False
    assert partner["aliases"] == "Ministry of Health; Ministry of Heathcare of Kazakhstan"
    assert "None" not in exported["graphml"]


def test_gexf_reads_back(exported: dict[str, Any], kz_pg: PropertyGraph) -> None:
    g = nx.read_gexf(io.BytesIO(exported["gexf"].encode("utf-8")))
    _same_graph(g, kz_pg)
    assert g.nodes["kazakhstan-2021-2025/outcome/1.1"]["label"] == "Outcome 1.1"
    edge_ids = {data["id"] for _, _, data in g.edges(data=True)}
    assert edge_ids == {r.key for r in kz_pg.relationships}
    assert "lastmodifieddate" not in exported["gexf"] and "<creator>cfgraph</creator>" in exported["gexf"]


# -- Cytoscape.js --------------------------------------------------------------------------------


def test_cytoscape_json(exported: dict[str, Any], kz_pg: PropertyGraph) -> None:
    doc = json.loads(exported["cytoscape"])
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    ids = [n["data"]["id"] for n in nodes]
    assert len(ids) == len(set(ids)) == len(kz_pg.nodes)
    assert len(edges) == len(kz_pg.relationships)
    assert all(e["data"]["source"] in set(ids) and e["data"]["target"] in set(ids) for e in edges)
    assert all(value is not None for n in nodes for value in n["data"].values())
    assert doc["data"]["framework"] == "kazakhstan-2021-2025"


# -- workbooks and tables, read back by openpyxl and csv ----------------------------------------


def _sheets(data: bytes) -> dict[str, list[list[Any]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_xlsx_has_a_sheet_per_table(exported: dict[str, Any], kz_pg: PropertyGraph) -> None:
    sheets = _sheets(exported["xlsx"])
    expected = {**kz_pg.label_counts(), **kz_pg.type_counts()}
    assert list(sheets) == [n for n in (*NODE_LABELS, *REL_TYPES) if n in expected]
    assert {name: len(rows) - 1 for name, rows in sheets.items()} == expected
    assert sheets["Outcome"][0][:4] == ["key", "id", "name", "framework"]
    assert sheets["PARTNERS_WITH"][0][:5] == ["key", "source", "source_name", "target", "target_name"]


def test_csv_tables(exported: dict[str, Any], kz_pg: PropertyGraph) -> None:
    files = exported["csv"]
    expected = {**kz_pg.label_counts(), **kz_pg.type_counts()}
    assert sorted(files) == sorted(f"{name}.csv" for name in expected)
    for name, n in expected.items():
        rows = list(csv.DictReader(io.StringIO(files[f"{name}.csv"])))
        assert len(rows) == n, name
    outcomes = list(csv.DictReader(io.StringIO(files["Outcome.csv"])))
    assert outcomes[0]["key"] == "kazakhstan-2021-2025/outcome/1.1" and outcomes[0]["name"] == "Outcome 1.1"


def test_kumu_workbook(exported: dict[str, Any], kz_pg: PropertyGraph) -> None:
    sheets = _sheets(exported["kumu"])
    assert list(sheets) == ["Elements", "Connections"]
    elements, connections = sheets["Elements"], sheets["Connections"]
    assert elements[0][:4] == ["ID", "Label", "Type", "Description"]
    assert connections[0][:5] == ["ID", "From", "To", "Type", "Direction"]
    assert len(elements) - 1 == len(kz_pg.nodes) and len(connections) - 1 == len(kz_pg.relationships)
    ids = {row[0] for row in elements[1:]}
    assert len(ids) == len(kz_pg.nodes)
    assert all(row[1] in ids and row[2] in ids for row in connections[1:])
    assert not any("|" in row[0] for row in connections[1:])  # Kumu splits cells on |
    for header in (elements[0], connections[0]):  # no property shadows Kumu's ID, Label, Type columns
        assert len({h.lower() for h in header}) == len(header)


# -- formula injection --------------------------------------------------------------------------

DANGEROUS = {
    "ministry-of-water": "=HYPERLINK(\"http://evil.example\",\"x\")",
    "ministry-of-labour": "+1+1",
    "examplestan-chamber-of-commerce": "@SUM(A1)",
    "village-water-users-association": "-2+3",
}


@pytest.fixture
def dangerous_fw(tmp_path: Path) -> cfgraph.Framework:
    folder = set_policy(framework_copy(tmp_path), "cited")
    path = folder / "partners.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["name"] = DANGEROUS[row["id"]]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return cfgraph.load(folder)


def test_spreadsheets_neutralise_formulas(dangerous_fw: cfgraph.Framework) -> None:
    expected = {"'" + name for name in DANGEROUS.values()}
    xlsx = openpyxl.load_workbook(io.BytesIO(get_exporter("xlsx")(dangerous_fw)))
    names = {cell.value for row in xlsx["Partner"].iter_rows(min_row=2) for cell in row[2:3]}
    assert names == expected
    assert all(c.data_type != "f" for ws in xlsx.worksheets for row in ws.iter_rows() for c in row)
    kumu = openpyxl.load_workbook(io.BytesIO(get_exporter("kumu")(dangerous_fw)))["Elements"]
    labels = {row[1] for row in kumu.iter_rows(min_row=2, values_only=True) if row[2] == "Partner"}
    assert labels == expected
    partners = get_exporter("csv")(dangerous_fw)["Partner.csv"]
    assert {row["name"] for row in csv.DictReader(io.StringIO(partners))} == expected


# -- Cypher script --------------------------------------------------------------------------------


def test_cypher_script_is_parameter_safe(exported: dict[str, Any], kz_pg: PropertyGraph) -> None:
    lines = exported["cypher"].splitlines()
    constraints = [line for line in lines if line.startswith("CREATE CONSTRAINT")]
    assert len(constraints) == len(kz_pg.label_counts())
    first_write = next(i for i, line in enumerate(lines) if line.startswith(":param"))
    assert max(i for i, line in enumerate(lines) if line.startswith("CREATE CONSTRAINT")) < first_write
    other = ("//", ":param", "CREATE CONSTRAINT")
    statements = [line for line in lines if line and not line.startswith(other)]
    assert statements and all(line.startswith("UNWIND $rows AS row ") for line in statements)
    assert not any('"' in line or "'" in line for line in statements)  # no value outside the parameters
    for i, line in enumerate(lines):
        if line.startswith(":param"):
            assert lines[i + 1].startswith("UNWIND $rows")


# -- the command ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "name"), [("graphml", "g.graphml"), ("xlsx", "t.xlsx"), ("kumu", "k.xlsx")])
def test_export_command_writes_files(runner: Any, tmp_path: Path, fmt: str, name: str) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["export", "--format", fmt, "--framework", MINI, "--out", str(out)])
    assert result.exit_code == 0, result.output
    expected = get_exporter(fmt)(cfgraph.load(cfgraph.MINI))
    assert out.read_bytes() == (expected.encode("utf-8") if isinstance(expected, str) else expected)


def test_export_csv_needs_a_folder(runner: Any, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", "--format", "csv", "--framework", str(cfgraph.MINI)])
    assert result.exit_code == 2 and "give --out FOLDER" in result.output
    args = ["export", "--format", "csv", "--framework", str(cfgraph.MINI), "--out", str(tmp_path)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    assert (tmp_path / "Outcome.csv").read_text(encoding="utf-8").startswith("key,id,name,framework,")
