"""What each part of the :class:`~desktop_app.core.services.Library` may use of the others: the state
``Library.__init__`` sets and, for the type checker only, the methods one part calls on another. At
run time this class adds nothing (annotations only)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.labels import Label
    from desktop_app.core.model import IndexDoc, Letter, Theme
    from desktop_app.core.services.common import LetterRef, ThemeRef
    from desktop_app.core.services.unit_of_work import Work, _Label
    from desktop_app.core.store.history_repo import Change
    from desktop_app.core.tasks import CancelToken, Progress


class LibraryParts:
    folder: Path
    db: Any  # the store's Database; None once closed
    readonly: bool
    notices: list[str]
    index: Any  # the search index (loaded on first use), None without search
    last_backup: Path | None
    last_change: Change | None
    _search_wanted: bool
    _references: Any
    _deferred: set[int] | None
    _index_failed: bool
    _recording_id: int | None
    _changes_backed_up: int

    if TYPE_CHECKING:

        @property
        def references(self) -> Any: ...

        @property
        def _dirty_marker(self) -> Path: ...

        def unit_of_work(
            self,
            label: Label | None = None,
            *,
            transaction: bool = True,
            index: bool = True,
            letters_changing: Iterable[int] = (),
            deleted: bool = False,
            resolve: bool = False,
        ) -> AbstractContextManager[Work]: ...

        def recording(self, label: Label, *, transaction: bool = True) -> AbstractContextManager[_Label]: ...

        def _refresh_index(self, letter_ids: Iterable[int]) -> None: ...

        def _flush_index(self, letter_ids: set[int], *, progress: Progress | None = None) -> None: ...

        def index_doc(self, letter_id: int) -> IndexDoc: ...

        def reindex(self, *, progress: Progress | None = None, cancel: CancelToken | None = None) -> int: ...

        def resolve_references(self, *, full: bool = False) -> None: ...

        def get_letter(self, ref: LetterRef) -> Letter: ...

        def _letter_id(self, ref: LetterRef) -> int: ...

        def get_theme(self, ref: ThemeRef) -> Theme: ...

        def theme_descendants(self, theme_id: int) -> list[int]: ...

        def _theme_paths(self, themes: Sequence[Theme] | None = None) -> dict[int, str]: ...

        def _theme_names(self, theme_ids: Iterable[int]) -> str: ...

        def _theme_ids(self, theme_ids: Sequence[ThemeRef]) -> list[int]: ...

        def _add_theme_tree(self, items: list[dict[str, Any]], parent_id: int | None) -> None: ...
