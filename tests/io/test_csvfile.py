from __future__ import annotations

from pathlib import Path

from cfgraph.io.csvfile import read_csv


def _write(tmp_path: Path, data: bytes) -> Path:
    p = tmp_path / "t.csv"
    p.write_bytes(data)
    return p


def test_multiline_record_keeps_its_start_line(tmp_path: Path) -> None:
    table = read_csv(_write(tmp_path, b'id,text\n1,"a\nb"\n2,c\n'), "t.csv")
    assert [(r.line, r.values["id"]) for r in table.rows] == [(2, "1"), (4, "2")]
    assert table.problems == []


def test_bom_is_accepted(tmp_path: Path) -> None:
    table = read_csv(_write(tmp_path, b"\xef\xbb\xbfid,name\n1,\xc3\xa9\n"), "t.csv")
    assert table.header == ["id", "name"] and table.rows[0].values["name"] == "é"


def test_every_bad_line_is_reported(tmp_path: Path) -> None:
    table = read_csv(_write(tmp_path, b"id,name\n1,\xe9\n2,ok\n3,\xff\n"), "t.csv")
    assert [(p.line, p.field) for p in table.problems] == [(2, "(encoding)"), (4, "(encoding)")]
    assert "not valid UTF-8" in table.problems[0].message


def test_crlf_files_are_fine(tmp_path: Path) -> None:
    table = read_csv(_write(tmp_path, b"id,name\r\n1,a\r\n2,b\r\n"), "t.csv")
    assert [r.values["name"] for r in table.rows] == ["a", "b"] and table.problems == []


def test_empty_file(tmp_path: Path) -> None:
    assert (
        str(read_csv(_write(tmp_path, b""), "t.csv").problems[0])
        == "t.csv:1: (header): file is empty; expected a header row"
    )
