"""The bundled Unicode fonts, and fallback fonts per character run.

Main families: Noto Sans and Noto Serif (SIL OFL 1.1, see resources/fonts/OFL.txt). Fallbacks, tried
in this order for a character both main families lack: Noto Sans Math, Noto Sans Symbols 2 (OFL) and
DejaVu Sans (Bitstream Vera licence, resources/fonts/LICENSE-DejaVu.txt). So "≈ → ≥ ≤ ≠ ✓ ∑" print
and reach the text layer. A character no bundled font has (CJK, most emoji) is printed visibly as
``[U+4E2D]`` and collected, so the export can report it as a warning (:func:`collecting_missing`).
Characters beyond the Basic Multilingual Plane (emoji) count as missing even where DejaVu has a
glyph: reportlab 5.1 writes their ToUnicode entry wrongly (U+1F600 is extracted as U+1F60 "ὠ").

PDFs never depend on the fonts installed on the machine: the TTFs are read from
``desktop_app.paths.resources_dir() / "fonts"`` and embedded (subset) by reportlab. ReportLab does not
shape text without uharfbuzz, so no ligature glyphs (ﬁ, ﬂ) end up in the text layer.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.errors import ExportFailed
from desktop_app.paths import resources_dir

SERIF = "KLSerif"
SANS = "KLSans"

_FAMILIES = {
    SERIF: "NotoSerif",
    SANS: "NotoSans",
}
_STYLES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
# reportlab font name -> file, in the order they are tried
FALLBACKS = {
    "KLMath": "NotoSansMath-Regular.ttf",
    "KLSymbols2": "NotoSansSymbols2-Regular.ttf",
    "KLDejaVu": "DejaVuSans.ttf",
}
_lock = threading.Lock()
_registered = False
_main_cover: frozenset[int] = frozenset()
_fallback_cover: dict[str, frozenset[int]] = {}
_local = threading.local()
_outside_main: re.Pattern[str] | None = None  # matches a character the main fonts lack


def _outside(cover: frozenset[int] | set[int]) -> re.Pattern[str]:
    """A pattern matching any character not in ``cover`` (one search per text instead of a Python
    loop over its characters: most Dutch text needs no fallback at all)."""
    ranges: list[list[int]] = []
    for code in sorted(cover):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[^{body}]")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register both families and the fallbacks with reportlab once per process (safe from any thread)."""
    global _registered, _main_cover
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        folder = fonts_dir()

        def load(name: str, path: Path) -> TTFont:
            try:
                font = TTFont(name, str(path))
            except (OSError, TTFError) as err:
                raise ExportFailed(f"{path}: the bundled font could not be loaded ({err}).") from err
            pdfmetrics.registerFont(font)
            return font

        cover: set[int] | None = None
        for family, stem in _FAMILIES.items():
            for suffix, style in _STYLES.items():
                font = load(family + suffix, folder / f"{stem}-{style}.ttf")
                chars = set(font.face.charToGlyph)
                cover = chars if cover is None else cover & chars
            addMapping(family, 0, 0, family)
            addMapping(family, 1, 0, family + "-Bold")
            addMapping(family, 0, 1, family + "-Italic")
            addMapping(family, 1, 1, family + "-BoldItalic")
        _main_cover = frozenset(cover or ())
        global _outside_main
        _outside_main = _outside(_main_cover | {ord(c) for c in "\n\t "})
        for name, filename in FALLBACKS.items():
            font = load(name, folder / filename)
            _fallback_cover[name] = frozenset(font.face.charToGlyph)
            for style in ("-Bold", "-Italic", "-BoldItalic"):  # one weight: bold text falls back to regular
                addMapping(name, "Bold" in style, "Italic" in style, name)
        _registered = True


def _invisible(ch: str) -> bool:
    """Format characters and variation selectors (ZWJ, U+FE0F ...): nothing to print, nothing lost."""
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF


def font_for(ch: str) -> str | None:
    """"" for the main fonts, a fallback's name, or None when no bundled font has ``ch``."""
    code = ord(ch)
    if code in _main_cover or ch in "\n\t ":
        return ""
    if code > 0xFFFF:  # reportlab writes a wrong ToUnicode entry beyond the BMP: the text layer would lie
        return None
    for name, cover in _fallback_cover.items():
        if code in cover:
            return name
    return None


def placeholder(ch: str) -> str:
    return f"[U+{ord(ch):04X}]"


def runs(value: str) -> list[tuple[str, str]]:
    """``value`` cut into (font, text) runs: font "" is the main font, else a fallback's name.
    Characters no font has become :func:`placeholder` text in the main font (and are collected);
    invisible format characters are dropped."""
    if value.isascii():
        return [("", value)] if value else []
    register_fonts()
    if _outside_main is not None and not _outside_main.search(value):
        return [("", value)]
    out: list[tuple[str, str]] = []
    for ch in value:
        font = font_for(ch)
        if font is None:
            if _invisible(ch):
                continue
            _note_missing(ch)
            font, ch = "", placeholder(ch)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def with_fallbacks(escaped: str) -> str:
    """Paragraph markup (already escaped) with runs the main fonts lack wrapped in
    ``<font name="...">``. Entities (&amp; ...) are ASCII, so they are never split."""
    if escaped.isascii():
        return escaped
    parts = []
    for font, chunk in runs(escaped):
        parts.append(f'<font name="{font}">{chunk}</font>' if font else chunk)
    return "".join(parts)


def plain_with_placeholders(value: str) -> str:
    """``value`` with characters no bundled font has replaced as in the PDF (for canvas strings)."""
    return "".join(chunk for _font, chunk in runs(value))


def draw_runs(canv: object, x: float, y: float, value: str, font: str, size: float) -> float:
    """Draw ``value`` at (x, y) on a reportlab canvas run by run; returns the width drawn."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    start = x
    for name, chunk in runs(value):
        face = name or font
        canv.setFont(face, size)  # type: ignore[attr-defined]
        canv.drawString(x, y, chunk)  # type: ignore[attr-defined]
        x += stringWidth(chunk, face, size)
    return x - start


def runs_width(value: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(chunk, name or font, size) for name, chunk in runs(value))


def _note_missing(ch: str) -> None:
    for found in getattr(_local, "collectors", ()):
        found[ch] = found.get(ch, 0) + 1


@contextmanager
def collecting_missing() -> Iterator[dict[str, int]]:
    """Within the block (on this thread), characters printed as placeholders are counted here."""
    found: dict[str, int] = {}
    collectors = getattr(_local, "collectors", None)
    if collectors is None:
        collectors = _local.collectors = []
    collectors.append(found)
    try:
        yield found
    finally:
        collectors.remove(found)


def missing_warning(found: dict[str, int]) -> str | None:
    """One line naming the characters no bundled font has (in the CLI's language, English), or None."""
    if not found:
        return None
    listed = ", ".join(f"{ch} as {placeholder(ch)} ({n}x)" for ch, n in sorted(found.items()))
    return f"No bundled font has these characters; printed {listed}"
