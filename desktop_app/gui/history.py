"""Undo and redo in the window: a view of the library's own history of changes (core
``Library.undo/redo/history``), not a stack of its own.

Every change the window makes (through the controller, or a citation decision, or an import) is
recorded by the core as it happens, and so is every change made meanwhile by ``kamerlezer`` in
another session: Ctrl+Z takes back the newest change of the library, whatever made it, and says what
it was in the status bar. The actions' texts ("Undo Tagged “…”") come from the change's label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction

from desktop_app.core.labels import Label
from desktop_app.gui.i18n import core_text, translate

if TYPE_CHECKING:
    from desktop_app.gui.controller import LibraryController


def shown_label(label: str) -> str:
    """A change's label in the interface's language: each part's template (the core keeps it with the
    label, :class:`desktop_app.core.labels.Label`) translated, the names and quotes in it kept as
    written. A label without parts (of no known form) is shown as it is."""
    if not isinstance(label, Label) or not label.parts:
        return label
    text = "; ".join(translate("History", template).format(*args) for template, args in label.parts)
    return text + translate("History", " (interrupted)") if label.interrupted else text


class HistoryStack(QObject):
    """What the Edit menu and the toolbar need of an undo stack, over the core history."""

    canUndoChanged = Signal(bool)  # noqa: N815 - QUndoStack's names, which the window uses
    canRedoChanged = Signal(bool)  # noqa: N815
    undoTextChanged = Signal(str)  # noqa: N815
    redoTextChanged = Signal(str)  # noqa: N815
    stepped = Signal(str)  # what just happened, for the status bar: "Undone: Tagged …. Redo: Ctrl+Shift+Z."

    def __init__(self, controller: LibraryController) -> None:
        super().__init__(controller)
        self.controller = controller
        self._undo_text = ""
        self._redo_text = ""
        self.refresh()

    # -- state ---------------------------------------------------------------------------------------
    def canUndo(self) -> bool:  # noqa: N802
        return bool(self._undo_text)

    def canRedo(self) -> bool:  # noqa: N802
        return bool(self._redo_text)

    def undoText(self) -> str:  # noqa: N802
        return self._undo_text

    def redoText(self) -> str:  # noqa: N802
        return self._redo_text

    def count(self) -> int:
        """The changes in the library's history (undone ones included)."""
        return len(self.controller.library.history())

    @Slot()
    def refresh(self) -> None:
        """Read what undo and redo would do now (after any change, from here or elsewhere)."""
        library = self.controller.library
        if getattr(library, "readonly", False):
            undo = redo = None
        else:
            undo, redo = library.can_undo(), library.can_redo()
        self._set("_undo_text", shown_label(undo.label) if undo else "", self.undoTextChanged, self.canUndoChanged)
        self._set("_redo_text", shown_label(redo.label) if redo else "", self.redoTextChanged, self.canRedoChanged)

    def _set(self, attribute: str, text: str, text_changed: Any, can_changed: Any) -> None:
        old = getattr(self, attribute)
        setattr(self, attribute, text)
        if old != text:
            text_changed.emit(text)
        if bool(old) != bool(text):
            can_changed.emit(bool(text))

    def changed(self) -> None:
        """The window made a change: say so, and what undo now takes back."""
        self.refresh()
        if self._undo_text:
            self.stepped.emit(translate("History", "{done}. Undo: Ctrl+Z.").format(done=self._undo_text))

    # -- undo / redo ---------------------------------------------------------------------------------
    @Slot()
    def undo(self) -> None:
        self._step(undo=True)

    @Slot()
    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, *, undo: bool) -> None:
        from desktop_app.core.errors import AppError

        library = self.controller.library
        try:
            change = library.undo() if undo else library.redo()
        except AppError as error:
            self.refresh()
            self.stepped.emit(core_text(error.message))
            return
        self.controller.change_applied(change)
        self.refresh()
        if undo:
            self.stepped.emit(translate("History", "Undone: {what}. Redo: Ctrl+Shift+Z.").format(what=shown_label(change.label)))
        else:
            self.stepped.emit(translate("History", "Redone: {what}. Undo: Ctrl+Z.").format(what=shown_label(change.label)))

    # -- actions -------------------------------------------------------------------------------------
    def createUndoAction(self, parent: QObject, prefix: str = "&Undo") -> QAction:  # noqa: N802
        return self._action(parent, prefix, self.undo, self.canUndoChanged, self.undoTextChanged, self.canUndo, self.undoText)

    def createRedoAction(self, parent: QObject, prefix: str = "&Redo") -> QAction:  # noqa: N802
        return self._action(parent, prefix, self.redo, self.canRedoChanged, self.redoTextChanged, self.canRedo, self.redoText)

    def _action(self, parent: QObject, prefix: str, slot: Any, can: Any, text: Any, enabled: Any, label: Any) -> QAction:
        action = QAction(prefix, parent)
        retitler = _Retitler(action, prefix)  # a child of the action: its connection ends with the action
        action.setEnabled(enabled())
        retitler.retitle(label())
        action.triggered.connect(lambda _checked=False: slot())
        can.connect(action.setEnabled)
        text.connect(retitler.retitle)
        return action


class _Retitler(QObject):
    """Keeps an undo/redo action's text ("&Undo Tagged …") and tooltip (plain: a label may hold "<b>")
    in step with the history. A QObject child of the action, so a window deleted with its actions (the
    language switch builds a new one over the same controller) leaves no connection behind."""

    def __init__(self, action: QAction, prefix: str) -> None:
        super().__init__(action)
        self.action = action
        self.prefix = prefix

    @Slot(str)
    def retitle(self, what: str) -> None:
        from desktop_app.gui.plaintext import plain

        self.action.setText(f"{self.prefix} {what.replace('&', '&&')}" if what else self.prefix)  # "&&": a literal "&"
        shown = self.prefix.replace("&", "", 1)
        self.action.setToolTip(plain(f"{shown} {what}" if what else shown))
