"""``--screenshots DIR``: drive the real window through the main views and save PNGs.

Used by the screenshot test (under Xvfb) and for documentation. It adds example annotations to the
library it is given, so point it at a scratch library.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QGuiApplication, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

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


def _save(app: QApplication, window: Any, path: Path, *, whole_screen: bool = False) -> None:
    _settle(app)
    if whole_screen:  # tooltips are separate windows: grab the screen area of the main window
        screen = QGuiApplication.primaryScreen()
        geometry = window.frameGeometry()
        pixmap = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
    else:
        pixmap = window.grab()
    pixmap.save(str(path))


def _sentence_span(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.lower().find(phrase.lower())
    if at < 0:
        return None
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(".", at + len(phrase))
    return start, (end + 1 if end > 0 else len(text))


def take_screenshots(app: QApplication, window: Any, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1440, 900)
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

    # 3. the main window with a letter open from the list (no search)
    window.search_edit.clear()
    if letter is not None:
        window.reader.set_search_spans([])
        window.reader.moveCursor(QTextCursor.Start)
    saved.append(out / "main_window.png")
    _save(app, window, saved[-1])

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
    for path in saved:
        print(f"screenshot: {path}")
    return saved
