"""pypdf post-processing of a laid-out summary: outline (bookmarks), metadata, appended originals.

Originals: a PDF letter is appended page for page from its copy in the library folder; a letter
imported from a .txt file has no pages of its own, so its imported text (body and footnotes) is set
as plain A4 pages, headed "Text of the letter as imported". An original that cannot be read (missing
file, encrypted, damaged) is skipped and named in the export's warnings; the summary itself is
still written.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import Fit, NameObject, StreamObject, TextStringObject
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from desktop_app.core.export.labels import Words
from desktop_app.core.export.model import SourceInfo, SummaryDocument
from desktop_app.core.model import Letter
from desktop_app.core.tasks import CancelToken
from desktop_app.render.common import ENGLISH, format_date, source_details
from desktop_app.render.fonts import SANS, SERIF, register_fonts
from desktop_app.render.pdf import PdfLayout
from desktop_app.render.pdf_page import (
    EmbeddedFontCanvas,
    OutlineEntry,
    document_info,
    pdf_language,
    xmp_packet,
)
from desktop_app.render.pdf_style import (
    ACCENT,
    INK,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    ORIGINAL_KEY,
    escape,
    text,
)

ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Original:
    """An original to append: the letter's record and where its copy lives (None: not found)."""

    source: SourceInfo
    letter: Letter
    path: Path | None
    highlights: tuple[tuple[int, int, str], ...] = ()  # (start, end, colour) of the exported passages


@dataclass(frozen=True)
class OpenedOriginal:
    """An original ready to append: its pages are known before the summary is laid out, so the
    contents and the list of sources can say where it starts."""

    source: SourceInfo
    reader: PdfReader

    @property
    def pages(self) -> int:
        return len(self.reader.pages)


def open_originals(
    originals: Sequence[Original],
    words: Words = ENGLISH,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> tuple[list[OpenedOriginal], list[str]]:
    """Open (or, for text letters, typeset) each original; the unreadable ones become warnings."""
    opened: list[OpenedOriginal] = []
    warnings: list[str] = []
    for done, original in enumerate(originals, start=1):
        if cancel:
            cancel.check()
        if progress:
            progress(done, len(originals), f"Preparing original: {original.source.label}")
        reader, problem = _open_original(original, words)
        if reader is None:
            warnings.append(f"Original of [{original.source.number}] {original.source.label} not appended: {problem}")
        else:
            opened.append(OpenedOriginal(original.source, reader))
    return opened, warnings


def finish_pdf(
    laid_out: Path,
    out_path: Path,
    summary: SummaryDocument,
    layout: PdfLayout,
    *,
    originals: Sequence[OpenedOriginal] = (),
    author: str = "Kamerlezer",
    cancel: CancelToken | None = None,
) -> int:
    """Write the final PDF to ``out_path``: outline, metadata, originals; returns the page count.
    A layout that reportlab finished itself (no originals) is moved into place as it is."""
    if layout.finished and not originals:
        os.replace(laid_out, out_path)
        return layout.pages
    writer = PdfWriter(clone_from=str(laid_out))
    words = summary.words
    summary_pages = len(writer.pages)
    _add_outline(writer, layout.outline, words)
    starts = _append_originals(writer, originals, words, cancel=cancel)
    _link_originals(writer, layout.later_links, starts, summary_pages)
    info = document_info(summary, author)
    writer.add_metadata(info)
    language = pdf_language(summary)
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)
    viewer = writer.create_viewer_preferences()
    # the window shows the title, not the file name
    viewer.display_doctitle = True  # type: ignore[assignment]  # pypdf annotates its run-time properties as "property"
    writer._root_object[NameObject("/Metadata")] = writer._add_object(_xmp_stream(info, language, summary.created))
    writer.page_mode = "/UseOutlines"
    with open(out_path, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def _add_outline(writer: PdfWriter, entries: Sequence[OutlineEntry], words: Words) -> None:
    parent = None
    for entry in entries:
        page = max(0, min(entry.page - 1, len(writer.pages) - 1))
        fit = Fit.xyz(left=0, top=entry.top) if entry.top is not None else Fit.fit()
        if entry.level == 0:
            parent = writer.add_outline_item(title=entry.title, page_number=page, bold=True, fit=fit)
        else:
            writer.add_outline_item(title=entry.title, page_number=page, parent=parent, fit=fit)


def _link_originals(
    writer: PdfWriter,
    links: Sequence[tuple[int, tuple[float, float, float, float], str]],
    starts: dict[str, int],
    summary_pages: int,
) -> None:
    """Links laid out in the summary ("Original appended from page 12", contents entries) to the
    first page of their original, which exists only now."""
    for page, rect, key in links:
        target = starts.get(key)
        if target is None or not 1 <= page <= summary_pages:
            continue
        writer.add_annotation(page - 1, Link(rect=rect, target_page_index=target, fit=Fit.fit()))


def _xmp_stream(info: dict[str, str], language: str, created: str) -> StreamObject:
    packet = xmp_packet(info, language, created)
    stream = StreamObject()
    stream.set_data(packet.encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    return stream


def _append_originals(
    writer: PdfWriter, originals: Sequence[OpenedOriginal], words: Words, *, cancel: CancelToken | None
) -> dict[str, int]:
    """Append the originals; returns the 0-based first page of each, by its key ("original-3")."""
    parent = None
    starts: dict[str, int] = {}
    for original in originals:
        if cancel:
            cancel.check()
        first = len(writer.pages)
        starts[f"{ORIGINAL_KEY}{original.source.number}"] = first
        for page in original.reader.pages:
            writer.add_page(page)
        if parent is None:
            parent = writer.add_outline_item(title=words("originals"), page_number=first, bold=True)
        label = f"[{original.source.number}] {original.source.label}"
        writer.add_outline_item(title=label, page_number=first, parent=parent)
    return starts


def _open_original(original: Original, words: Words) -> tuple[PdfReader | None, str]:
    if original.letter.source_format != "pdf":
        pdf = text_letter_pdf(original.source, original.letter, words, highlights=original.highlights)
        return PdfReader(io.BytesIO(pdf)), ""
    if original.path is None or not original.path.is_file():
        return None, f"the copy {original.path or '(none recorded)'} is missing"
    try:
        reader = PdfReader(str(original.path))
        if reader.is_encrypted:
            return None, f"{original.path.name} is encrypted"
        _ = len(reader.pages)
    except (PyPdfError, DependencyError, OSError, ValueError) as err:
        return None, f"{original.path.name} could not be read ({err})"
    return reader, ""


def _paragraph_spans(body: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for the blank-line separated paragraphs of a letter's text."""
    spans = []
    pos = 0
    for part in body.split("\n\n"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            spans.append((pos + lead, part.strip()))
        pos += len(part) + 2
    return spans


def highlight_tint(color: str) -> str:
    """A theme colour mixed 60 % with white: a highlight black text stays readable on (>= 4.5:1
    for every colour, since the tint's luminance is at least 0.6)."""
    value = color.lstrip("#")
    if len(value) != 6:
        value = "888888"
    try:
        rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        rgb = [0x88] * 3
    return "#" + "".join(f"{round(c + (255 - c) * 0.6):02x}" for c in rgb)


def _marked_paragraph(
    start: int,
    para: str,
    highlights: Sequence[tuple[int, int, str]],
    page_starts: Sequence[int],
    words: Words,
    after: int = 0,
) -> str:
    """A paragraph of a letter as markup: the exported passages highlighted in their theme's tint,
    and "[p. N]" where the letter's original page N begins (a page that begins between paragraphs,
    at or after ``after``, is marked at the start of this one)."""
    end = start + len(para)
    cuts = {0, len(para)}
    for h_start, h_end, _ in highlights:
        if h_start < end and h_end > start:
            cuts.update((max(h_start, start) - start, min(h_end, end) - start))
    breaks = {max(p - start, 0): n for n, p in enumerate(page_starts, start=1) if n > 1 and after <= p < end}
    cuts.update(breaks)
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        if a in breaks:
            out.append(f'<font color="#5b6470" size="7">[{escape(words("page_abbr", page=breaks[a]))}]</font> ')
        colour = next((c for h_start, h_end, c in highlights if h_start <= start + a and start + b <= h_end), None)
        piece = text(para[a:b])
        out.append(f'<font backColor="{highlight_tint(colour)}">{piece}</font>' if colour else piece)
    return "".join(out)


def text_letter_pdf(
    source: SourceInfo,
    letter: Letter,
    words: Words = ENGLISH,
    *,
    highlights: Sequence[tuple[int, int, str]] = (),
) -> bytes:
    """A plain-text letter set as A4 pages: heading, its details, body paragraphs, footnotes. Where
    the letter's own pages begin is marked "[p. N]"; ``highlights`` (the exported passages) are
    shaded in their theme's tint."""
    register_fonts()
    head = ParagraphStyle("ohead", fontName=SANS + "-Bold", fontSize=13, leading=17, textColor=ACCENT, spaceAfter=4)
    meta = ParagraphStyle("ometa", fontName=SANS, fontSize=8, leading=11, textColor=MUTED, spaceAfter=12)
    body = ParagraphStyle("obody", fontName=SERIF, fontSize=10, leading=14, textColor=INK, spaceAfter=7)
    note = ParagraphStyle("onote", fontName=SERIF, fontSize=8, leading=11, textColor=INK, spaceAfter=3)
    story = [
        Paragraph(escape(words("original_heading", n=source.number, label=source.label)), head),
        Paragraph(
            escape(" · ".join(source_details(source, words))) + "<br/>" + escape(words("original_as_text")),
            meta,
        ),
    ]
    heading = ParagraphStyle("ohd", parent=body, fontName=SANS + "-Bold", fontSize=10, spaceBefore=4, keepWithNext=1)
    starts = {start for start, _ in letter.headings}
    after = 0
    for start, para in _paragraph_spans(letter.text):
        markup = _marked_paragraph(start, para, highlights, letter.page_starts, words, after)
        story.append(Paragraph(markup, heading if start in starts else body))
        after = start + len(para)
    if letter.footnotes:
        story.append(Spacer(1, 8))
        story += [Paragraph(f"<super>{f.number}</super> {text(f.text)}", note) for f in letter.footnotes]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"Original: {source.label}",
    )

    def footer(canv, _doc) -> None:  # type: ignore[no-untyped-def]
        canv.saveState()
        canv.setFont(SANS, 7.5)
        canv.setFillColor(MUTED)
        label = words("original_heading", n=source.number, label=format_date(source.date, words))
        canv.drawString(MARGIN_LEFT, MARGIN_BOTTOM - 9 * mm, label)
        canv.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=EmbeddedFontCanvas)
    return buffer.getvalue()
