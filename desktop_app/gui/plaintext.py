"""Letter, note and theme text is shown as written, never as markup.

Qt guesses: a QLabel, a tooltip or a message box whose text *looks* like HTML (``Qt.mightBeRichText``)
is rendered as rich text, so a subject such as ``<img src="/dev/zero">`` would be loaded as an image
(the GUI hangs reading it), ``<font>`` and ``javascript:`` links would be drawn. Every widget that
carries such text either has the ``Qt.PlainText`` format (:func:`plain_label`) or gets text that
Qt shows as plain: :func:`plain` escapes it into rich text only where Qt would guess rich text
(tooltips, the labels of Qt's own dialogs), so ordinary text stays exactly as it was."""

from __future__ import annotations

import html
from typing import TypeVar

from PySide6.QtGui import Qt  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QLabel, QMessageBox

_Shown = TypeVar("_Shown", QLabel, QMessageBox)


def tooltip_html(text: str) -> str:
    """Plain text as tooltip rich text: escaped (a footnote may contain "<"), wrapped, line breaks kept."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def plain(text: str) -> str:
    """``text`` for a tooltip or a label whose format we do not set: unchanged unless Qt would take it
    for markup; then escaped inside a paragraph, so the characters are shown, not interpreted."""
    return tooltip_html(text) if Qt.mightBeRichText(text) else text


def plain_label(widget: _Shown) -> _Shown:
    """Show the widget's text as plain text, whatever it contains (returns the widget)."""
    widget.setTextFormat(Qt.PlainText)
    return widget
