"""The real-letter corpus (issue 11): each PDF (and each Word motion, issue 17) in tests/data/real
imported and held against its hand-checked expectation file (tests/data/real/README.md says what each
field means).

The documents are public documents kept outside the repository (see the README); a test for a document
that is not present is skipped, naming the file, so a clean clone without them says what it did not check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.importing import read_file
from desktop_app.core.model import ParsedLetter
from desktop_app.core.references import parse_citations
from desktop_app.core.superscript import SUPERSCRIPT_DIGITS
from tests.conftest import REAL, real_document_name, real_pdfs_dir

EXPECTATIONS = sorted(REAL.glob("*.expect.json"))
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def _plain(text: str) -> str:
    """Body text with its superscript markers dropped (a phrase never ends in a marker)."""
    return _flat(text.translate({ord(c): None for c in SUPERSCRIPT_DIGITS}))


_CACHE: dict[str, ParsedLetter] = {}


def _letter(expect: Path) -> tuple[dict[str, Any], ParsedLetter]:
    want = json.loads(expect.read_text(encoding="utf-8"))
    document = real_pdfs_dir() / real_document_name(expect)
    if not document.exists():
        pytest.skip(f"{document.name} is not here (see tests/data/real/README.md)")
    if document.name not in _CACHE:
        _CACHE[document.name] = read_file(document)
    return want, _CACHE[document.name]


ids = [p.name.replace(".expect.json", "") for p in EXPECTATIONS]


@pytest.mark.parametrize("expect", EXPECTATIONS, ids=ids)
def test_every_footnote_is_found_whole_and_in_order(expect: Path) -> None:
    want, got = _letter(expect)
    found = {note.number: _flat(note.text) for note in got.footnotes}
    problems = []
    for n, note in enumerate(want["footnotes"], start=1):
        text = found.get(n)
        if text is None:
            problems.append(f"footnote {n} missing")
        elif not text.startswith(_flat(note["startswith"])):
            problems.append(f"footnote {n} starts {text[:60]!r}, expected {note['startswith']!r}")
        elif note.get("endswith") and not text.endswith(_flat(note["endswith"])):
            problems.append(f"footnote {n} ends {text[-60:]!r}, expected {note['endswith']!r}")
    extra = sorted(set(found) - set(range(1, len(want["footnotes"]) + 1)))
    if extra:
        problems.append(f"footnotes that are not in the document: {extra}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("expect", EXPECTATIONS, ids=ids)
def test_the_letter_head_is_read(expect: Path) -> None:
    want, got = _letter(expect)
    problems = []
    if "subject" in want and _flat(got.subject) != _flat(want["subject"]):
        problems.append(f"subject {got.subject!r}, expected {want['subject']!r}")
    if "date" in want and got.date != want["date"]:
        problems.append(f"date {got.date!r}, expected {want['date']!r}")
    if "chamber" in want:
        allowed = {want["chamber"], want.get("chamber_by_context")} - {None} or {None}
        if got.chamber not in allowed:
            problems.append(f"chamber {got.chamber!r}, expected {sorted(map(str, allowed))}")
    if want.get("own_id") and got.kamerstuk != want["own_id"]:
        problems.append(f"own id {got.kamerstuk!r}, expected {want['own_id']!r}")
    for name in want.get("signatory_contains", []):
        if name not in (got.signatory or ""):
            problems.append(f"signatory {got.signatory!r} lacks {name!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("expect", EXPECTATIONS, ids=ids)
def test_the_body_is_whole_and_clean(expect: Path) -> None:
    want, got = _letter(expect)
    body = _plain(got.text)
    problems = []
    first = _flat(want.get("first_sentence_startswith"))
    if first and not body.startswith(first):
        problems.append(f"body starts {body[:80]!r}, expected {first!r}")
    for phrase in want.get("body_must_contain", []):
        if _flat(phrase) not in body:
            problems.append(f"body lacks {phrase!r}")
    for phrase in want.get("body_must_not_contain", []):
        if _flat(phrase) in _flat(got.text):
            problems.append(f"body holds {phrase!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("expect", EXPECTATIONS, ids=ids)
def test_the_citations_a_reader_finds_are_found(expect: Path) -> None:
    want, got = _letter(expect)
    # the body, the footnotes and the head's citing fields ("Uw kenmerk ...", "Zie ook ..."): where the
    # references are taken from
    text = "\n\n".join([got.text, *(note.text for note in got.footnotes), got.head])
    found = {c.canonical for c in parse_citations(text) if c.canonical}
    missing = [c for c in want.get("citations", []) if c not in found]
    assert not missing, f"citations not found: {missing}"


@pytest.mark.parametrize("expect", EXPECTATIONS, ids=ids)
def test_no_private_use_character_reaches_any_field(expect: Path) -> None:
    _, got = _letter(expect)
    fields = [got.text, got.subject, got.signatory, got.kind, *(n.text for n in got.footnotes)]
    leaks = [f for f in fields if f and PRIVATE_USE.search(f)]
    assert not leaks, f"private-use characters in {[f[:60] for f in leaks]}"


@pytest.mark.parametrize("expect", EXPECTATIONS, ids=ids)
def test_the_head_keeps_only_its_citing_fields(expect: Path) -> None:
    """``ParsedLetter.head``: "Uw kenmerk/brief/referentie ..." fields with a value and "Zie ook ..."
    remarks, each citing something the parser finds; never the sender's own number."""
    _, got = _letter(expect)
    for line in filter(None, got.head.split("\n")):
        assert re.match(r"(Uw (kenmerk|brief|referentie)|Zie ook|Ter vervanging van)\b", line), (
            f"not a citing field: {line!r}"
        )
        assert any(c.canonical for c in parse_citations(line)), f"cites nothing: {line!r}"
        assert "Ons kenmerk" not in line
