"""Word documents (.docx) -> ``ParsedLetter``.

A .docx is a zip of XML parts; the body is ``word/document.xml``, footnotes are ``word/footnotes.xml``.
The paragraphs (soft line breaks kept as line ends, page breaks dropped (Word's pages are
its layout's, not the document's), footnote references as
superscript markers) go through the same letter rules as a text letter (``parse_text``: head block,
date, subject, chamber, signatory, kind, own id); then the footnotes are attached to their markers and
paragraphs styled as headings in Word are listed as headings.

Hardened: the zip's parts are size-checked before they are unpacked (a zip bomb is refused), and XML
with a document type declaration is refused (no entities). An old binary .doc is refused with
"save it as .docx".
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import replace

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importing.letter import parse_text
from desktop_app.core.importing.official_xml import parse_xml
from desktop_app.core.messages import Message
from desktop_app.core.model import Footnote, ParsedLetter, Span
from desktop_app.core.superscript import superscript

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PART_BYTES = 64 * 1024 * 1024
SAVE_AS_DOCX = Message("old Word format (.doc): open it in Word and save it as .docx")
_HEADING_STYLE = re.compile(r"^(heading|kop|titel|title|subtitle|ondertitel)\s*\d*$", re.IGNORECASE)
_WS = re.compile(r"[ \t\u00a0]+")


def read_docx(data: bytes, *, name: str, source_file: str, content_hash: str) -> ParsedLetter:
    if data.startswith(OLE_MAGIC):
        raise ImportFailed(name, SAVE_AS_DOCX)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ImportFailed(name, Message("not a Word document (.docx is a zip file; damaged or renamed?)")) from exc
    with archive:
        body = _part(archive, "word/document.xml", name)
        if body is None:
            raise ImportFailed(name, Message("not a Word document (no word/document.xml)"))
        notes_xml = _part(archive, "word/footnotes.xml", name)
        styles_xml = _part(archive, "word/styles.xml", name)
    notes = _footnotes(parse_xml(notes_xml, name)) if notes_xml else {}
    heading_styles = _heading_styles(parse_xml(styles_xml, name)) if styles_xml else set()
    paragraphs, order = _paragraphs(parse_xml(body, name), heading_styles)
    plain = "\n\n".join(text for text, _ in paragraphs if text.strip())
    if not plain.strip():
        raise ImportFailed(name, Message("no text found in the Word document"))
    letter = parse_text(plain, source_file=source_file, content_hash=content_hash)
    text = letter.text
    footnotes = letter.footnotes
    if order:
        footnotes = tuple(_attach(text, order, notes))
    headings = _headings(text, letter.headings, [t for t, heading in paragraphs if heading])
    return replace(letter, source_format="docx", footnotes=footnotes, headings=headings)


def _part(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise ImportFailed(name, Message("encrypted Word document (remove the password in Word first)"))
    if info.file_size > MAX_PART_BYTES:
        raise ImportFailed(name, Message("Word document too large to read ({0} unpacks to {1} MB)", member, info.file_size // 2**20))
    with archive.open(info) as handle:
        data = handle.read(MAX_PART_BYTES + 1)  # the stated size may lie
    if len(data) > MAX_PART_BYTES:
        raise ImportFailed(name, Message("Word document too large to read ({0})", member))
    return data


def _heading_styles(root: ET.Element) -> set[str]:
    """Style ids whose name is a heading ("heading 1", "Kop 2", "Title"): ids differ per language."""
    found = set()
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId") or ""
        name_el = style.find(f"{W}name")
        label = name_el.get(f"{W}val", "") if name_el is not None else ""
        if _HEADING_STYLE.match(label.strip()) or _HEADING_STYLE.match(style_id):
            found.add(style_id)
    return found


def _paragraphs(root: ET.Element, heading_styles: set[str]) -> tuple[list[tuple[str, bool]], list[int]]:
    """The body's paragraphs in document order as (text, styled as heading), and the footnote ids in
    the order their references appear (the reference is written as the superscript of its position).

    A table row whose cells each hold one paragraph reads as one line, its cells' texts joined by a
    space, as a reader (and ``pdftotext -layout``) reads it: the official layout puts "36 278" and
    the dossier title, "Nr. 32" and "MOTIE VAN HET LID ..." side by side in cells of one row. Other
    rows (a cell with several paragraphs: the body of a motion in the layout's right column) read
    cell by cell, paragraph by paragraph."""
    out: list[tuple[str, bool]] = []
    order: list[int] = []

    def walk(element: ET.Element, into: list[tuple[str, bool]]) -> None:
        for child in element:
            if child.tag == f"{W}p":
                into.append(_paragraph(child, heading_styles, order))
            elif child.tag == f"{W}tr":
                into.extend(_row(child, walk))
            else:
                walk(child, into)

    walk(root, out)
    return out, order


def _paragraph(para: ET.Element, heading_styles: set[str], order: list[int]) -> tuple[str, bool]:
    style = para.find(f"{W}pPr/{W}pStyle")
    style_id = style.get(f"{W}val", "") if style is not None else ""
    heading = style_id in heading_styles or bool(_HEADING_STYLE.match(style_id))
    parts: list[str] = []
    for el in para.iter():
        tag = el.tag
        if tag == f"{W}t" and el.text:
            parts.append(el.text)
        elif tag in (f"{W}tab", f"{W}noBreakHyphen"):
            parts.append(" " if tag == f"{W}tab" else "-")
        elif tag == f"{W}br" and el.get(f"{W}type") != "page":  # Word's pages are its layout's
            parts.append("\n")
        elif tag == f"{W}footnoteReference":
            order.append(int(el.get(f"{W}id", "0")))
            parts.append(superscript(len(order)))
    text = "\n".join(_WS.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return text, heading and bool(text.strip())


def _row(row: ET.Element, walk: Callable[[ET.Element, list[tuple[str, bool]]], None]) -> list[tuple[str, bool]]:
    cells: list[list[tuple[str, bool]]] = []
    for cell in _cells(row):
        paragraphs: list[tuple[str, bool]] = []
        walk(cell, paragraphs)
        cells.append(paragraphs)
    filled = [[p for p in cell if p[0].strip()] for cell in cells]
    filled = [cell for cell in filled if cell]
    if len(filled) > 1 and all(len(cell) == 1 and "\n" not in cell[0][0] for cell in filled):
        return [(" ".join(cell[0][0] for cell in filled), any(cell[0][1] for cell in filled))]
    return [p for cell in cells for p in cell]


def _cells(row: ET.Element) -> list[ET.Element]:
    """A row's cells, also those wrapped in a content control (``w:sdt``)."""
    found = []
    for child in row:
        if child.tag == f"{W}tc":
            found.append(child)
        elif child.tag == f"{W}sdt":
            found.extend(child.iterfind(f"{W}sdtContent/{W}tc"))
    return found


def _footnotes(root: ET.Element) -> dict[int, str]:
    notes = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p"))
        notes[int(note.get(f"{W}id", "0"))] = _WS.sub(" ", text).strip()
    return notes


def _attach(text: str, order: list[int], notes: dict[int, str]) -> list[Footnote]:
    """Footnotes numbered in the order of their references, each with its marker found in order."""
    out = []
    position = 0
    for number, note_id in enumerate(order, start=1):
        mark = superscript(number)
        found = text.find(mark, position)
        marker: Span | None = None
        if found >= 0:
            marker = (found, found + len(mark))
            position = found + len(mark)
        out.append(Footnote(number=number, text=notes.get(note_id, ""), marker=marker))
    return out


def _headings(text: str, found: tuple[Span, ...], styled: list[str]) -> tuple[Span, ...]:
    """The headings the letter rules found, plus the paragraphs Word styles as headings."""
    spans = set(found)
    starts: dict[str, list[int]] = {}
    offset = 0
    for para in text.split("\n\n"):
        starts.setdefault(para, []).append(offset)
        offset += len(para) + 2
    for para in styled:
        flat = " ".join(para.split())
        for start in starts.get(flat, []):
            spans.add((start, start + len(flat)))
    return tuple(sorted(spans))
