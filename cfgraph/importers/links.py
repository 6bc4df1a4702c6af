"""What the text states between outcomes: a sentence in one outcome's part of the text that
names another outcome ("This outcome is interlinked with Outcome 1.2", "It is directly affected
by Outcome 2.1"), or all the others ("will affect directly other outcomes"); a sentence whose
subject is a numbered outcome, wherever it is, states its link to the outcomes it names after
the cue ("Outcome 2 contributes to Outcome 1: ..."), or between the outcomes its subject joins
("Outcome 3 and Outcome 2 are mutually reinforcing"). A verb with no kind of its own is read as the
closest declared kind: "reinforces", "strengthens", "supports", "enables" contribute to the outcome
named; "builds on" and "is a precondition for" are a dependence ("Outcome 1 is a precondition for
Outcome 2": 2 depends on 1). A sentence that starts with one outcome
and names another but says no kind of link is listed as not found.

>>> kind_of("It is directly affected by Outcome 2.1")
('affects', True)
>>> kind_of("Results here will accelerate progress under Outcome 2.2")
('accelerates', False)
"""

from __future__ import annotations

import re

from cfgraph.importers.document import Document
from cfgraph.importers.draft import Draft
from cfgraph.importers.labels import RESULT_ID, clean, split_outside
from cfgraph.importers.outline import Outline
from cfgraph.sdg import parse_target_list
from cfgraph.vocabulary import LINK_KINDS

__all__ = ["kind_of", "read_links"]

#: Cue words, the link kind they state, and whether the named outcome is the source (passive).
_CUES: tuple[tuple[str, str, bool], ...] = (
    (r"\bmutually\s+reinforc", "mutually-reinforcing", False),
    (r"\b(?:interlinked|interconnected|interrelated)\b", "interlinked", False),
    (r"\b(?:depends?\s+on|dependent\s+on|relies\s+on|rely\s+on)\b", "depends-on", False),
    (r"\bcomplement", "complements", False),
    (r"\bsynerg", "synergy", False),
    (
        r"\b(?:affected|influenced|impacted|enhanced|supported|driven|enabled)\s+by\b|\bbenefit\w*\s+from\b",
        "affects",
        True,
    ),
    (r"\b(?:accelerated|sped\s+up)\s+by\b", "accelerates", True),
    (r"\baccelerat|\bspeed\s+up\b|\bfast[- ]track", "accelerates", False),
    (r"\bcontribut", "contributes-to", False),
    (r"\bis\s+(?:a\s+)?(?:pre-?condition|prerequisite)\s+(?:for|of|to)\b", "depends-on", True),
    (r"\bbuilds?\s+on\b", "depends-on", False),
    (r"\b(?:reinforces?|strengthens?|supports?|enables?)\b", "contributes-to", False),
    (r"\baffect\w*|\beffects?\b|\bimpact\w*|\binfluenc\w*|\bspillover\b", "affects", False),
)
_MENTION = re.compile(
    rf"\bOutcomes?\s+(?P<ids>{RESULT_ID}(?:\.?\s*(?:,|and|&)\s*(?:Outcome\s+)?{RESULT_ID})*)"
)
_OTHERS = re.compile(r"\b(?:all\s+)?other\s+outcomes\b|\ball\s+(?:the\s+)?outcomes\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def kind_of(sentence: str) -> tuple[str, bool] | None:
    """The link kind a sentence states and whether the outcome it names is the link's source."""
    cues = _cues(sentence)
    return (cues[0][1], cues[0][2]) if cues else None


def _cues(text: str) -> list[tuple[int, str, bool]]:
    """Every cue word of *text*: where it ends, the link kind it states, whether it is passive."""
    found: dict[int, tuple[int, str, bool]] = {}
    for pattern, kind, passive in _CUES:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if not any(a <= m.start() < b for a, b in ((s, e) for s, e in _spans(found))):
                found[m.start()] = (m.end(), kind, passive)
    return [(end, kind, passive) for _, (end, kind, passive) in sorted(found.items())]


def _spans(found: dict[int, tuple[int, str, bool]]) -> list[tuple[int, int]]:
    return [(start, end) for start, (end, _, _) in found.items()]


def _via(sentence: str) -> tuple[str, ...]:
    codes = [
        t.code
        for m in re.finditer(r"\(\s*SDGs?\s+([^)]*)\)", sentence)
        for t in parse_target_list(m.group(1))
    ]
    return tuple(dict.fromkeys(c for c in codes if c.count(".") == 1))


#: "Similar to Outcome 2.1, ...": the named outcome states the same link as this one.
_LIKE = re.compile(
    r"^\s*(?:similar(?:ly)?\s+to|like|as\s+(?:with|for|in))\s+Outcomes?\s+(?P<id>[0-9]+(?:\.[0-9]+)*[a-z]?)\.?\s*,",
    re.IGNORECASE,
)
#: The subject is this outcome ("this Outcome", "It", "The results").
_THIS = re.compile(r"\bthis\s+outcome\b|^\s*(?:it|the\s+results?)\b", re.IGNORECASE)


#: "two mutually reinforcing Outcomes under this thematic area": the area's outcomes, unnumbered.
_AREA_OUTCOMES = re.compile(
    r"\b(?:two|three|four|both|these|its|the)\b[^.;]{0,40}\boutcomes\b[^.;]{0,60}"
    r"|\boutcomes\b[^.;]{0,30}\b(?:this|the)\s+(?:thematic\s+)?(?:area|pillar|priority)\b",
    re.IGNORECASE,
)


def _area_links(doc: Document, draft: Draft, outline: Outline) -> None:
    """A thematic area's own text saying its outcomes are mutually reinforcing (interlinked, in
    synergy): a link between each two of the area's outcomes."""
    for area, first, last in outline.areas:
        mine = [str(r["id"]) for r in draft.rows.get("outcomes", []) if r.get("thematic_area") == area]
        for n in range(first + 1, last + 1):
            for sentence in _SENTENCE.split(clean(doc.lines[n - 1])):
                cues = [c for c in _cues(sentence) if LINK_KINDS[c[1]].symmetric]
                stated = cues and _AREA_OUTCOMES.search(sentence) and not _MENTION.search(sentence)
                if len(mine) < 2 or not stated:
                    continue
                for i, a in enumerate(mine):
                    for b in mine[i + 1 :]:
                        _add(draft, (a, b), cues[0][1], sentence.strip(), n, "named")


def read_links(doc: Document, draft: Draft, outline: Outline) -> None:
    """Add the outcome links each outcome's own part of the text states, and those a thematic
    area's text states between its outcomes."""
    _area_links(doc, draft, outline)
    known = [str(r["id"]) for r in draft.rows.get("outcomes", [])]
    outcomes = draft.rows.get("outcomes", [])
    mains = {(str(r["id"]), re.split(r"[-;]", str(r["source_lines"]))[0]) for r in outcomes}  # first lines
    covered: set[int] = set()
    for outcome, first, last, in_matrix in outline.parts:
        covered.update(range(first, last + 1))
        if in_matrix or (outcome, str(first)) not in mains:
            continue
        for n in range(first + 1, last + 1):
            for sentence in _SENTENCE.split(clean(doc.lines[n - 1])):
                for clause in _clauses(sentence.strip()):
                    _clause(draft, known, outcome, clause, n)
    for _, first, last in outline.areas:
        covered.update(range(first, last + 1))
    _free_links(doc, draft, known, covered)


def _free_links(doc: Document, draft: Draft, known: list[str], covered: set[int]) -> None:
    """Links stated outside any outcome's own text (a theory-of-change chapter): a clause naming
    two outcomes and a cue between them ("Outcome 3 depends on Outcome 4") links the first to
    each other one named after a cue (the other way round for a passive cue)."""
    for n in range(1, len(doc.lines) + 1):
        if n in covered:
            continue
        for sentence in _SENTENCE.split(clean(doc.lines[n - 1])):
            for clause in _clauses(sentence.strip()):
                named = _mentions(clause, known, "")
                cues = _cues(clause)
                if _by_subject(draft, known, clause, n) or len({o for _, o in named}) < 2 or not cues:
                    continue
                (first_at, first), rest = named[0], named[1:]
                for at, other in rest:
                    between = [c for c in cues if first_at < c[0] <= at]
                    if other != first and between:
                        _, kind, passive = between[-1]
                        _add(draft, (other, first) if passive else (first, other), kind, clause, n, "named")


def _clauses(sentence: str) -> list[str]:
    """A sentence cut at its semicolons outside brackets (each part states its own links)."""
    return [re.sub(r"^\s*and\s+", "", p).strip() for p in split_outside(sentence, ";")]


def _mentions(text: str, known: list[str], outcome: str) -> list[tuple[int, str]]:
    """The other outcomes *text* names, each with where it is named."""
    return [
        (m.start(), i.rstrip("."))
        for m in _MENTION.finditer(text)
        for i in re.findall(RESULT_ID, m.group("ids"))
        if i.rstrip(".") in known and i.rstrip(".") != outcome
    ]


def _clause(draft: Draft, known: list[str], outcome: str, clause: str, n: int) -> None:
    """The links one clause states: each outcome it names gets the kind of the nearest cue before
    it (else after it); a named outcome written before an active cue, with no "this outcome"
    before it, is the link's source ("... under Outcome 1.2 should have impact on ...")."""
    if _by_subject(draft, known, clause, n):
        return
    sources, quote = [outcome], clause
    if m := _LIKE.match(clause):
        if m.group("id") in known and m.group("id") != outcome:
            sources.append(m.group("id"))
        clause = clause[m.end() :]
    cues = _cues(clause)
    if not cues:
        return
    named = _mentions(clause, known, outcome)
    if named:
        for at, other in named:
            before = [c for c in cues if c[0] <= at]
            end, kind, passive = before[-1] if before else cues[0]
            if not before and not passive and not _THIS.search(clause[: cues[0][0]]):
                passive = True
            for source in sources:
                _add(draft, (other, source) if passive else (source, other), kind, quote, n, "named")
    elif (others := _OTHERS.search(clause)) is not None:
        kind = next((k for e, k, _ in reversed(cues) if e <= others.start()), cues[0][1])
        for source in sources:
            for other in (o for o in known if o != source):
                _add(draft, (source, other), kind, quote, n, "all-others")


#: A clause whose subject is a numbered outcome ("Outcome 2 contributes to ...", "Outcomes 1 and 3 ...").
_SUBJECT = re.compile(r"^\s*(?:the\s+)?Outcomes?\s", re.IGNORECASE)


def _by_subject(draft: Draft, known: list[str], clause: str, n: int) -> bool:
    """The links a clause whose subject is one or more numbered outcomes states: from each to each
    outcome named after the cue (the other way for a passive cue), or, with none named after it,
    between the outcomes of the subject; quoted up to the first colon or comma after them. False
    when the clause is not of that form; a clause of that form with no cue is listed as not found."""
    if not _SUBJECT.match(clause):
        return False
    named = _mentions(clause, known, "")
    cues = _cues(clause)
    if not cues:
        if len({o for _, o in named}) >= 2:
            draft.lack(
                f"line {n}: a link between outcomes {', '.join(dict.fromkeys(o for _, o in named))} "
                f"(no word saying its kind): {clause[:80]}"
            )
        return False
    subjects = list(dict.fromkeys(o for at, o in named if at < cues[0][0]))
    objects = [(at, o) for at, o in named if at > cues[0][0] and o not in subjects]
    if not subjects or not objects and len(subjects) < 2:
        return False
    last = max([cues[0][0], *(at for at, _ in objects)])
    cut = re.search(r"[:,;]|\s[-–]\s", clause[last:])
    quote = clause[: last + cut.start()].strip() if cut else clause
    for source in subjects:
        for at, other in objects:
            before = [c for c in cues if c[0] <= at]
            _, kind, passive = before[-1]
            _add(draft, (other, source) if passive else (source, other), kind, quote, n, "named")
    if not objects:
        for other in subjects[1:]:
            _add(draft, (subjects[0], other), cues[0][1], quote, n, "named")
    return True


def _add(draft: Draft, ends: tuple[str, str], kind: str, quote: str, n: int, stated_as: str) -> None:
    source, target = ends
    if source == target or any(
        (r["source"], r["target"], r["kind"], r["quote"]) == (source, target, kind, quote)
        for r in draft.rows.get("outcome_links", [])
    ):
        return
    draft.add(
        "outcome_links",
        {
            "id": f"OL{draft.count('outcome_links') + 1:02d}",
            "source": source,
            "target": target,
            "kind": kind,
            "via_targets": _via(quote) if stated_as == "named" else (),
            "stated_as": stated_as,
            "quote": quote,
        },
        [n],
        "read from one sentence: check the kind and the direction",
    )
