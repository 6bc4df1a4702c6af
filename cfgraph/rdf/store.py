"""Answer named questions fast: the framework's RDF store comes from the cache and the question
runs on pyoxigraph when it is installed (rdflib otherwise); the rows are the same either way.

>>> import cfgraph
>>> [r["outcome"] for r in answer(cfgraph.MINI, "outcomes-for-target", {"target": "6.1"})]
['1.1', '1.1']
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cfgraph.errors import UnknownIdError
from cfgraph.io import cache
from cfgraph.rdf.limits import QueryLimits
from cfgraph.rdf.queries import NamedQuery, bindings, check_query_safe, get_query, run_query

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["answer", "check_ids_in_model", "checked_safe"]


def check_ids_in_model(fw: Framework, params: Mapping[str, str]) -> None:
    """The model's twin of :func:`cfgraph.rdf.queries.check_ids`: refuse an unknown ``outcome``
    or a ``target`` that is neither an SDG target nor a code the document writes.

    >>> import cfgraph
    >>> check_ids_in_model(cfgraph.load(cfgraph.MINI), {"outcome": "1.3"})
    Traceback (most recent call last):
    ...
    cfgraph.errors.UnknownIdError: unknown outcome '1.3'; did you mean 1.1?
    """
    from cfgraph.model import closest

    if "outcome" in params and params["outcome"] not in {o.id for o in fw.outcomes}:
        ids = [o.id for o in fw.outcomes]
        raise UnknownIdError("outcome", params["outcome"], closest(params["outcome"], ids))
    if "target" in params:
        code = params["target"]
        written = {t.code for t in fw.outcome_targets}
        if code not in written and not fw.catalogue.is_target(code):
            raise UnknownIdError("SDG target", code, closest(code, written))


def checked_safe(text: str) -> None:
    """:func:`~cfgraph.rdf.queries.check_query_safe`, remembered per query text (a refusal is
    raised every time, never cached)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cache.memo("safe-query", (digest,), lambda: check_query_safe(text) is not None)


def answer(
    framework: Path | str | None,
    name: str,
    params: Mapping[str, str] | None = None,
    limits: QueryLimits | None = None,
) -> list[dict[str, str]]:
    """Rows of the named question *name* on the framework in folder *framework*, within
    *limits* (a query stopped by them raises every time; only complete answers are remembered)."""
    query = get_query(name)
    values = bindings(query, params)
    text_hash = hashlib.sha256(query.text.encode("utf-8")).hexdigest()
    question = (text_hash, *sorted(f"{k}={v}" for k, v in values.items()))
    rows = cache.for_folder(framework, "answer", question, lambda: _answer(framework, query, values, limits))
    if limits is not None and limits.too_many(len(rows)):  # a remembered answer keeps the row limit
        raise limits.row_error()
    return rows


def _answer(
    framework: Path | str | None, query: NamedQuery, values: dict[str, str], limits: QueryLimits | None
) -> list[dict[str, str]]:
    fw = cache.load(framework)
    check_ids_in_model(fw, values)
    if importlib.util.find_spec("pyoxigraph") is None:  # pragma: no cover - the oxigraph extra is missing
        return run_query(fw, query.name, values, limits)
    from cfgraph.rdf.oxigraph import run_sparql_oxigraph, store_from_ntriples

    checked_safe(query.text)
    store = store_from_ntriples(cache.ntriples(framework))
    return run_sparql_oxigraph(store, query.text, values, query.list_columns, limits, checked=True)
