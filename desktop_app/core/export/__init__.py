"""Annotated summaries as plain data: :func:`build_summary` turns a library and an :class:`ExportScope`
into a :class:`SummaryDocument`; :mod:`desktop_app.render` writes it as PDF, Markdown or CSV."""

from desktop_app.core.export.formats import FORMATS
from desktop_app.core.export.model import (
    GROUP_BY_CHOICES,
    ExportResult,
    ExportScope,
    Passage,
    Section,
    SourceInfo,
    SummaryDocument,
)
from desktop_app.core.export.summary import (
    ScopeCount,
    build_summary,
    count_scope,
    default_title,
    describe_scope,
    nothing_to_export,
)  # fmt: skip

__all__ = [
    "FORMATS",
    "GROUP_BY_CHOICES",
    "ExportResult",
    "ExportScope",
    "Passage",
    "ScopeCount",
    "Section",
    "SourceInfo",
    "SummaryDocument",
    "build_summary",
    "count_scope",
    "default_title",
    "describe_scope",
    "nothing_to_export",
]
