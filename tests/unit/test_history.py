"""Changes as data: every change of the Library is recorded (rows before and after) in the history
table, and undo/redo put back exactly the rows that were there, across processes and restarts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import InvalidInput
from desktop_app.core.services import Library
from desktop_app.core.store import history_repo
from tests.libraries import seeded_copy

_NOT_DATA = {"sqlite_sequence", "history", "history_rows", "history_recording", "_sqlite_migrations"}


def snapshot(library: Library) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the library (the history itself and SQLite's id counters aside:
    ids are never reused, so undoing an insert leaves the counter where it was)."""
    tables = [
        str(r[0])
        for r in library.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
        if str(r[0]) not in _NOT_DATA
    ]
    return {t: library.db.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


@pytest.fixture
def library(tmp_path: Path) -> Any:
    lib = Library.open(seeded_copy(tmp_path / "lib"))
    yield lib
    lib.close()


def _span(library: Library, prefix: str, words: str) -> tuple[int, int, int]:
    letter = next(s for s in library.list_letters() if s.source_file.startswith(prefix))
    text = library.get_letter(letter.id).text
    start = text.index(words)
    return letter.id, start, start + len(words)


def test_annotation_changes_are_recorded_and_undone_exactly(library: Library) -> None:
    assert library.history() == []
    letter_id, start, end = _span(library, "004", "Oekraïne")
    theme = library.add_theme("Oorlog")
    before = snapshot(library)
    annotation = library.annotate(letter_id, start, end, [theme.id], note="kwartelkoning")
    change = library.history()[0]
    assert change.label == "Tagged “Oekraïne” with “Oorlog”"
    assert change.touched["annotations"] == (annotation.id,)
    assert change.touched["letters"] == (letter_id,) and change.touched["themes"] == (theme.id,)
    rows = library.change(change.id).rows
    assert {(r.table, r.before is None) for r in rows} == {("annotations", True), ("annotation_themes", True)}
    assert [r.after["note"] for r in rows if r.table == "annotations"] == ["kwartelkoning"]
    after_add = snapshot(library)

    library.update_annotation(annotation.id, note="grutto", theme_ids=[])
    assert library.history()[0].label == "Untagged “Oekraïne” (“Oorlog”)"
    after_edit = snapshot(library)
    assert [h.hits for h in [library.search("grutto")]][0][0].letter_id == letter_id

    undone = library.undo()
    assert undone.label.startswith("Untagged") and undone.undone
    assert snapshot(library) == after_add
    assert not library.search("grutto").hits  # the index follows
    assert library.search("kwartelkoning").hits[0].letter_id == letter_id
    library.undo()
    assert snapshot(library) == before
    library.redo()
    assert snapshot(library) == after_add
    library.redo()
    assert snapshot(library) == after_edit
    with pytest.raises(InvalidInput, match="Nothing to redo"):
        library.redo()

    library.delete_annotation(annotation.id)
    assert library.history()[0].label == "Deleted the annotation “Oekraïne”"
    library.undo()
    assert snapshot(library) == after_edit
    assert library.get_annotation(annotation.id).note == "grutto"

    library.reattach_annotation(annotation.id, start, end - 1)
    library.undo()
    assert snapshot(library) == after_edit


def test_a_new_change_drops_what_was_undone(library: Library) -> None:
    letter_id, start, end = _span(library, "004", "Oekraïne")
    first = library.annotate(letter_id, start, end, note="a")
    library.undo()
    assert library.can_redo() is not None
    library.annotate(letter_id, start, end, note="b")
    assert library.can_redo() is None
    assert [c.undone for c in library.history()] == [False]
    with pytest.raises(Exception, match="No annotation"):
        library.get_annotation(first.id)


def test_undo_works_after_a_restart(tmp_path: Path) -> None:
    folder = seeded_copy(tmp_path / "lib")
    with Library.open(folder) as library:
        before = snapshot(library)
        letter_id, start, end = _span(library, "004", "Oekraïne")
        library.annotate(letter_id, start, end, note="bewaard")
    with Library.open(folder) as library:
        assert library.can_undo() is not None
        library.undo()
        assert snapshot(library) == before


def test_the_history_keeps_the_newest_changes_only(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history_repo, "KEEP", 3)
    letter_id, start, end = _span(library, "004", "Oekraïne")
    annotation = library.annotate(letter_id, start, end)
    for n in range(4):
        library.update_annotation(annotation.id, note=f"n{n}")
    history = library.history()
    assert len(history) == 3 and history[0].label == "Edited the note on “Oekraïne”"
    assert library.db.execute(
        "SELECT count(*) FROM history_rows WHERE change_id NOT IN (SELECT id FROM history)"
    ).fetchone()[0] == 0
    for _ in range(3):
        library.undo()
    with pytest.raises(InvalidInput, match="Nothing to undo"):
        library.undo()
    assert library.get_annotation(annotation.id).note == "n0"


def test_undo_refuses_rows_changed_outside_the_history(library: Library) -> None:
    letter_id, start, end = _span(library, "004", "Oekraïne")
    annotation = library.annotate(letter_id, start, end, note="a")
    with library.db.atomic():
        library.db.execute("UPDATE annotations SET note = 'buiten' WHERE id = ?", [annotation.id])
    with pytest.raises(InvalidInput, match=r"annotations #\d+ changed since"):
        library.undo()
    assert library.get_annotation(annotation.id).note == "buiten"


def test_a_refused_change_records_nothing(library: Library) -> None:
    letter_id, _, _ = _span(library, "004", "Oekraïne")
    with pytest.raises(InvalidInput):
        library.annotate(letter_id, 0, 10**9)
    assert library.history() == []
