"""The rows an importer reads, before they become a framework folder.

Every row is a draft (``review`` = ``draft``), cites the lines of the text source it comes
from and, where the reader was unsure, says why (``review_note``). A thing named several times
(an agency, a partner, an LNOB group) is one row, the first place it is named. What the
importer looked for and did not find is listed in :attr:`Draft.missing`; what it read but kept
otherwise than the text labels it (a body named among the UN entities that is none) in
:attr:`Draft.notes`.

>>> d = Draft()
>>> d.add("outcomes", {"id": "1", "statement": "By 2030, all."}, [4, 5, 6, 9])["source_lines"]
'4-6;9'
>>> first = d.entity("agencies", "undp", {"label": "UNDP"}, [12])
>>> first is d.entity("agencies", "undp", {"label": "x"}, [20])
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Draft", "cite"]


def cite(lines: Iterable[int]) -> str:
    """Line numbers as a ``source_lines`` cell: sorted, runs merged (``4-6;9``)."""
    ranges: list[list[int]] = []
    for n in sorted(set(lines)):
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    return ";".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


@dataclass
class Draft:
    """Rows per table, in the order read, and what was not found."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _ids: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def add(
        self, table: str, row: dict[str, Any], lines: Iterable[int], note: str | None = None
    ) -> dict[str, Any]:
        """Add a draft row to *table*, citing *lines*; *note* says what to check."""
        row = {**row, "source_lines": cite(lines), "review": "draft", "review_note": note or None}
        self.rows.setdefault(table, []).append(row)
        return row

    def entity(
        self, table: str, ident: str, row: dict[str, Any], lines: Iterable[int], note: str | None = None
    ) -> dict[str, Any]:
        """The row of *table* with id *ident*: the one already read, or *row* added now."""
        known = self._ids.setdefault(table, {})
        if ident not in known:
            known[ident] = self.add(table, {"id": ident, **row}, lines, note)
        return known[ident]

    def know(self, table: str, ident: str, row: dict[str, Any]) -> None:
        """Take *row*, already in the folder, as the row of *table* with id *ident* (not added again)."""
        self._ids.setdefault(table, {}).setdefault(ident, row)

    def has(self, table: str, ident: str) -> bool:
        return ident in self._ids.get(table, {})

    def next_seq(self, table: str, **parent: Any) -> int:
        """The next position in the list of *table* whose rows have the values *parent*."""
        return 1 + sum(1 for r in self.rows.get(table, []) if all(r.get(k) == v for k, v in parent.items()))

    def lack(self, what: str) -> None:
        """Record that *what* was looked for and not found."""
        if what not in self.missing:
            self.missing.append(what)

    def note(self, what: str) -> None:
        """Record *what* the reviewer should check of what was read."""
        if what not in self.notes:
            self.notes.append(what)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))
