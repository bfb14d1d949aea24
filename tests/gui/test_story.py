"""The policy officer's story, end to end, on a real Library with the bundled letters.

Open Kamerlezer, see the letters, search "luchtverdediging", open a hit at the passage, select a
sentence, tag it with theme 3 by pressing 3 (and 4 adds a second theme), write a note, undo/redo,
hover a footnote marker, see a missing citation, go to a letter that cites this one, follow its
citation back here and go Back, restart and find it
all still there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.core.services import Library
from desktop_app.gui.dialogs import CitationDialog

from .helpers import hover, point_of, sentence_around, type_text

QUERY = "luchtverdediging"


def _letters_containing(seed_files: list[Path], word: str) -> set[str]:
    """Letters with the word itself (search is by word: a compound such as
    "luchtverdedigingsoefening" is another word)."""
    pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
    return {p.stem for p in seed_files if pattern.search(p.read_text(encoding="utf-8"))}


def test_story(qtbot: Any, make_window: Any, library_dir: Path, seed_files: list[Path], settings: Any) -> None:
    library = Library.open(library_dir)
    window = make_window(library)

    # 1. The bundled letters are listed.
    names = {window.letter_model.summary(r).name for r in range(window.letter_model.rowCount())}
    assert names == {p.stem for p in seed_files}

    # 2. Ctrl+F, type the query: results appear (debounced, from the worker).
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert window.search_edit.hasFocus()
    qtbot.keyClicks(window.search_edit, QUERY)  # ASCII only
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0, timeout=15_000)
    hits = window.results_model.hits
    by_id = {s.id: s.name for s in window.letter_model.rows}
    assert {by_id[h.letter_id] for h in hits} == _letters_containing(seed_files, QUERY)
    assert all(h.match_count >= 1 for h in hits)

    # 3. Open a hit at the passage (keyboard: a snippet row, Enter).
    hit_row = 0
    parent = window.results_model.index(hit_row, 0)
    snippet = window.results_model.index(0, 0, parent)
    fragment = window.results_model.fragment(snippet)
    assert fragment is not None and fragment.field == "body"
    window.results_view.setFocus()
    window.results_view.setCurrentIndex(snippet)
    qtbot.keyClick(window.results_view, Qt.Key_Return)
    letter = window.letter
    assert letter is not None and letter.id == hits[hit_row].letter_id
    start, end = sorted(fragment.highlights)[0]
    assert letter.text[start:end].lower().startswith("luchtverdediging")
    assert window.reader.selected_span() == (start, end)
    cursor_rect = window.reader.cursorRect()
    assert window.reader.viewport().rect().contains(cursor_rect.center())  # scrolled to the hit
    assert (start, end) in window.reader.search_spans
    assert window.reader.hasFocus()

    # 4. Select the sentence and press 3: an annotation with the third theme.
    themes = window.controller.themes
    sentence = sentence_around(letter.text, start, end)
    window.reader.select_span(*sentence)
    expected_span = window.reader.selected_span()
    assert expected_span is not None
    qtbot.keyClick(window.reader, Qt.Key_3)
    (annotation,) = library.list_annotations(letter.id)
    assert (annotation.start, annotation.end) == expected_span
    assert annotation.quote == letter.text[annotation.start : annotation.end]
    assert annotation.theme_ids == (themes[2].id,)

    # 5. Pressing 4 on the same selection adds the fourth theme; undo/redo walk it back and forth.
    qtbot.keyClick(window.reader, Qt.Key_4)
    assert library.get_annotation(annotation.id).theme_ids == (themes[2].id, themes[3].id)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert library.get_annotation(annotation.id).theme_ids == (themes[2].id,)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert library.list_annotations(letter.id) == []
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    (annotation,) = library.list_annotations(letter.id)
    assert annotation.theme_ids == (themes[2].id, themes[3].id)
    assert window.annotations_panel.model.rowCount() == 1

    # 6. A note: N in the reader goes to the note editor; Escape stores it and returns to the reader.
    window.reader.select_span(annotation.start, annotation.end)
    qtbot.keyClick(window.reader, Qt.Key_N)
    assert window.annotations_panel.note_edit.hasFocus()
    note = "Belangrijk: SBAMD-tekort, zie ook steun aan Oekraïne (€)"
    type_text(window.annotations_panel.note_edit, note)
    qtbot.keyClick(window.annotations_panel.note_edit, Qt.Key_Escape)
    assert library.get_annotation(annotation.id).note == note
    assert window.reader.hasFocus()
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert library.get_annotation(annotation.id).note == ""
    assert window.annotations_panel.note_edit.toPlainText() == ""
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert library.get_annotation(annotation.id).note == note

    # 7. Hovering a footnote marker shows the footnote.
    footnote = next(f for f in letter.footnotes if f.marker)
    marker_position = window.reader.layout_info.body_to_doc(footnote.marker[0])
    assert hover(window.reader, marker_position) == footnote.text

    # 8. A citation of a document that is not in the library says so and shows what was parsed.
    missing = next(r for r in window.controller.references_for(letter.id) if r.status == "missing")
    _click_at(qtbot, window.reader, _ref_position(window.reader, missing) + 2)
    dialog = window.findChild(CitationDialog)
    assert dialog is not None and dialog.isVisible() and dialog.ref.id == missing.id
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert any(label.startswith("Not in your library") for label in labels) and missing.canonical in labels
    dialog.close()
    assert window.letter.id == letter.id
    window.activateWindow()  # a window manager does this when the dialog closes; offscreen does not
    qtbot.waitUntil(window.isActiveWindow)

    # 9. "Cited by" leads to the letter that cites this one; its citation link leads back here,
    #    and Back (Alt+Left) returns to the citing letter, at the citation.
    citing = window.references_panel.cited_by.child(0)
    assert citing is not None
    window.references_panel.tree.setCurrentItem(citing)
    window.references_panel.tree.itemActivated.emit(citing, 0)
    citation = citing.data(0, Qt.UserRole)[1]
    assert window.letter.id == citation.letter_id != letter.id
    citing_letter = window.letter
    ref_position = _ref_position(window.reader, citation)
    _click_at(qtbot, window.reader, ref_position + 2)
    assert window.letter.id == letter.id
    qtbot.keyClick(window, Qt.Key_Left, Qt.AltModifier)
    assert window.letter.id == citing_letter.id
    assert abs(window.reader.textCursor().position() - ref_position) <= len(citation.raw)
    qtbot.keyClick(window, Qt.Key_Right, Qt.AltModifier)
    assert window.letter.id == letter.id
    qtbot.keyClick(window, Qt.Key_Left, Qt.AltModifier)
    qtbot.keyClick(window, Qt.Key_Left, Qt.AltModifier)
    assert window.letter.id == letter.id

    # 10. Restart: a new window on the same folder shows the annotation, its themes and note.
    window.resize(780, 760)  # fits the offscreen screen (800x800), so the geometry restores as is
    QApplication.processEvents()
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total // 3, total - total // 3])
    sizes = window.splitter.sizes()
    window.themes_dock.close()
    window.close()
    library.close()
    library = Library.open(library_dir)
    try:
        again = make_window(library)
        assert again.splitter.sizes()[0] == sizes[0]  # the library pane keeps its width
        assert again.themes_dock.isHidden()
        again.open_letter(letter.id)
        (kept,) = again.annotations_panel.model._rows  # noqa: SLF001
        assert (kept.start, kept.end, kept.theme_ids, kept.note) == (
            annotation.start, annotation.end, (themes[2].id, themes[3].id), note,
        )
        selections = again.reader.extraSelections()
        assert any(s.cursor.selectionStart() == again.reader.layout_info.body_to_doc(kept.start) for s in selections)
    finally:
        library.close()


def _ref_position(reader: Any, ref: Any) -> int:
    layout = reader.layout_info
    if ref.location == "footnote":
        return layout.footnote_to_doc(ref.footnote_number, ref.start)
    return layout.body_to_doc(ref.start)


def _click_at(qtbot: Any, reader: Any, position: int) -> None:
    reader.go_to_position(position, centre=True)
    QApplication.processEvents()
    point: QPoint = point_of(reader, position)
    qtbot.mouseClick(reader.viewport(), Qt.LeftButton, pos=point)
    QApplication.processEvents()


def test_keyboard_only_from_search_to_tagging(qtbot: Any, window: Any, library: Any) -> None:
    """Ctrl+F, type, Down into the results, Enter opens the passage, Shift+End selects, 1 tags it,
    Escape clears the search marks."""
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(window.search_edit, "navo")
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0, timeout=15_000)
    qtbot.keyClick(window.search_edit, Qt.Key_Down)
    assert window.results_view.hasFocus()
    qtbot.keyClick(window.results_view, Qt.Key_Right)  # expand the letter
    qtbot.keyClick(window.results_view, Qt.Key_Down)  # its first snippet
    qtbot.keyClick(window.results_view, Qt.Key_Return)
    assert window.reader.hasFocus() and window.reader.search_spans
    start = window.reader.selected_span()[0]
    cursor = window.reader.textCursor()
    cursor.setPosition(cursor.selectionStart())
    window.reader.setTextCursor(cursor)
    qtbot.keyClick(window.reader, Qt.Key_End, Qt.ShiftModifier)
    span = window.reader.selected_span()
    assert span is not None and span[0] == start
    qtbot.keyClick(window.reader, Qt.Key_1)
    (annotation,) = library.list_annotations(window.letter.id)
    assert (annotation.start, annotation.end) == span
    assert annotation.theme_ids == (window.controller.themes[0].id,)
    qtbot.keyClick(window.reader, Qt.Key_Escape)
    assert window.reader.search_spans == []


def test_every_menu_action_with_a_shortcut_is_listed_in_help(qtbot: Any, window: Any) -> None:
    from desktop_app.gui.dialogs import KEYS, ShortcutsDialog

    qtbot.keyClick(window, Qt.Key_F1)
    assert window.findChild(ShortcutsDialog).isVisible()
    listed = " ".join(k for k, _ in KEYS)
    for name, action in window.actions_by_name.items():
        for sequence in action.shortcuts():
            text = sequence.toString()
            if text and text not in ("F1", "Ctrl+Y", "Back", "Forward"):
                assert text in listed, f"{name}: {text} is not in the shortcuts help"
