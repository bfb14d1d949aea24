"""pypdf post-processing of a laid-out summary: outline (bookmarks), metadata, appended originals.

Originals: a PDF letter is appended page for page from its copy in the library folder; a letter
imported from a .txt file has no pages of its own, so its imported text (body and footnotes) is set
as plain A4 pages, headed "Text of the letter as imported". An original that cannot be read (missing
file, encrypted, damaged) is skipped and named in the export's warnings; the summary itself is
still written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError, PyPdfError
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from desktop_app.core.export.model import SourceInfo, SummaryDocument
from desktop_app.core.model import Letter
from desktop_app.core.tasks import CancelToken
from desktop_app.core.export.labels import Words
from desktop_app.render.common import ENGLISH, format_date, source_details
from desktop_app.render.fonts import SANS, SERIF, register_fonts
from desktop_app.render.pdf import (
    ACCENT,
    INK,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    EmbeddedFontCanvas,
    OutlineEntry,
    PdfLayout,
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
    """Write the final PDF to ``out_path``: outline, metadata, originals; returns the page count."""
    writer = PdfWriter(clone_from=str(laid_out))
    words = summary.words
    _add_outline(writer, layout.outline, words)
    _append_originals(writer, originals, words, cancel=cancel)
    keywords = ", ".join(["Kamerlezer", words("default_title")] + [t.path for t in summary.overview.themes])
    writer.add_metadata(
        {
            "/Title": summary.title,
            "/Author": author,
            "/Subject": words("subject_prefix") + summary.scope_description,
            "/Keywords": keywords,
            "/Creator": "Kamerlezer",
        }
    )
    writer.page_mode = "/UseOutlines"
    with open(out_path, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def _add_outline(writer: PdfWriter, entries: Sequence[OutlineEntry], words: Words) -> None:
    writer.add_outline_item(title=words("contents"), page_number=1)
    parent = None
    for entry in entries:
        page = max(0, min(entry.page - 1, len(writer.pages) - 1))
        if entry.level == 0:
            parent = writer.add_outline_item(title=entry.title, page_number=page, bold=True)
        else:
            writer.add_outline_item(title=entry.title, page_number=page, parent=parent)


def _append_originals(
    writer: PdfWriter, originals: Sequence[OpenedOriginal], words: Words, *, cancel: CancelToken | None
) -> None:
    parent = None
    for original in originals:
        if cancel:
            cancel.check()
        first = len(writer.pages)
        for page in original.reader.pages:
            writer.add_page(page)
        if parent is None:
            parent = writer.add_outline_item(title=words("originals"), page_number=first, bold=True)
        label = f"[{original.source.number}] {original.source.label}"
        writer.add_outline_item(title=label, page_number=first, parent=parent)


def _open_original(original: Original, words: Words) -> tuple[PdfReader | None, str]:
    if original.letter.source_format != "pdf":
        return PdfReader(io.BytesIO(text_letter_pdf(original.source, original.letter, words))), ""
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


def text_letter_pdf(source: SourceInfo, letter: Letter, words: Words = ENGLISH) -> bytes:
    """A plain-text letter set as A4 pages: heading, its details, body paragraphs, footnotes."""
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
    for start, para in _paragraph_spans(letter.text):
        story.append(Paragraph(text(para), heading if start in starts else body))
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
