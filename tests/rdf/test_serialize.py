"""Deterministic Turtle, N-Triples and JSON-LD; each parses back to the same graph."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic

import cfgraph
from cfgraph.errors import CfgraphError
from cfgraph.namespaces import CFG, framework_iri
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.serialize import jsonld_context, serialize, to_jsonld, to_ntriples, to_turtle, write_graph

_BUILD = """
import hashlib, pathlib, sys, cfgraph
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.serialize import write_graph
for p in write_graph(build_graph(cfgraph.load()), pathlib.Path(sys.argv[1])):
    print(p.name, hashlib.sha256(p.read_bytes()).hexdigest())
"""


@pytest.fixture(scope="module")
def mini_graph(mini: cfgraph.Framework) -> Graph:
    return build_graph(mini)


def test_two_builds_in_fresh_processes_are_byte_identical(tmp_path: Path) -> None:
    digests = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _BUILD, str(tmp_path / seed)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        digests.append(out.stdout)
    assert digests[0] == digests[1]
    assert [line.split()[0] for line in digests[0].splitlines()] == ["graph.ttl", "graph.nt", "graph.jsonld"]


def test_ntriples_lines_are_sorted_and_unique(mini_graph: Graph) -> None:
    lines = to_ntriples(mini_graph).splitlines()
    assert lines == sorted(set(lines))
    assert len(lines) == len(mini_graph)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_every_format_parses_back_to_the_same_graph(mini_graph: Graph, fmt: str) -> None:
    text = serialize(mini_graph, fmt)
    if fmt == "json-ld":  # read by pyoxigraph (rdflib's JSON-LD parser warns about its own deprecations)
        import pyoxigraph

        triples = pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.JSON_LD)
        nt = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
        back = Graph().parse(data=nt, format="nt")
    else:
        back = Graph().parse(data=text, format=fmt)
    assert isomorphic(back, mini_graph)


def test_jsonld_has_the_context_and_sorted_nodes(mini_graph: Graph) -> None:
    import json

    doc = json.loads(to_jsonld(mini_graph))
    assert doc["@context"] == jsonld_context()
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids)


def test_turtle_uses_the_prefixes(mini_graph: Graph) -> None:
    text = to_turtle(mini_graph)
    assert "@prefix cfg: <https://w3id.org/cfgraph/ontology#> ." in text
    assert "skos:exactMatch sdg:6.1" in text


def test_blank_nodes_are_refused(mini_graph: Graph) -> None:
    g = Graph()
    g += mini_graph
    g.add((BNode("x"), CFG.quote, Literal("anonymous")))
    with pytest.raises(CfgraphError, match="blank node"):
        to_ntriples(g)


def test_unknown_format_is_refused(mini_graph: Graph) -> None:
    with pytest.raises(CfgraphError, match="unknown RDF format 'rdfxml'"):
        serialize(mini_graph, "rdfxml")


def test_write_graph_writes_three_files(tmp_path: Path, mini_graph: Graph) -> None:
    paths = write_graph(mini_graph, tmp_path)
    assert [p.name for p in paths] == ["graph.ttl", "graph.nt", "graph.jsonld"]
    assert (
        hashlib.sha256(paths[1].read_bytes()).hexdigest()
        == hashlib.sha256(to_ntriples(mini_graph).encode()).hexdigest()
    )


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(statement=_TEXT, quote=_TEXT)
def test_any_text_survives_rdf_turtle_rdf(mini_graph: Graph, statement: str, quote: str) -> None:
    g = Graph()
    g += mini_graph
    outcome = framework_iri("examplestan-2026-2030", "outcome", "1.1")
    g.set((outcome, CFG.statement, Literal(statement)))
    g.set((framework_iri("examplestan-2026-2030", "outcome-link", "OL01"), CFG.quote, Literal(quote)))
    for fmt in ("turtle", "nt"):
        back = Graph().parse(data=serialize(g, fmt), format=fmt)
        assert isomorphic(back, g)
        assert str(back.value(outcome, CFG.statement)) == statement
