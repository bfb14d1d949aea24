"""The GUI's single entry to the Library: the locked Library, the undo stack, the worker threads, and
signals that tell every view what changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
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
    backup_failed = Signal(str)  # a periodic backup could not be made: the sentence to show

    BACKUP_CHECK_MS = 60_000  # how often the timer asks the core whether a backup is due

    def __init__(self, library: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library if isinstance(library, LockedLibrary) else LockedLibrary(library)
        self.undo_stack = QUndoStack(self)
        self.work = TaskRunner("work", self)  # import, reindex, export
        self.searcher = TaskRunner("search", self)  # search as you type
        self.closed = False  # set by shutdown(): no new work after it
        self._themes: list[Theme] = []
        self.reload_themes()
        # A long session is backed up every few minutes / many changes (Library.backup_if_due decides),
        # on the work thread: the backup reads a snapshot beside the writer and checks the copy.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(self.BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self._on_backup_timer_timeout)
        self.backup_timer.start()

    @Slot()
    def _on_backup_timer_timeout(self) -> None:
        self.backup_if_due()

    def backup_if_due(self) -> Any:
        """Ask the core, off the UI thread, to back up when due; returns the task handle (None when closed)."""
        if self.closed:
            return None
        handle = self.work.submit(self.tr("Backup"), lambda _progress, _cancel: self.library.backup_if_due())
        handle.failed.connect(self._on_backup_failed)
        return handle

    @Slot(object, str)
    def _on_backup_failed(self, error: object, _details: str) -> None:
        from desktop_app.core.store.db import explain

        if isinstance(error, BaseException):
            self.backup_failed.emit(self.tr("No backup was made: {reason}").format(reason=explain(error).message))

    # -- cached lookups ----------------------------------------------------------------------------
    def reload_themes(self) -> None:
        self._themes = list(self.library.list_themes())

    @property
    def themes(self) -> list[Theme]:
        """Depth-first, as shown in the theme tree; keys 1-9 are the themes' own (Theme.key)."""
        return list(self._themes)

    def theme_map(self) -> dict[int, Theme]:
        return {t.id: t for t in self._themes}

    def theme_for_key(self, number: int) -> Theme | None:
        """The theme whose own key (chosen, unique) is ``number``."""
        return next((t for t in self._themes if t.key == number), None)

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
        themes = self.theme_map()
        names = ", ".join(f"“{themes[t].name}”" for t in theme_ids if t in themes)
        text = self.tr("Tag with {names}").format(names=names) if names else self.tr("Add annotation")
        past = self.tr("Tagged with {names}").format(names=names) if names else self.tr("Annotation added")
        command = commands.AddAnnotation(self, letter_id, start, end, theme_ids, note, text, past)
        self._push(command)
        return command.annotation

    def toggle_theme(self, annotation: Annotation, theme: Theme) -> None:
        if theme.id in annotation.theme_ids:
            theme_ids = tuple(t for t in annotation.theme_ids if t != theme.id)
            text = self.tr("Untag “{name}”").format(name=theme.name)
            past = self.tr("Untagged “{name}”").format(name=theme.name)
        else:
            theme_ids = (*annotation.theme_ids, theme.id)
            text = self.tr("Tag with “{name}”").format(name=theme.name)
            past = self.tr("Tagged with “{name}”").format(name=theme.name)
        self._push(commands.SetAnnotationThemes(self, annotation, theme_ids, text, past))

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

    def set_theme_key(self, theme: Theme, key: int | None) -> None:
        self._push(commands.SetThemeKey(self, theme, key))

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
        self.backup_timer.stop()
        for runner in (self.work, self.searcher):
            runner.cancel_all()
        for runner in (self.searcher, self.work):
            runner.wait(30_000)
