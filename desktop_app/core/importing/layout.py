"""Layout analysis of PDF pages: positioned text fragments -> lines with roles -> pages.

Input: every show-text fragment of a page with its position, effective font size and advance width
(read by pdf.py from pypdf). Output: per page the body lines (with superscript markers marked
in-band for the cleaner), the page's footnotes, and hints (side column, furniture) for metadata.
No OCR, no fonts' names: only geometry, sizes and a few text patterns. The rules, in order:

1. Lines: fragments on one baseline (within 0.3 of the font size) form a line; pieces of one
   printed line drawn at different moments are joined left to right, but never across the side
   column's left edge, nor when their sizes differ by more than 10% (another column).
2. Superscript marker: 1-3 digits in a font under 0.85 of the line's size, raised by more than
   0.12 of it, inside a line (or opening a footnote line).
3. Kerning: in a font whose text shows its own space glyph, an offset inside a TJ array narrower
   than 3/4 of the font's space is no word gap (pdf.py keeps "A dvies", "‘V erkenning" whole);
   text set without space glyphs (TeX) keeps pypdf's rule.
4. Body size: the most used size (by characters) of lines starting in the left half of the pages.
5. Side column: a left edge in the right 40% of the page shared by at least 3 short lines on page 1
   and 6 in all, with no longer line running across it, is the side column whatever its size;
   besides, any text under 0.92 of the body size starting right of 68% of the page width.
   Two text columns: an x in the middle 40% of a page crossed by at most a tenth of the
   body-size lines, with at least six long lines wholly on each side, is a gutter; the page is
   read left column first, between lines spanning both.
6. Furniture, in the top or bottom 15% of a page only: lines whose text (digits ignored, a page
   number beside it ignored) repeats at the same height on several pages (2 pages, or a third of
   them from 4 pages on), unless it starts with a footnote number whose marker is on the page;
   "Pagina x van y", official kst/ISSN footers, "Retouradres" lines; a lone number when no other
   line stands within 1.6 line heights (else it ends a footnote line: "2018"); a decorative number
   over 2.5 times the body size anywhere.
7. Footer block: the lines under a furniture line at the page bottom that follow it closely in the
   same size are furniture too, when that line tops its block (page 1's three-line footer).
8. Footnotes, by position: the run of small-font lines (under 0.92 of the body size) ending the
   page, or else the lines under the lowest wide gap (1.5 line steps) when the first (or one of
   the first four, the lines before it continuing the previous page's footnote) starts with the
   next footnote number and that number's marker was seen; a footnote starts with its number
   (raised, alone on its line above the text, "N text" or "Ntext"), numbers rise by 1 to 3; small
   lines above the first number continue the previous page's last footnote; a copy of the number
   glued to the text ("2 2Zemouri") is dropped.
9. Paragraphs: a vertical gap over 1.45 line steps, or a sentence-ending line with room left for
   the next line's first word (right edge: the 97th percentile of body lines' right edges).
10. Private use: symbol-font bullets (U+F0B7 ...) become "•", other private-use characters are
   dropped from the fragments, so only the importer's own marks are private.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from desktop_app.core.importing import cleaning
from desktop_app.core.importing import footnotes as fn
from desktop_app.core.importing.letter import Hints

_FURNITURE = [
    *cleaning.FOOTER_PATTERNS,
    re.compile(r"^\s*[’']s-Gravenhage\s+\d{4}\b.*$"),  # colophon line with a footer beside it
    re.compile(r"^\s*(?:Eerste|Tweede)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}\b.*$"),

]
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# Symbol and Wingdings fonts map their glyphs to U+F020-U+F0FF: bullets and arrows of lists.
_SYMBOL_GLYPHS = {
    0xF0B7: "•", 0xF0A7: "▪", 0xF0A8: "□", 0xF06E: "■", 0xF076: "❖", 0xF0D8: "➢",
    0xF0E0: "→", 0xF0FC: "✓", 0xF02D: "-", 0xF06C: "●", 0xF071: "❑",
}  # fmt: skip
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _public(text: str) -> str:
    """Text without private-use characters: symbol-font bullets become "•" (or their glyph), any
    other private-use character (the importer's own marks among them) is dropped."""

    def replace(match: re.Match[str]) -> str:
        code = ord(match.group())
        return _SYMBOL_GLYPHS.get(code, "•" if 0xF020 <= code <= 0xF0FF else "")

    return _PRIVATE_USE.sub(replace, text)


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
    column_right: float = 0.0  # right edge of its text column when the page has two (else 0)

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
            if cur is not None and text and not _far_right(cur, frag):
                cur.pieces.append((" ", False))
                cur.extend_to(frag)
            continue
        if cur is not None and _continues(cur, frag) and not _far_right(cur, frag):
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


def _far_right(line: Line, frag: Frag) -> bool:
    """A fragment starting over 2.5 font sizes right of the line's end: another column's line on
    the same baseline, kept apart until the columns are known (rule 1 joins it back otherwise)."""
    return abs(frag.x - line.last_x) >= 0.01 and frag.x > line.x1 + 2.5 * max(frag.size, 1.0)


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


def _merge_same_baseline(
    lines: list[Line], side_x: float | None = None, gutter: float | None = None
) -> list[Line]:
    """Pieces of one printed line drawn at different moments are joined, left to right; a piece
    in the side column (from ``side_x`` on) or right of a text column's ``gutter`` is never
    joined to one left of it."""
    merged: list[Line] = []
    splits = [x for x in (gutter, side_x) if x is not None]

    def side(line: Line) -> int:
        return sum(line.x0 >= x - 2 for x in splits)

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


@dataclass
class Region:
    """A line's box and role, for pictures of the analysis (scripts/layout_picture.py)."""

    page: int  # 0-based
    x0: float
    x1: float
    y: float  # baseline
    size: float
    role: str  # "body", "side", "furniture", "footnote"


def layout_pages(
    page_frags: list[list[Frag]], sizes: list[tuple[float, float]], trace: list[Region] | None = None
) -> tuple[list[cleaning.Page], Hints]:
    """Decide the role of every line and build the pages the cleaner assembles; with ``trace``,
    every line's box and role is appended to it."""
    raw = [_content_lines(frags) for frags in page_frags]
    side_x = _side_column_x(raw, sizes)
    raw_size = _body_size(raw, sizes)
    gutters = [_gutter(lines, sizes[i][0], raw_size, side_x) for i, lines in enumerate(raw)]
    page_lines = [_merge_same_baseline(lines, side_x, gutters[i]) for i, lines in enumerate(raw)]
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
        gutter = gutters[index]
        if gutter is not None:
            body = _column_order(body, gutter)
        body, notes, expected, leading = _take_footnotes(body, body_size, expected, markers_seen)
        previous = pages[-1].footnotes if pages else []
        if leading and previous:  # a footnote running over from the previous page
            number, text = previous[-1]
            previous[-1] = (number, "\n".join([text, *(line.text for line in leading)]))
        else:
            body = body + leading
        page_bodies.append(body)
        pages.append(cleaning.Page([], notes))
        if trace is not None:
            in_body = {id(line) for line in body}
            side = {id(line) for line in lines if _is_side_column(line, width, body_size, side_x)}
            furniture = set(map(id, footers)) | {id(line) for line in lines if line.text in hints.furniture}
            for line in lines:
                if not line.text:
                    continue
                role = (
                    "body" if id(line) in in_body
                    else "furniture" if id(line) in furniture
                    else "side" if id(line) in side
                    else "footnote"
                )
                trace.append(Region(index, line.x0, line.x1, line.y, line.size, role))
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


def _gutter(lines: list[Line], width: float, body_size: float, side_x: float | None) -> float | None:
    """The x of the gap between two text columns on a page, or None: an x in the middle 40% of
    the page that at most a tenth of the body-size lines cross (titles), with at least six long
    lines (over a fifth of the page wide) wholly on each side of it."""
    text = [
        ln for ln in lines
        if ln.text.strip() and abs(ln.size - body_size) <= 0.15 * body_size and (side_x is None or ln.x0 < side_x - 2)
    ]
    long = [ln for ln in text if ln.x1 - ln.x0 > 0.2 * width]
    if len(long) < 12:
        return None
    allowed = max(2, 0.1 * len(long))
    if sum(1 for ln in text if ln.x0 < 0.3 * width - 4 and ln.x1 > 0.7 * width + 4) > allowed:
        return None  # one column: its lines run across the whole middle
    best: tuple[int, float] | None = None
    for x in range(int(0.3 * width), int(0.7 * width), 2):
        if sum(1 for ln in text if ln.x0 < x - 4 and ln.x1 > x + 4) > allowed:
            continue  # (a title or a footnote may run across both columns)
        left = sum(1 for ln in long if ln.x1 <= x)
        right = sum(1 for ln in long if ln.x0 >= x)
        if left >= 6 and right >= 6 and (best is None or min(left, right) > best[0]):
            best = (min(left, right), float(x))
    return best[1] if best else None


def _column_order(body: list[Line], gutter: float) -> list[Line]:
    """Two text columns read column by column: between lines that span the gutter (a title, the
    footnotes), first the left column's lines, then the right column's."""
    ordered: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        edge = max((ln.x1 for ln in left), default=0.0)
        for line in left:
            line.column_right = edge
        ordered.extend(left + right)
        left.clear()
        right.clear()

    for line in body:
        if line.x0 < gutter - 4 and line.x1 > gutter + 4:
            flush()
            ordered.append(line)
        elif line.x0 >= gutter - 2:
            right.append(line)
        else:
            left.append(line)
    flush()
    return ordered


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
        for first in range(index, min(index + 4, len(body))):  # up to 3 lines continuing a note
            started = _note_start(body[first])
            if started is not None and started[0] == expected:
                return index
            if first > index and body[first - 1].y - body[first].y > 1.5 * step:
                break
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
    right = line.column_right or right
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
