"""PDF reader: pypdf text fragments with geometry -> pages of body lines, footnotes and hints.

Every text fragment comes with its position and effective font size (pypdf ``visitor_text``).
pypdf reports text in runs that only end at a font change, a ``cm`` or a line break, so a raised
superscript drawn with a new text matrix would be glued to the text before it. To see every
show-text operator separately, an identity ``cm`` is put before each one in a private copy of the
page's content stream (a no-op for drawing; pypdf flushes its run there).

The roles of the lines (body, side column, furniture, footnotes) are decided in layout.py.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import ImportFailed, PasswordNeeded
from desktop_app.core.importing import cleaning
from desktop_app.core.importing.layout import Frag, layout_pages
from desktop_app.core.importing.letter import build_letter
from desktop_app.core.importing.text import NotText, decode_bytes
from desktop_app.core.messages import Message
from desktop_app.core.model import ParsedLetter

if TYPE_CHECKING:
    from pypdf.generic._font import Font

A4_POINTS = (595.0, 842.0)
_OWN_MARKS = cleaning.MARK_OPEN + cleaning.MARK_CLOSE + cleaning.PAGE_MARK


# ---------------------------------------------------------------- entry point


def read_pdf(
    data: bytes, *, name: str, source_file: str, content_hash: str, password: str | None
) -> ParsedLetter:
    """Read a PDF's bytes into a ParsedLetter; every problem becomes ImportFailed(name, ...)."""
    if b"%PDF-" not in data[:1024]:
        raise ImportFailed(name, _not_pdf_problem(data))
    if b"%%EOF" not in data[-2048:]:
        raise ImportFailed(name, Message("truncated or damaged PDF"), details="no %%EOF marker at the end")
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
    except ImportError as exc:  # pragma: no cover - pinned dependency
        raise ImportFailed(name, Message("PDF support is not installed (pypdf)")) from exc
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader, name, password)
            page_frags, sizes, has_images, bad_pages = _read_pages(reader)
    except ImportFailed:
        raise
    except DependencyError as exc:
        raise ImportFailed(name, Message("encrypted PDF needs the 'cryptography' package")) from exc
    except FileNotDecryptedError as exc:
        raise PasswordNeeded(name, wrong=password is not None) from exc
    except RecursionError as exc:
        raise ImportFailed(name, Message("damaged PDF (too deeply nested)")) from exc
    except MemoryError as exc:
        raise ImportFailed(name, Message("PDF too large to read (out of memory)")) from exc
    except (PyPdfError, Exception) as exc:  # noqa: BLE001 - pypdf raises many types on bad input
        raise ImportFailed(name, Message("truncated or damaged PDF"), details=repr(exc)) from exc

    total_chars = sum(len(f.text.strip()) for frags in page_frags for f in frags)
    if total_chars < 10:
        if bad_pages:
            raise ImportFailed(name, Message("truncated or damaged PDF"))
        if has_images:
            raise ImportFailed(name, Message("no text layer (scanned document)"))
        raise ImportFailed(name, Message("no text in PDF"))
    pages, hints = layout_pages(page_frags, sizes)
    hints.warnings.extend(Message("page {0} could not be read and was left out", n) for n in bad_pages)
    textless = [  # some pages scanned, others with text: the text is read, the scans named
        n for n, page in enumerate(pages, start=1)
        if n not in bad_pages and not page.footnotes and not any(line.strip() for line in page.lines)
    ]  # fmt: skip
    if textless:
        with _quiet_pypdf():
            textless = [n for n in textless if _has_image(reader.pages[n - 1])]
        if textless:
            if len(textless) == 1:
                warning = Message("page {0} has no text layer (scanned?) and could not be read", textless[0])
            else:
                warning = Message("pages {0} have no text layer (scanned?) and could not be read", _ranges(textless))
            hints.warnings.append(warning)
    letter = build_letter(pages, hints, source_file=source_file, content_hash=content_hash, fmt="pdf")
    letter = _marks_dropped(letter)
    if not letter.text.strip():  # only page furniture (page numbers, a running head) on scans
        raise ImportFailed(name, Message("no body text found: scanned or image-only pages?"))
    return letter


def _ranges(numbers: list[int]) -> str:
    """[2, 3, 4, 7] -> "2-4, 7"."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


_MARKED_NUMBER = re.compile(f"{cleaning.MARK_OPEN}[^{cleaning.MARK_CLOSE}]*{cleaning.MARK_CLOSE}?")


def _marks_dropped(letter: ParsedLetter) -> ParsedLetter:
    """The head fields are read from marked lines: a superscript marker there ("BES¹ is") is
    dropped with its in-band marks, so no private-use character reaches a field."""
    changes: dict[str, Any] = {}  # str | None values, for fields of several types (mypy checks them all)
    for name in ("subject", "signatory", "kind", "kamerstuk"):
        value = getattr(letter, name)
        if isinstance(value, str) and any(c in value for c in _OWN_MARKS):
            value = _MARKED_NUMBER.sub("", value)
            changes[name] = value.translate({ord(c): None for c in _OWN_MARKS}).strip() or None
    return dataclasses.replace(letter, **changes) if changes else letter


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every oddity of a damaged file; the user gets our one-line message instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _not_pdf_problem(data: bytes) -> Message:
    try:
        text = decode_bytes(data[:65536])
    except NotText:
        return Message("not a PDF (unrecognised data)")
    if text.strip():
        return Message("not a PDF (looks like text; rename it to .txt?)")
    return Message("not a PDF")


def _unlock(reader, name: str, password: str | None) -> None:
    from pypdf import PasswordType

    if not reader.is_encrypted:
        return
    if password is None:
        if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise PasswordNeeded(name)
        return
    if reader.decrypt(password) == PasswordType.NOT_DECRYPTED:
        raise PasswordNeeded(name, wrong=True)


# ---------------------------------------------------------------- fragments


def _read_pages(reader) -> tuple[list[list[Frag]], list[tuple[float, float]], bool, list[int]]:
    """Fragments and size of every page; a page whose content is damaged is skipped (and named),
    unless every page is."""
    page_frags: list[list[Frag]] = []
    sizes: list[tuple[float, float]] = []
    bad: list[int] = []
    has_images = False
    first_error: Exception | None = None
    for number, page in enumerate(reader.pages, start=1):
        try:
            box = page.mediabox
            size = (float(box.width), float(box.height))
            frags = _page_fragments(page, reader)
        except (RecursionError, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - one damaged page should not lose the others
            bad.append(number)
            first_error = first_error or exc
            size, frags = A4_POINTS, []  # keep its place so page numbers stay true
        sizes.append(size)
        page_frags.append(frags)
        if not has_images and number not in bad and sum(len(f.text.strip()) for f in frags) < 10:
            has_images = _has_image(page)
    if bad and len(bad) == len(page_frags):
        raise first_error or ValueError("no readable page")
    return page_frags, sizes, has_images, bad


def _page_fragments(page, reader) -> list[Frag]:
    from pypdf.generic import ContentStream, NameObject, NumberObject

    contents = page.get("/Contents")
    if contents is None:
        return []
    stream = ContentStream(contents.get_object(), reader, "bytes")
    identity = [NumberObject(1), NumberObject(0), NumberObject(0), NumberObject(1), NumberObject(0), NumberObject(0)]
    operations = []
    spaces = _SpaceWidths(page)
    spaced = spaces.fonts_showing_spaces(stream.operations)
    space = 0.0
    for operands, operator in stream.operations:
        if operator == b"Tf" and operands:
            space = spaces.width(operands[0]) if operands[0] in spaced else 0.0
        elif operator == b"TJ" and operands and space > 0:
            operands = [_kerning_kept_whole(operands[0], space), *operands[1:]]
        if operator in (b"Tj", b"TJ", b"'", b'"'):
            operations.append((identity, b"cm"))
        operations.append((operands, operator))
    split = ContentStream(None, reader)
    split.operations = operations
    page[NameObject("/Contents")] = split
    frags: list[Frag] = []
    state = _TextState()
    metrics = _Metrics()

    def visit(text, cm, tm, font, size) -> None:
        if not text:
            return
        m = _mult(tm, cm)
        scale = math.hypot(m[2], m[3]) or 1.0
        y = m[5] + state.shown_rise * scale
        eff = abs(float(size or 0)) * scale
        width = metrics.width(font, text.rstrip("\n"), eff) + state.shown_extra * math.hypot(m[0], m[1])
        frags.append(Frag(m[4], y, eff, text, max(0.0, width)))

    page.extract_text(visitor_text=visit, visitor_operand_before=state.before)
    return frags


class _SpaceWidths:
    """The width of a space (thousandths of the font size) and the bytes of the space glyph of each
    font a page names."""

    def __init__(self, page) -> None:
        self.page = page
        self.cache: dict[object, tuple[float, bytes]] = {}

    def _font(self, name) -> tuple[float, bytes]:
        if name not in self.cache:
            value = (0.0, b"")
            try:
                from pypdf.generic._font import Font  # private, but pinned (pypdf 7.1)

                fonts = self.page["/Resources"].get_object()["/Font"].get_object()
                font = Font.from_font_resource(fonts[name].get_object())
                char = font.space_char or " "
                two_bytes = isinstance(font.encoding, str)  # CID font: 2-byte codes
                code = char.encode("utf-16-be") if two_bytes else char.encode("latin-1")
                value = (float(font.space_width or 0.0), code)
            except Exception:  # noqa: BLE001 - unknown font: pypdf's own rule stays
                value = (0.0, b"")
            self.cache[name] = value
        return self.cache[name]

    def width(self, name) -> float:
        return self._font(name)[0]

    def fonts_showing_spaces(self, operations) -> set:
        """Fonts whose text shows the space glyph itself: their word gaps are spaces, so a TJ
        offset is kerning or letter spacing. (Text set without space glyphs, as TeX does, keeps
        pypdf's rule that an offset from half a space on is a word gap.)"""
        found: set = set()
        font = None
        for operands, operator in operations:
            if operator == b"Tf" and operands:
                font = operands[0]
            elif operator in (b"Tj", b"TJ", b"'", b'"') and operands and font is not None and font not in found:
                code = self._font(font)[1]
                items = operands[0] if operator == b"TJ" else operands[-1:]
                if code and any(isinstance(i, bytes) and code in i for i in items):
                    found.add(font)
        return found


def _kerning_kept_whole(items, space: float):
    """A TJ array whose offsets narrower than 0.75 of a space are cut into pieces too small for
    pypdf to take for a word gap (it adds a space from half a space on): a wide first glyph or
    letter-spaced word ("A dvies", "‘V erkenning") stays one word; the pen ends where it did."""
    from pypdf.generic import ArrayObject, FloatObject

    if not isinstance(items, list):
        return items
    piece = 0.4 * space / 2
    out = ArrayObject()
    changed = False
    for item in items:
        if isinstance(item, (int, float)) and not isinstance(item, bool) and piece > 0:
            value = float(item)
            if piece < -value < 0.75 * space:
                count = math.ceil(-value / piece)
                out.extend(FloatObject(value / count) for _ in range(count))
                changed = True
                continue
        out.append(item)
    return out if changed else items


class _Metrics:
    """Text widths from the fonts' own metrics (pypdf's Font), cached per font dictionary."""

    def __init__(self) -> None:
        self.fonts: dict[int, Font | None] = {}  # None: no usable metrics, the width is estimated

    def width(self, font_resource, text: str, size: float) -> float:
        key = id(font_resource)
        if key not in self.fonts:
            font: Font | None = None
            if font_resource is not None:
                try:
                    from pypdf.generic._font import (
                        Font,  # private, but pinned (pypdf 7.1)
                    )

                    font = Font.from_font_resource(font_resource)
                except Exception:  # noqa: BLE001 - unusual fonts fall back to an estimate
                    font = None
            self.fonts[key] = font
        font = self.fonts[key]
        if font is not None:
            try:
                return font.get_text_width(text) * size / 1000.0
            except Exception:  # noqa: BLE001
                pass
        return 0.5 * size * len(text)


class _TextState:
    """Text state pypdf does not report: the rise (``Ts``, used by superscripts) and the spacing
    that widens shown text (``Tc``, ``Tw``, offsets inside ``TJ``), for the text operator whose
    run pypdf reports next (each run is flushed just before the next text operator)."""

    def __init__(self) -> None:
        self.rise = 0.0
        self.char_spacing = 0.0
        self.word_spacing = 0.0
        self.font_size = 0.0
        self.stack: list[tuple[float, float, float, float]] = []
        self.shown_rise = 0.0
        self.shown_extra = 0.0  # extra advance of the last shown text, in text space

    def before(self, operator, operands, cm, tm) -> None:  # noqa: ARG002 - pypdf's signature
        if operator in (b"Tj", b"TJ", b"'", b'"'):
            self.shown_rise = self.rise
            self.shown_extra = self._extra(operator, operands)
        elif operator == b"Ts":
            self.rise = _number(operands, 0)
        elif operator == b"Tc":
            self.char_spacing = _number(operands, 0)
        elif operator == b"Tw":
            self.word_spacing = _number(operands, 0)
        elif operator == b"Tf":
            self.font_size = _number(operands, 1)
        elif operator == b"q":
            self.stack.append((self.rise, self.char_spacing, self.word_spacing, self.font_size))
        elif operator == b"Q" and self.stack:
            self.rise, self.char_spacing, self.word_spacing, self.font_size = self.stack.pop()

    def _extra(self, operator: bytes, operands) -> float:
        if operator == b'"' and len(operands) >= 3:
            self.word_spacing, self.char_spacing = _number(operands, 0), _number(operands, 1)
            operands = operands[2:]
        items = operands[0] if operator == b"TJ" and operands else operands
        chars = spaces = 0
        offset = 0.0
        try:
            for item in items:
                if isinstance(item, (bytes, str)):
                    raw = item if isinstance(item, bytes) else item.encode("latin-1", "replace")
                    chars += len(raw)
                    spaces += raw.count(b" ")
                else:
                    offset += float(item)
        except (TypeError, ValueError):
            return 0.0
        return chars * self.char_spacing + spaces * self.word_spacing - offset / 1000.0 * self.font_size


def _number(operands, index: int) -> float:
    try:
        return float(operands[index])
    except (IndexError, TypeError, ValueError):
        return 0.0


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _has_image(page) -> bool:
    try:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        if xobjects:
            for ref in xobjects.get_object().values():
                if ref.get_object().get("/Subtype") == "/Image":
                    return True
        return bool(page.images)
    except Exception:  # noqa: BLE001 - a damaged resource dictionary is simply "no image"
        return False


