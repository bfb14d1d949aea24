"""Find in a letter: case, accents and white space do not count; spans point at the letter's own text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.importing import read_file
from desktop_app.core.textfind import find_all, fold

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "letters"


def seed_text(prefix: str) -> str:
    return read_file(next(SEEDS.glob(f"{prefix}_*.txt"))).text


def test_accents_and_case_do_not_count_in_a_seed_letter() -> None:
    text = seed_text("001")
    spans = find_all(text, "oekraine")
    assert spans, "seed 001 mentions Oekraïne"
    assert all(text[s:e].lower() in ("oekraïne", "oekraine") for s, e in spans)
    assert len(spans) == text.lower().count("oekraïne") + text.lower().count("oekraine")


def test_a_phrase_over_a_line_break_is_found() -> None:
    text = "de Defence\nInvestment   Pledge van de NAVO"
    assert find_all(text, "defence investment pledge") == [(text.index("Defence"), text.index(" van"))]


def test_matches_do_not_overlap_and_an_empty_query_finds_nothing() -> None:
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]
    assert find_all("tekst", "   ") == []


def test_a_ligature_and_sharp_s_match_their_letters() -> None:
    text = "de ﬁnanciering en Straße"
    assert [text[s:e] for s, e in find_all(text, "financiering")] == ["ﬁnanciering"]
    assert [text[s:e] for s, e in find_all(text, "strasse")] == ["Straße"]


@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=8))
def test_every_span_folds_to_the_query(text: str, query: str) -> None:
    needle = fold(query.strip())[0]
    for start, end in find_all(text, query):
        assert 0 <= start < end <= len(text)
        assert needle in fold(text[start:end])[0] or needle.strip() in fold(text[start:end])[0]


@given(st.text(alphabet="abcAB éË\n", max_size=30), st.text(alphabet="abé", min_size=1, max_size=3))
def test_spans_are_in_order_and_apart(text: str, query: str) -> None:
    spans = find_all(text, query)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
