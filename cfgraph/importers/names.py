"""Split the lists a document writes ("UNICEF, UNFPA and UNDP"; "migrants; people with
disabilities (PWD)") and find the organisations a partnerships text names, typed by what
their name says (a Ministry is a ministry, a University academia).

>>> split_list("UNICEF, UNFPA and UNDP", conjunctions=True)
['UNICEF', 'UNFPA', 'UNDP']
>>> split_list("people who use drugs (PWUD), people who inject drugs (PWID); migrants")
['people who use drugs (PWUD)', 'people who inject drugs (PWID)', 'migrants']
>>> [n for n, _ in organisations("We work with the Ministry of Health, the Supreme Court and local NGOs.")]
['Ministry of Health', 'Supreme Court']
>>> partner_type("Ministry of Health"), partner_type("Riverland Farmers Union"), partner_type("World Bank")
('ministry', 'ngo-cso', 'ifi-development-partner')
"""

from __future__ import annotations

import re

__all__ = ["split_list", "organisations", "partner_type", "abbreviation", "bare_name"]

#: Name endings (or words) that make a run of capitalised words an organisation, by partner type.
_TYPES: tuple[tuple[str, str], ...] = (
    (
        "ifi-development-partner",
        r"World Bank|Development Bank|Investment Bank|Monetary Fund|European Union|"
        r"Global Fund|Embassy|Delegation of the European Union|Cooperation Agency|"
        r"Development Agency|International Development",
    ),
    ("ministry", r"Ministry|Ministries"),
    ("parliament", r"Parliament|Senate|National Assembly|House of Representatives|Congress"),
    ("judiciary", r"Court|Judiciary|Prosecutor(?:'s)?(?: General)?(?: Office)?|Tribunal|Bar Association"),
    (
        "local-authority",
        r"Municipality|City Council|City Hall|Local Government|Regional Administration|"
        r"Governorate|Mayor(?:'s)? Office|Provincial|District Council",
    ),
    ("academia", r"University|Institute|Academy|College|School|Research Cent(?:re|er)"),
    (
        "private-sector",
        r"Chamber|Company|Corporation|Holding|Business|Enterprises?|Employers|Industry|"
        r"Industries|Group of Companies|Bank",
    ),
    ("media", r"Media|Television|Radio|News|Press|Broadcasting"),
    ("initiative", r"Initiative|Programme|Program|Platform|Partnership|Coalition|Hub|Compact|Forum"),
    (
        "ngo-cso",
        r"Association|Network|Foundation|Union|Alliance|Society|NGO|Movement|Red Crescent|"
        r"Red Cross|Club|Federation|Council of Women|Youth Council|Civil Society",
    ),
    (
        "government-agency",
        r"Agency|Committee|Commission|Council|Cent(?:re|er)|Office|Ombudsman|Department|"
        r"Service|Inspectorate|Authority|Administration|Secretariat|Mechanism|Government|"
        r"Board|Bureau|Directorate|Fund|Statistics",
    ),
)
_HEADS = "|".join(p for _, p in _TYPES)
_HEAD = re.compile(rf"(?<![\w])(?:{_HEADS})(?![\w])")
_CONNECT = r"(?:of|and|for|on|the|in|under|to|with|de|des|du|la|le|&)"
_CAP = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})"
_ORG = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<name>{_CAP}(?:[ -](?:{_CONNECT}[ -])*{_CAP})*)"
    r"(?:\s*\((?P<abbr>[A-Z][A-Za-z-]{1,12})\))?"
)


def split_list(text: str, conjunctions: bool = False) -> list[str]:
    """The items of a list written in running text: split at ``;`` and ``,`` outside brackets
    (and at a final "and" with *conjunctions*), each trimmed of closing punctuation."""
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch in ";," and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    if conjunctions:
        items = [part for item in items for part in re.split(r"\s+(?:and|&)\s+", item)]
    found = []
    for item in items:
        item = re.sub(r"^\s*(?:and|or|as well as|etc)\s+", "", item.strip())
        item = re.sub(r"\s*(?:etc\.?|\.\.\.|…)$", "", item).strip(" .:")
        if item:
            found.append(item)
    return found


def abbreviation(item: str) -> str | None:
    """The abbreviation a list item gives in brackets at its end ("sex workers (SW)" -> "SW")."""
    m = re.search(r"\(([A-Z][A-Za-z]{0,9})\)\s*$", item)
    return m.group(1) if m else None


def bare_name(item: str) -> str:
    """A list item without a bracketed abbreviation at its end."""
    return re.sub(r"\s*\([A-Z][A-Za-z]{0,9}\)\s*$", "", item).strip()


def organisations(text: str) -> list[tuple[str, int]]:
    """The organisations named in *text* (a run of capitalised words holding an organisation
    word: Ministry, Committee, University, ...), each with where it starts; a generic phrase
    ("line ministries") is not a name."""
    found = []
    for m in _ORG.finditer(text):
        for name, at in _parts(m.group("name"), m.start("name")):
            if _HEAD.search(name) and len(name.split()) >= 2:
                found.append((name, at))
    return found


def _parts(name: str, at: int) -> list[tuple[str, int]]:
    """*name* split where "and (the)" joins two names that each hold an organisation word."""
    pieces = re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", name)
    parts: list[tuple[str, int]] = []
    for piece in pieces:
        start = name.index(piece, parts[-1][1] - at + len(parts[-1][0]) if parts else 0)
        if parts and not (_HEAD.search(piece) and _HEAD.search(parts[-1][0])):
            first, first_at = parts.pop()
            piece, start = name[first_at - at : start + len(piece)], first_at - at
        parts.append((piece.strip(" .-"), at + start))
    return parts


def partner_type(name: str) -> str:
    """The partner type a name says (``other`` when it says none)."""
    for kind, pattern in _TYPES:
        if re.search(rf"(?<![\w])(?:{pattern})(?![\w])", name, re.IGNORECASE if kind == "ngo-cso" else 0):
            return kind
    return "other"
