"""Full-text search: Whoosh schema, Dutch analyzer with accent folding, :class:`SearchIndex`."""

from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "SearchIndex"]
