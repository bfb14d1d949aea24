"""Names and small helpers the services share (no state, no SQL)."""

from __future__ import annotations

LetterRef = int | str  # id, or name (source file name without extension)
ThemeRef = int | str  # id, or name (case-insensitive), or path "Parent/Child"
FILES_DIR = "files"
INDEX_DIR = "index"
INDEX_DIRTY = "index.dirty"  # present while an index update is under way (or failed): rebuild on open


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _fold_accents(text: str) -> str:
    """:func:`_fold` without accents, as search folds words ("Oekraïne" == "oekraine")."""
    from desktop_app.core.search.analysis import fold

    return fold(_fold(text))


def _id_number(text: str) -> int | None:
    """The id in "#3" or "3"; None for anything else, including "003" and "0" (a name's prefix)."""
    digits = text[1:].strip() if text.startswith("#") else text
    if not digits.isdigit() or not digits.isascii():
        return None
    if digits.startswith("0") and not text.startswith("#"):
        return None
    return int(digits)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

