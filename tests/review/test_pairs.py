"""The pairs each result group is asked to judge, on the mini and the shipped framework."""

from __future__ import annotations

import pytest

import cfgraph
from cfgraph.errors import UnknownIdError
from cfgraph.review.pairs import sheet_pairs, stated_pairs


def _rows(pairs: list) -> list[tuple[str, ...]]:  # type: ignore[type-arg]
    return [(p.result_group, p.level, p.source, p.target, p.stated, ",".join(p.basis)) for p in pairs]


def test_mini_sheets(mini: cfgraph.Framework) -> None:
    assert _rows(sheet_pairs(mini)) == [
        # OL01 "1.1 depends on 2.1": progress on 2.1 influences 1.1; both list target 5.1
        ("planet", "outcome", "2.1", "1.1", "named", "stated,shares-targets"),
        ("planet", "outcome", "1.1", "2.1", "", "shares-targets"),
        # TL01 "6.1 and 6.2 are interlinked with 3.9": symmetric, so both directions
        ("planet", "target", "3.9", "6.1", "named", "stated-interlinkage"),
        ("planet", "target", "3.9", "6.2", "named", "stated-interlinkage"),
        ("planet", "target", "6.1", "3.9", "named", "stated-interlinkage"),
        ("planet", "target", "6.2", "3.9", "named", "stated-interlinkage"),
        ("people", "outcome", "2.1", "1.1", "named", "stated,shares-targets"),
        ("people", "outcome", "1.1", "2.1", "", "shares-targets"),
        # TL02 "4.1 accelerates 8.6": one direction; 8.6 is a target of outcome 2.1
        ("people", "target", "4.1", "8.6", "named", "stated-interlinkage"),
    ]


def test_named_and_all_others_links_stay_apart(kz: cfgraph.Framework) -> None:
    said = stated_pairs(kz, "outcome")
    # 2.1 -> 1.2 is stated only as "all other outcomes" (OL12, OL25)
    assert (said[("2.1", "1.2")].stated, said[("2.1", "1.2")].generic) == ("all-others", ("OL12", "OL25"))
    # 2.2 -> 3.2 is named (OL18, OL39) and also said of "all other outcomes" (OL23, OL33): named first
    assert said[("2.2", "3.2")].stated == "named"
    assert said[("2.2", "3.2")].links == ("OL18", "OL39", "OL23", "OL33")
    assert said[("2.2", "3.2")].generic == ("OL23", "OL33")
    planet = {(p.source, p.target): p.basis for p in sheet_pairs(kz, "planet", level="outcome")}
    assert planet[("2.1", "3.2")] == ("stated-all-others",)
    assert planet[("2.2", "3.2")] == ("stated", "shares-targets")


def test_kazakhstan_sheet_sizes(kz: cfgraph.Framework) -> None:
    counts: dict[tuple[str, str], int] = {}
    for p in sheet_pairs(kz):
        counts[(p.result_group, p.level)] = counts.get((p.result_group, p.level), 0) + 1
    assert counts == {
        ("people", "outcome"): 14, ("people", "target"): 388, ("peace", "outcome"): 17,
        ("peace", "target"): 540, ("planet", "outcome"): 5, ("planet", "target"): 18,
        ("prosperity", "outcome"): 10, ("prosperity", "target"): 52,
    }  # fmt: skip
    # across outcomes: a target of 1.1 paired with a target of 1.2 (People); never a target with itself
    across = [p for p in sheet_pairs(kz, "people", level="target") if "across-outcomes" in p.basis]
    assert all(p.source != p.target and p.across == ("1.1", "1.2") for p in across)
    assert all(p.source in kz.target_codes("1.1") or p.source in kz.target_codes("1.2") for p in across)


def test_one_outcome(kz: cfgraph.Framework) -> None:
    pairs = sheet_pairs(kz, outcome="1.2", level="outcome")
    assert {p.result_group for p in pairs} == {"people"}
    assert all("1.2" in (p.source, p.target) for p in pairs)
    targets = sheet_pairs(kz, outcome="1.2", level="target")
    mine = set(kz.target_codes("1.2"))
    assert targets and all(p.source in mine or p.target in mine for p in targets)


def test_unknown_result_group_suggests(mini: cfgraph.Framework) -> None:
    with pytest.raises(UnknownIdError, match="unknown result group 'planets'; did you mean planet"):
        sheet_pairs(mini, "planets")
    with pytest.raises(UnknownIdError, match="unknown outcome '1.3'"):
        sheet_pairs(mini, outcome="1.3")
