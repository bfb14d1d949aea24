"""Hostile and broken input: every failure is an ImportFailed that names the file and the problem."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFailed, PasswordNeeded
from desktop_app.core.importing import read_file
from tests import pdfgen
from tests.conftest import seed_path


def _fails(path: Path, **kwargs) -> ImportFailed:
    with pytest.raises(ImportFailed) as info:
        read_file(path, **kwargs)
    err = info.value
    assert str(path) in str(err), "the message names the file"
    assert err.path == str(path)
    return err


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    return pdfgen.seed_pdf(seed_path("003"), out)


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_empty_file(tmp_path: Path, suffix: str):
    path = tmp_path / f"leeg{suffix}"
    path.write_bytes(b"")
    assert _fails(path).problem == "empty file"


def test_whitespace_only_text(tmp_path: Path):
    path = tmp_path / "spaties.txt"
    path.write_text(" \n\n   \n\t\n")
    assert "empty" in _fails(path).problem


def test_random_bytes(tmp_path: Path):
    data = random.Random(7).randbytes(20_000)
    txt = tmp_path / "ruis.txt"
    txt.write_bytes(data)
    assert _fails(txt).problem == "not text (binary data)"
    pdf = tmp_path / "ruis.pdf"
    pdf.write_bytes(data)
    assert _fails(pdf).problem.startswith("not a PDF")


def test_random_bytes_after_pdf_header(tmp_path: Path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(3).randbytes(5000) + b"\n%%EOF\n")
    assert _fails(path).problem == "truncated or damaged PDF"


def test_text_named_pdf(tmp_path: Path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(seed_path("000").read_bytes())
    assert _fails(path).problem == "not a PDF (looks like text; rename it to .txt?)"


def test_pdf_named_txt(tmp_path: Path, letter_pdf: Path):
    path = tmp_path / "brief.txt"
    path.write_bytes(letter_pdf.read_bytes())
    assert "looks like a PDF" in _fails(path).problem


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf(tmp_path: Path, letter_pdf: Path, keep: float):
    path = pdfgen.truncated_pdf(letter_pdf, tmp_path / "half.pdf", keep=keep)
    assert _fails(path).problem == "truncated or damaged PDF"


def test_encrypted_pdf(tmp_path: Path, letter_pdf: Path):
    path = pdfgen.encrypted_pdf(letter_pdf, tmp_path / "geheim.pdf", "s3cret")
    assert _fails(path).problem == "encrypted PDF: give the password with --password-stdin"
    assert _fails(path, password="fout").problem == "wrong password"
    assert isinstance(_fails(path), PasswordNeeded) and not _fails(path).wrong and _fails(path, password="fout").wrong
    opened = read_file(path, password="s3cret")
    plain = read_file(letter_pdf)
    assert opened.text == plain.text
    assert opened.footnotes == plain.footnotes
    assert opened.date == "2024-10-03"


def test_owner_only_encryption_opens_without_password(tmp_path: Path, letter_pdf: Path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(letter_pdf))
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="AES-128")
    path = tmp_path / "alleen-eigenaar.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert read_file(path).subject == read_file(letter_pdf).subject


def test_image_only_pdf(tmp_path: Path):
    path = pdfgen.image_only_pdf(tmp_path / "scan.pdf")
    assert _fails(path).problem == "no text layer (scanned document)"


def test_blank_pdf_without_images(tmp_path: Path):
    path = pdfgen.text_pdf(tmp_path / "leeg.pdf", [])
    assert _fails(path).problem == "no text in PDF"


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_huge_file_refused_before_reading(tmp_path: Path, monkeypatch, suffix: str):
    path = tmp_path / f"groot{suffix}"
    with path.open("wb") as handle:
        handle.truncate(230 * 1024 * 1024)  # sparse: takes no disk space

    def no_reading(self, *args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    assert _fails(path).problem == "file too large (230 MB; limit 100 MB)"


def test_max_bytes_parameter(tmp_path: Path):
    path = tmp_path / "brief.txt"
    path.write_bytes(seed_path("000").read_bytes())
    size_kb = round(path.stat().st_size / 1024)
    assert _fails(path, max_bytes=2048).problem == f"file too large ({size_kb} KB; limit 2 KB)"


def test_unsupported_type_missing_file_and_directory(tmp_path: Path):
    docx = tmp_path / "brief.odt"
    docx.write_bytes(b"PK\x03\x04")
    assert _fails(docx).problem == "unsupported file type .odt"
    assert _fails(tmp_path / "weg.txt").problem == "file not found"
    folder = tmp_path / "map.txt"
    folder.mkdir()
    assert _fails(folder).problem == "not a file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_unreadable_file(tmp_path: Path):
    path = tmp_path / "dicht.txt"
    path.write_text("Geachte voorzitter,\n")
    path.chmod(0)
    assert _fails(path).problem.startswith("cannot read file")


def test_markup_is_kept_verbatim(tmp_path: Path):
    body = (
        "Datum 3 oktober 2024\nBetreft <b>Vet</b> & <i>schuin</i>\n\nGeachte voorzitter,\n\n"
        "Een brief met <script>alert('x')</script> en <b>vet</b> en &amp; en &lt;p&gt;.\n"
    )
    path = tmp_path / "markup.txt"
    path.write_text(body, encoding="utf-8")
    letter = read_file(path)
    assert letter.text == "Een brief met <script>alert('x')</script> en <b>vet</b> en &amp; en &lt;p&gt;."
    assert letter.subject == "<b>Vet</b> & <i>schuin</i>"


def test_markup_in_pdf_is_kept_verbatim(tmp_path: Path):
    spec = pdfgen.LetterSpec(["Tekst met <script>x()</script> en &amp; en <b>vet</b>."])
    letter = read_file(pdfgen.make_letter_pdf(spec, tmp_path / "markup.pdf"))
    assert letter.text == "Tekst met <script>x()</script> en &amp; en <b>vet</b>."


def test_very_long_lines(tmp_path: Path):
    words = [f"woord{i}" for i in range(40_000)]
    path = tmp_path / "lang.txt"
    path.write_text(" ".join(words) + "\n" + "x" * 300_000 + "\n", encoding="utf-8")
    letter = read_file(path)
    assert letter.text.split() == words + ["x" * 300_000]


def test_deeply_nested_pdf(tmp_path: Path):
    path = pdfgen.nested_arrays_pdf(tmp_path / "diep.pdf", depth=100_000)
    err = _fails(path)
    assert re.search(r"damaged|nested|no text", err.problem)


def test_control_characters_in_text(tmp_path: Path):
    path = tmp_path / "ctrl.txt"
    path.write_bytes(b"Geachte voorzitter,\n\nTekst\x00\x01\x02\x03\x04\x05\x06 met nullen\n" * 50)
    assert _fails(path).problem == "not text (binary data)"


def test_cp1252_letter_with_euro_and_diaeresis(tmp_path: Path):
    text = "Betreft Steun aan Oekraïne\n\nGeachte voorzitter,\n\nNederland draagt €20 mln bij aan coördinatie; ook België.\n"
    path = tmp_path / "oud.txt"
    path.write_bytes(text.encode("cp1252"))
    letter = read_file(path)
    assert letter.text == "Nederland draagt €20 mln bij aan coördinatie; ook België."
    assert letter.subject == "Steun aan Oekraïne"


def test_utf16_with_bom(tmp_path: Path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Geachte voorzitter,\n\nCoördinatie met België.\n".encode("utf-16"))
    assert read_file(path).text == "Coördinatie met België."


def test_one_damaged_page_is_left_out_with_a_warning(tmp_path: Path, letter_pdf: Path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(letter_pdf))
    broken = StreamObject()
    broken[NameObject("/Filter")] = NameObject("/ASCII85Decode")
    broken._data = b"\x89\x9d not ascii85 at all"
    writer.pages[1][NameObject("/Contents")] = writer._add_object(broken)
    path = tmp_path / "half-kapot.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    letter = read_file(path)
    assert letter.warnings == ("page 2 could not be read and was left out",)
    assert letter.date == "2024-10-03"  # page 1 is still there
    assert letter.pages == len(writer.pages) == len(letter.page_starts)
    assert letter.text.startswith("Hierbij stuur ik u de geannoteerde agenda")


def test_missing_crypto_dependency_is_reported(tmp_path: Path, letter_pdf: Path, monkeypatch):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    path = pdfgen.encrypted_pdf(letter_pdf, tmp_path / "geheim.pdf", "s3cret")

    def no_crypto(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", no_crypto)
    assert _fails(path, password="s3cret").problem == "encrypted PDF needs the 'cryptography' package"


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (RecursionError("deep"), "damaged PDF (too deeply nested)"),
        (MemoryError(), "PDF too large to read (out of memory)"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), "truncated or damaged PDF"),
        (KeyError("/Font"), "truncated or damaged PDF"),
    ],
)
def test_reader_errors_become_import_failed(letter_pdf: Path, monkeypatch, error, problem):
    from desktop_app.core.importing import pdf

    def broken(reader):
        raise error

    monkeypatch.setattr(pdf, "_read_pages", broken)
    assert _fails(letter_pdf).problem == problem


def test_os_error_while_reading(tmp_path: Path, monkeypatch):
    import errno

    path = tmp_path / "brief.txt"
    path.write_text("Geachte voorzitter,\n\nTekst.\n")

    def io_error(self, *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", io_error)
    assert _fails(path).problem == "cannot read file (Input/output error)"
