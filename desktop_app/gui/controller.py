"""The GUI's single entry to the Library: the locked Library, undo/redo over the library's own
history (gui/history.py), the worker threads, and signals that tell every view what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop_app.core.model import Annotation, LetterSummary, Reference, Theme
from desktop_app.gui.history import HistoryStack
from desktop_app.gui.i18n import core_text
from desktop_app.gui.locked import LockedLibrary
from desktop_app.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from desktop_app.gui.library_api import LibraryApi

_T = TypeVar("_T")


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
        locked = library if isinstance(library, LockedLibrary) else LockedLibrary(library)
        self.library = cast("LibraryApi", locked)  # what the GUI may call on it (gui/library_api.py)
        self.work = TaskRunner("work", self)  # import, reindex, export
        self.searcher = TaskRunner("search", self)  # search as you type
        self.closed = False  # set by shutdown(): no new work after it
        self._themes: list[Theme] = []
        self.reload_themes()
        self.undo_stack = HistoryStack(self)  # Ctrl+Z / Ctrl+Shift+Z: the library's own history
        for signal in (self.letters_changed, self.letter_changed, self.references_changed):
            signal.connect(self.undo_stack.refresh)  # changes made outside the edits below (imports, links)
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
            self.backup_failed.emit(self.tr("No backup was made: {reason}").format(reason=core_text(explain(error).message)))

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

    # -- what changed: tell the views -----------------------------------------------------------------
    def annotations_touched(self, letter_id: int, annotation_id: int | None, *, note_only: bool = False) -> None:
        self.annotations_changed.emit(letter_id, annotation_id, note_only)
        if not note_only:
            self.themes_changed.emit()  # counts

    def letter_touched(self, letter_id: int) -> None:
        self.letter_changed.emit(letter_id)

    def themes_touched(self, *, annotations: bool = False) -> None:
        self.reload_themes()
        self.themes_changed.emit()
        if annotations:
            self.annotations_changed.emit(-1, None, False)

    def change_applied(self, change: Any) -> None:
        """A change of the history was undone or redone: refresh what it touched (its ids)."""
        touched = change.touched
        if touched.get("themes") or touched.get("annotations"):
            self.themes_touched(annotations=True)
        documents = set(touched.get("documents", ()))
        if documents:  # the window reloads the letter list and the open letter once
            self.letters_changed.emit()
            self.letter_changed.emit(min(documents))

    # -- edits: each one change of the library's history (undone with Ctrl+Z) ---------------------------
    def _edit(self, call: Callable[[], _T], after: Callable[[_T], None]) -> _T:
        """Make a change (an AppError from the Library: nothing changed, nothing recorded), refresh the
        views, and let the history say what was done."""
        result = call()
        after(result)
        self.undo_stack.changed()
        return result

    def follow_dossier(self, dossier: str) -> Any:
        """Follow a Kamerstuk dossier (the FollowedDossier; a change of the history, unless it was followed)."""
        return self._edit(lambda: self.library.follow_dossier(dossier), lambda _: None)

    def set_kamerstuk(self, letter_id: int, kamerstuk: str | None) -> None:
        self._edit(lambda: self.library.set_kamerstuk(letter_id, kamerstuk or None), lambda _: self.letter_touched(letter_id))

    def add_annotation(self, letter_id: int, start: int, end: int, theme_ids: Sequence[int] = (), note: str = "") -> Annotation | None:
        return self._edit(
            lambda: self.library.annotate(letter_id, start, end, tuple(theme_ids), note),
            lambda made: self.annotations_touched(letter_id, made.id),
        )

    def toggle_theme(self, annotation: Annotation, theme: Theme) -> None:
        current = self.library.get_annotation(annotation.id)
        if theme.id in current.theme_ids:
            theme_ids = tuple(t for t in current.theme_ids if t != theme.id)
        else:
            theme_ids = (*current.theme_ids, theme.id)
        self._edit(
            lambda: self.library.update_annotation(annotation.id, theme_ids=theme_ids),
            lambda _: self.annotations_touched(annotation.letter_id, annotation.id),
        )

    def set_note(self, annotation: Annotation, note: str) -> None:
        current = self.library.get_annotation(annotation.id)
        if current.note != note:
            self._edit(
                lambda: self.library.update_annotation(annotation.id, note=note),
                lambda _: self.annotations_touched(annotation.letter_id, annotation.id, note_only=True),
            )

    def reattach_annotation(self, annotation: Annotation, start: int, end: int) -> None:
        self._edit(
            lambda: self.library.reattach_annotation(annotation.id, start, end),
            lambda _: self.annotations_touched(annotation.letter_id, annotation.id),
        )

    def delete_annotation(self, annotation: Annotation) -> None:
        self._edit(
            lambda: self.library.delete_annotation(annotation.id),
            lambda _: self.annotations_touched(annotation.letter_id, None),
        )

    def add_theme(self, name: str, color: str | None = None, parent_id: int | None = None) -> Theme | None:
        return self._edit(lambda: self.library.add_theme(name, color=color, parent=parent_id), lambda _: self.themes_touched())

    def rename_theme(self, theme: Theme, name: str) -> None:
        self._edit(lambda: self.library.update_theme(theme.id, name=name), lambda _: self.themes_touched())

    def set_theme_key(self, theme: Theme, key: int | None) -> None:
        self._edit(lambda: self.library.set_theme_key(theme.id, key), lambda _: self.themes_touched())

    def recolour_theme(self, theme: Theme, color: str) -> None:
        self._edit(lambda: self.library.update_theme(theme.id, color=color), lambda _: self.themes_touched())

    def describe_theme(self, theme: Theme, description: str) -> None:
        """The description an export introduces the theme's chapter with (undoable)."""
        self._edit(lambda: self.library.update_theme(theme.id, description=description), lambda _: self.themes_touched())

    def move_theme(self, theme: Theme, parent_id: int | None, position: int | None = None) -> None:
        self._edit(
            lambda: self.library.move_theme(theme.id, parent=parent_id, position=position), lambda _: self.themes_touched()
        )

    def merge_themes(self, source: Theme, target: Theme) -> None:
        self._edit(
            lambda: self.library.merge_themes(source.id, target.id), lambda _: self.themes_touched(annotations=True)
        )

    def delete_theme(self, theme: Theme) -> None:
        self._edit(
            lambda: self.library.delete_theme(theme.id, force=True), lambda _: self.themes_touched(annotations=True)
        )

    def keep_letter_list(self) -> None:
        """Keep the letter list for the next start-up when this session's changes made the kept one
        stale (``Library.keep_letter_list``; ~1 s at 100,000 letters, nothing when it is current)."""
        try:
            self.library.keep_letter_list()
        except Exception:  # noqa: BLE001 - derived data: the next start-up lists the letters itself
            log.warning("the letter list could not be kept for the next start-up", exc_info=True)

    def shutdown(self) -> None:
        """Stop accepting work, cancel what runs, and wait for the workers."""
        self.closed = True
        self.backup_timer.stop()
        for runner in (self.work, self.searcher):
            runner.cancel_all()
        for runner in (self.searcher, self.work):
            runner.wait(30_000)
