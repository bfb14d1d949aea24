"""SummaryDocument -> CSV: one row per passage, for spreadsheets.

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
    "kamerstuk",
    "page",
    "themes",
    "quote",
    "note",
    "start",
    "end",
    "status",
    "annotation_id",
)


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
            source_kamerstuk(source) or "",
            passage.page or "",
            " | ".join(t.path for t in passage.themes),
            passage.quote,
            passage.note,
            passage.start,
            passage.end,
            "orphan" if passage.orphan else "anchored",
            passage.annotation_id,
        )
    ]


def write_csv(summary: SummaryDocument, out_path: Path) -> None:
    with open(out_path, "w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for passage in summary.passages():
            writer.writerow(passage_row(passage))
