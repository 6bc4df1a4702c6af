"""Find the files that ship with cfgraph: data, ontology, queries, view definitions.

In an installed wheel they live inside the package under ``cfgraph/_resources/<name>``; in an
editable install (a checkout) they are the top-level folders of the repository. Both are found
from the package's own location (what :func:`importlib.resources.files` gives for a package on
disk, without its import cost), never through the current working directory.

>>> resource_dir("data").joinpath("sdg-catalogue").is_dir()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_dir", "default_framework_dir", "DEFAULT_FRAMEWORK"]

#: The framework ``cfgraph`` uses when none is given.
DEFAULT_FRAMEWORK = "kazakhstan-2021-2025"


def resource_dir(name: str) -> Path:
    """Return the folder of shipped files called *name* (``data``, ``ontology``, ...)."""
    package = Path(__file__).resolve().parent
    bundled = package / "_resources" / name
    if bundled.is_dir():
        return bundled
    checkout = package.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"cfgraph resource folder {name!r} not found (looked in {bundled})")


def default_framework_dir() -> Path:
    """The folder of the framework shipped with cfgraph."""
    return resource_dir("data") / DEFAULT_FRAMEWORK
