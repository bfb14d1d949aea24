"""The real-letter corpus (tests/data/real): its expectation files are complete and consistent, and
each PDF that is present is the very file its expectation was checked against.

This checks the corpus itself, not the importer (the importer's tests read the same files).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REAL, real_document_name, real_pdfs_dir

# the PDFs may live elsewhere (the shared folder); the expectation files are always here
REAL_PDFS = real_pdfs_dir()

KINDS = {"ministry-letter", "aanhangsel", "motie", "kamerstuk", "besluitenlijst"}
CHAMBERS = {"Tweede Kamer", "Eerste Kamer", None}
# canonical ids as desktop_app.core.references writes them (kst-, ah-, h-, stb-, stcrt-, EU documents,
# Tweede Kamer open-data numbers)
CANONICAL = re.compile(
    r"(kst-\d{5}(?:-[0-9A-Z]+)*-[0-9A-Za-z]+|kst-\d{5}-[A-Z]{1,3}|ah-(?:tk|ek)-\d{8}-\d+"
    r"|h-(?:tk|ek)-\d{8}-\d+(?:-\d+)?|stb-\d{4}-\d+|stcrt-\d{4}-\d+|(?:com|join|swd|sec)-\d{4}-\d+"
    r"|dossier-\d{5}(?:-[0-9A-Z]+)?|\d{4}[ADZ]\d{5})"
)

EXPECTATIONS = sorted(REAL.glob("*.expect.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_corpus_has_its_documents():
    kinds = {_load(p)["kind"] for p in EXPECTATIONS}
    assert len(EXPECTATIONS) >= 8, [p.name for p in EXPECTATIONS]
    assert {"ministry-letter", "aanhangsel", "besluitenlijst", "kamerstuk"} <= kinds


@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.name.removesuffix(".expect.json"))
def test_expectation_file_is_complete(path: Path):
    spec = _load(path)
    for key in ("source", "sha256", "kind", "subject", "date", "chamber", "first_sentence_startswith",
                "footnotes", "body_must_contain", "body_must_not_contain"):
        assert key in spec, f"{path.name}: no {key!r}"
    assert spec["kind"] in KINDS
    assert spec.get("format", "pdf") in {"pdf", "docx"}
    assert spec["chamber"] in CHAMBERS
    assert spec["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", spec["date"])
    assert spec["subject"].strip() and "\n" not in spec["subject"]
    assert len(spec["first_sentence_startswith"].split()) >= 2
    assert re.fullmatch(r"[0-9a-f]{64}", spec["sha256"])
    # footnotes are numbered 1..N without a gap, each with its first words
    numbers = [note["number"] for note in spec["footnotes"]]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    assert all(note["startswith"].strip() for note in spec["footnotes"])
    assert spec["body_must_contain"] and spec["body_must_not_contain"]
    # a phrase cannot be required and forbidden at once
    for allowed in spec["body_must_contain"]:
        for banned in spec["body_must_not_contain"]:
            assert banned not in allowed, (allowed, banned)
    for cid in spec.get("citations", []):
        assert CANONICAL.fullmatch(cid), cid


@pytest.mark.parametrize("path", EXPECTATIONS, ids=lambda p: p.name.removesuffix(".expect.json"))
def test_document_is_the_checked_file(path: Path):
    document = REAL_PDFS / real_document_name(path)
    if not document.exists():
        pytest.skip(f"{document.name} is not in {REAL_PDFS} (set KAMERLEZER_REAL to the folder with the documents)")
    data = document.read_bytes()
    if document.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:  # a Word file: a zip with its body part
            assert "word/document.xml" in archive.namelist()
    else:
        assert data.startswith(b"%PDF-")
    assert len(data) < 2_000_000
    assert hashlib.sha256(data).hexdigest() == _load(path)["sha256"], f"{document.name} is not the checked file"


def test_citation_list_is_well_formed():
    lines = (REAL / "citations.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 20
    for line in lines:
        text, _, ids = line.partition("\t")
        assert text.strip() and ids, line
        for cid in ids.split(","):
            assert CANONICAL.fullmatch(cid), (line, cid)


def test_manifest_lists_every_document_with_its_checksum():
    rows = (REAL / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    listed = {cols[0]: cols[2] for cols in (row.split("\t") for row in rows)}
    expected = {real_document_name(p): _load(p)["sha256"] for p in EXPECTATIONS}
    assert listed == expected
