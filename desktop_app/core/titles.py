"""The title a letter is shown by: its subject, else a title derived from its text.

Metadata is never guessed: ``subject`` stays ``None`` for a letter without a "Betreft" line (seeds
000 and 002). But a person needs something better than "000_eba5de336aff673f" to tell letters apart,
so wherever a letter is named to a person (letter list, reader, ``kamerlezer list``, exports) it is
named by :func:`display_title`:

1. the subject, when the letter has one;
2. else its first heading of two words or more ("Vraag 1" or "Inleiding" name no letter), when that
   starts within the first ``EARLY_HEADING`` characters (seed 002: "NATO New Force Model");
3. else its first sentence (after any headings it opens with), shortened at a word boundary to at most ``TITLE_LIMIT`` characters with
   "…" (seed 000: "Het kabinet informeert uw Kamer regelmatig over de stappen in het vierjaarlijkse…").

Footnote markers (superscript digits) are left out of a derived title. ``derived`` tells a caller the
title was not in the letter's metadata (the GUI shows such titles in italics). Only the first
``SOURCE_CHARS`` characters of the text are looked at, so a caller may pass just those.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.superscript import SUPERSCRIPT_DIGITS

TITLE_LIMIT = 90
EARLY_HEADING = 1000
SOURCE_CHARS = EARLY_HEADING + 200  # a heading that starts early is at most ~90 characters long

# a sentence ends at . ! ? (closing quotes/brackets may follow) before a capital, or at a paragraph end
_SENTENCE_END = re.compile(r"[.!?][)\]\"'’”»]*(?=\s+[A-Z“\"‘'(À-Þ]|\s*$)|(?=\n\n)")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_MARKERS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")  # a regex is much faster than str.translate here


@dataclass(frozen=True)
class DisplayTitle:
    text: str
    derived: bool  # True when not the letter's own subject


def display_title(
    subject: str | None, text: str, headings: Sequence[tuple[int, int]], fallback: str
) -> DisplayTitle:
    """The title to show for a letter (see the module docstring); ``fallback`` (the file name) when
    the letter has neither subject nor text."""
    own = subject_title(subject)
    if own is not None:
        return DisplayTitle(own, False)
    text = text[:SOURCE_CHARS]
    for start, end in headings:
        if start >= EARLY_HEADING or end > len(text):
            break
        heading = _clean(text[start:end])
        if len(_WORDS.findall(heading)) >= 2:  # not "Vraag 1", "Inleiding"
            return DisplayTitle(shorten(heading), True)
    body = 0  # headings at the very start ("Inleiding") are not the first sentence
    for start, end in headings:
        if start > body:
            break
        body = max(body, end)
    window = 2 * TITLE_LIMIT  # a longer sentence is cut anyway: no need to look further for its end
    sentence = first_sentence(text[body : body + window]) or first_sentence(text[:window])
    return DisplayTitle(shorten(sentence), True) if sentence else DisplayTitle(fallback, True)


def subject_title(subject: str | None) -> str | None:
    """The title a letter's subject gives it (its whitespace made single); None when it has none
    (then :func:`display_title` derives one from the text)."""
    return " ".join(subject.split()) if subject and subject.strip() else None


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, markers left out and whitespace made single."""
    stripped = _MARKERS.sub("", text).lstrip()
    match = _SENTENCE_END.search(stripped)
    return _clean(stripped[: match.end()] if match else stripped)


def shorten(title: str, limit: int = TITLE_LIMIT) -> str:
    """``title`` when it fits in ``limit`` characters, else cut at the last word boundary before the
    limit, trailing punctuation dropped, with "…" added (the result, "…" included, fits in ``limit``)."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—(/") + "…"


def _clean(text: str) -> str:
    return " ".join(_MARKERS.sub("", text).split())


SHARED_PREFIX_WORDS = 4  # titles sharing this many first words are told apart by what follows
KEPT_WORDS = 2  # words of the shared start that stay in front of the ellipsis


_WORD = re.compile(r"[^\s\-–]+")  # hyphens separate words too: "NAVO-ministers" = "NAVO ministers"
# the first SHARED_PREFIX_WORDS words of a title (no match: it has fewer), as _WORD finds them
_FIRST_WORDS = re.compile(r"[\s\-–]*" + r"[\s\-–]+".join([f"({_WORD.pattern})"] * SHARED_PREFIX_WORDS))


def _shared_words(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def distinguishing_titles(titles: Sequence[str]) -> list[str]:
    """Titles as a narrow list should show them: when several titles start with the same words
    ("Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie op …"), the part they share is
    cut to its first words and an ellipsis, so what tells them apart (the date, the place) shows:
    "Geannoteerde agenda … op 17 en 18 oktober 2024 in Brussel". Words are compared without case,
    a hyphen counts as a space. A title that shares fewer than SHARED_PREFIX_WORDS words with every
    other one, or that would lose everything, stays as it is. Neighbours in sorted order share the
    longest starts, so this costs one sort."""
    # Only titles that share their first SHARED_PREFIX_WORDS words with another can change: those are
    # found from the first words alone, by one match a title (100,000 titles: 0.9 s for all their
    # words, 0.45 s for the first words one by one, a third of that for this)
    starts: dict[str, list[int]] = {}
    for i, title in enumerate(titles):
        first = _FIRST_WORDS.match(title)
        if first is not None:  # the words joined by a space (no word holds one, nor does casefold make one)
            starts.setdefault(" ".join(first.groups()).casefold(), []).append(i)
    alike = sorted(i for group in starts.values() if len(group) > 1 for i in group)
    spans = {i: [m.span() for m in _WORD.finditer(titles[i])] for i in alike}
    words = {i: [titles[i][a:b].casefold() for a, b in spans[i]] for i in alike}
    order = sorted(alike, key=lambda i: words[i])
    shared = dict.fromkeys(alike, 0)
    for left, right in zip(order, order[1:]):
        n = _shared_words(words[left], words[right])
        shared[left] = max(shared[left], n)
        shared[right] = max(shared[right], n)
    out = list(titles)
    for i in alike:
        sp, n = spans[i], shared[i]
        if SHARED_PREFIX_WORDS <= n < len(sp):
            out[i] = f"{titles[i][: sp[KEPT_WORDS - 1][1]]} … {titles[i][sp[n][0]:]}"
    return out
