"""PDF reader: pypdf text fragments with geometry -> pages of body lines, footnotes and hints.

Every text fragment comes with its position and effective font size (pypdf ``visitor_text``).
pypdf reports text in runs that only end at a font change, a ``cm`` or a line break, so a raised
superscript drawn with a new text matrix would be glued to the text before it. To see every
show-text operator separately, an identity ``cm`` is put before each one in a private copy of the
page's content stream (a no-op for drawing; pypdf flushes its run there).

Layout roles, decided by geometry:
- superscript marker: digits in a smaller font on a raised baseline within a body line;
- footnotes: the block of small-font lines under the body at the bottom of a page, starting with a
  number (raised or not); small lines above the first number continue the previous page's last
  footnote;
- running headers/footers: lines in the top/bottom margin repeating across pages (digits ignored),
  "Pagina 1 van 15", the official kst/ISSN footer lines, decorative big page marks;
- side column (ministry layout): small text far to the right of the body column; kept out of the
  body, used for metadata (Datum, Kenmerk).
"""

from __future__ import annotations

import dataclasses
import io
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from desktop_app.core.errors import ImportFailed, PasswordNeeded
from desktop_app.core.importing import cleaning
from desktop_app.core.importing import footnotes as fn
from desktop_app.core.importing.letter import Hints, build_letter
from desktop_app.core.importing.text import NotText, decode_bytes
from desktop_app.core.model import ParsedLetter

_FURNITURE = [
    *cleaning.FOOTER_PATTERNS,
    re.compile(r"^\s*[’']s-Gravenhage\s+\d{4}\b.*$"),  # colophon line with a footer beside it
    re.compile(r"^\s*(?:Eerste|Tweede)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}\b.*$"),

]
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
A4_POINTS = (595.0, 842.0)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_OWN_MARKS = cleaning.MARK_OPEN + cleaning.MARK_CLOSE + cleaning.PAGE_MARK
# Symbol and Wingdings fonts map their glyphs to U+F020-U+F0FF: bullets and arrows of lists.
_SYMBOL_GLYPHS = {0xF0B7: "•", 0xF0A7: "▪", 0xF0A8: "□", 0xF06E: "■", 0xF076: "❖", 0xF0D8: "➢",
                  0xF0E0: "→", 0xF0FC: "✓", 0xF02D: "-", 0xF06C: "●", 0xF071: "❑"}
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _public(text: str) -> str:
    """Text without private-use characters: symbol-font bullets become "•" (or their glyph), any
    other private-use character (the importer's own marks among them) is dropped."""
    return _PRIVATE_USE.sub(lambda m: _SYMBOL_GLYPHS.get(ord(m.group()), "•" if 0xF020 <= ord(m.group()) <= 0xF0FF else ""), text)
_MARKER_TEXT = re.compile(r"^\s*(\d{1,3})\s*$")


@dataclass
class Frag:
    x: float
    y: float
    size: float
    text: str
    width: float = 0.0  # advance width from the font's metrics (estimated when unknown)


@dataclass
class Line:
    y: float
    size: float  # size of the line's normal text
    x0: float
    pieces: list[tuple[str, bool]] = field(default_factory=list)  # (text, is_superscript_marker)
    x1: float = 0.0  # right edge
    last_x: float = -1.0  # x pypdf reported for the last fragment (repeats when not advanced)
    first_word: float = 0.0  # width of the line's first word

    @classmethod
    def start(cls, frag: Frag, text: str) -> Line:
        line = cls(frag.y, frag.size, frag.x, [(text, False)])
        shown = text.strip()
        word = shown.split(" ", 1)[0]
        line.first_word = frag.width * len(word) / len(shown) if shown else 0.0
        line.extend_to(frag)
        return line

    def extend_to(self, frag: Frag) -> None:
        """Move the right edge past ``frag``. pypdf does not advance x over shown text, so a
        fragment reported at the same x as the one before starts where that one ended."""
        start = self.x1 if abs(frag.x - self.last_x) < 0.01 else frag.x
        self.x1 = max(self.x1, start + frag.width)
        self.last_x = frag.x


    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(t for t, _ in self.pieces)).strip()

    def marked_text(self) -> str:
        """Text with superscript marker digits wrapped in the cleaning module's in-band marks."""
        out = []
        for text, is_marker in self.pieces:
            if is_marker:
                out.append(f"{cleaning.MARK_OPEN}{text.strip()}{cleaning.MARK_CLOSE}")
            else:
                out.append(text)
        return re.sub(r"[ \t]+", " ", "".join(out)).strip()


# ---------------------------------------------------------------- entry point


def read_pdf(
    data: bytes, *, name: str, source_file: str, content_hash: str, password: str | None
) -> ParsedLetter:
    """Read a PDF's bytes into a ParsedLetter; every problem becomes ImportFailed(name, ...)."""
    if b"%PDF-" not in data[:1024]:
        raise ImportFailed(name, _not_pdf_problem(data))
    if b"%%EOF" not in data[-2048:]:
        raise ImportFailed(name, "truncated or damaged PDF", details="no %%EOF marker at the end")
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
    except ImportError as exc:  # pragma: no cover - pinned dependency
        raise ImportFailed(name, "PDF support is not installed (pypdf)") from exc
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader, name, password)
            page_frags, sizes, has_images, bad_pages = _read_pages(reader)
    except ImportFailed:
        raise
    except DependencyError as exc:
        raise ImportFailed(name, "encrypted PDF needs the 'cryptography' package") from exc
    except FileNotDecryptedError as exc:
        raise PasswordNeeded(name, wrong=password is not None) from exc
    except RecursionError as exc:
        raise ImportFailed(name, "damaged PDF (too deeply nested)") from exc
    except MemoryError as exc:
        raise ImportFailed(name, "PDF too large to read (out of memory)") from exc
    except (PyPdfError, Exception) as exc:  # noqa: BLE001 - pypdf raises many types on bad input
        raise ImportFailed(name, "truncated or damaged PDF", details=repr(exc)) from exc

    total_chars = sum(len(f.text.strip()) for frags in page_frags for f in frags)
    if total_chars < 10:
        if bad_pages:
            raise ImportFailed(name, "truncated or damaged PDF")
        if has_images:
            raise ImportFailed(name, "no text layer (scanned document)")
        raise ImportFailed(name, "no text in PDF")
    pages, hints = layout_pages(page_frags, sizes)
    hints.warnings.extend(f"page {n} could not be read and was left out" for n in bad_pages)
    letter = build_letter(pages, hints, source_file=source_file, content_hash=content_hash, fmt="pdf")
    return _marks_dropped(letter)


_MARKED_NUMBER = re.compile(f"{cleaning.MARK_OPEN}[^{cleaning.MARK_CLOSE}]*{cleaning.MARK_CLOSE}?")


def _marks_dropped(letter: ParsedLetter) -> ParsedLetter:
    """The head fields are read from marked lines: a superscript marker there ("BES¹ is") is
    dropped with its in-band marks, so no private-use character reaches a field."""
    changes = {}
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


def _not_pdf_problem(data: bytes) -> str:
    try:
        text = decode_bytes(data[:65536])
    except NotText:
        return "not a PDF (unrecognised data)"
    if text.strip():
        return "not a PDF (looks like text; rename it to .txt?)"
    return "not a PDF"


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
    space = 0.0
    for operands, operator in stream.operations:
        if operator == b"Tf" and operands:
            space = spaces.width(operands[0])
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
    """The width of a space (thousandths of the font size) of each font a page names."""

    def __init__(self, page) -> None:
        self.page = page
        self.cache: dict[object, float] = {}

    def width(self, name) -> float:
        if name not in self.cache:
            value = 0.0
            try:
                from pypdf.generic._font import Font  # private, but pinned (pypdf 7.1)

                fonts = self.page["/Resources"].get_object()["/Font"].get_object()
                value = float(Font.from_font_resource(fonts[name].get_object()).space_width or 0.0)
            except Exception:  # noqa: BLE001 - unknown font: pypdf's own rule stays
                value = 0.0
            self.cache[name] = value
        return self.cache[name]


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
        self.fonts: dict[int, object] = {}

    def width(self, font_resource, text: str, size: float) -> float:
        font = self.fonts.get(id(font_resource), False)
        if font is False:
            font = None
            if font_resource is not None:
                try:
                    from pypdf.generic._font import Font  # private, but pinned (pypdf 7.1)

                    font = Font.from_font_resource(font_resource)
                except Exception:  # noqa: BLE001 - unusual fonts fall back to an estimate
                    font = None
            self.fonts[id(font_resource)] = font
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


# ---------------------------------------------------------------- lines


def _group_lines(frags: list[Frag], side_x: float | None = None) -> list[Line]:
    """Lines of a page: fragments grouped in content order, then pieces on one baseline joined
    (never across the side column's left edge ``side_x``)."""
    return _merge_same_baseline(_content_lines(frags), side_x)


def _content_lines(frags: list[Frag]) -> list[Line]:
    """Group fragments (content order) into lines; raised small digits become marker pieces."""
    lines: list[Line] = []
    cur: Line | None = None
    for frag in frags:
        # WinAnsiEncoding maps unused codes (0x7F ...) to the bullet; pypdf returns DEL
        text = frag.text.replace("\n", " ").replace("\x7f", "•").translate(_LIGATURES)
        if _PRIVATE_USE.search(text):
            text = _public(text)
        if not text.strip():
            if cur is not None and text:
                cur.pieces.append((" ", False))
                cur.extend_to(frag)
            continue
        if cur is not None and _continues(cur, frag):
            if _is_superscript(cur, frag, text):
                cur.pieces.append((text.strip(), True))
                if text.endswith(" "):
                    cur.pieces.append((" ", False))
            else:
                if _only_markers(cur) and frag.size > cur.size:
                    cur.y, cur.size = frag.y, frag.size
                cur.pieces.append((text, False))
                cur.size = max(cur.size, frag.size) if not _only_markers(cur) else frag.size
            cur.extend_to(frag)
            continue
        cur = Line.start(frag, text)
        lines.append(cur)
    return lines


def _continues(line: Line, frag: Frag) -> bool:
    tolerance = 0.3 * max(line.size, frag.size, 1.0)
    if abs(frag.y - line.y) <= tolerance:
        return True
    if frag.size < 0.85 * line.size and 0 < frag.y - line.y < 0.8 * line.size:
        return True  # raised smaller text: superscript
    if _only_markers(line) and frag.size > line.size and 0 < line.y - frag.y < 0.8 * frag.size:
        return True  # text after a raised footnote number at the start of a footnote
    return False


def _is_superscript(line: Line, frag: Frag, text: str) -> bool:
    return (
        bool(_MARKER_TEXT.match(text))
        and frag.size < 0.85 * line.size
        and frag.y - line.y > 0.12 * line.size
    )


def _only_markers(line: Line) -> bool:
    """A line that so far holds only a (raised) number: the start of a footnote."""
    return all(not text.strip() or _MARKER_TEXT.match(text) for text, _ in line.pieces)


def _merge_same_baseline(lines: list[Line], side_x: float | None = None) -> list[Line]:
    """Pieces of one printed line drawn at different moments are joined, left to right; a piece
    in the side column (from ``side_x`` on) is never joined to one left of it."""
    merged: list[Line] = []

    def side(line: Line) -> bool:
        return side_x is not None and line.x0 >= side_x - 2

    for line in sorted(lines, key=lambda ln: -ln.y):
        target = next(
            (
                m
                for m in merged
                if abs(m.y - line.y) <= 0.3 * max(m.size, line.size, 1.0) and side(m) == side(line)
            ),
            None,
        )
        # a different size on the same baseline is another column (a side column), not the line
        if target is None or abs(target.size - line.size) > 0.1 * max(target.size, line.size):
            merged.append(line)
            continue
        if line.x0 < target.x0:
            line.pieces.append((" ", False))
            target.pieces = line.pieces + target.pieces
            target.x0 = line.x0
            target.first_word = line.first_word
        else:
            target.pieces = target.pieces + [(" ", False)] + line.pieces
        target.x1 = max(target.x1, line.x1)
    merged.sort(key=lambda ln: (-round(ln.y, 0), ln.x0))
    return merged


# ---------------------------------------------------------------- layout roles


def layout_pages(
    page_frags: list[list[Frag]], sizes: list[tuple[float, float]]
) -> tuple[list[cleaning.Page], Hints]:
    """Decide the role of every line and build the pages the cleaner assembles."""
    raw = [_content_lines(frags) for frags in page_frags]
    side_x = _side_column_x(raw, sizes)
    page_lines = [_merge_same_baseline(lines, side_x) for lines in raw]
    body_size = _body_size(page_lines, sizes)
    repeated = _repeated_margin_lines(page_lines, sizes)
    hints = Hints(pages=len(page_frags))
    pages: list[cleaning.Page] = []
    page_bodies: list[list[Line]] = []
    expected = 1
    markers_seen: set[int] = set()
    for index, lines in enumerate(page_lines):
        width, height = sizes[index]
        page_markers = _markers(lines)
        markers_seen |= page_markers
        body: list[Line] = []
        footers: list[Line] = []
        for position, line in enumerate(lines):
            text = line.text
            if not text:
                continue
            if _is_furniture(line, text, height, body_size, repeated, page_markers, lines, position):
                hints.furniture.append(text)
                footers.append(line)
            elif _is_side_column(line, width, body_size, side_x):
                hints.side_lines.append(text)
            else:
                body.append(line)
        for line in _footer_block(footers, body, height):
            body.remove(line)
            hints.furniture.append(line.text)
        body, notes, expected, leading = _take_footnotes(body, body_size, expected, markers_seen)
        previous = pages[-1].footnotes if pages else []
        if leading and previous:  # a footnote running over from the previous page
            number, text = previous[-1]
            previous[-1] = (number, "\n".join([text, *(line.text for line in leading)]))
        else:
            body = body + leading
        page_bodies.append(body)
        pages.append(cleaning.Page([], notes))
    right = _column_right([ln for body in page_bodies for ln in body], body_size)
    for index, body in enumerate(page_bodies):
        pages[index].lines = _to_text_lines(body, right)
        if body:
            following = next((b[0] for b in page_bodies[index + 1 :] if b), None)
            pages[index].last_line_full = not _ends_before_margin(body[-1], following, right)
    return pages, hints


def _body_size(page_lines: list[list[Line]], sizes: list[tuple[float, float]]) -> float:
    """The most used font size (by characters) in the left half of the pages: the body text."""
    counts: Counter[float] = Counter()
    fallback: Counter[float] = Counter()
    for index, lines in enumerate(page_lines):
        for line in lines:
            key = round(line.size * 2) / 2
            fallback[key] += len(line.text)
            if line.x0 < 0.5 * sizes[index][0]:
                counts[key] += len(line.text)
    best = counts or fallback
    return best.most_common(1)[0][0] if best else 10.0


def _norm_furniture(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _repeated_margin_lines(page_lines: list[list[Line]], sizes: list[tuple[float, float]]) -> set[str]:
    """Texts (digits ignored) of margin lines that stand at the same height on several pages."""
    if len(page_lines) < 2:
        return set()
    seen: Counter[tuple[str, int]] = Counter()
    for index, lines in enumerate(page_lines):
        height = sizes[index][1]
        keys = set()
        for line in lines:
            if line.y > 0.85 * height or line.y < 0.15 * height:
                keys.add((_norm_furniture(line.text), round(line.y / 6)))
        seen.update(keys)
    need = 2 if len(page_lines) < 4 else max(2, len(page_lines) // 3)
    return {key[0] for key, count in seen.items() if count >= need}


def _markers(lines: list[Line]) -> set[int]:
    """Numbers of the raised footnote markers in a page's lines."""
    return {int(t.strip()) for line in lines for t, is_marker in line.pieces if is_marker and t.strip().isdigit()}


def _is_furniture(
    line: Line,
    text: str,
    height: float,
    body_size: float,
    repeated: set[str],
    page_markers: set[int],
    lines: list[Line],
    position: int,
) -> bool:
    in_margin = line.y > 0.85 * height or line.y < 0.15 * height
    note = _note_start(line)
    key = _norm_furniture(text)
    if in_margin and key and (key in repeated or f"{key} #" in repeated or f"# {key}" in repeated) and not (
        note and note[0] in page_markers
    ):
        return True  # a repeated footnote text ("1 Z-CERT_Rapport.pdf", "6 Z-CERT_...") is no footer
    if in_margin and _PAGE_NUMBER.match(text):
        return _alone(line, lines, position)  # "2018" ending a footnote's line is not a page number
    if in_margin and any(p.match(text) for p in _FURNITURE):
        return True
    if text.isdigit() and line.size > 2.5 * body_size:
        return True  # decorative big number (official layout)
    return bool(cleaning.is_artefact_line(text)) and in_margin


def _footer_block(footers: list[Line], body: list[Line], height: float) -> list[Line]:
    """Body lines that continue a footer downwards: a page-bottom block whose first line is
    furniture ("Openbare versie" over the title and reference on page 1) is furniture whole,
    except for lines that start a footnote."""
    taken: list[Line] = []
    for footer in footers:
        if footer.y > 0.15 * height:
            continue
        above = [ln for ln in body if ln.y > footer.y]
        if above and min(ln.y for ln in above) - footer.y < 2 * footer.size:
            continue  # not the top of a block
        y = footer.y
        for line in sorted((ln for ln in body if ln.y < footer.y), key=lambda ln: -ln.y):
            if (
                y - line.y > 1.6 * max(line.size, footer.size)
                or abs(line.size - footer.size) > 0.15 * footer.size
                or _note_start(line) is not None
            ):
                break
            taken.append(line)
            y = line.y
    return [ln for ln in body if any(ln is t for t in taken)]


def _alone(line: Line, lines: list[Line], position: int) -> bool:
    """No other line of the page within 1.6 line heights above or below."""
    reach = 1.6 * max(line.size, 1.0)
    near = lines[max(0, position - 3) : position] + lines[position + 1 : position + 4]
    return not any(abs(other.y - line.y) < reach and other.text and other.x0 < line.x1 + 50 and other.x1 > line.x0 - 50 for other in near)


def _is_side_column(line: Line, width: float, body_size: float, side_x: float | None) -> bool:
    """Small text far to the right of the body column, or any text from the side column's left
    edge on (a side column set in the body's size)."""
    if side_x is not None and line.x0 >= side_x - 2:
        return True
    return line.x0 > 0.68 * width and line.size < 0.92 * body_size


def _side_column_x(raw: list[list[Line]], sizes: list[tuple[float, float]]) -> float | None:
    """Left edge of a ministry side column, from x positions over the pages: a left edge in the
    right 40% of the page shared by at least three short lines on page 1 and six in all (a
    column of address, "Datum", "Onze referentie" lines), left of which no line runs into it."""
    if not raw or not raw[0]:
        return None
    counts: Counter[int] = Counter()
    first: Counter[int] = Counter()
    for index, lines in enumerate(raw):
        width = sizes[index][0]
        for line in lines:
            if line.x0 > 0.6 * width and line.x1 - line.x0 < 0.4 * width and line.text.strip():
                key = round(line.x0)
                counts[key] += 1
                if index == 0:
                    first[key] += 1
    candidates = sorted(x for x, n in counts.items() if n >= 6 and first[x] + first[x - 1] + first[x + 1] >= 3)
    for x in candidates:
        total = counts[x] + counts[x - 1] + counts[x + 1]
        if total < 6:
            continue
        crossing = sum(
            1 for lines in raw for line in lines if line.x0 < x - 20 and line.x1 > x + 20 and len(line.text) > 10
        )
        if crossing <= 0.02 * sum(len(lines) for lines in raw):
            return float(x - 1)
    return None


def _take_footnotes(
    body: list[Line], body_size: float, expected: int, markers_seen: set[int]
) -> tuple[list[Line], list[tuple[int, str]], int, list[Line]]:
    """Take the footnote block at the page bottom.

    The block is the run of small-font lines that ends the page, or (footnotes set in the body's
    size or larger) the lines under the lowest wide vertical gap when the first of them starts with
    the next footnote number and that number's raised marker has been seen in the body.

    Returns (body lines, footnotes, next expected number, leading lines): the leading lines are the
    small-font lines at the top of the block before its first footnote number, which continue the
    previous page's last footnote when there is one (the caller decides).
    """
    small = len(body)
    while small > 0 and body[small - 1].size < 0.92 * body_size:
        small -= 1
    if 0 < small < len(body):
        taken = _split_block(body, small, expected)
        if taken is not None:
            return taken
    start = _gap_block_start(body, expected, markers_seen)
    if start is not None:
        taken = _split_block(body, start, expected)
        if taken is not None:
            return taken
    if 0 < small < len(body):
        return body[:small], [], expected, body[small:]
    return body, [], expected, []


def _gap_block_start(body: list[Line], expected: int, markers_seen: set[int]) -> int | None:
    """Index of the first line under a wide gap that starts footnote ``expected`` (marker seen)."""
    if expected not in markers_seen or len(body) < 2:
        return None
    gaps = [a.y - b.y for a, b in zip(body, body[1:]) if 0 < a.y - b.y < 3 * a.size]
    step = sorted(gaps)[len(gaps) // 2] if gaps else body[0].size * 1.2
    for index in range(len(body) - 1, 0, -1):
        if body[index - 1].y - body[index].y <= 1.5 * step:
            continue
        started = _note_start(body[index])
        if started is not None and started[0] == expected:
            return index
        return None
    return None


def _split_block(
    body: list[Line], start: int, expected: int
) -> tuple[list[Line], list[tuple[int, str]], int, list[Line]] | None:
    block = body[start:]
    first_note = next((i for i, line in enumerate(block) if _note_start(line) is not None), len(block))
    notes: list[tuple[int, list[str]]] = []
    last = expected - 1
    for line in block[first_note:]:
        started = _note_start(line)
        if started is not None and last < started[0] <= last + 3:
            last = started[0]
            notes.append((started[0], [_own_number_dropped(started[0], started[1])]))
        elif notes:
            notes[-1][1].append(line.text)
    if not notes:
        return None
    joined = [(number, "\n".join(parts).strip()) for number, parts in notes]
    return body[:start], joined, notes[-1][0] + 1, block[:first_note]


def _own_number_dropped(number: int, text: str) -> str:
    """A footnote that repeats its own number glued to its text ("2 2Zemouri, C.") loses the copy."""
    own = str(number)
    if text.startswith(own) and text[len(own) : len(own) + 1].isupper():
        return text[len(own) :]
    return text


def _note_start(line: Line) -> tuple[int, str] | None:
    """(number, text) when a line begins like a footnote: raised digits, or "N text"."""
    pieces = [(t, m) for t, m in line.pieces if t.strip()]
    if not pieces:
        return None
    text, is_marker = pieces[0]
    if is_marker or (_MARKER_TEXT.match(text) and len(pieces) > 1):
        rest = re.sub(r"\s+", " ", "".join(t for t, _ in line.pieces[line.pieces.index(pieces[0]) + 1 :]))
        return int(text.strip()), rest.strip()
    return fn.footnote_start(line.text)


def _to_text_lines(lines: list[Line], right: float) -> list[str]:
    """Body lines as text, with a blank line where a paragraph ends: a wider vertical gap, or a
    line ending a sentence with room left for the next line's first word (``right`` is the right
    edge of the text column)."""
    if not lines:
        return []
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:]) if 0 < a.y - b.y < 3 * a.size]
    step = sorted(gaps)[len(gaps) // 2] if gaps else lines[0].size * 1.2
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None and (
            previous.y - line.y > 1.45 * step or _ends_before_margin(previous, line, right)
        ):
            out.append("")
        out.append(line.marked_text())
        previous = line
    return out


_SENTENCE_END = re.compile(r"[.!?:;][)\"'’”»]*$")


def _ends_before_margin(line: Line, following: Line | None, right: float) -> bool:
    """The line ends a sentence and the next line's first word would have fitted after it."""
    if not _SENTENCE_END.search(line.text) or right <= 0:
        return False
    if following is None:
        return line.x1 < right - 6 * line.size
    if abs(following.size - line.size) > 0.1 * line.size:
        return False
    space = 0.25 * line.size
    return line.x1 + space + following.first_word < right


def _column_right(lines: list[Line], body_size: float) -> float:
    """Right edge of the text column: the 97th percentile of body lines' right edges."""
    edges = sorted(ln.x1 for ln in lines if abs(ln.size - body_size) < 0.5 and len(ln.text) > 20)
    return edges[min(len(edges) - 1, int(len(edges) * 0.97))] if len(edges) >= 3 else 0.0
