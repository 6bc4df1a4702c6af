"""Every named question on the Kazakhstan framework, checked against the source document.

Each test reads the lines of ``data/kazakhstan-2021-2025/source/*.txt`` itself and compares the
query's answer with what those lines say, for at least two parameter values (or two subjects for
questions without parameters).
"""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

import cfgraph
from cfgraph.rdf.build import build_graph
from cfgraph.rdf.queries import run_query
from cfgraph.resources import default_framework_dir
from cfgraph.sdg import parse_target_list

SOURCE = (
    sorted((default_framework_dir() / "source").glob("*.txt"))[0].read_text(encoding="utf-8").splitlines()
)
#: Section 2.4 lines that list each outcome's contributing agencies and LNOB groups.
AGENCY_LINES = {"1.1": 234, "1.2": 270, "2.1": 307, "2.2": 332, "3.1": 361, "3.2": 406}
LNOB_LINES = {"1.1": 233, "1.2": 269, "2.1": 306, "2.2": 331, "3.1": 360, "3.2": 405}
ANNEX_1 = (578, 1902)  # the results matrix


def line(n: int) -> str:
    return SOURCE[n - 1]


def lines(cell: str) -> str:
    """The text of the source lines a provenance cell names ('230;590-591')."""
    out = []
    for part in cell.split(";"):
        first, _, last = part.partition("-")
        out.extend(SOURCE[int(first) - 1 : int(last or first)])
    return " ".join(out)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def listed_codes(n: int) -> list[str]:
    """The SDG target codes of a target-list line, read from the document."""
    text = line(n)
    for marker in ("Global SDG targets:", "Crosscutting:"):
        if marker in text:
            text = text.split(marker, 1)[1]
    return [t.code for t in parse_target_list(text)]


def agency_tokens(kz: cfgraph.Framework, outcome: str) -> set[str]:
    """Agency ids named on the 'Contributing UN Agencies:' line of an outcome."""
    names = {n: a.id for a in kz.agencies for n in (a.label, *a.aliases)}
    tokens = [t.strip() for t in line(AGENCY_LINES[outcome]).split(":", 1)[1].split(",")]
    return {names[t] for t in tokens if t}


@pytest.fixture(scope="module")
def graph(kz: cfgraph.Framework) -> Graph:
    return build_graph(kz)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("3.8", [("1.1", "narrative", "230"), ("1.1", "results_matrix", "590")]),
        ("16.1", [("2.1", "narrative", "303"), ("2.1", "results_matrix", "903")]),
        (
            "1.5",
            [
                ("2.2", "narrative", "328"),
                ("2.2", "results_matrix", "1150"),
                ("3.1", "narrative", "358"),
                ("3.1", "results_matrix", "1392"),
                ("3.2", "narrative", "403"),
                ("3.2", "results_matrix", "1639"),
            ],
        ),
    ],
)
def test_outcomes_for_target(graph: Graph, target: str, expected: list[tuple[str, str, str]]) -> None:
    rows = run_query(graph, "outcomes-for-target", {"target": target})
    assert [(r["outcome"], r["listed_in"], r["lines"]) for r in rows] == expected
    for r in rows:
        assert target in listed_codes(int(r["lines"])), r


def test_outcomes_for_a_code_the_document_gets_wrong(graph: Graph) -> None:
    rows = run_query(graph, "outcomes-for-target", {"target": "3.2.a"})
    assert [(r["outcome"], r["code_status"], r["lines"]) for r in rows] == [
        ("3.1", "invalid-in-source", "357"),
        ("3.1", "invalid-in-source", "1391"),
    ]
    assert "3.2.a" in line(357) and "3.2.a" in line(1391)


@pytest.mark.parametrize(
    ("target", "outcomes"), [("3.8", {"1.1"}), ("16.1", {"2.1"}), ("10.3", {"1.2", "2.1", "2.2"})]
)
def test_agencies_for_target(graph: Graph, kz: cfgraph.Framework, target: str, outcomes: set[str]) -> None:
    rows = run_query(graph, "agencies-for-target", {"target": target})
    named = {a for o in outcomes for a in agency_tokens(kz, o)}
    # the narrative lines name every agency the answer gives (the matrix adds none for these targets)
    assert {r["agency"] for r in rows} == named
    for r in rows:
        assert set(r["outcomes"].split("; ")) <= outcomes


@pytest.mark.parametrize(
    ("outcome", "named_in_paragraph"),
    [
        (
            "1.1",
            [
                "Ministry of Education and Science",
                "Ministry of Health",
                "Republican Scientific and Practical Centre of Mental Health",
            ],
        ),
        ("3.2", ["Academic and Research Institutions"]),
    ],
)
def test_partners_for_outcome(
    graph: Graph, kz: cfgraph.Framework, outcome: str, named_in_paragraph: list[str]
) -> None:
    rows = {r["partner"]: r for r in run_query(graph, "partners-for-outcome", {"outcome": outcome})}
    for text in named_in_paragraph:
        partner = next(p for p in kz.partners if text in (p.name, *p.aliases))
        assert "outcome" in rows[partner.id]["named_for"].split("; ")
    # every partner the answer gives is written in the document where the data says
    for op in kz.outcome_partners:
        if op.outcome == outcome:
            assert squash(op.raw) in squash(lines(op.source_lines)), op
            assert "outcome" in rows[op.partner]["named_for"]
    for ip in kz.indicator_partners:
        if kz.indicator(ip.indicator).outcome == outcome:
            assert f"indicator {ip.indicator}" in rows[ip.partner]["named_for"]
            assert squash(ip.raw)[:40] in squash(lines(ip.source_lines)), ip


@pytest.mark.parametrize("outcome", ["1.1", "2.1"])
def test_indicators_for_outcome(graph: Graph, kz: cfgraph.Framework, outcome: str) -> None:
    rows = run_query(graph, "indicators-for-outcome", {"outcome": outcome})
    assert [r["indicator"] for r in rows] == [i.id for i in kz.indicators_of(outcome)]
    for r in rows:
        text = squash(lines(kz.indicator(r["indicator"]).source_lines))
        for column in ("baseline", "target"):
            if r[column]:
                assert squash(r[column]) in text, (r["indicator"], column)
        assert squash(r["name"])[:40] in text


def test_indicator_numbers_as_the_matrix_writes_them(graph: Graph) -> None:
    rows = {r["indicator"]: r for r in run_query(graph, "indicators-for-outcome", {"outcome": "1.1"})}
    assert (
        rows["1.1-02"]["code"],
        rows["1.1-02"]["baseline_value"],
        rows["1.1-02"]["baseline_year"],
        rows["1.1-02"]["target_value"],
        rows["1.1-02"]["target_year"],
    ) == ("1.b.1", "21.7", "2019", "25", "2025")
    assert "21,7% (2019)" in lines("635-648") and "25% (2025)" in lines("635-648")
    rows = {r["indicator"]: r for r in run_query(graph, "indicators-for-outcome", {"outcome": "2.1"})}
    assert (rows["2.1-02a"]["parent"], rows["2.1-02a"]["baseline_value"], rows["2.1-02a"]["target"]) == (
        "2.1-02",
        "27.6",
        "50% by 2030",
    )


def test_shared_targets(graph: Graph, kz: cfgraph.Framework) -> None:
    rows = run_query(graph, "shared-targets")
    pairs = {(r["outcome_a"], r["outcome_b"]): r["targets"].split("; ") for r in rows}
    assert pairs[("2.2", "3.2")] == ["1.5", "11.5", "11.a", "11.b", "13.1", "13.2"]
    assert pairs[("1.1", "1.2")] == ["3.3", "3.7", "5.6", "17.17"]
    assert ("1.1", "3.2") not in pairs
    list_lines = {
        o.id: [int(tl.source_lines) for tl in kz.target_lists if tl.outcome == o.id] for o in kz.outcomes
    }
    for (a, b), targets in pairs.items():
        for code in targets:
            assert any(code in listed_codes(n) for n in list_lines[a]), (a, code)
            assert any(code in listed_codes(n) for n in list_lines[b]), (b, code)
        assert int(next(r["shared"] for r in rows if (r["outcome_a"], r["outcome_b"]) == (a, b))) == len(
            targets
        )


@pytest.mark.parametrize(
    ("group", "word"), [("migrants", "migrants"), ("people-with-disabilities", "disabilities")]
)
def test_lnob_coverage(graph: Graph, kz: cfgraph.Framework, group: str, word: str) -> None:
    row = next(r for r in run_query(graph, "lnob-coverage") if r["group"] == group)
    outcomes = row["outcomes"].split("; ")
    assert int(row["outcome_count"]) == len(outcomes)
    # at least every outcome whose section 2.4 LNOB line names the group
    assert {o for o, n in LNOB_LINES.items() if word in line(n)} <= set(outcomes)
    for entry in kz.outcome_lnob_groups:
        if entry.group == group:
            assert entry.outcome in outcomes
            assert squash(entry.raw) in squash(lines(entry.source_lines))


def test_lnob_coverage_of_migrants_exactly(graph: Graph) -> None:
    row = next(r for r in run_query(graph, "lnob-coverage") if r["group"] == "migrants")
    assert row["outcomes"] == "1.1; 2.1; 2.2; 3.1; 3.2"  # lines 233, 306, 331, 360, 405; not 1.2 (line 269)
    assert "migrant" not in line(269)


@pytest.mark.parametrize("agency", ["unicef", "fao", "undp"])
def test_agency_outcome_matrix(graph: Graph, kz: cfgraph.Framework, agency: str) -> None:
    rows = [r for r in run_query(graph, "agency-outcome-matrix") if r["agency"] == agency]
    narrative = {r["outcome"] for r in rows if "narrative" in r["listed_in"].split("; ")}
    assert narrative == {o for o in AGENCY_LINES if agency in agency_tokens(kz, o)}
    for r in rows:
        responsible = [
            i
            for i in kz.indicators
            if i.outcome == r["outcome"] and agency in kz.responsible_agencies(i.id, inherit=False)
        ]
        assert int(r["indicators"]) == len(responsible)


def test_agency_outcome_matrix_fao(graph: Graph) -> None:
    rows = {r["outcome"] for r in run_query(graph, "agency-outcome-matrix") if r["agency"] == "fao"}
    assert rows == {"2.2", "3.1", "3.2"}  # FAO is on lines 332, 361 and 406 only


@pytest.mark.parametrize(
    ("outcome", "depends_on"),
    [("1.1", {"1.2", "2.1", "2.2"}), ("3.2", {"1.2", "2.1", "2.2"}), ("3.1", {"1.2", "2.1", "2.2", "3.2"})],
)
def test_outcome_dependencies(
    graph: Graph, kz: cfgraph.Framework, outcome: str, depends_on: set[str]
) -> None:
    rows = run_query(graph, "outcome-dependencies", {"outcome": outcome})
    assert {r["depends_on"] for r in rows} == depends_on
    for r in rows:
        link = next(li for li in kz.outcome_links if li.id == r["link"])
        assert (r["kind"], r["quote"], r["lines"]) == (link.kind, link.quote, link.source_lines)
        text = squash(lines(r["lines"]))
        for fragment in r["quote"].split("…"):
            assert squash(fragment) in text, (r["link"], fragment)


def test_outcome_dependency_quote_from_the_document(graph: Graph) -> None:
    rows = run_query(graph, "outcome-dependencies", {"outcome": "1.1"})
    ol05 = next(r for r in rows if r["link"] == "OL05")
    assert (ol05["dependent"], ol05["depends_on"], ol05["kind"]) == ("1.1", "1.2", "contributes-to")
    assert "contribute to health targets under the Outcome 1.1" in line(275)


def test_targets_without_indicators(graph: Graph) -> None:
    rows = run_query(graph, "targets-without-indicators")
    missing = [r["target"] for r in rows]
    annex = "\n".join(SOURCE[ANNEX_1[0] - 1 : ANNEX_1[1]])
    for code in ("3.8", "10.2"):  # two answers: no indicator of the matrix is numbered under them
        assert code in missing
        assert not re.search(rf"(?<![0-9.]){re.escape(code)}\.[0-9]", annex), code
    # and two targets with an indicator, which the answer leaves out
    for code, indicator in (("1.3", "1.3.1"), ("5.2", "5.2.1")):
        assert code not in missing
        assert indicator in annex


@pytest.mark.parametrize("kind", ["invalid-code", "claim-not-borne-out"])
def test_inconsistencies(graph: Graph, kind: str) -> None:
    rows = run_query(graph, "inconsistencies", {"kind": kind})
    assert rows and {r["kind"] for r in rows} == {kind}
    if kind == "invalid-code":
        assert [r["id"] for r in rows] == [
            "invalid-code:1.2-01:4.7",
            "invalid-code:3.1:narrative:3.2.a",
            "invalid-code:3.1:results_matrix:18.7",
            "invalid-code:3.1:results_matrix:3.2.a",
        ]
        for r in rows:
            code = r["subjects"].split("; ")[-1] if "18.7" not in r["subjects"] else "18.7"
            assert code in lines(r["lines"]), r
    else:
        assert [r["id"] for r in rows] == ["IC01", "IC02", "IC03"]
        assert "SDG 5 targets into all Outcomes" in line(218)
        assert "SDG 17" in lines(next(r["lines"] for r in rows if r["id"] == "IC02"))
