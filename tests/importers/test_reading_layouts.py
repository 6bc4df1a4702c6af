"""The generic readings the importer makes, each shown on a document of its own layout written
here: results-matrix cells (values over lines, parts of an indicator, remarks, footnotes, link
and code forms, yes/no, milestones, values not known yet, agencies with remarks), the links a
text states between outcomes, its LNOB lists and partners, and where an outcome's text ends."""

from __future__ import annotations

from pathlib import Path

import pytest

import cfgraph
from cfgraph.importers import country_of, import_document
from cfgraph.importers.values import Value, read_value

HEADING = ["Results", "Indicators", "Source and responsible UN entity", "Partners"]
CELLS = [
    (
        "4.1.1 (G) Share of pupils reading (link to\n4.1.2 (G))\n\nBaseline 45% (2024)\n"
        "Target: 50% by 2027, 70% by 2030, 80% by 2033",
        "Learning assessment\n\nUNICEF",
    ),
    (
        "Seats held by women in (a) parliament and (b) local councils\n\nBaseline:\n(a)27.6 (2024)\n"
        "Target: 50% by 2030\nBaseline:\n(b) 22.2 (2024)\nTarget: 50% by 2030",
        "Electoral Commission\nUN Women",
    ),
    (
        "Concentration of fine particles\nBaseline: Urban = 0.2 (average 2024)\nTarget: < 0.2 (2030)\n"
        "Baseline: Rural = 0.02 (average 2024)\nTarget: < 0.02 (2030)",
        "Environment Agency\nUNEP",
    ),
    (
        "Women subjected to violence (16.1.3 (G))\n\nBaseline : \nPhysical = 5.3%\nSexual = 1.2%\n(2023)\n"
        "Target: decreased violence by 2030",
        "Survey\nUN Women",
    ),
    (
        "Hours of unpaid care work a day (link to G 5.4.1)\nBaseline (2022): Men: 1 hour; Women: 4 hours\n"
        "Target: less difference (2030)",
        "Time-use survey\nUN Women",
    ),
    (
        "Law on equal pay adopted\nBaseline: No (2025)\nTarget: Yes[footnoteRef:7] (2030) [7: Yes means "
        "adopted by\nparliament and in force.]",
        "Parliament\nUNDP",
    ),
    (
        "4.3.1.(NA) Youth in training\nBaseline: 7,593,548.34 (2019-2020)\nTarget: TBD (2026)\n\n"
        "Additional: Youth trained as mentors\nBaseline: 0 (2025)\nTarget: 40 (2030)\n"
        "At least five regions take part: 1. North 2. South",
        "Statistics Office\n\nUN entities supporting disaggregation:\nUN-Habitat (urban/rural)\n"
        "FAO (food loss)",
    ),
    (
        "2.4.1 (N) b) Area of irrigated land\n\nPolicy areas covered:\n1. Water saving;\n"
        "2. Drip irrigation.\n\n"
        "Baseline: 183 400 ha (2024)\nTarget: 230,000 ha (2030)",
        "OECD\nStatistics Office\n\nFAO",
    ),
]


def _matrix_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("Testland Cooperation Framework 2026-2030")
    d.add_paragraph("Outcome 1. By 2030, every child in Testland learns and every woman is safe.")
    d.add_paragraph("Appendix A: Results matrix")
    table = d.add_table(rows=2 + len(CELLS), cols=len(HEADING))
    for j, text in enumerate(HEADING):
        table.cell(0, j).text = text
    table.cell(1, 0).text = "Outcome 1. By 2030, every child in Testland learns and every woman is safe."
    for i, (indicator, source) in enumerate(CELLS, 2):
        table.cell(i, 1).text = indicator
        table.cell(i, 2).text = source
    d.save(str(path))
    return path


def test_results_matrix_cells(tmp_path: Path) -> None:
    out = tmp_path / "fw"
    import_document(_matrix_docx(tmp_path / "cf.docx"), out, country="Testland", iso3="TST")
    fw = cfgraph.load(out)
    shown = [
        (i.id, i.parent, i.code, i.code_tag, i.name, i.baseline_value, i.baseline_year, i.target_value,
         i.target_year)
        for i in fw.indicators
    ]  # fmt: skip
    assert shown == [
        ("1-01", None, "4.1.1", "G", "Share of pupils reading", 45.0, 2024, 70.0, 2030),  # milestones
        ("1-02", None, None, None, "Seats held by women in (a) parliament and (b) local councils",
         None, None, None, None),
        ("1-02a", "1-02", None, None, "parliament", 27.6, 2024, 50.0, 2030),
        ("1-02b", "1-02", None, None, "local councils", 22.2, 2024, 50.0, 2030),
        ("1-03", None, None, None, "Concentration of fine particles", None, None, None, None),
        ("1-03a", "1-03", None, None, "Urban", 0.2, 2024, 0.2, 2030),
        ("1-03b", "1-03", None, None, "Rural", 0.02, 2024, 0.02, 2030),
        ("1-04", None, "16.1.3", "G", "Women subjected to violence", None, 2023, None, 2030),  # per part
        ("1-05", None, None, None, "Hours of unpaid care work a day", None, 2022, None, 2030),
        ("1-06", None, None, None, "Law on equal pay adopted", 0.0, 2025, 1.0, 2030),  # yes/no, a footnote
        ("1-07", None, "4.3.1", None, "Youth in training", 7593548.34, 2020, None, None),  # (NA), TBD
        ("1-07a", "1-07", None, None, "Youth trained as mentors", 0.0, 2025, 40.0, 2030),
        ("1-08", None, "2.4.1", "N", "Area of irrigated land", 183400.0, 2024, 230000.0, 2030),
    ]  # fmt: skip
    by_id = {i.id: i for i in fw.indicators}
    assert by_id["1-07a"].note == "At least five regions take part: 1. North 2. South"
    assert by_id["1-08"].note == "Policy areas covered: 1. Water saving; 2. Drip irrigation."
    assert by_id["1-06"].target_raw == "Yes (2030)"
    links = [(s.indicator, s.sdg_indicator) for s in fw.indicator_sdg_links]
    assert links == [("1-01", "4.1.2"), ("1-05", "5.4.1")]
    agencies = [(a.indicator, a.agency, a.raw) for a in fw.indicator_agencies]
    assert ("1-07", "un-habitat", "UN-Habitat") in agencies and ("1-07", "fao", "FAO") in agencies
    assert ("1-08", "fao", "FAO") in agencies and not any(a == "oecd" for _, a, _ in agencies)
    assert by_id["1-08"].data_source == "OECD; Statistics Office"


TEXT = """Testland Cooperation Framework 2026-2030
Strategic priority 1: People
With two mutually reinforcing outcomes under this thematic area, we focus on people.
Outcome 1. By 2030, every child in Testland learns to read and count by the age of ten.
SDG targets: 4.1, 4.2
LNOB: girls, boys, adolescents living in rural and remote areas; rural youth and women; victims of violence including children; people with disabilities; children with disabilities
Partnerships:
We will work with the Ministry of Ecology, Geology and Natural Resources, the Ministry of Digital Affairs, Innovation and Space Industry, NGO “Green Steppe” and the Partnership for Action on Green Economy (PAGE).
Outcome 2. By 2030, every family in Testland is protected from floods and storms.
LNOB: rural women; rural population
Progress under this Outcome will have direct effect on schools under Outcome 1 (SDG 4.a), and will accelerate progress under Outcome 3. Concurrently, better data under Outcome 3 should have positive impact on early warning.
Strategic priority 2: Prosperity
Outcome 3. By 2030, every household in Testland earns a decent and stable income.
Similar to Outcome 1, achievement of targets here is expected to accelerate achievement of targets under other outcomes; and better data should produce a spillover effect in all outcomes.
3. Implementation of the Cooperation Framework
All outcomes depend on strong national ownership; we will work with the Ministry of Finance.
"""  # noqa: E501


def test_links_lists_partners_and_where_a_part_ends(tmp_path: Path) -> None:
    source = tmp_path / "cf.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "fw"
    import_document(source, out, country="Testland", iso3="TST")
    fw = cfgraph.load(out)
    links = [(x.source, x.target, x.kind, x.stated_as) for x in fw.outcome_links]
    assert links == [
        ("1", "2", "mutually-reinforcing", "named"),  # the thematic area's text
        ("2", "1", "affects", "named"),  # the nearest cue before each outcome named
        ("2", "3", "accelerates", "named"),
        ("3", "2", "affects", "named"),  # Outcome 3 written before the cue is the source
        ("3", "1", "accelerates", "all-others"),  # "Similar to Outcome 1": 3 and 1 both
        ("3", "2", "accelerates", "all-others"),
        ("1", "2", "accelerates", "all-others"),
        ("1", "3", "accelerates", "all-others"),
        ("3", "1", "affects", "all-others"),  # the clause after the semicolon
        ("3", "2", "affects", "all-others"),
    ]  # the numbered section after outcome 3 states nothing for it
    groups = {g.id: (g.name, g.aliases, g.broader) for g in fw.lnob_groups}
    assert groups["girls-living-in-rural-and-remote-areas"][0] == "girls living in rural and remote areas"
    assert groups["rural-youth"] == ("rural youth", (), "rural-population")
    assert groups["rural-women"] == ("rural women", (), "rural-population")
    assert groups["victims-of-violence"] == ("victims of violence", (), None)
    assert groups["children-with-disabilities"][2] == "people-with-disabilities"
    shared = "girls, boys, adolescents living in rural and remote areas"
    assert [(g.group, g.raw) for g in fw.outcome_lnob_groups if g.outcome == "1"][:3] == [
        ("girls-living-in-rural-and-remote-areas", shared),
        ("boys-living-in-rural-and-remote-areas", shared),
        ("adolescents-living-in-rural-and-remote-areas", shared),
    ]
    partners = [(p.outcome, p.raw) for p in fw.outcome_partners]
    assert partners == [
        ("1", "Ministry of Ecology, Geology and Natural Resources"),
        ("1", "Ministry of Digital Affairs, Innovation and Space Industry"),
        ("1", "NGO “Green Steppe”"),
        ("1", "Partnership for Action on Green Economy (PAGE)"),
    ]  # the Ministry of Finance is named after the outcomes' text
    kinds = {p.name: (p.type, p.aliases) for p in fw.partners}
    assert kinds["NGO “Green Steppe”"] == ("ngo-cso", ())
    assert kinds["Partnership for Action on Green Economy"] == ("initiative", ("PAGE",))


@pytest.mark.parametrize(("raw", "end", "value"), [
    ("19.1% (2015-2016)", None, Value(None, 19.1, "%", 2016)),
    ("Yes (2025)", None, Value(None, 1.0, "yes/no", 2025)),
    ("7,593,548.34 (2025)", None, Value(None, 7593548.34, None, 2025)),
    ("3% by 2020, 6% -by 2025, 10% -by 2030", 2025, Value(None, 6.0, "%", 2025)),
    ("40% by 2030 (18% by 2020, 21% by 2021)", 2025, Value(None, 40.0, "%", 2030)),
    ("about 13.5% (OECD average in 2018) by 2030", None, Value(None, 13.5, "%", 2030)),
    ("data available in 2021", None, Value(None, None, None, None)),
    ("TBD (2021)", None, Value(None, None, None, None)),
    ("N/A", None, Value(None, None, None, None)),
    ("National database in place (2025)", None, Value(None, None, None, 2025)),
    ("men - 42.4 % (safe), women – 37.1 % (safe)", None, Value(None, None, None, None)),
    ("men and women – 50 % (safe) by 2025", None, Value(None, 50.0, "%", 2025)),
    ("PM 10 = 0.024 (average 2018)", None, Value(None, 0.024, None, 2018)),
    ("825.000 children 2019", None, Value(None, 825000.0, "children", 2019)),
    ("> USD 3 500 000 (2025)", None, Value(">", 3500000.0, "USD", 2025)),
])  # fmt: skip
def test_values(raw: str, end: int | None, value: Value) -> None:
    assert read_value(raw, end) == value


def test_letter_numbered_outcomes_and_a_theory_of_change_chapter(tmp_path: Path) -> None:
    """Outcomes numbered O1, O2 (outputs O1.1), and the links a separate theory-of-change chapter
    states between them, one clause at a time."""
    source = tmp_path / "cf.txt"
    source.write_text(
        "Cooperation Framework for Hillland 2027-2031\n"
        "Strategic Priority 1: People\n"
        "Outcome O1: By 2031, children in Hillland learn to read.\n"
        "Contributing UN entities: UNICEF\n"
        "Output O1.1: Teachers use reading kits.\n"
        "Outcome O2: By 2031, families in Hillland earn more.\n"
        "Contributing UN entities: ILO\n"
        "Chapter 3. Theory of change\n"
        "Learning (Outcome O1) depends on family incomes (Outcome O2); nothing else is said.\n"
        "Results matrix\n"
        "Outcome O1\n"
        "SDG targets: 4.1\n"
        "Outcome O2\n"
        "SDG targets: 8.5\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft"
    import_document(source, out, country="Hillland", iso3="HLL")
    fw = cfgraph.validate(out).framework
    assert fw is not None
    assert [o.id for o in fw.outcomes] == ["O1", "O2"] and [x.id for x in fw.outputs] == ["O1.1"]
    assert [(lk.source, lk.target, lk.kind, lk.source_lines) for lk in fw.outcome_links] == [
        ("O1", "O2", "depends-on", "9")
    ]


NUMBERED = """TESTLAND UNITED NATIONS SUSTAINABLE DEVELOPMENT COOPERATION FRAMEWORK 2026-2030

Strategic Priority A: People
Strategic Priority B: Planet

Outcome 1. By 2030, every child in Testland reads and counts
well by the age of ten.
Output 1.1 Teachers are trained in reading and counting methods.

Outcome 2. By 2030, every family in Testland has safe water
and clean energy at home.
Output 2.1 Villages run their own water and solar systems.

Outcome 2 contributes to Outcome 1: families with water send their children to school.
Outcome 1 depends on Outcome 2, because schools need water and light.
Outcome 1 and Outcome 2 share the same districts.

CHAPTER 3. LEAVE NO ONE BEHIND

The Cooperation Framework gives priority to two groups at risk of being left behind:
children of herders, and persons with
disabilities. Every outcome reports on them.

CHAPTER 4. PARTNERSHIPS

The UN will work with the Ministry of Learning, the Testland Water
Network (an NGO), and the State University of Testland.

CHAPTER 5. RESULTS MATRIX

Outcome 1 (Responsible UN entities: UNICEF, UN Women)
Indicator 4.1.1 Proportion of children reading at the end of primary
  Baseline: 48% (2024)  Target: 70% (2030)
  Source: learning assessment
  UN entities: UNICEF, Testland Chess Club
Indicator 1.b Share of schools with safe water (SDG 6.1.1)
  Baseline: 35% (2024) Target: 80% (2030)

Outcome 2 (Responsible UN entities: UNDP, UN-Women)
Indicator 1.1.1: Share of households with safe water at home
  Baseline: 60% (2024)  Target: 90% (2030)
  UN entities: UNDP
"""


def test_a_results_matrix_of_numbered_indicators_under_outcome_headings(tmp_path: Path) -> None:
    """Outcome headings carrying their UN entities in brackets, indicators numbered with SDG codes
    (never moved by the code's numbers), two values on a line, a body that is no UN entity among
    the UN entities, links stated with an outcome as subject, and lists for the whole framework."""
    source = tmp_path / "cf.txt"
    source.write_text(NUMBERED, encoding="utf-8")
    report = import_document(source, tmp_path / "fw", iso3="TST")
    fw = cfgraph.validate(tmp_path / "fw").framework
    assert fw is not None and fw.info.country == "Testland"
    shown = [
        (i.id, i.outcome, i.output, i.code, i.code_tag, i.name, i.baseline_value, i.baseline_year,
         i.target_value, i.target_year)
        for i in fw.indicators
    ]  # fmt: skip
    assert shown == [
        ("4.1.1", "1", None, "4.1.1", "G", "Proportion of children reading at the end of primary",
         48.0, 2024, 70.0, 2030),
        ("1.b", "1", None, "6.1.1", "G", "Share of schools with safe water", 35.0, 2024, 80.0, 2030),
        ("1.1.1", "2", None, "1.1.1", "G", "Share of households with safe water at home",
         60.0, 2024, 90.0, 2030),
    ]  # fmt: skip
    assert [(s.indicator, s.sdg_indicator) for s in fw.indicator_sdg_links] == [
        ("4.1.1", "4.1.1"), ("1.b", "6.1.1"), ("1.1.1", "1.1.1")
    ]  # fmt: skip
    assert [(a.outcome, a.listed_in, a.agency) for a in fw.outcome_agencies] == [
        ("1", "results_matrix", "unicef"), ("1", "results_matrix", "un-women"),
        ("2", "results_matrix", "undp"), ("2", "results_matrix", "un-women"),
    ]  # fmt: skip
    women = next(a for a in fw.agencies if a.id == "un-women")
    assert (women.label, women.aliases) == ("UN Women", ("UN-Women",))  # the document's first spelling
    agencies = [(a.indicator, a.agency) for a in fw.indicator_agencies]
    assert agencies == [("4.1.1", "unicef"), ("1.1.1", "undp")]
    assert [(p.indicator, p.partner) for p in fw.indicator_partners] == [("4.1.1", "testland-chess-club")]
    assert any("'Testland Chess Club' is named among the UN entities" in n for n in report.notes)
    assert [(lk.source, lk.target, lk.kind, lk.quote) for lk in fw.outcome_links] == [
        ("2", "1", "contributes-to", "Outcome 2 contributes to Outcome 1"),
        ("1", "2", "depends-on", "Outcome 1 depends on Outcome 2"),
    ]
    assert any(m.startswith("line 16: a link between outcomes 1, 2") for m in report.missing)
    groups = {(g.outcome, g.group) for g in fw.outcome_lnob_groups}
    assert groups == {(o, g) for o in "12" for g in ("children-of-herders", "persons-with-disabilities")}
    kinds = {p.name: p.type for p in fw.partners}
    assert kinds == {
        "Testland Chess Club": "ngo-cso",
        "Ministry of Learning": "ministry",
        "Testland Water Network": "ngo-cso",
        "State University of Testland": "academia",
    }
    assert [o.thematic_area for o in fw.outcomes] == [None, None]  # the priorities are listed together
    unplaced = "its strategic priority (lines 3-4 list the priorities together, before the outcomes)"
    assert [f"outcome {o}: {unplaced}" for o in "12"] == [m for m in report.missing if unplaced in m]


def test_outcomes_under_the_priority_heading_they_follow(tmp_path: Path) -> None:
    source = tmp_path / "cf.txt"
    source.write_text(
        "Testland United Nations Sustainable Development Cooperation Framework 2027-2031\n"
        "Strategic priority 1: People\n"
        "Outcome 1. By 2031, every child in Testland learns to read.\n"
        "SDG targets: 4.1\n"
        "Outcome 2. By 2031, every family in Testland is healthy.\n"
        "SDG targets: 3.8\n"
        "Strategic priority 2: Planet\n"
        "Outcome 3. By 2031, every river in Testland is clean.\n"
        "SDG targets: 6.3\n",
        encoding="utf-8",
    )
    import_document(source, tmp_path / "fw", iso3="TST")
    fw = cfgraph.load(tmp_path / "fw")
    assert fw.info.country == "Testland"
    assert [(o.id, o.thematic_area) for o in fw.outcomes] == [("1", "1"), ("2", "1"), ("3", "2")]


@pytest.mark.parametrize(("title", "country"), [
    ("TESTLAND UNITED NATIONS SUSTAINABLE DEVELOPMENT COOPERATION FRAMEWORK 2026-2030", "Testland"),
    ("Testland United Nations Sustainable Development Cooperation Framework 2027-2031", "Testland"),
    ("NORTH TESTLAND AND THE ISLES UNITED NATIONS COOPERATION FRAMEWORK", "North Testland and the Isles"),
    ("United Nations Sustainable Development Cooperation Framework for the Testland 2026-2030", "Testland"),
    ("The United Nations Sustainable Development Cooperation Framework 2026-2030", None),
])  # fmt: skip
def test_country_from_the_title(title: str, country: str | None) -> None:
    assert country_of(title) == country


def test_a_draft_that_will_not_validate_says_why(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cfgraph.cli import cli

    source = tmp_path / "cf.txt"
    source.write_text("Cooperation Framework for Testland 2026-2030\nOutcome 1. By 2030, all can read.\n")
    result = CliRunner().invoke(cli, ["import", "document", str(source), "--out", str(tmp_path / "fw")])
    assert result.exit_code == 0  # the draft is written, to be filled
    assert (
        "will not validate yet: no outcome lists an SDG target or has an indicator (no 'SDG targets:' list "
        "and no results matrix or indicator was read): fill target_lists.csv or indicators.csv"
    ) in result.output
    assert cfgraph.validate(tmp_path / "fw").framework is None


def test_priorities_listed_in_a_summary_then_each_with_its_outcomes(tmp_path: Path) -> None:
    source = tmp_path / "cf.txt"
    source.write_text(
        "Cooperation Framework for Testland 2027-2031\n"
        "Strategic priority 1: People\n"
        "Strategic priority 2: Planet\n"
        "Summary of the two priorities and what they change for the people of Testland.\n"
        "Strategic priority 1: People\n"
        "Outcome 1. By 2031, every child in Testland learns to read.\n"
        "SDG targets: 4.1\n"
        "Strategic priority 2: Planet\n"
        "Outcome 2. By 2031, every river in Testland is clean.\n"
        "SDG targets: 6.3\n",
        encoding="utf-8",
    )
    report = import_document(source, tmp_path / "fw", iso3="TST")
    fw = cfgraph.load(tmp_path / "fw")
    assert [(o.id, o.thematic_area) for o in fw.outcomes] == [("1", "1"), ("2", "2")]
    assert not any("strategic priority" in m for m in report.missing)


@pytest.mark.parametrize(("first", "second", "ids"), [
    ("Strategic Priority I: People", "Strategic Priority II: Planet", ("I", "II")),
    ("Strategic Priority III - People", "Strategic Priority IV — Planet", ("III", "IV")),
    ("Strategic Priority One: People", "Strategic Priority Two: Planet", ("1", "2")),
    ("Pillar 1: People", "Pillar 2: Planet", ("1", "2")),
    ("Priority Area A. People", "Priority Area B. Planet", ("A", "B")),
])  # fmt: skip
def test_priority_headings_numbered_in_roman_numerals_or_words(
    tmp_path: Path, first: str, second: str, ids: tuple[str, str]
) -> None:
    source = tmp_path / "cf.txt"
    source.write_text(
        "Cooperation Framework for Testland 2027-2031\n"
        f"{first}\n"
        "Outcome 1.1: By 2031, every child in Testland learns to read.\n"
        "SDG targets: 4.1\n"
        f"{second}\n"
        "Outcome 2.1: By 2031, every river in Testland is clean.\n"
        "SDG targets: 6.3\n",
        encoding="utf-8",
    )
    report = import_document(source, tmp_path / "fw", iso3="TST")
    fw = cfgraph.load(tmp_path / "fw")
    assert [(o.id, o.thematic_area) for o in fw.outcomes] == [("1.1", ids[0]), ("2.1", ids[1])]
    assert [a.name for a in fw.thematic_areas] == ["People", "Planet"]
    assert not any("strategic priority" in m for m in report.missing)


def test_a_priority_heading_not_read_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "cf.txt"
    source.write_text(
        "Cooperation Framework for Testland 2027-2031\n"
        "Strategic Priority 1: People\n"
        "Outcome 1.1: By 2031, every child in Testland learns to read.\n"
        "SDG targets: 4.1\n"
        "Strategic Priority the Second\n"
        "Outcome 2.1: By 2031, every river in Testland is clean.\n"
        "SDG targets: 6.3\n",
        encoding="utf-8",
    )
    report = import_document(source, tmp_path / "fw", iso3="TST")
    assert any(m.startswith("line 5: a strategic priority heading not read") for m in report.missing)


_GROUPS = ["rural women", "persons with disabilities", "herders", "outer-island communities"]


@pytest.mark.parametrize("sentence", [
    "The groups most at risk of being left behind in Testland are rural women, persons with disabilities, "
    "herders and outer-island communities.",
    "The groups at risk of being left behind are rural women, persons with disabilities, herders, and "
    "outer-island communities.",
    "Those furthest behind include rural women, persons with disabilities, herders and outer-island "
    "communities.",
    "Rural women, persons with disabilities, herders and outer-island communities are left behind.",
    "Groups at risk of being left behind: rural women, persons with disabilities, herders and outer-island "
    "communities.",
])  # fmt: skip
def test_framework_lnob_sentences(tmp_path: Path, sentence: str) -> None:
    source = tmp_path / "cf.txt"
    source.write_text(
        "Cooperation Framework for Testland 2027-2031\n"
        "Outcome 1: By 2031, every child in Testland learns to read.\n"
        "SDG targets: 4.1\n"
        "Chapter 3. Leaving no one behind\n"
        f"{sentence} Every outcome disaggregates its indicators.\n",
        encoding="utf-8",
    )
    report = import_document(source, tmp_path / "fw", iso3="TST")
    fw = cfgraph.load(tmp_path / "fw")
    assert [g.name.lower() for g in fw.lnob_groups] == _GROUPS
    assert not any("LNOB" in m for m in report.missing)


@pytest.mark.parametrize(("listed", "groups"), [
    ("young people not in employment, education or training and outer-island communities",
     ["young people not in employment, education or training", "outer-island communities"]),
    ("herders, women and girls in rural areas", ["herders", "women and girls in rural areas"]),
    ("herders, persons with disabilities and outer-island communities",
     ["herders", "persons with disabilities", "outer-island communities"]),
    ("women and girls, herders and outer-island communities",
     ["women and girls", "herders", "outer-island communities"]),
    ("persons with disabilities and outer-island communities",
     ["persons with disabilities", "outer-island communities"]),
    ("children in institutions or living apart from their parents",
     ["children in institutions or living apart from their parents"]),
])  # fmt: skip
def test_lnob_lists_split_at_the_last_and(listed: str, groups: list[str]) -> None:
    from cfgraph.importers.names import group_items

    assert [name for name, _ in group_items(listed)] == groups


@pytest.mark.parametrize(("sentence", "link"), [
    ("Outcome 1 reinforces Outcome 2.", ("1", "2", "contributes-to")),
    ("Outcome 1 strengthens Outcome 2.", ("1", "2", "contributes-to")),
    ("Outcome 1 supports Outcome 2.", ("1", "2", "contributes-to")),
    ("Outcome 1 enables Outcome 2.", ("1", "2", "contributes-to")),
    ("Outcome 2 builds on Outcome 1.", ("2", "1", "depends-on")),
    ("Outcome 1 is a precondition for Outcome 2.", ("2", "1", "depends-on")),
    ("Outcome 1 and Outcome 2 are mutually reinforcing.", ("1", "2", "mutually-reinforcing")),
])  # fmt: skip
def test_link_verbs_read_with_a_declared_kind(
    tmp_path: Path, sentence: str, link: tuple[str, str, str]
) -> None:
    from cfgraph.vocabulary import LINK_KINDS

    source = tmp_path / "cf.txt"
    source.write_text(
        "Cooperation Framework for Testland 2027-2031\n"
        "Outcome 1: By 2031, every child in Testland learns to read.\n"
        "SDG targets: 4.1\n"
        "Outcome 2: By 2031, every river in Testland is clean.\n"
        "SDG targets: 6.3\n"
        "Chapter 4. Theory of change\n"
        f"Healthy children learn more. {sentence}\n"
        "Outcome 1 mirrors Outcome 2.\n",
        encoding="utf-8",
    )
    report = import_document(source, tmp_path / "fw", iso3="TST")
    fw = cfgraph.load(tmp_path / "fw")
    assert [(lk.source, lk.target, lk.kind) for lk in fw.outcome_links] == [link]
    assert link[2] in LINK_KINDS
    assert any("a link between outcomes 1, 2 (no word saying its kind)" in m for m in report.missing)


def _expanded(cited: str) -> list[int]:
    """Every line of a citation ("13-16;20")."""
    ranges = [[int(x) for x in part.split("-")] for part in cited.split(";") if part]
    return [n for r in ranges for n in range(r[0], r[-1] + 1)]


def test_a_table_row_cites_every_line_its_values_come_from(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("United Nations Sustainable Development Cooperation Framework for Testland 2027-2031", 0)
    d.add_heading("Outcome 1.1: By 2031, every child in Testland learns to read and write.", 2)
    d.add_paragraph("SDG targets: 4.1")
    d.add_heading("Annex 1. Results matrix", 1)
    heading = ["Outcome", "Indicator", "Baseline", "Target", "Means of verification", "UN entities"]
    rows = [
        ("Outcome 1.1", "4.1.1 Share of pupils reading", "52 (2024)", "65 (2031)", "Survey", "UNICEF"),
        ("Outcome 1.1", "Indicator 1.1.a Schools with a library", "4 of 12 (2025)", "12 of 12 (2031)",
         "School census", "UNESCO"),
    ]  # fmt: skip
    table = d.add_table(rows=1, cols=len(heading))
    for cell, text in zip(table.rows[0].cells, heading, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    d.save(str(tmp_path / "cf.docx"))
    import_document(tmp_path / "cf.docx", tmp_path / "fw", iso3="TST")
    text = (tmp_path / "fw" / "sources").glob("*.txt")
    lines = next(text).read_text(encoding="utf-8").splitlines()
    fw = cfgraph.load(tmp_path / "fw")
    for indicator in fw.indicators:
        cited = "\n".join(lines[n - 1] for n in _expanded(indicator.source_lines))
        for value in (indicator.name, indicator.baseline_raw, indicator.target_raw, indicator.data_source):
            assert value is not None and value in cited
    result = cfgraph.validate(tmp_path / "fw")
    assert not [p for p in result.problems if "is not in source line" in str(p)]


def test_a_count_out_of_a_total_has_no_unit(tmp_path: Path) -> None:
    source = tmp_path / "cf.txt"
    source.write_text(
        "Cooperation Framework for Testland 2027-2031\n"
        "Outcome 1: By 2031, every child in Testland learns to read.\n"
        "SDG targets: 4.1\n"
        "Indicator 1.a: Districts with a school library\n"
        "Baseline: 4 of 12 (2025)\n"
        "Target: 12 out of 12 (2031)\n",
        encoding="utf-8",
    )
    import_document(source, tmp_path / "fw", iso3="TST")
    (indicator,) = cfgraph.load(tmp_path / "fw").indicators
    assert (indicator.baseline_value, indicator.baseline_unit) == (4, None)
    assert indicator.baseline_raw == "4 of 12 (2025)"
    assert (indicator.target_value, indicator.target_unit, indicator.target_year) == (12, None, 2031)
    assert "a count out of a total" in (indicator.review_note or "")
