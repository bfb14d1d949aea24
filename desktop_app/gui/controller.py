"""The GUI's single entry to the Library: the locked Library, the undo stack, the worker threads, and
signals that tell every view what changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop_app.core.model import Annotation, LetterSummary, Reference, Theme
from desktop_app.gui import commands
from desktop_app.gui.locked import LockedLibrary
from desktop_app.gui.tasks import TaskRunner


class LibraryController(QObject):
    letters_changed = Signal()  # letters were added or replaced
    letter_changed = Signal(int)  # a letter's own data (e.g. its Kamerstuk id) and so references changed
    annotations_changed = Signal(int, object, bool)  # letter id (-1: any), focus annotation id, note only
    themes_changed = Signal()
    references_changed = Signal()

    def __init__(self, library: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library if isinstance(library, LockedLibrary) else LockedLibrary(library)
        self.undo_stack = QUndoStack(self)
        self.work = TaskRunner("work", self)  # import, reindex, export
        self.searcher = TaskRunner("search", self)  # search as you type
        self.closed = False  # set by shutdown(): no new work after it
        self._themes: list[Theme] = []
        self.reload_themes()

    # -- cached lookups ----------------------------------------------------------------------------
    def reload_themes(self) -> None:
        self._themes = list(self.library.list_themes())

    @property
    def themes(self) -> list[Theme]:
        """Depth-first, as shown in the theme tree; the first nine have keys 1-9."""
        return list(self._themes)

    def theme_map(self) -> dict[int, Theme]:
        return {t.id: t for t in self._themes}

    def theme_for_key(self, number: int) -> Theme | None:
        return self._themes[number - 1] if 1 <= number <= min(9, len(self._themes)) else None

    def references_for(self, letter_id: int) -> list[Reference]:
        """What the letter cites; empty when this installation has no reference service."""
        ask = getattr(getattr(self.library, "references", None), "refs_for", None)
        return list(ask(letter_id)) if ask is not None else []

    def cited_by(self, letter_id: int) -> list[Reference]:
        ask = getattr(getattr(self.library, "references", None), "cited_by", None)
        return list(ask(letter_id)) if ask is not None else []

    def summary_for(self, summary: LetterSummary) -> LetterSummary:
        """The summary row of a letter after its annotations changed (without listing all letters)."""
        from dataclasses import replace

        annotations = self.library.list_annotations(summary.id)
        theme_ids = sorted({t for a in annotations for t in a.theme_ids})
        return replace(summary, annotation_count=len(annotations), theme_ids=tuple(theme_ids))

    # -- called by commands after each change -------------------------------------------------------
    def annotations_touched(self, letter_id: int, annotation_id: int | None, *, note_only: bool = False) -> None:
        self.annotations_changed.emit(letter_id, annotation_id, note_only)
        if not note_only:
            self.themes_changed.emit()  # counts

    def letter_touched(self, letter_id: int) -> None:
        self.letter_changed.emit(letter_id)

    def set_kamerstuk(self, letter_id: int, kamerstuk: str | None) -> None:
        old = self.library.get_letter(letter_id).kamerstuk
        self._push(commands.SetKamerstuk(self, letter_id, old, kamerstuk or None))

    def themes_touched(self, *, annotations: bool = False) -> None:
        self.reload_themes()
        self.themes_changed.emit()
        if annotations:
            self.annotations_changed.emit(-1, None, False)

    # -- edits (all undoable) ----------------------------------------------------------------------
    def add_annotation(self, letter_id: int, start: int, end: int, theme_ids: Sequence[int] = (), note: str = "") -> Annotation | None:
        command = commands.AddAnnotation(self, letter_id, start, end, theme_ids, note)
        self._push(command)
        return command.annotation

    def toggle_theme(self, annotation: Annotation, theme: Theme) -> None:
        if theme.id in annotation.theme_ids:
            theme_ids = tuple(t for t in annotation.theme_ids if t != theme.id)
            text = f"Remove theme “{theme.name}”"
        else:
            theme_ids = (*annotation.theme_ids, theme.id)
            text = f"Add theme “{theme.name}”"
        self._push(commands.SetAnnotationThemes(self, annotation, theme_ids, text))

    def set_note(self, annotation: Annotation, note: str) -> None:
        current = self.library.get_annotation(annotation.id)
        if current.note != note:
            self._push(commands.EditNote(self, current, note))

    def reattach_annotation(self, annotation: Annotation, start: int, end: int) -> None:
        self._push(commands.ReattachAnnotation(self, annotation, start, end))

    def delete_annotation(self, annotation: Annotation) -> None:
        self._push(commands.DeleteAnnotation(self, annotation))

    def add_theme(self, name: str, color: str | None = None, parent_id: int | None = None) -> Theme | None:
        command = commands.AddTheme(self, name, color, parent_id)
        self._push(command)
        return command.theme

    def rename_theme(self, theme: Theme, name: str) -> None:
        self._push(commands.UpdateTheme(self, theme, name=name))

    def recolour_theme(self, theme: Theme, color: str) -> None:
        self._push(commands.UpdateTheme(self, theme, color=color))

    def describe_theme(self, theme: Theme, description: str) -> None:
        """The description an export introduces the theme's chapter with (undoable)."""
        self._push(commands.UpdateTheme(self, theme, description=description))

    def move_theme(self, theme: Theme, parent_id: int | None, position: int | None = None) -> None:
        self._push(commands.MoveTheme(self, theme, parent_id, position))

    def merge_themes(self, source: Theme, target: Theme) -> None:
        self._push(commands.MergeThemes(self, source, target))

    def delete_theme(self, theme: Theme) -> None:
        self._push(commands.DeleteTheme(self, theme))

    def _push(self, command: commands._Command) -> None:  # noqa: SLF001
        command.apply()  # raises AppError when the Library refuses: nothing is pushed then
        command.applied_before_push = True
        self.undo_stack.push(command)

    def shutdown(self) -> None:
        """Stop accepting work, cancel what runs, and wait for the workers."""
        self.closed = True
        for runner in (self.work, self.searcher):
            runner.cancel_all()
        for runner in (self.searcher, self.work):
            runner.wait(30_000)
