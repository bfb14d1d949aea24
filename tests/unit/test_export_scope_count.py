"""count_scope (the export dialog's live line) agrees with build_summary on every kind of scope, and
default_title is the title build_summary gives when none is set."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import ExportFailed, InvalidInput
from desktop_app.core.export import ExportScope, build_summary, count_scope, default_title
from desktop_app.core.export.summary import ScopeCount
from desktop_app.core.services import Library
from tests.unit.test_export_library import L000, L003, L004, annotated, library  # noqa: F401 - fixtures

SCOPES = [
    ExportScope(),
    ExportScope(letters=(L000,)),
    ExportScope(letters=(L000, L004)),
    ExportScope(themes=("Capaciteitsdoelstellingen",)),  # with its sub-theme NDPP
    ExportScope(themes=("Capaciteitsdoelstellingen/NDPP", "Steun aan Oekraïne")),
    ExportScope(letters=(L000,), themes=("Defensie-industrie",)),
    ExportScope(date_from="2024-10-03"),  # undated 000 left out
    ExportScope(date_from="2024", date_to="2024-12"),
    ExportScope(themes=("Steun aan Oekraïne", "Financiering en 2%-norm"), date_to="2025-01-31"),
    ExportScope(date_from="2025-02-01"),  # nothing
    ExportScope(themes=("Maritiem en Noordzee",)),  # nothing
]


@pytest.mark.parametrize("scope", SCOPES, ids=range(len(SCOPES)))
def test_count_scope_matches_build_summary(annotated: Library, scope: ExportScope) -> None:  # noqa: F811
    count = count_scope(annotated, scope)
    try:
        summary = build_summary(annotated, scope)
    except ExportFailed:
        assert count == ScopeCount(0, 0)
        return
    assert count == ScopeCount(summary.counts.passages, summary.counts.letters)
    assert count.passages > 0


def test_count_scope_numbers_on_the_seed_letters(annotated: Library) -> None:  # noqa: F811
    assert count_scope(annotated, ExportScope()).letters == 3
    # 003 is dated 3 oktober 2024, 004 31 januari 2025, 000 has no date
    assert count_scope(annotated, ExportScope(date_from="2024-10-03")).letters == 2
    assert count_scope(annotated, ExportScope(date_to="2024")) == ScopeCount(1, 1)
    assert count_scope(annotated, ExportScope(letters=(L003,), date_from="2025")) == ScopeCount(0, 0)


def test_count_scope_refuses_what_build_summary_refuses(annotated: Library) -> None:  # noqa: F811
    with pytest.raises(InvalidInput, match="date range is empty"):
        count_scope(annotated, ExportScope(date_from="2025-01-01", date_to="2024-12-31"))


@pytest.mark.parametrize("language", ["en", "nl"])
def test_default_title_is_the_title_build_summary_gives(annotated: Library, language: str) -> None:  # noqa: F811
    for scope in (ExportScope(), ExportScope(letters=(L004,)), ExportScope(themes=("Steun aan Oekraïne",)),
                  ExportScope(themes=("Steun aan Oekraïne", "Capaciteitsdoelstellingen"))):
        scope = ExportScope(letters=scope.letters, themes=scope.themes, language=language)
        assert default_title(annotated, scope) == build_summary(annotated, scope).title
    assert default_title(annotated, ExportScope(themes=("Steun aan Oekraïne",), language="nl")) == (
        "Geannoteerde samenvatting: Steun aan Oekraïne"
    )
