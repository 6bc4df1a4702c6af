"""Cross-country questions: the library functions give the rows of the named SPARQL questions.

Both are asked of the shipped framework, its renamed and edited copy (same outcome ids) and the
mini framework; the SPARQL side runs in rdflib on the graph of all three, so every answer is
checked twice, by two engines of different kinds, on frameworks that share outcome ids.
"""

from __future__ import annotations

from typing import Any

import pytest

import cfgraph
from cfgraph.analysis import portfolio as pf
from cfgraph.errors import UnknownIdError
from cfgraph.rdf.build import build_portfolio
from cfgraph.rdf.queries import run_query
from tests.conftest import COPY_ID

KZ = "kazakhstan-2021-2025"
MINI_ID = "examplestan-2026-2030"
RIVER_ID = "riverland-2027-2031"


@pytest.fixture(scope="module")
def graph(portfolio: list[cfgraph.Framework]) -> Any:
    return build_portfolio(portfolio)


def _text(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Library rows as SPARQL gives them: text, lists joined with '; ', nothing for None."""

    def text(v: Any) -> str:
        if isinstance(v, list | tuple):
            return "; ".join(v)
        return "" if v is None else str(v)

    return [{k: text(v) for k, v in row.items()} for row in rows]


def _by_framework(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(rows, key=lambda r: r["framework"])  # stable: each framework's order kept


CASES = [
    ("targets-across-frameworks", {}, lambda fws: pf.targets_across(fws)),
    ("targets-across-frameworks", {"min_frameworks": "3"}, lambda fws: pf.targets_across(fws, 3)),
    ("targets-across-frameworks", {"framework": MINI_ID},
     lambda fws: pf.targets_across(fws, framework=MINI_ID)),
    ("agency-footprint", {}, lambda fws: pf.agency_footprint(fws)),
    ("agency-footprint", {"agency": "undp"}, lambda fws: pf.agency_footprint(fws, "undp")),
    ("agency-footprint", {"agency": "unicef", "framework": COPY_ID},
     lambda fws: pf.agency_footprint(fws, "unicef", COPY_ID)),
    ("partner-type-coverage", {"type": "ngo-cso"}, lambda fws: pf.partner_coverage(fws, "ngo-cso")),
    ("partner-type-coverage", {"type": "ngo-cso", "group": "peace"},
     lambda fws: pf.partner_coverage(fws, "ngo-cso", "peace")),
    ("partner-type-coverage", {"type": "ministry", "group": "Institutions"},
     lambda fws: pf.partner_coverage(fws, "ministry", "Institutions")),
    ("agencies-not-in-outcome-lists", {}, lambda fws: pf.matrix_only_agencies(fws)),
    ("compare-frameworks", {"framework": KZ, "other": COPY_ID},
     lambda fws: pf.compare_frameworks(fws, KZ, COPY_ID)),
    ("compare-frameworks", {"framework": MINI_ID, "other": KZ},
     lambda fws: pf.compare_frameworks(fws, MINI_ID, KZ)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "params", "answer"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_the_library_gives_the_rows_of_the_named_question(
    portfolio: list[cfgraph.Framework], graph: Any, name: str, params: dict[str, str], answer: Any
) -> None:
    local = _text(pf.portfolio_rows(answer(portfolio)))
    remote = run_query(graph, name, params)
    assert local, (name, params)
    if "framework" in remote[0] and name != "agency-footprint":
        local, remote = _by_framework(local), _by_framework(remote)
    assert local == remote


def test_shared_targets_and_the_copy(portfolio: list[cfgraph.Framework]) -> None:
    spread = {s.target: s for s in pf.targets_across(portfolio)}
    kz_targets = {t.code for t in portfolio[1].outcome_targets if t.valid}
    assert {t for t, s in spread.items() if s.frameworks_count >= 2} == kz_targets  # the copy lists them all
    assert spread["4.4"].frameworks == (MINI_ID, KZ, COPY_ID)


def test_undp_footprint_counts_the_copy_apart(portfolio: list[cfgraph.Framework]) -> None:
    rows = {f.framework: f for f in pf.agency_footprint(portfolio, "undp")}
    assert list(rows) == [MINI_ID, KZ, COPY_ID, RIVER_ID]
    assert rows[KZ].outcomes == rows[COPY_ID].outcomes  # the copy still has UNDP on 1.1 (results matrix)
    assert rows[MINI_ID].outcomes == ("2.1",)


def test_civil_society_coverage_finds_the_gap_the_copy_made(portfolio: list[cfgraph.Framework]) -> None:
    rows = {(r.framework, r.outcome): r for r in pf.partner_coverage(portfolio, "ngo-cso", "peace")}
    assert sorted(rows) == [(KZ, "2.1"), (KZ, "2.2"), (COPY_ID, "2.1"), (COPY_ID, "2.2")]
    assert rows[(KZ, "2.1")].partners_count == 3
    # the copy names no partner for outcome 2.1: no civil society on that peace outcome
    assert (rows[(COPY_ID, "2.1")].partners_count, rows[(COPY_ID, "2.1")].partners) == (0, ())


def test_compare_shows_what_the_copy_lost(portfolio: list[cfgraph.Framework]) -> None:
    rows = {(r.kind, r.id): r for r in pf.compare_frameworks(portfolio, KZ, COPY_ID)}
    assert all(r.framework_outcomes == r.other_outcomes for r in rows.values())  # UNDP stays via the matrix
    mini = {(r.kind, r.id): r for r in pf.compare_frameworks(portfolio, MINI_ID, KZ)}
    assert mini[("un-entity", "ilo")].other_outcomes == ()  # ILO: only in the mini framework
    assert mini[("sdg-target", "4.4")].framework_outcomes == ("2.1",)


def test_an_unknown_framework_gets_the_closest(portfolio: list[cfgraph.Framework]) -> None:
    with pytest.raises(UnknownIdError, match="unknown framework 'kazakhstan'; did you mean"):
        pf.compare_frameworks(portfolio, "kazakhstan", KZ)


def test_framework_rows_one_per_framework(portfolio: list[cfgraph.Framework]) -> None:
    rows = pf.framework_rows(portfolio)
    assert [r["framework"] for r in rows] == [MINI_ID, KZ, COPY_ID, RIVER_ID]
    assert [r["un_entities"] for r in rows] == [4, 22, 22, 6]
    assert rows[1]["outcomes"] == rows[2]["outcomes"] == 6
