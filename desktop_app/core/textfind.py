"""Find a phrase in a letter as a reader expects: case, accents and runs of white space do not count.

``find_all(text, query)`` gives the ``(start, end)`` spans of ``text`` (code-point offsets) that match
``query``. Both are folded the same way, character by character, keeping a map from each folded
character back to the character it came from:

1. NFKD, then combining marks dropped ("ë" -> "e", "ﬁ" -> "fi"), then ``casefold`` ("ß" -> "ss");
2. every run of white space (spaces, line breaks, paragraph separators) is one space;
3. matches do not overlap and are found left to right; an empty query finds nothing.

A span always covers whole characters of ``text``: the start of the first folded character of the
match to the end of the last one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset in ``text`` it came from."""
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                origin.append(i)
            in_space = True
            continue
        in_space = False
        for c in _fold_char(ch):
            out.append(c)
            origin.append(i)
    return "".join(out), origin


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of ``text`` matching ``query`` (see the module's rules)."""
    needle, _ = fold(query.strip())
    if not needle:
        return []
    haystack, origin = fold(text)
    spans: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at >= 0:
        last = at + len(needle) - 1
        spans.append((origin[at], origin[last] + 1))
        at = haystack.find(needle, at + len(needle))
    return spans
