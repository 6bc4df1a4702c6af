"""Analyses over the framework graph: synergies, gaps, centrality, communities, paths.

Each module is small and has ``__all__``; the public names are re-exported lazily from
:mod:`cfgraph`.
"""

__all__: list[str] = []
