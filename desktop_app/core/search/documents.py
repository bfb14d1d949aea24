"""One letter's index document as plain field values (:func:`to_fields`), without Whoosh: a writer that
only journals an edit (``index/PENDING``) needs these and nothing of the search engine.

One index document per letter. Footnotes and annotation notes are concatenated into one field each
(``footnotes``, ``notes``) separated by a blank line; the stored ``footnote_starts`` / ``note_starts``
lists map an offset in the concatenation back to the footnote number / annotation id, so fragments
carry offsets into the footnote's own text or the note itself.
"""

from __future__ import annotations

from desktop_app.core.model import IndexDoc, Letter

SEPARATOR = "\n\n"
CHAMBERS = {
    "tk": "tweede kamer",
    "tweede": "tweede kamer",
    "tweede kamer": "tweede kamer",
    "ek": "eerste kamer",
    "eerste": "eerste kamer",
    "eerste kamer": "eerste kamer",
}


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


def indexable(fields: dict[str, object]) -> dict[str, object]:
    """Whoosh indexes "" as a term; leave empty values out instead."""
    return {k: v for k, v in fields.items() if v != ""}


def index_fields(doc: IndexDoc) -> dict[str, object]:
    """What the index (and its journal) holds for one letter."""
    return indexable(to_fields(doc))
