"""The library database connection and its migrations, without importing sqlite-utils on the way.

sqlite-utils costs ~0.1 s to import (it imports numpy, pandas when present, click, pluggy and
dateutil), most of a read-only command such as ``kamerlezer search``. The store uses only
``execute``, ``executescript``, ``atomic`` and ``conn`` of its ``Database``: :class:`Database` gives
those with the same behaviour. sqlite-utils' ``Migrations`` (whose records every library holds in
``_sqlite_migrations``) is imported only when a migration is pending: :class:`Migrations` registers the
steps and reads which were applied with plain SQL.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Generator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


class Database:
    """A sqlite3 connection with the part of ``sqlite_utils.Database``'s API the store uses (the
    connection is opened with ``isolation_level=None``: a statement outside ``atomic`` commits)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.execute("PRAGMA recursive_triggers=on;")  # as sqlite-utils does

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        was_in_transaction = self.conn.in_transaction
        try:
            return self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def executescript(self, sql: str) -> sqlite3.Cursor:
        if self.conn.in_transaction:  # sqlite3's executescript would commit first
            cursor = self.conn.cursor()
            statement = ""
            for line in sql.splitlines(keepends=True):
                statement += line
                if sqlite3.complete_statement(statement):
                    cursor.execute(statement)
                    statement = ""
            if statement.strip():
                cursor.execute(statement)
            return cursor
        return self.conn.executescript(sql)

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        """A transaction; nested, a savepoint (as ``sqlite_utils.Database.atomic``)."""
        if self.conn.in_transaction:
            savepoint = f"kamerlezer_{os.urandom(16).hex()}"
            self.conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
        else:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                try:
                    self.conn.execute("COMMIT")
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise

    def close(self) -> None:
        self.conn.close()


@dataclass
class _Step:
    name: str
    fn: Callable[[Any], None]
    transactional: bool = True


@dataclass
class _Applied:
    name: str
    applied_at: str


class Migrations:
    """Registers migration steps as ``sqlite_utils.migrations.Migrations`` does (same decorator, same
    ``_sqlite_migrations`` records); reading what was applied needs no sqlite-utils, applying does."""

    migrations_table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[_Step] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True) -> Callable[[Any], Any]:
        def inner(func: Any) -> Any:
            step = name or func.__name__
            if any(m.name == step for m in self._migrations):
                raise ValueError(f"Migration '{step}' is already registered in set '{self.name}'")
            self._migrations.append(_Step(step, func, transactional))
            return func

        return inner

    def applied(self, db: Any) -> list[_Applied]:
        """The steps applied, in the order they were (read only)."""
        conn = db.conn
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [self.migrations_table]
        ).fetchone()
        if not exists:
            return []
        rows = conn.execute(
            f"SELECT name, applied_at FROM {self.migrations_table} WHERE migration_set = ? ORDER BY rowid",  # noqa: S608
            [self.name],
        ).fetchall()
        return [_Applied(str(name), str(at)) for name, at in rows]

    def pending(self, db: Any) -> list[_Step]:
        done = {m.name for m in self.applied(db)}
        return [m for m in self._migrations if m.name not in done]

    def apply(self, db: Any) -> None:
        """Apply the pending steps through sqlite-utils (imported here: only an upgrade pays for it)."""
        import sqlite_utils
        from sqlite_utils.migrations import Migrations as Steps

        steps = Steps(self.name)
        for m in self._migrations:
            steps(name=m.name, transactional=m.transactional)(m.fn)
        steps.apply(sqlite_utils.Database(db.conn))
