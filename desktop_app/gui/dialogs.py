"""Dialogs: a citation's details (confirm/reject suggestions), the import summary, the keyboard
shortcuts (the export options are in :mod:`desktop_app.gui.export_dialog`).

All are opened with ``open()`` (window-modal, non-blocking): the event loop keeps running.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import Reference
from desktop_app.core.official import is_fetchable
from desktop_app.core.references.addresses import official_address
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP, core_text, format_date, translate
from desktop_app.gui.models import HTML_ROLE
from desktop_app.gui.panels import HtmlDelegate
from desktop_app.gui.plaintext import plain_label
from desktop_app.gui.reader import status_label

# What a citation's parsed fields are called in the dialog (Dutch domain terms kept as they are);
# fields not listed here are not shown.
FIELD_LABELS = {
    "dossier": QT_TRANSLATE_NOOP("CitationDialog", "Dossier"),
    "toevoeging": QT_TRANSLATE_NOOP("CitationDialog", "Toevoeging"),
    "ondernummer": QT_TRANSLATE_NOOP("CitationDialog", "Ondernummer"),
    "nummer": QT_TRANSLATE_NOOP("CitationDialog", "Number"),
    "numbers": QT_TRANSLATE_NOOP("CitationDialog", "Numbers"),
    "also_dossiers": QT_TRANSLATE_NOOP("CitationDialog", "Also dossiers"),
    "whole_dossier": QT_TRANSLATE_NOOP("CitationDialog", "Whole dossier"),
    "vergaderjaar": QT_TRANSLATE_NOOP("CitationDialog", "Vergaderjaar"),
    "chamber": QT_TRANSLATE_NOOP("CitationDialog", "Chamber"),
    "date": QT_TRANSLATE_NOOP("CitationDialog", "Date"),
    "page": QT_TRANSLATE_NOOP("CitationDialog", "Page"),
    "item": QT_TRANSLATE_NOOP("CitationDialog", "Item"),
    "type": QT_TRANSLATE_NOOP("CitationDialog", "Type"),
    "year": QT_TRANSLATE_NOOP("CitationDialog", "Year"),
}
CHAMBERS = {
    "ek": "Eerste Kamer",
    "tk": "Tweede Kamer",
    "ek/tk": QT_TRANSLATE_NOOP("CitationDialog", "Eerste and Tweede Kamer"),
}


def field_text(key: str, value: object) -> str:
    """A parsed citation field as a person reads it."""
    if isinstance(value, bool):
        return translate("CitationDialog", "yes") if value else translate("CitationDialog", "no")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if key == "chamber":
        return translate("CitationDialog", CHAMBERS.get(str(value), str(value)))
    if key == "date":
        return format_date(str(value))  # "8 november 2024" in Dutch
    return str(value)


def reason_text(reason: str) -> str:
    """A suggestion's reason from the resolver ("shares a, b, c") in plain words."""
    if reason.startswith("shares "):
        return translate("CitationDialog", "Words in common: {words}").format(words=reason[len("shares "):])
    return reason


# Why the resolver decided as it did (desktop_app.core.references.resolver, English, no Qt there), in
# the interface language: (pattern of the core's sentence, its text for translate()). A sentence not
# listed here is shown as the core wrote it.
_CITATION_REASONS = (
    (r"similar content", QT_TRANSLATE_NOOP("CitationDialog", "similar content")),
    (r"no identifier to look for", QT_TRANSLATE_NOOP("CitationDialog", "no identifier to look for")),
    (r"no letter in the library matches", QT_TRANSLATE_NOOP("CitationDialog", "no letter in the library matches")),
    (r"confirmed by the user as (?P<name>.+)", QT_TRANSLATE_NOOP("CitationDialog", "confirmed by you as {name}")),
    (r"the letter's own id \((?P<name>.+) names itself\)",
     QT_TRANSLATE_NOOP("CitationDialog", "the letter's own id ({name} names itself)")),
    (r"(?P<name>.+): not a letter, cannot be in the library",
     QT_TRANSLATE_NOOP("CitationDialog", "{name}: not a letter, cannot be in the library")),
    (r"own Kamerstuk id of (?P<name>.+)", QT_TRANSLATE_NOOP("CitationDialog", "own Kamerstuk id of {name}")),
    (r"the only letter dated (?P<name>.+)", QT_TRANSLATE_NOOP("CitationDialog", "the only letter dated {name}")),
    (r"same document as cited elsewhere \((?P<name>.+)\)",
     QT_TRANSLATE_NOOP("CitationDialog", "same document as cited elsewhere ({name})")),
)


def citation_reason(reason: str) -> str:
    """The resolver's reason in the interface language (its own words when it is not a known one)."""
    for pattern, text in _CITATION_REASONS:
        match = re.fullmatch(pattern, reason)
        if match is not None:
            name = match.groupdict().get("name")
            if name is not None and text.startswith("same document"):
                name = citation_reason(name)
            return translate("CitationDialog", text).format(name=name or "")
    return reason


def fit_to_screen(dialog: QWidget, wanted: QSize) -> None:
    """Resize ``dialog`` to ``wanted``, but never larger than the available geometry of its screen
    (less room for the window frame), so it fits a 1366x768 laptop screen with a task bar."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - QSize(16, 48)
    dialog.resize(wanted.boundedTo(room).expandedTo(dialog.minimumSizeHint().boundedTo(room)))


class CitationDialog(QDialog):
    """A citation: what was parsed, where it points; for suggestions, the candidates with
    Confirm and Reject."""

    confirmed = Signal(int, int)  # reference id, letter id
    rejected_candidate = Signal(int, int)
    open_requested = Signal(int)  # letter id
    fetch_requested = Signal(str)  # official id to fetch from the official repository

    def __init__(self, ref: Reference, describe: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citation_dialog")
        self.setWindowTitle(self.tr("Citation"))
        self.ref = ref
        layout = QVBoxLayout(self)
        title = plain_label(QLabel(" ".join(ref.raw.split()), self))  # text from letters: never markup
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        layout.addWidget(title)
        status_text = status_label(ref.status)
        if ref.status == "missing":
            status_text = self.tr("{status}: import it to follow this citation.").format(status=status_text)
        elif ref.status == "suggested":
            status_text = self.tr("Possibly in your library: confirm the right letter, or reject a wrong one.")
        fetchable = ref.status in ("missing", "suggested") and is_fetchable(ref.canonical)
        status = plain_label(QLabel(status_text, self))
        status.setObjectName("citation_status")
        status.setWordWrap(True)
        layout.addWidget(status)
        form = QFormLayout()
        form.addRow(self.tr("Kind:"), plain_label(QLabel(ref.kind[:1].upper() + ref.kind[1:].replace("_", " "), self)))
        if ref.canonical:
            form.addRow(self.tr("Identifier:"), plain_label(QLabel(ref.canonical, self)))
        address = official_address(ref.canonical)
        if address:
            link = QLabel(f'<a href="{html.escape(address)}">{html.escape(address)}</a>', self)
            link.setObjectName("official_address")
            link.setOpenExternalLinks(True)
            link.setTextInteractionFlags(Qt.TextBrowserInteraction)
            link.setToolTip(self.tr("The official publication (opens in your web browser)"))
            form.addRow(self.tr("Published at:"), link)
        for key, label in FIELD_LABELS.items():
            value = ref.fields.get(key)
            if value not in (None, "", [], ()):
                form.addRow(self.tr("{label}:").format(label=translate("CitationDialog", label)), plain_label(QLabel(field_text(key, value), self)))
        if ref.reason:
            why = citation_reason(ref.reason)
            reason_label = plain_label(QLabel(why[:1].upper() + why[1:], self))
            reason_label.setWordWrap(True)
            form.addRow(self.tr("Why:"), reason_label)
        layout.addLayout(form)
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("candidates")
        self.candidates.setItemDelegate(HtmlDelegate(self.candidates))  # wraps long titles
        self.candidates.setWordWrap(True)
        self.candidates.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.candidates.setSizeAdjustPolicy(QAbstractScrollArea.AdjustToContents)  # no empty rows below
        self.candidates.setMaximumHeight(220)
        for letter_id, score, reason in ref.suggestions:
            scored = self.tr("score {score}").format(score=f"{score:.2f}")
            item = QListWidgetItem(f"{describe(letter_id)}\n{reason_text(reason)} ({scored})")
            item.setData(HTML_ROLE, f"<b>{html.escape(describe(letter_id))}</b><br>"
                                    f"<span style='color:#5b6673'>{html.escape(reason_text(reason))}"
                                    f" · {html.escape(scored)}</span>")
            item.setData(Qt.UserRole, letter_id)
            self.candidates.addItem(item)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("&Confirm link"), self)
        self.reject_button = QPushButton(self.tr("&Not this letter"), self)
        self.open_button = QPushButton(self.tr("&Open letter"), self)
        self.confirm_button.setToolTip(self.tr("This citation means the selected letter: link it"))
        self.reject_button.setToolTip(self.tr("This citation does not mean the selected letter: stop suggesting it"))
        self.open_button.setToolTip(self.tr("Read the letter (Back, Alt+Left, returns here)"))
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.fetch_button = QPushButton(self.tr("&Fetch"), self)
        self.fetch_button.setObjectName("fetch_button")
        self.fetch_button.setToolTip(
            self.tr("Download {id} from the official source (repository.overheid.nl) and import it").format(id=ref.canonical)
        )
        self.fetch_button.clicked.connect(self._on_fetch_button_clicked)
        if fetchable:
            buttons.addWidget(self.fetch_button)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("close_button")
        close.clicked.connect(self.reject)
        self.close_button = close
        default: QPushButton = close
        focus: QWidget = close
        if ref.suggestions and ref.status == "suggested":
            candidates_label = QLabel(self.tr("&Candidates in your library:"), self)
            candidates_label.setBuddy(self.candidates)
            layout.addWidget(candidates_label)
            layout.addWidget(self.candidates)
            self.candidates.setCurrentRow(0)
            for button in (self.confirm_button, self.reject_button, self.open_button):
                buttons.addWidget(button)
            default, focus = self.confirm_button, self.candidates  # arrows choose, Enter confirms
        elif ref.target_letter_id is not None:
            target = plain_label(QLabel(self.tr("Points to: {letter}").format(letter=describe(ref.target_letter_id)), self))
            target.setWordWrap(True)
            layout.addWidget(target)
            self.open_button.setProperty("letter_id", ref.target_letter_id)
            buttons.addWidget(self.open_button)
            default = focus = self.open_button
        for widget in (self.candidates, self.confirm_button, self.reject_button, self.open_button, self.fetch_button):
            if widget.parentWidget() is self and layout.indexOf(widget) < 0 and buttons.indexOf(widget) < 0:
                widget.hide()  # not used for this citation
        layout.addStretch(1)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        for button in (self.confirm_button, self.reject_button, self.open_button, self.fetch_button, close):
            button.setAutoDefault(False)  # Enter presses the default button, not whichever has focus
        default.setDefault(True)
        focus.setFocus(Qt.OtherFocusReason)
        self.setMinimumWidth(520)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The candidates' wrapped height is known only at the dialog's real width: fit to it."""
        super().showEvent(event)
        self.candidates.updateGeometries()
        self.candidates.updateGeometry()
        self.adjustSize()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped labels: as tall as they are at this width, no taller
            self.resize(self.width(), max(layout.totalHeightForWidth(self.width()), self.minimumHeight()))

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

    def _on_fetch_button_clicked(self) -> None:
        if self.ref.canonical:
            self.fetch_requested.emit(self.ref.canonical)
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
        self.setWindowTitle(self.tr("Import finished") if not cancelled else self.tr("Import cancelled"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setHtml(import_summary_html(report, cancelled))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.Close)
        self.close_button.setDefault(True)  # Enter closes it; the text stays scrollable with the keys
        self.close_button.setFocus(Qt.OtherFocusReason)
        fit_to_screen(self, QSize(640, 420))


def import_summary_html(report: object, cancelled: bool) -> str:
    imported = list(getattr(report, "imported", []))
    updated = list(getattr(report, "updated", []))
    skipped = list(getattr(report, "skipped", []))
    failed = list(getattr(report, "failed", []))
    orphaned = list(getattr(report, "orphaned", []))
    warnings = list(getattr(report, "warnings", []))
    parts = []
    if cancelled:
        parts.append(translate("ImportSummaryDialog",
                               "<p><b>The import was cancelled.</b> What was imported before stays in the library.</p>"))
    failed_count = translate("ImportSummaryDialog", "%n failed", None, len(failed)) if failed else None
    counts = [html.escape(c) if c != failed_count else f"<b>{html.escape(c)}</b>" for c in import_counts(report)]
    parts.append(f"<p>{' · '.join(counts)}</p>")

    def section(title: str, items: list[str]) -> None:
        if items:
            parts.append(f"<h4>{html.escape(title)}</h4><ul>")
            parts.extend(f"<li>{i}</li>" for i in items)
            parts.append("</ul>")

    section(translate("ImportSummaryDialog", "Failed"), [_failure_html(f) for f in failed])
    section(translate("ImportSummaryDialog", "Imported"), [html.escape(letter.title) for letter in imported])
    section(translate("ImportSummaryDialog", "Updated (annotations re-attached)"), [html.escape(letter.title) for letter in updated])
    section(translate("ImportSummaryDialog", "Already in the library"), [html.escape(Path(path).name) for path, _ in skipped])
    section(translate("ImportSummaryDialog", "Warnings"),
            [f"{html.escape(Path(path).name)}: {html.escape(core_text(note))}" for path, note in warnings])
    section(translate("ImportSummaryDialog",
                      "Annotations that could not be re-attached (kept, shown as “Not found in the current text”)"),
            [html.escape(a.quote[:80]) for a in orphaned])
    return "".join(parts)


def import_counts(report: object) -> list[str]:
    """"3 imported", "1 already in the library", "2 failed": the counts that are not zero (imported always)."""
    counts = [translate("ImportSummaryDialog", "%n imported", None, len(getattr(report, "imported", [])))]
    for attribute in ("updated", "skipped", "failed"):
        number = len(getattr(report, attribute, []))
        if number == 0:
            continue
        if attribute == "updated":
            counts.append(translate("ImportSummaryDialog", "%n updated", None, number))
        elif attribute == "skipped":
            counts.append(translate("ImportSummaryDialog", "%n already in the library", None, number))
        else:
            counts.append(translate("ImportSummaryDialog", "%n failed", None, number))
    return counts


def _failure_html(failure: object) -> str:
    """A failed file by its name, then the problem; the folder is left out (it is the one chosen)."""
    path, problem = getattr(failure, "path", None), getattr(failure, "problem", None)
    if path is None or problem is None:
        return html.escape(core_text(getattr(failure, "message", failure)))
    return f"<b>{html.escape(Path(str(path)).name)}</b>: {html.escape(core_text(problem))}"


KEYS = (
    ("Ctrl+F", QT_TRANSLATE_NOOP("ShortcutsDialog", "In the reader: find in this letter; elsewhere: search the library")),
    ("Ctrl+Shift+F", QT_TRANSLATE_NOOP("ShortcutsDialog", "Search the library (Down goes to the results, Enter opens the passage)")),
    ("F3 / Shift+F3", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous match in this letter (after a library search: its next hit here)")),
    ("Ctrl+1 / Ctrl+2", QT_TRANSLATE_NOOP("ShortcutsDialog", "Letter list / reader")),
    ("Ctrl+3 / Ctrl+4", QT_TRANSLATE_NOOP("ShortcutsDialog", "Annotations / themes")),
    ("Ctrl+5", QT_TRANSLATE_NOOP("ShortcutsDialog", "Passages by theme across letters (Enter opens one; F2 edits its note)")),
    ("Ctrl+6", QT_TRANSLATE_NOOP("ShortcutsDialog", "Missing documents: cited but not in the library (Enter opens the citation; Fetch brings it)")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Shift+arrows, Shift+End"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Select text in the reader")),
    ("1 – 9", QT_TRANSLATE_NOOP("ShortcutsDialog", "Tag the selection with that theme (again on the same passage: add or remove the theme)")),
    ("N", QT_TRANSLATE_NOOP("ShortcutsDialog", "Write a note on the annotation at the cursor (Escape returns to the reader)")),
    ("Delete", QT_TRANSLATE_NOOP("ShortcutsDialog", "Remove the annotation at the cursor")),
    ("Tab, Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to the next link in the letter (footnote, citation) and follow it")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+Left / Alt+Right"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Back / forward")),
    ("Ctrl+Z / Ctrl+Shift+Z", QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo / redo")),
    ("Escape", QT_TRANSLATE_NOOP("ShortcutsDialog", "Clear the search marks in the letter; close a dialog")),
    ("Ctrl+O, Ctrl+Shift+O", QT_TRANSLATE_NOOP("ShortcutsDialog", "Import files / a folder")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("ShortcutsDialog", "Export a summary")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Menu key, Shift+F10"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Context menu of the reader (tag, note, remove) and of the themes list")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+underlined letter"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Open a menu (every command is in a menu; View > Letter list columns)")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous part of the window (the focused part has a blue border)")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("ShortcutsDialog", "Quit")),
    ("F1", QT_TRANSLATE_NOOP("ShortcutsDialog", "This list")),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        text = QTextBrowser(self)
        rows = "".join(
            f"<tr><td style='padding:3px 14px 3px 0'><b>{html.escape(translate('ShortcutsDialog', k))}</b></td>"
            f"<td>{html.escape(translate('ShortcutsDialog', v))}</td></tr>"
            for k, v in KEYS
        )
        text.setHtml(f"<table>{rows}</table>")
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.Close)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        width = 760
        document = text.document().clone(self)  # measured on a copy: the browser resets its own width
        document.setTextWidth(width - 2 * layout.contentsMargins().left() - 2 * text.frameWidth() - 4)
        chrome = layout.contentsMargins().top() * 2 + layout.spacing() + buttons.sizeHint().height()
        height = int(document.size().height()) + 2 * text.frameWidth() + chrome + 8
        fit_to_screen(self, QSize(width, min(height, 720)))  # a 1366x768 laptop with a task bar; the list scrolls
        text.setFocus(Qt.OtherFocusReason)  # the arrow keys scroll the list
