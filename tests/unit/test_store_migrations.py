"""Libraries made by earlier schema versions open with the current code and lose nothing.

tests/data/libraries/vN/ was written by schema version N (`make_v1.py vN`, run once when vN shipped); all
hold the facts of make_v1.V1_FACTS."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.services import Library
from desktop_app.core.store.schema import SCHEMA_VERSION, migrations

LIBRARIES = Path(__file__).resolve().parents[1] / "data" / "libraries"


def _facts() -> dict:
    spec = importlib.util.spec_from_file_location("make_v1", LIBRARIES / "make_v1.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.V1_FACTS


SHIPPED = {  # schema version -> the migrations that made its fixture
    1: ["0001_initial"],
    2: ["0001_initial", "0002_letters_summary_index"],
    3: ["0001_initial", "0002_letters_summary_index", "0003_inferred_kamerstuk"],
    4: ["0001_initial", "0002_letters_summary_index", "0003_inferred_kamerstuk", "0004_theme_keys"],
    5: ["0001_initial", "0002_letters_summary_index", "0003_inferred_kamerstuk", "0004_theme_keys", "0005_history"],
    6: ["0001_initial", "0002_letters_summary_index", "0003_inferred_kamerstuk", "0004_theme_keys", "0005_history",
        "0006_letter_head"],
    7: ["0001_initial", "0002_letters_summary_index", "0003_inferred_kamerstuk", "0004_theme_keys", "0005_history",
        "0006_letter_head", "0007_history_label_parts"],
    8: ["0001_initial", "0002_letters_summary_index", "0003_inferred_kamerstuk", "0004_theme_keys", "0005_history",
        "0006_letter_head", "0007_history_label_parts", "0008_letter_list_stamp"],
}


@pytest.fixture(params=sorted(SHIPPED), ids=lambda n: f"v{n}")
def old_library(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[int, Path]:
    version = request.param
    target = tmp_path / f"v{version}"
    shutil.copytree(LIBRARIES / f"v{version}", target)
    return version, target


@pytest.fixture
def v1(old_library: tuple[int, Path]) -> Path:
    return old_library[1]


def test_fixture_was_made_by_its_schema_version(old_library: tuple[int, Path]) -> None:
    version, folder = old_library
    db = sqlite3.connect(folder / "library.db")
    applied = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    db.close()
    assert applied == SHIPPED[version]


def test_every_schema_version_has_its_fixture() -> None:
    assert sorted(SHIPPED) == list(range(1, SCHEMA_VERSION + 1))
    assert [m.name for m in migrations._migrations] == SHIPPED[SCHEMA_VERSION]  # noqa: SLF001


def test_old_library_opens_with_everything_in_it(v1: Path) -> None:
    facts = _facts()
    with Library.open(v1) as library:
        applied = {m.name for m in migrations.applied(library.db)}
        assert len(applied) == SCHEMA_VERSION
        assert sorted(s.name for s in library.list_letters()) == facts["letters"]
        for name, kamerstuk in facts["kamerstuk"].items():
            letter = library.get_letter(name)
            assert (letter.kamerstuk, letter.kamerstuk_source) == (kamerstuk, "user")
        paths = {library.theme_path(t.id) for t in library.list_themes()}
        assert set(facts["themes_added"]) <= paths and "Maritiem en Noordzee" in paths
        stored = [
            (library.get_letter(a.letter_id).name, a.quote, [library.theme_path(t) for t in a.theme_ids], a.note)
            for a in library.list_annotations()
        ]
        for letter, quote, themes, note in facts["annotations"]:
            match = [s for s in stored if s[0] == letter and s[1] == quote]
            assert len(match) == 1, (letter, quote)
            assert sorted(match[0][2]) == sorted(themes) and match[0][3] == note
        for a in library.list_annotations():
            assert library.get_letter(a.letter_id).text[a.start : a.end] == a.quote
        # the index was not shipped with the fixture: it is built from the store
        assert any("Search index rebuilt" in n for n in library.notices)
        hits = library.search("kritieke infrastructuur")
        assert {h.letter_id for h in hits.hits} == {library.get_letter("004_94d7e7617410a711").id}
        letter = library.get_letter("000_eba5de336aff673f")
        assert (v1 / letter.source_path).is_file()


def _schema(db) -> list[tuple[str, str, str]]:
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [(t, n, " ".join(s.split())) for t, n, s in rows]


def test_migrated_old_library_has_the_schema_of_a_new_library(v1: Path, tmp_path: Path) -> None:
    """Fails when a shipped migration was edited (instead of adding a new one), or when a new
    migration leaves an old library different from a new one."""
    with Library.open(v1, search=False) as old, Library.open(tmp_path / "new", seed=False, search=False) as new:
        assert _schema(old.db) == _schema(new.db)


def test_history_labels_of_an_older_library_get_their_parts(old_library: tuple[int, Path]) -> None:
    """Changes recorded before 0007 kept only the English text: read back, each label is a Label whose
    template and arguments give that text again (so the window can translate it); later ones stored them."""
    from desktop_app.core.labels import TEMPLATES, Label

    version, folder = old_library
    with Library.open(folder) as library:
        labels = [change.label for change in library.history()]
    if version < 5:
        assert labels == []  # no history before 0005
        return
    assert labels, "the fixture's changes are in its history"
    for label in labels:
        assert isinstance(label, Label), label
        assert all(template in TEMPLATES for template, _ in label.parts)
        assert "; ".join(t.format(*a) for t, a in label.parts) == label
