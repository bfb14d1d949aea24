"""Test helper: build PDFs with reportlab, in the ministry letter layout, and hostile PDFs.

Reusable by every test that needs a realistic PDF:

- ``LetterSpec`` describes a letter (head metadata, paragraphs, headings, footnotes with markers);
  ``spec_from_seed(path)`` makes one from a bundled .txt letter (read with the .txt importer).
- ``make_letter_pdf(spec, path)`` lays it out by hand on an A4 canvas: a letter head (return
  address in a small font, addressee, "Datum", "Betreft", "Geachte voorzitter,"), a right-hand side column in a small font (ministry
  address, "Datum", "Onze referentie"), body paragraphs in Helvetica 10 pt wrapped at spaces and
  after hyphens, headings on their own line, real superscript markers (6.5 pt, raised with the
  text rise operator ``Ts``), and each footnote at the bottom of the page where its marker stands
  (7.5 pt, "N text"), plus a "Pagina N van M" footer.
- Hostile files: ``encrypted_pdf`` (AES-256 through pypdf's writer), ``truncated_pdf``,
  ``image_only_pdf`` (a "scan": one image, no text), ``nested_arrays_pdf`` (hand-written PDF with
  deeply nested arrays), ``text_pdf`` (a minimal one-line PDF).
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

MONTHS_NL = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip

PAGE_W, PAGE_H = A4
LEFT = 72.0
BODY_W = 360.0
SIDE_X = 455.0
TOP = PAGE_H - 90.0
BOTTOM = 70.0
FONT, FONT_SIZE, LEADING = "Helvetica", 10.0, 14.0
HEAD_FONT = "Helvetica-Bold"
SUP_SIZE, SUP_RISE = 6.5, 3.8
NOTE_SIZE, NOTE_LEADING = 7.5, 9.5
SIDE_SIZE = 7.0
LABEL_INDENT = 68.0


@dataclass
class LetterSpec:
    """A letter to lay out. Paragraph text may hold markers as ``[^N]`` (footnote N's marker)."""

    paragraphs: list[str]
    headings: set[int] = field(default_factory=set)  # indexes of paragraphs that are headings
    footnotes: dict[int, str] = field(default_factory=dict)
    date: str | None = None  # ISO
    subject: str | None = None
    chamber: str | None = None  # "Tweede Kamer" | "Eerste Kamer" | None (no letter head)
    reference: str = "BS2024000000"
    letter_head: bool = True  # False: no addressee/Datum/Betreft block (the side column stays)
    small_labels: bool = False  # True: "Datum"/"Betreft" as small labels beside their values
    side_size: float = SIDE_SIZE  # the side column's font size (FONT_SIZE: set like the body)


def dutch_date(iso: str) -> str:
    day = _date.fromisoformat(iso)
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def spec_from_seed(seed_txt: Path) -> LetterSpec:
    """A spec with the content of a bundled .txt letter (as the .txt importer reads it)."""
    from desktop_app.core.importing import read_file

    letter = read_file(seed_txt)
    text = letter.text
    # put "[^N]" in place of each marker's digits, from the back so offsets stay valid
    for note in sorted(letter.footnotes, key=lambda f: f.marker[0] if f.marker else -1, reverse=True):
        if note.marker:
            text = text[: note.marker[0]] + f"[^{note.number}]" + text[note.marker[1] :]
    heading_texts = {letter.text[a:b] for a, b in letter.headings}
    paragraphs = text.split("\n\n")
    headings = {i for i, p in enumerate(paragraphs) if p in heading_texts}
    return LetterSpec(
        paragraphs=paragraphs,
        headings=headings,
        footnotes={f.number: f.text for f in letter.footnotes},
        date=letter.date,
        subject=letter.subject,
        chamber=letter.chamber,
    )


# ---------------------------------------------------------------- layout

_MARK = re.compile(r"\[\^(\d+)\]")


@dataclass
class _Run:
    text: str
    superscript: bool = False


@dataclass
class _Page:
    lines: list[tuple[float, str, list[_Run]]] = field(default_factory=list)  # (y, font, runs)
    notes: list[int] = field(default_factory=list)
    side: list[str] = field(default_factory=list)


def _tokens(paragraph: str) -> list[list[_Run]]:
    """Words as lists of runs; a word may end in a superscript marker; hyphenated words give
    break points after each hyphen ("NAVO-", "bondgenootschap")."""
    words: list[list[_Run]] = []
    for word in paragraph.split():
        pieces = re.split(r"(?<=[^\W\d_]-)(?=[^\W\d_]{2})", word)
        for index, piece in enumerate(pieces):
            runs: list[_Run] = []
            pos = 0
            for match in _MARK.finditer(piece):
                if match.start() > pos:
                    runs.append(_Run(piece[pos : match.start()]))
                runs.append(_Run(match.group(1), True))
                pos = match.end()
            if pos < len(piece):
                runs.append(_Run(piece[pos:]))
            runs_joined = runs or [_Run("")]
            if index < len(pieces) - 1:
                runs_joined.append(_Run("\x00"))  # no space after this piece when on one line
            words.append(runs_joined)
    return words


def _width(runs: list[_Run], font: str) -> float:
    return sum(
        stringWidth(r.text, font, SUP_SIZE if r.superscript else FONT_SIZE) for r in runs if r.text != "\x00"
    )


def _wrap(paragraph: str, font: str) -> list[list[_Run]]:
    lines: list[list[_Run]] = []
    line: list[_Run] = []
    width = 0.0
    for word in _tokens(paragraph):
        glue = [] if not line or line[-1].text == "\x00" else [_Run(" ")]
        add = _width(glue + word, font)
        if line and width + add > BODY_W:
            lines.append(line)
            line, width = [], 0.0
            glue = []
            add = _width(word, font)
        line.extend(glue + word)
        width += add
    if line:
        lines.append(line)
    return [[r for r in ln if r.text != "\x00"] for ln in lines]


def _note_lines(number: int, text: str) -> list[str]:
    words = f"{number} {text}".split()
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, FONT, NOTE_SIZE) > BODY_W:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _head_lines(spec: LetterSpec) -> list[tuple[str, str]]:
    """(font, text) lines of the letter head, blank lines as ""."""
    if not spec.letter_head or (spec.chamber is None and spec.date is None and spec.subject is None):
        return []
    head: list[tuple[str, str]] = [("small", "> Retouradres Postbus 20701 2500 ES Den Haag"), (FONT, "")]
    if spec.chamber:
        head += [
            (FONT, f"de Voorzitter van de {spec.chamber}"),
            (FONT, "der Staten-Generaal"),
            (FONT, "Postbus 20018" if spec.chamber == "Tweede Kamer" else "Kazernestraat 52"),
            (FONT, "2500 EA Den Haag"),
            (FONT, ""),
        ]
    # small labels: "Datum"/"Betreft" in 7 pt at the margin, the values indented (a common variant)
    style = "label" if spec.small_labels else FONT
    if spec.date:
        head.append((style, f"Datum\t{dutch_date(spec.date)}"))
    if spec.subject:
        subject_lines = _wrap(spec.subject, FONT)
        for i, runs in enumerate(subject_lines):
            text = "".join(r.text for r in runs)
            head.append((style, f"Betreft\t{text}" if i == 0 else f"\t{text}"))
    head += [(FONT, ""), (FONT, "Geachte voorzitter,"), (FONT, "")]
    return head


def _layout(spec: LetterSpec) -> list[_Page]:
    pages = [_Page()]
    y = TOP
    note_height = 0.0

    def new_page() -> None:
        nonlocal y, note_height
        pages.append(_Page())
        y = TOP
        note_height = 0.0

    for font, text in _head_lines(spec):
        if text:
            pages[-1].lines.append((y, font, [_Run(text)]))
        y -= LEADING if font != "small" else SIDE_SIZE * 1.4
    for index, paragraph in enumerate(spec.paragraphs):
        font = HEAD_FONT if index in spec.headings else FONT
        wrapped = _wrap(paragraph, font)
        if index in spec.headings and y - 3 * LEADING < BOTTOM + note_height:
            new_page()  # keep a heading with what follows
        for runs in wrapped:
            numbers = [int(r.text) for r in runs if r.superscript]
            extra = sum(
                len(_note_lines(n, spec.footnotes.get(n, ""))) * NOTE_LEADING + 4 for n in numbers
            )
            if y - LEADING < BOTTOM + note_height + extra + (6 if extra and not note_height else 0):
                new_page()
            pages[-1].lines.append((y, font, runs))
            pages[-1].notes.extend(n for n in numbers if n in spec.footnotes)
            note_height += extra + (6 if extra and note_height == 0 else 0)
            y -= LEADING
        y -= LEADING  # blank line between paragraphs
    return pages


def _side_column(spec: LetterSpec, page_number: int) -> list[str]:
    if page_number == 1:
        lines = ["Ministerie van Defensie", "Kalvermarkt 32", "Postbus 20701", "2500 ES Den Haag", ""]
    else:
        lines = []
    if spec.date:
        lines += ["Datum", dutch_date(spec.date), ""]
    lines += ["Onze referentie", spec.reference]
    return lines


def make_letter_pdf(spec: LetterSpec, path: Path) -> Path:
    """Lay out ``spec`` in the ministry layout and write it to ``path``."""
    pages = _layout(spec)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(spec.subject or "Kamerbrief")
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        _draw_side(canvas, _side_column(spec, number), spec.side_size)
        for y, font, runs in page.lines:
            _draw_line(canvas, LEFT, y, font, runs)
        _draw_notes(canvas, page.notes, spec.footnotes)
        canvas.setFont(FONT, SIDE_SIZE)
        canvas.drawString(SIDE_X, 40, f"Pagina {number} van {total}")
        canvas.showPage()
    canvas.save()
    return path


def _draw_line(canvas: Canvas, x: float, y: float, font: str, runs: list[_Run]) -> None:
    if font == "small":  # the return address above the addressee
        canvas.setFont(FONT, SIDE_SIZE)
        canvas.drawString(x, y, "".join(r.text for r in runs))
        return
    if font == "label":  # "Datum" small at the margin, its value indented in the body font
        label, _, value = "".join(r.text for r in runs).partition("\t")
        canvas.setFont(FONT, SIDE_SIZE)
        if label:
            canvas.drawString(x, y, label)
        canvas.setFont(FONT, FONT_SIZE)
        canvas.drawString(x + LABEL_INDENT, y, value)
        return
    runs = [_Run(r.text.replace("\t", " ").strip() if "\t" in r.text else r.text, r.superscript) for r in runs]
    text = canvas.beginText(x, y)
    for run in runs:
        if run.superscript:
            text.setFont(FONT, SUP_SIZE)
            text.setRise(SUP_RISE)
            text.textOut(run.text)
            text.setRise(0)
        else:
            text.setFont(font, FONT_SIZE)
            text.textOut(run.text)
    canvas.drawText(text)


def _draw_side(canvas: Canvas, lines: list[str], size: float = SIDE_SIZE) -> None:
    y = TOP
    canvas.setFont(FONT, size)
    for line in lines:
        if line:
            canvas.drawString(SIDE_X, y, line)
        y -= size * 1.4


def _draw_notes(canvas: Canvas, numbers: list[int], notes: dict[int, str]) -> None:
    if not numbers:
        return
    blocks = [_note_lines(n, notes[n]) for n in numbers]
    height = sum(len(b) * NOTE_LEADING + 4 for b in blocks)
    y = BOTTOM + height - NOTE_LEADING
    canvas.setLineWidth(0.4)
    canvas.line(LEFT, y + NOTE_LEADING + 2, LEFT + 120, y + NOTE_LEADING + 2)
    canvas.setFont(FONT, NOTE_SIZE)
    for block in blocks:
        for line in block:
            canvas.drawString(LEFT, y, line)
            y -= NOTE_LEADING
        y -= 4


def seed_pdf(seed_txt: Path, out_dir: Path) -> Path:
    """The ministry-layout PDF of a bundled .txt letter, written to ``out_dir``."""
    out = out_dir / (seed_txt.stem + ".pdf")
    return make_letter_pdf(spec_from_seed(seed_txt), out)


# ---------------------------------------------------------------- hostile PDFs


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A plain one-column PDF with the given lines."""
    canvas = Canvas(str(path), pagesize=A4)
    y = TOP
    canvas.setFont(FONT, FONT_SIZE)
    for line in lines:
        canvas.drawString(LEFT, y, line)
        y -= LEADING
    canvas.showPage()
    canvas.save()
    return path


def encrypted_pdf(source: Path, path: Path, password: str) -> Path:
    """``source`` encrypted with AES-256 (user password ``password``)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def truncated_pdf(source: Path, path: Path, keep: float = 0.5) -> Path:
    """The first ``keep`` fraction of ``source``'s bytes."""
    data = source.read_bytes()
    path.write_bytes(data[: max(16, int(len(data) * keep))])
    return path


def image_only_pdf(path: Path, pages: int = 2) -> Path:
    """A "scanned" PDF: every page one grey image, no text layer."""
    from reportlab.lib.utils import ImageReader

    width, height = 60, 80
    raw = bytes((x * 7 + y * 3) % 256 for y in range(height) for x in range(width))
    png = _png_gray(width, height, raw)
    canvas = Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        canvas.drawImage(ImageReader(io.BytesIO(png)), 50, 100, width=480, height=640)
        canvas.showPage()
    canvas.save()
    return path


def scan_with_furniture_pdf(path: Path, pages: int = 3, text_pages: dict[int, list[str]] | None = None) -> Path:
    """Scanned pages (one grey image each) that still carry a text running head and a "Pagina N van
    M" footer, as a scanning office stamps them; ``text_pages`` maps a page number to body lines
    typed on that page (a mixed document)."""
    from reportlab.lib.utils import ImageReader

    width, height = 60, 80
    raw = bytes((x * 5 + y * 11) % 256 for y in range(height) for x in range(width))
    png = _png_gray(width, height, raw)
    canvas = Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont(FONT, 8)
        canvas.drawString(LEFT, PAGE_H - 40, "Ministerie van Defensie - ingescand document")
        canvas.drawString(LEFT, 40, f"Pagina {number} van {pages}")
        body = (text_pages or {}).get(number)
        if body:
            canvas.setFont(FONT, FONT_SIZE)
            y = TOP
            for line in body:
                canvas.drawString(LEFT, y, line)
                y -= LEADING
        else:
            canvas.drawImage(ImageReader(io.BytesIO(png)), 50, 100, width=480, height=640)
        canvas.showPage()
    canvas.save()
    return path


def _png_gray(width: int, height: int, raw: bytes) -> bytes:
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + raw[y * width : (y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def nested_arrays_pdf(path: Path, depth: int = 50_000) -> Path:
    """A hand-written PDF whose page dictionary holds arrays nested ``depth`` deep."""
    nested = b"[" * depth + b"1" + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Nested " + nested + b" >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path
