"""SummaryDocument -> PDF with reportlab Platypus, then pypdf for outline, metadata and originals.

Layout: A4, a cover page (title, scope, date, counts), contents, the theme overview, the sections
with each passage as a quotation with a bar in its themes' colours, and the list of sources. Every
piece of user or letter text goes through :func:`xml.sax.saxutils.escape` before it reaches a
Paragraph, so "<b>" or "&amp;" in a note is printed as typed, never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.core.export.labels import Words
from desktop_app.core.export.model import (
    Passage,
    Section,
    SourceInfo,
    Subsection,
    SummaryDocument,
    ThemeTag,
)
from desktop_app.core.export.contrast import ink_for
from desktop_app.core.superscript import is_superscript
from desktop_app.core.tasks import CancelToken
from desktop_app.render.common import (
    citation_parts,
    clean_text,
    format_date,
    source_kamerstuk,
    official_url,
    paragraphs,
    source_details,
    source_ref,
)
from desktop_app.render.fonts import SANS, SERIF, draw_runs, register_fonts, runs_width, with_fallbacks

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


# -- document template -----------------------------------------------------------------------------


@dataclass
class OutlineEntry:
    key: str
    title: str
    level: int
    page: int  # 1-based page in the summary PDF
    top: float | None = None  # the heading's top on that page (PDF units), when known


@dataclass
class _BuildState:
    total_flowables: int
    progress: ProgressFn | None
    cancel: CancelToken | None
    passes: int = 0
    done: int = 0
    pages: int = 0
    outline: list[OutlineEntry] = field(default_factory=list)
    pages_of: dict[str, int] = field(default_factory=dict)  # outline key -> page
    after_summary: dict[str, int] = field(default_factory=dict)  # original's key -> its first page - pages
    appended_pages: int = 0  # pages of the originals that pypdf appends after the summary
    tops: dict[str, float] = field(default_factory=dict)  # outline key -> top of its heading on the page
    later_links: list[tuple[int, tuple[float, float, float, float], str]] = field(default_factory=list)
    # (page, rectangle, original's key): links pypdf adds once the originals are appended

    def link_later(self, canv: Canvas, rect: tuple[float, float, float, float], key: str) -> None:
        """A link from ``rect`` (in the canvas's current coordinates) to an appended original."""
        x0, y0 = canv.absolutePosition(rect[0], rect[1])
        x1, y1 = canv.absolutePosition(rect[2], rect[3])
        self.later_links.append((canv.getPageNumber(), (x0, y0, x1, y1), key))

    def page_for(self, key: str) -> int | None:
        """Where a heading (or an appended original) starts; asked only when the file is saved."""
        if key in self.after_summary:
            return self.pages + self.after_summary[key]
        return self.pages_of.get(key)


class _Heading(Paragraph):
    """A paragraph that is also a contents entry and a bookmark."""

    def __init__(self, markup: str, style: ParagraphStyle, *, key: str, title: str, level: int, toc: bool) -> None:
        super().__init__(markup, style)
        self.outline_key = key
        self.outline_title = title
        self.outline_level = level
        self.in_toc = toc
        self.top: float | None = None

    def draw(self) -> None:
        self.top = self.canv.absolutePosition(0, self.height)[1]
        super().draw()


class _Anchor(Flowable):
    """An invisible outline/contents entry (for headings that are tables or start a page)."""

    def __init__(self, *, key: str, title: str, level: int, toc: bool) -> None:
        super().__init__()
        self.outline_key = key
        self.outline_title = title
        self.outline_level = level
        self.in_toc = toc
        self.top: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return (0, 0)

    def draw(self) -> None:
        self.top = self.canv.absolutePosition(0, 0)[1]


def document_info(summary: SummaryDocument, author: str = "Kamerlezer") -> dict[str, str]:
    """The document information (and XMP) of a summary PDF."""
    words = summary.words
    return {
        "/Title": summary.title,
        "/Author": summary.author or author,
        "/Subject": words("subject_prefix") + summary.scope_description,
        "/Keywords": ", ".join(["Kamerlezer", words("default_title")] + [t.path for t in summary.overview.themes]),
        "/Creator": "Kamerlezer",
    }


def pdf_language(summary: SummaryDocument) -> str:
    return "nl-NL" if summary.language == "nl" else "en-GB"


def xmp_packet(info: dict[str, str], language: str, created: str) -> str:
    """XMP metadata (Dublin Core title, creator, description, language; PDF keywords) matching the
    document information dictionary, as PDF/A and accessibility checkers expect."""

    def x(value: str) -> str:
        return xml_escape(value, {'"': "&quot;"})

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{x(info["/Title"])}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{x(info["/Author"])}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{x(info["/Subject"])}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{x(info["/Keywords"])}</pdf:Keywords>
   <pdf:Producer>Kamerlezer (ReportLab, pypdf)</pdf:Producer>
   <xmp:CreatorTool>{x(info["/Creator"])}</xmp:CreatorTool>
   <xmp:CreateDate>{x(created)}</xmp:CreateDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


class _SummaryTemplate(BaseDocTemplate):
    """The layout. Without originals to append (``native``) reportlab writes the finished file itself:
    outline, metadata, /Lang, DisplayDocTitle and XMP; pypdf then has nothing to do, which saves
    re-reading a file with thousands of objects (links). With originals pypdf adds all of that."""

    def __init__(
        self, filename: str, summary: SummaryDocument, state: _BuildState, *, native: bool, author: str, **kw: Any
    ) -> None:
        info = document_info(summary, author)
        self.native = native
        self.info = info
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=info["/Title"],
            subject=info["/Subject"],
            creator=info["/Creator"],
            author=info["/Author"],
            keywords=info["/Keywords"],
            lang=pdf_language(summary),
            **kw,
        )
        self.summary = summary
        self.state = state
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        body = PageTemplate(id="body", frames=[frame], onPage=self._body_page)
        cover = PageTemplate(id="cover", frames=[frame], onPage=self._cover_page)
        self.addPageTemplates([body, cover] if summary.compact else [cover, body])

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab hook)
        if not self.native:
            return
        from reportlab.pdfbase.pdfdoc import XMP

        canv = self.canv
        canv.setViewerPreference("DisplayDocTitle", "true")  # the window shows the title
        canv.showOutline()
        packet = xmp_packet(self.info, pdf_language(self.summary), self.summary.created)
        data = packet.encode("utf-8")
        canv._doc.Catalog.Metadata = XMP(creator=lambda _doc: data)  # noqa: SLF001

    def handle_documentBegin(self) -> None:  # noqa: N802 (reportlab hook)
        super().handle_documentBegin()
        self.state.passes += 1
        self.state.outline = []

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab hook)
        state = self.state
        if state.cancel:
            state.cancel.check()
        state.done += 1
        if state.progress and state.done % 20 == 0:
            total = state.total_flowables
            state.progress(min(state.done, total - 1), total, f"Laying out page {self.page}")
        key = getattr(flowable, "outline_key", None)
        if key is None:
            return
        page = self.canv.getPageNumber()
        top = getattr(flowable, "top", None)
        if top is None:
            self.canv.bookmarkPage(key)
        else:  # the destination is the heading itself, not the top of its page
            top = min(PAGE_HEIGHT, top + 6)
            self.canv.bookmarkHorizontalAbsolute(key, top)
        state.outline.append(OutlineEntry(key, flowable.outline_title, flowable.outline_level, page, top))
        state.pages_of[key] = page
        if self.native:
            self.canv.addOutlineEntry(flowable.outline_title, key, flowable.outline_level)

    def handle_pageEnd(self) -> None:  # noqa: N802 (reportlab hook)
        self.state.pages = self.page
        super().handle_pageEnd()

    def _cover_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE_HEIGHT - 14 * mm, PAGE_WIDTH, 14 * mm, stroke=0, fill=1)
        canv.setFont(SANS, 8)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, 14 * mm, self.summary.words("made_with"))
        canv.restoreState()

    def _body_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        y = MARGIN_BOTTOM - 9 * mm
        canv.line(MARGIN_LEFT, y + 10, PAGE_WIDTH - MARGIN_RIGHT, y + 10)
        canv.setFillColor(MUTED)
        page = doc.page
        words = self.summary.words
        date = format_date(self.summary.created, words)
        # room for the right-hand part with the widest page numbers it could get
        widest = f"{date}  ·  {words('page_of', page=9999, total=9999)}"
        room = FRAME_WIDTH - stringWidth(widest, SANS, 7.5) - 12
        left = self.summary.title + (f"  ·  {self.summary.author}" if self.summary.author else "")
        draw_runs(canv, MARGIN_LEFT, y, fit_width(left, SANS, 7.5, room), SANS, 7.5)
        canv.restoreState()

        def page_of_total(form: Canvas) -> None:
            form.setFont(SANS, 7.5)
            form.setFillColor(MUTED)
            total = self.state.pages + self.state.appended_pages
            form.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, f"{date}  ·  {words('page_of', page=page, total=total)}")

        if isinstance(canv, DeferredCanvas):
            canv.place_later(f"footer-{page}", page_of_total)


def fit_width(value: str, font: str, size: float, room: float) -> str:
    """``value``, cut with "…" where its measured width (fallback fonts included) exceeds ``room``."""
    if runs_width(value, font, size) <= room:
        return value
    lo, hi = 0, len(value)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if runs_width(value[:mid].rstrip() + "…", font, size) <= room:
            lo = mid
        else:
            hi = mid - 1
    return value[:lo].rstrip() + "…"


class EmbeddedFontCanvas(Canvas):
    """A canvas whose initial font is the bundled sans (reportlab's default would be Helvetica)."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        if not kw.get("initialFontName"):  # the doc templates pass None explicitly
            kw["initialFontName"] = SANS
        super().__init__(*args, **kw)


class DeferredCanvas(EmbeddedFontCanvas):
    """A canvas that can place things known only at the end (page numbers in the contents, the page
    count in the footer): pages draw a named form now, whose content is defined just before saving.
    This keeps the layout to one pass."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.deferred: dict[str, tuple[Callable[[Canvas], None], tuple[float, float, float, float]]] = {}

    def place_later(
        self, name: str, draw: Callable[[Canvas], None], bbox: tuple[float, float, float, float] | None = None
    ) -> None:
        """Show form ``name`` at the current origin; ``draw`` fills it in when the document is saved."""
        self.deferred[name] = (draw, bbox or (0, 0, PAGE_WIDTH, PAGE_HEIGHT))
        self.doForm(name)

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        for name, (draw, (x0, y0, x1, y1)) in self.deferred.items():
            self.beginForm(name, lowerx=x0, lowery=y0, upperx=x1, uppery=y1)
            draw(self)
            self.endForm()
        super().save()


# -- flowables -------------------------------------------------------------------------------------


class Contents(Flowable):
    """Contents whose page numbers are drawn as deferred forms: the entries are known before layout,
    their pages only after it, so one layout pass suffices (reportlab's TableOfContents needs two or
    three). Entries are clickable; the flowable splits across pages between entries."""

    NUMBER_WIDTH = 28.0
    GAP = 8.0

    def __init__(
        self,
        entries: list[tuple[int, str, str]],
        styles: list[ParagraphStyle],
        page_for: Callable[[str], int | None],
        link_later: Callable[[Canvas, tuple[float, float, float, float], str], None] | None = None,
    ) -> None:
        super().__init__()
        self.entries = entries  # (level, title, outline key)
        self.styles = styles
        self.page_for = page_for
        self.link_later = link_later
        self._rows: list[tuple[Paragraph, float, str]] = []

    def _layout(self, width: float) -> None:
        self._rows = []
        for level, title, key in self.entries:
            para = Paragraph(escape(title), self.styles[min(level, len(self.styles) - 1)])
            _, height = para.wrap(width - self.NUMBER_WIDTH - self.GAP, 10_000)
            self._rows.append((para, height, key))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._layout(availWidth)
        self.width = availWidth
        self.height = sum(h for _, h, _ in self._rows)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._layout(availWidth)
        used, count = 0.0, 0
        for _, height, _ in self._rows:
            if used + height > availHeight:
                break
            used += height
            count += 1
        if count == 0 or count == len(self._rows):
            return []
        return [
            Contents(self.entries[:count], self.styles, self.page_for, self.link_later),
            Contents(self.entries[count:], self.styles, self.page_for, self.link_later),
        ]

    def draw(self) -> None:
        canv = self.canv
        y = self.height
        for para, height, key in self._rows:
            y -= height
            para.drawOn(canv, 0, y)
            baseline = y + para.style.leading - para.style.fontSize  # of the last line
            self._leader(para, baseline)
            canv.saveState()
            canv.translate(self.width, baseline)
            if isinstance(canv, DeferredCanvas):
                canv.place_later(f"toc-{key}", self._number_drawer(para.style, key), (-self.NUMBER_WIDTH, -6, 1, 14))
            canv.restoreState()
            if not key.startswith(ORIGINAL_KEY):
                canv.linkRect("", key, (0, y, self.width, y + height), relative=1)
            elif self.link_later:  # originals are appended later, by pypdf, which adds this link
                self.link_later(canv, (0, y, self.width, y + height), key)

    def _leader(self, para: Paragraph, baseline: float) -> None:
        """Dots from the end of a one-line title to the page number."""
        style = para.style
        lines = para.blPara.lines
        if len(lines) != 1:
            return
        extra = lines[0][0] if isinstance(lines[0], tuple) else lines[0].extraSpace
        start = self.width - self.NUMBER_WIDTH - self.GAP - style.rightIndent - extra + 6
        end = self.width - 16
        if end - start < 12:
            return
        canv = self.canv
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(RULE)
        dot = stringWidth(" .", style.fontName, style.fontSize)
        canv.drawRightString(end, baseline, " ." * int((end - start) / dot))
        canv.restoreState()

    def _number_drawer(self, style: ParagraphStyle, key: str) -> Callable[[Canvas], None]:
        def draw(form: Canvas) -> None:
            form.setFont(style.fontName, style.fontSize)
            form.setFillColor(style.textColor)
            page = self.page_for(key)
            form.drawRightString(0, 0, "" if page is None else str(page))

        return draw


class PageNumber(Flowable):
    """A line of text ending in a page number that is known only when the file is saved."""

    def __init__(
        self,
        label: str,
        key: str,
        style: ParagraphStyle,
        page_for: Callable[[str], int | None],
        link_later: Callable[[Canvas, tuple[float, float, float, float], str], None] | None = None,
    ) -> None:
        super().__init__()
        self.label, self.key, self.style, self.page_for = label, key, style, page_for
        self.link_later = link_later
        self.spaceAfter = style.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        baseline = self.style.leading - self.style.fontSize
        canv.saveState()
        canv.setFont(self.style.fontName, self.style.fontSize)
        canv.setFillColor(self.style.textColor)
        canv.drawString(0, baseline, self.label)
        if self.link_later:
            width = stringWidth(self.label + "0000", self.style.fontName, self.style.fontSize)
            self.link_later(canv, (0, 0, width, self.height), self.key)
        canv.translate(stringWidth(self.label, self.style.fontName, self.style.fontSize), baseline)
        if isinstance(canv, DeferredCanvas):
            canv.place_later(f"pageref-{self.key}", self._drawer, (-1, -6, 60, 14))
        canv.restoreState()

    def _drawer(self, form: Canvas) -> None:
        form.setFont(self.style.fontName, self.style.fontSize)
        form.setFillColor(self.style.textColor)
        form.drawString(0, 0, str(self.page_for(self.key) or ""))


ORIGINAL_KEY = "original-"


class _Story:
    def __init__(
        self,
        summary: SummaryDocument,
        state: _BuildState | None = None,
        originals: Sequence[tuple[SourceInfo, int]] = (),
    ) -> None:
        self.summary = summary
        self.w = summary.words
        self.state = state or _BuildState(0, None, None)
        self.originals = originals
        offset = 1
        for source, pages in originals:
            self.state.after_summary[f"{ORIGINAL_KEY}{source.number}"] = offset
            offset += pages
        self.state.appended_pages = offset - 1
        self._stacks: dict[int, Stack] = {}
        self.s = _styles()
        if summary.compact:  # a briefing: smaller headings, less air
            self.s["h1"] = ParagraphStyle("h1c", parent=self.s["h1"], fontSize=13, leading=16, spaceBefore=6, spaceAfter=4)
            self.s["h2"] = ParagraphStyle("h2c", parent=self.s["h2"], spaceBefore=4, spaceAfter=3)
        self.with_subsections_in_toc = (
            sum(len(sec.subsections) for sec in summary.sections if sec.kind != "letter") <= TOC_SUBSECTION_LIMIT
        )

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        if self.summary.compact:
            story += self.header()
        else:
            story += self.cover()
            story += self.contents()
            story += self.overview()
        for section in self.summary.sections:
            story += self.section(section)
        story += self.sources()
        if self.summary.compact:
            return story
        self.toc.entries.extend(
            (f.outline_level, f.outline_title, f.outline_key) for f in story if getattr(f, "in_toc", False)
        )
        if self.originals:
            self.toc.entries.append((0, self.w("originals"), f"{ORIGINAL_KEY}{self.originals[0][0].number}"))
            self.toc.entries.extend(
                (1, f"[{source.number}] {source.label}", f"{ORIGINAL_KEY}{source.number}") for source, _ in self.originals
            )
        return story

    # cover and contents
    def cover(self) -> list[Flowable]:
        s, doc, w = self.s, self.summary, self.w
        counts = doc.counts
        rows = [
            [w("c_passages"), str(counts.passages)],
            [w("c_letters"), str(counts.letters)],
            [w("c_themes"), str(counts.themes)],
            [w("c_footnotes"), str(counts.footnotes)],
            [w("c_citations"), str(counts.citations)],
        ]
        if counts.orphans:
            rows.append([w("c_orphans"), str(counts.orphans)])
        grouping = w("by_theme") if doc.group_by == "theme" else w("by_letter")
        rows.append([w("c_arranged"), grouping])
        table = Table(
            [[Paragraph(escape(a), s["cell"]), Paragraph(escape(b), s["cell"])] for a, b in rows],
            colWidths=[50 * mm, 60 * mm],
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.6, ACCENT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        made = w("made_on", date=format_date(doc.created, w))
        if doc.author:
            made = w("made_by", author=doc.author) + " · " + made
        return [
            Spacer(1, 42 * mm),
            Paragraph(w("kicker"), self.s["kicker"]),
            Paragraph(escape(doc.title), s["title"]),
            Paragraph(escape(w("scope") + doc.scope_description), s["scope"]),
            Paragraph(escape(made), s["made"]),
            table,
            NextPageTemplate("body"),
            PageBreak(),
        ]

    def header(self) -> list[Flowable]:
        """The compact form's one line instead of a cover and contents: title · author · date."""
        doc, w = self.summary, self.w
        parts = [f'<font name="{SANS}-Bold" color="{LINK}">{escape(doc.title)}</font>']
        if doc.author:
            parts.append(escape(doc.author))
        parts.append(escape(format_date(doc.created, w)))
        return [Paragraph(" · ".join(parts), self.s["header"])]

    def contents(self) -> list[Flowable]:
        """The contents; its entries are filled in by :meth:`build` once every heading exists."""
        self.toc = Contents([], [self.s["toc0"], self.s["toc1"]], self.state.page_for, self.state.link_later)
        title = self.w("contents")
        return [
            _Anchor(key="contents", title=title, level=0, toc=False),
            Paragraph(escape(title), self.s["h1"]),
            Spacer(1, 4),
            self.toc,
            PageBreak(),
        ]

    # overview
    def overview(self) -> list[Flowable]:
        s, ov = self.s, self.summary.overview
        story: list[Flowable] = [
            _Heading(escape(self.w("overview")), s["h1"], key="overview", title=self.w("overview"), level=0, toc=True),
            Paragraph(escape(self.w("overview_intro")), s["intro"]),
        ]
        n = len(ov.sources)
        chunks = [range(i, min(i + OVERVIEW_COLUMNS, n)) for i in range(0, n, OVERVIEW_COLUMNS)] or [range(0)]
        for chunk in chunks:
            story.append(self._overview_table(chunk, last=chunk.stop == n))
            story.append(Spacer(1, 8))
        if n <= 12:
            for source in ov.sources:
                story.append(
                    Paragraph(f"[{source.number}] {escape(source.label)} · {escape(format_date(source.date, self.w))}", s["source"])
                )
        story.append(PageBreak())
        return story

    def _overview_table(self, columns: range, *, last: bool) -> Table:
        s, ov = self.s, self.summary.overview
        head = [Paragraph(escape(self.w("theme")), s["cell_head"])]
        head += [Paragraph(f"[{ov.sources[c].number}]", s["cell_num_bold"]) for c in columns]
        if last:
            head.append(Paragraph(escape(self.w("total")), s["cell_num_bold"]))
        rows: list[list[Any]] = [head]
        for r, theme in enumerate(ov.themes):
            row: list[Any] = [Paragraph(self._theme_label(theme), s["cell"])]
            row += [self._count(ov.counts[r][c]) for c in columns]
            if last:
                row.append(Paragraph(str(ov.theme_totals[r]), s["cell_num_bold"]))
            rows.append(row)
        if ov.untagged:
            row = [Paragraph(escape(self.w("untagged")), s["cell"])] + [self._count(ov.untagged[c]) for c in columns]
            if last:
                row.append(Paragraph(str(sum(ov.untagged)), s["cell_num_bold"]))
            rows.append(row)
        total = [Paragraph(escape(self.w("passages_row")), s["cell_head"])]
        total += [Paragraph(str(ov.letter_totals[c]), s["cell_num_bold"]) for c in columns]
        if last:
            total.append(Paragraph(str(sum(ov.letter_totals)), s["cell_num_bold"]))
        rows.append(total)
        num_width = 13 * mm
        count_cols = len(columns) + (1 if last else 0)
        first = FRAME_WIDTH - num_width * count_cols
        style = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        style += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, len(rows) - 1, 2)]
        return Table(rows, colWidths=[first] + [num_width] * count_cols, repeatRows=1, style=TableStyle(style),
                     hAlign="LEFT")

    def _count(self, value: int) -> Paragraph:
        if value == 0:
            return Paragraph('<font color="#b0b6bd">–</font>', self.s["cell_num"])
        return Paragraph(str(value), self.s["cell_num"])

    @staticmethod
    def _theme_label(theme: ThemeTag) -> str:
        return f"{_swatch(theme.color)}\u00a0 {escape(theme.label)}"

    # sections
    def section(self, section: Section) -> list[Flowable]:
        s = self.s
        story: list[Flowable] = [CondPageBreak(30 * mm if self.summary.compact else 60 * mm)]
        title = escape(section.title)
        if section.theme is not None:
            title = f"{_swatch(section.theme.color)}\u00a0 {title}"
        story.append(_Heading(title, s["h1"], key=section.key, title=section.title, level=0, toc=True))
        if section.description.strip():  # the theme's description introduces its chapter
            story += [Paragraph(text(para), s["description"]) for para in paragraphs(section.description)]
        intro = "" if self.summary.compact else self._section_intro(section)
        if intro:
            story.append(Paragraph(intro, s["intro"]))
        for sub in section.subsections:
            story += self.subsection(section, sub)
        return story

    def _section_intro(self, section: Section) -> str:
        count = section.passage_count
        passages = self.w.count("passage", count)
        if section.kind == "letter" and section.source is not None:
            return " · ".join([source_mark(section.source.number)] + self._details(section.source) + [escape(passages)])
        letters = len(section.subsections)
        return escape(self.w("from_letters", passages=passages, letters=self.w.count("letter", letters)))

    def _details(self, source: SourceInfo) -> list[str]:
        """Date, chamber, Kamerstuk (linked to its official address) as markup."""
        kst = source_kamerstuk(source, self.w)
        url = official_url(source.kamerstuk)
        out = []
        for part in source_details(source, self.w):
            out.append(link(url, escape(part)) if part == kst and url else escape(part))
        return out

    def subsection(self, section: Section, sub: Subsection) -> list[Flowable]:
        s = self.s
        story: list[Flowable] = []
        if sub.title is not None and sub.source is not None:
            story.append(
                _Heading(
                    f"{source_mark(sub.source.number)} {escape(sub.title)}",
                    s["h2"],
                    key=sub.key,
                    title=f"[{sub.source.number}] {sub.title}",
                    level=1,
                    toc=self.with_subsections_in_toc,
                )
            )
            if not self.summary.compact:  # compact: each passage's source line says it
                story.append(Paragraph(" · ".join(self._details(sub.source)), s["h2meta"]))
        for passage in sub.passages:
            story.append(self.passage(passage, section))
        return story

    def passage(self, passage: Passage, section: Section) -> Flowable:
        """A passage under a section; its paragraphs are made (and wrapped) once even when the passage
        appears under two themes: only the order of the colour stripes differs."""
        stack = self._stacks.get(passage.annotation_id)
        if stack is None:
            stack = self._stacks[passage.annotation_id] = Stack(self._passage_rows(passage))
        return _bar_block(stack, _stripe_colors(passage, section))

    def _passage_rows(self, passage: Passage) -> list[Flowable]:
        s = self.s
        rows: list[Flowable] = []
        if passage.orphan:
            rows.append(Paragraph(escape(self.w("orphan_flag")), s["orphan"]))
        quote_style = s["orphan_quote"] if passage.orphan else s["quote"]
        for para in _quote_markup(passage):
            rows.append(Paragraph(para, quote_style))
        if passage.themes:
            rows.append(Paragraph(" ".join(_chip(t) for t in passage.themes), s["themes"]))
        if passage.note.strip():
            note_paras = paragraphs(passage.note)
            for i, para in enumerate(note_paras):
                label = f'<font name="{SANS}-Bold">{escape(self.w("note"))}</font>' if i == 0 else ""
                rows.append(Paragraph(label + text(para), s["note"]))
        for footnote in passage.footnotes:
            rows.append(Paragraph(f"<super>{footnote.number}</super> {text(footnote.text)}", s["small"]))
        for citation in passage.citations:
            cites = f'<font name="{SANS}-Bold">{escape(self.w("cites"))}</font>'
            c = citation_parts(citation, self.w)
            mark = f"{source_mark(c.target_number)} " if c.target_number else ""
            markup = link(official_url(citation.canonical), text(c.raw)) + text(c.middle) + mark + text(c.target_label)
            rows.append(Paragraph(cites + markup, s["cite"]))
        ref = source_ref(passage, self.w)
        parts = [f"{source_mark(ref.number)} {escape(ref.label)}", escape(ref.date)]
        if ref.kamerstuk:
            parts.append(link(ref.url, escape(ref.kamerstuk)))
        if ref.pages:
            parts.append(escape(ref.pages))
        rows.append(Paragraph(" · ".join(parts), s["source"]))
        return rows

    # sources
    def sources(self) -> list[Flowable]:
        s = self.s
        story: list[Flowable] = [
            Spacer(1, 4) if self.summary.compact else PageBreak(),
            _Heading(escape(self.w("sources")), s["h1"], key="sources", title=self.w("sources"), level=0, toc=True),
        ]
        appended = {source.number for source, _ in self.originals}
        if appended:
            story.append(Paragraph(escape(self.w("originals_follow")), s["intro"]))
        for source in self.summary.sources:
            meta_style = s["src_meta_tight"] if source.number in appended else s["src_meta"]
            meta = self._details(source)
            if source.pages:
                meta.append(escape(self.w.count("page", source.pages)))
            meta.append(escape(self.w.count("passage", source.passage_count)))
            parts: list[Flowable] = [
                Paragraph(f'<a name="{SOURCE_KEY}{source.number}"/>[{source.number}] {escape(source.label)}', s["src_title"]),
                Paragraph(" · ".join(meta), meta_style),
            ]
            if source.number in appended:
                key = f"{ORIGINAL_KEY}{source.number}"
                parts.append(
                    PageNumber(self.w("original_from_page"), key, s["src_ref"], self.state.page_for, self.state.link_later)
                )
            story.append(KeepTogether(parts))
        return story


SOURCE_KEY = "source-"


def link(url: str | None, markup: str) -> str:
    """``markup`` as a link to ``url`` (an address, or "#name" inside the document)."""
    if not url:
        return markup
    return f'<a href="{xml_escape(url, {chr(34): "&quot;"})}" color="{LINK}">{markup}</a>'


def source_mark(number: int) -> str:
    """"[3]", linked to source 3 in the list of sources."""
    return link(f"#{SOURCE_KEY}{number}", f"[{number}]")


def _quote_markup(passage: Passage) -> list[str]:
    """The quote as escaped paragraphs, with footnote markers raised. A marker in superscript digits
    ("2024⁵") is printed as that glyph (the bundled fonts have it; the text layer then reads "2024⁵");
    ASCII marker digits (a letter stored by an older version) are raised with <super>."""
    quote = passage.quote
    markers = sorted(f.marker for f in passage.footnotes if f.marker and 0 <= f.marker[0] < f.marker[1] <= len(quote))
    pieces: list[str] = []
    pos = 0
    for start, end in markers:
        if start < pos:
            continue
        pieces.append(escape(quote[pos:start]))
        digits = escape(quote[start:end])
        pieces.append(digits if is_superscript(quote[start:end]) else f"<super>{digits}</super>")
        pos = end
    pieces.append(escape(quote[pos:]))
    marked = "".join(pieces)
    return [p.replace("\n", "<br/>") for p in paragraphs(marked)] or [""]


def _ink_for(color: str) -> str:
    """Black or white text, whichever has the higher WCAG 2 contrast on ``color`` (always >= 4.58:1)."""
    return ink_for(color)


def _safe_color(color: str) -> str:
    try:
        colors.HexColor(color)
    except (ValueError, TypeError):
        return "#888888"
    return color if color.startswith("#") else "#888888"


def _swatch(color: str) -> str:
    """A small block of colour (non-breaking spaces on a coloured background)."""
    return f'<font backColor="{_safe_color(color)}">\u00a0\u00a0\u00a0</font>'


def _chip(theme: ThemeTag) -> str:
    color = _safe_color(theme.color)
    label = escape(theme.label)
    return f'<font backColor="{color}" color="{_ink_for(color)}">\u00a0{label}\u00a0</font>'


def _stripe_colors(passage: Passage, section: Section) -> list[str]:
    ordered = list(passage.themes)
    if section.theme is not None:
        ordered.sort(key=lambda t: t.id != section.theme.id)  # the section's theme first
    return [_safe_color(t.color) for t in ordered] or ["#b0b6bd"]


def _bar_block(rows: Stack, stripes: list[str]) -> BarBlock:
    """The passage's parts beside coloured bars: one stripe per theme."""
    return BarBlock(rows, [colors.HexColor(c) for c in stripes])


class Stack:
    """Flowables laid out one under another, measured once per width. Shared by the BarBlocks of a
    passage that appears under two themes, so its paragraphs are wrapped once, not per appearance."""

    def __init__(self, parts: list[Flowable]) -> None:
        self.parts = parts
        self.width: float | None = None
        self.heights: list[float] = []
        last = len(parts) - 1
        # (space before, space after) of each part; none before the first or after the last
        self.gaps = [(p.getSpaceBefore() if i else 0.0, p.getSpaceAfter() if i < last else 0.0) for i, p in enumerate(parts)]

    def measure(self, width: float, avail_height: float) -> list[float]:
        if self.width != width:
            self.heights = [part.wrap(width, avail_height)[1] for part in self.parts]
            self.width = width
        return self.heights

    def forget(self) -> None:
        """Splitting a paragraph drops its layout: measure again next time."""
        self.width = None


class BarBlock(Flowable):
    """A Stack beside vertical colour stripes (one per theme), splittable across pages.

    Lighter than a Table (each paragraph is wrapped once per width, not again while drawing),
    which matters for exports of hundreds of passages.
    """

    PAD_LEFT = 10.0

    def __init__(
        self, stack: Stack, stripes: list[Any], *, top: float = 2, bottom: float = 3, space_after: float = 11
    ) -> None:
        super().__init__()
        self.stack = stack
        self.stripes = stripes
        self.top = top
        self.bottom = bottom
        self.spaceAfter = space_after

    def _inner_width(self, avail_width: float) -> float:
        return avail_width - STRIPE_WIDTH * len(self.stripes) - self.PAD_LEFT

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        heights = self.stack.measure(self._inner_width(availWidth), availHeight)
        body = sum(h + before + after for h, (before, after) in zip(heights, self.stack.gaps))
        self.width = availWidth
        self.height = self.top + body + self.bottom
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        width = self._inner_width(availWidth)
        parts = self.stack.parts
        heights = self.stack.measure(width, availHeight)
        used = self.top
        last = len(parts) - 1
        for i, (part, height, (before, after)) in enumerate(zip(parts, heights, self.stack.gaps)):
            room = availHeight - used - before - (self.bottom if i == last else 0)
            if height <= room:
                used += before + height + after
                continue
            pieces = part.split(width, room) if room > 0 else []
            self.stack.forget()
            if len(pieces) == 2:
                head, tail = parts[:i] + [pieces[0]], [pieces[1]] + parts[i + 1 :]
            elif i > 0:
                head, tail = parts[:i], parts[i:]
            else:
                return []
            return [
                BarBlock(Stack(head), self.stripes, top=self.top, bottom=0, space_after=0),
                BarBlock(Stack(tail), self.stripes, top=0, bottom=self.bottom, space_after=self.spaceAfter),
            ]
        return []

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        for i, color in enumerate(self.stripes):
            canv.setFillColor(color)
            canv.rect(i * STRIPE_WIDTH, 0, STRIPE_WIDTH, self.height, stroke=0, fill=1)
        canv.restoreState()
        x = STRIPE_WIDTH * len(self.stripes) + self.PAD_LEFT
        y = self.height - self.top
        width = self._inner_width(self.width)
        for part, height, (before, after) in zip(self.stack.parts, self.stack.measure(width, self.height), self.stack.gaps):
            y -= before + height
            if isinstance(part, Paragraph) and not hasattr(part, "blPara"):
                part.wrap(width, height)  # shared with a block that split it elsewhere
            part.drawOn(canv, x, y)
            y -= after


# -- entry point -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfLayout:
    pages: int
    outline: tuple[OutlineEntry, ...]
    later_links: tuple[tuple[int, tuple[float, float, float, float], str], ...] = ()
    finished: bool = False  # reportlab wrote outline and metadata: nothing left for pypdf


def render_pdf(
    summary: SummaryDocument,
    out_path: Path,
    *,
    originals: Sequence[tuple[SourceInfo, int]] = (),
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    author: str = "Kamerlezer",
) -> PdfLayout:
    """Lay out ``summary`` into ``out_path`` (reportlab only; see :mod:`desktop_app.render.pdf_post`).

    ``originals``: (source, page count) of the originals that will be appended in this order, so the
    contents and the list of sources can give their pages."""
    register_fonts()
    state = _BuildState(total_flowables=0, progress=progress, cancel=cancel)
    story = _Story(summary, state, originals).build()
    state.total_flowables = len(story)
    template = _SummaryTemplate(str(out_path), summary, state, native=not originals, author=author)
    with _binary_streams():
        template.build(story, canvasmaker=DeferredCanvas)
    return PdfLayout(
        pages=state.pages, outline=tuple(state.outline), later_links=tuple(state.later_links), finished=not originals
    )


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write compressed streams as binary, not ASCII85 (reportlab's default): smaller files, and the
    pure-Python ASCII85 encoder was about 6 % of an export's time."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved
