"""How one change is made: :meth:`UnitOfWorkMixin.unit_of_work`, the one context every use case that
writes goes through. It records the change in the history (:meth:`~UnitOfWorkMixin.recording`), runs the
writes in one transaction with the search index's dirty marker laid down, collects the letters whose
search documents the change alters (:meth:`Work.touch`) and, once the store has committed, marks the
changed letters' citations pending, brings the index up to date for the letters touched and resolves
the pending citations when asked::

    with self.unit_of_work("Merged “A” into “B”") as work:   # history_repo.begin; BEGIN; dirty marker
        work.touch(letters using A)                           # collected, not yet indexed
        themes_repo / annotations_repo writes …               # triggers copy each row into history_rows
    # COMMIT (history_repo.finish); references.changed(…); _refresh_index(touched); resolve_references()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from desktop_app.core.labels import EMPTY, Label
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import history_repo, letters_repo


@dataclass
class _Label:
    """The label of the change being recorded; the use case sets it once it knows what it did.
    ``fold``: the change joins the previous one when it wrote the same single row under the same label
    (consecutive edits of one note are one change)."""

    text: Label
    fold: bool = False


@dataclass
class Work:
    """What one unit of work collects while its writes run: the letters whose search documents change
    (refreshed after the commit) and the letters whose own rows change (their citations made pending:
    ``ReferenceService.changed``), with whether each was deleted."""

    label: _Label
    letters: set[int] = field(default_factory=set)
    references: dict[int, bool] = field(default_factory=dict)  # letter id -> deleted

    def touch(self, letter_ids: Iterable[int]) -> None:
        """The search documents of these letters change: the index follows them when the work ends."""
        self.letters.update(letter_ids)


class UnitOfWorkMixin(LibraryParts):
    """The change machinery of :class:`~desktop_app.core.services.Library`."""

    @contextmanager
    def unit_of_work(
        self,
        label: Label | None = None,
        *,
        transaction: bool = True,
        index: bool = True,
        letters_changing: Iterable[int] = (),
        deleted: bool = False,
        resolve: bool = False,
    ) -> Iterator[Work]:
        """One change: recorded under ``label`` (None: a part of the change being recorded, e.g. one file
        of an import, or not a change the user undoes, e.g. an undo itself), its writes in one transaction
        the search index follows (``index``; False for rows the index does not hold: a theme's colour,
        key, place among the same siblings), and when the store has committed: the citations of
        ``letters_changing`` made pending (``ReferenceService.before_change`` before the writes,
        ``changed`` after, ``deleted`` when the writes delete them), the index brought up to date for
        the letters :meth:`Work.touch` collected (and ``letters_changing``), and the pending citations
        resolved when ``resolve``.

        With ``transaction`` (the default) the recording is one transaction and what follows the commit
        runs after it. Without it the writes are one transaction within a recording that goes on, so
        the resolutions written afterwards are part of the same change. A failure inside leaves the
        dirty marker (the index is rebuilt at the next open) and does nothing after the writes."""
        with self.recording(label, transaction=transaction) if label is not None else nullcontext(_Label(EMPTY)) as holder:
            work = Work(holder)
            for letter_id in letters_changing:
                self.references.before_change(letter_id)
                work.references[letter_id] = deleted
                work.letters.add(letter_id)
            with self._changing() if index else nullcontext():
                yield work
            if not transaction:
                self._after_commit(work, index=index, resolve=resolve)
        if transaction:
            self._after_commit(work, index=index, resolve=resolve)

    def _after_commit(self, work: Work, *, index: bool, resolve: bool) -> None:
        for letter_id, deleted in work.references.items():
            self.references.changed(letter_id, deleted=deleted)
        if index:
            self._refresh_index(work.letters)
        if resolve:
            self.resolve_references()

    @contextmanager
    def recording(self, label: Label, *, transaction: bool = True) -> Iterator[_Label]:
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

