"""Passages by theme across letters (QualCoder's "coded text by code"): the rows of the GUI's
Passages view, and the themes x letters counts beside it. Qt-free; reads through the Library.

Rules:
1. A theme stands for itself and its sub-themes (as in the export); a passage tagged with two of the
   chosen themes is one row.
2. Each row carries what a reader needs to place the passage: the letter's date, display title,
   chamber, Kamerstuk id and the page the passage starts on, the note, and every theme it has.
3. Rows come in date order (undated last), then letter, then position in the letter; orphaned
   passages (no place in the current text) are kept, with no page.
4. The matrix counts passages per (theme, letter), a theme's own count including its sub-themes'.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.core import anchoring
from desktop_app.core.store import annotations_repo, letters_repo


@dataclass(frozen=True)
class PassageRow:
    annotation_id: int
    letter_id: int
    letter_name: str
    letter_title: str
    date: str | None
    chamber: str | None
    kamerstuk: str | None
    page: int | None
    start: int
    end: int
    quote: str
    note: str
    theme_ids: tuple[int, ...]
    orphan: bool = False

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None


def _page(starts: Sequence[int], offset: int) -> int | None:
    return bisect_right(starts, offset) or 1 if starts else None


def expand_themes(library: Any, theme_ids: Iterable[int]) -> list[int]:
    """The themes and all their sub-themes, each once, in the order given."""
    seen: dict[int, None] = {}
    for theme_id in theme_ids:
        for tid in library.theme_descendants(theme_id):
            seen.setdefault(tid, None)
    return list(seen)


def passages(library: Any, theme_ids: Iterable[int]) -> list[PassageRow]:
    """Every passage tagged with one of ``theme_ids`` or their sub-themes (see the module's rules)."""
    ids = expand_themes(library, theme_ids)
    annotations = annotations_repo.for_themes(library.db, ids)
    if not annotations:
        return []
    used = sorted({a.letter_id for a in annotations})
    letters = {s.id: s for s in library.letter_summaries(used)}  # those letters only, not the whole list
    starts = letters_repo.page_starts(library.db, used)
    rows = []
    for a in annotations:
        letter = letters[a.letter_id]
        orphan = a.status == anchoring.ORPHAN
        rows.append(
            PassageRow(
                annotation_id=a.id,
                letter_id=a.letter_id,
                letter_name=letter.name,
                letter_title=letter.title,
                date=letter.date,
                chamber=letter.chamber,
                kamerstuk=letter.kamerstuk,
                page=None if orphan else _page(starts.get(a.letter_id, ()), a.start),
                start=a.start,
                end=a.end,
                quote=a.quote,
                note=a.note,
                theme_ids=a.theme_ids,
                orphan=orphan,
            )
        )
    rows.sort(key=lambda r: (r.date is None, r.date or "", r.letter_name, r.start, r.annotation_id))
    return rows


def theme_letter_matrix(library: Any) -> dict[tuple[int, int], int]:
    """(theme id, letter id) -> passages, each theme counting its sub-themes' passages too (a passage
    tagged with a theme and its sub-theme counts once)."""
    own = annotations_repo.theme_letter_counts(library.db)
    themes = library.list_themes()
    if not own:
        return {}
    tagged: dict[tuple[int, int], set[int]] = {}
    for theme in themes:
        family = library.theme_descendants(theme.id)
        if len(family) == 1:
            continue
        for a in annotations_repo.for_themes(library.db, family):
            tagged.setdefault((theme.id, a.letter_id), set()).add(a.id)
    counts = dict(own)
    for key, annotation_ids in tagged.items():
        counts[key] = len(annotation_ids)
    return counts
