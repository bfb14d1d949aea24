"""Dutch text analysis for the search index: one fused, fast analyzer.

Tokenise on word characters (``\\w+(\\.?\\w+)*``: "NAVO-ministers" -> navo, ministers; "o.a." -> o.a;
superscript digits are not word characters: "2024⁵" -> 2024, "(NDPP)¹" -> ndpp),
lowercase, fold accents (whoosh's ``accent_map``: "Oekraïne" == "Oekraine"), drop Dutch stop words
(positions renumbered, as whoosh's StopFilter does, so phrases skip them) and stem with the Dutch
Snowball stemmer ("capaciteitsdoelstellingen" == "capaciteitsdoelstelling").

The stages are fused into one generator instead of whoosh's ``Tokenizer | Filter | ...`` chain: the chain
costs a generator hop and an attribute round-trip per token per stage, and indexing speed is dominated by
this loop. Stems are cached in an unbounded dict (a corpus vocabulary is small). Character offsets are
offsets into the analysed string, untouched by folding, so highlights need no re-analysis.

The class is pickled into the index's schema: keep its module path and name stable, or bump
``SCHEMA_VERSION`` so an old index is reported as outdated and rebuilt.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

from desktop_app.core.superscript import SUPERSCRIPT_DIGITS

# A word character that is not a superscript digit: Python's \w matches "⁵", but a footnote marker
# ("2024⁵", "(NDPP)¹") is not part of the word it is glued to, so superscript digits separate words.
_WORD_CHAR = f"[^\\W{SUPERSCRIPT_DIGITS}]"
WORD = re.compile(rf"{_WORD_CHAR}+(?:\.?{_WORD_CHAR}+)*", re.UNICODE)
STOP_WORDS = frozenset(stopwords_for_language("nl"))
FOLD = dict(accent_map)
_STEM = stemmer_for_language("nl")
_STEM_CACHE: dict[str, str] = {}


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lowercase and strip accents: the form every indexed term starts from."""
    return text.lower().translate(FOLD)


def fold_text(text: str) -> str:
    """:func:`fold` for long texts: ``translate`` with a dict looks up every character, so only the
    runs of non-ASCII characters (the only ones the accent map changes) are translated."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return _NON_ASCII.sub(lambda m: m.group(0).translate(FOLD), lowered)


def stem(word: str) -> str:
    """Dutch Snowball stem of a folded word (cached)."""
    cached = _STEM_CACHE.get(word)
    if cached is None:
        cached = _STEM(word)
        if len(_STEM_CACHE) < 500_000:
            _STEM_CACHE[word] = cached
    return cached


def normalise(word: str) -> str:
    """The indexed form of one word: folded, then stemmed."""
    return stem(fold(word))


class DutchAnalyzer(Tokenizer):  # type: ignore[misc]
    """Tokenizer + lowercase + accent folding + Dutch stop words + Dutch stemming, in one pass."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(  # noqa: PLR0913 - whoosh's analyzer protocol
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        t.boost = 1.0
        t.stopped = False
        if not tokenize:
            # Prefix / wildcard / fuzzy words: fold and stem the whole text, keep "stop words".
            t.original = value
            t.text = stem(fold(value))
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        pos = start_pos
        stops = STOP_WORDS
        cache = _STEM_CACHE
        for match in WORD.finditer(value):
            word = match.group(0)
            folded = word.lower().translate(FOLD)
            stopped = folded in stops
            if stopped and removestops:
                continue
            t.stopped = stopped
            t.text = folded if stopped else (cache.get(folded) or stem(folded))
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            if not stopped:  # like StopFilter(renumber=True): stop words take no position
                pos += 1
            yield t


Occurrences = tuple[list[int], list[int], list[int]]  # positions, startchars, lengths


def collect_terms(value: str) -> dict[str, Occurrences]:
    """Every indexed term of ``value`` with its occurrences, stop words left out: the indexing fast
    path (one loop, no Token objects; gives the same terms, positions and offsets as DutchAnalyzer).

    Folding the whole text at once is only valid when it keeps every offset, i.e. when the folded text
    has the same length (it does unless the text has ligatures such as "ß" or "æ"); else word by word.
    """
    stops = STOP_WORDS
    cache = _STEM_CACHE
    seen: dict[str, Occurrences] = {}
    get = seen.get
    folded_all = value.lower().translate(FOLD)
    whole = len(folded_all) == len(value)
    pos = 0
    for match in WORD.finditer(folded_all if whole else value):
        word = match.group(0) if whole else match.group(0).lower().translate(FOLD)
        if word in stops:
            continue
        term = cache.get(word) or stem(word)
        start, end = match.span()
        lists = get(term)
        if lists is None:
            seen[term] = ([pos], [start], [end - start])
        else:
            lists[0].append(pos)
            lists[1].append(start)
            lists[2].append(end - start)
        pos += 1
    return seen


# Indexing vocabulary: folded word -> term number (-1 for a stop word), and term number -> term.
# Grown under a lock (indexing may run in a worker thread while the GUI analyses a query); read freely.
WORD_SPLIT = re.compile(f"({WORD.pattern})", re.UNICODE)  # WORD as one group: re.split keeps the words
WORD_NUMBERS: dict[str, int] = {}
TERMS: list[str] = []
_TERM_NUMBERS: dict[str, int] = {}
_VOCABULARY_LOCK = threading.Lock()


def word_numbers(words: list[str]) -> list[int]:
    """The term number of every folded word (-1: a stop word), in order."""
    numbers = list(map(WORD_NUMBERS.get, words))
    if None not in numbers:
        return numbers  # type: ignore[return-value]
    with _VOCABULARY_LOCK:
        for i, number in enumerate(numbers):
            if number is None:
                numbers[i] = _word_number(words[i])
    return numbers  # type: ignore[return-value]


def term_numbers(terms: list[str]) -> list[int]:
    """The numbers of indexed terms (given as terms, not words), registering new ones."""
    with _VOCABULARY_LOCK:
        return [_term_number(term) for term in terms]


def _term_number(term: str) -> int:
    number = _TERM_NUMBERS.get(term)
    if number is None:
        number = _TERM_NUMBERS[term] = len(TERMS)
        TERMS.append(term)
    return number


def _word_number(word: str) -> int:
    number = WORD_NUMBERS.get(word)
    if number is not None:
        return number
    if word in STOP_WORDS:
        number = -1
    else:
        number = _term_number(stem(word))
    if len(WORD_NUMBERS) < 500_000:
        WORD_NUMBERS[word] = number
    return number


def analyzer() -> DutchAnalyzer:
    return DutchAnalyzer()


def terms_of(text: str) -> list[str]:
    """The indexed terms of a piece of text, in order (stop words removed)."""
    return [t.text for t in DutchAnalyzer()(text)]
