"""An outcome with no target list counts the SDG targets its indicators measure, in every layer.

The fixture is the second one (riverland) renamed "lakeland", with the target lists of outcomes 1
and 2 removed: outcome 1 keeps indicator 1.a (SDG 3.8.1), outcome 2's indicator 2.a gets a link to
SDG 2.3.1, and outcome 3 keeps its list and gets a link to SDG 1.5.1, a target it does not list.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest

import cfgraph
from cfgraph.analysis import portfolio as pf
from cfgraph.analysis.gaps import run_gaps
from cfgraph.io.writer import write_framework
from cfgraph.lpg import property_graph
from cfgraph.rdf.build import build_portfolio
from cfgraph.rdf.queries import run_query
from tests.conftest import RIVERLAND

LAKE_ID = "lakeland-2027-2031"
RIVER_ID = "riverland-2027-2031"


def lakeland(target: Path) -> Path:
    """Riverland renamed, outcomes 1 and 2 without target lists, two more SDG links."""
    shutil.copytree(RIVERLAND, target)
    info = target / "framework.csv"
    info.write_text(info.read_text(encoding="utf-8").replace(RIVER_ID, LAKE_ID), encoding="utf-8")
    lists = target / "target_lists.csv"
    with lists.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with lists.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([rows[0], *(r for r in rows[1:] if r[0] == "3")])
    with (target / "indicator_sdg_links.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(
            [["2.a", "1", "2.3.1", "2.3.1", "ok", "30", "", ""],
             ["3.1.a", "1", "1.5.1", "1.5.1", "ok", "37", "", ""]]  # fmt: skip
        )
    return target


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> cfgraph.Framework:
    return cfgraph.load(lakeland(tmp_path_factory.mktemp("lake") / "lakeland"))


@pytest.fixture(scope="module")
def pair(lake: cfgraph.Framework, riverland: cfgraph.Framework) -> list[cfgraph.Framework]:
    return [riverland, lake]


def test_an_outcome_without_lists_gets_the_targets_its_indicators_measure(lake: cfgraph.Framework) -> None:
    derived = [(t.outcome, t.code, t.raw, t.source_lines) for t in lake.outcome_targets if t.derived]
    # indicator 1.a is 3.8.1 by its own code and by its link: one target, cited by the link's row
    assert derived == [("1", "3.8", "3.8.1", "20"), ("2", "2.3", "2.3.1", "30")]
    assert [t.code for t in lake.targets_of("1", listed_in="indicators")] == ["3.8"]
    assert lake.target_codes("1") == ["3.8"]
    # outcome 3 has a list: nothing is derived for it, 1.5 stays unlisted
    assert lake.target_codes("3") == ["6.5", "6.6", "11.5", "13.1"]


def test_a_framework_with_lists_derives_nothing(riverland: cfgraph.Framework, kz: cfgraph.Framework) -> None:
    assert not [t for fw in (riverland, kz) for t in fw.outcome_targets if t.derived]


def test_derived_rows_are_not_written_and_come_back_on_loading(
    lake: cfgraph.Framework, tmp_path: Path
) -> None:
    write_framework(lake, tmp_path / "out")
    written = (tmp_path / "out" / "outcome_targets.csv").read_text(encoding="utf-8")
    assert "indicators" not in written and "3,results_matrix,global,1,6.5" in written
    shutil.copytree(RIVERLAND / "sources", tmp_path / "out" / "sources")
    again = cfgraph.load(tmp_path / "out")
    assert again.outcome_targets == lake.outcome_targets


def test_gaps_no_longer_warn_where_the_targets_are_derived(lake: cfgraph.Framework) -> None:
    found = [(f.subject, f.message) for f in run_gaps(lake) if f.check == "indicator-target-not-listed"]
    assert found == [("3", "indicator 3.1.a measures SDG 1.5.1 (target 1.5), which outcome 3 does not list")]


def test_every_graph_lists_the_derived_targets(lake: cfgraph.Framework) -> None:
    pg = property_graph(lake)
    lists = {
        (r.source, r.target, r.properties["listed_in"]) for r in pg.relationships if r.type == "LISTS_TARGET"
    }
    assert (f"{LAKE_ID}/outcome/2", "sdg/2.3", "indicators") in lists
    graph = cfgraph.build_graph(lake)
    rows = run_query(graph, "outcomes-for-target", {"target": "2.3"})
    assert [(r["outcome"], r["listed_in"]) for r in rows] == [("2", "indicators")]


def test_the_portfolio_counts_them(pair: list[cfgraph.Framework]) -> None:
    spread = {s.target: s.frameworks for s in pf.targets_across(pair)}
    assert spread == {"2.3": (LAKE_ID, RIVER_ID), "3.8": (LAKE_ID, RIVER_ID),
                      "6.5": (LAKE_ID, RIVER_ID), "6.6": (LAKE_ID, RIVER_ID),
                      "11.5": (LAKE_ID, RIVER_ID), "13.1": (LAKE_ID, RIVER_ID)}  # fmt: skip
    compared = {r.id: r for r in pf.compare_frameworks(pair, LAKE_ID, RIVER_ID) if r.kind == "sdg-target"}
    assert (compared["2.3"].framework_outcomes, compared["2.3"].other_outcomes) == (("2",), ("2",))
    undp = {f.framework: f.targets for f in pf.agency_footprint(pair, "undp")}
    assert "3.8" in undp[LAKE_ID]


def _text(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    def text(v: Any) -> str:
        return "; ".join(v) if isinstance(v, list | tuple) else "" if v is None else str(v)

    return [{k: text(v) for k, v in row.items()} for row in rows]


@pytest.mark.parametrize(
    ("name", "params", "answer"),
    [
        ("targets-across-frameworks", {}, lambda fws: pf.targets_across(fws)),
        ("agency-footprint", {}, lambda fws: pf.agency_footprint(fws)),
        ("compare-frameworks", {"framework": LAKE_ID, "other": RIVER_ID},
         lambda fws: pf.compare_frameworks(fws, LAKE_ID, RIVER_ID)),
    ],
)  # fmt: skip
def test_the_named_questions_give_the_library_rows(
    pair: list[cfgraph.Framework], name: str, params: dict[str, str], answer: Any
) -> None:
    local = _text(pf.portfolio_rows(answer(pair)))
    assert local == run_query(build_portfolio(pair), name, params)


def test_the_cypher_questions_give_the_library_rows(pair: list[cfgraph.Framework], tmp_path: Path) -> None:
    from cfgraph.namespaces import sort_key
    from cfgraph.stores.cypher_queries import get_cypher_query
    from cfgraph.stores.falkordb import open_falkordb, push_to_client

    with open_falkordb(tmp_path / "pair.db") as db:
        push_to_client(db, property_graph(pair), graph="portfolio")
        result = db.select_graph("portfolio").ro_query(get_cypher_query("targets-across-frameworks").text)
        rows = [dict(zip([c[1] for c in result.header], row, strict=True)) for row in result.result_set]
    asked = {r["target"]: sorted(r["frameworks"], key=sort_key) for r in rows}
    assert asked == {s.target: list(s.frameworks) for s in pf.targets_across(pair)}
