"""Full-text search: Whoosh schema, Dutch analyzer with accent folding, :class:`SearchIndex`.

``SearchIndex`` is imported on first use (PEP 562), so that ``storage`` (the Whoosh-free health
check) can be imported without Whoosh.
"""

from typing import TYPE_CHECKING, Any

from desktop_app.core.search.version import SCHEMA_VERSION

if TYPE_CHECKING:
    from desktop_app.core.search.index import SearchIndex

__all__ = ["SCHEMA_VERSION", "SearchIndex"]


def __getattr__(name: str) -> Any:
    if name == "SearchIndex":
        from desktop_app.core.search.index import SearchIndex

        return SearchIndex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
