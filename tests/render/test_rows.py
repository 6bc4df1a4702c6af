"""Text tables: columns sized from their content (prose its share first, then ids whole while the
width allows, else wrapped at their hyphens; prose takes the rest), the columns a command needs
never left out, a framework column first for rows of several frameworks, columns that do not
fit left for --all-columns."""

from __future__ import annotations

from dataclasses import replace

from cfgraph.render.rows import TableSpec, column_widths, render_table

IDS = ["indicator-agency-not-contributing", "invalid-code", "outcome-without-partner-type"]
PROSE = "un-women is responsible for indicator(s) 1.2-11 of outcome 1.2 but is not among its agencies"


def _rows(n: int = 6, frameworks: tuple[str, ...] = ("fw-a",)) -> list[dict[str, object]]:
    return [
        {"framework": frameworks[i % len(frameworks)], "check": IDS[i % 3], "subject": f"{i}.1",
         "message": PROSE, "source_lines": [10 * i, 10 * i + 1]}
        for i in range(n)
    ]  # fmt: skip


def _words(text: str) -> set[str]:
    return set(text.split())


def test_ids_wrap_at_hyphens_only_after_prose_has_its_share() -> None:
    spec = TableSpec("Findings", ("check", "subject", "message", "source_lines"))
    for width in (60, 80, 120):
        out = render_table(_rows(), spec, width=width)
        assert max(map(len, out.splitlines())) <= width
    wide = render_table(_rows(), spec, width=120)
    assert set(IDS) <= _words(wide)  # ids whole while the width allows
    narrow = render_table(_rows(), replace(spec, required=("subject", "message")), width=60).splitlines()
    assert narrow[2].split() == ["check", "subject", "message"]  # source_lines left out first
    assert narrow[4:8] == [
        "indicator-agency-not-     0.1       un-women is responsible",
        "contributing                        for indicator(s) 1.2-11",
        "                                    of outcome 1.2 but is",
        "                                    not among its agencies",
    ]  # the id wraps at a hyphen; the prose keeps its 24 characters


def test_widths_when_the_words_do_not_fit() -> None:
    widths = column_widths(["id", "text"], [["examplestan-2026-2030", PROSE]], 40)
    assert widths == [13, 24]  # prose its share, the id wrapped after 'examplestan-'
    assert column_widths(["id", "text"], [["examplestan-2026-2030", PROSE]], 60) == [21, 36]
    assert column_widths(["id", "text"], [["a", "b c"]], 40) == [None, None]


def test_the_columns_a_command_needs_are_never_left_out() -> None:
    rows = [{"actor": "ministry-of-labour-and-social-protection-of-the-population",
             "name": "Ministry of Labour and Social Protection of the Population", "type": "ministry",
             "outcome_ids": "1.1; 1.2; 2.1", "outcomes": 3, "ties": 7}] * 3  # fmt: skip
    spec = TableSpec("Actors", ("actor", "name", "type", "outcome_ids", "outcomes", "ties"))
    plain = render_table(rows, spec, width=50).splitlines()
    assert plain[2].split() == ["actor"]  # nothing else fits beside the whole id
    needed = render_table(rows, replace(spec, required=("name", "outcomes", "ties")), width=50).splitlines()
    assert needed[2].split() == ["actor", "name", "outcomes", "ties"]
    assert needed[4:10] == [
        "ministry-     Ministry of Labour   3          7",
        "of-labour-    and Social",
        "and-social-   Protection of the",
        "protection-   Population",
        "of-the-",
        "population",
    ]


def test_a_framework_column_comes_first_for_rows_of_several() -> None:
    spec = TableSpec("Findings", ("check", "subject"))
    several = render_table(_rows(frameworks=("fw-a", "fw-b")), spec, width=80).splitlines()
    assert several[2].split() == ["framework", "check", "subject"]
    one = render_table(_rows(), spec, width=80).splitlines()
    assert one[2].split() == ["check", "subject"]
    assert one[-1] == "6 rows (3 more columns: --all-columns or --format csv)"
    chosen = render_table(_rows(frameworks=("fw-a", "fw-b")), spec, width=80, columns=("subject",))
    assert chosen.splitlines()[2].split() == ["subject"]


def test_default_columns_that_do_not_fit_are_left_for_all_columns() -> None:
    rows = [{"framework": "examplestan-2026-2030", **{f"count_{i}": i for i in range(12)}}]
    out = render_table(rows, TableSpec("Counts", tuple(rows[0])), width=80).splitlines()
    assert out[2].split() == ["framework", *(f"count_{i}" for i in range(5))]
    assert out[-1] == "1 row (7 more columns: --all-columns or --format csv)"
    every = render_table(rows, TableSpec("Counts", tuple(rows[0])), width=None, all_columns=True)
    assert every.splitlines()[2].split()[-1] == "count_11" and every.splitlines()[-1] == "1 row"
