"""One exception hierarchy for cfgraph; every data problem names its file, row and field.

>>> p = Problem("data/kz/indicators.csv", 14, "baseline_year", "'twenty' is not a year")
>>> str(p)
"data/kz/indicators.csv:14: baseline_year: 'twenty' is not a year"
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "CfgraphError",
    "DataError",
    "NotInFrameworkError",
    "OutputError",
    "Problem",
    "QueryError",
    "Severity",
    "UnknownIdError",
    "ValidationFailed",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth reporting) in the input, located precisely.

    ``line`` is the 1-based physical line of the file where the record starts;
    0 means the problem concerns the file as a whole.
    """

    file: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        from cfgraph.controls import escape_controls

        prefix = "warning: " if self.severity == "warning" else ""
        return escape_controls(f"{self.file}:{self.line}: {self.field}: {prefix}{self.message}")


class CfgraphError(Exception):
    """Base class of every error cfgraph raises on purpose."""


class DataError(CfgraphError):
    """The input data cannot be used."""


class ValidationFailed(DataError):
    """The framework data has one or more errors; ``problems`` lists them all, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: Sequence[Problem] = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} problem(s) in the framework data")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class UnknownIdError(CfgraphError):
    """An id given by the user is not in the framework; ``suggestions`` holds close ids."""

    def __init__(self, kind: str, value: str, suggestions: Sequence[str], note: str = "") -> None:
        self.kind, self.value, self.suggestions, self.note = kind, value, list(suggestions), note
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {kind} {value!r}{hint}{'; ' + note if note else ''}")


class NotInFrameworkError(CfgraphError):
    """The thing asked about exists (an SDG target, say) but this framework does not name it; a
    question over several frameworks skips such a framework."""


class QueryError(CfgraphError):
    """A named query or its parameters cannot be used."""


class OutputError(CfgraphError):
    """A file cannot be written; the message names the path the user gave."""
