"""What the library records about itself: the ``meta`` table (key -> text: seeding done, the version
of the citation rules, the word statistics of the suggestions) and the record of applied migrations."""

from __future__ import annotations

import sqlite3
from typing import Any


def get(db: Any, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else None


def put(db: Any, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])


def applied_migrations(db: Any, migration_set: str) -> set[str] | None:
    """The names of the migrations of ``migration_set`` applied to this database (read without
    writing); None when the database has no record of migrations."""
    try:
        rows = db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migration_set]).fetchall()
    except sqlite3.OperationalError:
        return None
    return {str(r[0]) for r in rows}
