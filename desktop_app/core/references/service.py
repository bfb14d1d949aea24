"""References between letters: extract citations at import, resolve them, answer questions about them.

The :class:`~desktop_app.core.services.Library` owns one ``ReferenceService(db, library)`` as
``library.references`` and calls:

- :meth:`ReferenceService.extract` after storing a letter (new or new version), inside or outside its
  own transaction (nested ``db.atomic()`` becomes a savepoint);
- :meth:`ReferenceService.before_change` and :meth:`ReferenceService.changed` around a new version,
  a deletion and a change of a letter's own Kamerstuk id (``set_kamerstuk``);
- :meth:`ReferenceService.resolve_pending` after a batch of imports and after each of those changes:
  it resolves only the citations the recorded changes can affect, with the same result as a full
  :meth:`ReferenceService.resolve_all` under the same stored word statistics.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.labels import Label
from desktop_app.core.model import Letter, Reference, Span
from desktop_app.core.references.addresses import official_address
from desktop_app.core.references.cache import TERMS_VERSION, StoredFacts, TermCache, loads
from desktop_app.core.references.parser import parse_citations
from desktop_app.core.references.resolver import (
    LIBRARY_KINDS,
    MIN_SHARED_TERMS,
    OFFICIAL_PREFIXES,
    PROPAGATED_REASON,
    RESOLVED,
    AnchorTable,
    Decisions,
    LetterFacts,
    Resolution,
    Resolver,
    WordStats,
    anchor_bounds,
    anchor_table,
    anchors_of,
    cited_date,
    dossier_position,
    letter_terms,
    reference_key,
    terms,
)
from desktop_app.core.references.rules import RESOLVER_KEY, RESOLVER_VERSION, resolutions_current
from desktop_app.core.store import letters_repo, meta_repo
from desktop_app.core.store import references_repo as repo
from desktop_app.core.store.connection import Database

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
    reference_ids: tuple[int, ...] = ()  # the citation behind each place, in the same order

    @property
    def address(self) -> str | None:
        """The document's official publication on the web (see addresses.py), when known."""
        return official_address(self.canonical)

    def to_json(self) -> dict[str, Any]:
        return {
            "canonical": self.canonical,
            "kind": self.kind,
            "address": self.address,
            "count": self.count,
            "status": self.status,
            "places": [
                {"letter_id": lid, "location": loc, "footnote_number": num, "raw": raw}
                for lid, loc, num, raw in self.places
            ],
            "suggestions": [{"letter_id": lid, "score": score, "reason": why} for lid, score, why in self.suggestions],
        }


STATS_KEY = "reference_word_stats"  # meta row: the WordStats the stored suggestions were ranked with
STATS_DRIFT = 0.25  # the statistics are taken again (and every citation resolved) when the number of
#                     letters moved by more than this share since they were taken


@dataclass
class Change:
    """What changed in the library since the stored resolutions were right, as far as citations care.

    ``letters``: letters stored, re-extracted or whose own id changed (their citations are resolved
    again, and they are scanned as candidates); ``deleted``: letters removed; ``before``: the facts of
    changed and deleted letters as they were before, and ``before_anchors`` the date anchors their
    citations and ids gave (see ``anchors_of``) and ``before_cited`` the canonical ids they cited (a
    citation gone may have been the one the others of its document followed); ``keys``: cited keys the user decided on."""

    letters: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    before: dict[int, LetterFacts] = field(default_factory=dict)
    before_anchors: list[tuple[str, int, str]] = field(default_factory=list)
    before_cited: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    claimed: set[int] = field(default_factory=set)  # letters whose inferred own id changed

    def __bool__(self) -> bool:
        return bool(self.letters or self.deleted or self.keys)


class ReferenceService:
    def __init__(self, db: Database, library: Any) -> None:
        self.db = db
        self.library = library
        self._terms: dict[int, tuple[str, Mapping[str, int]]] = {}  # letter id -> (key, term counts)
        self._queries: dict[int, tuple[str, Counter[str]]] = {}  # ref id -> (key, context terms)
        self._stats: tuple[str, WordStats] | None = None  # (stored JSON's hash, parsed)
        self._cache = TermCache(getattr(library, "folder", None))  # the counts above, between processes
        self._stored_contexts: dict[int, tuple[str, bytes]] | None = None  # read from the cache once a call
        self._new_contexts: dict[int, tuple[int, str, Counter[str]]] = {}  # counted this call, to be cached
        self._letters: dict[int, Letter] = {}  # the letter whose citations' contexts are being counted
        self._bulk = False  # every citation's context is needed (read the cache whole, not row by row)
        self.pending = Change()
        self.last_scored = 0  # citations the last resolve_pending/resolve_all ranked afresh (tests read it)

    # -- extraction ----------------------------------------------------------------------------------
    def extract(self, letter: Letter, links: Sequence[tuple[Span, str]] = ()) -> None:
        """Parse the letter's body and footnotes and replace its rows in "references". Citations of the
        letter's own id (a Kamerstuk's running footer) are left out. ``links``: the explicit citations
        the document marks itself (``ParsedLetter.links``), which outrank the parser. Rows start
        unresolved: call :meth:`resolve_pending` after the batch."""
        with self.db.atomic():
            repo.replace_for_letter(self.db, letter.id, citation_rows(letter, links))
        self.pending.letters.add(letter.id)
        # its text is stored anew: counts kept under its content hash (and subject) no longer hold
        self._cache.drop_letter(letter.id)
        self._terms.pop(letter.id, None)
        self._queries.clear()

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
        own = repo.for_letter(self.db, letter_id)
        self.pending.before_anchors += anchors_of(own, letter.kamerstuk, letter.date)
        self.pending.before_cited.update(ref.canonical for ref in own if ref.canonical)

    def changed(self, letter_id: int, *, deleted: bool = False) -> None:
        """The letter changed (after :meth:`before_change`): deleted, or its own id changed."""
        (self.pending.deleted if deleted else self.pending.letters).add(letter_id)
        if deleted:
            self.pending.letters.discard(letter_id)
            self._terms.pop(letter_id, None)

    # -- resolution ----------------------------------------------------------------------------------
    def resolve_all(self, *, refresh_stats: bool = True) -> int:
        """Resolve every stored citation against the library as it is now (the full path: repair,
        migrations, tests). The content ranking's word statistics are taken from the library again,
        unless ``refresh_stats`` is False (then the stored ones are kept: :meth:`resolve_pending` gives
        the same result as this). Returns how many citations were resolved."""
        self._begin(bulk=True)
        facts = self._all_facts()
        stored = None if refresh_stats else self._stored_stats()
        stats = stored if stored is not None else WordStats.of(facts)
        refs = repo.all_references(self.db)
        resolver = Resolver(facts, self._decisions(), refs, stats)
        keys = self._context_keys()
        first = [resolver.resolve(ref, self._context_terms(ref, keys)) for ref in refs]
        self._store(refs, resolver.propagate(refs, first), resolver.claims, stats if stored is None else None)
        with self.db.atomic():
            meta_repo.put(self.db, RESOLVER_KEY, RESOLVER_VERSION)
        self._cache.keep_only((f.id for f in facts), (ref.id for ref in refs))
        self._end()
        self.pending = Change()
        self.last_scored = len(refs)
        return len(refs)

    def ensure_current(self) -> int:
        """Resolve every citation again when the stored resolutions were made by older rules (a library
        from an earlier Kamerlezer). Returns how many citations were resolved."""
        if resolutions_current(self.db):
            return 0
        return self.resolve_all()

    def resolve_pending(self) -> int:
        """Resolve again only the citations the recorded changes can affect (see :meth:`affected`);
        the result equals ``resolve_all(refresh_stats=False)``. When there are no stored word
        statistics yet, or the number of letters moved by more than STATS_DRIFT since they were
        taken, every citation is resolved with new ones. Returns how many citations were looked at
        again (of which ``last_scored`` were ranked afresh).

        The cost follows the change, not how often its documents are cited: a citation whose own
        resolution the change cannot alter, taken in only because it cites the same document as one
        that can (citations of one document agree, see ``Resolver.propagate``), keeps its stored
        resolution as its own (unless that came from another citation: then it is resolved again);
        one taken in only because a changed letter may now be suggested for it is ranked again over
        its stored suggestions plus the changed letters (each letter is scored on its own, with fixed
        word statistics, so the best five of the rest cannot change)."""
        change = self.pending  # kept until resolved: after a failure the next call tries again
        if not change:
            return 0
        self._begin()
        facts = self._all_facts()
        stats = self._stored_stats()
        if stats is None or abs(len(facts) - stats.letters) > STATS_DRIFT * stats.letters:
            return self.resolve_all()
        refs = repo.all_references(self.db)
        resolver = Resolver(facts, self._decisions(), refs, stats)
        change.claimed |= _claims_changed(self._stored_claims(), resolver.claims)
        by_id = {f.id: f for f in facts}
        keys = self._context_keys()
        full, ranked = self._affected(change, refs, by_id, resolver, keys)
        chosen = self._with_same_documents(change, refs, full | ranked)
        changed = [by_id[i] for i in sorted(change.letters | change.claimed) if i in by_id]
        first = []
        scored = 0
        for ref in chosen:
            if ref.id in full or _propagated(ref):
                first.append(resolver.resolve(ref, self._context_terms(ref, keys)))
                scored += 1
            elif ref.id in ranked:
                first.append(self._ranked_again(ref, resolver, changed, keys))
                scored += 1
            else:
                first.append(_stored_resolution(ref))
        self._store(chosen, resolver.propagate(chosen, first), resolver.claims)
        self._end()
        self.pending = Change()
        self.last_scored = scored
        return len(chosen)

    def affected(
        self, change: Change, refs: Sequence[Reference], facts: Mapping[int, LetterFacts], resolver: Resolver
    ) -> list[Reference]:
        """The citations whose resolution the change can alter (a superset): the changed letters' own;
        those citing an id a changed letter has or had; those citing a date it has or had (the date
        rule counts the letters of a day); those resolved or suggested to a changed or deleted letter;
        those in a dossier whose dated citations or ids changed (they bound the dates of its other
        numbers); those about a decided key; the content-ranked ones for which a changed letter (old or
        new) is a candidate (holds enough of the citing context's words: the word statistics being
        fixed, no other letter's score changes). Then every citation of a canonical id any of these
        has, or a changed letter cited before, since citations of one document agree (``propagate``).
        A letter whose inferred own id changed (``change.claimed``) counts as changed: the rule that a
        letter inferred to be one document is not another one admits it for other citations, or not."""
        full, ranked = self._affected(change, refs, facts, resolver, self._context_keys())
        return self._with_same_documents(change, refs, full | ranked)

    def _affected(
        self, change: Change, refs: Sequence[Reference], facts: Mapping[int, LetterFacts], resolver: Resolver,
        keys: Mapping[int, str],
    ) -> tuple[set[int], set[int]]:  # fmt: skip
        """(citations to resolve afresh, content-ranked citations to rank again over their stored
        suggestions and the changed letters) - see :meth:`affected`."""
        touched = change.letters | change.deleted | change.claimed
        current = [facts[i] for i in sorted(change.letters | change.claimed) if i in facts]
        states = current + list(change.before.values())
        ids = {f.kamerstuk for f in states if f.kamerstuk}
        dates = {f.date for f in states if f.date}
        moved = _moved_bounds(change, refs, facts, resolver)
        scan = [(f, f.id in change.claimed) for f in current]  # loose: admitted with the claim or without
        scan += [(f, True) for f in change.before.values()]  # former states: their citations are gone
        may_share = self._may_share(refs, [f for f, _ in scan], keys, resolver.vocabulary.common)
        full: set[int] = set()
        ranked: set[int] = set()
        for ref in refs:
            if (
                ref.letter_id in touched
                or (ref.canonical and ref.canonical in ids)
                or (cited_date(ref) in dates)
                or ref.target_letter_id in touched
                or (ref.status in RESOLVED and ref.target_letter_id is None)  # its target was deleted
                or any(s[0] in touched for s in ref.suggestions)
                or (moved and _bounds_moved(ref, moved))
                or reference_key(ref) in change.keys
            ):
                full.add(ref.id)
            elif (
                scan
                and _content_ranked(ref)
                and (may_share is None or ref.id in may_share)
                and self._candidate_in(ref, scan, resolver, keys)
            ):
                ranked.add(ref.id)
        return full, ranked

    def _may_share(
        self, refs: Sequence[Reference], letters: Sequence[LetterFacts], keys: Mapping[int, str],
        common: Collection[str],
    ) -> set[int] | None:  # fmt: skip
        """The citations whose context may hold MIN_SHARED_TERMS words of one of the letters, words of
        ordinary prose (``common``) not counted: no query holds those (``Resolver.query``), so the others
        cannot rank them. Those the word index of the cache finds, and every citation whose context it
        does not hold as it is now. None: all of them."""
        if not letters:
            return set()
        stored = self._cache.context_keys()
        if not stored:
            return None
        found: set[int] = set()
        for letter in letters:
            sharing = self._cache.sharing([t for t in letter.terms if t not in common], MIN_SHARED_TERMS)
            if sharing is None:
                return None
            found |= sharing
        found |= {ref.id for ref in refs if stored.get(ref.id) != self._context_key(ref, keys)}
        found |= set(self._new_contexts)  # counted in this call, not yet in the cache
        return found

    @staticmethod
    def _with_same_documents(change: Change, refs: Sequence[Reference], chosen: set[int]) -> list[Reference]:
        """The chosen citations and every citation of a canonical id one of them has, or a changed
        letter cited before."""
        canonicals = {ref.canonical for ref in refs if ref.id in chosen and ref.canonical} | change.before_cited
        return [ref for ref in refs if ref.id in chosen or ref.canonical in canonicals]

    def _ranked_again(
        self, ref: Reference, resolver: Resolver, changed: Sequence[LetterFacts], keys: Mapping[int, str]
    ) -> Resolution:
        """A content-ranked citation none of whose suggestions changed, ranked over its stored
        suggestions plus the changed letters that are eligible for it: what ranking every eligible
        letter gives (see :meth:`resolve_pending`)."""
        query = resolver.query(self._context_terms(ref, keys), ref.letter_id)
        kept = {letter_id for letter_id, _, _ in ref.suggestions}
        letters = [resolver.by_id[i] for i in kept if i in resolver.by_id]
        letters += [f for f in changed if f.id not in kept and resolver.admits(ref, f)]
        suggestions = resolver.rank(ref, query, letters) if query and letters else ()
        if suggestions:
            return Resolution("suggested", suggestions=suggestions, reason="similar content")
        return Resolution("missing", reason="no letter in the library matches")

    def _candidate_in(
        self, ref: Reference, letters: Sequence[tuple[LetterFacts, bool]], resolver: Resolver, keys: Mapping[int, str]
    ) -> bool:
        """Whether one of the letters (a current or a former state) is eligible for the citation and
        holds enough of its context's words to be ranked for it."""
        admitted = [letter for letter, former in letters if resolver.admits(ref, letter, loose=former)]
        if not admitted:
            return False
        context = self._context_terms(ref, keys)
        common = resolver.vocabulary.common
        admitted = [letter for letter in admitted if _shares_enough(context, letter, common)]
        if not admitted:
            return False
        query = resolver.query(context, ref.letter_id)
        return any(resolver.is_candidate(ref, query, letter) for letter in admitted)

    # -- word counts, cached -------------------------------------------------------------------------
    def _begin(self, *, bulk: bool = False) -> None:
        self._bulk = bulk
        self._stored_contexts = None
        self._new_contexts = {}
        self._letters.clear()

    def _end(self) -> None:
        """Keep what this call counted for the next process (see :mod:`.cache`)."""
        if self._new_contexts:
            self._cache.put_contexts((i, letter_id, key, terms_) for i, (letter_id, key, terms_) in self._new_contexts.items())
        self._new_contexts = {}
        self._stored_contexts = None
        self._letters.clear()
        self._cache.close()  # no file left open between resolutions (opened again when next needed)

    def _context_keys(self) -> dict[int, str]:
        """letter id -> what its citations' contexts are counted from (its content, as stored; a letter
        stored anew under the same hash drops its rows: see :meth:`extract`). Read from the index on
        content_hash: the rows hold the whole text before most columns."""
        return letters_repo.content_hashes(self.db)

    def _context_terms(self, ref: Reference, keys: Mapping[int, str]) -> Counter[str]:
        """The words of a citation's context, cached (here and on disk) by the citation and its letter's
        content."""
        key = self._context_key(ref, keys)
        cached = self._queries.get(ref.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        if self._stored_contexts is None and self._bulk:
            self._stored_contexts = self._cache.contexts()
        stored = self._stored_contexts.get(ref.id) if self._stored_contexts is not None else self._cache.context(ref.id)
        loaded = loads(stored[1]) if stored is not None and stored[0] == key else None
        if loaded is not None:
            counted = Counter(loaded)
        else:
            if ref.letter_id not in self._letters:  # citations come letter by letter: keep only the last
                self._letters.clear()
            counted = Counter(terms(self._context(ref, self._letters)))
            self._new_contexts[ref.id] = (ref.letter_id, key, counted)
        self._queries[ref.id] = (key, counted)
        return counted

    @staticmethod
    def _context_key(ref: Reference, keys: Mapping[int, str]) -> str:
        return (
            f"{TERMS_VERSION}|{keys.get(ref.letter_id, '')}|{ref.letter_id}|{ref.location}|{ref.footnote_number}|"
            f"{ref.start}|{ref.end}|{ref.raw}"
        )

    def _context(self, ref: Reference, letters: dict[int, Letter]) -> str:
        if ref.letter_id not in letters:
            letters[ref.letter_id] = self.library.get_letter(ref.letter_id)
        return context_of(ref, letters[ref.letter_id])

    def _store(
        self,
        refs: Sequence[Reference],
        final: Sequence[Resolution],
        claims: Mapping[int, tuple[str, str]],
        stats: WordStats | None = None,
    ) -> None:
        with self.db.atomic():
            stored = self._stored_claims()
            for letter_id in _claims_changed(stored, claims):
                canonical, reason = claims.get(letter_id, (None, None))
                letters_repo.set_inferred(self.db, letter_id, canonical, reason)
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
            if stats is not None:
                text = json.dumps(
                    {"letters": stats.letters, "size": stats.size, "terms": {t: [n, stats.df[t]] for t, n in stats.collection.items()}},
                    ensure_ascii=False, separators=(",", ":"),
                )  # fmt: skip
                meta_repo.put(self.db, STATS_KEY, text)

    def _stored_claims(self) -> dict[int, tuple[str, str]]:
        return letters_repo.inferred_claims(self.db)

    def _stored_stats(self) -> WordStats | None:
        """The word statistics the stored suggestions were ranked with (parsed once per change of the
        stored text, which a restored backup or another process may bring)."""
        value = meta_repo.get(self.db, STATS_KEY)
        if value is None:
            return None
        digest = hashlib.blake2b(value.encode(), digest_size=16).hexdigest()
        if self._stats is None or self._stats[0] != digest:
            data = json.loads(value)
            terms_ = data["terms"]
            stats = WordStats(
                int(data["letters"]), int(data["size"]), {t: v[0] for t, v in terms_.items()}, {t: v[1] for t, v in terms_.items()}
            )
            self._stats = (digest, stats)
        return self._stats[1]

    def _all_facts(self) -> list[LetterFacts]:
        """Every letter's facts, by id; a letter is read only when its term counts are not cached (in
        memory, or on disk for the next process: see :mod:`.cache`, whose counts are read when first
        used)."""
        hashes = letters_repo.content_hashes(self.db)  # both from covering indexes
        rows = letters_repo.facts_rows(self.db)
        out: list[LetterFacts] = []
        stored: dict[int, tuple[str, bytes]] | None = None
        counted: list[tuple[int, str, Mapping[str, int]]] = []
        for letter_id, source_file, date, kamerstuk, subject in rows:
            key = _terms_key(hashes[letter_id], subject)
            name = source_file.rsplit(".", 1)[0] if "." in source_file else source_file
            cached = self._terms.get(letter_id)
            if cached is None or cached[0] != key:
                if stored is None:
                    stored = self._cache.letters()
                hit = stored.get(letter_id)
                if hit is not None and hit[0] == key:
                    out.append(
                        StoredFacts(letter_id, name, date, kamerstuk, hit[1], self._counter(letter_id), self._keeper(letter_id, key))
                    )  # fmt: skip
                    continue
                cached = (key, facts_of(self.library.get_letter(letter_id)).terms)
                counted.append((letter_id, key, cached[1]))
                self._terms[letter_id] = cached
            out.append(LetterFacts(letter_id, name, date, kamerstuk, cached[1]))
        if counted:
            self._cache.put_letters(counted)
        return out

    def _counter(self, letter_id: int) -> Callable[[], Mapping[str, int]]:
        return lambda: facts_of(self.library.get_letter(letter_id)).terms

    def _keeper(self, letter_id: int, key: str) -> Callable[[Mapping[str, int]], None]:
        def keep(terms_: Mapping[str, int]) -> None:
            self._terms[letter_id] = (key, terms_)

        return keep

    def _facts(self, letter: Letter) -> LetterFacts:
        """Facts of a letter (as it is stored now)."""
        key = _terms_key(letter.content_hash, letter.subject)
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
        """What the letter cites: its head first (``Letter.head``), then the body, then footnotes, in text order."""
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
        with self._recording(Label("Linked citation #{0} {1} to {2}", reference_id, f"“{ref.raw}”", target.name)):
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
        with self._recording(Label("Rejected {0} for citation #{1} {2}", target.name, reference_id, f"“{ref.raw}”")):
            self.reject_key(reference_key(ref), target.id)
        return self.get(reference_id)

    def reject_key(self, key: str, letter_id: int) -> None:
        """The user says: what was cited as ``key`` (a canonical id, or a normalised citation) is not
        the letter. Every citation of it is resolved again without that letter."""
        with self.db.atomic():
            repo.record_decision(self.db, key, letter_id, "rejected")
        self.pending.keys.add(key)
        self.resolve_pending()

    # -- helpers -------------------------------------------------------------------------------------
    def _recording(self, label: Label) -> Any:
        """The Library's record of one change (its history: undo, redo), when it keeps one."""
        recording = getattr(self.library, "recording", None)
        return recording(label, transaction=False) if recording is not None else nullcontext()

    def _set_kamerstuk(self, letter: Letter, canonical: str) -> None:
        """Through the Library (it updates the search index and re-resolves every reference)."""
        self.library.set_kamerstuk(letter.id, canonical)

    def _letter(self, letter: LetterArg) -> Letter:
        return letter if isinstance(letter, Letter) else self.library.get_letter(letter)

    def _letter_id(self, letter: LetterArg) -> int:
        if isinstance(letter, Letter):
            return letter.id
        return int(self._letter(letter).id)


def citation_rows(letter: Letter, links: Sequence[tuple[Span, str]] = ()) -> list[dict[str, Any]]:
    """The rows to store for a letter: the document's own links (gold: their target is the id), then the
    body citations the parser finds outside them, then each footnote's, then the letter head's citing
    fields' (``Letter.head``: "Uw kenmerk 2022Z20676"; location "head", spans into the head text)."""
    sources: list[tuple[str, int | None, str]] = [("body", None, letter.text)]
    sources += [("footnote", note.number, note.text) for note in letter.footnotes]
    if letter.head:
        sources.append(("head", None, letter.head))
    rows = [gold_row(letter.text, span, target) for span, target in links if target != letter.kamerstuk]
    taken = [span for span, _ in links]
    for location, number, text in sources:
        for citation in parse_citations(text):
            if letter.kamerstuk and citation.canonical == letter.kamerstuk:
                continue  # the document naming itself
            if location == "body" and any(s < citation.span[1] and citation.span[0] < e for s, e in taken):
                continue  # the document's own link says what this is
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


GOLD_KINDS = {"kst": "kamerstuk", "ah": "aanhangsel", "h": "handelingen", "stb": "staatsblad", "stcrt": "staatscourant"}


def gold_row(text: str, span: Span, target: str) -> dict[str, Any]:
    """A citation row for an explicit link of the document (official XML ``extref``) to ``target``."""
    raw = text[span[0] : span[1]]
    same = [c for c in parse_citations(raw) if c.canonical == target]  # the words agree: keep their fields
    return {
        "location": "body",
        "footnote_number": None,
        "start": span[0],
        "end": span[1],
        "raw": raw,
        "kind": same[0].kind if same else GOLD_KINDS.get(target.split("-", 1)[0], "document"),
        "canonical": target,
        "fields": {**(same[0].fields if same else {}), "link": target},
    }


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
    the footnote plus the body sentence carrying the footnote's marker for a footnote citation; for a
    citation in the letter head the rest of its head field plus the letter's subject (the head field
    says what the letter answers: "Uw kenmerk ...")."""
    if letter is None:
        return ""
    if ref.location == "body":
        return sentence_around(letter.text, ref.start, ref.end)
    if ref.location == "head":
        line_start = letter.head.rfind("\n", 0, ref.start) + 1
        line_end = letter.head.find("\n", ref.end)
        line_end = len(letter.head) if line_end < 0 else line_end
        own = letter.head[line_start : ref.start] + " " + letter.head[ref.end : line_end]
        return own + " " + (letter.subject or "")
    note = next((n for n in letter.footnotes if n.number == ref.footnote_number), None)
    if note is None:
        return ""
    own = note.text[: ref.start] + " " + note.text[ref.end :]
    if note.marker:
        own += " " + sentence_around(letter.text, note.marker[0], note.marker[1])
    return own


def _terms_key(content_hash: str, subject: str | None) -> str:
    """What a letter's term counts are counted from (a letter stored anew drops its cached counts)."""
    return f"{TERMS_VERSION}|{content_hash}|{subject or ''}"


def _propagated(ref: Reference) -> bool:
    """Whether the stored resolution came from another citation of the same document (``propagate``)."""
    return ref.status == "resolved" and ref.reason.startswith(PROPAGATED_REASON)


def _stored_resolution(ref: Reference) -> Resolution:
    return Resolution(ref.status, ref.target_letter_id, ref.confidence, ref.reason, ref.suggestions)


def _shares_enough(context: Mapping[str, int], letter: LetterFacts, common: Collection[str]) -> bool:
    """Whether the letter holds at least MIN_SHARED_TERMS of the context's words that are not words of
    ordinary prose (a cheap test that lets through every letter the content ranking could suggest:
    its query holds only such words of the context)."""
    held = letter.terms
    return sum(1 for t in context if t in held and t not in common) >= MIN_SHARED_TERMS


def _content_ranked(ref: Reference) -> bool:
    """Whether the citation's resolution may come from the content ranking (its stored status is one
    the ranking gives; resolved ones came from a rule that wins before it)."""
    return bool(ref.canonical) and ref.kind in LIBRARY_KINDS and ref.status in ("suggested", "missing")


def _moved_bounds(
    change: Change, refs: Sequence[Reference], facts: Mapping[int, LetterFacts], resolver: Resolver
) -> dict[str, tuple[AnchorTable, AnchorTable]]:
    """For each dossier whose date anchors the change altered: its anchor table before and after."""
    now = []
    for letter_id in change.letters:
        if letter_id in facts:
            own = [r for r in refs if r.letter_id == letter_id]
            now += anchors_of(own, facts[letter_id].kamerstuk, facts[letter_id].date)
    out = {}
    for series in {a[0] for a in now} | {a[0] for a in change.before_anchors}:
        after = resolver.anchors(series)
        before = Counter(after)
        before.subtract(Counter((n, w) for s, n, w in now if s == series))
        before.update((n, w) for s, n, w in change.before_anchors if s == series)
        out[series] = (anchor_table(before.elements()), anchor_table(after))
    return out


def _bounds_moved(ref: Reference, moved: Mapping[str, tuple[AnchorTable, AnchorTable]]) -> bool:
    """Whether the dates the cited document can have moved (only a citation without a date of its
    own, numbered in a dossier whose anchors changed)."""
    position = dossier_position(ref)
    if not position or position[0] not in moved or cited_date(ref):
        return False
    before, after = moved[position[0]]
    return anchor_bounds(before, position[1]) != anchor_bounds(after, position[1])


def _claims_changed(before: Mapping[int, tuple[str, str]], after: Mapping[int, tuple[str, str]]) -> set[int]:
    """The letters whose inferred own id (or its reason) differs."""
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


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
    return MissingDocument(
        canonical, refs[0].kind, len(refs), places, status, suggestions, tuple(ref.id for ref in refs)
    )
