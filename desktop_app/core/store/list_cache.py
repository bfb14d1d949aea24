"""The letter list kept between processes: ``<library>/cache/letters.marshal``.

Listing every letter (``letters_repo.summaries``: the query, the display titles, the order) was most of
what a window with 100,000 letters did before it showed (0.7 s); reading the list back from this file
takes 0.28 s, most of it making the LetterSummary objects. The file holds the rows under two keys: the stamp the database held when they
were read (``letter_list_stamp``, set anew by triggers at every write to the letters, annotations and
their themes: migration 0008) and a fingerprint of the code that makes a row (the modules
``core/titles`` and ``store/letters_repo``, the fields of ``LetterSummary``). A file under another key
is not used; a damaged one neither. It is derived data outside the library database (no migration, no
backup, no damage check): deleting it costs one listing; a folder that cannot take it simply works
without it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import threading
from dataclasses import fields
from pathlib import Path
from typing import Any

from desktop_app.core import titles
from desktop_app.core.collector import collector_paused
from desktop_app.core.model import LetterSummary
from desktop_app.core.store import letters_repo
from desktop_app.core.store.connection import Database
from desktop_app.core.store.schema import LIST_TRIGGERS

CACHE_DIR = "cache"
CACHE_NAME = "letters.marshal"
FORMAT = 1  # change it when the file's layout changes


def _fingerprint() -> bytes:
    """What a row is made by: the source of the modules that make it and the fields of LetterSummary
    (edited code gives another fingerprint). A bundled app, which has no source files, is one build:
    its executable stands for its code."""
    digest = hashlib.sha256(f"{FORMAT} {marshal.version} {[f.name for f in fields(LetterSummary)]}".encode())
    for module in (titles, letters_repo):
        try:
            digest.update(Path(str(module.__file__)).read_bytes())
        except OSError:
            info = os.stat(sys.executable)
            digest.update(f"{sys.executable} {info.st_size} {info.st_mtime_ns}".encode())
    return digest.digest()[:16]


_FINGERPRINT = _fingerprint()


_TRIGGERS = [name for triggers in LIST_TRIGGERS.values() for name in triggers.values()]


def _stamp(db: Database) -> bytes | None:
    return letters_repo.list_stamp(db, _TRIGGERS)


def path(folder: Path) -> Path:
    return folder / CACHE_DIR / CACHE_NAME


def summaries(db: Database, folder: Path | None, *, write: bool = True) -> list[LetterSummary]:
    """``letters_repo.summaries(db)``, read from the cache file when it was made under the stamp the
    database holds, else listed and (with ``write``) kept for the next time."""
    stamp = _stamp(db)
    if stamp is None or folder is None:
        return letters_repo.summaries(db)
    kept = load(folder, stamp)
    if kept is not None:
        return kept
    rows = letters_repo.summary_rows(db)
    # kept only when no transaction is open (it could still be rolled back) and no other connection
    # committed between the stamp and the rows (the stamp is read again: it changes at every commit)
    if write and not db.conn.in_transaction and _stamp(db) == stamp:
        save(folder, stamp, rows)
    return [LetterSummary(*row) for row in rows]


def load(folder: Path, stamp: bytes) -> list[LetterSummary] | None:
    """The rows kept under ``stamp`` (and this code's fingerprint); None when there are none."""
    try:
        with open(path(folder), "rb") as fh:
            header = marshal.load(fh)
            if header != (_FINGERPRINT, stamp):
                return None
            data = fh.read()
        with collector_paused():
            rows: Any = marshal.loads(data)
            del data  # 13 MB at 100,000 letters: not held beside the rows
            return [LetterSummary(*row) for row in rows]
    except (OSError, EOFError, ValueError, TypeError):  # absent, unreadable, damaged
        return None


def save(folder: Path, stamp: bytes, rows: list[letters_repo.SummaryRow]) -> None:
    """Keep ``rows`` under ``stamp``: written beside the file, then put in its place (a reader never
    sees half a file). A folder that cannot take it is left as it is."""
    target = path(folder)
    temporary = target.with_name(f"{CACHE_NAME}.{os.getpid()}.{threading.get_ident()}.tmp")  # this writer's own
    try:
        target.parent.mkdir(exist_ok=True)
        with open(temporary, "wb") as fh:
            marshal.dump((_FINGERPRINT, stamp), fh)
            fh.write(marshal.dumps(rows))
        os.replace(temporary, target)
    except (OSError, ValueError):
        temporary.unlink(missing_ok=True)


def is_current(db: Database, folder: Path) -> bool:
    """Whether the cache file holds the list the database holds now."""
    stamp = _stamp(db)
    if stamp is None:
        return True  # nothing to keep it by
    try:
        with open(path(folder), "rb") as fh:
            return bool(marshal.load(fh) == (_FINGERPRINT, stamp))
    except (OSError, EOFError, ValueError, TypeError):
        return False
