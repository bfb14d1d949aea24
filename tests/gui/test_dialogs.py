"""The dialogs a policy officer meets: each opens without blocking, fits a 1366x768 screen, has the
keyboard focus where the work is, the right default button (Enter) and closes with Escape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QMessageBox, QPushButton, QWidget

from desktop_app.gui.dialogs import ImportSummaryDialog, ShortcutsDialog
from desktop_app.gui.export_dialog import ExportDialog
from desktop_app.gui.models import HTML_ROLE
from tests.gui.helpers import html_to_text

LAPTOP = QSize(1366, 768 - 40)  # a common small screen, less a task bar


def _shown(qtbot: Any, dialog: QWidget) -> QWidget:
    qtbot.waitUntil(dialog.isVisible)
    QApplication.processEvents()
    return dialog


def _fits(dialog: QWidget) -> None:
    frame = dialog.frameGeometry().size()
    assert frame.width() <= LAPTOP.width() and frame.height() <= LAPTOP.height(), frame
    available = (dialog.screen() or QApplication.primaryScreen()).availableGeometry()
    assert available.contains(dialog.frameGeometry()) or frame.boundedTo(available.size()) == frame
    assert dialog.width() >= dialog.minimumSizeHint().width()


def _default_button(dialog: QWidget) -> QPushButton:
    if isinstance(dialog, QMessageBox):
        return dialog.defaultButton()
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    return button


def _escape_closes(qtbot: Any, dialog: QWidget) -> None:
    QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_import_summary_names_failed_files_and_closes_with_enter(
    qtbot: Any, window: Any, tmp_path: Path, seed_files: list[Path]
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "leeg.pdf").write_bytes(b"")
    (batch / "notities.pdf").write_text("Geen PDF maar tekst.\n", encoding="utf-8")
    letter = batch / "brief.txt"
    letter.write_text(seed_files[2].read_text(encoding="utf-8") + "\n\nKenmerk BS2025-777\n", encoding="utf-8")
    handle = window.start_import([batch / "leeg.pdf", batch / "notities.pdf", letter, seed_files[0]])
    with qtbot.waitSignal(handle.finished, timeout=120_000):
        pass
    dialog = _shown(qtbot, window.findChild(ImportSummaryDialog))
    text = dialog.text.toPlainText()
    assert "1 imported · 1 already in the library · 2 failed" in text
    assert "leeg.pdf: empty file" in text
    assert str(batch) not in text  # the file's name, not its whole path
    assert "updated" not in text  # no "0 updated"
    assert window.statusBar().currentMessage() == "Import: 1 imported, 1 already in the library, 2 failed."
    _fits(dialog)
    assert _default_button(dialog) is dialog.close_button
    assert dialog.close_button.hasFocus()
    QTest.keyClick(dialog.close_button, Qt.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_export_dialog_keyboard(qtbot: Any, window: Any, library: Any) -> None:
    window.open_letter(library.list_letters()[0].id)
    window.actions_by_name["export"].trigger()
    dialog = _shown(qtbot, window.findChild(ExportDialog))
    _fits(dialog)
    assert dialog.letters.hasFocus()
    assert _default_button(dialog) is dialog.export_button
    assert [dialog.group_by.itemData(i) for i in range(dialog.group_by.count())] == ["theme", "letter"]
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["English", "Nederlands"]
    form = dialog.findChild(QFormLayout)
    labels = [form.itemAt(row, QFormLayout.LabelRole).widget() for row in range(form.rowCount())
              if form.itemAt(row, QFormLayout.LabelRole) is not None]
    labelled = [label for label in labels if isinstance(label, QLabel) and label.text()]
    labelled += [label for label in dialog.findChildren(QLabel) if label.text() == "&until:"]
    assert len(labelled) == 10  # with Author
    for label in labelled:  # Alt+letter reaches every field
        assert "&" in label.text() and label.buddy() is not None, label.text()
    buttons = (dialog.with_originals, dialog.compact, dialog.open_when_done, dialog.browse_button, dialog.export_button)
    keys = [w.text()[w.text().index("&") + 1].lower() for w in (*labelled, *buttons)]
    assert len(set(keys)) == len(keys), keys
    assert "sub-themes" in next(label.text() for label in labelled if label.buddy() is dialog.themes)
    for edit in (dialog.date_from, dialog.date_to):  # says what happens to letters without a date
        assert "letters without a date are left out" in edit.toolTip()
    dialog.date_from.setFocus()
    QTest.keyClick(dialog.date_from, Qt.Key_Up)  # from "any": the earliest letter's date
    assert dialog.date_from.iso() == min(s.date for s in library.list_letters() if s.date)
    QTest.keyClick(dialog.date_from, Qt.Key_Delete)
    assert dialog.date_from.iso() is None and dialog.date_from.text() == "any"
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    _escape_closes(qtbot, dialog)
    assert not accepted and window.last_export is None


def _refs(library: Any, status: str) -> list[Any]:
    return [r for s in library.list_letters() for r in library.references.refs_for(s.id) if r.status == status]


def test_suggested_citation_focus_on_candidates_enter_confirms(qtbot: Any, window: Any, library: Any) -> None:
    ref = max(_refs(library, "suggested"), key=lambda r: r.suggestions[0][1])
    window.open_letter(ref.letter_id)
    dialog = _shown(qtbot, window.show_citation(ref))
    _fits(dialog)
    assert dialog.candidates.hasFocus()
    assert _default_button(dialog) is dialog.confirm_button
    for button in (dialog.confirm_button, dialog.reject_button, dialog.open_button):
        assert "&" in button.text()
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Kind:" in shown and "Kamerstuk" in shown and "Ondernummer:" in shown
    assert not [t for t in shown if "_" in t.split(":")[0]]  # no raw field names (also_dossiers)
    candidate = html_to_text(dialog.candidates.item(0).data(HTML_ROLE))
    assert "Words in common:" in candidate and "shares" not in candidate
    # the candidate's text wraps: the list is never wider than the dialog (no hidden text)
    assert dialog.candidates.horizontalScrollBar().maximum() == 0
    QTest.keyClick(dialog.candidates, Qt.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert library.references.get(ref.id).status == "confirmed"


def test_missing_citation_says_so_and_escape_closes(qtbot: Any, window: Any, library: Any) -> None:
    ref = next(r for r in _refs(library, "missing") if r.canonical)
    window.open_letter(ref.letter_id)
    dialog = _shown(qtbot, window.show_citation(ref))
    _fits(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Not in your library: fetch it from the official source" in t for t in texts)
    address = dialog.findChild(QLabel, "official_address")  # where the missing document is published
    assert f'href="https://zoek.officielebekendmakingen.nl/{ref.canonical}"' in address.text()
    assert address.openExternalLinks()
    assert not dialog.confirm_button.isVisible() and not dialog.candidates.isVisible()
    # an official id: Enter fetches it (tests/gui/test_missing.py), Escape closes
    assert _default_button(dialog) is dialog.fetch_button and dialog.fetch_button.hasFocus()
    _escape_closes(qtbot, dialog)
    assert library.references.get(ref.id).status == "missing"


def _theme_with_children(library: Any) -> Any:
    themes = library.list_themes()
    return next(t for t in themes if any(c.parent_id == t.id for c in themes))


def test_delete_theme_asks_without_blocking_and_cancel_is_the_default(qtbot: Any, window: Any, library: Any) -> None:
    theme = _theme_with_children(library)
    library.annotate(library.list_letters()[0].id, 0, 20, [theme.id])
    window.controller.themes_touched(annotations=True)
    window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(theme.id))
    window.actions_by_name["delete_theme"].trigger()  # open(), not exec(): the conftest fails exec()
    box = _shown(qtbot, window.delete_theme_box)
    _fits(box)
    assert box.windowModality() != Qt.ApplicationModal
    assert box.defaultButton() is box.button(QMessageBox.Cancel)
    text = box.text() + "\n" + box.informativeText()
    assert f"Delete the theme “{theme.name}”?" in text
    assert "1 annotation uses it." in text
    children = [t.name for t in library.list_themes() if t.parent_id == theme.id]
    assert f"Its {len(children)} sub-themes (“{children[0]}”" in text and "to the top level" in text
    QTest.keyClick(box, Qt.Key_Return)  # Enter cancels
    qtbot.waitUntil(lambda: not box.isVisible())
    assert theme.id in {t.id for t in library.list_themes()}


def test_help_dialogs_fit_and_close_with_escape(qtbot: Any, window: Any) -> None:
    window.actions_by_name["shortcuts"].trigger()
    dialog = _shown(qtbot, window.findChild(ShortcutsDialog))
    _fits(dialog)
    room = dialog.screen().availableGeometry().height() - 48
    if dialog.height() < room:  # tall enough for the whole list: nothing to scroll
        assert dialog.text.verticalScrollBar().maximum() == 0
    assert _default_button(dialog) is dialog.close_button
    _escape_closes(qtbot, dialog)

    box = _shown(qtbot, window._on_about_triggered())  # noqa: SLF001 - Help > About
    _fits(box)
    assert box.defaultButton() is box.button(QMessageBox.Close)
    _escape_closes(qtbot, box)


def test_references_panel_shows_status_and_where_without_eliding(window: Any, library: Any) -> None:
    ref = max(_refs(library, "suggested"), key=lambda r: r.suggestions[0][1])
    target = ref.suggestions[0][0]
    library.references.confirm(ref.id, target)
    window.open_letter(target)
    window.references_dock.raise_()
    QApplication.processEvents()
    panel = window.references_panel
    cites = [html_to_text(panel.cites.child(i).data(0, HTML_ROLE)) for i in range(panel.cites.childCount())]
    assert cites and all(" · in the text" in c or " · in footnote " in c for c in cites)  # status · where
    assert any("in footnote" in c for c in cites)
    cited_by = [html_to_text(panel.cited_by.child(i).data(0, HTML_ROLE)) for i in range(panel.cited_by.childCount())]
    assert any(f"as “{' '.join(ref.raw.split())}”" in c for c in cited_by)
    assert panel.tree.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("cls", [QDialog, QMessageBox, ShortcutsDialog])
def test_an_unexpected_blocking_dialog_fails_fast(cls: Any) -> None:
    with pytest.raises(AssertionError, match="unexpected blocking dialog"):  # conftest patches exec()
        cls().exec()


def test_letter_header_facts_are_capitalised_and_keep_their_numbers_together(window: Any, library: Any) -> None:
    letter = next(s for s in library.list_letters() if s.source_file.startswith("001"))
    window.open_letter(letter.id)
    facts = window.meta_label.text().split("  ·  ")
    assert "Geannoteerde agenda" in facts and "Eerste Kamer" in facts
    assert f"{library.get_letter(letter.id).pages}\u00a0pages" in facts  # "3 pages" is never broken over two lines


def test_a_snippet_from_the_start_of_a_field_has_no_leading_ellipsis(window: Any, library: Any) -> None:
    from desktop_app.gui.models import fragment_html

    results = library.search("Geannoteerde agenda")
    fragments = [f for hit in results.hits for f in hit.fragments]
    subject = next(f for f in fragments if f.field == "subject" and f.start == 0)
    assert html_to_text(fragment_html(subject)).startswith("Subject: Geannoteerde")
    inside = next(f for f in fragments if f.field == "body" and f.start > 0)
    assert html_to_text(fragment_html(inside)).startswith("…")


def test_missing_citation_fetch_button_brings_the_letter(
    qtbot: Any, window: Any, library: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A missing official document: Fetch downloads it (from the local replay of the official source) on
    the worker thread, imports it and the citation now points at it."""
    from tests.officialserver import ReplayServer

    letter = tmp_path / "brief.txt"
    letter.write_text("Geachte voorzitter,\n\nDe motie (Kamerstuk 32 545, nr. 143) vraagt om een grens.\n",
                      encoding="utf-8")
    library.import_paths([letter])
    ref = next(r for r in library.references.refs_for(library.get_letter("brief")) if r.canonical == "kst-32545-143")
    assert ref.status in ("missing", "suggested")
    with ReplayServer() as server:
        monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", server.base)
        window.reload_letters()
        window.open_letter(ref.letter_id)
        dialog = _shown(qtbot, window.show_citation(ref))
        assert dialog.fetch_button.isVisible() and "&" in dialog.fetch_button.text()
        dialog.fetch_button.click()
        qtbot.waitUntil(lambda: window.last_fetch is not None, timeout=60_000)
    assert window.last_fetch.ok and [i for i, _ in window.last_fetch.fetched] == ["kst-32545-143"]
    fetched = library.get_letter("kst-32545-143")
    assert library.references.get(ref.id).target_letter_id == fetched.id
    assert window.letter.id == fetched.id  # the fetched letter is open


def test_fetch_button_only_for_official_ids(qtbot: Any, window: Any, library: Any) -> None:
    ref = next(r for r in _refs(library, "external"))
    dialog = _shown(qtbot, window.show_citation(ref))
    assert not dialog.fetch_button.isVisible()
    _escape_closes(qtbot, dialog)
