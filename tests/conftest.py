"""Shared fixtures: the mini framework, the shipped one, and a runner for the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"


@pytest.fixture(scope="session")
def mini() -> cfgraph.Framework:
    return cfgraph.load(cfgraph.MINI)


@pytest.fixture(scope="session")
def kz() -> cfgraph.Framework:
    return cfgraph.load()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def framework_copy(tmp_path: Path, overlay: Path | None = None, name: str = "fw") -> Path:
    """Copy the mini framework to *tmp_path*/<name>, then apply the files of a bad case."""
    target = tmp_path / name
    shutil.copytree(cfgraph.MINI, target)
    if overlay is not None:
        for f in overlay.iterdir():
            if f.name == "_delete":
                for gone in f.read_text().split():
                    (target / gone).unlink()
            elif f.name != "expected.txt":
                shutil.copy(f, target / f.name)
    return target


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests keep their cache entries (cfgraph.io.cache) in a folder of their own."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    patch.delenv("CFGRAPH_CACHE", raising=False)
    yield
    patch.undo()
