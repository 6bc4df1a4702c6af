"""A per-user cache of validated frameworks and of what is built from them (the RDF store).

Every entry is keyed on the content hash of the framework folder (every file in it, the source
text included), of the SDG catalogue and of cfgraph's own code, so an edited CSV, a new
catalogue or another version of cfgraph never gets a stale answer: the key changes and the
entry is built again. A corrupt or unreadable entry is ignored and rebuilt. Entries live in
``$XDG_CACHE_HOME/cfgraph`` (default ``~/.cache/cfgraph``), readable by the user only;
``CFGRAPH_CACHE=0`` turns the cache off.

>>> import cfgraph, os
>>> fw = load(cfgraph.MINI)
>>> fw.info.id
'examplestan-2026-2030'
>>> len(folder_digest(cfgraph.MINI)) == 64
True
"""

from __future__ import annotations

import hashlib
import os
import pickle  # noqa: S403 - entries are written by this module into the user's own cache folder
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = [
    "enabled", "cache_dir", "folder_digest", "code_digest", "framework_digest", "memo", "for_folder",
    "for_framework", "load", "ntriples", "clear",
]  # fmt: skip

_ENTRY_VERSION = b"cfgraph-cache-1"


def enabled() -> bool:
    """False when ``CFGRAPH_CACHE`` is ``0`` (or ``off``/``no``/``false``)."""
    return os.environ.get("CFGRAPH_CACHE", "1").strip().lower() not in ("0", "off", "no", "false")


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/cfgraph``, or ``~/.cache/cfgraph``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cfgraph"


def folder_digest(folder: Path | str) -> str:
    """The SHA-256 of every file under *folder*: relative paths and contents, in sorted order."""
    root = Path(folder)
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def code_digest() -> str:
    """A fingerprint of cfgraph's own code and shipped resources (paths, sizes, change times)."""
    from cfgraph.resources import resource_dir

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(_ENTRY_VERSION)
    roots = [package, *(resource_dir(n) for n in ("queries", "ontology", "visualisations"))]
    roots.append(resource_dir("data") / "sdg-catalogue")
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                st = os.stat(os.path.join(dirpath, name))
                digest.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _entry(kind: str, parts: tuple[str, ...]) -> Path:
    name = hashlib.sha256("\0".join((code_digest(), kind, *parts)).encode("utf-8")).hexdigest()
    return cache_dir() / kind / f"{name}.pickle"


def _read(path: Path) -> tuple[bool, Any]:
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_ENTRY_VERSION))
            if header != _ENTRY_VERSION:
                return False, None
            return True, pickle.load(fh)  # noqa: S301 - our own entry, keyed by content
    except Exception:  # noqa: BLE001 - a corrupt or vanished entry is rebuilt, never fatal
        return False, None


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_ENTRY_VERSION)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a cache that cannot be written only costs time


def memo[T](kind: str, parts: tuple[str, ...], compute: Callable[[], T]) -> T:
    """The value cached under *kind* and *parts* (which must include every input's content
    hash), or ``compute()`` stored there."""
    if not enabled():
        return compute()
    path = _entry(kind, parts)
    found, value = _read(path)
    if found:
        return value  # type: ignore[no-any-return]
    value = compute()
    _write(path, value)
    return value


def _folder(path: Path | str | None) -> Path:
    from cfgraph.resources import default_framework_dir

    return Path(path) if path is not None else default_framework_dir()


def for_folder[T](path: Path | str | None, kind: str, parts: tuple[str, ...], compute: Callable[[], T]) -> T:
    """:func:`memo` keyed on the content of the framework folder *path* (default the shipped one)
    and *parts*; a folder that does not exist is computed (and fails) every time."""
    folder = _folder(path)
    if not enabled() or not folder.is_dir():
        return compute()
    return memo(kind, (folder_digest(folder), "" if path is None else str(path), *parts), compute)


def framework_digest(fw: Framework) -> str:
    """The SHA-256 of everything a framework states (every table's rows, its catalogue's id and
    its source text), for entries computed from a framework already loaded."""
    from cfgraph.model import TABLES

    digest = hashlib.sha256()
    for t in TABLES:
        digest.update(repr(getattr(fw, t.name, None) if t.name != "framework" else fw.info).encode("utf-8"))
    digest.update("\n".join(fw.source_text).encode("utf-8"))
    for sid in sorted(fw.texts):
        digest.update(f"\0{sid}\0".encode() + "\n".join(fw.texts[sid]).encode("utf-8"))
    return digest.hexdigest()


def for_framework[T](fw: Framework, kind: str, parts: tuple[str, ...], compute: Callable[[], T]) -> T:
    """:func:`memo` keyed on what *fw* states (:func:`framework_digest`) and *parts*."""
    if not enabled():
        return compute()
    return memo(kind, (framework_digest(fw), *parts), compute)


def load(path: Path | str | None = None) -> Framework:
    """:func:`cfgraph.io.loader.load`, served from the cache when the folder has not changed.

    Bad data is never cached: :class:`~cfgraph.errors.ValidationFailed` is raised every time.
    """
    def build() -> Framework:
        from cfgraph.io import loader

        return loader.load(path)

    return for_folder(path, "model", (), build)


def ntriples(path: Path | str | None = None) -> bytes:
    """The framework's RDF graph as N-Triples (the RDF store's content), cached like :func:`load`."""

    def build() -> bytes:
        from cfgraph.rdf.build import build_graph
        from cfgraph.rdf.serialize import to_ntriples

        return to_ntriples(build_graph(load(path))).encode("utf-8")

    return for_folder(path, "ntriples", (), build)


def clear() -> int:
    """Delete every cache entry; return how many were removed."""
    removed = 0
    for entry in sorted(cache_dir().glob("*/*.pickle")):
        entry.unlink(missing_ok=True)
        removed += 1
    return removed
