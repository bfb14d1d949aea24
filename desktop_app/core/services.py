"""The use cases, behind one facade. The CLI and the GUI call these and nothing below them.

A :class:`Library` is one open library folder::

    <library>/library.db      SQLite (WAL, synchronous=FULL): the truth
    <library>/library.lock    held (flock) while a process has the library open
    <library>/index/          the Whoosh search index: derived, rebuilt from library.db when needed
    <library>/files/          copies of the imported originals (Letter.source_path is relative to the folder)
    <library>/backups/        checked copies of library.db, made when a writer closes after changes

Only one process at a time may open a library for writing: a second writer's :meth:`Library.open`
raises :class:`~desktop_app.core.errors.LibraryLocked` (naming the folder), at once or after
``wait`` seconds. ``Library.open(..., readonly=True)`` opens it for reading beside that writer (WAL).
Within one process the Library is not thread-safe by itself: the GUI wraps it in ``gui/locked.py``
``LockedLibrary``. What survives a kill, damage and a full disk: docs/SAFETY.md.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sqlite3
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from desktop_app import paths
from desktop_app.core import anchoring
from desktop_app.core.errors import (
    AppError, ImportFailed, InvalidInput, LibraryLocked, NoLettersFound, NotFound, StoreError,
)  # fmt: skip
from desktop_app.core.importing import SUPPORTED_SUFFIXES, display_name, letter_files
from desktop_app.core.model import Annotation, IndexDoc, Letter, LetterSummary, ParsedLetter, SearchResults, Theme
from desktop_app.core.store import annotations_repo, history_repo, letters_repo, themes_repo
from desktop_app.core.store import db as store_db
from desktop_app.core.store.db import DB_NAME, LibraryLock, connect, migrate
from desktop_app.core.store.history_repo import Change
from desktop_app.core.store.schema import migrations
from desktop_app.core.superscript import is_superscript
from desktop_app.core.tasks import CancelToken, Progress

LetterRef = int | str  # id, or name (source file name without extension)
ThemeRef = int | str  # id, or name (case-insensitive), or path "Parent/Child"

FILES_DIR = "files"
INDEX_DIR = "index"
INDEX_DIRTY = "index.dirty"  # present while an index update is under way (or failed): rebuild on open
MAX_THEME_NAME = 80
REBUILD_MIN_BATCH = 10  # a batch import of at least this many letters ...
REBUILD_RATIO = 30  # ... that is at least 1/30 of the library rebuilds the index instead of updating
BATCH_COMMIT = 100  # a batch import commits every this many files (each file is a savepoint within)
BACKUP_EVERY_S = 10 * 60  # the GUI backs up a library with changes every ten minutes ...
BACKUP_EVERY_CHANGES = 200  # ... or after this many changed rows, whichever comes first
_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
PALETTE = (
    "#762a83", "#d73027", "#1b7837", "#e08214", "#808000",
    "#8c510a", "#c51b7d", "#01665e", "#de77ae", "#7fbc41",
)  # fmt: skip; distinct hues, none near the reader's selection blue or the search-hit yellow


def _next_colour(used: list[str]) -> str:
    """The first palette colour no theme has yet (so a new theme stands out); when all are taken, the
    least used one."""
    taken = [c.lower() for c in used]
    return min(PALETTE, key=lambda c: (taken.count(c), PALETTE.index(c)))


@dataclass
class ImportReport:
    imported: list[Letter] = field(default_factory=list)  # new letters
    updated: list[Letter] = field(default_factory=list)  # new versions of known letters (re-anchored)
    skipped: list[tuple[str, int]] = field(default_factory=list)  # (path, existing letter id): same content
    failed: list[ImportFailed] = field(default_factory=list)
    orphaned: list[Annotation] = field(default_factory=list)  # annotations that could not be re-attached
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, importer's note)
    cancelled: bool = False  # the cancel token stopped the batch; files done before are kept

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, other: ImportReport) -> None:
        """Take in the report of a later import (the next file of a batch, or a retry)."""
        self.imported.extend(other.imported)
        self.updated.extend(other.updated)
        self.skipped.extend(other.skipped)
        self.failed.extend(other.failed)
        self.orphaned.extend(other.orphaned)
        self.warnings.extend(other.warnings)
        self.cancelled = self.cancelled or other.cancelled

    def retrying(self, paths: Iterable[str]) -> None:
        """Take the failures of ``paths`` out of the report: they are imported again (with a password)."""
        wanted = set(paths)
        self.failed = [f for f in self.failed if f.path not in wanted]

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": [{"id": x.id, "name": x.name, "source_file": x.source_file} for x in self.imported],
            "updated": [{"id": x.id, "name": x.name, "source_file": x.source_file} for x in self.updated],
            "skipped": [{"path": p, "letter_id": i} for p, i in self.skipped],
            "failed": [{"path": e.path, "problem": e.problem} for e in self.failed],
            "orphaned": [{"id": a.id, "letter_id": a.letter_id, "quote": a.quote} for a in self.orphaned],
            "warnings": [{"path": p, "warning": w} for p, w in self.warnings],
            "cancelled": self.cancelled,
        }


class _NoReferences:
    """Stands in for the ReferenceService when it cannot be loaded: storing letters still works."""

    def extract(self, letter: Letter) -> None:
        pass

    def resolve_all(self) -> int:
        return 0

    def resolve_pending(self) -> int:
        return 0

    def ensure_current(self) -> int:
        return 0

    def reject_key(self, key: str, letter_id: int) -> None:
        pass

    def before_change(self, letter_id: int) -> None:
        pass

    def changed(self, letter_id: int, *, deleted: bool = False) -> None:
        pass


def _make_references(db: Any, library: Library) -> Any:
    try:
        from desktop_app.core.references.service import ReferenceService
    except ImportError:
        return _NoReferences()
    return ReferenceService(db, library)


def _make_index(folder: Path) -> Any:
    if importlib.util.find_spec("whoosh") is None:  # looks for it without importing it
        return None
    return _LazySearchIndex(folder)


class _LazySearchIndex:
    """The search index, whose module (Whoosh, numpy: ~0.2 s) is imported on first use, not when the
    library opens: ``check()`` reads the manifest and checksums only (``storage.check_files``, which
    needs no Whoosh). In the GUI the first search runs on a worker thread and pays the import there.
    Every other attribute is the real :class:`~desktop_app.core.search.SearchIndex`'s."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: Any = None
        self._loading = threading.Lock()

    def check(self, *, verify: bool = False) -> str | None:
        if self._index is not None:
            return cast(str | None, self._index.check(verify=verify))
        from desktop_app.core.search import storage

        return storage.check_files(self.folder, verify=verify)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loaded(), name)

    def _loaded(self) -> Any:
        with self._loading:
            if self._index is None:
                try:
                    from desktop_app.core.search import SearchIndex
                except ImportError as err:
                    raise StoreError(f"Search is not available in this installation ({err}).") from err
                self._index = SearchIndex(self.folder)
            return self._index


class Library:
    """An open library folder: ``library.db`` (SQLite), ``index/`` (Whoosh), ``files/`` (originals),
    ``backups/``. Open with :meth:`open`; close with :meth:`close` (or use as a context manager)."""

    folder: Path
    notices: list[str]  # things the user should be told after opening (index rebuilt, backup made ...)

    def __init__(
        self, folder: Path, db: Any, lock: LibraryLock, *, search: bool = True, readonly: bool = False
    ) -> None:
        self.folder = folder
        self.db = db
        self._lock = lock
        self.readonly = readonly  # opened beside another writer: reading only, no backups, no index upkeep
        self.notices = []
        self._changes_backed_up = db.conn.total_changes  # rows changed by this connection when last backed up
        self._backed_up_at = time.monotonic()
        self._search_wanted = search
        self.index: Any = _make_index(folder / INDEX_DIR) if search else None
        self._references: Any = None  # made on first use: its parser's patterns cost ~0.1 s to compile
        self._deferred: set[int] | None = None  # letters whose index update waits for the end of a batch
        self._index_failed = False  # an index update failed: the marker stays until a rebuild
        self.last_backup: Path | None = None  # the newest backup this Library made, if any
        self._recording_id: int | None = None  # the change being recorded (see :meth:`recording`)
        self.last_change: Change | None = None  # the newest change this Library recorded, undid or redid

    @property
    def references(self) -> Any:
        """The reference service (:mod:`desktop_app.core.references`), imported on first use, so a
        command that never touches references (search, list) does not pay for it."""
        if self._references is None:
            self._references = _make_references(self.db, self)
        return self._references

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        seed: bool = True,
        progress: Progress | None = None,
        search: bool = True,
        wait: float = 0.0,
        readonly: bool = False,
    ) -> Library:
        """Open (creating when needed) the library in ``folder``: take the lock (waiting up to ``wait``
        seconds for another writer), migrate, seed a new library with the bundled letters and starter
        themes (unless ``seed`` is False), and check the search index. With ``search=False`` the index
        is left alone (scripts, tests): changes made then mark it for a rebuild at the next open with
        search. A folder that already holds a library's traces (backups, files) but no database is
        never seeded again: StoreError says what is wrong. Closing after changes makes a backup.

        With ``readonly`` (the reading commands) the library opens as usual when no other program has
        it, and read-only beside the writer that has it (see :meth:`_open_reader`).

        Raises LibraryLocked when another process has it open, StoreError when the database is
        damaged or from a newer Kamerlezer, DiskFull when the disk is full."""
        folder = Path(folder).expanduser()
        if readonly:
            try:
                return cls.open(folder, seed=seed, progress=progress, search=search)
            except (LibraryLocked, StoreError) as err:  # held by a writer, a read-only folder, a full disk
                reader = cls._open_reader(folder, search=search)
                if reader is None:
                    raise
                if not isinstance(err, LibraryLocked):
                    reader.notices.insert(0, f"Opened read-only: {err.message}")
                return reader
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / FILES_DIR).mkdir(exist_ok=True)
        except OSError as err:
            raise store_db.explain(err, folder) from err
        lock = LibraryLock(folder).acquire(wait)
        db = None
        library = None
        try:
            db_path = folder / DB_NAME
            fresh = not store_db.has_tables(db_path)
            if fresh:
                _refuse_to_seed_over_traces(folder)
            db = connect(db_path)
            library = cls(folder, db, lock, search=search)
            migrate(db, db_path)
            history_repo.close_interrupted(db)  # a recording a crash left open: kept as one change
            if lock.warning:
                library.notices.append(lock.warning)
            _remove_partial_files(folder)
            seeded = library._seed_if_new(seed, progress)
            library._references_current()
            library._check_index(progress, quiet=fresh or seeded)
            return library
        except BaseException:
            if library is not None:
                library.close(backup=False)
            else:
                if db is not None:
                    db.conn.close()
                lock.release()
            raise

    @classmethod
    def _open_reader(cls, folder: Path, *, search: bool) -> Library | None:
        """Read-only, beside another writer: a ``mode=ro`` connection (WAL lets it read while the writer
        writes), the search index as it is, nothing written. None when there is nothing to read yet
        or the database needs an upgrade only a writer can make."""
        db_path = folder / DB_NAME
        if not store_db.has_tables(db_path):
            return None
        db = connect(db_path, readonly=True)
        try:
            if not _schema_current(db):
                db.conn.close()
                return None
        except sqlite3.Error as err:
            db.conn.close()
            raise store_db.explain(err, db_path) from err
        library = cls(folder, db, LibraryLock(folder), search=search, readonly=True)
        if library.index is not None and library._dirty_marker.exists():
            library.notices.append("The search index is being brought up to date by the other program; "
                                   "the newest changes may not be found yet.")
        return library

    @staticmethod
    def backups(folder: Path) -> list[Path]:
        """The library's database backups (``<library>/backups/library-<UTC time>.db``), newest first."""
        return store_db.list_backups(Path(folder).expanduser())

    @staticmethod
    def restore(folder: Path, backup: str | Path | None = None, *, wait: float = 0.0) -> Path:
        """Put a backup (the newest when None; else a path or a name from :meth:`backups`) back as the
        library's database, after backing up the current one (tag "before-restore"). The library must
        not be open anywhere (LibraryLocked otherwise). The search index is rebuilt on the next open.
        Returns the backup restored."""
        folder = Path(folder).expanduser()
        if not (folder / DB_NAME).exists() and not store_db.list_backups(folder) and backup is None:
            raise NotFound(f"There is no library in {folder}.")
        lock = LibraryLock(folder).acquire(wait)
        marker = folder / INDEX_DIRTY
        had_marker = marker.exists()
        try:  # the marker first: a kill right after the rename still rebuilds the index
            marker.write_text("the database was restored from a backup", encoding="utf-8")
            return store_db.restore_backup(folder, backup)
        except BaseException as err:
            if not had_marker:  # nothing was restored
                marker.unlink(missing_ok=True)
            if isinstance(err, OSError):
                raise store_db.explain(err, folder) from err
            raise
        finally:
            lock.release()

    # -- backups ---------------------------------------------------------------------------------
    @property
    def unsaved_changes(self) -> int:
        """Rows this Library changed since its last backup (or since it opened)."""
        if self.db is None or self.readonly:
            return 0
        return int(self.db.conn.total_changes) - self._changes_backed_up

    def backup(self) -> Path | None:
        """Back up the database now when it changed since the last backup (SQLite's backup API, checked
        before it takes its place: see :func:`store_db.make_backup`). Returns the new backup or None.
        Raises StoreError when the database is damaged (the older backups are kept), DiskFull."""
        if self.unsaved_changes <= 0:
            return None
        changes = int(self.db.conn.total_changes)
        self.last_backup = store_db.make_backup(self.folder)
        self._changes_backed_up = changes
        self._backed_up_at = time.monotonic()
        return self.last_backup

    def backup_if_due(self, *, every_s: float | None = None, every_changes: int | None = None) -> Path | None:
        """For a long session (the GUI's timer calls it off the UI thread): a backup when there are
        changes and ``every_s`` seconds (default :data:`BACKUP_EVERY_S`) passed since the last one, or
        ``every_changes`` rows (default :data:`BACKUP_EVERY_CHANGES`) changed."""
        every_s = BACKUP_EVERY_S if every_s is None else every_s
        every_changes = BACKUP_EVERY_CHANGES if every_changes is None else every_changes
        changes = self.unsaved_changes
        if changes <= 0:
            return None
        if changes < every_changes and time.monotonic() - self._backed_up_at < every_s:
            return None
        return self.backup()

    def close(self, *, backup: bool = True) -> None:
        """Back up the database when this Library changed it, then close the index and the database and
        release the lock (idempotent). A backup that cannot be made is told in :attr:`notices`; the
        library itself is never at risk from it."""
        if backup and self.db is not None and not self.readonly:
            try:
                self.backup()
            except AppError as err:
                self.notices.append(f"No backup was made: {err.message}")
            except Exception as err:  # noqa: BLE001 - closing must not fail
                self.notices.append(f"No backup was made: {store_db.explain(err, self.folder / DB_NAME).message}")
        if self.index is not None:
            try:
                self.index.close()
            except Exception:  # noqa: BLE001 - closing must not fail; the index is derived data
                pass
            self.index = None
        if self.db is not None:
            self.db.conn.close()
            self.db = None
        self._lock.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])

    def _seed_if_new(self, seed: bool, progress: Progress | None) -> bool:
        """Fill a new library with the bundled letters and starter themes, once. A library opened
        first with ``seed=False`` stays empty. A seeding that was interrupted resumes."""
        if self._meta("seeded") is not None:
            return False
        if not seed:
            with self.db.atomic():
                self._set_meta("seeded", "no")
            return False
        self._deferred = set()
        self._recording_id = 0  # seeding is not a change the user undoes: nothing is recorded
        try:
            try:
                letters = sorted(paths.bundled_letters_dir().glob("*.txt"))
            except FileNotFoundError as err:
                self.notices.append(str(err))
                letters = []
            report = self.import_paths(letters, progress=progress)
            for failure in report.failed:
                self.notices.append(f"A bundled letter could not be imported: {failure.message}")
        finally:
            self._deferred = None
            self._recording_id = None
        with self.db.atomic():
            if not themes_repo.all_themes(self.db):
                self._add_theme_tree(_starter_themes(), parent_id=None)
            self._set_meta("seeded", "yes")
        return True

    def _add_theme_tree(self, items: list[dict[str, Any]], parent_id: int | None) -> None:
        for item in items:
            theme_id = themes_repo.insert(
                self.db,
                name=_clean_name(str(item["name"])),
                color=_clean_color(str(item.get("color") or PALETTE[0])),
                parent_id=parent_id,
                description=str(item.get("description", "")),
                position=themes_repo.next_position(self.db, parent_id),
                key=themes_repo.free_key(self.db),
            )
            self._add_theme_tree(list(item.get("children", [])), theme_id)

    # -- search index upkeep ---------------------------------------------------------------------
    @property
    def _dirty_marker(self) -> Path:
        return self.folder / INDEX_DIRTY

    def _check_index(self, progress: Progress | None, *, quiet: bool) -> None:
        if self.index is None:
            if self._search_wanted:
                self.notices.append("Search is not available in this installation.")
            return
        reason = index_marker_reason(self._dirty_marker)
        try:
            reason = self.index.check() or reason
        except Exception as err:  # noqa: BLE001 - a broken index is rebuilt, never fatal
            reason = f"check failed: {err}"
        if reason is None and not quiet:
            return
        try:
            self.reindex(progress=progress)
        except AppError as err:
            self.notices.append(f"The search index could not be rebuilt: {err.message}")
            return
        except Exception as err:  # noqa: BLE001
            self.notices.append(f"The search index could not be rebuilt ({type(err).__name__}: {err}).")
            return
        if reason is not None and not quiet:
            self.notices.append(f"Search index rebuilt ({reason}).")

    def index_doc(self, letter_id: int) -> IndexDoc:
        """What the search index holds for one letter."""
        letter = self.get_letter(letter_id)
        annotations = tuple(annotations_repo.for_letter(self.db, letter.id))
        used = {tid for a in annotations for tid in a.theme_ids}
        paths_by_id = self._theme_paths()
        return IndexDoc(letter=letter, annotations=annotations, theme_paths={t: paths_by_id[t] for t in used})

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

    def reindex(self, *, progress: Progress | None = None, cancel: CancelToken | None = None) -> int:
        """Rebuild the search index from the store; returns the number of letters indexed."""
        if self.index is None:
            raise StoreError("Search is not available in this installation.")
        ids = letters_repo.all_ids(self.db)
        self._dirty_marker.touch()
        self.index.rebuild((self.index_doc(i) for i in ids), len(ids), progress=progress, cancel=cancel)
        self._index_failed = False
        self._dirty_marker.unlink(missing_ok=True)
        return len(ids)

    # -- history: changes as data, undo and redo -------------------------------------------------
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
            raise InvalidInput(f"Nothing to {verb}.")
        stale = history_repo.conflicts(self.db, change.id, undo=undo, tables=_CHECKED_TABLES)
        if stale:
            rows = ", ".join(f"{table} #{row_id}" for table, row_id in stale[:5])
            raise InvalidInput(
                f"Cannot {verb} “{change.label}”: {rows} changed since, outside the history."
            )
        letters = self._letters_of_change(change)
        with self._changing():
            history_repo.apply(self.db, change.id, undo=undo)
            history_repo.set_undone(self.db, change.id, undo)
        self._refresh_index(letters | self._letters_of_change(change))
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

    # -- letters ---------------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        password: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        resolve: bool = True,
    ) -> ImportReport:
        """Import files and folders (recursively: SUPPORTED_SUFFIXES). One bad file never stops the batch;
        each file is stored whole or not at all. A folder's other files are passed over; a file named
        explicitly with another extension fails ("unsupported file type"). Cancelling stops between
        files and returns the report so far with ``cancelled`` set.

        References are resolved once at the end, only those the imported files can affect (see
        :meth:`resolve_references`). A caller importing file by file may pass ``resolve=False`` and
        call :meth:`resolve_references` once after the last file."""
        with self.recording("Imported letters", transaction=False) as label:
            report = self._import_paths(paths, password, progress, cancel, resolve)
            label.text = _import_label(report)
        return report

    def _import_paths(
        self,
        paths: Sequence[Path],
        password: str | None,
        progress: Progress | None,
        cancel: CancelToken | None,
        resolve: bool,
    ) -> ImportReport:
        report = ImportReport()
        files, barren = _expand_paths(paths)
        report.failed.extend(NoLettersFound(str(folder), SUPPORTED_SUFFIXES) for folder in barren)
        total = len(files)
        batch = total > 1 and self._deferred is None and self.index is not None
        if batch:  # index the batch at the end: one rebuild can beat many one-letter commits
            self._deferred = set()
            self._dirty_marker.touch()
        commits = ExitStack()  # a batch: one commit (fsync) per BATCH_COMMIT files, not one per file
        try:
            for done, path in enumerate(files):
                if total > 1 and done % BATCH_COMMIT == 0:
                    commits.close()
                    commits.enter_context(self.db.atomic())
                if cancel is not None and cancel.cancelled:
                    report.cancelled = True
                    break
                if progress is not None:
                    progress(done, total, display_name(path.name))
                try:
                    self._import_one(path, password, report)
                except ImportFailed as err:
                    report.failed.append(err)
        finally:
            commits.close()  # what is done is kept, also when the batch stops on an error
            if batch:
                deferred, self._deferred = self._deferred or set(), None
                self._flush_index(deferred, progress=progress)
        if progress is not None and not report.cancelled:
            progress(total, total, "")
        if resolve and (report.imported or report.updated):
            self.resolve_references()
        return report

    def _flush_index(self, letter_ids: set[int], *, progress: Progress | None = None) -> None:
        """Index letters changed by a batch: a full rebuild when they are many (a bulk write costs a
        fraction of a one-letter commit per letter), else one update each."""
        if not letter_ids:
            self._dirty_marker.unlink(missing_ok=True)
            return
        total = letters_repo.count(self.db)
        if len(letter_ids) >= REBUILD_MIN_BATCH and len(letter_ids) * REBUILD_RATIO >= total:
            try:
                self.reindex(progress=progress)
            except Exception as err:  # noqa: BLE001 - the marker stays: rebuilt at the next open
                self.notices.append(f"The search index could not be updated ({err}); it will be rebuilt.")
            return
        self._refresh_index(letter_ids)

    def _import_one(self, path: Path, password: str | None, report: ImportReport) -> None:
        from desktop_app.core.importing import read_file_and_bytes

        shown = display_name(path)  # a file name that is not UTF-8 is shown, never a crash
        known = letters_repo.id_by_hash(self.db, _quick_hash(path) or "")
        if known is not None and not self._read_by_older_importer(known):
            report.skipped.append((shown, known))
            return
        parsed, data = read_file_and_bytes(path, password=password)
        known = letters_repo.id_by_hash(self.db, parsed.content_hash)
        if known is not None and not self._read_by_older_importer(known):
            report.skipped.append((shown, known))
            return
        if known is not None:  # the same file, read again by this version: an update in place
            parsed = replace(parsed, source_file=self.get_letter(known).source_file)
        old_id = known or letters_repo.id_by_name(self.db, letters_repo.letter_name(parsed.source_file))
        old_path = self._source_path_of(old_id)
        if old_id is not None:
            self.references.before_change(old_id)
        copy = self._copy_original(data, parsed)
        try:
            with self._changing():
                letter_id, orphans = self._store_letter(parsed, old_id, copy)
                letter = self.get_letter(letter_id)
                self.references.extract(letter, parsed.links)
        except ImportFailed:
            self._remove_copy(copy, old_path)
            self._refresh_index([])  # nothing changed: the index is still in step
            raise
        except Exception as err:  # noqa: BLE001 - one file never stops a batch
            self._remove_copy(copy, old_path)
            self._refresh_index([])
            raise ImportFailed(
                shown, f"could not be stored in the library ({type(err).__name__}: {err})",
                details=traceback.format_exc(),
            ) from err
        (report.updated if old_id is not None else report.imported).append(letter)
        report.orphaned.extend(orphans)
        report.warnings.extend((shown, w) for w in parsed.warnings)
        if copy is None:
            report.warnings.append((shown, "the original could not be copied into the library folder"))
        self._refresh_index([letter_id])

    def _read_by_older_importer(self, letter_id: int) -> bool:
        """A letter stored by a version that left footnote markers as ASCII digits ("20245" for
        "2024⁵") or that did not keep the letter head's citing fields (``Letter.head``, migration
        0006): importing its file again updates it (annotations re-anchored) instead of skipping."""
        if letters_repo.head_unread(self.db, letter_id):
            return True
        letter = self.get_letter(letter_id)
        return any(f.marker and not is_superscript(letter.text[f.marker[0] : f.marker[1]]) for f in letter.footnotes)

    def _store_letter(self, parsed: ParsedLetter, old_id: int | None, copy: str | None) -> tuple[int, list[Annotation]]:
        new_hash = anchoring.text_hash(parsed.text)
        if old_id is None:
            return letters_repo.insert(self.db, parsed, text_hash=new_hash, source_path=copy), []
        letters_repo.replace_content(self.db, old_id, parsed, text_hash=new_hash, source_path=copy)
        return old_id, self._reanchor_all(old_id, parsed.text, new_hash)

    def _reanchor_all(self, letter_id: int, text: str, new_hash: str) -> list[Annotation]:
        orphans: list[Annotation] = []
        for old in annotations_repo.for_letter(self.db, letter_id):
            anchor = anchoring.reanchor(old, text, new_hash=new_hash)
            if anchor.status == anchoring.ANCHORED:
                sel = anchoring.select(text, anchor.start, anchor.end, hash_=new_hash)
                annotations_repo.update(
                    self.db, old.id, start=sel.start, end=sel.end, quote=sel.quote, prefix=sel.prefix,
                    suffix=sel.suffix, text_hash=sel.text_hash, status=anchoring.ANCHORED,
                )  # fmt: skip
            else:
                annotations_repo.update(self.db, old.id, status=anchoring.ORPHAN)
                orphans.append(replace(old, status=anchoring.ORPHAN))
        return orphans

    def _source_path_of(self, letter_id: int | None) -> str | None:
        if letter_id is None:
            return None
        row = self.db.execute("SELECT source_path FROM letters WHERE id = ?", [letter_id]).fetchone()
        return row[0] if row else None

    def _copy_original(self, data: bytes, parsed: ParsedLetter) -> str | None:
        """Keep the original in files/: the bytes that were parsed (not the file read again, which
        may have been replaced meanwhile), written whole, then renamed; returns the path relative to
        the library folder. A copy that fails is only a warning: the letter itself is stored. Copies of
        earlier versions and deleted letters are kept, so a restored backup still finds its files."""
        suffix = Path(parsed.source_file).suffix.lower() or f".{parsed.source_format}"
        stem = letters_repo.letter_name(parsed.source_file)[:100]  # file systems allow 255 bytes a name
        relative = f"{FILES_DIR}/{stem}-{parsed.content_hash[:12]}{suffix}"
        target = self.folder / relative
        if target.exists():
            return relative
        partial = target.with_name(target.name + ".partial")
        try:
            target.parent.mkdir(exist_ok=True)
            with open(partial, "wb") as handle:
                handle.write(data)
            os.replace(partial, target)
        except OSError:
            partial.unlink(missing_ok=True)
            return None
        return relative

    def _remove_copy(self, relative: str | None, keep: str | None) -> None:
        if not relative or relative == keep or relative in letters_repo.source_paths(self.db):
            return
        (self.folder / relative).unlink(missing_ok=True)

    def resolve_references(self, *, full: bool = False) -> None:
        """Resolve citations again after imports, deletions and Kamerstuk changes: only those the
        changes since the last call can affect (the same result as resolving all of them), or every
        citation with ``full``. The letters are already committed: a failure here is only a notice."""
        try:
            if full:
                self.references.resolve_all()
            else:
                self.references.resolve_pending()
        except AppError as err:
            self.notices.append(f"References could not be resolved: {err.message}")
        except Exception as err:  # noqa: BLE001 - never lose a finished import over derived data
            self.notices.append(f"References could not be resolved ({type(err).__name__}: {err}).")

    def _references_current(self) -> None:
        """A library whose citations were resolved by older rules is resolved again (a notice on failure).
        The version is read from the meta table first, so an open does not load the reference service."""
        from desktop_app.core.references.rules import resolutions_current

        try:
            if self._references is None and resolutions_current(self.db):
                return
            self.references.ensure_current()
        except AppError as err:
            self.notices.append(f"References could not be resolved: {err.message}")
        except Exception as err:  # noqa: BLE001 - opening must not fail over derived data
            self.notices.append(f"References could not be resolved ({type(err).__name__}: {err}).")

    def list_letters(self) -> list[LetterSummary]:
        """Every letter (newest date first, undated last), with annotation counts and used themes."""
        return letters_repo.summaries(self.db)

    def letter_names(self, letter_ids: Sequence[int]) -> dict[int, str]:
        """``{id: name}`` of the given letters only (unknown ids are left out)."""
        return letters_repo.names_of(self.db, letter_ids)

    def get_letter(self, ref: LetterRef) -> Letter:
        """By id or name; raises NotFound."""
        letter = letters_repo.get(self.db, self._letter_id(ref))
        if letter is None:
            raise NotFound(f"No letter {ref!r} in this library.")
        return letter

    def _letter_id(self, ref: LetterRef) -> int:
        if isinstance(ref, Letter):
            return ref.id
        if isinstance(ref, int):
            if letters_repo.get(self.db, ref) is None:
                raise NotFound(f"No letter with id {ref} in this library.")
            return ref
        text = str(ref).strip()
        number = _id_number(text)
        if number is not None:  # "#3" or "3": an id ("003" is a name)
            if letters_repo.get(self.db, number) is not None:
                return number
            if text.startswith("#") or letters_repo.id_by_name(self.db, text) is None:
                raise NotFound(f"No letter with id {number} in this library (see 'kamerlezer list').")
        found = letters_repo.id_by_name(self.db, text)
        if found is None:
            found = letters_repo.id_by_name(self.db, letters_repo.letter_name(Path(text).name))
        if found is not None:
            return found
        wanted = text.casefold()
        matches = [(i, name) for i, name in letters_repo.names(self.db) if name.casefold().startswith(wanted)] if text else []
        if len(matches) == 1:
            return matches[0][0]
        if matches:
            listing = ", ".join(name for _, name in matches[:10]) + (", …" if len(matches) > 10 else "")
            raise InvalidInput(f"{text!r} is the start of {len(matches)} letters' names ({listing}): "
                               "give more of the name, or the id as #N.")
        raise NotFound(f"No letter {text!r} in this library (give its id or name; see 'kamerlezer list').")

    def set_kamerstuk(self, ref: LetterRef, kamerstuk: str | None) -> Letter:
        """Record the letter's own Kamerstuk id (kamerstuk_source = "user"); re-resolves references.
        Accepts a canonical id ("kst-28676-467") or a citation ("Kamerstuk 28 676, nr. 467");
        None or "" clears it."""
        letter_id = self._letter_id(ref)
        value = _canonical_kamerstuk(kamerstuk) if kamerstuk and kamerstuk.strip() else None
        name = letters_repo.names_of(self.db, [letter_id]).get(letter_id, f"#{letter_id}")
        label = f"Set the Kamerstuk id of {name} to {value}" if value else f"Cleared the Kamerstuk id of {name}"
        with self.recording(label, transaction=False):
            self.references.before_change(letter_id)
            with self._changing():
                letters_repo.set_kamerstuk(self.db, letter_id, value)
            self.references.changed(letter_id)
            self._refresh_index([letter_id])
            self.resolve_references()
        return self.get_letter(letter_id)

    def confirm_inferred_kamerstuk(self, ref: LetterRef) -> Letter:
        """The user agrees with the letter's inferred own id: it becomes the letter's id (as set by the
        user). Raises InvalidInput when nothing is inferred for the letter."""
        letter = self.get_letter(ref)
        if not letter.inferred_kamerstuk:
            raise InvalidInput(f"No Kamerstuk id is inferred for letter {letter.name}.")
        return self.set_kamerstuk(letter.id, letter.inferred_kamerstuk)

    def clear_inferred_kamerstuk(self, ref: LetterRef) -> Letter:
        """The user disagrees with the letter's inferred own id: the citations of that id are no longer
        linked to the letter (recorded as rejected, as ``refs reject`` does), so it is not inferred
        again. Raises InvalidInput when nothing is inferred for the letter."""
        letter = self.get_letter(ref)
        if not letter.inferred_kamerstuk:
            raise InvalidInput(f"No Kamerstuk id is inferred for letter {letter.name}.")
        with self.recording(f"Rejected {letter.inferred_kamerstuk} as the id of {letter.name}", transaction=False):
            self.references.reject_key(letter.inferred_kamerstuk, letter.id)
        return self.get_letter(letter.id)

    def delete_letter(self, ref: LetterRef) -> Letter:
        """Remove a letter without annotations (refused, InvalidInput, while it has any: annotations
        are never deleted as a side effect). Returns what was deleted."""
        letter = self.get_letter(ref)
        count = annotations_repo.count_for_letter(self.db, letter.id)
        if count:
            raise InvalidInput(f"Letter {letter.name} has {count} annotation(s): delete or move them first.")
        with self.recording(f"Deleted the letter {letter.name}", transaction=False):
            self.references.before_change(letter.id)
            with self._changing():
                letters_repo.delete(self.db, letter.id)
            self.references.changed(letter.id, deleted=True)
            self._refresh_index([letter.id])
            self.resolve_references()
        return letter

    # -- themes ----------------------------------------------------------------------------------
    def list_themes(self) -> list[Theme]:
        """Depth-first: each parent before its children, siblings by position."""
        children: dict[int | None, list[Theme]] = {}
        for theme in themes_repo.all_themes(self.db):
            children.setdefault(theme.parent_id, []).append(theme)
        out: list[Theme] = []

        def walk(parent: int | None) -> None:
            for theme in children.get(parent, []):
                out.append(theme)
                walk(theme.id)

        walk(None)
        return out

    def get_theme(self, ref: ThemeRef) -> Theme:
        """By id (an int or "#3"), path "Parent/Child" or name, case-insensitively and, when nothing
        matches with its accents, accent-insensitively as search does ("Oekraine" finds "Oekraïne").
        An ambiguous value is refused (InvalidInput) naming the candidates; raises NotFound."""
        if isinstance(ref, Theme):
            ref = ref.id
        if isinstance(ref, str) and ref.strip().startswith("#") and ref.strip()[1:].isdigit():
            ref = int(ref.strip()[1:])
        if isinstance(ref, int):
            theme = themes_repo.get(self.db, ref)
            if theme is None:
                raise NotFound(f"No theme with id {ref}.")
            return theme
        text = str(ref).strip()
        themes = themes_repo.all_themes(self.db)
        paths_by_id = self._theme_paths(themes)
        for fold in (_fold, _fold_accents):
            wanted = fold(text)
            by_path = [t for t in themes if fold(paths_by_id[t.id]) == wanted]
            if len(by_path) == 1:
                return by_path[0]
            if len(by_path) > 1:
                listing = ", ".join(f'#{t.id} "{paths_by_id[t.id]}"' for t in by_path)
                raise InvalidInput(f"Theme {text!r} is ambiguous ({listing}): give its id as #N.")
            by_name = [t for t in themes if fold(t.name) == wanted]
            if len(by_name) == 1:
                return by_name[0]
            if len(by_name) > 1:
                listing = ", ".join(f'"{paths_by_id[t.id]}"' for t in by_name)
                raise InvalidInput(f"Theme {text!r} is ambiguous: give its path ({listing}) or id as #N.")
        if text.isdigit():
            return self.get_theme(int(text))
        raise NotFound(f"No theme {text!r} (see 'kamerlezer themes').")

    def _theme_paths(self, themes: Sequence[Theme] | None = None) -> dict[int, str]:
        by_id = {t.id: t for t in (themes if themes is not None else themes_repo.all_themes(self.db))}
        out: dict[int, str] = {}

        def path(theme_id: int) -> str:
            if theme_id not in out:
                theme = by_id[theme_id]
                out[theme_id] = theme.name if theme.parent_id is None else f"{path(theme.parent_id)}/{theme.name}"
            return out[theme_id]

        for theme_id in by_id:
            path(theme_id)
        return out

    def theme_path(self, theme_id: int) -> str:
        """"Parent/Child" name path."""
        paths_by_id = self._theme_paths()
        if theme_id not in paths_by_id:
            raise NotFound(f"No theme with id {theme_id}.")
        return paths_by_id[theme_id]

    def theme_descendants(self, theme_id: int) -> list[int]:
        """The theme and all its sub-themes' ids."""
        children: dict[int | None, list[int]] = {}
        for theme in themes_repo.all_themes(self.db):
            children.setdefault(theme.parent_id, []).append(theme.id)
        out = [theme_id]
        i = 0
        while i < len(out):
            out.extend(children.get(out[i], []))
            i += 1
        return out

    def theme_counts(self) -> dict[int, int]:
        """Number of annotations per theme id (direct)."""
        return themes_repo.counts(self.db)

    def _child_named(self, parent_id: int | None, name: str, *, exclude: int | None = None) -> Theme | None:
        """The sub-theme of ``parent_id`` (top level: None) with this name, case-insensitively."""
        for sibling_id in themes_repo.siblings(self.db, parent_id):
            sibling = themes_repo.get(self.db, sibling_id)
            if sibling and sibling.id != exclude and _fold(sibling.name) == _fold(name):
                return sibling
        return None

    def _check_sibling_name(self, name: str, parent_id: int | None, *, exclude: int | None = None) -> None:
        taken = self._child_named(parent_id, name, exclude=exclude)
        if taken is not None:
            where = f"under {self.theme_path(parent_id)}" if parent_id is not None else "at the top level"
            raise InvalidInput(f"A theme named {taken.name!r} already exists {where}.")

    def add_theme(
        self, name: str, *, color: str | None = None, parent: ThemeRef | None = None, description: str = ""
    ) -> Theme:
        name = _clean_name(name)
        parent_id = self.get_theme(parent).id if parent is not None and parent != "" else None
        self._check_sibling_name(name, parent_id)
        colour = _clean_color(color) if color else _next_colour([t.color for t in themes_repo.all_themes(self.db)])
        with self.recording(f"Added the theme “{name}”"):
            theme_id = themes_repo.insert(
                self.db, name=name, color=colour, parent_id=parent_id, description=description,
                position=themes_repo.next_position(self.db, parent_id), key=themes_repo.free_key(self.db),
            )  # fmt: skip
        return self.get_theme(theme_id)

    def set_theme_key(self, ref: ThemeRef, key: int | None) -> tuple[Theme, Theme | None]:
        """Give a theme the key 1-9 (None: no key). A theme that had that key gives it up; returns
        the theme and that other theme (None when the key was free)."""
        theme = self.get_theme(ref)
        if key is not None and not (isinstance(key, int) and 1 <= key <= 9):
            raise InvalidInput(f"A theme key is a digit from 1 to 9, not {key!r}.")
        holder = themes_repo.holder_of_key(self.db, key) if key is not None else None
        label = f"Gave “{theme.name}” the key {key}" if key is not None else f"Took the key off “{theme.name}”"
        if holder is not None and holder != theme.id:
            label += f" ({self.get_theme(holder).name} has none)"
        with self.recording(label):
            if holder is not None and holder != theme.id:
                themes_repo.set_key(self.db, holder, None)
            themes_repo.set_key(self.db, theme.id, key)
        displaced = self.get_theme(holder) if holder is not None and holder != theme.id else None
        return self.get_theme(theme.id), displaced

    def update_theme(
        self,
        ref: ThemeRef,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> Theme:
        theme = self.get_theme(ref)
        fields: dict[str, Any] = {}
        if name is not None and name.strip() != theme.name:
            fields["name"] = _clean_name(name)
            self._check_sibling_name(fields["name"], theme.parent_id, exclude=theme.id)
        if color is not None:
            fields["color"] = _clean_color(color)
        if description is not None:
            fields["description"] = description
        label = (
            f"Renamed “{theme.name}” to “{fields['name']}”" if "name" in fields
            else f"Recoloured “{theme.name}”" if "color" in fields
            else f"Described “{theme.name}”"
        )  # fmt: skip
        if "name" in fields:  # theme paths are indexed; colours and descriptions are not
            with self.recording(label), self._changing():
                themes_repo.update(self.db, theme.id, **fields)
            self._refresh_index(themes_repo.letter_ids(self.db, self.theme_descendants(theme.id)))
        elif fields:
            with self.recording(label):
                themes_repo.update(self.db, theme.id, **fields)
        return self.get_theme(theme.id)

    def move_theme(self, ref: ThemeRef, *, parent: ThemeRef | None, position: int | None = None) -> Theme:
        """Put a theme under ``parent`` (None: top level) at ``position`` among its new siblings
        (0-based; None or too large: last). Refuses to move a theme under itself or its sub-themes."""
        theme = self.get_theme(ref)
        parent_id = self.get_theme(parent).id if parent is not None and parent != "" else None
        if parent_id is not None and parent_id in self.theme_descendants(theme.id):
            raise InvalidInput(f"Theme {theme.name!r} cannot be moved under itself or one of its sub-themes.")
        if parent_id != theme.parent_id:
            self._check_sibling_name(theme.name, parent_id)
        label = f"Moved “{theme.name}”"
        if parent_id == theme.parent_id:  # a new place among the same siblings: paths unchanged
            with self.recording(label):
                self._place_theme(theme, parent_id, position)
        else:
            with self.recording(label), self._changing():
                self._place_theme(theme, parent_id, position)
            self._refresh_index(themes_repo.letter_ids(self.db, self.theme_descendants(theme.id)))
        return self.get_theme(theme.id)

    def _place_theme(self, theme: Theme, parent_id: int | None, position: int | None) -> None:
        old_siblings = [i for i in themes_repo.siblings(self.db, theme.parent_id) if i != theme.id]
        themes_repo.update(self.db, theme.id, parent_id=parent_id)
        if parent_id != theme.parent_id:
            themes_repo.renumber(self.db, old_siblings)
        siblings = [i for i in themes_repo.siblings(self.db, parent_id) if i != theme.id]
        at = len(siblings) if position is None else max(0, min(int(position), len(siblings)))
        siblings.insert(at, theme.id)
        themes_repo.renumber(self.db, siblings)

    def merge_themes(self, source: ThemeRef, target: ThemeRef) -> int:
        """Move all of source's annotations (and sub-themes) to target, delete source; returns count moved.
        A sub-theme whose name target already has is merged into that one in turn."""
        src = self.get_theme(source)
        dst = self.get_theme(target)
        if src.id == dst.id:
            raise InvalidInput(f"Cannot merge theme {src.name!r} into itself.")
        if dst.id in self.theme_descendants(src.id):
            raise InvalidInput(f"Cannot merge {src.name!r} into its own sub-theme {dst.name!r}.")
        affected = themes_repo.letter_ids(self.db, self.theme_descendants(src.id))
        with self.recording(f"Merged “{src.name}” into “{dst.name}”"), self._changing():
            moved = self._merge(src, dst)
            themes_repo.renumber(self.db, themes_repo.siblings(self.db, src.parent_id))
        self._refresh_index(affected)
        return moved

    def _merge(self, src: Theme, dst: Theme) -> int:
        moved = themes_repo.move_annotations(self.db, src.id, dst.id)
        for child_id in themes_repo.siblings(self.db, src.id):
            child = themes_repo.get(self.db, child_id)
            assert child is not None
            twin = self._child_named(dst.id, child.name)
            if twin is not None:
                self._merge(child, twin)
            else:
                self._place_theme(child, dst.id, None)
        themes_repo.delete(self.db, src.id)
        return moved

    def delete_theme(self, ref: ThemeRef, *, force: bool = False) -> int:
        """Delete a theme; refuses (InvalidInput) when annotations use it unless force (then they lose
        only this theme; an annotation is never deleted by deleting a theme). Its sub-themes move up to
        its parent, in its place. Returns affected count."""
        theme = self.get_theme(ref)
        count = themes_repo.counts(self.db).get(theme.id, 0)
        if count and not force:
            raise InvalidInput(
                f"Theme {theme.name!r} is used by {count} annotation(s); delete it anyway with force "
                "(the annotations stay, without this theme)."
            )
        affected = themes_repo.letter_ids(self.db, self.theme_descendants(theme.id))
        with self.recording(f"Deleted the theme “{theme.name}”"), self._changing():
            themes_repo.unlink_annotations(self.db, theme.id)
            siblings = themes_repo.siblings(self.db, theme.parent_id)
            at = siblings.index(theme.id)
            children = themes_repo.siblings(self.db, theme.id)
            for child_id in children:
                themes_repo.update(self.db, child_id, parent_id=theme.parent_id)
            themes_repo.delete(self.db, theme.id)
            themes_repo.renumber(self.db, siblings[:at] + children + siblings[at + 1 :])
        self._refresh_index(affected)
        return count

    def restore_theme(self, theme: Theme, annotation_ids: Iterable[int] = ()) -> Theme:
        """Undo of delete: recreate with the same id and re-link the annotations (those that still
        exist). Its old parent, when gone, makes it a top-level theme."""
        if themes_repo.get(self.db, theme.id) is not None:
            raise InvalidInput(f"A theme with id {theme.id} already exists.")
        parent_id = theme.parent_id if theme.parent_id and themes_repo.get(self.db, theme.parent_id) else None
        ids = list(annotation_ids)
        with self.recording(f"Restored the theme “{theme.name}”"), self._changing():
            key = theme.key if theme.key and themes_repo.holder_of_key(self.db, theme.key) is None else None
            themes_repo.insert(
                self.db, theme_id=theme.id, name=_clean_name(theme.name), color=_clean_color(theme.color),
                parent_id=parent_id, description=theme.description, position=theme.position, key=key,
            )  # fmt: skip
            restored = themes_repo.get(self.db, theme.id)
            assert restored is not None
            self._place_theme(replace(restored, parent_id=parent_id), parent_id, theme.position)
            themes_repo.link_annotations(self.db, theme.id, ids)
        self._refresh_index(themes_repo.letter_ids(self.db, [theme.id]))
        return self.get_theme(theme.id)

    # -- annotations -----------------------------------------------------------------------------
    def _theme_names(self, theme_ids: Iterable[int]) -> str:
        names = [t.name for t in (themes_repo.get(self.db, i) for i in theme_ids) if t is not None]
        return ", ".join(f"“{n}”" for n in names)

    def _edit_label(self, current: Annotation, note: str | None, themes: Sequence[int] | None) -> str:
        """What an edit of an annotation does, as the history and the status bar say it."""
        quote = f"“{_short(current.quote, 40)}”"
        if themes is not None:
            added = [t for t in themes if t not in current.theme_ids]
            removed = [t for t in current.theme_ids if t not in themes]
            if added and not removed:
                return f"Tagged {quote} with {self._theme_names(added)}"
            if removed and not added:
                return f"Untagged {quote} ({self._theme_names(removed)})"
            if added:
                return f"Retagged {quote}"
        return f"Edited the note on {quote}"

    def _theme_ids(self, theme_ids: Sequence[ThemeRef]) -> list[int]:
        return list(dict.fromkeys(self.get_theme(ref).id for ref in theme_ids))

    def annotate(
        self, letter: LetterRef, start: int, end: int, theme_ids: Sequence[int] = (), note: str = ""
    ) -> Annotation:
        """Annotate ``text[start:end]`` of a letter. ``theme_ids`` may also be names or paths."""
        target = self.get_letter(letter)
        _check_span(target, start, end)
        themes = self._theme_ids(theme_ids)
        sel = anchoring.select(target.text, start, end, hash_=letters_repo.text_hash_of(self.db, target.id))
        draft = Annotation(
            id=0, letter_id=target.id, start=sel.start, end=sel.end, quote=sel.quote, prefix=sel.prefix,
            suffix=sel.suffix, text_hash=sel.text_hash, note=note or "", theme_ids=tuple(themes),
        )  # fmt: skip
        label = f"Tagged “{_short(sel.quote, 40)}” with {self._theme_names(themes)}" if themes else (
            f"Annotated “{_short(sel.quote, 40)}”"
        )
        with self.recording(label), self._changing():
            annotation_id = annotations_repo.insert(self.db, draft)
        self._refresh_index([target.id])
        return self.get_annotation(annotation_id)

    def annotate_quote(
        self, letter: LetterRef, quote: str, theme_ids: Sequence[int] = (), note: str = "", occurrence: int = 1
    ) -> Annotation:
        """Annotate the ``occurrence``-th (1-based) place where ``quote`` stands in the letter. The
        quote may differ from the text in line breaks, hyphenation and case."""
        target = self.get_letter(letter)
        spans = anchoring.find_quote(target.text, quote)
        if not spans:
            raise InvalidInput(f"The quote {_short(quote)!r} does not occur in letter {target.name}.")
        if not 1 <= occurrence <= len(spans):
            raise InvalidInput(
                f"The quote {_short(quote)!r} occurs {len(spans)} time(s) in letter {target.name}; "
                f"occurrence {occurrence} does not exist."
            )
        start, end = spans[occurrence - 1]
        return self.annotate(target.id, start, end, theme_ids, note)

    def get_annotation(self, annotation_id: int) -> Annotation:
        annotation = annotations_repo.get(self.db, int(annotation_id))
        if annotation is None:
            raise NotFound(f"No annotation with id {annotation_id}.")
        return annotation

    def update_annotation(
        self, annotation_id: int, *, note: str | None = None, theme_ids: Sequence[int] | None = None
    ) -> Annotation:
        current = self.get_annotation(annotation_id)
        themes = self._theme_ids(theme_ids) if theme_ids is not None else None
        with self.recording(self._edit_label(current, note, themes)) as label, self._changing():
            label.fold = themes is None  # a note typed in several sittings is one change
            if note is not None:
                annotations_repo.update(self.db, current.id, note=note)
            if themes is not None:
                annotations_repo.set_themes(self.db, current.id, themes)
                annotations_repo.update(self.db, current.id)
        self._refresh_index([current.letter_id])
        return self.get_annotation(current.id)

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Returns what was deleted, so undo can :meth:`restore_annotation` it."""
        current = self.get_annotation(annotation_id)
        with self.recording(f"Deleted the annotation “{_short(current.quote, 40)}”"), self._changing():
            annotations_repo.delete(self.db, current.id)
        self._refresh_index([current.letter_id])
        return current

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        """Re-insert a deleted annotation with its id, themes and note (themes deleted meanwhile are
        left out)."""
        if annotations_repo.get(self.db, annotation.id) is not None:
            raise InvalidInput(f"An annotation with id {annotation.id} already exists.")
        self._letter_id(annotation.letter_id)
        themes = themes_repo.existing_ids(self.db, annotation.theme_ids)
        kept = replace(annotation, theme_ids=tuple(t for t in annotation.theme_ids if t in themes))
        with self.recording(f"Restored the annotation “{_short(annotation.quote, 40)}”"), self._changing():
            annotations_repo.insert(self.db, kept, keep_id=True)
        self._refresh_index([annotation.letter_id])
        return self.get_annotation(annotation.id)

    def reattach_annotation(self, annotation_id: int, start: int, end: int) -> Annotation:
        """Anchor an orphan (or move an annotation) to a new span of its letter."""
        current = self.get_annotation(annotation_id)
        letter = self.get_letter(current.letter_id)
        _check_span(letter, start, end)
        sel = anchoring.select(letter.text, start, end, hash_=letters_repo.text_hash_of(self.db, letter.id))
        with self.recording(f"Re-attached “{_short(sel.quote, 40)}”"), self._changing():
            annotations_repo.update(
                self.db, current.id, start=sel.start, end=sel.end, quote=sel.quote, prefix=sel.prefix,
                suffix=sel.suffix, text_hash=sel.text_hash, status=anchoring.ANCHORED,
            )  # fmt: skip
        self._refresh_index([letter.id])
        return self.get_annotation(current.id)

    def list_annotations(
        self, letter: LetterRef | None = None, theme: ThemeRef | None = None, *, include_subthemes: bool = True
    ) -> list[Annotation]:
        """In letter order, then text order."""
        letter_id = self._letter_id(letter) if letter is not None else None
        if theme is not None:
            theme_id = self.get_theme(theme).id
            ids = self.theme_descendants(theme_id) if include_subthemes else [theme_id]
            return annotations_repo.for_themes(self.db, ids, letter_id)
        if letter_id is not None:
            return annotations_repo.for_letter(self.db, letter_id)
        return annotations_repo.select(self.db)

    def passages(self, theme_ids: Sequence[ThemeRef]) -> list[Any]:
        """Passages of these themes and their sub-themes across letters (:mod:`core.passages`)."""
        from desktop_app.core import passages

        return passages.passages(self, self._theme_ids(theme_ids))

    def theme_letter_matrix(self) -> dict[tuple[int, int], int]:
        """(theme id, letter id) -> passages, sub-themes included (:mod:`core.passages`)."""
        from desktop_app.core import passages

        return passages.theme_letter_matrix(self)

    def orphans(self) -> list[Annotation]:
        """Annotations that lost their place in a new version of their letter."""
        return annotations_repo.select(self.db, "WHERE a.status = ?", [anchoring.ORPHAN])

    # -- search ----------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        themes: Sequence[ThemeRef] = (),
        year: int | None = None,
        chamber: str | None = None,
        limit: int = 20,
        sort: str = "relevance",
    ) -> SearchResults:
        """Full-text search; a theme filter includes its sub-themes."""
        if self.index is None:
            raise StoreError(
                "Search is not available in this installation."
                if self._search_wanted
                else "This library was opened without search."
            )
        theme_ids: list[int] = []
        for ref in themes:
            theme_ids.extend(self.theme_descendants(self.get_theme(ref).id))
        results = self.index.search(
            query, theme_ids=sorted(set(theme_ids)), year=year, chamber=chamber, limit=limit, sort=sort
        )
        titles = letters_repo.titles(self.db, [hit.letter_id for hit in results.hits])
        hits = tuple(replace(hit, title=titles.get(hit.letter_id, hit.subject)) for hit in results.hits)
        return replace(results, hits=hits)

    def iter_letters(self) -> Iterator[Letter]:
        """Every letter, by id (loads one at a time)."""
        for letter_id in letters_repo.all_ids(self.db):
            letter = letters_repo.get(self.db, letter_id)
            if letter is not None:
                yield letter


# -- helpers ---------------------------------------------------------------------------------------


def _import_label(report: ImportReport) -> str:
    """What an import did, for the history: "Imported 000_…", "Imported 12 letters", "Re-imported …"."""
    parts = []
    for verb, letters in (("Imported", report.imported), ("Re-imported", report.updated)):
        if len(letters) == 1:
            parts.append(f"{verb} {letters[0].name}")
        elif letters:
            parts.append(f"{verb} {len(letters)} letters")
    return "; ".join(parts) or "Imported letters"


_CHECKED_TABLES = ("themes", "annotations", "annotation_themes", "reference_decisions")
"""The user's own rows: undo and redo refuse to write over them when they changed since (derived rows
such as resolutions are written back as recorded)."""


@dataclass
class _Label:
    """The label of the change being recorded; the use case sets it once it knows what it did.
    ``fold``: the change joins the previous one when it wrote the same single row under the same label
    (consecutive edits of one note are one change)."""

    text: str
    fold: bool = False


def _remove_partial_files(folder: Path) -> None:
    """Copies cut short by a crash (``*.partial`` in files/ and backups/, a restore's staging copy):
    never part of the library."""
    for sub in (FILES_DIR, store_db.BACKUP_DIR):
        for partial in (folder / sub).glob("*.partial"):
            partial.unlink(missing_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        (folder / (store_db.RESTORING + suffix)).unlink(missing_ok=True)


def _refuse_to_seed_over_traces(folder: Path) -> None:
    """A folder whose database is missing (or empty) but that has backups or imported files held a
    library: seeding a fresh one there would bury it (and soon push its backups out). Say what is wrong."""
    db_path = folder / DB_NAME
    backups = store_db.list_backups(folder)
    files = [p for p in (folder / FILES_DIR).glob("*") if not p.name.endswith(".partial")]
    if not backups and not files:
        return
    what = "is missing" if not db_path.exists() else "is empty (it holds no tables)"
    traces = ", ".join(
        part for part in (f"{len(backups)} backup(s)" if backups else "", f"{len(files)} imported file(s)" if files else "")
        if part
    )
    advice = (
        "Run 'kamerlezer restore' to put back the newest good backup"
        if backups
        else "Put library.db back (from your own copy), or move the folder aside to start a new library"
    )
    raise StoreError(
        f"{db_path} {what}, but the folder holds a library ({traces}); Kamerlezer does not start a new "
        f"library over it. {advice}."
    )


def _schema_current(db: Any) -> bool:
    """Whether every migration this Kamerlezer knows, and no other, was applied (read without writing)."""
    known = {m.name for m in migrations._migrations}  # noqa: SLF001
    try:
        rows = db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]).fetchall()
    except sqlite3.OperationalError:
        return False
    return {str(r[0]) for r in rows} == known


def index_marker_reason(marker: Path) -> str | None:
    """Why the index must be rebuilt, when the dirty marker is there (its text, if any)."""
    try:
        return marker.read_text(encoding="utf-8").strip() or "an earlier update did not finish"
    except FileNotFoundError:
        return None
    except OSError:
        return "an earlier update did not finish"


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _fold_accents(text: str) -> str:
    """:func:`_fold` without accents, as search folds words ("Oekraïne" == "oekraine")."""
    from desktop_app.core.search.analysis import fold

    return fold(_fold(text))


def _id_number(text: str) -> int | None:
    """The id in "#3" or "3"; None for anything else, including "003" and "0" (a name's prefix)."""
    digits = text[1:].strip() if text.startswith("#") else text
    if not digits.isdigit() or not digits.isascii():
        return None
    if digits.startswith("0") and not text.startswith("#"):
        return None
    return int(digits)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise InvalidInput("A theme needs a name.")
    if "/" in cleaned:
        raise InvalidInput(f"A theme name cannot contain '/' (it separates parent and child): {cleaned!r}.")
    if len(cleaned) > MAX_THEME_NAME:
        raise InvalidInput(f"A theme name can have at most {MAX_THEME_NAME} characters.")
    return cleaned


def _clean_color(color: str) -> str:
    value = str(color).strip()
    if not _COLOR.match(value):
        raise InvalidInput(f"Not a colour: {color!r} (use #rrggbb, e.g. #1f77b4).")
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.lower()


def _check_span(letter: Letter, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(letter.text):
        raise InvalidInput(
            f"Span {start}-{end} is not a passage of letter {letter.name} (its text has {len(letter.text)} characters)."
        )
    if not letter.text[start:end].strip():
        raise InvalidInput(f"Span {start}-{end} of letter {letter.name} holds only white space.")


def _canonical_kamerstuk(value: str) -> str:
    text = value.strip()
    if re.fullmatch(r"[A-Za-z]{1,4}(-[A-Za-z0-9]+){2,5}", text):
        prefix, rest = text.split("-", 1)
        return f"{prefix.lower()}-{rest}"
    try:
        from desktop_app.core.references.parser import parse_citations
    except ImportError:  # pragma: no cover - the parser ships with the core
        parse_citations = None
    if parse_citations is not None:
        for citation in parse_citations(text):
            if citation.canonical:
                return citation.canonical
    raise InvalidInput(
        f"Not a Kamerstuk id: {value!r} (use e.g. kst-28676-467, or 'Kamerstuk 28 676, nr. 467')."
    )


def _starter_themes() -> list[dict[str, Any]]:
    try:
        data = json.loads(paths.starter_themes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return list(data.get("themes", [])) if isinstance(data, dict) else list(data)


def _quick_hash(path: Path) -> str | None:
    """sha256 of a regular file's bytes (the importer's content hash), to skip known files without
    parsing them; None when it cannot be read or is too large (the importer then reports why)."""
    try:
        if not path.is_file() or path.stat().st_size > 100 * 1024 * 1024:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


@dataclass(frozen=True)
class ImportStep:
    """One file of :func:`import_iter` done: its place in the batch and its own report (letters
    imported or updated, skipped, failed, warnings)."""

    done: int  # files finished, this one included
    total: int
    path: Path | None  # None for the step that reports folders with nothing to import
    report: ImportReport


def import_iter(
    library: Any,
    paths: Sequence[Path],
    *,
    passwords: dict[str, str] | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[ImportStep]:
    """The one way to import a selection file by file: folders walked as ``import_paths`` walks them
    (hidden files and folders and "._" files left out, metadata records beside official XML too),
    each file imported with its own ``library.import_paths`` call, so a caller holding the library
    behind a lock (the GUI's worker) releases it between files and can stop between files
    (``cancel``). References are resolved once, after the last file. ``passwords``: by path, for
    encrypted PDFs."""
    files, barren = _expand_paths(paths)
    total = len(files)
    if barren:
        first = ImportReport()
        first.failed.extend(NoLettersFound(str(folder), SUPPORTED_SUFFIXES) for folder in barren)
        yield ImportStep(0, total, None, first)
    changed = False
    try:
        for done, path in enumerate(files, start=1):
            if cancel is not None and cancel.cancelled:
                return
            report = library.import_paths([path], password=(passwords or {}).get(str(path)), resolve=False)
            changed = changed or bool(report.imported or report.updated)
            yield ImportStep(done, total, path, report)
    finally:
        if changed:
            library.resolve_references()


def _expand_paths(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Files as given, and the letter files under folders (``importing.letter_files``: SUPPORTED_SUFFIXES,
    recursively, sorted, hidden ones left out); each once. Also the folders that hold no such file (nothing to import there)."""
    out: list[Path] = []
    seen: set[Path] = set()
    barren: list[Path] = []

    def add(path: Path) -> None:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            out.append(path)

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            add(path)
            continue
        found = letter_files(path)
        for file in found:
            add(file)
        if not found:
            barren.append(path)
    return out, barren
