"""The use cases, behind one facade: :class:`Library`. The CLI and the GUI call these and nothing below them.

The facade is composed by concern (each module under 800 lines)::

    library.py        Library: open/close, the lock, backups, seeding, notices; the composition
    unit_of_work.py   how one change is made: recorded in the history, committed, the search
                      index and the citations following (Library.unit_of_work, Library.recording)
    imports.py        ImportReport, Library.import_paths, import_iter (file by file, the GUI's worker)
    letters.py        list/get/delete letters, their Kamerstuk id, resolving citations
    themes.py         the theme tree
    annotations.py    annotations and the passages of themes
    history.py        history, undo, redo
    follow.py         followed dossiers (what `fetch --follow` brings up to date)
    indexing.py       the search index: checked, rebuilt, searched
    common.py         LetterRef, ThemeRef, folder names, small helpers
    parts.py          LibraryParts: what the parts (mixins of Library) share

Every name importable from ``desktop_app.core.services`` before the split still is.
"""

from __future__ import annotations

from desktop_app.core.services.common import FILES_DIR, INDEX_DIR, INDEX_DIRTY, LetterRef, ThemeRef
from desktop_app.core.services.imports import BATCH_COMMIT, ImportReport, ImportStep, import_iter
from desktop_app.core.services.indexing import REBUILD_MIN_BATCH, REBUILD_RATIO, index_marker_reason
from desktop_app.core.services.library import BACKUP_EVERY_CHANGES, BACKUP_EVERY_S, Library
from desktop_app.core.services.themes import MAX_THEME_NAME, PALETTE

__all__ = [
    "BACKUP_EVERY_CHANGES", "BACKUP_EVERY_S", "BATCH_COMMIT", "FILES_DIR", "INDEX_DIR", "INDEX_DIRTY",
    "MAX_THEME_NAME", "PALETTE", "REBUILD_MIN_BATCH", "REBUILD_RATIO", "ImportReport", "ImportStep",
    "LetterRef", "Library", "ThemeRef", "import_iter", "index_marker_reason",
]  # fmt: skip
