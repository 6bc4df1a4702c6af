"""The wheel carries what a notebook user needs without the checkout: the shipped data, the
ontology, queries, view definitions, the mini example framework and vis-network with its licences."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    [found] = out.glob("cfgraph-*.whl")
    return found


def test_wheel_holds_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "cfgraph/examples/mini/datapackage.json",
        "cfgraph/examples/mini/source/examplestan-2026-2030.txt",
        "cfgraph/_resources/data/kazakhstan-2021-2025/outcomes.csv",
        "cfgraph/_resources/data/sdg-catalogue/targets.csv",
        "cfgraph/_resources/ontology/cfgraph.ttl",
        "cfgraph/_resources/queries/outcomes-for-target.rq",
        "cfgraph/_resources/visualisations/stakeholder-map.yaml",
        "cfgraph/render/assets/vendor/vis-network/vis-network.min.js",
        "cfgraph/render/assets/vendor/vis-network/LICENSE-MIT",
        "cfgraph/render/assets/vendor/vis-network/LICENSE-APACHE-2.0",
        "cfgraph/schemas/framework.schema.json",
    ):
        assert needed in names, needed


def test_installed_wheel_loads_the_mini_example_away_from_the_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import cfgraph; "
        "assert str(cfgraph.MINI).startswith(sys.argv[1]), cfgraph.MINI; "
        "fw = cfgraph.load(cfgraph.MINI); kz = cfgraph.load(); "
        "print(len(fw.outcomes), len(kz.outcomes), cfgraph.__file__.startswith(sys.argv[1]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(site)], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "6", "True"]
