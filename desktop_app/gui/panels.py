"""Side panels: the open letter's annotations (with the note editor), the themes, and the references."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import Annotation, Reference, Theme
from desktop_app.gui.i18n import translate
from desktop_app.gui.models import HTML_ROLE, AnnotationListModel, ThemeTreeModel
from desktop_app.gui.plaintext import plain
from desktop_app.gui.reader import status_label

NOTE_COMMIT_MS = 700
MUTED = "#5b6673"
_STATUS_COLOURS = {"resolved": "#2e7d32", "confirmed": "#2e7d32", "suggested": "#1f5fae", "missing": "#b35900"}


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE (already escaped) as rich text, wrapping to the view's width.
    Size hints are cached by (html, width): laying out rich text is the expensive part."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int], QSize] = {}

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(6)
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE) or "")
        width = option.rect.width() if option.rect.width() > 0 else 300
        document.setTextWidth(max(width, 120))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        document = self._document(option, index)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.State_Selected:
            context.palette.setColor(QPalette.Text, opt.palette.color(QPalette.HighlightedText))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt override
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        view = option.widget
        opt = QStyleOptionViewItem(option)
        if view is not None and hasattr(view, "viewport"):
            indent = 0
            if isinstance(view, QTreeView):
                depth = 0
                parent = index.parent()
                while parent.isValid():
                    depth += 1
                    parent = parent.parent()
                indent = view.indentation() * (depth + 1)
            opt.rect.setWidth(view.viewport().width() - indent)
        key = (str(index.data(HTML_ROLE)), opt.rect.width())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 2000:
                self._sizes.clear()
            document = self._document(opt, index)
            size = self._sizes[key] = QSize(int(document.idealWidth()), int(document.size().height()) + 2)
        return size


class AnnotationsPanel(QWidget):
    """The open letter's annotations, and an editor for the selected one's note."""

    annotation_selected = Signal(object)  # Annotation | None
    annotation_activated = Signal(object)  # Annotation: show it in the reader
    note_committed = Signal(object, str)  # Annotation, new note
    delete_requested = Signal(object)
    note_editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("annotation_list")
        self.view.setModel(self.model)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.Adjust)
        self.view.setSpacing(2)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.activated.connect(self._on_view_activated)
        self.empty_label = QLabel(self.tr("No annotations yet. Select text in the letter and press 1–9 to tag it."), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("hint")
        self.note_label = QLabel(self.tr("Note"), self)
        self.note_label.setObjectName("section_label")
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setPlaceholderText(self.tr("Select an annotation to write a note…"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(140)
        self.note_edit.setEnabled(False)
        self.note_edit.textChanged.connect(self._on_note_edit_text_changed)
        self.note_edit.installEventFilter(self)
        self.delete_button = QToolButton(self)
        self.delete_button.setText(self.tr("Remove"))
        self.delete_button.setToolTip(self.tr("Remove the selected annotation (Delete in the reader)"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.delete_button.setEnabled(False)
        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(NOTE_COMMIT_MS)
        self._commit_timer.timeout.connect(self.commit_note)
        self._current: Annotation | None = None
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.note_label)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        layout.addWidget(self.note_edit)

    @property
    def current(self) -> Annotation | None:
        return self._current

    def set_annotations(self, annotations: list[Annotation], themes: dict[int, Theme], focus_id: int | None = None) -> None:
        self.commit_note()
        keep = focus_id if focus_id is not None else (self._current.id if self._current else None)
        self.model.set_rows(annotations, themes)
        self.empty_label.setVisible(not annotations)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
            self._show(self.model.annotation(row))
        else:
            self._show(None)

    def select_annotation(self, annotation_id: int) -> None:
        row = self.model.row_of(annotation_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def _show(self, annotation: Annotation | None) -> None:
        self._current = annotation
        self._loading = True
        self.note_edit.setEnabled(annotation is not None)
        self.delete_button.setEnabled(annotation is not None)
        if annotation is None or self.note_edit.toPlainText() != annotation.note:
            self.note_edit.setPlainText(annotation.note if annotation else "")
        self._loading = False
        self.annotation_selected.emit(annotation)

    def edit_note(self) -> None:
        """Move the keyboard focus to the note editor (N in the reader)."""
        if self._current is not None:
            self.note_edit.setFocus(Qt.ShortcutFocusReason)
            self.note_edit.moveCursor(self.note_edit.textCursor().MoveOperation.End)

    def commit_note(self) -> None:
        self._commit_timer.stop()
        if self._current is None or self._loading:
            return
        text = self.note_edit.toPlainText()
        if text != self._current.note:
            annotation = self._current
            self._current = replace(annotation, note=text)
            self.note_committed.emit(annotation, text)

    def _on_note_edit_text_changed(self) -> None:
        if not self._loading and self._current is not None:
            self._commit_timer.start()

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_note()
        self._show(self.model.annotation(current.row()) if current.isValid() else None)

    def _on_view_activated(self, index: QModelIndex) -> None:
        annotation = self.model.annotation(index.row())
        if annotation is not None:
            self.annotation_activated.emit(annotation)

    def _on_delete_button_clicked(self) -> None:
        if self._current is not None:
            self.delete_requested.emit(self._current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.note_edit:
            if event.type() == QEvent.FocusOut:
                self.commit_note()
            elif event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
                self.commit_note()
                self.note_editing_finished.emit()
                return True
        return super().eventFilter(watched, event)


class ThemesPanel(QWidget):
    """The theme tree with colours, key numbers and counts; editing actions live in the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ThemeTreeModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("theme_tree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(False)
        self.view.setDragDropMode(QAbstractItemView.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.view.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.view.setUniformRowHeights(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)
        self.toolbar_row = QHBoxLayout()
        self.toolbar_row.setContentsMargins(0, 0, 0, 0)
        self.toolbar_row.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.toolbar_row)
        layout.addWidget(self.view, 1)
        hint = QLabel(self.tr("Select text in the letter, then press a theme's key (1–9)."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def set_themes(self, themes: list[Theme], counts: dict[int, int]) -> None:
        current = self.current_theme()
        self.model.set_themes(themes, counts)
        self.view.expandAll()
        if current is not None:
            index = self.model.index_of(current.id)
            if index.isValid():
                self.view.setCurrentIndex(index)

    def current_theme(self) -> Theme | None:
        return self.model.theme(self.view.currentIndex().siblingAtColumn(0))

    def add_button(self, action) -> None:  # type: ignore[no-untyped-def]
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        self.toolbar_row.addWidget(button)


class ReferencesPanel(QWidget):
    """What the open letter cites, and which letters cite it."""

    reference_activated = Signal(object)  # a Reference in this letter
    citing_letter_activated = Signal(object)  # a Reference in another letter pointing here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("references_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(HtmlDelegate(self.tree))  # wraps: a citation and its status never elide
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.tree.setIndentation(14)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.cites = QTreeWidgetItem(self.tree, [self.tr("Cites")])
        self.cited_by = QTreeWidgetItem(self.tree, [self.tr("Cited by")])
        for item in (self.cites, self.cited_by):
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFlags(Qt.ItemIsEnabled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree)

    def set_references(self, cites: list[Reference], cited_by: list[tuple[Reference, str]]) -> None:
        self.cites.takeChildren()
        self.cited_by.takeChildren()
        for ref in cites:
            raw = " ".join(ref.raw.split())
            if ref.location == "footnote":
                where = self.tr("footnote {number}").format(number=ref.footnote_number)
            elif ref.location == "head":
                where = self.tr("the letter head")
            else:
                where = self.tr("the text")
            item = QTreeWidgetItem(self.cites, [f"{raw}  ·  {_short_status(ref)}"])
            item.setData(0, HTML_ROLE, f"{html.escape(raw)}<br><span style='color:{_STATUS_COLOURS.get(ref.status, MUTED)}'>"
                                       f"{html.escape(_short_status(ref))}</span>"
                                       f"<span style='color:{MUTED}'> · {html.escape(self.tr('in {place}').format(place=where))}</span>")
            item.setToolTip(0, plain(f"{raw}\n{status_label(ref.status)} ({where})"))
            item.setData(0, Qt.UserRole, ("cites", ref))
        for ref, label in cited_by:
            raw = " ".join(ref.raw.split())
            item = QTreeWidgetItem(self.cited_by, [f"{label}  ·  {raw}"])
            cited_as = self.tr("as “{citation}”").format(citation=raw)
            item.setData(0, HTML_ROLE, f"{html.escape(label)}<br><span style='color:{MUTED}'>{html.escape(cited_as)}</span>")
            item.setToolTip(0, plain(label + "\n" + self.tr("cites this letter as “{citation}”").format(citation=raw)))
            item.setData(0, Qt.UserRole, ("cited_by", ref))
        self.cites.setText(0, self.tr("Cites ({count})").format(count=len(cites)))
        self.cited_by.setText(0, self.tr("Cited by ({count})").format(count=len(cited_by)))
        self.tree.expandAll()

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, Qt.UserRole)
        if not data:
            return
        kind, ref = data
        if kind == "cites":
            self.reference_activated.emit(ref)
        else:
            self.citing_letter_activated.emit(ref)


def _short_status(ref: Reference) -> str:
    if ref.status in ("resolved", "confirmed"):
        return translate("ReferencesPanel", "in library")
    if ref.status == "suggested":
        return translate("ReferencesPanel", "suggested")
    if ref.status == "missing":
        return translate("ReferencesPanel", "not in library")
    if ref.status == "external":
        return translate("ReferencesPanel", "external")
    return ref.status
