"""The typed, validated model of a Cooperation Framework, and the declaration of its tables.

One frozen dataclass per table of a framework folder (field names are the CSV column names;
``;``-separated cells become tuples); each class is also the table's declaration
(:mod:`cfgraph.model.schema`), and :data:`TABLES` lists them in file order. :class:`Framework`
holds them all.

>>> [t.name for t in TABLES][:3]
['framework', 'sources', 'thematic_areas']
>>> table_spec("outcomes").primary_key, table_spec("outcomes").model.__name__
(('id',), 'Outcome')
"""

from __future__ import annotations

from cfgraph.model.actors import Agency, LnobGroup, OutcomeAgency, OutcomeLnobGroup, OutcomePartner, Partner
from cfgraph.model.framework import Framework, closest, natural_key, parse_lines, sdg_sort_key
from cfgraph.model.indicators import Indicator, IndicatorAgency, IndicatorPartner, IndicatorSdgLink, measure
from cfgraph.model.links import OutcomeLink, RecordedInconsistency, TargetLink
from cfgraph.model.reviews import Review
from cfgraph.model.schema import Column, ForeignKey, TableSpec, spec_of
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
from cfgraph.vocabulary import ListedIn, Role

__all__ = [
    "ListedIn",
    "Role",
    "parse_lines",
    "FrameworkInfo",
    "ThematicArea",
    "ResultGroup",
    "Outcome",
    "OutcomeWording",
    "NationalPriority",
    "TargetList",
    "OutcomeTarget",
    "Agency",
    "OutcomeAgency",
    "LnobGroup",
    "OutcomeLnobGroup",
    "Partner",
    "OutcomePartner",
    "Indicator",
    "IndicatorSdgLink",
    "IndicatorAgency",
    "IndicatorPartner",
    "OutcomeLink",
    "TargetLink",
    "RecordedInconsistency",
    "Source",
    "Output",
    "OutputAgency",
    "OutputPartner",
    "Review",
    "Framework",
    "closest",
    "sdg_sort_key",
    "natural_key",
    "measure",
    "Column",
    "ForeignKey",
    "TableSpec",
    "TABLES",
    "table_spec",
    "spec_of",
    "rows_of",
    "file_rows",
]

#: Every table of a framework folder, in file order.
TABLES: tuple[TableSpec, ...] = tuple(
    spec_of(cls)
    for cls in (
        FrameworkInfo,
        Source,
        ThematicArea,
        ResultGroup,
        Outcome,
        OutcomeWording,
        NationalPriority,
        TargetList,
        OutcomeTarget,
        Agency,
        OutcomeAgency,
        LnobGroup,
        OutcomeLnobGroup,
        Partner,
        OutcomePartner,
        Output,
        OutputAgency,
        OutputPartner,
        Indicator,
        IndicatorSdgLink,
        IndicatorAgency,
        IndicatorPartner,
        OutcomeLink,
        TargetLink,
        RecordedInconsistency,
        Review,
    )
)

_BY_NAME = {t.name: t for t in TABLES}


def table_spec(name: str) -> TableSpec:
    """The declaration of the table called *name*."""
    return _BY_NAME[name]


def rows_of(fw: Framework, spec: TableSpec) -> tuple[object, ...]:
    """The rows of *fw* that table *spec* holds (the one ``framework`` row is ``fw.info``).

    >>> import cfgraph
    >>> len(rows_of(cfgraph.load(cfgraph.MINI), table_spec("outcomes")))
    2
    """
    if spec.name == "framework":
        return (fw.info,)
    rows: tuple[object, ...] = getattr(fw, spec.name)
    return rows


def file_rows(fw: Framework, spec: TableSpec) -> tuple[object, ...]:
    """The rows of table *spec* its file holds: :func:`rows_of` without the rows the loader
    derives from other tables (an outcome's targets measured by its indicators).

    >>> import cfgraph
    >>> fw = cfgraph.load(cfgraph.MINI)
    >>> len(file_rows(fw, table_spec("outcome_targets"))) == len(fw.outcome_targets)
    True
    """
    return tuple(r for r in rows_of(fw, spec) if not getattr(r, "derived", False))
