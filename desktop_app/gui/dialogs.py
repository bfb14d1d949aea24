"""Dialogs: a citation's details (confirm/reject suggestions), the import summary, the export options.

All are opened with ``open()`` (window-modal, non-blocking): the event loop keeps running.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import LetterSummary, Reference
from desktop_app.gui.reader import STATUS_LABELS


class CitationDialog(QDialog):
    """A citation: what was parsed, where it points; for suggestions, the candidates with
    Confirm and Reject."""

    confirmed = Signal(int, int)  # reference id, letter id
    rejected_candidate = Signal(int, int)
    open_requested = Signal(int)  # letter id

    def __init__(self, ref: Reference, describe: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citation_dialog")
        self.setWindowTitle("Citation")
        self.ref = ref
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{html.escape(' '.join(ref.raw.split()))}</b>", self)
        title.setWordWrap(True)
        layout.addWidget(title)
        status_text = STATUS_LABELS.get(ref.status, ref.status)
        if ref.status == "missing":
            status_text += ": import it to follow this citation."
        elif ref.status == "suggested":
            status_text = "Possibly in your library: confirm the right letter, or reject a wrong one."
        status = QLabel(html.escape(status_text), self)
        status.setObjectName("citation_status")
        status.setWordWrap(True)
        layout.addWidget(status)
        form = QFormLayout()
        form.addRow("Kind:", QLabel(ref.kind, self))
        if ref.canonical:
            form.addRow("Identifier:", QLabel(ref.canonical, self))
        for key, value in sorted(ref.fields.items()):
            if value not in (None, "", [], ()):
                form.addRow(f"{key[:1].upper()}{key[1:]}:", QLabel(html.escape(str(value)), self))
        if ref.reason:
            reason = QLabel(html.escape(ref.reason), self)
            reason.setWordWrap(True)
            form.addRow("Why:", reason)
        layout.addLayout(form)
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("candidates")
        self.candidates.setMaximumHeight(140)
        for letter_id, score, reason in ref.suggestions:
            item = QListWidgetItem(f"{describe(letter_id)}\n{reason} (score {score:.2f})")
            item.setData(Qt.UserRole, letter_id)
            self.candidates.addItem(item)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton("Confirm link", self)
        self.reject_button = QPushButton("Not this letter", self)
        self.open_button = QPushButton("Open", self)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        if ref.suggestions and ref.status == "suggested":
            layout.addWidget(QLabel("Candidates in your library:", self))
            layout.addWidget(self.candidates)
            self.candidates.setCurrentRow(0)
            for button in (self.confirm_button, self.reject_button, self.open_button):
                buttons.addWidget(button)
        elif ref.target_letter_id is not None:
            layout.addWidget(QLabel(f"Points to: {html.escape(describe(ref.target_letter_id))}", self))
            self.open_button.setProperty("letter_id", ref.target_letter_id)
            buttons.addWidget(self.open_button)
        for widget in (self.candidates, self.confirm_button, self.reject_button, self.open_button):
            if widget.parentWidget() is self and layout.indexOf(widget) < 0 and buttons.indexOf(widget) < 0:
                widget.hide()  # not used for this citation
        layout.addStretch(1)
        buttons.addStretch(1)
        close = QPushButton("Close", self)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    def _candidate(self) -> int | None:
        item = self.candidates.currentItem()
        if item is not None:
            return int(item.data(Qt.UserRole))
        target = self.open_button.property("letter_id")
        return int(target) if target is not None else None

    def _on_confirm_button_clicked(self) -> None:
        letter_id = self._candidate()
        if letter_id is not None:
            self.confirmed.emit(self.ref.id, letter_id)
            self.accept()

    def _on_reject_button_clicked(self) -> None:
        letter_id = self._candidate()
        if letter_id is not None:
            self.rejected_candidate.emit(self.ref.id, letter_id)
            self.accept()

    def _on_open_button_clicked(self) -> None:
        letter_id = self._candidate()
        if letter_id is not None:
            self.open_requested.emit(letter_id)
            self.accept()


class ImportSummaryDialog(QDialog):
    """What was imported, updated, skipped and what failed (and why)."""

    def __init__(self, report: object, cancelled: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.setWindowTitle("Import finished" if not cancelled else "Import cancelled")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setHtml(import_summary_html(report, cancelled))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)


def import_summary_html(report: object, cancelled: bool) -> str:
    imported = list(getattr(report, "imported", []))
    updated = list(getattr(report, "updated", []))
    skipped = list(getattr(report, "skipped", []))
    failed = list(getattr(report, "failed", []))
    orphaned = list(getattr(report, "orphaned", []))
    parts = []
    if cancelled:
        parts.append("<p><b>The import was cancelled.</b> What was imported before stays in the library.</p>")
    parts.append(
        f"<p>{len(imported)} imported · {len(updated)} updated · {len(skipped)} already in the library"
        f" · <b>{len(failed)} failed</b></p>"
    )

    def section(title: str, items: list[str]) -> None:
        if items:
            parts.append(f"<h4>{html.escape(title)}</h4><ul>")
            parts.extend(f"<li>{html.escape(i)}</li>" for i in items)
            parts.append("</ul>")

    section("Failed", [str(getattr(f, "message", f)) for f in failed])
    section("Imported", [letter.title for letter in imported])
    section("Updated (annotations re-attached)", [letter.title for letter in updated])
    section("Already in the library", [Path(path).name for path, _ in skipped])
    section("Annotations that could not be re-attached (kept, shown as not found)", [a.quote[:80] for a in orphaned])
    return "".join(parts)


class ExportDialog(QDialog):
    """Scope, grouping, format, originals, output path, open when done."""

    SCOPES = (
        ("current", "Current letter"),
        ("selected", "Selected letters"),
        ("themes", "Selected theme"),
        ("library", "Whole library"),
    )

    def __init__(
        self,
        parent: QWidget | None,
        *,
        current_letter: LetterSummary | None,
        selected_letters: list[LetterSummary],
        theme_names: list[tuple[int, str]],
        default_folder: Path,
        formats: tuple[str, ...] = ("pdf", "md", "csv"),
        group_by_choices: tuple[str, ...] = ("theme", "letter"),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export summary")
        self.current_letter = current_letter
        self.selected_letters = selected_letters
        form = QFormLayout()
        self.scope = QComboBox(self)
        for key, label in self.SCOPES:
            self.scope.addItem(label, key)
        self.theme = QComboBox(self)
        for theme_id, name in theme_names:
            self.theme.addItem(name, theme_id)
        self.group_by = QComboBox(self)
        for choice in group_by_choices:
            self.group_by.addItem(f"by {choice}", choice)
        self.format = QComboBox(self)
        labels = {"pdf": "PDF", "md": "Markdown", "csv": "CSV (spreadsheet)"}
        for fmt in formats:
            self.format.addItem(labels.get(fmt, fmt), fmt)
        self.with_originals = QCheckBox("Append the original letters (PDF)", self)
        self.path = QLineEdit(str(default_folder / "kamerlezer-summary.pdf"), self)
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.open_when_done = QCheckBox("Open when done", self)
        self.open_when_done.setChecked(True)
        form.addRow("Export:", self.scope)
        form.addRow("Theme:", self.theme)
        form.addRow("Group:", self.group_by)
        form.addRow("Format:", self.format)
        form.addRow("", self.with_originals)
        form.addRow("Save as:", path_row)
        form.addRow("", self.open_when_done)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        if current_letter is None:
            self.scope.setCurrentIndex(3)
        self._on_scope_changed()

    def _on_scope_changed(self) -> None:
        self.theme.setEnabled(self.scope.currentData() == "themes")

    def _on_format_changed(self) -> None:
        fmt = self.format.currentData()
        self.with_originals.setEnabled(fmt == "pdf")
        path = Path(self.path.text())
        self.path.setText(str(path.with_suffix(f".{fmt}")))

    def _on_browse_clicked(self) -> None:
        fmt = self.format.currentData()
        chosen, _ = QFileDialog.getSaveFileName(self, "Export summary", self.path.text(), f"*.{fmt}")
        if chosen:
            self.path.setText(chosen)

    def scope_arguments(self) -> dict[str, object]:
        """Arguments for ``ExportScope`` from the choices made."""
        kind = self.scope.currentData()
        letters: tuple[int, ...] = ()
        themes: tuple[int, ...] = ()
        if kind == "current" and self.current_letter is not None:
            letters = (self.current_letter.id,)
        elif kind == "selected":
            letters = tuple(s.id for s in self.selected_letters)
        elif kind == "themes" and self.theme.currentData() is not None:
            themes = (int(self.theme.currentData()),)
        return {
            "letters": letters,
            "themes": themes,
            "group_by": self.group_by.currentData(),
            "with_originals": self.with_originals.isChecked() and self.format.currentData() == "pdf",
        }


KEYS = (
    ("Ctrl+F", "Search (Down goes to the results, Enter opens the passage)"),
    ("Ctrl+1 / Ctrl+2", "Letter list / reader"),
    ("Ctrl+3 / Ctrl+4", "Annotations / themes"),
    ("Shift+arrows, Shift+End", "Select text in the reader"),
    ("1 – 9", "Tag the selection with that theme (again on the same passage: add or remove the theme)"),
    ("N", "Write a note on the annotation at the cursor (Escape returns to the reader)"),
    ("Delete", "Remove the annotation at the cursor"),
    ("Tab, Enter", "Go to the next link in the letter (footnote, citation) and follow it"),
    ("Alt+Left / Alt+Right", "Back / forward"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    ("Escape", "Clear the search marks in the letter"),
    ("Ctrl+O, Ctrl+Shift+O", "Import files / a folder"),
    ("Ctrl+Q", "Quit"),
    ("Ctrl+E", "Export a summary"),
    ("Menu key, Shift+F10", "Context menu of the reader (tag, note, remove) and of the themes list"),
    ("Alt+underlined letter", "Open a menu (every command is in a menu; View > Letter list columns)"),
    ("Tab / Shift+Tab", "Next / previous part of the window (the focused part has a blue border)"),
    ("F1", "This list"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        text = QTextBrowser(self)
        rows = "".join(
            f"<tr><td style='padding:3px 14px 3px 0'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
            for k, v in KEYS
        )
        text.setHtml(f"<table>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(620, 420)
