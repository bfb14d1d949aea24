"""Faster Whoosh postings: a positions + character offsets format, and a codec with array blocks.

Whoosh's own ``Characters`` format pickles a list of delta tuples per posting and decodes it in a
Python loop; both show up first in profiles of indexing, phrase matching and highlighting. This format
stores the same information as three arrays of unsigned ints (position deltas, start-offset deltas,
token lengths) that encode and decode with C-level ``array`` and ``itertools.accumulate`` calls, and
its ``word_values`` analyses text through :func:`term_payloads` without building ``Token`` objects.
(Query-time analysis still goes through the field's :class:`DutchAnalyzer`, which gives the same terms.)
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING, Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.compat import dumps
from whoosh.formats import Characters
from whoosh.system import _INT_SIZE, pack_uint
from whoosh.util.numeric import length_to_byte

from desktop_app.core.search.analysis import TERMS, WORD_SPLIT, collect_terms, fold_text, term_numbers, word_numbers

if TYPE_CHECKING:
    import numpy as np

# numpy (~0.1 s to import) is imported where postings are written or read as arrays, not at the top: a
# search of a small library reads postings without it (see SearchIndex._run).


def decode_arrays(value: bytes) -> tuple[list[int], list[int], array[int]]:
    """(positions, startchars, lengths) of one posting."""
    codes = array("I")
    codes.frombytes(value[_INT_SIZE:])
    n = len(codes) // 3
    return list(accumulate(codes[:n])), list(accumulate(codes[n : 2 * n])), codes[2 * n :]


class FastCharacters(Characters):  # type: ignore[misc]
    """Positions + character offsets, array-encoded (see the module docstring)."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(value, str):  # a list of words: let whoosh handle it
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, n, payload in term_payloads(value):
            yield term, n, n * boost, payload

    def encode(self, poslist: list[tuple[int, int, int]]) -> bytes:
        return _encode([p for p, _, _ in poslist], [s for _, s, _ in poslist], [e - s for _, s, e in poslist])

    def decode_characters(self, valuestring: bytes) -> list[tuple[int, int, int]]:
        positions, starts, lengths = decode_arrays(valuestring)
        return list(zip(positions, starts, map(add, starts, lengths)))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        codes = array("I")
        codes.frombytes(valuestring[_INT_SIZE:])
        return list(accumulate(codes[: len(codes) // 3]))

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1.0) for pos in self.decode_positions(valuestring)]

    def combine(self, vs: list[bytes]) -> bytes:
        merged = sorted({t for v in vs for t in self.decode_characters(v)})
        return self.encode(merged) if merged else pack_uint(0)


# The count is big-endian (whoosh's pack_uint, read by decode_frequency); the codes are native, as in
# array("I").
_WIDTH = {2: (2).to_bytes(4, "little"), 4: (4).to_bytes(4, "little")}


def term_payloads(value: str) -> list[tuple[str, int, bytes]]:
    """(term, occurrences, FastCharacters payload) of every indexed term of ``value``: what
    :func:`collect_terms` and :func:`_encode` give, as array operations over the whole text (one
    ``re.split``, a dict lookup per word through ``map``, a stable argsort by term) instead of a
    Python loop per word; the indexing fast path."""
    numbers, counts, codes, heads = term_arrays(value)
    blob = codes.tobytes()
    bounds = (heads * 4).tolist()
    terms = [TERMS[t] for t in numbers.tolist()]
    return [(term, n, blob[a:b]) for term, n, a, b in zip(terms, counts.tolist(), bounds, bounds[1:])]


def _no_terms() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    import numpy as np

    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.uint32), np.zeros(1, np.int64)


def term_arrays(value: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`term_payloads` as arrays: (term numbers (see ``analysis.TERMS``), occurrences of each, all
    payloads as one uint32 array, where each payload starts in it plus the end)."""
    import numpy as np

    folded = fold_text(value)
    if len(folded) != len(value):  # a ligature changed the length: offsets need the word-by-word path
        found = collect_terms(value)
        if not found:
            return _no_terms()
        payloads = [_encode(*lists) for lists in found.values()]
        heads = np.zeros(len(payloads) + 1, dtype=np.int64)
        np.cumsum([len(p) // 4 for p in payloads], out=heads[1:])
        return (
            np.array(term_numbers(list(found)), dtype=np.int64),
            np.array([len(lists[0]) for lists in found.values()], dtype=np.int64),
            np.frombuffer(b"".join(payloads), dtype=np.uint32),
            heads,
        )
    parts = WORD_SPLIT.split(folded)
    words = parts[1::2]
    if not words:
        return _no_terms()
    numbers = np.array(word_numbers(words), dtype=np.int64)
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    ends = np.cumsum(lengths)
    keep = numbers >= 0
    numbers, starts, sizes = numbers[keep], ends[0:-1:2][keep], lengths[1::2][keep]
    total = len(numbers)
    if not total:
        return _no_terms()
    order = np.argsort(numbers, kind="stable")  # by term, each term's occurrences in text order
    numbers, positions, starts, sizes = numbers[order], order, starts[order], sizes[order]
    firsts = np.flatnonzero(np.concatenate(([True], numbers[1:] != numbers[:-1])))
    counts = np.diff(np.append(firsts, total))
    position_deltas = np.diff(positions, prepend=0)
    position_deltas[firsts] = positions[firsts]
    start_deltas = np.diff(starts, prepend=0)
    start_deltas[firsts] = starts[firsts]
    # Each term's payload: count (big-endian), n position deltas, n start deltas, n lengths.
    heads = np.zeros(len(firsts) + 1, dtype=np.int64)
    np.cumsum(1 + 3 * counts, out=heads[1:])
    codes = np.empty(heads[-1], dtype=np.uint32)
    codes[heads[:-1]] = counts.astype(">u4").view(np.uint32)
    each = np.repeat(counts, counts)
    at = np.repeat(heads[:-1] + 1 - firsts, counts) + np.arange(total)
    codes[at] = position_deltas
    codes[at + each] = start_deltas
    codes[at + 2 * each] = sizes
    return numbers[firsts], counts, codes, heads


def _encode(positions: list[int], starts: list[int], lengths: list[int]) -> bytes:
    codes = array("I", positions)
    codes[1:] = array("I", map(int.__sub__, positions[1:], positions[:-1]))
    deltas = array("I", starts)
    deltas[1:] = array("I", map(int.__sub__, starts[1:], starts[:-1]))
    codes.extend(deltas)
    codes.extend(lengths)
    return pack_uint(len(positions)) + codes.tobytes()


class FastPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Writes each block of up to 128 postings as raw arrays instead of Whoosh's compressed pickled
    tuples::

        ids (uint32 x n) | weights (float32 x n) | payload lengths (uint32 x n)
        | occurrences (uint32 x n) | width (uint32: 2 or 4) | position deltas (uint16 or uint32, padded
        to 4 bytes) | payloads (zlib-compressed when worth it)

    Reading ids and weights (all that scoring needs) is a ``frombuffer`` with no decompression. The
    position deltas of :class:`FastCharacters` payloads are repeated uncompressed beside them (occurrence
    counts and deltas; zero occurrences for other formats), so a phrase reads positions without
    decompressing anything; the payloads (positions and character offsets) are decompressed only for
    highlighting and merging. Unpickling and decompressing whole blocks was about half the query time
    for a word found in every letter, and decompressing payloads a third of a common phrase's."""

    # the block statistics Whoosh's writer keeps (it leaves them unannotated; its _reset sets them)
    _maxweight: float
    _minlength: int | None
    _maxlength: int

    def add_posting(self, id_: int, weight: float, vbytes: bytes, length: int | None = None) -> None:
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        self._values.append(vbytes or b"")
        if weight > self._maxweight:
            self._maxweight = weight
        if length:
            if self._minlength is None or length < self._minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length

    def add_many(self, ids: array[int], weights: array[float], values: list[bytes | None]) -> None:
        """Postings of one term in document order, a block's worth at a time."""
        limit, start, count = self._blocklimit, 0, len(ids)
        while start < count:
            room = limit - len(self._ids)
            if room <= 0:
                self._write_block()
                continue
            end = min(count, start + room)
            self._ids.extend(ids[start:end])
            chunk = weights[start:end]
            self._weights.extend(chunk)
            self._values.extend([v or b"" for v in values[start:end]])
            self._maxweight = max(self._maxweight, max(chunk))
            start = end

    def _write_block(self, last: bool = False) -> None:
        if self._byteids:  # term vectors (not used by our schema): Whoosh's own format
            return super()._write_block(last)  # type: ignore[no-any-return]
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        values = self._values
        payloads = b"".join(values)
        lengths = array("I", map(len, values))
        positional = block_positions(payloads, lengths) if isinstance(self._format, FastCharacters) else None
        if positional is None:
            occurrences, width, deltas = bytes(4 * len(values)), 4, b""
        else:
            occurrences, width, deltas = positional
        comp = self._compression if len(payloads) > 64 else 0
        if comp:
            payloads = zlib.compress(payloads, comp)
        data = b"".join(
            [self._ids.tobytes(), self._weights.tobytes(), lengths.tobytes(), occurrences,
             _WIDTH[width], deltas, payloads]
        )
        ids = self._ids
        info = dumps(
            (len(ids), ids[-1], self._maxweight, comp, length_to_byte(self._minlength),
             length_to_byte(self._maxlength)),
            2,
        )
        size = len(info) + len(data)
        self._postfile.write_int(-size if last else size)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


class FastLeafMatcher(W3LeafMatcher):  # type: ignore[misc]
    """Reads the blocks :class:`FastPostingsWriter` writes; ids and weights stay arrays."""

    def _read_data(self) -> None:
        raw = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        n = self._blocklength
        ids, weights = array("I"), array("f")
        ids.frombytes(raw[: 4 * n])
        weights.frombytes(raw[4 * n : 8 * n])
        self._data = (ids, weights, raw, n, self._compression)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = self._data[0]

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        self._weights = self._data[1]

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        self._values = block_values(self._data[2], self._data[3], self._data[4])

    def raw_block(self) -> tuple[bytes, int, int]:
        """(raw block data, number of postings, compression) without decoding anything."""
        if self._data is not None:
            return self._data[2], self._data[3], self._data[4]
        raw = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        return raw, self._blocklength, self._compression

    def block_payloads(self) -> tuple[bytes, int, int]:
        """(raw block data, number of postings, compression) for :func:`block_values` later."""
        if self._data is None:
            self._read_data()
        return self._data[2], self._data[3], self._data[4]


def block_positions(payloads: bytes, lengths: array[int]) -> tuple[bytes, int, bytes]:
    """(occurrence count of each posting as uint32s, width, all position deltas in that width, padded
    to 4 bytes) of the FastCharacters payloads of one block, concatenated."""
    import numpy as np

    codes = np.frombuffer(payloads, dtype=np.uint32)
    sizes = np.frombuffer(lengths, dtype=np.uint32).astype(np.int64) // 4
    firsts = np.zeros(len(sizes), dtype=np.int64)
    np.cumsum(sizes[:-1], out=firsts[1:])
    counts = np.zeros(len(sizes), dtype=np.int64)
    nonempty = sizes > 0
    if nonempty.any():
        counts[nonempty] = np.frombuffer(payloads, dtype=">u4")[firsts[nonempty]]
    deltas = codes[gather_index(firsts + 1, counts)]
    width = 2 if not len(deltas) or int(deltas.max()) < 65536 else 4
    raw = deltas.astype(np.uint16 if width == 2 else np.uint32).tobytes()
    return counts.astype(np.uint32).tobytes(), width, raw + bytes(-len(raw) % 4)


def gather_index(firsts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Indexes ``firsts[k], firsts[k] + 1, ..., firsts[k] + counts[k] - 1`` for every k, in order."""
    import numpy as np

    total = int(counts.sum())
    before = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=before[1:])
    return np.repeat(firsts - before, counts) + np.arange(total, dtype=np.int64)


def block_deltas(raw: bytes, n: int) -> tuple[np.ndarray, np.ndarray, int]:
    """(occurrences per posting, all position deltas, where the payloads start) of a block written by
    :class:`FastPostingsWriter`."""
    import numpy as np

    counts = np.frombuffer(raw, dtype=np.uint32, count=n, offset=12 * n)
    width = int.from_bytes(raw[16 * n : 16 * n + 4], "little")
    total = int(counts.sum())
    deltas = np.frombuffer(raw, dtype=np.uint16 if width == 2 else np.uint32, count=total, offset=16 * n + 4)
    size = width * total
    return counts, deltas, 16 * n + 4 + size + (-size % 4)


def block_payloads(raw: bytes, n: int, compression: int) -> tuple[bytes, list[int]]:
    """(all payloads of a block written by :class:`FastPostingsWriter`, where each one starts; the
    last entry is the end)."""
    lengths, counts = array("I"), array("I")
    lengths.frombytes(raw[8 * n : 12 * n])
    counts.frombytes(raw[12 * n : 16 * n])
    width = int.from_bytes(raw[16 * n : 16 * n + 4], "little")
    size = width * sum(counts)  # the position deltas (see block_deltas), skipped
    payloads = raw[16 * n + 4 + size + (-size % 4) :]
    if compression:
        payloads = zlib.decompress(payloads)
    return payloads, list(accumulate(lengths, initial=0))


def block_values(raw: bytes, n: int, compression: int) -> list[bytes]:
    """The payloads of a block written by :class:`FastPostingsWriter`, one per posting."""
    payloads, ends = block_payloads(raw, n, compression)
    return [payloads[a:b] for a, b in zip(ends, ends[1:])]


class IndexCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec with :class:`FastPostingsWriter` blocks and without per-block field-length
    statistics. Those statistics (looked up per posting while a segment is written, ~20% of indexing
    time) only serve Whoosh's block-quality skipping, which :mod:`desktop_app.core.search.engine` does
    not use; the fallback path searches with ``optimize=False``. Segments keep a reference to the codec
    that wrote them, so they are read back with :class:`FastLeafMatcher`.
    """

    length_stats = False

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return FastFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return FastPostingsWriter(
            dbfile, blocklimit=self._blocklimit, byteids=byteids, compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return FastLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class CompactPool:
    """An in-memory posting pool for a full rebuild, in place of Whoosh's PostingPool.

    Whoosh's pool keeps one 5-tuple per posting and, past ``limitmb``, pickles sorted runs to disk and
    merges them: at 10,000 letters that spilling and merging was ~35 % of the build (130 s of CPU with
    limitmb=256; 80 s when nothing spilled, but then ~1 GB of memory). Here postings are grouped by
    field and term as they come (document numbers ascend, so nothing is sorted but the terms), in
    arrays: ~300 MB at 10,000 letters, no temporary files.
    """

    def __init__(self) -> None:
        self.fields: dict[str, dict[bytes, tuple[array[int], array[float], list[bytes | None]]]] = {}
        self.fieldnames: set[str] = set()
        # FastCharacters fields, added a document at a time (see add_terms)
        self.bulk: dict[str, _BulkField] = {}

    def add_terms(self, fieldname: str, docnum: int, found: tuple[np.ndarray, ...], boost: float) -> None:
        """All postings of one document's field at once, as :func:`term_arrays` gives them."""
        import numpy as np

        numbers, counts, codes, heads = found
        if len(numbers):
            bulk = self.bulk.get(fieldname)
            if bulk is None:
                bulk = self.bulk[fieldname] = _BulkField()
                self.fieldnames.add(fieldname)
            bulk.docnums.append(docnum)
            bulk.numbers.append(numbers.astype(np.int32))
            bulk.weights.append((counts * boost).astype(np.float32))
            bulk.lengths.append(np.diff(heads).astype(np.int32))
            bulk.codes += codes.tobytes()  # one growing buffer: no per-document array kept

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        entry = terms.get(tbytes)
        if entry is None:
            terms[tbytes] = (array("I", [docnum]), array("f", [weight]), [vbytes])
        else:
            entry[0].append(docnum)
            entry[1].append(weight)
            entry[2].append(vbytes)

    def iter_postings(self) -> _GroupedPostings:
        for fieldname in list(self.bulk):
            if fieldname in self.fields:
                raise ValueError(f"field {fieldname!r} was added both per posting and per document")
            self.fields[fieldname] = _BulkTerms(self.bulk.pop(fieldname))  # type: ignore[assignment]
        return _GroupedPostings(self.fields)

    def cleanup(self) -> None:
        self.fields.clear()
        self.bulk.clear()


@dataclass
class _BulkField:
    docnums: list[int] = field(default_factory=list)
    numbers: list[np.ndarray] = field(default_factory=list)  # per document: its term numbers
    weights: list[np.ndarray] = field(default_factory=list)
    lengths: list[np.ndarray] = field(default_factory=list)  # payload sizes in uint32 words
    codes: bytearray = field(default_factory=bytearray)  # every payload, in document order


class _BulkTerms:
    """A field's per-document postings (:meth:`CompactPool.add_terms`) grouped by term when written:
    one stable argsort of all term numbers, then per term its documents, weights and payloads. Acts
    as the ``{term bytes: (ids, weights, payloads)}`` dict that :class:`_GroupedPostings` reads."""

    def __init__(self, docs: _BulkField) -> None:
        import numpy as np

        sizes = [len(n) for n in docs.numbers]
        self._docnums = np.repeat(np.array(docs.docnums, dtype=np.uint32), sizes)
        numbers = np.concatenate(docs.numbers)
        self._weights = np.concatenate(docs.weights)
        self._lengths = np.concatenate(docs.lengths).astype(np.int64)
        self._starts = np.zeros(len(self._lengths), dtype=np.int64)
        np.cumsum(self._lengths[:-1], out=self._starts[1:])
        self._codes = np.frombuffer(docs.codes, dtype=np.uint32)
        docs.numbers, docs.weights, docs.lengths = [], [], []
        self._order = np.argsort(numbers, kind="stable")  # documents stay ascending within a term
        ordered = numbers[self._order]
        firsts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        bounds = np.append(firsts, len(ordered)).tolist()
        self._where = {
            TERMS[n].encode("utf-8"): (lo, hi) for n, lo, hi in zip(ordered[firsts].tolist(), bounds, bounds[1:])
        }

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def pop(self, tbytes: bytes) -> tuple[array[int], array[float], list[bytes]]:
        import numpy as np

        lo, hi = self._where.pop(tbytes)
        rows = self._order[lo:hi]
        ids, weights = array("I"), array("f")
        ids.frombytes(self._docnums[rows].tobytes())
        weights.frombytes(self._weights[rows].tobytes())
        lengths = self._lengths[rows]
        blob = self._codes[gather_index(self._starts[rows], lengths)].tobytes()
        ends = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths * 4, out=ends[1:])
        cuts = ends.tolist()
        return ids, weights, [blob[a:b] for a, b in zip(cuts, cuts[1:])]


def add_document(writer: Any, fields: dict[str, Any]) -> None:
    """Whoosh's ``SegmentWriter.add_document`` for a writer whose pool is a :class:`CompactPool`, with
    the FastCharacters text fields analysed by :func:`term_arrays` and handed to the pool a document
    at a time (Whoosh's loop yields, encodes and pools every posting separately: a third of the
    indexing time). The other fields, stored values, field lengths and columns go as in Whoosh."""
    writer._check_state()
    perdoc, schema, docnum, pool = writer.perdocwriter, writer.schema, writer.docnum, writer.pool
    docboost = writer._doc_boost(fields)
    fieldnames = sorted(name for name in fields if not name.startswith("_"))
    writer._check_fields(schema, fieldnames)
    perdoc.start_doc(docnum)
    try:
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            if field.separate_spelling() or field.vector:
                raise ValueError(f"field {fieldname!r}: spelling and term vectors are not supported here")
            length = 0
            if field.indexed:
                boost = writer._field_boost(fields, fieldname, docboost)
                if isinstance(field.format, FastCharacters) and isinstance(value, str):
                    found = term_arrays(value)
                    pool.add_terms(fieldname, docnum, found, field.format.field_boost * boost)
                    if field.scorable:
                        length = int(found[1].sum())
                else:
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if field.scorable:
                            length += freq
                        pool.add((fieldname, tbytes, docnum, weight * boost, vbytes))
            stored = fields.get(f"_stored_{fieldname}", value)
            perdoc.add_field(fieldname, field, stored if field.stored else None, length)
            if field.column_type and stored is not None:
                perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
    except BaseException:
        perdoc.cancel_doc()
        raise
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


class _GroupedPostings:
    """What :meth:`CompactPool.iter_postings` returns: the usual sorted (field, term, docnum, weight,
    payload) stream, and ``grouped()`` for :class:`FastFieldWriter` to write a term's postings at once."""

    def __init__(self, fields: dict[str, dict[bytes, tuple[array[int], array[float], list[bytes | None]]]]) -> None:
        self._fields = fields

    def grouped(self) -> Iterator[tuple[str, Iterator[tuple[bytes, tuple[array[int], array[float], list[bytes | None]]]]]]:
        for fieldname in sorted(self._fields):
            yield fieldname, self._terms(self._fields[fieldname])

    @staticmethod
    def _terms(terms: dict[bytes, Any]) -> Iterator[tuple[bytes, Any]]:
        for tbytes in sorted(terms):
            yield tbytes, terms.pop(tbytes)  # freed as soon as written

    def __iter__(self) -> Iterator[tuple[str, bytes, int, float, bytes | None]]:
        for fieldname, terms in self.grouped():
            for tbytes, (ids, weights, values) in terms:
                for docnum, weight, vbytes in zip(ids, weights, values):
                    yield fieldname, tbytes, docnum, weight, vbytes


class FastFieldWriter(W3FieldWriter):  # type: ignore[misc]
    """Writes a term's postings a block at a time when they come grouped from :class:`CompactPool`
    (Whoosh's generic loop checks order and field/term changes for every posting)."""

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        if not isinstance(items, _GroupedPostings):
            super().add_postings(schema, lengths, items)
            return
        for fieldname, terms in items.grouped():
            self.start_field(fieldname, schema[fieldname])
            for tbytes, (ids, weights, values) in terms:
                self.start_term(tbytes)
                self._postwriter.add_many(ids, weights, values)
                self.finish_term()
            self.finish_field()
