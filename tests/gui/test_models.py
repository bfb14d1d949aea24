"""The item models follow Qt's model contract (QAbstractItemModelTester) and show the right rows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop_app.gui.models import (
    HTML_ROLE,
    ID_ROLE,
    AnnotationListModel,
    LetterFilterProxy,
    LetterTableModel,
    SearchResultsModel,
    ThemeTreeModel,
)

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture
def letter_model(library: Any) -> LetterTableModel:
    model = LetterTableModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_rows(library.list_letters())
    return model


def test_letter_model_lists_summaries_and_sorts_by_date(letter_model: LetterTableModel, library: Any) -> None:
    proxy = LetterFilterProxy()
    proxy.setSourceModel(letter_model)
    QAbstractItemModelTester(proxy, FATAL)
    assert letter_model.rowCount() == len(library.list_letters())
    proxy.sort(LetterTableModel.DATE, Qt.AscendingOrder)
    dates = [proxy.index(r, LetterTableModel.DATE).data() for r in range(proxy.rowCount())]
    dated = [d for d in dates if d != "no date"]
    assert dated == sorted(dated)


def test_letters_without_subject_show_a_derived_title_in_italics(letter_model: LetterTableModel, library: Any) -> None:
    by_name = {letter_model.summary(r).name: r for r in range(letter_model.rowCount())}
    shown = {}
    for name, row in by_name.items():
        index = letter_model.index(row, LetterTableModel.SUBJECT)
        font = index.data(Qt.FontRole)
        shown[name] = (index.data(), bool(font and font.italic()), index.data(Qt.ToolTipRole))
    text, italic, tooltip = shown["000_eba5de336aff673f"]
    assert text == "Het kabinet informeert uw Kamer regelmatig over de stappen in het vierjaarlijkse…"
    assert italic and "the letter has no subject" in tooltip
    assert shown["002_6da6c7f9d4c292e2"][:2] == ("NATO New Force Model", True)
    letter = library.get_letter("003_d09603eee462fd1e")
    # three subjects start "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie": the list shows
    # what tells them apart, the tooltip the whole subject
    assert shown[letter.name][:2] == ("Geannoteerde agenda … 17 en 18 oktober 2024 in Brussel", False)
    assert letter.subject in shown[letter.name][2]
    assert "no subject" not in shown[letter.name][2]
    assert all(not text.startswith(("000_", "002_")) for text, _, _ in shown.values())


def test_letter_filter_by_year_chamber_and_theme(letter_model: LetterTableModel, library: Any) -> None:
    proxy = LetterFilterProxy()
    proxy.setSourceModel(letter_model)
    QAbstractItemModelTester(proxy, FATAL)
    summaries = library.list_letters()
    proxy.set_filters(year="2024")
    assert {proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())} == {
        s.id for s in summaries if (s.date or "").startswith("2024")
    }
    proxy.set_filters(chamber="Eerste Kamer")
    assert {proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())} == {
        s.id for s in summaries if s.chamber == "Eerste Kamer"
    }
    theme = library.list_themes()[0]
    letter = summaries[0]
    library.annotate(letter.id, 0, 10, [theme.id])
    letter_model.set_rows(library.list_letters())
    proxy.set_filters(theme_ids=library.theme_descendants(theme.id))
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [letter.id]
    proxy.set_filters()
    assert proxy.rowCount() == len(summaries)


def test_search_results_model_is_a_tree_of_letters_and_snippets(library: Any) -> None:
    model = SearchResultsModel()
    QAbstractItemModelTester(model, FATAL)
    results = library.search("navo")
    assert results.hits
    model.set_results(results.query, results.hits, results.total)
    assert model.rowCount() == len(results.hits)
    first = model.index(0, 0)
    assert model.rowCount(first) == len(results.hits[0].fragments)
    snippet = model.index(0, 0, first)
    assert model.parent(snippet) == first
    assert model.fragment(snippet) == results.hits[0].fragments[0]
    assert "navo" in snippet.data().lower()
    # a letter without a subject is listed by its derived title, not "Untitled letter"
    nfm = library.search("NFM")
    model.set_results(nfm.query, nfm.hits, nfm.total)
    assert model.index(0, 0).data().startswith("NATO New Force Model — no date")
    assert "<b>NATO New Force Model</b>" in model.index(0, 0).data(HTML_ROLE)
    model.clear()
    assert model.rowCount() == 0


def test_theme_tree_model_nests_and_numbers_the_first_nine(library: Any) -> None:
    model = ThemeTreeModel()
    QAbstractItemModelTester(model, FATAL)
    themes = library.list_themes()
    model.set_themes(themes, library.theme_counts())
    children = [t for t in themes if t.parent_id is not None]
    assert children, "the starter set has sub-themes"
    child = children[0]
    index = model.index_of(child.id)
    assert model.parent(index) == model.index_of(child.parent_id)
    assert model.theme(index) == child
    keys = [model.index_of(t.id).siblingAtColumn(ThemeTreeModel.KEY).data() for t in themes]
    assert len(themes) > 9
    assert keys == [str(n) for n in range(1, 10)] + [""] * (len(themes) - 9)


def test_annotation_model_in_text_order(library: Any) -> None:
    model = AnnotationListModel()
    QAbstractItemModelTester(model, FATAL)
    letter = library.list_letters()[0]
    theme = library.list_themes()[0]
    late = library.annotate(letter.id, 40, 60, [theme.id], note="<b>not bold</b>")
    early = library.annotate(letter.id, 0, 10, [])
    model.set_rows(library.list_annotations(letter.id), {t.id: t for t in library.list_themes()})
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [early.id, late.id]
    from desktop_app.gui.models import HTML_ROLE

    assert "&lt;b&gt;not bold&lt;/b&gt;" in model.index(1, 0).data(HTML_ROLE)
