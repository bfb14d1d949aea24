"""The use cases, behind one facade. The CLI and the GUI call these and nothing below them.

INTERFACE DRAFT: the signatures and docstrings below are the contract the CLI, the GUI, search,
references and export code against. Bodies are filled in by the store work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import ImportFailed
from desktop_app.core.model import Annotation, Letter, LetterSummary, SearchResults, Theme
from desktop_app.core.tasks import CancelToken, Progress

LetterRef = int | str  # id, or name (source file name without extension)
ThemeRef = int | str  # id, or name (case-insensitive), or path "Parent/Child"


@dataclass
class ImportReport:
    imported: list[Letter] = field(default_factory=list)  # new letters
    updated: list[Letter] = field(default_factory=list)  # new versions of known letters (re-anchored)
    skipped: list[tuple[str, int]] = field(default_factory=list)  # (path, existing letter id): same content
    failed: list[ImportFailed] = field(default_factory=list)
    orphaned: list[Annotation] = field(default_factory=list)  # annotations that could not be re-attached

    @property
    def ok(self) -> bool:
        return not self.failed


class Library:
    """An open library folder: ``library.db`` (SQLite), ``index/`` (Whoosh), ``files/`` (originals),
    ``backups/``. Open with :meth:`open`; close with :meth:`close` (or use as a context manager)."""

    folder: Path
    notices: list[str]  # things the user should be told after opening (index rebuilt, backup made ...)

    @classmethod
    def open(cls, folder: Path, *, seed: bool = True, progress: Progress | None = None) -> Library:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- letters ---------------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        password: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        """Import files and folders (recursively: *.txt, *.pdf). One bad file never stops the batch;
        each file is stored whole or not at all."""
        raise NotImplementedError

    def list_letters(self) -> list[LetterSummary]:
        raise NotImplementedError

    def get_letter(self, ref: LetterRef) -> Letter:
        """By id or name; raises NotFound."""
        raise NotImplementedError

    def set_kamerstuk(self, ref: LetterRef, kamerstuk: str | None) -> Letter:
        """Record the letter's own Kamerstuk id (kamerstuk_source = "user"); re-resolves references."""
        raise NotImplementedError

    # -- themes ----------------------------------------------------------------------------------
    def list_themes(self) -> list[Theme]:
        """Depth-first: each parent before its children, siblings by position."""
        raise NotImplementedError

    def get_theme(self, ref: ThemeRef) -> Theme:
        raise NotImplementedError

    def theme_path(self, theme_id: int) -> str:
        """"Parent/Child" name path."""
        raise NotImplementedError

    def theme_descendants(self, theme_id: int) -> list[int]:
        """The theme and all its sub-themes' ids."""
        raise NotImplementedError

    def theme_counts(self) -> dict[int, int]:
        """Number of annotations per theme id (direct)."""
        raise NotImplementedError

    def add_theme(
        self, name: str, *, color: str | None = None, parent: ThemeRef | None = None, description: str = ""
    ) -> Theme:
        raise NotImplementedError

    def update_theme(
        self,
        ref: ThemeRef,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> Theme:
        raise NotImplementedError

    def move_theme(self, ref: ThemeRef, *, parent: ThemeRef | None, position: int | None = None) -> Theme:
        raise NotImplementedError

    def merge_themes(self, source: ThemeRef, target: ThemeRef) -> int:
        """Move all of source's annotations (and sub-themes) to target, delete source; returns count moved."""
        raise NotImplementedError

    def delete_theme(self, ref: ThemeRef, *, force: bool = False) -> int:
        """Delete a theme; refuses (InvalidInput) when annotations use it unless force (then they lose
        only this theme; an annotation is never deleted by deleting a theme). Returns affected count."""
        raise NotImplementedError

    def restore_theme(self, theme: Theme, annotation_ids: Iterable[int] = ()) -> Theme:
        """Undo of delete: recreate with the same id and re-link the annotations."""
        raise NotImplementedError

    # -- annotations -----------------------------------------------------------------------------
    def annotate(
        self, letter: LetterRef, start: int, end: int, theme_ids: Sequence[int] = (), note: str = ""
    ) -> Annotation:
        raise NotImplementedError

    def annotate_quote(
        self, letter: LetterRef, quote: str, theme_ids: Sequence[int] = (), note: str = "", occurrence: int = 1
    ) -> Annotation:
        raise NotImplementedError

    def get_annotation(self, annotation_id: int) -> Annotation:
        raise NotImplementedError

    def update_annotation(
        self, annotation_id: int, *, note: str | None = None, theme_ids: Sequence[int] | None = None
    ) -> Annotation:
        raise NotImplementedError

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Returns what was deleted, so undo can :meth:`restore_annotation` it."""
        raise NotImplementedError

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        """Re-insert a deleted annotation with its id, themes and note."""
        raise NotImplementedError

    def reattach_annotation(self, annotation_id: int, start: int, end: int) -> Annotation:
        """Anchor an orphan (or move an annotation) to a new span of its letter."""
        raise NotImplementedError

    def list_annotations(
        self, letter: LetterRef | None = None, theme: ThemeRef | None = None, *, include_subthemes: bool = True
    ) -> list[Annotation]:
        """In letter order, then text order."""
        raise NotImplementedError

    # -- search ----------------------------------------------------------------------------------
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
        raise NotImplementedError

    def reindex(self, *, progress: Progress | None = None, cancel: CancelToken | None = None) -> int:
        """Rebuild the search index from the store; returns the number of letters indexed."""
        raise NotImplementedError
