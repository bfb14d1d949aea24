"""The search index is derived data: damage is detected by check() and repaired by rebuild()."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from desktop_app.core.errors import Cancelled, StoreError
from desktop_app.core.importing import read_file
from desktop_app.core.model import IndexDoc, Letter
from desktop_app.core.search import SCHEMA_VERSION, SearchIndex
from desktop_app.core.tasks import CancelToken

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "letters"


def seed_docs() -> list[IndexDoc]:
    docs = []
    for number, path in enumerate(sorted(SEEDS.glob("*.txt")), start=1):
        parsed = read_file(path)
        letter = Letter(id=number, source_file=parsed.source_file, content_hash=parsed.content_hash,
                        source_format=parsed.source_format, text=parsed.text, footnotes=parsed.footnotes,
                        date=parsed.date, subject=parsed.subject, chamber=parsed.chamber)
        docs.append(IndexDoc(letter))
    return docs


DOCS = seed_docs()
PLEDGE = {d.letter.id for d in DOCS if "Defence Investment Pledge" in " ".join(d.letter.text.split())}


def built(folder: Path) -> SearchIndex:
    ix = SearchIndex(folder)
    ix.rebuild(DOCS, len(DOCS))
    assert ix.check() is None
    return ix


def answers_correctly(ix: SearchIndex) -> bool:
    return {h.letter_id for h in ix.search('"Defence Investment Pledge"').hits} == PLEDGE


def assert_rebuild_repairs(ix: SearchIndex) -> None:
    ix.rebuild(DOCS, len(DOCS))
    assert ix.check() is None and answers_correctly(ix)
    ix.close()


def generation(folder: Path) -> Path:
    return folder / json.loads((folder / "CURRENT").read_text())["generation"]


def segment_files(folder: Path) -> list[Path]:
    """The files of the index's segments (postings, terms, stored fields ...), not its table of contents."""
    return sorted(p for p in generation(folder).iterdir() if p.suffix != ".toc" and "LOCK" not in p.name)


def test_a_new_folder_is_missing_and_searching_it_says_rebuild(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "index")
    assert ix.check() == "missing"
    with pytest.raises(StoreError, match="reindex"):
        ix.search("navo")


def test_an_empty_library_has_a_healthy_empty_index(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild([], 0)
    assert ix.check() is None
    for query in ("navo", "NOT navo", "oekr*", "Oekrane~", '"Defence Investment Pledge"'):
        results = ix.search(query, sort="date", year=2024)
        assert results.total == 0 and not results.hits
    ix.update(DOCS[0])
    assert [h.letter_id for h in ix.search("capaciteitsdoelstellingen").hits] == [DOCS[0].letter.id]
    ix.close()


def test_deleted_folder_is_reported_and_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    ix = built(folder)
    ix.close()
    shutil.rmtree(folder)
    assert ix.check() == "missing"
    assert_rebuild_repairs(ix)


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_garbage_written_into_a_segment_is_reported(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "index"
    built(folder).close()
    seg = max(segment_files(folder), key=lambda p: p.stat().st_size)
    size = seg.stat().st_size
    offset = {"start": 0, "middle": size // 2, "end": size - 16}[where]
    with open(seg, "r+b") as fh:
        fh.seek(offset)
        fh.write(b"\xde\xad\xbe\xef" * 4)
    ix = SearchIndex(folder)
    reason = ix.check()
    assert reason is not None and reason.startswith("corrupt") and seg.name in reason
    assert_rebuild_repairs(ix)


def test_truncated_segment_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    built(folder).close()
    seg = max(segment_files(folder), key=lambda p: p.stat().st_size)
    with open(seg, "r+b") as fh:
        fh.truncate(seg.stat().st_size // 3)
    ix = SearchIndex(folder)
    reason = ix.check()
    assert reason is not None and "truncated" in reason
    assert_rebuild_repairs(ix)


def test_garbage_in_every_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    built(folder).close()
    for path in generation(folder).iterdir():
        path.write_bytes(b"not an index " * 10)
    ix = SearchIndex(folder)
    assert (ix.check() or "").startswith("corrupt")
    assert_rebuild_repairs(ix)


def test_garbage_manifest_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    built(folder).close()
    (folder / "CURRENT").write_bytes(b"\x00\xff garbage")
    ix = SearchIndex(folder)
    assert (ix.check() or "").startswith("corrupt")
    with pytest.raises(StoreError):
        ix.search("navo")
    assert_rebuild_repairs(ix)


def test_stray_files_are_garbage(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    built(folder).close()
    (generation(folder) / "notes.txt").write_text("hello")
    assert (SearchIndex(folder).check() or "").startswith("garbage in index folder")
    (generation(folder) / "notes.txt").unlink()
    (folder / "copy of CURRENT").write_text("{}")
    assert (SearchIndex(folder).check() or "").startswith("garbage in index folder")


def test_an_older_schema_is_outdated(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    built(folder).close()
    data = json.loads((folder / "CURRENT").read_text())
    data["schema"] = SCHEMA_VERSION - 1
    (folder / "CURRENT").write_text(json.dumps(data))
    ix = SearchIndex(folder)
    assert ix.check() == f"outdated schema (v{SCHEMA_VERSION - 1} -> v{SCHEMA_VERSION})"
    ix.rebuild(DOCS, len(DOCS))
    assert ix.check() is None
    ix.close()


def test_a_failed_rebuild_keeps_the_old_index(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    ix = built(folder)
    before = sorted(p.name for p in folder.iterdir())

    def broken() -> object:
        yield DOCS[0]
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        ix.rebuild(broken(), len(DOCS))
    assert sorted(p.name for p in folder.iterdir()) == before
    assert ix.check() is None and answers_correctly(ix)
    ix.close()


def test_a_cancelled_rebuild_keeps_the_old_index(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    ix = built(folder)
    token = CancelToken()
    seen: list[int] = []

    def docs() -> object:
        for i, doc in enumerate(DOCS):
            if i == 2:
                token.cancel()
            seen.append(doc.letter.id)
            yield doc

    with pytest.raises(Cancelled):
        ix.rebuild(docs(), len(DOCS), cancel=token)
    assert len(seen) < len(DOCS)
    assert ix.check() is None and answers_correctly(ix) and ix.doc_count() == len(DOCS)
    ix.close()


def test_rebuild_reports_progress(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(iter(DOCS), len(DOCS), progress=lambda done, total, message="": calls.append((done, total)))
    assert calls and calls[-1] == (len(DOCS), len(DOCS))
    ix.close()


def test_searches_from_another_thread_while_updating(tmp_path: Path) -> None:
    ix = built(tmp_path / "index")
    errors: list[BaseException] = []

    def searcher() -> None:
        try:
            for _ in range(20):
                assert answers_correctly(ix)
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    thread = threading.Thread(target=searcher)
    thread.start()
    for doc in DOCS * 2:
        ix.update(doc)
    thread.join()
    assert not errors
    assert ix.doc_count() == len(DOCS) and ix.check() is None
    ix.close()


def test_parallel_rebuild_gives_the_same_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.search import index as index_module

    monkeypatch.setattr(index_module, "PARALLEL_FROM", 2)
    calls: list[tuple[int, int]] = []
    ix = SearchIndex(tmp_path / "index", procs=2)
    ix.rebuild(DOCS, len(DOCS), progress=lambda done, total, message="": calls.append((done, total)))
    assert ix.check() is None and ix.doc_count() == len(DOCS) and answers_correctly(ix)
    assert calls[-1] == (len(DOCS), len(DOCS))
    assert len(list(ix._current_searcher().leaf_searchers())) == 2  # the worker's segment and ours
    assert not list((tmp_path / "index").glob("g*/part"))
    single = SearchIndex(tmp_path / "single", procs=1)
    single.rebuild(DOCS, len(DOCS))
    for text in ("Oekraine", '"Defence Investment Pledge"', "navo NOT pledge", "drones OR munitie"):
        ours, theirs = ix.search(text, limit=10), single.search(text, limit=10)
        assert [(h.letter_id, round(h.score, 9), h.fragments) for h in ours.hits] == [
            (h.letter_id, round(h.score, 9), h.fragments) for h in theirs.hits
        ], text
        assert ours.total == theirs.total
    ix.close()
    single.close()


def test_a_failing_parallel_rebuild_keeps_the_old_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.search import index as index_module

    ix = built(tmp_path / "index")
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 2)
    parallel = SearchIndex(tmp_path / "index", procs=2)
    bad = [*DOCS[:3], "not a letter"]
    with pytest.raises(Exception):
        parallel.rebuild(bad, len(bad))
    assert parallel.check() is None and answers_correctly(parallel)
    assert len(list((tmp_path / "index").glob("g*"))) == 1
    parallel.close()
    ix.close()


# sha256 of the postings files that IndexCodec writes (uncompressed) for the seed letters, per
# SCHEMA_VERSION. An index written in another layout must be rebuilt, and only a new SCHEMA_VERSION
# makes check() say so: when this test fails, bump SCHEMA_VERSION (schema.py) and record the new value.
POSTINGS_FINGERPRINTS = {5: "4fc6deea3456ecf3bc33e5e946b5bf3db89662f00bccfb6b0fda820c0f5b51d4"}


def test_a_new_postings_layout_comes_with_a_new_schema_version() -> None:
    import hashlib

    from whoosh.filedb.filestore import RamStorage

    from desktop_app.core.search.formats import IndexCodec
    from desktop_app.core.search.index import _indexable
    from desktop_app.core.search.schema import build_schema, to_fields

    storage = RamStorage()
    ix = storage.create_index(build_schema())
    writer = ix.writer(codec=IndexCodec(compression=0), compound=False)
    for doc in DOCS:
        writer.add_document(**_indexable(to_fields(doc)))
    writer.commit()
    postings = [name for name in storage.list() if name.endswith(".pst")]
    assert len(postings) == 1
    digest = hashlib.sha256(storage.open_file(postings[0]).read()).hexdigest()
    assert POSTINGS_FINGERPRINTS.get(SCHEMA_VERSION) == digest, (
        f"the postings layout changed: bump SCHEMA_VERSION and record {digest}"
    )


def test_the_rebuild_writes_the_same_postings_as_whoosh_add_document(tmp_path: Path) -> None:
    # formats.add_document hands a letter's text fields to the pool as arrays; Whoosh's own
    # add_document pools every posting separately. Both must write byte-identical postings and
    # term tables (a ligature takes the word-by-word path; an empty field and a field of stop words
    # give no postings).
    import dataclasses
    import hashlib

    from whoosh.filedb.filestore import FileStorage

    from desktop_app.core.search.formats import CompactPool, IndexCodec, add_document
    from desktop_app.core.search.index import _indexable
    from desktop_app.core.search.schema import build_schema, to_fields

    extra = dataclasses.replace(DOCS[0].letter, id=99, subject="de het", text="Straße en Œuvre: NAVO-top")
    docs = [*DOCS, IndexDoc(extra)]
    digests = []
    for name, add in (("whoosh", lambda w, f: w.add_document(**f)), ("arrays", add_document)):
        folder = tmp_path / name
        folder.mkdir()
        ix = FileStorage(str(folder)).create_index(build_schema())
        writer = ix.writer(codec=IndexCodec(), compound=False)
        writer.pool = CompactPool()
        for doc in docs:
            add(writer, _indexable(to_fields(doc)))
        writer.commit()
        with ix.searcher() as searcher:
            lengths = [searcher.reader().doc_field_length(d, "body") for d in range(len(docs))]
        ix.close()
        files = sorted(p for p in folder.iterdir() if p.suffix in (".pst", ".trm"))
        digests.append(([hashlib.sha256(p.read_bytes()).hexdigest() for p in files], lengths))
    assert digests[0] == digests[1] and len(digests[0][0]) == 2


def test_the_check_at_open_reads_no_unchanged_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A healthy index costs no checksum at open: the stamps say no file was written since."""
    from desktop_app.core.search import storage

    folder = tmp_path / "index"
    built(folder).close()
    read: list[str] = []
    real_crc = storage.crc_of
    monkeypatch.setattr(storage, "crc_of", lambda path: read.append(path.name) or real_crc(path))
    assert SearchIndex(folder).check() is None
    assert read == []
    assert SearchIndex(folder).check(verify=True) is None
    assert sorted(read) == sorted(p.name for p in generation(folder).iterdir() if "LOCK" not in p.name)


def damage_keeping_mtime(folder: Path) -> Path:
    """Overwrite bytes in the middle of the largest segment and put its modification time back."""
    seg = max(segment_files(folder), key=lambda p: p.stat().st_size)
    stat = seg.stat()
    with open(seg, "r+b") as fh:
        fh.seek(stat.st_size // 2)
        fh.write(b"\xde\xad\xbe\xef")
    os.utime(seg, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return seg


def test_silent_damage_is_found_by_verify(tmp_path: Path) -> None:
    """Bytes changed with the modification time put back (bit rot, a careless copy tool): the check at
    open trusts the stamp, ``verify`` (``kamerlezer check``) reads the bytes and finds it."""
    folder = tmp_path / "index"
    built(folder).close()
    seg = damage_keeping_mtime(folder)
    ix = SearchIndex(folder)
    reason = ix.check(verify=True)
    assert reason is not None and reason.startswith("corrupt") and seg.name in reason
    assert_rebuild_repairs(ix)


def test_a_manifest_without_stamps_is_checked_in_full(tmp_path: Path) -> None:
    """Manifests written before stamps were kept: every file is read at open, so damage is found."""
    folder = tmp_path / "index"
    built(folder).close()
    manifest = json.loads((folder / "CURRENT").read_text())
    manifest["files"] = {name: value[:2] for name, value in manifest["files"].items()}
    (folder / "CURRENT").write_text(json.dumps(manifest))
    assert SearchIndex(folder).check() is None
    seg = damage_keeping_mtime(folder)
    reason = SearchIndex(folder).check()
    assert reason is not None and seg.name in reason


def test_buffered_edits_survive_an_unclean_exit_and_a_damaged_journal_is_reported(tmp_path: Path) -> None:
    """An edit returns once it is journaled (fsynced), before it is written as a segment: a process that
    dies then (no close) loses nothing, the next open replays the journal; a damaged journal is caught
    by check() and a rebuild clears it."""
    folder = tmp_path / "index"
    ix = SearchIndex(folder)
    ix.rebuild(DOCS[1:], len(DOCS) - 1)
    ix.update(DOCS[0])
    ix.delete(DOCS[1].letter.id)
    assert (folder / "PENDING").exists() and ix.check() is None
    ix._cancel_timer()  # the process dies: no flush, no close
    again = SearchIndex(folder)
    assert again.check() is None
    assert DOCS[0].letter.id in {h.letter_id for h in again.search("capaciteitsdoelstellingen").hits}
    assert again.doc_count() == len(DOCS) - 1  # DOCS[0] added, DOCS[1] deleted
    assert not (folder / "PENDING").exists()  # written into the index by the search
    again.update(DOCS[1])
    again._cancel_timer()
    with open(folder / "PENDING", "a", encoding="utf-8") as fh:
        fh.write('{"id": "3", "fie')  # torn by a crash in the middle of a write
    third = SearchIndex(folder)
    assert (third.check() or "").startswith("corrupt: PENDING")
    with pytest.raises(StoreError):
        third.search("navo")
    third.rebuild(DOCS, len(DOCS))
    assert third.check() is None and third.doc_count() == len(DOCS) and not (folder / "PENDING").exists()
    third.close()


def test_many_buffered_edits_are_written_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.search import index as index_module

    monkeypatch.setattr(index_module, "FLUSH_AT", 3)
    monkeypatch.setattr(index_module, "FLUSH_AFTER_S", None)
    folder = tmp_path / "index"
    ix = SearchIndex(folder)
    ix.rebuild([], 0)
    ix.update(DOCS[0])
    ix.update(DOCS[1])
    assert len(storage_edits(folder)) == 2
    ix.update(DOCS[0])  # the same letter again: still two letters buffered
    assert len(ix._pending) == 2
    ix.update(DOCS[2])
    assert not ix._pending and not (folder / "PENDING").exists()
    segments = len(list(ix._current_searcher().leaf_searchers()))
    assert segments == 1 and ix.doc_count() == 3
    ix.close()


def storage_edits(folder: Path) -> list:
    from desktop_app.core.search import storage

    return storage.read_pending(folder)
