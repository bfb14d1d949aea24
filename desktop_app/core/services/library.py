"""The facade the CLI and the GUI call (and nothing below it): :class:`Library`, composed of the parts
of this package by concern (see ``__init__``), with the opening, locking, backups and seeding here.

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

import sqlite3
import time
from pathlib import Path
from typing import Any

from desktop_app import paths
from desktop_app.core.errors import AppError, LibraryLocked, NotFound, StoreError
from desktop_app.core.model import Letter
from desktop_app.core.services.annotations import AnnotationsMixin
from desktop_app.core.services.common import FILES_DIR, INDEX_DIR, INDEX_DIRTY
from desktop_app.core.services.follow import FollowMixin
from desktop_app.core.services.history import HistoryMixin
from desktop_app.core.services.imports import ImportsMixin
from desktop_app.core.services.indexing import IndexingMixin, _make_index
from desktop_app.core.services.letters import LettersMixin
from desktop_app.core.services.themes import ThemesMixin, _starter_themes
from desktop_app.core.services.unit_of_work import UnitOfWorkMixin
from desktop_app.core.store import db as store_db
from desktop_app.core.store import history_repo, meta_repo, themes_repo
from desktop_app.core.store.db import DB_NAME, LibraryLock, connect, migrate
from desktop_app.core.store.history_repo import Change
from desktop_app.core.store.schema import migrations
from desktop_app.core.tasks import Progress

BACKUP_EVERY_S = 10 * 60  # the GUI backs up a library with changes every ten minutes ...
BACKUP_EVERY_CHANGES = 200  # ... or after this many changed rows, whichever comes first


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


class Library(
    UnitOfWorkMixin, IndexingMixin, HistoryMixin, ImportsMixin, LettersMixin, ThemesMixin, AnnotationsMixin,
    FollowMixin,
):
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
        self.index: Any = _make_index(folder / INDEX_DIR, writer=not readonly) if search else None
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

    @property
    def unsaved_changes(self) -> int:
        """Rows this Library changed since its last backup (or since it opened)."""
        if self.db is None or self.readonly:
            return 0
        return int(self.db.conn.total_changes) - self._changes_backed_up

    def backup(self, *, closing: bool = False) -> Path | None:
        """Back up the database now when it changed since the last backup (SQLite's backup API, checked
        before it takes its place: see :func:`store_db.make_backup`). Returns the new backup or None.
        Raises StoreError when the database is damaged (the older backups are kept), DiskFull.
        ``closing``: the WAL is folded into the database while the copy is checked (a passive
        checkpoint, which never waits for a reader), work closing the connection would do after it."""
        if self.unsaved_changes <= 0:
            return None
        changes = int(self.db.conn.total_changes)
        conn = self.db.conn
        meanwhile = (lambda: store_db.fold_wal(conn)) if closing else None
        self.last_backup = store_db.make_backup(self.folder, meanwhile=meanwhile)
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
                self.backup(closing=True)
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
        return meta_repo.get(self.db, key)

    def _set_meta(self, key: str, value: str) -> None:
        meta_repo.put(self.db, key, value)

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
    return meta_repo.applied_migrations(db, migrations.name) == known

