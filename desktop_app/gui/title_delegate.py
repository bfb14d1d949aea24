"""The letter list's title column: look-alike titles keep the end that tells them apart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate


class TitleDelegate(QStyledItemDelegate):
    """The letter list's titles. A title told apart from look-alikes ("Geannoteerde agenda … 13
    februari 2025", core.titles) that does not fit keeps its distinguishing end and shortens its
    start ("Geannoteerde ag… 13 februari 2025"): cut at the right, three look-alike letters all
    showed "Geannoteerde a…" in a narrow list. Other titles are cut at the right as before."""

    def initStyleOption(self, option: Any, index: Any) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        option.text = fitted_title(option.text, option.fontMetrics, option.rect.width() - _text_margins(option))


def _text_margins(option: Any) -> int:
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    return 2 * (style.pixelMetric(QStyle.PM_FocusFrameHMargin, None, widget) + 1) + 2


def fitted_title(text: str, metrics: Any, width: int) -> str:
    """``text`` as it fits in ``width`` pixels: a title with a distinguishing end (" … ") shortens its
    start first, then its end; any other text is left to the view's own eliding (at the right)."""
    head, separator, tail = text.partition(" … ")
    if not separator or width <= 0 or metrics.horizontalAdvance(text) <= width:
        return text
    room = width - metrics.horizontalAdvance(" " + tail)
    if room >= metrics.horizontalAdvance("Ge…"):
        return metrics.elidedText(head + " ", Qt.ElideRight, room) + " " + tail
    return metrics.elidedText("… " + tail, Qt.ElideRight, width)
