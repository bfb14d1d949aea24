"""PDF export: the document template (cover, body and running footer), the canvases (embedded fonts,
deferred page numbers) and the contents and page-number flowables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
)

from desktop_app.core.export.model import (
    SummaryDocument,
)
from desktop_app.core.tasks import CancelToken
from desktop_app.render.common import (
    format_date,
)
from desktop_app.render.fonts import (
    SANS,
    draw_runs,
    runs_width,
)
from desktop_app.render.pdf_style import (
    ACCENT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    ORIGINAL_KEY,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    ProgressFn,
    escape,
)

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


