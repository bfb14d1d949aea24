"""Query evaluation over Whoosh's posting lists, whole lists at a time, as numpy arrays.

Whoosh's matchers walk posting lists one document at a time through a tree of Python objects
(~10 µs per matching document and field); a word found in every letter of a 10,000-letter library
costs ~150 ms that way, and counting the total runs the query a second time. Here each posting list is
read whole: a block written by :class:`~desktop_app.core.search.formats.FastPostingsWriter` holds its
ids and weights as raw arrays, which ``np.frombuffer`` views without a copy; payloads (positions and
offsets) stay compressed until a phrase or a highlight needs them. A query's result is a pair of
arrays (document numbers, ascending; scores), so BM25F is array arithmetic, AND is an intersection of
sorted arrays, OR a ``bincount`` over the union, NOT a membership mask, a phrase an intersection of
(document, start position) keys, and the top N an ``argpartition``: no per-document Python work.

Supported: Term, Or, And, Not, AndNot, Phrase, Prefix, Wildcard, FuzzyTerm, NullQuery (what our parser
produces). Anything else raises :class:`Unsupported` and the caller falls back to Whoosh's searcher.
Scores follow Whoosh's BM25F (same idf, B=0.75, K1=1.2, field boosts from the query), so rankings match
Whoosh's closely but not bit for bit. Ties are broken by document number (lower first), as Whoosh does.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from math import log
from typing import Any

import numpy as np
from whoosh import query
from whoosh.codec.base import Automata
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from desktop_app.core.search.formats import (
    FastCharacters,
    FastLeafMatcher,
    block_deltas,
    block_payloads,
    gather_index,
)

B = 0.75
K1 = 1.2
_LENGTH_OF_BYTE = np.array([byte_to_length(i) for i in range(256)], dtype=np.float64)
_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)


class Unsupported(Exception):
    """A query node this engine does not evaluate; use Whoosh's own searcher."""


@dataclass
class Hits:
    """Matching documents (global numbers, ascending, unique) and their scores."""

    ids: np.ndarray = field(default_factory=lambda: _EMPTY_IDS)
    scores: np.ndarray = field(default_factory=lambda: _EMPTY_SCORES)

    def __len__(self) -> int:
        return len(self.ids)

    def as_dict(self) -> dict[int, float]:
        return dict(zip(self.ids.tolist(), self.scores.tolist()))

    def only(self, docs: np.ndarray, keep: bool = True) -> Hits:
        """The hits whose documents are (``keep``) or are not in the sorted array ``docs``."""
        mask = _member(self.ids, docs)
        if not keep:
            mask = ~mask
        return Hits(self.ids[mask], self.scores[mask])


@dataclass
class Postings:
    """One term's postings in one field, global document numbers, deleted documents left out.

    Payloads (positions and offsets) stay in their blocks, compressed, until asked for."""

    ids: np.ndarray = field(default_factory=lambda: _EMPTY_IDS)
    weights: np.ndarray = field(default_factory=lambda: _EMPTY_SCORES)
    # (index of the block's first posting in ids, raw block, count, compression, kept rows or None)
    blocks: list[tuple[int, bytes | None, int, int, np.ndarray | None]] = field(default_factory=list)
    eager: list[bytes] = field(default_factory=list)  # payloads of postings not read block-wise
    _starts: list[int] = field(default_factory=list)
    _decoded: dict[int, tuple[bytes, list[int]]] = field(default_factory=dict)
    _deltas: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def value(self, i: int) -> bytes:
        """The payload of posting ``i``."""
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
            row = int(kept[row])
        return payloads[ends[row] : ends[row + 1]]

    def position_keys(self, rows: np.ndarray, shift: int) -> np.ndarray:
        """For the postings ``rows`` (ascending): ``document << 32 | (position + shift)`` of every
        occurrence, ascending, from the blocks' uncompressed position deltas."""
        deltas, firsts, counts = self._position_deltas()
        firsts, counts = firsts[rows], counts[rows]
        if not len(counts) or not counts.any():
            return _EMPTY_IDS
        before = np.zeros(len(counts), dtype=np.int64)
        np.cumsum(counts[:-1], out=before[1:])
        running = np.cumsum(deltas[gather_index(firsts, counts)], dtype=np.int64)
        start = np.concatenate(([0], running))[before]  # running sum before each posting
        pos = running - np.repeat(start, counts)
        return (np.repeat(self.ids[rows], counts) << 32) | (pos + shift)

    def _position_deltas(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(position deltas of every posting, concatenated; index of each posting's first one; its
        number of occurrences)."""
        if self._deltas is not None:
            return self._deltas
        chunks: list[np.ndarray] = []
        firsts: list[np.ndarray] = []
        sizes: list[np.ndarray] = []
        base = 0  # deltas in chunks so far
        for j, (start, raw, count, _, kept) in enumerate(self.blocks):
            if raw is None:  # eager rows (Whoosh's inlined postings): decode each payload
                end = self.blocks[j + 1][0] if j + 1 < len(self.blocks) else len(self.ids)
                codes = [np.frombuffer(v, dtype=np.uint32)[1:] for v in self.eager[count : count + end - start]]
                counts = np.array([len(c) // 3 for c in codes], dtype=np.int64)
                deltas = np.concatenate([c[: len(c) // 3] for c in codes]) if codes else _EMPTY_IDS
            else:
                counts, deltas, _ = block_deltas(raw, count)
                counts = counts.astype(np.int64)
            offsets = np.zeros(len(counts), dtype=np.int64)
            np.cumsum(counts[:-1], out=offsets[1:])
            if kept is not None:
                offsets, counts = offsets[kept], counts[kept]
            chunks.append(deltas.astype(np.uint32))
            firsts.append(base + offsets)
            sizes.append(counts)
            base += len(deltas)
        self._deltas = (
            np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.uint32),
            np.concatenate(firsts) if firsts else _EMPTY_IDS,
            np.concatenate(sizes) if sizes else _EMPTY_IDS,
        )
        return self._deltas


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
        # Per-segment arrays (field lengths, dates, live documents) survive an edit, which only adds a
        # small segment: keyed by (segment id, what), shared between the engines of successive searchers.
        self._segments = segment_cache if segment_cache is not None else {}
        self._norms: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None
        self._deleted_docs: dict[int, list[int]] = {}
        self._date_rank: np.ndarray | None = None
        # Postings read by the last run(), kept for highlighting its top hits without a second read.
        self.read: dict[tuple[str, bytes], Postings] = {}
        self._expanded: dict[tuple[Any, ...], list[bytes]] = {}

    # -- public -------------------------------------------------------------------------------
    def run(
        self, q: query.Query, flt: query.Query | None, limit: int, by_date: bool
    ) -> tuple[int, list[tuple[float, int]]]:
        """(total matching, top ``limit`` as (score, docnum)), best first or newest first; ties go to
        the lower document number."""
        self.read = {}
        self._expanded = {}
        hits = self.hits(q)
        if flt is not None:
            hits = hits.only(self.docs(flt))
        total = len(hits)
        ids, scores = hits.ids, hits.scores
        if by_date:
            order = np.lexsort((ids, -scores, -self.date_rank()[ids]))[:limit]
        else:
            if total > limit:  # only the hits that can be in the top need sorting
                threshold = np.partition(scores, total - limit)[total - limit]
                keep = np.flatnonzero(scores >= threshold)
                ids, scores = ids[keep], scores[keep]
            order = np.lexsort((ids, -scores))[:limit]
        return total, list(zip(scores[order].tolist(), ids[order].tolist()))

    def scores(self, q: query.Query) -> dict[int, float]:
        """Matching documents with their scores."""
        return self.hits(q).as_dict()

    def hits(self, q: query.Query) -> Hits:
        """Matching documents with their scores, as arrays."""
        if isinstance(q, query.Term) and not isinstance(q, query.MultiTerm):
            return self._term_hits(q.fieldname, q.text, q.boost)
        if isinstance(q, query.Or):
            return _sum_hits([self.hits(sub) for sub in q.subqueries])
        if isinstance(q, query.And):
            return self._and_hits(q.subqueries)
        if isinstance(q, query.AndNot):
            return self.hits(q.a).only(self.docs(q.b), keep=False)
        if isinstance(q, query.Not):
            live = self.live()
            live = live[~_member(live, self.docs(q.query))]
            return Hits(live, np.zeros(len(live)))
        if isinstance(q, query.Phrase):
            return self._phrase_hits(q)
        if isinstance(q, (query.Prefix, query.Wildcard, query.FuzzyTerm)):
            return _sum_hits([self._term_hits(q.fieldname, btext, q.boost) for btext in self.expand(q)])
        if isinstance(q, type(query.NullQuery)):
            return Hits()
        raise Unsupported(type(q).__name__)

    def docs(self, q: query.Query) -> np.ndarray:
        """Matching documents, unscored (filters, NOT): a sorted array."""
        if isinstance(q, query.Term) and not isinstance(q, query.MultiTerm):
            return self._postings(q.fieldname, q.text).ids
        if isinstance(q, query.Or):
            parts = [self.docs(sub) for sub in q.subqueries]
            return np.unique(np.concatenate(parts)) if parts else _EMPTY_IDS
        if isinstance(q, query.And) and not any(isinstance(s, query.Not) for s in q.subqueries):
            found = [self.docs(sub) for sub in q.subqueries]
            if not found:
                return _EMPTY_IDS
            common = found[0]
            for part in found[1:]:
                common = common[_member(common, part)]
            return common
        return self.hits(q).ids

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

    def live(self) -> np.ndarray:
        """Every document not deleted, ascending."""
        if self._live is None:
            parts = [offset + _segment_live(reader, self._deleted(reader)) for reader, offset in self.leaves]
            self._live = np.concatenate(parts) if parts else _EMPTY_IDS
        return self._live

    def _deleted(self, reader: Any) -> list[int]:
        """A segment's deleted documents, ascending (not cached across searchers: edits delete)."""
        key = id(reader)
        found = self._deleted_docs.get(key)
        if found is None:
            found = self._deleted_docs[key] = sorted(reader.deleted_docs_set or ())
        return found

    def date_rank(self) -> np.ndarray:
        """Per document, the rank of its "date" column among all dates ("" when unknown ranks first)."""
        if self._date_rank is None:
            dates: list[str] = []
            for reader, _ in self.leaves:
                dates += self._per_segment(reader, "date", _segment_dates)
            _, rank = np.unique(np.array(dates + [""], dtype=object), return_inverse=True)
            self._date_rank = rank[:-1].astype(np.int64)
        return self._date_rank

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
            ids: list[np.ndarray] = []
            weights: list[np.ndarray] = []
            for reader, offset in self.leaves:
                if key not in reader:
                    continue
                matcher = reader._terms.matcher(fieldname, btext, self.schema[fieldname].format)
                deleted = self._deleted(reader)
                _read_all(matcher, offset, deleted, found, ids, weights)
            if ids:
                found.ids = np.concatenate(ids)
                found.weights = np.concatenate(weights)
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
            i = int(np.searchsorted(ids, docnum))
            if i < len(ids) and ids[i] == docnum:
                found[docnum] = postings.value(i)
        return found

    def _norm(self, fieldname: str) -> np.ndarray:
        """Per document: K1 * ((1 - B) + B * length / average length), BM25's length term."""
        norm = self._norms.get(fieldname)
        if norm is None:
            avg = self.searcher.avg_field_length(fieldname) or 1.0
            parts = [
                self._per_segment(reader, f"len:{fieldname}", lambda r: _segment_lengths(r, fieldname))
                for reader, _ in self.leaves
            ]
            lengths = np.concatenate(parts) if parts else _EMPTY_SCORES
            a, b = K1 * (1 - B), K1 * B / avg
            norm = self._norms[fieldname] = a + b * lengths
        return norm

    def _idf(self, doc_frequency: int) -> float:
        return log(self.doc_count_all / (doc_frequency + 1)) + 1

    def _term_hits(self, fieldname: str, text: str | bytes, boost: float) -> Hits:
        postings = self._postings(fieldname, text)
        return self._bm25(fieldname, postings.ids, postings.weights, boost)

    def _bm25(self, fieldname: str, ids: np.ndarray, tfs: np.ndarray, boost: float) -> Hits:
        if not len(ids):
            return Hits()
        factor = self._idf(len(ids)) * (K1 + 1) * boost
        return Hits(ids, factor * tfs / (tfs + self._norm(fieldname)[ids]))

    # -- compounds ----------------------------------------------------------------------------
    def _and_hits(self, subqueries: list[query.Query]) -> Hits:
        positive = [s for s in subqueries if not isinstance(s, query.Not)]
        negative = [s.query for s in subqueries if isinstance(s, query.Not)]
        if not positive:
            common = self.live()
            for s in subqueries:
                common = common[_member(common, self.hits(s).ids)]
            return Hits(common, np.zeros(len(common)))
        parts = sorted((self.hits(s) for s in positive), key=len)
        common = parts[0].ids
        for part in parts[1:]:
            common = common[_member(common, part.ids)]
        for sub in negative:
            common = common[~_member(common, self.docs(sub))]
        total = np.zeros(len(common))
        for part in parts:
            total += part.scores[np.searchsorted(part.ids, common)]
        return Hits(common, total)

    def _phrase_hits(self, q: query.Phrase) -> Hits:
        words = [self._postings(q.fieldname, w) for w in q.words]
        if not words or any(not len(w.ids) for w in words):
            return Hits()
        if len(words) == 1:
            return self._bm25(q.fieldname, words[0].ids, words[0].weights, q.boost)
        fast = isinstance(self.schema[q.fieldname].format, FastCharacters)
        if q.slop > 1 or not fast:
            counts = self._phrase_counts_python(q, words)
        else:
            counts = phrase_counts(words)
        return self._bm25(q.fieldname, counts.ids, counts.scores, q.boost * len(words))

    def _phrase_counts_python(self, q: query.Phrase, words: list[Postings]) -> Hits:
        """The phrase's occurrences per document, one document at a time (any slop, any format)."""
        decode = self.schema[q.fieldname].format.decode_positions
        common = words[0].ids
        for w in words[1:]:
            common = common[_member(common, w.ids)]
        rows = [np.searchsorted(w.ids, common).tolist() for w in words]
        slop = max(1, q.slop)
        found_ids, found_counts = [], []
        for k, docnum in enumerate(common.tolist()):
            count = _phrase_count([decode(w.value(r[k])) for w, r in zip(words, rows)], slop)
            if count:
                found_ids.append(docnum)
                found_counts.append(float(count))
        return Hits(np.array(found_ids, dtype=np.int64), np.array(found_counts, dtype=np.float64))


def phrase_counts(words: list[Postings]) -> Hits:
    """Per document, how many times the words stand at consecutive positions (FastCharacters
    payloads): keys ``document << 32 | start position`` of each word (its positions minus its place in
    the phrase) intersected, rarest word first; the documents' counts as floats."""
    common = words[0].ids
    for w in words[1:]:
        common = common[_member(common, w.ids)]
    if not len(common):
        return Hits()
    n = len(words)
    order = sorted(range(n), key=lambda i: len(words[i].ids))
    starts: np.ndarray | None = None
    for i in order:
        w = words[i]
        rows = np.searchsorted(w.ids, common)
        keys = w.position_keys(rows, n - i)  # + n - i: the start position + n, never negative
        starts = keys if starts is None else starts[_member(starts, keys)]
        if not len(starts):
            return Hits()
        common, counts = _runs(starts >> 32)
    return Hits(common, counts.astype(np.float64))


def _runs(ordered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct values, how many times each) of a non-empty ascending array."""
    firsts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[firsts], np.diff(np.append(firsts, len(ordered)))


def _member(values: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """Boolean mask: which of ``values`` are in the ascending array ``ordered``."""
    if not len(ordered) or not len(values):
        return np.zeros(len(values), dtype=bool)
    i = np.searchsorted(ordered, values)
    i[i == len(ordered)] = 0
    return ordered[i] == values


def _sum_hits(parts: list[Hits]) -> Hits:
    """The union of the parts, scores added (largest part first, as floats add up in that order)."""
    parts = sorted((p for p in parts if len(p)), key=len, reverse=True)
    if not parts:
        return Hits()
    if len(parts) == 1:
        return parts[0]
    ids, inverse = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate([p.scores for p in parts]), minlength=len(ids))
    return Hits(ids, scores)


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


def _segment_lengths(reader: Any, fieldname: str) -> np.ndarray:
    """Token count of ``fieldname`` in every document of one segment (as Whoosh stores it, one byte)."""
    count = reader.doc_count_all()
    lengths = np.zeros(count, dtype=np.float64)
    column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    if column is not None:
        raw = np.frombuffer(_column_bytes(column), dtype=np.uint8)[:count]
        lengths[: len(raw)] = _LENGTH_OF_BYTE[raw]
    return lengths


def _column_bytes(column: Any) -> bytes:
    """The one-byte values of a Whoosh lengths column, read as one slice of the file (``load()``
    reads them one document at a time: 80 ms a search at 10,000 letters); documents past the stored
    ones take the column's default, as ``load()`` gives them."""
    fixed = getattr(column, "_fixedlen", None)
    if fixed != 1 or not all(hasattr(column, a) for a in ("_dbfile", "_basepos", "_count", "_doccount")):
        return bytes(column.load())  # another layout: Whoosh's own reading
    stored = bytes(column._dbfile.get(column._basepos, column._count)) if column._count else b""
    missing = column._doccount - len(stored)
    return stored + (bytes(column._defaultbytes) * missing if missing > 0 else b"")


def _segment_dates(reader: Any) -> list[str]:
    count = reader.doc_count_all()
    if not reader.has_column("date"):
        return [""] * count
    column = reader.column_reader("date")
    values = [column[d] for d in range(count)]
    return [v.decode("utf-8") if isinstance(v, bytes) else (v or "") for v in values]


def _segment_live(reader: Any, deleted: list[int]) -> np.ndarray:
    every = np.arange(reader.doc_count_all(), dtype=np.int64)
    return every[~_member(every, np.array(deleted, dtype=np.int64))]


def _any_between(ordered: list[int], low: int, high: int) -> bool:
    i = bisect_left(ordered, low)
    return i < len(ordered) and ordered[i] <= high


def _read_all(
    matcher: Any, offset: int, deleted: list[int], out: Postings, ids: list[np.ndarray], weights: list[np.ndarray]
) -> None:
    """Append a posting list with global docnums to ``ids``/``weights`` and its blocks to ``out``:
    block by block for our codec's blocks (payloads left compressed), one posting at a time otherwise."""
    done = sum(len(i) for i in ids)
    if isinstance(matcher, FastLeafMatcher):
        while matcher.is_active():
            raw, count, compression = matcher.raw_block()
            block_ids = np.frombuffer(raw, dtype=np.uint32, count=count).astype(np.int64)
            block_weights = np.frombuffer(raw, dtype=np.float32, count=count, offset=4 * count)
            kept = None
            if deleted and _any_between(deleted, int(block_ids[0]), int(block_ids[-1])):
                kept = np.flatnonzero(~_member(block_ids, np.array(deleted, dtype=np.int64)))
                block_ids, block_weights = block_ids[kept], block_weights[kept]
            out.blocks.append((done, raw, count, compression, kept))
            ids.append(block_ids + offset)
            weights.append(block_weights.astype(np.float64))
            done += len(block_ids)
            matcher._next_block()
        return
    out.blocks.append((done, None, len(out.eager), 0, None))
    deleted_set = set(deleted)
    found_ids, found_weights = [], []
    while matcher.is_active():
        docnum = matcher.id()
        if docnum not in deleted_set:
            found_ids.append(docnum + offset)
            found_weights.append(matcher.weight())
            out.eager.append(matcher.value())
        matcher.next()
    ids.append(np.array(found_ids, dtype=np.int64))
    weights.append(np.array(found_weights, dtype=np.float64))


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
