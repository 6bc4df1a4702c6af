"""The embedded FalkorDB (``falkordblite``): a private redis-server on a database file, started for
one session and always stopped after it.

Three things make that safe:

- the path is checked first: an existing file must be a database (an RDB file starts with
  ``REDIS``), a new one must go into an existing folder; a folder, a device such as
  ``/dev/null``, a text file or a missing folder is refused, and nothing is created beside it
  (falkordblite writes ``<file>.settings`` next to the database);
- one session at a time per folder, across processes (an exclusive ``flock`` on the folder):
  falkordblite shares one server between the clients of a file and stops it when the last one
  leaves, but two clients leaving together each see the other and both leave it running;
- SIGTERM and SIGHUP end the session like an error does (SIGINT already does), so the server
  is stopped then too; while the server starts or stops, they wait.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "notes.txt").write_text("hello")
>>> database_path(folder / "notes.txt")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
cfgraph.stores.StoreError: cannot use .../notes.txt as a FalkorDB database: not a database file (those ...)
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from cfgraph.stores import StoreError

__all__ = ["LOCK_WAIT", "database_path", "open_embedded"]

#: Seconds a session waits for another one on the same folder to end.
LOCK_WAIT = 120.0
_MAGIC = b"REDIS"
_STOPPING = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_held: dict[str, int] = {}  # folders this process holds the lock of, and how many times
_held_lock = threading.Lock()


def database_path(path: Path | str) -> Path:
    """The real path of the database file *path*, or :class:`StoreError` saying why it cannot be one."""
    real = Path(os.path.realpath(path))

    def refuse(why: str) -> StoreError:
        return StoreError(f"cannot use {path} as a FalkorDB database: {why}")

    try:
        st = real.stat()
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise refuse(f"the folder {real.parent} does not exist") from None
        return real
    except OSError as exc:
        raise refuse(exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise refuse("it is a folder; name a file in it, e.g. graph.db")
    if not stat.S_ISREG(st.st_mode):
        raise refuse("it is not a regular file")
    try:
        with real.open("rb") as fh:
            head = fh.read(len(_MAGIC))
    except OSError as exc:
        raise refuse(exc.strerror or str(exc)) from None
    if head != _MAGIC:
        raise refuse("not a database file (those start with REDIS)")
    return real


@contextlib.contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """Hold the folder's lock (re-entrant within this process; waits up to :data:`LOCK_WAIT`)."""
    import fcntl

    key = str(folder)
    with _held_lock:
        if _held.get(key):
            _held[key] += 1
            fd = None
        else:
            fd = os.open(folder, os.O_RDONLY)
    try:
        if fd is not None:
            deadline = time.monotonic() + LOCK_WAIT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(
                            f"another process has used a FalkorDB database in {folder} for more than"
                            f" {LOCK_WAIT:g} s; try again when it is done"
                        ) from None
                    time.sleep(0.05)
            with _held_lock:
                _held[key] = 1
        yield
    finally:
        with _held_lock:
            _held[key] = _held.get(key, 1) - 1
        if fd is not None:
            os.close(fd)  # releases the lock


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """In the main thread, make SIGTERM and SIGHUP raise SystemExit, so ``finally`` blocks run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def leave(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = {s: signal.signal(s, leave) for s in _STOPPING if s != signal.SIGINT}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back during the block; they arrive when it ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def open_embedded(path: Path | str) -> Iterator[Any]:
    """A client of the embedded FalkorDB on the database file *path*, stopped on leaving."""
    target = database_path(path)
    from redislite.falkordb_client import FalkorDB as EmbeddedFalkorDB

    with _exclusive(target.parent), _stopped_by_signals():
        try:
            with _signals_held():  # a server started but not yet ours to stop would outlive us
                embedded = EmbeddedFalkorDB(str(target))
        except Exception as exc:  # redislite raises plain exceptions when the server cannot start
            raise StoreError(f"cannot start the embedded FalkorDB on {path}: {exc}") from None
        try:
            yield embedded
        finally:
            with _signals_held():
                embedded.close()
