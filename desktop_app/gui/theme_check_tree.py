"""A tree of themes with check boxes, shared by the export dialog and the Passages view."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.core.model import Theme
from desktop_app.gui.models import color_icon
from desktop_app.gui.plaintext import plain


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """``item``'s children (``child(i)`` is None only for an index out of range)."""
    return [child for child in (item.child(i) for i in range(item.childCount())) if child is not None]


class ThemeCheckTree(QTreeWidget):
    """Themes with check boxes; a checked theme includes its sub-themes, which show checked and greyed
    (the rule of :func:`desktop_app.core.passages.expand_themes` and of the export)."""

    checked_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.items: dict[int, QTreeWidgetItem] = {}
        self._cascading = False
        self._batch = False  # set_checked_themes is checking several: one signal at the end
        self.itemChanged.connect(self._on_item_changed)

    def set_themes(self, themes: Sequence[Theme]) -> None:
        checked = self.checked_themes()
        self._cascading = True
        try:
            self.clear()
            self.items = {}
            for theme in themes:
                parent_item = self.items.get(theme.parent_id) if theme.parent_id is not None else None
                item = QTreeWidgetItem(parent_item or self, [theme.name])
                item.setData(0, Qt.UserRole, theme.id)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(0, Qt.Unchecked)
                item.setForeground(0, QBrush(QColor("#1f2328")))
                item.setIcon(0, color_icon(theme.color, 14))  # keeps its colour when greyed (included)
                self.items[theme.id] = item
            self.expandAll()
        finally:
            self._cascading = False
        self.set_checked_themes([t for t in checked if t in self.items], emit=False)

    def checked_themes(self) -> list[int]:
        """Checked themes, in tree order, without those already included by a checked parent."""
        out: list[int] = []
        stack = [self.invisibleRootItem()]
        while stack:
            item = stack.pop(0)
            for child in _children(item):
                if child.checkState(0) == Qt.Checked:
                    out.append(int(child.data(0, Qt.UserRole)))
                else:
                    stack.append(child)
        return out

    def set_checked_themes(self, theme_ids: Sequence[int], *, emit: bool = True) -> None:
        self._cascading = True
        try:
            for item in self.items.values():
                item.setCheckState(0, Qt.Unchecked)
                item.setDisabled(False)
                item.setToolTip(0, "")
        finally:
            self._cascading = False
        self._batch = True  # one checked_changed for the whole set, not one per theme
        try:
            for theme_id in theme_ids:
                if theme_id in self.items:
                    self.items[theme_id].setCheckState(0, Qt.Checked)  # cascades
        finally:
            self._batch = False
        if emit:
            self.checked_changed.emit()

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._cascading:
            return
        self._cascading = True
        try:
            included = item.checkState(0) == Qt.Checked
            stack = _children(item)
            while stack:
                child = stack.pop()
                child.setCheckState(0, Qt.Checked if included else Qt.Unchecked)
                child.setDisabled(included)
                child.setToolTip(0, plain(self.tr("Included with {theme}").format(theme=item.text(0))) if included else "")
                stack.extend(_children(child))
        finally:
            self._cascading = False
        if not self._batch:
            self.checked_changed.emit()
