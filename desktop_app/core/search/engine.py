"""Query evaluation over Whoosh's posting lists, a block at a time.

Whoosh's matchers walk posting lists one document at a time through a tree of Python objects
(~10 µs per matching document and field); a word found in every letter of a 10,000-letter library
costs ~150 ms that way, and counting the total runs the query a second time. Here each posting list is
read whole, block by block (ids and weights are two ``array.frombytes`` calls per 128 postings in the
layout :class:`~desktop_app.core.search.formats.FastPostingsWriter` writes; payloads stay compressed
until a phrase or a highlight needs them), scored with BM25F in one list comprehension, and combined
with dict/set operations: the per-document work left in Python is a few arithmetic operations.

Supported: Term, Or, And, Not, AndNot, Phrase, Prefix, Wildcard, FuzzyTerm, NullQuery (what our parser
produces). Anything else raises :class:`Unsupported` and the caller falls back to Whoosh's searcher.
Scores follow Whoosh's BM25F (same idf, B=0.75, K1=1.2, field boosts from the query), so rankings match
Whoosh's closely but not bit for bit.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from math import log
from operator import itemgetter
from typing import Any

from whoosh import query
from whoosh.codec.base import Automata
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.searching import Searcher
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length

from desktop_app.core.search.formats import FastLeafMatcher, block_payloads

B = 0.75
K1 = 1.2
_LENGTH_OF_BYTE = [byte_to_length(i) for i in range(256)]

Scores = dict[int, float]


class Unsupported(Exception):
    """A query node this engine does not evaluate; use Whoosh's own searcher."""


@dataclass
class Postings:
    """One term's postings in one field, global document numbers, deleted documents left out.

    Payloads (positions and offsets) stay in their blocks, compressed, until :meth:`value` asks."""

    ids: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    # (index of the block's first posting in ids, raw block, count, compression, kept rows or None)
    blocks: list[tuple[int, bytes | None, int, int, list[int] | None]] = field(default_factory=list)
    eager: list[bytes] = field(default_factory=list)  # payloads of postings not read block-wise
    _starts: list[int] = field(default_factory=list)
    _decoded: dict[int, tuple[bytes, list[int]]] = field(default_factory=dict)
    _codes: dict[int, tuple[array[int], list[int]]] = field(default_factory=dict)

    def positions_at(self, i: int) -> list[int]:
        """Token positions of posting ``i`` (a FastCharacters payload), decoded from one array per
        block instead of one bytes slice and one array per posting (phrases check thousands)."""
        if not self._starts:
            self._starts = [b[0] for b in self.blocks]
        j = bisect_right(self._starts, i) - 1
        start, raw, count, compression, kept = self.blocks[j]
        if raw is None:
            return positions(self.eager[count + i - start])
        decoded = self._codes.get(j)
        if decoded is None:
            payloads, ends = block_payloads(raw, count, compression)
            codes = array("I")
            codes.frombytes(payloads)  # every payload is 4 + 12n bytes, so all stay 4-aligned
            decoded = self._codes[j] = (codes, ends)
        codes, ends = decoded
        row = i - start
        if kept is not None:
            row = kept[row]
        first = ends[row] // 4 + 1  # skip the count
        n = (ends[row + 1] // 4 - first) // 3
        return list(accumulate(codes[first : first + n]))

    def value(self, i: int) -> bytes:
        if not self._starts:
            self._starts = [b[0] for b in self.blocks]
        j = bisect_right(self._starts, i) - 1
        start, raw, count, compression, kept = self.blocks[j]
        if raw is None:  # eager rows: count is the offset into self.eager
            return self.eager[count + i - start]
        decoded = self._decoded.get(j)
        if decoded is None:
            decoded = self._decoded[j] = block_payloads(raw, count, compression)
        payloads, ends = decoded
        row = i - start
        if kept is not None:
            row = kept[row]
        return payloads[ends[row] : ends[row + 1]]


class Engine:
    """Evaluates queries against one open Whoosh searcher (make a new one when the searcher changes)."""

    def __init__(self, searcher: Searcher, segment_cache: dict[tuple[str, str], Any] | None = None) -> None:
        self.searcher = searcher
        self.schema = searcher.schema
        # An empty index has one EmptyReader leaf, with no segment and nothing to read.
        self.leaves = [
            (sub.reader(), offset)
            for sub, offset in searcher.leaf_searchers()
            if sub.reader().segment() is not None
        ]
        self.doc_count_all = searcher.doc_count_all()
        # Per-segment arrays (field lengths, dates) survive an edit, which only adds a small segment:
        # keyed by (segment id, what), shared between the engines of successive searchers.
        self._segments = segment_cache if segment_cache is not None else {}
        self._norms: dict[str, list[float]] = {}
        self._live: set[int] | None = None
        self._dates: list[str] | None = None
        # Postings read by the last run(), kept for highlighting its top hits without a second read.
        self.read: dict[tuple[str, bytes], Postings] = {}
        self._expanded: dict[tuple[Any, ...], list[bytes]] = {}

    # -- public -------------------------------------------------------------------------------
    def run(
        self, q: query.Query, flt: query.Query | None, limit: int, by_date: bool
    ) -> tuple[int, list[tuple[float, int]]]:
        """(total matching, top ``limit`` as (score, docnum)), best first or newest first."""
        self.read = {}
        self._expanded = {}
        scores = self.scores(q)
        if flt is not None:
            allowed = self.docs(flt)
            scores = {d: s for d, s in scores.items() if d in allowed}
        total = len(scores)
        if by_date:
            dates = self.dates()
            top = heapq.nlargest(limit, scores.items(), key=lambda item: (dates[item[0]], item[1]))
        else:
            top = heapq.nlargest(limit, scores.items(), key=itemgetter(1))
        return total, [(score, docnum) for docnum, score in top]

    def scores(self, q: query.Query) -> Scores:
        """Matching documents with their scores."""
        if isinstance(q, query.Term) and not isinstance(q, query.MultiTerm):
            return self._term_scores(q.fieldname, q.text, q.boost)
        if isinstance(q, query.Or):
            return _sum_scores([self.scores(sub) for sub in q.subqueries])
        if isinstance(q, query.And):
            return self._and_scores(q.subqueries)
        if isinstance(q, query.AndNot):
            excluded = self.docs(q.b)
            return {d: s for d, s in self.scores(q.a).items() if d not in excluded}
        if isinstance(q, query.Not):
            excluded = self.docs(q.query)
            return dict.fromkeys((d for d in self.live() if d not in excluded), 0.0)
        if isinstance(q, query.Phrase):
            return self._phrase_scores(q)
        if isinstance(q, (query.Prefix, query.Wildcard, query.FuzzyTerm)):
            return _sum_scores(
                [self._term_scores(q.fieldname, btext, q.boost) for btext in self.expand(q)]
            )
        if isinstance(q, type(query.NullQuery)):
            return {}
        raise Unsupported(type(q).__name__)

    def docs(self, q: query.Query) -> set[int]:
        """Matching documents, unscored (filters, NOT)."""
        if isinstance(q, query.Term) and not isinstance(q, query.MultiTerm):
            return set(self._postings(q.fieldname, q.text).ids)
        if isinstance(q, query.Or):
            return set().union(*(self.docs(sub) for sub in q.subqueries))
        if isinstance(q, query.And) and not any(isinstance(s, query.Not) for s in q.subqueries):
            found = [self.docs(sub) for sub in q.subqueries]
            return set.intersection(*found) if found else set()
        return set(self.scores(q))

    def expand(self, q: query.MultiTerm) -> list[bytes]:
        """The indexed terms a prefix / wildcard / fuzzy word stands for, sorted.

        Prefix and fuzzy words are expanded over each segment's term list, held in memory (Whoosh's
        own expansion seeks in the on-disk term table for every step, and builds the Levenshtein
        automaton again for every segment)."""
        key = (type(q).__name__, q.fieldname, q.text, getattr(q, "maxdist", 0), getattr(q, "prefixlength", 0))
        found = self._expanded.get(key)
        if found is not None:
            return found
        if isinstance(q, query.Prefix):
            terms: set[str] = set()
            for reader, _ in self.leaves:
                lexicon = self._lexicon(reader, q.fieldname)
                i = bisect_left(lexicon, q.text)
                while i < len(lexicon) and lexicon[i].startswith(q.text):
                    terms.add(lexicon[i])
                    i += 1
        elif isinstance(q, query.FuzzyTerm):
            dfa = _levenshtein_dfa(q.text, q.maxdist, q.prefixlength)
            terms = set()
            for reader, _ in self.leaves:
                terms.update(Automata.find_matches(dfa, _ListCursor(self._lexicon(reader, q.fieldname))))
        else:
            return sorted(set(q._btexts(self.searcher.reader())))
        found = self._expanded[key] = sorted(t.encode("utf-8") for t in terms)
        return found

    def _lexicon(self, reader: Any, fieldname: str) -> list[str]:
        return self._per_segment(reader, f"lexicon:{fieldname}", lambda r: _segment_lexicon(r, fieldname))

    def live(self) -> set[int]:
        if self._live is None:
            live: set[int] = set()
            for reader, offset in self.leaves:
                deleted = reader.deleted_docs_set
                live.update(offset + d for d in range(reader.doc_count_all()) if d not in deleted)
            self._live = live
        return self._live

    def dates(self) -> list[str]:
        """The sortable "date" column for every document ("" when unknown)."""
        if self._dates is None:
            dates: list[str] = []
            for reader, _ in self.leaves:
                dates += self._per_segment(reader, "date", _segment_dates)
            self._dates = dates
        return self._dates

    def _per_segment(self, reader: Any, what: str, load: Any) -> Any:
        key = (reader.segment().segment_id(), what)
        found = self._segments.get(key)
        if found is None:
            found = self._segments[key] = load(reader)
        return found

    # -- terms ----------------------------------------------------------------------------------
    def _postings(self, fieldname: str, text: str | bytes) -> Postings:
        field = self.schema[fieldname]
        btext = text if isinstance(text, bytes) else field.to_bytes(text)
        key = (fieldname, btext)
        found = self.read.get(key)
        if found is None:
            found = Postings()
            for reader, offset in self.leaves:
                if key not in reader:
                    continue
                matcher = reader._terms.matcher(fieldname, btext, self.schema[fieldname].format)
                _read_all(matcher, offset, reader.deleted_docs_set, found)
            self.read[key] = found
        return found

    def payloads(self, fieldname: str, btext: bytes, docnums: list[int]) -> dict[int, bytes] | None:
        """Payloads of a term read by the last run() for the given documents (None: not read)."""
        postings = self.read.get((fieldname, btext))
        if postings is None:
            return None
        found = {}
        ids = postings.ids
        for docnum in docnums:
            i = bisect_left(ids, docnum)
            if i < len(ids) and ids[i] == docnum:
                found[docnum] = postings.value(i)
        return found

    def _norm(self, fieldname: str) -> list[float]:
        """Per document: K1 * ((1 - B) + B * length / average length), BM25's length term."""
        norm = self._norms.get(fieldname)
        if norm is None:
            avg = self.searcher.avg_field_length(fieldname) or 1.0
            lengths: list[int] = []
            for reader, _ in self.leaves:
                lengths += self._per_segment(reader, f"len:{fieldname}", lambda r: _segment_lengths(r, fieldname))
            a, b = K1 * (1 - B), K1 * B / avg
            norm = [a + b * n for n in lengths]
            self._norms[fieldname] = norm
        return norm

    def _idf(self, doc_frequency: int) -> float:
        return log(self.doc_count_all / (doc_frequency + 1)) + 1

    def _term_scores(self, fieldname: str, text: str | bytes, boost: float) -> Scores:
        postings = self._postings(fieldname, text)
        return self._bm25(fieldname, postings.ids, postings.weights, boost)

    def _bm25(self, fieldname: str, ids: list[int], tfs: Iterable[float], boost: float) -> Scores:
        if not ids:
            return {}
        norm = self._norm(fieldname)
        factor = self._idf(len(ids)) * (K1 + 1) * boost
        return dict(zip(ids, [factor * tf / (tf + norm[d]) for d, tf in zip(ids, tfs)]))

    # -- compounds ----------------------------------------------------------------------------
    def _and_scores(self, subqueries: list[query.Query]) -> Scores:
        positive = [s for s in subqueries if not isinstance(s, query.Not)]
        negative = [s.query for s in subqueries if isinstance(s, query.Not)]
        if not positive:
            parts = [self.scores(s) for s in subqueries]
            common = set.intersection(*(set(p) for p in parts))
            return dict.fromkeys(common, 0.0)
        parts = sorted((self.scores(s) for s in positive), key=len)
        common = set(parts[0])
        for part in parts[1:]:
            common.intersection_update(part)
        for sub in negative:
            common -= self.docs(sub)
        return {d: sum(p[d] for p in parts) for d in common}

    def _phrase_scores(self, q: query.Phrase) -> Scores:
        words = [self._postings(q.fieldname, w) for w in q.words]
        if not words or any(not w.ids for w in words):
            return {}
        if len(words) == 1:
            return self._bm25(q.fieldname, words[0].ids, words[0].weights, q.boost)
        rows = [dict(zip(w.ids, range(len(w.ids)))) for w in words]
        candidates = set(rows[0])
        for r in rows[1:]:
            candidates.intersection_update(r)
        found: dict[int, int] = {}
        slop = max(1, q.slop)
        if slop > 1:
            for docnum in candidates:
                count = _phrase_count([positions(w.value(r[docnum])) for w, r in zip(words, rows)], slop)
                if count:
                    found[docnum] = count
        else:
            # Where the phrase could start = positions of word i minus i, intersected over the words;
            # the rarest word first, stopping at the first word that leaves nothing.
            order = sorted(range(len(words)), key=lambda i: len(words[i].ids))
            getters = [(i, words[i].positions_at, rows[i]) for i in order]
            for docnum in candidates:
                starts: set[int] | None = None
                for i, positions_at, row in getters:
                    found_at = positions_at(row[docnum])
                    shifted = found_at if i == 0 else [p - i for p in found_at]
                    if starts is None:
                        starts = set(shifted)
                    else:
                        starts.intersection_update(shifted)
                    if not starts:
                        break
                if starts:
                    found[docnum] = len(starts)
        ids = sorted(found)
        return self._bm25(q.fieldname, ids, [float(found[d]) for d in ids], q.boost * len(words))


@lru_cache(maxsize=64)
def _levenshtein_dfa(text: str, maxdist: int, prefix: int) -> Any:
    return Automata.levenshtein_dfa(text, maxdist, prefix)


def _segment_lexicon(reader: Any, fieldname: str) -> list[str]:
    if fieldname not in reader.indexed_field_names():
        return []
    return sorted(b.decode("utf-8") for b in reader.lexicon(fieldname))


class _ListCursor:
    """The part of Whoosh's term cursor that Automata.find_matches uses, over a sorted list."""

    def __init__(self, terms: list[str]) -> None:
        self._terms = terms
        self._i = 0

    def text(self) -> str | None:
        return self._terms[self._i] if self._i < len(self._terms) else None

    def find(self, term: str) -> None:
        self._i = bisect_left(self._terms, term, lo=self._i)

    def next(self) -> None:
        self._i += 1


def _segment_lengths(reader: Any, fieldname: str) -> list[int]:
    """Token count of ``fieldname`` in every document of one segment (as Whoosh stores it, one byte)."""
    count = reader.doc_count_all()
    column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    if column is None:
        return [0] * count
    raw = column.load()
    lengths = [_LENGTH_OF_BYTE[b] for b in raw]
    return lengths + [0] * (count - len(lengths))


def _segment_dates(reader: Any) -> list[str]:
    count = reader.doc_count_all()
    if not reader.has_column("date"):
        return [""] * count
    column = reader.column_reader("date")
    values = [column[d] for d in range(count)]
    return [v.decode("utf-8") if isinstance(v, bytes) else (v or "") for v in values]


def _read_all(matcher: Any, offset: int, deleted: frozenset[int], out: Postings) -> None:
    """Append a posting list with global docnums: block by block for our codec's blocks (payloads
    left compressed), one posting at a time otherwise."""
    ids, weights = out.ids, out.weights
    deleted_sorted = sorted(deleted) if deleted else []
    if isinstance(matcher, FastLeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            block_ids, block_weights = matcher._ids, matcher._weights
            raw, count, compression = matcher.block_payloads()
            kept = None
            if deleted and _any_between(deleted_sorted, block_ids[0], block_ids[-1]):
                kept = [i for i, d in enumerate(block_ids) if d not in deleted]
                block_ids = [block_ids[i] for i in kept]
                block_weights = [block_weights[i] for i in kept]
            out.blocks.append((len(ids), raw, count, compression, kept))
            ids.extend([d + offset for d in block_ids] if offset else block_ids)
            weights.extend(block_weights)
            matcher._next_block()
        return
    out.blocks.append((len(ids), None, len(out.eager), 0, None))
    while matcher.is_active():
        docnum = matcher.id()
        if docnum not in deleted:
            ids.append(docnum + offset)
            weights.append(matcher.weight())
            out.eager.append(matcher.value())
        matcher.next()


def _any_between(ordered: list[int], low: int, high: int) -> bool:
    i = bisect_left(ordered, low)
    return i < len(ordered) and ordered[i] <= high


def positions(value: bytes) -> list[int]:
    """Token positions from a :class:`FastCharacters` payload."""
    codes = array("I")
    codes.frombytes(value[_INT_SIZE:])
    return list(accumulate(codes[: len(codes) // 3]))


def _phrase_count(word_positions: list[list[int]], slop: int) -> int:
    """How many times the words stand in order, each within ``slop`` positions of the previous."""
    if slop == 1:
        starts = set(word_positions[0])
        for i, later in enumerate(word_positions[1:], start=1):
            starts.intersection_update(p - i for p in later)
            if not starts:
                return 0
        return len(starts)
    count = 0
    for start in word_positions[0]:
        current = start
        for later in word_positions[1:]:
            nxt = next((p for p in later if current < p <= current + slop), None)
            if nxt is None:
                break
            current = nxt
        else:
            count += 1
    return count


def _sum_scores(parts: list[Scores]) -> Scores:
    parts = [p for p in parts if p]
    if not parts:
        return {}
    parts.sort(key=len, reverse=True)
    total = dict(parts[0])
    get = total.get
    for part in parts[1:]:
        for d, s in part.items():
            total[d] = get(d, 0.0) + s
    return total
