"""The Passages view (issue 14.1), driven with the keyboard: Ctrl+5, check a theme with Space, the
passages of that theme and its sub-themes across letters in date order, filters, Enter opens the
passage in the reader, F2 edits a note in place (Ctrl+Z undoes it), the matrix filters to one letter,
Export opens the export dialog for the checked themes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import type_text

L001, L003, L004 = "001_999221068a1a2138", "003_d09603eee462fd1e", "004_94d7e7617410a711"


def _tag(library: Any, letter: str, word: str, *themes: Any, note: str = "") -> Any:
    text = library.get_letter(letter).text
    start = text.index(word)
    return library.annotate(letter, start, start + len(word), list(themes), note=note)


def _tagged_window(make_window: Any, library: Any) -> tuple[Any, Any, Any]:
    parent = library.get_theme("Capaciteitsdoelstellingen")
    child = library.add_theme("Munitie", parent=parent.id)
    _tag(library, L004, "luchtverdediging", parent.id, note="eerst")
    _tag(library, L003, "Oekraïne", child.id)
    _tag(library, L001, "Oekraïne", parent.id, child.id)
    _tag(library, L001, "NAVO", "Steun aan Oekraïne")
    return make_window(library), parent, child


def _check_theme_with_space(qtbot: Any, window: Any, theme_id: int) -> None:
    tree = window.passages_view.theme_tree
    tree.setFocus()
    tree.setCurrentItem(tree.items[theme_id])
    qtbot.keyClick(tree, Qt.Key_Space)


def test_ctrl_5_and_space_show_a_theme_with_its_sub_themes_across_letters(qtbot: Any, make_window: Any, library: Any) -> None:
    window, parent, _child = _tagged_window(make_window, library)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    view = window.passages_view
    assert window.centre_tabs.currentWidget() is view and view.isVisible()
    _check_theme_with_space(qtbot, window, parent.id)
    names = [r.letter_name for r in view.visible_rows()]
    assert names == [L003, L004, L001]  # date order: 2024-10-03, 2025-01-31, 2025-05-21
    model = view.model
    assert model.data(model.index(1, model.NOTE)) == "eerst"
    assert "Munitie" in model.data(model.index(2, model.THEMES))
    assert view.count_label.text() == "3 passages"

    view.text_filter.setFocus()
    type_text(view.text_filter, "oekraine")  # accents folded
    assert [r.letter_name for r in view.visible_rows()] == [L003, L001]
    assert view.count_label.text() == "2 of 3 passages"
    view.text_filter.clear()
    view.year.setCurrentIndex(view.year.findData("2024"))
    assert [r.letter_name for r in view.visible_rows()] == [L003]


def test_enter_opens_the_passage_in_the_reader(qtbot: Any, make_window: Any, library: Any) -> None:
    window, parent, _ = _tagged_window(make_window, library)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    _check_theme_with_space(qtbot, window, parent.id)
    view = window.passages_view
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 0))
    qtbot.keyClick(view.table, Qt.Key_Return)
    assert window.centre_tabs.currentIndex() == 0
    assert window.letter.name == L004
    assert window.reader.textCursor().selectedText() == "luchtverdediging"
    assert window.reader.hasFocus()


def test_a_note_is_edited_in_place_and_undone(qtbot: Any, make_window: Any, library: Any) -> None:
    window, parent, _ = _tagged_window(make_window, library)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    _check_theme_with_space(qtbot, window, parent.id)
    view = window.passages_view
    row = next(i for i, r in enumerate(view.visible_rows()) if r.letter_name == L004)
    annotation_id = view.visible_rows()[row].annotation_id
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, view.model.NOTE))
    qtbot.keyClick(view.table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view.table
    editor.selectAll()
    type_text(editor, "SBAMD-tekort € 1,1 mld")
    qtbot.keyClick(editor, Qt.Key_Return)  # the delegate commits from the event loop
    qtbot.waitUntil(lambda: library.get_annotation(annotation_id).note == "SBAMD-tekort € 1,1 mld", timeout=10_000)
    qtbot.waitUntil(lambda: any(r.note == "SBAMD-tekort € 1,1 mld" for r in view.visible_rows()), timeout=10_000)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert library.get_annotation(annotation_id).note == "eerst"


def test_the_matrix_counts_and_a_cell_filters_to_one_letter(qtbot: Any, make_window: Any, library: Any) -> None:
    window, parent, child = _tagged_window(make_window, library)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    view = window.passages_view
    view.tabs.setCurrentWidget(view.matrix)
    matrix = view.matrix_model
    row = matrix.themes.index(next(t for t in matrix.themes if t.id == parent.id))
    column = next(i for i, s in enumerate(matrix.letters) if s.name == L001)
    assert matrix.data(matrix.index(row, column)) == "1"  # one passage, tagged with the theme and its sub-theme
    view.matrix.setFocus()
    view.matrix.setCurrentIndex(matrix.index(row, column))
    qtbot.keyClick(view.matrix, Qt.Key_Return)
    assert view.tabs.currentIndex() == 0
    assert [r.letter_name for r in view.visible_rows()] == [L001]
    assert view.letter_label.isVisible()
    view.clear_letter.click()
    assert len(view.visible_rows()) == 3


def test_export_opens_the_dialog_for_the_checked_themes(qtbot: Any, make_window: Any, library: Any) -> None:
    window, parent, child = _tagged_window(make_window, library)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    _check_theme_with_space(qtbot, window, parent.id)
    window.passages_view.export_button.click()
    dialog = window.export_dialog
    assert dialog.isVisible() and dialog.checked_themes() == [parent.id]
    assert dialog.letters.currentData() == "library"
    dialog.reject()


def test_a_new_annotation_shows_up_in_the_open_view(qtbot: Any, make_window: Any, library: Any) -> None:
    window, parent, _ = _tagged_window(make_window, library)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    _check_theme_with_space(qtbot, window, parent.id)
    letter = library.get_letter(L004)
    start = letter.text.index("NAVO")
    window.controller.add_annotation(letter.id, start, start + 4, (parent.id,))
    qtbot.waitUntil(lambda: len(window.passages_view.visible_rows()) == 4, timeout=10_000)


def test_many_passages_load_once_and_only_rows_in_sight_are_measured(qtbot: Any, make_window: Any, library: Any) -> None:
    """Checking several themes at once loads the rows once; of hundreds of passages only the rows in
    sight get their height measured (measuring all read every cell: a minute for 5,000 passages), and
    a row scrolled into sight is measured then."""
    themes = [t.id for t in library.list_themes()]
    text = library.get_letter(L003).text
    words = [m for m in range(0, len(text) - 400, 7)][:300]
    for n, start in enumerate(words):
        end = start + (350 if n % 2 else 20)  # long passages wrap, short ones do not
        library.annotate(L003, start, end, [themes[n % len(themes)]])
    window = make_window(library)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    view = window.passages_view
    loads: list[int] = []
    view.model.modelReset.connect(lambda: loads.append(view.model.rowCount()))
    view.show_themes(themes)
    assert loads == [300]  # one load for all the themes checked
    table = view.table
    QApplication.processEvents()
    default = table.verticalHeader().defaultSectionSize()
    in_sight = [r for r in range(300) if table.rowViewportPosition(r) < table.viewport().height()]
    assert in_sight and len(in_sight) < 300
    rows = view.visible_rows()
    long_row = next(r for r in in_sight if len(rows[r].quote) > 200)
    short_row = next(r for r in in_sight if len(rows[r].quote) < 40)
    assert table.rowHeight(long_row) > table.rowHeight(short_row)  # fitted to their text
    assert table.rowHeight(299) == default  # far out of sight: not measured yet
    table.scrollToBottom()  # rows scrolled into sight are measured then
    first = table.rowAt(0)
    assert first > 250
    near = [first, first + 1]
    qtbot.waitUntil(lambda: all(table.rowHeight(r) == table.sizeHintForRow(r) for r in near))
    assert max(table.rowHeight(r) for r in near) > default  # the long one of the two grew to its text
