"""Footnotes: finding page-bottom footnote blocks in plain text, and their markers in the body.

Marker convention (the contract with the GUI and the references code): the marker stays in the body
text exactly where the superscript stood, as Unicode superscript digits ("NDPP Review.¹ Met",
"17-18 oktober 2024⁵"), and ``Footnote.marker`` is the half-open span of those digits, so
``text[start:end] == superscript(number)``. Markers are found as ASCII digits glued to the word before
them (how extracted text prints them); the cleaner turns them into superscripts at the end (same
length, so offsets hold). Input that already has superscript markers is read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.superscript import SUPERSCRIPT_DIGITS, superscript

# A footnote starts at the page bottom as "N text" (or "Ntext" glued, as in "1Kamerstukken II").
_FOOTNOTE_START = re.compile(r"^\s{0,3}(\d{1,3})(?:\s+|(?=[A-Z(\"“‘']))(\S.*)$")


@dataclass
class RawFootnote:
    number: int
    text: str
    page: int  # 0-based page index where the footnote stood


def footnote_start(line: str) -> tuple[int, str] | None:
    """(number, rest) when ``line`` starts like a footnote."""
    match = _FOOTNOTE_START.match(line)
    if not match:
        return None
    return int(match.group(1)), match.group(2)


def find_footnote_block(lines: list[str], expected: int, body_has_marker) -> int | None:
    """Index where the page-bottom footnote block of ``lines`` (one page) starts, or None.

    The block starts after a blank line with footnote number ``expected`` and runs to the end of
    the page; every later line either starts the next footnote or continues the current one.
    ``body_has_marker(lines_before, number)`` guards against a paragraph that merely starts with a
    number ("1 juli ...") being taken for a footnote.
    """
    for idx in range(1, len(lines)):
        if lines[idx - 1].strip():
            continue
        start = footnote_start(lines[idx])
        if not start or start[0] != expected:
            continue
        if body_has_marker(lines[:idx], expected):
            return idx
    return None


def split_footnotes(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """Split a footnote block into (number, lines) parts; numbers run ``first``, ``first+1``, ..."""
    parts: list[tuple[int, list[str]]] = []
    current = first - 1
    for line in lines:
        if not line.strip():
            continue
        start = footnote_start(line)
        if start and start[0] == current + 1:
            current += 1
            parts.append((current, [start[1]]))
        elif parts:
            parts[-1][1].append(line.lstrip())  # trailing spaces tell "Productie- " from "NAVO-"
    return parts


_SUPER = f"[{SUPERSCRIPT_DIGITS}]"


def _candidate_pattern(number: int) -> re.Pattern[str]:
    n = str(number)
    # class A: glued to a lowercase letter, closing punctuation, or a year ("20245" = 2024 + 5),
    #   or already written in superscript digits ("2024⁵")
    # class B: glued to an upper-case letter (acronym + digit: less likely a marker, e.g. "SNMG1")
    return re.compile(
        rf"(?:(?P<a>(?<=[a-zà-ÿ.,;:)\]”’\"'%])|(?<=\b(?:19|20)\d\d))|(?P<b>(?<=[A-ZÀ-Þ])))"
        rf"{n}(?![\w])"
        rf"|(?P<s>(?<!{_SUPER}){superscript(n)}(?!{_SUPER}))"
    )


def has_marker_candidate(text: str, number: int) -> bool:
    return _candidate_pattern(number).search(text) is not None


def locate_marker(text: str, number: int, start: int, end: int) -> tuple[int, int] | None:
    """Span of the marker digits for ``number`` in ``text[start:end]``: the first well-glued
    candidate, else the first candidate glued to a capital (acronym) as a last resort."""
    fallback: tuple[int, int] | None = None
    for match in _candidate_pattern(number).finditer(text, start, end):
        span = (match.start(), match.end())
        if match.group("b") is None:
            return span
        if fallback is None:
            fallback = span
    return fallback
