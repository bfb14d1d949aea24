"""SummaryDocument -> PDF with reportlab Platypus, then pypdf for outline, metadata and originals.

Layout: A4, a cover page (title, scope, date, counts), contents, the theme overview, the sections
with each passage as a quotation with a bar in its themes' colours, and the list of sources. Every
piece of user or letter text goes through :func:`xml.sax.saxutils.escape` before it reaches a
Paragraph, so "<b>" or "&amp;" in a note is printed as typed, never interpreted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.core.export.contrast import ink_for
from desktop_app.core.export.model import (
    Passage,
    Section,
    SourceInfo,
    Subsection,
    SummaryDocument,
    ThemeTag,
)
from desktop_app.core.superscript import is_superscript
from desktop_app.core.tasks import CancelToken
from desktop_app.render.common import (
    citation_parts,
    format_date,
    official_url,
    paragraphs,
    source_details,
    source_kamerstuk,
    source_ref,
)
from desktop_app.render.fonts import (
    SANS,
    register_fonts,
)
from desktop_app.render.pdf_page import (
    Contents,
    DeferredCanvas,
    OutlineEntry,
    PageNumber,
    _Anchor,
    _BuildState,
    _Heading,
    _SummaryTemplate,
)
from desktop_app.render.pdf_style import (
    ACCENT,
    FRAME_WIDTH,
    LINK,
    ORIGINAL_KEY,
    OVERVIEW_COLUMNS,
    RULE,
    STRIPE_WIDTH,
    TOC_SUBSECTION_LIMIT,
    ZEBRA,
    ProgressFn,
    _styles,
    escape,
    text,
)


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
    first = section.theme
    if first is not None:
        ordered.sort(key=lambda t: t.id != first.id)  # the section's theme first
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
