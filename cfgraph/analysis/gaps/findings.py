"""What a gap check is and what it finds: :class:`GapCheck` and :class:`Finding`.

A finding carries its evidence — the typed ids it concerns (``outcome:1.1``, ``agency:undp``),
the cells as the document writes them (``evidence``) and the source lines to read — so a
reviewer can check it against the document.

>>> f = Finding("agency-without-indicator", "info", "1.1", "UNICEF has no indicator",
...             ("outcome:1.1", "agency:unicef"), ("UNICEF",), (14, 30))
>>> f.at_least("info"), f.at_least("warning")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cfgraph.model import parse_lines
from cfgraph.model.citations import split_citations
from cfgraph.vocabulary import SEVERITIES, severity_rank

if TYPE_CHECKING:
    from cfgraph.analysis.networks import FrameworkIndex
    from cfgraph.model import Framework

__all__ = ["SEVERITIES", "Finding", "GapCheck", "CheckFunction", "severity_rank", "lines_of", "register"]

#: The id of the framework's main source while a check runs (its rows cite it with a blank id).
_MAIN_SOURCE: ContextVar[str] = ContextVar("cfgraph_main_source", default="")


def lines_of(cells: Iterable[str]) -> tuple[int, ...]:
    """Sorted distinct first lines of provenance cells.

    >>> lines_of(["230;590-591", "14"])
    (14, 230, 590)
    """
    return tuple(sorted({n for cell in cells for n in parse_lines(cell)}))


@dataclass(frozen=True)
class Finding:
    """One gap or inconsistency, with the evidence to check it."""

    check: str
    severity: str
    subject: str
    message: str
    concerns: tuple[str, ...]
    evidence: tuple[str, ...]
    source_lines: tuple[int, ...]
    #: Where else the evidence is written: another source's lines, a cell, a page.
    cited_in: tuple[str, ...] = ()

    def at_least(self, severity: str) -> bool:
        """True if this finding is at or above *severity*."""
        return severity_rank(self.severity) >= severity_rank(severity)


#: A check's function: gets its own :class:`GapCheck` (to make findings), the framework and its index.
CheckFunction = Callable[["GapCheck", "Framework", "FrameworkIndex"], list[Finding]]


@dataclass(frozen=True)
class GapCheck:
    """A named check: its id, severity, one-line title, why it matters, and the function."""

    id: str
    severity: str
    title: str
    explanation: str
    run: CheckFunction

    def __call__(self, fw: Framework, ix: FrameworkIndex) -> list[Finding]:
        """Run the check on *fw* (with its :func:`cfgraph.analysis.networks.index`)."""
        token = _MAIN_SOURCE.set(fw.main_source_id)
        try:
            return self.run(self, fw, ix)
        finally:
            _MAIN_SOURCE.reset(token)

    def finding(
        self,
        subject: str,
        message: str,
        concerns: Iterable[str] = (),
        evidence: Iterable[str] = (),
        cells: Iterable[Any] = (),
    ) -> Finding:
        """A finding of this check: the typed ids it *concerns*, the quotes that are its *evidence*,
        and where to read them: provenance *cells* of the main source (``'230;590-591'``) or the
        rows themselves, which may cite another source, a cell or a page."""
        lines, elsewhere = split_citations(cells, _MAIN_SOURCE.get())
        return Finding(
            self.id,
            self.severity,
            subject,
            message,
            tuple(dict.fromkeys(concerns)),
            tuple(dict.fromkeys(q for q in evidence if q)),
            lines,
            elsewhere,
        )

    def about_rows(self, subject: str, message: str, concerns: Iterable[str], rows: Iterable[Any]) -> Finding:
        """A finding whose evidence is the ``raw`` cells and ``source_lines`` of table *rows*."""
        rows = list(rows)
        return self.finding(subject, message, concerns, [r.raw for r in rows], rows)


def register(
    registry: list[GapCheck], id: str, severity: str, title: str
) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator adding a check function to *registry*; its docstring is the explanation."""
    severity_rank(severity)

    def deco(fn: CheckFunction) -> CheckFunction:
        text = re.sub(r":\w+:`([^`]*)`", r"\1", (fn.__doc__ or title).replace("``", ""))  # no reST roles
        explanation = " ".join(text.split())
        registry.append(GapCheck(id, severity, title, explanation, fn))
        return fn

    return deco
