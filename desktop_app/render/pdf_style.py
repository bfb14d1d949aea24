"""PDF export: page geometry, colours, paragraph styles and text escaping shared by the layout."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop_app.render.common import (
    clean_text,
)
from desktop_app.render.fonts import (
    SANS,
    SERIF,
    with_fallbacks,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#5b6470")
ACCENT = colors.HexColor("#154273")  # the dark blue of Dutch government documents
RULE = colors.HexColor("#c9cfd6")
ZEBRA = colors.HexColor("#f3f5f7")
ORPHAN = colors.HexColor("#a3262a")
NOTE_BG = colors.HexColor("#fbf6e6")  # the reader's own words on a pale tint, apart from the quoted letter
NOTE_RULE = colors.HexColor("#d8c27a")
LINK = "#154273"
STRIPE_WIDTH = 3.2
OVERVIEW_COLUMNS = 9  # letter columns per overview table
TOC_SUBSECTION_LIMIT = 40  # list letters under themes in the contents only when there are few

ProgressFn = Callable[[int, int, str], None]


# -- styles ----------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SANS, fontSize=9.5, leading=13.5, textColor=INK, alignment=TA_LEFT)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "kicker": style("kicker", fontSize=9, leading=12, textColor=MUTED, spaceAfter=10),
        "title": style("title", fontName=SANS + "-Bold", fontSize=24, leading=30, textColor=ACCENT, spaceAfter=14),
        "scope": style("scope", fontSize=11.5, leading=16, textColor=INK, spaceAfter=4),
        "made": style("made", fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=18),
        "h1": style(
            "h1", fontName=SANS + "-Bold", fontSize=15, leading=19, textColor=ACCENT, spaceBefore=4, spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": style(
            "h2", fontName=SANS + "-Bold", fontSize=10.5, leading=14, textColor=INK, spaceBefore=10, spaceAfter=1,
            keepWithNext=1,
        ),
        "h2meta": style("h2meta", fontSize=8, leading=11, textColor=MUTED, spaceAfter=7, keepWithNext=1),
        "intro": style("intro", fontSize=9, leading=13, textColor=MUTED, spaceAfter=8, keepWithNext=1),
        "quote": style("quote", fontName=SERIF, fontSize=10, leading=14.5, textColor=INK, spaceAfter=3),
        "orphan_quote": style("orphan_quote", fontName=SERIF, fontSize=10, leading=14.5, textColor=MUTED, spaceAfter=3),
        "orphan": style("orphan", fontName=SANS + "-Bold", fontSize=8, leading=11, textColor=ORPHAN, spaceAfter=2),
        "themes": style("themes", fontSize=7.5, leading=12, textColor=INK, spaceBefore=2, spaceAfter=3),
        "note": style(
            "note", fontSize=9, leading=13, textColor=INK, spaceBefore=5, spaceAfter=3, backColor=NOTE_BG,
            borderColor=NOTE_RULE, borderWidth=0.6, borderPadding=(3, 4, 3, 4), leftIndent=4, rightIndent=4,
        ),
        "description": style("description", fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=4, keepWithNext=1),
        "header": style("header", fontSize=9, leading=13, textColor=MUTED, spaceAfter=10),
        "small": style("small", fontName=SERIF, fontSize=8, leading=11, textColor=INK, spaceBefore=1),
        "cite": style("cite", fontSize=8, leading=11, textColor=INK, spaceBefore=1),
        "source": style("source", fontSize=7.5, leading=10.5, textColor=MUTED, spaceBefore=3),
        "cell": style("cell", fontSize=8, leading=10.5),
        "cell_head": style("cell_head", fontName=SANS + "-Bold", fontSize=8, leading=10.5, textColor=ACCENT),
        "cell_num": style("cell_num", fontSize=8, leading=10.5, alignment=TA_RIGHT),
        "cell_num_bold": style("cell_num_bold", fontName=SANS + "-Bold", fontSize=8, leading=10.5, alignment=TA_RIGHT),
        "src_title": style("src_title", fontName=SANS + "-Bold", fontSize=9.5, leading=13),
        "src_meta": style("src_meta", fontSize=8, leading=11, textColor=MUTED, spaceAfter=7),
        "src_meta_tight": style("src_meta_tight", fontSize=8, leading=11, textColor=MUTED),
        "src_ref": style("src_ref", fontSize=8, leading=11, textColor=MUTED, spaceAfter=7),
        "toc0": style("toc0", fontSize=10, leading=15, leftIndent=0, firstLineIndent=0),
        "toc1": style("toc1", fontSize=8.5, leading=12, leftIndent=12, firstLineIndent=0, textColor=MUTED),
    }


def escape(value: str) -> str:
    """Literal text for Paragraph markup: &, <, > escaped; control characters (which a PDF text layer
    cannot carry and a paste from elsewhere may bring) dropped, tabs made spaces; characters the main
    fonts lack set in a fallback font, or as a visible placeholder (see :mod:`desktop_app.render.fonts`)."""
    return with_fallbacks(xml_escape(clean_text(value)))


def text(value: str) -> str:
    """User or letter text as Paragraph markup: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


ORIGINAL_KEY = "original-"  # named destinations of the attached originals
