"""Find in this letter: a bar under the reader (Ctrl+F), next/previous with Enter, F3, Shift+F3,
a match count, Escape closes it. Matching ignores case, accents and white space
(:mod:`desktop_app.core.textfind`); matches cover the letter as shown, body and footnotes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop_app.gui.reader import ReaderView


class FindBar(QWidget):
    """Finds in the reader it is given; hidden until :meth:`open` is called."""

    closed = Signal()

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.reader = reader
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self.edit = QLineEdit(self)
        self.edit.setObjectName("find_edit")
        self.edit.setPlaceholderText(self.tr("Find in this letter"))
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("find_count")
        self.count_label.setTextFormat(Qt.PlainText)
        self.count_label.setMinimumWidth(90)
        self.previous_button = self._button("▲", self.tr("Previous match (Shift+F3)"), self.find_previous)
        self.next_button = self._button("▼", self.tr("Next match (F3, Enter)"), self.find_next)
        close = self._button("✕", self.tr("Close (Escape)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.setSpacing(6)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(close)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.installEventFilter(self)
        self.hide()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- what the window calls ---------------------------------------------------------------------
    def open(self, text: str = "") -> None:
        """Show the bar with the focus in its field (``text``, e.g. the reader's selection, first)."""
        self.show()
        if text:
            self.edit.setText(text)
        self.edit.setFocus(Qt.ShortcutFocusReason)
        self.edit.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.spans, self.current = [], -1
        self.reader.set_find_matches([])
        self.reader.setFocus(Qt.OtherFocusReason)
        self.closed.emit()

    def refresh(self) -> None:
        """Find again (a new letter is shown, or the text changed); the first match after the cursor
        becomes the current one."""
        if not self.isVisible():
            return
        query = self.edit.text()
        self.spans = self.reader.find_text(query) if query.strip() else []
        cursor = self.reader.textCursor().selectionStart()
        self.current = next((n for n, (start, _) in enumerate(self.spans) if start >= cursor), 0) if self.spans else -1
        self._show()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    # -- internals ---------------------------------------------------------------------------------
    def _step(self, direction: int) -> None:
        if not self.spans:
            self.refresh()
            if not self.spans:
                return
        else:
            self.current = (self.current + direction) % len(self.spans)
        self._show()

    def _show(self) -> None:
        self.reader.set_find_matches(self.spans, self.current)
        query = self.edit.text().strip()
        if not query:
            self.count_label.setText("")
        elif not self.spans:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(self.tr("{number} of {total}").format(number=self.current + 1, total=len(self.spans)))
        self.edit.setProperty("notfound", bool(query) and not self.spans)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    def _on_edit_text_changed(self, _text: str) -> None:
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.KeyPress:
            if event.key() == Qt.Key_Escape:
                self.close_bar()
                return True
            if event.key() == Qt.Key_Return and event.modifiers() & Qt.ShiftModifier:
                self.find_previous()
                return True
        return super().eventFilter(watched, event)
