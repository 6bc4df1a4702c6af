"""`cfgraph push sparql` against a real Oxigraph server started here on a free loopback port."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cfgraph
from cfgraph.cli import cli
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.oxigraph import run_query_oxigraph, store_from_ntriples
from cfgraph.rdf.queries import list_queries, run_query
from cfgraph.rdf.serialize import build_files, to_ntriples
from cfgraph.stores import StoreError
from cfgraph.stores.sparql_store import (
    default_graph_iri,
    push_framework_sparql,
    push_sparql,
    run_query_endpoint,
    select_endpoint,
)
from tests.conftest import free_port

#: Named questions with no answer on the mini framework (its data has none).
EMPTY_ON_MINI: set[str] = {"contested-links", "agencies-not-in-outcome-lists"}  # lists name every agency
#: Named questions with no answer on the shipped framework: it holds no reviewers' scores.
EMPTY_ON_KZ: set[str] = {"contested-links"}
MINI = str(cfgraph.MINI)

@pytest.fixture(scope="module")
def ntriples(kz: cfgraph.Framework) -> str:
    return to_ntriples(build_graph(kz))


@pytest.fixture(scope="module")
def pushed(server: str, kz: cfgraph.Framework) -> tuple[Any, Any]:
    first = push_framework_sparql(kz, f"{server}/store")
    second = push_framework_sparql(kz, f"{server}/store")
    return first, second


def _count(server: str, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    rows = select_endpoint(f"{server}/query", query)
    return int(rows[0]["n"])


def test_triple_count_equals_graph_nt(
    server: str, pushed: tuple[Any, ...], kz: Any, tmp_path: Path
) -> None:
    """The store holds exactly the triples of the graph.nt that `cfgraph build` writes."""
    build_files(kz, tmp_path)
    text = (tmp_path / "graph.nt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    graph = default_graph_iri(kz)
    assert _count(server, graph) == len(lines) == pushed[0].triples
    assert graph == "https://w3id.org/cfgraph/id/kazakhstan-2021-2025"


def test_pushing_again_replaces_the_graph(server: str, pushed: tuple[Any, ...], kz: Any) -> None:
    first, second = pushed
    assert (first.status, second.status) == (201, 204)  # created, then replaced
    assert _count(server, default_graph_iri(kz)) == second.triples == first.triples


def test_a_smaller_graph_replaces_a_larger_one(server: str, ntriples: str) -> None:
    graph = "https://example.org/graph/replace-test"
    lines = ntriples.splitlines()
    push_sparql(ntriples, f"{server}/store", graph)
    push_sparql("\n".join(lines[:10]) + "\n", f"{server}/store", graph)
    assert _count(server, graph) == 10


def _params(name: str, values: dict[str, str]) -> dict[str, str]:
    """The query's required parameters, and the threshold that lets a cross-country question answer
    on one framework."""
    query = next(q for q in list_queries() if q.name == name)
    return {p.name: values[p.name] for p in query.params if p.required or p.name == "min_frameworks"}


KZ = "kazakhstan-2021-2025"
MINI_ID = "examplestan-2026-2030"
ONE = {"agency": "undp", "type": "ngo-cso", "min_frameworks": "1"}
KZ_PARAMS = {"target": "3.8", "outcome": "1.1", "framework": KZ, "other": KZ, **ONE}
MINI_PARAMS = {"target": "5.1", "outcome": "1.1", "framework": MINI_ID, "other": MINI_ID, **ONE}


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_named_queries_give_the_local_rows(
    server: str, pushed: tuple[Any, Any], kz: cfgraph.Framework, ntriples: str, name: str
) -> None:
    """On the Kazakhstan graph the server gives exactly the rows, in order, of the same engine run
    in-process (pyoxigraph)."""
    params = _params(name, KZ_PARAMS)
    remote = run_query_endpoint(f"{server}/query", name, params, graph=default_graph_iri(kz))
    assert remote or name in EMPTY_ON_KZ, name
    assert remote == run_query_oxigraph(store_from_ntriples(ntriples), name, params)


@pytest.fixture(scope="module")
def mini_graph(server: str) -> str:
    graph = "https://example.org/graph/mini"
    push_framework_sparql(cfgraph.load(cfgraph.MINI), f"{server}/store", graph)
    return graph


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_named_queries_give_the_rdflib_rows(server: str, mini_graph: str, name: str) -> None:
    """On the mini framework (rdflib answers some questions on the full graph only slowly) the
    server gives the same rows as rdflib, the engine of `cfgraph query`."""
    params = _params(name, MINI_PARAMS)
    remote = run_query_endpoint(f"{server}/query", name, params, graph=mini_graph)
    local = run_query(build_graph(cfgraph.load(cfgraph.MINI)), name, params)
    assert sorted(map(json.dumps, remote)) == sorted(map(json.dumps, local))
    assert remote or name in EMPTY_ON_MINI, name


def test_parameters_travel_as_literals(server: str, pushed: tuple[Any, Any], kz: Any) -> None:
    rows = run_query_endpoint(
        f"{server}/query", "outcomes-for-target", {"target": '3.8" } } #'}, graph=default_graph_iri(kz)
    )
    assert rows == []


def test_push_sparql_command(runner: Any, server: str) -> None:
    graph = "https://example.org/graph/cli"
    args = ["--store", f"{server}/store", "--graph", graph, "--framework", MINI, "--format", "json"]
    result = runner.invoke(cli, ["push", "sparql", *args])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    mini_triples = len(to_ntriples(build_graph(cfgraph.load(cfgraph.MINI))).splitlines())
    assert row == {"store": f"{server}/store", "graph": graph, "triples": mini_triples, "http_status": 201}
    assert _count(server, graph) == mini_triples


def test_push_sparql_dry_run(runner: Any) -> None:
    args = ["--store", "http://127.0.0.1:9/store", "--dry-run", "--framework", MINI, "--format", "csv"]
    result = runner.invoke(cli, ["push", "sparql", *args])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith(
        "http://127.0.0.1:9/store,https://w3id.org/cfgraph/id/examplestan-2026-2030,"
    )
    assert result.stderr == "dry run: nothing sent\n"


def test_unreachable_store_is_one_line(runner: Any) -> None:
    port = free_port()
    result = runner.invoke(cli, ["push", "sparql", "--store", f"http://127.0.0.1:{port}/store",
                                 "--framework", str(cfgraph.MINI)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the SPARQL store at "
        f"http://127.0.0.1:{port}/store: ")
    assert len(result.output.strip().splitlines()) == 1


def test_store_refusal_is_one_line(server: str) -> None:
    with pytest.raises(StoreError, match=rf"^SPARQL store at {server}/nowhere answered HTTP 404"):
        push_sparql("", f"{server}/nowhere", "https://example.org/g")


def test_store_url_must_be_http(runner: Any) -> None:
    result = runner.invoke(cli, ["push", "sparql", "--store", "ftp://example.org/store",
                                 "--framework", str(cfgraph.MINI)])
    assert result.exit_code == 1
    assert result.output == (
        "Error: SPARQL store URL 'ftp://example.org/store' must be an http:// or https:// URL\n"
    )


def test_store_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A store behind HTTP Basic auth (a local http.server that records what it receives)."""
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen: dict[str, Any] = {}

    class Store(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
            seen["auth"] = self.headers.get("Authorization")
            seen["type"] = self.headers.get("Content-Type")
            seen["path"] = self.path
            seen["body"] = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Store)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("CFGRAPH_SPARQL_USER", "officer")
        monkeypatch.setenv("CFGRAPH_SPARQL_PASSWORD", "pa:ss")
        url = f"http://127.0.0.1:{server.server_port}/ds/data"
        report = push_sparql("<a:s> <a:p> <a:o> .\n", url, "https://example.org/g?x=1")
    finally:
        server.shutdown()
        server.server_close()
    assert report.status == 204 and report.triples == 1
    assert seen["auth"] == "Basic " + base64.b64encode(b"officer:pa:ss").decode()
    assert seen["type"] == "application/n-triples; charset=utf-8"
    assert seen["path"] == "/ds/data?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1"
    assert seen["body"] == b"<a:s> <a:p> <a:o> .\n"


def test_contested_links_on_the_server(server: str) -> None:
    """The review question on a framework with reviewers' scores: the server's rows are rdflib's."""
    from tests.review.examples import CONTESTED_ROWS, reviewed_mini

    fw = reviewed_mini()
    graph = "https://example.org/graph/reviewed"
    push_framework_sparql(fw, f"{server}/store", graph)
    remote = run_query_endpoint(f"{server}/query", "contested-links", {}, graph=graph)
    assert remote == run_query(build_graph(fw), "contested-links") == CONTESTED_ROWS
