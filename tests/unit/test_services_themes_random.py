"""Random sequences of theme and annotation edits (as a user clicking around would make them) keep
the theme tree sound and never lose an annotation."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput
from desktop_app.core.services import Library
from tests.libraries import seeded_copy


def _check_invariants(library: Library, expected_annotations: set[int]) -> None:
    themes = library.list_themes()
    ids = {t.id for t in themes}
    assert len(ids) == library.db.execute("SELECT count(*) FROM themes").fetchone()[0]
    seen: set[int] = set()
    siblings: dict[int | None, list[int]] = {}
    for theme in themes:  # depth-first: a parent always comes before its children
        assert theme.parent_id is None or theme.parent_id in seen
        seen.add(theme.id)
        siblings.setdefault(theme.parent_id, []).append(theme.position)
    for positions in siblings.values():
        assert positions == list(range(len(positions)))
    annotations = library.list_annotations()
    assert {a.id for a in annotations} == expected_annotations
    for annotation in annotations:
        assert set(annotation.theme_ids) <= ids
    counts = library.theme_counts()
    assert sum(counts.values()) == sum(len(a.theme_ids) for a in annotations)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_theme_and_annotation_edits(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Library.open(seeded_copy(tmp_path / "lib"), search=False) as library:
        letters = [(s.id, len(library.get_letter(s.id).text)) for s in library.list_letters()]
        alive: set[int] = set()
        deleted_annotations = []
        deleted_themes = []
        for step in range(150):
            themes = [t.id for t in library.list_themes()]
            action = rng.choice(["add", "rename", "move", "merge", "delete", "restore", "annotate", "unannotate"])
            try:
                if action == "add":
                    parent = rng.choice([None, *themes])
                    library.add_theme(f"Thema {step}", parent=parent)
                elif action == "rename" and themes:
                    library.update_theme(rng.choice(themes), name=f"Hernoemd {step}")
                elif action == "move" and themes:
                    library.move_theme(
                        rng.choice(themes), parent=rng.choice([None, *themes]), position=rng.randrange(0, 6)
                    )
                elif action == "merge" and len(themes) > 1:
                    source, target = rng.sample(themes, 2)
                    library.merge_themes(source, target)
                elif action == "delete" and themes:
                    theme = library.get_theme(rng.choice(themes))
                    users = [a.id for a in library.list_annotations(theme=theme.id, include_subthemes=False)]
                    library.delete_theme(theme.id, force=True)
                    deleted_themes.append((theme, users))
                elif action == "restore" and deleted_themes:
                    theme, users = deleted_themes.pop()
                    library.restore_theme(theme, users)
                elif action == "annotate" and themes:
                    letter_id, length = rng.choice(letters)
                    start = rng.randrange(0, length - 60)
                    picked = rng.sample(themes, k=min(len(themes), rng.randrange(0, 3)))
                    alive.add(library.annotate(letter_id, start, start + 50, picked, note=f"n{step}").id)
                elif action == "unannotate" and alive:
                    gone = library.delete_annotation(rng.choice(sorted(alive)))
                    alive.discard(gone.id)
                    deleted_annotations.append(gone)
            except InvalidInput:
                pass  # refused edits (a theme under itself, a name taken, a blank span) change nothing
            _check_invariants(library, alive)
        for annotation in deleted_annotations:
            restored = library.restore_annotation(annotation)
            assert restored.note == annotation.note
            alive.add(restored.id)
        _check_invariants(library, alive)
