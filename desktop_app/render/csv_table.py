"""SummaryDocument -> CSV: one row per passage, for spreadsheets.

Columns (Dutch names with ``--language nl``, see ``DUTCH_COLUMNS``): file name, title, subject, date,
chamber, Kamerstuk, first and last page, themes, quote, note, the quoted footnotes ("1. text"), the
citations (canonical ids), character offsets, status, annotation id. Lists are joined with " | ".
The CSV is for further processing, so it keeps what the reading formats leave out (file name, offsets).

Written as UTF-8 with a byte-order mark and ";" between fields, CRLF line ends, fields quoted by the
csv module when needed. That is what Excel with Dutch regional settings (list separator ";") opens
correctly by double-click, accents included; LibreOffice asks and detects both. A cell that starts
with "=", "+", "-", "@", a tab or a carriage return (OWASP's list) gets a leading apostrophe so that a spreadsheet never runs it as a formula
(CSV injection); readers that want the raw text strip that one apostrophe (see ``FORMULA_GUARD``).
"""

from __future__ import annotations

import csv
from pathlib import Path

from desktop_app.core.export.model import Passage, SummaryDocument
from desktop_app.render.common import source_kamerstuk

DELIMITER = ";"
ENCODING = "utf-8-sig"
FORMULA_GUARD = "'"
FORMULA_STARTS = frozenset("=+-@\t\r")  # what a spreadsheet may take for the start of a formula
COLUMNS = (
    "letter",
    "title",
    "subject",
    "date",
    "chamber",
    "kamerstuk",
    "page",
    "end_page",
    "themes",
    "quote",
    "note",
    "footnotes",
    "citations",
    "start",
    "end",
    "status",
    "annotation_id",
)
# the header row with --language nl (the data keeps its own values; "anchored"/"orphan" too)
DUTCH_COLUMNS = {
    "letter": "bestand",
    "title": "titel",
    "subject": "onderwerp",
    "date": "datum",
    "chamber": "kamer",
    "kamerstuk": "kamerstuk",
    "page": "pagina",
    "end_page": "eindpagina",
    "themes": "themas",
    "quote": "citaat",
    "note": "notitie",
    "footnotes": "voetnoten",
    "citations": "verwijzingen",
    "start": "begin",
    "end": "einde",
    "status": "status",
    "annotation_id": "annotatie_id",
}
LIST_SEPARATOR = " | "


def columns(language: str = "nl") -> tuple[str, ...]:
    """The header row in the document's language."""
    return tuple(DUTCH_COLUMNS[c] for c in COLUMNS) if language == "nl" else COLUMNS


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text[:1] in FORMULA_STARTS:
        return FORMULA_GUARD + text
    return text


def passage_row(passage: Passage) -> list[str]:
    source = passage.source
    return [
        _cell(v)
        for v in (
            source.name,
            source.label,
            source.subject or "",
            source.date or "",
            source.chamber or "",
            source_kamerstuk(source) or "",
            passage.page or "",
            passage.end_page or passage.page or "",
            LIST_SEPARATOR.join(t.path for t in passage.themes),
            passage.quote,
            passage.note,
            LIST_SEPARATOR.join(f"{f.number}. {' '.join(f.text.split())}" for f in passage.footnotes),
            LIST_SEPARATOR.join(c.canonical or c.raw for c in passage.citations),
            passage.start,
            passage.end,
            "orphan" if passage.orphan else "anchored",
            passage.annotation_id,
        )
    ]


def write_csv(summary: SummaryDocument, out_path: Path) -> None:
    with open(out_path, "w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(columns(summary.language))
        for passage in summary.passages():
            writer.writerow(passage_row(passage))
