"""Find the files that ship with cfgraph: data, ontology, queries, view definitions.

In an installed wheel they live inside the package under ``cfgraph/_resources/<name>``; in an
editable install (a checkout) they are the top-level folders of the repository. Both are found
from the package's own location (what :func:`importlib.resources.files` gives for a package on
disk, without its import cost), never through the current working directory.

>>> resource_dir("data").joinpath("sdg-catalogue").is_dir()
True
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["resource_dir", "default_framework_dir", "DEFAULT_FILE", "ENV_VARIABLE"]

#: The file in the shipped ``data`` folder naming the framework used when none is given.
DEFAULT_FILE = "DEFAULT"
#: The environment variable that names another default framework folder.
ENV_VARIABLE = "CFGRAPH_FRAMEWORK"


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
    """The framework every command uses when ``--framework`` is not given: the folder
    ``$CFGRAPH_FRAMEWORK`` names, else the shipped one that ``data/DEFAULT`` names, else the only
    framework folder in ``data``."""
    chosen = os.environ.get(ENV_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    data = resource_dir("data")
    named = data / DEFAULT_FILE
    if named.is_file():
        return data / named.read_text(encoding="utf-8").strip()
    folders = sorted(p.parent for p in data.glob("*/framework.csv"))
    if len(folders) == 1:
        return folders[0]
    raise FileNotFoundError(
        f"no default framework: give --framework, set {ENV_VARIABLE}, or name a folder of {data} in {named}"
    )
