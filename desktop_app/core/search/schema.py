"""The Whoosh schema and how an :class:`IndexDoc` becomes one index document.

One index document per letter. Footnotes and annotation notes are concatenated into one field each
(``footnotes``, ``notes``) separated by a blank line; the stored ``footnote_starts`` / ``note_starts``
lists map an offset in the concatenation back to the footnote number / annotation id, so fragments
carry offsets into the footnote's own text or the note itself.
"""

from __future__ import annotations

from whoosh import fields

from desktop_app.core.model import IndexDoc, Letter
from desktop_app.core.search.analysis import DutchAnalyzer
from desktop_app.core.search.formats import FastCharacters
from desktop_app.core.search.version import SCHEMA_VERSION  # noqa: F401 - importable from here too; bump it in version.py

SEPARATOR = "\n\n"
TEXT_FIELDS = ("subject", "body", "footnotes", "notes")
FIELD_BOOSTS = {"subject": 3.0, "body": 1.0, "footnotes": 0.8, "notes": 1.5}
# Dutch names users may type before a colon ("onderwerp:navo").
FIELD_ALIASES = {
    "subject": ["onderwerp", "betreft"],
    "body": ["tekst", "text"],
    "footnotes": ["voetnoot", "voetnoten", "footnote"],
    "notes": ["notitie", "notities", "note"],
    "theme_paths": ["thema", "theme", "themes"],
}
CHAMBERS = {
    "tk": "tweede kamer",
    "tweede": "tweede kamer",
    "tweede kamer": "tweede kamer",
    "ek": "eerste kamer",
    "eerste": "eerste kamer",
    "eerste kamer": "eerste kamer",
}


def _text(stored: bool = True) -> fields.TEXT:
    # chars=True: postings carry (position, startchar, endchar), so highlighting reads offsets from
    # the index instead of re-analysing the text. multitoken_query="phrase": a word the analyzer
    # splits ("NAVO-ministers", "2%-norm") is searched as a phrase, not as unrelated words.
    field = fields.TEXT(analyzer=DutchAnalyzer(), stored=stored, chars=True, multitoken_query="phrase")
    field.format = FastCharacters(field_boost=field.format.field_boost)
    return field


def build_schema() -> fields.Schema:
    return fields.Schema(
        letter_id=fields.ID(stored=True, unique=True),
        subject=_text(),
        body=_text(),
        footnotes=_text(),
        notes=_text(),
        theme_paths=fields.TEXT(analyzer=DutchAnalyzer(), stored=False, phrase=True),
        themes=fields.KEYWORD(stored=False),  # theme ids, space separated
        date=fields.ID(stored=True, sortable=True),  # ISO date, "" when unknown
        year=fields.ID(stored=False),
        chamber=fields.ID(stored=True),  # as in the letter
        chamber_key=fields.ID(stored=False),  # lowercased, for the filter
        kamerstuk=fields.ID(stored=True, field_boost=1.0),
        kind=fields.ID(stored=True),
        footnote_starts=fields.STORED(),  # [(number, start in "footnotes")]
        note_starts=fields.STORED(),  # [(annotation id, start in "notes")]
    )


def chamber_key(chamber: str) -> str:
    """"Tweede Kamer", "tweede", "TK" -> "tweede kamer"; unknown values are only lowercased."""
    key = " ".join(chamber.lower().split())
    return CHAMBERS.get(key, key)


def _joined(parts: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    text = ""
    starts: list[tuple[int, int]] = []
    for key, part in parts:
        if not part.strip():
            continue
        if text:
            text += SEPARATOR
        starts.append((key, len(text)))
        text += part
    return text, starts


def _without_markers(letter: Letter) -> str:
    """The body with footnote markers blanked (same length, so offsets hold): "doelstellingen3" and
    "Review.1" are indexed as "doelstellingen" and "Review"."""
    markers = sorted(f.marker for f in letter.footnotes if f.marker)
    if not markers:
        return letter.text
    parts, cursor = [], 0
    for start, end in markers:
        if start < cursor or end > len(letter.text):
            continue
        parts += [letter.text[cursor:start], " " * (end - start)]
        cursor = end
    parts.append(letter.text[cursor:])
    return "".join(parts)


def to_fields(doc: IndexDoc) -> dict[str, object]:
    """The field values of one letter's index document."""
    letter = doc.letter
    footnotes, footnote_starts = _joined([(f.number, f.text) for f in letter.footnotes])
    notes, note_starts = _joined([(a.id, a.note) for a in doc.annotations])
    theme_ids = sorted({t for a in doc.annotations for t in a.theme_ids})
    paths = sorted({doc.theme_paths[t] for t in theme_ids if t in doc.theme_paths})
    date = letter.date or ""
    return {
        "letter_id": str(letter.id),
        "subject": letter.subject or "",
        "body": _without_markers(letter),
        "_stored_body": letter.text,
        "footnotes": footnotes,
        "notes": notes,
        "theme_paths": " ".join(p.replace("/", " ") for p in paths),
        "themes": " ".join(str(t) for t in theme_ids),
        "date": date,
        "year": date[:4],
        "chamber": letter.chamber or "",
        "chamber_key": chamber_key(letter.chamber or ""),
        "kamerstuk": (letter.kamerstuk or "").lower(),
        "kind": (letter.kind or "").lower(),
        "footnote_starts": footnote_starts,
        "note_starts": note_starts,
    }
