"""Questions about actors and everything a person can name: :func:`resolve` finds the thing a
person names (an outcome, output, SDG target, UN agency, partner, LNOB group or indicator; by id,
typed id, name or statement, in any case) and :func:`actors` lists UN agencies and partners with
filters ("ministries on two outcomes or more"); :mod:`cfgraph.analysis.who` answers "who and what
is involved with it". Everything works on the model alone, so it is fast; a partner recorded as
the same body as another (``same_as``) is that one actor.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> resolve(fw, "UNICEF"), resolve(fw, "1.1"), resolve(fw, "target:6.1")
(('agency', 'unicef'), ('outcome', '1.1'), ('sdg-target', '6.1'))
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from cfgraph.errors import UnknownIdError
from cfgraph.model import Framework, closest, sdg_sort_key
from cfgraph.vocabulary import ENTITIES, LISTED_IN_NAMES, PARTNER_TYPES, split_typed_id, typed_id

__all__ = ["RESOLVABLE", "resolve", "also_named", "suggestions", "actor_ties", "partner_name", "actors"]

#: The kinds :func:`resolve` looks in, in the order a bare id is tried: an SDG target the framework
#: lists before an output of the same id, an output before a real target it does not list.
RESOLVABLE = (
    "outcome", "sdg-target", "output", "agency", "partner", "lnob-group", "indicator", "result-group",
)  # fmt: skip


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
    raise UnknownIdError(what, text, suggestions(fw, ident, wanted), _written_as_invalid(fw, ident))


def _written_as_invalid(fw: Framework, code: str) -> str:
    """What the framework says of *code* when its target lists write it but it is no SDG target.

    >>> import cfgraph
    >>> print(_written_as_invalid(cfgraph.load(cfgraph.MINI), "18.7"))
    it is not an SDG target, but outcome 2.1 lists it as the document writes it (gaps --check invalid-code)
    """
    outcomes = sorted({t.outcome for t in fw.outcome_targets if t.code == code and not t.valid},
                      key=[o.id for o in fw.outcomes].index)  # fmt: skip
    if not outcomes:
        return ""
    listing = f"outcome {outcomes[0]} lists" if len(outcomes) == 1 else f"outcomes {', '.join(outcomes)} list"
    written = "as the document writes it (gaps --check invalid-code)"
    return f"it is not an SDG target, but {listing} it {written}"


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


def partner_name(fw: Framework, pid: str) -> str:
    p = fw.partner(fw.actor_id(pid))
    return f"{fw.actor_name(pid)} ({PARTNER_TYPES[p.type].display})"


def actor_ties(fw: Framework, kind: str, ident: str) -> list[tuple[str, str, str, Any]]:
    """(outcome, how, indicator, the row that states it) of every tie of an agency or partner (one body)."""
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    ties: list[tuple[str, str, str, Any]] = []
    if kind == "agency":
        ties += [(oa.outcome, f"listed ({LISTED_IN_NAMES[oa.listed_in]})", "", oa)
                 for oa in fw.outcome_agencies if oa.agency == ident]  # fmt: skip
        ties += [(fw.output(xa.output).outcome, f"delivers output {xa.output}", "", xa)
                 for xa in fw.output_agencies if xa.agency == ident]  # fmt: skip
        ties += [(outcome_of[ia.indicator], "responsible for indicators", ia.indicator, ia)
                 for ia in fw.indicator_agencies if ia.agency == ident]  # fmt: skip
    else:
        body = set(fw.same_body_ids(ident))
        ties += [(op.outcome, "named in the partnerships text", "", op)
                 for op in fw.outcome_partners if op.partner in body]  # fmt: skip
        ties += [(fw.output(xp.output).outcome, f"partner of output {xp.output}", "", xp)
                 for xp in fw.output_partners if xp.partner in body]  # fmt: skip
        ties += [(outcome_of[ip.indicator], "named for indicators", ip.indicator, ip)
                 for ip in fw.indicator_partners if ip.partner in body]  # fmt: skip
    return ties


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
        ties = [t for t in actor_ties(fw, k, ident) if result_group is None or rg_of[t[0]] == result_group]
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
