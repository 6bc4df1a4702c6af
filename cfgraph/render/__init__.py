"""Renderers: tables/CSV/JSON rows, views, charts and the report."""
