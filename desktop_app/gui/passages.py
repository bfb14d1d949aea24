"""The Passages view: one or more themes' passages across letters (QualCoder's "coded text by code"),
with a themes x letters matrix beside it.

Left, the themes to show (a checked theme includes its sub-themes, as in the export); above the
table, filters for year, chamber and text; the table lists each passage with its letter, date,
Kamerstuk, page, note (editable in place: F2 or double-click on the note) and other themes. Enter
opens the passage in the reader, "Export…" opens the export dialog for the checked themes. The
Matrix tab counts passages per theme and letter; activating a cell shows that theme in that letter.
The rows come from :mod:`desktop_app.core.passages`; this module only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import LetterSummary, Theme
from desktop_app.core.passages import PassageRow
from desktop_app.core.textfind import fold
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.gui.models import chamber_label, date_label
from desktop_app.gui.plaintext import plain
from desktop_app.gui.theme_check_tree import ThemeCheckTree

Index = QModelIndex | QPersistentModelIndex
ALL = ""


def _shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word, with an ellipsis (the tooltip has it all)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


class PassageTableModel(QAbstractTableModel):
    """Rows of :class:`PassageRow`; the note column is editable (``note_edited`` says so)."""

    LETTER, PASSAGE, NOTE, THEMES = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("PassageTableModel", "Letter"),
        QT_TRANSLATE_NOOP("PassageTableModel", "Passage"),
        QT_TRANSLATE_NOOP("PassageTableModel", "Note"),
        QT_TRANSLATE_NOOP("PassageTableModel", "Themes"),
    )

    note_edited = Signal(int, str)  # annotation id, new note

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PassageRow] = []
        self.theme_names: dict[int, str] = {}

    def set_rows(self, rows: Sequence[PassageRow], theme_names: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.theme_names = dict(theme_names)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.HEADERS):
            return translate("PassageTableModel", self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemIsEditable if index.column() == self.NOTE else base

    @staticmethod
    def place(row: PassageRow) -> str:
        """Where the passage stands: date and page, then the letter's title and Kamerstuk id."""
        if row.orphan:
            page = translate("PassageTableModel", "not found in the text")
        else:
            page = translate("PassageTableModel", "p. {page}").format(page=row.page) if row.page else ""
        first = " · ".join(part for part in (date_label(row.date), page) if part)
        lines = [first, _shorten(row.letter_title, 90)]
        if row.kamerstuk:
            lines.append(row.kamerstuk)
        return "\n".join(lines)

    def text(self, row: PassageRow, column: int) -> str:
        if column == self.LETTER:
            return self.place(row)
        if column == self.PASSAGE:
            return " ".join(row.quote.split())
        if column == self.NOTE:
            return row.note
        return ", ".join(self.theme_names.get(t, "?") for t in row.theme_ids)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.DisplayRole and index.column() == self.PASSAGE:
            return _shorten(self.text(row, index.column()), 240)
        if role in (Qt.DisplayRole, Qt.EditRole):
            return self.text(row, index.column())
        if role == Qt.ToolTipRole:
            if index.column() == self.LETTER:
                return plain(f"{row.letter_title}\n{row.letter_name} · {chamber_label(row.chamber)}")
            if index.column() in (self.PASSAGE, self.NOTE):
                return plain(self.text(row, index.column())) or None
        if role == Qt.UserRole:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.EditRole) -> bool:  # noqa: N802 - Qt override
        if role != Qt.EditRole or index.column() != self.NOTE or not index.isValid():
            return False
        row = self.rows[index.row()]
        note = str(value).strip()
        if note != row.note:
            self.note_edited.emit(row.annotation_id, note)
        return True


class ThemeLetterMatrixModel(QAbstractTableModel):
    """Themes (rows) x letters with passages (columns): counts; a theme counts its sub-themes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.themes: list[Theme] = []
        self.letters: list[LetterSummary] = []
        self.counts: dict[tuple[int, int], int] = {}

    def set_counts(self, themes: Sequence[Theme], letters: Sequence[LetterSummary], counts: dict[tuple[int, int], int]) -> None:
        self.beginResetModel()
        used = {letter for _, letter in counts}
        self.themes = list(themes)
        self.letters = [s for s in letters if s.id in used]
        self.counts = dict(counts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.themes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.letters)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Vertical and 0 <= section < len(self.themes):
            if role == Qt.DisplayRole:
                return self.themes[section].name
        if orientation == Qt.Horizontal and 0 <= section < len(self.letters):
            letter = self.letters[section]
            if role == Qt.DisplayRole:
                return date_label(letter.date, short=True) if letter.date else letter.name[:12]
            if role == Qt.ToolTipRole:
                return plain(f"{letter.title}\n{letter.name}")
        return None

    def cell(self, index: Index) -> tuple[int, int] | None:
        if not index.isValid():
            return None
        return self.themes[index.row()].id, self.letters[index.column()].id

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        key = self.cell(index)
        if key is None:
            return None
        count = self.counts.get(key, 0)
        if role == Qt.DisplayRole:
            return str(count) if count else ""
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole and count:
            shade = max(150, 245 - 18 * count)
            return QBrush(QColor(shade, shade + 5 if shade < 250 else 250, 255))
        if role == Qt.ToolTipRole and count:
            theme, letter = self.themes[index.row()], self.letters[index.column()]
            return plain(self.tr("{theme} in {letter}: %n passage(s)", "", count).format(theme=theme.name, letter=letter.title))
        return None


class PassagesView(QWidget):
    """The view; it is given rows by its owner (the main window) and says what the user asked for."""

    themes_changed = Signal()  # the checked themes changed: the owner loads rows for them
    passage_activated = Signal(int, int, int)  # letter id, start, end
    export_requested = Signal(list)  # theme ids
    note_edited = Signal(int, str)  # annotation id, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passages_view")
        self.all_rows: list[PassageRow] = []
        self.letter_filter: int | None = None
        self.theme_tree = ThemeCheckTree(self)
        self.theme_tree.setObjectName("passages_themes")
        self.theme_tree.setToolTip(self.tr("Check the themes whose passages you want to see; a theme includes its sub-themes."))
        self.year = QComboBox(self)
        self.chamber = QComboBox(self)
        self.sort = QComboBox(self)
        for combo in (self.year, self.chamber, self.sort):  # "Alle jaren", "Beide Kamers" whole at 1366x768
            combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.sort.addItem(self.tr("By date"), "date")
        self.sort.addItem(self.tr("By letter"), "letter")
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("passages_filter")
        self.text_filter.setPlaceholderText(self.tr("Filter on passage, note or letter"))
        self.text_filter.setClearButtonEnabled(True)
        self.count_label = QLabel("", self)
        self.count_label.setTextFormat(Qt.PlainText)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setToolTip(self.tr("Export the passages of the checked themes (Ctrl+E)"))
        self.letter_label = QLabel("", self)
        self.letter_label.setTextFormat(Qt.PlainText)
        self.clear_letter = QPushButton(self.tr("Show all letters"), self)
        self.clear_letter.hide()

        self.model = PassageTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("passages_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(PassageTableModel.PASSAGE, QHeaderView.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        for column, width in ((0, 160), (2, 140), (3, 110)):
            header.resizeSection(column, width)
        self.table.installEventFilter(self)
        # Row heights follow the text, but only the rows in sight are measured (thousands of passages:
        # measuring every row reads each cell, seconds; a row is measured when it scrolls into view).
        self.table.verticalHeader().setDefaultSectionSize(3 * self.fontMetrics().lineSpacing() + 8)
        self._rows_timer = QTimer(self)  # after the column widths or the scroll position settle
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.fit_visible_rows)
        header.sectionResized.connect(self._rows_timer.start)
        self.table.verticalScrollBar().valueChanged.connect(self._rows_timer.start)

        self.matrix_model = ThemeLetterMatrixModel(self)
        self.matrix = QTableView(self)
        self.matrix.setObjectName("passages_matrix")
        self.matrix.setModel(self.matrix_model)
        self.matrix.setToolTip(self.tr("Passages per theme and letter (a theme counts its sub-themes). "
                                       "Enter or double-click shows that theme's passages in that letter."))
        self.matrix.horizontalHeader().setDefaultSectionSize(self.fontMetrics().horizontalAdvance("30 sept. 2024") + 16)  # a short date fits

        filters = QHBoxLayout()
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.export_button)
        choices = QHBoxLayout()
        for label, widget in ((self.tr("&Year"), self.year), (self.tr("C&hamber"), self.chamber), (self.tr("&Order"), self.sort)):
            caption = QLabel(self.tr("{label}:").format(label=label), self)
            caption.setBuddy(widget)
            choices.addWidget(caption)
            choices.addWidget(widget)
        choices.addStretch(1)
        choices.addWidget(self.count_label)
        letter_line = QHBoxLayout()
        letter_line.addWidget(self.letter_label, 1)
        letter_line.addWidget(self.clear_letter)

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addLayout(choices)
        list_layout.addLayout(letter_line)
        list_layout.addWidget(self.table, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(list_page, self.tr("&Passages"))
        self.tabs.addTab(self.matrix, self.tr("&Matrix: themes × letters"))

        self.theme_tree.setMinimumWidth(170)
        themes_box = QWidget(self)
        themes_layout = QVBoxLayout(themes_box)
        themes_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Themes"), self)
        caption.setBuddy(self.theme_tree)
        themes_layout.addWidget(caption)
        themes_layout.addWidget(self.theme_tree, 1)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(themes_box)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

        self.theme_tree.checked_changed.connect(self._on_theme_tree_checked_changed)
        for combo in (self.year, self.chamber, self.sort):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.text_filter.textChanged.connect(self.apply_filters)
        self.table.activated.connect(self._on_table_activated)
        self.matrix.activated.connect(self._on_matrix_activated)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.clear_letter.clicked.connect(self._on_clear_letter_clicked)
        self.model.note_edited.connect(self.note_edited)

    # -- what the owner calls ----------------------------------------------------------------------
    def attach(self, controller: Any, library: Any) -> None:
        """Load rows from ``library`` and follow ``controller``'s changes; a change while the view is
        hidden is loaded when it is shown again. Notes edited here go through the controller (undo)."""
        self._controller, self._library = controller, library
        self._stale = True
        self._reload_timer = QTimer(self)  # coalesces bursts of changes; never reloads inside a commit
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        controller.annotations_changed.connect(self._on_controller_changed)
        controller.themes_changed.connect(self._on_controller_themes_changed)
        self.themes_changed.connect(self.reload)
        self.note_edited.connect(self._on_note_edited)
        self.set_themes(controller.themes)

    def reload(self) -> None:
        """Rows for the checked themes and the matrix, from the library (a few ms for thousands)."""
        library = getattr(self, "_library", None)
        if library is None:
            return
        self._stale = False
        themes = self.checked_themes()
        self.set_rows(library.passages(themes) if themes else [])
        counts = library.theme_letter_matrix()
        self.set_matrix(library.letter_summaries({letter for _, letter in counts}), counts)  # those letters only

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.reload()

    def _on_controller_changed(self, *_args: object) -> None:
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def _on_controller_themes_changed(self) -> None:
        self.set_themes(self._controller.themes)
        self._on_controller_changed()

    def _on_note_edited(self, annotation_id: int, note: str) -> None:
        self._controller.set_note(self._library.get_annotation(annotation_id), note)

    def set_themes(self, themes: Sequence[Theme]) -> None:
        self.themes = list(themes)
        self.theme_tree.set_themes(themes)

    def set_rows(self, rows: Sequence[PassageRow]) -> None:
        self.all_rows = list(rows)
        self._fill_combo(self.year, self.tr("All years"), sorted({r.year for r in rows if r.year}, reverse=True))
        self._fill_combo(self.chamber, self.tr("All chambers"), sorted({r.chamber for r in rows if r.chamber}))
        self.apply_filters()

    def set_matrix(self, letters: Sequence[LetterSummary], counts: dict[tuple[int, int], int]) -> None:
        self.matrix_model.set_counts(self.themes, letters, counts)

    def checked_themes(self) -> list[int]:
        return self.theme_tree.checked_themes()

    def show_themes(self, theme_ids: Sequence[int], letter_id: int | None = None) -> None:
        self.letter_filter = letter_id
        self.theme_tree.set_checked_themes(theme_ids)
        self.tabs.setCurrentIndex(0)

    def visible_rows(self) -> list[PassageRow]:
        return list(self.model.rows)

    # -- filtering ---------------------------------------------------------------------------------
    def apply_filters(self) -> None:
        year, chamber = self.year.currentData(), self.chamber.currentData()
        needle = fold(self.text_filter.text().strip())[0]
        rows = [
            r for r in self.all_rows
            if (not year or r.year == year)
            and (not chamber or r.chamber == chamber)
            and (self.letter_filter is None or r.letter_id == self.letter_filter)
            and (not needle or needle in fold(f"{r.quote} {r.note} {r.letter_title} {r.kamerstuk or ''}")[0])
        ]
        if self.sort.currentData() == "letter":
            rows.sort(key=lambda r: (r.letter_title.casefold(), r.letter_name, r.start))
        names = {t.id: t.name for t in getattr(self, "themes", [])}
        self.model.set_rows(rows, names)
        self.fit_visible_rows()
        total = len(self.all_rows)
        shown = len(rows)
        if shown != total:
            self.count_label.setText(self.tr("{shown} of %n passage(s)", "", total).format(shown=shown))
        else:
            self.count_label.setText(self.tr("%n passage(s)", "", total))
        self.export_button.setEnabled(bool(self.checked_themes()))
        if self.letter_filter is not None:
            title = next((r.letter_title for r in self.all_rows if r.letter_id == self.letter_filter), "")
            self.letter_label.setText(self.tr("Only in: {title}").format(title=title))
        self.letter_label.setVisible(self.letter_filter is not None)
        self.clear_letter.setVisible(self.letter_filter is not None)

    def fit_visible_rows(self) -> None:
        """Fit the height of each row in sight to its text (rows out of sight keep theirs until seen)."""
        view = self.table
        row = view.rowAt(0)
        if row < 0:
            return
        bottom = view.viewport().height()
        while row < self.model.rowCount() and view.rowViewportPosition(row) < bottom:
            view.resizeRowToContents(row)
            row += 1

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override: more rows may come into sight
        super().resizeEvent(event)
        if hasattr(self, "_rows_timer"):
            self._rows_timer.start()

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, values: Sequence[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for value in values:
            combo.addItem(chamber_label(value) if everything == translate("PassagesView", "All chambers") else value, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # -- slots -------------------------------------------------------------------------------------
    def _on_theme_tree_checked_changed(self) -> None:
        self.themes_changed.emit()

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, Qt.UserRole)
        if row is not None:
            self.passage_activated.emit(row.letter_id, row.start, row.end)

    def _on_matrix_activated(self, index: QModelIndex) -> None:
        cell = self.matrix_model.cell(index)
        if cell is not None:
            self.show_themes([cell[0]], letter_id=cell[1])

    def _on_export_button_clicked(self) -> None:
        self.export_requested.emit(self.checked_themes())

    def _on_clear_letter_clicked(self) -> None:
        self.letter_filter = None
        self.apply_filters()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Resize:
            self._rows_timer.start()
        if watched is self.table and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.KeyPress:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.table.state() != QAbstractItemView.EditingState:
                index = self.table.currentIndex()
                if index.isValid():
                    self._on_table_activated(index)
                    return True
        return super().eventFilter(watched, event)
