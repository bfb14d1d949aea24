"""The search index beside the store: loaded on first use, checked at open, rebuilt, searched."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from desktop_app.core.errors import AppError, StoreError
from desktop_app.core.model import IndexDoc, SearchResults
from desktop_app.core.services.common import INDEX_DIRTY, ThemeRef
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import annotations_repo, letters_repo
from desktop_app.core.tasks import CancelToken, Progress

REBUILD_MIN_BATCH = 10  # a batch import of at least this many letters ...
REBUILD_RATIO = 30  # ... that is at least 1/30 of the library rebuilds the index instead of updating
JOURNAL_FLUSH_BYTES = 2 * 1024 * 1024  # edits journaled without the engine are written as a segment past this


def _make_index(folder: Path, *, writer: bool = True) -> Any:
    if importlib.util.find_spec("whoosh") is None:  # looks for it without importing it
        return None
    return _LazySearchIndex(folder, writer=writer)


class _LazySearchIndex:
    """The search index, whose module (Whoosh, numpy: ~0.2 s) is imported on first use, not when the
    library opens: ``check()`` reads the manifest and checksums only (``storage.check_files``, which
    needs no Whoosh). In the GUI the first search runs on a worker thread and pays the import there.

    An edit (``update``/``delete``) before that only journals the letter's fields in ``index/PENDING``
    (fsynced: durable at once, as the loaded index's own edits are), without loading the engine: a
    command that imports or annotates one letter does not pay for Whoosh and numpy. The next process
    (or this one) that opens the index to search writes the journal into the index first; a reader
    beside the writer applies it in memory. Past :data:`JOURNAL_FLUSH_BYTES` of journal the engine is
    loaded and the journal written as a segment, so it never grows without bound.
    Every other attribute is the real :class:`~desktop_app.core.search.SearchIndex`'s."""

    def __init__(self, folder: Path, *, writer: bool = True) -> None:
        self.folder = folder
        self.writer = writer  # False: a reader beside the library's writer (never writes the index)
        self._index: Any = None
        self._loading = threading.Lock()

    def update(self, doc: IndexDoc) -> None:
        if not self._journal(str(doc.letter.id), doc):
            self._loaded().update(doc)

    def delete(self, letter_id: int) -> None:
        if not self._journal(str(letter_id), None):
            self._loaded().delete(letter_id)

    def _journal(self, letter_id: str, doc: IndexDoc | None) -> bool:
        """Journal the edit without loading the engine when it is not loaded; False when it is (the
        loaded index takes the edit). Fails as the loaded index would on a missing or outdated index."""
        from desktop_app.core.search import documents, storage

        with self._loading:  # the index is not loaded meanwhile: it replays the journal when it opens
            if self._index is not None or not self.writer:
                return False
            try:
                manifest = storage.read_manifest(self.folder)
            except storage.ManifestError as err:
                raise StoreError(f"The search index is damaged ({err}); rebuild it with `kamerlezer reindex`.") from err
            if manifest is None or manifest.schema != storage.SCHEMA_VERSION:
                raise StoreError("The search index is missing or outdated: rebuild it (kamerlezer reindex).")
            storage.append_pending(self.folder, letter_id, None if doc is None else documents.index_fields(doc))
            stamp = storage.pending_stamp(self.folder)
        if stamp is not None and stamp[1] > JOURNAL_FLUSH_BYTES:
            self._loaded().flush()  # replays the journal, writes it as one segment
        return True

    def check(self, *, verify: bool = False) -> str | None:
        if self._index is not None:
            return cast(str | None, self._index.check(verify=verify))
        from desktop_app.core.search import storage

        return storage.check_files(self.folder, verify=verify)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loaded(), name)

    def _loaded(self) -> Any:
        with self._loading:
            if self._index is None:
                try:
                    from desktop_app.core.search import SearchIndex
                except ImportError as err:
                    raise StoreError(f"Search is not available in this installation ({err}).") from err
                self._index = SearchIndex(self.folder, writer=self.writer)
            return self._index


def index_marker_reason(marker: Path) -> str | None:
    """Why the index must be rebuilt, when the dirty marker is there (its text, if any)."""
    try:
        return marker.read_text(encoding="utf-8").strip() or "an earlier update did not finish"
    except FileNotFoundError:
        return None
    except OSError:
        return "an earlier update did not finish"


class IndexingMixin(LibraryParts):
    """Search and the upkeep of the search index of :class:`~desktop_app.core.services.Library`."""

    @property
    def _dirty_marker(self) -> Path:
        return self.folder / INDEX_DIRTY

    def _check_index(self, progress: Progress | None, *, quiet: bool) -> None:
        if self.index is None:
            if self._search_wanted:
                self.notices.append("Search is not available in this installation.")
            return
        reason = index_marker_reason(self._dirty_marker)
        try:
            reason = self.index.check() or reason
        except Exception as err:  # noqa: BLE001 - a broken index is rebuilt, never fatal
            reason = f"check failed: {err}"
        if reason is None and not quiet:
            return
        try:
            self.reindex(progress=progress)
        except AppError as err:
            self.notices.append(f"The search index could not be rebuilt: {err.message}")
            return
        except Exception as err:  # noqa: BLE001
            self.notices.append(f"The search index could not be rebuilt ({type(err).__name__}: {err}).")
            return
        if reason is not None and not quiet:
            self.notices.append(f"Search index rebuilt ({reason}).")

    def index_doc(self, letter_id: int) -> IndexDoc:
        """What the search index holds for one letter."""
        letter = self.get_letter(letter_id)
        annotations = tuple(annotations_repo.for_letter(self.db, letter.id))
        used = {tid for a in annotations for tid in a.theme_ids}
        paths_by_id = self._theme_paths()
        return IndexDoc(letter=letter, annotations=annotations, theme_paths={t: paths_by_id[t] for t in used})

    def reindex(self, *, progress: Progress | None = None, cancel: CancelToken | None = None) -> int:
        """Rebuild the search index from the store; returns the number of letters indexed."""
        if self.index is None:
            raise StoreError("Search is not available in this installation.")
        ids = letters_repo.all_ids(self.db)
        self._dirty_marker.touch()
        self.index.rebuild((self.index_doc(i) for i in ids), len(ids), progress=progress, cancel=cancel)
        self._index_failed = False
        self._dirty_marker.unlink(missing_ok=True)
        return len(ids)

    def _flush_index(self, letter_ids: set[int], *, progress: Progress | None = None) -> None:
        """Index letters changed by a batch: a full rebuild when they are many (a bulk write costs a
        fraction of a one-letter commit per letter), else one update each."""
        if not letter_ids:
            self._dirty_marker.unlink(missing_ok=True)
            return
        total = letters_repo.count(self.db)
        if len(letter_ids) >= REBUILD_MIN_BATCH and len(letter_ids) * REBUILD_RATIO >= total:
            try:
                self.reindex(progress=progress)
            except Exception as err:  # noqa: BLE001 - the marker stays: rebuilt at the next open
                self.notices.append(f"The search index could not be updated ({err}); it will be rebuilt.")
            return
        self._refresh_index(letter_ids)

    def search(
        self,
        query: str,
        *,
        themes: Sequence[ThemeRef] = (),
        year: int | None = None,
        chamber: str | None = None,
        limit: int = 20,
        sort: str = "relevance",
    ) -> SearchResults:
        """Full-text search; a theme filter includes its sub-themes."""
        if self.index is None:
            raise StoreError(
                "Search is not available in this installation."
                if self._search_wanted
                else "This library was opened without search."
            )
        theme_ids: list[int] = []
        for ref in themes:
            theme_ids.extend(self.theme_descendants(self.get_theme(ref).id))
        results = self.index.search(
            query, theme_ids=sorted(set(theme_ids)), year=year, chamber=chamber, limit=limit, sort=sort
        )
        titles = letters_repo.titles(self.db, [hit.letter_id for hit in results.hits])
        hits = tuple(replace(hit, title=titles.get(hit.letter_id, hit.subject)) for hit in results.hits)
        return replace(results, hits=hits)

