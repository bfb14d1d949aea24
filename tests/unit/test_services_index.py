"""The Library keeps the search index in step with the store, and rebuilds it when it is unusable."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.services import INDEX_DIRTY, Library
from tests.libraries import seeded_copy


def _generation(folder: Path) -> str:
    return json.loads((folder / "index" / "CURRENT").read_text(encoding="utf-8"))["generation"]


def _ids(results) -> set[int]:
    return {hit.letter_id for hit in results.hits}


def test_annotations_and_themes_reach_the_index(lib: Library) -> None:
    letter = lib.get_letter("002_6da6c7f9d4c292e2")
    assert _ids(lib.search("zeppelinhangaar")) == set()
    ann = lib.annotate_quote(letter.id, "NAVO", ["CT25"], note="denk aan de zeppelinhangaar")
    assert _ids(lib.search("zeppelinhangaar")) == {letter.id}
    # a filter on the parent theme includes its sub-themes
    assert _ids(lib.search("NAVO", themes=["Capaciteitsdoelstellingen"])) == {letter.id}
    assert _ids(lib.search("NAVO", themes=["NAVO-top"])) == set()
    lib.update_theme("CT25", name="Luchtschepen")
    assert _ids(lib.search("thema:luchtschepen")) == {letter.id}
    lib.update_annotation(ann.id, note="iets anders")
    assert _ids(lib.search("zeppelinhangaar")) == set()
    lib.delete_annotation(ann.id)
    assert _ids(lib.search("NAVO", themes=["Capaciteitsdoelstellingen"])) == set()


def test_set_kamerstuk_and_new_letters_are_searchable(lib: Library, tmp_path: Path) -> None:
    new = tmp_path / "nieuw.txt"
    new.write_text("Geachte voorzitter,\n\nDe fregatten van de Zr.Ms. Zeeleeuwklasse worden vervangen.\n", encoding="utf-8")
    report = lib.import_paths([new])
    assert _ids(lib.search("Zeeleeuwklasse")) == {report.imported[0].id}
    lib.delete_letter(report.imported[0].id)
    assert _ids(lib.search("Zeeleeuwklasse")) == set()


def test_healthy_index_is_not_rebuilt_on_open(tmp_path: Path) -> None:
    folder = seeded_copy(tmp_path / "lib")
    before = _generation(folder)
    with Library.open(folder) as library:
        assert library.notices == []
    assert _generation(folder) == before


def test_opening_a_healthy_library_does_not_import_whoosh_the_first_search_does(tmp_path: Path) -> None:
    """Start-up checks the index from its manifest and checksums; Whoosh (~0.2 s to import) waits for
    the first search, which the GUI runs on a worker thread."""
    folder = seeded_copy(tmp_path / "lib")
    code = (
        "import sys\n"
        "from desktop_app.core.services import Library\n"
        "library = Library.open(sys.argv[1])\n"
        "print(library.notices, len(library.list_letters()), 'whoosh' in sys.modules)\n"
        "print(library.search('NAVO').total, 'whoosh' in sys.modules)\n"
        "library.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[] 5 False", "5 True"]


def test_opening_and_searching_do_not_load_the_citation_parser(tmp_path: Path) -> None:
    """The resolution rules' version is read from the meta table; the parser and the resolver (~0.1 s
    to import and compile) wait for the first use of references. A library resolved by older rules is
    resolved again at open, and then they load."""
    folder = seeded_copy(tmp_path / "lib")
    code = (
        "import sys\n"
        "from desktop_app.core.services import Library\n"
        "with Library.open(sys.argv[1]) as library:\n"
        "    library.search('NAVO')\n"
        "    print('desktop_app.core.references.parser' in sys.modules)\n"
        "    if len(sys.argv) > 2: library.db.execute(\"UPDATE meta SET value = 'old' WHERE key = 'reference_resolver'\")\n"
        "    library.db.conn.commit()\n"
    )
    run = [sys.executable, "-c", code, str(folder)]
    assert subprocess.run(run, capture_output=True, text=True, timeout=120).stdout.split() == ["False"]
    subprocess.run([*run, "age"], capture_output=True, text=True, timeout=120, check=True)
    assert subprocess.run(run, capture_output=True, text=True, timeout=120).stdout.split() == ["True"]


def test_an_index_of_an_older_format_is_rebuilt_on_open(tmp_path: Path) -> None:
    from desktop_app.core.search import SCHEMA_VERSION

    folder = seeded_copy(tmp_path / "lib")
    current = folder / "index" / "CURRENT"
    manifest = json.loads(current.read_text(encoding="utf-8"))
    current.write_text(json.dumps({**manifest, "schema": SCHEMA_VERSION - 1}), encoding="utf-8")
    with Library.open(folder) as library:
        assert library.notices == [f"Search index rebuilt (outdated schema (v{SCHEMA_VERSION - 1} -> v{SCHEMA_VERSION}))."]
        assert library.search("NAVO").total == 5


def test_damaged_index_is_rebuilt_with_a_notice(tmp_path: Path) -> None:
    folder = seeded_copy(tmp_path / "lib")
    generation = folder / "index" / _generation(folder)
    for path in generation.iterdir():
        if path.is_file() and path.stat().st_size > 100:
            path.write_bytes(b"\0" * path.stat().st_size)
    with Library.open(folder) as library:
        assert any(n.startswith("Search index rebuilt (") for n in library.notices), library.notices
        assert library.search("NAVO").total == 5


def test_missing_index_and_unfinished_update_are_rebuilt(tmp_path: Path) -> None:
    folder = seeded_copy(tmp_path / "lib")
    shutil.rmtree(folder / "index")
    with Library.open(folder) as library:
        assert any("missing" in n for n in library.notices), library.notices
        assert library.search("NAVO").total == 5
    (folder / INDEX_DIRTY).touch()
    with Library.open(folder) as library:
        assert library.notices == ["Search index rebuilt (an earlier update did not finish)."]
    assert not (folder / INDEX_DIRTY).exists()


def test_reindex_counts_letters(lib: Library) -> None:
    assert lib.reindex() == 5


@pytest.mark.parametrize("count", [2, 12])  # per-letter updates / one rebuild at the end of the batch
def test_batch_import_indexes_every_letter(lib: Library, tmp_path: Path, count: int) -> None:
    src = tmp_path / "batch"
    src.mkdir()
    words = [f"kwartiermaker{chr(97 + i)}" for i in range(count)]
    for i, word in enumerate(words):
        (src / f"brief_{i:02d}.txt").write_text(f"Geachte voorzitter,\n\nOver de {word} en de NAVO.\n", encoding="utf-8")
    report = lib.import_paths([src])
    assert len(report.imported) == count
    ids = {letter.name: letter.id for letter in report.imported}
    for i, word in enumerate(words):
        assert _ids(lib.search(word)) == {ids[f"brief_{i:02d}"]}
    assert lib.search("NAVO").total == 5 + count
    assert not (lib.folder / INDEX_DIRTY).exists()


def test_a_crash_between_commit_and_index_update_is_repaired(tmp_path: Path) -> None:
    folder = seeded_copy(tmp_path / "lib")
    library = Library.open(folder)
    library._refresh_index = lambda ids: None  # the process dies right after the commit
    library.annotate_quote(1, "NDPP", note="zeppelinhangaar")
    library.close()
    with Library.open(folder) as again:
        assert again.notices == ["Search index rebuilt (an earlier update did not finish)."]
        assert _ids(again.search("zeppelinhangaar")) == {1}


def test_a_failed_index_update_keeps_the_rebuild_pending(tmp_path: Path, monkeypatch) -> None:
    folder = seeded_copy(tmp_path / "lib")
    with Library.open(folder) as library:
        real_update = library.index.update

        def broken(doc):
            raise OSError("disk full")

        monkeypatch.setattr(library.index, "update", broken)
        library.annotate_quote(1, "NDPP", note="zeppelinhangaar")
        assert any("disk full" in n for n in library.notices)
        monkeypatch.setattr(library.index, "update", real_update)
        library.annotate_quote(2, "NAVO", note="iets anders")  # succeeds, but the first is still missing
        assert (folder / INDEX_DIRTY).exists()
    with Library.open(folder) as again:
        assert _ids(again.search("zeppelinhangaar")) == {1}
    assert not (folder / INDEX_DIRTY).exists()
