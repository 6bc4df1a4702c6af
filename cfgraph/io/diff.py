"""``cfgraph diff``: what differs between two framework folders, table by table.

Rows are matched by what identifies them: an entity by its id (or, when the two folders give
the same thing different ids, by a name or alias both give it, or by the list entries that point
to it); a list entry (a target code, an agency of an outcome) by its list and what it names, its
position left aside; a stated link by its two ends. A matched row whose compared columns differ
is *changed*; a row only in B is *added*, only in A *removed* (as in ``git diff A B``). Citations
and review status are not compared. A table's agreement is the share of its rows, in A or B, that
are the same in both.

>>> import cfgraph
>>> rows = diff_summary(cfgraph.MINI, cfgraph.MINI)
>>> rows[0]["table"], rows[0]["same"], rows[0]["agreement"]
('thematic_areas', 2, 1.0)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from cfgraph.model import TABLES, Framework, TableSpec, rows_of

__all__ = ["IGNORED", "diff_frameworks", "diff_summary", "diff_changes"]

#: Columns never compared: where a row is cited and its review status.
IGNORED = frozenset({"source_lines", "source_id", "locator", "review", "review_note", "note", "seq"})
_NAMES = ("label", "name", "aliases", "other_names")
_SKIPPED = ("framework", "sources", "reviews", "inconsistencies")

Key = tuple[Any, ...]


def _text(value: Any) -> Any:
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return value


def _norm(text: str) -> str:
    return "".join(ch for ch in str(text).casefold() if ch.isalnum())


def _names(row: Any, columns: tuple[str, ...]) -> set[str]:
    """Every name a row gives (label, name, aliases, other names), compared normalised."""
    found = set()
    for column in columns:
        value = getattr(row, column)
        for v in value if isinstance(value, tuple) else (value,):
            if v and _norm(v):
                found.add(_norm(v))
    return found


def _similar(a: set[str], b: set[str]) -> float:
    """How alike the closest two names of *a* and *b* are (0..1)."""
    from difflib import SequenceMatcher

    best = 0.0
    for x in a:
        for y in b:
            m = SequenceMatcher(None, x, y, autojunk=False)
            if m.real_quick_ratio() > best and m.quick_ratio() > best:
                best = max(best, m.ratio())
    return best


#: How alike two names must be for rows whose names differ to be taken as the same thing.
SIMILAR = 0.8


def _closest(
    a_names: dict[str, set[str]], b_names: dict[str, set[str]], mapping: dict[str, str], used: set[str]
) -> list[tuple[str, str]]:
    """The pairs of rows not matched yet whose names are close enough, the closest first."""
    order = list(a_names)
    pairs = sorted(
        (-score, i, bid)
        for i, aid in enumerate(order)
        if aid not in mapping and a_names[aid]
        for bid, other in b_names.items()
        if bid not in used and (score := _similar(a_names[aid], other)) >= SIMILAR
    )
    return [(order[i], bid) for _, i, bid in pairs]


def _entity_map(
    spec: TableSpec, a: Framework, b: Framework, votes: Counter[tuple[str, str]]
) -> dict[str, str]:
    """A's ids of *spec* mapped one to one to B's: a name both give (the same id first), then a
    name close enough (:data:`SIMILAR`), then the list entries' votes, then the same id. A row
    matched by its id alone whose names differ is reported changed (:func:`diff_frameworks`)."""
    columns = tuple(c for c in _NAMES if c in {x.name for x in spec.columns})
    a_rows, b_rows = rows_of(a, spec), rows_of(b, spec)
    a_names = {r.id: _names(r, columns) for r in a_rows}  # type: ignore[attr-defined]
    b_names = {r.id: _names(r, columns) for r in b_rows}  # type: ignore[attr-defined]
    mapping: dict[str, str] = {}
    used: set[str] = set()

    def take(aid: str, bid: str) -> None:
        mapping[aid] = bid
        used.add(bid)

    for aid, names in a_names.items():  # a name both give (A may give one thing twice)
        shared = [bid for bid, other in b_names.items() if names & other]
        free = [bid for bid in shared if bid not in used] or shared
        if free:
            take(aid, aid if aid in free else free[0])
    for aid, bid in _closest(a_names, b_names, mapping, used):  # a name close enough
        if aid not in mapping and bid not in used:
            take(aid, bid)
    for (aid, bid), _ in sorted(votes.items(), key=lambda v: (-v[1], v[0])):  # the list entries' votes
        if aid in a_names and aid not in mapping and bid not in used:
            take(aid, bid)
    for aid in a_names:  # the same id
        if aid not in mapping and aid in b_names and aid not in used:
            take(aid, aid)
    for aid in a_names:  # a row of A alone never takes the id of B's row another row matched
        if aid not in mapping and aid in used:
            mapping[aid] = f"{aid} (A)"
    return mapping


def _named_alike(spec: TableSpec, ra: dict[str, Any], rb: dict[str, Any]) -> bool:
    """Whether two matched rows name the same thing: the name of one is a name of the other."""
    columns = [c for c in _NAMES if c in {x.name for x in spec.columns}]
    if not columns:
        return True

    def names(row: dict[str, Any]) -> set[str]:
        return {_norm(v) for c in columns for v in str(row[c] or "").split(";") if _norm(v)}

    first = {_norm(str(r[c])) for r in (ra, rb) for c in columns[:1] if r[c]}
    return not first or bool(first & names(ra) & names(rb))


def _identity(spec: TableSpec) -> tuple[str, ...]:
    """The columns that identify a row of *spec* across two folders."""
    key = [c for c in spec.primary_key if c not in ("seq", "id") or spec.kind is not None and c == "id"]
    if spec.relation is not None and spec.ends is not None:
        key += [e for e in spec.ends if e not in key and e != "id"]
        if spec.kind is not None:
            key = [e for e in spec.ends]
    return tuple(key)


class _Aligned:
    """Both folders' rows, with A's references translated to B's ids."""

    def __init__(self, a: Framework, b: Framework) -> None:
        self.a, self.b = a, b
        self.maps: dict[str, dict[str, str]] = {}
        votes = self._votes()
        for spec in TABLES:
            if spec.kind is not None and "id" in {c.name for c in spec.columns} and spec.name not in _SKIPPED:
                self.maps[spec.name] = _entity_map(spec, a, b, votes.get(spec.name, Counter()))

    def _votes(self) -> dict[str, Counter[tuple[str, str]]]:
        """For each entity table: (A id, B id) pairs that list entries with the same raw text give."""
        votes: dict[str, Counter[tuple[str, str]]] = {}
        for spec in TABLES:
            refs = [
                c
                for c in spec.columns
                if c.ref and c.ref != spec.name and "raw" in {x.name for x in spec.columns}
            ]
            if not refs or spec.name in _SKIPPED:
                continue
            ref = refs[-1]
            b_by_raw = {
                (_norm(r.raw), *(getattr(r, c.name) for c in refs[:-1])): getattr(r, ref.name)  # type: ignore[attr-defined]
                for r in rows_of(self.b, spec)
            }
            for r in rows_of(self.a, spec):
                found = b_by_raw.get((_norm(r.raw), *(getattr(r, c.name) for c in refs[:-1])))  # type: ignore[attr-defined]
                if found:
                    votes.setdefault(ref.ref, Counter())[(getattr(r, ref.name), found)] += 1
        return votes

    def value(self, spec: TableSpec, column: str, value: Any) -> Any:
        ref = spec.column(column).ref if column != "id" else spec.name if spec.name in self.maps else None
        mapping = self.maps.get(ref or "")
        if mapping is None:
            return _text(value)
        if isinstance(value, tuple):
            return ";".join(str(mapping.get(v, v)) for v in value)
        return mapping.get(value, value) if value is not None else None

    def rows(self, spec: TableSpec, side: Framework) -> dict[Key, dict[str, Any]]:
        ident = _identity(spec)
        out: dict[Key, dict[str, Any]] = {}
        seen: Counter[Key] = Counter()
        for row in rows_of(side, spec):
            values = {
                c.name: (
                    self.value(spec, c.name, getattr(row, c.name))
                    if side is self.a
                    else _text(getattr(row, c.name))
                )
                for c in spec.columns
            }
            key = tuple(values[c] for c in ident)
            seen[key] += 1
            out[(*key, seen[key])] = values
        return out


def diff_frameworks(
    a: Framework,
    b: Framework,
    tables: tuple[str, ...] = (),
    columns: dict[str, tuple[str, ...]] | None = None,
) -> list[dict[str, Any]]:
    """Every table's comparison: its rows ``same``, ``changed``, ``added``, ``removed``, and the
    changes; *columns* names the columns to compare of some tables (default: all but :data:`IGNORED`
    and a generated id). Two matched rows whose names differ (neither's name is a name of the
    other) are never the same, whatever columns are compared."""
    aligned = _Aligned(a, b)
    result = []
    for spec in TABLES:
        if spec.name in _SKIPPED or (tables and spec.name not in tables):
            continue
        ra, rb = aligned.rows(spec, a), aligned.rows(spec, b)
        generated = "id" in spec.primary_key and spec.relation is not None
        compared = list((columns or {}).get(spec.name, ())) or [
            c.name for c in spec.columns if c.name not in IGNORED and not (generated and c.name == "id")
        ]
        rb = _paired(ra, rb, compared)
        changes: list[dict[str, Any]] = []
        same = 0
        for key in [k for k in ra if k in rb]:
            differ = [c for c in compared if ra[key][c] != rb[key][c]]
            if not _named_alike(spec, ra[key], rb[key]):  # matched by id alone: another thing
                differ = list(dict.fromkeys([*(c for c in _NAMES if c in ra[key])][:1] + differ))
            if differ:
                changes.append(
                    {"change": "changed", "key": key, "columns": differ, "a": ra[key], "b": rb[key]}
                )
            else:
                same += 1
        changes += [  # as git has it: what B adds to A, what B removes from it
            {"change": "added", "key": k, "columns": [], "a": None, "b": rb[k]} for k in rb if k not in ra
        ]
        changes += [
            {"change": "removed", "key": k, "columns": [], "a": ra[k], "b": None} for k in ra if k not in rb
        ]
        if ra or rb:
            result.append({"table": spec.name, "same": same, "changes": changes, "a": len(ra), "b": len(rb)})
    return result


def _paired(
    ra: dict[Key, dict[str, Any]], rb: dict[Key, dict[str, Any]], compared: list[str]
) -> dict[Key, dict[str, Any]]:
    """B's rows keyed so that, of the rows that share a key (two stated links between the same
    outcomes), each is paired with A's row that agrees with it, the others in order."""
    groups: dict[Key, list[Key]] = {}
    for key in rb:
        groups.setdefault(key[:-1], []).append(key)
    out: dict[Key, dict[str, Any]] = {}
    for base, keys in groups.items():
        rows = [rb[k] for k in keys]
        if len(rows) > 1:
            chosen: list[int | None] = []
            for row in (ra[k] for k in ra if k[:-1] == base):
                chosen.append(next((i for i, r in enumerate(rows) if i not in chosen and all(
                    r[c] == row[c] for c in compared)), None))  # fmt: skip
            free = [i for i in range(len(rows)) if i not in chosen]
            order = [i if i is not None else free.pop(0) for i in chosen if i is not None or free]
            order += free
            rows = [rows[i] for i in order]
        for n, row in enumerate(rows, 1):
            out[(*base, n)] = row
    return out


def _load(folder: Path | str | Framework) -> Framework:
    if isinstance(folder, Framework):
        return folder
    from cfgraph.io.loader import load

    return load(folder)


def diff_summary(
    a: Path | str | Framework,
    b: Path | str | Framework,
    tables: tuple[str, ...] = (),
    columns: dict[str, tuple[str, ...]] | None = None,
) -> list[dict[str, Any]]:
    """One row per table: rows in A and B, same, changed, added, removed and the agreement."""
    rows = []
    for t in diff_frameworks(_load(a), _load(b), tables, columns):
        count = Counter(c["change"] for c in t["changes"])
        total = t["same"] + len(t["changes"])
        rows.append(
            {
                "table": t["table"],
                "rows_a": t["a"],
                "rows_b": t["b"],
                "same": t["same"],
                "changed": count["changed"],
                "added": count["added"],
                "removed": count["removed"],
                "agreement": round(t["same"] / total, 4) if total else 1.0,
            }
        )
    return rows


def diff_changes(
    a: Path | str | Framework,
    b: Path | str | Framework,
    tables: tuple[str, ...] = (),
    columns: dict[str, tuple[str, ...]] | None = None,
) -> list[dict[str, Any]]:
    """One row per changed, added or removed row: its table, key, the columns that differ and both values."""
    rows = []
    for t in diff_frameworks(_load(a), _load(b), tables, columns):
        for c in t["changes"]:
            shown = c["columns"] or [k for k in (c["a"] or c["b"]) if k not in IGNORED]
            rows.append(
                {
                    "table": t["table"],
                    "change": c["change"],
                    "key": "/".join(str(k) for k in c["key"][:-1]),
                    "columns": ";".join(c["columns"]),
                    "a": "; ".join(
                        f"{k}={c['a'][k]}" for k in shown if c["a"] and c["a"][k] not in (None, "")
                    ),
                    "b": "; ".join(
                        f"{k}={c['b'][k]}" for k in shown if c["b"] and c["b"][k] not in (None, "")
                    ),
                }
            )
    return rows
