"""Write outputs into what the user named, never destroying it.

A regular file (new or existing) is written atomically: a temporary file next to it, then
:func:`os.replace`, so a run that fails half way leaves the previous file (or none), never a
half-written one; an existing file keeps its mode. A symlink is written through: the file it
points to is replaced (atomically, at its real path) and the link stays. A special file (a
device such as ``/dev/null``, a FIFO, ``/dev/stdout``) is opened and written into, never
replaced. ``-`` means standard output. Every error names the path as given
(``cannot write build/x.csv: Permission denied``), never the temporary file.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_text(d / "a" / "out.txt", "héllo\\n").read_text(encoding="utf-8")
'héllo\\n'
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from cfgraph.errors import OutputError

__all__ = ["STDOUT", "atomic_open", "replaced_folder", "special_output", "write_text", "write_bytes"]

#: The path that means standard output.
STDOUT = "-"
#: Paths under these folders are written in place (``/dev/stdout`` resolves to a pipe or a tty).
_SPECIAL_ROOTS = ("/dev/", "/proc/")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fail(shown: str, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {shown}: {exc.strerror or exc}")


def _destination(path: Path, shown: str) -> tuple[bool, Path, int | None]:
    """(write in place?, the path to write, the mode of the existing regular file or None)."""
    try:
        st = os.stat(path)  # follows symlinks: what the path names in the end
    except FileNotFoundError:
        st = None
    except OSError as exc:  # ENOTDIR, ELOOP, EACCES on a parent
        raise _fail(shown, exc) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {shown}: it is a folder")
    if st is not None and not stat.S_ISREG(st.st_mode):
        return True, path, None
    if os.path.abspath(path).startswith(_SPECIAL_ROOTS):
        return True, path, None
    return False, Path(os.path.realpath(path)), None if st is None else stat.S_IMODE(st.st_mode)


def special_output(path: Path | str) -> bool:
    """Whether *path* is standard output or a special file (written into, not a file of its own),
    so nothing should be written beside it.

    >>> special_output("-"), special_output("/dev/null"), special_output("build/x.html")
    (True, True, False)
    """
    if str(path) == STDOUT:
        return True
    try:
        return _destination(Path(path), str(path))[0]
    except OutputError:
        return False


@contextlib.contextmanager
def _stdout() -> Iterator[IO[bytes]]:
    sys.stdout.flush()
    yield sys.stdout.buffer
    sys.stdout.buffer.flush()


@contextlib.contextmanager
def _replace(target: Path, shown: str, mode: int | None) -> Iterator[IO[bytes]]:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _fail(shown, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        # mkstemp makes the file 0600: give it the mode of the file it replaces, or of a new file
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _fail(shown, exc) from None
        raise


@contextlib.contextmanager
def _in_place(path: Path, shown: str) -> Iterator[IO[bytes]]:
    try:
        with path.open("wb") as fh:
            yield fh
    except OSError as exc:
        raise _fail(shown, exc) from None


def _open(path: Path | str) -> contextlib.AbstractContextManager[IO[bytes]]:
    shown = str(path)
    if shown == STDOUT:
        return _stdout()
    in_place, where, mode = _destination(Path(path), shown)
    return _in_place(where, shown) if in_place else _replace(where, shown, mode)


@contextlib.contextmanager
def atomic_open(path: Path | str) -> Iterator[IO[str]]:
    """A text handle (UTF-8, ``\\n`` newlines) whose content ends up in *path* (see the module)."""
    with _open(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n", write_through=True)
        try:
            yield text
        finally:
            text.detach()  # the handle belongs to _open (stdout is not ours to close)


def write_text(path: Path | str, text: str) -> Path:
    """Write *text* as UTF-8 to *path* (see the module); return the path."""
    return write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write *data* to *path* (see the module); return the path."""
    with _open(path) as fh:
        fh.write(data)
    return Path(path)


@contextlib.contextmanager
def replaced_folder(path: Path | str, kind: str = "output") -> Iterator[Path]:
    """A new empty folder beside *path* to fill; on success it replaces *path* as a whole.

    The old folder is renamed away, the new one renamed in, then the old one deleted, so a run
    that fails (or is stopped) half way leaves the old folder as it was and no new one. An
    existing folder is replaced only if everything in it is also in the new one (it was made by
    the same writer): a folder holding anything else is refused, never deleted.
    """
    shown = str(path)
    target = Path(os.path.realpath(path))  # a link to a folder: replace the folder it names
    if target.exists() and not target.is_dir():
        raise OutputError(f"cannot write the {kind} into {shown}: it is not a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(target)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".new", dir=target.parent)
        )
    except OSError as exc:
        raise _fail(shown, exc) from None
    try:
        yield staging
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it 0700
        _swap(staging, target, shown, kind)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when the swap succeeded


def _remove_abandoned(target: Path) -> None:
    """Delete the folders a killed run left beside *target* (``.NAME.PID.XXXX.new`` or ``.old``
    whose process PID has ended); a running writer's folders are left alone."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(\d+)\.[^.]+\.(new|old)$")
    for entry in target.parent.iterdir():
        m = pattern.match(entry.name)
        if m is None or not entry.is_dir() or entry.is_symlink():
            continue
        try:
            os.kill(int(m.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except (PermissionError, OverflowError):
            continue  # a process of another user, or no such pid: leave it


def _swap(new: Path, target: Path, shown: str, kind: str) -> None:
    if not target.exists():
        os.rename(new, target)
        return
    foreign = sorted(set(os.listdir(target)) - set(os.listdir(new)))
    if foreign:
        listed = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise OutputError(
            f"cannot write the {kind} into {shown}: it holds {listed}, which is not part of a {kind};"
            " give a new or empty folder"
        )
    old = new.with_suffix(".old")
    try:
        os.rename(target, old)
        try:
            os.rename(new, target)
        except OSError:
            os.rename(old, target)
            raise
    except OSError as exc:
        raise _fail(shown, exc) from None
    shutil.rmtree(old, ignore_errors=True)
