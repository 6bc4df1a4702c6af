"""SDG goal, target and indicator nodes, linked to the UN SDG Knowledge Organization System.

Only codes the catalogue knows become nodes (with their goal and target), so an invalid code
in the document can never turn into a fake SDG IRI.

>>> from cfgraph.namespaces import SKOS, sdg_iri
>>> from cfgraph.rdf.build import new_graph
>>> from cfgraph.sdg import load_catalogue
>>> g = new_graph()
>>> add_sdg_nodes(g, load_catalogue(), {"3.8.1", "18.7"})
>>> sorted(str(s) for s in g.subjects(SKOS.notation, None))
['https://w3id.org/cfgraph/id/sdg/3', 'https://w3id.org/cfgraph/id/sdg/3.8', 'https://w3id.org/cfgraph/id/sdg/3.8.1']
>>> str(g.value(sdg_iri("3.8.1"), SKOS.exactMatch))
'http://metadata.un.org/sdg/C030801'
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal

from cfgraph.namespaces import CFG, RDF, SDG_ID, SKOS, sdg_iri, sort_key, un_sdg_iri
from cfgraph.sdg import SdgCatalogue

__all__ = ["add_sdg_nodes"]

_LANGS = ("en", "ru", "kk")


def _concept(g: Graph, code: str, cls: str, titles: dict[str, str]) -> None:
    iri = sdg_iri(code)
    g.add((iri, RDF.type, CFG[cls]))
    g.add((iri, SKOS.notation, Literal(code)))
    g.add((iri, SKOS.exactMatch, un_sdg_iri(code)))
    g.add((iri, SKOS.inScheme, SDG_ID[""]))
    g.add((iri, CFG.sortKey, Literal(sort_key(code))))
    for lang in _LANGS:
        if titles.get(lang):
            g.add((iri, SKOS.prefLabel, Literal(titles[lang], lang=lang)))


def add_sdg_nodes(g: Graph, catalogue: SdgCatalogue, codes: Iterable[str]) -> None:
    """Add a node for every known SDG code in *codes*, with its broader target and goal."""
    indicators = sorted(c for c in set(codes) if catalogue.is_indicator(c))
    targets = {c for c in codes if catalogue.is_target(c)}
    targets |= {catalogue.indicators[c].target for c in indicators}
    goals = {catalogue.targets[t].goal for t in targets} | {c for c in codes if c in catalogue.goals}
    scheme = SDG_ID[""]
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal("SDG goals, targets and indicators used by cfgraph frameworks")))
    for code in sorted(goals):
        goal = catalogue.goals[code]
        _concept(g, code, "SdgGoal", {"en": goal.title_en, "ru": goal.title_ru, "kk": goal.title_kk})
    for code in sorted(targets):
        t = catalogue.targets[code]
        _concept(g, code, "SdgTarget", {"en": t.title_en, "ru": t.title_ru, "kk": t.title_kk})
        g.add((sdg_iri(code), SKOS.broader, sdg_iri(t.goal)))
    for code in indicators:
        i = catalogue.indicators[code]
        _concept(g, code, "SdgIndicator", {"en": i.title_en, "ru": i.title_ru, "kk": i.title_kk})
        g.add((sdg_iri(code), SKOS.broader, sdg_iri(i.target)))
