"""Questions about actors and everything else a person can name: who works on what, with whom.

:func:`resolve` finds the thing a person names (an outcome, output, SDG target, UN agency,
partner, LNOB group or indicator; by id, typed id, name or statement, in any case), :func:`who`
answers "who and what is involved with it" in sections, and :func:`actors` lists UN agencies and
partners with filters ("ministries on two outcomes or more"). Everything works on the model
alone, so it is fast; a partner recorded as the same body as another (``same_as``) is that one
actor.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> resolve(fw, "UNICEF"), resolve(fw, "1.1"), resolve(fw, "target:6.1")
(('agency', 'unicef'), ('outcome', '1.1'), ('sdg-target', '6.1'))
>>> answer = who(fw, "unicef")
>>> answer.title
'UNICEF (UN agency): 1 outcome, 1 indicator'
>>> [(r.section, r.id) for r in answer.rows][:2]
[('outcomes', '1.1'), ('indicators', '1.1-01')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from cfgraph.errors import UnknownIdError
from cfgraph.model import Framework, closest, natural_key, sdg_sort_key
from cfgraph.vocabulary import ENTITIES, LINK_KINDS, LISTED_IN_NAMES, PARTNER_TYPES, split_typed_id, typed_id

__all__ = [
    "WhoRow", "WhoAnswer", "RESOLVABLE", "resolve", "also_named", "suggestions", "who", "who_rows", "actors",
]  # fmt: skip

#: The kinds :func:`resolve` looks in, in the order a bare id is tried: an SDG target the framework
#: lists before an output of the same id, an output before a real target it does not list.
RESOLVABLE = (
    "outcome", "sdg-target", "output", "agency", "partner", "lnob-group", "indicator", "result-group",
)  # fmt: skip
#: Sections of :func:`who`, in display order.
SECTIONS = (
    "outcomes", "outputs", "agencies", "partners", "lnob groups", "indicators", "stated links", "targets",
    "fellow actors",
)  # fmt: skip


@dataclass(frozen=True)
class WhoRow:
    """One thing involved with the node asked about: its section, kind, id, name, how, and lines."""

    section: str
    kind: str
    id: str
    name: str
    how: str
    source_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class WhoAnswer:
    """What :func:`who` found: a heading (``UNICEF (UN agency): 4 outcomes, ...``) and the rows;
    ``notes`` say what else the id names (``1.1`` is an output and an SDG target)."""

    kind: str
    id: str
    title: str
    rows: tuple[WhoRow, ...]
    empty: str = ""
    notes: tuple[str, ...] = ()


def _names(fw: Framework) -> dict[str, list[tuple[str, str]]]:
    """Lower-cased id, name or alias -> the (kind, id) pairs it names."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def add(kind: str, ident: str, *texts: str | None) -> None:
        for text in (ident, *texts):
            if text and (kind, ident) not in found[text.casefold()]:
                found[text.casefold()].append((kind, ident))

    for o in fw.outcomes:
        add("outcome", o.id, f"outcome {o.id}")
    for x in fw.outputs:
        add("output", x.id, f"output {x.id}", x.statement)
    for code in sorted({t.code for t in fw.outcome_targets if t.valid}, key=sdg_sort_key):
        add("sdg-target", code)
    for a in fw.agencies:
        add("agency", a.id, a.label, a.name, *a.aliases)
    for p in fw.partners:
        add("partner", p.id, p.name, *p.aliases)
    for g in fw.lnob_groups:
        add("lnob-group", g.id, g.name, *g.aliases)
    for i in fw.indicators:
        add("indicator", i.id)
    for rg in fw.result_groups:
        add("result-group", rg.id, rg.name)
    return found


def suggestions(fw: Framework, text: str, kinds: tuple[str, ...] = RESOLVABLE) -> list[str]:
    """The typed ids closest to *text* among things of *kinds* (ids and names), for a hint.

    >>> import cfgraph
    >>> suggestions(cfgraph.load(cfgraph.MINI), "unisef")
    ['agency:unicef']
    """
    names = _names(fw)
    choices = {t: pairs for t, pairs in names.items() if any(k in kinds for k, _ in pairs)}
    found: list[str] = []
    for text_ in closest(text.casefold(), choices, n=5):
        found += [typed_id(k, i) for k, i in choices[text_] if k in kinds]
    if not found:  # a few possible answers: name them all
        every = sorted({typed_id(k, i) for pairs in choices.values() for k, i in pairs if k in kinds})
        found = every if len(every) <= 8 else []
    return list(dict.fromkeys(found))[:5]


def resolve(fw: Framework, text: str, kinds: tuple[str, ...] = RESOLVABLE) -> tuple[str, str]:
    """The ``(kind, id)`` that *text* names: a typed id (``agency:undp``), an id, a name or an
    alias in any case, or a part of one name that no other name shares. A bare id is tried in
    the order of *kinds*, so ``1.1`` is outcome 1.1 before SDG target 1.1.

    :class:`~cfgraph.errors.UnknownIdError` (with the closest typed ids of any kind) when nothing
    or more than one thing matches.
    """
    typed, ident = split_typed_id(text.strip())
    wanted = tuple(k for k in kinds if typed in (None, k))
    if typed and not wanted:
        asked = ", ".join(ENTITIES[k].singular for k in kinds)
        raise UnknownIdError(ENTITIES[typed].singular, text, [], f"who answers about: {asked}")
    names = _names(fw)
    for probe in (ident, ident.casefold()):
        pairs = [p for p in names.get(probe.casefold(), []) if p[0] in wanted]
        exact = [p for p in pairs if p[1] == probe] or pairs
        if exact:
            return sorted(exact, key=lambda p: wanted.index(p[0]))[0]
    if "sdg-target" in wanted and fw.catalogue.is_target(ident):
        return ("sdg-target", ident)  # a real target no outcome lists: an empty, explained answer
    needle = ident.casefold()
    if len(needle) >= 3 and any(c.isalpha() for c in needle):
        partial = sorted({p for t, pairs in names.items() if needle in t for p in pairs if p[0] in wanted})
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:
            what = " or ".join(ENTITIES[k].singular for k in wanted) if len(wanted) < 3 else "node"
            raise UnknownIdError(f"{what} (several match)", text, [typed_id(k, i) for k, i in partial[:8]])
    what = " or ".join(ENTITIES[k].singular for k in wanted) if len(wanted) < 3 else "node"
    raise UnknownIdError(what, text, suggestions(fw, ident, wanted))


def also_named(fw: Framework, text: str, found: tuple[str, str]) -> list[str]:
    """The typed ids of the other things the bare id *text* names exactly, besides *found* (the
    ``(kind, id)`` :func:`resolve` chose): ``1.1`` may be an output and an SDG target.

    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> also_named(fw, "2.1", resolve(fw, "2.1")), also_named(fw, "outcome:2.1", ("outcome", "2.1"))
    (['sdg-target:2.1'], [])
    """
    typed, ident = split_typed_id(text.strip())
    if typed:
        return []
    others = [p for p in _names(fw).get(ident.casefold(), []) if p != found and p[1] == ident]
    if found[0] != "sdg-target" and fw.catalogue.is_target(ident) and ("sdg-target", ident) not in others:
        others.append(("sdg-target", ident))
    return [typed_id(k, i) for k, i in others]


def _lines(*cells: str) -> tuple[int, ...]:
    return tuple(sorted({int(p.split("-")[0]) for c in cells for p in c.split(";") if p}))


@dataclass
class _Sections:
    rows: dict[tuple[str, str, str], tuple[str, list[str], list[str]]] = field(default_factory=dict)

    def add(self, section: str, kind: str, ident: str, name: str, how: str, cell: str = "") -> None:
        _, hows, cells = self.rows.setdefault((section, kind, ident), (name, [], []))
        if how and how not in hows:
            hows.append(how)
        if cell:
            cells.append(cell)

    def result(self) -> tuple[WhoRow, ...]:
        ordered = sorted(enumerate(self.rows.items()), key=lambda t: (SECTIONS.index(t[1][0][0]), t[0]))
        return tuple(
            WhoRow(section, kind, ident, name, "; ".join(hows), _lines(*cells))
            for _, ((section, kind, ident), (name, hows, cells)) in ordered
        )


def _partner_name(fw: Framework, pid: str) -> str:
    p = fw.partner(fw.actor_id(pid))
    return f"{fw.actor_name(pid)} ({PARTNER_TYPES[p.type].display})"


def _actor_ties(fw: Framework, kind: str, ident: str) -> list[tuple[str, str, str, str]]:
    """(outcome, how, indicator, lines) of every tie of an agency or partner (one body)."""
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    ties = []
    if kind == "agency":
        ties += [(oa.outcome, f"listed ({LISTED_IN_NAMES[oa.listed_in]})", "", oa.source_lines)
                 for oa in fw.outcome_agencies if oa.agency == ident]  # fmt: skip
        ties += [(fw.output(xa.output).outcome, f"delivers output {xa.output}", "", xa.source_lines)
                 for xa in fw.output_agencies if xa.agency == ident]  # fmt: skip
        ties += [(outcome_of[ia.indicator], "responsible for indicators", ia.indicator, ia.source_lines)
                 for ia in fw.indicator_agencies if ia.agency == ident]  # fmt: skip
    else:
        body = set(fw.same_body_ids(ident))
        ties += [(op.outcome, "named in the partnerships text", "", op.source_lines)
                 for op in fw.outcome_partners if op.partner in body]  # fmt: skip
        ties += [(fw.output(xp.output).outcome, f"partner of output {xp.output}", "", xp.source_lines)
                 for xp in fw.output_partners if xp.partner in body]  # fmt: skip
        ties += [(outcome_of[ip.indicator], "named for indicators", ip.indicator, ip.source_lines)
                 for ip in fw.indicator_partners if ip.partner in body]  # fmt: skip
    return ties


_Fellow = tuple[tuple[str, str], set[str]]


def _fellows(fw: Framework, me: tuple[str, str], outcomes: list[str]) -> list[_Fellow]:
    """Other actors on *outcomes*: ((kind, id), shared outcomes), most shared first."""
    everyone = [("agency", a.id) for a in fw.agencies]
    everyone += [("partner", p.id) for p in fw.partners if fw.actor_id(p.id) == p.id]
    fellows: dict[tuple[str, str], set[str]] = {}
    for k, i in everyone:
        shared = {o for o, *_ in _actor_ties(fw, k, i) if o in outcomes}
        if shared and (k, i) != me:
            fellows[(k, i)] = shared
    return sorted(fellows.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _about_actor(fw: Framework, kind: str, ident: str, out: _Sections, fellows: int | None) -> str:
    if kind == "partner":
        ident = fw.actor_id(ident)
    ties = _actor_ties(fw, kind, ident)
    outcomes = sorted({o for o, *_ in ties}, key=[o.id for o in fw.outcomes].index)
    indicators_by_how: dict[tuple[str, str], list[str]] = {}
    for o, how, ind, cell in ties:  # one "how" per outcome and kind of tie, its indicators listed
        out.add("outcomes", "outcome", o, fw.outcome(o).statement, "", cell)
        listed = indicators_by_how.setdefault((o, how), [])
        if ind and ind not in listed:
            listed.append(ind)
    for (o, how), inds in indicators_by_how.items():
        listed_how = how + (f" ({', '.join(inds)})" if inds else "")
        out.add("outcomes", "outcome", o, fw.outcome(o).statement, listed_how)
    for _, how, ind, cell in ties:
        if ind:
            name = fw.indicator(ind).name
            out.add("indicators", "indicator", ind, name, how.replace(" indicators", ""), cell)
    ranked = _fellows(fw, (kind, ident), outcomes)
    for (k, i), shared in ranked[:fellows]:
        name = fw.agency(i).label if k == "agency" else _partner_name(fw, i)
        how = f"also on {len(shared)} of its outcomes: {', '.join(sorted(shared, key=natural_key))}"
        out.add("fellow actors", k, i, name, how)
    codes: dict[str, list[str]] = defaultdict(list)
    for t in fw.outcome_targets:
        if t.outcome in outcomes and t.valid and t.outcome not in codes[t.code]:
            codes[t.code].append(t.outcome)
    for code in sorted(codes, key=sdg_sort_key):
        title = fw.catalogue.targets[code].title_en if code in fw.catalogue.targets else ""
        out.add("targets", "sdg-target", code, title, "listed by outcomes " + ", ".join(codes[code]))
    n_ind = len({ind for *_, ind, _ in ties if ind})
    if kind == "agency":
        a = fw.agency(ident)
        label = f"{a.label} (UN agency{', ' + a.name if a.name and a.name != a.label else ''})"
    else:
        label = _partner_name(fw, ident)
    cut = fellows is not None and len(ranked) > fellows
    more = f" (the {fellows} fellow actors sharing most of {len(ranked)} shown)" if cut else ""
    return f"{label}: {_n(len(outcomes), 'outcome')}, {_n(n_ind, 'indicator')}{more}"


def _stated_links(fw: Framework, outcome: str, out: _Sections) -> None:
    """The links the text states between *outcome* and another, with their wording."""
    for link in fw.outcome_links:
        if outcome in (link.source, link.target):
            other = link.target if link.source == outcome else link.source
            how = f"{link.id}: outcome {link.source} {LINK_KINDS[link.kind].wording} outcome {link.target}"
            out.add("stated links", "outcome", other, fw.outcome(other).statement, how, link.source_lines)


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _about_outcomes(fw: Framework, outcomes: dict[str, str], out: _Sections) -> None:
    """Outputs, agencies, partners, LNOB groups and indicators of *outcomes* (id -> how it is
    concerned)."""
    _agencies_of_outcomes(fw, outcomes, out)
    _partners_of_outcomes(fw, outcomes, out)
    for og in fw.outcome_lnob_groups:
        if og.outcome in outcomes:
            how = f"named by {og.outcome} ({LISTED_IN_NAMES[og.listed_in]})"
            out.add("lnob groups", "lnob-group", og.group, fw.lnob_group(og.group).name, how, og.source_lines)
    for i in fw.indicators:
        if i.outcome in outcomes:
            out.add("indicators", "indicator", i.id, i.name, f"indicator of {i.outcome}", i.source_lines)


def _agencies_of_outcomes(fw: Framework, outcomes: dict[str, str], out: _Sections) -> None:
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    for oa in fw.outcome_agencies:
        if oa.outcome in outcomes:
            how = f"listed for {oa.outcome} ({LISTED_IN_NAMES[oa.listed_in]})"
            out.add("agencies", "agency", oa.agency, fw.agency(oa.agency).label, how, oa.source_lines)
    output_of = {x.id: x.outcome for x in fw.outputs}
    for x in fw.outputs:
        if x.outcome in outcomes:
            out.add("outputs", "output", x.id, x.statement, f"output of {x.outcome}", x.source_lines)
    for xa in fw.output_agencies:
        if output_of[xa.output] in outcomes:
            how = f"delivers output {xa.output}"
            out.add("agencies", "agency", xa.agency, fw.agency(xa.agency).label, how, xa.source_lines)
    for ia in fw.indicator_agencies:
        if outcome_of[ia.indicator] in outcomes:
            how = f"responsible for {ia.indicator}"
            out.add("agencies", "agency", ia.agency, fw.agency(ia.agency).label, how, ia.source_lines)


def _partners_of_outcomes(fw: Framework, outcomes: dict[str, str], out: _Sections) -> None:
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    output_of = {x.id: x.outcome for x in fw.outputs}
    named = [(op.partner, f"partner of {op.outcome}", op.source_lines)
             for op in fw.outcome_partners if op.outcome in outcomes]  # fmt: skip
    named += [(xp.partner, f"partner of output {xp.output}", xp.source_lines)
              for xp in fw.output_partners if output_of[xp.output] in outcomes]  # fmt: skip
    named += [(ip.partner, f"named for {ip.indicator}", ip.source_lines)
              for ip in fw.indicator_partners if outcome_of[ip.indicator] in outcomes]  # fmt: skip
    for partner, how, cell in named:
        pid = fw.actor_id(partner)
        out.add("partners", "partner", pid, _partner_name(fw, pid), how, cell)


def _about_target(fw: Framework, code: str, out: _Sections) -> dict[str, str]:
    lists: dict[str, list[str]] = defaultdict(list)
    cells: dict[str, list[str]] = defaultdict(list)
    for t in fw.outcome_targets:
        if t.code == code and t.valid:
            lists[t.outcome].append(f"{LISTED_IN_NAMES[t.listed_in]}, {t.role}")
            cells[t.outcome].append(t.source_lines)
    for o, how in lists.items():
        lists_it = "lists it: " + "; ".join(dict.fromkeys(how))
        out.add("outcomes", "outcome", o, fw.outcome(o).statement, lists_it, ";".join(cells[o]))
    for i in fw.indicators:
        codes = {i.code} | {lk.sdg_indicator for lk in fw.indicator_sdg_links if lk.indicator == i.id}
        measured = sorted(c for c in codes if c and c.rsplit(".", 1)[0] == code)
        if measured:
            measuring = f"measures SDG {', '.join(measured)}"
            out.add("indicators", "indicator", i.id, i.name, measuring, i.source_lines)
    return {o: "" for o in lists}


def who(fw: Framework, text: str, fellows: int | None = 10) -> WhoAnswer:
    """Who and what is involved with the thing *text* names (see :func:`resolve`), in sections.

    An outcome: its agencies (listed, responsible for indicators), partners (with their type), LNOB
    groups and indicators. An output: its outcome, the agencies delivering it, its partners and its
    indicators (with who is responsible or named for them). An SDG target: the outcomes that list it
    and the indicators that measure it, then the same for those outcomes. A UN agency or partner:
    its outcomes and how (narrative list, results matrix, indicator responsibility, partnerships
    text), its indicators, the fellow actors on its outcomes (most shared first) and the SDG targets
    its outcomes list. An LNOB group: the outcomes naming it and who works on them. An indicator:
    its outcome, who is responsible and named for it. *fellows* caps the fellow actors (None: all).

    Examples
    --------
    >>> import cfgraph
    >>> a = who(cfgraph.load(cfgraph.MINI), "6.1")
    >>> a.title, [r.id for r in a.rows if r.section == "outcomes"]
    ('SDG target 6.1: listed by 1 outcome', ['1.1'])
    """
    kind, ident = resolve(fw, text)
    out = _Sections()
    if kind in ("agency", "partner"):
        title = _about_actor(fw, kind, ident, out, fellows)
    elif kind == "outcome":
        _about_outcomes(fw, {ident: ""}, out)
        _stated_links(fw, ident, out)
        title = f"Outcome {ident}: {fw.outcome(ident).statement}"
    elif kind == "sdg-target":
        outcomes = _about_target(fw, ident, out)
        _about_outcomes(fw, outcomes, out)
        title = f"SDG target {ident}: listed by {_n(len(outcomes), 'outcome')}"
    elif kind == "result-group":
        rg = next(r for r in fw.result_groups if r.id == ident)
        for o in rg.outcomes:
            out.add("outcomes", "outcome", o, fw.outcome(o).statement, "in the result group")
        _about_outcomes(fw, dict.fromkeys(rg.outcomes, ""), out)
        title = f"Result group {rg.name}: {_n(len(rg.outcomes), 'outcome')}"
    elif kind == "lnob-group":
        named = {og.outcome: "" for og in fw.outcome_lnob_groups if og.group == ident}
        for og in fw.outcome_lnob_groups:
            if og.group == ident:
                out.add("outcomes", "outcome", og.outcome, fw.outcome(og.outcome).statement,
                        f"names it ({LISTED_IN_NAMES[og.listed_in]})", og.source_lines)  # fmt: skip
        _about_outcomes(fw, named, out)
        out.rows = {k: v for k, v in out.rows.items() if k[0] != "lnob groups" or k[2] == ident}
        title = f"LNOB group {fw.lnob_group(ident).name}: named by {_n(len(named), 'outcome')}"
    elif kind == "output":
        title = _about_output(fw, ident, out)
    else:
        title = _about_indicator(fw, ident, out)
    rows = out.result()
    empty = "" if rows else f"nothing in {fw.info.id} is tied to {typed_id(kind, ident)}"
    if kind == "sdg-target" and not rows:
        empty = f"SDG target {ident} is a real target, but no outcome of {fw.info.id} lists it"
    others = also_named(fw, text, (kind, ident))
    notes: tuple[str, ...] = ()
    if others:
        notes = (f"{text.strip()} also names {' and '.join(others)}: ask 'cfgraph who {others[0]}'",)
    return WhoAnswer(kind, ident, title, rows, empty, notes)


def _about_output(fw: Framework, ident: str, out: _Sections) -> str:
    """An output's outcome, the agencies delivering it and partners named for it, its indicators
    and who is responsible or named for them."""
    x = fw.output(ident)
    out.add("outcomes", "outcome", x.outcome, fw.outcome(x.outcome).statement, "its outcome")
    for xa in fw.output_agencies:
        if xa.output == ident:
            label = fw.agency(xa.agency).label
            out.add("agencies", "agency", xa.agency, label, "delivers it", xa.source_lines)
    for xp in fw.output_partners:
        if xp.output == ident:
            pid = fw.actor_id(xp.partner)
            out.add("partners", "partner", pid, _partner_name(fw, pid), "partner of it", xp.source_lines)
    mine = [i for i in fw.indicators if i.output == ident]
    for i in mine:
        out.add("indicators", "indicator", i.id, i.name, "indicator of it", i.source_lines)
        for ia in fw.indicator_agencies:
            if ia.indicator == i.id:
                how = f"responsible for {i.id}"
                out.add("agencies", "agency", ia.agency, fw.agency(ia.agency).label, how, ia.source_lines)
        for ip in fw.indicator_partners:
            if ip.indicator == i.id:
                pid = fw.actor_id(ip.partner)
                name = _partner_name(fw, pid)
                out.add("partners", "partner", pid, name, f"named for {i.id}", ip.source_lines)
    return f"Output {ident} (outcome {x.outcome}): {x.statement}"


def _about_indicator(fw: Framework, ident: str, out: _Sections) -> str:
    ind = fw.indicator(ident)
    out.add("outcomes", "outcome", ind.outcome, fw.outcome(ind.outcome).statement, "its outcome")
    for ia in fw.indicator_agencies:
        if ia.indicator == ident:
            name = fw.agency(ia.agency).label
            out.add("agencies", "agency", ia.agency, name, "responsible", ia.source_lines)
    for ip in fw.indicator_partners:
        if ip.indicator == ident:
            pid = fw.actor_id(ip.partner)
            out.add("partners", "partner", pid, _partner_name(fw, pid), "named for it", ip.source_lines)
    codes = {ind.code} | {lk.sdg_indicator for lk in fw.indicator_sdg_links if lk.indicator == ident}
    for code in sorted(c for c in codes if c and fw.catalogue.is_indicator(c)):
        target = code.rsplit(".", 1)[0]
        out.add("targets", "sdg-target", target, fw.catalogue.targets[target].title_en if target in
                fw.catalogue.targets else "", f"measured through SDG indicator {code}")  # fmt: skip
    return f"Indicator {ident} (outcome {ind.outcome}): {ind.name}"


def who_rows(answer: WhoAnswer, framework: str) -> list[dict[str, Any]]:
    """Rows of ``cfgraph who``: ``framework``, ``about`` (the typed id of what was asked about, as
    this framework reads the name: ``outcome:3.1``), ``section``, ``kind``, ``id``, ``name``,
    ``how``, ``source_lines``."""
    from cfgraph.analysis.records import records

    return records(list(answer.rows), framework=framework, about=typed_id(answer.kind, answer.id))


def actors(
    fw: Framework,
    kind: str | None = None,
    type: str | None = None,  # noqa: A002 - the partner type, as the CLI option says
    min_outcomes: int = 0,
    result_group: str | None = None,
) -> list[dict[str, Any]]:
    """UN agencies and partners with what they work on: ``actor``, ``kind``, ``name``, ``type``,
    ``outcomes`` (how many: breadth), ``ties`` (how many listings, indicators and mentions:
    count), ``outcome_ids``, ``result_groups`` and ``indicators``; broadest first.

    Filters: *kind* (``agency`` or ``partner``), partner *type* (``ministry``, ...; ``agency``
    works too), at least *min_outcomes* outcomes (counted inside *result_group* when given).

    >>> import cfgraph
    >>> [r["actor"] for r in actors(cfgraph.load(cfgraph.MINI), min_outcomes=1)][:3]
    ['ilo', 'undp', 'unicef']
    """
    rg_of = {o.id: o.result_group for o in fw.outcomes}
    if result_group is not None:
        known = {rg.id.casefold(): rg.id for rg in fw.result_groups}
        known |= {rg.name.casefold(): rg.id for rg in fw.result_groups}
        if result_group.casefold() not in known:
            ids = [r.id for r in fw.result_groups]
            note = "" if ids else "this framework has no result groups"
            raise UnknownIdError("result group", result_group, closest(result_group, ids) or ids, note)
        result_group = known[result_group.casefold()]
    if type is not None and type not in PARTNER_TYPES and type != "agency":
        raise UnknownIdError("partner type", type, closest(type, [*PARTNER_TYPES, "agency"]))
    order = [o.id for o in fw.outcomes]
    everyone = [("agency", a.id, a.label, "UN agency") for a in fw.agencies]
    everyone += [("partner", p.id, fw.actor_name(p.id), PARTNER_TYPES[p.type].display)
                 for p in fw.partners if fw.actor_id(p.id) == p.id]  # fmt: skip
    rows = []
    for k, ident, name, shown_type in everyone:
        if kind and k != kind:
            continue
        if type and (type == "agency") != (k == "agency"):
            continue
        if type and k == "partner" and fw.partner(ident).type != type:
            continue
        ties = [t for t in _actor_ties(fw, k, ident) if result_group is None or rg_of[t[0]] == result_group]
        outcomes = sorted({t[0] for t in ties}, key=order.index)
        if len(outcomes) < min_outcomes:
            continue
        rows.append({
            "framework": fw.info.id, "kind": k, "actor": ident, "name": name, "type": shown_type,
            "outcomes": len(outcomes), "ties": len(ties), "outcome_ids": outcomes,
            "result_groups": sorted({g for o in outcomes if (g := rg_of[o])}),
            "indicators": sorted({t[2] for t in ties if t[2]}),
        })  # fmt: skip
    return sorted(rows, key=lambda r: (-r["outcomes"], -r["ties"], str(r["name"]).casefold()))
