"""SPARQL queries stop at their limits (time, rows, memory) with one line, never hang or fill memory.

The probe of issue 11 (``SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }``, the cube of the
graph) runs in a subprocess with a hard timeout, so a broken limit fails the test instead of
hanging the suite.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.limits import QueryLimitExceeded, QueryLimits
from cfgraph.rdf.oxigraph import run_query_oxigraph, run_sparql_oxigraph, store_from_ntriples
from cfgraph.rdf.queries import run_query, run_sparql
from cfgraph.rdf.serialize import to_ntriples

CUBE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SORTED_CUBE = CUBE + " ORDER BY ?a"
CFGRAPH = str(Path(sys.executable).parent / "cfgraph")
ROWS_MESSAGE = "the query gives more than {} rows (--limit); add LIMIT to it, or raise --limit (0: no limit)"
TIME_MESSAGE = (
    "the query ran for more than {} s (--timeout) and was stopped;"
    " narrow it down, add LIMIT, or give a longer --timeout (0: none)"
)


def _cfgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CFGRAPH, *args, "--framework", str(cfgraph.MINI)], capture_output=True, text=True, timeout=120
    )


def test_the_cube_stops_at_the_default_row_limit() -> None:
    result = _cfgraph("sparql", CUBE)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"Error: {ROWS_MESSAGE.format(10000)}\n"


def test_a_sorted_cube_stops_at_the_timeout() -> None:
    result = _cfgraph("sparql", "--timeout", "1", SORTED_CUBE)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"Error: {TIME_MESSAGE.format(1)}\n"


def test_without_a_row_limit_the_timeout_still_holds() -> None:
    result = _cfgraph("sparql", "--limit", "0", "--timeout", "0.5", CUBE)
    assert result.stderr == f"Error: {TIME_MESSAGE.format(0.5)}\n"


def test_a_query_stops_when_it_takes_too_much_memory() -> None:
    """Run in a fresh process: memory is measured as growth of the resident set, which a long
    test session (whose freed heap the query reuses) would hide."""
    import subprocess
    import sys

    code = (
        "import cfgraph, sys\n"
        "from cfgraph.rdf.build import build_graph\n"
        "from cfgraph.rdf.limits import QueryLimitExceeded, QueryLimits\n"
        "from cfgraph.rdf.queries import run_sparql\n"
        "graph = build_graph(cfgraph.load(cfgraph.MINI))\n"
        "try:\n"
        "    run_sparql(graph, sys.argv[1], limits=QueryLimits(timeout=120, memory_mb=40))\n"
        "except QueryLimitExceeded as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, SORTED_CUBE], capture_output=True, text=True, check=True
    )
    assert result.stdout == "the query needed more than 40 MB of memory and was stopped; narrow it down\n"


def test_the_timer_is_put_back(mini: cfgraph.Framework) -> None:
    before = signal.getsignal(signal.SIGALRM)
    assert run_sparql(mini, "SELECT ?s WHERE { ?s a ?t } LIMIT 1", limits=QueryLimits(timeout=5, rows=5))
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_named_query_has_the_same_limits(runner: CliRunner) -> None:
    args = ["query", "outcomes-for-target", "-p", "target=5.1", "--framework", str(cfgraph.MINI)]
    assert runner.invoke(cli, args).exit_code == 0
    result = runner.invoke(cli, [*args, "--limit", "2"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {ROWS_MESSAGE.format(2)}\n"
    with pytest.raises(QueryLimitExceeded):
        run_query(cfgraph.load(cfgraph.MINI), "outcomes-for-target", {"target": "5.1"}, QueryLimits(rows=3))


def test_limits_hold_outside_the_main_thread(mini: cfgraph.Framework) -> None:
    """No timer there: the clock is checked between rows."""
    graph = build_graph(mini)
    caught: list[BaseException] = []

    def run() -> None:
        try:
            run_sparql(graph, CUBE, limits=QueryLimits(timeout=0.5))
        except QueryLimitExceeded as exc:
            caught.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(60)
    assert not worker.is_alive()
    assert [str(e) for e in caught] == [TIME_MESSAGE.format(0.5)]


def test_pyoxigraph_queries_have_the_same_limits(mini: cfgraph.Framework) -> None:
    store = store_from_ntriples(to_ntriples(build_graph(mini)))
    with pytest.raises(QueryLimitExceeded, match=r"^the query gives more than 100 rows"):
        run_sparql_oxigraph(store, CUBE, limits=QueryLimits(rows=100))
    with pytest.raises(QueryLimitExceeded, match=r"^the query ran for more than 0.5 s"):
        run_sparql_oxigraph(store, CUBE, limits=QueryLimits(timeout=0.5))
    with pytest.raises(QueryLimitExceeded):
        run_query_oxigraph(store, "outcomes-for-target", {"target": "5.1"}, QueryLimits(rows=3))
