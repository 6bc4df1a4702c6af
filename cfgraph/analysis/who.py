"""Who and what is involved with a thing a person names, in sections: :func:`who`.

For an outcome: its outputs, UN agencies, partners, LNOB groups, indicators, stated links and
targets; for an SDG target, the outcomes that list it and theirs; for an actor, its outcomes,
indicators, targets and the fellow actors sharing most of them; for an output or an indicator,
its outcome and who delivers or measures it. Each row says how it is involved and where that is
written (:mod:`cfgraph.model.citations`).

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
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

from cfgraph.analysis.actors import actor_ties as _actor_ties
from cfgraph.analysis.actors import also_named, resolve
from cfgraph.analysis.actors import partner_name as _partner_name
from cfgraph.model import Framework, natural_key, sdg_sort_key
from cfgraph.model.citations import split_citations
from cfgraph.vocabulary import LINK_KINDS, LISTED_IN_NAMES, typed_id

__all__ = ["WhoRow", "WhoAnswer", "SECTIONS", "who", "who_rows"]


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
    #: Where else it is written: another source's lines, a cell, a page.
    cited_in: tuple[str, ...] = ()


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




@dataclass
class _Sections:
    main: str = ""  # the id of the framework's main source
    rows: dict[tuple[str, str, str], tuple[str, list[str], list[Any]]] = field(default_factory=dict)

    def add(self, section: str, kind: str, ident: str, name: str, how: str, cell: Any = "") -> None:
        """Add *how* and where it is written (*cell*: the row that says it, its provenance text, or
        a list of those) to the row of *ident* in *section*."""
        _, hows, cells = self.rows.setdefault((section, kind, ident), (name, [], []))
        if how and how not in hows:
            hows.append(how)
        if isinstance(cell, list):
            cells.extend(cell)
        elif cell:
            cells.append(cell)

    def result(self) -> tuple[WhoRow, ...]:
        ordered = sorted(enumerate(self.rows.items()), key=lambda t: (SECTIONS.index(t[1][0][0]), t[0]))
        return tuple(
            WhoRow(section, kind, ident, name, "; ".join(hows), *split_citations(cells, self.main))
            for _, ((section, kind, ident), (name, hows, cells)) in ordered
        )


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
            out.add("stated links", "outcome", other, fw.outcome(other).statement, how, link)


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
            out.add("lnob groups", "lnob-group", og.group, fw.lnob_group(og.group).name, how, og)
    for i in fw.indicators:
        if i.outcome in outcomes:
            out.add("indicators", "indicator", i.id, i.name, f"indicator of {i.outcome}", i)


def _agencies_of_outcomes(fw: Framework, outcomes: dict[str, str], out: _Sections) -> None:
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    for oa in fw.outcome_agencies:
        if oa.outcome in outcomes:
            how = f"listed for {oa.outcome} ({LISTED_IN_NAMES[oa.listed_in]})"
            out.add("agencies", "agency", oa.agency, fw.agency(oa.agency).label, how, oa)
    output_of = {x.id: x.outcome for x in fw.outputs}
    for x in fw.outputs:
        if x.outcome in outcomes:
            out.add("outputs", "output", x.id, x.statement, f"output of {x.outcome}", x)
    for xa in fw.output_agencies:
        if output_of[xa.output] in outcomes:
            how = f"delivers output {xa.output}"
            out.add("agencies", "agency", xa.agency, fw.agency(xa.agency).label, how, xa)
    for ia in fw.indicator_agencies:
        if outcome_of[ia.indicator] in outcomes:
            how = f"responsible for {ia.indicator}"
            out.add("agencies", "agency", ia.agency, fw.agency(ia.agency).label, how, ia)


def _partners_of_outcomes(fw: Framework, outcomes: dict[str, str], out: _Sections) -> None:
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    output_of = {x.id: x.outcome for x in fw.outputs}
    named: list[tuple[str, str, Any]] = [(op.partner, f"partner of {op.outcome}", op)
             for op in fw.outcome_partners if op.outcome in outcomes]  # fmt: skip
    named += [(xp.partner, f"partner of output {xp.output}", xp)
              for xp in fw.output_partners if output_of[xp.output] in outcomes]  # fmt: skip
    named += [(ip.partner, f"named for {ip.indicator}", ip)
              for ip in fw.indicator_partners if outcome_of[ip.indicator] in outcomes]  # fmt: skip
    for partner, how, cell in named:
        pid = fw.actor_id(partner)
        out.add("partners", "partner", pid, _partner_name(fw, pid), how, cell)


def _about_target(fw: Framework, code: str, out: _Sections) -> dict[str, str]:
    lists: dict[str, list[str]] = defaultdict(list)
    cells: dict[str, list[Any]] = defaultdict(list)
    for t in fw.outcome_targets:
        if t.code == code and t.valid:
            lists[t.outcome].append(f"{LISTED_IN_NAMES[t.listed_in]}, {t.role}")
            cells[t.outcome].append(t)
    for o, how in lists.items():
        lists_it = "lists it: " + "; ".join(dict.fromkeys(how))
        out.add("outcomes", "outcome", o, fw.outcome(o).statement, lists_it, cells[o])
    for i in fw.indicators:
        codes = {i.code} | {lk.sdg_indicator for lk in fw.indicator_sdg_links if lk.indicator == i.id}
        measured = sorted(c for c in codes if c and c.rsplit(".", 1)[0] == code)
        if measured:
            measuring = f"measures SDG {', '.join(measured)}"
            out.add("indicators", "indicator", i.id, i.name, measuring, i)
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
    out = _Sections(main=fw.main_source_id)
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
                        f"names it ({LISTED_IN_NAMES[og.listed_in]})", og)  # fmt: skip
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
            out.add("agencies", "agency", xa.agency, label, "delivers it", xa)
    for xp in fw.output_partners:
        if xp.output == ident:
            pid = fw.actor_id(xp.partner)
            out.add("partners", "partner", pid, _partner_name(fw, pid), "partner of it", xp)
    mine = [i for i in fw.indicators if i.output == ident]
    for i in mine:
        out.add("indicators", "indicator", i.id, i.name, "indicator of it", i)
        _indicator_actors(fw, i.id, out, f" for {i.id}")
    return f"Output {ident} (outcome {x.outcome}): {x.statement}"


def _indicator_actors(fw: Framework, ident: str, out: _Sections, of: str = "") -> None:
    """The agencies responsible for indicator *ident* and the partners named for it (*of* says
    which indicator, when the answer is about something else)."""
    for ia in fw.indicator_agencies:
        if ia.indicator == ident:
            out.add("agencies", "agency", ia.agency, fw.agency(ia.agency).label, "responsible" + of, ia)
    for ip in fw.indicator_partners:
        if ip.indicator == ident:
            pid = fw.actor_id(ip.partner)
            out.add("partners", "partner", pid, _partner_name(fw, pid), "named" + (of or " for it"), ip)


def _about_indicator(fw: Framework, ident: str, out: _Sections) -> str:
    ind = fw.indicator(ident)
    out.add("outcomes", "outcome", ind.outcome, fw.outcome(ind.outcome).statement, "its outcome")
    _indicator_actors(fw, ident, out)
    codes = {ind.code} | {lk.sdg_indicator for lk in fw.indicator_sdg_links if lk.indicator == ident}
    for code in sorted(c for c in codes if c and fw.catalogue.is_indicator(c)):
        target = code.rsplit(".", 1)[0]
        out.add("targets", "sdg-target", target, fw.catalogue.targets[target].title_en if target in
                fw.catalogue.targets else "", f"measured through SDG indicator {code}")  # fmt: skip
    return f"Indicator {ident} (outcome {ind.outcome}): {ind.name}"


def who_rows(answer: WhoAnswer, framework: str) -> list[dict[str, Any]]:
    """Rows of ``cfgraph who``: ``framework``, ``about`` (the typed id of what was asked about, as
    this framework reads the name: ``outcome:3.1``), ``section``, ``kind``, ``id``, ``name``,
    ``how``, ``source_lines`` (of the main source) and ``cited_in`` (other places)."""
    from cfgraph.analysis.records import records

    return records(list(answer.rows), framework=framework, about=typed_id(answer.kind, answer.id))
