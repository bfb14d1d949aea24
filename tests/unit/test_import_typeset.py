"""Importing a ministry letter typeset like a word processor does it (tests/typeset.py): justified,
hyphenated in Dutch, the side column in the body's size, superscript markers, page-bottom footnotes.
The import must give what the text version of the same letter gives."""

from __future__ import annotations

import difflib
import itertools
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.core.importing import read_file
from desktop_app.core.superscript import SUPERSCRIPT_DIGITS
from tests import pdfgen, typeset
from tests.conftest import SEEDS

_WORD = re.compile(r"[^\W\d_]+")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> list[str]:
    """The body's words, superscript markers left out."""
    return text.translate({ord(c): None for c in SUPERSCRIPT_DIGITS}).split()


def _soft_breaks(pdf: Path, text: str) -> list[str]:
    """Line ends a typesetter hyphenated: "belang-" + "rijkste" where the text version has the word
    unbroken ("belangrijkste") and never with that hyphen ("belang-rijkste")."""
    words = {w.lower() for w in _WORD.findall(text)}
    hyphenated = text.lower()
    breaks = []
    for page in PdfReader(pdf).pages:
        lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
        for line, following in itertools.pairwise(lines):
            left = re.search(r"([^\W\d_]+)-$", line)
            right = re.match(r"[a-zà-ÿ]+", following)
            if left and right:
                first, second = left.group(1).lower(), right.group(0)
                if first + second in words and f"{first}-{second}" not in hyphenated:
                    breaks.append(f"{left.group(1)}-{second}")
    return breaks


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_a_hyphenated_justified_letter_imports_as_its_text_version(tmp_path: Path, prefix: str):
    (seed,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    spec = pdfgen.spec_from_seed(seed)
    pdf_path = typeset.typeset_letter_pdf(spec, tmp_path / f"{prefix}.pdf")
    txt = read_file(seed)
    # the file really is hyphenated: words broken at line ends that are whole in the text version
    breaks = _soft_breaks(pdf_path, txt.text)
    assert len(breaks) >= 3, f"{pdf_path.name}: too few words broken at line ends ({breaks}); is pyphen installed?"
    pdf = read_file(pdf_path)
    for field in ("date", "chamber", "subject"):
        assert getattr(pdf, field) == getattr(txt, field), field
    assert [(f.number, _norm(f.text)) for f in pdf.footnotes] == [(f.number, _norm(f.text)) for f in txt.footnotes]
    for word in ("Onze referentie", "Kalvermarkt", spec.reference):
        assert word not in pdf.text, word
    # every word the typesetter broke is whole again, its hyphen gone
    assert [b for b in breaks if b.lower() in pdf.text.lower()] == [], breaks
    want, got = _words(txt.text), _words(pdf.text)
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    ratio = matcher.ratio()
    differences = [
        (want[a1:a2], got[b1:b2]) for op, a1, a2, b1, b2 in matcher.get_opcodes() if op != "equal"
    ]
    assert ratio >= 0.97, f"body words {ratio:.4f} equal; differences {differences[:20]}"


@pytest.mark.parametrize(
    ("w1", "w2", "join"),
    [
        ("beperk", "tere", True),  # no word by itself
        ("Goalkeeper", "snelvuurkanons", False),  # starts "goalkeeper-snelvuurkanon" elsewhere
        ("in", "vulling", True),  # a word processor's break after a short word
        ("hier", "van", True),
        ("belang", "rijkste", True),  # runs on as "belangrijk" does
        ("defensie", "industrie", False),  # between two vowels
        ("oud", "minister", False),  # a prefix
        ("medisch", "inhoudelijke", False),  # two long words
        ("btw", "tarief", False),  # a short part without vowels is an abbreviation
        ("NA", "VO", True),  # an abbreviation broken, "NAVO" elsewhere
        ("NAVO", "bondgenootschap", False),
    ],
)
def test_line_end_hyphen_rule(w1: str, w2: str, join: bool):
    from desktop_app.core.importing.cleaning import should_join_hyphen

    vocab = {"navo", "goalkeeper-snelvuurkanon", "in", "hier", "van", "belang", "belangrijk", "defensie"}
    vocab |= {"oud", "medisch", "btw", "tarief", "minister", "industrie"}
    words = vocab - {"goalkeeper-snelvuurkanon"}
    assert should_join_hyphen(w1, w2, vocab, words) is join
