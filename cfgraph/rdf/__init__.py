"""The framework as RDF: build the graph, validate it with SHACL, serialise it, query it.

Modules: :mod:`~cfgraph.rdf.build` (model -> rdflib graph), :mod:`~cfgraph.rdf.shacl`,
:mod:`~cfgraph.rdf.serialize`, :mod:`~cfgraph.rdf.from_rdf` (graph -> model),
:mod:`~cfgraph.rdf.queries` (named SPARQL questions) and :mod:`~cfgraph.rdf.oxigraph`
(the same questions on a pyoxigraph store).
"""

__all__: list[str] = []
