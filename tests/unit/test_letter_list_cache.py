"""The letter list kept in ``<library>/cache/`` (core/store/list_cache.py) is exactly the listed list:
read back only while no write to the letters, annotations or their themes happened since (by this
library, another connection, undo or redo), never from a damaged file or one made by other code."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.core.services import Library
from desktop_app.core.store import letters_repo, list_cache
from desktop_app.core.store.schema import LIST_TRIGGERS


def _letter(folder: Path, name: str, subject: str, day: int = 3) -> Path:
    path = folder / name
    path.write_text(
        f"Datum {day} oktober 2024\n\nBetreft {subject}\n\nGeachte voorzitter,\n\nTekst over {subject} en defensie.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """The five bundled letters (two without a subject: titles from their text), two more, annotations."""
    with Library.open(tmp_path / "lib", search=False) as lib:
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        lib.import_paths([_letter(inbox, "a.txt", "Brief A"), _letter(inbox, "b.txt", "Brief B", day=4)])
        themes = [t.id for t in lib.list_themes()]
        lib.annotate_quote("a", "Tekst", [themes[0], themes[1]], note="twee thema's")
        lib.annotate_quote("000_eba5de336aff673f", "kabinet", [themes[2]])
        yield lib


def _fresh(library: Library) -> list:
    return letters_repo.summaries(library.db)


def _not_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on the letters cannot be listed: only the kept list can answer."""

    def fail(_db: object) -> list:
        raise AssertionError("the letters were listed, not read from the cache")

    monkeypatch.setattr(letters_repo, "summary_rows", fail)


def test_the_kept_list_is_the_listed_list(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = library.list_letters()
    assert listed == _fresh(library)
    assert list_cache.path(library.folder).is_file()
    assert any(s.title_derived for s in listed) and any(s.theme_ids for s in listed)
    _not_listed(monkeypatch)
    assert library.list_letters() == listed
    folder = library.folder
    library.close()
    with Library.open(folder, search=False) as again:  # another process's view: the same list, from the file
        assert again.list_letters() == listed
        assert [(s.id, s.title, s.theme_ids) for s in again.list_letters()] == [(s.id, s.title, s.theme_ids) for s in listed]


def _import_new(lib: Library, tmp_path: Path) -> None:
    lib.import_paths([_letter(tmp_path, "c.txt", "Brief C")])


def _new_version(lib: Library, tmp_path: Path) -> None:  # the title changes
    folder = tmp_path / "v2"
    folder.mkdir()
    lib.import_paths([_letter(folder, "a.txt", "Brief A, herzien")])


def _delete_letter(lib: Library, _tmp: Path) -> None:
    lib.delete_letter("b")


def _set_kamerstuk(lib: Library, _tmp: Path) -> None:
    lib.set_kamerstuk("b", "kst-36000-1")


def _annotate(lib: Library, _tmp: Path) -> None:
    lib.annotate_quote("b", "Tekst", [lib.list_themes()[3].id])


def _retheme(lib: Library, _tmp: Path) -> None:
    annotation = lib.list_annotations(lib.get_letter("a").id)[0]
    lib.update_annotation(annotation.id, theme_ids=[lib.list_themes()[4].id])


def _delete_annotation(lib: Library, _tmp: Path) -> None:  # its themes go with it (ON DELETE CASCADE)
    lib.delete_annotation(lib.list_annotations(lib.get_letter("a").id)[0].id)


def _delete_theme(lib: Library, _tmp: Path) -> None:
    lib.delete_theme(lib.list_themes()[0].id, force=True)


def _undo(lib: Library, _tmp: Path) -> None:
    lib.undo()


def _undo_redo(lib: Library, _tmp: Path) -> list:
    lib.undo()
    undone = lib.list_letters()  # kept after the undo ...
    lib.redo()  # ... and stale after the redo
    return undone


def _other_connection(lib: Library, _tmp: Path) -> None:
    conn = sqlite3.connect(lib.folder / "library.db")
    with conn:
        conn.execute("UPDATE letters SET subject = 'Door een ander gezet' WHERE source_file = 'b.txt'")
    conn.close()


CHANGES: dict[str, Callable[[Library, Path], list | None]] = {  # returns the list just before, if it listed
    "import": _import_new, "new version": _new_version, "delete letter": _delete_letter,
    "kamerstuk": _set_kamerstuk, "annotate": _annotate, "themes of an annotation": _retheme,
    "delete annotation": _delete_annotation, "delete theme": _delete_theme, "undo": _undo,
    "undo, redo": _undo_redo, "another connection": _other_connection,
}  # fmt: skip


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_change_makes_the_kept_list_stale(library: Library, tmp_path: Path, change: str) -> None:
    before = library.list_letters()
    assert list_cache.is_current(library.db, library.folder)
    before = CHANGES[change](library, tmp_path) or before
    assert not list_cache.is_current(library.db, library.folder)
    after = library.list_letters()
    assert after == _fresh(library)
    assert after != before
    assert list_cache.is_current(library.db, library.folder)  # kept again
    folder = library.folder
    library.close()
    with Library.open(folder, search=False) as again:
        assert again.list_letters() == after


def test_random_changes_never_leave_a_stale_list(library: Library, tmp_path: Path) -> None:
    rng = random.Random(18)
    themes = [t.id for t in library.list_themes()]
    names = ["a", "b", "000_eba5de336aff673f", "002_6da6c7f9d4c292e2"]
    for step in range(40):
        action = rng.choice(["annotate", "delete annotation", "undo", "redo", "kamerstuk", "list", "import"])
        if action == "annotate":
            library.annotate_quote(rng.choice(names[:2]), "Tekst", rng.sample(themes, k=rng.randint(0, 2)))
        elif action == "delete annotation" and library.list_annotations():
            library.delete_annotation(rng.choice(library.list_annotations()).id)
        elif action == "undo" and library.can_undo():
            library.undo()
        elif action == "redo" and library.can_redo():
            library.redo()
        elif action == "kamerstuk":
            library.set_kamerstuk(rng.choice(names), rng.choice([None, f"kst-36000-{step}"]))
        elif action == "import":
            _letter(tmp_path, f"n{step}.txt", f"Brief {step}", day=rng.randint(1, 28))
            library.import_paths([tmp_path / f"n{step}.txt"])
        assert library.list_letters() == _fresh(library), (step, action)


def test_a_damaged_file_or_one_of_other_code_is_not_used(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = library.list_letters()
    path = list_cache.path(library.folder)
    whole = path.read_bytes()
    for damaged in (whole[: len(whole) // 2], b"", b"\x00" * 40, whole[:20]):
        path.write_bytes(damaged)
        assert library.list_letters() == listed
        assert path.read_bytes() == whole  # listed and kept again
    monkeypatch.setattr(list_cache, "_FINGERPRINT", b"other code......")
    assert not list_cache.is_current(library.db, library.folder)
    calls = []
    listing = letters_repo.summary_rows
    monkeypatch.setattr(letters_repo, "summary_rows", lambda db: calls.append(1) or listing(db))
    assert library.list_letters() == listed
    assert calls == [1]


def test_not_kept_inside_a_transaction(library: Library) -> None:
    path = list_cache.path(library.folder)
    path.unlink(missing_ok=True)
    with pytest.raises(KeyboardInterrupt), library.db.atomic():
        library.db.execute("UPDATE letters SET subject = 'Teruggedraaid' WHERE source_file = 'a.txt'")
        assert any(s.title == "Teruggedraaid" for s in library.list_letters())
        assert not path.exists()  # the change may still be rolled back
        raise KeyboardInterrupt  # and is
    assert not any(s.title == "Teruggedraaid" for s in library.list_letters())


def test_a_read_only_library_reads_the_kept_list_but_does_not_write_it(library: Library) -> None:
    listed = library.list_letters()
    path = list_cache.path(library.folder)
    with Library.open(library.folder, readonly=True, search=False) as reader:  # beside the writer
        assert reader.readonly
        assert reader.list_letters() == listed
        library.set_kamerstuk("a", "kst-36000-2")
        stale = path.read_bytes()
        assert reader.list_letters() == _fresh(library)
        assert path.read_bytes() == stale
        assert reader.keep_letter_list() is False


def test_keep_letter_list_lists_only_when_stale(library: Library) -> None:
    library.list_letters()
    assert library.keep_letter_list() is False
    library.set_kamerstuk("a", "kst-36000-3")
    assert library.keep_letter_list() is True
    assert list_cache.is_current(library.db, library.folder)
    assert library.keep_letter_list() is False


def test_a_folder_that_cannot_take_the_file_still_lists(library: Library) -> None:
    listed = library.list_letters()
    path = list_cache.path(library.folder)
    path.unlink()
    path.mkdir()  # a folder where the file should be
    assert library.list_letters() == listed
    assert library.keep_letter_list() is True  # it could not be kept: asked again, it lists again


def test_without_every_trigger_the_kept_list_is_not_used(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table rebuilt by a later migration without the stamp's triggers would leave writes unseen: the
    kept list is then never read (nor written)."""
    names = {str(r[0]) for r in library.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {n for t in LIST_TRIGGERS.values() for n in t.values()} <= names
    listed = library.list_letters()
    assert list_cache.is_current(library.db, library.folder)
    library.db.execute(f'DROP TRIGGER "{LIST_TRIGGERS["annotation_themes"]["DELETE"]}"')
    calls = []
    listing = letters_repo.summary_rows
    monkeypatch.setattr(letters_repo, "summary_rows", lambda db: calls.append(1) or listing(db))
    assert library.list_letters() == listed
    assert calls == [1]


def test_a_library_without_the_stamp_lists_without_the_file(library: Library) -> None:
    """As a reader sees a library older than migration 0008 (it cannot migrate it)."""
    path = list_cache.path(library.folder)
    listed = library.list_letters()
    path.unlink()
    for name in [n for t in LIST_TRIGGERS.values() for n in t.values()]:
        library.db.execute(f'DROP TRIGGER "{name}"')
    library.db.execute("DROP TABLE letter_list_stamp")
    assert library.list_letters() == listed
    assert not path.exists()
    assert library.keep_letter_list() is False
