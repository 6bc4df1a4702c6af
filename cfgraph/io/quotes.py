"""Where a quote is in a framework's text sources: ``cfgraph cite``.

A quote and a source are compared word by word, case-folded, with Word-dump markers,
punctuation, whitespace and line breaks ignored and hyphens dropped (so a word hyphenated at
a line break, ``develop-`` / ``ment``, is the word ``development``). An exact match gives the
lines it spans (and the page, when the source marks pages with form feeds); failing one, the
nearest passages are given with how alike they are.

>>> source = ["Intro.", "By 2030, every vil-", "lage has  clean water.", "Other."]
>>> [(p.lines, p.score) for p in find_quote("every village has clean water", {"doc": source})]
[('2-3', 1.0)]
>>> best = find_quote("every village has safe water", {"doc": source})[0]
>>> best.lines, best.exact
('2-3', False)
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cfgraph.io.citations import clean_source_line

__all__ = ["Place", "find_quote", "cite", "words_of"]

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u00ad"
_HYPHEN_GAP = re.compile(f"[{_HYPHENS}]\\s*")
_WORD = re.compile(r"\w+")
#: Below this likeness a passage is not offered as a nearest match.
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Place:
    """Where (or nearly where) a quote is: the source, its lines and page, how alike (1.0: exact)."""

    source_id: str
    first_line: int
    last_line: int
    page: int | None
    score: float
    text: str

    @property
    def lines(self) -> str:
        """The lines as a ``source_lines`` cell: ``83`` or ``83-84``."""
        if self.first_line == self.last_line:
            return str(self.first_line)
        return f"{self.first_line}-{self.last_line}"

    @property
    def exact(self) -> bool:
        return self.score >= 1.0


def words_of(text: str) -> list[str]:
    """The words a quote is compared by.

    >>> words_of("Women -owners of SMALL business; 2021–2025")
    ['women', 'owners', 'of', 'small', 'business', '20212025']
    """
    text = _HYPHEN_GAP.sub("", unicodedata.normalize("NFKC", clean_source_line(text)).casefold())
    return _WORD.findall(text)


class _Words:
    """A source as one list of words, each with the line it starts on."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.words: list[str] = []
        self.line_of: list[int] = []
        carry = False
        for number, raw in enumerate(lines, 1):
            line = clean_source_line(raw)
            found = words_of(line)
            if carry and found and self.words:  # a word broken by a hyphen at the end of the line
                self.words[-1] += found.pop(0)
            self.words += found
            self.line_of += [number] * len(found)
            carry = bool(line) and line[-1] in _HYPHENS and len(line) > 1 and line[-2].isalnum()
        self.pages = [0] * (len(lines) + 1)
        breaks = 0
        for number, raw in enumerate(lines, 1):
            self.pages[number] = breaks
            breaks += raw.count("\f")
        self.paged = breaks > 0
        self.joined = " " + " ".join(self.words) + " "
        self.starts: list[int] = []
        at = 1
        for word in self.words:
            self.starts.append(at)
            at += len(word) + 1

    def place(self, source_id: str, first: int, count: int, score: float) -> Place:
        a, b = self.line_of[first], self.line_of[min(first + count, len(self.words)) - 1]
        text = " ".join(clean_source_line(self.lines[n - 1]) for n in range(a, b + 1))
        return Place(source_id, a, b, self.pages[a] + 1 if self.paged else None, round(score, 3), text)

    def exact(self, quote: list[str]) -> list[int]:
        """The word index of every place *quote* occurs."""
        needle, found, at = " " + " ".join(quote) + " ", [], 0
        while (at := self.joined.find(needle, at)) >= 0:
            found.append(bisect.bisect_left(self.starts, at + 1))
            at += 1
        return found

    def nearest(self, quote: list[str], keep: int = 12) -> list[tuple[float, int, int]]:
        """The passages most like *quote* as (likeness, first word, word count): windows with the
        most words in common, then aligned word by word."""
        n, want = len(quote), Counter(quote)
        have: Counter[str] = Counter()
        shared, best = 0, []
        for i, word in enumerate(self.words):
            if word in want:
                have[word] += 1
                shared += have[word] <= want[word]
            if i >= n:
                old = self.words[i - n]
                if old in want:
                    shared -= have[old] <= want[old]
                    have[old] -= 1
            if shared and (i >= n - 1 or i == len(self.words) - 1):
                best.append((shared, max(i - n + 1, 0)))
        best.sort(key=lambda t: (-t[0], t[1]))
        scored: list[tuple[float, int, int]] = []
        taken: list[int] = []
        for _, start in best:
            if len(scored) >= keep:
                break
            if any(abs(start - t) < n for t in taken):
                continue
            taken.append(start)
            low = max(start - n // 2, 0)
            window = self.words[low : start + n + n // 2]
            matcher = difflib.SequenceMatcher(None, window, quote, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size]
            matched = sum(b.size for b in blocks)
            first, last = blocks[0].a, blocks[-1].a + blocks[-1].size
            scored.append((2 * matched / (n + last - first), low + first, last - first))
        return sorted(scored, key=lambda t: (-t[0], t[1]))


def find_quote(text: str, sources: Mapping[str, Sequence[str]], limit: int = 3) -> list[Place]:
    """Every exact place of *text* in *sources* (source id -> lines), in source order; failing
    one, the *limit* nearest passages at least half alike, most alike first."""
    quote = words_of(text)
    if not quote:
        return []
    indexed = {sid: _Words(lines) for sid, lines in sources.items()}
    exact = [w.place(sid, i, len(quote), 1.0) for sid, w in indexed.items() for i in w.exact(quote)]
    if exact:
        return exact
    near = [
        (score, sid, start, count) for sid, w in indexed.items() for score, start, count in w.nearest(quote)
    ]
    near.sort(key=lambda t: (-t[0], t[1], t[2]))
    return [indexed[sid].place(sid, start, count, score) for score, sid, start, count in near[:limit]
            if score >= MIN_SCORE]  # fmt: skip


def cite(text: str, path: Path | str | None = None, limit: int = 3) -> tuple[list[Place], dict[str, str]]:
    """Where *text* is in the text sources of the framework folder *path* (default: the shipped
    one), and each source's name by id. The folder need not be valid yet."""
    from cfgraph.io.loader import resolve
    from cfgraph.io.reading import read_package
    from cfgraph.io.sources import read_sources

    folder, shown = resolve(path)
    pkg = read_package(folder, shown)
    found = read_sources(pkg)
    names: dict[str, str] = {}
    for sid, (_, row, _) in found.rows.items():
        names[sid] = str(
            row.values.get("source_file") or row.values.get("path") or row.values.get("title") or sid
        )
    return find_quote(text, found.texts, limit), names
