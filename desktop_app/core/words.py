"""Counted words in messages, for the CLI and the GUI alike."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 letter", "2 letters", "0 letters"; ``words`` for an irregular plural ("1 match", "2 matches")."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
