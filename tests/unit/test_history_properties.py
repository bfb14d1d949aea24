"""Property: any sequence of changes, undos and redos leaves the whole database (every table's rows)
exactly as it was at the matching point of the history."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.services import Library
from tests.libraries import seeded_copy
from tests.unit.test_history import snapshot

ACTIONS = [
    "annotate", "note", "tag", "delete_annotation", "reattach", "add_theme", "rename", "recolour", "describe",
    "key", "move", "merge", "delete_theme", "kamerstuk", "confirm", "reject", "import", "reimport",
    "delete_letter", "undo", "undo", "redo",
]  # fmt: skip


def _do(library: Library, action: str, data: st.DataObject, step: int, folder: Path) -> None:
    themes = [t.id for t in library.list_themes()]
    annotations = [a.id for a in library.list_annotations()]
    letters = [s.id for s in library.list_letters()]
    pick = data.draw
    if action == "annotate":
        letter = library.get_letter(pick(st.sampled_from(letters)))
        if len(letter.text) < 80:
            return
        start = pick(st.integers(0, len(letter.text) - 40))
        tags = pick(st.lists(st.sampled_from(themes), max_size=2, unique=True))
        library.annotate(letter.id, start, start + pick(st.integers(5, 39)), tags, note=f"n{step}")
    elif action == "note" and annotations:
        library.update_annotation(pick(st.sampled_from(annotations)), note=f"note {step}")
    elif action == "tag" and annotations:
        tags = pick(st.lists(st.sampled_from(themes), max_size=3, unique=True))
        library.update_annotation(pick(st.sampled_from(annotations)), theme_ids=tags)
    elif action == "delete_annotation" and annotations:
        library.delete_annotation(pick(st.sampled_from(annotations)))
    elif action == "reattach" and annotations:
        annotation = library.get_annotation(pick(st.sampled_from(annotations)))
        text = library.get_letter(annotation.letter_id).text
        if len(text) < 80:
            return
        start = pick(st.integers(0, len(text) - 40))
        library.reattach_annotation(annotation.id, start, start + 30)
    elif action == "add_theme":
        library.add_theme(f"Thema {step}", parent=pick(st.sampled_from([None, *themes])))
    elif action == "rename" and themes:
        library.update_theme(pick(st.sampled_from(themes)), name=pick(st.sampled_from(["Sub", "Ander", f"T{step}"])))
    elif action == "recolour" and themes:
        library.update_theme(pick(st.sampled_from(themes)), color=pick(st.sampled_from(["#112233", "#abcdef"])))
    elif action == "describe" and themes:
        library.update_theme(pick(st.sampled_from(themes)), description=f"uitleg {step}")
    elif action == "key" and themes:
        library.set_theme_key(pick(st.sampled_from(themes)), pick(st.sampled_from([None, 1, 2, 9])))
    elif action == "move" and themes:
        library.move_theme(
            pick(st.sampled_from(themes)), parent=pick(st.sampled_from([None, *themes])), position=pick(st.integers(0, 4))
        )
    elif action == "merge" and len(themes) > 1:
        source, target = pick(st.lists(st.sampled_from(themes), min_size=2, max_size=2, unique=True))
        library.merge_themes(source, target)
    elif action == "delete_theme" and themes:
        library.delete_theme(pick(st.sampled_from(themes)), force=True)
    elif action == "kamerstuk":
        library.set_kamerstuk(pick(st.sampled_from(letters)), pick(st.sampled_from([None, "kst-36600-1", "kst-21501-28-270"])))
    elif action == "import":
        path = folder / f"9{step:02d}_nieuw.txt"
        path.write_text(f"Betreft: brief {step}\n\nDe minister schrijft over Kamerstuk 28 676, nr. 472 ({step}).\n", encoding="utf-8")
        library.import_paths([path])
    elif action == "reimport":
        letter = library.get_letter(pick(st.sampled_from(letters)))
        path = folder / f"v{step}" / letter.source_file
        path.parent.mkdir()
        path.write_text(f"Een nieuwe versie ({step}).\n\n{letter.text[: pick(st.integers(200, 4000))]}", encoding="utf-8")
        library.import_paths([path])
    elif action == "delete_letter":
        library.delete_letter(pick(st.sampled_from(letters)))  # refused while it has annotations
    elif action in ("confirm", "reject"):
        refs = [r for r in library.references.all_references() if r.suggestions or r.target_letter_id]
        if refs:
            ref = pick(st.sampled_from(refs))
            target = ref.target_letter_id or ref.suggestions[0][0]
            if action == "confirm":
                library.references.confirm(ref.id, target)
            else:
                library.references.reject(ref.id, target)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_random_changes_undo_and_redo_restore_the_whole_database(data: st.DataObject) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kamerlezer-history-"))
    try:
        with Library.open(seeded_copy(folder / "lib"), search=False) as library:
            states: list[dict[str, Any]] = [snapshot(library)]  # states[i]: after the i-th change of the history
            at = 0
            for step in range(data.draw(st.integers(5, 25))):
                action = data.draw(st.sampled_from(ACTIONS))
                if action == "undo":
                    if at == 0:
                        continue
                    library.undo()
                    at -= 1
                elif action == "redo":
                    if at == len(states) - 1:
                        continue
                    library.redo()
                    at += 1
                else:
                    newest = library.can_undo()
                    try:
                        _do(library, action, data, step, folder)
                    except (InvalidInput, NotFound):
                        pass  # refused: nothing changed
                    if library.can_undo() == newest:  # refused, nothing to change, or folded into the newest
                        now = snapshot(library)
                        if now != states[at]:  # a note edited again: the newest change now ends here
                            assert action == "note" and at > 0, action
                            states[at + 1 :] = []
                            states[at] = now
                        continue
                    states[at + 1 :] = [snapshot(library)]
                    at += 1
                assert snapshot(library) == states[at], action
            while at > 0:  # all the way back
                library.undo()
                at -= 1
                assert snapshot(library) == states[at]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
