"""Shared fixtures: the mini framework, the shipped one, the second fixture (riverland), a portfolio of
the shipped framework, its renamed and edited copy and the mini one, an Oxigraph server, and a
runner for the CLI."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import cfgraph
from cfgraph.resources import default_framework_dir
from cfgraph.stores.oxigraph_server import free_port, oxigraph_server

__all__ = ["free_port"]

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
#: A second fictional framework of another shape than the shipped one.
RIVERLAND = DATA / "riverland"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server on 127.0.0.1 (loopback only), stopped after the module."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db") as base:
        yield base


@pytest.fixture(scope="session")
def riverland() -> cfgraph.Framework:
    """The second fixture: outcomes 1..3, outputs, no narrative lists, two sources, policy cited."""
    return cfgraph.load(RIVERLAND)


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


def set_policy(folder: Path, policy: str) -> Path:
    """Set the provenance policy in *folder*'s framework.csv (``cited``: text not in the cited
    lines is a warning, so a test may put any text in the tables)."""
    info = folder / "framework.csv"
    lines = info.read_text(encoding="utf-8").split("\n")
    column = lines[0].split(",").index("provenance")
    cells = lines[1].split(",")
    cells[column] = policy
    lines[1] = ",".join(cells)
    info.write_text("\n".join(lines), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests keep their cache entries (cfgraph.io.cache) in a folder of their own."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    patch.delenv("CFGRAPH_CACHE", raising=False)
    yield
    patch.undo()


#: The shipped framework's id, and that of its renamed, edited copy (same outcome ids, other links).
KZ_ID = "kazakhstan-2021-2025"
COPY_ID = "kazakhstan-copy-2021-2025"


def _drop_rows(path: Path, keep: Callable[[dict[str, str]], bool]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or ()), [r for r in reader if keep(r)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def kazakhstan_copy(target: Path) -> Path:
    """The shipped framework renamed and edited: the same outcome ids, but no stated link towards
    outcome 1.1, UNDP not in outcome 1.1's narrative list, no partner named for outcome 2.1."""
    shutil.copytree(default_framework_dir(), target)
    framework = target / "framework.csv"
    framework.write_text(
        framework.read_text(encoding="utf-8").replace(KZ_ID, COPY_ID, 1), encoding="utf-8"
    )
    _drop_rows(target / "outcome_links.csv", lambda r: r["target"] != "1.1")
    undp = ("1.1", "narrative", "undp")
    _drop_rows(target / "outcome_agencies.csv", lambda r: (r["outcome"], r["listed_in"], r["agency"]) != undp)
    _drop_rows(target / "outcome_partners.csv", lambda r: r["outcome"] != "2.1")
    _drop_rows(target / "indicator_partners.csv", lambda r: not r["indicator"].startswith("2.1-"))
    return target


@pytest.fixture(scope="session")
def portfolio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of four frameworks: the shipped one, its renamed and edited copy, the mini one and
    the second fixture of another shape (riverland: outcomes 1..3, outputs, policy cited)."""
    root = tmp_path_factory.mktemp("portfolio")
    shutil.copytree(default_framework_dir(), root / "kazakhstan")
    kazakhstan_copy(root / "kazakhstan-copy")
    shutil.copytree(cfgraph.MINI, root / "examplestan")
    shutil.copytree(RIVERLAND, root / "riverland")
    return root


@pytest.fixture(scope="session")
def portfolio(portfolio_dir: Path) -> list[cfgraph.Framework]:
    """The frameworks of :func:`portfolio_dir`, in folder order (examplestan, kazakhstan, copy, riverland)."""
    return cfgraph.load_portfolio(portfolio_dir)
