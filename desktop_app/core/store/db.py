"""Opening a library database: the write lock, checked backups, atomic restore, pragmas, migrations
and the one-sentence explanation of every sqlite3/OS error.

Durability: WAL with ``synchronous=FULL``, so a committed transaction survives a killed process and a
power loss (WAL with NORMAL may lose the last transactions on power loss). The connection runs in
autocommit mode (``isolation_level=None``): every write the store makes is inside ``db.atomic()``.

Locking: one process at a time may open a library. :class:`LibraryLock` holds an exclusive
``fcntl.flock`` (``msvcrt.locking`` on Windows) on ``<library>/library.lock`` for as long as the
library is open; a second writer gets :class:`~desktop_app.core.errors.LibraryLocked` (at once, or
after waiting up to ``wait`` seconds). The lock guards writers only: readers open the database
read-only (``mode=ro``) and read beside a writer, as SQLite's WAL allows. The operating system drops
the lock when the process dies, so a crash never leaves a stale lock behind.

Backups and restore: see docs/SAFETY.md for what they promise.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO
from urllib.parse import quote

from desktop_app.core.errors import AppError, DiskFull, LibraryLocked, NotFound, StoreError
from desktop_app.core.messages import Message
from desktop_app.core.store.connection import Database
from desktop_app.core.store.schema import SCHEMA_VERSION, migrations

DB_NAME = "library.db"
LOCK_NAME = "library.lock"
BACKUP_DIR = "backups"
BACKUP_KEEP = 5  # the newest backups, always kept (within the size budget) ...
BACKUP_DAYS = 7  # ... and the newest backup of each of the last seven days ...
BACKUP_WEEKS_DAYS = 31  # ... and the newest of each week of the last month
BACKUP_BUDGET = 512 * 1024 * 1024  # bytes all backups together may take (the newest good one always stays)
DAMAGED_KEEP = 3  # raw copies of a damaged database kept beside the backups
RESTORING = DB_NAME + ".restoring"  # a restore writes here first, then renames it over library.db
BUSY_TIMEOUT_MS = 5000
_LOCK_POLL_S = 0.05


_pause = time.sleep  # between two tries for the lock (tests hook it to know a writer is waiting)


class LibraryLock:
    """An exclusive, non-blocking lock on a library folder, held until :meth:`release`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._file: IO[str] | None = None
        self.warning: str | None = None

    def acquire(self, wait: float = 0.0) -> LibraryLock:
        """Take the lock, waiting up to ``wait`` seconds for another writer to let go, or raise
        LibraryLocked. Where the file system cannot lock at all (some network shares), the library
        opens unlocked and :attr:`warning` says so."""
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while locked
        except OSError as err:
            raise StoreError(
                f"{self.folder}: cannot write in the library folder ({err.strerror or err}); "
                "reading commands still work.",
                details=str(err),
            ) from err
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                _lock_file(handle)
                break
            except _LOCKED_ERRORS as err:
                if time.monotonic() < deadline:
                    _pause(_LOCK_POLL_S)
                    continue
                handle.close()
                raise LibraryLocked(
                    Message(
                        "The library {0} is already open in another Kamerlezer window or command{1}. "
                        "Close it there first, or give --wait SECONDS (only one program at a time may change a "
                        "library; reading commands work meanwhile).",
                        self.folder, Message(" (waited {0} s)", f"{wait:g}") if wait > 0 else "",
                    ),
                    details=str(err),
                ) from err
            except OSError as err:  # ENOLCK and friends: no locking here
                self.warning = (
                    f"The library folder {self.folder} does not support file locks ({err.strerror or err}): "
                    "do not open it from two programs at once."
                )
                break
        try:  # who holds it, for a person looking; a full disk must not stop the library from opening
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
        except OSError:
            pass
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


def connect(path: Path, *, readonly: bool = False) -> Database:
    """Open (or create) the database at ``path`` with Kamerlezer's pragmas; no migrations. A
    ``readonly`` connection (``mode=ro``) never writes and reads beside a writer (WAL)."""
    conn = None
    try:
        if readonly:
            conn = open_readonly(path)
        else:
            conn = sqlite3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{path}: could not switch the database to WAL mode (got {mode}).")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA recursive_triggers = ON")  # REPLACE's deletions reach the history's triggers
        db.execute("PRAGMA foreign_keys = ON")
        return db
    except (sqlite3.Error, OSError) as err:
        if conn is not None:
            conn.close()
        raise explain(err, path) from err
    except StoreError:
        if conn is not None:
            conn.close()
        raise


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
    except (sqlite3.Error, OSError) as err:
        raise explain(err, path) from err


# -- errors: one sentence with what to do ------------------------------------------------------------

_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_READONLY, _SQLITE_FULL = 11, 26, 8, 13
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CANTOPEN, _SQLITE_IOERR, _SQLITE_PERM = 5, 6, 14, 10, 3
_LOW_SPACE = 1024 * 1024  # an I/O error with less than this free is a full disk


def free_mb(path: Path) -> int:
    """Free megabytes on the file system holding ``path`` (or its nearest existing parent); -1 if unknown."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free // (1024 * 1024)
    except OSError:
        return -1


def _free_bytes(path: Path) -> int:
    mb = free_mb(path)
    return 1 << 62 if mb < 0 else mb * 1024 * 1024


def _sqlite_code(err: BaseException) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_disk_full(err: BaseException, path: Path | None = None) -> bool:
    """SQLITE_FULL, ENOSPC/EDQUOT, or an I/O error on a file system that has (almost) no room left."""
    if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    if isinstance(err, sqlite3.Error):
        code = _sqlite_code(err)
        if code == _SQLITE_FULL or "disk is full" in str(err):
            return True
        if (code == _SQLITE_IOERR or "disk I/O error" in str(err)) and path is not None:
            return _free_bytes(path) < _LOW_SPACE
    return False


def disk_full(path: Path) -> DiskFull:
    """The one sentence for a full disk: how much is free, and that nothing was lost."""
    mb = free_mb(path)
    free = Message("{0} MB free", mb) if mb >= 0 else Message("free space unknown")
    return DiskFull(Message(
        "disk full ({0} on the disk of {1}): make room and try again; nothing in the library "
        "was changed or lost, and reading commands still work.", free, path,
    ))


def damaged(path: Path | str, problem: str) -> StoreError:
    return StoreError(Message(
        "{0}: the library database is damaged ({1}). Run 'kamerlezer check' to see where, then "
        "'kamerlezer restore' to put back the newest good backup (see 'kamerlezer backups').", path, problem,
    ))


_DECODE = re.compile(r"Could not decode to UTF-8 column '([^']*)'", re.IGNORECASE)


def _problem(err: BaseException) -> str:
    """What went wrong, short and without the bytes of a damaged text (they may hold anything)."""
    text = str(err)
    found = _DECODE.search(text)
    if found:
        return f"a text in column '{found.group(1)}' is not valid UTF-8"
    return text if len(text) <= 120 else text[:119] + "…"


def explain(err: BaseException, path: Path | None = None) -> AppError:
    """A sqlite3.Error or OSError that reached a user boundary (CLI, GUI) as one sentence that says what
    to do. ``path`` is the library database or folder concerned, when known."""
    if isinstance(err, AppError):
        return err
    filename = getattr(err, "filename", None)
    place = Path(path) if path is not None else Path(filename) if filename else None
    if is_disk_full(err, place or Path.cwd()):
        return disk_full(place or Path.cwd())
    where: Path | str = place if place is not None else "the library database"
    problem = _problem(err)
    if isinstance(err, sqlite3.Error):
        code = _sqlite_code(err)
        lowered = problem.lower()
        if code == _SQLITE_READONLY or "readonly database" in lowered:
            return StoreError(
                f"{where}: the library database is read-only ({problem}). Allow writing to it and its folder "
                "(e.g. chmod u+w), or copy the library to a folder you can write in; reading commands still work."
            )
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in lowered or "utf-8" in lowered or (
            "not a database" in lowered
        ):
            return damaged(where, problem)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in lowered:
            return StoreError(
                f"{where}: the library database is busy in another program ({problem}). Try again in a moment."
            )
        if code in (_SQLITE_CANTOPEN, _SQLITE_PERM):
            return StoreError(
                f"{where}: the library database cannot be opened ({problem}). Check that the folder exists "
                "and that you may read and write it."
            )
        if code == _SQLITE_IOERR:
            return StoreError(
                f"{where}: the disk could not be read or written ({problem}). Check the disk or network share, "
                "then run 'kamerlezer check'."
            )
        return StoreError(f"{where}: the library database failed ({problem}). Run 'kamerlezer check'.")
    if isinstance(err, OSError):
        name = err.filename or where
        reason = err.strerror or problem
        if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return StoreError(
                f"{name}: {reason}. Allow writing there (or choose another folder); reading commands still work."
            )
        return StoreError(f"{name}: {reason}. Check that it exists and that you may read and write it.")
    return StoreError(f"{where}: {problem}")


# -- checks ------------------------------------------------------------------------------------------


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [str(r[0]) for r in rows]


def read_every_row(conn: sqlite3.Connection) -> str | None:
    """Read every row of every table, decoding every text: damage that SQLite's structural checks do not
    see (a garbled text, a broken overflow chain). The first problem, or None."""
    for table in _tables(conn):
        try:
            for _row in conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - a name from sqlite_master
                pass
        except sqlite3.Error as err:
            return f"table {table}: {_problem(err)}"
    return None


_HEADER = re.compile(r"^\*\*\* in database \w+ \*\*\*\s*")


def check_connection(conn: sqlite3.Connection, *, thorough: bool = True) -> list[str]:
    """Problems found in an open database: ``integrity_check`` (``quick_check`` unless ``thorough``),
    then every row read. An empty list when it is sound."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
    except sqlite3.Error as err:
        return [_problem(err)]
    # A row may start with the header "*** in database main ***" and a line break before the problem.
    problems = [] if rows == ["ok"] else [p for r in rows if (p := _HEADER.sub("", r).strip())]
    row_problem = read_every_row(conn)
    if row_problem:
        problems.append(row_problem)
    return problems


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``) that reads beside a writer (WAL). On a full or read-only
    disk, where SQLite cannot make the shared-memory file a WAL reader needs, and no WAL content is
    waiting, the file is read as it is (``immutable=1``): no writer can be at work then, as none could
    write (a writer that has the library open keeps that file, so readers never get here)."""
    options = dict(uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", **options)  # type: ignore[arg-type]
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # damage and a full disk show here
        return conn
    except sqlite3.Error as err:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        cannot_share = is_disk_full(err, path) or (_sqlite_code(err) == _SQLITE_CANTOPEN and path.is_file())
        if not cannot_share or (wal.exists() and wal.stat().st_size > 0):
            raise
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro&immutable=1", **options)  # type: ignore[arg-type]
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def check_file(path: Path, *, thorough: bool = False) -> list[str]:
    """:func:`check_connection` on a database file, opened read-only. A full disk raises DiskFull (it
    is not damage)."""
    try:
        conn = open_readonly(path)
    except sqlite3.Error as err:
        if is_disk_full(err, path):
            raise disk_full(path) from err
        return [_problem(err)]
    try:
        if not _tables(conn):
            return ["it holds no tables"]
        return check_connection(conn, thorough=thorough)
    except sqlite3.Error as err:
        return [_problem(err)]
    finally:
        conn.close()


def damage_behind(db_path: Path) -> StoreError | None:
    """After an unexpected error (a damaged row can surface as bad JSON, a wrong type ...): the
    damaged-database sentence when quick_check or reading the rows finds damage, else None."""
    try:
        problems = check_file(db_path) if db_path.is_file() else []
    except AppError:
        return None
    return damaged(db_path, problems[0]) if problems else None


def has_tables(path: Path) -> bool:
    """Whether ``path`` is a database with at least one table (False for a missing or empty file)."""
    try:
        if path.stat().st_size == 0:
            return False
    except FileNotFoundError:
        return False
    try:
        conn = open_readonly(path)
    except sqlite3.Error:
        return True  # unreadable: certainly not a fresh file; opening it reports the damage
    try:
        return bool(_tables(conn))
    except sqlite3.Error:
        return True  # unreadable: certainly not a fresh file; opening it reports the damage
    finally:
        conn.close()


# -- file system ---------------------------------------------------------------------------------------


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


# -- backups ---------------------------------------------------------------------------------------


_BACKUP_NAME = re.compile(r"^library-(\d{8}T\d{6})(\d{6})?Z(?:-[\w-]+)?\.db$")


def list_backups(folder: Path) -> list[Path]:
    """The library's backups, newest first."""
    backup_dir = folder / BACKUP_DIR
    if not backup_dir.is_dir():
        return []
    return sorted(
        (p for p in backup_dir.glob("library-*.db") if _BACKUP_NAME.match(p.name)), key=lambda p: p.name, reverse=True
    )


def backup_time(path: Path) -> datetime | None:
    found = _BACKUP_NAME.match(path.name)
    if not found:
        return None
    return datetime.strptime(found.group(1) + (found.group(2) or "000000"), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)


@dataclass(frozen=True)
class BackupEntry:
    name: str
    time: datetime
    size: int


def backups_to_keep(
    entries: list[BackupEntry], now: datetime, *, protect: str | None = None, budget: int = BACKUP_BUDGET
) -> set[str]:
    """Which backups the rotation keeps, by these rules in order:

    1. ``protect`` (the newest backup that passes a check) is always kept;
    2. the newest :data:`BACKUP_KEEP`;
    3. the newest of each UTC day among the last :data:`BACKUP_DAYS` days;
    4. the newest of each ISO week among the last :data:`BACKUP_WEEKS_DAYS` days;
    5. within ``budget`` bytes: going from the newest to the oldest, a backup that does not fit any
       more is dropped (never the one of rule 1, nor the newest).
    """
    ordered = sorted(entries, key=lambda e: e.time, reverse=True)
    wanted: list[BackupEntry] = list(ordered[:BACKUP_KEEP])
    days: set[object] = set()
    weeks: set[object] = set()
    for entry in ordered:
        age = now - entry.time
        day = entry.time.date()
        week = entry.time.isocalendar()[:2]
        if age <= timedelta(days=BACKUP_DAYS) and day not in days:
            days.add(day)
            wanted.append(entry)
        if age <= timedelta(days=BACKUP_WEEKS_DAYS) and week not in weeks:
            weeks.add(week)
            wanted.append(entry)
    keep: set[str] = set()
    if protect is not None:
        keep.add(protect)
    if ordered:
        keep.add(ordered[0].name)
    used = sum(e.size for e in entries if e.name in keep)
    for entry in sorted(set(wanted), key=lambda e: e.time, reverse=True):
        if entry.name in keep:
            continue
        if used + entry.size > budget:
            continue
        keep.add(entry.name)
        used += entry.size
    return keep


def _newest_sound(backups: list[Path], checked: Path | None = None) -> Path | None:
    """The newest backup that passes quick_check and reads back (usually the first one tried);
    ``checked`` passed that check a moment ago (the backup just made) and is not read again."""
    for path in backups:
        if path == checked or not check_file(path):
            return path
    return None


def rotate_backups(
    folder: Path,
    *,
    now: datetime | None = None,
    budget: int = BACKUP_BUDGET,
    spare: Path | None = None,
    checked: Path | None = None,
) -> list[Path]:
    """Delete the backups :func:`backups_to_keep` does not keep (nor ``spare``, a backup in use);
    returns the deleted ones. ``checked``: a backup that passed the check just now (see
    :func:`_newest_sound`)."""
    backups = list_backups(folder)
    entries = []
    for path in backups:
        when = backup_time(path)
        try:
            size = path.stat().st_size
        except OSError:
            continue
        if when is not None:
            entries.append(BackupEntry(path.name, when, size))
    keep = backups_to_keep(entries, now or datetime.now(UTC), budget=budget)
    if all(p.name in keep or p == spare for p in backups):
        return []
    sound = _newest_sound(backups, checked)
    if sound is not None and sound.name not in keep:
        keep = backups_to_keep(entries, now or datetime.now(UTC), protect=sound.name, budget=budget)
    deleted = [p for p in backups if p.name not in keep and p != spare]
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy with SQLite's online backup API (WAL content included), not yet fsynced (see
    :func:`_synced_and_checked`). ``source`` is read through a read-only connection, so a writer may go
    on meanwhile. The copy is written without a journal and without SQLite's own syncs: it is a
    ``.partial`` file that a crash leaves behind to be removed, never a database in use."""
    src = sqlite3.connect(f"file:{quote(str(source))}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(target))
        try:
            dst.execute("PRAGMA journal_mode = OFF")
            dst.execute("PRAGMA synchronous = OFF")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # the copy of page 1 says WAL: a backup is a plain file
        finally:
            dst.close()
    finally:
        src.close()


def _synced_and_checked(path: Path, meanwhile: Callable[[], object] | None = None) -> list[str]:
    """fsync the copy on a second thread while it is checked (:func:`check_file`): both are done before
    it may take its name, and either failing stops it; together they take about as long as the longer
    one (the fsync waits for the disk, the check is work for the processor). ``meanwhile`` runs on that
    thread after the fsync (more waiting for the disk); its failure is ignored."""
    failed: list[BaseException] = []

    def sync() -> None:
        try:
            fsync_file(path)
        except BaseException as err:  # noqa: BLE001 - raised again below, in the caller's thread
            failed.append(err)
            return
        if meanwhile is not None:
            try:
                meanwhile()
            except Exception:  # noqa: BLE001, S110 - only a head start on work done later anyway
                pass

    syncing = threading.Thread(target=sync, name="kamerlezer-backup-fsync", daemon=True)
    syncing.start()
    try:
        problems = check_file(path)
    finally:
        syncing.join()
    if failed:
        raise failed[0]
    return problems


def fold_wal(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the database as far as no reader needs it (a passive checkpoint: it never
    waits), the work closing the connection would otherwise do."""
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def make_backup(
    folder: Path,
    *,
    tag: str = "",
    budget: int = BACKUP_BUDGET,
    spare: Path | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Path:
    """Copy ``library.db`` into ``backups/`` with SQLite's backup API, check the copy (quick_check and
    every row read back) and only then give it its name; then rotate. A copy that fails the check is
    thrown away and StoreError raised: a damaged database never pushes good backups out. A full disk
    raises DiskFull and leaves nothing behind. Returns the new backup. ``meanwhile``: see
    :func:`_synced_and_checked` (a closing writer folds its WAL into the database there)."""
    db_path = folder / DB_NAME
    backup_dir = folder / BACKUP_DIR
    stamp = _stamp()
    target = backup_dir / f"library-{stamp}{'-' + tag if tag else ''}.db"
    partial = target.with_name(target.name + ".partial")
    with _removed_on_failure(partial, db_path):
        backup_dir.mkdir(exist_ok=True)
        _copy_database(db_path, partial)
        problems = _synced_and_checked(partial, meanwhile)
        if problems:
            raise damaged(db_path, "; ".join(problems[:3]) + "; no backup was made, the earlier ones are kept")
        os.replace(partial, target)
        fsync_dir(backup_dir)
    rotate_backups(folder, budget=budget, spare=spare, checked=target)  # the newest good one: not checked twice
    return target


@contextmanager
def _removed_on_failure(path: Path, db_path: Path) -> Iterator[None]:
    """Whatever fails inside removes ``path`` (a copy being written) again; a sqlite3/OS error becomes
    one sentence (a full disk: DiskFull) about ``db_path``."""
    try:
        yield
    except (sqlite3.Error, OSError) as err:
        _unlink_quietly(path)
        raise explain(err, db_path) from err
    except BaseException:
        _unlink_quietly(path)
        raise


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _keep_damaged(folder: Path, db_path: Path) -> None:
    """Raw copies of a damaged database (and its WAL) beside the backups, the newest :data:`DAMAGED_KEEP`."""
    backup_dir = folder / BACKUP_DIR
    stamp = _stamp()
    for suffix in ("", "-wal"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            target = backup_dir / f"damaged-{stamp}.db{suffix}"
            shutil.copyfile(source, target)
            fsync_file(target)
    fsync_dir(backup_dir)
    copies = sorted(backup_dir.glob("damaged-*.db"), reverse=True)
    for old in copies[DAMAGED_KEEP:]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + "-wal").unlink(missing_ok=True)


def _checkpoint(db_path: Path) -> None:
    """Fold the WAL into library.db and empty it, so the WAL may be removed without loss."""
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise StoreError(f"{db_path}: a reader kept the database busy; try the restore again.")
    finally:
        conn.close()


def restore_backup(folder: Path, backup: str | Path | None = None) -> Path:
    """Replace the library's database by a backup (the newest that passes the check when ``backup`` is
    None). The caller must hold the library's lock. Returns the backup restored.

    Atomic: the current database is backed up first (tag ``before-restore``; a damaged one is kept as
    raw bytes in ``backups/damaged-*.db``), the backup is copied to ``library.db.restoring`` beside it
    and fsynced, the WAL (already folded in) removed, and the copy renamed over ``library.db`` (then the
    folder fsynced). A kill at any moment leaves either the old database or the restored one."""
    backups = list_backups(folder)
    chosen = _choose_backup(folder, backups, backup)
    db_path = folder / DB_NAME
    staging = folder / RESTORING
    with _removed_on_failure(staging, db_path):
        problems = check_file(chosen, thorough=True)
        if problems:
            raise StoreError(f"{chosen}: this backup is damaged ({'; '.join(problems[:3])}); choose another one.")
        if db_path.exists():
            sound = has_tables(db_path) and not check_file(db_path)
            if sound:
                make_backup(folder, tag="before-restore", spare=chosen)
                _checkpoint(db_path)
            else:
                (folder / BACKUP_DIR).mkdir(exist_ok=True)
                _keep_damaged(folder, db_path)
        _unlink_quietly(staging)
        src = sqlite3.connect(f"file:{quote(str(chosen))}?mode=ro", uri=True)
        dst = sqlite3.connect(str(staging), isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            src.close()
            dst.close()
        for suffix in ("-wal", "-shm"):
            staging.with_name(staging.name + suffix).unlink(missing_ok=True)
        fsync_file(staging)
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(staging, db_path)
        fsync_dir(folder)
    return chosen


def _choose_backup(folder: Path, backups: list[Path], backup: str | Path | None) -> Path:
    if not backups and backup is None:
        raise NotFound(f"The library {folder} has no backups yet.")
    if backup is None:
        for path in backups:
            if not check_file(path, thorough=True):
                return path
        raise StoreError(
            f"Every backup in {folder / BACKUP_DIR} is damaged; 'kamerlezer restore PATH' takes a copy from elsewhere."
        )
    wanted = Path(backup)
    if wanted.is_file():
        return wanted
    for path in backups:
        if path.name == str(backup) or path.stem == str(backup) or path.stem.endswith(str(backup)):
            return path
    raise NotFound(
        f"No backup named {backup} in {folder / BACKUP_DIR} (see 'kamerlezer backups')."
    )
