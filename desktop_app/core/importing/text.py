"""Decoding the bytes of a plain-text letter.

Order: UTF-8 (strict, BOM allowed), then cp1252, then latin-1. Binary data is refused before any
decoding is trusted: NUL bytes, or too many control characters, mean "not text".
"""

from __future__ import annotations

import codecs
import re

from desktop_app.core.messages import Message

# Private-use code points the importer uses internally as in-band marks (see cleaning.py).
# They never belong in a letter, so they are removed from decoded text.
PRIVATE_MARKS = "\ue000\ue001\ue002"

_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


class NotText(ValueError):
    """The bytes are not a text document."""


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; raise ``NotText`` for binary data."""
    if b"\x00" in data[:65536] and not _is_utf16(data):
        raise NotText(Message("not text (binary data)"))
    if _is_utf16(data):
        try:
            text = data.decode("utf-16")
        except UnicodeError as exc:
            raise NotText(Message("not text (binary data)")) from exc
    else:
        text = _decode_8bit(data)
    if _looks_binary(text):
        raise NotText(Message("not text (binary data)"))
    for mark in PRIVATE_MARKS:
        text = text.replace(mark, "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_utf16(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    """Many C0/C1 control characters (other than line breaks and tabs) mean binary data."""
    sample = text[:65536]
    if not sample:
        return False
    controls = len(_CONTROLS.findall(sample))  # one regex pass, not a Python loop over 64K characters
    return controls > max(2, len(sample) // 200)


# C0 controls other than \t \n \v \f \r (_ALLOWED_CONTROLS), DEL and the C1 controls
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
