"""Properties of the text cleaner (hypothesis).

Page noise, as defined in desktop_app/core/importing/cleaning.py: artefact lines, whitespace, the
hyphen of a word broken at a line end, the letter-head block (metadata). Footnote blocks are not
lost: they move to ``footnotes`` (number + text). So for input without artefact lines and without a
letter head, the non-whitespace characters of body + footnotes (numbers included) are exactly those
of the input, less some line-end hyphens.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.core.importing import cleaning, parse_text
from desktop_app.core.importing import metadata as meta
from desktop_app.core.superscript import plain_digits, superscript

WORD_CHARS = "abcdeéëfghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789"
words = st.text(alphabet=WORD_CHARS + ".,;:()’-%€", min_size=1, max_size=14)
lines = st.one_of(
    st.lists(words, min_size=1, max_size=14).map(" ".join),
    st.lists(words, min_size=1, max_size=14).map(lambda ws: " ".join(ws) + "-"),  # line-end hyphen
    st.sampled_from(["", " ", "  ", "\t"]),
    st.tuples(st.integers(1, 12), st.lists(words, min_size=1, max_size=8)).map(
        lambda t: f"{t[0]} " + " ".join(t[1])  # footnote-like line
    ),
)
documents = st.lists(lines, min_size=0, max_size=60).map("\n".join)


def _nonspace(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _has_noise(text: str) -> bool:
    all_lines = text.split("\n")
    if meta.parse_header(all_lines).body_start:
        return True
    _, removed = cleaning.remove_artefacts(all_lines)
    return bool(removed) or any(meta.MASTHEAD.match(ln) or set(ln.strip()) <= set("_-") and len(ln.strip()) >= 5 for ln in all_lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_parse_text_never_raises_on_any_text(text: str):
    letter = parse_text(text, source_file="x.txt", content_hash="0")
    assert isinstance(letter.text, str)
    for start, end in letter.headings:
        assert 0 <= start <= end <= len(letter.text)
    for note in letter.footnotes:
        if note.marker:
            assert letter.text[note.marker[0] : note.marker[1]] == superscript(note.number)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
@example("Een beperk-\ntere looptijd in de defensie-\nindustrie en de defensie-industrie.1\n\n1 Zie Kamerstuk 28 676.")
def test_cleaner_loses_only_page_noise(text: str):
    if _has_noise(text):
        return
    letter = parse_text(text, source_file="x.txt", content_hash="0")
    out = _nonspace(plain_digits(letter.text))  # markers are superscripts: "2024⁵" was "20245"
    for note in letter.footnotes:
        out += _nonspace(str(note.number) + note.text)
    lost = _nonspace(text) - out
    gained = out - _nonspace(text)
    assert not gained, gained
    assert set(lost) <= {"-"}, lost
    line_end_hyphens = sum(1 for ln in text.split("\n") if ln.endswith("-"))
    assert lost["-"] <= line_end_hyphens
    # structure: clean paragraphs, spans inside the text
    assert "\n\n\n" not in letter.text
    assert letter.text == letter.text.strip()
    for start, end in letter.headings:
        assert letter.text[start:end].strip() == letter.text[start:end]
    assert list(letter.page_starts) == sorted(letter.page_starts)
    assert all(0 <= p <= len(letter.text) for p in letter.page_starts)


def test_example_moves_footnote_and_joins_broken_word():
    text = "Een beperk-\ntere looptijd in de defensie-\nindustrie en de defensie-industrie.1\n\n1 Zie Kamerstuk 28 676."
    letter = parse_text(text, source_file="x.txt", content_hash="0")
    assert letter.text == "Een beperktere looptijd in de defensie-industrie en de defensie-industrie.¹"
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Zie Kamerstuk 28 676.")]
