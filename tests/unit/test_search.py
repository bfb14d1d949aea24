"""Full-text search on the seed letters: Dutch analysis, query language, filters, fragments, notes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput
from desktop_app.core.importing import read_file
from desktop_app.core.model import Annotation, IndexDoc, Letter, SearchFragment, SearchResults
from desktop_app.core.search import SearchIndex
from desktop_app.core.search.analysis import DutchAnalyzer, collect_terms, fold, terms_of

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "letters"

# Themes of the test library: 1 = Oekraïne, 2 = Financiering/2%-norm (child of 3), 3 = Financiering
THEME_PATHS = {1: "Steun aan Oekraïne", 2: "Financiering/2%-norm", 3: "Financiering"}


def seed_letters() -> list[Letter]:
    letters = []
    for number, path in enumerate(sorted(SEEDS.glob("*.txt")), start=1):
        parsed = read_file(path)
        fields = {f.name: getattr(parsed, f.name) for f in dataclasses.fields(parsed)}
        fields.pop("warnings"), fields.pop("links")  # importer-only fields
        letters.append(Letter(id=number, **fields))
    return letters


LETTERS = seed_letters()
BY_ID = {letter.id: letter for letter in LETTERS}


def annotations() -> dict[int, tuple[Annotation, ...]]:
    """Two annotated letters: notes with words that occur in no letter ("zeppelinvloot")."""
    first, third = LETTERS[0], LETTERS[2]
    return {
        first.id: (
            Annotation(id=101, letter_id=first.id, start=0, end=10, quote=first.text[:10],
                       note="Vragen over de zeppelinvloot en Oekraïne", theme_ids=(1,)),
        ),
        third.id: (
            Annotation(id=301, letter_id=third.id, start=0, end=10, quote=third.text[:10],
                       note="", theme_ids=(2,)),
            Annotation(id=302, letter_id=third.id, start=20, end=30, quote=third.text[20:30],
                       note="Nagaan bij FIN: zeppelinvloten in de begroting?", theme_ids=(3,)),
        ),
    }


def index_docs() -> list[IndexDoc]:
    notes = annotations()
    return [IndexDoc(letter, notes.get(letter.id, ()), THEME_PATHS) for letter in LETTERS]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    ix = SearchIndex(tmp_path_factory.mktemp("lib") / "index")
    docs = index_docs()
    ix.rebuild(docs, len(docs))
    yield ix
    ix.close()


def ids(results: SearchResults) -> set[int]:
    return {hit.letter_id for hit in results.hits}


def containing(pattern: str) -> set[int]:
    """Letters whose body, subject, footnotes or annotation notes match ``pattern`` (on folded text)."""
    regex = re.compile(pattern)
    notes = annotations()
    found = set()
    for letter in LETTERS:
        texts = [letter.text, letter.subject or ""] + [f.text for f in letter.footnotes]
        texts += [a.note for a in notes.get(letter.id, ())]
        if any(regex.search(fold(t)) for t in texts):
            found.add(letter.id)
    return found


# -- analysis ---------------------------------------------------------------------------------------
def test_analyzer_folds_accents_drops_stop_words_and_stems() -> None:
    assert terms_of("Oekraïne") == terms_of("Oekraine") == terms_of("OEKRAINE")
    assert terms_of("capaciteitsdoelstellingen") == terms_of("capaciteitsdoelstelling")
    assert terms_of("de minister van Defensie") == terms_of("minister Defensie")
    assert terms_of("NAVO-ministers") == terms_of("NAVO ministers")
    assert terms_of("2%-norm") == ["2", "norm"]


@pytest.mark.parametrize("text", ["Oekraïne en ÆSIR, Straße", "plain ascii", "", "İstanbul ĳs é"])
def test_folding_long_texts_by_non_ascii_runs_equals_folding_all(text: str) -> None:
    from desktop_app.core.search.analysis import fold_text

    assert fold_text(text) == fold(text)


@pytest.mark.parametrize("text", [l.text for l in LETTERS] + ["Straße, Æsir en Œuvre: İstanbul-overleg"])
def test_the_indexing_fast_path_gives_the_analyzers_terms_and_offsets(text: str) -> None:
    fast = {term: list(zip(*lists)) for term, lists in collect_terms(text).items()}
    slow: dict[str, list[tuple[int, int, int]]] = {}
    for token in DutchAnalyzer()(text, positions=True, chars=True):
        slow.setdefault(token.text, []).append((token.pos, token.startchar, token.endchar - token.startchar))
    assert fast == slow


@pytest.mark.parametrize(
    "text",
    [l.text for l in LETTERS]
    + ["Straße, Æsir en Œuvre: İstanbul-overleg", "", "  -- ", "de het een", "o.a. 2%-norm 2%-norm o.a.",
       "navo " * 70_000 + "Oekraïne"],
)
def test_the_vectorised_payloads_equal_the_analyzers_terms_and_offsets(text: str) -> None:
    from desktop_app.core.search.formats import FastCharacters, term_payloads

    found = term_payloads(text)
    assert len({term for term, _, _ in found}) == len(found)
    decode = FastCharacters().decode_characters
    fast = {term: [(p, s, e - s) for p, s, e in decode(payload)] for term, _, payload in found}
    assert all(n == len(fast[term]) for term, n, _ in found)
    slow: dict[str, list[tuple[int, int, int]]] = {}
    for token in DutchAnalyzer()(text, positions=True, chars=True):
        slow.setdefault(token.text, []).append((token.pos, token.startchar, token.endchar - token.startchar))
    assert fast == slow


# -- words, accents, stemming -------------------------------------------------------------------
def test_accented_and_plain_spelling_find_the_same_letters(index: SearchIndex) -> None:
    plain, accented = index.search("Oekraine", limit=50), index.search("oekraïne", limit=50)
    assert ids(plain) == ids(accented) == containing(r"oekraine\b")
    assert plain.total == len(ids(plain)) > 0


def test_singular_finds_letters_that_only_have_the_plural(index: SearchIndex) -> None:
    only_plural = containing(r"capaciteitsdoelstellingen") - containing(r"capaciteitsdoelstelling\b")
    assert only_plural, "the seeds should have a letter with only the plural"
    found = ids(index.search("capaciteitsdoelstelling", limit=50))
    assert only_plural <= found
    assert found == containing(r"capaciteitsdoelstelling(en)?\b")


def test_footnote_markers_do_not_glue_to_words(index: SearchIndex) -> None:
    # seed 000: "... analyse van deze capaciteitsdoelstellingen3." (marker 3)
    letter = LETTERS[0]
    marker = next(f.marker for f in letter.footnotes if f.number == 3)
    assert marker is not None
    hit = next(h for h in index.search("capaciteitsdoelstellingen").hits if h.letter_id == letter.id)
    spans = {s for frag in hit.fragments if frag.field == "body" for s in frag.highlights}
    assert any(end == marker[0] for _, end in spans) or hit.match_count >= len(
        re.findall("capaciteitsdoelstellingen", letter.text)
    )


def test_superscript_markers_are_not_part_of_the_word_before() -> None:
    assert terms_of("op 17-18 oktober 2024⁵ geïnformeerd") == terms_of("op 17-18 oktober 2024 geïnformeerd")
    assert terms_of("vierjaarlijkse NAVO-Defensieplanningsproces (NDPP)¹.") == terms_of(
        "vierjaarlijkse NAVO-Defensieplanningsproces (NDPP)."
    )
    assert terms_of("de Defensienota¹² en de begroting¹³") == terms_of("de Defensienota en de begroting")
    assert terms_of("¹ ² ³ ⁴⁵⁶⁷⁸⁹⁰") == []


def _body_highlights(results: SearchResults, letter: Letter) -> list[str]:
    """The text around each body highlight of ``letter``: the word plus the character after it."""
    hit = next(h for h in results.hits if h.letter_id == letter.id)
    return [letter.text[s : e + 1] for f in hit.fragments if f.field == "body" for s, e in f.highlights]


@pytest.mark.parametrize("blanked", [True, False], ids=["markers-known", "markers-unknown"])
def test_words_before_a_superscript_marker_are_found(tmp_path: Path, blanked: bool) -> None:
    # seed 000: "op 17-18 oktober 2024⁵ geïnformeerd"; seed 003: "(NDPP)¹." Without footnotes the
    # index cannot blank the markers: the analyzer alone must separate "2024" from "⁵".
    letters = LETTERS if blanked else [dataclasses.replace(l, footnotes=()) for l in LETTERS]
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild([IndexDoc(l, (), THEME_PATHS) for l in letters], len(letters))
    try:
        seed000, seed003 = letters[0], letters[3]
        assert "17-18 oktober 2024⁵ geïnformeerd" in seed000.text and "(NDPP)¹" in seed003.text
        years = ix.search("2024", limit=50)
        assert "2024⁵" in _body_highlights(years, seed000)
        assert seed000.id in ids(ix.search('"oktober 2024 geïnformeerd"'))
        assert "NDPP)" in _body_highlights(ix.search("NDPP", limit=50), seed000)
        ndpp = _body_highlights(ix.search("NDPP", limit=50), seed003)
        assert "NDPP)" in ndpp
        assert seed003.id in ids(ix.search('"Defence Planning Process NDPP"', limit=50))
    finally:
        ix.close()


# -- phrases, operators, prefix, fuzzy ------------------------------------------------------------
def test_phrase_finds_exactly_the_letters_containing_it(index: SearchIndex) -> None:
    expected = containing(r"defence\s+investment\s+pledge")
    assert expected
    results = index.search('"Defence Investment Pledge"', limit=50)
    assert ids(results) == expected
    for hit in results.hits:
        marked = [BY_ID[hit.letter_id].text[s:e] for f in hit.fragments if f.field == "body"
                  for s, e in f.highlights]
        assert marked and all(" ".join(m.split()).lower() == "defence investment pledge" for m in marked)


def test_phrase_is_stricter_than_its_words(index: SearchIndex) -> None:
    words = ids(index.search("investment pledge defence", limit=50))
    phrase = ids(index.search('"pledge investment defence"', limit=50))
    assert phrase < words or (not phrase and words)


def test_hyphenated_compound_is_searched_as_a_phrase(index: SearchIndex) -> None:
    found = ids(index.search("NAVO-ministers", limit=50))
    assert containing(r"navo[- ]ministers") <= found


def test_and_or_not(index: SearchIndex) -> None:
    navo = ids(index.search("NAVO", limit=50))
    ukraine = ids(index.search("Oekraine", limit=50))
    pledge = ids(index.search("pledge", limit=50))
    assert ids(index.search("Oekraine AND pledge", limit=50)) == ukraine & pledge
    assert ids(index.search("Oekraine pledge", limit=50)) == ukraine & pledge
    assert ids(index.search("Oekraine OR pledge", limit=50)) == ukraine | pledge
    assert ids(index.search("Oekraine NOT pledge", limit=50)) == ukraine - pledge
    assert ids(index.search("NAVO NIET pledge", limit=50)) == navo - pledge
    assert ids(index.search("(pledge OF zeppelinvloot) EN NAVO", limit=50)) == (pledge | {1, 3}) & navo


def test_prefix_matches_word_starts(index: SearchIndex) -> None:
    found = index.search("oekraï*", limit=50)
    assert ids(found) == containing(r"\boekrai")
    words = {fold(f.text[s - f.start:e - f.start]) for h in found.hits for f in h.fragments
             for s, e in f.highlights}
    assert words and all(w.startswith("oekrai") for w in words)
    assert any(w.startswith("oekraiens") for w in words)


def test_fuzzy_tolerates_a_typing_error(index: SearchIndex) -> None:
    assert ids(index.search("Oekrane~", limit=50)) == ids(index.search("Oekraine", limit=50))
    assert not index.search("Oekrane", limit=50).hits


# -- filters and sorting ---------------------------------------------------------------------------
def test_filters_by_year_chamber_and_theme(index: SearchIndex) -> None:
    everything = ids(index.search("defensie", limit=50))
    in_2024 = {l.id for l in LETTERS if (l.date or "").startswith("2024")}
    assert in_2024 and ids(index.search("defensie", year=2024, limit=50)) == everything & in_2024
    eerste = {l.id for l in LETTERS if l.chamber == "Eerste Kamer"}
    assert eerste
    for spelling in ("Eerste Kamer", "eerste kamer", "ek"):
        assert ids(index.search("defensie", chamber=spelling, limit=50)) == everything & eerste
    assert ids(index.search("defensie", theme_ids=[1], limit=50)) == {1}
    assert ids(index.search("defensie", theme_ids=[2, 3], limit=50)) == {3}
    assert ids(index.search("defensie", theme_ids=[2], year=1999, limit=50)) == set()


def test_sort_by_date_puts_newest_first_and_undated_last(index: SearchIndex) -> None:
    hits = index.search("defensie", sort="date", limit=50).hits
    dates = [h.date for h in hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 2
    assert dates[: len(dated)] == dated  # undated letters come after the dated ones
    assert all(h.score > 0 for h in hits)  # the relevance score is still given


def test_limit_and_total(index: SearchIndex) -> None:
    results = index.search("defensie", limit=2)
    assert len(results.hits) == 2
    assert results.total == len(ids(index.search("defensie", limit=50))) > 2


def test_relevance_prefers_the_subject(index: SearchIndex) -> None:
    hits = index.search("geannoteerde agenda", limit=50).hits
    with_subject = {l.id for l in LETTERS if "geannoteerde agenda" in (l.subject or "").lower()}
    assert with_subject and {h.letter_id for h in hits[: len(with_subject)]} == with_subject


# -- fragments -------------------------------------------------------------------------------------
def test_a_subject_match_shows_the_whole_subject(index: SearchIndex) -> None:
    # "Defensie" sits in the middle of "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie op ..."
    for hit in index.search("bijeenkomst", limit=50).hits:
        subject = BY_ID[hit.letter_id].subject or ""
        shown = [f for f in hit.fragments if f.field == "subject"]
        if "bijeenkomst" in subject.lower():
            assert [(f.start, f.end, f.text) for f in shown] == [(0, len(subject), subject)]


def source_of(fragment: SearchFragment, letter: Letter, notes: dict[int, str]) -> str:
    if fragment.field == "body":
        return letter.text
    if fragment.field == "subject":
        return letter.subject or ""
    if fragment.field == "footnote":
        return next(f.text for f in letter.footnotes if f.number == fragment.footnote_number)
    return notes[fragment.annotation_id or -1]


@pytest.mark.parametrize("query", ["Oekraine", "capaciteitsdoelstelling", "NAVO", "kamerstuk", "oekra*"])
def test_fragment_offsets_point_at_the_matched_terms(index: SearchIndex, query: str) -> None:
    notes = {a.id: a.note for group in annotations().values() for a in group}
    stem = terms_of(query.rstrip("*"))[0]
    results = index.search(query, limit=50)
    assert results.hits
    for hit in results.hits:
        assert hit.fragments and hit.match_count >= sum(len(f.highlights) for f in hit.fragments)
        for fragment in hit.fragments:
            source = source_of(fragment, BY_ID[hit.letter_id], notes)
            assert source[fragment.start:fragment.end] == fragment.text
            assert fragment.highlights
            for start, end in fragment.highlights:
                assert fragment.start <= start < end <= fragment.end
                term = terms_of(source[start:end])
                assert term and term[0].startswith(stem)


def test_footnotes_are_searched_and_located(index: SearchIndex) -> None:
    # seed 000, footnote 4: "Ter vertrouwelijke inzage gelegd ... Centraal Informatiepunt Tweede Kamer"
    results = index.search("informatiepunt")
    expected = {l.id for l in LETTERS if any("informatiepunt" in f.text.lower() for f in l.footnotes)}
    assert ids(results) == expected
    frag = next(f for h in results.hits for f in h.fragments if f.field == "footnote")
    letter = BY_ID[results.hits[0].letter_id]
    text = next(f.text for f in letter.footnotes if f.number == frag.footnote_number)
    (start, end), = frag.highlights
    assert text[start:end].lower() == "informatiepunt"


# -- annotation notes ----------------------------------------------------------------------------
def test_note_words_find_the_annotation_and_its_letter(index: SearchIndex) -> None:
    results = index.search("zeppelinvloot")
    assert ids(results) == {1, 3}
    found = {(h.letter_id, f.annotation_id) for h in results.hits for f in h.fragments if f.field == "note"}
    assert found == {(1, 101), (3, 302)}
    for hit in results.hits:
        for f in hit.fragments:
            start, end = f.highlights[0]
            assert terms_of(f.text[start - f.start:end - f.start]) == terms_of("zeppelinvloot")


def test_theme_names_are_searchable_by_field(index: SearchIndex) -> None:
    assert ids(index.search("thema:financiering", limit=50)) == {3}
    assert ids(index.search("notitie:begroting", limit=50)) == {3}


# -- changes -----------------------------------------------------------------------------------------
def test_update_and_delete(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "index")
    docs = index_docs()
    ix.rebuild(docs, len(docs))
    letter = LETTERS[1]
    assert letter.id not in ids(ix.search("zeppelinvloot"))
    note = Annotation(id=201, letter_id=letter.id, start=0, end=5, quote=letter.text[:5],
                      note="Ook hier de zeppelinvloot", theme_ids=(1,))
    ix.update(IndexDoc(letter, (note,), THEME_PATHS))
    assert ids(ix.search("zeppelinvloot")) == {1, 2, 3}
    assert letter.id in ids(ix.search("defensie", theme_ids=[1], limit=50))
    changed = dataclasses.replace(letter, text=letter.text + "\n\nExtra alinea over hyperloops.")
    ix.update(IndexDoc(changed, (), THEME_PATHS))
    assert ids(ix.search("hyperloop")) == {letter.id}
    assert ids(ix.search("zeppelinvloot")) == {1, 3}
    assert ix.doc_count() == len(LETTERS)
    ix.delete(letter.id)
    assert not ix.search("hyperloop").hits
    assert ix.doc_count() == len(LETTERS) - 1
    assert ix.check() is None
    ix.close()
    reopened = SearchIndex(tmp_path / "index")
    assert reopened.check() is None and reopened.doc_count() == len(LETTERS) - 1
    reopened.close()


# -- malformed queries -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query, words",
    [
        ("", "search for"),
        ("   ", "search for"),
        ('"Defence Investment', "quote"),
        ("(navo OR eu", "brackets"),
        ("navo)", "brackets"),
        ("navo OR", "needs a search term"),
        ("AND navo", "needs a search term"),
        ("navo AND OR eu", "needs a search term"),
        ("NOT", "needs a search term"),
        ("*raine", "end of a word"),
        ("o*", "at least 2"),
        ("de het van", "stop words"),
        ("date:[2024 TO", "brackets"),
    ],
)
def test_malformed_queries_raise_invalid_input(index: SearchIndex, query: str, words: str) -> None:
    with pytest.raises(InvalidInput) as err:
        index.search(query)
    assert words in err.value.message


def test_bad_sort_and_limit(index: SearchIndex) -> None:
    with pytest.raises(InvalidInput):
        index.search("navo", sort="title")
    with pytest.raises(InvalidInput):
        index.search("navo", limit=0)
