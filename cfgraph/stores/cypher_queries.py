"""Named cross-outcome questions in Cypher (``queries/*.cypher``), for Neo4j and FalkorDB alike.

Each file starts with ``// title:`` and ``// answers:`` comment lines, like the SPARQL ``.rq``
files next to them, and uses only the Cypher both databases understand.

>>> [q.name for q in list_cypher_queries()][:2]
['agencies-across-outcomes', 'agency-footprint']
>>> get_cypher_query("shared-targets").title
'Pairs of outcomes that share SDG targets'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cfgraph.errors import UnknownIdError
from cfgraph.model import closest

__all__ = ["CypherQuery", "list_cypher_queries", "get_cypher_query"]

_HEADER = re.compile(r"^//\s*(?P<key>title|answers):\s*(?P<value>.*)$")


@dataclass(frozen=True)
class CypherQuery:
    """A ``.cypher`` file: its name, what it answers and its text."""

    name: str
    title: str
    answers: str
    text: str


def _parse(path: Path) -> CypherQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {"title": [], "answers": []}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            fields[m.group("key")].append(m.group("value").strip())
    return CypherQuery(path.stem, " ".join(fields["title"]) or path.stem, " ".join(fields["answers"]), text)


def list_cypher_queries() -> list[CypherQuery]:
    """Every ``.cypher`` question shipped in ``queries/``, sorted by name."""
    from cfgraph.resources import resource_dir

    return [_parse(p) for p in sorted(resource_dir("queries").glob("*.cypher"))]


def get_cypher_query(name: str) -> CypherQuery:
    """The Cypher question *name*; :class:`~cfgraph.errors.UnknownIdError` with suggestions if none."""
    queries = {q.name: q for q in list_cypher_queries()}
    if name not in queries:
        raise UnknownIdError("Cypher query", name, closest(name, queries))
    return queries[name]
