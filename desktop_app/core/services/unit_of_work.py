"""How one change is made: recorded in the history, committed, followed by the search index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.store import history_repo, letters_repo


@dataclass
class _Label:
    """The label of the change being recorded; the use case sets it once it knows what it did.
    ``fold``: the change joins the previous one when it wrote the same single row under the same label
    (consecutive edits of one note are one change)."""

    text: str
    fold: bool = False


class UnitOfWorkMixin:
    """The change machinery of :class:`~desktop_app.core.services.Library`."""

    db: Any
    folder: Path
    notices: list[str]

    @contextmanager
    def recording(self, label: str, *, transaction: bool = True) -> Iterator[_Label]:
        """Record every row written inside as one change of the history (``history_repo``), labelled
        for the user ("Tagged …"; the caller may set ``.text`` once it knows more). With
        ``transaction`` (the default) the change and its record are one transaction: all or nothing.
        Without it (a batch import, whose files are committed one by one) what was committed is kept
        as the change, also when a later step fails. Nested recordings belong to the outermost one. A
        change that wrote nothing is not kept. Recording a new change drops the changes undone before
        it (they can no longer be redone)."""
        holder = _Label(label)
        if self.readonly or self.db is None or self._recording_id is not None:
            yield holder
            return
        kept = False
        written = self.db.conn.total_changes
        try:
            with self.db.atomic() if transaction else nullcontext():
                with self.db.atomic():
                    change_id = history_repo.begin(self.db, label, letters_repo.now())
                self._recording_id = change_id
                try:
                    yield holder
                finally:
                    self._recording_id = None
                    with self.db.atomic():
                        touched = history_repo.touched(self.db, change_id)
                        kept = history_repo.finish(self.db, change_id, holder.text, touched)
                        if kept and holder.fold and history_repo.fold_into_previous(self.db, change_id):
                            change_id = history_repo.last_done(self.db).id  # type: ignore[union-attr]
        except BaseException:
            if transaction and self.db is not None:  # rolled back: nothing changed, nothing to back up
                self._changes_backed_up += self.db.conn.total_changes - written
            raise
        if kept:
            self.last_change = history_repo.get(self.db, change_id)
        else:  # nothing was written but the record itself, which is gone: no backup is due for it
            self._changes_backed_up += self.db.conn.total_changes - written

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """A store transaction the search index must follow. The dirty marker is laid down before the
        commit and removed by :meth:`_refresh_index` after the index caught up, so a crash in between
        is repaired (rebuilt) at the next open."""
        if self.index is not None:
            self._dirty_marker.touch()
        with self.db.atomic():
            yield

    def _refresh_index(self, letter_ids: Iterable[int]) -> None:
        """Bring the index up to date for these letters (after the store committed). A failure leaves
        the dirty marker so the next open rebuilds; it never undoes the user's change."""
        ids = sorted(set(letter_ids))
        if self.index is None:
            if ids and not self._dirty_marker.exists():
                self._dirty_marker.write_text("changes were made without the search index", encoding="utf-8")
            return
        if self._deferred is not None:
            self._deferred.update(ids)
            return
        try:
            for letter_id in ids:
                if letters_repo.get(self.db, letter_id) is None:
                    self.index.delete(letter_id)
                else:
                    self.index.update(self.index_doc(letter_id))
        except Exception as err:  # noqa: BLE001 - the index is derived data
            self._index_failed = True
            self.notices.append(f"The search index could not be updated ({err}); it will be rebuilt.")
        if not self._index_failed:  # in step again (after an update failed, only a rebuild is)
            self._dirty_marker.unlink(missing_ok=True)

