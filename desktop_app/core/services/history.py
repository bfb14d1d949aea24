"""The history of changes: list, show, undo, redo (the rows are recorded by :mod:`.unit_of_work`)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.messages import Message
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import annotations_repo, history_repo, themes_repo
from desktop_app.core.store.history_repo import Change

_CHECKED_TABLES = ("themes", "annotations", "annotation_themes", "reference_decisions")
"""The user's own rows: undo and redo refuse to write over them when they changed since (derived rows
such as resolutions are written back as recorded)."""


class HistoryMixin(LibraryParts):
    """Undo, redo and the history of :class:`~desktop_app.core.services.Library`."""

    def history(self, limit: int | None = None) -> list[Change]:
        """The recorded changes, newest first; undone ones (redo puts them back) are marked."""
        return history_repo.changes(self.db, limit)

    def change(self, change_id: int) -> Change:
        """One change with the rows it wrote, before and after."""
        found = history_repo.get(self.db, int(change_id))
        if found is None:
            raise NotFound(f"No change with id {change_id} in the history (see 'kamerlezer history').")
        return replace(found, rows=tuple(history_repo.rows(self.db, found.id)))

    def can_undo(self) -> Change | None:
        """The change :meth:`undo` would take back, or None."""
        return history_repo.last_done(self.db)

    def can_redo(self) -> Change | None:
        """The change :meth:`redo` would put back, or None."""
        return history_repo.first_undone(self.db)

    def undo(self) -> Change:
        """Take back the newest change: every row it wrote as it was before, in one transaction; the
        search index follows, the citations' resolutions are among the rows. InvalidInput when there is
        nothing to undo, or when a row it wrote was changed since outside the history."""
        return self._step(undo=True)

    def redo(self) -> Change:
        """Put back the change undone last (InvalidInput when there is none)."""
        return self._step(undo=False)

    def _step(self, *, undo: bool) -> Change:
        verb = "undo" if undo else "redo"
        if self.readonly:
            raise InvalidInput(f"This library is open read-only here: nothing to {verb}.")
        if self._recording_id is not None:
            raise InvalidInput(f"Cannot {verb} while a change is being made.")
        change = history_repo.last_done(self.db) if undo else history_repo.first_undone(self.db)
        if change is None:
            raise InvalidInput(Message("Nothing to undo.") if undo else Message("Nothing to redo."))
        stale = history_repo.conflicts(self.db, change.id, undo=undo, tables=_CHECKED_TABLES)
        if stale:
            rows = ", ".join(f"{table} #{row_id}" for table, row_id in stale[:5])
            template = ("Cannot undo “{0}”: {1} changed since, outside the history." if undo
                        else "Cannot redo “{0}”: {1} changed since, outside the history.")
            raise InvalidInput(Message(template, change.label, rows))
        with self.unit_of_work() as work:  # not a change of its own: the history marks it undone (or not)
            work.touch(self._letters_of_change(change))  # the letters as the change left them ...
            history_repo.apply(self.db, change.id, undo=undo)
            history_repo.set_undone(self.db, change.id, undo)
            work.touch(self._letters_of_change(change))  # ... and as it is now
        self.last_change = replace(change, undone=undo)
        return self.last_change

    def _letters_of_change(self, change: Change) -> set[int]:
        """The letters whose search documents a change (or its undoing) alters: its own, its
        annotations', and those using its themes (theme paths are indexed)."""
        letters = set(change.touched.get("letters", ()))
        letters.update(annotations_repo.letters_of(self.db, change.touched.get("annotations", ())))
        themes = [t for t in change.touched.get("themes", ()) if themes_repo.get(self.db, t) is not None]
        ids = {d for t in themes for d in self.theme_descendants(t)}
        letters.update(themes_repo.letter_ids(self.db, ids))
        return letters

