"""Footnote markers as Unicode superscript digits.

A footnote marker stands in a letter's body as the superscript form of its number ("2024⁵",
"(NDPP)¹", "capaciteitsdoelstellingen¹²"), never as ASCII digits glued to the word before it. The
superscript form has one code point per digit, so a marker's span is the same as the digits' span.
Letters stored by an older version still hold ASCII marker digits (until re-imported): readers of
``Footnote.marker`` accept both forms.
"""

from __future__ import annotations

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_FROM_SUPER = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def superscript(value: int | str) -> str:
    """``5`` -> "⁵", ``12`` -> "¹²"; other characters are kept."""
    return str(value).translate(_TO_SUPER)


def plain_digits(text: str) -> str:
    """"2024⁵" -> "20245": superscript digits back to ASCII digits (same length)."""
    return text.translate(_FROM_SUPER)


def is_superscript(text: str) -> bool:
    """True for a non-empty run of superscript digits only."""
    return bool(text) and all(ch in SUPERSCRIPT_DIGITS for ch in text)
