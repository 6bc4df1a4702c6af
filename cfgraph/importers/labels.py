"""The wording of the Cooperation Framework guidance that the extractors look for.

Labels introduce a list ("SDG targets:", "LNOB:", "Contributing UN entities:", "Partners:"),
headings name a result ("Outcome 1.2", "Output 2.1", "Strategic priority 1"), and column
headings name what a results-matrix column holds ("Indicator", "Baseline", "Means of
verification"). Only the guidance's generic wording is here, never one document's.

>>> find_labels("Crosscutting 10.3.; 17.16")
[Label(name='crosscutting', start=0, value_start=13)]
>>> [l.name for l in find_labels("UN entities: WHO, UNICEF. Partners: Ministry of Health")]
['agencies', 'partners']
>>> column_role("SOURCE AND RESPONSIBLE AGENCY"), column_role("Means of verification"), column_role("RESULTS")
('source+agency', 'source', 'result')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "clean",
    "without_notes",
    "split_outside",
    "Label",
    "find_labels",
    "label_of_cell",
    "column_role",
    "is_matrix_header",
    "header_width",
    "MATRIX_HEADING",
    "RESULT_HEADING",
    "OUTPUT_HEADING",
    "AREA_HEADING",
    "AREA_LIKE",
    "area_id",
    "SECTION_HEADING",
    "INDICATOR_HEADING",
]

_I = re.IGNORECASE
_MARKS = re.compile(r"\[(?:bookmark|footnoteRef):[^\]]*\]|\[image:[^\]]*\]")


def clean(text: str) -> str:
    """*text* without the marks a converter leaves in a text ("[bookmark: _Toc1]"), trimmed.

    >>> clean("[bookmark: _Hlk1]RESULTS ")
    'RESULTS'
    """
    return _MARKS.sub("", text).strip()


_NOTE_MARK = re.compile(r"\[footnoteRef:[0-9]+\]|\s*\[[0-9]+:[^\]]*\]")
_NOTE_OPEN = re.compile(r"\s*\[[0-9]+:[^\]]*$")


def split_outside(text: str, separators: str) -> list[str]:
    """*text* cut at any of *separators* outside brackets, blank parts left out.

    >>> split_outside("a (b; c); d, e", ";")
    ['a (b; c)', ' d, e']
    """
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch in separators and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [p for p in (*parts, current) if p.strip()]


def without_notes(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Numbered *lines* without the footnotes a converter writes into them: the mark
    ("[footnoteRef:52]") and the note's text ("[52: In 2019 the ...]", over lines until its "]").

    >>> without_notes([(1, "Target: Yes[footnoteRef:53] (2025) [53: It means"), (2, "full.]"), (3, "x")])
    [(1, 'Target: Yes (2025)'), (2, ''), (3, 'x')]
    """
    found: list[tuple[int, str]] = []
    inside = False
    for n, text in lines:
        if inside:
            if "]" not in text:
                continue
            text, inside = text[text.index("]") + 1 :], False
        text = _NOTE_MARK.sub("", text)
        if m := _NOTE_OPEN.search(text):
            text, inside = text[: m.start()], True
        found.append((n, text.rstrip()))
    return found


#: Labels of the lists an outcome has, by what the list holds. A label is found at the start of a
#: line or after a sentence, followed by a colon (or, for target lists, directly by a code).
_LABELS: tuple[tuple[str, str], ...] = (
    ("crosscutting", r"cross[- ]?cutting(?:\s+(?:SDG\s+)?targets?(?:\s*\(s\))?)?"),
    ("targets", r"(?:related\s+)?(?:global\s+)?(?:SDG|sustainable development goal)\s+targets?(?:\s*\(s\))?"),
    (
        "groups",
        r"LNOB(?:\s+groups?)?|(?:groups?\s+(?:at\s+risk\s+of\s+being\s+)?)?left\s+behind(?:\s+groups?)?"
        r"|leave\s+no\s+one\s+behind(?:\s+groups?)?|groups\s+furthest\s+behind",
    ),
    (
        "agencies",
        r"(?:contributing\s+|participating\s+|responsible\s+)?UN\s+(?:system\s+)?"
        r"(?:agencies|agency|entities|entity|organi[sz]ations)(?:\s+contributing)?",
    ),
    ("partners", r"(?:key\s+|main\s+|national\s+|implementing\s+)?partners(?:hips)?"),
    ("priority", r"national\s+(?:development\s+)?priorit(?:y|ies)(?:\s*\(.*?\))?"),
)
_FIND = re.compile(
    r"(?:^|(?<=[.;!?)]))\s*(?:\[bookmark:[^\]]*\]\s*)*(?:"
    + "|".join(f"(?P<{n}>{p})" for n, p in _LABELS)
    + r")\s*(?::|(?=\s*[0-9]))",
    _I,
)

#: How a document numbers its results: ``1``, ``1.2``, ``2.1a``, ``O2``, ``SP1.3`` (in headings also
#: one letter).
RESULT_ID = r"(?:[0-9]+(?:\.[0-9]+)*[a-z]?|[A-Z]{1,3}[0-9]+(?:\.[0-9]+)*)"
#: "Outcome 1.2", "Outcome O2:", "Cooperation Framework Outcome 1.2.:", "Outcomes 1.1." (id, then the
#: statement).
RESULT_HEADING = re.compile(
    r"^\s*(?:\[bookmark:[^\]]*\]\s*)*(?:[A-Z][\w-]*\s+){0,3}?(?:Outcomes?|OUTCOMES?)\s+"
    rf"(?P<id>{RESULT_ID}|[A-Z])(?![0-9])"
    r"\.?\s*[:.\-–]?\s*(?P<rest>.*)$"
)
#: "Output 1.1. Every district ..." (an output of the outcome above).
OUTPUT_HEADING = re.compile(
    r"^\s*(?:Outputs?|OUTPUTS?)\s+" rf"(?P<id>{RESULT_ID}|[A-Z])(?![0-9])" r"\.?\s*[:.\-–]?\s*(?P<rest>.*)$"
)
_AREA_WORDS = r"(?:strategic\s+priority|thematic\s+area|results?\s+area|priority\s+area|pillar)"
#: How a priority heading numbers its priority: 2, B, a Roman numeral (II, iv) or a number word (Two).
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_AREA_ID = r"[0-9]+|(?-i:[IVX]{1,5}|[ivx]{1,5})(?![A-Za-z])|" + "|".join(_NUMBER_WORDS) + r"|[A-Za-z]"
#: "Strategic priority 1: ...", "Thematic Area 2: ...", "Result area A - ...", "Pillar 3: ...",
#: "Strategic Priority II: ...", "Strategic Priority Two: ...".
AREA_HEADING = re.compile(
    r"^\s*(?:\[bookmark:[^\]]*\]\s*)*(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?" + _AREA_WORDS + r"\s+"
    rf"(?P<id>{_AREA_ID})(?![A-Za-z0-9])\s*[:.\-–—]\s*(?P<name>\S.*?)\s*$",
    _I,
)
#: A short line that starts as a priority heading ("Strategic Priority III", "Pillar Two — ..."):
#: one that :data:`AREA_HEADING` does not read is reported, never dropped in silence.
AREA_LIKE = re.compile(
    r"^\s*(?:\[bookmark:[^\]]*\]\s*)*(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?" + _AREA_WORDS + r"\s+\S",
    _I,
)


def area_id(written: str) -> str:
    """The id of a priority numbered *written*: a number word as its digits, else as written.

    >>> area_id("Two"), area_id("II"), area_id("B"), area_id("3")
    ('2', 'II', 'B', '3')
    """
    word = written.lower()
    return str(_NUMBER_WORDS.index(word) + 1) if word in _NUMBER_WORDS else written


#: "Indicator 1.a: ...", "Indicator 4.1.1 Proportion of ...", "Indicator 1.b Share of ..." (an
#: indicator numbered by the document): the number is whole (never cut inside), the name the rest;
#: without a colon or dash, the number holds a digit and the name starts with a capital.
INDICATOR_HEADING = re.compile(
    r"^\s*Indicator\s+(?P<id>[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*)(?![.-]?[0-9A-Za-z])"
    r"(?:\s*[:.\-–]\s*|(?:(?<=[0-9])|(?<=[0-9][.-][A-Za-z]))\s+(?=(?-i:[A-Z(“\"'])))(?P<name>\S.*)$",
    _I,
)
#: "2.5. Synergies between outcomes", "3 Implementation plan": a numbered section heading (short, no
#: sentence), which ends the part of the text before it.
SECTION_HEADING = re.compile(r"^(?:[0-9]+\.){0,3}[0-9]+\.?\s+[A-Z][^.:;]{2,100}$")
#: A heading that opens the results matrix (an annex, a section).
MATRIX_HEADING = re.compile(r"\bresults?\s+(?:matrix|framework)\b", _I)

_COLUMNS: tuple[tuple[str, str], ...] = (
    ("source", r"source|means\s+of\s+verification|MoV|data\s+source"),
    ("agency", r"UN\s+(?:agenc|entit|organi)|responsible\s+(?:UN|agenc|entit)|lead\s+agenc"),
    ("partner", r"partner"),
    ("baseline", r"baseline"),
    ("target", r"target"),
    ("indicator", r"indicator"),
    ("result", r"results?|outcomes?|outputs?|results?\s+chain"),
)


@dataclass(frozen=True)
class Label:
    """A label found in a line: what it introduces, where it starts and where its value starts."""

    name: str
    start: int
    value_start: int


def find_labels(line: str) -> list[Label]:
    """Every list label in *line*, in order."""
    found = []
    for m in _FIND.finditer(line):
        name = next(n for n, _ in _LABELS if m.group(n) is not None)
        value_start = m.end()
        found.append(Label(name, m.start(name), value_start))
    return found


def label_of_cell(text: str) -> str | None:
    """The list a table cell labels when it holds a label and nothing else ("LNOB", "UN Agencies")."""
    bare = clean(text).rstrip(":").strip()
    for name, pattern in _LABELS:
        if re.fullmatch(pattern, bare, _I):
            return name
    if re.fullmatch(_AREA_WORDS + r"(?:\s+\S+)?", bare, _I):
        return "area"
    return None


def column_role(heading: str) -> str | None:
    """What a results-matrix column holds, by its heading; several roles joined by ``+``
    ("Source and responsible agency" holds the source and the agencies)."""
    text = re.sub(r"\s+", " ", clean(heading))
    if not text or len(text) > 80:
        return None
    roles = [role for role, pattern in _COLUMNS if re.search(r"(?<![a-z])(?:" + pattern + ")", text, _I)]
    if "indicator" in roles:
        return "indicator"
    if "source" in roles and "agency" not in roles and re.search(r"\bagenc|\bentit", text, _I):
        roles.append("agency")
    if "baseline" in roles and "target" in roles:
        return "baseline+target"
    if "target" in roles and "result" in roles:
        roles.remove("target")
    order = ("result", "baseline", "target", "source", "agency", "partner")
    return "+".join(r for r in order if r in roles) or None


def is_matrix_header(cells: list[str]) -> bool:
    """Whether a run of cells is the heading row of a results matrix: an indicator column and at
    least two other known columns."""
    roles = [column_role(c) for c in cells]
    return "indicator" in roles and sum(1 for r in roles if r) >= 3


def header_width(cells: list[str]) -> int:
    """How many of *cells*, from the first, form a results-matrix heading row (0: none): the
    column headings up to the first cell that is not one (or that labels a list)."""
    width = 0
    for text in cells[:8]:
        if "\n" in text.strip() or column_role(text) is None or clean(text).endswith(":"):
            break
        width += 1
    return width if width >= 3 and is_matrix_header(cells[:width]) else 0
