"""Opening a library database: the write lock, rotating backups, pragmas and migrations.

Durability: WAL with ``synchronous=FULL``, so a committed transaction survives a killed process and a
power loss (WAL with NORMAL may lose the last transactions on power loss). The connection runs in
autocommit mode (``isolation_level=None``): every write the store makes is inside ``db.atomic()``.

Locking: one process at a time may open a library. :class:`LibraryLock` holds an exclusive
``fcntl.flock`` (``msvcrt.locking`` on Windows) on ``<library>/library.lock`` for as long as the
library is open; a second opener gets :class:`~desktop_app.core.errors.LibraryLocked` at once. The
operating system drops the lock when the process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from desktop_app.core.errors import LibraryLocked, NotFound, StoreError
from desktop_app.core.store.schema import SCHEMA_VERSION, migrations

DB_NAME = "library.db"
LOCK_NAME = "library.lock"
BACKUP_DIR = "backups"
BACKUP_KEEP = 5
_BACKUP_STATE = ".last-backup.json"
BUSY_TIMEOUT_MS = 5000


class LibraryLock:
    """An exclusive, non-blocking lock on a library folder, held until :meth:`release`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._file: IO[str] | None = None
        self.warning: str | None = None

    def acquire(self) -> LibraryLock:
        """Take the lock or raise LibraryLocked. Where the file system cannot lock at all (some network
        shares), the library opens unlocked and :attr:`warning` says so."""
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while locked
        except OSError as err:
            raise StoreError(
                f"{self.folder}: cannot write in the library folder ({err.strerror or err}).", details=str(err)
            ) from err
        try:
            _lock_file(handle)
        except _LOCKED_ERRORS as err:
            handle.close()
            raise LibraryLocked(
                f"The library {self.folder} is already open in another Kamerlezer window or command. "
                "Close it there first (only one program at a time may change a library).",
                details=str(err),
            ) from err
        except OSError as err:  # ENOLCK and friends: no locking here
            self.warning = (
                f"The library folder {self.folder} does not support file locks ({err.strerror or err}): "
                "do not open it from two programs at once."
            )
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        return self

    def release(self) -> None:
        if self._file is not None:
            try:
                _unlock_file(self._file)
            finally:
                self._file.close()
                self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _LOCKED_ERRORS: tuple[type[OSError], ...] = (OSError,)

    def _lock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    _LOCKED_ERRORS = (BlockingIOError, PermissionError)

    def _lock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def connect(path: Path) -> Database:
    """Open (or create) the database at ``path`` with Kamerlezer's pragmas; no migrations."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{path}: could not switch the database to WAL mode (got {mode}).")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        return db
    except sqlite3.DatabaseError as err:
        raise StoreError(
            f"{path}: the library database cannot be opened ({err}). Restore a backup with 'kamerlezer restore'.",
        ) from err


def migrate(db: Database, path: Path) -> None:
    """Apply pending migrations; refuse a database made by a newer Kamerlezer."""
    try:
        known = {m.name for m in migrations._migrations}  # noqa: SLF001
        applied = {m.name for m in migrations.applied(db)}
        unknown = applied - known
        if unknown:
            raise StoreError(
                f"{path}: this library was made by a newer Kamerlezer (schema steps {', '.join(sorted(unknown))}); "
                "update Kamerlezer to open it."
            )
        if migrations.pending(db):
            migrations.apply(db)
            with db.atomic():
                db.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
                )
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: the library database is damaged ({err}).") from err


# -- backups ---------------------------------------------------------------------------------------


def _fingerprint(db_path: Path) -> list[int]:
    """Size and modification time of the database and of a non-empty WAL: equal fingerprints mean
    nothing was written in between (an empty WAL left by a reader does not count)."""
    parts: list[int] = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = path.stat()
        except FileNotFoundError:
            st = None
        parts += [st.st_size, st.st_mtime_ns] if st is not None and st.st_size else [-1, -1]
    return parts


def list_backups(folder: Path) -> list[Path]:
    """The library's backups, newest first."""
    backup_dir = folder / BACKUP_DIR
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob("library-*.db"), key=lambda p: p.name, reverse=True)


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy with SQLite's online backup API (WAL content included)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def make_backup(folder: Path, *, keep: int = BACKUP_KEEP, tag: str = "") -> Path | None:
    """Copy ``library.db`` into ``backups/`` unless it has not changed since the last backup; keep the
    newest ``keep``. Returns the new backup's path, or None when nothing was copied. The caller holds
    the lock, so nobody writes meanwhile."""
    db_path = folder / DB_NAME
    if not db_path.exists():
        return None
    backup_dir = folder / BACKUP_DIR
    backup_dir.mkdir(exist_ok=True)
    state_path = backup_dir / _BACKUP_STATE
    fingerprint = _fingerprint(db_path)
    if not tag and list_backups(folder):
        try:
            if json.loads(state_path.read_text(encoding="utf-8")) == fingerprint:
                return None
        except (OSError, ValueError):
            pass
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"library-{stamp}{'-' + tag if tag else ''}.db"
    partial = target.with_suffix(".partial")
    try:
        _copy_database(db_path, partial)
        os.replace(partial, target)
    except sqlite3.DatabaseError as err:
        partial.unlink(missing_ok=True)
        raise StoreError(
            f"{db_path}: the library database cannot be read ({err}). "
            "Restore a backup with 'kamerlezer restore' (see 'kamerlezer backups')."
        ) from err
    state_path.write_text(json.dumps(_fingerprint(db_path)), encoding="utf-8")
    for old in list_backups(folder)[keep:]:
        old.unlink(missing_ok=True)
    return target


def restore_backup(folder: Path, backup: str | Path | None = None) -> Path:
    """Replace the library's database by a backup (the newest when ``backup`` is None). The current
    database is first backed up itself (tag ``before-restore``), so a restore can be undone. The caller
    must hold the library's lock. Returns the backup restored."""
    backups = list_backups(folder)
    chosen = _choose_backup(folder, backups, backup)
    probe = sqlite3.connect(f"file:{chosen}?mode=ro", uri=True)
    try:
        result = probe.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{chosen}: this backup is not a readable library ({err}).") from err
    finally:
        probe.close()
    if result != "ok":
        raise StoreError(f"{chosen}: this backup is damaged ({result}).")
    db_path = folder / DB_NAME
    try:
        make_backup(folder, tag="before-restore", keep=BACKUP_KEEP + 1)
    except StoreError:  # the current database is damaged: keep its bytes as they are
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        shutil.copyfile(db_path, folder / BACKUP_DIR / f"library-{stamp}-damaged.db")
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        db_path.unlink()
    src = sqlite3.connect(f"file:{chosen}?mode=ro", uri=True)
    dst = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        dst.execute("PRAGMA journal_mode = WAL")
        src.backup(dst)
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        src.close()
        dst.close()
    return chosen


def _choose_backup(folder: Path, backups: list[Path], backup: str | Path | None) -> Path:
    if not backups and backup is None:
        raise NotFound(f"The library {folder} has no backups yet.")
    if backup is None:
        return backups[0]
    wanted = Path(backup)
    if wanted.is_file():
        return wanted
    for path in backups:
        if path.name == str(backup) or path.stem == str(backup) or path.stem.endswith(str(backup)):
            return path
    raise NotFound(
        f"No backup named {backup} in {folder / BACKUP_DIR} (see 'kamerlezer backups')."
    )
