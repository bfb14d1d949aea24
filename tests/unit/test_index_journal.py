"""Index edits journaled without the search engine (``index/PENDING``), written into the index by the
library's writer only; a reader beside the writer applies the journal in memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.search import storage
from desktop_app.core.services import Library
from desktop_app.core.services import indexing as indexing_module
from tests.crash import fork_child
from tests.libraries import seeded_copy

LETTER = "Geachte voorzitter,\n\nDe fregatten van de Zr.Ms. Zeeleeuwklasse worden vervangen.\n"


def _ids(results) -> set[int]:
    return {hit.letter_id for hit in results.hits}


def _index_files(folder: Path) -> dict[str, bytes]:
    """Every file of the index folder (not the journal) with its content."""
    index = folder / "index"
    return {
        str(p.relative_to(index)): p.read_bytes()
        for p in sorted(index.rglob("*"))
        if p.is_file() and p.name != storage.PENDING and "LOCK" not in p.name
    }


def test_an_edit_is_journaled_without_loading_the_engine_and_the_next_search_writes_it(tmp_path: Path) -> None:
    folder = seeded_copy(tmp_path / "lib")
    new = tmp_path / "nieuw.txt"
    new.write_text(LETTER, encoding="utf-8")
    code = (
        "import sys\n"
        "from desktop_app.core.services import Library\n"
        "with Library.open(sys.argv[1]) as library:\n"
        "    print(library.import_paths([sys.argv[2]]).imported[0].id)\n"
        "    print('whoosh' in sys.modules, 'numpy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(folder), str(new)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    letter_id, loaded = result.stdout.splitlines()
    assert loaded == "False False"
    journal = storage.read_pending(folder / "index")
    assert [edit_id for edit_id, _ in journal] == [letter_id]
    before = _index_files(folder)
    with Library.open(folder) as library:
        assert library.notices == []  # a journal is no damage: nothing rebuilt
        assert _ids(library.search("Zeeleeuwklasse")) == {int(letter_id)}
        assert not (folder / "index" / storage.PENDING).exists()  # the writer's search wrote it
        assert _index_files(folder) != before


def test_a_reader_beside_the_writer_finds_journaled_edits_and_writes_nothing(tmp_path: Path) -> None:
    """The writer journals; a reader (the library is held) searches the index with the journal applied
    in memory, and leaves the index folder and the journal as they were."""
    folder = seeded_copy(tmp_path / "lib")
    writer = Library.open(folder)
    try:
        letter = writer.get_letter("002_6da6c7f9d4c292e2")
        writer.annotate_quote(letter.id, "NAVO", ["CT25"], note="zeppelinhangaar")
        writer.delete_letter(writer.get_letter("001_999221068a1a2138").id)
        journal = (folder / "index" / storage.PENDING).read_bytes()
        files = _index_files(folder)
        reader = Library.open(folder, readonly=True)
        try:
            assert reader.readonly
            assert _ids(reader.search("zeppelinhangaar")) == {letter.id}
            assert reader.search("NAVO").total == 4  # the deleted letter is gone from the reader's view too
            # the writer goes on: the reader's next search sees the journal again
            writer.annotate_quote(letter.id, "NAVO", [], note="luchtschipwerf")
            assert _ids(reader.search("luchtschipwerf")) == {letter.id}
            assert (folder / "index" / storage.PENDING).read_bytes().startswith(journal)
            assert _index_files(folder) == files
            # the writer writes the journal into the index: the reader finds the same
            assert _ids(writer.search("luchtschipwerf")) == {letter.id}
            assert not (folder / "index" / storage.PENDING).exists()
            assert _ids(reader.search("zeppelinhangaar")) == {letter.id}
            assert reader.search("NAVO").total == 4
        finally:
            reader.close()
    finally:
        writer.close()


def test_a_reader_ignores_the_line_the_writer_is_writing(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    storage.append_pending(folder, "1", {"body": "regel\u2028met NEL\x85 erin"})
    with open(folder / storage.PENDING, "ab") as fh:
        fh.write(b'{"id": "2", "fields": {"body": "hal')
    assert storage.read_pending(folder, complete_only=True) == [("1", {"body": "regel\u2028met NEL\x85 erin"})]
    with pytest.raises(storage.ManifestError):  # the writer's own replay: a torn line is damage
        storage.read_pending(folder)


def test_a_long_journal_is_written_into_the_index_by_the_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexing_module, "JOURNAL_FLUSH_BYTES", 1)
    folder = seeded_copy(tmp_path / "lib")
    with Library.open(folder) as library:
        letter = library.get_letter("002_6da6c7f9d4c292e2")
        library.annotate_quote(letter.id, "NAVO", [], note="zeppelinhangaar")
        assert library.index._index is not None  # loaded to write the journal
        assert not (folder / "index" / storage.PENDING).exists()
        assert _ids(library.search("zeppelinhangaar")) == {letter.id}


def _busy_writer(folder: Path, fd: int) -> None:
    """Child: annotate for ever, searching after every other annotation (which writes the journal into
    the index), reporting each committed note."""
    try:
        library = Library.open(folder)
        letter = library.get_letter("002_6da6c7f9d4c292e2")
        os.write(fd, b"R\n")
        for n in range(10_000):
            token = "zeppelin" + "".join("bcdfghjklmnpqrstvwxz"[int(c)] for c in f"{n:05d}")
            library.annotate(letter.id, 100, 110, [], note=token)
            os.write(fd, f"{token}\n".encode())
            if n % 2:
                library.search(token)
    except BaseException as err:  # noqa: BLE001 - reported to the parent
        os.write(fd, f"E {type(err).__name__}: {err}\n".encode())
    finally:
        os._exit(0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_readers_find_every_committed_edit_while_the_writer_flushes(tmp_path: Path) -> None:
    """A writer process annotates and writes its journal into the index again and again; readers opened
    beside it meanwhile find every note committed before they searched, whichever moment of a flush
    (segment written, manifest switched, journal removed) they meet. No timing: each round reads what
    the writer reported, then searches."""
    folder = seeded_copy(tmp_path / "lib")
    child = fork_child(lambda fd: _busy_writer(folder, fd))
    try:
        assert child.wait_for(lambda lines: len(lines) > 1)
        assert child.lines[0] == "R", child.lines
        for round_ in range(12):
            want = len(child.lines) + 1  # one more commit than the last round saw
            child.wait_for(lambda lines, want=want: len(lines) >= want)
            committed = [line for line in child.lines[1:] if line.strip()]
            assert not [line for line in committed if line.startswith("E ")], committed
            reader = Library.open(folder, readonly=True)
            try:
                assert reader.readonly
                for token in committed[-3:]:
                    assert reader.search(token).total == 1, (round_, token)
            finally:
                reader.close()
    finally:
        child.kill()
