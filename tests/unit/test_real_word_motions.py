"""Real Word motions (issue 17): Tweede Kamer motions as the chamber distributes them, .docx files in
the official table layout, imported and held against their hand-checked expectations.

tests/unit/test_real_corpus.py holds them to the corpus fields every document has (subject, date,
chamber, first words of the body, phrases, citations); here the parts of a motion: its own id, its
kind, "De Kamer, gehoord de beraadslaging," opening the body, the "verzoekt" sentence as a paragraph of
its own, "en gaat over tot de orde van de dag." followed by exactly the signers, and the head remark
of a changed motion. The files are public documents kept outside the repository (MANIFEST.tsv says
where they come from); a test for an absent file is skipped, naming it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.importing import read_file
from desktop_app.core.model import ParsedLetter
from tests.conftest import REAL, real_document_name, real_pdfs_dir

MOTIONS = [p for p in sorted(REAL.glob("*.expect.json")) if json.loads(p.read_text(encoding="utf-8")).get("format") == "docx"]
ids = [p.name.removesuffix(".expect.json") for p in MOTIONS]
_CACHE: dict[str, ParsedLetter] = {}


def _motion(expect: Path) -> tuple[dict[str, Any], ParsedLetter]:
    want = json.loads(expect.read_text(encoding="utf-8"))
    path = real_pdfs_dir() / real_document_name(expect)
    if not path.exists():
        pytest.skip(f"{path.name} is not here (see tests/data/real/README.md)")
    if path.name not in _CACHE:
        _CACHE[path.name] = read_file(path)
    return want, _CACHE[path.name]


def _paragraphs(letter: ParsedLetter) -> list[str]:
    return [" ".join(p.split()) for p in letter.text.split("\n\n") if p.strip()]


def test_the_corpus_has_two_real_word_motions() -> None:
    assert len(MOTIONS) >= 2
    assert all(json.loads(p.read_text(encoding="utf-8"))["kind"] == "motie" for p in MOTIONS)


@pytest.mark.parametrize("expect", MOTIONS, ids=ids)
def test_a_word_motion_is_read_as_a_motion(expect: Path) -> None:
    want, got = _motion(expect)
    assert got.source_format == "docx"
    assert got.kind == "motie"
    assert got.kamerstuk == want["own_id"]
    assert got.head == want.get("head", "")
    assert got.footnotes == ()
    assert got.headings == ()  # no heading in a motion; its signers are none either


@pytest.mark.parametrize("expect", MOTIONS, ids=ids)
def test_the_body_runs_from_de_kamer_to_the_signers(expect: Path) -> None:
    want, got = _motion(expect)
    paragraphs = _paragraphs(got)
    assert paragraphs[:2] == ["De Kamer,", "gehoord de beraadslaging,"]
    assert " ".join(want["verzoekt"].split()) in paragraphs  # a paragraph of its own, whole
    closing = paragraphs.index("en gaat over tot de orde van de dag.")
    assert paragraphs[closing + 1 :] == want["signers"]
    assert got.signatory == ", ".join(want["signers"])
