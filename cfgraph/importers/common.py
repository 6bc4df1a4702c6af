"""Lists a document gives for the whole framework, outside any outcome's own text: the LNOB groups
a sentence introduces ("... gives priority to three groups at risk of being left behind: A, B,
and C."), and the organisations a partnerships chapter names ("The UN will work with the Ministry
of X, the Y Network (an NGO), and ...").

The framework's groups are every outcome's when no outcome lists groups of its own (each link
noted for the reviewer); otherwise they are only reported. The partners of a partnerships chapter
are listed with no outcome (the text does not say which each serves), and reported.

>>> lnob_list("We give priority to three groups at risk of being left behind: herders, and girls.")
'herders, and girls'
>>> lnob_list("Women are often left behind: see chapter 2") is None
True
>>> [bool(PARTNERSHIP_HEADING.match(x)) for x in ("CHAPTER 4. PARTNERSHIPS", "Partners: UNDP")]
[True, False]
"""

from __future__ import annotations

import re

from cfgraph.importers.actors import Names
from cfgraph.importers.document import HEADING, Document
from cfgraph.importers.draft import Draft, cite
from cfgraph.importers.labels import AREA_HEADING, MATRIX_HEADING, RESULT_HEADING, SECTION_HEADING, clean
from cfgraph.importers.names import group_items, named_organisations
from cfgraph.importers.outline import Outline

__all__ = ["read_common_lists", "lnob_list", "PARTNERSHIP_HEADING"]

#: "groups at risk of being left behind:", "populations furthest behind:" introducing a list.
_LNOB_CUE = re.compile(
    r"\b(?:groups?|people|persons|populations?)\b[^.:;]{0,60}?\b(?:left|furthest)\s+behind\b[^.:;]{0,30}:\s*",
    re.IGNORECASE,
)
#: A heading of a partnerships chapter: "4. Partnerships", "CHAPTER 4. PARTNERSHIPS", "Key partnerships".
PARTNERSHIP_HEADING = re.compile(
    r"^\s*(?:(?:chapter|part|section)\s+[0-9IVXA-Z]+\s*[:.]?\s*|[0-9]+(?:\.[0-9]+)*\.?\s+)?"
    r"(?:key\s+|strategic\s+)?partnerships?(?:\s+and\s+[\w ]{1,40})?\s*$",
    re.IGNORECASE,
)


#: "The groups (most) at risk of being left behind (in Testland) are ...", "Those furthest behind
#: include ...": a list after the verb.
_LNOB_VERB = re.compile(
    r"\b(?:groups?|people|persons|populations?|those)\b[^.:;]{0,60}?\b(?:left|furthest)\s+behind\b"
    r"(?:\s+(?:in|across)\s+[^.:;,]{1,40}?)?\s+(?:are|include|includes|comprise|being)\s+(?!at\b|not\b)",
    re.IGNORECASE,
)
#: "A, B and C are (the most) left behind.": a list as the subject, at a sentence's start.
_LNOB_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?P<list>[A-Z][^.:;!?]{2,250}?)\s+are\s+(?:(?:most|often|still|the\s+most|"
    r"most\s+likely\s+to\s+be|among\s+those)\s+)*(?:left|furthest)\s+behind\b"
)


def _lnob_span(text: str) -> tuple[int, int, str] | None:
    """Where a sentence of *text* introduces groups as left behind (start, end) and its list."""
    for cue in (_LNOB_CUE, _LNOB_VERB):
        if m := cue.search(text):
            listed = re.split(r"(?<=[a-z)])\.(?:\s|$)", text[m.end() :], maxsplit=1)[0].strip(" .")
            if "," in listed or ";" in listed or " and " in listed:
                return m.start(), m.end() + len(listed), listed
    if (m := _LNOB_SUBJECT.search(text)) and not re.search(r"\b(?:who|which|that|whose)\b", m.group("list")):
        listed = m.group("list").strip()
        if "," in listed or " and " in listed:
            return m.start("list"), m.end(), listed
    return None


def lnob_list(sentence: str) -> str | None:
    """The list of groups a sentence introduces as left behind (up to the sentence's end), if any:
    after a colon, after "are" or "include", or as the subject of "are left behind".

    >>> lnob_list("The groups most at risk of being left behind in Testland are herders, and girls.")
    'herders, and girls'
    >>> lnob_list("Those furthest behind include herders and migrants.")
    'herders and migrants'
    >>> lnob_list("Herders and girls are left behind.")
    'Herders and girls'
    """
    found = _lnob_span(sentence)
    return found[2] if found else None


def _paragraphs(doc: Document, lines: list[int]) -> list[list[int]]:
    """*lines* in runs of consecutive non-blank lines."""
    runs: list[list[int]] = []
    for n in lines:
        if not clean(doc.lines[n - 1].replace("\f", "")):
            continue
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _joined(doc: Document, run: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """A paragraph's lines joined by spaces, with where each line starts in the text."""
    text, starts = "", []
    for n in run:
        starts.append((len(text) + (1 if text else 0), n))
        text = f"{text} {clean(doc.lines[n - 1])}" if text else clean(doc.lines[n - 1])
    return text, starts


def _lines_of(starts: list[tuple[int, int]], a: int, b: int) -> list[int]:
    """The lines the characters *a* to *b* of a joined paragraph are on."""
    return [
        n for k, (at, n) in enumerate(starts) if at < b and (k + 1 == len(starts) or starts[k + 1][0] > a)
    ]


def _ends_chapter(line: str) -> bool:
    return bool(
        HEADING.match(line)
        or SECTION_HEADING.match(line)
        or AREA_HEADING.match(line)
        or RESULT_HEADING.match(line)
        or (len(line) < 100 and MATRIX_HEADING.search(line))
    )


def read_common_lists(doc: Document, draft: Draft, outline: Outline, names: Names) -> None:
    """Read the LNOB groups and the partners *doc* gives for the whole framework (outside the
    outcomes' parts of the text and outside tables)."""
    inside = {n for _, first, last, _ in outline.parts for n in range(first, last + 1)}
    free = [n for n in range(1, len(doc.lines) + 1) if n not in inside and not doc.in_table(n)]
    _groups(doc, draft, names, free)
    _partners(doc, draft, names, free)


def _groups(doc: Document, draft: Draft, names: Names, free: list[int]) -> None:
    own = bool(draft.rows.get("outcome_lnob_groups"))
    outcomes = [str(r["id"]) for r in draft.rows.get("outcomes", [])]
    headings = {n for n in free if _ends_chapter(clean(doc.lines[n - 1].replace("\f", "")))}
    for run in _paragraphs(doc, [n for n in free if n not in headings]):
        text, starts = _joined(doc, run)
        found = _lnob_span(text)
        if found is None:
            continue
        start, end, listed = found
        lines = _lines_of(starts, start, end)
        where = cite(lines)
        if own:
            draft.note(f"lines {where} list groups left behind for the whole framework: given to no outcome")
            continue
        why = "listed for the whole framework, given to every outcome: check it"
        draft.note(f"lines {where} list groups left behind for the whole framework: given to every outcome")
        for name, item in group_items(listed):
            group = names.group(name, lines)
            for outcome in outcomes:
                key = {"outcome": outcome, "listed_in": "narrative"}
                given = draft.rows.get("outcome_lnob_groups", [])
                if any(r["group"] == group and r["outcome"] == outcome for r in given):
                    continue
                seq = draft.next_seq("outcome_lnob_groups", **key)
                draft.add("outcome_lnob_groups", {**key, "group": group, "raw": item, "seq": seq}, lines, why)


def _partners(doc: Document, draft: Draft, names: Names, free: list[int]) -> None:
    chapter: list[int] = []
    reading = False
    for n in free:
        line = clean(doc.lines[n - 1].replace("\f", ""))
        if PARTNERSHIP_HEADING.match(line):
            reading = True
            continue
        if reading and _ends_chapter(line):
            reading = False
        if reading:
            chapter.append(n)
    found: list[int] = []
    why = "named in the partnerships text of the whole framework: which outcomes it serves is not said"
    for run in _paragraphs(doc, chapter):
        text, starts = _joined(doc, run)
        for name, abbr, at in named_organisations(text):
            lines = _lines_of(starts, at, at + len(name))
            names.partner(name, lines, why, abbr)
            found += lines
    if found:
        draft.note(f"lines {cite(found)} name partners for the whole framework: not given to an outcome")
