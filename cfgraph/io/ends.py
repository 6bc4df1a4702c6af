"""The ends of a relation table whose columns declare no ``ref``: each is checked against the kind
of thing the row's relation joins (:data:`cfgraph.vocabulary.RELATIONS`), so a table whose rows
may relate outcomes or SDG targets (``reviews.csv``: ``relation="{level}-review"``) is checked
row by row: an outcome id must be an outcome of the framework, a target code an SDG target.

>>> import cfgraph
>>> from cfgraph.io.reading import read_package
>>> from cfgraph.sdg import load_catalogue
>>> pkg = read_package(cfgraph.MINI)
>>> check_relation_ends(pkg, load_catalogue()); pkg.problems
[]
"""

from __future__ import annotations

from types import SimpleNamespace

from cfgraph.errors import Problem
from cfgraph.io.reading import PackageContents, TypedRow
from cfgraph.model import TABLES, TableSpec, closest, table_spec
from cfgraph.sdg import SdgCatalogue
from cfgraph.vocabulary import ENTITIES, RELATIONS

__all__ = ["check_relation_ends"]


def _unresolved(pkg: PackageContents, catalogue: SdgCatalogue, kind: str, value: str) -> str | None:
    """Why *value* is not a thing of *kind*, or None if it is."""
    entity = ENTITIES[kind]
    if entity.shared:
        return None if catalogue.is_target(value) else f"{value!r} is not an {entity.singular}"
    table = str(entity.table)
    ids = [str(r.values.get("id")) for r in pkg.tables.get(table, [])]
    if value in ids:
        return None
    hint = closest(value, ids)
    extra = f"; did you mean {', '.join(hint)}?" if hint else ""
    return f"{value!r} is not an {entity.singular} in {table_spec(table).filename}{extra}"


def _check_row(pkg: PackageContents, catalogue: SdgCatalogue, spec: TableSpec, row: TypedRow) -> None:
    if any(row.values.get(c.name) is None for c in spec.columns if "{" + c.name + "}" in str(spec.relation)):
        return  # the column that picks the relation is empty: reported already
    relation = RELATIONS.get(spec.relation_of(SimpleNamespace(**row.values)))
    if relation is None:
        return  # not one of the column's values: reported already
    ends = spec.ends or ("", "")
    for name, kind in zip(ends, (relation.source, relation.target), strict=True):
        value = row.values.get(name)
        if value is not None and spec.column(name).ref is None:
            why = _unresolved(pkg, catalogue, kind, str(value))
            if why:
                pkg.problems.append(Problem(pkg.shown(spec), row.line, name, why))
    source, target = (row.values.get(n) for n in ends)
    if source is not None and source == target:
        pkg.problems.append(Problem(pkg.shown(spec), row.line, ends[1], f"{target!r} is also the {ends[0]}"))


def check_relation_ends(pkg: PackageContents, catalogue: SdgCatalogue) -> None:
    """Add a problem for every end of a templated relation row that names nothing it can join."""
    for spec in TABLES:
        if spec.relation is None or spec.ends is None or "{" not in spec.relation:
            continue
        for row in pkg.tables.get(spec.name, []):
            _check_row(pkg, catalogue, spec, row)
