"""View definitions, the generic renderer and ``cfgraph view`` (no browser; see test_views_browser.py)."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cfgraph
from cfgraph.cli import main
from cfgraph.errors import DataError, UnknownIdError
from cfgraph.render.page import script_json
from cfgraph.render.views import render_view, view_graph, write_view
from cfgraph.render.views.graph import framework_graph
from cfgraph.render.views.spec import load_view_spec, parse_view_spec, view_names
from tests.conftest import framework_copy, set_policy

VIEWS = ["indicator-map", "lnob-map", "stakeholder-map", "target-network", "theory-of-change"]

#: (nodes, links) each view draws for the mini framework, counted by hand from cfgraph/examples/mini.
MINI_COUNTS = {
    "indicator-map": (9, 8),  # 2 outcomes, 3 indicators, 2 SDG indicators, 2 targets
    "lnob-map": (9, 9),  # 2 outcomes, 4 groups, 3 indicators
    "stakeholder-map": (12, 10),  # 2 result groups, 2 outcomes, 4 agencies, 4 partners
    "target-network": (11, 11),  # 2 outcomes, 9 valid targets
    "theory-of-change": (2, 1),  # 2 outcomes, 1 stated link
}

#: Text that would run as code if it became markup; the hostile framework puts it in every name.
EVIL = {
    "script": "<script>window.__pwned = 1</script>",
    "img": '<img src=x onerror="window.__pwned = 2">',
    "quote": 'Министерство "водных" ресурсов & O\'Brien </textarea>',
}


def _edit_csv(path: Path, key: str, ident: str, field: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    hit = [r for r in rows if r[key] == ident]
    assert hit, f"{path.name}: no row {key}={ident}"
    for r in hit:
        r[field] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def hostile_framework(tmp_path: Path) -> Path:
    """The mini framework with `<script>`, `<img onerror>`, quotes and Cyrillic in its names."""
    fw = set_policy(framework_copy(tmp_path, name="hostile"), "cited")
    _edit_csv(fw / "framework.csv", "id", "examplestan-2026-2030", "title", f"Рамка {EVIL['script']} 2026")
    _edit_csv(fw / "partners.csv", "id", "ministry-of-water", "name", f"{EVIL['quote']} {EVIL['script']}")
    _edit_csv(fw / "agencies.csv", "id", "unicef", "label", f"UNICEF {EVIL['img']}")
    _edit_csv(fw / "result_groups.csv", "id", "planet", "name", f"Планета {EVIL['img']}")
    _edit_csv(fw / "lnob_groups.csv", "id", "women", "name", f"женщины {EVIL['img']}")
    # Statements, quotes and indicator names must appear in the source text: put them there too.
    quoted = {
        10: ("outcomes.csv", "id", "1.1", "statement", f'Вода {EVIL["script"]} "clean" water'),
        16: (
            "outcome_links.csv",
            "id",
            "OL01",
            "quote",
            "</script><script>window.__pwned = 3</script> «цитата»",
        ),
        31: ("indicators.csv", "id", "1.1-01", "name", f"Доля {EVIL['img']} population"),
    }
    source = fw / "source" / "examplestan-2026-2030.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    for line, (table, key, ident, field, value) in quoted.items():
        _edit_csv(fw / table, key, ident, field, value)
        lines[line - 1] += " " + value
    source.write_text("\n".join(lines), encoding="utf-8")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    _edit_csv(fw / "framework.csv", "id", "examplestan-2026-2030", "source_sha256", digest)
    return fw


def test_every_shipped_view_loads() -> None:
    assert view_names() == VIEWS
    for name in VIEWS:
        spec = load_view_spec(name)
        assert spec.name == name and spec.title and spec.description


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {"title": "T", "nodes": [{"kind": "outcome", "color": "#00ff00", "colour": "x"}]},
            "<view>: nodes[0]: unknown key 'colour'",
        ),
        (
            {"title": "T", "nodes": [{"kind": "outcomes", "color": "#00ff00"}]},
            "<view>: nodes[0].kind: 'outcomes' is not one of",
        ),
        (
            {"title": "T", "nodes": [{"kind": "outcome", "color": "#00ff00;background:url(x)"}]},
            "<view>: nodes[0].color: '#00ff00;background:url(x)' is not a colour like '#1f77b4'",
        ),
        (
            {"title": "T", "nodes": [{"kind": "outcome", "color": "#00ff00", "size": {"metric": "fame"}}]},
            "<view>: nodes[0].size.metric: 'fame' is not one of degree, betweenness, pagerank",
        ),
        (
            {
                "title": "T",
                "nodes": [{"kind": "outcome", "color": "#00ff00"}],
                "edges": [{"kind": "x", "color": "#000000"}],
            },
            "<view>: edges[0].kind: 'x' is not one of",
        ),
        ({"nodes": [{"kind": "outcome", "color": "#00ff00"}]}, "<view>: (top): missing key 'title'"),
        ({"title": "T", "nodes": []}, "<view>: nodes: expected a non-empty list"),
        (
            {"title": "T", "nodes": [{"kind": "outcome", "color": "#00ff00", "shape": "<b>"}]},
            "<view>: nodes[0].shape: '<b>' is not one of",
        ),
    ],
)
def test_bad_view_definitions_are_refused(raw: object, message: str) -> None:
    with pytest.raises(DataError) as err:
        parse_view_spec(raw, "bad")
    assert str(err.value).startswith(message)


def test_unknown_view_suggests_close_names() -> None:
    with pytest.raises(UnknownIdError, match="did you mean lnob-map"):
        load_view_spec("lnob-mop")


@pytest.mark.parametrize("name", VIEWS)
def test_mini_view_counts(mini: cfgraph.Framework, name: str) -> None:
    view = render_view(mini, name)
    assert (view.nodes, view.edges) == MINI_COUNTS[name]
    data = json.loads(re.search(r'id="view-data">(.*?)</script>', view.html, re.S).group(1))  # type: ignore[union-attr]
    assert len(data["nodes"]) == view.nodes and len(data["edges"]) == view.edges
    assert all(n["tip"]["title"] for n in data["nodes"])


def test_view_is_deterministic(mini: cfgraph.Framework) -> None:
    assert render_view(mini, "stakeholder-map").html == render_view(mini, "stakeholder-map").html


def test_focus_draws_the_neighbourhood(mini: cfgraph.Framework) -> None:
    g = framework_graph(mini)
    spec = load_view_spec("stakeholder-map")
    near = view_graph(g, spec, focus="1.1")
    fid = mini.info.id
    assert sorted(near.nodes) == [
        f"{fid}/agency/unicef",
        f"{fid}/agency/who",
        f"{fid}/outcome/1.1",
        f"{fid}/partner/ministry-of-water",
        f"{fid}/partner/village-water-users-association",
        f"{fid}/result-group/planet",
    ]
    assert sorted(view_graph(g, spec, focus="agency:unicef", depth=2).nodes) == sorted(near.nodes)
    assert len(view_graph(g, spec, focus="unicef", depth=3)) == 6  # outcome 1.1 shares no one with 2.1
    assert len(view_graph(g, spec)) == 12


def test_focus_on_an_unknown_id_suggests(mini: cfgraph.Framework) -> None:
    drawn = r"\(it draws: Result group, Outcome, Output, UN agency, Partner\)"
    message = rf"unknown node of view stakeholder-map {drawn} '1\.3'; did you mean 1\.1"
    with pytest.raises(UnknownIdError, match=message):
        render_view(mini, "stakeholder-map", focus="1.3")
    with pytest.raises(
        UnknownIdError, match=r"unknown node of view theory-of-change \(it draws: Outcome\) 'undp'"
    ):
        render_view(mini, "theory-of-change", focus="undp")


def test_script_json_cannot_close_the_script_element() -> None:
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_hostile_names_never_become_markup(tmp_path: Path) -> None:
    fw = cfgraph.load(hostile_framework(tmp_path))
    for name in VIEWS:
        html = render_view(fw, name).html
        assert "<script>window" not in html and "<img" not in html and "</textarea>" not in html
        assert html.count("<script") == 3  # vis-network, cfgraph-view.js, the JSON data
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html  # the heading's framework title


def test_write_view_is_utf8_under_the_c_locale(tmp_path: Path) -> None:
    fw_dir = hostile_framework(tmp_path)
    out = tmp_path / "out" / "stakeholder.html"
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cfgraph",
            "view",
            "stakeholder-map",
            "--framework",
            str(fw_dir),
            "--out",
            str(out),
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    text = out.read_text(encoding="utf-8")
    assert "Рамка" in text and "Министерство" in text
    assert sorted(p.name for p in (out.parent / "lib").iterdir()) == [
        "cfgraph-report.css",
        "cfgraph-report.js",
        "cfgraph-view.css",
        "cfgraph-view.js",
        "vis-network-LICENSE-APACHE-2.0",
        "vis-network-LICENSE-MIT",
        "vis-network.css",
        "vis-network.min.js",
    ]


def test_view_command_writes_and_lists(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "toc.html"
    result = runner.invoke(
        main_cli(), ["view", "theory-of-change", "--framework", str(cfgraph.MINI), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert "Theory of change: 2 nodes, 1 link" in result.stderr
    listed = runner.invoke(main_cli(), ["view", "--list", "--format", "json"])
    assert [r["name"] for r in json.loads(listed.stdout)] == VIEWS


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["view"], 2, "give a view NAME or --list"),
        (["view", "stakeholder-map", "--depth", "2"], 2, "--depth needs --focus"),
        (["view", "stakeholders"], 2, "unknown view 'stakeholders'; did you mean stakeholder-map?"),
        (["view", "stakeholder-map", "--focus", "9.9"], 2, "unknown node of view stakeholder-map (it draws:"),
    ],
)
def test_view_command_usage_errors(runner, tmp_path: Path, args: list[str], code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(
        main_cli(), [*args, "--framework", str(cfgraph.MINI), "--out", str(tmp_path / "v.html")]
    )
    assert result.exit_code == code
    assert message in result.stderr


def main_cli():  # type: ignore[no-untyped-def]
    from cfgraph.cli import cli

    return cli


def test_write_view_returns_counts(mini: cfgraph.Framework, tmp_path: Path) -> None:
    view = write_view(mini, "lnob-map", tmp_path / "lnob.html", focus="women")
    assert view.focus == (f"{mini.info.id}/lnob-group/women",)
    assert (tmp_path / "lnob.html").read_text(encoding="utf-8").count('"kind":"lnob-group"') == 2
    assert main is not None


def test_large_views_get_a_seeded_precomputed_layout(mini: cfgraph.Framework, tmp_path: Path) -> None:
    import dataclasses

    from cfgraph.render.views import render_graph

    spec = load_view_spec("stakeholder-map")
    small = dataclasses.replace(spec, layout=dataclasses.replace(spec.layout, precompute_above=5))
    sub = view_graph(framework_graph(mini), small)
    page = render_graph(sub, small)
    data = json.loads(re.search(r'id="view-data">(.*?)</script>', page.html, re.S).group(1))  # type: ignore[union-attr]
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and n["physics"] is False for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])  # no two nodes on one spot
    assert render_graph(sub, small).html == page.html


@pytest.mark.parametrize("kind", ["agency", "partner"])
def test_every_matrix_cell_is_an_edge_of_the_stakeholder_map(kz: cfgraph.Framework, kind: str) -> None:
    """The stakeholder map and the heat maps agree: an actor with a tie to an outcome (listed,
    named, responsible for or named in one of its indicators) is joined to it on the map."""
    from cfgraph.analysis.matrix import actor_outcome_matrix
    from cfgraph.render.views import view_graph
    from cfgraph.render.views.graph import framework_graph
    from cfgraph.render.views.spec import load_view_spec
    from cfgraph.vocabulary import key

    drawn = view_graph(framework_graph(kz), load_view_spec("stakeholder-map"))
    fid = kz.info.id
    missing = []
    for row in actor_outcome_matrix(kz, kind):
        for o in kz.outcomes:
            if row[o.id]:
                a, b = key(kind, row["actor"], fid), key("outcome", o.id, fid)
                if not (drawn.has_edge(a, b) or drawn.has_edge(b, a)):
                    missing.append((row["actor"], o.id))
    assert missing == []
    unicef = key("agency", "unicef", fid)
    assert drawn.has_edge(unicef, key("outcome", "2.1", fid))
    assert "2.1" in str(drawn.nodes[unicef]["tip"])


def test_one_body_under_two_names_is_one_node(kz: cfgraph.Framework) -> None:
    from cfgraph.render.views.graph import framework_graph
    from cfgraph.vocabulary import key

    g = framework_graph(kz)
    fid = kz.info.id
    assert key("partner", "atameken", fid) not in g
    node = g.nodes[key("partner", "national-chamber-of-entrepreneurs", fid)]
    assert node["name"] == "National Chamber of Entrepreneurs = Atameken"
