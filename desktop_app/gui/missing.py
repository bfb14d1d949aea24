"""Cited documents that are not in the library: the missing-document dialog and the library-wide
"Missing documents" view, both able to fetch from the official source.

- :class:`FetchStrip` runs :func:`desktop_app.core.official.fetch_into` on the controller's worker
  thread (never on the UI thread) and shows its progress, a Cancel button and the outcome in words:
  fetched, not at the source, the source unreachable (offline), cancelled.
- :class:`MissingDocumentDialog` is the citation dialog of a citation whose document is not in the
  library: the official address as a link and, for an official id, Fetch. It stays open while
  fetching; when the letter came, ``fetched`` hands the outcome to the main window (which opens it).
- :class:`MissingDocumentsDialog` (View > Missing documents) lists what ``kamerlezer refs --missing``
  lists (the same core call, ``references.missing()``), each document with the letters citing it:
  Enter or a double-click on a citing letter opens the citing passage in the reader; Fetch fetches the
  selected documents.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlparse

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.model import Reference
from desktop_app.core.official import FetchOutcome, OfficialSource, base_address, fetch_into, is_fetchable
from desktop_app.core.references.addresses import official_address
from desktop_app.gui.dialogs import CitationDialog, fit_to_screen
from desktop_app.gui.errors import show_error
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP, core_text, translate
from desktop_app.gui.plaintext import plain, plain_label

ERROR_COLOUR = "#b3261e"
EXPANDED_UP_TO = 500  # documents; more are listed collapsed
DONE_COLOUR = "#2e7d32"


def new_source() -> OfficialSource:
    """The official source the GUI fetches from (tests replace this to ask a replay server quickly)."""
    return OfficialSource()


def source_name() -> str:
    """The official source as a person reads it: its host (repository.overheid.nl)."""
    return urlparse(base_address()).netloc or base_address()


def outcome_text(outcome: FetchOutcome) -> tuple[str, bool]:
    """What a fetch came to, in words, and whether it is a problem (shown in red)."""
    lines: list[str] = []
    if outcome.cancelled:
        return translate("FetchStrip", "Cancelled: nothing was imported."), False
    for identifier, _letter_id in outcome.fetched:
        lines.append(translate("FetchStrip", "Fetched {id} and added it to the library.").format(id=identifier))
    if outcome.fetched:
        lines.append(translate("FetchStrip", "%n citation(s) now point(s) at it.", None, outcome.resolved)
                     if len(outcome.fetched) == 1 else
                     translate("FetchStrip", "%n citation(s) now point(s) at them.", None, outcome.resolved))
    if outcome.offline:
        lines.append(translate("FetchStrip", "The official source ({source}) cannot be reached: are you offline? "
                                             "Nothing was stored; try again when you are connected.")
                     .format(source=source_name()))
    else:
        for identifier, why in outcome.lacking:
            if "not fetched: the source cannot be reached" in why:
                continue
            lines.append(translate("FetchStrip", "{id} was not found at the official source ({source}): it may not "
                                                 "be published there (yet), or the citation's number may be wrong. "
                                                 "Nothing was stored.").format(id=identifier, source=source_name()))
    if not lines:
        lines.append(translate("FetchStrip", "Nothing to fetch: every selected document is already in the library."))
    return "\n".join(lines), bool(outcome.offline or outcome.lacking)


def outcome_details(outcome: FetchOutcome) -> str:
    """The technical reasons (addresses, answers), for the tooltip."""
    parts = [core_text(outcome.offline)] if outcome.offline else []
    parts += [f"{identifier}: {core_text(why)}" for identifier, why in outcome.lacking]
    return "\n".join(p for p in parts if p)


class FetchStrip(QWidget):
    """Progress, Cancel and the outcome of one fetch at a time, on the controller's worker thread."""

    started = Signal()
    finished = Signal(object)  # the FetchOutcome (also when cancelled)
    failed = Signal()  # an unexpected error (already shown by the error boundary)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fetch_strip")
        self.controller = controller
        self.handle: Any = None
        self.outcome: FetchOutcome | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("fetch_progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(14)
        self.activity = plain_label(QLabel(self))
        self.activity.setObjectName("fetch_activity")
        self.cancel_button = QPushButton(self.tr("Cancel fetch"), self)
        self.cancel_button.setObjectName("fetch_cancel_button")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setToolTip(self.tr("Stop fetching: nothing is imported"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.activity)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.message = plain_label(QLabel(self))
        self.message.setObjectName("fetch_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.message)
        self._show_running(False)
        self.message.hide()

    @property
    def running(self) -> bool:
        return self.handle is not None

    def _show_running(self, running: bool) -> None:
        for widget in (self.activity, self.progress, self.cancel_button):
            widget.setVisible(running)
        self.cancel_button.setEnabled(running)

    def start(self, identifiers: Sequence[str]) -> Any:
        """Fetch ``identifiers`` off the UI thread; returns the task handle (None when already fetching)."""
        if self.running or self.controller.closed:
            return None
        wanted = list(identifiers)
        library = self.controller.library
        source = new_source()

        def work(progress: Any, cancel: Any) -> FetchOutcome:
            return fetch_into(library, wanted, source, progress=progress, cancel=cancel)

        self.outcome = None
        self.handle = self.controller.work.submit(self.tr("Fetching from the official source"), work)
        self.handle.progressed.connect(self._on_handle_progressed)
        self.handle.finished.connect(self._on_handle_finished)
        self.handle.failed.connect(self._on_handle_failed)
        self.progress.setRange(0, 0)  # busy until the first step is known
        self.activity.setText(self.tr("Fetching {what} from {source}…").format(what=", ".join(wanted), source=source_name()))
        self.message.hide()
        self._show_running(True)
        self.cancel_button.setFocus(Qt.OtherFocusReason)
        self.started.emit()
        return self.handle

    @Slot()
    def cancel(self) -> None:
        if self.handle is None:
            return
        self.handle.cancel()
        self.cancel_button.setEnabled(False)
        self.activity.setText(self.tr("Cancelling (after the download under way)…"))

    @Slot(int, int, str)
    def _on_handle_progressed(self, done: int, total: int, message: str) -> None:
        if self.handle is None or self.handle.cancel_token.cancelled:
            return
        if total > 1:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if message:
            self.activity.setText(
                self.tr("Fetching {what} ({number} of {count})…").format(what=message, number=min(done + 1, total), count=total)
                if total > 1 else self.tr("Fetching {what} from {source}…").format(what=message, source=source_name())
            )

    @Slot(object)
    def _on_handle_finished(self, outcome: FetchOutcome) -> None:
        self.handle = None
        self.outcome = outcome
        self._show_running(False)
        text, problem = outcome_text(outcome)
        self._say(text, ERROR_COLOUR if problem else (DONE_COLOUR if outcome.fetched else ""))
        self.message.setToolTip(plain(outcome_details(outcome)))
        self.finished.emit(outcome)

    @Slot(object, str)
    def _on_handle_failed(self, error: object, details: str) -> None:
        self.handle = None
        self._show_running(False)
        if isinstance(error, AppError):
            self._say(self.tr("Fetch failed: {problem}").format(problem=core_text(error.message)), ERROR_COLOUR)
        else:
            self._say(self.tr("Fetch failed: an unexpected error (see the error message)."), ERROR_COLOUR)
            show_error(self.window(), error if isinstance(error, BaseException) else RuntimeError(str(error)), details)
        self.failed.emit()

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour}" if colour else "")
        self.message.show()


class MissingDocumentDialog(CitationDialog):
    """The citation dialog for a document not (surely) in the library: its official address as a link
    and, for an official id, Fetch (Enter) with progress and Cancel in the dialog itself. Errors stay
    in the dialog, in words; when the document came, ``fetched`` is emitted and the dialog closes."""

    fetched = Signal(object)  # the FetchOutcome of a fetch that brought the document

    def __init__(
        self, ref: Reference, describe: Callable[[int], str], controller: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(ref, describe, parent)
        self.setObjectName("missing_document_dialog")
        self.setWindowTitle(self.tr("Not in your library") if ref.status == "missing" else self.tr("Citation"))
        self.fetchable = is_fetchable(ref.canonical)
        self._delete_when_done = False  # closed while fetching: deleted when the work ends
        status = self.findChild(QLabel, "citation_status")
        if ref.status == "missing" and status is not None:
            if self.fetchable:
                text = self.tr("Not in your library: fetch it from the official source ({source}), or import it.")
            elif official_address(ref.canonical):
                text = self.tr("Not in your library: open the official publication, download it and import it.")
            else:
                text = self.tr("Not in your library: import it to follow this citation.")
            status.setText(text.format(source=source_name()))
        self.strip = FetchStrip(controller, self)
        self.strip.finished.connect(self._on_strip_finished)
        self.strip.failed.connect(self._on_strip_failed)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.strip)  # above the buttons
        if self.fetchable and ref.status == "missing":  # Enter fetches: that is what the dialog is for
            self.close_button.setDefault(False)
            self.fetch_button.setDefault(True)
            self.fetch_button.setFocus(Qt.OtherFocusReason)

    def _on_fetch_button_clicked(self) -> None:  # CitationDialog's: fetch here instead of handing it on
        if not self.ref.canonical or not self.fetchable:
            return
        if self.strip.start([self.ref.canonical]) is not None:
            self.fetch_button.setEnabled(False)

    @Slot(object)
    def _on_strip_finished(self, outcome: FetchOutcome) -> None:
        self.fetch_button.setEnabled(True)
        if outcome.fetched and not outcome.cancelled:  # also when closed meanwhile: it is in the library
            self.fetched.emit(outcome)
            if self.isVisible():
                self.accept()
        else:
            self.fetch_button.setText(self.tr("&Try again"))
            self.fetch_button.setFocus(Qt.OtherFocusReason)
        self._let_go()

    @Slot()
    def _on_strip_failed(self) -> None:
        self.fetch_button.setEnabled(True)
        self._let_go()

    def _let_go(self) -> None:
        if self._delete_when_done:
            self.deleteLater()

    def done(self, result: int) -> None:
        """Escape or Close while fetching: cancel (nothing is imported unless the import had begun),
        close, and stay alive until the work ends, so that what it brought is still announced."""
        self.strip.cancel()
        if self.strip.running and self.testAttribute(Qt.WA_DeleteOnClose):
            self.setAttribute(Qt.WA_DeleteOnClose, False)
            self._delete_when_done = True
        super().done(result)


def _row_ranges(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted rows as runs (first, last): one selection range per run, not one per row (Qt merges
    ranges one by one, so thousands of single rows take minutes)."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class _DocumentTree(QTreeWidget):
    def selectAll(self) -> None:  # noqa: N802 - Qt override
        """Ctrl+A: every document, as one range (Qt's own selects each citing row too: seconds per
        thousand documents)."""
        count = self.topLevelItemCount()
        if count:
            model = self.model()
            every = QItemSelection(model.index(0, 0), model.index(count - 1, self.columnCount() - 1))
            self.selectionModel().select(every, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)


_STATUS_WORDS = {
    "missing": QT_TRANSLATE_NOOP("MissingDocumentsDialog", "not in library"),
    "suggested": QT_TRANSLATE_NOOP("MissingDocumentsDialog", "possibly in library"),
    "external": QT_TRANSLATE_NOOP("MissingDocumentsDialog", "not a letter"),
}


class MissingDocumentsDialog(QDialog):
    """Every cited document that is not in the library (``references.missing()``, as ``refs --missing``),
    most cited first, each with the places citing it. Non-modal: the reader behind it follows."""

    citing_activated = Signal(object)  # the Reference citing a missing document: open it in the reader
    fetched = Signal(object)  # a FetchOutcome that brought letters
    loaded = Signal()  # the list was (re)filled

    DOCUMENT, CITED, STATUS = range(3)

    def __init__(self, controller: Any, describe: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing_documents_dialog")
        self.setWindowTitle(self.tr("Missing documents"))
        self.controller = controller
        self.describe = describe
        self.documents: list[Any] = []
        self._loading: Any = None
        self._again = False  # listed again when the current listing ends
        layout = QVBoxLayout(self)
        self.summary = plain_label(QLabel(self.tr("Loading…"), self))
        self.summary.setObjectName("missing_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = _DocumentTree(self)
        self.tree.setObjectName("missing_tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Document / citing letter"), self.tr("Cited"), self.tr("Status")])
        self.tree.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.tree.setExpandsOnDoubleClick(False)  # a double-click opens (a citing place) or toggles (a document)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.DOCUMENT, QHeaderView.Stretch)
        metrics = self.tree.fontMetrics()  # fixed widths: sizing to contents would measure every row
        statuses = [translate("MissingDocumentsDialog", word) for word in _STATUS_WORDS.values()]
        for column, samples in ((self.CITED, [self.tr("Cited") + " 000"]), (self.STATUS, [self.tr("Status"), *statuses])):
            header.setSectionResizeMode(column, QHeaderView.Interactive)  # in the interface's language
            header.resizeSection(column, max(metrics.horizontalAdvance(sample) for sample in samples) + 24)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.installEventFilter(self)
        layout.addWidget(self.tree, 1)
        self.address = QLabel(self)
        self.address.setObjectName("missing_address")
        self.address.setOpenExternalLinks(True)
        self.address.setTextInteractionFlags(Qt.TextBrowserInteraction)
        self.address.setToolTip(self.tr("The official publication (opens in your web browser)"))
        layout.addWidget(self.address)
        self.strip = FetchStrip(controller, self)
        self.strip.finished.connect(self._on_strip_finished)
        self.strip.failed.connect(self._update_buttons)
        layout.addWidget(self.strip)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open citing passage"), self)
        self.open_button.setObjectName("open_citing_button")
        self.open_button.setToolTip(self.tr("Show the selected citation in its letter (Enter, or double-click)"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.fetch_button = QPushButton(self.tr("&Fetch selected"), self)
        self.fetch_button.setObjectName("fetch_selected_button")
        self.fetch_button.setToolTip(
            self.tr("Download the selected official documents (Kamerstukken, Handelingen) and import them")
        )
        self.fetch_button.clicked.connect(self._on_fetch_button_clicked)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.reject)
        for button in (self.open_button, self.fetch_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for button in (self.open_button, self.fetch_button, self.refresh_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the list opens the citing place (itemActivated)
        layout.addLayout(buttons)
        self._update_buttons()
        fit_to_screen(self, QSize(780, 540))

    # -- loading ---------------------------------------------------------------------------------------
    @Slot()
    def refresh_if_shown(self) -> None:
        """The library changed (letters imported or fetched, a citation confirmed): list again if open."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> Any:
        """Ask the core for the missing documents off the UI thread; ``loaded`` when they are shown.
        Asked while a listing runs, it lists again after it (the library may have changed since)."""
        if self.controller.closed:
            return None
        if self._loading is not None:
            self._again = True
            return self._loading
        self._again = False
        references = self.controller.library.references
        self.summary.setText(self.tr("Loading the missing documents…"))
        self._loading = self.controller.work.submit(
            self.tr("Listing missing documents"), lambda _progress, _cancel: references.missing()
        )
        self._loading.finished.connect(self._on_loading_finished)
        self._loading.failed.connect(self._on_loading_failed)
        return self._loading

    @Slot(object)
    def _on_loading_finished(self, documents: list[Any]) -> None:
        self._loading = None
        self.set_documents(documents)
        if self._again:
            self.refresh()

    @Slot(object, str)
    def _on_loading_failed(self, error: object, details: str) -> None:
        self._loading = None
        self.summary.setText(self.tr("The missing documents could not be listed."))
        show_error(self, error if isinstance(error, BaseException) else RuntimeError(str(error)), details)

    def set_documents(self, documents: Sequence[Any]) -> None:
        selected = {d.canonical for d in self.selected_documents()}
        current = self._document_of(self.tree.currentItem())
        self.documents = list(documents)
        self.tree.blockSignals(True)  # one update at the end, not one per item (selection, current)
        self.tree.clearSelection()
        self.tree.invisibleRootItem().takeChildren()  # at once: clear() takes a minute for 30,000 expanded rows
        fetchable = sum(1 for d in self.documents if is_fetchable(d.canonical))
        if not self.documents:
            self.summary.setText(self.tr("Every cited document is in your library."))
        else:
            self.summary.setText(
                self.tr("Not in your library: %n cited document(s), {count} of which can be fetched from the official "
                        "source. Enter on a citing letter opens the citation; select documents and Fetch to bring "
                        "them in.", "", len(self.documents)).format(count=fetchable)
            )
        items = []
        for doc in self.documents:
            status = _STATUS_WORDS.get(doc.status)
            item = QTreeWidgetItem([doc.canonical, str(doc.count),
                                    translate("MissingDocumentsDialog", status) if status else doc.status])
            item.setData(self.DOCUMENT, Qt.UserRole, doc.canonical)
            item.setToolTip(self.DOCUMENT, plain(f"{doc.kind.replace('_', ' ')}: {doc.canonical}"))
            for index, (letter_id, location, number, raw) in enumerate(doc.places):
                if location == "head":
                    where = " " + self.tr("(letter head)")
                else:
                    where = "" if location == "body" else " " + self.tr("(footnote {number})").format(number=number)
                citation = " ".join(raw.split())
                letter = self.describe(letter_id)
                # the citation first (short, telling), then the letter citing it (long titles are cut)
                child = QTreeWidgetItem([self.tr("“{citation}”{where} in {letter}").format(citation=citation, where=where, letter=letter), "", ""])
                reference_id = doc.reference_ids[index] if index < len(doc.reference_ids) else None
                child.setData(self.DOCUMENT, Qt.UserRole + 1, reference_id)
                child.setToolTip(self.DOCUMENT, plain(f"{letter}{where}:\n“{citation}”"))
                item.addChild(child)
            items.append(item)
        self.tree.addTopLevelItems(items)  # at once: one layout, not one per document
        if len(items) <= EXPANDED_UP_TO:  # a long list stays collapsed: Right (or +) shows the citations
            self.tree.expandAll()
        rows = [row for row, d in enumerate(self.documents) if d.canonical in selected]
        here = next((row for row, d in enumerate(self.documents) if d.canonical == current), 0 if items else None)
        if here is not None:
            self.tree.setCurrentItem(items[here], 0, QItemSelectionModel.NoUpdate)
        keep = QItemSelection()  # the documents selected before (else the current one), in one step
        model = self.tree.model()
        for first, last in _row_ranges(rows or ([here] if here is not None else [])):
            keep.select(model.index(first, 0), model.index(last, 0))
        self.tree.selectionModel().select(keep, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.tree.blockSignals(False)
        self._on_tree_current_item_changed(self.tree.currentItem(), None)
        self._update_buttons()
        self.loaded.emit()

    # -- what is selected --------------------------------------------------------------------------------
    def _document_of(self, item: QTreeWidgetItem | None) -> str | None:
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(self.DOCUMENT, Qt.UserRole) if item is not None else None

    def selected_documents(self) -> list[Any]:
        """The documents selected (a selected citing place counts for its document), in list order."""
        rows: set[int] = set()
        for span in self.tree.selectionModel().selection():  # ranges: far fewer than rows after Ctrl+A
            parent = span.parent()
            if parent.isValid():
                rows.add(parent.row())
            else:
                rows.update(range(span.top(), span.bottom() + 1))
        return [self.documents[row] for row in sorted(rows) if row < len(self.documents)]

    def item_of(self, canonical: str) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(self.DOCUMENT, Qt.UserRole) == canonical:
                return item
        return None

    @Slot()
    def _update_buttons(self) -> None:
        wanted = [d for d in self.selected_documents() if is_fetchable(d.canonical)]
        self.fetch_button.setEnabled(bool(wanted) and not self.strip.running)
        self.fetch_button.setText(self.tr("&Fetch selected ({count})").format(count=len(wanted)) if len(wanted) > 1
                                  else self.tr("&Fetch selected"))
        current = self.tree.currentItem()
        self.open_button.setEnabled(current is not None and current.parent() is not None)

    @Slot(object, object)
    def _on_tree_current_item_changed(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        canonical = self._document_of(current)
        address = official_address(canonical)
        if address:
            link = f'<a href="{html.escape(address)}">{html.escape(address)}</a>'
            self.address.setText(self.tr("Published at: {link}").format(link=link))
        else:
            self.address.setText(self.tr("No official address known for this document.") if canonical else "")
        self._update_buttons()

    # -- opening -----------------------------------------------------------------------------------------
    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is None:
            item.setExpanded(not item.isExpanded())
            return
        reference_id = item.data(self.DOCUMENT, Qt.UserRole + 1)
        if reference_id is None:
            return
        try:
            ref = self.controller.library.references.get(int(reference_id))
        except AppError as error:
            show_error(self, error)
            return
        self.citing_activated.emit(ref)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        """Enter in the list opens the citing place (whatever the style does with Enter)."""
        if (watched is self.tree and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.tree.currentItem() is not None):
            self._on_tree_item_activated(self.tree.currentItem(), 0)
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        current = self.tree.currentItem()
        if current is not None and current.parent() is not None:
            self._on_tree_item_activated(current, 0)

    # -- fetching ----------------------------------------------------------------------------------------
    @Slot()
    def _on_fetch_button_clicked(self) -> None:
        wanted = [d.canonical for d in self.selected_documents() if is_fetchable(d.canonical)]
        if wanted and self.strip.start(wanted) is not None:
            self._update_buttons()

    @Slot(object)
    def _on_strip_finished(self, outcome: FetchOutcome) -> None:
        self._update_buttons()
        if outcome.fetched and not outcome.cancelled:
            self.fetched.emit(outcome)  # the main window reloads its letters: refresh_if_shown lists again
            if self._loading is None:
                self.refresh()
        self.tree.setFocus(Qt.OtherFocusReason)

    def done(self, result: int) -> None:
        self.strip.cancel()
        super().done(result)
