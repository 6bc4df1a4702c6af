"""``who`` on outputs (by typed id, bare id or statement) and on ids that name several things, on
the second fixture (riverland: outputs 1.1, 1.2, 2.1, 3.1, whose ids are SDG targets too)."""

from __future__ import annotations

import pytest

import cfgraph
from cfgraph.analysis.actors import also_named, resolve
from cfgraph.analysis.who import who
from cfgraph.errors import UnknownIdError


def test_an_output_by_typed_id_bare_id_or_statement(riverland: cfgraph.Framework) -> None:
    for text in ("output:1.1", "1.1", "primary health care centre", "OUTPUT 1.1"):
        assert resolve(riverland, text) == ("output", "1.1"), text


def test_who_on_an_output(riverland: cfgraph.Framework) -> None:
    answer = who(riverland, "output:1.1")
    assert answer.title == "Output 1.1 (outcome 1): Every district runs a primary health care centre."
    assert [(r.section, r.id, r.how) for r in answer.rows] == [
        ("outcomes", "1", "its outcome"),
        ("agencies", "who", "delivers it"),
        ("agencies", "unicef", "delivers it"),
        ("partners", "ministry-of-health", "partner of it"),
        ("indicators", "1.1.a", "indicator of it"),
    ]
    assert answer.notes == ()


def test_a_bare_id_that_names_several_things_says_the_others(riverland: cfgraph.Framework) -> None:
    answer = who(riverland, "1.1")
    assert answer.kind == "output"
    assert answer.notes == ("1.1 also names sdg-target:1.1: ask 'cfgraph who sdg-target:1.1'",)
    assert who(riverland, "sdg-target:1.1").kind == "sdg-target"
    assert also_named(riverland, "1", ("outcome", "1")) == []  # SDG 1 is a goal, not a target


def test_an_unknown_id_names_its_kind_and_the_closest(riverland: cfgraph.Framework) -> None:
    closest = r"^unknown output 'output:1\.9'; did you mean output:1\.2, output:1\.1\?$"
    with pytest.raises(UnknownIdError, match=closest):
        resolve(riverland, "output:1.9")
    with pytest.raises(UnknownIdError, match=r"^unknown SDG indicator 'sdg-indicator:3\.8\.1'; who answers"):
        resolve(riverland, "sdg-indicator:3.8.1")


def test_who_rows_say_what_was_asked_about(riverland: cfgraph.Framework, kz: cfgraph.Framework) -> None:
    from cfgraph.analysis.who import who_rows

    for fw, about in ((riverland, "output:3.1"), (kz, "outcome:3.1")):
        rows = who_rows(who(fw, "3.1"), fw.info.id)
        assert {(r["framework"], r["about"]) for r in rows} == {(fw.info.id, about)}
        assert list(rows[0])[:3] == ["framework", "about", "section"]


def test_one_heading_line_per_framework_when_they_differ() -> None:
    from cfgraph.cli.options import heading

    title = "SDG target 5.2: listed by 1 outcome"
    two = heading([("a", title, None), ("b", title, None)])
    assert two == (f"{title}, in each of 2 frameworks (a and b)", ())
    many = [(fid, title, None) for fid in "abcd"]
    assert heading(many) == (f"{title}, in each of 4 frameworks", ())  # its counts are each one's
    differ = [("a", "Outcome 3.1: x", None), ("b", "Output 3.1 (outcome 3): y", None)]
    assert heading(differ) == ("2 frameworks answer:", ("a: Outcome 3.1: x", "b: Output 3.1 (outcome 3): y"))
    assert heading([(None, "Outcome 1: z", None)]) == ("Outcome 1: z", ())
    assert heading([("b", "Outcome 1: z", None)]) == ("Outcome 1: z (b)", ())  # the only one that has it


def test_a_listed_target_comes_before_an_output_of_the_same_id(riverland: cfgraph.Framework) -> None:
    import dataclasses

    from cfgraph.model import Output

    extra = Output(id="1.3", outcome="1", statement="Cash transfers reach every district.", source_lines="16")
    fw = dataclasses.replace(riverland, outputs=(*riverland.outputs, extra))
    answer = who(fw, "1.3")  # outcome 1 lists SDG target 1.3
    assert answer.kind == "sdg-target"
    assert answer.notes == ("1.3 also names output:1.3: ask 'cfgraph who output:1.3'",)
    assert who(fw, "output:1.3").title == "Output 1.3 (outcome 1): Cash transfers reach every district."
