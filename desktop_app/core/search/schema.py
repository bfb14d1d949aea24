"""The Whoosh schema. How an :class:`IndexDoc` becomes one index document (:func:`to_fields`) is in
:mod:`desktop_app.core.search.documents`, which needs no Whoosh."""

from __future__ import annotations

from whoosh import fields

from desktop_app.core.search.analysis import DutchAnalyzer
from desktop_app.core.search.documents import CHAMBERS, SEPARATOR, chamber_key, to_fields  # noqa: F401 - importable from here too
from desktop_app.core.search.formats import FastCharacters
from desktop_app.core.search.version import SCHEMA_VERSION  # noqa: F401 - importable from here too; bump it in version.py

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
