"""The property graph in a real database: embedded FalkorDB (falkordblite), no server to install.

Counts per label and type are checked against the model, not against the mapping itself; the
shipped Cypher questions (queries/*.cypher) are answered in the database and compared with the
same answer computed from the model in Python.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

import cfgraph
from cfgraph.cli import cli
from cfgraph.export.cypher_script import export_cypher
from cfgraph.lpg import PropertyGraph, property_graph
from cfgraph.stores import StoreError
from cfgraph.stores.cypher import push_plan
from cfgraph.stores.cypher_queries import get_cypher_query, list_cypher_queries
from cfgraph.stores.falkordb import FalkorSession, open_falkordb, push_falkordb, push_to_client

FID = "kazakhstan-2021-2025"
MINI = cfgraph.MINI


@pytest.fixture(scope="module")
def kz_pg(kz: cfgraph.Framework) -> PropertyGraph:
    return property_graph(kz)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One embedded database for the module (starting and stopping one takes seconds)."""
    with open_falkordb(tmp_path_factory.mktemp("falkordb") / "graph.db") as client:
        yield client


@pytest.fixture(scope="module")
def pushed(db: Any, kz_pg: PropertyGraph) -> tuple[Any, Any, Any]:
    """The Kazakhstan graph pushed twice into the graph 'cfgraph'."""
    first = push_to_client(db, kz_pg)
    second = push_to_client(db, kz_pg)
    return db, first, second


def _store(db: Any, statement: str, graph: str = "cfgraph") -> list[list[Any]]:
    return FalkorSession(db, graph).read(statement)


def test_node_counts_per_label_match_the_model(pushed: tuple[Any, ...], kz: cfgraph.Framework) -> None:
    db = pushed[0]
    expected = {
        "Framework": 1,
        "ThematicArea": len(kz.thematic_areas),
        "ResultGroup": len(kz.result_groups),
        "Outcome": len(kz.outcomes),
        "Indicator": len(kz.indicators),
        "Agency": len(kz.agencies),
        "Partner": len(kz.partners),
        "LnobGroup": len(kz.lnob_groups),
        "Inconsistency": len(cfgraph.find_inconsistencies(kz)),
    }
    for label, n in expected.items():
        assert _store(db, f"MATCH (n:{label}) RETURN count(n)") == [[n]], label
    assert expected["Outcome"] == 6 and expected["Partner"] == 169


def test_relationship_counts_per_type_match_the_model(
    pushed: tuple[Any, Any, Any], kz: cfgraph.Framework
) -> None:
    db = pushed[0]
    expected = {
        "LISTS_TARGET": sum(1 for t in kz.outcome_targets if t.valid),
        "CONTRIBUTES_TO": len(kz.outcome_agencies),
        "LEAVES_NO_ONE_BEHIND": len(kz.outcome_lnob_groups),
        "PARTNERS_WITH": len(kz.outcome_partners),
        "HAS_INDICATOR": len(kz.indicators),
        "SUB_INDICATOR_OF": sum(1 for i in kz.indicators if i.parent),
        "RESPONSIBLE_FOR": len(kz.indicator_agencies),
        "INVOLVES_PARTNER": len(kz.indicator_partners),
        "PART_OF": sum(1 for p in kz.partners if p.part_of),
        "HAS_OUTCOME": len(kz.outcomes),
    }
    for rel_type, n in expected.items():
        assert _store(db, f"MATCH ()-[r:{rel_type}]->() RETURN count(r)") == [[n]], rel_type
    outcome_links = _store(db, "MATCH (:Outcome)-[r:LINKS_TO]->(:Outcome) RETURN count(r)")
    assert outcome_links == [[len(kz.outcome_links)]]
    ok = kz.catalogue.is_target
    pairs = {(tl.id, a, b) for tl in kz.target_links for a, b in tl.pairs() if ok(a) and ok(b)}
    assert _store(db, "MATCH (:SdgTarget)-[r:LINKS_TO]->(:SdgTarget) RETURN count(r)") == [[len(pairs)]]


def test_second_push_gives_the_same_counts(pushed: tuple[Any, Any, Any], kz_pg: PropertyGraph) -> None:
    db, first, second = pushed
    assert first.rows == second.rows
    assert all(row["pushed"] == row["in_store"] for row in second.rows)
    assert _store(db, "MATCH (n) RETURN count(n)") == [[len(kz_pg.nodes)]]
    assert _store(db, "MATCH ()-[r]->() RETURN count(r)") == [[len(kz_pg.relationships)]]


def test_properties_arrive_typed(pushed: tuple[Any, Any, Any]) -> None:
    rows = _store(
        pushed[0],
        "MATCH (i:Indicator {id: '1.1-01a'}) RETURN i.baseline_value, i.baseline_year, i.framework, i.key",
    )
    assert rows == [[825000.0, 2019, FID, f"{FID}/indicator/1.1-01a"]]
    aliases = _store(pushed[0], "MATCH (p:Partner {id: 'ministry-of-healthcare'}) RETURN p.aliases")
    assert aliases == [[["Ministry of Health", "Ministry of Heathcare of Kazakhstan"]]]


def test_key_uniqueness_is_enforced(pushed: tuple[Any, Any, Any]) -> None:
    with pytest.raises(Exception, match="(?i)constraint|unique"):
        pushed[0].select_graph("cfgraph").query("CREATE (:Outcome {key: $k})", {"k": f"{FID}/outcome/1.1"})


def test_a_key_index_without_its_constraint_gets_the_constraint(db: Any) -> None:
    g = db.select_graph("half")
    g.query("CREATE INDEX FOR (n:Outcome) ON (n.key)")
    pg = property_graph(cfgraph.load(cfgraph.MINI))
    push_to_client(db, pg, graph="half")
    query = "CALL db.constraints() YIELD type, label, properties RETURN type, label, properties"
    constraints = _store(db, query, "half")
    assert sorted(constraints) == sorted(["UNIQUE", label, ["key"]] for label in pg.label_counts())


def test_a_push_removes_what_the_framework_no_longer_holds(db: Any) -> None:
    pg = property_graph(cfgraph.load(cfgraph.MINI))
    push_to_client(db, pg, graph="prune")
    gone = "examplestan-2026-2030/partner/ministry-of-water"
    smaller = PropertyGraph(
        tuple(n for n in pg.nodes if n.key != gone),
        tuple(r for r in pg.relationships if gone not in (r.source, r.target)),
    )
    assert _store(db, f"MATCH (p:Partner {{key: '{gone}'}}) RETURN count(p)", "prune") == [[1]]
    report = push_to_client(db, smaller, graph="prune")
    assert _store(db, f"MATCH (p:Partner {{key: '{gone}'}}) RETURN count(p)", "prune") == [[0]]
    assert all(row["pushed"] == row["in_store"] for row in report.rows)
    assert _store(db, "MATCH (n) RETURN count(n)", "prune") == [[len(smaller.nodes)]]


# -- the shipped Cypher questions, answered by the database and by the model ------------------


def _answer(db: Any, name: str) -> list[list[Any]]:
    return _store(db, get_cypher_query(name).text)


def test_every_cypher_query_has_a_header_and_runs(pushed: tuple[Any, Any, Any]) -> None:
    queries = list_cypher_queries()
    assert len(queries) >= 4
    for q in queries:
        assert q.title != q.name and q.answers, q.name
        # one framework lists no target another lists: the cross-country question has no answer here
        assert _answer(pushed[0], q.name) or q.name == "targets-across-frameworks", q.name


def test_shared_targets_query(pushed: tuple[Any, Any, Any], kz: cfgraph.Framework) -> None:
    expected = []
    for a, b in combinations(sorted(o.id for o in kz.outcomes), 2):
        shared = sorted(set(kz.target_codes(a)) & set(kz.target_codes(b)))
        if shared:
            expected.append([FID, a, b, len(shared), shared])
    assert _answer(pushed[0], "shared-targets") == expected
    assert len(expected) == 12


def _across(kz: cfgraph.Framework, members_of: Any) -> Counter[str]:
    return Counter(m for o in kz.outcomes for m in set(members_of(o.id)))


def test_agencies_across_outcomes_query(pushed: tuple[Any, Any, Any], kz: cfgraph.Framework) -> None:
    counts = _across(kz, kz.agencies_of)
    rows = _answer(pushed[0], "agencies-across-outcomes")
    assert {r[1]: r[3] for r in rows} == {a: n for a, n in counts.items() if n > 1}
    assert [r[3] for r in rows] == sorted((r[3] for r in rows), reverse=True)
    iom = next(r for r in rows if r[1] == "iom")
    assert iom[4] == [o.id for o in kz.outcomes if "iom" in kz.agencies_of(o.id)]


def test_partners_across_outcomes_query(pushed: tuple[Any, Any, Any], kz: cfgraph.Framework) -> None:
    counts = _across(kz, lambda o: kz.partners_of(o, include_indicators=True))
    rows = _answer(pushed[0], "partners-across-outcomes")
    assert {r[1]: r[4] for r in rows} == {p: n for p, n in counts.items() if n > 1}


def test_lnob_groups_across_outcomes_query(pushed: tuple[Any, Any, Any], kz: cfgraph.Framework) -> None:
    counts = _across(kz, kz.lnob_groups_of)
    rows = _answer(pushed[0], "lnob-groups-across-outcomes")
    assert {r[1]: r[3] for r in rows} == dict(counts)


def test_outcome_links_query(pushed: tuple[Any, Any, Any], kz: cfgraph.Framework) -> None:
    rows = _answer(pushed[0], "outcome-links")
    expected = []
    for link in sorted(kz.outcome_links, key=lambda ol: ol.id):
        shared = set(kz.target_codes(link.source)) & set(kz.target_codes(link.target))
        expected.append([FID, link.id, link.source, link.target, link.kind, len(shared)])
    assert rows == expected


# -- the cypher-shell script runs the same statements -----------------------------------------

_PARAM = re.compile(r"^:param rows => (?P<rows>.*)$")


def test_cypher_script_loads_the_same_graph(db: Any, kz: cfgraph.Framework, kz_pg: PropertyGraph) -> None:
    """Each ':param rows => …' line plus its statement runs as FalkorDB's 'CYPHER rows=… statement'
    (the constraint lines are Neo4j syntax and are left to the push)."""
    lines = export_cypher(kz).splitlines()
    graph = db.select_graph("script")
    statements = 0
    for i, line in enumerate(lines):
        m = _PARAM.match(line)
        if m:
            statement = lines[i + 1]
            assert statement.startswith("UNWIND $rows AS row") and statement.endswith(";")
            graph.query(f"CYPHER rows={m.group('rows')} {statement[:-1]}")
            statements += 1
    assert statements == sum(row["batches"] for row in push_plan(kz_pg, 200))
    nodes = _store(db, "MATCH (n) RETURN count(n)", "script")
    rels = _store(db, "MATCH ()-[r]->() RETURN count(r)", "script")
    partner = _store(db, "MATCH (p:Partner {id: 'ministry-of-healthcare'}) RETURN p.note", "script")
    assert nodes == [[len(kz_pg.nodes)]] and rels == [[len(kz_pg.relationships)]]
    assert partner == [[kz.partner("ministry-of-healthcare").note]]


# -- the command ------------------------------------------------------------------------------


def test_push_falkordb_command(runner: Any, tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    result = runner.invoke(cli, ["push", "falkordb", "--path", str(path), "--framework", str(cfgraph.MINI),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {"kind": "node", "name": "Outcome", "pushed": 2, "in_store": 2} in rows
    assert "pushed" in result.stderr and path.exists()


def test_push_falkordb_dry_run_sends_nothing(runner: Any, tmp_path: Path) -> None:
    path = tmp_path / "never.db"
    result = runner.invoke(cli, ["push", "falkordb", "--path", str(path), "--dry-run", "--framework",
                                 str(cfgraph.MINI), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["kind,name,rows,batches", "node,Framework,1,1"]
    assert "nothing sent" in result.stderr and not path.exists()


def test_push_falkordb_to_a_server_by_url(runner: Any, db: Any) -> None:
    """The embedded database is a FalkorDB server on a unix socket: push to it by URL."""
    url = f"unix://{db.client.socket_file}"
    args = ["--url", url, "--graph", "by-url", "--framework", MINI, "--format", "json"]
    result = runner.invoke(cli, ["push", "falkordb", *args])
    assert result.exit_code == 0, result.output
    assert f"FalkorDB {url} graph 'by-url'" in result.stderr
    pg = property_graph(cfgraph.load(cfgraph.MINI))
    assert _store(db, "MATCH (n) RETURN count(n)", "by-url") == [[len(pg.nodes)]]


def test_push_falkordb_usage_errors(runner: Any, tmp_path: Path) -> None:
    both = runner.invoke(cli, ["push", "falkordb", "--path", str(tmp_path / "x.db"), "--url", "redis://h:1"])
    assert both.exit_code == 2 and "either --path or --url" in both.output
    bad = runner.invoke(cli, ["push", "falkordb", "--url", "http://127.0.0.1:1", "--framework", str(MINI)])
    assert bad.exit_code == 1
    assert bad.output.strip().splitlines() == [
        "Error: FalkorDB URL 'http://127.0.0.1:1' must start with redis://, rediss://, falkor://, falkors://, unix://"
    ]


def test_unreachable_falkordb_server_is_one_line(free_port: int) -> None:
    pg = property_graph(cfgraph.load(cfgraph.MINI))
    with pytest.raises(StoreError, match=rf"^cannot reach FalkorDB at redis://\*\*\*@127.0.0.1:{free_port}"):
        push_falkordb(pg, url=f"redis://:s3cret@127.0.0.1:{free_port}")


@pytest.fixture
def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_reviews_in_the_database(db: Any) -> None:
    """Reviewers' scores are INFLUENCES relationships: the medians computed in Cypher are the library's."""
    from cfgraph.review.aggregate import consensus
    from tests.review.examples import reviewed_mini

    fw = reviewed_mini()
    push_to_client(db, property_graph(fw), graph="reviewed")
    rows = _store(
        db,
        "MATCH (a)-[r:INFLUENCES]->(b) WHERE r.score IS NOT NULL RETURN a.id, b.id, count(r), "
        "percentileDisc(r.score, 0.5), "
        "min(r.score), max(r.score) ORDER BY a.id, b.id",
        "reviewed",
    )
    expected = sorted((p.source, p.target, p.reviews, p.low, p.high) for p in consensus(fw))
    assert [(a, b, n, low, high) for a, b, n, _, low, high in rows] == expected
    # percentileDisc is the lower median: the library's median of 3, 2 and 1 scores agrees
    odd = {(p.source, p.target): p.median for p in consensus(fw) if p.reviews % 2}
    assert all(float(m) == odd[(a, b)] for a, b, _, m, _, _ in rows if (a, b) in odd)
