"""Re-attaching annotations to changed letter texts (seed letters, edited the ways letters change)."""

from __future__ import annotations

import re

import pytest

from desktop_app.core import anchoring
from desktop_app.core.importing import read_file
from desktop_app.core.model import Annotation
from tests.conftest import seed_path


@pytest.fixture(scope="module")
def text() -> str:
    return read_file(seed_path("000")).text


@pytest.fixture(scope="module")
def long_text() -> str:
    return read_file(seed_path("004")).text


def annotation_on(text: str, quote: str, occurrence: int = 1) -> Annotation:
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    sel = anchoring.select(text, start, start + len(quote))
    return Annotation(
        id=1, letter_id=1, start=sel.start, end=sel.end, quote=sel.quote, prefix=sel.prefix,
        suffix=sel.suffix, text_hash=sel.text_hash,
    )  # fmt: skip


def test_selectors(text: str) -> None:
    ann = annotation_on(text, "Minimum Capability Requirements")
    assert len(ann.prefix) == 32 and len(ann.suffix) == 32
    assert text[ann.start - 32 : ann.start] == ann.prefix
    assert ann.text_hash == anchoring.text_hash(text) != anchoring.text_hash(text + " ")


def test_same_text_keeps_offsets(text: str) -> None:
    ann = annotation_on(text, "Political Guidance")
    anchor = anchoring.reanchor(ann, text)
    assert (anchor.start, anchor.end, anchor.status, anchor.method) == (ann.start, ann.end, "anchored", "hash")


def test_paragraph_added_before_moves_the_passage(text: str) -> None:
    ann = annotation_on(text, "Minimum Capability Requirements (MCR)")
    new = "Een nieuwe inleidende alinea over iets anders.\n\n" + text
    start, end, status, score = anchoring.reanchor(ann, new)
    assert new[start:end] == ann.quote and status == "anchored" and score == 1.0
    assert start == ann.start + len("Een nieuwe inleidende alinea over iets anders.\n\n")


def test_repeated_quote_is_told_apart_by_its_context(text: str) -> None:
    assert text.count("NAVO") >= 4
    ann = annotation_on(text, "NAVO", occurrence=3)
    # a sentence with "NAVO" in it lands just before the passage: the old offset now points into
    # the new sentence, but only the original occurrence has the stored prefix and suffix
    extra = "Ook de NAVO zelf. "
    at = ann.start - len(ann.prefix)
    new = text[:at] + extra + text[at:]
    anchor = anchoring.reanchor(ann, new)
    assert anchor.method == "exact"
    assert anchor.start == ann.start + len(extra)


def test_rewrapped_lines_and_hyphenation(text: str) -> None:
    quote = "gebaseerd op de afschrikkings- en verdedigingsplannen van de NAVO"
    ann = annotation_on(text, quote)
    rewrapped = text.replace(quote, "gebaseerd op de\nafschrikkings-  en verdedigings-\nplannen van de NAVO")
    anchor = anchoring.reanchor(ann, rewrapped)
    assert anchor.status == "anchored" and anchor.method == "normalised"
    assert rewrapped[anchor.start : anchor.end] == "gebaseerd op de\nafschrikkings-  en verdedigings-\nplannen van de NAVO"


def test_edit_inside_the_quote_is_found_fuzzily(long_text: str) -> None:
    match = re.search(r"[^.]{120,260}\.", long_text[2000:])
    assert match
    quote = match.group(0).strip()
    ann = annotation_on(long_text, quote)
    words = quote.split()
    edited_quote = " ".join(words[:3] + ["nadrukkelijk"] + words[3:-2] + ["ook", words[-1]])
    new = "Nieuwe alinea.\n\n" + long_text.replace(quote, edited_quote)
    anchor = anchoring.reanchor(ann, new)
    assert anchor.status == "anchored" and anchor.method == "fuzzy"
    assert anchoring.FUZZY_THRESHOLD <= anchor.score < 1
    found = new[anchor.start : anchor.end]
    assert found.split()[0] == words[0] and found.rstrip(".").split()[-1] == words[-1].rstrip(".")


def test_removed_passage_becomes_an_orphan_keeping_its_quote(text: str) -> None:
    paragraphs = text.split("\n\n")
    target = paragraphs[1]
    ann = annotation_on(text, target[10:90])
    new = "\n\n".join(p for p in paragraphs if p != target)
    anchor = anchoring.reanchor(ann, new)
    assert (anchor.status, anchor.start, anchor.end, anchor.score) == ("orphan", ann.start, ann.end, 0.0)


def test_short_quote_changed_is_an_orphan_not_a_wrong_match(text: str) -> None:
    ann = annotation_on(text, "CT25")
    new = text.replace("CT25", "CT27")
    assert anchoring.reanchor(ann, new).status == "orphan"


def test_all_annotations_of_a_letter_survive_a_reflowed_version(long_text: str) -> None:
    """Annotate every 7th sentence; the new version re-wraps lines at 70 columns and drops a paragraph
    in the middle: every annotation outside the dropped paragraph is re-attached to the same words."""
    sentences = [m for m in re.finditer(r"[A-Z][^.\n]{30,200}\.", long_text)][::7]
    assert len(sentences) >= 5
    anns = [annotation_on(long_text, m.group(0)) for m in sentences]
    paragraphs = long_text.split("\n\n")
    dropped = max(paragraphs, key=len)
    kept = [p for p in paragraphs if p != dropped]
    import textwrap

    new = "\n\n".join(textwrap.fill(p, 70) for p in kept)
    for ann in anns:
        anchor = anchoring.reanchor(ann, new)
        if ann.quote in dropped:
            assert anchor.status == "orphan", ann.quote
        else:
            assert anchor.status == "anchored", ann.quote
            assert new[anchor.start : anchor.end].split() == ann.quote.split()


def test_a_quote_typed_without_its_footnote_markers_is_found(text: str) -> None:
    # seed 000 reads "17-18 oktober 2024⁵ geïnformeerd" and "NDPP Review.¹ Met": nobody types the ⁵
    for typed, marked in (
        ("17-18 oktober 2024 geïnformeerd", "17-18 oktober 2024⁵ geïnformeerd"),
        ("tweejaarlijkse NDPP Review. Met deze", "tweejaarlijkse NDPP Review.¹ Met deze"),
    ):
        assert marked in text
        spans = anchoring.find_quote(text, typed)
        assert [text[s:e] for s, e in spans] == [marked]
    assert anchoring.find_quote(text, "oktober 20245") == []  # a year that does not exist is no match
