"""The words of an annotated summary, in English (the default) and Dutch.

Every fixed text a summary shows (headings, labels, dates, the scope description) comes from here,
so a document is in one language throughout. Letter text, notes and theme names are never translated.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "nl")

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "default_title": "Annotated summary",
        "file_stem": "kamerlezer-summary",
        "kicker": "ANNOTATED SUMMARY",
        "untagged": "Without theme",
        "orphan_mark": "(not found in current text)",
        "orphan_flag": "Not found in current text",
        "whole_library": "the whole library",
        "letter_one": "letter: ",
        "letter_many": "letters: ",
        "theme_one": "theme: ",
        "theme_many": "themes: ",
        "with_subthemes": " (with sub-themes)",
        "dated_between": "dated {a} to {b}",
        "dated_from": "dated from {a}",
        "dated_to": "dated up to {b}",
        "undated_left_out": " (letters without a date left out)",
        "undated": "undated",
        "months": "January February March April May June July August September October November December",
        "file": "file {name}",
        "title_from_text": "no subject (title taken from the text)",
        "kamerstuk_inferred": "{kamerstuk} (inferred from a citation)",
        "page_abbr": "p. {page}",
        "pages_abbr": "pp. {first}–{last}",
        "characters": "characters {start}–{end}",
        "footnote_n": "footnote {n}",
        "status_resolved": "in this library",
        "status_confirmed": "in this library (confirmed)",
        "status_suggested": "possibly",
        "status_missing": "not in this library",
        "status_external": "outside the parliamentary papers",
        "scope": "Scope: ",
        "made_on": "Made on {date}",
        "made_with": "Made with Kamerlezer",
        "made_by": "By {author}",
        "c_passages": "Passages",
        "c_letters": "Letters",
        "c_themes": "Themes",
        "c_footnotes": "Footnotes quoted",
        "c_citations": "Citations",
        "c_orphans": "Not found in current text",
        "c_arranged": "Arranged",
        "by_theme": "by theme, then letter",
        "by_letter": "by letter, in text order",
        "contents": "Contents",
        "overview": "Overview",
        "overview_intro": "Passages per theme and letter. Letters are numbered as in the list of sources; a passage "
        "with two themes counts under both.",
        "theme": "Theme",
        "total": "Total",
        "passages_row": "Passages",
        "from_letters": "{passages} from {letters}",
        "note": "Note: ",
        "cites": "Cites: ",
        "source": "Source: ",
        "sources": "Sources",
        "originals": "Originals",
        "originals_follow": "The original letters follow this summary, each with its own bookmark.",
        "original_from_page": "Original appended from page ",
        "original_heading": "Original [{n}]: {label}",
        "original_as_text": "Text of the letter as imported (the original is a plain-text file).",
        "page_of": "page {page} of {total}",
        "subject_prefix": "Annotated summary: ",
    },
    "nl": {
        "default_title": "Geannoteerde samenvatting",
        "file_stem": "kamerlezer-samenvatting",
        "kicker": "GEANNOTEERDE SAMENVATTING",
        "untagged": "Zonder thema",
        "orphan_mark": "(niet gevonden in de huidige tekst)",
        "orphan_flag": "Niet gevonden in de huidige tekst",
        "whole_library": "de hele bibliotheek",
        "letter_one": "brief: ",
        "letter_many": "brieven: ",
        "theme_one": "thema: ",
        "theme_many": "thema's: ",
        "with_subthemes": " (met subthema's)",
        "dated_between": "gedateerd {a} t/m {b}",
        "dated_from": "gedateerd vanaf {a}",
        "dated_to": "gedateerd t/m {b}",
        "undated_left_out": " (brieven zonder datum weggelaten)",
        "undated": "zonder datum",
        "months": "januari februari maart april mei juni juli augustus september oktober november december",
        "file": "bestand {name}",
        "title_from_text": "geen onderwerp (titel uit de tekst)",
        "kamerstuk_inferred": "{kamerstuk} (afgeleid uit een verwijzing)",
        "page_abbr": "p. {page}",
        "pages_abbr": "p. {first}–{last}",
        "characters": "tekens {start}–{end}",
        "footnote_n": "voetnoot {n}",
        "status_resolved": "in deze bibliotheek",
        "status_confirmed": "in deze bibliotheek (bevestigd)",
        "status_suggested": "mogelijk",
        "status_missing": "niet in deze bibliotheek",
        "status_external": "buiten de Kamerstukken",
        "scope": "Selectie: ",
        "made_on": "Gemaakt op {date}",
        "made_with": "Gemaakt met Kamerlezer",
        "made_by": "Door {author}",
        "c_passages": "Passages",
        "c_letters": "Brieven",
        "c_themes": "Thema's",
        "c_footnotes": "Geciteerde voetnoten",
        "c_citations": "Verwijzingen",
        "c_orphans": "Niet gevonden in de huidige tekst",
        "c_arranged": "Indeling",
        "by_theme": "per thema, dan per brief",
        "by_letter": "per brief, in tekstvolgorde",
        "contents": "Inhoud",
        "overview": "Overzicht",
        "overview_intro": "Passages per thema en brief. De brieven zijn genummerd als in de bronnenlijst; een passage "
        "met twee thema's telt bij beide.",
        "theme": "Thema",
        "total": "Totaal",
        "passages_row": "Passages",
        "from_letters": "{passages} uit {letters}",
        "note": "Notitie: ",
        "cites": "Verwijst naar: ",
        "source": "Bron: ",
        "sources": "Bronnen",
        "originals": "Originelen",
        "originals_follow": "De oorspronkelijke brieven volgen na deze samenvatting, elk met een eigen bladwijzer.",
        "original_from_page": "Origineel bijgevoegd vanaf pagina ",
        "original_heading": "Origineel [{n}]: {label}",
        "original_as_text": "Tekst van de brief zoals geïmporteerd (het origineel is een tekstbestand).",
        "page_of": "pagina {page} van {total}",
        "subject_prefix": "Geannoteerde samenvatting: ",
    },
}

_NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {"passage": ("passage", "passages"), "letter": ("letter", "letters"), "page": ("page", "pages")},
    "nl": {"passage": ("passage", "passages"), "letter": ("brief", "brieven"), "page": ("pagina", "pagina's")},
}


@dataclass(frozen=True)
class Words:
    """``words("made_on", date=...)``; ``words.count("letter", 3)`` -> "3 letters" / "3 brieven"."""

    language: str = "nl"

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            object.__setattr__(self, "language", "nl")

    def __call__(self, key: str, **fields: object) -> str:
        text = _WORDS[self.language][key]
        return text.format(**fields) if fields else text

    def count(self, noun: str, n: int) -> str:
        singular, plural = _NOUNS[self.language][noun]
        return f"{n} {singular if n == 1 else plural}"

    def month(self, number: int) -> str:
        return _WORDS[self.language]["months"].split()[number - 1]
