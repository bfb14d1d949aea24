"""The unit of work (services/unit_of_work.py): one change recorded, committed, and the search index
following the letters it collected, only after the commit; a failure inside leaves nothing but the
index's dirty marker."""

from __future__ import annotations

import pytest

from desktop_app.core.services import INDEX_DIRTY, Library
from desktop_app.core.store import themes_repo

LETTER = "002_6da6c7f9d4c292e2"


def _ids(results) -> set[int]:
    return {hit.letter_id for hit in results.hits}


def test_the_letters_a_unit_touches_are_indexed_after_it_commits_and_undo_takes_it_back(lib: Library) -> None:
    letter = lib.get_letter(LETTER)
    lib.annotate_quote(letter.id, "NAVO", ["CT25"])
    theme = lib.get_theme("CT25")
    with lib.unit_of_work("Renamed by hand") as work:
        themes_repo.update(lib.db, theme.id, name="Luchtschepen")
        assert _ids(lib.search("thema:luchtschepen")) == set()  # collected, not yet indexed
        work.touch([letter.id])
    assert _ids(lib.search("thema:luchtschepen")) == {letter.id}
    assert not (lib.folder / INDEX_DIRTY).exists()
    assert lib.last_change is not None and lib.last_change.label == "Renamed by hand"
    assert lib.undo().label == "Renamed by hand"
    assert lib.get_theme(theme.id).name == "CT25"
    assert _ids(lib.search("thema:luchtschepen")) == set()


def test_a_unit_that_fails_writes_and_records_nothing_and_leaves_the_dirty_marker(lib: Library) -> None:
    letter = lib.get_letter(LETTER)
    lib.annotate_quote(letter.id, "NAVO", ["CT25"])
    theme = lib.get_theme("CT25")
    history = [c.id for c in lib.history()]
    with pytest.raises(RuntimeError, match="the disk went away"):
        with lib.unit_of_work("Half a change") as work:
            work.touch([letter.id])
            themes_repo.update(lib.db, theme.id, name="Luchtschepen")
            raise RuntimeError("the disk went away")
    assert lib.get_theme(theme.id).name == "CT25"
    assert [c.id for c in lib.history()] == history
    assert (lib.folder / INDEX_DIRTY).exists()  # the next open rebuilds the index
    lib.close()
    reopened = Library.open(lib.folder)
    try:
        assert not (reopened.folder / INDEX_DIRTY).exists()
        assert _ids(reopened.search("thema:luchtschepen")) == set()
        assert _ids(reopened.search("thema:ct25")) == {letter.id}
    finally:
        reopened.close()


def test_a_unit_without_index_leaves_the_index_alone(lib: Library) -> None:
    theme = lib.get_theme("CT25")
    with lib.unit_of_work("Recoloured by hand", index=False) as work:
        themes_repo.update(lib.db, theme.id, color="#123456")
        work.touch([lib.get_letter(LETTER).id])
        assert not (lib.folder / INDEX_DIRTY).exists()  # no transaction the index must follow
    assert lib.get_theme(theme.id).color == "#123456"
    assert lib.last_change is not None and lib.last_change.label == "Recoloured by hand"
