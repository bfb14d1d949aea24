"""An in-memory stand-in for the Library, for widget tests that need no database.

It implements the part of the facade the GUI uses, on the real seed letters (read with the real
importer) and real citations (the real parser). The story test uses the real Library instead.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.importing import read_file
from desktop_app.core.model import (
    Annotation,
    Letter,
    LetterSummary,
    Reference,
    SearchFragment,
    SearchHit,
    SearchResults,
    Theme,
)
from desktop_app.core.references import parse_citations


class FakeReferences:
    def __init__(self, library: FakeLibrary) -> None:
        self.library = library
        self.refs: dict[int, Reference] = {}
        ids = itertools.count(1)
        for letter in library.letters.values():
            for citation in parse_citations(letter.text):
                rid = next(ids)
                self.refs[rid] = Reference(
                    rid, letter.id, "body", None, citation.span[0], citation.span[1], citation.text, citation.kind,
                    citation.canonical, dict(citation.fields),
                )
            for footnote in letter.footnotes:
                for citation in parse_citations(footnote.text):
                    rid = next(ids)
                    self.refs[rid] = Reference(
                        rid, letter.id, "footnote", footnote.number, citation.span[0], citation.span[1],
                        citation.text, citation.kind, citation.canonical, dict(citation.fields),
                    )

    def refs_for(self, letter: int) -> list[Reference]:
        return [r for r in self.refs.values() if r.letter_id == letter]

    def cited_by(self, letter: int) -> list[Reference]:
        return [r for r in self.refs.values() if r.target_letter_id == letter and r.status in ("resolved", "confirmed")]

    def confirm(self, reference_id: int, letter: int) -> Reference:
        self.refs[reference_id] = replace(self.refs[reference_id], status="confirmed", target_letter_id=letter)
        return self.refs[reference_id]

    def reject(self, reference_id: int, letter: int) -> Reference:
        ref = self.refs[reference_id]
        self.refs[reference_id] = replace(ref, status="missing", suggestions=tuple(s for s in ref.suggestions if s[0] != letter))
        return self.refs[reference_id]


class FakeLibrary:
    def __init__(self, letter_files: list[Path], folder: Path | None = None) -> None:
        self.folder = folder or Path("/nonexistent")
        self.notices: list[str] = []
        self.letters: dict[int, Letter] = {}
        for i, path in enumerate(letter_files, start=1):
            parsed = read_file(path)
            fields = {k: getattr(parsed, k) for k in parsed.__dataclass_fields__ if k in Letter.__dataclass_fields__}
            self.letters[i] = Letter(id=i, **fields)
        self.themes: dict[int, Theme] = {}
        for i, (name, color) in enumerate(
            [("Capaciteitsdoelstellingen", "#1f77b4"), ("Lucht- en raketverdediging", "#d62728"),
             ("Defensie-industrie", "#2ca02c"), ("Steun aan Oekraïne", "#ffbf00")], start=1
        ):
            self.themes[i] = Theme(i, name, color, position=i)
        self.annotations: dict[int, Annotation] = {}
        self._ids = itertools.count(1)
        self.references = FakeReferences(self)
        self.imported: list[Path] = []

    def close(self) -> None:
        pass

    def list_letters(self) -> list[LetterSummary]:
        out = []
        for letter in self.letters.values():
            anns = [a for a in self.annotations.values() if a.letter_id == letter.id]
            out.append(LetterSummary(letter.id, letter.source_file, letter.date, letter.subject, letter.chamber,
                                     letter.kamerstuk, letter.kind, len(anns),
                                     tuple(sorted({t for a in anns for t in a.theme_ids}))))
        return out

    def get_letter(self, ref: int | str) -> Letter:
        for letter in self.letters.values():
            if ref in (letter.id, letter.name):
                return letter
        raise NotFound(f"no letter {ref}")

    def list_themes(self) -> list[Theme]:
        def walk(parent: int | None) -> list[Theme]:
            out: list[Theme] = []
            for t in sorted((t for t in self.themes.values() if t.parent_id == parent), key=lambda t: t.position):
                out += [t, *walk(t.id)]
            return out

        return walk(None)

    def get_theme(self, ref: int) -> Theme:
        return self.themes[ref]

    def theme_path(self, theme_id: int) -> str:
        theme = self.themes[theme_id]
        return f"{self.theme_path(theme.parent_id)}/{theme.name}" if theme.parent_id else theme.name

    def theme_descendants(self, theme_id: int) -> list[int]:
        return [theme_id] + [d for t in self.themes.values() if t.parent_id == theme_id for d in self.theme_descendants(t.id)]

    def theme_counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for a in self.annotations.values():
            for t in a.theme_ids:
                counts[t] = counts.get(t, 0) + 1
        return counts

    def add_theme(self, name: str, *, color: str | None = None, parent: int | None = None, description: str = "") -> Theme:
        tid = max(self.themes, default=0) + 1
        self.themes[tid] = Theme(tid, name, color or "#888888", parent, description, tid)
        return self.themes[tid]

    def update_theme(self, ref: int, *, name: str | None = None, color: str | None = None, description: str | None = None) -> Theme:
        t = self.themes[ref]
        self.themes[ref] = replace(t, name=name or t.name, color=color or t.color)
        return self.themes[ref]

    def move_theme(self, ref: int, *, parent: int | None, position: int | None = None) -> Theme:
        self.themes[ref] = replace(self.themes[ref], parent_id=parent, position=position if position is not None else 99)
        return self.themes[ref]

    def delete_theme(self, ref: int, *, force: bool = False) -> int:
        for a in list(self.annotations.values()):
            if ref in a.theme_ids:
                self.annotations[a.id] = replace(a, theme_ids=tuple(t for t in a.theme_ids if t != ref))
        del self.themes[ref]
        return 0

    def restore_theme(self, theme: Theme, annotation_ids: Any = ()) -> Theme:
        self.themes[theme.id] = theme
        for aid in annotation_ids:
            a = self.annotations[aid]
            self.annotations[aid] = replace(a, theme_ids=(*a.theme_ids, theme.id))
        return theme

    def annotate(self, letter: int, start: int, end: int, theme_ids: Any = (), note: str = "") -> Annotation:
        text = self.get_letter(letter).text
        if not 0 <= start < end <= len(text):
            raise InvalidInput("bad span")
        aid = next(self._ids)
        self.annotations[aid] = Annotation(aid, letter, start, end, text[start:end], note=note, theme_ids=tuple(theme_ids))
        return self.annotations[aid]

    def get_annotation(self, annotation_id: int) -> Annotation:
        return self.annotations[annotation_id]

    def update_annotation(self, annotation_id: int, *, note: str | None = None, theme_ids: Any = None) -> Annotation:
        a = self.annotations[annotation_id]
        self.annotations[annotation_id] = replace(
            a, note=a.note if note is None else note, theme_ids=a.theme_ids if theme_ids is None else tuple(theme_ids)
        )
        return self.annotations[annotation_id]

    def delete_annotation(self, annotation_id: int) -> Annotation:
        return self.annotations.pop(annotation_id)

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        self.annotations[annotation.id] = annotation
        return annotation

    def list_annotations(self, letter: int | None = None, theme: int | None = None, *, include_subthemes: bool = True) -> list[Annotation]:
        return sorted(
            (a for a in self.annotations.values()
             if (letter is None or a.letter_id == letter) and (theme is None or theme in a.theme_ids)),
            key=lambda a: (a.letter_id, a.start),
        )

    def search(self, query: str, *, themes: Any = (), year: Any = None, chamber: Any = None, limit: int = 20, sort: str = "relevance") -> SearchResults:
        hits = []
        for letter in self.letters.values():
            spans = [m.span() for m in re.finditer(re.escape(query), letter.text, re.IGNORECASE)]
            if spans:
                fragments = tuple(
                    SearchFragment("body", max(0, s - 60), min(len(letter.text), e + 60),
                                   letter.text[max(0, s - 60): min(len(letter.text), e + 60)], ((s, e),))
                    for s, e in spans[:3]
                )
                hits.append(SearchHit(letter.id, 1.0, letter.subject, letter.date, letter.chamber, letter.kamerstuk, len(spans), fragments))
        return SearchResults(query, len(hits), tuple(hits[:limit]))

    def import_paths(self, paths: Any, **_: Any) -> Any:
        from desktop_app.core.services import ImportReport

        self.imported.extend(paths)
        return ImportReport()
