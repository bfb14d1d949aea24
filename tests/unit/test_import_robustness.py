"""Small robustness points of the importer (issue 11): file names that are not UTF-8, the stored
original is what was parsed, PDFs whose pages give no body text."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

import desktop_app.core.importing as importing
from desktop_app.core.importing import read_file
from desktop_app.core.services import Library
from tests.conftest import seed_path


def _bad_name(folder: Path, name: bytes) -> Path:
    path = Path(os.fsdecode(os.fsencode(str(folder)) + b"/" + name))
    try:
        shutil.copy(seed_path("001"), path)
    except (OSError, UnicodeError):
        pytest.skip("this file system does not allow file names that are not UTF-8")
    return path


@pytest.fixture
def empty(tmp_path: Path):
    library = Library.open(tmp_path / "empty", seed=False)
    yield library
    library.close()


def test_a_file_name_that_is_not_utf8_is_read_and_shown(tmp_path: Path) -> None:
    path = _bad_name(tmp_path, b"brief_\xff.txt")
    letter = read_file(path)
    assert letter.source_file == "brief_\ufffd.txt"
    assert letter.source_file.encode("utf-8")  # storable and printable
    assert any("not valid UTF-8" in w and "brief_\ufffd.txt" in w for w in letter.warnings)
    assert letter.text.startswith("Op 5 juni 2025 komen de NAVO-ministers")


def test_a_failure_names_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/leeg_\xe9.txt"))
    try:
        path.write_bytes(b"")
    except (OSError, UnicodeError):
        pytest.skip("this file system does not allow file names that are not UTF-8")
    with pytest.raises(importing.ImportFailed) as caught:
        read_file(path)
    assert "leeg_\ufffd.txt" in caught.value.message and "empty" in caught.value.problem
    caught.value.message.encode("utf-8")


def test_a_folder_import_goes_on_past_a_name_that_is_not_utf8(empty: Library, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(seed_path("003"), src / "a.txt")
    _bad_name(src, b"b_\xff\xfe.txt")
    shutil.copy(seed_path("004"), src / "c.txt")
    report = empty.import_paths([src])
    assert report.ok
    assert [x.source_file for x in report.imported] == ["a.txt", "b_\ufffd\ufffd.txt", "c.txt"]
    (warning,) = [(p, w) for p, w in report.warnings if "UTF-8" in w]
    assert warning[0].endswith("b_\ufffd\ufffd.txt")
    stored = empty.get_letter(report.imported[1].id)
    assert (empty.folder / stored.source_path).read_bytes() == seed_path("001").read_bytes()


def test_the_stored_original_is_the_bytes_that_were_parsed(empty: Library, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "brief.txt"
    original = seed_path("003").read_bytes()
    path.write_bytes(original)
    real_parse = importing.parse_text

    def parse_then_replace(text, **kwargs):
        letter = real_parse(text, **kwargs)
        path.write_bytes(seed_path("004").read_bytes())  # the file changes while it is imported
        return letter

    monkeypatch.setattr(importing, "parse_text", parse_then_replace)
    report = empty.import_paths([path])
    (letter,) = report.imported
    kept = (empty.folder / letter.source_path).read_bytes()
    assert kept == original
    assert hashlib.sha256(kept).hexdigest() == letter.content_hash


def test_a_pdf_whose_pages_give_no_body_text_is_refused_like_a_scan(tmp_path: Path) -> None:
    from tests import pdfgen

    path = pdfgen.scan_with_furniture_pdf(tmp_path / "scan_met_voettekst.pdf", pages=3)
    with pytest.raises(importing.ImportFailed) as caught:
        read_file(path)
    assert caught.value.problem == "no body text found: scanned or image-only pages?"
    assert "scan_met_voettekst.pdf" in caught.value.message


def test_a_pdf_with_some_pages_of_text_is_read_and_names_the_scanned_ones(tmp_path: Path) -> None:
    from tests import pdfgen

    lines = ["Geachte voorzitter,", "", "Hierbij informeer ik u over de stand van zaken.", "Hoogachtend,"]
    path = pdfgen.scan_with_furniture_pdf(tmp_path / "gemengd.pdf", pages=4, text_pages={1: lines})
    letter = read_file(path)
    assert "Hierbij informeer ik u over de stand van zaken." in letter.text
    assert "pages 2-4 have no text layer (scanned?) and could not be read" in letter.warnings
