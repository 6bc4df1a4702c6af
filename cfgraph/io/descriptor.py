"""Read the resources a framework's ``datapackage.json`` declares, whatever the file holds.

Every way the file can be wrong (not UTF-8, not JSON, nested too deeply, not an object, a
``resources`` that is not a list of objects with a text ``path``) becomes one
:class:`~cfgraph.errors.Problem` with the line where it is, never an exception.

>>> declared, problems = declared_paths(b'{"resources": [{"path": "a.csv"}, 3]}', "dp.json")
>>> declared, [str(p) for p in problems]
({'a.csv': 1}, ['dp.json:1: resources: item 2 must be an object with a "path", not a number'])
"""

from __future__ import annotations

import json
from typing import Any

from cfgraph.errors import Problem
from cfgraph.io.csvfile import decode_utf8

__all__ = ["declared_paths"]

_KINDS = {dict: "an object", list: "a list", str: "a text", bool: "a boolean", type(None): "null"}


def _kind(value: Any) -> str:
    return _KINDS.get(type(value), "a number")


def _line_of(lines: list[str], needle: str, default: int = 1) -> int:
    return next((n for n, text in enumerate(lines, 1) if needle in text), default)


def _parse(data: bytes, shown: str) -> tuple[Any, list[str], list[Problem]]:
    text, problems = decode_utf8(data, shown)
    if text is None:
        return None, [], problems
    try:
        return json.loads(text), text.splitlines(), []
    except json.JSONDecodeError as exc:
        return None, [], [Problem(shown, exc.lineno, "(json)", f"not valid JSON: {exc.msg}")]
    except RecursionError:
        return None, [], [Problem(shown, 1, "(json)", "nested too deeply to read")]
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        return None, [], [Problem(shown, 1, "(json)", f"not valid JSON: {exc}")]


def declared_paths(data: bytes, shown: str) -> tuple[dict[str, int] | None, list[Problem]]:
    """Map each resource path declared in the descriptor *data* to its line there.

    Returns None (and the problems) when the file cannot be read as a data package.
    """
    descriptor, lines, problems = _parse(data, shown)
    if problems:
        return None, problems
    if not isinstance(descriptor, dict):
        message = f'must be an object with a "resources" list, not {_kind(descriptor)}'
        return None, [Problem(shown, 1, "(json)", message)]
    resources = descriptor.get("resources", [])
    at = _line_of(lines, '"resources"')
    if not isinstance(resources, list):
        return None, [Problem(shown, at, "resources", f"must be a list of tables, not {_kind(resources)}")]
    declared: dict[str, int] = {}
    path_lines = [n for n, text in enumerate(lines, 1) if '"path"' in text]
    paths_seen = 0
    for number, resource in enumerate(resources, start=1):
        if not isinstance(resource, dict):
            message = f'item {number} must be an object with a "path", not {_kind(resource)}'
            problems.append(Problem(shown, at, "resources", message))
            continue
        path = resource.get("path", "")
        paths_seen += "path" in resource
        if not isinstance(path, str):
            line = path_lines[paths_seen - 1] if 0 < paths_seen <= len(path_lines) else at
            message = f'must be a file name such as "agencies.csv", not {_kind(path)}'
            problems.append(Problem(shown, line, "path", message))
            continue
        declared[path] = _line_of(lines, f'"path": {json.dumps(path)}', 0)
    return declared, problems
