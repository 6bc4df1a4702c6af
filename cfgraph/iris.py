"""The bases of cfgraph's IRIs as plain text, and reading ids back from IRIs, without rdflib.

:mod:`cfgraph.namespaces` builds rdflib namespaces from these; the query runners read result
IRIs with :func:`iri_to_id`, so answering a question does not need rdflib loaded.

>>> iri_to_id("https://w3id.org/cfgraph/id/kz/outcome/1.1"), iri_to_id(CFG_BASE + "Outcome")
('1.1', 'Outcome')
"""

from __future__ import annotations

import re
from urllib.parse import unquote

__all__ = ["CFG_BASE", "ID_BASE", "LINK_KIND_BASE", "iri_to_id", "sort_key"]

#: The cfgraph ontology (``cfg:``).
CFG_BASE = "https://w3id.org/cfgraph/ontology#"
#: Where a framework's own things get their IRIs.
ID_BASE = "https://w3id.org/cfgraph/id/"
#: The link kinds as SKOS concepts.
LINK_KIND_BASE = "https://w3id.org/cfgraph/ontology/link-kind/"


def iri_to_id(iri: str) -> str:
    """The id a cfgraph IRI stands for (its last segment); other IRIs stay whole, except
    ontology terms, which give their local name."""
    text = str(iri)
    for base in (ID_BASE, LINK_KIND_BASE):
        if text.startswith(base):
            return unquote(text.rsplit("/", 1)[-1])
    if text.startswith(CFG_BASE):
        return text[len(CFG_BASE) :]
    return text


def sort_key(code: str) -> str:
    """A text key that sorts ids and SDG codes numerically in any SPARQL engine.

    >>> sorted(["10.2", "3.8", "3.b", "1.1-02a"], key=sort_key)
    ['1.1-02a', '3.8', '3.b', '10.2']
    >>> sort_key("1.1-02a")
    '0001.0001-0002a'
    """
    return re.sub(r"[0-9]+", lambda m: m.group(0).zfill(4), code)
