"""Test helper: a ministry-layout letter typeset the way a word processor does it, not in our own
generator's idiom (tests/pdfgen.py).

``typeset_letter_pdf(spec, path)`` sets a ``pdfgen.LetterSpec`` with reportlab's Platypus:

- the body justified (``TA_JUSTIFY``) and hyphenated in Dutch (``hyphenationLang="nl_NL"``, through
  pyphen): words are broken at line ends with a hyphen, as Word and LibreOffice do;
- the side column (ministry address, "Datum", "Onze referentie") in the body's own font size, in its
  own column right of the body;
- real superscript footnote markers (``<super>``), and each footnote at the bottom of the page where
  its marker stands, in the body's font size, under a short rule. Platypus has no footnotes, so the
  page of every marker is recorded while drawing (an ``onDraw`` callback) and the document is set
  again with that much room kept free at those page bottoms, until the pages stop changing.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from tests.pdfgen import LetterSpec, dutch_date

PAGE_W, PAGE_H = A4
LEFT = 72.0
BODY_W = 360.0
SIDE_X = 450.0
TOP = PAGE_H - 80.0
BOTTOM = 70.0
FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 10.0, 13.0
NOTE_GAP = 10.0  # between the body's frame and the footnote rule

BODY = ParagraphStyle(
    "body",
    fontName=FONT,
    fontSize=SIZE,
    leading=LEADING,
    alignment=TA_JUSTIFY,
    hyphenationLang="nl_NL",
    embeddedHyphenation=0,  # break only inside words, as a word processor's hyphenation does
    hyphenationMinWordLength=6,
    spaceAfter=LEADING,
)
HEADING = ParagraphStyle("heading", parent=BODY, fontName=BOLD, alignment=TA_LEFT, hyphenationLang="", keepWithNext=1)
HEAD = ParagraphStyle("head", parent=BODY, alignment=TA_LEFT, hyphenationLang="", spaceAfter=0)
RETURN = ParagraphStyle("return", parent=HEAD, fontSize=7.0, leading=9.0, spaceAfter=LEADING)
NOTE = ParagraphStyle("note", parent=HEAD, leftIndent=14.0, firstLineIndent=-14.0)

_MARK = re.compile(r"\[\^(\d+)\]")


def _markup(text: str) -> str:
    """Paragraph markup of spec text: ``[^N]`` becomes a superscript N that reports its page."""
    return _MARK.sub(r'<super><onDraw name="footnote" label="\1"/>\1</super>', escape(text))


def _story(spec: LetterSpec) -> list:
    story: list = []
    if spec.letter_head and (spec.chamber or spec.date or spec.subject):
        story.append(Paragraph("&gt; Retouradres Postbus 20701 2500 ES Den Haag", RETURN))
        if spec.chamber:
            address = [
                f"de Voorzitter van de {spec.chamber}",
                "der Staten-Generaal",
                "Postbus 20018" if spec.chamber == "Tweede Kamer" else "Kazernestraat 52",
                "2500 EA Den Haag",
            ]
            story += [Paragraph(escape(line), HEAD) for line in address]
            story.append(Spacer(1, 2 * LEADING))
        if spec.date:
            story.append(Paragraph(f"Datum {dutch_date(spec.date)}", HEAD))
        if spec.subject:
            story.append(Paragraph(f"Betreft {escape(spec.subject)}", HEAD))
        story.append(Spacer(1, 2 * LEADING))
        story.append(Paragraph("Geachte voorzitter,", BODY))
    for index, paragraph in enumerate(spec.paragraphs):
        story.append(Paragraph(_markup(paragraph), HEADING if index in spec.headings else BODY))
    return story


def _side_column(spec: LetterSpec, page: int) -> list[str]:
    lines = ["Ministerie van Defensie", "Kalvermarkt 32", "Postbus 20701", "2500 ES Den Haag", ""] if page == 1 else []
    if spec.date:
        lines += ["Datum", dutch_date(spec.date), ""]
    return lines + ["Onze referentie", spec.reference]


def _note_blocks(spec: LetterSpec, numbers: list[int]) -> tuple[list[Paragraph], float]:
    blocks = [Paragraph(f"{n}&nbsp;&nbsp;{escape(spec.footnotes[n])}", NOTE) for n in numbers]
    heights = [block.wrap(BODY_W, PAGE_H)[1] for block in blocks]
    return blocks, sum(heights) + 3.0 * (len(blocks) - 1)


class _Letter(BaseDocTemplate):
    """One pass of the typesetting; ``reserve`` maps a page to the footnote numbers it must hold."""

    def __init__(self, path: Path, spec: LetterSpec, reserve: dict[int, list[int]], total: int):
        super().__init__(str(path), pagesize=A4, title=spec.subject or "Kamerbrief", author="Ministerie van Defensie")
        self.spec, self.reserve, self.total = spec, reserve, total
        self.marks: dict[int, list[int]] = {}
        self.addPageTemplates(
            [PageTemplate("page", frames=[self._frame(1)], onPage=self._begin, onPageEnd=self._end)]
        )

    def _frame(self, page: int) -> Frame:
        numbers = self.reserve.get(page, [])
        room = _note_blocks(self.spec, numbers)[1] + 2 * NOTE_GAP if numbers else 0.0
        bottom = BOTTOM + room
        return Frame(LEFT, bottom, BODY_W, TOP - bottom, 0, 0, 0, 0, id=f"body{page}")

    def _begin(self, canvas, doc) -> None:
        canvas.setNamedCB("footnote", self._mark)
        self.pageTemplate.frames = [self._frame(doc.page)]
        canvas.setFont(FONT, SIZE)
        y = TOP - SIZE
        for line in _side_column(self.spec, doc.page):
            if line:
                canvas.drawString(SIDE_X, y, line)
            y -= LEADING
        canvas.setFont(FONT, 7.0)
        canvas.drawString(SIDE_X, 40, f"Pagina {doc.page} van {self.total}")

    def _mark(self, canvas, kind, label) -> None:
        number = int(label)
        if number in self.spec.footnotes:
            self.marks.setdefault(self.page, []).append(number)

    def _end(self, canvas, doc) -> None:
        numbers = self.marks.get(doc.page, [])
        if not numbers:
            return
        blocks, height = _note_blocks(self.spec, numbers)
        y = BOTTOM + height
        canvas.setLineWidth(0.4)
        canvas.line(LEFT, y + NOTE_GAP / 2, LEFT + 120, y + NOTE_GAP / 2)
        for block in blocks:
            _, h = block.wrap(BODY_W, PAGE_H)
            block.drawOn(canvas, LEFT, y - h)
            y -= h + 3.0


def typeset_letter_pdf(spec: LetterSpec, path: Path, passes: int = 8) -> Path:
    """Typeset ``spec`` justified and hyphenated in Dutch, footnotes at their pages' bottoms."""
    reserve: dict[int, list[int]] = {}
    total = 1
    for _ in range(passes):
        doc = _Letter(path, spec, reserve, total)
        doc.build(_story(spec))
        if doc.marks == reserve and doc.page == total:
            return path
        reserve, total = doc.marks, doc.page
    raise RuntimeError(f"{path.name}: the footnotes' pages did not settle in {passes} passes")
