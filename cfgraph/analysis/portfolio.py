"""Cross-country questions over a portfolio of frameworks: the library side of ``cfgraph portfolio``.

Each function answers one named SPARQL question of ``queries/`` from the models, with the same
columns and the same rows (the tests compare them): :func:`targets_across`
(``targets-across-frameworks``), :func:`agency_footprint` (``agency-footprint``),
:func:`partner_coverage` (``partner-type-coverage``), :func:`matrix_only_agencies`
(``agencies-not-in-outcome-lists``) and :func:`compare_frameworks` (``compare-frameworks``).
Agencies meet across frameworks through the UN entity registry (``un_entity``), targets through
the SDG catalogue; nothing else is matched across frameworks. :func:`portfolio_rows` turns any of
their results into output rows.

>>> import cfgraph
>>> fws = [cfgraph.load(cfgraph.MINI)]
>>> [(f.agency, f.outcomes, f.targets_count) for f in agency_footprint(fws, "undp")]
[('undp', ('2.1',), 3)]
>>> [(r.outcome, r.partners_count) for r in partner_coverage(fws, "ngo-cso")]
[('1.1', 1), ('2.1', 0)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cfgraph.analysis.records import records
from cfgraph.errors import UnknownIdError
from cfgraph.model import Framework, closest, sdg_sort_key
from cfgraph.namespaces import sort_key

__all__ = [
    "TargetSpread",
    "Footprint",
    "PartnerCoverage",
    "MatrixOnlyAgency",
    "Comparison",
    "targets_across",
    "agency_footprint",
    "partner_coverage",
    "matrix_only_agencies",
    "compare_frameworks",
    "portfolio_rows",
    "framework_rows",
]


@dataclass(frozen=True)
class TargetSpread:
    """An SDG target and the frameworks (and how many of their outcomes) that list it."""

    target: str
    title: str
    frameworks_count: int
    outcomes_count: int
    frameworks: tuple[str, ...]


@dataclass(frozen=True)
class Footprint:
    """Where one UN registry entity works in one framework: outcomes, indicators, targets."""

    framework: str
    agency: str
    label: str
    outcomes_count: int
    outcomes: tuple[str, ...]
    indicators_count: int
    targets_count: int
    targets: tuple[str, ...]


@dataclass(frozen=True)
class PartnerCoverage:
    """How many partners of one type a framework names for one of its outcomes, and which."""

    framework: str
    outcome: str
    result_group: str
    thematic_area: str
    partners_count: int
    partners: tuple[str, ...]


@dataclass(frozen=True)
class MatrixOnlyAgency:
    """An agency responsible for indicators of an outcome whose agency lists do not name it."""

    framework: str
    agency: str
    un_entity: str
    outcome: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """One SDG target or UN registry entity, and the outcomes of each of two frameworks it is on."""

    kind: str
    id: str
    name: str
    framework_outcomes: tuple[str, ...]
    other_outcomes: tuple[str, ...]


def _sorted_ids(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items), key=sort_key))


def _only(fws: Iterable[Framework], framework: str | None) -> list[Framework]:
    """*fws*, or the one whose id is *framework* (:class:`UnknownIdError` with the closest if none)."""
    items = list(fws)
    if framework is None:
        return items
    found = [fw for fw in items if fw.info.id == framework]
    if not found:
        ids = sorted(fw.info.id for fw in items)
        known = f"known frameworks: {', '.join(ids)}" if ids else "no framework given"
        raise UnknownIdError("framework", framework, closest(framework, ids), known)
    return found


def _entity_of(fw: Framework) -> dict[str, str]:
    """Agency id -> its registry entity id, for the agencies the registry holds."""
    return {a.id: a.un_entity for a in fw.agencies if a.un_entity and a.un_entity in fw.registry}


def targets_across(
    frameworks: Iterable[Framework], min_frameworks: int = 2, framework: str | None = None
) -> list[TargetSpread]:
    """SDG targets that at least *min_frameworks* frameworks list (either list, any outcome),
    most widely listed first; with *framework*, only the targets that framework lists."""
    fws = list(frameworks)
    mine = {t.code for fw in _only(fws, framework) for t in fw.outcome_targets if t.valid}
    by_target: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for fw in fws:
        for t in fw.outcome_targets:
            if t.valid:
                by_target[t.code].add((fw.info.id, t.outcome))
    catalogue = fws[0].catalogue if fws else None
    found = []
    for code, where in by_target.items():
        fids = _sorted_ids(f for f, _ in where)
        if len(fids) >= min_frameworks and code in mine and catalogue is not None:
            found.append(TargetSpread(code, catalogue.targets[code].title_en, len(fids), len(where), fids))
    return sorted(found, key=lambda s: (-s.frameworks_count, -s.outcomes_count, sdg_sort_key(s.target)))


def _agency_outcomes(fw: Framework) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Registry entity -> outcomes it works on (lists, outputs or indicators), and -> indicators it
    is responsible for (the matrix's own cells)."""
    entity = _entity_of(fw)
    outcome_of = {i.id: i.outcome for i in fw.indicators}
    outcomes: dict[str, set[str]] = defaultdict(set)
    indicators: dict[str, set[str]] = defaultdict(set)
    for oa in fw.outcome_agencies:
        if oa.agency in entity:
            outcomes[entity[oa.agency]].add(oa.outcome)
    outcome_of_output = {x.id: x.outcome for x in fw.outputs}
    for xa in fw.output_agencies:
        if xa.agency in entity:
            outcomes[entity[xa.agency]].add(outcome_of_output[xa.output])
    for ia in fw.indicator_agencies:
        if ia.agency in entity:
            outcomes[entity[ia.agency]].add(outcome_of[ia.indicator])
            indicators[entity[ia.agency]].add(ia.indicator)
    return outcomes, indicators


def agency_footprint(
    frameworks: Iterable[Framework], agency: str | None = None, framework: str | None = None
) -> list[Footprint]:
    """Where the UN registry entity *agency* (every entity if None) works, framework by framework.

    Its outcomes are those whose narrative list or results matrix names it as contributing, one
    of whose outputs it delivers, or of whose indicators it is responsible; its targets are the
    SDG targets those outcomes list.
    Sorted by entity id, then framework id.
    """
    found = []
    for fw in _only(frameworks, framework):
        outcomes, indicators = _agency_outcomes(fw)
        targets_of = defaultdict(set)
        for t in fw.outcome_targets:
            if t.valid:
                targets_of[t.outcome].add(t.code)
        for entity_id, ids in outcomes.items():
            if agency is not None and entity_id != agency:
                continue
            codes = sorted({c for o in ids for c in targets_of[o]}, key=sort_key)
            found.append(
                Footprint(fw.info.id, entity_id, fw.registry.entity(entity_id).abbreviation, len(ids),
                          _sorted_ids(ids), len(indicators[entity_id]), len(codes), tuple(codes))  # fmt: skip
            )
    return sorted(found, key=lambda f: (f.agency, f.framework))


def _in_group(fw: Framework, group: str, result_group: str | None, thematic_area: str | None) -> bool:
    """Whether an outcome's result group or thematic area is *group* (an id) or has it in its name."""
    if group in (result_group, thematic_area):
        return True
    names = (
        next((rg.name for rg in fw.result_groups if rg.id == result_group), ""),
        next((ta.name for ta in fw.thematic_areas if ta.id == thematic_area), ""),
    )
    return any(group.lower() in name.lower() for name in names)


def partner_coverage(
    frameworks: Iterable[Framework], partner_type: str, group: str | None = None, framework: str | None = None
) -> list[PartnerCoverage]:
    """For each outcome (of the result groups or thematic areas *group* names, if given), the
    partners of *partner_type* its framework names for it (partnerships text, an output or an
    indicator).

    Outcomes with none are kept with 0: the gaps a regional desk looks for.
    """
    found = []
    for fw in _only(frameworks, framework):
        kind = {p.id: p.type for p in fw.partners}
        outcome_of = {i.id: i.outcome for i in fw.indicators}
        named: dict[str, set[str]] = defaultdict(set)
        for op in fw.outcome_partners:
            named[op.outcome].add(op.partner)
        for ip in fw.indicator_partners:
            named[outcome_of[ip.indicator]].add(ip.partner)
        outcome_of_output = {x.id: x.outcome for x in fw.outputs}
        for xp in fw.output_partners:
            named[outcome_of_output[xp.output]].add(xp.partner)
        for o in fw.outcomes:
            if group is not None and not _in_group(fw, group, o.result_group, o.thematic_area):
                continue
            ids = {p for p in named[o.id] if kind[p] == partner_type}
            found.append(PartnerCoverage(fw.info.id, o.id, o.result_group or "", o.thematic_area or "",
                                         len(ids), _sorted_ids(ids)))  # fmt: skip
    return found


def matrix_only_agencies(
    frameworks: Iterable[Framework], framework: str | None = None
) -> list[MatrixOnlyAgency]:
    """Agencies the results matrix makes responsible for indicators of an outcome that neither of
    the outcome's lists of contributing agencies names, with their registry entity."""
    found = []
    for fw in _only(frameworks, framework):
        listed = {(oa.outcome, oa.agency) for oa in fw.outcome_agencies}
        outcome_of = {i.id: i.outcome for i in fw.indicators}
        entity = {a.id: a.un_entity or "" for a in fw.agencies}
        missing: dict[tuple[str, str], set[str]] = defaultdict(set)
        for ia in fw.indicator_agencies:
            outcome = outcome_of[ia.indicator]
            if (outcome, ia.agency) not in listed:
                missing[(ia.agency, outcome)].add(ia.indicator)
        for (agency, outcome), ids in sorted(missing.items(), key=lambda i: (i[0][0], sort_key(i[0][1]))):
            resolved = entity[agency] if entity[agency] in fw.registry else ""
            found.append(MatrixOnlyAgency(fw.info.id, agency, resolved, outcome, _sorted_ids(ids)))
    return found


def compare_frameworks(frameworks: Sequence[Framework], framework: str, other: str) -> list[Comparison]:
    """Frameworks *framework* and *other* side by side: for each SDG target and each UN registry
    entity either names, the outcomes of each that list the target or that the entity works on.
    Targets first (SDG order), then entities (by id)."""
    a, b = _only(frameworks, framework)[0], _only(frameworks, other)[0]
    sides: dict[tuple[str, str], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for side, fw in enumerate((a, b)):
        for t in fw.outcome_targets:
            if t.valid:
                sides[("sdg-target", t.code)][side].add(t.outcome)
        for entity_id, ids in _agency_outcomes(fw)[0].items():
            sides[("un-entity", entity_id)][side].update(ids)
    rows = []
    for (kind, ident), (in_a, in_b) in sides.items():
        target = kind == "sdg-target"
        name = a.catalogue.targets[ident].title_en if target else a.registry.entity(ident).abbreviation
        rows.append(Comparison(kind, ident, name, _sorted_ids(in_a), _sorted_ids(in_b)))
    return sorted(rows, key=lambda r: (r.kind, sdg_sort_key(r.id) if r.kind == "sdg-target" else r.id))


def portfolio_rows(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Output rows of any result above: its fields in order (the named question's columns)."""
    return records(items)


def framework_rows(frameworks: Iterable[Framework]) -> list[dict[str, Any]]:
    """One row per framework: id, title, country, years and its counts (the portfolio's index)."""
    from cfgraph.summary import framework_counts

    rows = []
    for fw in frameworks:
        info = fw.info
        row: dict[str, Any] = {"framework": info.id, "title": info.title, "country": info.country,
                               "start_year": info.start_year, "end_year": info.end_year}  # fmt: skip
        row |= framework_counts(fw)
        row["un_entities"] = len(set(_entity_of(fw).values()))
        rows.append(row)
    return rows
