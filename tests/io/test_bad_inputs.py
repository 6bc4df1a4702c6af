"""Every bad-input case under tests/data/bad/ gives exactly the messages in its expected.txt.

Each case folder holds the files that replace the mini framework's (``_delete`` lists files to
remove) and ``expected.txt``, the exact stderr of ``cfgraph validate``. Regenerate with
``CFGRAPH_REGEN=1 pytest tests/io/test_bad_inputs.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cfgraph.cli import cli
from tests.conftest import DATA, framework_copy

CASES = sorted(p for p in (DATA / "bad").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_messages(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    framework_copy(tmp_path, case)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--framework", "fw", "--quiet"])
    expected_file = case / "expected.txt"
    if os.environ.get("CFGRAPH_REGEN"):
        expected_file.write_text(result.stderr, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert result.stderr == expected
    has_error = any(" warning: " not in line for line in expected.splitlines()[:-1]) or "error(s)" in expected
    assert result.exit_code == (1 if has_error else 0), result.output
    assert "Traceback" not in result.output


def test_every_case_has_expected_messages() -> None:
    assert len(CASES) >= 15
    for case in CASES:
        assert (case / "expected.txt").is_file(), case
