"""Limits on one SPARQL query: time, rows and memory, ending in one line instead of a hang.

rdflib has no timeout, and a query such as ``SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }``
asks for the cube of the graph. rdflib evaluates lazily, so rows are counted as they come and the
query stops at the row limit; but ``ORDER BY``, ``GROUP BY`` and aggregates consume everything
before the first row. So while a query runs in the main thread, a timer (``SIGALRM`` every
:data:`TICK` s) checks the clock and the memory the process has taken since the query began, and
stops the query from inside with :class:`QueryLimitExceeded`. Elsewhere (another thread, no
``setitimer``) the same checks run between rows only.

>>> import cfgraph
>>> from cfgraph.rdf.queries import run_sparql
>>> fw = cfgraph.load(cfgraph.MINI)
>>> run_sparql(fw, "SELECT * WHERE { ?s ?p ?o }", limits=QueryLimits(rows=10))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
cfgraph.rdf.limits.QueryLimitExceeded: the query gives more than 10 rows (--limit); add LIMIT to it, ...
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import FrameType

from cfgraph.errors import QueryError

__all__ = ["DEFAULT_LIMITS", "QueryLimitExceeded", "QueryLimits", "TICK", "limited", "capped"]

#: Seconds between two checks of a running query.
TICK = 0.05


class QueryLimitExceeded(QueryError):
    """A query ran past one of its :class:`QueryLimits`."""


@dataclass(frozen=True)
class QueryLimits:
    """How long a query may run (seconds), how many rows it may give and how much memory (MB)
    it may take; None (or 0) means no limit."""

    timeout: float | None = None
    rows: int | None = None
    memory_mb: int | None = None

    def too_many(self, count: int) -> bool:
        return bool(self.rows) and count > (self.rows or 0)

    def row_error(self) -> QueryLimitExceeded:
        return QueryLimitExceeded(
            f"the query gives more than {self.rows} rows (--limit); add LIMIT to it, or raise --limit"
            " (0: no limit)"
        )


#: What ``cfgraph sparql`` and ``cfgraph query`` allow unless told otherwise.
DEFAULT_LIMITS = QueryLimits(timeout=10.0, rows=10_000, memory_mb=512)


def _resident_bytes() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _in_callback(frame: FrameType | None) -> bool:
    """Whether *frame* runs a garbage-collector or weak-reference callback, where an exception
    cannot propagate to the query (Python prints it as ignored)."""
    import gc

    if frame is None:
        return False
    code = frame.f_code
    return code.co_filename.endswith(("weakref.py", "_weakrefset.py")) or any(
        getattr(cb, "__code__", None) is code for cb in gc.callbacks
    )


@contextlib.contextmanager
def limited(limits: QueryLimits) -> Iterator[Callable[[], None]]:
    """Run the block under *limits*' time and memory; yields the check to call between rows."""
    started = time.monotonic()
    base = _resident_bytes()

    def check() -> None:
        elapsed = time.monotonic() - started
        if limits.timeout and elapsed > limits.timeout:
            raise QueryLimitExceeded(
                f"the query ran for more than {limits.timeout:g} s (--timeout) and was stopped;"
                " narrow it down, add LIMIT, or give a longer --timeout (0: none)"
            )
        now = _resident_bytes() if limits.memory_mb else None
        if now is not None and base is not None and now - base > (limits.memory_mb or 0) * 2**20:
            raise QueryLimitExceeded(
                f"the query needed more than {limits.memory_mb} MB of memory and was stopped; narrow it down"
            )

    timed = (limits.timeout or limits.memory_mb) and hasattr(signal, "setitimer")
    if not timed or threading.current_thread() is not threading.main_thread():
        yield check
        return

    def tick(signum: int, frame: FrameType | None) -> None:
        if not _in_callback(frame):  # raised there, it would be lost; the next tick raises
            check()

    previous = signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield check
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def capped[T](solutions: Iterable[T], limits: QueryLimits, check: Callable[[], None]) -> Iterator[T]:
    """The *solutions* of a query, stopped past the row limit; *check* runs every 1000 rows."""
    for count, solution in enumerate(solutions, start=1):
        if limits.too_many(count):
            raise limits.row_error()
        if count % 1000 == 0:
            check()
        yield solution
