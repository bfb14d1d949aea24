"""The export model: what an annotated summary contains, as plain frozen data.

Nothing here knows about PDF, Markdown or CSV; the renderers in :mod:`desktop_app.render` turn a
:class:`SummaryDocument` into a file. Offsets are code-point offsets into ``Letter.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.export.labels import Words

GROUP_BY_THEME = "theme"
GROUP_BY_LETTER = "letter"
GROUP_BY_CHOICES = (GROUP_BY_THEME, GROUP_BY_LETTER)


DEFAULT_TITLE = Words("en")("default_title")
ORPHAN_MARK = Words("en")("orphan_mark")
UNTAGGED_TITLE = Words("en")("untagged")


@dataclass(frozen=True)
class ExportScope:
    """What to export. Empty ``letters`` and ``themes`` mean the whole library.

    ``letters`` and ``themes`` take ids or names (``themes`` also "Parent/Child" paths); a theme
    includes its sub-themes. Given both, a passage must be in one of the letters AND carry one of the
    themes. ``date_from``/``date_to`` are inclusive ISO dates (yyyy-mm-dd) compared with the letter's
    date; with a date range, letters without a date are left out (the scope description says so).
    """

    letters: tuple[int | str, ...] = ()
    themes: tuple[int | str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    group_by: str = GROUP_BY_THEME
    with_originals: bool = False
    title: str | None = None  # None: a title made from the scope
    language: str = "nl"  # "nl" | "en": the words of the document (not of the letters or notes)
    compact: bool = False  # no cover, contents or overview: a one-line header, then the passages
    author: str = ""  # on the cover, in the footer and as the file's Author ("" = none named)


@dataclass(frozen=True)
class ThemeTag:
    id: int
    name: str
    path: str  # "Parent/Child"
    color: str  # "#rrggbb"
    depth: int = 0  # 0 for a top-level theme
    label: str = ""  # for people: the names from the top down, joined by " › "

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.path.replace("/", " › "))


@dataclass(frozen=True)
class SourceInfo:
    """One letter as a source of passages; ``number`` is its [n] in the list of sources."""

    number: int
    letter_id: int
    name: str  # source file name without extension
    subject: str | None
    date: str | None  # ISO
    kamerstuk: str | None  # canonical id, e.g. "kst-28676-467"
    chamber: str | None
    kind: str | None
    pages: int | None
    source_format: str
    source_path: str | None
    passage_count: int = 0
    title: str = ""  # Letter.title: the subject, else a title derived from the text
    title_derived: bool = False
    kamerstuk_inferred: bool = False  # ``kamerstuk`` is inferred from a citation, not named or set

    @property
    def label(self) -> str:
        """The letter's title (its subject, else derived from its text), else its file name."""
        return self.title or self.subject or self.name


@dataclass(frozen=True)
class PassageFootnote:
    number: int
    text: str
    marker: tuple[int, int] | None = None  # span of the marker relative to the passage quote


@dataclass(frozen=True)
class PassageCitation:
    """A citation inside the passage (body span or one of its footnotes) and what it resolves to."""

    raw: str
    kind: str
    location: str  # "body" | "footnote"
    footnote_number: int | None
    canonical: str | None
    status: str  # "resolved" | "confirmed" | "suggested" | "missing" | "external"
    target_letter_id: int | None = None
    target_label: str | None = None  # subject (or name) of the target letter in the library
    target_number: int | None = None  # its [n] in the sources list when it is a source too


@dataclass(frozen=True)
class Passage:
    annotation_id: int
    letter_id: int
    quote: str
    start: int
    end: int
    themes: tuple[ThemeTag, ...]
    note: str
    source: SourceInfo
    page: int | None  # page of ``start`` in the letter, when known
    orphan: bool = False
    end_page: int | None = None  # page of the passage's last character (> page over a page break)
    footnotes: tuple[PassageFootnote, ...] = ()
    citations: tuple[PassageCitation, ...] = ()


@dataclass(frozen=True)
class Subsection:
    """Under a theme: one letter's passages (``title`` = the letter). Under a letter: one untitled
    subsection with all its passages in text order."""

    key: str
    title: str | None
    passages: tuple[Passage, ...]
    source: SourceInfo | None = None


@dataclass(frozen=True)
class Section:
    key: str  # stable, unique: "theme-3", "letter-12", "untagged"
    kind: str  # "theme" | "letter" | "untagged"
    title: str
    subsections: tuple[Subsection, ...]
    theme: ThemeTag | None = None
    source: SourceInfo | None = None
    description: str = ""

    @property
    def passage_count(self) -> int:
        return sum(len(sub.passages) for sub in self.subsections)


@dataclass(frozen=True)
class Overview:
    """Passages per theme (rows) and letter (columns, in sources order). A passage with two themes
    counts in both rows; ``letter_totals`` count each passage once."""

    themes: tuple[ThemeTag, ...]
    sources: tuple[SourceInfo, ...]
    counts: tuple[tuple[int, ...], ...]  # counts[theme row][source column]
    theme_totals: tuple[int, ...]
    letter_totals: tuple[int, ...]
    untagged: tuple[int, ...] = ()  # per source column: passages without any theme


@dataclass(frozen=True)
class Counts:
    passages: int
    letters: int
    themes: int
    orphans: int
    footnotes: int
    citations: int


@dataclass(frozen=True)
class SummaryDocument:
    title: str
    scope_description: str
    created: str  # ISO date
    group_by: str
    counts: Counts
    sections: tuple[Section, ...]
    overview: Overview
    sources: tuple[SourceInfo, ...]
    with_originals: bool = False
    language: str = "nl"
    compact: bool = False
    author: str = ""

    @property
    def words(self) -> Words:
        return Words(self.language)

    def passages(self) -> list[Passage]:
        """Every passage once (first occurrence), in letter order then text order."""
        seen: dict[int, Passage] = {}
        for section in self.sections:
            for sub in section.subsections:
                for passage in sub.passages:
                    seen.setdefault(passage.annotation_id, passage)
        order = {s.letter_id: s.number for s in self.sources}
        return sorted(seen.values(), key=lambda p: (order.get(p.letter_id, 0), p.orphan, p.start, p.annotation_id))


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int  # pages of the PDF (0 for Markdown and CSV)
    passages: int  # distinct passages exported
    format: str = "pdf"
    warnings: tuple[str, ...] = field(default_factory=tuple)  # e.g. an original that could not be appended
