"""References between letters: extract citations at import, resolve them, answer questions about them.

The :class:`~desktop_app.core.services.Library` owns one ``ReferenceService(db, library)`` as
``library.references`` and calls:

- :meth:`ReferenceService.extract` after storing a letter (new or new version), inside or outside its
  own transaction (nested ``db.atomic()`` becomes a savepoint);
- :meth:`ReferenceService.resolve_all` once after a batch of imports, after a letter is deleted and
  after a letter's own Kamerstuk id changes (``set_kamerstuk``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.model import Letter, Reference
from desktop_app.core.references.parser import parse_citations
from desktop_app.core.references.resolver import (
    OFFICIAL_PREFIXES,
    RESOLVED,
    Decisions,
    LetterFacts,
    Resolution,
    Resolver,
    letter_terms,
    reference_key,
)
from desktop_app.core.store import references_repo as repo

LetterArg = Letter | int | str
CONTEXT_CHARS = 400  # how far a citing sentence may reach on either side of the citation


@dataclass(frozen=True)
class MissingDocument:
    """A cited document that is not (or not surely) in the library, with every place citing it."""

    canonical: str
    kind: str
    count: int
    places: list[tuple[int, str, int | None, str]] = field(default_factory=list)  # (letter id, location,
    #                                                     footnote number, raw citation text)
    status: str = "missing"  # "suggested" when some letter may be it, "external" for non-letter kinds
    suggestions: tuple[tuple[int, float, str], ...] = ()  # best first, merged over the places

    def to_json(self) -> dict[str, Any]:
        return {
            "canonical": self.canonical,
            "kind": self.kind,
            "count": self.count,
            "status": self.status,
            "places": [
                {"letter_id": lid, "location": loc, "footnote_number": num, "raw": raw}
                for lid, loc, num, raw in self.places
            ],
            "suggestions": [{"letter_id": lid, "score": score, "reason": why} for lid, score, why in self.suggestions],
        }


class ReferenceService:
    def __init__(self, db: Database, library: Any) -> None:
        self.db = db
        self.library = library
        self._terms: dict[int, tuple[tuple[str, str | None], Mapping[str, int]]] = {}

    # -- extraction ----------------------------------------------------------------------------------
    def extract(self, letter: Letter) -> None:
        """Parse the letter's body and footnotes and replace its rows in "references". Citations of the
        letter's own id (a Kamerstuk's running footer) are left out. Rows start unresolved: call
        :meth:`resolve_all` after the batch."""
        with self.db.atomic():
            repo.replace_for_letter(self.db, letter.id, citation_rows(letter))

    # -- resolution ----------------------------------------------------------------------------------
    def resolve_all(self) -> None:
        """Resolve every stored citation against the library as it is now."""
        letters = {summary.id: self.library.get_letter(summary.id) for summary in self.library.list_letters()}
        refs = repo.all_references(self.db)
        resolver = Resolver([self._facts(letter) for letter in letters.values()], self._decisions(), refs)
        first = [resolver.resolve(ref, context_of(ref, letters.get(ref.letter_id))) for ref in refs]
        final = resolver.propagate(refs, first)
        with self.db.atomic():
            for ref, res in zip(refs, final, strict=True):
                if _changed(ref, res):
                    repo.set_resolution(
                        self.db,
                        ref.id,
                        status=res.status,
                        target_letter_id=res.target_letter_id,
                        confidence=res.confidence,
                        reason=res.reason,
                        suggestions=res.suggestions,
                    )

    def _facts(self, letter: Letter) -> LetterFacts:
        """Facts of a letter; its term counts are cached by content and subject (counting a letter's
        words is most of the cost of resolving)."""
        key = (letter.content_hash, letter.subject)
        cached = self._terms.get(letter.id)
        if cached is None or cached[0] != key:
            cached = (key, facts_of(letter).terms)
            self._terms[letter.id] = cached
        return LetterFacts(letter.id, letter.name, letter.date, letter.kamerstuk, cached[1])

    def _decisions(self) -> Decisions:
        confirmed: dict[str, int] = {}
        rejected: dict[str, set[int]] = {}
        for key, target, decision in repo.decisions(self.db):
            if decision == "confirmed":
                confirmed[key] = target
            else:
                rejected.setdefault(key, set()).add(target)
        return Decisions(confirmed, {key: frozenset(ids) for key, ids in rejected.items()})

    # -- questions -----------------------------------------------------------------------------------
    def get(self, reference_id: int) -> Reference:
        ref = repo.get(self.db, reference_id)
        if ref is None:
            raise NotFound(f"no citation with id {reference_id}")
        return ref

    def all_references(self) -> list[Reference]:
        return repo.all_references(self.db)

    def refs_for(self, letter: LetterArg) -> list[Reference]:
        """What the letter cites, body first, then footnotes, in text order."""
        return repo.for_letter(self.db, self._letter_id(letter))

    def cited_by(self, letter: LetterArg) -> list[Reference]:
        """Backlinks: citations in other letters that are resolved or confirmed to point to this one."""
        return repo.targeting(self.db, self._letter_id(letter))

    def missing(self) -> list[MissingDocument]:
        """Cited documents that are not in the library (no resolved or confirmed link), by canonical id,
        most cited first."""
        groups: dict[str, list[Reference]] = {}
        for ref in repo.all_references(self.db):
            if ref.canonical and ref.status not in RESOLVED:
                groups.setdefault(ref.canonical, []).append(ref)
        out = [_missing_document(canonical, refs) for canonical, refs in groups.items()]
        out.sort(key=lambda m: (-m.count, m.canonical))
        return out

    # -- user decisions ------------------------------------------------------------------------------
    def confirm(self, reference_id: int, letter: LetterArg) -> Reference:
        """The user says: this citation points to ``letter``. Recorded for what was cited (so it holds for
        every citation of the same document and survives re-import); when the citation has an official id
        and the letter has no own id yet, the letter gets it (kamerstuk_source "user")."""
        ref = self.get(reference_id)
        target = self._letter(letter)
        if target.id == ref.letter_id:
            raise InvalidInput(f"citation {reference_id} is in {target.name} itself: a letter cannot cite itself")
        with self.db.atomic():
            repo.record_decision(self.db, reference_key(ref), target.id, "confirmed")
        if ref.canonical and ref.canonical.startswith(OFFICIAL_PREFIXES) and not target.kamerstuk:
            self._set_kamerstuk(target, ref.canonical)
        else:
            self.resolve_all()
        return self.get(reference_id)

    def reject(self, reference_id: int, letter: LetterArg) -> Reference:
        """The user says: this citation does not point to ``letter``. It is no longer proposed for it."""
        ref = self.get(reference_id)
        target = self._letter(letter)
        with self.db.atomic():
            repo.record_decision(self.db, reference_key(ref), target.id, "rejected")
        self.resolve_all()
        return self.get(reference_id)

    # -- helpers -------------------------------------------------------------------------------------
    def _set_kamerstuk(self, letter: Letter, canonical: str) -> None:
        """Through the Library (it updates the search index and re-resolves every reference)."""
        self.library.set_kamerstuk(letter.id, canonical)

    def _letter(self, letter: LetterArg) -> Letter:
        return letter if isinstance(letter, Letter) else self.library.get_letter(letter)

    def _letter_id(self, letter: LetterArg) -> int:
        if isinstance(letter, Letter):
            return letter.id
        return int(self._letter(letter).id)


def citation_rows(letter: Letter) -> list[dict[str, Any]]:
    """The rows to store for a letter: body citations, then each footnote's."""
    sources: list[tuple[str, int | None, str]] = [("body", None, letter.text)]
    sources += [("footnote", note.number, note.text) for note in letter.footnotes]
    rows = []
    for location, number, text in sources:
        for citation in parse_citations(text):
            if letter.kamerstuk and citation.canonical == letter.kamerstuk:
                continue  # the document naming itself
            rows.append(
                {
                    "location": location,
                    "footnote_number": number,
                    "start": citation.span[0],
                    "end": citation.span[1],
                    "raw": citation.text,
                    "kind": citation.kind,
                    "canonical": citation.canonical,
                    "fields": citation.fields,
                }
            )
    return rows


def facts_of(letter: Letter) -> LetterFacts:
    return LetterFacts(
        id=letter.id,
        name=letter.name,
        date=letter.date,
        kamerstuk=letter.kamerstuk,
        terms=letter_terms(letter.text, letter.subject, (note.text for note in letter.footnotes)),
    )


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9‘“'\"(])|\n\s*\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (bounded by sentence ends, blank lines and CONTEXT_CHARS) holding text[start:end]."""
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    before = text[lo:start]
    ends = list(_SENTENCE_END.finditer(before))
    left = lo + ends[-1].end() if ends else lo
    after = _SENTENCE_END.search(text, end, hi)
    right = after.start() if after else hi
    return text[left:start] + " " + text[end:right]


def context_of(ref: Reference, letter: Letter | None) -> str:
    """What the citing letter says around a citation: the sentence around a body citation; the rest of
    the footnote plus the body sentence carrying the footnote's marker for a footnote citation."""
    if letter is None:
        return ""
    if ref.location == "body":
        return sentence_around(letter.text, ref.start, ref.end)
    note = next((n for n in letter.footnotes if n.number == ref.footnote_number), None)
    if note is None:
        return ""
    own = note.text[: ref.start] + " " + note.text[ref.end :]
    if note.marker:
        own += " " + sentence_around(letter.text, note.marker[0], note.marker[1])
    return own


def _changed(ref: Reference, res: Resolution) -> bool:
    return (ref.status, ref.target_letter_id, ref.confidence, ref.reason, ref.suggestions) != (
        res.status,
        res.target_letter_id,
        res.confidence,
        res.reason,
        res.suggestions,
    )


def _missing_document(canonical: str, refs: Iterable[Reference]) -> MissingDocument:
    refs = list(refs)
    statuses = {ref.status for ref in refs}
    status = "suggested" if "suggested" in statuses else ("external" if statuses == {"external"} else "missing")
    best: dict[int, tuple[float, str]] = {}
    for ref in refs:
        for letter_id, score, reason in ref.suggestions:
            if letter_id not in best or score > best[letter_id][0]:
                best[letter_id] = (score, reason)
    suggestions = tuple(
        sorted(((lid, s, why) for lid, (s, why) in best.items()), key=lambda item: (-item[1], item[0]))
    )
    places = [(ref.letter_id, ref.location, ref.footnote_number, ref.raw) for ref in refs]
    return MissingDocument(canonical, refs[0].kind, len(refs), places, status, suggestions)
