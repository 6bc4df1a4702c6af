"""reviews.csv reaches every layer from its declaration: loader and writer, datapackage.json,
the JSON document and its schema, RDF with PROV attribution (SHACL, the reverse mapping, the
contested-links question in rdflib and pyoxigraph), the property graph and networkx, frames."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from rdflib import Literal

import cfgraph
from cfgraph.export.json_document import framework_document, schema
from cfgraph.graph import to_networkx
from cfgraph.io.writer import write_framework
from cfgraph.lpg import property_graph
from cfgraph.namespaces import CFG, PROV, RDF, RDFS, XSD, framework_iri, sdg_iri
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.from_rdf import canonical, framework_from_graph
from cfgraph.rdf.oxigraph import run_query_oxigraph, store_from_ntriples
from cfgraph.rdf.queries import run_query
from cfgraph.rdf.serialize import to_ntriples
from cfgraph.rdf.shacl import validate_graph
from tests.conftest import framework_copy
from tests.review.examples import CONTESTED_ROWS, review, reviewed_mini

FID = "examplestan-2026-2030"


@pytest.fixture(scope="module")
def fw() -> cfgraph.Framework:
    return reviewed_mini()


def test_written_and_loaded_back(fw: cfgraph.Framework, tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    write_framework(fw, folder)
    again = cfgraph.load(folder)
    assert again.reviews == fw.reviews
    text = (folder / "reviews.csv").read_text(encoding="utf-8").splitlines()
    assert text[1] == f"outcome,2.1,1.1,Ann,2,,,2025-03-01,ann.xlsx,{'a' * 64},,2"


def test_a_framework_without_reviews_csv_loads(tmp_path: Path) -> None:
    folder = framework_copy(tmp_path)
    (folder / "reviews.csv").unlink()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["path"] != "reviews.csv"]
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    assert cfgraph.load(folder).reviews == ()
    (folder / "reviews.csv").write_text("level,source,target\n", encoding="utf-8")
    report = cfgraph.validate(folder)
    assert [str(p).removeprefix(str(folder)) for p in report.problems] == [
        "/datapackage.json:0: resources: warning: reviews.csv is not declared; "
        "'cfgraph validate --fix' declares it",
        *(f"/outcome_targets.csv:{n}: code: warning: '18.7' is not an SDG target "
          "(kept as the document writes it)" for n in (14, 19)),
        *(f"/reviews.csv:1: {c}: column missing from the header"
          for c in ("date", "reviewer", "sheet_file", "sheet_row", "sheet_sha256")),
    ]  # fmt: skip


def test_rdf_review_nodes_with_prov_attribution(fw: cfgraph.Framework) -> None:
    g = build_graph(fw)
    review_iri = framework_iri(FID, "review", "target", "6.1", "3.9", "Bo")
    agent = framework_iri(FID, "reviewer", "Bo")
    sheet = framework_iri(FID, "review-sheet", "a" * 64)
    assert (review_iri, RDF.type, CFG.Review) in g
    assert (review_iri, CFG.influencing, sdg_iri("6.1")) in g and (
        review_iri,
        CFG.influenced,
        sdg_iri("3.9"),
    ) in g
    assert g.value(review_iri, CFG.score) == Literal(3)
    assert (review_iri, PROV.wasAttributedTo, agent) in g and (agent, RDF.type, PROV.Agent) in g
    assert g.value(agent, RDFS.label) == Literal("Bo")
    assert g.value(review_iri, PROV.generatedAtTime) == Literal("2025-03-01", datatype=XSD.date)
    assert (review_iri, PROV.wasDerivedFrom, sheet) in g and (sheet, CFG.sha256, Literal("a" * 64)) in g
    outcome = framework_iri(FID, "review", "outcome", "2.1", "1.1", "Ann")
    assert (outcome, CFG.influencing, framework_iri(FID, "outcome", "2.1")) in g
    assert validate_graph(g).conforms
    assert framework_from_graph(g) == canonical(fw)


def test_shacl_catches_a_review_whose_ends_are_not_of_its_level(fw: cfgraph.Framework) -> None:
    g = build_graph(fw)
    node = framework_iri(FID, "review", "outcome", "2.1", "1.1", "Ann")
    g.set((node, CFG.reviewLevel, Literal("target")))
    g.set((node, CFG.score, Literal(7)))
    messages = sorted(f"{v.focus}: {v.message}" for v in validate_graph(g).violations)
    assert messages == [
        "review/outcome/2.1/1.1/Ann: a review of level outcome scores two outcomes, "
        "one of level target two SDG targets",
        "review/outcome/2.1/1.1/Ann: a review's score is one whole number from -3 to +3",
    ]


def test_contested_links_question_in_two_engines(fw: cfgraph.Framework) -> None:
    g = build_graph(fw)
    assert run_query(g, "contested-links") == CONTESTED_ROWS
    assert run_query_oxigraph(store_from_ntriples(to_ntriples(g)), "contested-links") == CONTESTED_ROWS


def test_property_graph_and_networkx(fw: cfgraph.Framework) -> None:
    pg = property_graph(fw)
    assert pg.type_counts()["INFLUENCES"] == 21
    rel = next(r for r in pg.relationships if r.key == f"{FID}/review/target/6.1/3.9/Bo")
    assert (rel.source, rel.target, rel.relation) == ("sdg/6.1", "sdg/3.9", "target-review")
    assert {k: rel.properties[k] for k in ("reviewer", "score", "date", "sheet_row")} == {
        "reviewer": "Bo", "score": 3, "date": "2025-03-01", "sheet_row": 2,
    }  # fmt: skip
    g = to_networkx(fw)
    one, two = f"{FID}/outcome/1.1", f"{FID}/outcome/2.1"
    assert sorted(d["kind"] for d in g.get_edge_data(two, one).values()) == ["outcome-review"] * 3
    assert [d["kind"] for d in g.get_edge_data(one, two).values()] == ["outcome-link"] + [
        "outcome-review"
    ] * 2


def test_paths_and_dependencies_leave_judgements_out(fw: cfgraph.Framework) -> None:
    """A reviewer's score is no path: 3.9 -> 5.1 is scored but no text links the two targets."""
    assert cfgraph.explain_path(fw, "target:3.9", "target:5.1") == cfgraph.explain_path(
        cfgraph.load(cfgraph.MINI), "target:3.9", "target:5.1"
    )


def test_json_document_and_schema(fw: cfgraph.Framework) -> None:
    doc = framework_document(fw)
    jsonschema.validate(doc, schema())
    assert doc["reviews"][0] == {
        "level": "outcome", "source": "2.1", "target": "1.1", "reviewer": "Ann", "score": 2,
        "confidence": None, "comment": None, "date": "2025-03-01", "sheet_file": "ann.xlsx",
        "sheet_sha256": "a" * 64, "sheet_tab": None, "sheet_row": 2,
    }  # fmt: skip
    broken = dataclasses.replace(fw, reviews=(review("outcome", "2.1", "1.1", "Ann", 9),))
    with pytest.raises(jsonschema.ValidationError, match="9 is greater than the maximum of 3"):
        jsonschema.validate(framework_document(broken), schema())


def test_frames_give_the_same_rows_as_the_commands(fw: cfgraph.Framework) -> None:
    from cfgraph.frames import frames
    from cfgraph.review.aggregate import consensus, consensus_rows

    f = frames(fw)
    assert len(f["reviews"]) == 21 and str(f["reviews"]["score"].dtype) == "Int64"
    assert f["review_pairs"].to_dict("records") == consensus_rows(consensus(fw), FID)
    assert list(f["review_ranking"]["item"]) == ["2.1", "1.1", "6.2", "6.1", "3.9", "5.1"]
    assert set(f["review_status"].columns) >= {"result_group", "level", "pairs", "reviewed", "reviewers"}
