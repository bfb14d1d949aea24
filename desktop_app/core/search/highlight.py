"""Fragments around matched terms, from character offsets stored in the index (no re-analysis).

Input: a field's text and the spans of its matches, read from the postings (``chars=True``).
Output: up to ``top`` windows of about ``width`` characters that hold the most distinct matched terms,
widened with context to word boundaries. Offsets stay absolute into the field's text.
"""

from __future__ import annotations

from desktop_app.core.model import SearchFragment, Span
from desktop_app.core.search.analysis import fold

WIDTH = 240  # characters per fragment, roughly
TOP = 3


def fragments(
    fieldname: str,
    text: str,
    spans: list[Span],
    *,
    top: int = TOP,
    width: int = WIDTH,
    footnote_number: int | None = None,
    annotation_id: int | None = None,
) -> list[SearchFragment]:
    """Best fragments first; each carries the highlights that fall inside it."""
    spans = merge(spans)
    if not spans:
        return []
    windows = _windows(text, spans, width)
    windows.sort(key=lambda w: (-w[0], w[1]))
    chosen: list[tuple[int, int]] = []
    for _, first, last in windows:
        start, end = spans[first][0], spans[last][1]
        if any(start < c_end and end > c_start for c_start, c_end in chosen):
            continue
        chosen.append(_widen(text, start, end, width))
        if len(chosen) == top:
            break
    out = []
    for start, end in chosen:
        inside = tuple(s for s in spans if s[0] >= start and s[1] <= end)
        out.append(
            SearchFragment(
                field=fieldname,
                start=start,
                end=end,
                text=text[start:end],
                highlights=inside,
                footnote_number=footnote_number,
                annotation_id=annotation_id,
            )
        )
    return out


def merge(spans: list[Span]) -> list[Span]:
    """Sorted, with overlapping spans made one (a term matched by two query parts)."""
    merged: list[Span] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _windows(text: str, spans: list[Span], width: int) -> list[tuple[float, int, int]]:
    """For each span, the longest run of following spans that fits in ``width``, scored by the number
    of distinct matched words (then by the number of matches)."""
    out = []
    last = 0
    words = [fold(text[s:e]) for s, e in spans]
    for first in range(len(spans)):
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= width:
            last += 1
        distinct = len(set(words[first : last + 1]))
        out.append((distinct + 0.1 * (last - first + 1), first, last))
    return out


def _widen(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """Add context on both sides up to ``width`` characters, cut at whitespace, stay in the paragraph."""
    room = max(0, width - (end - start)) // 2
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    left = max(para_start, start - room)
    right = min(para_end, end + room)
    if left > para_start:
        cut = text.find(" ", left, start)
        left = cut + 1 if cut >= 0 else left
    if right < para_end:
        cut = text.rfind(" ", end, right)
        right = cut if cut >= 0 else right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right
