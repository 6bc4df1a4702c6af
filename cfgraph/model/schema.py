"""The one declaration of every table: the model class *is* the table.

Each model row class is a frozen dataclass whose fields are the table's columns, in order. A
field's Python type gives the column's type (``str``, ``int``, ``float``, ``bool``; ``X | None``
is optional; ``tuple[str, ...]`` is a ``;``-separated list; a ``Literal`` is an enum) and its
``Annotated`` :func:`col` metadata the rest: description, pattern, the table it refers to, whether
the text must be verbatim in the source, and how the RDF graph, the property graph and the JSON
document name it. :func:`table` adds what belongs to the whole table (its name, key, kind, IRI
and key template). The loader, the writer, ``datapackage.json``, the JSON export and its schema,
the RDF build and its reverse, and the property graph all read these declarations, so adding a
field to an entity is one line here.

>>> from cfgraph.model import Partner
>>> spec = spec_of(Partner)
>>> spec.name, spec.kind, [c.name for c in spec.columns][:3]
('partners', 'partner', ['id', 'name', 'type'])
>>> spec.column("generic").type, spec.column("aliases").is_list, spec.column("part_of").ref
('boolean', True, 'partners')
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

__all__ = [
    "Column",
    "ColumnMeta",
    "ForeignKey",
    "TableSpec",
    "col",
    "table",
    "spec_of",
    "LINES_PATTERN",
    "SLUG_PATTERN",
    "ID_PATTERN",
    "PATTERN_HINTS",
    "DATE_PATTERN",
    "SHA256_PATTERN",
]

#: Provenance: one or more line numbers or ranges of the source document, e.g. ``230;590-591``.
LINES_PATTERN = r"^[1-9][0-9]*(-[1-9][0-9]*)?(;[1-9][0-9]*(-[1-9][0-9]*)?)*$"
#: A lower-case slug (``un-women``).
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: An id as a framework numbers things: letters and digits joined by ``.``, ``-`` or ``_``
#: (``1``, ``1.1``, ``O2``, ``1.1-01a``, ``outcome-3``).
ID_PATTERN = r"^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$"
#: A calendar date written ``YYYY-MM-DD``.
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
#: A SHA-256 digest in lower-case hex.
SHA256_PATTERN = r"^[0-9a-f]{64}$"

#: How an error names each pattern (never the raw regular expression).
PATTERN_HINTS: dict[str, str] = {
    LINES_PATTERN: "line numbers or ranges separated by ';' (e.g. 230;590-591)",
    SLUG_PATTERN: "lower-case letters and digits joined by '-' (e.g. un-women)",
    ID_PATTERN: "letters and digits joined by '.', '-' or '_' (e.g. 1, 1.1, O2, 1.1-01a)",
    r"^[A-Z]{3}$": "three capital letters (an ISO 3166 alpha-3 code, e.g. BRA)",
    SHA256_PATTERN: "64 lower-case hex digits (a sha256)",
    DATE_PATTERN: "a date written YYYY-MM-DD (e.g. 2026-03-31)",
    r"^[0-9]+\.[0-9a-z]+(\.[0-9a-z]+)?$": "an SDG target or indicator code (e.g. 5.2, 3.b, 3.3.1)",
}

#: What is kept or named differently: ``True`` the column's own name, ``False`` left out.
Naming = bool | str


@dataclass(frozen=True)
class ColumnMeta:
    """What :func:`col` records about one field (the type comes from the annotation)."""

    description: str = ""
    pattern: str = ""
    enum: tuple[str, ...] = ()
    required: bool | None = None
    ref: str | None = None
    relation: str | None = None
    verbatim: bool | str | tuple[str, ...] = False
    rdf: str | None = None
    codec: str = "literal"
    lpg: Naming = True
    json: Naming = True
    minimum: int | None = None
    maximum: int | None = None
    blank: Any = None


def col(
    description: str = "",
    *,
    pattern: str = "",
    enum: tuple[str, ...] = (),
    required: bool | None = None,
    ref: str | None = None,
    relation: str | None = None,
    verbatim: bool | str | tuple[str, ...] = False,
    rdf: str | None = None,
    codec: str = "literal",
    lpg: Naming = True,
    json: Naming = True,
    minimum: int | None = None,
    maximum: int | None = None,
    blank: Any = None,
) -> ColumnMeta:
    """Column metadata for ``Annotated[type, col(...)]``.

    Parameters
    ----------
    description : str
        What the column holds (``datapackage.json``, JSON Schema).
    pattern, enum : str, tuple
        Constraints on the text (a ``Literal`` type gives the enum by itself).
    required : bool, optional
        For lists (``tuple[str, ...]``): must hold at least one item. ``False`` on a ``str``
        column: the cell may be blank (the model gets *blank*, e.g. ``""``, or the loader derives it).
    ref : str, optional
        The table whose ``id`` the value (each item of a list) must be.
    relation : str, optional
        The :data:`~cfgraph.vocabulary.RELATIONS` entry this reference stands for in the graphs.
    verbatim : bool, str or tuple of str
        The text must occur in the source lines the row cites; a column name (``"aliases"``), or
        several: the text or one of those columns' values must (a name, or another spelling of it).
    rdf : str, optional
        The RDF property (a CURIE); ``a/b`` puts the value on the node that ``a`` points to.
    codec : str
        How the value becomes RDF: ``literal``, ``ref``, ``sdg-target``, ``un-entity``, ``link-kind``,
        ``partner-type``, ``decimal``, ``gyear``, ``iri``, ``provenance``, ``date`` (``xsd:date``),
        ``agent`` (a ``prov:Agent`` per name), ``sheet`` (a review sheet per SHA-256), ``end`` (an
        end of the relation the row picks).
    lpg, json : bool or str
        Whether the property graph and the JSON document keep the column, or under which name.
    minimum, maximum : int, optional
        Bounds of an integer column.
    blank : object
        The value of a blank cell (default None).
    """
    if ref is not None and codec == "literal":
        codec = "ref"
    return ColumnMeta(
        description,
        pattern,
        enum,
        required,
        ref,
        relation,
        verbatim,
        rdf,
        codec,
        lpg,
        json,
        minimum,
        maximum,
        blank,
    )


@dataclass(frozen=True)
class Column:
    """One column of a table: the field's name and type and its :class:`ColumnMeta`."""

    name: str
    type: str  # string | integer | number | boolean
    required: bool
    is_list: bool
    meta: ColumnMeta

    def __getattr__(self, name: str) -> Any:  # description, pattern, ref, rdf, ... from the metadata
        return getattr(self.meta, name)

    @property
    def enum(self) -> tuple[str, ...]:
        return self.meta.enum

    @property
    def pattern_hint(self) -> str:
        """How an error names the pattern a value must match."""
        return PATTERN_HINTS[self.meta.pattern]

    def lpg_name(self) -> str | None:
        """The property-graph property name, or None when the column is not a property."""
        return _naming(self.meta.lpg, self.name)

    def json_name(self) -> str | None:
        """The JSON document's name for the column (dotted for a nested object), or None."""
        return _naming(self.meta.json, self.name)

    def descriptor(self) -> dict[str, Any]:
        """The Frictionless field descriptor."""
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.meta.description:
            out["description"] = self.meta.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.meta.enum:
            constraints["enum"] = list(self.meta.enum)
        if self.meta.pattern:
            constraints["pattern"] = self.meta.pattern
        for bound in ("minimum", "maximum"):
            if getattr(self.meta, bound) is not None:
                constraints[bound] = getattr(self.meta, bound)
        if constraints:
            out["constraints"] = constraints
        if self.type == "boolean":
            out["trueValues"] = ["true"]
            out["falseValues"] = ["false"]
        return out


def _naming(value: Naming, name: str) -> str | None:
    if value is False:
        return None
    return name if value is True else value


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that must name a row of another table."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]
    is_list: bool = False  # each ';'-separated item must resolve (checked by the loader only)


@dataclass(frozen=True)
class TableSpec:
    """One CSV file of a framework folder and the model class its rows fill.

    ``kind`` names the :data:`~cfgraph.vocabulary.ENTITIES` kind of an entity table,
    ``relation`` the :data:`~cfgraph.vocabulary.RELATIONS` entry a relation table states (its
    ``ends`` are the columns naming the source and the target). ``iri`` is the template of a
    row's IRI and key below its framework (``("outcome", "{outcome}", "agency", "{seq}")``);
    ``rdf_class`` its RDF classes; ``rdf_nodes`` the nodes a path property (``a/b``) creates:
    property -> (IRI segment, classes). A ``relation`` may name a column
    (``"{level}-review"``): each row then states the relation its value picks. An ``optional``
    table may be missing from a folder (it then has no rows).
    """

    name: str
    model: type
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    required_rows: bool
    kind: str | None
    relation: str | None
    ends: tuple[str, str] | None
    iri: tuple[str, ...]
    rdf_class: tuple[str, ...]
    rdf_nodes: dict[str, tuple[str, tuple[str, ...]]]
    lpg_first: tuple[str, ...]
    path: str = ""
    optional: bool = False

    @property
    def filename(self) -> str:
        return self.path or f"{self.name}.csv"

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def fields(self) -> tuple[Column, ...]:
        """The columns (the name Frictionless uses)."""
        return self.columns

    def field(self, name: str) -> Column:
        return self.column(name)

    def relation_of(self, row: Any) -> str:
        """The relation one row of this relation table states.

        >>> from cfgraph.model import table_spec
        >>> table_spec("outcome_links").relation_of(None)
        'outcome-link'
        """
        template = str(self.relation)
        if "{" not in template:
            return template
        return template.format(**{c.name: getattr(row, c.name) for c in self.columns})

    def relation_names(self) -> tuple[str, ...]:
        """Every relation the table's rows may state (one per value of the column it names).

        >>> from cfgraph.model import table_spec
        >>> table_spec("reviews").relation_names()
        ('outcome-review', 'target-review')
        """
        if self.relation is None:
            return ()
        template = self.relation
        names = [c for c in self.columns if "{" + c.name + "}" in template]
        if not names:
            return (template,)
        return tuple(template.format(**{names[0].name: value}) for value in names[0].enum)

    def iri_parts(self, row: Any) -> tuple[str, ...]:
        """The IRI/key segments of *row* below its framework."""
        return tuple(part.format(**{c.name: getattr(row, c.name) for c in self.columns}) for part in self.iri)

    def descriptor(
        self, columns: Sequence[str] | None = None, tables: Collection[str] | None = None
    ) -> dict[str, Any]:
        """The Frictionless tabular-data-resource descriptor (of the *columns* a file has; all by
        default), with the foreign keys into the *tables* the folder has (all by default)."""
        kept = [c for c in self.columns if columns is None or c.name in columns or c.required]
        names = {c.name for c in kept}
        schema: dict[str, Any] = {
            "fields": [c.descriptor() for c in kept],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        fks = [fk for fk in self.foreign_keys
               if not fk.is_list and set(fk.fields) <= names
               and (tables is None or fk.resource in tables)]  # fmt: skip
        if fks:
            schema["foreignKeys"] = [
                {
                    "fields": list(fk.fields),
                    "reference": {
                        "resource": "" if fk.resource == self.name else fk.resource.replace("_", "-"),
                        "fields": list(fk.reference),
                    },
                }
                for fk in fks
            ]
        return {
            "name": self.name.replace("_", "-"),
            "path": self.filename,
            "profile": "tabular-data-resource",
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _column(name: str, hint: Any) -> Column:
    meta = ColumnMeta()
    if get_origin(hint) is Annotated:
        hint, *extras = get_args(hint)
        meta = next((e for e in extras if isinstance(e, ColumnMeta)), meta)
    optional = False
    if get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint):
        optional = True
        hint = next(a for a in get_args(hint) if a is not type(None))
    is_list = get_origin(hint) is tuple
    if is_list:
        hint = get_args(hint)[0]
    if get_origin(hint) is Literal:
        meta = dataclasses.replace(meta, enum=meta.enum or tuple(get_args(hint)))
        hint = type(get_args(hint)[0])
    if hint not in _TYPES:
        raise TypeError(f"column {name}: unsupported type {hint!r}")
    required = bool(meta.required) if is_list else not optional and meta.required is not False
    return Column(name, _TYPES[hint], required, is_list, meta)


def table(
    name: str,
    description: str,
    *,
    key: tuple[str, ...] = ("id",),
    kind: str | None = None,
    relation: str | None = None,
    ends: tuple[str, str] | None = None,
    iri: tuple[str, ...] = (),
    rdf_class: tuple[str, ...] = (),
    rdf_nodes: Mapping[str, tuple[str, tuple[str, ...]]] | None = None,
    lpg_first: tuple[str, ...] = (),
    foreign_keys: tuple[ForeignKey, ...] = (),
    required_rows: bool = False,
    optional: bool = True,
) -> Any:
    """Class decorator: declare the model class below it as the table *name*.

    The spec is built on first use (:func:`spec_of`), once every annotation can be resolved.
    """

    def deco(cls: type) -> type:
        cls.__cfgraph_table__ = {  # type: ignore[attr-defined]
            "name": name, "description": description, "key": key, "kind": kind, "relation": relation,
            "ends": ends, "iri": iri, "rdf_class": rdf_class, "rdf_nodes": dict(rdf_nodes or {}),
            "lpg_first": lpg_first, "foreign_keys": foreign_keys, "required_rows": required_rows,
            "optional": optional,
        }  # fmt: skip
        return cls

    return deco


_SPECS: dict[type, TableSpec] = {}


def spec_of(cls: type) -> TableSpec:
    """The :class:`TableSpec` of a model class declared with :func:`table`."""
    found = _SPECS.get(cls)
    if found is not None:
        return found
    declared: dict[str, Any] = cls.__cfgraph_table__  # type: ignore[attr-defined]
    hints = get_type_hints(cls, include_extras=True)
    columns = tuple(_column(f.name, hints[f.name]) for f in dataclasses.fields(cls))
    for f, c in zip(dataclasses.fields(cls), columns, strict=True):
        if (f.default is dataclasses.MISSING) == (not c.required):
            what = "give an optional column a default (None or ()), a required none"
            raise TypeError(f"{cls.__name__}.{f.name}: {what}")
    composite = {name for fk in declared["foreign_keys"] for name in fk.fields}
    fks = [
        ForeignKey((c.name,), c.ref, ("id",), c.is_list)
        for c in columns
        if c.ref is not None and c.name not in composite
    ]
    spec = TableSpec(
        name=declared["name"],
        model=cls,
        description=declared["description"],
        columns=columns,
        primary_key=declared["key"],
        foreign_keys=(*declared["foreign_keys"], *fks),
        required_rows=declared["required_rows"],
        kind=declared["kind"],
        relation=declared["relation"],
        ends=declared["ends"],
        iri=declared["iri"],
        rdf_class=declared["rdf_class"],
        rdf_nodes=declared["rdf_nodes"],
        lpg_first=declared["lpg_first"],
        optional=declared["optional"],
    )
    _SPECS[cls] = spec
    return spec
