"""Plain data shared by every layer: frozen dataclasses, no behaviour beyond small helpers.

Offsets are always code-point offsets into ``Letter.text`` (or into a footnote's text where said),
half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from desktop_app.core.titles import DisplayTitle, display_title

Span = tuple[int, int]


@dataclass(frozen=True)
class Footnote:
    """A page-bottom footnote separated from the body.

    ``marker`` is the span of the superscript marker in the letter's body text (the "⁵" of
    "17-18 oktober 2024⁵"; letters stored by earlier versions hold ASCII digits there until they are
    re-imported), or None when no marker was found in the body.
    """

    number: int
    text: str
    marker: Span | None = None


@dataclass(frozen=True)
class ParsedLetter:
    """What an importer makes of one file. Nothing here depends on a library or a database.

    ``head``: the letter head's citing text, which is not in ``text`` (the head is metadata) but cites
    documents a reader follows: one field a line, "Uw kenmerk 2022Z20676 2023Z01460" (the addressee's
    numbers: "Uw kenmerk", "Uw brief", "Uw referentie" with their values) and an Aanhangsel answer
    line's remark "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1848". Not the whole
    head: "Ons kenmerk" (the sender's own number), addresses and dates are no citations. "" when the
    head cites nothing. Citations in it are stored with location "head", spans into this text.
    """

    source_file: str  # file name as imported, e.g. "000_eba5de336aff673f.txt"
    content_hash: str  # sha256 hex of the file's bytes: same hash, same document
    source_format: str  # "txt" | "pdf" | "xml" | "docx"
    text: str  # clean body: paragraphs separated by "\n\n", headings on their own paragraph
    footnotes: tuple[Footnote, ...] = ()
    date: str | None = None  # ISO yyyy-mm-dd, None when the document does not state one
    subject: str | None = None  # "Betreft" line(s), joined to one line
    chamber: str | None = None  # "Tweede Kamer" | "Eerste Kamer" | None
    signatory: str | None = None  # e.g. "Ruben Brekelmans"
    kind: str | None = None  # "brief", "geannoteerde agenda", "motie", "antwoord", "fiche", ...
    kamerstuk: str | None = None  # the document's own id when it names itself, e.g. "kst-32545-143"
    pages: int | None = None
    headings: tuple[Span, ...] = ()  # spans of section headings in text
    page_starts: tuple[int, ...] = ()  # offset in text where each page begins (page 1 starts at 0)
    warnings: tuple[str, ...] = ()  # non-fatal notes from the importer, shown to the user
    # explicit citations the document itself marks (official XML ``extref``): (span in text, target id);
    # gold links that outrank the citation parser
    links: tuple[tuple[Span, str], ...] = ()
    head: str = ""  # the letter head's citing fields, one a line (see above)


@dataclass(frozen=True)
class Letter:
    """A letter as stored in a library."""

    id: int
    source_file: str
    content_hash: str
    source_format: str
    text: str
    footnotes: tuple[Footnote, ...] = ()
    date: str | None = None
    subject: str | None = None
    chamber: str | None = None
    signatory: str | None = None
    kind: str | None = None
    kamerstuk: str | None = None
    kamerstuk_source: str | None = None  # "document" (named itself) | "user" (set or confirmed)
    pages: int | None = None
    headings: tuple[Span, ...] = ()
    page_starts: tuple[int, ...] = ()
    source_path: str | None = None  # where the original file was copied in the library folder
    imported_at: str | None = None  # ISO timestamp (UTC)
    inferred_kamerstuk: str | None = None  # own id inferred from a citation (only while kamerstuk is None)
    inferred_reason: str | None = None  # why, e.g. '000_… cites "Kamerstuk 28 676, nr. 467 van 3 oktober 2024": …'
    head: str = ""  # ParsedLetter.head: the letter head's citing fields, one a line ("" for none)

    @property
    def name(self) -> str:
        """The source file name without extension: a stable handle users type (``000_eba5...``)."""
        return self.source_file.rsplit(".", 1)[0] if "." in self.source_file else self.source_file

    @property
    def title(self) -> str:
        """What the letter is called for a person: its subject, else derived (see core/titles.py)."""
        return self._display_title().text

    @property
    def title_derived(self) -> bool:
        """True when ``title`` is not the letter's subject but derived from its text."""
        return self._display_title().derived

    def _display_title(self) -> DisplayTitle:
        return display_title(self.subject, self.text, self.headings, self.name)

    def page_of(self, offset: int) -> int | None:
        """1-based page number of a text offset, when page starts are known."""
        if not self.page_starts:
            return None
        page = 1
        for i, start in enumerate(self.page_starts):
            if offset >= start:
                page = i + 1
        return page

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["footnotes"] = [
            {"number": f.number, "text": f.text, "marker": list(f.marker) if f.marker else None}
            for f in self.footnotes
        ]
        data["headings"] = [list(h) for h in self.headings]
        data["page_starts"] = list(self.page_starts)
        data["name"] = self.name
        data["title"] = self.title
        data["title_derived"] = self.title_derived
        return data


@dataclass(frozen=True)
class LetterSummary:
    """One row of the letter list: what a table needs, without the body text."""

    id: int
    source_file: str
    date: str | None
    subject: str | None
    chamber: str | None
    kamerstuk: str | None
    kind: str | None
    annotation_count: int = 0
    theme_ids: tuple[int, ...] = ()  # themes used by this letter's annotations
    title: str = ""  # Letter.title: the subject, else derived from the text (core/titles.py)
    title_derived: bool = False
    inferred_kamerstuk: str | None = None  # Letter.inferred_kamerstuk

    @property
    def kamerstuk_label(self) -> str:
        """The letter's own id for a list: "kst-28676-467", or "kst-28676-467?" when only inferred."""
        return self.kamerstuk or (f"{self.inferred_kamerstuk}?" if self.inferred_kamerstuk else "")

    @property
    def name(self) -> str:
        return self.source_file.rsplit(".", 1)[0] if "." in self.source_file else self.source_file


@dataclass(frozen=True)
class Theme:
    id: int
    name: str
    color: str  # "#rrggbb"
    parent_id: int | None = None
    description: str = ""
    position: int = 0
    key: int | None = None  # 1-9: the key that tags a selection with this theme (unique)


@dataclass(frozen=True)
class Annotation:
    """A tagged passage, anchored W3C-style (TextQuote + TextPosition selectors)."""

    id: int
    letter_id: int
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    text_hash: str = ""  # hash of the normalised letter text the offsets refer to
    note: str = ""
    theme_ids: tuple[int, ...] = ()
    status: str = "anchored"  # "anchored" | "orphan"
    created: str = ""
    updated: str = ""


@dataclass(frozen=True)
class Citation:
    """A citation found by the parser in a piece of text."""

    kind: str  # "kamerstuk", "handelingen", "aanhangsel", "kamerbrief", "activiteit", "zaak",
    #            "document", "eu", "staatsblad", "staatscourant", "motie"
    text: str  # the matched text, exactly as in the input
    span: Span  # where ``text`` stands in the input
    fields: dict[str, Any] = field(default_factory=dict)
    canonical: str | None = None  # e.g. "kst-28676-467", "ah-tk-20232024-872"


LINKED_STATUSES = ("resolved", "confirmed")
"""A citation in one of these states points to a letter of the library (see Reference.followed_to)."""


@dataclass(frozen=True)
class Reference:
    """A citation stored for a letter, with what it resolves to."""

    id: int
    letter_id: int
    location: str  # "body" | "footnote" | "head" (the letter head's citing fields, ``Letter.head``)
    footnote_number: int | None
    start: int  # span in the body text, in the footnote's text when location == "footnote", in
    #             ``Letter.head`` when location == "head"
    end: int
    raw: str
    kind: str
    canonical: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    target_letter_id: int | None = None
    confidence: float = 0.0
    reason: str = ""
    status: str = "missing"  # "resolved" | "confirmed" | "suggested" | "missing" | "external"
    suggestions: tuple[tuple[int, float, str], ...] = ()  # (letter id, score, reason), best first

    @property
    def followed_to(self) -> int | None:
        """The letter this citation can be followed to (the reader's link, the CLI's "->", the export's
        source number): its target, when resolved or confirmed; else None. The one place this rule lives."""
        return self.target_letter_id if self.status in LINKED_STATUSES else None


@dataclass(frozen=True)
class IndexDoc:
    """What the search index is fed for one letter: the letter, its annotations, its themes' paths."""

    letter: Letter
    annotations: tuple[Annotation, ...] = ()
    theme_paths: dict[int, str] = field(default_factory=dict)  # theme id -> "Parent/Child"


@dataclass(frozen=True)
class SearchFragment:
    """A highlighted snippet. Offsets are absolute, into the field named by ``field``
    (``Letter.text`` for "body"; the footnote's text for "footnote"; the note for "note")."""

    field: str  # "body" | "footnote" | "subject" | "note"
    start: int
    end: int
    text: str  # the snippet text, i.e. source[start:end]
    highlights: tuple[Span, ...] = ()  # absolute spans of the matched terms
    footnote_number: int | None = None
    annotation_id: int | None = None


@dataclass(frozen=True)
class SearchHit:
    letter_id: int
    score: float
    subject: str | None
    date: str | None
    chamber: str | None
    kamerstuk: str | None
    match_count: int
    fragments: tuple[SearchFragment, ...] = ()
    title: str | None = None  # Letter.title, filled in by Library.search


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int  # letters matching, before the limit
    hits: tuple[SearchHit, ...] = ()
    elapsed_ms: float = 0.0


@dataclass(frozen=True)
class FollowedDossier:
    """A Kamerstuk dossier the user follows (``kamerlezer follow 28676``): ``fetch --follow`` brings
    its documents the library lacks. ``since``: when it was followed (ISO time); ``checked``: the day
    (YYYY-MM-DD) of the last complete check, None before the first; the next check asks the source
    only for what changed from the day before it."""

    dossier: str
    since: str
    checked: str | None = None
