"""Damage made the way it happens, shared by the tests and benchmarks/safety_run.py: one page of
library.db overwritten (a bad sector: a letter's text, an index), or a text that is not UTF-8 (which
SQLite's own checks do not see). The library must be closed (no WAL) when these run."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def page_size(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def garble_page(db_path: Path, page_number: int, seed: int = 13) -> None:
    """Overwrite one page (1-based, as SQLite counts) with random bytes, as a bad sector would."""
    size = page_size(db_path)
    data = bytearray(db_path.read_bytes())
    rng = random.Random(seed)
    data[(page_number - 1) * size : page_number * size] = bytes(rng.randrange(256) for _ in range(size))
    db_path.write_bytes(bytes(data))


def garble_a_letters_text(db_path: Path) -> None:
    """Garble the page that holds the middle of letter 1's text (a closed library: no WAL)."""
    conn = sqlite3.connect(db_path)
    text = conn.execute("SELECT text FROM letters WHERE id = 1").fetchone()[0]
    conn.close()
    needle = text[len(text) // 2 : len(text) // 2 + 24].encode("utf-8")
    offset = db_path.read_bytes().find(needle)
    assert offset > 0
    garble_page(db_path, offset // page_size(db_path) + 1)


def garble_index(db_path: Path, index: str) -> None:
    conn = sqlite3.connect(db_path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [index]).fetchone()
    conn.close()
    garble_page(db_path, int(root))


def undecodable_text(db_path: Path, letter_id: int = 1) -> None:
    """A letter's text that is not UTF-8: SQLite's own checks see nothing wrong with it."""
    conn = sqlite3.connect(db_path)
    conn.execute(
        "UPDATE letters SET text = CAST(CAST(text AS BLOB) || X'C328FF' AS TEXT) WHERE id = ?", [letter_id]
    )
    conn.commit()
    conn.close()
