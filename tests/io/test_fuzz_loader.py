"""Fuzzing the loader: whatever bytes the CSV tables and ``datapackage.json`` hold, ``cfgraph
validate`` ends with exit 0, 1 or 2, prints only one-line problems (``FILE:LINE: FIELD: message``)
and a summary, never a traceback or a raw control character, and within a time bound.

The mini framework is copied once; each example changes one file and puts it back. By default
the examples are derandomized (the suite gives the same result on every run) and few; for a long
run, ``CFGRAPH_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz_loader.py`` draws that many random ones.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cfgraph
from cfgraph.cli import cli
from cfgraph.model import TABLES

EXAMPLES = int(os.environ.get("CFGRAPH_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 100,
    derandomize=not EXAMPLES,
    deadline=None,  # the bound is checked below, on each example, with room for a busy machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
#: Seconds one validation of the (small) fuzzed framework may take.
BOUND = 20.0
PROBLEM = re.compile(r"^fw(/[a-z_]+\.(csv|json))?:\d+: .+$")
SUMMARY = re.compile(r"^cfgraph: \d+ error\(s\), \d+ warning\(s\)$")
FILES = [t.filename for t in TABLES] + ["datapackage.json"]


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "fw"
        shutil.copytree(cfgraph.MINI, target)
        yield target


def _validate(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(data)
    try:
        started = time.monotonic()
        result = CliRunner().invoke(cli, ["validate", "--framework", str(folder), "--quiet"])
        seconds = time.monotonic() - started
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert seconds < BOUND
    lines = result.stderr.replace(str(folder), "fw").splitlines()
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", result.output)
    for line in lines[:-1] if result.exit_code == 1 else lines:
        assert PROBLEM.match(line) or SUMMARY.match(line), line
    if result.exit_code == 1:
        assert SUMMARY.match(lines[-1]), lines


#: Characters that mean something to CSV, JSON, terminals or XML, and a few plain ones.
_ODD = ',;"\n\r\t\x00\x1b\x85\u2028 -.0123456789abz\u00e9\ufeff\ufffe'
_pieces = st.one_of(
    st.binary(max_size=12),
    st.text(alphabet=st.sampled_from(_ODD), max_size=12).map(lambda s: s.encode("utf-8")),
)
#: (where, how many bytes to cut, what to put there); positions are taken modulo the file size.
_edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 40), _pieces), min_size=1, max_size=6)


def _edited(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for where, cut, piece in edits:
        at = where % (len(data) + 1)
        data = data[:at] + piece + data[at + cut :]
    return data


@FUZZ
@given(name=st.sampled_from(FILES), edits=_edits)
def test_edited_bytes(folder: Path, name: str, edits: list[tuple[int, int, bytes]]) -> None:
    shipped = cfgraph.MINI / name  # an optional table the example lacks starts empty
    _validate(folder, name, _edited(shipped.read_bytes() if shipped.exists() else b"", edits))


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(value=_json, keep_resources=st.booleans(), nesting=st.integers(0, 3000))
def test_odd_datapackages(folder: Path, value: Any, keep_resources: bool, nesting: int) -> None:
    """Any JSON value as the descriptor, or as its resources, or buried under deep nesting."""
    descriptor = json.loads((cfgraph.MINI / "datapackage.json").read_text(encoding="utf-8"))
    if keep_resources:
        descriptor["resources"] = [*descriptor["resources"][:3], value, *descriptor["resources"][3:]]
        text = json.dumps(descriptor)
    else:
        text = "[" * nesting + json.dumps(value) + "]" * nesting
    _validate(folder, "datapackage.json", text.encode("utf-8"))


@FUZZ
@given(name=st.sampled_from([t.filename for t in TABLES]), header=st.lists(st.text(max_size=8), max_size=8))
def test_odd_headers(folder: Path, name: str, header: list[str]) -> None:
    """Headers with duplicated, empty, quoted or unknown columns, over the file's own rows (or
    none, for a table the folder does not have)."""
    shipped = cfgraph.MINI / name
    lines = shipped.read_bytes().split(b"\n") if shipped.exists() else [b""]
    row = ",".join('"' + h.replace('"', '""') + '"' for h in header).encode("utf-8")
    _validate(folder, name, b"\n".join([row, *lines[1:]]))
