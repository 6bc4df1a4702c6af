"""What an import looked for and did not find: listed for the reviewer, never invented.

>>> from cfgraph.importers.draft import Draft
>>> d = Draft()
>>> _ = d.add("outcomes", {"id": "1", "statement": "By 2030, all."}, [3])
>>> list_missing(d, 0); d.missing[:2]
['no results matrix (a table with an indicator column)', 'no strategic priorities or thematic areas']
"""

from __future__ import annotations

from cfgraph.importers.draft import Draft

__all__ = ["list_missing"]

#: What each outcome should have, by table and the column naming the outcome.
_PER_OUTCOME = (
    ("target_lists", "outcome", "SDG targets"),
    ("outcome_agencies", "outcome", "contributing UN entities"),
    ("outcome_lnob_groups", "outcome", "LNOB groups"),
    ("outcome_partners", "outcome", "partners"),
    ("indicators", "outcome", "indicators"),
)


def list_missing(draft: Draft, matrices: int) -> None:
    """Record in *draft* what the document does not give (for the whole and per outcome)."""
    if not matrices and not draft.rows.get("indicators"):
        draft.lack("no results matrix (a table with an indicator column)")
    if not draft.rows.get("thematic_areas"):
        draft.lack("no strategic priorities or thematic areas")
    for row in draft.rows.get("outcomes", []):
        ident = row["id"]
        for table, column, what in _PER_OUTCOME:
            if not any(r.get(column) == ident for r in draft.rows.get(table, [])):
                draft.lack(f"outcome {ident}: no {what}")
    for row in draft.rows.get("indicators", []):
        for part in ("baseline", "target"):
            if row.get(f"{part}_raw") and row.get(f"{part}_year") is None:
                draft.lack(f"indicator {row['id']}: no {part} year")
            elif not row.get(f"{part}_raw") and row.get("parent") is None:
                draft.lack(f"indicator {row['id']}: no {part}")
