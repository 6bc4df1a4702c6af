"""Text tables: columns sized from their content (ids never broken while the width allows, prose
takes the rest), a framework column first for rows of several frameworks, columns that do not
fit left for --all-columns."""

from __future__ import annotations

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


def test_ids_are_never_broken_and_prose_takes_the_rest() -> None:
    spec = TableSpec("Findings", ("check", "subject", "message", "source_lines"))
    for width in (60, 80, 120):
        out = render_table(_rows(), spec, width=width)
        assert max(map(len, out.splitlines())) <= width
        assert set(IDS) <= _words(out)
    header = render_table(_rows(), spec, width=80).splitlines()[2]
    assert header.index("message") - header.index("subject") == len("subject") + 3  # as wide as its heading


def test_widths_when_the_words_do_not_fit() -> None:
    widths = column_widths(["id", "text"], [["examplestan-2026-2030", PROSE]], 40)
    assert widths == [21, 16]
    assert column_widths(["id", "text"], [["a", "b c"]], 40) == [None, None]


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
