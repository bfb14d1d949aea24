"""A faster Whoosh postings format with positions and character offsets.

Whoosh's own ``Characters`` format pickles a list of delta tuples per posting and decodes it in a
Python loop; both show up first in profiles of indexing, phrase matching and highlighting. This format
stores the same information as three arrays of unsigned ints (position deltas, start-offset deltas,
token lengths) that encode and decode with C-level ``array`` and ``itertools.accumulate`` calls, and
its ``word_values`` analyses text through :func:`iter_terms` without building ``Token`` objects.
(Query-time analysis still goes through the field's :class:`DutchAnalyzer`, which gives the same terms.)
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Iterator
from itertools import accumulate
from operator import add
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.formats import Characters
from whoosh.system import _INT_SIZE, pack_uint

from desktop_app.core.search.analysis import collect_terms

_EMPTY = array("I")


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
        one, codes = _COUNT_ONE, _CODES.pack
        for term, (positions, starts, lengths) in collect_terms(value).items():
            n = len(positions)
            if n == 1:
                yield term, 1, boost, one + codes(positions[0], starts[0], lengths[0])
            else:
                yield term, n, n * boost, _encode(positions, starts, lengths)

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
# array("I"). A single occurrence (most postings) is packed without building arrays.
_COUNT_ONE = pack_uint(1)
_CODES = struct.Struct("=III")


def _encode(positions: list[int], starts: list[int], lengths: list[int]) -> bytes:
    codes = array("I", positions)
    codes[1:] = array("I", map(int.__sub__, positions[1:], positions[:-1]))
    deltas = array("I", starts)
    deltas[1:] = array("I", map(int.__sub__, starts[1:], starts[:-1]))
    codes.extend(deltas)
    codes.extend(lengths)
    return pack_uint(len(positions)) + codes.tobytes()


class IndexCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec without per-block field-length statistics.

    Those statistics (looked up per posting while a segment is written, ~20% of indexing time) only
    serve Whoosh's block-quality skipping, which :mod:`desktop_app.core.search.engine` does not use;
    the fallback path searches with ``optimize=False``.
    """

    length_stats = False
