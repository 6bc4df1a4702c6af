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

from cfgraph.importers.labels import split_outside

__all__ = [
    "split_list",
    "group_items",
    "plain_group",
    "broader_group",
    "organisations",
    "named_organisations",
    "partner_type",
    "abbreviation",
    "bare_name",
]

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
_CAP = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}|[“\"][A-Z][^”\"]{1,50}[”\"])"
_ORG = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<name>{_CAP}(?:[ -](?:{_CONNECT}[ -])*{_CAP})*)"
    r"(?:\s*\((?P<abbr>[A-Z][A-Za-z-]{1,12})\))?"
)


def split_list(text: str, conjunctions: bool = False) -> list[str]:
    """The items of a list written in running text: split at ``;`` and ``,`` outside brackets
    (and at a final "and" with *conjunctions*), each trimmed of closing punctuation."""
    items = split_outside(text, ";,")
    if conjunctions:
        items = [part for item in items for part in re.split(r"\s+(?:and|&)\s+", item)]
    found = []
    for item in items:
        item = re.sub(r"^\s*(?:and|or|as well as|etc)\s+", "", item.strip())
        item = re.sub(r"\s*(?:etc\.?|\.\.\.|…)$", "", item).strip(" .:")
        if item:
            found.append(item)
    return found


#: Words that qualify a group written before two nouns joined by "and" ("rural youth and women").
_SHARED_ADJECTIVE = (
    r"rural|urban|young|older|elderly|poor|indigenous|displaced|vulnerable|marginali[sz]ed|remote|"
    r"low-income|unemployed|internally displaced|undocumented|stateless|single"
)
#: The start of a phrase qualifying the group before it ("living in ...", "with ...").
_QUALIFIER = r"(?:living|working|residing|in|with|without|who|from|at|under|affected|exposed)\b"


#: Words that name people: a phrase holding one reads as a group ("outer-island communities").
_PEOPLE_WORD = re.compile(
    r"\b(?:wom[ae]n|girls?|m[ae]n|boys?|child(?:ren)?|youths?|young|people|peoples|persons?|adolescents?|"
    r"migrants?|refugees?|workers?|households?|residents?|famil(?:y|ies)|communit(?:y|ies)|minorit(?:y|ies)|"
    r"populations?|groups?|elderly|herders?|farmers?|fishers?|fisherfolk|pensioners?|survivors?|victims?|"
    r"detainees?|prisoners?|students?|infants?|mothers?|parents?|dwellers?|inhabitants?|citizens?|"
    r"individuals?|orphans?|widows?|returnees?|asylum[- ]seekers?|stateless|displaced|PWDs?|LGBTI\w*)\b",
    re.IGNORECASE,
)


def _joined_pair(item: str) -> list[str]:
    """*item* split at its last "and" / "or" when both sides read as groups ("persons with
    disabilities and outer-island communities"); kept whole when the first side is one word before
    a longer phrase they share ("women and girls in rural areas"), or the second side qualifies the
    first ("children in institutions or living apart"); after one word, the second side names a group
    by its last word ("herders and outer-island communities", not "men and women who use drugs").

    >>> _joined_pair("persons with disabilities and outer-island communities")
    ['persons with disabilities', 'outer-island communities']
    >>> _joined_pair("women and girls")
    ['women', 'girls']
    >>> _joined_pair("women and girls in rural areas"), _joined_pair("adolescents in rural and remote areas")
    (['women and girls in rural areas'], ['adolescents in rural and remote areas'])
    """
    m = re.fullmatch(r"(?P<a>.+)\s+(?:and|or)\s+(?P<b>(?:(?!\s(?:and|or)\s).)+)", item)
    if m is None:
        return [item]
    a, b = m.group("a").strip(), m.group("b").strip()
    head = bare_name(b).split()[-1]
    shared = len(a.split()) == 1 and not (len(b.split()) == 1 or _PEOPLE_WORD.fullmatch(head))
    if shared or re.match(_QUALIFIER, b) or not (_PEOPLE_WORD.search(a) and _PEOPLE_WORD.search(b)):
        return [item]
    return [a, b]


def _inner_lists(items: list[str]) -> list[str]:
    """*items* with a short list inside one item put back ("young people not in employment,
    education or training": split at its comma, "education or training" names no people)."""
    found: list[str] = []
    for item in items:
        m = re.fullmatch(r"(\w+\s+(?:or|and)\s+\w+)(?:\s+(?:and|or)\s+.+)?", item)
        inner = m is not None and not _PEOPLE_WORD.search(m.group(1))
        if found and inner and re.search(r"\b(?:in|of|for|with|without|to)\s+\w+$", found[-1]):
            found[-1] = f"{found[-1]}, {item}"
        else:
            found.append(item)
    return found


def group_items(text: str) -> list[tuple[str, str]]:
    """The groups a list of LNOB groups names, each as (name, the text that names it): a phrase
    shared by the items before it is theirs too ("women, children, adolescents living in rural
    areas"), so is a word before two nouns ("rural youth and women"); "..., including ..." and
    "especially ..." tails are left out of the name.

    >>> [name for name, _ in group_items("migrants; women, children living in rural areas")]
    ['migrants', 'women living in rural areas', 'children living in rural areas']
    >>> group_items("rural youth and women; victims including children")[1:]
    [('rural women', 'rural youth and women'), ('victims', 'victims including children')]
    """
    found: list[tuple[str, str]] = []
    for piece in (_inner_lists(split_list(p)) for p in split_outside(text, ";")):
        pair = _joined_pair(piece[-1]) if piece else []
        if len(pair) == 2 and not re.fullmatch(rf"({_SHARED_ADJECTIVE})\s+\w+\s+and\s+\w+", piece[-1], re.I):
            found += [group for item in piece[:-1] for group in _item_groups(item)]
            found += [(part, part) for part in pair]
            continue
        last = piece[-1] if piece else ""
        shared = re.match(rf"^\S+\s+({_QUALIFIER}.*)$", last)
        if len(piece) >= 2 and shared and all(len(i.split()) == 1 for i in piece[:-1]):
            raw = ", ".join(piece)
            found += [(f"{i} {shared.group(1)}", raw) for i in piece[:-1]] + [(last, raw)]
            continue
        found += [group for item in piece for group in _item_groups(item)]
    return found


def _item_groups(item: str) -> list[tuple[str, str]]:
    """The groups one list item names: two after a shared word ("rural youth and women"), else
    one, without an "including ..." tail."""
    if m := re.fullmatch(rf"({_SHARED_ADJECTIVE})\s+(\w+)\s+and\s+(\w+)", item, re.IGNORECASE):
        return [(f"{m.group(1)} {m.group(2)}", item), (f"{m.group(1)} {m.group(3)}", item)]
    name = re.sub(r",?\s+(?:including|especially|in particular|particularly)\s.*$", "", item)
    return [(name or item, item)]


def plain_group(name: str) -> str:
    """A group's name in the form groups are compared by: "X living in rural (and remote) areas"
    is "rural X".

    >>> plain_group("women living in rural and remote areas")
    'rural women'
    """
    m = re.fullmatch(r"(.+?)\s+(?:living|residing)\s+in\s+rural(?:\s+and\s+remote)?\s+areas", name.strip())
    return f"rural {m.group(1)}" if m else name.strip()


_PEOPLE = ("people", "persons", "population", "populations")


def broader_group(name: str, known: dict[str, str]) -> str | None:
    """The id of the group among *known* (name key -> id) that *name* is part of: "X" for "X with
    (in, who, living) ...", "people ..." for "children ..." with the same qualifier, "rural
    population" for "rural women".

    >>> known = {"adolescents": "a", "peoplewithdisabilities": "p", "ruralpopulation": "r"}
    >>> [broader_group(n, known) for n in ("adolescents with chronic diseases", "children with disabilities",
    ...                                    "rural women", "migrants")]
    ['a', 'p', 'r', None]
    """
    from cfgraph.importers.agencies import name_key

    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if re.match(_QUALIFIER, rest) and name_key(head) in known:
            return known[name_key(head)]
    for k in range(1, len(words)):
        rest = " ".join(words[k:])
        if re.match(_QUALIFIER, rest) and words[0] not in _PEOPLE:
            for people in _PEOPLE:
                if found := known.get(name_key(f"{people} {rest}")):
                    return found
    if len(words) == 2:
        for people in _PEOPLE:
            if (found := known.get(name_key(f"{words[0]} {people}"))) and words[1] not in _PEOPLE:
                return found
    return None


def abbreviation(item: str) -> str | None:
    """The abbreviation a list item gives in brackets at its end ("sex workers (SW)" -> "SW")."""
    m = re.search(r"\(([A-Z][A-Za-z]{0,9})\)\s*$", item)
    return m.group(1) if m else None


def bare_name(item: str) -> str:
    """A list item without a bracketed abbreviation at its end."""
    return re.sub(r"\s*\([A-Z][A-Za-z]{0,9}\)\s*$", "", item).strip()


#: ", Geology and Natural Resources" after "Ministry of Ecology": more of the same name.
_OF = re.compile(r"\s(?:of|for|on)\s")
_CONTINUED = re.compile(rf",\s+(?P<more>{_CAP}(?:\s+{_CAP})*\s+and\s+{_CAP}(?:\s+{_CAP})*)")


def named_organisations(text: str) -> list[tuple[str, str | None, int]]:
    """The organisations named in *text* (a run of capitalised words, or a quoted name, holding an
    organisation word: Ministry, Committee, University, NGO, ...), each with the abbreviation
    written after it and where it starts; a generic phrase ("line ministries") is not a name; a
    name "X of A, B and C" goes on over its comma when "A" is no organisation of its own.

    >>> named_organisations("the Ministry of Ecology, Geology and Natural Resources and NGO “Green Steppe”")
    [('Ministry of Ecology, Geology and Natural Resources', None, 4), ('NGO “Green Steppe”', None, 59)]
    >>> named_organisations("the Partnership for Action on Green Economy (PAGE) will")[0][:2]
    ('Partnership for Action on Green Economy', 'PAGE')
    """
    found: list[tuple[str, str | None, int]] = []
    pos = 0
    while (m := _ORG.search(text, pos)) is not None:
        name, end, abbr = m.group("name"), m.end(), m.group("abbr")
        more = _CONTINUED.match(text, m.end("name")) if abbr is None and _OF.search(name) else None
        parts = _parts(name, m.start("name"))
        if more is not None and not _HEAD.search(more.group("more").split(" and ")[0]) and _HEAD.search(name):
            at = parts[-1][1]
            parts[-1] = (text[at : more.end("more")], at)  # the continued name is one name
            end = more.end()
        for k, (part, at) in enumerate(parts):
            if _HEAD.search(part) and len(part.split()) >= 2:
                found.append((part, abbr if k == len(parts) - 1 else None, at))  # the last is abbreviated
        pos = max(end, m.start() + 1)
    return found


def organisations(text: str) -> list[tuple[str, int]]:
    """The organisations named in *text*, each with where it starts (:func:`named_organisations`)."""
    return [(name, at) for name, _, at in named_organisations(text)]


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
