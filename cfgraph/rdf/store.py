"""Answer named questions fast: the framework's RDF store comes from the cache and the question
runs on pyoxigraph when it is installed (rdflib otherwise); the rows are the same either way.

>>> import cfgraph
>>> [r["outcome"] for r in answer(cfgraph.MINI, "outcomes-for-target", {"target": "6.1"})]
['1.1', '1.1']
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cfgraph.errors import UnknownIdError
from cfgraph.io import cache
from cfgraph.rdf.limits import QueryLimits
from cfgraph.rdf.queries import NamedQuery, bindings, check_query_safe, get_query, run_query

if TYPE_CHECKING:
    from cfgraph.model import Framework

__all__ = ["answer", "answer_portfolio", "check_ids_in_model", "checked_safe"]


def check_ids_in_model(fw: Framework, params: Mapping[str, str]) -> None:
    """The model's twin of :func:`cfgraph.rdf.queries.check_ids`: refuse a ``framework`` (or
    ``other``) that is not this one, an unknown ``outcome``, a ``target`` that is neither an SDG
    target nor a code the document writes, an ``agency`` the UN entity registry lacks, an unknown
    partner ``type``.

    >>> import cfgraph
    >>> check_ids_in_model(cfgraph.load(cfgraph.MINI), {"outcome": "1.3"})
    Traceback (most recent call last):
    ...
    cfgraph.errors.UnknownIdError: unknown outcome '1.3'; did you mean 1.1?
    """
    from cfgraph.model import closest
    from cfgraph.vocabulary import PARTNER_TYPES

    def known(kind: str, value: str, valid: list[str]) -> None:
        if value not in valid:
            raise UnknownIdError(kind, value, closest(value, valid))

    for name in ("framework", "other"):
        if name in params:
            known("framework", params[name], [fw.info.id])
    if "outcome" in params:
        known("outcome", params["outcome"], [o.id for o in fw.outcomes])
    if "target" in params:
        code = params["target"]
        written = {t.code for t in fw.outcome_targets}
        if code not in written and not fw.catalogue.is_target(code):
            raise UnknownIdError("SDG target", code, closest(code, written))
    if "agency" in params and params["agency"] not in fw.registry:
        fw.registry.entity(params["agency"])  # raises with the closest ids
    if "type" in params:
        known("partner type", params["type"], list(PARTNER_TYPES))


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


def answer_portfolio(
    frameworks: Sequence[Path | str | None],
    name: str,
    params: Mapping[str, str] | None = None,
    limits: QueryLimits | None = None,
) -> list[dict[str, str]]:
    """Rows of the named question *name* on the frameworks in the folders *frameworks*.

    One folder: :func:`answer`. Several: a question about one framework at a time is answered
    for each folder in turn (:func:`answer`, remembered per folder), skipping those that lack
    an id the parameters name; a cross-country question (``scope: portfolio``) is asked once of
    their graphs together. The rows are those :func:`cfgraph.rdf.queries.run_portfolio_query`
    gives.
    """
    from cfgraph.portfolio import rows_of_each

    if len(frameworks) == 1:
        return answer(frameworks[0], name, params, limits)
    query = get_query(name)
    if query.scope != "portfolio":
        return rows_of_each(frameworks, lambda f: answer(f, name, params, limits), skip_unknown=True)
    values = bindings(query, params)
    fws = [cache.load(f) for f in frameworks]
    from cfgraph.model import closest

    ids = [fw.info.id for fw in fws]
    for key in ("framework", "other"):
        if key in values and values[key] not in ids:
            raise UnknownIdError("framework", values[key], closest(values[key], ids))
    check_ids_in_model(fws[0], {k: v for k, v in values.items() if k in ("agency", "type")})
    if importlib.util.find_spec("pyoxigraph") is None:  # pragma: no cover - the oxigraph extra is missing
        from cfgraph.rdf.build import build_portfolio

        return run_query(build_portfolio(fws), name, values, limits)
    from cfgraph.rdf.oxigraph import run_sparql_oxigraph, store_from_ntriples

    checked_safe(query.text)
    store = store_from_ntriples(b"".join(cache.ntriples(f) for f in frameworks))
    return run_sparql_oxigraph(store, query.text, values, query.list_columns, limits, checked=True)
