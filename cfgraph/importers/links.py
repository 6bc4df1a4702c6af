"""What the text states between outcomes: a sentence in one outcome's part of the text that
names another outcome ("This outcome is interlinked with Outcome 1.2", "It is directly affected
by Outcome 2.1"), or all the others ("will affect directly other outcomes").

>>> kind_of("It is directly affected by Outcome 2.1")
('affects', True)
>>> kind_of("Results here will accelerate progress under Outcome 2.2")
('accelerates', False)
"""

from __future__ import annotations

import re

from cfgraph.importers.document import Document
from cfgraph.importers.draft import Draft
from cfgraph.importers.labels import clean
from cfgraph.importers.outline import Outline
from cfgraph.sdg import parse_target_list

__all__ = ["kind_of", "read_links"]

#: Cue words, the link kind they state, and whether the named outcome is the source (passive).
_CUES: tuple[tuple[str, str, bool], ...] = (
    (r"mutually\s+reinforc", "mutually-reinforcing", False),
    (r"interlinked|interconnected|interrelated", "interlinked", False),
    (r"depends?\s+on|dependent\s+on|relies\s+on|rely\s+on", "depends-on", False),
    (r"complement", "complements", False),
    (r"synerg", "synergy", False),
    (
        r"(?:affected|influenced|impacted|enhanced|supported|driven|enabled)\s+by|benefit\w*\s+from",
        "affects",
        True,
    ),
    (r"accelerated\s+by|sped\s+up\s+by", "accelerates", True),
    (r"accelerat|speed\s+up|fast[- ]track", "accelerates", False),
    (r"contribut", "contributes-to", False),
    (r"affect|effect|impact|influence", "affects", False),
)
_MENTION = re.compile(
    r"\bOutcomes?\s+(?P<ids>[0-9]+(?:\.[0-9]+)*[a-z]?(?:\.?\s*(?:,|and|&)\s*(?:Outcome\s+)?"
    r"[0-9]+(?:\.[0-9]+)*[a-z]?)*)"
)
_OTHERS = re.compile(r"\b(?:all\s+)?other\s+outcomes\b|\ball\s+(?:the\s+)?outcomes\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def kind_of(sentence: str) -> tuple[str, bool] | None:
    """The link kind a sentence states and whether the outcome it names is the link's source."""
    for pattern, kind, passive in _CUES:
        if re.search(pattern, sentence, re.IGNORECASE):
            return kind, passive
    return None


def _via(sentence: str) -> tuple[str, ...]:
    codes = [
        t.code
        for m in re.finditer(r"\(\s*SDGs?\s+([^)]*)\)", sentence)
        for t in parse_target_list(m.group(1))
    ]
    return tuple(dict.fromkeys(c for c in codes if c.count(".") == 1))


def read_links(doc: Document, draft: Draft, outline: Outline) -> None:
    """Add the outcome links each outcome's own part of the text states."""
    known = [str(r["id"]) for r in draft.rows.get("outcomes", [])]
    mains = {(str(r["id"]), r["source_lines"]) for r in draft.rows.get("outcomes", [])}
    for outcome, first, last, in_matrix in outline.parts:
        if in_matrix or (outcome, str(first)) not in mains:
            continue
        for n in range(first + 1, last + 1):
            for sentence in _SENTENCE.split(clean(doc.lines[n - 1])):
                _sentence(draft, known, outcome, sentence.strip(), n)


def _sentence(draft: Draft, known: list[str], outcome: str, sentence: str, n: int) -> None:
    named = [
        i
        for m in _MENTION.finditer(sentence)
        for i in re.findall(r"[0-9]+(?:\.[0-9]+)*[a-z]?", m.group("ids"))
        if i.rstrip(".") in known and i.rstrip(".") != outcome
    ]
    others = not named and _OTHERS.search(sentence)
    stated = kind_of(sentence)
    if stated is None or not (named or others):
        return
    kind, passive = stated
    targets = [i.rstrip(".") for i in named] if named else [o for o in known if o != outcome]
    for other in dict.fromkeys(targets):
        source, target = (other, outcome) if passive else (outcome, other)
        ident = f"OL{draft.count('outcome_links') + 1:02d}"
        draft.add(
            "outcome_links",
            {
                "id": ident,
                "source": source,
                "target": target,
                "kind": kind,
                "via_targets": _via(sentence) if named else (),
                "stated_as": "named" if named else "all-others",
                "quote": sentence,
            },
            [n],
            "read from one sentence: check the kind and the direction",
        )
