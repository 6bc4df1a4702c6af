"""Several frameworks at once: find them, load them, and gather one result over all of them.

A portfolio is a list of loaded frameworks with different ids. Every layer takes one: the
networkx bridge, the property graph and the RDF graph keep each framework's things apart by
their framework-qualified keys and share only the SDG catalogue's and the UN entity registry's
nodes; results carry a ``framework`` column.

>>> import cfgraph, tempfile, shutil, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = shutil.copytree(cfgraph.MINI, root / "examplestan")
>>> [p.name for p in framework_folders(root)]
['examplestan']
>>> [fw.info.id for fw in load_portfolio(root)]
['examplestan-2026-2030']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cfgraph.errors import DataError, NotInFrameworkError, Problem, UnknownIdError, ValidationFailed

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["framework_folders", "load_portfolio", "rows_of_each", "MARKER"]

#: The file that makes a folder a framework folder.
MARKER = "framework.csv"


def framework_folders(root: Path | str) -> list[Path]:
    """*root* itself if it is a framework folder, else every framework folder below it, sorted.

    A framework folder holds ``framework.csv``; hidden folders and a framework's own ``source/``
    are not searched.
    """
    base = Path(root)
    if (base / MARKER).is_file():
        return [base]
    found = []
    for marker in sorted(base.rglob(MARKER)):
        parts = marker.relative_to(base).parts[:-1]
        if not any(p.startswith(".") or p == "source" for p in parts):
            found.append(marker.parent)
    return found


def _folders(paths_or_dir: Path | str | Iterable[Path | str]) -> list[Path]:
    items = [paths_or_dir] if isinstance(paths_or_dir, str | Path) else list(paths_or_dir)
    folders: dict[Path, Path] = {}
    for item in items:
        found = framework_folders(item)
        if not found:
            raise DataError(f"{item}: no framework folder (one holding {MARKER}) there or below it")
        for folder in found:
            folders.setdefault(folder.resolve(), folder)
    return list(folders.values())


def load_portfolio(paths_or_dir: Path | str | Iterable[Path | str]) -> list[Framework]:
    """Load several frameworks: the folders given, and every framework folder below a folder given.

    Parameters
    ----------
    paths_or_dir : path or iterable of paths
        Framework folders, or folders holding framework folders at any depth (``data/``).

    Returns
    -------
    list of Framework
        In the order given (the folders below one folder sorted by path).

    Raises
    ------
    ValidationFailed
        If any framework has errors: every problem of every framework, each with its file.
    DataError
        If a path holds no framework, or two folders hold frameworks with the same id.
    """
    from cfgraph.io.loader import validate

    frameworks: list[Framework] = []
    problems: list[Problem] = []
    where: dict[str, Path] = {}
    for folder in _folders(paths_or_dir):
        report = validate(folder)
        problems += report.problems
        fw = report.framework
        if fw is None:
            continue
        if fw.info.id in where:
            raise DataError(
                f"two folders hold the framework {fw.info.id!r}: {where[fw.info.id]} and {folder}; "
                "a portfolio needs different framework ids (framework.csv, id)"
            )
        where[fw.info.id] = folder
        frameworks.append(fw)
    if any(p.severity == "error" for p in problems):
        raise ValidationFailed(problems)
    return frameworks


def rows_of_each[F](
    frameworks: Iterable[F],
    rows: Callable[[F], list[dict[str, Any]]],
    skip_unknown: bool = False,
) -> list[dict[str, Any]]:
    """The rows of one result for each framework in turn (each row starts with its ``framework``).

    With *skip_unknown*, a framework that does not have the id asked about gives no rows; the
    error of the first (:class:`~cfgraph.errors.UnknownIdError`,
    :class:`~cfgraph.errors.NotInFrameworkError`) is raised only if none has it.

    >>> import cfgraph
    >>> from cfgraph.analysis.involvement import who
    >>> from cfgraph.analysis.records import records
    >>> fws = [cfgraph.load(cfgraph.MINI)]
    >>> len(rows_of_each(fws, lambda fw: records(who(fw, "5.1"), framework=fw.info.id))) > 0
    True
    >>> rows_of_each(fws, lambda fw: records(who(fw, "9.9"), framework=fw.info.id), skip_unknown=True)
    Traceback (most recent call last):
    ...
    cfgraph.errors.UnknownIdError: unknown outcome or SDG target '9.9'; did you mean 3.9?
    """
    out: list[dict[str, Any]] = []
    first: UnknownIdError | NotInFrameworkError | None = None
    answered = False
    for fw in frameworks:
        try:
            out += rows(fw)
        except (UnknownIdError, NotInFrameworkError) as exc:
            if not skip_unknown:
                raise
            first = first or exc
            continue
        answered = True
    if not answered and first is not None:
        raise first
    return out
