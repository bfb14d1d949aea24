"""Small helpers for driving the GUI like a person would."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` with key events that carry the text itself. (qtbot.keyClicks aborts the process
    on non-ASCII characters, so it is never used for Dutch text.)"""
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else (Qt.Key_Space if ch == " " else Qt.Key_unknown)
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, ch))


def point_of(reader: Any, position: int) -> QPoint:
    """Viewport point in the middle of the character at document ``position``."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    left = reader.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = reader.cursorRect(cursor)
    x = (left.x() + right.x()) // 2 if right.y() == left.y() and right.x() > left.x() else left.x() + 2
    return QPoint(x, left.center().y())


def hover(reader: Any, position: int) -> str:
    """Send a tooltip request at a document position; return the tooltip as plain text ('' if none)."""
    reader.go_to_position(position, centre=True)
    QApplication.processEvents()
    point = point_of(reader, position)
    viewport = reader.viewport()
    event = QHelpEvent(QEvent.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()
    if not QToolTip.isVisible():
        return ""
    return html_to_text(QToolTip.text())


def html_to_text(markup: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(markup).toPlainText()


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence containing [start, end): from after the previous '. ' to the next '.' inclusive."""
    before = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    s = before + 2 if before >= 0 and text[before] == "." else before + 1
    match = re.compile(r"\.(\s|$)").search(text, end)
    e = match.start() + 1 if match else len(text)
    return s, e
