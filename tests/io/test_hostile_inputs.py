"""Inputs an attacker or a careless user might give: links out of the folder, control characters,
bytes that are not UTF-8. Each gives one line that says what is wrong, never a traceback, and
nothing outside the framework folder is read or echoed."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.cli import cli
from cfgraph.export.graph_formats import export_gexf, export_graphml
from cfgraph.render.rows import render_rows
from tests.conftest import framework_copy, set_policy

SECRET = "TOP-SECRET-LINE"


def _validate(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate", "--framework", "fw", "--quiet"])
    assert "Traceback" not in result.output and SECRET not in result.output
    errors = [line for line in result.stderr.splitlines() if "warning:" not in line]
    return result.exit_code, errors


def _outside_file(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.csv"
    secret.write_text(f"{SECRET},x\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize(("name", "warnings"), [("agencies.csv", 2), ("datapackage.json", 0)])
def test_a_file_linked_outside_the_folder_is_not_read(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, warnings: int
) -> None:
    fw = framework_copy(tmp_path)
    (fw / name).unlink()
    (fw / name).symlink_to(_outside_file(tmp_path))
    code, errors = _validate(runner, tmp_path, monkeypatch)
    assert code == 1
    assert errors == [
        f"fw/{name}:0: (file): leads outside the framework folder (a link?); copy the file into it",
        f"cfgraph: 1 error(s), {warnings} warning(s)",
    ]


@pytest.mark.parametrize("how", ["dotdot", "link"])
def test_a_source_document_outside_the_folder_is_not_read(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    fw = framework_copy(tmp_path)
    secret = _outside_file(tmp_path)
    framework_csv = fw / "framework.csv"
    text = framework_csv.read_text(encoding="utf-8")
    if how == "dotdot":
        name = "../secret.csv"
    else:
        name = "source/linked.txt"
        (fw / name).symlink_to(secret)
    framework_csv.write_text(text.replace("source/examplestan-2026-2030.txt", name), encoding="utf-8")
    code, errors = _validate(runner, tmp_path, monkeypatch)
    assert code == 1
    assert errors == [
        f"fw/framework.csv:2: source_file: {name!r} leads outside the framework folder;"
        " keep the source in it",
        "cfgraph: 1 error(s), 2 warning(s)",
    ]


def test_a_link_inside_the_folder_is_fine(tmp_path: Path) -> None:
    fw = framework_copy(tmp_path)
    (fw / "agencies.csv").rename(fw / "agencies-real.csv")
    (fw / "agencies.csv").symlink_to("agencies-real.csv")
    assert cfgraph.validate(fw).ok


def test_a_query_file_that_is_not_utf8_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_bytes(b"SELECT * WHERE { ?s ?p \xff }\n")
    result = runner.invoke(cli, ["sparql", str(query), "--framework", str(cfgraph.MINI)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for QUERY: {query}:1: not valid UTF-8 (byte 0xff at column 24);"
        " save the file as UTF-8"
    )


def _odd_framework(tmp_path: Path) -> Path:
    """The mini framework with text validation allows but XML and terminals find odd."""
    import csv
    import io

    fw = set_policy(framework_copy(tmp_path), "cited")
    partners = fw / "partners.csv"
    rows = list(csv.DictReader(io.StringIO(partners.read_text(encoding="utf-8"))))
    for row in rows:
        if row["id"] == "ministry-of-labour":
            row["name"] = "Ministry of Labour \u202e\U0001f600 <b>&amp; ]]> \ufffe"
            row["note"] = "two\nlines & <x> ]]> \uffff"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    partners.write_text(buffer.getvalue(), encoding="utf-8")
    return fw


@pytest.mark.parametrize("export", [export_graphml, export_gexf])
def test_graph_files_are_well_formed_xml_whatever_the_text(tmp_path: Path, export: object) -> None:
    fw = cfgraph.load(_odd_framework(tmp_path))
    assert callable(export)
    root = ET.fromstring(export(fw).encode("utf-8"))  # noqa: S314 - our own output
    texts = [e.text or "" for e in root.iter()] + [v for e in root.iter() for v in e.attrib.values()]
    assert any("Ministry of Labour \u202e\U0001f600 <b>&amp; ]]> \ufffd" in t for t in texts)


def test_a_text_table_shows_control_characters_escaped() -> None:
    text = render_rows([{"name": "a\x1b]0;pwned\x07b\x1b[31m\x9bc", "n": 1}], "table")
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "a\\x1b]0;pwned\\x07b\\x1b[31m\\x9bc" in text


def test_who_never_sends_escape_sequences_to_the_terminal(
    runner: CliRunner, mini: cfgraph.Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A framework built in Python is not validated; the table still never prints ESC or OSC."""
    undp = next(a for a in mini.agencies if a.id == "undp")
    evil = dataclasses.replace(undp, label="UNDP\x1b]52;c;cHduZWQ=\x07\x1b[2J")
    agencies = tuple(evil if a.id == "undp" else a for a in mini.agencies)
    fw = dataclasses.replace(mini, agencies=agencies)
    monkeypatch.setenv("CFGRAPH_CACHE", "0")
    monkeypatch.setattr("cfgraph.cli.options.load_framework", lambda _: fw)
    result = runner.invoke(cli, ["who", "4.4", "--wide"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "UNDP\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J" in result.stdout


def test_a_query_on_stdin_that_is_not_utf8_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["sparql", "-", "--framework", str(cfgraph.MINI)], input=b"SELECT \xff")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for QUERY: -:1: not valid UTF-8 (byte 0xff at column 8); save the file as UTF-8"
    )


def _descriptor_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes) -> list[str]:
    """Validate the mini framework with *data* as its datapackage.json; the error lines."""
    fw = framework_copy(tmp_path)
    (fw / "datapackage.json").write_bytes(data)
    code, errors = _validate(CliRunner(), tmp_path, monkeypatch)
    assert code == 1
    return errors


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line][nth - 1]


def test_a_descriptor_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(Derived from the current descriptor, so a new table changes nothing here.)"""
    text = (cfgraph.MINI / "datapackage.json").read_text(encoding="utf-8")
    line = _line_of(text, '"title": "Examplestan')
    column = text.splitlines()[line - 1].index("Examplestan") + len("Exampl") + 1
    data = text.encode("utf-8").replace(b'"title": "Examplestan', b'"title": "Exampl\xe9stan', 1)
    assert _descriptor_case(tmp_path, monkeypatch, data) == [
        f"fw/datapackage.json:{line}: (encoding): not valid UTF-8 (byte 0xe9 at column {column});"
        " save the file as UTF-8",
        "cfgraph: 1 error(s), 0 warning(s)",
    ]


def test_a_descriptor_with_resources_that_are_not_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    descriptor = json.loads((cfgraph.MINI / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][3:3] = ["agencies.csv", 7]
    text = json.dumps(descriptor, indent=2)
    line = _line_of(text, '"resources"')
    assert _descriptor_case(tmp_path, monkeypatch, text.encode("utf-8")) == [
        f'fw/datapackage.json:{line}: resources: item 4 must be an object with a "path", not a text',
        f'fw/datapackage.json:{line}: resources: item 5 must be an object with a "path", not a number',
        "cfgraph: 2 error(s), 2 warning(s)",
    ]


def test_a_descriptor_with_paths_that_are_not_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    descriptor = json.loads((cfgraph.MINI / "datapackage.json").read_text(encoding="utf-8"))
    paths = [r["path"] for r in descriptor["resources"]]
    descriptor["resources"][paths.index("agencies.csv")]["path"] = ["agencies.csv", "more.csv"]
    descriptor["resources"][paths.index("partners.csv")]["path"] = 12
    text = json.dumps(descriptor, indent=2)
    agencies = _line_of(text, '"path"', paths.index("agencies.csv") + 1)
    partners = _line_of(text, '"path"', paths.index("partners.csv") + 1)
    assert _descriptor_case(tmp_path, monkeypatch, text.encode("utf-8")) == [
        f'fw/datapackage.json:{agencies}: path: must be a file name such as "agencies.csv", not a list',
        f'fw/datapackage.json:{partners}: path: must be a file name such as "agencies.csv", not a number',
        "cfgraph: 2 error(s), 4 warning(s)",
    ]
