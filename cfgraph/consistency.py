"""Where the document contradicts itself: computed from the data, plus what readers recorded.

The data keeps what the document says; this module reports the contradictions so nobody has
to "fix" the source silently. Computed checks compare the narrative and results
matrix lists of each outcome and flag impossible or repeated codes; the rows of
``inconsistencies.csv`` add what only a reader can see (a claim the lists do not bear out).

>>> import cfgraph
>>> for i in find_inconsistencies(cfgraph.load(cfgraph.MINI))[:3]:
...     print(i.id)
duplicate-code:2.1:narrative:global:8.6
duplicate-code:2.1:results_matrix:global:8.6
invalid-code:2.1:narrative:18.7
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cfgraph.model import Framework, parse_lines, sdg_sort_key

__all__ = ["Inconsistency", "find_inconsistencies"]


@dataclass(frozen=True)
class Inconsistency:
    """One contradiction, with the ids it concerns and the source lines to read."""

    id: str
    kind: str
    message: str
    subjects: tuple[str, ...]
    source_lines: tuple[int, ...]
    #: The source the lines are in (None: the first source); "*" when the rows cite several.
    source_id: str | None = None


def _lines(*cells: str) -> tuple[int, ...]:
    return tuple(sorted({n for cell in cells for n in parse_lines(cell)}))


def _source(*rows: object) -> str | None:
    """The one source *rows* cite (None: the first), or "*" when they cite several."""
    found = {getattr(r, "source_id", None) for r in rows}
    return found.pop() if len(found) == 1 else ("*" if found else None)


def _list_mismatches(fw: Framework) -> list[Inconsistency]:
    found = []
    sources = (
        ("target-list-mismatch", "SDG targets", fw.outcome_targets, "code"),
        ("lnob-list-mismatch", "LNOB groups", fw.outcome_lnob_groups, "group"),
        ("agency-list-mismatch", "UN agencies", fw.outcome_agencies, "agency"),
    )
    for kind, what, rows, attr in sources:
        for outcome in fw.outcomes:
            mine = [r for r in rows if r.outcome == outcome.id]
            narrative = {getattr(r, attr) for r in mine if r.listed_in == "narrative"}
            matrix = {getattr(r, attr) for r in mine if r.listed_in == "results_matrix"}
            if not narrative or not matrix or narrative == matrix:
                continue
            only_n = sorted(narrative - matrix, key=sdg_sort_key if attr == "code" else str)
            only_m = sorted(matrix - narrative, key=sdg_sort_key if attr == "code" else str)
            parts = []
            if only_n:
                parts.append(f"only the narrative lists {', '.join(only_n)}")
            if only_m:
                parts.append(f"only the results matrix lists {', '.join(only_m)}")
            cited = [r for r in mine if getattr(r, attr) in set(only_n) | set(only_m)]
            cells = [r.source_lines for r in cited]
            found.append(
                Inconsistency(
                    f"{kind}:{outcome.id}",
                    kind,
                    f"Outcome {outcome.id} {what}: {'; '.join(parts)}",
                    (outcome.id, *only_n, *only_m),
                    _lines(*cells),
                    _source(*cited),
                )
            )
    return found


def _code_problems(fw: Framework) -> list[Inconsistency]:
    found = []
    for t in fw.outcome_targets:
        if not t.valid:
            found.append(
                Inconsistency(
                    f"invalid-code:{t.outcome}:{t.listed_in}:{t.code}",
                    "invalid-code",
                    f"Outcome {t.outcome} ({t.listed_in.replace('_', ' ')}) lists {t.raw!r}, "
                    "which is not an SDG target",
                    (t.outcome, t.code),
                    _lines(t.source_lines),
                    _source(t),
                )
            )
    counts = Counter((t.outcome, t.listed_in, t.role, t.code) for t in fw.outcome_targets)
    for (outcome, listed_in, role, code), n in sorted(counts.items()):
        if n > 1:
            rows = [
                t
                for t in fw.outcome_targets
                if (t.outcome, t.listed_in, t.role, t.code) == (outcome, listed_in, role, code)
            ]
            found.append(
                Inconsistency(
                    f"duplicate-code:{outcome}:{listed_in}:{role}:{code}",
                    "duplicate-code",
                    f"Outcome {outcome} ({listed_in.replace('_', ' ')}, {role}) lists {code} {n} times",
                    (outcome, code),
                    _lines(*(r.source_lines for r in rows)),
                    _source(*rows),
                )
            )
    for link in fw.indicator_sdg_links:
        if link.code_status != "ok":
            found.append(
                Inconsistency(
                    f"invalid-code:{link.indicator}:{link.sdg_indicator}",
                    "invalid-code",
                    f"Indicator {link.indicator} links to {link.raw!r}, which is not an SDG indicator",
                    (link.indicator, link.sdg_indicator),
                    _lines(link.source_lines),
                    _source(link),
                )
            )
    return found


def _via_targets_not_listed(fw: Framework) -> list[Inconsistency]:
    """A link names a target as its channel that neither linked outcome lists."""
    found = []
    for link in fw.outcome_links:
        listed = {t.code for t in fw.outcome_targets if t.outcome in (link.source, link.target)}
        missing = [code for code in link.via_targets if code not in listed]
        if missing:
            found.append(
                Inconsistency(
                    f"via-target-not-listed:{link.id}",
                    "via-target-not-listed",
                    f"Link {link.id} ({link.source} {link.kind} {link.target}) names SDG "
                    f"{', '.join(missing)}, which neither outcome lists",
                    (link.id, link.source, link.target, *missing),
                    _lines(link.source_lines),
                    _source(link),
                )
            )
    return found


def find_inconsistencies(fw: Framework) -> list[Inconsistency]:
    """Every contradiction: computed ones (sorted by kind, then id) and then the recorded ones."""
    computed = sorted(
        _list_mismatches(fw) + _code_problems(fw) + _via_targets_not_listed(fw), key=lambda i: (i.kind, i.id)
    )
    recorded = [
        Inconsistency(r.id, "recorded", r.message, r.subjects, _lines(r.source_lines), _source(r))
        for r in fw.inconsistencies
    ]
    return computed + recorded
