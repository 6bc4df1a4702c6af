"""Load a framework folder into a validated :class:`~cfgraph.model.Framework`.

>>> import cfgraph
>>> report = validate(cfgraph.MINI)
>>> report.ok, len(report.framework.outcomes)
(True, 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cfgraph import model
from cfgraph.errors import Problem, ValidationFailed
from cfgraph.io.entities import check_un_entities
from cfgraph.io.meaning import check_meaning
from cfgraph.io.reading import read_package
from cfgraph.registry import load_registry
from cfgraph.resources import default_framework_dir
from cfgraph.sdg import load_catalogue

__all__ = ["ValidationReport", "validate", "load", "resolve"]


@dataclass(frozen=True)
class ValidationReport:
    """What :func:`validate` found: the problems (errors and warnings) and, if none is an
    error, the framework."""

    problems: tuple[Problem, ...]
    framework: model.Framework | None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return self.framework is not None


def resolve(path: Path | str | None) -> tuple[Path, str]:
    if path is None:
        folder = default_framework_dir()
        try:  # show a short path when the shipped data sits under the working directory
            return folder, str(folder.relative_to(Path.cwd()))
        except ValueError:
            return folder, str(folder)
    return Path(path), str(path).rstrip("/") or "/"


def validate(path: Path | str | None = None) -> ValidationReport:
    """Read and check the framework in *path* (default: the shipped one); never raises on bad data."""
    folder, shown = resolve(path)
    catalogue = load_catalogue()
    pkg = read_package(folder, shown)
    found = check_meaning(pkg, catalogue) if pkg.tables else None
    registry = load_registry()
    check_un_entities(pkg, registry)
    problems = tuple(sorted(set(pkg.problems)))
    if any(p.severity == "error" for p in problems):
        return ValidationReport(problems, None)
    # each table's rows are let go once its objects are built, so both are never held in full
    built: dict[str, Any] = {
        t.name: tuple(t.model(**r.values) for r in pkg.tables.pop(t.name, [])) for t in model.TABLES
    }
    info = built.pop("framework")[0]
    framework = model.Framework(
        info=info,
        catalogue=catalogue,
        registry=registry,
        source_text=tuple(found.texts.get(found.default or "", ())) if found else (),
        texts={sid: tuple(lines) for sid, lines in found.texts.items()} if found else {},
        layout=dict(pkg.layout),
        **built,
    )
    return ValidationReport(problems, framework)


def load(path: Path | str | None = None) -> model.Framework:
    """Return the validated framework in *path*; raise :class:`ValidationFailed` listing every error."""
    report = validate(path)
    if report.framework is None:
        raise ValidationFailed(report.problems)
    return report.framework
