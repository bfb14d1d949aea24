"""Decide what a stored citation points to. Plain data in, :class:`Resolution` out; no database.

Rules, in order (the first that applies wins):

1. the user confirmed a letter for what was cited (``reference_decisions``) -> "confirmed";
2. a letter's own Kamerstuk id equals the canonical id -> "resolved", confidence 1.0;
3. citations of kinds that cannot be a letter in a library (EU documents, Staatsblad, open-data numbers,
   whole dossiers) -> "external";
4. the citation gives a date ("van 3 oktober 2024", or a date right before its parenthesis) and exactly
   one letter in the library carries that date and is eligible -> "resolved", 0.9 (0.8 for a context date);
5. content suggestions -> "suggested" with ``suggestions`` best first; else "missing". The evidence is
   the citing context (the sentence around the citation; for a footnote, the footnote plus the body
   sentence carrying its marker) without the words of ordinary parliamentary prose (the bundled
   :mod:`.vocabulary`): its *distinctive* words. An eligible letter is suggested only when it
   - shares at least MIN_SHARED_TERMS distinctive words with the context;
   - holds at least MIN_COVERAGE of the context's distinctive weight (each word weighed by its idf in
     the library) when its date agrees with a date the citation gives (within DATE_WINDOW_DAYS), else
     (undated, or the citation gives no date: nothing but its content speaks for it) STRONG_COVERAGE;
   - explains the context better than the library as a whole does, by more than MIN_GAIN a word (the log
     likelihood ratio of the context under the letter's word distribution, Dirichlet-smoothed, against
     the library's): a long letter shares many words with anything by chance, and this tells;
   Its confidence grows with the number of shared words (full at FULL_EVIDENCE_TERMS) and the share of
   the context's weight it holds, capped below a resolved link's; ties are ranked by query likelihood
   (Dirichlet smoothing). See docs/CITATIONS.md, "Suggestions", for the precision measured.

A letter is *eligible* for a citation when none of these rules it out:
- it is the citing letter, or the user rejected it for what was cited;
- it has its own official id (kst-/ah-/h-) and that id is another one;
- it cites the same document itself (a letter does not cite its own id);
- the letter's own id is *inferred* as another official id (see :attr:`Resolver.claims`);
- the cited dossier's subject is known (the bundled :mod:`.vocabulary`: 28 676 is NAVO) and the letter
  does not mention it (this holds for the date rule too: a letter of the cited day about something
  else is not the document);
- its date is more than DATE_WINDOW_DAYS from the cited date, lies outside the cited vergaderjaar, or
  lies after the citing letter;
- dates bound the citation: ondernummers in a dossier grow with time, so a cited kst-28676-440 is older
  than a kst-28676-464 cited "van 5 augustus 2024"; a letter is never older than what it cites. A letter
  that must be younger than the latest date the cited document can have is ruled out.

After every citation is resolved on its own, :meth:`Resolver.propagate` lets citations of one document
agree: when all resolved/confirmed citations of a canonical id point to one letter, the others follow.

A letter's own id is *inferred* (:attr:`Resolver.claims`) when citations with an explicit date and an
official id resolve to it by the date rule (4), for one id only, and no other letter gets that id so:
000's "Kamerstuk 28 676, nr. 467 van 3 oktober 2024" makes letter 003 kst-28676-467. The claims are
taken before any citation is resolved (with the eligibility rules minus this one), so they do not
depend on each other.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from functools import cached_property
from itertools import accumulate

from desktop_app.core.model import LINKED_STATUSES, Reference
from desktop_app.core.references.parser import normalise_raw
from desktop_app.core.references.vocabulary import Vocabulary, bundled_vocabulary

# Kinds whose documents can be letters in a library; all other kinds are "external".
LIBRARY_KINDS = frozenset({"kamerstuk", "aanhangsel", "handelingen", "kamerbrief", "motie"})
# Canonical ids in the official publication namespace: a document has exactly one of these.
OFFICIAL_PREFIXES = ("kst-", "ah-", "h-")
RESOLVED = LINKED_STATUSES
EXTERNAL_LABELS = {
    "eu": "EU document", "staatsblad": "Staatsblad publication", "staatscourant": "Staatscourant publication",
    "activiteit": "Tweede Kamer activity", "zaak": "Tweede Kamer case", "document": "Tweede Kamer document number",
    "dossier": "whole dossier",
}  # fmt: skip

DATE_CONFIDENCE = 0.9
CONTEXT_DATE_CONFIDENCE = 0.8
PROPAGATED_FACTOR = 0.95
PROPAGATED_REASON = "same document as cited elsewhere ("  # how a propagated resolution's reason starts
MAX_SUGGESTION_CONFIDENCE = 0.75
MIN_SHARED_TERMS = 3  # distinctive words a suggested letter must share with the citing context
MIN_COVERAGE = 0.15  # share of the context's distinctive (idf) weight a letter of the cited date must hold
STRONG_COVERAGE = 0.3  # ... and any other letter
MIN_GAIN = 0.2  # log likelihood ratio a context word, letter against library, a suggestion must exceed
FULL_EVIDENCE_TERMS = 6  # shared distinctive words for full confidence
DATE_WINDOW_DAYS = 3  # a dated candidate for a dated citation: at most this many days apart
MAX_SUGGESTIONS = 5
DIRICHLET_MU = 300.0

MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december")  # fmt: skip

STOPWORDS = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar daarom dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is
    ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons
    ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie
    wil worden wordt zal ze zelf zich zij zijn zo zonder zou zullen zoals waarbij waarin waarover hierover
    daarbij daarnaast echter tijdens binnen tussen verder nader eerder eerste tweede deel onze
    kamer kamerstuk kamerstukken kamerbrief brief brieven vergaderjaar handelingen aanhangsel motie
    minister ministers staatssecretaris geachte voorzitter hoogachtend bijlage zie
    januari februari maart april juni juli augustus september oktober november december
    """.split()
)


@dataclass(frozen=True)
class LetterFacts:
    """What the resolver needs to know about one letter of the library."""

    id: int
    name: str
    date: str | None = None
    kamerstuk: str | None = None
    terms: Mapping[str, int] = field(default_factory=dict)  # term -> frequency (subject counted thrice)

    @cached_property
    def length(self) -> int:
        return sum(self.terms.values())


@dataclass(frozen=True)
class Decisions:
    """The user's decisions, by cited key (canonical id, else normalised raw text)."""

    confirmed: Mapping[str, int] = field(default_factory=dict)  # key -> letter id
    rejected: Mapping[str, frozenset[int]] = field(default_factory=dict)  # key -> letter ids


@dataclass(frozen=True)
class Resolution:
    status: str  # "resolved" | "confirmed" | "suggested" | "missing" | "external"
    target_letter_id: int | None = None
    confidence: float = 0.0
    reason: str = ""
    suggestions: tuple[tuple[int, float, str], ...] = ()


@dataclass(frozen=True)
class WordStats:
    """The library's word statistics the content ranking smooths and weighs with: how many letters,
    how many words in all, and per term its count in the library and in how many letters it occurs."""

    letters: int = 0
    size: int = 1
    collection: Mapping[str, int] = field(default_factory=dict)
    df: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, letters: Iterable[LetterFacts]) -> WordStats:
        collection: Counter[str] = Counter()
        df: Counter[str] = Counter()
        count = 0
        for letter in letters:
            count += 1
            collection.update(letter.terms)
            df.update(letter.terms.keys())
        return cls(count, sum(collection.values()) or 1, dict(collection), dict(df))


def reference_key(ref: Reference) -> str:
    """What a stored citation is about: its canonical id, else its whitespace-normalised text."""
    return ref.canonical or normalise_raw(ref.raw)


def dutch_date(iso: str) -> str:
    """ "2024-10-03" -> "3 oktober 2024"."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}"


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_WORD = re.compile(r"[a-z]{4,}")


def _drop_combining(match: re.Match[str]) -> str:
    return "".join(ch for ch in match.group() if not unicodedata.combining(ch))


def terms(text: str) -> list[str]:
    """Content words: lower case, accents folded, split at hyphens, at least 4 letters, no stop words.
    (Combining marks are looked for only among the non-ASCII characters: the same result, 5x faster.)"""
    folded = _NON_ASCII.sub(_drop_combining, unicodedata.normalize("NFKD", text.lower()))
    return [w for w in _WORD.findall(folded) if w not in STOPWORDS]


def letter_terms(text: str, subject: str | None, footnotes: Iterable[str] = ()) -> Counter[str]:
    counts = Counter(terms(text))
    for note in footnotes:
        counts.update(terms(note))
    for _ in range(3):
        counts.update(terms(subject or ""))
    return counts


def cited_date(ref: Reference) -> str | None:
    return ref.fields.get("date") or ref.fields.get("context_date")


def dossier_position(ref: Reference) -> tuple[str, int] | None:
    """ ("28676", 464) for a numbered Kamerstuk citation (ondernummers in a dossier grow with time)."""
    if not ref.canonical or not ref.canonical.startswith("kst-"):
        return None
    number = str(ref.fields.get("ondernummer", ""))
    if not number.isdigit():
        return None
    series = "-".join(x for x in (ref.fields.get("dossier"), ref.fields.get("toevoeging")) if x)
    return series, int(number)


_OWN_KST = re.compile(r"kst-(\d+)(?:-([A-Z0-9]+))?-(\d+)")


AnchorTable = tuple[list[int], list[str], list[str]]


def anchors_of(refs: Iterable[Reference], kamerstuk: str | None, date: str | None) -> list[tuple[str, int, str]]:
    """The date anchors (dossier series, ondernummer, date) a letter gives: its dated numbered Kamerstuk
    citations, and its own numbered Kamerstuk id when it has a date."""
    out = []
    for ref in refs:
        when = cited_date(ref)
        position = dossier_position(ref) if when else None
        if position and when:
            out.append((position[0], position[1], when))
    match = _OWN_KST.fullmatch(kamerstuk) if kamerstuk and date else None
    if match and date:
        out.append(("-".join(x for x in match.group(1, 2) if x), int(match.group(3)), date))
    return out


def anchor_table(anchors: Iterable[tuple[int, str]]) -> AnchorTable:
    """A dossier's anchors (ondernummer, date) sorted by number, with the latest date up to each and the
    earliest from each on."""
    ordered = sorted(anchors)
    numbers = [n for n, _ in ordered]
    latest_below = list(accumulate((w for _, w in ordered), max))
    earliest_above = list(accumulate((w for _, w in reversed(ordered)), min))[::-1]
    return numbers, latest_below, earliest_above


def anchor_bounds(table: AnchorTable, number: int) -> tuple[str | None, str | None]:
    """The latest date among the dossier's lower numbers and the earliest among its higher ones."""
    numbers, latest_below, earliest_above = table
    below = bisect_left(numbers, number)  # anchors [0, below) have lower numbers
    above = bisect_right(numbers, number)  # anchors [above, end) have higher ones
    return (latest_below[below - 1] if below else None), (earliest_above[above] if above < len(numbers) else None)


class Resolver:
    """Resolves citations against one snapshot of the library: its letters, every stored citation
    (they tell dates of cited documents and what each letter cites) and the user's decisions."""

    def __init__(
        self,
        letters: Sequence[LetterFacts],
        decisions: Decisions | None = None,
        refs: Sequence[Reference] = (),
        stats: WordStats | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.letters = list(letters)
        self.vocabulary = vocabulary if vocabulary is not None else bundled_vocabulary()
        self.by_id = {letter.id: letter for letter in self.letters}
        self.decisions = decisions or Decisions()
        self.stats = stats if stats is not None else WordStats.of(self.letters)
        self._collection = self.stats.collection
        self._df = self.stats.df
        self._collection_size = self.stats.size
        self._cites: dict[int, set[str]] = {}  # letter id -> canonical ids it cites
        self._anchors: dict[str, list[tuple[int, str]]] = {}  # dossier -> (ondernummer, date)
        self._earliest: dict[int, str] = {}  # undated letter id -> the latest date among what it cites
        for ref in refs:
            self._learn(ref)
        for letter in self.letters:
            if letter.date and letter.kamerstuk:
                self._learn_anchor(letter.kamerstuk, letter.date)
        self._anchor_tables: dict[str, AnchorTable] = {}
        # lookups (each keeps the letters' order): by own id, by date, and positions sorted by date
        self._by_kamerstuk: dict[str, list[LetterFacts]] = {}
        self._on_date: dict[str, list[LetterFacts]] = {}
        for letter in self.letters:
            if letter.kamerstuk:
                self._by_kamerstuk.setdefault(letter.kamerstuk, []).append(letter)
            if letter.date:
                self._on_date.setdefault(letter.date, []).append(letter)
        dated = sorted((letter.date, i) for i, letter in enumerate(self.letters) if letter.date)
        self._dates = [date for date, _ in dated]
        self._by_date_order = [i for _, i in dated]
        self._undated = [i for i, letter in enumerate(self.letters) if not letter.date]
        self.claims: dict[int, tuple[str, str]] = {}  # letter id -> (inferred own id, why)
        self.claims = self._claims_of(refs)

    def _claims_of(self, refs: Iterable[Reference]) -> dict[int, tuple[str, str]]:
        """Inferred own ids (see the module's docstring): letter id -> (official id, reason)."""
        found: dict[int, dict[str, Reference]] = {}  # letter -> official id -> first citation
        holders: dict[str, set[int]] = {}
        for ref in refs:
            canonical = ref.canonical
            if not (canonical and canonical.startswith(OFFICIAL_PREFIXES) and ref.fields.get("date")):
                continue
            if canonical in self._by_kamerstuk or reference_key(ref) in self.decisions.confirmed:
                continue
            same_day = [letter for letter in self._on_date.get(ref.fields["date"], ()) if letter.id != ref.letter_id]
            if len(same_day) != 1:  # the date rule cannot hold: no need to find the eligible letters
                continue
            res = self._by_date(ref, self.eligible(ref))
            if res is None or res.target_letter_id is None or self.by_id[res.target_letter_id].kamerstuk:
                continue
            found.setdefault(res.target_letter_id, {}).setdefault(canonical, ref)
            holders.setdefault(canonical, set()).add(res.target_letter_id)
        claims = {}
        for letter_id, cited in found.items():
            if len(cited) == 1:
                ((canonical, ref),) = cited.items()
                if len(holders[canonical]) == 1:
                    citing = self.by_id[ref.letter_id].name if ref.letter_id in self.by_id else "a letter"
                    when = dutch_date(ref.fields["date"])
                    claims[letter_id] = (canonical, f'{citing} cites "{normalise_raw(ref.raw)}": the only letter dated {when}')
        return claims

    def _learn(self, ref: Reference) -> None:
        if ref.canonical:
            self._cites.setdefault(ref.letter_id, set()).add(ref.canonical)
        when = cited_date(ref)
        if not when:
            return
        if when > self._earliest.get(ref.letter_id, ""):
            self._earliest[ref.letter_id] = when
        position = dossier_position(ref)
        if position:
            self._anchors.setdefault(position[0], []).append((position[1], when))

    def _learn_anchor(self, kamerstuk: str, when: str) -> None:
        match = _OWN_KST.fullmatch(kamerstuk)
        if match:
            series = "-".join(x for x in match.group(1, 2) if x)
            self._anchors.setdefault(series, []).append((int(match.group(3)), when))

    # -- the rules -----------------------------------------------------------------------------------
    def resolve(self, ref: Reference, context: str | Counter[str] = "") -> Resolution:
        key = reference_key(ref)
        confirmed = self.decisions.confirmed.get(key)
        if confirmed is not None and confirmed in self.by_id and confirmed != ref.letter_id:
            name = self.by_id[confirmed].name
            return Resolution("confirmed", confirmed, 1.0, f"confirmed by the user as {name}")
        citing = self.by_id.get(ref.letter_id)
        if ref.canonical and citing and citing.kamerstuk == ref.canonical:  # e.g. an id set after import
            return Resolution("resolved", citing.id, 1.0, f"the letter's own id ({citing.name} names itself)")
        own = self._by_own_kamerstuk(ref)
        if own:
            return own
        if ref.kind not in LIBRARY_KINDS:
            label = EXTERNAL_LABELS.get(ref.kind, ref.kind)
            return Resolution("external", reason=f"{label}: not a letter, cannot be in the library")
        eligible = self.eligible(ref)
        by_date = self._by_date(ref, eligible)
        if by_date:
            return by_date
        if not ref.canonical:
            return Resolution("missing", reason="no identifier to look for")
        suggestions = self.suggest(ref, context, eligible)
        if suggestions:
            return Resolution("suggested", suggestions=suggestions, reason="similar content")
        return Resolution("missing", reason="no letter in the library matches")

    def _excluded(self, ref: Reference) -> frozenset[int]:
        return frozenset({ref.letter_id}) | self.decisions.rejected.get(reference_key(ref), frozenset())

    def eligible(self, ref: Reference) -> list[LetterFacts]:
        earliest, latest = self.date_bounds(ref)
        if earliest or latest:  # the dated letters between the bounds (found by date), and the undated
            low = bisect_left(self._dates, earliest) if earliest else 0
            high = bisect_right(self._dates, latest) if latest else len(self._dates)
            positions = sorted(self._undated + self._by_date_order[low:high])
            letters: Iterable[LetterFacts] = (self.letters[i] for i in positions)
        else:
            letters = self.letters
        excluded = self._excluded(ref)
        official = bool(ref.canonical and ref.canonical.startswith(OFFICIAL_PREFIXES))
        return [letter for letter in letters if self._admits(ref, letter, excluded, official, earliest, latest)]

    def admits(self, ref: Reference, letter: LetterFacts, *, loose: bool = False) -> bool:
        """Whether ``letter`` is eligible for the citation (see the module's docstring). ``loose``
        leaves out the rules that depend on what the letter itself cites (for a letter's former state,
        whose citations are gone): it may admit more, never fewer."""
        official = bool(ref.canonical and ref.canonical.startswith(OFFICIAL_PREFIXES))
        return self._admits(ref, letter, self._excluded(ref), official, *self.date_bounds(ref), loose=loose)

    def _admits(
        self, ref: Reference, letter: LetterFacts, excluded: frozenset[int], official: bool,
        earliest: str | None, latest: str | None, *, loose: bool = False,
    ) -> bool:  # fmt: skip
        if letter.id in excluded:
            return False
        if official and letter.kamerstuk and letter.kamerstuk.startswith(OFFICIAL_PREFIXES):
            if letter.kamerstuk != ref.canonical:
                return False
        if letter.date and not (earliest or letter.date) <= letter.date <= (latest or letter.date):
            return False
        subject = self.dossier_subject(ref)
        if subject and not any(letter.terms.get(word) for word in subject[1]):
            return False
        if loose:
            return True
        if official and letter.id in self.claims and self.claims[letter.id][0] != ref.canonical:
            return False
        if ref.canonical and ref.canonical in self._cites.get(letter.id, ()):
            return False
        return not (not letter.date and latest and self._earliest.get(letter.id, "") > latest)

    def date_bounds(self, ref: Reference) -> tuple[str | None, str | None]:
        """The earliest and latest date the cited document can have."""
        exact = cited_date(ref)
        citing = self.by_id.get(ref.letter_id)
        if exact:
            low, high = _shift(exact, -DATE_WINDOW_DAYS), _shift(exact, DATE_WINDOW_DAYS)
            if citing and citing.date and citing.date < high:
                high = max(exact, citing.date)
            return low, high
        earliest: str | None = None
        latest: str | None = None
        window = _vergaderjaar_window(ref.fields.get("vergaderjaar"))
        if window:
            earliest, latest = window
        if citing and citing.date:
            latest = min(latest, citing.date) if latest else citing.date
        position = dossier_position(ref)
        if position and position[0] in self._anchors:
            before, after = self._anchor_bounds(position[0], position[1])
            if before and (earliest is None or before > earliest):
                earliest = before
            if after and (latest is None or after < latest):
                latest = after
        return earliest, latest

    def anchors(self, series: str) -> list[tuple[int, str]]:
        return list(self._anchors.get(series, ()))

    def _anchor_bounds(self, series: str, number: int) -> tuple[str | None, str | None]:
        table = self._anchor_tables.get(series)
        if table is None:
            table = self._anchor_tables[series] = anchor_table(self._anchors[series])
        return anchor_bounds(table, number)

    def _by_own_kamerstuk(self, ref: Reference) -> Resolution | None:
        if not ref.canonical:
            return None
        excluded = self._excluded(ref)
        for letter in self._by_kamerstuk.get(ref.canonical, ()):
            if letter.id not in excluded:
                return Resolution("resolved", letter.id, 1.0, f"own Kamerstuk id of {letter.name}")
        return None

    def _by_date(self, ref: Reference, eligible: Sequence[LetterFacts]) -> Resolution | None:
        when = ref.fields.get("date")
        confidence = DATE_CONFIDENCE
        if not when:
            when, confidence = ref.fields.get("context_date"), CONTEXT_DATE_CONFIDENCE
        if not when:
            return None
        same_day = [letter for letter in self._on_date.get(when, ()) if letter.id != ref.letter_id]
        if len(same_day) != 1 or same_day[0].id not in {letter.id for letter in eligible}:
            return None  # none, several (then "the only letter" would be false), or ruled out
        return Resolution("resolved", same_day[0].id, confidence, f"the only letter dated {dutch_date(when)}")

    def propagate(self, refs: Sequence[Reference], resolutions: Sequence[Resolution]) -> list[Resolution]:
        """Citations of the same canonical id agree: when every resolved/confirmed citation of an id
        points to one letter, the other citations of that id for which the letter is eligible follow."""
        best: dict[str, Resolution] = {}
        conflicting: set[str] = set()
        for ref, res in zip(refs, resolutions, strict=True):
            if not ref.canonical or res.status not in RESOLVED or res.target_letter_id is None:
                continue
            known = best.get(ref.canonical)
            if known and known.target_letter_id != res.target_letter_id:
                conflicting.add(ref.canonical)
            elif not known or res.confidence > known.confidence:
                best[ref.canonical] = res
        out = []
        for ref, res in zip(refs, resolutions, strict=True):
            source = best.get(ref.canonical or "")
            if res.status in RESOLVED or source is None or ref.canonical in conflicting:
                out.append(res)
            elif source.target_letter_id not in {letter.id for letter in self.eligible(ref)}:
                out.append(res)
            else:
                confidence = round(PROPAGATED_FACTOR * source.confidence, 3)
                reason = f"{PROPAGATED_REASON}{source.reason})"
                out.append(Resolution("resolved", source.target_letter_id, confidence, reason))
        return out

    # -- content similarity --------------------------------------------------------------------------
    def suggest(
        self, ref: Reference, context: str | Counter[str], eligible: Sequence[LetterFacts]
    ) -> tuple[tuple[int, float, str], ...]:
        """The eligible letters the context's distinctive words point to (rule 5 of the module's
        docstring), best first, with the words they share, most telling first. ``context``: the text,
        or its :func:`terms` already counted."""
        query = self.query(context, ref.letter_id)
        if not query or not eligible:
            return ()
        return self.rank(ref, query, eligible)

    def rank(
        self, ref: Reference, query: Counter[str], letters: Iterable[LetterFacts]
    ) -> tuple[tuple[int, float, str], ...]:
        """The best MAX_SUGGESTIONS of ``letters`` (each taken as eligible) for a query: each letter is
        scored on its own, so the best of a set are the best of the best of its parts."""
        scored = []
        for letter in letters:
            evidence = self._evidence(ref, query, letter)
            if evidence is None:
                continue
            log_likelihood, coverage, shared = evidence
            strength = min(1.0, len(shared) / FULL_EVIDENCE_TERMS) * min(1.0, 2 * coverage)
            confidence = round(MAX_SUGGESTION_CONFIDENCE * strength, 3)
            scored.append((-confidence, -log_likelihood, letter.id, "shares " + ", ".join(shared[:5])))
        scored.sort()
        return tuple((letter_id, -neg, why) for neg, _, letter_id, why in scored[:MAX_SUGGESTIONS])

    def query(self, context: str | Counter[str], citing: int | None = None) -> Counter[str]:
        """The context's distinctive words (a text, or its :func:`terms` already counted): those not
        common in parliamentary prose that the library knows, outside the citing letter when given
        (a word only the citing letter uses is no evidence for or against any other letter)."""
        counted = Counter(terms(context)) if isinstance(context, str) else context
        common = self.vocabulary.common
        own = self.by_id[citing].terms if citing in self.by_id else {}
        return Counter(
            {t: n for t, n in counted.items() if self._collection.get(t, 0) > own.get(t, 0) and t not in common}
        )

    def is_candidate(self, ref: Reference, query: Counter[str], letter: LetterFacts) -> bool:
        """Whether ``letter`` would be suggested for a context with this query (eligibility aside).
        A letter that is not changes nothing in the context's suggestions (each is scored on its own)."""
        return bool(query) and self._evidence(ref, query, letter) is not None

    def dossier_subject(self, ref: Reference) -> tuple[str, frozenset[str]] | None:
        """The cited dossier's subject and its words, when known (28676: NAVO)."""
        return self.vocabulary.dossiers.get(str(ref.fields.get("dossier", "")))

    def _evidence(self, ref: Reference, query: Counter[str], letter: LetterFacts) -> tuple[float, float, list[str]] | None:
        """(log likelihood ratio, coverage, shared words) when the letter may be suggested, else None."""
        log_likelihood, shared = self._likelihood(query, letter)
        if len(shared) < MIN_SHARED_TERMS:
            return None
        coverage = self._coverage(query, shared)
        if coverage < (MIN_COVERAGE if letter.date and cited_date(ref) else STRONG_COVERAGE):
            return None
        if log_likelihood <= MIN_GAIN * sum(query.values()):
            return None
        return log_likelihood, coverage, shared

    def _likelihood(self, query: Counter[str], letter: LetterFacts) -> tuple[float, list[str]]:
        """log P(context | letter) - log P(context | library), and the shared terms, most telling first."""
        mu = DIRICHLET_MU
        total = 0.0
        gains: list[tuple[float, str]] = []
        for term, count in query.items():
            background = self._collection.get(term, 0) / self._collection_size
            gain = math.log(1 + letter.terms.get(term, 0) / (mu * background))
            if gain > 0:
                gains.append((gain, term))
            total += count * gain
        total += sum(query.values()) * math.log(mu / (letter.length + mu))
        gains.sort(reverse=True)
        return total, [term for _, term in gains]

    def _coverage(self, query: Counter[str], shared: Sequence[str]) -> float:
        n = self.stats.letters
        weight = {t: math.log(1 + n / self._df[t]) for t in query}
        whole = sum(weight.values())
        return sum(weight[t] for t in shared) / whole if whole else 0.0


def _shift(iso: str, days: int) -> str:
    """An ISO date moved by ``days`` (the date itself when it is not a valid date)."""
    try:
        return (Date.fromisoformat(iso) + timedelta(days=days)).isoformat()
    except ValueError:
        return iso


def _vergaderjaar_window(vj: str | None) -> tuple[str, str] | None:
    """A vergaderjaar runs from September to September: "20232024" -> ("2023-09-01", "2024-09-30")."""
    if not vj or len(vj) != 8 or not vj.isdigit():
        return None
    return f"{vj[:4]}-09-01", f"{vj[4:]}-09-30"
