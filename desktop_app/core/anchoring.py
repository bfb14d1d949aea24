"""Anchoring annotations to a letter's text so they survive a new version of the letter.

A passage is stored W3C-style (TextPositionSelector + TextQuoteSelector, as Hypothesis does): start/end
code-point offsets, the exact quote, ~32 characters of prefix and suffix, and the hash of the letter
text the offsets refer to. :func:`reanchor` finds the passage again in a changed text:

1. same text hash -> the old offsets;
2. the old offsets still hold the quote -> accept;
3. exact occurrences of the quote -> the only one, or the one whose prefix/suffix fit best (then the
   one nearest the old position);
4. the same letters ignoring whitespace, hyphens, punctuation and case (re-wrapped lines, hyphenation
   changes) -> as in 3;
5. fuzzy: candidate windows found through pieces of the quote, scored with difflib's SequenceMatcher
   on that normalised form, plus prefix/suffix similarity and distance from the old position;
   accepted above :data:`FUZZY_THRESHOLD`;
6. nothing good enough -> "orphan": the old offsets and quote are kept so the user can see and
   re-attach it. An annotation is never dropped.

Pure functions: no SQL, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.model import Annotation
from desktop_app.core.superscript import SUPERSCRIPT_DIGITS

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.75  # minimum similarity of the quote (normalised form) for a fuzzy match
MIN_FUZZY_KEY = 8  # quotes shorter than this (in normalised characters) are never matched fuzzily
MAX_CANDIDATES = 40

ANCHORED = "anchored"
ORPHAN = "orphan"


def text_hash(text: str) -> str:
    """Hash of the letter text the offsets refer to. The importer already normalises the text
    (NFC, line ends, cleaning), and offsets are only valid for the identical text, so this hashes
    the stored text exactly."""
    import hashlib  # here, as difflib below: a command that only reads does not load them

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Selector:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    text_hash: str


def select(text: str, start: int, end: int, *, hash_: str | None = None) -> Selector:
    """The selectors for ``text[start:end]`` (the caller checks the span)."""
    return Selector(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        text_hash=hash_ or text_hash(text),
    )


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    status: str  # ANCHORED | ORPHAN
    score: float  # 1.0 exact; fuzzy similarity otherwise; 0.0 for orphans
    method: str  # "hash" | "position" | "exact" | "normalised" | "fuzzy" | "orphan"

    def __iter__(self):  # (start, end, status, score), as the service unpacks it
        return iter((self.start, self.end, self.status, self.score))


def reanchor(old: Annotation, new_text: str, *, new_hash: str | None = None) -> Anchor:
    """Find ``old``'s passage in ``new_text``. See the module docstring for the steps."""
    new_hash = new_hash or text_hash(new_text)
    quote = old.quote
    if old.text_hash and old.text_hash == new_hash and 0 <= old.start < old.end <= len(new_text):
        return Anchor(old.start, old.end, ANCHORED, 1.0, "hash")
    if quote and new_text[old.start : old.end] == quote:
        return Anchor(old.start, old.end, ANCHORED, 1.0, "position")
    if not quote:
        return Anchor(old.start, old.end, ORPHAN, 0.0, "orphan")
    exact = _occurrences(new_text, quote)
    if exact:
        start = _best_by_context(new_text, [(s, s + len(quote)) for s in exact], old)
        return Anchor(start[0], start[1], ANCHORED, 1.0, "exact")
    key_text = Keyed(new_text)
    key_quote = Keyed(quote).key
    if key_quote:
        spans = [key_text.span(s, s + len(key_quote)) for s in _occurrences(key_text.key, key_quote)]
        if spans:
            best = _widen(new_text, *_best_by_context(new_text, spans, old), quote)
            return Anchor(best[0], best[1], ANCHORED, 1.0, "normalised")
    fuzzy = _fuzzy(key_text, key_quote, old, new_text)
    if fuzzy is not None:
        return fuzzy
    return Anchor(old.start, old.end, ORPHAN, 0.0, "orphan")


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place ``quote`` stands in ``text`` (for annotating a passage given by its words):
    exactly, else ignoring white space, hyphens, punctuation and case."""
    quote = quote.strip()
    if not quote:
        return []
    spans = [(s, s + len(quote)) for s in _occurrences(text, quote)]
    if spans:
        return spans
    keyed = Keyed(text)
    key = Keyed(quote).key
    if not key:
        return []
    return [_widen(text, *keyed.span(s, s + len(key)), quote) for s in _occurrences(keyed.key, key)]


# -- normalised form -------------------------------------------------------------------------------


class Keyed:
    """A text reduced to its letters and digits, case-folded, with a map back to the original
    offsets: ``key[i]`` came from ``text[pos[i]]``. Whitespace, hyphens, punctuation and footnote
    markers (superscript digits) vanish, so re-wrapped lines, changed hyphenation and a quote typed
    without its markers ("oktober 2024 geïnformeerd" for "oktober 2024⁵ geïnformeerd") compare equal."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        pos: list[int] = []
        for i, ch in enumerate(text):
            if ch.isalnum() and ch not in SUPERSCRIPT_DIGITS:
                folded = ch.casefold()
                chars.append(folded[0])  # keep one key char per text char ("ß" -> "s")
                pos.append(i)
        self.text = text
        self.key = "".join(chars)
        self.pos = pos

    def span(self, key_start: int, key_end: int) -> tuple[int, int]:
        """The original span covering key characters ``[key_start, key_end)``."""
        return self.pos[key_start], self.pos[key_end - 1] + 1

    def key_index(self, offset: int) -> int:
        """The first key position at or after a text offset."""
        lo, hi = 0, len(self.pos)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.pos[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _widen(text: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """A span found through the normalised form starts and ends with a letter or digit; take in the
    punctuation the quote began or ended with (a closing "." or ")", an opening "(") when the text has
    it there, white space in between allowed (a re-wrapped line may now break before it)."""
    first = next((k for k, ch in enumerate(quote) if ch.isalnum()), None)
    if first is None:
        return start, end
    last = max(k for k, ch in enumerate(quote) if ch.isalnum())
    lead = [ch for ch in quote[:first] if not ch.isspace()]
    trail = [ch for ch in quote[last + 1 :] if not ch.isspace()]
    return _extend(text, start, lead, -1), _extend(text, end, trail, +1)


def _extend(text: str, pos: int, marks: list[str], step: int) -> int:
    """Move from ``pos`` over ``marks`` (in text order), skipping white space, forwards (step 1) or
    backwards (step -1); ``pos`` unchanged unless every mark is there."""

    def char(i: int) -> str:  # the character just past i in the direction of travel
        k = i if step > 0 else i - 1
        return text[k] if 0 <= k < len(text) else ""

    i = pos
    for mark in marks if step > 0 else reversed(marks):
        while char(i).isspace():
            i += step
        if char(i) != mark:
            return pos
        i += step
    return i


def _occurrences(text: str, needle: str, limit: int = 1000) -> list[int]:
    found: list[int] = []
    i = text.find(needle)
    while i >= 0 and len(found) < limit:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


# -- choosing among candidates ---------------------------------------------------------------------


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_score(text: str, start: int, end: int, old: Annotation) -> float:
    """How well the text around a candidate matches the stored prefix and suffix (0..1)."""
    before = Keyed(text[max(0, start - 2 * CONTEXT_CHARS) : start]).key
    after = Keyed(text[end : end + 2 * CONTEXT_CHARS]).key
    want_before = Keyed(old.prefix).key
    want_after = Keyed(old.suffix).key
    score_before = _similarity(before[-len(want_before) :] if want_before else "", want_before)
    score_after = _similarity(after[: len(want_after)], want_after)
    return (score_before + score_after) / 2


def _distance_penalty(start: int, old_start: int, length: int) -> float:
    """0 at the old position, growing slowly to 0.05 far away: only breaks near-ties."""
    return 0.05 * min(1.0, abs(start - old_start) / max(1, length * 20))


def _best_by_context(text: str, spans: list[tuple[int, int]], old: Annotation) -> tuple[int, int]:
    if len(spans) == 1:
        return spans[0]
    return max(
        spans,
        key=lambda s: (
            _context_score(text, s[0], s[1], old) - _distance_penalty(s[0], old.start, len(text)),
            -abs(s[0] - old.start),
        ),
    )


# -- fuzzy -----------------------------------------------------------------------------------------


def _seed_starts(key_text: str, key_quote: str, old_key_start: int) -> list[int]:
    """Where the quote might start in the text: each short piece of the quote found in the text
    proposes a start (its position minus its offset in the quote); plus the old position."""
    length = len(key_quote)
    gram = max(4, min(12, length // 4))
    step = max(1, (length - gram) // 10)
    votes: dict[int, int] = {}
    bucket = max(4, length // 8)
    for offset in range(0, max(1, length - gram + 1), step):
        piece = key_quote[offset : offset + gram]
        hits = _occurrences(key_text, piece, limit=50)
        if len(hits) >= 50:
            continue  # too common to say anything
        for hit in hits:
            start = hit - offset
            votes[start // bucket] = votes.get(start // bucket, 0) + 1
    ranked = sorted(votes, key=lambda b: -votes[b])[:MAX_CANDIDATES]
    starts = [b * bucket for b in ranked]
    starts.append(old_key_start)
    return starts


EXTEND_LIMIT = 200  # quote characters beyond the longest matching block aligned edit by edit


def _refine(
    key: str, key_quote: str, k_start: int, k_end: int, core_b: int, core_a: int, core_size: int
) -> tuple[int, int]:
    """Start and end of a passage found fuzzily. The matching blocks alone can put an edge far off:
    letters of the quote that also occur a little before the passage ("werksessie" in "drie
    werksessies bijeen te roepen. In de nadrukkelijk ...") would move the start there. So the parts
    of the quote before and after its longest matching block are aligned (edit distance, far end
    free) with the text next to that block; an edge the blocks give is cut back to the best-aligned
    one when it reaches further and aligns clearly worse (:func:`_edge`). Parts longer than
    ``EXTEND_LIMIT`` keep the blocks' edge."""
    core_end = core_b + core_size
    before, after = key_quote[:core_a], key_quote[core_a + core_size :]
    if len(before) <= EXTEND_LIMIT:
        region = key[max(0, core_b - len(before) - max(24, len(before))) : core_b]
        k_start = core_b - _edge(before[::-1], region[::-1], core_b - k_start)
    if len(after) <= EXTEND_LIMIT:
        region = key[core_end : core_end + len(after) + max(24, len(after))]
        k_end = core_end + _edge(after, region, k_end - core_end)
    return k_start, max(k_end, k_start + 1)


def _edge(part: str, text: str, proposed: int) -> int:
    """How many characters at the start of ``text`` to take for ``part``: ``proposed`` (where the
    matching blocks end) unless it reaches further than the best length and aligns clearly worse. Alignment cost: edit
    distance where a text character the quote lacks costs half (a replaced word is often longer
    than the old one, and the passage should still take it in whole)."""
    if not part:
        return 0
    previous = [0.5 * j for j in range(len(text) + 1)]  # part[:0] against text[:j]: j extra characters
    for i, ch in enumerate(part, 1):
        current = [float(i)]
        for j, tc in enumerate(text, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 0.5, previous[j - 1] + (ch != tc)))
        previous = current
    n = len(part)
    best = min(range(len(text) + 1), key=lambda j: (previous[j], abs(j - n)))
    if proposed > len(text) or (best < proposed and previous[proposed] > previous[best] + 3):
        return best  # the blocks reach out to letters that belong elsewhere: cut back
    return proposed  # never further than the blocks: the text beyond them did not match


def _fuzzy(key_text: Keyed, key_quote: str, old: Annotation, new_text: str) -> Anchor | None:
    from difflib import SequenceMatcher

    length = len(key_quote)
    if length < MIN_FUZZY_KEY or not key_text.key:
        return None
    slack = max(8, length // 3)
    old_key_start = min(key_text.key_index(old.start), max(0, len(key_text.key) - 1))
    best: tuple[float, float, int, int, int, int, int] | None = None
    # (total, quote score, key start, key end, and the longest matching block: key start, quote offset, size)
    seen: set[tuple[int, int]] = set()
    for seed in _seed_starts(key_text.key, key_quote, old_key_start):
        lo = max(0, seed - slack)
        hi = min(len(key_text.key), seed + length + slack)
        if lo >= hi:
            continue
        window = key_text.key[lo:hi]
        matcher = SequenceMatcher(None, key_quote, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        k_start = lo + blocks[0].b
        k_end = lo + blocks[-1].b + blocks[-1].size
        if (k_start, k_end) in seen:
            continue
        seen.add((k_start, k_end))
        matched = sum(b.size for b in blocks)
        quote_score = 2 * matched / (length + (k_end - k_start))
        if quote_score < FUZZY_THRESHOLD:
            continue
        start, end = key_text.span(k_start, k_end)
        total = (
            0.8 * quote_score
            + 0.2 * _context_score(new_text, start, end, old)
            - _distance_penalty(start, old.start, len(new_text))
        )
        if best is None or total > best[0]:
            core = max(blocks, key=lambda b: b.size)
            best = (total, quote_score, k_start, k_end, lo + core.b, core.a, core.size)
    if best is None:
        return None
    k_start, k_end = _refine(key_text.key, key_quote, *best[2:])
    start, end = _widen(new_text, *key_text.span(k_start, k_end), old.quote)
    return Anchor(start, end, ANCHORED, round(best[1], 3), "fuzzy")
