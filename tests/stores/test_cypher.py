"""The shared Cypher and the property-graph mapping: allow-lists, literals, batches, portfolios."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cfgraph
from cfgraph.errors import CfgraphError
from cfgraph.lpg import NODE_LABELS, REL_TYPES, property_graph
from cfgraph.stores.cypher import (
    DIALECTS,
    cypher_literal,
    node_statement,
    push_plan,
    relationship_statement,
    write_batches,
)
from cfgraph.stores.falkordb import open_falkordb
from tests.conftest import framework_copy


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with open_falkordb(tmp_path_factory.mktemp("literals") / "graph.db") as db:
        g = db.select_graph("literals")
        g.query("CREATE (:Outcome {key: 'x'})")  # a read-only query needs the graph to exist
        yield g


@pytest.mark.parametrize("label", ["Outcome) DETACH DELETE (n", "outcome", "Person", ""])
def test_labels_off_the_allow_list_are_refused(label: str) -> None:
    with pytest.raises(CfgraphError, match="not on the allow-list"):
        node_statement(label)
    with pytest.raises(CfgraphError, match="not on the allow-list"):
        DIALECTS["neo4j"].key_constraint(label)
    with pytest.raises(CfgraphError, match="not on the allow-list"):
        relationship_statement("LISTS_TARGET", label, "SdgTarget")


def test_types_off_the_allow_list_are_refused() -> None:
    with pytest.raises(CfgraphError, match="relationship type 'KNOWS]->\\(x\\) DELETE x//' is not"):
        relationship_statement("KNOWS]->(x) DELETE x//", "Outcome", "Outcome")


def test_the_dialects_differ_only_in_how_a_key_is_made_unique() -> None:
    assert set(DIALECTS) == {"neo4j", "falkordb"}
    assert DIALECTS["neo4j"].key_constraint("Partner") == (
        "CREATE CONSTRAINT cfgraph_partner_key IF NOT EXISTS FOR (n:Partner) REQUIRE n.key IS UNIQUE"
    )
    assert DIALECTS["falkordb"].key_constraint("Partner") == "CREATE INDEX FOR (n:Partner) ON (n.key)"
    assert DIALECTS["neo4j"].key_command is None
    assert DIALECTS["falkordb"].key_command is not None
    assert DIALECTS["falkordb"].key_command("g", "Partner") == [
        "GRAPH.CONSTRAINT", "CREATE", "g", "UNIQUE", "NODE", "Partner", "PROPERTIES", "1", "key"
    ]


def test_every_label_and_type_of_the_kazakhstan_graph_is_allowed(
    kz: cfgraph.Framework, riverland: cfgraph.Framework
) -> None:
    """The shipped data holds no reviewers' scores: one of each level makes the INFLUENCES type;
    it has no outputs nor a list of sources, which the second fixture has."""
    import dataclasses

    from tests.review.examples import review

    scored = (review("outcome", "2.1", "1.1", "Ann", 2), review("target", "3.8", "1.3", "Ann", 1))
    pg = property_graph(dataclasses.replace(kz, reviews=scored))
    other = property_graph(riverland)
    assert set(pg.label_counts()) | set(other.label_counts()) == set(NODE_LABELS)
    assert set(pg.type_counts()) | set(other.type_counts()) == set(REL_TYPES)
    assert set(property_graph(kz).type_counts()) == set(REL_TYPES) - {"INFLUENCES", "HAS_OUTPUT"}


@pytest.mark.parametrize("size", [1, 7, 1000])
def test_batches_cover_every_row_once(kz: cfgraph.Framework, size: int) -> None:
    pg = property_graph(kz)
    batches = write_batches(pg, size)
    assert all(0 < len(b.rows) <= size for b in batches)
    keys = [row["key"] for b in batches for row in b.rows]
    assert len(keys) == len(set(keys)) == len(pg.nodes) + len(pg.relationships)
    first_rel = next(i for i, b in enumerate(batches) if b.kind == "relationship")
    assert all(b.kind == "node" for b in batches[:first_rel])  # nodes exist before they are linked
    assert sum(r["rows"] for r in push_plan(pg, size)) == len(keys)
    with pytest.raises(ValueError, match="batch_size"):
        write_batches(pg, 0)


#: Any text, with the characters that need escaping made likely. (Other control characters are
#: written as \uXXXX, which Neo4j reads but FalkorDB keeps as written, so they are left out here.)
_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), st.sampled_from("\n\r\t'\"\\`/$")
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(value=_TEXT, key=st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True))
def test_literals_read_back_unchanged(graph: Any, value: str, key: str) -> None:
    """Whatever the text, the script's literal is read by a real Cypher parser as that text."""
    literal = cypher_literal({key: [value, 1, 2.5, True]})
    result = graph.ro_query(f"RETURN {literal} AS v").result_set
    assert result == [[{key: [value, 1, 2.5, True]}]]


def test_map_keys_must_be_identifiers() -> None:
    with pytest.raises(ValueError, match="map key 'a` b' is not a plain identifier"):
        cypher_literal({"a` b": 1})


def test_a_portfolio_shares_sdg_and_registry_nodes(kz: cfgraph.Framework, mini: cfgraph.Framework) -> None:
    kz_pg, mini_pg, both = property_graph(kz), property_graph(mini), property_graph([kz, mini])
    shared = {n.key for n in kz_pg.nodes} & {n.key for n in mini_pg.nodes}
    assert shared and all(key.startswith(("sdg/", "un/")) for key in shared)
    assert {k for k in shared if k.startswith("un/")} == {"un/undp", "un/unicef", "un/who"}  # ILO: mini only
    assert len(both.nodes) == len(kz_pg.nodes) + len(mini_pg.nodes) - len(shared)
    sdg_rels = {r.key for r in kz_pg.relationships} & {r.key for r in mini_pg.relationships}
    assert sdg_rels and all(key.startswith("sdg/") for key in sdg_rels)
    assert len(both.relationships) == len(kz_pg.relationships) + len(mini_pg.relationships) - len(sdg_rels)
    assert both.frameworks == ["kazakhstan-2021-2025", "examplestan-2026-2030"]


def test_two_frameworks_with_one_id_are_refused(tmp_path: Path, mini: cfgraph.Framework) -> None:
    folder = framework_copy(tmp_path)
    path = folder / "agencies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0]["label"], rows[0]["aliases"] = rows[0]["label"] + " (renamed)", rows[0]["label"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(CfgraphError, match="two different nodes have the key 'examplestan-2026-2030/agency/"):
        property_graph([mini, cfgraph.load(folder)])
