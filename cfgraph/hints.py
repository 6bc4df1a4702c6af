"""'Did you mean' hints that stay fast however many ids there are.

:func:`difflib.get_close_matches` compares a value with every choice, so a hint among 200,000
ids costs a second, and one hint per unknown reference makes validation quadratic. A
:class:`HintIndex` is built once per set of ids: each id is filed under the three-letter pieces
(trigrams) of its lower-case form, and a hint compares the value only with the few hundred ids
that share its rarest trigrams. Up to :data:`EXACT_UP_TO` ids, every id is compared, so small
sets give exactly what difflib gives.

>>> index = HintIndex(f"partner-{n:06d}" for n in range(100_000))
>>> index.closest("partnr-000042")
['partner-000042', 'partner-090042', 'partner-080042']
>>> HintIndex(["1.1", "1.2", "2.1"]).closest("1.3")
['1.2', '1.1']
>>> HintIndex(["5.6", "5.a"]).closest("5.A")
['5.a']
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable

__all__ = ["EXACT_UP_TO", "CANDIDATES", "HintIndex", "closest"]

#: Sets of ids up to this size are compared in full.
EXACT_UP_TO = 2000
#: How many ids, at most, a hint compares the value with in a larger set.
CANDIDATES = 200
#: How many ids of a trigram's list are looked at, at most, when collecting candidates.
_POSTING_BUDGET = 5_000


def _trigrams(text: str) -> set[str]:
    padded = f"\x02{text}\x03"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class HintIndex:
    """The ids of one set, ready for hints; build it once, ask it many times."""

    def __init__(self, choices: Iterable[str]) -> None:
        self._by_lower: dict[str, str] = {}
        for choice in sorted(choices):
            self._by_lower.setdefault(choice.lower(), choice)
        self._postings: dict[str, list[str]] | None = None

    def _index(self) -> dict[str, list[str]]:
        if self._postings is None:  # built on the first hint that needs it
            self._postings = {}
            for low in self._by_lower:
                for gram in _trigrams(low):
                    self._postings.setdefault(gram, []).append(low)
        return self._postings

    def _candidates(self, low: str) -> list[str]:
        if len(self._by_lower) <= EXACT_UP_TO:
            return list(self._by_lower)
        postings = self._index()
        shared: Counter[str] = Counter()
        budget = _POSTING_BUDGET
        for gram in sorted(_trigrams(low), key=lambda g: len(postings.get(g, ()))):
            ids = postings.get(gram, [])[:budget]
            shared.update(ids)
            budget -= len(ids)
            if budget <= 0:
                break
        return sorted(c for c, _ in shared.most_common(CANDIDATES))

    def closest(self, value: str, n: int = 3) -> list[str]:
        """The ids closest to *value*: the one that differs only in case, else up to *n* close ones."""
        low = value.lower()
        if low in self._by_lower:  # only the case differs: that is the one meant
            return [self._by_lower[low]]
        matches = difflib.get_close_matches(low, self._candidates(low), n=n, cutoff=0.5)
        return [self._by_lower[c] for c in matches]


def closest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The ids in *choices* closest to *value* (one hint; build a :class:`HintIndex` for many).

    >>> closest("undpp", ["undp", "unicef"])
    ['undp']
    """
    return HintIndex(choices).closest(value, n)
