"""Damage, a full disk, a read-only disk and a second program: what the library keeps and what it says.

Damage is made the way it happens: bytes of a page of library.db overwritten (a letter's text, an
index), or a text that is not UTF-8. A full disk is a real one (a small tmpfs, when the tests run as
root) and, everywhere, ENOSPC raised at the write boundary. Every command answers with one sentence
that says what to do, never a traceback."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.errors import DiskFull, LibraryLocked, StoreError
from desktop_app.core.services import Library
from desktop_app.core.store import db as store_db
from tests.damage import garble_a_letters_text, garble_index, undecodable_text
from tests.libraries import seeded_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return seeded_copy(tmp_path / "lib")


def _change(folder: Path, name: str) -> list[str]:
    """One writing session (closing it backs up); returns what it had to say when closing."""
    library = Library.open(folder, search=False)
    library.add_theme(name)
    told = len(library.notices)
    library.close()
    return library.notices[told:]


def _run(folder: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_sentence(err: str, *needles: str) -> None:
    """stderr is one line from kamerlezer (no traceback) holding every needle."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kamerlezer: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


# -- 1. damage never pushes the good backups out -----------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [garble_a_letters_text, lambda db: garble_index(db, "letters_summary"), undecodable_text],
    ids=["a letter's text page garbled", "an index page garbled", "a text that is not UTF-8"],
)
def test_a_damaged_database_never_pushes_the_good_backups_out(folder: Path, damage: Callable[[Path], None]) -> None:
    _change(folder, "Goed 1")
    _change(folder, "Goed 2")
    good = Library.backups(folder)
    assert len(good) == 2
    damage(folder / "library.db")
    for i in range(7):  # more sessions than the backups kept
        told = _change(folder, f"Na de schade {i}")
        assert any("No backup was made" in t and "damaged" in t for t in told), told
    assert Library.backups(folder) == good  # none added, none pushed out
    for backup in good:
        assert store_db.check_file(backup, thorough=True) == []
    Library.restore(folder)
    with Library.open(folder, search=False) as library:
        assert len(library.list_letters()) == 5
        assert "Goed 2" in {t.name for t in library.list_themes()}


def _entries(times: list[datetime], size: int = 1000) -> list[store_db.BackupEntry]:
    return [store_db.BackupEntry(f"library-{store_db._stamp(t)}.db", t, size) for t in times]  # noqa: SLF001


def test_rotation_keeps_the_last_five_one_a_day_for_a_week_one_a_week_for_a_month() -> None:
    now = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
    times = [now - timedelta(hours=3 * i) for i in range(8 * 60)]  # every three hours for 60 days
    entries = _entries(times)
    kept = store_db.backups_to_keep(entries, now)
    by_name = {e.name: e.time for e in entries}
    kept_times = sorted((by_name[n] for n in kept), reverse=True)
    assert kept_times[:5] == times[:5]  # the last five
    days = {t.date() for t in kept_times if now - t <= timedelta(days=7)}
    assert days == {t.date() for t in times if now - t <= timedelta(days=7)}  # one for each day of the week
    for day in days:  # the newest of that day
        assert max(t for t in times if t.date() == day) in kept_times
    weeks = {t.isocalendar()[:2] for t in kept_times if now - t <= timedelta(days=31)}
    assert weeks == {t.isocalendar()[:2] for t in times if now - t <= timedelta(days=31)}
    assert all(now - t <= timedelta(days=31) for t in kept_times)  # nothing older than a month
    assert len(kept) <= 5 + 8 + 6


def test_rotation_keeps_within_the_size_budget_but_never_the_newest_good_backup_out() -> None:
    now = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
    times = [now - timedelta(days=i) for i in range(20)]
    entries = _entries(times, size=100)
    kept = store_db.backups_to_keep(entries, now, budget=350)
    assert sorted(kept, reverse=True) == [e.name for e in entries[:3]]  # the newest that fit
    protect = entries[10].name
    kept = store_db.backups_to_keep(entries, now, budget=150, protect=protect)
    assert kept == {entries[0].name, protect}  # over budget, yet the newest and the protected stay


def test_rotation_never_deletes_the_newest_backup_that_passes(folder: Path) -> None:
    _change(folder, "Goed")
    (good,) = Library.backups(folder)
    for i in range(8):  # newer backups that have rotted since they were made
        (folder / "backups" / f"library-29990101T00000{i}000000Z.db").write_bytes(b"SQLite format 3\0" + b"\x13" * 9000)
    store_db.rotate_backups(folder)
    assert good in Library.backups(folder)
    assert len(Library.backups(folder)) == store_db.BACKUP_KEEP + 1
    Library.restore(folder)  # the newest that passes is chosen
    with Library.open(folder, search=False) as library:
        assert "Goed" in {t.name for t in library.list_themes()}


def test_a_new_backup_is_checked_once_and_rotation_keeps_it_as_the_newest_good_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making a backup checks the copy; the rotation after it (which must know the newest good backup
    before it deletes any) takes that copy as checked instead of reading it again."""
    for i in range(store_db.BACKUP_KEEP + 2):
        _change(folder, f"Ronde {i}")
    checked: list[str] = []
    real = store_db.check_file
    monkeypatch.setattr(store_db, "check_file", lambda path, **kw: checked.append(Path(path).name) or real(path, **kw))
    made = store_db.make_backup(folder)
    assert checked == [made.name + ".partial"]  # the copy, before it got its name; not again
    assert made in Library.backups(folder) and len(Library.backups(folder)) < store_db.BACKUP_KEEP + 3


def test_check_finds_damage_in_any_row(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(folder, capsys, "check")[0] == 0
    undecodable_text(folder / "library.db", letter_id=4)
    conn = sqlite3.connect(folder / "library.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # SQLite's own check sees nothing
    conn.close()
    code, out, _ = _run(folder, capsys, "check")
    assert code == 1 and "letters" in out and "not valid UTF-8" in out and "kamerlezer restore" in out
    _change(folder, "Na de schade")  # such a database never becomes a backup either
    assert Library.backups(folder) == []


def test_check_reads_every_index_file_again(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A flipped byte that keeps size and modification time is missed by the quick check at open
    (stamps) but found by `kamerlezer check`, which compares every file's checksum."""
    code, out, _ = _run(folder, capsys, "check")
    assert code == 0 and "search index: ok" in out
    from desktop_app.core.search.storage import read_manifest

    manifest = read_manifest(folder / "index")
    assert manifest is not None
    victim = max((folder / "index" / manifest.generation / name for name in manifest.files), key=lambda p: p.stat().st_size)
    stat = victim.stat()
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the stamp still matches
    code, out, _ = _run(folder, capsys, "check")
    assert code == 1 and "search index: corrupt" in out and victim.name in out and "reindex" in out
    code, out, _ = _run(folder, capsys, "check", "--json")
    assert code == 1 and "checksum" in out


# -- 3. a library folder is never seeded again ------------------------------------------------------


@pytest.mark.parametrize("how", ["missing", "empty file", "no tables"])
def test_a_folder_with_backups_or_files_is_never_seeded_again(folder: Path, how: str) -> None:
    _change(folder, "Van mij")
    db_path = folder / "library.db"
    db_path.unlink()
    if how == "empty file":
        db_path.write_bytes(b"")
    elif how == "no tables":
        sqlite3.connect(db_path).close()
        db_path.write_bytes(db_path.read_bytes())
    with pytest.raises(StoreError) as caught:
        Library.open(folder, search=False)
    assert "kamerlezer restore" in caught.value.message and str(db_path) in caught.value.message
    assert len(Library.backups(folder)) == 1  # nothing seeded, nothing backed up
    Library.restore(folder)
    with Library.open(folder, search=False) as library:
        assert "Van mij" in {t.name for t in library.list_themes()}


def test_a_folder_with_only_imported_files_is_not_seeded_either(folder: Path) -> None:
    (folder / "library.db").unlink()
    with pytest.raises(StoreError, match="imported file"):
        Library.open(folder, search=False)
    assert not (folder / "library.db").exists() or not store_db.has_tables(folder / "library.db")


# -- 5. one sentence, never a traceback -------------------------------------------------------------


def test_a_damaged_index_page_is_one_sentence_for_list_and_annotate(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garble_index(folder / "library.db", "letters_summary")
    garble_index(folder / "library.db", "annotations_letter")
    code, _, err = _run(folder, capsys, "list")
    assert code == 1
    _one_sentence(err, "damaged", "kamerlezer restore")
    code, _, err = _run(folder, capsys, "annotate", "1", "--start", "100", "--end", "120")
    assert code == 1
    _one_sentence(err, "damaged", "kamerlezer restore")


def test_an_undecodable_letter_is_one_sentence_for_show(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    undecodable_text(folder / "library.db", letter_id=1)
    code, _, err = _run(folder, capsys, "show", "1")
    assert code == 1
    _one_sentence(err, "damaged", "not valid UTF-8", "kamerlezer check")
    assert "\\x" not in err and "\ufffd" not in err  # the bytes themselves are not echoed


@pytest.mark.parametrize(
    ("error", "needles"),
    [
        (sqlite3.OperationalError("attempt to write a readonly database"), ("read-only", "chmod")),
        (sqlite3.DatabaseError("database disk image is malformed"), ("damaged", "kamerlezer restore")),
        (sqlite3.OperationalError("database or disk is full"), ("disk full (", "MB free")),
        (OSError(errno.ENOSPC, "No space left on device"), ("disk full (", "MB free")),
        (PermissionError(errno.EACCES, "Permission denied", "/x/library.db"), ("/x/library.db", "Allow writing")),
        (sqlite3.OperationalError("disk I/O error"), ("kamerlezer check",)),
    ],
)
def test_every_sqlite_and_os_error_reaching_the_cli_is_one_sentence(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, error: Exception,
    needles: tuple[str, ...],
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(Library, "list_letters", fail)
    code, _, err = _run(folder, capsys, "list")
    assert code == 1
    _one_sentence(err, *needles)


# -- 4. a full disk ------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system (tmpfs, 16 MB); needs root and mount, else the test is skipped (the
    injected-ENOSPC tests below run everywhere)."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small tmpfs needs root on Linux")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as err:
            assert err.errno == errno.ENOSPC
    return filler


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name not in ("library.lock", "library.db-shm", "library.db-wal")}


def test_a_full_disk_is_said_as_such_keeps_everything_and_reading_still_works(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = seeded_copy(small_disk / "lib")
    assert _run(folder, capsys, "themes", "add", "Voor de volle schijf")[0] == 0
    filler = _fill(small_disk)
    before = _tree(folder)
    for argv in (["themes", "add", "Op de volle schijf"], ["annotate", "1", "--start", "100", "--end", "130"],
                 ["restore"]):
        code, _, err = _run(folder, capsys, *argv)
        assert code == 1, argv
        _one_sentence(err, "disk full (", "MB free", "nothing in the library was changed")
    for argv in (["list"], ["show", "1"], ["search", "NAVO"], ["themes"], ["annotations"], ["backups"], ["check"]):
        code, out, err = _run(folder, capsys, *argv)
        assert code == 0 and out, (argv, err)
        assert "Traceback" not in err
    assert _tree(folder) == before  # nothing changed, nothing partial left behind
    filler.unlink()
    assert _run(folder, capsys, "themes", "add", "Na het opruimen")[0] == 0
    with Library.open(folder, search=False) as library:
        names = {t.name for t in library.list_themes()}
        assert {"Voor de volle schijf", "Na het opruimen"} <= names and "Op de volle schijf" not in names


def test_enospc_while_backing_up_leaves_nothing_and_says_disk_full(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_db._copy_database  # noqa: SLF001

    def copy_then_fail(source: Path, target: Path) -> None:
        real(source, target)
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(store_db, "_copy_database", copy_then_fail)
    told = _change(folder, "Iets")
    assert any("disk full (" in t for t in told), told
    assert list((folder / "backups").iterdir()) == []
    with pytest.raises(DiskFull):
        store_db.make_backup(folder)
    assert list((folder / "backups").iterdir()) == []


def test_a_backup_whose_fsync_fails_while_it_is_checked_is_not_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is fsynced on a second thread while it is checked: a failing fsync stops it as a failing
    check does, and nothing is left behind."""
    _change(folder, "Eerst")
    before = Library.backups(folder)

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store_db, "fsync_file", full)
    with pytest.raises(DiskFull):
        store_db.make_backup(folder)
    assert Library.backups(folder) == before
    assert not list((folder / "backups").glob("*.partial"))


def test_enospc_during_restore_keeps_the_database_and_leaves_no_partial_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _change(folder, "In de backup")
    _change(folder, "Daarna")
    before = (folder / "library.db").read_bytes()

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store_db, "fsync_file", full)
    with pytest.raises(DiskFull):
        Library.restore(folder, Library.backups(folder)[-1])
    assert (folder / "library.db").read_bytes() == before
    assert not (folder / store_db.RESTORING).exists() and not (folder / "index.dirty").exists()
    assert not list((folder / "backups").glob("*.partial"))
    with Library.open(folder, search=False) as library:
        assert "Daarna" in {t.name for t in library.list_themes()}


# -- 5. a read-only database -------------------------------------------------------------------------


def test_a_read_only_library_reads_and_says_so_when_asked_to_write(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = seeded_copy(small_disk / "lib")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, _, err = _run(folder, capsys, "themes", "add", "Nieuw")
    assert code == 1
    _one_sentence(err, str(folder))
    assert "reading commands still work" in err
    for argv in (["list"], ["show", "1"], ["annotations"], ["check"]):
        code, out, err = _run(folder, capsys, *argv)
        assert code == 0 and out, (argv, err)


# -- 10. reading beside the app; writers wait -----------------------------------------------------------


@pytest.fixture
def held(folder: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program (a child process) holds the library open for writing until told to stop."""
    code = (
        "import sys; from pathlib import Path; from desktop_app.core.services import Library; "
        f"lib = Library.open(Path({str(folder)!r}), search=False); theme = lib.add_theme('Van de app'); "
        "lib.annotate(1, 200, 240, [theme.id], note='Van de app'); "
        "print('open', flush=True); sys.stdin.readline(); lib.close(); print('closed', flush=True)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield child
    child.kill()
    child.wait()


def test_reading_commands_work_while_another_program_holds_the_library(
    folder: Path, held: subprocess.Popen[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in (["list"], ["show", "1"], ["search", "NAVO"], ["annotations"], ["refs"], ["themes"],
                 ["backups"], ["check"], ["export", "-o", str(tmp_path / "samenvatting.md")]):
        code, out, err = _run(folder, capsys, *argv)
        assert code == 0, (argv, err)
        assert "Traceback" not in err
    assert "Van de app" in _run(folder, capsys, "themes")[1]  # the writer's committed change is read
    assert (tmp_path / "samenvatting.md").exists()
    code, _, err = _run(folder, capsys, "themes", "add", "Tegelijk")  # a writer is refused at once
    assert code == 1
    _one_sentence(err, "already open", "--wait")


def test_a_writer_waits_for_the_lock_with_wait(
    folder: Path, held: subprocess.Popen[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting = threading.Event()
    real_pause = store_db._pause  # noqa: SLF001

    def pause(seconds: float) -> None:
        waiting.set()
        real_pause(seconds)

    monkeypatch.setattr(store_db, "_pause", pause)
    result: list[int] = []
    writer = threading.Thread(
        target=lambda: result.append(main(["--library", str(folder), "--wait", "120", "themes", "add", "Gewacht"]))
    )
    writer.start()
    assert waiting.wait(120), "the writer never started waiting"
    assert held.stdin is not None and held.stdout is not None
    held.stdin.write("\n")
    held.stdin.flush()
    assert held.stdout.readline().strip() == "closed"
    writer.join(120)
    assert result == [0]
    with Library.open(folder, search=False) as library:
        assert {"Van de app", "Gewacht"} <= {t.name for t in library.list_themes()}
    with pytest.raises(LibraryLocked):
        with Library.open(folder, search=False):
            Library.open(folder, search=False, wait=0.2)
