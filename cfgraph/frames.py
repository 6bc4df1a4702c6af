"""pandas DataFrames for analysts: one per table and one per result, with the rows the CLI prints.

>>> import cfgraph
>>> f = frames(cfgraph.load(cfgraph.MINI))
>>> f["outcomes"][["framework", "id", "result_group"]].to_dict("records")[0]
{'framework': 'examplestan-2026-2030', 'id': '1.1', 'result_group': 'planet'}
>>> f["agency_outcome"].set_index("name")[["1.1", "2.1"]].loc["UNICEF"].tolist()
[3, 0]
>>> sorted(RESULTS)[:3]
['actor_centrality', 'agency_outcome', 'findings']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from cfgraph.model import TABLES, Framework, TableSpec, rows_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["frames", "table_frame", "RESULTS"]

_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


def _findings(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.analysis.gaps import finding_rows, run_gaps

    return finding_rows(run_gaps(fw), fw.info.id)


def _synergies(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.analysis.synergies import outcome_synergies, synergy_rows

    return synergy_rows(outcome_synergies(fw), fw.info.id)


def _targets(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.analysis.centrality import centrality_rows, target_centrality

    return centrality_rows(target_centrality(fw), fw.info.id)


def _actors(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.analysis.centrality import actor_centrality, centrality_rows

    return centrality_rows(actor_centrality(fw), fw.info.id)


def _matrix(kind: str) -> Callable[[Framework], list[dict[str, Any]]]:
    def rows(fw: Framework) -> list[dict[str, Any]]:
        from cfgraph.analysis.matrix import actor_outcome_matrix

        return actor_outcome_matrix(fw, kind)

    return rows


def _involvement(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.analysis.matrix import involvement_rows

    return involvement_rows(fw)


def _outcome_summary(fw: Framework) -> list[dict[str, Any]]:
    from cfgraph.summary import outcome_rows

    return outcome_rows(fw)


def _review(name: str) -> Callable[[Framework], list[dict[str, Any]]]:
    def rows(fw: Framework) -> list[dict[str, Any]]:
        from cfgraph.review.results import review_results

        return review_results(fw)[name]

    return rows


#: Result name -> the function giving its rows (the same rows as the CLI and the report).
RESULTS: dict[str, Callable[[Framework], list[dict[str, Any]]]] = {
    "findings": _findings,
    "synergies": _synergies,
    "target_centrality": _targets,
    "actor_centrality": _actors,
    "involvement": _involvement,
    "agency_outcome": _matrix("agency"),
    "partner_outcome": _matrix("partner"),
    "outcome_summary": _outcome_summary,
    "review_pairs": _review("review_pairs"),
    "review_matrix": _review("review_matrix"),
    "review_ranking": _review("review_ranking"),
    "review_status": _review("review_status"),
    "review_unreviewed": _review("review_unreviewed"),
}


def table_frame(frameworks: Iterable[Framework], spec: TableSpec) -> pd.DataFrame:
    """One table of one or more frameworks: a ``framework`` column, then the declared columns
    with pandas' nullable dtypes (lists stay Python lists)."""
    import pandas as pd

    records = [
        {"framework": fw.info.id, **{c.name: getattr(row, c.name) for c in spec.columns}}
        for fw in frameworks
        for row in rows_of(fw, spec)
    ]
    frame = pd.DataFrame.from_records(records, columns=["framework", *(c.name for c in spec.columns)])
    for c in spec.columns:
        frame[c.name] = frame[c.name].map(list) if c.is_list else frame[c.name].astype(_DTYPES[c.type])
    return frame


def frames(source: Framework | Iterable[Framework], results: bool = True) -> dict[str, pd.DataFrame]:
    """DataFrames of one framework or several: every table (by its name) and, with *results*,
    every result of :data:`RESULTS` (findings, synergies, centralities, the ties of actors to
    outcomes and the agency × outcome and partner × outcome matrices). Several frameworks are
    stacked, told apart by the ``framework`` column."""
    import pandas as pd

    fws = [source] if isinstance(source, Framework) else list(source)
    out = {spec.name: table_frame(fws, spec) for spec in TABLES}
    if results:
        for name, rows in RESULTS.items():
            parts = [pd.DataFrame(rows(fw)) for fw in fws]
            out[name] = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return out
