"""Putting it together: pages (from text or PDF) + metadata hints -> ``ParsedLetter``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.core.importing import cleaning
from desktop_app.core.importing import metadata as meta
from desktop_app.core.importing.text import PRIVATE_MARKS
from desktop_app.core.messages import Message
from desktop_app.core.model import ParsedLetter


@dataclass
class Hints:
    """What a reader saw outside the body: side column, running headers/footers, page count."""

    side_lines: list[str] = field(default_factory=list)  # ministry layout right-hand column
    furniture: list[str] = field(default_factory=list)  # removed running headers and footers
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)


def parse_text(text: str, *, source_file: str, content_hash: str) -> ParsedLetter:
    """Parse a plain-text letter already in memory.

    ``pages`` is the number of pages detected from page-break noise (runs of blank lines, form
    feeds, page-bottom footnote blocks): page breaks + 1.
    """
    return parse_lines(text_lines(text), source_file=source_file, content_hash=content_hash)


def text_lines(text: str) -> list[str]:
    """The lines of a text letter: the importer's own marks taken out, line ends made "\n", a form
    feed a line of its own. (A caller holding a big text can drop it after this: the lines are what
    the parse needs.)"""
    for mark in PRIVATE_MARKS:
        text = text.replace(mark, "")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\f\n").split("\n")


def parse_lines(lines: list[str], *, source_file: str, content_hash: str) -> ParsedLetter:
    """Parse a text letter given as its lines (:func:`text_lines`)."""
    lines, removed = cleaning.remove_artefacts(lines)
    pages = cleaning.split_txt_pages(lines)
    hints = Hints(furniture=removed)
    return build_letter(pages, hints, source_file=source_file, content_hash=content_hash, fmt="txt")


def build_letter(
    pages: list[cleaning.Page], hints: Hints, *, source_file: str, content_hash: str, fmt: str
) -> ParsedLetter:
    """Take the head block off page 1, drop artefacts, assemble the body, read the metadata."""
    all_lines = [_unmarked(ln) for p in pages for ln in p.lines]
    first = pages[0].lines if pages else []
    header = meta.parse_header([_unmarked(line) for line in first])
    side = meta.parse_header(hints.side_lines, search_limit=200) if hints.side_lines else meta.Header()
    furniture = list(hints.furniture)
    if pages:
        pages[0].lines, masthead = _split_masthead(first[header.body_start :])
        furniture.extend(masthead)
    kamerstuk = (
        meta.find_kamerstuk(furniture)
        or meta.kamerstuk_from_head(all_lines)
        or meta.find_kamerstuk(all_lines[:40])
    )
    official_head: list[str] = []
    remarks: list[str] = []
    if pages:  # an official publication's dossier and title lines (Aanhangsel: question and answer line)
        head_end, remarks = meta.official_head_end(pages[0].lines, kamerstuk)
        official_head = pages[0].lines[:head_end]
        pages[0].lines = pages[0].lines[head_end:]
    for page in pages:
        page.lines, removed = cleaning.remove_artefacts(page.lines)
        furniture.extend(removed)
    clean = cleaning.build_clean_text(pages)

    date = (
        header.date
        or side.date
        or _side_date(hints.side_lines)
        or meta.find_dateline(all_lines[:40])
        or meta.find_dateline(furniture)
    )
    if date is None and kamerstuk:
        date = meta.find_official_date(all_lines)
    subject = header.subject or side.subject or meta.official_subject(all_lines, kamerstuk)
    chamber = header.chamber or side.chamber or meta.chamber_from_lines(all_lines[:40])
    if chamber is None and kamerstuk:
        chamber = _chamber_of_id(kamerstuk, all_lines[:10])
    kind = meta.guess_kind(subject, "\n".join([*official_head, clean.text]), kamerstuk)
    official = bool(kamerstuk and kamerstuk.startswith("kst-"))
    signatory = meta.find_signatory(clean.paragraphs, every_block=official)
    if kamerstuk and kamerstuk.startswith("ah-"):
        signatory = meta.find_answering(all_lines) or signatory
    if signatory is None and kind == "motie":
        signatory = meta.find_motion_signers(clean.paragraphs)
    head_lines = [_unmarked(line) for line in first[: header.body_start]] + list(hints.side_lines)
    head = "\n".join([*meta.head_references(head_lines), *(_unmarked(r) for r in remarks)])
    warnings = list(hints.warnings)
    if not clean.text.strip():
        warnings.append(Message("no body text found"))
    return ParsedLetter(
        source_file=source_file,
        content_hash=content_hash,
        source_format=fmt,
        text=clean.text,
        footnotes=clean.footnotes,
        date=date,
        subject=subject,
        chamber=chamber,
        signatory=signatory,
        kind=kind,
        kamerstuk=kamerstuk,
        pages=hints.pages if hints.pages is not None else max(1, len(pages)),
        headings=clean.headings,
        page_starts=clean.page_starts,
        warnings=tuple(warnings),
        head=head,
    )


_MARKED = re.compile(f"{cleaning.MARK_OPEN}[^{cleaning.MARK_CLOSE}]*{cleaning.MARK_CLOSE}")


def _unmarked(line: str) -> str:
    """A line for the metadata readers: without the footnote markers a PDF reader marked in it
    ("RAPPORT" + marked "1") and without any other in-band mark."""
    if not any(mark in line for mark in PRIVATE_MARKS):
        return line
    line = _MARKED.sub("", line)
    for mark in PRIVATE_MARKS:
        line = line.replace(mark, "")
    return line


def _split_masthead(lines: list[str]) -> tuple[list[str], list[str]]:
    """The official head ("Tweede Kamer der Staten-Generaal", "Vergaderjaar 2020–2021 ...",
    "Aan de Voorzitter van de Tweede Kamer ...", "Den Haag, 3 oktober 2024") at the top of page 1
    is metadata, not body."""
    kept: list[str] = []
    removed: list[str] = []
    for index, line in enumerate(lines):
        if index < 16 and meta.MASTHEAD.match(line):
            removed.append(line)
        else:
            kept.append(line)
    return kept, removed


def _side_date(lines: list[str]) -> str | None:
    """A side column says "Datum" on one line and the date on the next."""
    for i, line in enumerate(lines[:-1]):
        if line.strip().lower() == "datum":
            return meta.parse_dutch_date(lines[i + 1])
    return None


def _chamber_of_id(kamerstuk: str, head: list[str]) -> str | None:
    if kamerstuk.startswith(("ah-tk", "h-tk")):
        return "Tweede Kamer"
    if kamerstuk.startswith(("ah-ek", "h-ek")):
        return "Eerste Kamer"
    for line in head:
        match = re.match(r"^\s*(Eerste|Tweede)\s+Kamer\s+der\s+Staten-Generaal", line, re.IGNORECASE)
        if match:  # also in capitals, as the Word files of motions print it
            return f"{match.group(1).capitalize()} Kamer"
    return None
