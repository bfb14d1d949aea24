"""SearchIndex: the Whoosh full-text index of a library (derived data, rebuilt when damaged).

Threads: one writer at a time (``_write_lock``: update/delete/rebuild are serialised); searches take
``_read_lock`` only, so a search from a GUI worker runs while a rebuild writes the next generation.

Processes: only the library's writer (the process that holds ``library.lock``) writes the index or
its journal. A reader beside it (``writer=False``) never writes: it searches the index as it is with
the journaled edits applied in memory (:mod:`desktop_app.core.search.overlay`).
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.search._imports import import_whoosh

import_whoosh()  # first: without the modules Whoosh imports but a search never uses (see _imports)

from whoosh import query  # noqa: E402
from whoosh.filedb.filestore import FileStorage  # noqa: E402
from whoosh.index import TOC, clean_files  # noqa: E402
from whoosh.searching import Searcher  # noqa: E402

from desktop_app.core.errors import AppError, InvalidInput, StoreError
from desktop_app.core.model import IndexDoc, SearchFragment, SearchHit, SearchResults, Span
from desktop_app.core.search import highlight, storage
from desktop_app.core.search.documents import indexable as _indexable
from desktop_app.core.search.formats import CompactPool, IndexCodec, add_document
from desktop_app.core.search.overlay import overlay_index, write_edits
from desktop_app.core.search.query import Unit, highlight_units, make_parser, parse
from desktop_app.core.search.schema import SCHEMA_VERSION, SEPARATOR, build_schema, chamber_key, to_fields
from desktop_app.core.tasks import CancelToken, Progress

if TYPE_CHECKING:
    from desktop_app.core.search.engine import Engine

SORTS = ("relevance", "date")
MAX_EXPANSIONS = 64  # prefix/fuzzy terms looked up per field when highlighting
BODY_FRAGMENTS = 3
PARALLEL_FROM = 500  # letters; below this, starting a worker process costs more than it saves
PART_DIR = "part"  # inside a generation folder while a worker writes its segment there


class SearchIndex:
    """The index in ``folder`` (``<library>/index``). See :mod:`desktop_app.core.search.storage`."""

    def __init__(self, folder: Path, *, procs: int | None = None, writer: bool = True) -> None:
        """``procs`` > 1 (the default on a machine with more than one core: 2) lets :meth:`rebuild`
        index a large library in two processes: a worker started with the "spawn" method (never fork:
        a GUI process has threads) writes a segment of its own. ``writer`` False: a reader beside the
        library's writer, which never writes the index (see the module docstring)."""
        self.folder = Path(folder)
        self.writer = writer
        self.procs = max(1, procs if procs is not None else min(2, os.cpu_count() or 1))
        self.schema = build_schema()
        self._parser = make_parser(self.schema)
        self._write_lock = threading.RLock()
        self._read_lock = threading.RLock()
        self._ix: Any = None
        self._manifest: storage.Manifest | None = None
        self._searcher: Searcher | None = None
        self._engine: Engine | None = None
        self._segment_cache: dict[tuple[str, str], Any] = {}
        self._stale = False  # a write was committed since the searcher was opened
        # Edits not yet in a segment: letter id -> fields (None: deleted), in order; each is also in the
        # journal (storage.PENDING, fsynced) before update()/delete() return, and is written as one
        # segment before the next read, when FLUSH_AT have piled up, FLUSH_AFTER_S after the last edit
        # (a background timer), or at close.
        self._pending: dict[str, dict[str, object] | None] = {}
        self._timer: threading.Timer | None = None
        # A reader's in-memory view of the journal (see _refresh_overlay): the index with the journaled
        # edits, and the journal's stamp when it was made.
        self._overlay: Any = None
        self._overlay_stamp: tuple[int, int, int] | None = None

    # -- health ---------------------------------------------------------------------------------
    def check(self, *, verify: bool = False) -> str | None:
        """None when the index is usable; else a short reason ("missing", "corrupt: ...",
        "outdated schema (v1 -> v2)", "garbage in index folder: ..."). ``verify``: every file's
        checksum (see :func:`storage.check_files`)."""
        with self._write_lock:
            reason = storage.check_files(self.folder, verify=verify)
            if reason:
                return reason
            try:
                manifest = storage.read_manifest(self.folder)
                assert manifest is not None
                ix = FileStorage(str(self.folder / manifest.generation)).open_index()
                try:
                    if set(ix.schema.names()) != set(self.schema.names()):
                        return f"outdated schema (fields differ, v{SCHEMA_VERSION})"
                    with ix.searcher() as searcher:
                        searcher.doc_count()
                finally:
                    ix.close()
            except Exception as err:  # noqa: BLE001 - any failure to open means the files are not a usable index
                return f"corrupt: {type(err).__name__}: {err}"[:200]
            return None

    # -- writing --------------------------------------------------------------------------------
    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        total: int,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        """Index ``docs`` into a new generation and switch to it; on any failure (or cancel) the old
        index stays in place and the partial one is removed."""
        self._require_writer()
        with self._write_lock:
            self._cancel_timer()
            self._pending = {}  # the rebuild reads every letter as it is now
            self.folder.mkdir(parents=True, exist_ok=True)
            generation = storage.next_generation(self.folder)
            gen_dir = self.folder / generation
            try:
                self._build(gen_dir, docs, total, progress, cancel)
                files, stamps = storage.snapshot(gen_dir, None)
            except BaseException:
                shutil.rmtree(gen_dir, ignore_errors=True)
                raise
            with self._read_lock:
                self._close_index()
                storage.write_manifest(self.folder, storage.Manifest(SCHEMA_VERSION, generation, files, stamps))
                storage.clear_pending(self.folder)  # after the switch: a crash before it replays them
                storage.remove_other_generations(self.folder, keep=generation)

    def _build(
        self,
        gen_dir: Path,
        docs: Iterable[IndexDoc],
        total: int,
        progress: Progress | None,
        cancel: CancelToken | None,
    ) -> None:
        gen_dir.mkdir()
        FileStorage(str(gen_dir)).create_index(self.schema).close()
        docs = iter(docs)
        worker = _PartWorker(gen_dir / PART_DIR) if self.procs > 1 and total >= PARALLEL_FROM else None
        try:
            share = 0
            if worker is not None:
                # The worker indexes the first half into a segment of its own while this process indexes
                # the second half; its segment comes first, so document numbers keep the letters' order.
                for doc in islice(docs, total // 2):
                    if cancel is not None:
                        cancel.check()
                    worker.add(_indexable(to_fields(doc)))
                    share += 1
                worker.finish()
            done = self._build_segment(gen_dir, docs, share, total, progress, cancel)
            if worker is not None:
                worker.wait()
                _append_part(gen_dir, gen_dir / PART_DIR)
            if progress is not None and done:
                progress(share + done, share + done, "indexed")
        finally:
            if worker is not None:
                worker.stop()
        if progress is not None and share + done == 0:
            progress(0, 0, "indexing")

    def _build_segment(
        self,
        gen_dir: Path,
        docs: Iterable[IndexDoc],
        share: int,
        total: int,
        progress: Progress | None,
        cancel: CancelToken | None,
    ) -> int:
        """Index ``docs`` into one segment in ``gen_dir``; returns how many. ``share`` letters are being
        indexed by a worker at the same pace (for the progress figures)."""
        ix = FileStorage(str(gen_dir)).open_index()
        # compound=False: Whoosh opens a sub-file of a compound segment by copying it into a BytesIO, so
        # every reader (each search after an edit, each writer) copied the whole postings file: at
        # 10,000 letters ~35 ms per file opened and ~150 MB of memory. Plain files are read in place.
        writer = ix.writer(codec=IndexCodec(), compound=False)
        writer.pool = CompactPool()
        scale = total / max(1, total - share)
        try:
            done = 0
            for doc in docs:
                if cancel is not None:
                    cancel.check()
                add_document(writer, _indexable(to_fields(doc)))
                done += 1
                if progress is not None and done % 50 == 0 and done * scale < total:
                    progress(int(done * scale), max(total, done + share), "indexing")
            if progress is not None and done:
                progress(share + done - 1, share + done, "writing the index")
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        finally:
            ix.close()
        return done

    def update(self, doc: IndexDoc) -> None:
        """Add or replace one letter (with its annotations' notes and themes). The edit is journaled
        (durable) at once and written into the index with the next edits: before the next search, after
        a short pause, or at close (an edit costs about an fsync, not a segment write)."""
        fields = _indexable(to_fields(doc))
        self._buffer(str(doc.letter.id), fields)

    def delete(self, letter_id: int) -> None:
        self._buffer(str(letter_id), None)

    def flush(self) -> None:
        """Write the buffered edits into the index now (one segment). A reader (``writer=False``) never
        writes: the writer's journal is applied in memory when it searches."""
        if not self.writer:
            return
        with self._write_lock:
            self._cancel_timer()
            if self._ix is None and (self.folder / storage.PENDING).exists():
                self._open()  # replays the journal of an earlier process into _pending
            if not self._pending:
                return
            ix = self._open()
            pending, self._pending = self._pending, {}
            # One small segment per flush, uncompressed and not compound (cheaper to write); segments
            # are merged only once many have piled up (see _merge_when_many), never on every edit.
            try:
                write_edits(ix, pending, IndexCodec(compression=0), _merge_when_many)
            except BaseException:
                self._pending = {**pending, **self._pending}
                raise
            self._stale = True
            assert self._manifest is not None
            gen_dir = self.folder / self._manifest.generation
            self._manifest.files, self._manifest.stamps = storage.snapshot(gen_dir, self._manifest)
            storage.write_manifest(self.folder, self._manifest)
            storage.clear_pending(self.folder)

    def _buffer(self, letter_id: str, fields: dict[str, object] | None) -> None:
        self._require_writer()
        with self._write_lock:
            self._open()  # a damaged or missing index fails here, as a direct write would
            storage.append_pending(self.folder, letter_id, fields)
            self._pending.pop(letter_id, None)  # keep the order of the last edit
            self._pending[letter_id] = fields
            if len(self._pending) >= FLUSH_AT:
                self.flush()
            elif FLUSH_AFTER_S is not None:
                self._cancel_timer()
                self._timer = threading.Timer(FLUSH_AFTER_S, self._flush_quietly)
                self._timer.daemon = True
                self._timer.start()

    def _flush_quietly(self) -> None:
        """The background flush: a failure leaves the edits buffered and journaled; the next read or
        close flushes again and reports it."""
        try:
            self.flush()
        except Exception:  # noqa: BLE001, S110 - retried (and raised) by the next read or close
            pass

    def _cancel_timer(self) -> None:
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.cancel()
        self._timer = None

    # -- reading --------------------------------------------------------------------------------
    def search(
        self,
        query_text: str,
        *,
        theme_ids: Sequence[int] = (),
        year: int | None = None,
        chamber: str | None = None,
        limit: int = 20,
        sort: str = "relevance",
    ) -> SearchResults:
        """Letters matching ``query_text`` (see :mod:`desktop_app.core.search.query` for the syntax),
        best first (``sort="relevance"``) or newest first (``sort="date"``), with fragments."""
        began = time.perf_counter()
        if sort not in SORTS:
            raise InvalidInput(f"Unknown sort {sort!r}: use one of {', '.join(SORTS)}.")
        if limit < 1:
            raise InvalidInput(f"The result limit must be at least 1 (got {limit}).")
        q = parse(query_text, self._parser)
        flt = _filter(theme_ids, year, chamber)
        self._flush_for_reading()
        with self._read_lock:
            try:
                searcher = self._current_searcher()
                total, top = self._run(searcher, q, flt, limit, sort)
                hits = self._hits(searcher, q, top)
            except AppError:
                raise
            except Exception as err:  # damaged files surface here as whoosh/OS errors
                raise _damaged(err) from err
        elapsed = (time.perf_counter() - began) * 1000
        return SearchResults(query=query_text, total=total, hits=tuple(hits), elapsed_ms=elapsed)

    def _run(
        self, searcher: Searcher, q: query.Query, flt: query.Query | None, limit: int, sort: str
    ) -> tuple[int, list[tuple[Any, int]]]:
        """(total, [(score, docnum)]) from the block-wise engine (numpy), or from Whoosh's own searcher
        for a small index while numpy is not loaded (see :data:`PLAIN_UP_TO`) and for query types the
        engine does not evaluate."""
        if self._engine is None or self._engine.searcher is not searcher:
            self._engine = None
            if not _numpy_loaded() and searcher.doc_count_all() <= PLAIN_UP_TO and plain_scores_alike(q):
                return _run_plain(searcher, q, flt, limit, sort)
            from desktop_app.core.search.engine import Engine

            live = {seg.segment_id() for sub, _ in searcher.leaf_searchers() if (seg := sub.reader().segment())}
            self._segment_cache = {k: v for k, v in self._segment_cache.items() if k[0] in live}
            self._engine = Engine(searcher, self._segment_cache)
        from desktop_app.core.search.engine import Unsupported

        try:
            return self._engine.run(q, flt, limit, by_date=sort == "date")
        except Unsupported:
            return _run_plain(searcher, q, flt, limit, sort)

    def doc_count(self) -> int:
        self._flush_for_reading()
        with self._read_lock:
            try:
                return int(self._current_searcher().doc_count())
            except AppError:
                raise
            except Exception as err:
                raise _damaged(err) from err

    def close(self) -> None:
        with self._write_lock:
            try:
                self.flush()
            finally:
                with self._read_lock:
                    self._close_index()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------------------
    def _require_writer(self) -> None:
        if not self.writer:
            raise StoreError("The library is open read-only beside another program: its search index is not changed.")

    def _flush_for_reading(self) -> None:
        if not self.writer:
            self._refresh_overlay()
            return
        if self._pending or (self._ix is None and (self.folder / storage.PENDING).exists()):
            try:
                self.flush()
            except AppError:
                raise
            except Exception as err:
                raise _damaged(err) from err

    def _open(self) -> Any:
        if self._ix is None:
            try:
                manifest = storage.read_manifest(self.folder)
            except storage.ManifestError as err:
                raise _damaged(err) from err
            if manifest is None or manifest.schema != SCHEMA_VERSION:
                raise StoreError(
                    "The search index is missing or outdated: rebuild it (kamerlezer reindex)."
                )
            try:
                self._ix = FileStorage(str(self.folder / manifest.generation)).open_index()
                # the writer's edits journaled before: by an earlier process, or one that exited uncleanly
                replay = storage.read_pending(self.folder) if self.writer else []
            except Exception as err:
                raise _damaged(err) from err
            self._manifest = manifest
            for letter_id, fields in replay:
                self._pending.pop(letter_id, None)
                self._pending[letter_id] = _from_journal(fields)
        return self._ix

    def _current_searcher(self) -> Searcher:
        # Not Searcher.refresh(): it reuses the readers of unchanged segments, deletion sets included,
        # so a letter replaced by update() would still be found in its old segment.
        if self._stale and self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = (self._overlay or self._open()).searcher()
            self._stale = False
        return self._searcher

    def _refresh_overlay(self) -> None:
        """A reader: the writer's journaled edits, written into a segment in memory, so a search finds
        them without writing the index (made again when the journal changed). The journal is read
        before the index is opened: a flush the writer makes meanwhile writes the segment before it
        removes the journal, so whichever state is read, the edits are found (applying one twice is
        harmless: an update replaces the letter)."""
        try:
            stamp = storage.pending_stamp(self.folder)
            if stamp == self._overlay_stamp and (stamp is None or self._overlay is not None):
                return
            edits = storage.read_pending(self.folder, complete_only=True) if stamp is not None else []
            self._open()
            manifest = storage.read_manifest(self.folder)
            pending: dict[str, dict[str, object] | None] = {}
            for letter_id, fields in edits:
                pending.pop(letter_id, None)
                pending[letter_id] = _from_journal(fields)
            overlay = None
            if pending and manifest is not None:
                overlay = overlay_index(str(self.folder / manifest.generation), pending, IndexCodec(compression=0))
        except AppError:
            raise
        except Exception as err:  # noqa: BLE001 - damaged files surface as whoosh/OS errors
            raise _damaged(err) from err
        with self._read_lock:
            self._engine = None
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._close_overlay()
            self._overlay, self._overlay_stamp = overlay, stamp

    def _close_overlay(self) -> None:
        if self._overlay is not None:
            self._overlay.close()
            self._overlay = None
        self._overlay_stamp = None

    def _close_index(self) -> None:
        self._engine = None
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._close_overlay()
        if self._ix is not None:
            self._ix.close()
            self._ix = None
        self._manifest = None

    def _hits(self, searcher: Searcher, q: query.Query, top: list[tuple[Any, int]]) -> list[SearchHit]:
        docnums = [docnum for _, docnum in top]
        spans = _match_spans(searcher, highlight_units(q), docnums, self._engine)
        hits = []
        for key, docnum in top:
            stored = searcher.stored_fields(docnum)
            by_field = spans.get(docnum, {})
            frags = _fragments(stored, by_field)
            hits.append(
                SearchHit(
                    letter_id=int(stored["letter_id"]),
                    score=float(key or 0.0),  # relevance also when sorted by date
                    subject=stored.get("subject") or None,
                    date=stored.get("date") or None,
                    chamber=stored.get("chamber") or None,
                    kamerstuk=stored.get("kamerstuk") or None,
                    match_count=sum(len(highlight.merge(s)) for s in by_field.values()),
                    fragments=tuple(frags),
                )
            )
        return hits


class _PartWorker:
    """A process (multiprocessing "spawn") that indexes the letters it is sent into its own index in
    ``folder``; see :func:`_index_part`. The queue's feeder thread sends in the background, so the
    parent goes on with its own half while the worker reads."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        import multiprocessing  # here: a search never starts a process (~10 ms to import)

        ctx = multiprocessing.get_context("spawn")
        self._inbox: Any = ctx.Queue()
        self._outbox: Any = ctx.Queue()
        self._chunk: list[dict[str, object]] = []
        self._process = ctx.Process(
            target=_index_part, args=(str(folder), self._inbox, self._outbox), name="kamerlezer-index", daemon=True
        )
        self._process.start()

    def add(self, fields: dict[str, object]) -> None:
        self._chunk.append(fields)
        if len(self._chunk) >= 32:
            self._inbox.put(self._chunk)
            self._chunk = []

    def finish(self) -> None:
        if self._chunk:
            self._inbox.put(self._chunk)
            self._chunk = []
        self._inbox.put(None)

    def wait(self) -> int:
        """How many letters the worker indexed, once its segment is committed."""
        import queue
        while True:
            try:
                kind, value = self._outbox.get(timeout=1.0)
                break
            except queue.Empty:
                if not self._process.is_alive():
                    raise StoreError(f"The indexing worker stopped (exit code {self._process.exitcode}).") from None
        self._process.join()
        if kind != "done":
            raise StoreError(f"The indexing worker failed: {value}")
        return int(value)

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        for q in (self._inbox, self._outbox):
            q.cancel_join_thread()
            q.close()


def _index_part(folder: str, inbox: Any, outbox: Any) -> None:
    """The worker process: index the field dicts that come in chunks until None, commit, report."""
    try:
        ix = FileStorage(folder).create_index(build_schema())
        writer = ix.writer(codec=IndexCodec(), compound=False)
        writer.pool = CompactPool()
        count = 0
        while (chunk := inbox.get()) is not None:
            for fields in chunk:
                add_document(writer, fields)
                count += 1
        writer.commit()
        ix.close()
        outbox.put(("done", count))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which raises
        outbox.put(("error", f"{type(err).__name__}: {err}"))


def _append_part(gen_dir: Path, part_dir: Path) -> None:
    """Move the worker's segment into ``gen_dir`` and list it first in a new table of contents."""
    files = FileStorage(str(gen_dir))
    ix = files.open_index()
    try:
        schema, segments, generation = ix.schema, ix._segments(), ix.latest_generation()
    finally:
        ix.close()
    part = FileStorage(str(part_dir)).open_index()
    try:
        part_segments = part._segments()
    finally:
        part.close()
    for entry in os.scandir(part_dir):
        if not entry.name.endswith(".toc") and not storage.is_lock(entry.name):
            os.replace(entry.path, gen_dir / entry.name)
    shutil.rmtree(part_dir)
    every = part_segments + segments
    TOC(schema, every, generation + 1).write(files, "MAIN")
    clean_files(files, "MAIN", generation + 1, every)


SMALL_SEGMENTS_BEFORE_MERGE = 10
# Up to this many letters a search that finds numpy not yet loaded runs on Whoosh's own searcher: a word
# found in every letter costs it ~10 ms at 1,000 letters, importing numpy for the engine ~0.1 s (most of
# a `kamerlezer search`'s own time). Past it, or once numpy is loaded, the engine runs.
PLAIN_UP_TO = 2000
FLUSH_AT = 64  # buffered edits written at once
FLUSH_AFTER_S: float | None = 2.0  # seconds after the last edit (None: only on read, FLUSH_AT or close)


def _numpy_loaded() -> bool:
    return "numpy" in sys.modules


def plain_scores_alike(q: query.Query) -> bool:
    """Whether Whoosh's searcher scores ``q`` as the engine does: not with a phrase (Whoosh scores a
    phrase by its words, the engine as one term counted where the words stand together) nor with NOT
    (Whoosh adds 1 to every hit, the engine nothing)."""
    if isinstance(q, (query.Phrase, query.Not, query.AndNot)):
        return False
    return all(plain_scores_alike(sub) for sub in q.children())


def _run_plain(
    searcher: Searcher, q: query.Query, flt: query.Query | None, limit: int, sort: str
) -> tuple[int, list[tuple[Any, int]]]:
    """(total, [(score, docnum)]) by Whoosh's own searcher, every match scored (BM25F, as the engine),
    in the engine's order: best first (or newest first, then best), ties to the lower document number."""
    results = searcher.search(q, filter=flt, limit=None, optimize=False)
    scored = sorted(((score or 0.0, docnum) for score, docnum in results.top_n), key=lambda sd: (-sd[0], sd[1]))
    if sort == "date":
        reader = searcher.reader()
        dates = reader.column_reader("date") if reader.has_column("date") else None

        def date(docnum: int) -> str:
            value = dates[docnum] if dates is not None else ""
            return value.decode("utf-8") if isinstance(value, bytes) else (value or "")

        scored.sort(key=lambda sd: date(sd[1]), reverse=True)  # stable: equal dates stay best first
    return len(results), scored[:limit]


def _merge_when_many(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh's MERGE_SMALL, but only when more than a few segments have piled up: merging after every
    edit rewrites the recent small segments each time (hundreds of ms); searching a few extra small
    segments costs far less."""
    if len(segments) <= SMALL_SEGMENTS_BEFORE_MERGE:
        return segments
    from whoosh.writing import MERGE_SMALL

    return MERGE_SMALL(writer, segments)


def _from_journal(fields: dict[str, Any] | None) -> dict[str, object] | None:
    """Fields read back from the journal (JSON): the (key, start) pairs as tuples again."""
    if fields is None:
        return None
    for name in ("footnote_starts", "note_starts"):
        if name in fields:
            fields[name] = [tuple(pair) for pair in fields[name]]
    return fields


def _damaged(err: BaseException) -> StoreError:
    return StoreError(
        f"The search index is damaged ({type(err).__name__}: {err}); "
        "rebuild it with `kamerlezer reindex`."[:300]
    )


def _filter(theme_ids: Sequence[int], year: int | None, chamber: str | None) -> query.Query | None:
    parts: list[query.Query] = []
    if theme_ids:
        parts.append(query.Or([query.Term("themes", str(int(t))) for t in theme_ids]))
    if year is not None:
        parts.append(query.Term("year", str(int(year))))
    if chamber:
        parts.append(query.Term("chamber_key", chamber_key(chamber)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)


# -- match positions ----------------------------------------------------------------------------
Positions = dict[int, Span]  # position -> (startchar, endchar), for one term in one document


def _match_spans(
    searcher: Searcher, units: list[Unit], docnums: list[int], engine: Engine | None
) -> dict[int, dict[str, list[Span]]]:
    """docnum -> field -> character spans of the matches, from the postings the engine read for the
    query (or read again when it did not)."""
    out: dict[int, dict[str, list[Span]]] = {d: {} for d in docnums}
    if not docnums:
        return out
    reader = searcher.reader()
    wanted = sorted(set(docnums))
    cache: dict[tuple[str, bytes], dict[int, Positions]] = {}

    def positions(fieldname: str, btext: bytes) -> dict[int, Positions]:
        key = (fieldname, btext)
        if key not in cache:
            payloads = engine.payloads(fieldname, btext, wanted) if engine is not None else None
            if payloads is None:
                cache[key] = _term_positions(reader, fieldname, btext, wanted)
            else:
                decode = searcher.schema[fieldname].format.decode_characters
                cache[key] = {d: {p: (s, e) for p, s, e in decode(v)} for d, v in payloads.items()}
        return cache[key]

    for unit in units:
        field = searcher.schema[unit.fieldname]
        if not field.supports("characters"):
            continue
        if unit.expandable is not None:
            expanded = engine.expand(unit.expandable) if engine is not None else unit.expandable._btexts(reader)
            btexts = list(expanded)[:MAX_EXPANSIONS]
        elif len(unit.words) == 1:
            btexts = [field.to_bytes(unit.words[0])]
        else:
            per_word = [positions(unit.fieldname, field.to_bytes(w)) for w in unit.words]
            for docnum in wanted:
                found = _phrase_spans([p.get(docnum, {}) for p in per_word])
                if found:
                    out[docnum].setdefault(unit.fieldname, []).extend(found)
            continue
        for btext in btexts:
            for docnum, pos in positions(unit.fieldname, btext).items():
                out[docnum].setdefault(unit.fieldname, []).extend(pos.values())
    return out


def _term_positions(reader: Any, fieldname: str, btext: bytes, docnums: list[int]) -> dict[int, Positions]:
    if (fieldname, btext) not in reader:
        return {}
    matcher = reader.postings(fieldname, btext)
    found: dict[int, Positions] = {}
    for docnum in docnums:  # ascending, so one matcher walks forward once
        if not matcher.is_active():
            break
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
            if not matcher.is_active():
                break
        if matcher.id() == docnum:
            found[docnum] = {p: (s, e) for p, s, e in matcher.value_as("characters")}
    return found


def _phrase_spans(words: list[Positions]) -> list[Span]:
    """Spans of the places where the words stand at consecutive positions."""
    if not words or any(not w for w in words):
        return []
    spans = []
    for pos, (start, _) in sorted(words[0].items()):
        if all(pos + i in words[i] for i in range(1, len(words))):
            spans.append((start, words[-1][pos + len(words) - 1][1]))
    return spans


# -- fragments ----------------------------------------------------------------------------------
def _fragments(stored: dict[str, Any], spans: dict[str, list[Span]]) -> list[SearchFragment]:
    frags: list[SearchFragment] = []
    body = spans.get("body")
    if body:
        frags += highlight.fragments("body", stored.get("body", ""), body, top=BODY_FRAGMENTS)
    for fieldname, kind, starts_key, id_key in (
        ("notes", "note", "note_starts", "annotation_id"),
        ("footnotes", "footnote", "footnote_starts", "footnote_number"),
    ):
        if spans.get(fieldname):
            frags += _part_fragments(
                kind, stored.get(fieldname, ""), stored.get(starts_key) or [], spans[fieldname], id_key
            )
    subject = stored.get("subject", "")
    if spans.get("subject"):
        # the whole subject (it is short): context on either side of a match may reach both ends
        frags += highlight.fragments("subject", subject, spans["subject"], top=1, width=2 * len(subject))
    return frags


def _part_fragments(
    kind: str, joined: str, starts: list[tuple[int, int]], spans: list[Span], id_key: str
) -> list[SearchFragment]:
    """Split matches in a concatenated field back into its parts (a footnote, an annotation's note);
    offsets become offsets into the part's own text."""
    frags: list[SearchFragment] = []
    bounds = [(key, start, (starts[i + 1][1] - len(SEPARATOR)) if i + 1 < len(starts) else len(joined))
              for i, (key, start) in enumerate(starts)]
    for key, start, end in bounds:
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        if inside:
            part = joined[start:end]
            frags += highlight.fragments(kind, part, inside, top=1, **{id_key: key})
    return frags
