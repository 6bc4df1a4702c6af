"""``cfgraph diff`` matches rows by what they name: an indicator whose id shifted is found by its
name; a row matched by its id alone that names another thing is never counted the same."""

from __future__ import annotations

import dataclasses

import cfgraph
from cfgraph.io.diff import diff_changes, diff_summary

VALUES = {"indicators": ("baseline_value", "baseline_year", "target_value", "target_year")}


def _with_indicators(fw: cfgraph.Framework, *indicators: object) -> cfgraph.Framework:
    return dataclasses.replace(fw, indicators=tuple(indicators))


def test_shifted_ids_are_matched_by_name(mini: cfgraph.Framework) -> None:
    first, second, sub = mini.indicators
    inserted = dataclasses.replace(first, id="1.1-01", name="Hours of water supply per day")
    shifted = _with_indicators(mini, inserted, dataclasses.replace(first, id="1.1-02"), second, sub)
    rows = diff_summary(shifted, mini, ("indicators",), VALUES)
    assert rows == [{"table": "indicators", "rows_a": 4, "rows_b": 3, "same": 3, "changed": 0,
                     "added": 0, "removed": 1, "agreement": 0.75}]  # fmt: skip
    removed = diff_changes(shifted, mini, ("indicators",), VALUES)
    assert [(c["change"], c["key"]) for c in removed] == [("removed", "1.1-01 (A)")]
    assert "Hours of water supply" in removed[0]["a"] and removed[0]["b"] == ""


def test_added_is_in_b_only_and_removed_in_a_only_as_git_has_it(mini: cfgraph.Framework) -> None:
    fewer = dataclasses.replace(mini, outcome_links=mini.outcome_links[1:])
    added = diff_summary(fewer, mini, ("outcome_links",))[0]
    assert (added["rows_a"], added["rows_b"], added["added"], added["removed"]) == (
        len(mini.outcome_links) - 1, len(mini.outcome_links), 1, 0,
    )  # fmt: skip
    removed = diff_summary(mini, fewer, ("outcome_links",))[0]
    assert (removed["added"], removed["removed"]) == (0, 1)


def test_same_id_other_name_is_a_difference_even_when_values_agree(mini: cfgraph.Framework) -> None:
    first, second, sub = mini.indicators
    renamed = _with_indicators(
        mini, first, dataclasses.replace(second, name="Number of teachers trained"), sub
    )
    changes = diff_changes(renamed, mini, ("indicators",), VALUES)
    assert [(c["change"], c["key"], c["columns"]) for c in changes] == [("changed", "2.1-01", "name")]
    assert diff_summary(renamed, mini, ("indicators",), VALUES)[0]["same"] == 2


def test_rows_sharing_a_key_pair_by_what_they_say(mini: cfgraph.Framework) -> None:
    link = mini.outcome_links[0]
    one = dataclasses.replace(link, id="X1", kind="interlinked")
    two = dataclasses.replace(link, id="X2", kind="accelerates")
    a = dataclasses.replace(mini, outcome_links=(two,))
    b = dataclasses.replace(mini, outcome_links=(one, two))
    changes = diff_changes(a, b, ("outcome_links",))
    assert [c["change"] for c in changes] == ["added"] and "kind=interlinked" in changes[0]["b"]


def test_swapped_ids_follow_the_names_and_a_close_name_pairs_but_differs(mini: cfgraph.Framework) -> None:
    first, second, sub = mini.indicators
    swapped = _with_indicators(
        mini,
        dataclasses.replace(second, id="1.1-01", outcome="2.1"),
        dataclasses.replace(first, id="2.1-01", outcome="1.1", name="(NA) " + first.name),
        dataclasses.replace(sub, parent="1.1-01"),
    )
    changes = diff_changes(swapped, mini, ("indicators",), VALUES)
    assert [(c["change"], c["key"], c["columns"]) for c in changes] == [("changed", "1.1-01", "name")]
    assert diff_summary(swapped, mini, ("indicators",), VALUES)[0]["same"] == 2
