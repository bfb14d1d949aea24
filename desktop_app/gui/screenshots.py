"""``--screenshots DIR``: drive the real window through the main views and dialogs and save PNGs.

Used by the screenshot test (under Xvfb) and for documentation. It adds example annotations, letters
(and a few broken files it makes in DIR/_import) to the library it is given, so point it at a scratch
library. Dialogs are separate windows: they are grabbed from the screen, at their frame.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from desktop_app import paths

QUERY = "luchtverdediging"
PASSAGES = (  # (phrase to find in the letter, theme number 1-9, note)
    ("luchtverdediging", 4, "SBAMD-tekort: raakt de capaciteitsdoelstellingen."),
    ("Minimum Capability Requirements", 1, ""),
    ("geloofwaardige bondgenootschappelijke afschrikking", 5, "Opschaling industrie: volgen in de begroting."),
)


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _wait(app: QApplication, done: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    return done()


def _grab_screen(area: QRect, path: Path) -> None:
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(str(path))


def _save(app: QApplication, window: Any, path: Path, *, whole_screen: bool = False) -> None:
    _settle(app)
    if whole_screen:  # tooltips are separate windows: grab the screen area of the main window
        _grab_screen(window.frameGeometry(), path)
    else:
        window.grab().save(str(path))


def _save_dialog(app: QApplication, dialog: QWidget | None, path: Path, saved: list[Path]) -> None:
    """Grab a dialog (a window of its own) from the screen, then close it."""
    if dialog is None:
        return
    _wait(app, dialog.isVisible, 5)
    _settle(app, 0.4)
    _grab_screen(dialog.frameGeometry(), path)
    saved.append(path)
    dialog.close()
    _settle(app, 0.1)


def _sentence_span(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.lower().find(phrase.lower())
    if at < 0:
        return None
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(".", at + len(phrase))
    return start, (end + 1 if end > 0 else len(text))


def take_screenshots(app: QApplication, window: Any, out: Path, size: tuple[int, int] = (1440, 900)) -> list[Path]:
    """Screenshots of the main views and dialogs into ``out``, the window at ``size`` (a laptop's
    1366x768 or a desktop's 1920x1080 to check the layout)."""
    out.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    window.show()
    window.raise_()
    window.activateWindow()
    _settle(app, 0.8)
    if window.letter_model.rowCount():
        window.open_letter(window.letter_model.rows[0].id, record=False)
    saved: list[Path] = []

    # 1. the search results
    window.search_edit.setText(QUERY)
    window.run_search()
    deadline = time.monotonic() + 30
    while window.last_search is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    saved.append(out / "search_results.png")
    _save(app, window, saved[-1])

    # 2. open the first hit at the passage, with three passages tagged in three theme colours
    first = window.results_model.index(0, 0, window.results_model.index(0, 0))
    if first.isValid():
        window.results_view.setCurrentIndex(first)
        window._on_results_view_activated(first)  # noqa: SLF001
    letter = window.letter
    overlap = None
    if letter is not None and not window.library.list_annotations(letter.id):
        for phrase, number, note in PASSAGES:
            span = _sentence_span(letter.text, phrase)
            theme = window.controller.theme_for_key(number)
            if span and theme:
                window.controller.add_annotation(letter.id, span[0], span[1], (theme.id,), note)
        overlap = _sentence_span(letter.text, PASSAGES[1][0])
        theme = window.controller.theme_for_key(6)
        if overlap and theme:  # an overlapping passage: the blend and underline show it
            window.controller.add_annotation(letter.id, overlap[0] + 60, overlap[1] + 90, (theme.id,))
    if letter is not None:
        hit = window.reader.search_spans[:1]
        window.reader.go_to_offset(hit[0][0] if hit else 0)
        cursor = window.reader.textCursor()
        cursor.clearSelection()
        window.reader.setTextCursor(cursor)
    saved.append(out / "letter_with_highlights.png")
    _save(app, window, saved[-1])

    # 2b. passages of two themes overlapping: both stay readable (stacked underlines, margin bars)
    if letter is not None and overlap is not None:
        window.reader.go_to_offset(overlap[0] + 60)
        saved.append(out / "overlapping_themes.png")
        _save(app, window, saved[-1])

    # 3. the main window with a letter open from the list (no search)
    window.search_edit.clear()
    if letter is not None:
        window.reader.set_search_spans([])
        window.reader.moveCursor(QTextCursor.Start)
    saved.append(out / "main_window.png")
    _save(app, window, saved[-1])

    # 3b. find in this letter: every match marked, the current one strongest, a count
    if letter is not None:
        window.reader.setFocus()
        window.find_bar.open("NAVO")
        window.find_bar.find_next()
        _settle(app)
        saved.append(out / "find_in_letter.png")
        _save(app, window, saved[-1])
        window.find_bar.close_bar()

    # 3c. passages by theme across letters (the tagged passages above), and the matrix
    tagged = [t for t in window.controller.themes if t.parent_id is None][:2]
    if tagged:
        window._on_passages_triggered()  # noqa: SLF001 - as Ctrl+5
        window.passages_view.show_themes([t.id for t in tagged])
        _settle(app)
        saved.append(out / "theme_passages.png")
        _save(app, window, saved[-1])
        window.passages_view.tabs.setCurrentWidget(window.passages_view.matrix)
        _settle(app)
        saved.append(out / "theme_matrix.png")
        _save(app, window, saved[-1])
        window.passages_view.tabs.setCurrentIndex(0)
        window.centre_tabs.setCurrentIndex(0)

    # 4. a footnote tooltip
    if letter is not None:
        footnote = next((f for f in letter.footnotes if f.marker), None)
        if footnote is not None:
            reader = window.reader
            position = reader.layout_info.body_to_doc(footnote.marker[0])
            reader.go_to_position(position)
            _settle(app)
            cursor = QTextCursor(reader.document())
            cursor.setPosition(position)
            rect = reader.cursorRect(cursor)
            cursor.setPosition(position + 1)
            right = reader.cursorRect(cursor).x()  # the middle of the marker's glyph, however narrow
            point = QPoint((rect.x() + max(right, rect.x() + 2)) // 2, rect.center().y())
            viewport = reader.viewport()
            QApplication.sendEvent(viewport, QHelpEvent(QEvent.ToolTip, point, viewport.mapToGlobal(point)))
            _settle(app, 0.6)
            if QToolTip.isVisible():
                saved.append(out / "footnote_tooltip.png")
                _save(app, window, saved[-1], whole_screen=True)
    # 5. a letter without a subject (named by a title from its text), at a footnote marker in the body
    untitled = [row.id for row in window.letter_model.rows if row.title_derived]
    if untitled:  # the one with the most footnotes
        window.open_letter(max(untitled, key=lambda i: len(window.library.get_letter(i).footnotes)), record=False)
        notes = [f for f in window.letter.footnotes if f.marker] if window.letter is not None else []
        if notes:
            window.reader.go_to_offset(notes[-2 if len(notes) > 1 else 0].marker[0])
        saved.append(out / "letter_without_subject.png")
        _save(app, window, saved[-1])
    take_dialog_screenshots(app, window, out, saved)
    for path in saved:
        print(f"screenshot: {path}")
    return saved


# New letters made from the seed letters: another meeting, so another date and subject.
VARIANTS = (  # (seed number, file name, {old: new})
    (4, "brief_dmm_april.txt", {"31 januari 2025": "20 maart 2025", "13 februari": "3 april"}),
    (3, "brief_dmm_december.txt", {"3 oktober 2024": "28 november 2024", "17 en 18 oktober": "12 en 13 december"}),
    (1, "brief_dmm_september.txt", {"21 mei 2025": "2 september 2025", "5 juni": "18 september"}),
    (4, "brief_dmm_juni.txt", {"31 januari 2025": "6 juni 2025", "13 februari": "26 juni"}),
)
ORPHAN_LETTER = (1, "brief_dmm_oktober.txt", {"21 mei 2025": "25 september 2025", "5 juni": "9 oktober"})


def _variant_text(seeds: list[Path], variant: tuple[int, str, dict[str, str]]) -> str:
    number, _name, changes = variant
    text = seeds[number].read_text(encoding="utf-8")
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def _variant(seeds: list[Path], folder: Path, variant: tuple[int, str, dict[str, str]], extra: str = "") -> Path:
    path = folder / variant[1]
    path.write_text(_variant_text(seeds, variant) + extra, encoding="utf-8")
    return path


def take_dialog_screenshots(app: QApplication, window: Any, out: Path, saved: list[Path]) -> None:
    """The dialogs and states a policy officer meets besides the main views."""
    seeds = sorted((paths.resources_dir() / "letters").glob("*.txt"))
    incoming = out / "_import"
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir(parents=True)

    # 6. the import summary of a batch with failures: an empty PDF, a text file named .pdf, a PDF
    # cut off after its header, a new letter and a letter already in the library
    (incoming / "leeg.pdf").write_bytes(b"")
    (incoming / "notities.pdf").write_text("Dit is geen PDF maar platte tekst.\n", encoding="utf-8")
    (incoming / "afgebroken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    batch = sorted(incoming.iterdir()) + [
        _variant(seeds, incoming, VARIANTS[0]), seeds[1],
    ]
    window.last_import_report = None
    window.start_import(batch)
    if _wait(app, lambda: window.last_import_report is not None, 60):
        _save_dialog(app, getattr(window, "import_summary", None), out / "import_summary.png", saved)

    # 7. the export dialog: two themes across the letters from 2024 on; then a scope with nothing in it
    window.actions_by_name["export"].trigger()
    dialog = getattr(window, "export_dialog", None)
    if dialog is not None:
        themes = [t for t in (window.controller.theme_for_key(n) for n in (1, 4)) if t is not None]
        dialog.letters.setCurrentIndex(dialog.letters.findData("library"))
        dialog.set_checked_themes([t.id for t in themes])
        dialog.date_from.set_iso("2024-01-01")
        dialog.update_summary()
    _save_dialog(app, dialog, out / "export_dialog.png", saved)
    window.actions_by_name["export"].trigger()
    dialog = getattr(window, "export_dialog", None)
    if dialog is not None:
        dialog.set_checked_themes([window.controller.themes[-1].id])  # the last theme: nothing tagged
        dialog.update_summary()
    _save_dialog(app, dialog, out / "export_dialog_empty.png", saved)

    # 8. a suggested citation (Confirm / Reject) and a missing one
    refs = [r for s in window.letter_model.rows for r in window.controller.references_for(s.id)]
    suggested = max((r for r in refs if r.status == "suggested" and r.suggestions),
                    key=lambda r: r.suggestions[0][1], default=None)  # the likeliest: confirmed below
    if suggested is not None:
        window.open_letter(suggested.letter_id, record=False)
        _save_dialog(app, window.show_citation(suggested), out / "citation_suggested.png", saved)
    missing = next((r for r in refs if r.status == "missing" and r.canonical), None)
    if missing is not None:
        window.open_letter(missing.letter_id, record=False)
        _save_dialog(app, window.show_citation(missing), out / "citation_missing.png", saved)
    _missing_screenshots(app, window, refs, out, saved)

    # 9. the delete-theme warning, for a theme with annotations and sub-themes when there is one
    counts = window.library.theme_counts()
    themes = window.controller.themes
    parents = {t.parent_id for t in themes}
    theme = max(themes, key=lambda t: (counts.get(t.id, 0) > 0, t.id in parents, counts.get(t.id, 0)), default=None)
    if theme is not None:
        window.themes_dock.show()
        window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(theme.id))
        window.actions_by_name["delete_theme"].trigger()
        _save_dialog(app, getattr(window, "delete_theme_box", None), out / "delete_theme.png", saved)

    # 10. Help > Keyboard shortcuts and Help > About
    window.actions_by_name["shortcuts"].trigger()
    _save_dialog(app, getattr(window, "shortcuts_dialog", None), out / "keyboard_shortcuts.png", saved)
    window.actions_by_name["about"].trigger()
    _save_dialog(app, getattr(window, "about_box", None), out / "about.png", saved)

    # 11. an annotation whose passage is gone from a new version of its letter
    original = _variant_text(seeds, ORPHAN_LETTER)
    brief = _variant(seeds, incoming, ORPHAN_LETTER, "\n\nDe minister zegt toe de Kamer voor de zomer te informeren.\n")
    library = window.library
    imported = library.import_paths([brief]).imported
    if imported and themes:
        letter_id = imported[0].id
        orphan = library.annotate_quote(letter_id, "zegt toe de Kamer voor de zomer te informeren", [themes[0].id],
                                        note="Toezegging: in de planning zetten.")
        library.annotate_quote(letter_id, "versterking van de afschrikking en verdediging", [themes[min(2, len(themes) - 1)].id])
        brief.write_text(original + "\n\nDe Kamer wordt na de zomer geïnformeerd.\n", encoding="utf-8")
        library.import_paths([brief])
        window.reload_letters()
        window.open_letter(letter_id, record=False)
        window.annotations_dock.show()
        window.annotations_dock.raise_()
        window.annotations_panel.select_annotation(orphan.id)
        saved.append(out / "orphaned_annotation.png")
        _save(app, window, saved[-1])

    # 12. the References panel of a letter that cites and is cited: confirm the suggestion first
    if suggested is not None:
        window._on_citation_confirmed(suggested.id, suggested.suggestions[0][0])  # noqa: SLF001 - as Confirm does
        window.open_letter(suggested.suggestions[0][0], record=False)
        window.references_dock.show()
        window.references_dock.raise_()
        window.resizeDocks([window.themes_dock, window.references_dock], [300, 700], Qt.Vertical)
        window.references_panel.tree.scrollToBottom()
        saved.append(out / "references_panel.png")
        _save(app, window, saved[-1])

    # 13. a search that finds ten letters (the library now holds ten), several passages in each
    library.import_paths([_variant(seeds, incoming, variant) for variant in VARIANTS[1:]])
    window.reload_letters()
    window.search_edit.setText("NAVO")
    window.last_search = None
    window.run_search()
    if _wait(app, lambda: window.last_search is not None, 30):
        window.results_view.setFocus()
        window.results_view.setCurrentIndex(window.results_model.index(0, 0))
        saved.append(out / "search_ten_letters.png")
        _save(app, window, saved[-1])
    shutil.rmtree(incoming, ignore_errors=True)


def _missing_screenshots(app: QApplication, window: Any, refs: list[Any], out: Path, saved: list[Path]) -> None:
    """The missing-document dialog of an official document (link, Fetch) and View > Missing documents."""
    from desktop_app.core.official import is_fetchable

    fetchable = next((r for r in refs if r.status == "missing" and is_fetchable(r.canonical)), None)
    if fetchable is not None:
        window.open_letter(fetchable.letter_id, record=False)
        _save_dialog(app, window.show_citation(fetchable), out / "missing_document.png", saved)
    window.actions_by_name["missing_documents"].trigger()
    view = window.missing_documents
    if view is not None and _wait(app, lambda: view._loading is None and view.tree.topLevelItemCount() > 0, 30):  # noqa: SLF001
        if fetchable is not None and view.item_of(fetchable.canonical) is not None:
            item = view.item_of(fetchable.canonical)
            view.tree.setCurrentItem(item.child(0) or item)
            item.setSelected(True)
        view.tree.setFocus()
        _save_dialog(app, view, out / "missing_documents.png", saved)


def take_language_screenshot(app: QApplication, window: Any, out: Path, language: str) -> Path:
    """``main_window_<language>.png``: a second main window over the same library, built with the
    interface in ``language`` (``main_window_nl.png``: the Dutch interface), on the letter the first
    one shows; the language installed before is put back afterwards."""
    from desktop_app.gui import i18n
    from desktop_app.gui.controller import LibraryController
    from desktop_app.gui.main_window import MainWindow

    restore = i18n.install(language, app)
    other = None
    try:
        other = MainWindow(LibraryController(window.library), window.settings)
        rows = other.letter_model.rows
        letter_id = window.letter.id if window.letter is not None else (rows[0].id if rows else None)
        if letter_id is not None:
            other.open_letter(letter_id, record=False)
        other.setGeometry(window.geometry())
        other.show()
        path = out / f"main_window_{language}.png"
        _save(app, other, path)
        print(f"screenshot: {path}")
        return path
    finally:
        if other is not None:
            other.close()
            other.deleteLater()
        restore()
