"""The framework as a whole: :class:`Framework` holds every table's rows, with look-ups that the
analyses, the RDF builder and the exporters share.

>>> import cfgraph
>>> fw = cfgraph.load(cfgraph.MINI)
>>> fw.outcome("1.1").statement
'By 2030, every village in Examplestan has clean water.'
>>> [t.code for t in fw.targets_of("1.1", listed_in="narrative")]
['6.1', '6.2', '5.1', '10.2']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from cfgraph.errors import UnknownIdError
from cfgraph.model.actors import Agency, LnobGroup, OutcomeAgency, OutcomeLnobGroup, OutcomePartner, Partner
from cfgraph.model.indicators import Indicator, IndicatorAgency, IndicatorPartner, IndicatorSdgLink
from cfgraph.model.links import OutcomeLink, RecordedInconsistency, TargetLink
from cfgraph.model.reviews import Review
from cfgraph.model.sources import Output, OutputAgency, OutputPartner, Source
from cfgraph.model.structure import (
    FrameworkInfo,
    NationalPriority,
    Outcome,
    OutcomeWording,
    ResultGroup,
    ThematicArea,
)
from cfgraph.model.targets import OutcomeTarget, TargetList
from cfgraph.registry import UnRegistry, load_registry
from cfgraph.sdg import SdgCatalogue
from cfgraph.vocabulary import ListedIn, Role, TargetSource

__all__ = ["Framework", "parse_lines", "closest", "sdg_sort_key"]


def parse_lines(text: str) -> tuple[int, ...]:
    """Expand a provenance cell into the first line of each range.

    >>> parse_lines("230;590-591")
    (230, 590)
    """
    return tuple(int(part.split("-")[0]) for part in text.split(";") if part)


def closest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The ids in *choices* closest to *value* (for 'did you mean' hints).

    >>> closest("1.3", ["1.1", "1.2", "2.1"])
    ['1.2', '1.1']
    >>> closest("5.A", ["5.6", "5.a", "5.c"])
    ['5.a']
    """
    from cfgraph.hints import closest as close_ids

    return close_ids(value, choices, n)


def _index[T](items: Iterable[T], key: str) -> dict[str, T]:
    return {getattr(i, key): i for i in items}


@dataclass(frozen=True, kw_only=True)
class Framework:
    """Everything one Cooperation Framework states, validated. Build it with :func:`cfgraph.load`.

    ``source_text`` holds the lines of the default (first) source when it is a text file,
    ``texts`` those of every text source by source id (``""`` for a framework's one source named
    in ``framework.csv``), and ``layout`` the columns each table's file had (the writer keeps them).
    """

    info: FrameworkInfo
    sources: tuple[Source, ...] = ()
    thematic_areas: tuple[ThematicArea, ...] = ()
    result_groups: tuple[ResultGroup, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    outcome_wordings: tuple[OutcomeWording, ...] = ()
    national_priorities: tuple[NationalPriority, ...] = ()
    target_lists: tuple[TargetList, ...] = ()
    outcome_targets: tuple[OutcomeTarget, ...] = ()
    agencies: tuple[Agency, ...] = ()
    outcome_agencies: tuple[OutcomeAgency, ...] = ()
    lnob_groups: tuple[LnobGroup, ...] = ()
    outcome_lnob_groups: tuple[OutcomeLnobGroup, ...] = ()
    partners: tuple[Partner, ...] = ()
    outcome_partners: tuple[OutcomePartner, ...] = ()
    outputs: tuple[Output, ...] = ()
    output_agencies: tuple[OutputAgency, ...] = ()
    output_partners: tuple[OutputPartner, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    indicator_sdg_links: tuple[IndicatorSdgLink, ...] = ()
    indicator_agencies: tuple[IndicatorAgency, ...] = ()
    indicator_partners: tuple[IndicatorPartner, ...] = ()
    outcome_links: tuple[OutcomeLink, ...] = ()
    target_links: tuple[TargetLink, ...] = ()
    inconsistencies: tuple[RecordedInconsistency, ...] = ()
    catalogue: SdgCatalogue = field(repr=False, compare=False)
    registry: UnRegistry = field(default_factory=load_registry, repr=False, compare=False)
    source_text: tuple[str, ...] = field(repr=False, compare=False, default=())
    reviews: tuple[Review, ...] = ()
    texts: dict[str, tuple[str, ...]] = field(repr=False, compare=False, default_factory=dict)
    layout: dict[str, tuple[str, ...]] = field(repr=False, compare=False, default_factory=dict)

    # -- look-ups ---------------------------------------------------------------------------
    @cached_property
    def _indexes(self) -> dict[tuple[int, str], tuple[tuple[Any, ...], dict[str, Any]]]:
        """Look-up tables built on first use, one per (collection, key); the model is frozen."""
        return {}

    def _lookup[T](self, items: tuple[T, ...], key: str) -> dict[str, T]:
        cached = self._indexes.get((id(items), key))
        if cached is None or cached[0] is not items:
            cached = self._indexes[(id(items), key)] = (items, _index(items, key))
        return cached[1]

    def _get[T](self, kind: str, items: tuple[T, ...], key: str, value: str) -> T:
        found = self._lookup(items, key).get(value)
        if found is None:
            ids = [getattr(i, key) for i in items]
            raise UnknownIdError(kind, value, closest(value, ids) or (ids if len(ids) <= 8 else []))
        return found

    @property
    def policy(self) -> str:
        """The provenance policy: ``verbatim`` (the default), ``cited`` or ``none``."""
        return self.info.provenance

    def source_list(self) -> list[tuple[str, str, str | None]]:
        """Each source as (id, where it is: its path or address, its sha256 when a file).

        >>> import cfgraph
        >>> cfgraph.load(cfgraph.MINI).source_list()[0][1]
        'source/examplestan-2026-2030.txt'
        """
        if self.sources:
            return [(s.id, s.path or s.url or s.title, s.sha256) for s in self.sources]
        where = self.info.source_file or self.info.source_url
        return [("", where, self.info.source_sha256)] if where else []

    @property
    def main_source_id(self) -> str:
        """The id of the first source (the one a row with a blank ``source_id`` cites), or ``""``."""
        return self.sources[0].id if self.sources else ""

    def lines_of(self, source_id: str | None = None) -> tuple[str, ...]:
        """The lines of a text source by id (default: the first source); empty when it is not text.

        >>> import cfgraph
        >>> len(cfgraph.load(cfgraph.MINI).lines_of())
        47
        """
        if source_id is None:
            return self.source_text
        return self.texts.get(source_id, ())

    #: The group of outcomes that no result group coordinates (an optional table).
    UNGROUPED = "ungrouped"

    def result_group_of(self, outcome_id: str) -> str:
        """The result group of an outcome, or :attr:`UNGROUPED` when the framework names none."""
        return self.outcome(outcome_id).result_group or self.UNGROUPED

    def result_group_names(self) -> dict[str, str]:
        """Result group id -> name, with :attr:`UNGROUPED` last when some outcome has no group.

        >>> import cfgraph
        >>> cfgraph.load(cfgraph.MINI).result_group_names()
        {'planet': 'Planet', 'people': 'People'}
        """
        names = {rg.id: rg.name for rg in self.result_groups}
        if any(o.result_group is None for o in self.outcomes):
            names[self.UNGROUPED] = "Outcomes without a result group"
        return names

    def outcome(self, outcome_id: str) -> Outcome:
        """The outcome with this id; :class:`~cfgraph.errors.UnknownIdError` if none."""
        return self._get("outcome", self.outcomes, "id", outcome_id)

    def agency(self, agency_id: str) -> Agency:
        """The UN agency with this id."""
        return self._get("agency", self.agencies, "id", agency_id)

    def partner(self, partner_id: str) -> Partner:
        """The partner with this id."""
        return self._get("partner", self.partners, "id", partner_id)

    @cached_property
    def _bodies(self) -> dict[str, str]:
        """Partner id -> the id of the body it is (its ``same_as``, followed to the end)."""
        same = {p.id: p.same_as for p in self.partners if p.same_as}
        bodies = {}
        for p in self.partners:
            seen, current = {p.id}, p.id
            while current in same and same[current] not in seen:
                current = same[current]
                seen.add(current)
            bodies[p.id] = current
        return bodies

    def actor_id(self, partner_id: str) -> str:
        """The id every count, map and matrix uses for a partner: the partner its ``same_as``
        names when the data records the two as one body, else its own id."""
        return self._bodies.get(partner_id, partner_id)

    def actor_name(self, partner_id: str) -> str:
        """The partner's name, with the other names of the same body: ``A = B``."""
        body = self.actor_id(partner_id)
        names = [self.partner(body).name]
        names += sorted(p.name for p in self.partners if p.id != body and self._bodies[p.id] == body)
        return " = ".join(names)

    def same_body_ids(self, partner_id: str) -> list[str]:
        """Every partner id of the body *partner_id* is, its own id first then the others."""
        body = self.actor_id(partner_id)
        return [body, *sorted(p for p, b in self._bodies.items() if b == body and p != body)]

    def output(self, output_id: str) -> Output:
        """The output with this id."""
        return self._get("output", self.outputs, "id", output_id)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id."""
        return self._get("indicator", self.indicators, "id", indicator_id)

    def lnob_group(self, group_id: str) -> LnobGroup:
        """The LNOB group with this id."""
        return self._get("LNOB group", self.lnob_groups, "id", group_id)

    def targets_of(
        self,
        outcome_id: str,
        listed_in: TargetSource | None = None,
        role: Role | None = None,
        valid_only: bool = False,
    ) -> list[OutcomeTarget]:
        """Target entries of one outcome, optionally of one list and role, in document order
        (``listed_in="indicators"``: those derived from its indicators, when it lists none)."""
        self.outcome(outcome_id)
        return [
            t
            for t in self.outcome_targets
            if t.outcome == outcome_id
            and (listed_in is None or t.listed_in == listed_in)
            and (role is None or t.role == role)
            and (not valid_only or t.valid)
        ]

    def target_codes(self, outcome_id: str, valid_only: bool = True) -> list[str]:
        """Distinct target codes of an outcome across both lists, sorted by SDG order."""
        codes = {t.code for t in self.targets_of(outcome_id, valid_only=valid_only)}
        return sorted(codes, key=sdg_sort_key)

    def _listed(self, rows: Iterable[Any], column: str, outcome: str, listed_in: str | None) -> list[Any]:
        """The *column* of an outcome's *rows* (union of lists unless *listed_in*), first-seen order."""
        self.outcome(outcome)
        seen: dict[str, None] = {}
        for r in rows:
            if r.outcome == outcome and (listed_in is None or r.listed_in == listed_in):
                seen.setdefault(getattr(r, column))
        return list(seen)

    def agencies_of(self, outcome_id: str, listed_in: ListedIn | None = None) -> list[str]:
        """Agency ids contributing to an outcome (union of lists unless *listed_in*), first-seen order."""
        return self._listed(self.outcome_agencies, "agency", outcome_id, listed_in)

    def lnob_groups_of(self, outcome_id: str, listed_in: ListedIn | None = None) -> list[str]:
        """LNOB group ids of an outcome (union of lists unless *listed_in*), first-seen order."""
        return self._listed(self.outcome_lnob_groups, "group", outcome_id, listed_in)

    def partners_of(
        self, outcome_id: str, include_indicators: bool = False, include_outputs: bool = False
    ) -> list[str]:
        """Partner ids named in the outcome's partnerships text (and for its outputs, its indicators)."""
        self.outcome(outcome_id)
        seen: dict[str, None] = {}
        for p in self.outcome_partners:
            if p.outcome == outcome_id:
                seen.setdefault(p.partner)
        if include_outputs:
            mine_x = {x.id for x in self.outputs if x.outcome == outcome_id}
            for xp in self.output_partners:
                if xp.output in mine_x:
                    seen.setdefault(xp.partner)
        if include_indicators:
            mine = {i.id for i in self.indicators_of(outcome_id)}
            for ip in self.indicator_partners:
                if ip.indicator in mine:
                    seen.setdefault(ip.partner)
        return list(seen)

    def indicators_of(self, outcome_id: str, include_subs: bool = True) -> list[Indicator]:
        """Indicators of one outcome in matrix order."""
        self.outcome(outcome_id)
        return [i for i in self.indicators if i.outcome == outcome_id and (include_subs or i.parent is None)]

    def _parent_of(self, indicator_id: str) -> str | None:
        found = self._lookup(self.indicators, "id").get(indicator_id)
        return found.parent if found else None

    def responsible_agencies(self, indicator_id: str, inherit: bool = True) -> list[str]:
        """Agency ids responsible for an indicator, in document order.

        Where the matrix gives one cell for a parent and its sub-indicators, the agencies are
        entered on the parent; with *inherit* a sub-indicator without its own takes them.
        """
        own = [a.agency for a in self.indicator_agencies if a.indicator == indicator_id]
        parent = self._parent_of(indicator_id) if inherit and not own else None
        return self.responsible_agencies(parent, inherit=False) if parent else own

    def indicator_partner_ids(self, indicator_id: str, inherit: bool = True) -> list[str]:
        """Partner ids named for an indicator (inherited from the parent like the agencies)."""
        own = [p.partner for p in self.indicator_partners if p.indicator == indicator_id]
        parent = self._parent_of(indicator_id) if inherit and not own else None
        return self.indicator_partner_ids(parent, inherit=False) if parent else own

    def sdg_indicators_of(self, indicator: Indicator) -> list[str]:
        """Global SDG indicator codes an indicator measures: its own code if it is a global
        code, then any explicit 'link to' reference."""
        codes: list[str] = []
        if indicator.code and self.catalogue.is_indicator(indicator.code):
            codes.append(indicator.code)
        for link in self.indicator_sdg_links:
            if link.indicator == indicator.id and link.sdg_indicator not in codes:
                codes.append(link.sdg_indicator)
        return codes


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort ids as people number them: digit runs by value, the rest ignoring case.

    >>> sorted(["10", "2", "O10", "o2", "1.10", "1.9"], key=natural_key)
    ['1.9', '1.10', '2', '10', 'o2', 'O10']
    """
    return tuple(
        (0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in re.findall(r"\d+|\D+", text)
    )


def sdg_sort_key(code: str) -> tuple[tuple[int, str], ...]:
    """Sort SDG codes numerically part by part (letters after numbers).

    >>> sorted(["10.2", "1.b", "1.10", "1.2"], key=sdg_sort_key)
    ['1.2', '1.10', '1.b', '10.2']
    """
    return tuple((int(p), "") if p.isdigit() else (10**6, p) for p in code.split("."))
