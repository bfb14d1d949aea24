"""Word counts the resolver needs, kept between processes: ``<library>/cache/references.sqlite``.

Counting a letter's words (and a citation's context words) is most of what resolving costs; a fresh
process (one ``kamerlezer import``) would count every letter of the library again to resolve one new
letter. This file keeps them, each under a key naming what it was counted from (the letter's content
and subject, the citation's place and letter), so a stale row is recognised and counted again. It is
derived data, outside the library database (no migration, no backup, no damage check): deleting it
costs only the counting; a library opened read-only, or a folder that cannot take it, simply works
without it.
"""

from __future__ import annotations

import json
import marshal
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from desktop_app.core.references.resolver import LetterFacts

CACHE_DIR = "cache"
CACHE_NAME = "references.sqlite"
TERMS_VERSION = f"3.m{marshal.version}"  # part of every key: change it when the counting (resolver.terms) changes

CACHE_SCHEMA = 3  # PRAGMA user_version of the file: another one is emptied and made anew
_TABLES = (
    "CREATE TABLE IF NOT EXISTS letter_terms (letter_id INTEGER PRIMARY KEY, key TEXT NOT NULL, terms BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS context_terms (reference_id INTEGER PRIMARY KEY, letter_id INTEGER NOT NULL, "
    "key TEXT NOT NULL, terms BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS context_terms_letter ON context_terms (letter_id)",
    # each context's words, by word: which citations a letter holding some words may be ranked for
    "CREATE TABLE IF NOT EXISTS context_words (term TEXT NOT NULL, reference_id INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS context_words_term ON context_words (term)",
    "CREATE INDEX IF NOT EXISTS context_words_reference ON context_words (reference_id)",
)


class TermCache:
    """Keyed word counts on disk; every method is a no-op (or empty) when the file cannot be used."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / CACHE_DIR / CACHE_NAME if folder is not None else None
        self._conn: sqlite3.Connection | None = None
        self._failed = self.path is None

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is None and not self._failed and self.path is not None:
            try:
                self.path.parent.mkdir(exist_ok=True)
                conn = sqlite3.connect(self.path, check_same_thread=False)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # a row lost in a crash is only counted again
                if conn.execute("PRAGMA user_version").fetchone()[0] != CACHE_SCHEMA:
                    for table in ("letter_terms", "context_terms", "context_words"):
                        conn.execute(f"DROP TABLE IF EXISTS {table}")
                    conn.execute(f"PRAGMA user_version = {CACHE_SCHEMA}")
                for sql in _TABLES:
                    conn.execute(sql)
                conn.commit()
                self._conn = conn
            except (OSError, sqlite3.Error):
                self._failed = True
        return self._conn

    def _read(self, table: str, column: str) -> dict[int, tuple[str, bytes]]:
        conn = self._connection()
        if conn is None:
            return {}
        try:
            rows = conn.execute(f"SELECT {column}, key, terms FROM {table}").fetchall()  # noqa: S608 - constants
        except sqlite3.Error:
            return {}
        return {int(i): (str(k), t) for i, k, t in rows}

    def _write(self, table: str, column: str, rows: Iterable[tuple[int, str, Mapping[str, int]]]) -> None:
        conn = self._connection()
        if conn is None:
            return
        data = [(i, key, marshal.dumps(dict(terms))) for i, key, terms in rows]
        if not data:
            return
        try:
            with conn:
                sql = f"INSERT OR REPLACE INTO {table} ({column}, key, terms) VALUES (?, ?, ?)"  # noqa: S608
                conn.executemany(sql, data)
        except sqlite3.Error:
            pass  # a cache that cannot be written is counted again next time

    def _keep(self, table: str, column: str, ids: Iterable[int]) -> None:
        conn = self._connection()
        if conn is None:
            return
        try:
            with conn:
                sql = f"DELETE FROM {table} WHERE {column} NOT IN (SELECT value FROM json_each(?))"  # noqa: S608
                conn.execute(sql, [json.dumps(sorted(ids))])
        except sqlite3.Error:
            pass

    def letters(self) -> dict[int, tuple[str, bytes]]:
        """letter id -> (key, terms as stored: see :func:`loads`)."""
        return self._read("letter_terms", "letter_id")

    def contexts(self) -> dict[int, tuple[str, bytes]]:
        """citation id -> (key, context terms as stored: see :func:`loads`)."""
        return self._read("context_terms", "reference_id")

    def put_letters(self, rows: Iterable[tuple[int, str, Mapping[str, int]]]) -> None:
        self._write("letter_terms", "letter_id", rows)

    def put_contexts(self, rows: Iterable[tuple[int, int, str, Mapping[str, int]]]) -> None:
        """(citation id, letter id, key, terms): the context words and their index in one transaction,
        so a citation's row is never there without its words in the index (:meth:`sharing` relies on it)."""
        rows = list(rows)
        conn = self._connection()
        if conn is None or not rows:
            return
        try:
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO context_terms (reference_id, letter_id, key, terms) VALUES (?, ?, ?, ?)",
                    [(i, letter_id, key, marshal.dumps(dict(terms))) for i, letter_id, key, terms in rows],
                )
                ids = json.dumps([i for i, _, _, _ in rows])
                conn.execute("DELETE FROM context_words WHERE reference_id IN (SELECT value FROM json_each(?))", [ids])
                conn.executemany(
                    "INSERT INTO context_words (term, reference_id) VALUES (?, ?)",
                    ((term, i) for i, _, _, terms in rows for term in terms),
                )
        except sqlite3.Error:
            pass

    def drop_letter(self, letter_id: int) -> None:
        """Forget a letter's counts and its citations' (its text is stored anew)."""
        conn = self._connection()
        if conn is None:
            return
        try:
            with conn:
                ids = [r[0] for r in conn.execute("SELECT reference_id FROM context_terms WHERE letter_id = ?", [letter_id])]
                conn.execute("DELETE FROM letter_terms WHERE letter_id = ?", [letter_id])
                conn.execute("DELETE FROM context_terms WHERE letter_id = ?", [letter_id])  # before the words
                conn.execute(
                    "DELETE FROM context_words WHERE reference_id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
                )
        except sqlite3.Error:
            self.close()
            self._failed = True  # counts that could not be forgotten must not be used

    def context(self, reference_id: int) -> tuple[str, bytes] | None:
        """One citation's (key, context terms as stored)."""
        conn = self._connection()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT key, terms FROM context_terms WHERE reference_id = ?", [reference_id]).fetchone()
        except sqlite3.Error:
            return None
        return (str(row[0]), row[1]) if row else None

    def context_keys(self) -> dict[int, str]:
        """citation id -> the key its stored context words were counted under."""
        conn = self._connection()
        if conn is None:
            return {}
        try:
            return {int(i): str(k) for i, k in conn.execute("SELECT reference_id, key FROM context_terms")}
        except sqlite3.Error:
            return {}

    def sharing(self, words: Iterable[str], at_least: int) -> set[int] | None:
        """The citations whose stored context holds at least ``at_least`` of ``words`` (None when the
        cache cannot tell)."""
        conn = self._connection()
        if conn is None:
            return None
        try:
            rows = conn.execute(
                "SELECT reference_id FROM context_words WHERE term IN (SELECT value FROM json_each(?)) "
                "GROUP BY reference_id HAVING count(*) >= ?",
                [json.dumps(sorted(words), ensure_ascii=False), at_least],
            ).fetchall()
        except sqlite3.Error:
            return None
        return {int(r[0]) for r in rows}

    def keep_only(self, letter_ids: Iterable[int], reference_ids: Iterable[int]) -> None:
        """Drop the rows of letters and citations that are gone (a full resolution calls this)."""
        self._keep("letter_terms", "letter_id", letter_ids)
        reference_ids = list(reference_ids)
        self._keep("context_terms", "reference_id", reference_ids)  # first: a row never outlives its words
        self._keep("context_words", "reference_id", reference_ids)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def loads(data: bytes) -> dict[str, int] | None:
    """Term counts as stored: a ``marshal``-ed dict (5x faster to read than JSON; the format's version
    is part of every key); None for a damaged row (then the words are counted again)."""
    try:
        terms = marshal.loads(data)  # noqa: S302 - our own cache file, keyed by content
    except (ValueError, EOFError, TypeError):
        return None
    return terms if isinstance(terms, dict) else None


class StoredFacts(LetterFacts):
    """A letter's facts whose term counts are read from the cache only when first asked for (resolving
    one new letter needs the counts of the few letters it is ranked against, not of every letter)."""

    def __init__(
        self, id: int, name: str, date: str | None, kamerstuk: str | None, data: Any,  # noqa: A002
        counted: Callable[[], Mapping[str, int]], loaded: Callable[[Mapping[str, int]], None],
    ) -> None:  # fmt: skip
        for attr, value in (("id", id), ("name", name), ("date", date), ("kamerstuk", kamerstuk)):
            object.__setattr__(self, attr, value)
        self.__dict__["_stored"] = (data, counted, loaded)

    @property  # type: ignore[override]
    def terms(self) -> Mapping[str, int]:
        terms = self.__dict__.get("_terms")
        if terms is None:
            data, counted, loaded = self.__dict__["_stored"]
            terms = loads(data)
            if terms is None:  # a damaged row: counted again
                terms = counted()
            loaded(terms)
            self.__dict__["_terms"] = terms
        return terms
