"""Seeded synthetic Cooperation Frameworks, for benchmarks at portfolio scale.

A UN-wide portfolio holds ~130 frameworks. :func:`synthetic_portfolio` builds *n* of them with
the shapes of a real one (the shipped framework: 6 outcomes in 4 result groups,
~35 targets per outcome across the narrative and results-matrix lists, ~10 UN agencies per
outcome, ~15 indicators with sub-indicators, ~90 partners, stated outcome and target links),
drawn from the real SDG catalogue and a shared pool of UN agencies so that cross-framework
analyses see realistic overlap. The same *seed* always gives the same portfolio.

>>> fws = synthetic_portfolio(2, seed=1)
>>> [fw.info.id for fw in fws]
['synthetic-000-2026-2030', 'synthetic-001-2026-2030']
>>> len(fws[0].outcomes) >= 4
True
>>> synthetic_portfolio(2, seed=1) == fws
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from cfgraph import model as m
from cfgraph.io.meaning import VERBATIM_FIELDS
from cfgraph.sdg import SdgCatalogue, load_catalogue

__all__ = [
    "synthetic_portfolio",
    "synthetic_framework",
    "scaled_framework",
    "with_source_document",
    "write_synthetic",
]

#: UN entities shared by every synthetic framework (a UN country team draws from these), as a
#: framework may spell them; each is linked to its entity of the UN entity registry.
AGENCIES: tuple[str, ...] = (
    "fao", "iaea", "ilo", "iom", "itc", "ohchr", "unaids", "unctad", "undp", "unece", "unep",
    "unescap", "unesco", "unfpa", "unhcr", "unicef", "unido", "unodc", "unops", "unwomen", "wfp", "who",
)  # fmt: skip
_RESULT_GROUPS = ("people", "prosperity", "planet", "peace", "partnership")
_PARTNER_TYPES = (
    ("ministry", 0.25),
    ("government-agency", 0.15),
    ("local-authority", 0.08),
    ("parliament", 0.02),
    ("judiciary", 0.03),
    ("ngo-cso", 0.2),
    ("academia", 0.07),
    ("private-sector", 0.08),
    ("ifi-development-partner", 0.07),
    ("media", 0.02),
    ("other", 0.03),
)
_LNOB = (
    "women", "rural-women", "youth", "children", "children-with-disabilities",
    "people-with-disabilities", "older-persons", "migrants", "refugees", "stateless-persons",
    "people-living-with-hiv", "rural-population", "people-who-use-drugs", "prisoners",
    "lgbti-persons", "ethnic-minorities", "unemployed", "poor-households",
)  # fmt: skip
_LINK_KINDS = (
    "interlinked", "mutually-reinforcing", "affects", "accelerates", "contributes-to", "depends-on",
)  # fmt: skip


@dataclass
class _Ctx:
    rng: random.Random
    cat: SdgCatalogue
    fid: str
    targets: list[str]
    indicators: list[str]


def _pick[T](rng: random.Random, items: list[T] | tuple[T, ...], lo: int, hi: int) -> list[T]:
    k = min(len(items), rng.randint(lo, hi))
    return rng.sample(list(items), k)


def _outcome_targets(c: _Ctx, outcome: str, goals: list[str]) -> list[m.OutcomeTarget]:
    rng = c.rng
    themed = [t for t in c.targets if t.split(".")[0] in goals]
    glob = _pick(rng, themed, 8, 18)
    cross = _pick(rng, c.targets, 3, 10)
    rows: list[m.OutcomeTarget] = []
    for listed_in in ("narrative", "results_matrix"):
        for role, codes in (("global", glob), ("crosscutting", cross)):
            kept = [code for code in codes if rng.random() > 0.08]  # lists differ a little
            if listed_in == "results_matrix" and rng.random() < 0.3:
                kept.append(rng.choice(c.targets))
            for seq, code in enumerate(dict.fromkeys(kept), 1):
                line = "1" if listed_in == "narrative" else "2"
                rows.append(
                    m.OutcomeTarget(
                        outcome=outcome, listed_in=listed_in, role=role, seq=seq,  # type: ignore[arg-type]
                        raw=code, code=code, code_status="ok", source_lines=line,
                    )
                )  # fmt: skip
    return rows


def _indicators(
    c: _Ctx, outcome: str, codes: list[str], agencies: list[str]
) -> tuple[list[m.Indicator], list[m.IndicatorAgency]]:
    rng = c.rng
    inds: list[m.Indicator] = []
    ias: list[m.IndicatorAgency] = []
    sdg_inds = [i for i in c.indicators if ".".join(i.split(".")[:2]) in set(codes)] or c.indicators
    for n in range(1, rng.randint(8, 20) + 1):
        iid = f"{outcome}-{n:02d}"
        glob = rng.random() < 0.6
        code = rng.choice(sdg_inds) if glob else f"N{n}"
        by = rng.randint(2016, 2020)
        ty = rng.choice((2025, 2025, 2025, 2030, None))
        inds.append(
            m.Indicator(
                id=iid, outcome=outcome, code=code, code_tag="G" if glob else "N", code_raw=code,
                name=f"Indicator {iid}", baseline_raw=f"{n} ({by})", baseline_value=float(n),
                baseline_unit="%", baseline_year=by if rng.random() > 0.05 else None,
                target_raw=f"{n * 2} ({ty})", target_value=float(n * 2), target_unit="%", target_year=ty,
                data_source="National statistics", source_lines="3",
            )
        )  # fmt: skip
        for seq, a in enumerate(_pick(rng, agencies, 1, 3), 1):
            ias.append(m.IndicatorAgency(indicator=iid, seq=seq, agency=a, raw=a.upper(), source_lines="3"))
        if rng.random() < 0.15:
            for letter in "ab":
                inds.append(
                    m.Indicator(
                        id=f"{iid}{letter}", outcome=outcome, parent=iid, name=f"Sub-indicator {iid}{letter}",
                        baseline_year=by, target_year=ty, source_lines="3",
                    )
                )  # fmt: skip
    return inds, ias


def _partners(c: _Ctx) -> list[m.Partner]:
    rng = c.rng
    types, weights = zip(*_PARTNER_TYPES, strict=True)
    out = []
    for n in range(rng.randint(50, 120)):
        kind = rng.choices(types, weights)[0]
        out.append(
            m.Partner(
                id=f"{kind}-{n:03d}", name=f"{kind.title()} {n}", type=kind, generic=False, source_lines="4"
            )
        )
    return out


@dataclass
class _Rows:
    outcomes: list[m.Outcome] = field(default_factory=list)
    targets: list[m.OutcomeTarget] = field(default_factory=list)
    agencies: list[m.OutcomeAgency] = field(default_factory=list)
    lnob: list[m.OutcomeLnobGroup] = field(default_factory=list)
    partners: list[m.OutcomePartner] = field(default_factory=list)
    indicators: list[m.Indicator] = field(default_factory=list)
    indicator_agencies: list[m.IndicatorAgency] = field(default_factory=list)
    indicator_partners: list[m.IndicatorPartner] = field(default_factory=list)


def _outcome(c: _Ctx, r: _Rows, oid: str, partners: list[m.Partner]) -> None:
    rng = c.rng
    goals = [str(g) for g in rng.sample(range(1, 18), 3)]
    ots = _outcome_targets(c, oid, goals)
    r.targets += ots
    mine = _pick(rng, AGENCIES, 5, 13)
    for listed_in in ("narrative", "results_matrix"):
        kept = [a for a in mine if rng.random() > 0.1]
        r.agencies += [
            m.OutcomeAgency(
                outcome=oid, listed_in=listed_in, seq=s, agency=a, raw=a.upper(), source_lines="1"
            )
            for s, a in enumerate(kept, 1)
        ]
        grp = _pick(rng, _LNOB, 3, 8)
        r.lnob += [
            m.OutcomeLnobGroup(outcome=oid, listed_in=listed_in, seq=s, group=g, raw=g, source_lines="1")
            for s, g in enumerate(grp, 1)
        ]
    ps = _pick(rng, partners, 5, 25)
    r.partners += [
        m.OutcomePartner(outcome=oid, seq=s, partner=p.id, raw=p.name, source_lines="4")
        for s, p in enumerate(ps, 1)
    ]
    inds, ias = _indicators(c, oid, [t.code for t in ots], mine)
    r.indicators += inds
    r.indicator_agencies += ias
    for ind in inds:
        if ind.parent is None:
            chosen = _pick(rng, ps, 1, 4)
            r.indicator_partners += [
                m.IndicatorPartner(indicator=ind.id, seq=s, partner=p.id, raw=p.name, source_lines="3")
                for s, p in enumerate(chosen, 1)
            ]


def _links(c: _Ctx, r: _Rows) -> tuple[list[m.OutcomeLink], list[m.TargetLink]]:
    rng = c.rng
    ids = [o.id for o in r.outcomes]
    olinks = []
    for n in range(rng.randint(len(ids), 3 * len(ids))):
        a, b = rng.sample(ids, 2)
        kind = rng.choice(_LINK_KINDS)
        quote = f"Outcome {a} {kind} {b}."
        olinks.append(
            m.OutcomeLink(
                id=f"OL{n + 1:02d}",
                source=a,
                target=b,
                kind=kind,
                stated_as="named",
                quote=quote,
                source_lines="6",
            )
        )
    used = sorted({t.code for t in r.targets}, key=m.sdg_sort_key)
    tlinks = []
    for n in range(rng.randint(5, 15)):
        src, dst = tuple(_pick(rng, used, 1, 4)), tuple(_pick(rng, used, 1, 6))
        kind = rng.choice(_LINK_KINDS)
        sym = kind == "interlinked"
        tlinks.append(
            m.TargetLink(
                id=f"TL{n + 1:02d}", kind=kind, sources=src, targets=dst, symmetric=sym, quote=f"SDG {kind}.",
                source_lines="7",
            )
        )  # fmt: skip
    return olinks, tlinks


def _agency(agency_id: str) -> m.Agency:
    from cfgraph.registry import load_registry

    entity = load_registry().find(agency_id)
    return m.Agency(
        id=agency_id, label=agency_id.upper(), un_entity=entity.id if entity else None, source_lines="1"
    )


def _target_lists(rows: list[m.OutcomeTarget]) -> tuple[m.TargetList, ...]:
    lists: dict[tuple[str, str, str], list[str]] = {}
    for t in rows:
        lists.setdefault((t.outcome, t.listed_in, t.role), []).append(t.raw)
    return tuple(
        m.TargetList(outcome=o, listed_in=li, role=ro, raw="; ".join(raws), source_lines="1")  # type: ignore[arg-type]
        for (o, li, ro), raws in lists.items()
    )


#: Fields whose text the loader finds verbatim in the cited source lines (cfgraph.io.meaning), plus
#: the names a reader would also find in the document.
_VERBATIM: dict[str, tuple[str, ...]] = {
    **VERBATIM_FIELDS,
    "result_groups": ("name",),
    "agencies": ("label",),
    "lnob_groups": ("name",),
    "partners": ("name",),
}


def with_source_document(fw: m.Framework) -> m.Framework:
    """*fw* with a generated source document: one line per row holding the row's text, and
    every row's ``source_lines`` pointing at its line (so the folder passes ``cfgraph validate``)."""
    from dataclasses import replace

    lines = [fw.info.title]
    changes: dict[str, tuple[object, ...]] = {}
    for name, cols in _VERBATIM.items():
        rows = []
        for row in getattr(fw, name):
            text = " | ".join(str(getattr(row, c)) for c in cols if getattr(row, c))
            lines.append(f"{name}: {text}")
            rows.append(replace(row, source_lines=str(len(lines))))
        changes[name] = tuple(rows)
    rest = [t.name for t in m.TABLES if t.name not in changes and t.name != "framework"]
    for name in rest:
        changes[name] = tuple(replace(row, source_lines="1") for row in getattr(fw, name))
    import hashlib

    digest = hashlib.sha256(_document(lines)).hexdigest()
    info = replace(fw.info, source_sha256=digest)
    texts = {"": tuple(lines)}
    return replace(fw, info=info, source_text=tuple(lines), texts=texts, **changes)  # type: ignore[arg-type]


def _document(lines: list[str] | tuple[str, ...]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_synthetic(fw: m.Framework, folder: Path) -> Path:
    """Write a synthetic framework (from :func:`synthetic_framework`) as a loadable folder.

    >>> import tempfile, cfgraph
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     folder = write_synthetic(synthetic_framework(0), Path(tmp) / "fw")
    ...     cfgraph.load(folder) == synthetic_framework(0)
    True
    """
    from cfgraph.io.atomic import write_bytes
    from cfgraph.io.writer import write_framework

    write_bytes(folder / str(fw.info.source_file), _document(fw.source_text))
    write_framework(fw, folder)
    return folder


def synthetic_framework(index: int, seed: int = 0) -> m.Framework:
    """One synthetic framework; *index* and *seed* fix it completely. Its rows cite lines of a
    generated source document (``fw.source_text``), so :func:`write_synthetic` gives a folder
    that :func:`cfgraph.load` accepts."""
    rng = random.Random(f"{seed}:{index}")  # noqa: S311 - reproducible test data, not security
    cat = load_catalogue()
    fid = f"synthetic-{index:03d}-2026-2030"
    targets = sorted(cat.targets, key=m.sdg_sort_key)
    c = _Ctx(rng, cat, fid, targets, sorted(cat.indicators, key=m.sdg_sort_key))
    iso3 = f"X{chr(65 + index // 26 % 26)}{chr(65 + index % 26)}"
    info = m.FrameworkInfo(
        id=fid, title=f"Synthetic Cooperation Framework {index}", country=f"Country {index}",
        country_iso3=iso3, start_year=2026, end_year=2030, source_file="source/synthetic.txt",
        source_sha256="0" * 64, source_lines="1",
    )  # fmt: skip
    groups = rng.sample(_RESULT_GROUPS, rng.randint(3, 4))
    partners = _partners(c)
    r = _Rows()
    for k in range(rng.randint(4, 8)):
        oid = f"{k // 2 + 1}.{k % 2 + 1}"
        rg = groups[(k // 2) % len(groups)]
        statement = f"By 2030, outcome {oid} of {fid}."
        r.outcomes.append(
            m.Outcome(
                id=oid, thematic_area=str(k // 2 + 1), result_group=rg, statement=statement, source_lines="1"
            )
        )
        _outcome(c, r, oid, partners)
    olinks, tlinks = _links(c, r)
    return _assemble(c, info, groups, r, partners, olinks, tlinks)


def _assemble(
    c: _Ctx,
    info: m.FrameworkInfo,
    groups: list[str],
    r: _Rows,
    partners: list[m.Partner],
    olinks: list[m.OutcomeLink],
    tlinks: list[m.TargetLink],
) -> m.Framework:
    rgs = tuple(
        m.ResultGroup(
            id=g,
            name=g.title(),
            outcomes=tuple(o.id for o in r.outcomes if o.result_group == g),
            source_lines="1",
        )
        for g in groups
        if any(o.result_group == g for o in r.outcomes)
    )
    area_ids = sorted({o.thematic_area for o in r.outcomes if o.thematic_area}, key=int)
    used_agencies = sorted({a.agency for a in r.agencies} | {a.agency for a in r.indicator_agencies})
    return with_source_document(
        m.Framework(
            info=info,
            thematic_areas=tuple(m.ThematicArea(id=a, name=f"Area {a}", source_lines="1") for a in area_ids),
            result_groups=rgs,
            outcomes=tuple(r.outcomes),
            outcome_wordings=tuple(
                m.OutcomeWording(
                    outcome=o.id, context="results_matrix", text=o.statement.rstrip("."), source_lines="1"
                )
                for o in r.outcomes
            ),
            national_priorities=tuple(
                m.NationalPriority(outcome=o.id, seq=1, text=f"National programme {o.id}", source_lines="1")
                for o in r.outcomes
            ),
            target_lists=_target_lists(r.targets),
            outcome_targets=tuple(r.targets),
            agencies=tuple(_agency(a) for a in used_agencies),
            outcome_agencies=tuple(r.agencies),
            lnob_groups=tuple(m.LnobGroup(id=g, name=g.replace("-", " "), source_lines="5") for g in _LNOB),
            outcome_lnob_groups=tuple(r.lnob),
            partners=tuple(partners),
            outcome_partners=tuple(r.partners),
            indicators=tuple(r.indicators),
            indicator_sdg_links=(),
            indicator_agencies=tuple(r.indicator_agencies),
            indicator_partners=tuple(r.indicator_partners),
            outcome_links=tuple(olinks),
            target_links=tuple(tlinks),
            inconsistencies=(),
            catalogue=c.cat,
            source_text=(),
        )
    )


def scaled_framework(rows: int, seed: int = 0) -> m.Framework:
    """One synthetic framework of at least *rows* rows over all its tables, for validation at
    scale: outcome blocks (an outcome with its targets, agencies, LNOB groups, indicators and
    thirty partners of its own) are added until the rows are there. Like
    :func:`synthetic_framework`, it cites a generated source document and loads cleanly.

    >>> fw = scaled_framework(1000)
    >>> sum(len(getattr(fw, t)) for t in ("outcomes", "partners", "outcome_targets")) > 300
    True
    """
    rng = random.Random(f"{seed}:scaled:{rows}")  # noqa: S311 - reproducible test data, not security
    cat = load_catalogue()
    fid = f"scaled-{rows}-2026-2030"
    targets, indicators = (sorted(codes, key=m.sdg_sort_key) for codes in (cat.targets, cat.indicators))
    c = _Ctx(rng, cat, fid, targets, indicators)
    info = m.FrameworkInfo(
        id=fid, title=f"Scaled Cooperation Framework of {rows} rows", country="Country", country_iso3="XSC",
        start_year=2026, end_year=2030, source_file="source/synthetic.txt", source_sha256="0" * 64,
        source_lines="1",
    )  # fmt: skip
    groups = list(_RESULT_GROUPS)
    types, weights = zip(*_PARTNER_TYPES, strict=True)
    r = _Rows()
    partners: list[m.Partner] = []
    k = 0
    while k == 0 or len(partners) + sum(len(v) for v in vars(r).values()) < rows:
        oid = f"{k // 9 + 1}.{k % 9 + 1}"
        kinds = rng.choices(types, weights, k=30)
        own = [
            m.Partner(id=f"p{k}-{n}", name=f"Partner {k}-{n}", type=t, generic=False, source_lines="4")
            for n, t in enumerate(kinds)
        ]
        partners += own
        r.outcomes.append(
            m.Outcome(id=oid, thematic_area=str(k // 9 + 1), result_group=groups[k % 5],
                      statement=f"By 2030, outcome {oid}.", source_lines="1")
        )  # fmt: skip
        _outcome(c, r, oid, own)
        k += 1
    olinks, tlinks = _links(c, r)
    return _assemble(c, info, groups, r, partners, olinks[:99], tlinks)


def synthetic_portfolio(n: int, seed: int = 0) -> list[m.Framework]:
    """*n* synthetic frameworks with realistic shapes; the same *seed* gives the same portfolio.

    Parameters
    ----------
    n : int
        Number of frameworks (a UN-wide portfolio has ~130).
    seed : int
        Seed of the random generator; each framework is seeded from ``(seed, index)``, so
        ``synthetic_portfolio(13)`` is a prefix of ``synthetic_portfolio(130)``.

    Returns
    -------
    list of Framework
        Frameworks that load-free analyses (graphs, synergies, gaps) accept like real ones.

    Examples
    --------
    >>> fws = synthetic_portfolio(3)
    >>> fws[:2] == synthetic_portfolio(2)
    True
    """
    return [synthetic_framework(i, seed) for i in range(n)]
