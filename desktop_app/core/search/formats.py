"""A faster Whoosh postings format with positions and character offsets.

Whoosh's own ``Characters`` format pickles a list of delta tuples per posting and decodes it in a
Python loop; both show up first in profiles of indexing, phrase matching and highlighting. This format
stores the same information as three arrays of unsigned ints (position deltas, start-offset deltas,
token lengths) that encode and decode with C-level ``array`` and ``itertools.accumulate`` calls, and
its ``word_values`` analyses text through :func:`iter_terms` without building ``Token`` objects.
(Query-time analysis still goes through the field's :class:`DutchAnalyzer`, which gives the same terms.)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import accumulate
from operator import add
from typing import Any

from whoosh.formats import Characters
from whoosh.system import _INT_SIZE, pack_uint

from desktop_app.core.search.analysis import iter_terms

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
        seen: dict[str, list[tuple[int, int, int]]] = {}
        for pos, (term, start, end) in enumerate(iter_terms(value)):
            occurrences = seen.get(term)
            if occurrences is None:
                seen[term] = [(pos, start, end)]
            else:
                occurrences.append((pos, start, end))
        boost = self.field_boost
        for term, occurrences in seen.items():
            yield term, len(occurrences), len(occurrences) * boost, self.encode(occurrences)

    def encode(self, poslist: list[tuple[int, int, int]]) -> bytes:
        positions = [p for p, _, _ in poslist]
        starts = [s for _, s, _ in poslist]
        codes = array("I", [positions[0]])
        codes.extend(map(int.__sub__, positions[1:], positions[:-1]))
        codes.append(starts[0])
        codes.extend(map(int.__sub__, starts[1:], starts[:-1]))
        codes.extend(e - s for _, s, e in poslist)
        return pack_uint(len(poslist)) + codes.tobytes()

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
