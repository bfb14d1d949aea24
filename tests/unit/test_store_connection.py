"""The store's own connection class (sqlite-utils' Database API without importing sqlite-utils) and
what a read-only command imports (issue 18: `kamerlezer search` as a whole process)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.services import Library
from desktop_app.core.store.connection import Database

ROOT = Path(__file__).resolve().parents[2]


def _db() -> Database:
    db = Database(sqlite3.connect(":memory:", isolation_level=None))
    db.execute("CREATE TABLE t (x INTEGER UNIQUE)")
    return db


def _rows(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT x FROM t ORDER BY x").fetchall()]


def test_a_nested_atomic_is_a_savepoint_rolled_back_alone() -> None:
    db = _db()
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(sqlite3.IntegrityError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            db.execute("INSERT INTO t VALUES (1)")  # violates UNIQUE: the savepoint goes, 2 with it
        db.execute("INSERT INTO t VALUES (3)")
    assert _rows(db) == [1, 3]
    assert not db.conn.in_transaction


def test_an_outer_atomic_that_fails_keeps_nothing() -> None:
    db = _db()
    with pytest.raises(ZeroDivisionError), db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
        1 / 0  # noqa: B018
    assert _rows(db) == []
    assert not db.conn.in_transaction


def test_executescript_inside_a_transaction_does_not_commit_it() -> None:
    db = _db()
    with pytest.raises(ZeroDivisionError), db.atomic():
        db.executescript("INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\nCREATE TABLE u (y);")
        1 / 0  # noqa: B018
    assert _rows(db) == []
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'u'").fetchone()[0] == 0


def test_search_command_does_not_import_sqlite_utils(tmp_path: Path) -> None:
    """sqlite-utils (with numpy, click, pluggy, dateutil) is only imported to apply a migration; numpy
    (the search engine's arrays) not for a small library (Whoosh's own searcher answers there)."""
    folder = tmp_path / "library"
    with Library.open(folder):  # seeded and indexed: the search only reads
        pass
    script = (
        "import json, sys\n"
        "from desktop_app.cli import main\n"
        f"code = main(['--library', {str(folder)!r}, 'search', 'navo', '--json'])\n"
        "unused = ['sqlite_utils', 'asyncio', 'http.client', 'multiprocessing', 'numpy']\n"
        "print(json.dumps({'code': code, 'imported': [m for m in unused if m in sys.modules]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    last = json.loads(out.stdout.strip().splitlines()[-1])
    assert last == {"code": 0, "imported": []}, out.stderr


def test_whoosh_is_imported_without_its_unused_modules_and_leaves_the_real_ones() -> None:
    script = (
        "import sys\n"
        "from desktop_app.core.search.index import SearchIndex\n"
        "import whoosh.compat, whoosh.reading\n"
        "assert 'asyncio' not in sys.modules and 'urllib.request' not in sys.modules\n"
        "import urllib.request, cached_property\n"  # the real ones, for anyone else
        "assert urllib.request.urlopen and cached_property.threaded_cached_property\n"
        "assert whoosh.reading.cached_property.__module__ == 'functools'\n"
        "assert 'whoosh.lang.morph_en' not in sys.modules\n"
        "import whoosh.query.terms\n"
        "assert 'riding' in set(whoosh.query.terms.variations('ride'))\n"  # the real one, on first use
        "import whoosh.lang.morph_en\n"
        "assert whoosh.lang.morph_en.variations is not whoosh.query.terms.variations\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
