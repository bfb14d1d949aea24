"""Data safety: the write lock, rotating backups and restore, damaged and newer databases, and a
crash loop (a writer SIGKILLed at random moments, over 100 times) that must lose no committed
annotation and leave a database that passes SQLite's integrity check."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.errors import LibraryLocked, NotFound, StoreError
from desktop_app.core.services import INDEX_DIRTY, Library
from desktop_app.core.store import db as store_db
from tests.crash import backup_to_restore, kill_loop, killed_restore
from tests.libraries import seeded_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return seeded_copy(tmp_path / "lib")


# -- lock ------------------------------------------------------------------------------------------


def test_second_open_is_refused_naming_the_folder_until_closed(folder: Path) -> None:
    first = Library.open(folder)
    with pytest.raises(LibraryLocked) as caught:
        Library.open(folder)
    assert str(folder) in caught.value.message and "already open" in caught.value.message
    with pytest.raises(LibraryLocked):
        Library.restore(folder)
    first.close()
    Library.open(folder).close()


def test_lock_held_by_another_process_and_released_when_it_dies(folder: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; from desktop_app.core.services import Library; "
        f"lib = Library.open(Path({str(folder)!r}), search=False); print('open', flush=True); time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(LibraryLocked):
            Library.open(folder, search=False)
    finally:
        child.kill()
        child.wait()
    Library.open(folder, search=False).close()  # a dead process holds no lock


# -- backups ---------------------------------------------------------------------------------------


def _change(folder: Path, name: str) -> None:
    """One writing session that changes the library (closing it makes a backup)."""
    with Library.open(folder, search=False) as library:
        library.add_theme(name)


def _theme_names(db_path: Path) -> set[str]:
    copy = sqlite3.connect(db_path)
    try:
        return {r[0] for r in copy.execute("SELECT name FROM themes")}
    finally:
        copy.close()


def test_a_backup_is_made_when_a_writer_closes_after_changes_only(folder: Path) -> None:
    Library.open(folder, search=False).close()  # nothing changed: no backup
    assert Library.backups(folder) == []
    for i in range(8):
        _change(folder, f"Thema {i}")
    backups = Library.backups(folder)
    assert len(backups) == store_db.BACKUP_KEEP  # all made today: the last five
    assert "Thema 7" in _theme_names(backups[0])  # the newest holds the last session
    Library.open(folder, search=False).close()
    assert Library.backups(folder) == backups


def test_restore_brings_back_the_last_session(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three annotate commands, then the database is lost: restore brings back all three (the backup
    is taken when each command closes, not when the next one opens)."""
    from desktop_app.cli import main

    for i, word in enumerate(("eerste", "tweede", "derde")):
        start = 200 + 50 * i
        assert main(["--library", str(folder), "annotate", "1", "--start", str(start), "--end", str(start + 30),
                     "--note", word]) == 0
    capsys.readouterr()
    (folder / "library.db").write_bytes(b"damaged" * 1000)
    for suffix in ("-wal", "-shm"):
        (folder / f"library.db{suffix}").unlink(missing_ok=True)
    assert main(["--library", str(folder), "restore"]) == 0
    with Library.open(folder, search=False) as library:
        assert sorted(a.note for a in library.list_annotations()) == ["derde", "eerste", "tweede"]


def test_backup_if_due_waits_for_enough_changes_or_time(folder: Path) -> None:
    with Library.open(folder, search=False) as library:
        assert library.backup_if_due() is None  # nothing changed
        library.add_theme("Eén wijziging")
        assert library.backup_if_due(every_s=3600, every_changes=50) is None  # too few, too soon
        assert library.backup_if_due(every_s=0, every_changes=50) is not None  # time is up
        assert library.backup_if_due(every_s=0) is None  # nothing changed since
        for i in range(3):
            library.add_theme(f"Thema {i}")
        made = library.backup_if_due(every_s=3600, every_changes=3)  # enough changes
        assert made is not None and "Thema 2" in _theme_names(made)
    assert len(Library.backups(folder)) == 2  # closing after the last backup: nothing new


def test_restore_puts_back_the_backup_and_keeps_the_current_state_as_a_backup(folder: Path) -> None:
    _change(folder, "Voor de backup")
    chosen = Library.backups(folder)[0]
    _change(folder, "Na de backup")
    assert Library.restore(folder, chosen.name) == chosen
    assert any("before-restore" in p.name for p in Library.backups(folder))
    with Library.open(folder) as library:
        names = {t.name for t in library.list_themes()}
        assert "Voor de backup" in names and "Na de backup" not in names
        assert library.notices == ["Search index rebuilt (the database was restored from a backup)."]
    with pytest.raises(NotFound):
        Library.restore(folder, "library-19990101T000000Z")


def test_damaged_backup_is_not_restored(folder: Path) -> None:
    _change(folder, "Iets")
    (backup,) = Library.backups(folder)
    backup.write_bytes(b"SQLite format 3\0" + b"\x13" * 5000)
    with pytest.raises(StoreError, match=backup.name):
        Library.restore(folder, backup)
    with Library.open(folder, search=False) as library:
        assert len(library.list_letters()) == 5


def test_damaged_database_gives_a_clear_error_and_can_be_restored(folder: Path) -> None:
    _change(folder, "Iets")  # makes the first backup
    (folder / "library.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as caught:
        Library.open(folder, search=False)
    assert "library.db" in caught.value.message and "kamerlezer restore" in caught.value.message
    Library.restore(folder)
    with Library.open(folder) as library:
        assert len(library.list_letters()) == 5
        assert "Iets" in {t.name for t in library.list_themes()}


def test_database_from_a_newer_kamerlezer_is_refused(folder: Path) -> None:
    db = sqlite3.connect(folder / "library.db")
    db.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('kamerlezer', '9999_future', 'x')"
    )
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer Kamerlezer"):
        Library.open(folder, search=False)


# -- crash loops ----------------------------------------------------------------------------------
# A child reports "R" when its library is open (the readiness signal), then one line per committed
# change. The parent waits for that signal and for a random number of commits, then kills the child
# within a random window while it works on the next one: no assumption about the machine's speed, so
# a loaded machine only makes the loop slower, never the test wrong.


@pytest.mark.slow
@pytest.mark.timeout(1800)  # a loaded machine makes the loop slower, never wrong: no 300 s limit here
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_moments_loses_no_committed_annotation(folder: Path) -> None:
    committed, waited_for, errors = kill_loop(
        folder, random.Random(20261123), rounds=100, most_commits=6, window=0.05, search=False
    )
    assert not errors, errors[:5]
    assert len(committed) >= waited_for > 100
    with Library.open(folder) as library:  # with search: the index is rebuilt from the store
        assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        present = {a.id: a.note for a in library.list_annotations()}
        assert set(committed) <= set(present), f"lost: {sorted(set(committed) - set(present))[:10]}"
        assert all(present[i] == note for i, note in committed.items())
        assert library.notices == ["Search index rebuilt (changes were made without the search index)."]
    assert not (folder / INDEX_DIRTY).exists()


@pytest.mark.slow
@pytest.mark.timeout(1800)  # a loaded machine makes the loop slower, never wrong: no 300 s limit here
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("flush", [False, True], ids=["journal-only", "flushing"])
def test_sigkill_during_index_updates_leaves_a_searchable_library(folder: Path, flush: bool) -> None:
    """Writers with the search index on, killed mid-way: an index update is journaled without the
    engine (the journal grows over killed writers), or ("flushing") each writer also searches, which
    writes the journal into the index, so kills fall inside Whoosh commits and the switch of the
    manifest. Afterwards the store has every committed annotation and the index agrees with the store:
    a kill mid-flush loses no journaled edit."""
    committed, waited_for, errors = kill_loop(
        folder, random.Random(7), rounds=12, most_commits=3, window=0.3, search=True, flush=flush
    )
    assert not errors, errors[:5]
    assert len(committed) >= waited_for > 0
    with Library.open(folder) as library:
        assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        annotations = {a.id: a for a in library.list_annotations()}
        assert set(committed) <= set(annotations)
        assert library.index.check() is None
        for annotation in annotations.values():  # every note in the store is in the index
            hits = {h.letter_id for h in library.search(annotation.note).hits}
            assert hits == {annotation.letter_id}, annotation


@pytest.mark.timeout(1800)
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_during_restore_never_leaves_an_empty_library(folder: Path, tmp_path: Path) -> None:
    """Restore killed at random moments (16 times): the next command opens either the old library or
    the restored one, never a fresh seeded one, and never loses the backup's annotation."""
    backup = backup_to_restore(folder, tmp_path / "bewaard.db")
    rng = random.Random(3)
    outcomes = {"old": 0, "restored": 0}
    for round_ in range(16):
        lines = killed_restore(folder, backup, rng, round_)
        assert lines[:1] == ["R"] and not [line for line in lines if line.startswith("E ")], lines
        with Library.open(folder, search=False) as library:
            names = {t.name for t in library.list_themes()}
            assert len(library.list_letters()) == 5 and "In de backup" in names
            assert [a.note for a in library.list_annotations()] == ["bewaard"]
            assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            outcomes["old" if f"Ronde {round_}" in names else "restored"] += 1
    assert sum(outcomes.values()) == 16
    assert not (folder / store_db.RESTORING).exists()
