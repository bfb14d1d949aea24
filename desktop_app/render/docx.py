"""SummaryDocument -> Word (.docx) with python-docx, for policy officers who paste into briefing notes.

The same structure as the PDF, in Word's own terms so that Word's tools work on it:
* sections are "Heading 1", letters under a theme "Heading 2" (the navigation pane and a Word table of
  contents list them; the contents is a TOC field that Word fills in when the file is opened);
* quotes in the built-in "Quote" style with a left border in the theme's colour; theme labels as
  runs shaded in the theme colour with black or white text by WCAG contrast
  (:mod:`desktop_app.core.export.contrast`); notes in their own paragraph style ("Kamerlezer
  Notitie": tinted, bordered) so they never read as the minister's words;
* the letter's footnotes quoted in a passage are real Word footnotes at their marker. python-docx has
  no footnote API, so the footnotes part (``word/footnotes.xml``) is written as XML and related to
  the document;
* Kamerstuk ids and citations are hyperlinks to zoek.officielebekendmakingen.nl; [n] source marks
  are internal links to a bookmark on the source in the list of sources.
Word does its own font fallback, so every character is kept as it is (control characters, which
XML cannot carry, are dropped).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument  # the class; docx.Document is the function that makes one
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

from desktop_app.core.export.contrast import ink_for
from desktop_app.core.export.model import (
    Passage,
    Section,
    SourceInfo,
    Subsection,
    SummaryDocument,
    ThemeTag,
)
from desktop_app.core.tasks import CancelToken
from desktop_app.render.common import (
    citation_parts,
    clean_text,
    format_date,
    official_url,
    paragraphs,
    source_details,
    source_kamerstuk,
    source_ref,
)

ACCENT = "154273"
MUTED = "5B6470"
NOTE_FILL = "FBF6E6"
NOTE_RULE = "D8C27A"
SOURCE_BOOKMARK = "source_"
NOTE_STYLE = "Kamerlezer Notitie"
SOURCE_STYLE = "Kamerlezer Bron"
ProgressFn = Callable[[int, int, str], None]


def _hex(color: str) -> str:
    value = color.lstrip("#")
    return value.upper() if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value) else "888888"


_W_PPR, _W_PSTYLE, _W_VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_W_R, _W_RPR, _W_T = qn("w:r"), qn("w:rPr"), qn("w:t")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def text_run(
    paragraph: Paragraph | Any,
    value: str,
    *,
    bold: bool = False,
    color: str | None = None,
    half_points: int | None = None,
    underline: bool = False,
    fill: str | None = None,
) -> Any:
    """Append a run of ``value`` to a paragraph (or a w:hyperlink element) with lxml directly: the
    rPr children in schema order (b, color, sz, u, shd). python-docx's Run API costs ~10x more."""
    parent = paragraph._p if isinstance(paragraph, Paragraph) else paragraph  # noqa: SLF001
    run = etree.SubElement(parent, _W_R)
    if bold or color or half_points or underline or fill:
        rpr = etree.SubElement(run, _W_RPR)
        if bold:
            etree.SubElement(rpr, qn("w:b"))
        if color:
            etree.SubElement(rpr, qn("w:color")).set(_W_VAL, color)
        if half_points:
            etree.SubElement(rpr, qn("w:sz")).set(_W_VAL, str(half_points))
        if underline:
            etree.SubElement(rpr, qn("w:u")).set(_W_VAL, "single")
        if fill:
            shd = etree.SubElement(rpr, qn("w:shd"))
            shd.set(_W_VAL, "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), fill)
    t = etree.SubElement(run, _W_T)
    t.text = clean_text(value)
    t.set(_XML_SPACE, "preserve")
    return run


def _first_in_ppr(paragraph: Paragraph, element: Any) -> None:
    """Put ``element`` (w:pBdr, w:shd) right after w:pStyle: before w:spacing and w:ind, as the
    schema wants."""
    ppr = paragraph._p.get_or_add_pPr()  # noqa: SLF001
    ppr.insert(1 if ppr.find(_W_PSTYLE) is not None else 0, element)


class _Footnotes:
    """The footnotes part, built as XML: separators first, then one <w:footnote> per note."""

    def __init__(self) -> None:
        self.root = parse_xml(
            f"<w:footnotes {nsdecls('w')}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
            "</w:footnote></w:footnotes>"
        )
        self.next_id = 1

    def add(self, paragraph: Paragraph, text: str) -> None:
        """A footnote reference at the end of ``paragraph`` whose note reads ``text``."""
        fid = self.next_id
        self.next_id += 1
        run = paragraph.add_run()
        run.font.superscript = True
        run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{fid}"/>'))
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{fid}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>'
        )
        note[0][-1][-1].text = " " + text
        self.root.append(note)

    def attach(self, document: DocxDocument) -> None:
        if self.next_id == 1:
            return
        blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


class _Writer:
    def __init__(self, summary: SummaryDocument) -> None:
        self.summary = summary
        self.w = summary.words
        self.doc = Document()
        self.body = self.doc
        self.footnotes = _Footnotes()
        self._bookmark_id = 0
        self._style_ids: dict[str, str] = {}
        self._end = self.doc.element.body.get_or_add_sectPr()
        self._setup_styles()

    # styles and properties
    def _setup_styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        language = "nl-NL" if self.summary.language == "nl" else "en-GB"
        rpr = normal.element.get_or_add_rPr()
        rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{language}"/>'))
        note = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(10)
        # w:pBdr and w:shd come before w:spacing and w:ind in a w:pPr (Word refuses another order)
        note.element.get_or_add_pPr().append(
            parse_xml(
                f"<w:pBdr {nsdecls('w')}><w:left w:val=\"single\" w:sz=\"12\" w:space=\"6\" w:color=\"{NOTE_RULE}\"/>"
                "</w:pBdr>"
            )
        )
        note.element.get_or_add_pPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{NOTE_FILL}"/>')
        )
        note.paragraph_format.left_indent = Pt(12)
        note.paragraph_format.space_before = Pt(4)
        note.paragraph_format.space_after = Pt(4)
        source = styles.add_style(SOURCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        source.base_style = normal
        source.font.size = Pt(8.5)
        source.font.color.rgb = RGBColor.from_string(MUTED)
        source.paragraph_format.space_after = Pt(12)
        props = self.doc.core_properties
        props.title = self.summary.title
        props.author = self.summary.author or "Kamerlezer"
        props.subject = self.w("subject_prefix") + self.summary.scope_description
        props.keywords = ", ".join(["Kamerlezer"] + [t.path for t in self.summary.overview.themes])
        props.language = language
        props.comments = self.w("made_with")

    # small pieces
    def para(self, value: str = "", style: str | None = None) -> Paragraph:
        """A new paragraph at the end of the body. python-docx's own ``add_paragraph`` looks the style
        up by name and finds the section properties by scanning the body, both per call: 95 % of
        the time of a 500-passage export. Here the style ids are looked up once, and the paragraph
        goes straight before the remembered ``w:sectPr``."""
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self.doc._body)  # noqa: SLF001
        if style:
            ppr = etree.SubElement(element, _W_PPR)
            etree.SubElement(ppr, _W_PSTYLE).set(_W_VAL, self._style_id(style))
        if value:
            text_run(paragraph, value)
        return paragraph

    def heading(self, value: str, level: int) -> Paragraph:
        return self.para(value, f"Heading {level}")

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def hyperlink(self, paragraph: Paragraph, value: str, *, url: str | None = None, anchor: str | None = None) -> None:
        """A run of ``value`` linking to ``url`` (external) or to bookmark ``anchor``."""
        if not url and not anchor:
            text_run(paragraph, value)
            return
        link = parse_xml(f"<w:hyperlink {nsdecls('w', 'r')}/>")
        if url:
            rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
            link.set(qn("r:id"), rid)
        else:
            link.set(qn("w:anchor"), anchor or "")
        text_run(link, value, color=ACCENT, underline=True)
        paragraph._p.append(link)

    def bookmark(self, paragraph: Paragraph, name: str) -> None:
        self._bookmark_id += 1
        bid = self._bookmark_id
        paragraph._p.insert(
            1 if paragraph._p.pPr is not None else 0,
            parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{bid}" w:name="{name}"/>'),
        )
        paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{bid}"/>'))

    def chip(self, paragraph: Paragraph, theme: ThemeTag) -> None:
        """The theme's label shaded in its colour, in black or white by contrast."""
        fill = _hex(theme.color)
        ink = ink_for("#" + fill)[1:].upper()
        text_run(paragraph, f"\u00a0{theme.label}\u00a0", color=ink, half_points=16, fill=fill)

    def source_mark(self, paragraph: Paragraph, number: int) -> None:
        self.hyperlink(paragraph, f"[{number}]", anchor=f"{SOURCE_BOOKMARK}{number}")

    def details(self, paragraph: Paragraph, source: SourceInfo) -> None:
        kst = source_kamerstuk(source, self.w)
        for i, part in enumerate(source_details(source, self.w)):
            if i:
                text_run(paragraph, " · ")
            if part == kst:
                self.hyperlink(paragraph, part, url=official_url(source.kamerstuk))
            else:
                text_run(paragraph, part)

    # the document
    def write(self, progress: ProgressFn | None, cancel: CancelToken | None) -> None:
        if self.summary.compact:
            self.header()
        else:
            self.cover()
            self.contents()
        total = len(self.summary.sections)
        for done, section in enumerate(self.summary.sections, start=1):
            if cancel:
                cancel.check()
            if progress:
                progress(done, total + 1, f"Writing {section.title}")
            self.section(section)
        self.sources()
        self.footnotes.attach(self.doc)

    def header(self) -> None:
        doc, w = self.summary, self.w
        p = self.para()
        title = p.add_run(clean_text(doc.title))
        title.bold = True
        title.font.color.rgb = RGBColor.from_string(ACCENT)
        rest = [doc.author] if doc.author else []
        rest.append(format_date(doc.created, w))
        p.add_run(" · " + clean_text(" · ".join(rest))).font.color.rgb = RGBColor.from_string(MUTED)

    def cover(self) -> None:
        doc, w = self.summary, self.w
        self.para(doc.title, "Title")
        self.para(w("scope") + doc.scope_description)
        made = w("made_on", date=format_date(doc.created, w))
        if doc.author:
            made = w("made_by", author=doc.author) + " · " + made
        self.para(made).runs[0].font.color.rgb = RGBColor.from_string(MUTED)
        counts = doc.counts
        rows = [
            (w("c_passages"), counts.passages),
            (w("c_letters"), counts.letters),
            (w("c_themes"), counts.themes),
            (w("c_footnotes"), counts.footnotes),
            (w("c_citations"), counts.citations),
        ]
        if counts.orphans:
            rows.append((w("c_orphans"), counts.orphans))
        table = self.doc.add_table(rows=0, cols=2)
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = str(value)

    def contents(self) -> None:
        """A Word table of contents (headings 1-2) as a field Word updates when the file opens."""
        heading = self.para(self.w("contents"), "TOC Heading")
        heading.paragraph_format.page_break_before = True
        p = self.para()
        p._p.append(
            parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr=\'TOC \\o "1-2" \\h \\z \\u\'><w:r><w:t>'
                f"{clean_text(self.w('contents'))} …</w:t></w:r></w:fldSimple>"
            )
        )
        settings = self.doc.settings.element
        settings.append(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))
        p.add_run().add_break(WD_BREAK.PAGE)

    def section(self, section: Section) -> None:
        self.heading(section.title, 1)
        if section.theme is not None:
            p = self.para()
            self.chip(p, section.theme)
        for para in paragraphs(section.description):
            self.para(para)
        if section.kind == "letter" and section.source is not None:
            p = self.para(style=SOURCE_STYLE)
            self.source_mark(p, section.source.number)
            p.add_run(" ")
            self.details(p, section.source)
        for sub in section.subsections:
            self.subsection(section, sub)

    def subsection(self, section: Section, sub: Subsection) -> None:
        if sub.title is not None and sub.source is not None:
            heading = self.heading("", 2)
            self.source_mark(heading, sub.source.number)
            text_run(heading, " " + sub.title)
            p = self.para(style=SOURCE_STYLE)
            p.paragraph_format.space_after = Pt(6)
            self.details(p, sub.source)
        for passage in sub.passages:
            self.passage(passage, section)

    def passage(self, passage: Passage, section: Section) -> None:
        w = self.w
        themes = sorted(passage.themes, key=lambda t: section.theme is None or t.id != section.theme.id)
        rule = _hex(themes[0].color) if themes else "B0B6BD"
        if passage.orphan:
            flag = self.para(w("orphan_flag"))
            flag.runs[0].bold = True
            flag.runs[0].font.color.rgb = RGBColor.from_string("A3262A")
        self._quote(passage, rule)
        if passage.themes:
            p = self.para()
            for i, theme in enumerate(themes):
                if i:
                    text_run(p, " ")
                self.chip(p, theme)
        if passage.note.strip():
            for i, para in enumerate(paragraphs(passage.note)):
                p = self.para(style=NOTE_STYLE)
                if i == 0:
                    text_run(p, w("note"), bold=True)
                text_run(p, para)
        for citation in passage.citations:
            p = self.para(style=SOURCE_STYLE)
            p.paragraph_format.space_after = Pt(2)
            text_run(p, w("cites"), bold=True)
            c = citation_parts(citation, w)
            self.hyperlink(p, c.raw, url=official_url(citation.canonical))
            text_run(p, c.middle)
            if c.target_number:
                self.source_mark(p, c.target_number)
                text_run(p, " ")
            text_run(p, c.target_label)
        ref = source_ref(passage, w)
        p = self.para(style=SOURCE_STYLE)
        self.source_mark(p, ref.number)
        text_run(p, " " + ref.label + " · " + ref.date)
        if ref.kamerstuk:
            text_run(p, " · ")
            self.hyperlink(p, ref.kamerstuk, url=ref.url)
        if ref.pages:
            text_run(p, " · " + ref.pages)

    def _quote(self, passage: Passage, rule: str) -> None:
        """The quote in the "Quote" style with a left rule in the theme colour; each quoted footnote
        becomes a Word footnote at its marker (or after the quote when its marker is unknown)."""
        quote = passage.quote
        notes = {f.marker: f for f in passage.footnotes if f.marker and 0 <= f.marker[0] < f.marker[1] <= len(quote)}
        unplaced = [f for f in passage.footnotes if f.marker not in notes]
        cuts = sorted(notes)
        pieces: list[tuple[str, str | None]] = []  # (text, footnote text placed after it)
        pos = 0
        for start, end in cuts:
            if start < pos:
                continue
            pieces.append((quote[pos:start], notes[(start, end)].text))
            pos = end
        pieces.append((quote[pos:], None))
        paras: list[Paragraph] = [self.para(style="Quote")]
        for chunk, note in pieces:
            for i, part in enumerate(chunk.replace("\r\n", "\n").split("\n\n")):
                if i:
                    paras.append(self.para(style="Quote"))
                lines = part.split("\n")
                for j, line in enumerate(lines):
                    if j:
                        paras[-1].add_run().add_break()
                    if line:
                        text_run(paras[-1], line)
            if note is not None:
                self.footnotes.add(paras[-1], clean_text(note))
        for footnote in unplaced:
            self.footnotes.add(paras[-1], clean_text(footnote.text))
        border = parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="8" w:color="{rule}"/></w:pBdr>'
        )
        for p in paras:
            _first_in_ppr(p, copy.deepcopy(border))
            p.paragraph_format.left_indent = Pt(14)

    def sources(self) -> None:
        heading = self.heading(self.w("sources"), 1)
        if not self.summary.compact:
            heading.paragraph_format.page_break_before = True
        for source in self.summary.sources:
            p = self.para()
            p.paragraph_format.space_after = Pt(0)
            text_run(p, f"[{source.number}] {source.label}", bold=True)
            self.bookmark(p, f"{SOURCE_BOOKMARK}{source.number}")
            meta = self.para(style=SOURCE_STYLE)
            self.details(meta, source)
            extra = [self.w.count("passage", source.passage_count)]
            if source.pages:
                extra.insert(0, self.w.count("page", source.pages))
            text_run(meta, " · " + " · ".join(extra))


def write_docx(
    summary: SummaryDocument,
    out_path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> None:
    writer = _Writer(summary)
    writer.write(progress, cancel)
    writer.doc.save(str(out_path))


__all__ = ["write_docx"]
