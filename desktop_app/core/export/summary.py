"""Build a :class:`SummaryDocument` from a library and an :class:`ExportScope`.

Only the documented :class:`desktop_app.core.services.Library` methods are used (``list_letters``,
``get_letter``, ``list_themes``, ``get_theme``, ``theme_path``, ``theme_descendants``,
``list_annotations`` and ``references.refs_for``), so any object offering them will do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.core.errors import ExportFailed, InvalidInput, NotFound
from desktop_app.core.export.labels import LANGUAGES, Words
from desktop_app.core.export.model import (
    GROUP_BY_CHOICES,
    GROUP_BY_THEME,
    Counts,
    ExportScope,
    Overview,
    Passage,
    PassageCitation,
    PassageFootnote,
    Section,
    SourceInfo,
    Subsection,
    SummaryDocument,
    ThemeTag,
)
from desktop_app.core.model import Annotation, Letter, Reference, Theme
from desktop_app.core.tasks import CancelToken, Progress, no_progress

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def build_summary(
    library: Any,
    scope: ExportScope,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> SummaryDocument:
    """Collect the passages in ``scope`` and arrange them; raises ExportFailed when there are none."""
    _check_scope(scope)
    progress = progress or no_progress
    words = Words(scope.language)
    themes = _ThemeBook(library)
    scope_theme_ids = themes.scope_ids(scope.themes)
    description = describe_scope(library, scope, themes)
    annotations = _collect_annotations(library, scope, scope_theme_ids)
    letters = _load_letters(library, {a.letter_id for a in annotations})
    letters = {lid: letter for lid, letter in letters.items() if _in_date_range(letter.date, scope)}
    annotations = [a for a in annotations if a.letter_id in letters]
    if not annotations:
        raise ExportFailed(nothing_to_export(library, scope, themes))

    sources = _number_sources(letters.values(), annotations)
    by_letter = {s.letter_id: s for s in sources}
    linker = _CitationLinker(library, by_letter)
    passages: list[Passage] = []
    for done, letter_id in enumerate(by_letter, start=1):
        if cancel:
            cancel.check()
        progress(done, len(by_letter), f"Collecting passages: {by_letter[letter_id].label}")
        letter = letters[letter_id]
        refs = linker.refs_for(letter)
        for annotation in sorted(
            (a for a in annotations if a.letter_id == letter_id), key=lambda a: (a.status == "orphan", a.start, a.id)
        ):
            passages.append(_passage(annotation, letter, by_letter[letter_id], themes, refs, linker))

    if scope.group_by == GROUP_BY_THEME:
        sections = _group_by_theme(passages, sources, themes, scope_theme_ids, words("untagged"))
    else:
        sections = _group_by_letter(passages, sources)
    overview = _overview(passages, sources, themes, scope_theme_ids)
    return SummaryDocument(
        title=_title(scope, themes, sources, words),
        scope_description=description,
        created=(today or dt.date.today()).isoformat(),
        group_by=scope.group_by,
        counts=Counts(
            passages=len(passages),
            letters=len(sources),
            themes=len(overview.themes),
            orphans=sum(p.orphan for p in passages),
            footnotes=sum(len(p.footnotes) for p in passages),
            citations=sum(len(p.citations) for p in passages),
        ),
        sections=tuple(sections),
        overview=overview,
        sources=tuple(sources),
        with_originals=scope.with_originals,
        language=words.language,
        compact=scope.compact,
        author=" ".join(scope.author.split()),
    )


@dataclass(frozen=True)
class ScopeCount:
    """How much an export of a scope would hold: distinct passages and the letters they come from."""

    passages: int
    letters: int


def count_scope(library: Any, scope: ExportScope) -> ScopeCount:
    """The passages and letters :func:`build_summary` would export for ``scope``, without building
    anything: the same selection (letters AND themes with their sub-themes, the date range, letters
    without a date left out when a range is set), but only the letters' dates are read (from
    ``list_letters``), never their text. Raises InvalidInput / NotFound like ``build_summary``."""
    _check_scope(scope)
    themes = _ThemeBook(library)
    annotations = _collect_annotations(library, scope, themes.scope_ids(scope.themes))
    if scope.date_from or scope.date_to:
        dates = {s.id: s.date for s in library.list_letters()}
        annotations = [a for a in annotations if _in_date_range(dates.get(a.letter_id), scope)]
    return ScopeCount(passages=len(annotations), letters=len({a.letter_id for a in annotations}))


def default_title(library: Any, scope: ExportScope) -> str:
    """The title a summary of ``scope`` gets when none is given, in the scope's language:
    "Annotated summary: <theme>" for one theme, ": <letter title>" for one letter, else plain."""
    return _default_title(scope, _ThemeBook(library), lambda ref: str(library.get_letter(ref).title), Words(scope.language))


# -- scope -----------------------------------------------------------------------------------------


def _check_scope(scope: ExportScope) -> None:
    if scope.language not in LANGUAGES:
        raise InvalidInput(f"Unknown language {scope.language!r}: use one of {', '.join(LANGUAGES)}.")
    if scope.group_by not in GROUP_BY_CHOICES:
        raise InvalidInput(f"Unknown grouping {scope.group_by!r}: use one of {', '.join(GROUP_BY_CHOICES)}.")
    for label, value in (("from", scope.date_from), ("to", scope.date_to)):
        if value is None:
            continue
        if not _DATE_RE.match(value) or not _valid_partial_date(value):
            raise InvalidInput(f"Date {label} {value!r} is not a date: use yyyy-mm-dd (or yyyy-mm, yyyy).")
    if scope.date_from and scope.date_to and scope.date_from[: len(scope.date_to)] > scope.date_to:
        raise InvalidInput(f"The date range is empty: {scope.date_from} is after {scope.date_to}.")


def _valid_partial_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _in_date_range(date: str | None, scope: ExportScope) -> bool:
    """Inclusive; a partial bound ("2024", "2024-10") compares on its own precision."""
    if not scope.date_from and not scope.date_to:
        return True
    if not date:
        return False
    if scope.date_from and date[: len(scope.date_from)] < scope.date_from:
        return False
    return not (scope.date_to and date[: len(scope.date_to)] > scope.date_to)


def nothing_to_export(
    library: Any, scope: ExportScope, themes: _ThemeBook | None = None, *, language: str = "en",
    template: str = "Nothing to export: no annotations in {scope}",
) -> str:
    """Why an export of ``scope`` is empty: a message to the user in the language of the interface
    (the CLI's English; the export dialog passes its translated ``template`` and its language), not in
    the document's words. The export refuses with it; the dialog shows it before Export is pressed."""
    text = template.format(scope=describe_scope(library, dataclasses.replace(scope, language=language), themes))
    return text if text.endswith((".", "…")) else text + "."


def describe_scope(library: Any, scope: ExportScope, themes: _ThemeBook | None = None) -> str:
    """A short description in the scope's language: "the whole library", "letters: ...; themes: ...
    (with sub-themes)"."""
    themes = themes or _ThemeBook(library)
    words = Words(scope.language)
    parts: list[str] = []
    if scope.letters:
        labels = []
        for ref in scope.letters:
            letter = library.get_letter(ref)
            labels.append(letter.title)
        parts.append(words("letter_one" if len(labels) == 1 else "letter_many") + "; ".join(labels))
    if scope.themes:
        names = [themes.by_id[themes.resolve(ref)].label for ref in scope.themes]
        parts.append(words("theme_one" if len(names) == 1 else "theme_many") + ", ".join(names) + words("with_subthemes"))
    if scope.date_from or scope.date_to:
        if scope.date_from and scope.date_to:
            span = words("dated_between", a=scope.date_from, b=scope.date_to)
        elif scope.date_from:
            span = words("dated_from", a=scope.date_from)
        else:
            span = words("dated_to", b=scope.date_to)
        parts.append(span + words("undated_left_out"))
    if not scope.letters and not scope.themes:
        parts.insert(0, words("whole_library"))
    return "; ".join(parts)


def _title(scope: ExportScope, themes: _ThemeBook, sources: list[SourceInfo], words: Words) -> str:
    if scope.title and scope.title.strip():
        return " ".join(scope.title.split())
    return _default_title(scope, themes, lambda _ref: sources[0].label if len(sources) == 1 else None, words)


def _default_title(
    scope: ExportScope, themes: _ThemeBook, letter_label: Callable[[int | str], str | None], words: Words
) -> str:
    default = words("default_title")
    if len(scope.themes) == 1 and not scope.letters:
        return f"{default}: {themes.by_id[themes.resolve(scope.themes[0])].name}"
    if len(scope.letters) == 1 and not scope.themes:
        label = letter_label(scope.letters[0])
        if label:
            return f"{default}: {label}"
    return default


# -- collecting ------------------------------------------------------------------------------------


class _ThemeBook:
    """All themes, their paths and depths, looked up once."""

    def __init__(self, library: Any) -> None:
        self.library = library
        self.order: list[Theme] = list(library.list_themes())
        self.by_id: dict[int, ThemeTag] = {}
        names: dict[int, list[str]] = {}  # theme id -> names from the top-level theme down
        for theme in self.order:  # depth-first: a parent comes before its children
            names[theme.id] = names.get(theme.parent_id, []) + [theme.name] if theme.parent_id is not None else [theme.name]
            self.by_id[theme.id] = ThemeTag(
                id=theme.id,
                name=theme.name,
                path=library.theme_path(theme.id),
                color=theme.color,
                depth=len(names[theme.id]) - 1,
                label=" › ".join(names[theme.id]),
            )

    def resolve(self, ref: int | str) -> int:
        return int(self.library.get_theme(ref).id)

    def scope_ids(self, refs: Iterable[int | str]) -> set[int]:
        ids: set[int] = set()
        for ref in refs:
            ids.update(self.library.theme_descendants(self.resolve(ref)))
        return ids

    def tags(self, theme_ids: Iterable[int]) -> tuple[ThemeTag, ...]:
        rank = {t.id: i for i, t in enumerate(self.order)}
        known = [tid for tid in theme_ids if tid in self.by_id]
        return tuple(self.by_id[tid] for tid in sorted(known, key=lambda tid: rank[tid]))


def _collect_annotations(library: Any, scope: ExportScope, theme_ids: set[int]) -> list[Annotation]:
    found: dict[int, Annotation] = {}
    if scope.letters:
        for ref in scope.letters:
            for annotation in library.list_annotations(letter=ref):
                if not theme_ids or theme_ids.intersection(annotation.theme_ids):
                    found[annotation.id] = annotation
    elif scope.themes:
        for ref in scope.themes:
            for annotation in library.list_annotations(theme=ref, include_subthemes=True):
                found[annotation.id] = annotation
    else:
        for annotation in library.list_annotations():
            found[annotation.id] = annotation
    return list(found.values())


def _load_letters(library: Any, letter_ids: set[int]) -> dict[int, Letter]:
    return {lid: library.get_letter(lid) for lid in sorted(letter_ids)}


def _number_sources(letters: Iterable[Letter], annotations: list[Annotation]) -> list[SourceInfo]:
    """Sources in date order (undated letters last, then by name), numbered from 1."""
    per_letter: dict[int, int] = defaultdict(int)
    for annotation in annotations:
        per_letter[annotation.letter_id] += 1
    ordered = sorted(letters, key=lambda l: (l.date is None, l.date or "", l.name, l.id))
    return [source_info(letter, i, per_letter[letter.id]) for i, letter in enumerate(ordered, start=1)]


def source_info(letter: Letter, number: int, passage_count: int) -> SourceInfo:
    """A letter as source [number] of a summary."""
    return SourceInfo(
        number=number,
        letter_id=letter.id,
        name=letter.name,
        subject=letter.subject,
        date=letter.date,
        kamerstuk=letter.kamerstuk or letter.inferred_kamerstuk,
        kamerstuk_inferred=bool(letter.inferred_kamerstuk and not letter.kamerstuk),
        chamber=letter.chamber,
        kind=letter.kind,
        pages=letter.pages,
        source_format=letter.source_format,
        source_path=letter.source_path,
        passage_count=passage_count,
        title=letter.title,
        title_derived=letter.title_derived,
    )


@dataclass
class _CitationLinker:
    """References per letter, with the targets' labels looked up once."""

    library: Any
    sources: dict[int, SourceInfo]

    def __post_init__(self) -> None:
        self._labels: dict[int, str | None] = {}

    def refs_for(self, letter: Letter) -> list[Reference]:
        service = getattr(self.library, "references", None)
        if service is None:  # a library without a reference service: no citations to show
            return []
        return list(service.refs_for(letter.id))

    def label(self, letter_id: int | None) -> str | None:
        if letter_id is None:
            return None
        if letter_id not in self._labels:
            source = self.sources.get(letter_id)
            if source is not None:
                self._labels[letter_id] = source.label
            else:
                try:
                    target = self.library.get_letter(letter_id)
                    self._labels[letter_id] = target.title
                except NotFound:  # a dangling target id: show the citation without a target
                    self._labels[letter_id] = None
        return self._labels[letter_id]

    def citation(self, ref: Reference) -> PassageCitation:
        target = ref.followed_to
        if target is None and ref.status == "suggested" and ref.suggestions:
            target = ref.suggestions[0][0]
        source = self.sources.get(target) if target is not None else None
        return PassageCitation(
            raw=" ".join(ref.raw.split()),
            kind=ref.kind,
            location=ref.location,
            footnote_number=ref.footnote_number,
            canonical=ref.canonical,
            status=ref.status,
            target_letter_id=target,
            target_label=self.label(target),
            target_number=source.number if source else None,
        )


def _passage(
    annotation: Annotation,
    letter: Letter,
    source: SourceInfo,
    themes: _ThemeBook,
    refs: list[Reference],
    linker: _CitationLinker,
) -> Passage:
    orphan = annotation.status == "orphan"
    footnotes: list[PassageFootnote] = []
    citations: list[PassageCitation] = []
    if not orphan:
        start, end = annotation.start, annotation.end
        inside = [f for f in letter.footnotes if f.marker and start <= f.marker[0] and f.marker[1] <= end]
        footnotes = [
            PassageFootnote(f.number, f.text, (f.marker[0] - start, f.marker[1] - start) if f.marker else None)
            for f in inside
        ]
        numbers = {f.number for f in inside}
        # a passage holds the citations of its body span and of the footnotes marked in it; the letter
        # head's (location "head") are in no passage
        for ref in sorted(refs, key=lambda r: (r.location != "body", r.footnote_number or 0, r.start)):
            in_body = ref.location == "body" and start <= ref.start and ref.end <= end
            in_note = ref.location == "footnote" and ref.footnote_number in numbers
            if in_body or in_note:
                citations.append(linker.citation(ref))
    return Passage(
        annotation_id=annotation.id,
        letter_id=letter.id,
        quote=annotation.quote,
        start=annotation.start,
        end=annotation.end,
        themes=themes.tags(annotation.theme_ids),
        note=annotation.note,
        source=source,
        page=None if orphan else letter.page_of(annotation.start),
        end_page=None if orphan else letter.page_of(max(annotation.start, annotation.end - 1)),
        orphan=orphan,
        footnotes=tuple(footnotes),
        citations=tuple(citations),
    )


# -- arranging -------------------------------------------------------------------------------------


def _subsections_by_letter(passages: list[Passage], sources: list[SourceInfo], key: str) -> tuple[Subsection, ...]:
    subs = []
    for source in sources:
        mine = tuple(p for p in passages if p.letter_id == source.letter_id)
        if mine:
            subs.append(Subsection(key=f"{key}-letter-{source.letter_id}", title=source.label, passages=mine, source=source))
    return tuple(subs)


def _group_by_theme(
    passages: list[Passage], sources: list[SourceInfo], themes: _ThemeBook, scope_ids: set[int], untagged_title: str
) -> list[Section]:
    sections = []
    for theme in themes.order:
        if scope_ids and theme.id not in scope_ids:
            continue
        tagged = [p for p in passages if any(t.id == theme.id for t in p.themes)]
        if not tagged:
            continue
        tag = themes.by_id[theme.id]
        key = f"theme-{theme.id}"
        sections.append(
            Section(
                key=key,
                kind="theme",
                title=tag.label,
                subsections=_subsections_by_letter(tagged, sources, key),
                theme=tag,
                description=theme.description,
            )
        )
    untagged = [p for p in passages if not p.themes]
    if untagged:
        sections.append(
            Section(
                key="untagged",
                kind="untagged",
                title=untagged_title,
                subsections=_subsections_by_letter(untagged, sources, "untagged"),
            )
        )
    return sections


def _group_by_letter(passages: list[Passage], sources: list[SourceInfo]) -> list[Section]:
    sections = []
    for source in sources:
        mine = tuple(p for p in passages if p.letter_id == source.letter_id)
        key = f"letter-{source.letter_id}"
        sections.append(
            Section(
                key=key,
                kind="letter",
                title=source.label,
                subsections=(Subsection(key=f"{key}-all", title=None, passages=mine, source=source),),
                source=source,
            )
        )
    return sections


def _overview(
    passages: list[Passage], sources: list[SourceInfo], themes: _ThemeBook, scope_ids: set[int]
) -> Overview:
    column = {s.letter_id: i for i, s in enumerate(sources)}
    used = {t.id for p in passages for t in p.themes if not scope_ids or t.id in scope_ids}
    rows = [themes.by_id[t.id] for t in themes.order if t.id in used]
    counts = [[0] * len(sources) for _ in rows]
    row_of = {tag.id: i for i, tag in enumerate(rows)}
    letter_totals = [0] * len(sources)
    untagged = [0] * len(sources)
    for passage in passages:
        col = column[passage.letter_id]
        letter_totals[col] += 1
        if not passage.themes:
            untagged[col] += 1
        for tag in passage.themes:
            if tag.id in row_of:
                counts[row_of[tag.id]][col] += 1
    return Overview(
        themes=tuple(rows),
        sources=tuple(sources),
        counts=tuple(tuple(r) for r in counts),
        theme_totals=tuple(sum(r) for r in counts),
        letter_totals=tuple(letter_totals),
        untagged=tuple(untagged) if any(untagged) else (),
    )
