"""The resolver on plain data: each rule, each exclusion, and content ranking on the real seed letters."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.importing import read_file
from desktop_app.core.model import Letter, Reference
from desktop_app.core.references.parser import parse_citations
from desktop_app.core.references.resolver import STOPWORDS, Decisions, LetterFacts, Resolver, letter_terms, terms
from desktop_app.core.references.service import context_of, facts_of
from tests.conftest import seed_path


def ref(text: str, letter_id: int = 1, ref_id: int = 1, **extra: Any) -> Reference:
    (citation,) = parse_citations(text)
    return Reference(
        id=ref_id,
        letter_id=letter_id,
        location="body",
        footnote_number=None,
        start=citation.span[0],
        end=citation.span[1],
        raw=citation.text,
        kind=citation.kind,
        canonical=citation.canonical,
        fields={**citation.fields, **extra},
    )


def letter(letter_id: int, date: str | None = None, kamerstuk: str | None = None, text: str = "NAVO") -> LetterFacts:
    """A letter's facts; by default its text mentions the subject of dossier 28 676 (NAVO)."""
    return LetterFacts(letter_id, f"letter{letter_id}", date, kamerstuk, Counter(terms(text)))


def test_own_kamerstuk_id_resolves_with_full_confidence() -> None:
    resolver = Resolver([letter(1), letter(2, kamerstuk="kst-28676-467")])
    res = resolver.resolve(ref("Kamerstuk 28 676, nr. 467"))
    assert (res.status, res.target_letter_id, res.confidence) == ("resolved", 2, 1.0)
    assert res.reason == "own Kamerstuk id of letter2"


def test_the_only_letter_of_the_cited_date_resolves() -> None:
    resolver = Resolver([letter(1), letter(2, "2024-10-03"), letter(3, "2024-11-08")])
    res = resolver.resolve(ref("Kamerstuk 28 676, nr. 467 van 3 oktober 2024"))
    assert (res.status, res.target_letter_id, res.confidence) == ("resolved", 2, 0.9)
    assert res.reason == "the only letter dated 3 oktober 2024"


def test_two_letters_of_that_date_do_not_resolve_by_date() -> None:
    resolver = Resolver([letter(1), letter(2, "2024-10-03"), letter(3, "2024-10-03")])
    res = resolver.resolve(ref("Kamerstuk 28 676, nr. 467 van 3 oktober 2024"))
    assert res.status in ("suggested", "missing")
    assert res.target_letter_id is None


def test_a_context_date_resolves_with_lower_confidence() -> None:
    resolver = Resolver([letter(1), letter(2, "2024-01-25")])
    res = resolver.resolve(ref("Aanhangsel Handelingen II 2023/24, nr. 872", context_date="2024-01-25"))
    assert (res.status, res.target_letter_id, res.confidence) == ("resolved", 2, 0.8)


def test_a_letter_with_another_official_id_is_not_the_cited_one() -> None:
    resolver = Resolver([letter(1), letter(2, "2024-10-03", kamerstuk="kst-28676-466")])
    res = resolver.resolve(ref("Kamerstuk 28 676, nr. 467 van 3 oktober 2024"))
    assert res.status == "missing"


def test_user_decisions_confirm_and_reject() -> None:
    letters = [letter(1), letter(2, "2024-10-03"), letter(3)]
    cited = ref("Kamerstuk 28 676, nr. 467 van 3 oktober 2024")
    confirmed = Resolver(letters, Decisions(confirmed={"kst-28676-467": 3})).resolve(cited)
    assert (confirmed.status, confirmed.target_letter_id) == ("confirmed", 3)
    rejected = Resolver(letters, Decisions(rejected={"kst-28676-467": frozenset({2})})).resolve(cited)
    assert rejected.target_letter_id is None
    assert 2 not in [s[0] for s in rejected.suggestions]


def test_decisions_on_a_citation_without_id_use_its_text() -> None:
    resolver = Resolver([letter(1), letter(2)], Decisions(confirmed={"motie-Segers c.s.": 2}))
    res = resolver.resolve(ref("de motie-Segers\nc.s. vraagt"))
    assert (res.status, res.target_letter_id) == ("confirmed", 2)


def test_external_kinds() -> None:
    resolver = Resolver([letter(1), letter(2, "2024-04-01")])
    for text in ("COM(2024) 150", "Stb. 2024, 88", "Activiteitnummer 2024A01333", "(Kamerstuk 35 925 X)"):
        assert resolver.resolve(ref(text)).status == "external", text


def test_a_letter_citing_the_same_document_is_not_that_document() -> None:
    shared = " ".join(["capaciteitsdoelstellingen navo capability targets"] * 20)
    # the library's other words: the three letters explain the context far better than the library does
    unrelated = letter(4, text=" ".join(["pensioenfondsen toeslagen zorgverzekeraars belastingdienst"] * 250))
    letters = [letter(1, text=shared), letter(2, text=shared), letter(3, text=shared), unrelated]
    other = ref("Kamerstuk 28 676, nr. 472", letter_id=2, ref_id=2)
    resolver = Resolver(letters, refs=[other])
    res = resolver.resolve(ref("Kamerstuk 28 676, nr. 472"), context=shared)
    assert [s[0] for s in res.suggestions] == [3]


def test_ondernummers_grow_with_time_within_a_dossier() -> None:
    # nr. 464 is known to be of 5 augustus 2024: nr. 440 is older, so a letter of 3 oktober 2024 is not
    # it, nor an undated letter that itself cites something of 3 oktober 2024.
    words = "vilnius navo plannen"
    anchor = ref("Kamerstuk 28 676, nr. 464 van 5 augustus 2024", letter_id=9, ref_id=2)
    younger = ref("Kamerstuk 28 676, nr. 467 van 3 oktober 2024", letter_id=3, ref_id=3)
    letters = [letter(1, text=words), letter(2, "2024-10-03", text=words), letter(3, text=words),
               letter(4, "2024-06-01", text=words), letter(9, "2024-12-01")]  # fmt: skip
    resolver = Resolver(letters, refs=[anchor, younger])
    cited = ref("Kamerstuk 28 676, nr. 440", letter_id=9)
    assert resolver.date_bounds(cited) == (None, "2024-08-05")
    assert {x.id for x in resolver.eligible(cited)} == {1, 4}


def test_vergaderjaar_and_citing_date_bound_the_candidates() -> None:
    letters = [letter(1, "2024-05-01"), letter(2, "2010-03-01"), letter(3, "2011-03-01"), letter(4, "2009-01-01")]
    cited = ref("Kamerstukken II 2009/10, 27 858, nr. 88", letter_id=1)
    assert {x.id for x in Resolver(letters).eligible(cited)} == {2}
    later = ref("Kamerstuk 27 858, nr. 88", letter_id=4)  # cited by a letter of 2009: not from 2010
    assert {x.id for x in Resolver(letters).eligible(later)} == set()


def test_propagation_to_citations_of_the_same_document() -> None:
    letters = [letter(1), letter(2, "2024-10-03"), letter(3)]
    dated = ref("Kamerstuk 28 676, nr. 467 van 3 oktober 2024", letter_id=1, ref_id=1)
    bare = ref("Kamerstuk 28 676, nr. 467", letter_id=3, ref_id=2)
    resolver = Resolver(letters, refs=[dated, bare])
    first = [resolver.resolve(dated), resolver.resolve(bare)]
    assert first[1].status != "resolved"
    final = resolver.propagate([dated, bare], first)
    assert (final[1].status, final[1].target_letter_id) == ("resolved", 2)
    assert final[1].confidence < first[0].confidence
    assert "the only letter dated 3 oktober 2024" in final[1].reason


def _seed_letter(prefix: str, letter_id: int) -> Letter:
    parsed = read_file(seed_path(prefix))
    fields = {k: getattr(parsed, k) for k in ("source_file", "content_hash", "source_format", "text", "footnotes",
                                              "date", "subject", "chamber", "kind", "kamerstuk")}  # fmt: skip
    return Letter(id=letter_id, **fields)


def test_content_alone_ranks_the_ct25_letter_first_for_seed_004_footnote_1() -> None:
    """No elimination here: every other letter is a candidate, and the context's words decide."""
    seeds = {i + 1: _seed_letter(f"00{i}", i + 1) for i in range(5)}
    resolver = Resolver([facts_of(x) for x in seeds.values()])
    citing = seeds[5]  # 004
    (note,) = [n for n in citing.footnotes if n.number == 1]
    (citation,) = parse_citations(note.text)
    cited = Reference(1, 5, "footnote", 1, *citation.span, citation.text, citation.kind, citation.canonical,
                      {})  # no date: no date-based exclusion either  # fmt: skip
    candidates = [facts_of(x) for x in seeds.values() if x.id != 5]
    ranked = resolver.suggest(cited, context_of(cited, citing), candidates)
    assert ranked[0][0] == 1  # seed 000, the CT25 letter
    assert "capaciteitsdoelstellingen" in ranked[0][2]


def test_letter_terms_fold_accents_and_drop_stopwords() -> None:
    counts = letter_terms("De Oekraïne en de NAVO-bondgenoten.", "Geïnformeerd", ["Kamerstuk 28 676"])
    assert counts["oekraine"] == 1 and counts["bondgenoten"] == 1 and counts["geinformeerd"] == 3
    assert "kamerstuk" not in counts and "de" not in counts


def test_a_citation_of_the_citing_letters_own_id_is_not_missing() -> None:
    resolver = Resolver([letter(1, kamerstuk="kst-28676-472"), letter(2, kamerstuk="kst-28676-472")])
    res = resolver.resolve(ref("Kamerstuk 28 676, nr. 472", letter_id=1))
    assert (res.status, res.target_letter_id) == ("resolved", 1)
    assert "names itself" in res.reason


def _terms_by_character(text: str) -> list[str]:
    """terms() as first written: every character of the NFKD form checked for a combining mark."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [w for w in re.findall(r"[a-z]{4,}", folded) if w not in STOPWORDS]


@settings(max_examples=300, derandomize=True)
@given(st.text(alphabet=st.sampled_from("abcdeéëïóöüçñøßﬁ½⁵ -\u0301\u0308AZÉÏ\n.,") | st.characters(), max_size=200))
def test_terms_equal_the_character_by_character_definition(text: str) -> None:
    assert terms(text) == _terms_by_character(text)


def test_terms_of_the_seed_letters_equal_the_character_by_character_definition() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        letter = read_file(seed_path(prefix))
        assert terms(letter.text) == _terms_by_character(letter.text)
        assert any(not ch.isascii() for ch in letter.text)  # accents to fold
