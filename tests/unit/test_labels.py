"""A change's label keeps the template and arguments it was made from (core/labels.py): stored in the
history beside the English text, read back whole; older labels are read from their text."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.labels import TEMPLATES, Label, from_stored, parse
from desktop_app.core.services import Library
from tests.libraries import seeded_copy


def test_a_label_is_its_english_text_made_from_a_known_template() -> None:
    label = Label("Renamed {0} to {1}", "“Oud”", "“Nieuw; met puntkomma”")
    assert label == "Renamed “Oud” to “Nieuw; met puntkomma”"
    assert label.parts == (("Renamed {0} to {1}", ("“Oud”", "“Nieuw; met puntkomma”")),)
    again = pickle.loads(pickle.dumps(label.cut_short()))
    assert again == label + " (interrupted)" and again.parts == label.parts and again.interrupted
    with pytest.raises(ValueError, match="not a label template"):
        Label("Renamed {0} into {1}", "a", "b")  # a new wording is added to TEMPLATES first


def test_parts_survive_the_store_even_when_the_text_could_not_be_taken_apart(tmp_path: Path) -> None:
    with Library.open(seeded_copy(tmp_path / "lib")) as library:
        theme = library.add_theme("A; Re-imported x")  # a name that reads like a second part
        library.update_theme(theme.id, name="Imported letters")
        labels = [change.label for change in library.history()]
    renamed, added = labels[0], labels[1]
    assert isinstance(renamed, Label) and renamed.parts == (("Renamed {0} to {1}", ("“A; Re-imported x”", "“Imported letters”")),)
    assert isinstance(added, Label) and added.parts == (("Added the theme {0}", ("“A; Re-imported x”",)),)
    row = sqlite3.connect(tmp_path / "lib" / "library.db").execute(
        "SELECT label, label_parts FROM history ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == renamed and from_stored(row[0], row[1]).parts == renamed.parts  # type: ignore[attr-defined]


def test_an_import_of_several_kinds_is_one_label_of_several_parts(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"brief{n}.txt").write_text(f"Betreft: Brief {n}\n\nDe minister schrijft {n}.\n", encoding="utf-8")
    with Library.open(seeded_copy(tmp_path / "lib")) as library:
        library.import_paths([folder])
        (folder / "brief1.txt").write_text("Betreft: Brief 1\n\nDe minister schrijft opnieuw.\n", encoding="utf-8")
        (folder / "brief3.txt").write_text("Betreft: Brief 3\n\nNieuw.\n", encoding="utf-8")
        library.import_paths([folder])
        newest, first = library.history()[0].label, library.history()[1].label
    assert isinstance(first, Label) and first.parts == (("Imported {0} letters", ("2",)),)
    assert isinstance(newest, Label) and [t for t, _ in newest.parts] == ["Imported {0}", "Re-imported {0}"]
    assert newest == "; ".join(t.format(*a) for t, a in newest.parts)


def test_a_label_of_before_the_parts_is_read_from_its_text() -> None:
    old = parse("Gave “NDPP” the key 2 (CT25 has none); Imported 3 letters (interrupted)")
    assert isinstance(old, Label) and old.interrupted
    assert old.parts == (("Gave {0} the key {1} ({2} has none)", ("“NDPP”", "2", "CT25")), ("Imported {0} letters", ("3",)))
    assert parse("Something no template knows") == "Something no template knows"
    assert not isinstance(parse("Something no template knows"), Label)
    assert from_stored("Moved “X”", "not json") == Label("Moved {0}", "“X”")  # damaged parts: the text


def test_every_template_has_a_pattern_for_labels_written_before_the_parts() -> None:
    for template in TEMPLATES:
        args = []
        for i in range(template.count("{")):
            slot = f"{{{i}}}"
            number = template.split(slot)[0].endswith(("#", "key ")) or f"{slot} letters" in template
            args.append("7" if number else f"“arg{i}”")
        text = template.format(*args)
        parsed = parse(text)
        assert isinstance(parsed, Label) and parsed == text, template
        assert parsed.parts[0][1] == tuple(args) or template.startswith("Imported {0}"), template
