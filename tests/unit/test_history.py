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

# letter_list_stamp: set anew by every write, undo and redo included (migration 0007), never put back
_NOT_DATA = {"sqlite_sequence", "history", "history_rows", "history_recording", "_sqlite_migrations", "letter_list_stamp"}


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
    assert [h.letter_id for h in library.search("grutto").hits] == [letter_id]

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
        library.add_theme(f"T{n}")
    history = library.history()
    assert [c.label for c in history] == [f"Added the theme “T{n}”" for n in (3, 2, 1)]
    assert library.db.execute(
        "SELECT count(*) FROM history_rows WHERE change_id NOT IN (SELECT id FROM history)"
    ).fetchone()[0] == 0
    for _ in range(3):
        library.undo()
    with pytest.raises(InvalidInput, match="Nothing to undo"):
        library.undo()
    assert library.get_theme("T0") and library.get_annotation(annotation.id)
    assert not [t for t in library.list_themes() if t.name in ("T1", "T2", "T3")]


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


def test_undo_of_a_nested_merge_restores_both_trees(library: Library) -> None:
    """Merging A{Sub, Other} into B{Sub} merges A/Sub into B/Sub (and deletes it) and moves Other
    under B; undo once failed with "No theme with id N" (the deleted A/Sub) and left Other under B."""
    a = library.add_theme("A")
    a_sub = library.add_theme("Sub", parent=a.id)
    other = library.add_theme("Other", parent=a.id)
    b = library.add_theme("B")
    b_sub = library.add_theme("Sub", parent=b.id)
    letter_id, start, end = _span(library, "004", "Oekraïne")
    on_a_sub = library.annotate(letter_id, start, end, [a_sub.id, other.id])
    before = snapshot(library)

    library.merge_themes(a.id, b.id)
    assert library.get_annotation(on_a_sub.id).theme_ids == tuple(sorted((b_sub.id, other.id)))
    assert library.get_theme(other.id).parent_id == b.id
    after = snapshot(library)
    change = library.undo()
    assert change.label == "Merged “A” into “B”"
    assert snapshot(library) == before
    assert library.theme_path(a_sub.id) == "A/Sub" and library.theme_path(other.id) == "A/Other"
    assert set(library.get_annotation(on_a_sub.id).theme_ids) == {a_sub.id, other.id}
    assert [h.letter_id for h in library.search("Oekraïne", themes=["A/Sub"]).hits] == [letter_id]
    library.redo()
    assert snapshot(library) == after


def test_every_theme_change_is_undone_exactly(library: Library) -> None:
    letter_id, start, end = _span(library, "004", "Oekraïne")
    parent = library.add_theme("Ouder")
    theme = library.add_theme("Kind", parent=parent.id)
    library.annotate(letter_id, start, end, [theme.id])
    steps = [
        (lambda: library.update_theme(theme.id, name="Hernoemd"), "Renamed “Kind” to “Hernoemd”"),
        (lambda: library.update_theme(theme.id, color="#123456"), "Recoloured “Kind”"),
        (lambda: library.update_theme(theme.id, description="Uitleg"), "Described “Kind”"),
        (lambda: library.set_theme_key(theme.id, 1), "Gave “Kind” the key 1 ("),  # (… has none)
        (lambda: library.move_theme(theme.id, parent=None, position=0), "Moved “Kind”"),
        (lambda: library.delete_theme(parent.id, force=True), "Deleted the theme “Ouder”"),
        (lambda: library.delete_theme(theme.id, force=True), "Deleted the theme “Kind”"),
    ]
    for step, label in steps:
        before = snapshot(library)
        step()
        after = snapshot(library)
        assert after != before and library.history()[0].label.startswith(label)
        library.undo()
        assert snapshot(library) == before, label
        library.redo()
        assert snapshot(library) == after, label
        library.undo()


def test_citation_decisions_are_undone(library: Library) -> None:
    from tests.unit.test_references_service import body_ref, footnote_ref, seed

    ct25 = seed(library, "000")
    before = snapshot(library)
    ref = footnote_ref(library, "004", 1)
    library.references.confirm(ref.id, ct25.name)
    assert seed(library, "000").kamerstuk == "kst-28676-472"  # the confirmation gave the letter its id
    confirmed = snapshot(library)
    assert library.history()[0].label.startswith(f"Linked citation #{ref.id}")
    library.undo()
    assert snapshot(library) == before
    assert seed(library, "000").kamerstuk is None
    assert library.references.get(ref.id).status != "confirmed"
    library.redo()
    assert snapshot(library) == confirmed

    library.undo()
    other = body_ref(library, "002", "nr. 472")
    target = other.target_letter_id or (other.suggestions[0][0] if other.suggestions else ct25.id)
    library.references.reject(other.id, target)
    assert library.history()[0].label.startswith(f"Rejected {library.get_letter(target).name} for citation")
    assert library.references.get(other.id).target_letter_id != target
    library.undo()
    assert snapshot(library) == before


def test_a_new_version_of_a_letter_and_a_deletion_are_undone(library: Library, tmp_path: Path) -> None:
    letter = next(s for s in library.list_letters() if s.source_file.startswith("004"))
    text = library.get_letter(letter.id).text
    start = text.index("Oekraïne")
    annotation = library.annotate(letter.id, start, start + len("Oekraïne"), note="blijft")
    before = snapshot(library)
    newer = tmp_path / letter.source_file
    newer.write_text("Een nieuwe versie over de zeeanemoon.\n\n" + text.replace("Oekraïne", "Oekraine", 1), encoding="utf-8")
    report = library.import_paths([newer])
    assert [x.id for x in report.updated] == [letter.id]
    assert library.history()[0].label == f"Re-imported {letter.name}"
    assert [h.letter_id for h in library.search("zeeanemoon").hits] == [letter.id]
    library.undo()
    assert snapshot(library) == before
    assert library.get_annotation(annotation.id).start == start
    assert not library.search("zeeanemoon").hits

    fresh = tmp_path / "999_nieuw.txt"
    fresh.write_text("Betreft: Een brief over zeewier\n\nDe minister schrijft over zeewier.\n", encoding="utf-8")
    report = library.import_paths([fresh])
    (new,) = report.imported
    library.delete_letter(new.id)
    assert library.history()[0].label == "Deleted the letter 999_nieuw"
    library.undo()
    assert library.get_letter(new.id).text == new.text
    assert [h.letter_id for h in library.search("zeewier").hits] == [new.id]
    library.undo()  # the import
    assert snapshot(library) == before
    assert not library.search("zeewier").hits


def test_consecutive_edits_of_one_note_are_one_change(library: Library) -> None:
    letter_id, start, end = _span(library, "004", "Oekraïne")
    annotation = library.annotate(letter_id, start, end, note="")
    after_add = snapshot(library)
    for text in ("Eer", "Eerste versie", "Eerste versie van de notitie"):
        library.update_annotation(annotation.id, note=text)
    assert [c.label for c in library.history()] == ["Edited the note on “Oekraïne”", "Annotated “Oekraïne”"]
    after_typing = snapshot(library)
    library.undo()
    assert snapshot(library) == after_add
    library.redo()
    assert snapshot(library) == after_typing
    other = library.annotate(letter_id, start, end, note="")
    library.update_annotation(other.id, note="x")
    library.update_annotation(annotation.id, note="ander")  # another annotation's note: its own change
    assert len(library.history()) == 5


def test_a_recording_cut_short_by_a_crash_is_kept_as_one_change(tmp_path: Path) -> None:
    """A batch import commits file by file; killed half-way, what it committed is one change, closed
    at the next open (labelled "interrupted") and undone whole, index included."""
    folder = seeded_copy(tmp_path / "lib")
    fresh = tmp_path / "998_zeekoet.txt"
    fresh.write_text("Betreft: zeekoet\n\nDe minister schrijft over de zeekoet.\n", encoding="utf-8")
    with Library.open(folder) as library:
        before = snapshot(library)
        with library.db.atomic():  # what Library.recording does first, for a batch import ...
            change_id = history_repo.begin(library.db, "Imported letters", "2026-01-01T00:00:00+00:00")
        library._recording_id = change_id  # noqa: SLF001
        library.import_paths([fresh])  # ... one file is committed, then the process dies:
        library._recording_id = None  # noqa: SLF001 - (its finish never runs)
    with Library.open(folder) as library:
        (change,) = library.history()
        assert change.label == "Imported letters (interrupted)" and change.touched["letters"]
        assert library.search("zeekoet").hits
        library.undo()
        assert snapshot(library) == before
        assert not library.search("zeekoet").hits
