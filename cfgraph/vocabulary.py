"""Every kind of thing and link cfgraph knows, declared once; every layer reads it from here.

An :class:`EntityKind` says how one kind of thing is named in every layer: its kind name (the
``kind`` of a networkx node and of a view, the prefix of a typed id such as ``lnob-group:women``
and the segment of its key and IRI), its display names, its property-graph label, its RDF class,
its JSON key and the table it comes from. A :class:`Relation` does the same for a link between
two kinds of things, with its direction (from ``source`` to ``target``), how a sentence words it
and whether a drawing gives it an arrowhead. A :class:`LinkKind` is a kind of link the document
states between outcomes or targets (``affects``, ``depends-on``, ``interlinked``, ...), with the
way it reads as influence. Severities, the two lists of a framework, target roles and partner
types are declared here too.

Keys are the one id scheme shared by networkx, the property graph and RDF IRIs: a thing of a
framework is ``<framework>/<kind>/<id>``; the only shared nodes, the same for every framework,
are the SDG catalogue's (``sdg/<code>``) and the UN entity registry's (``un/<id>``).

>>> ENTITIES["lnob-group"].label, ENTITIES["lnob-group"].rdf_class, ENTITIES["lnob-group"].json_key
('LnobGroup', 'LnobGroup', 'lnob_groups')
>>> key("outcome", "1.1", "kz"), key("sdg-target", "5.2"), key("un-entity", "undp")
('kz/outcome/1.1', 'sdg/5.2', 'un/undp')
>>> typed_id("lnob-group", "women"), entity_kind("target").name
('lnob-group:women', 'sdg-target')
>>> LINK_KINDS["complements"].symmetric, LINK_KINDS["depends-on"].influence
(True, 'backward')
>>> severity_rank("warning") > severity_rank("info")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "EntityKind",
    "Relation",
    "LinkKind",
    "PartnerType",
    "ENTITIES",
    "RELATIONS",
    "LINK_KINDS",
    "PARTNER_TYPES",
    "SEVERITIES",
    "SEVERITY_PLURALS",
    "VIA_KINDS",
    "PROVENANCE_POLICIES",
    "POLICY_MEANINGS",
    "SOURCE_KINDS",
    "REVIEW_STATUSES",
    "LISTED_IN",
    "LISTED_IN_NAMES",
    "TARGET_SOURCES",
    "FROM_INDICATORS",
    "ROLES",
    "ROLE_NAMES",
    "CODE_STATUSES",
    "SHARED_SEGMENTS",
    "ScoreLevel",
    "SCORE_SCALE",
    "CONFIDENCES",
    "REVIEW_LEVELS",
    "ReviewLevel",
    "Confidence",
    "score_level",
    "ListedIn",
    "TargetSource",
    "Role",
    "Influence",
    "entity_kind",
    "relation",
    "relation_of_type",
    "key",
    "typed_id",
    "split_typed_id",
    "split_key",
    "sdg_kind",
    "severity_rank",
]

ListedIn = Literal["narrative", "results_matrix"]
#: Where an outcome's SDG target comes from: one of its two lists, or (derived) its indicators.
TargetSource = Literal["narrative", "results_matrix", "indicators"]
Role = Literal["global", "crosscutting"]
Influence = Literal["forward", "backward", "both"]
ReviewLevel = Literal["outcome", "target"]
Confidence = Literal["low", "medium", "high"]


@dataclass(frozen=True)
class EntityKind:
    """One kind of thing, named in every layer.

    ``name`` is the kind of a networkx or view node, the prefix of a typed id and the segment
    of a key; ``shared`` kinds (the SDG catalogue, the UN entity registry) have one node for
    every framework, keyed ``<shared>/<id>`` (``sdg/5.2``, ``un/undp``).
    """

    name: str
    singular: str
    plural: str
    label: str
    rdf_class: str
    json_key: str | None
    table: str | None
    shared: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The singular name as a heading or legend starts it (``UN agency``, ``Outcome``)."""
        return self.singular[0].upper() + self.singular[1:]

    @property
    def segment(self) -> str:
        """The path segment of the kind's keys and IRIs (``sdg``, ``un`` for the shared nodes)."""
        return self.shared or self.name


@dataclass(frozen=True)
class Relation:
    """One kind of link between two kinds of things, pointing from *source* to *target*.

    ``wording`` joins the two names in a sentence ("UNDP *contributes to* outcome 1.1"; a legend
    says "UN agency contributes to outcome"); ``rdf_property`` is the direct
    property the RDF graph states (``rdf_inverse`` when it points from target to source);
    ``derived`` relations are computed for the views, not stated by a table; ``judged`` ones are
    what people judged (a reviewer's score), not what the document states, so the analyses of the
    text (paths, dependencies) leave them out.
    """

    name: str
    source: str
    target: str
    lpg_type: str
    wording: str
    rdf_property: str | None = None
    rdf_inverse: bool = False
    symmetric: bool = False
    arrow: bool = False
    derived: bool = False
    judged: bool = False


@dataclass(frozen=True)
class LinkKind:
    """A kind of link the document states between two outcomes or SDG targets.

    ``influence`` says how it reads as influence: ``forward`` (the source acts on the target),
    ``backward`` (the target acts on the source: "A depends on B") or ``both`` (mutual).
    """

    name: str
    wording: str
    influence: Influence
    rdf_property: str
    definition: str

    @property
    def symmetric(self) -> bool:
        """A mutual kind: it holds both ways, so it is drawn without an arrowhead."""
        return self.influence == "both"

    @property
    def arrow(self) -> bool:
        return not self.symmetric


@dataclass(frozen=True)
class PartnerType:
    """A type of national or other partner: its name, how it reads, its RDF class."""

    name: str
    display: str
    rdf_class: str


# fmt: off
#: Every kind of thing, in display order.
ENTITIES: dict[str, EntityKind] = {k.name: k for k in (
    EntityKind("framework", "framework", "frameworks", "Framework", "CooperationFramework",
               "framework", "framework"),
    EntityKind("thematic-area", "thematic area", "thematic areas", "ThematicArea", "ThematicArea",
               "thematic_areas", "thematic_areas"),
    EntityKind("result-group", "result group", "result groups", "ResultGroup", "ResultGroup",
               "result_groups", "result_groups", aliases=("rg",)),
    EntityKind("outcome", "outcome", "outcomes", "Outcome", "Outcome", "outcomes", "outcomes"),
    EntityKind("output", "output", "outputs", "Output", "Output", "outputs", "outputs"),
    EntityKind("indicator", "indicator", "indicators", "Indicator", "Indicator", "indicators", "indicators"),
    EntityKind("agency", "UN agency", "UN agencies", "Agency", "UnAgency", "agencies", "agencies"),
    EntityKind("un-entity", "UN entity", "UN entities", "UnEntity", "UnEntity", None, None, shared="un",
               aliases=("un",)),
    EntityKind("partner", "partner", "partners", "Partner", "Partner", "partners", "partners"),
    EntityKind("lnob-group", "LNOB group", "LNOB groups", "LnobGroup", "LnobGroup",
               "lnob_groups", "lnob_groups", aliases=("lnob",)),
    EntityKind("sdg-goal", "SDG", "SDGs", "SdgGoal", "SdgGoal", None, None, shared="sdg", aliases=("goal",)),
    EntityKind("sdg-target", "SDG target", "SDG targets", "SdgTarget", "SdgTarget", None, None,
               shared="sdg", aliases=("target",)),
    EntityKind("sdg-indicator", "SDG indicator", "SDG indicators", "SdgIndicator", "SdgIndicator", None, None,
               shared="sdg", aliases=("sdgind",)),
    EntityKind("inconsistency", "inconsistency", "inconsistencies", "Inconsistency", "Inconsistency",
               "inconsistencies", "inconsistencies"),
    EntityKind("outcome-link", "stated outcome link", "stated outcome links", "OutcomeLink", "OutcomeLink",
               "outcome_links", "outcome_links"),
    EntityKind("target-link", "target interlinkage statement", "target interlinkage statements",
               "TargetLink", "TargetLink", "target_links", "target_links"),
    EntityKind("source", "source", "sources", "Source", "SourceDocument", "sources", "sources"),
)}

#: Every kind of link between things (source -> target); ``arrow`` where the direction is the point.
RELATIONS: dict[str, Relation] = {r.name: r for r in (
    Relation("has-thematic-area", "framework", "thematic-area", "HAS_THEMATIC_AREA", "has"),
    Relation("has-result-group", "framework", "result-group", "HAS_RESULT_GROUP", "has"),
    Relation("has-outcome", "framework", "outcome", "HAS_OUTCOME", "has"),
    Relation("in-thematic-area", "outcome", "thematic-area", "IN_THEMATIC_AREA", "is in",
             "cfg:thematicArea"),
    Relation("in-result-group", "outcome", "result-group", "IN_RESULT_GROUP", "is in",
             "cfg:resultGroup"),
    Relation("lists-target", "outcome", "sdg-target", "LISTS_TARGET", "lists", "cfg:listsTarget"),
    Relation("is-un-entity", "agency", "un-entity", "IS_UN_ENTITY", "is", "cfg:unEntity"),
    Relation("contributes", "agency", "outcome", "CONTRIBUTES_TO", "contributes to", "cfg:contributingAgency",
             rdf_inverse=True),
    Relation("names-lnob-group", "outcome", "lnob-group", "LEAVES_NO_ONE_BEHIND", "names",
             "cfg:leavesNoOneBehind"),
    Relation("names-partner", "outcome", "partner", "PARTNERS_WITH", "names", "cfg:partneredWith"),
    Relation("has-output", "outcome", "output", "HAS_OUTPUT", "has", "cfg:outcome", rdf_inverse=True),
    Relation("contributes-to-output", "agency", "output", "CONTRIBUTES_TO", "contributes to",
             "cfg:outputAgency", rdf_inverse=True),
    Relation("names-output-partner", "output", "partner", "PARTNERS_WITH", "names", "cfg:outputPartner"),
    Relation("has-indicator", "outcome", "indicator", "HAS_INDICATOR", "is measured by",
             "cfg:outcome", rdf_inverse=True),
    Relation("output-has-indicator", "output", "indicator", "HAS_INDICATOR", "is measured by",
             "cfg:output", rdf_inverse=True),
    Relation("sub-indicator-of", "indicator", "indicator", "SUB_INDICATOR_OF", "is a sub-indicator of",
             "cfg:subIndicatorOf"),
    Relation("measures", "indicator", "sdg-indicator", "MEASURES", "measures", "cfg:measures"),
    Relation("responsible-for", "agency", "indicator", "RESPONSIBLE_FOR", "is responsible for"),
    Relation("involves-partner", "indicator", "partner", "INVOLVES_PARTNER", "names"),
    Relation("part-of", "partner", "partner", "PART_OF", "is part of", "org:subOrganizationOf"),
    Relation("same-as", "partner", "partner", "SAME_AS", "is the same body as", "cfg:sameBodyAs",
             symmetric=True),
    Relation("broader", "lnob-group", "lnob-group", "BROADER", "is part of", "skos:broader"),
    Relation("outcome-link", "outcome", "outcome", "LINKS_TO", "is linked to", arrow=True),
    Relation("target-link", "sdg-target", "sdg-target", "LINKS_TO", "is linked to", arrow=True),
    Relation("of-goal", "sdg-target", "sdg-goal", "OF_GOAL", "is a target of", "skos:broader"),
    Relation("of-target", "sdg-indicator", "sdg-target", "OF_TARGET", "is an indicator of", "skos:broader"),
    Relation("has-inconsistency", "framework", "inconsistency", "HAS_INCONSISTENCY", "has"),
    Relation("concerns", "inconsistency", "*", "CONCERNS", "concerns"),
    Relation("outcome-review", "outcome", "outcome", "INFLUENCES", "is judged to influence", arrow=True,
             judged=True),
    Relation("target-review", "sdg-target", "sdg-target", "INFLUENCES", "is judged to influence", arrow=True,
             judged=True),
    Relation("partner-via-indicator", "partner", "outcome", "", "is named only for an indicator of",
             derived=True),
    Relation("agency-via-indicator", "agency", "outcome", "", "is responsible only for indicators of",
             derived=True),
    Relation("mentions-lnob-group", "indicator", "lnob-group", "", "mentions", derived=True),
)}

#: The kinds of links a framework states between outcomes or SDG targets.
LINK_KINDS: dict[str, LinkKind] = {k.name: k for k in (
    LinkKind("interlinked", "is interlinked with", "both", "interlinkedWith",
             "The two sides progress together (symmetric)."),
    LinkKind("mutually-reinforcing", "is mutually reinforcing with", "both", "mutuallyReinforces",
             "Each side strengthens the other (symmetric)."),
    LinkKind("affects", "affects", "forward", "affects",
             "Progress on the source has an effect on the target."),
    LinkKind("accelerates", "accelerates", "forward", "accelerates",
             "Progress on the source speeds up the target."),
    LinkKind("contributes-to", "contributes to", "forward", "contributesTo",
             "The source contributes to achieving the target."),
    LinkKind("depends-on", "depends on", "backward", "dependsOn",
             "The source needs the target to succeed."),
    LinkKind("complements", "complements", "both", "complements",
             "Each side completes what the other does (symmetric)."),
    LinkKind("synergy", "works in synergy with", "both", "hasSynergyWith",
             "The two sides work in synergy (symmetric)."),
)}

#: Partner types of ``partners.csv``: name, how it reads, RDF class.
PARTNER_TYPES: dict[str, PartnerType] = {p.name: p for p in (
    PartnerType("ministry", "ministry", "Ministry"),
    PartnerType("government-agency", "government agency", "GovernmentAgency"),
    PartnerType("parliament", "parliament", "Parliament"),
    PartnerType("local-authority", "local authority", "LocalAuthority"),
    PartnerType("judiciary", "judiciary", "Judiciary"),
    PartnerType("ngo-cso", "NGO / civil society", "CivilSocietyOrganisation"),
    PartnerType("academia", "academia", "AcademicInstitution"),
    PartnerType("private-sector", "private sector", "PrivateSectorPartner"),
    PartnerType("ifi-development-partner", "IFI / development partner", "DevelopmentPartner"),
    PartnerType("un-entity", "other UN entity", "UnEntityPartner"),
    PartnerType("initiative", "initiative", "Initiative"),
    PartnerType("media", "media", "Media"),
    PartnerType("other", "other", "OtherPartner"),
)}
# fmt: on

#: How a framework's data must trace to its sources (``framework.csv`` ``provenance``): every
#: document text verbatim in the lines it cites; a citation on every row, mismatches only warned;
#: or nothing checked.
PROVENANCE_POLICIES: tuple[str, ...] = ("verbatim", "cited", "none")
#: What each provenance policy guarantees, as reports and exports say it.
POLICY_MEANINGS: dict[str, str] = {
    "verbatim": "every text is checked word for word against the source lines it cites",
    "cited": "every fact cites its source; texts not found where cited are only warned about",
    "none": "facts need not cite a source",
}
#: Kinds of source a framework may cite.
SOURCE_KINDS: tuple[str, ...] = ("document", "results-matrix", "strategy", "web-page", "other")
#: Where a row stands in a person's review: ``draft`` (an importer wrote it) or ``accepted``; a
#: blank status is a row a person entered.
REVIEW_STATUSES: tuple[str, ...] = ("draft", "accepted")

@dataclass(frozen=True)
class ScoreLevel:
    """One point of the seven-point scale on which reviewers score how progress on one item
    influences progress on another (Nilsson, Griggs & Visbeck 2016; the SEI "SDG Synergies"
    cross-impact method, Weitz et al. 2018)."""

    score: int
    name: str
    meaning: str

    @property
    def signed(self) -> str:
        """The score with its sign, as the sheets and the report write it (``+2``, ``0``, ``-3``)."""
        return f"{self.score:+d}" if self.score else "0"


#: The interaction scale, strongest positive first.
SCORE_SCALE: tuple[ScoreLevel, ...] = (
    ScoreLevel(3, "indivisible", "Progress on the source is inextricably linked to progress on the target."),
    ScoreLevel(2, "reinforcing", "Progress on the source aids progress on the target."),
    ScoreLevel(1, "enabling", "Progress on the source creates conditions that further the target."),
    ScoreLevel(0, "consistent", "No significant positive or negative interaction."),
    ScoreLevel(-1, "constraining", "Progress on the source limits the options for the target."),
    ScoreLevel(-2, "counteracting", "Progress on the source clashes with the target."),
    ScoreLevel(-3, "cancelling", "Progress on the source makes the target impossible to reach."),
)
#: How sure a reviewer is of a score.
CONFIDENCES: tuple[str, ...] = get_args(Confidence)
#: What a review scores: a pair of outcomes or a pair of SDG targets.
REVIEW_LEVELS: tuple[str, ...] = get_args(ReviewLevel)


def score_level(score: float) -> ScoreLevel:
    """The point of :data:`SCORE_SCALE` nearest *score* (halves round away from zero).

    >>> score_level(1.5).name, score_level(-0.5).name, score_level(0.4).signed
    ('reinforcing', 'constraining', '0')
    """
    nearest = int(abs(score) + 0.5) * (1 if score >= 0 else -1)
    return next(level for level in SCORE_SCALE if level.score == max(-3, min(3, nearest)))


#: Severities of findings and problems, weakest first.
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
#: How a count of findings of each severity reads ("3 notes").
SEVERITY_PLURALS: dict[str, str] = {"info": "notes", "warning": "warnings", "error": "errors"}

#: The kinds of node a path may also pass through (``cfgraph path --via``), beyond outcomes and
#: SDG targets; tried in this order when there is no path.
VIA_KINDS: tuple[str, ...] = ("agency", "partner", "lnob-group", "indicator", "sdg-indicator", "result-group")

#: The two places a framework lists an outcome's targets, agencies and groups.
LISTED_IN: tuple[str, ...] = get_args(ListedIn)
#: Where an outcome's SDG targets come from: its two lists, then :data:`FROM_INDICATORS`.
TARGET_SOURCES: tuple[str, ...] = get_args(TargetSource)
#: The ``listed_in`` of an SDG target derived from an outcome's indicators (SDG indicator 4.1.1
#: measures target 4.1) for an outcome with no target list; such rows are never in a folder's files.
FROM_INDICATORS = "indicators"
LISTED_IN_NAMES: dict[str, str] = {
    "narrative": "narrative list",
    "results_matrix": "results matrix",
    FROM_INDICATORS: "derived from its indicators",
}
#: Roles of an SDG target in an outcome's list.
ROLES: tuple[str, ...] = get_args(Role)
ROLE_NAMES: dict[str, str] = {"global": "global", "crosscutting": "cross-cutting"}
#: Whether a code the document writes is a real SDG code.
CODE_STATUSES: tuple[str, ...] = ("ok", "invalid-in-source")

_BY_ALIAS = {alias: k for k in ENTITIES.values() for alias in (k.name, *k.aliases)}
#: The key segment of each kind of shared node -> its kind (``sdg`` has three: see :func:`sdg_kind`).
SHARED_SEGMENTS: dict[str, str] = {}
for _k in ENTITIES.values():
    if _k.shared:
        SHARED_SEGMENTS.setdefault(_k.shared, _k.name)
_BY_TYPE: dict[str, list[Relation]] = {}
for _r in RELATIONS.values():
    _BY_TYPE.setdefault(_r.lpg_type, []).append(_r)


def entity_kind(name: str) -> EntityKind:
    """The entity kind called *name* or one of its aliases (``target`` is ``sdg-target``)."""
    try:
        return _BY_ALIAS[name]
    except KeyError:
        raise KeyError(f"unknown kind {name!r}") from None


def relation(name: str) -> Relation:
    """The relation called *name*."""
    return RELATIONS[name]


def relation_of_type(lpg_type: str, source_kind: str, target_kind: str = "*") -> Relation:
    """The relation a property-graph relationship of *lpg_type* between a *source_kind* and a
    *target_kind* node stands for (one type may serve several relations).

    >>> relation_of_type("LINKS_TO", "sdg-target").name
    'target-link'
    >>> relation_of_type("CONTRIBUTES_TO", "agency", "output").name
    'contributes-to-output'
    """
    found = _BY_TYPE[lpg_type]
    exact = [r for r in found if r.source == source_kind and r.target in (target_kind, "*")]
    return next(iter(exact), next((r for r in found if r.source == source_kind), found[0]))


def sdg_kind(code: str) -> str:
    """The kind of an SDG code: ``sdg-goal`` (``3``), ``sdg-target`` (``3.8``), ``sdg-indicator``.

    >>> sdg_kind("3"), sdg_kind("3.b"), sdg_kind("3.b.1")
    ('sdg-goal', 'sdg-target', 'sdg-indicator')
    """
    return ("sdg-goal", "sdg-target", "sdg-indicator")[min(code.count("."), 2)]


def key(kind: str, ident: str, framework: str | None = None) -> str:
    """The stable key of a thing: ``<framework>/<kind>/<id>``, ``sdg/<code>`` or the framework id."""
    k = entity_kind(kind)
    if k.shared:
        return f"{k.segment}/{ident}"
    if k.name == "framework":
        return ident
    if framework is None:
        raise ValueError(f"a {k.singular} key needs its framework")
    return f"{framework}/{k.segment}/{ident}"


def split_key(text: str) -> tuple[str | None, str, str]:
    """``kz/outcome/1.1`` -> ``("kz", "outcome", "1.1")``; ``sdg/5.2`` -> ``(None, "sdg-target", "5.2")``.

    >>> split_key("kz/lnob-group/women"), split_key("sdg/3.8.1"), split_key("kz")
    (('kz', 'lnob-group', 'women'), (None, 'sdg-indicator', '3.8.1'), ('kz', 'framework', 'kz'))
    >>> split_key("un/un-women")
    (None, 'un-entity', 'un-women')
    """
    parts = text.split("/", 2)
    if len(parts) == 1:
        return text, "framework", text
    if parts[0] in SHARED_SEGMENTS:
        ident = text.split("/", 1)[1]
        return None, sdg_kind(ident) if parts[0] == "sdg" else SHARED_SEGMENTS[parts[0]], ident
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    raise ValueError(f"{text!r} is not a cfgraph key")


def typed_id(kind: str, ident: str) -> str:
    """How a person writes one thing of a framework: ``agency:undp``, ``sdg-target:5.2``."""
    return f"{entity_kind(kind).name}:{ident}"


def split_typed_id(text: str) -> tuple[str | None, str]:
    """``target:5.2`` -> ``("sdg-target", "5.2")``; an untyped id gives ``(None, id)``.

    >>> split_typed_id("lnob:youth"), split_typed_id("1.1"), split_typed_id("http://x")
    (('lnob-group', 'youth'), (None, '1.1'), (None, 'http://x'))
    """
    prefix, sep, ident = text.partition(":")
    if sep and prefix in _BY_ALIAS:
        return _BY_ALIAS[prefix].name, ident
    return None, text


def severity_rank(severity: str) -> int:
    """Position of *severity* in :data:`SEVERITIES`; ValueError if unknown."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}; choose one of {', '.join(SEVERITIES)}")
    return SEVERITIES.index(severity)
