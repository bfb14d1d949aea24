"""Thin Qt item models over prepared rows (LetterSummary, SearchHit, Theme, Annotation).

The models never query the Library themselves: the owner gives them rows with ``set_rows`` (and
friends), so they stay cheap, testable with ``QAbstractItemModelTester``, and free of threads.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from desktop_app.core.model import Annotation, LetterSummary, SearchFragment, SearchHit, Theme
from desktop_app.core.titles import distinguishing_titles
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP, format_date, translate
from desktop_app.gui.plaintext import plain

ROW_ROLE = Qt.UserRole + 1  # the row's dataclass
SORT_ROLE = Qt.UserRole + 2
ID_ROLE = Qt.UserRole + 3
HTML_ROLE = Qt.UserRole + 4  # a rich-text rendering (escaped) for delegates

Index = QModelIndex | QPersistentModelIndex

# Roles as plain ints: data() runs for every painted cell, and looking up Qt enum members there
# costs more than everything else it does.
_DISPLAY = int(Qt.DisplayRole.value)
_TOOLTIP = int(Qt.ToolTipRole.value)
_ALIGN = int(Qt.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ForegroundRole.value)
_EDIT = int(Qt.EditRole.value)
_DECORATION = int(Qt.DecorationRole.value)
_FONT = int(Qt.FontRole.value)
_ROW, _SORT, _ID, _HTML = int(ROW_ROLE), int(SORT_ROLE), int(ID_ROLE), int(HTML_ROLE)
_RIGHT = int((Qt.AlignRight | Qt.AlignVCenter).value)
_DIM = QColor("#8a939d")
_DERIVED_INK = QColor("#5b6673")  # a title taken from the text (the letter has no subject)
DERIVED_TITLE_NOTE = QT_TRANSLATE_NOOP("Models", "title taken from the text: the letter has no subject")
INFERRED_NOTE = QT_TRANSLATE_NOOP("Models", "inferred from a citation, not confirmed")


def _derived_font() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


CHAMBER_CODES = {"Tweede Kamer": "TK", "Eerste Kamer": "EK"}


def chamber_label(chamber: str | None) -> str:
    return chamber or "—"  # the chamber's own (Dutch) name in either language


def date_label(date: str | None, *, short: bool = False) -> str:
    """The date as the interface language writes it ("3 oktober 2024", ``short`` "3 okt. 2024" for the
    letter list's narrow column; ISO in English)."""
    return format_date(date, short=short) if date else translate("Models", "no date")


class LetterTableModel(QAbstractTableModel):
    """The letter list: one row per LetterSummary (never the letter text)."""

    # The English texts (tests read them); shown through header(), in the interface language.
    COLUMNS = (
        QT_TRANSLATE_NOOP("LetterTableModel", "Date"),
        QT_TRANSLATE_NOOP("LetterTableModel", "Title"),
        QT_TRANSLATE_NOOP("LetterTableModel", "Ch."),
        QT_TRANSLATE_NOOP("LetterTableModel", "Kamerstuk"),
        QT_TRANSLATE_NOOP("LetterTableModel", "Ann."),
    )
    LONG_NAMES = {
        1: QT_TRANSLATE_NOOP("LetterTableModel", "Subject (in italics: a title taken from the text)"),
        2: QT_TRANSLATE_NOOP("LetterTableModel", "Chamber"),
        3: QT_TRANSLATE_NOOP("LetterTableModel", "Kamerstuk"),
        4: QT_TRANSLATE_NOOP("LetterTableModel", "Annotations"),
    }
    DATE, SUBJECT, CHAMBER, KAMERSTUK, ANNOTATIONS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LetterSummary] = []
        self._row_of: dict[int, int] = {}
        self._display: dict[int, tuple[str, ...]] = {}  # letter id -> the row's texts, made on first paint
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sorted = False  # the rows are in the order of _sort (no row changed since they were sorted)
        self._italic = _derived_font()
        self._short: dict[int, str] = {}

    def set_rows(self, rows: Sequence[LetterSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._display.clear()
        self._shown_titles()
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self._sorted = self._sort is not None
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def update_row(self, summary: LetterSummary) -> None:
        row = self._row_of.get(summary.id)
        if row is None:
            return
        old = self._rows[row]
        self._rows[row] = summary
        self._sorted = False  # the row stays where it is until the next sort
        self._display.pop(summary.id, None)
        if (old.title, old.name) != (summary.title, summary.name):
            self._display.clear()
            self._shown_titles()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sorted here, in Python, once: a proxy comparing 10,000 rows through data() takes seconds. The
        view asks again for the order the rows are in (restoring the header's state: three times), which
        costs nothing."""
        if self._sorted and self._sort == (column, order):
            return
        self._sort = (column, order)
        self._sorted = True
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keys = [(self._rows[i.row()].id, i.column()) for i in persistent]
        self._sort_rows(column, order)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [self.index(self._row_of[lid], col) for lid, col in keys])
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._rows.sort(key=lambda r: (self._sort_key(r, column), r.date or "", r.id), reverse=order == Qt.DescendingOrder)

    def row_of(self, letter_id: int) -> int | None:
        return self._row_of.get(letter_id)

    def summary(self, row: int) -> LetterSummary:
        return self._rows[row]

    @property
    def rows(self) -> list[LetterSummary]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.DisplayRole:
                return translate("LetterTableModel", self.COLUMNS[section])
            if role == Qt.ToolTipRole:
                return self.long_name(section)
        return None

    @classmethod
    def long_name(cls, column: int) -> str:
        """The column's full name in the interface language (its heading may be an abbreviation)."""
        return translate("LetterTableModel", cls.LONG_NAMES.get(column, cls.COLUMNS[column]))

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        role = int(role)
        if role not in _LETTER_ROLES:
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._rows) or not index.isValid():
            return None
        row = self._rows[row_number]
        column = index.column()
        if role == _DISPLAY:
            texts = self._display.get(row.id)
            if texts is None:
                texts = self._display[row.id] = tuple(self._text(row, c) for c in range(len(self.COLUMNS)))
            return texts[column]
        if role == _ID:
            return row.id
        if role == _ALIGN:
            return _RIGHT if column == self.ANNOTATIONS else None
        if role == _FOREGROUND:
            if column == self.SUBJECT and row.title_derived:
                return _DERIVED_INK
            return _DIM if column == self.DATE and not row.date else None
        if role == _FONT:
            return self._italic if column == self.SUBJECT and row.title_derived else None
        if role == _SORT:
            return self._sort_key(row, column)
        if role == _ROW:
            return row
        derived, inferred = translate("Models", DERIVED_TITLE_NOTE), translate("Models", INFERRED_NOTE)
        title = f"{row.title or row.name}\n({derived})" if row.title_derived else row.title or row.name
        kamerstuk = row.kamerstuk or (f"{row.inferred_kamerstuk} ({inferred})" if row.inferred_kamerstuk else None)
        lines = [title, " · ".join(x for x in (row.chamber, kamerstuk) if x), row.source_file]
        return plain("\n".join(line for line in lines if line))

    def _shown_titles(self) -> None:
        """Titles that start alike are told apart (core.titles.distinguishing_titles); the tooltip
        keeps the whole title."""
        titles = [r.title or r.name for r in self._rows]
        self._short = dict(zip((r.id for r in self._rows), distinguishing_titles(titles)))

    def _text(self, row: LetterSummary, column: int) -> str:
        if column == self.DATE:
            return date_label(row.date, short=True)  # the whole date is in the reader's header
        if column == self.SUBJECT:
            return self._short.get(row.id) or row.title or row.name
        if column == self.CHAMBER:
            return CHAMBER_CODES.get(row.chamber or "", row.chamber or "")
        if column == self.KAMERSTUK:
            return row.kamerstuk_label
        return str(row.annotation_count) if row.annotation_count else ""

    def _sort_key(self, row: LetterSummary, column: int) -> Any:
        if column == self.DATE:
            return row.date or ""
        if column == self.SUBJECT:
            return (row.title or row.name).casefold()
        if column == self.CHAMBER:
            return row.chamber or ""
        if column == self.KAMERSTUK:
            return row.kamerstuk_label
        return row.annotation_count


_LETTER_ROLES = frozenset({_DISPLAY, _ID, _ALIGN, _FOREGROUND, _FONT, _SORT, _ROW, _TOOLTIP})


class LetterFilterProxy(QSortFilterProxyModel):
    """Filter by theme (with sub-themes), year and chamber. Sorting is passed on to the source model,
    which sorts its rows in Python (fast); the proxy keeps the source order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self._theme_ids: frozenset[int] = frozenset()
        self._year: str | None = None
        self._chamber: str | None = None

    def set_filters(
        self, *, theme_ids: Sequence[int] = (), year: str | None = None, chamber: str | None = None
    ) -> None:
        self.beginFilterChange()
        self._theme_ids = frozenset(theme_ids)
        self._year = year
        self._chamber = chamber
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, LetterTableModel) and column >= 0:
            model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt override
        if not (self._theme_ids or self._year or self._chamber):
            return True
        model = self.sourceModel()
        if not isinstance(model, LetterTableModel):
            return True
        row = model.summary(source_row)
        if self._theme_ids and not self._theme_ids.intersection(row.theme_ids):
            return False
        if self._year is not None and (row.date or "")[:4] != self._year:
            return False
        return self._chamber is None or (row.chamber or "") == self._chamber


class SearchResultsModel(QAbstractItemModel):
    """Search results as a two-level tree: letters (with match counts), then their snippets."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self.query = ""
        self.total = 0

    def set_results(self, query: str, hits: Sequence[SearchHit], total: int) -> None:
        self.beginResetModel()
        self.query = query
        self._hits = list(hits)
        self.total = total
        self.endResetModel()

    def clear(self) -> None:
        self.set_results("", (), 0)

    @property
    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def hit(self, index: Index) -> SearchHit | None:
        if not index.isValid():
            return None
        hit_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._hits[hit_row] if 0 <= hit_row < len(self._hits) else None

    def fragment(self, index: Index) -> SearchFragment | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        hit = self.hit(index)
        return hit.fragments[index.row()] if hit and index.row() < len(hit.fragments) else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._hits) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        hit = self._hits[parent.row()]
        return self.createIndex(row, 0, parent.row() + 1) if row < len(hit.fragments) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        if not parent.isValid():
            return len(self._hits)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._hits[parent.row()].fragments)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 1

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hit(index)
        if hit is None:
            return None
        fragment = self.fragment(index)
        if role == Qt.DisplayRole:
            return fragment_plain(fragment) if fragment else hit_title(hit)
        if role == HTML_ROLE:
            return fragment_html(fragment) if fragment else hit_html(hit)
        if role == ID_ROLE:
            return hit.letter_id
        if role == ROW_ROLE:
            return fragment if fragment else hit
        if role == Qt.ToolTipRole and fragment is None:
            return plain(hit.title or hit.subject or "")
        return None


def hit_title(hit: SearchHit) -> str:
    matches = translate("Models", "%n match(es)", None, hit.match_count)
    untitled = translate("Models", "Untitled letter")
    return f"{hit.title or hit.subject or untitled} — {date_label(hit.date)} — {matches}"


def hit_html(hit: SearchHit) -> str:
    matches = translate("Models", "%n match(es)", None, hit.match_count)
    meta = " · ".join(x for x in (date_label(hit.date), hit.chamber or "", hit.kamerstuk or "") if x)
    untitled = translate("Models", "Untitled letter")
    return (
        f"<b>{html.escape(hit.title or hit.subject or untitled)}</b><br>"
        f"<span style='color:#5b6673'>{html.escape(meta)}</span>"
        f" <span style='color:#1f5fae'>· {matches}</span>"
    )


_FIELD_LABELS = {
    "footnote": QT_TRANSLATE_NOOP("Models", "Footnote"),
    "note": QT_TRANSLATE_NOOP("Models", "Note"),
    "subject": QT_TRANSLATE_NOOP("Models", "Subject"),
}


def fragment_plain(fragment: SearchFragment) -> str:
    return " ".join(fragment.text.split())


def fragment_html(fragment: SearchFragment) -> str:
    """The snippet, escaped, with the matched terms marked."""
    parts: list[str] = []
    cursor = fragment.start
    for start, end in sorted(fragment.highlights):
        if start < cursor or end > fragment.end:
            continue
        parts.append(html.escape(_squash(fragment.text[cursor - fragment.start : start - fragment.start])))
        word = html.escape(fragment.text[start - fragment.start : end - fragment.start])
        parts.append(f"<span style='background-color:#ffe27a;font-weight:600'>{word}</span>")
        cursor = end
    parts.append(html.escape(_squash(fragment.text[cursor - fragment.start :])))
    label = _FIELD_LABELS.get(fragment.field)
    prefix = f"<span style='color:#5b6673'>{html.escape(translate('Models', label))}: </span>" if label else ""
    lead = "…" if fragment.start > 0 else ""  # a snippet from the field's start (a subject) is not cut there
    return f"{prefix}{lead}{''.join(parts)}…"


def _squash(text: str) -> str:
    return text.replace("\n", " ")


def color_icon(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(130))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Disabled)  # a theme's colour is information: not greyed on a greyed row
    return icon


THEME_MIME = "application/x-kamerlezer-theme-id"


class ThemeTreeModel(QAbstractItemModel):
    """The theme tree: name (with colour swatch and shortcut number) and annotation count.

    Dropping a theme on another asks to nest it there (``move_requested``); the owner performs the move
    through the undo stack and then calls :meth:`set_themes` again.
    """

    move_requested = Signal(int, object, int)  # theme id, new parent id or None, position
    rename_requested = Signal(int, str)

    COLUMNS = (
        QT_TRANSLATE_NOOP("ThemeTreeModel", "Theme"),
        QT_TRANSLATE_NOOP("ThemeTreeModel", "Key"),
        QT_TRANSLATE_NOOP("ThemeTreeModel", "Passages"),
    )
    NAME, KEY, COUNT = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._themes: dict[int, Theme] = {}
        self._children: dict[int | None, list[int]] = {None: []}
        self._counts: dict[int, int] = {}
        self._numbers: dict[int, int] = {}

    def set_themes(self, themes: Sequence[Theme], counts: dict[int, int]) -> None:
        self.beginResetModel()
        self._themes = {t.id: t for t in themes}
        self._children = {None: []}
        for theme in themes:  # depth-first order: parents come first
            parent = theme.parent_id if theme.parent_id in self._themes else None
            self._children.setdefault(parent, []).append(theme.id)
            self._children.setdefault(theme.id, [])
        self._counts = dict(counts)
        self._numbers = {t.id: t.key for t in themes if t.key}
        self.endResetModel()

    def theme(self, index: Index) -> Theme | None:
        return self._themes.get(index.internalId()) if index.isValid() else None

    def index_of(self, theme_id: int) -> QModelIndex:
        theme = self._themes.get(theme_id)
        if theme is None:
            return QModelIndex()
        parent = theme.parent_id if theme.parent_id in self._themes else None
        return self.createIndex(self._children[parent].index(theme_id), 0, theme_id)

    def _parent_id(self, theme_id: int) -> int | None:
        parent = self._themes[theme_id].parent_id
        return parent if parent in self._themes else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_id = parent.internalId() if parent.isValid() else None
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children.get(parent_id, [])
        if not 0 <= row < len(children) or not 0 <= column < len(self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent_id = self._parent_id(index.internalId())
        return QModelIndex() if parent_id is None else self.index_of(parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else None, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.COLUMNS):
            return translate("ThemeTreeModel", self.COLUMNS[section])
        if orientation == Qt.Horizontal and role == Qt.ToolTipRole and section == self.KEY:
            return self.tr("Press this key in the reader to tag the selected text")
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        theme = self.theme(index)
        if theme is None:
            return None
        if index.column() == self.COUNT:
            if role == Qt.DisplayRole:
                count = self._counts.get(theme.id, 0)
                return str(count) if count else ""
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignRight | Qt.AlignVCenter)
            return None
        if index.column() == self.KEY:
            if role == Qt.DisplayRole:
                number = self._numbers.get(theme.id)
                return str(number) if number else ""
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignCenter)
            if role == Qt.ForegroundRole:
                return QColor("#6e7781")
            return None
        if role == Qt.DisplayRole:
            return theme.name
        if role == Qt.EditRole:
            return theme.name
        if role == Qt.DecorationRole:
            return color_icon(theme.color)
        if role == Qt.ToolTipRole:
            number = self._numbers.get(theme.id)
            key = "\n" + self.tr("Key {number} tags the selected text").format(number=number) if number else ""
            return plain(f"{theme.description or theme.name}{key}")
        if role == ID_ROLE:
            return theme.id
        if role == ROW_ROLE:
            return theme
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemIsEditable | Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.EditRole) -> bool:  # noqa: N802 - Qt override
        theme = self.theme(index)
        if theme is None or role != Qt.EditRole or index.column() != 0:
            return False
        name = str(value).strip()
        if not name or name == theme.name:
            return False
        self.rename_requested.emit(theme.id, name)
        return True

    # drag and drop: nest a theme under another (or at the top level)
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [THEME_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt override
        data = QMimeData()
        ids = [str(i.internalId()) for i in indexes if i.isValid() and i.column() == 0]
        data.setData(THEME_MIME, ",".join(ids[:1]).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        if not data.hasFormat(THEME_MIME):
            return False
        raw = bytes(data.data(THEME_MIME).data()).decode()
        if not raw.isdigit():
            return False
        theme_id = int(raw)
        target = parent.internalId() if parent.isValid() else None
        while target is not None:  # never into itself or its own descendants
            if target == theme_id:
                return False
            target = self._parent_id(target)
        return True

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        theme_id = int(bytes(data.data(THEME_MIME).data()).decode())
        parent_id = parent.internalId() if parent.isValid() else None
        position = row if row >= 0 else len(self._children.get(parent_id, []))
        self.move_requested.emit(theme_id, parent_id, position)
        return False  # the owner moves it and resets the model; Qt must not remove the source row


class AnnotationListModel(QAbstractListModel):
    """The open letter's annotations, in text order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._themes: dict[int, Theme] = {}
        self._htmls: list[str] = []

    def set_rows(self, annotations: Sequence[Annotation], themes: dict[int, Theme]) -> None:
        self.beginResetModel()
        self._rows = sorted(annotations, key=lambda a: (a.status != "anchored", a.start, a.id))
        self._themes = dict(themes)
        self._htmls = [self._html(a) for a in self._rows]
        self.endResetModel()

    def annotation(self, row: int) -> Annotation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, annotation_id: int) -> int | None:
        for i, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        annotation = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return " ".join(annotation.quote.split())
        if role == HTML_ROLE:
            return self._htmls[index.row()]
        if role == ROW_ROLE:
            return annotation
        if role == ID_ROLE:
            return annotation.id
        if role == Qt.ToolTipRole:
            return plain(annotation.note) if annotation.note else None
        return None

    def _html(self, annotation: Annotation) -> str:
        chips = []
        for theme_id in annotation.theme_ids:
            theme = self._themes.get(theme_id)
            if theme is not None:
                chips.append(
                    f"<span style='color:{theme.color}'>&#9632;</span>&nbsp;"
                    f"<span style='color:#37414d'>{html.escape(theme.name)}</span>"
                )
        quote = " ".join(annotation.quote.split())
        if len(quote) > 220:
            quote = quote[:217] + "…"
        lines = [f"<span style='color:#1d2733'>“{html.escape(quote)}”</span>"]
        if annotation.status != "anchored":
            lines.insert(0, "<span style='color:#b35900'>{}</span><span style='color:#8a939d'> · {}</span>".format(
                html.escape(self.tr("Not found in the current text")),
                html.escape(self.tr("select its new place, then Edit > Re-attach"))))
        no_theme = html.escape(self.tr("No theme"))
        lines.append("&nbsp;&nbsp;".join(chips) if chips else f"<span style='color:#8a939d'>{no_theme}</span>")
        if annotation.note:
            note = " ".join(annotation.note.split())
            lines.append(f"<i style='color:#4a5562'>{html.escape(note[:200])}</i>")
        return "<br>".join(lines)
