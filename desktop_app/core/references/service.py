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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.model import Letter, Reference
from desktop_app.core.references.parser import parse_citations
from desktop_app.core.references.resolver import (
    LIBRARY_KINDS,
    OFFICIAL_PREFIXES,
    RESOLVED,
    Decisions,
    LetterFacts,
    Resolution,
    Resolver,
    cited_date,
    dossier_position,
    letter_terms,
    own_series,
    reference_key,
    terms,
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


@dataclass
class Change:
    """What changed in the library since the stored resolutions were right, as far as citations care.

    ``letters``: letters stored, re-extracted or whose own id changed (their citations are resolved
    again, and they are scanned as candidates); ``gone``: the facts of letters as they were before the
    change (deleted letters, and the old state of changed ones); ``keys``: cited keys the user decided
    on; ``content``: the library's word statistics changed (every content-ranked citation is affected)."""

    letters: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    before: dict[int, LetterFacts] = field(default_factory=dict)
    before_series: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    content: bool = False

    def __bool__(self) -> bool:
        return bool(self.letters or self.deleted or self.keys or self.content)


class ReferenceService:
    def __init__(self, db: Database, library: Any) -> None:
        self.db = db
        self.library = library
        self._terms: dict[int, tuple[tuple[str, str | None], Mapping[str, int]]] = {}
        self._queries: dict[int, tuple[tuple[Any, ...], Counter[str]]] = {}  # ref id -> context terms
        self.pending = Change()

    # -- extraction ----------------------------------------------------------------------------------
    def extract(self, letter: Letter) -> None:
        """Parse the letter's body and footnotes and replace its rows in "references". Citations of the
        letter's own id (a Kamerstuk's running footer) are left out. Rows start unresolved: call
        :meth:`resolve_all` after the batch."""
        with self.db.atomic():
            repo.replace_for_letter(self.db, letter.id, citation_rows(letter))
        self.pending.letters.add(letter.id)
        self.pending.content = True  # the letter's words may have changed the library's statistics

    # -- what changes ----------------------------------------------------------------------------------
    def before_change(self, letter_id: int) -> None:
        """Call before a stored letter changes (new version, own id, deletion): remembers what it was,
        so :meth:`resolve_pending` also revisits what depended on its old state."""
        if letter_id in self.pending.before:
            return
        try:
            letter = self.library.get_letter(letter_id)
        except NotFound:
            return
        self.pending.before[letter_id] = self._facts(letter)
        self.pending.before_series.update(_series_of(repo.for_letter(self.db, letter_id), letter))

    def changed(self, letter_id: int, *, deleted: bool = False, content: bool = False) -> None:
        """The letter changed (after :meth:`before_change`): deleted, or its own id changed."""
        (self.pending.deleted if deleted else self.pending.letters).add(letter_id)
        if deleted:
            self.pending.letters.discard(letter_id)
            self._terms.pop(letter_id, None)
        self.pending.content = self.pending.content or content or deleted

    # -- resolution ----------------------------------------------------------------------------------
    def resolve_all(self) -> None:
        """Resolve every stored citation against the library as it is now (the full path: repair,
        migrations, tests; :meth:`resolve_pending` gives the same result for what changed)."""
        self.pending = Change()
        letters = {summary.id: self.library.get_letter(summary.id) for summary in self.library.list_letters()}
        refs = repo.all_references(self.db)
        resolver = Resolver([self._facts(letter) for letter in letters.values()], self._decisions(), refs)
        first = [resolver.resolve(ref, context_of(ref, letters.get(ref.letter_id))) for ref in refs]
        self._store(refs, resolver.propagate(refs, first))

    def resolve_pending(self) -> int:
        """Resolve again only the citations the recorded changes can affect (see :meth:`affected`);
        the result equals :meth:`resolve_all`'s. Returns how many citations were resolved."""
        change, self.pending = self.pending, Change()
        if not change:
            return 0
        summaries = self.library.list_letters()
        facts = {s.id: self._facts_by_id(s.id) for s in summaries}
        refs = repo.all_references(self.db)
        resolver = Resolver(list(facts.values()), self._decisions(), refs)
        chosen = self.affected(change, refs, facts, resolver)
        letters: dict[int, Letter] = {}
        for ref in chosen:
            if ref.letter_id not in letters:
                letters[ref.letter_id] = self.library.get_letter(ref.letter_id)
        first = [resolver.resolve(ref, context_of(ref, letters[ref.letter_id])) for ref in chosen]
        self._store(chosen, resolver.propagate(chosen, first))
        return len(chosen)

    def affected(
        self, change: Change, refs: Sequence[Reference], facts: Mapping[int, LetterFacts], resolver: Resolver
    ) -> list[Reference]:
        """The citations whose resolution the change can alter (a superset): the changed letters' own;
        those citing an id a changed letter has or had; those citing a date it has or had (the date
        rule counts the letters of a day); those resolved or suggested to a changed or deleted letter;
        those in a dossier whose dated citations or ids changed (they bound the dates of its other
        numbers); those about a decided key; the content-ranked ones for which a changed letter (old or
        new) is a candidate, or all of them when the word statistics changed. Then every citation of a
        canonical id any of these has, since citations of one document agree (``propagate``)."""
        touched = change.letters | change.deleted
        states = [facts[i] for i in change.letters if i in facts] + list(change.before.values())
        ids = {f.kamerstuk for f in states if f.kamerstuk}
        dates = {f.date for f in states if f.date}
        series = set(change.before_series)
        for letter_id in change.letters:
            if letter_id in facts:
                own = [r for r in refs if r.letter_id == letter_id]
                series.update(_series_of(own, facts[letter_id]))
        scan = states if not change.content else []
        hashes = dict(self.db.execute("SELECT id, content_hash FROM letters").fetchall()) if scan else {}
        chosen: dict[int, Reference] = {}
        for ref in refs:
            if (
                ref.letter_id in touched
                or (ref.canonical and ref.canonical in ids)
                or (cited_date(ref) in dates)
                or ref.target_letter_id in touched
                or any(s[0] in touched for s in ref.suggestions)
                or (series and _ref_series(ref) in series)
                or reference_key(ref) in change.keys
                or (_content_ranked(ref) and (change.content or self._candidate_in(ref, scan, resolver, hashes)))
            ):
                chosen[ref.id] = ref
        canonicals = {ref.canonical for ref in chosen.values() if ref.canonical}
        return [ref for ref in refs if ref.id in chosen or ref.canonical in canonicals]

    def _candidate_in(
        self, ref: Reference, letters: Sequence[LetterFacts], resolver: Resolver, hashes: Mapping[int, str]
    ) -> bool:
        if not letters:
            return False
        query = resolver.query(self._context_terms(ref, hashes.get(ref.letter_id, "")))
        return any(resolver.is_candidate(query, letter) for letter in letters)

    def _context_terms(self, ref: Reference, content_hash: str) -> Counter[str]:
        """The words of a citation's context, cached by the citation and its letter's content."""
        key = (content_hash, ref.letter_id, ref.location, ref.footnote_number, ref.start, ref.end, ref.raw)
        cached = self._queries.get(ref.id)
        if cached is None or cached[0] != key:
            letter = self.library.get_letter(ref.letter_id)
            cached = (key, Counter(terms(context_of(ref, letter))))
            self._queries[ref.id] = cached
        return cached[1]

    def _store(self, refs: Sequence[Reference], final: Sequence[Resolution]) -> None:
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

    def _facts_by_id(self, letter_id: int) -> LetterFacts:
        return self._facts(self.library.get_letter(letter_id))

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
        self.pending.keys.add(reference_key(ref))
        if ref.canonical and ref.canonical.startswith(OFFICIAL_PREFIXES) and not target.kamerstuk:
            self._set_kamerstuk(target, ref.canonical)
        else:
            self.resolve_pending()
        return self.get(reference_id)

    def reject(self, reference_id: int, letter: LetterArg) -> Reference:
        """The user says: this citation does not point to ``letter``. It is no longer proposed for it."""
        ref = self.get(reference_id)
        target = self._letter(letter)
        with self.db.atomic():
            repo.record_decision(self.db, reference_key(ref), target.id, "rejected")
        self.pending.keys.add(reference_key(ref))
        self.resolve_pending()
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


def _content_ranked(ref: Reference) -> bool:
    """Whether the citation's resolution may come from the content ranking (its stored status is one
    the ranking gives; resolved ones came from a rule that wins before it)."""
    return bool(ref.canonical) and ref.kind in LIBRARY_KINDS and ref.status in ("suggested", "missing")


def _ref_series(ref: Reference) -> str | None:
    position = dossier_position(ref)
    return position[0] if position else None


def _series_of(refs: Iterable[Reference], letter: Letter | LetterFacts) -> set[str]:
    """The dossiers whose date anchors the letter contributes: its dated numbered Kamerstuk citations
    and its own dated Kamerstuk id."""
    out = {s for ref in refs if cited_date(ref) and (s := _ref_series(ref))}
    own = own_series(letter.kamerstuk) if letter.date and letter.kamerstuk else None
    if own:
        out.add(own)
    return out


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
