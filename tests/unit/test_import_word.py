"""Word (.docx) import: the seed letters written as Word documents (head, headings styled in Word, real
Word footnotes) read back as the text importer reads them; real Word motions from public sources when
present; an old .doc and hostile files refused with a message naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importing import parse_text, read_file, word
from desktop_app.core.model import ParsedLetter
from tests.conftest import SEEDS, real_pdfs_dir
from tests.docxgen import Paragraph, write_docx

MONTHS = ("januari februari maart april mei juni juli augustus september oktober november december").split()


def _dutch(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def as_word(letter: ParsedLetter) -> list[Paragraph]:
    """The letter as an officer's Word file: a head (Datum, Betreft, salutation), the body paragraphs,
    headings in the heading style, each footnote a Word footnote at its marker."""
    out: list[Paragraph] = []
    if letter.date:
        out.append((None, [f"Datum {_dutch(letter.date)}"]))
    if letter.subject:
        out.append((None, [f"Betreft {letter.subject}"]))
    out.append((None, ["Geachte voorzitter,"]))
    markers = sorted((n.marker, n.text) for n in letter.footnotes if n.marker)
    offset = 0
    for para in letter.text.split("\n\n"):
        end = offset + len(para)
        runs: list = []
        cursor = offset
        for (start, stop), note in markers:
            if offset <= start < end:
                runs += [letter.text[cursor:start], ("note", note)]
                cursor = stop
        runs.append(letter.text[cursor:end])
        out.append(("Kop1" if (offset, end) in letter.headings else None, [r for r in runs if r]))
        offset = end + 2
    return out


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_letter_as_word_reads_like_the_text(seed: Path, tmp_path: Path) -> None:
    expected = read_file(seed)
    path = write_docx(tmp_path / f"{seed.stem}.docx", as_word(expected))
    got = read_file(path)
    assert got.source_format == "docx"
    assert got.text == expected.text
    assert got.headings == expected.headings
    assert [(n.number, n.text, n.marker) for n in got.footnotes] == [
        (n.number, n.text, n.marker) for n in expected.footnotes if n.marker
    ]
    for field in ("date", "subject", "kind", "kamerstuk"):
        assert getattr(got, field) == getattr(expected, field), field


def test_word_footnotes_and_breaks(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "motie.docx", [
        (None, ["Tweede Kamer der Staten-Generaal"]),
        ("Kop1", ["Besluit over de spaarrente"]),
        (None, ["De Kamer,"]),
        (None, ["constaterende dat banken een negatieve rente hanteren", ("note", "Zie Kamerstuk 32 545, nr. 140."),
                ";"]),
        (None, ["verzoekt de regering,", ("br",), "een ondergrens te definiëren", ("note", "DNB, 2021."), ","]),
        (None, [("page",)]),
        (None, ["en gaat over tot de orde van de dag."]),
    ])
    letter = read_file(path)
    assert "negatieve rente hanteren¹;" in letter.text
    assert "verzoekt de regering, een ondergrens te definiëren²," in letter.text
    assert [(n.number, n.text) for n in letter.footnotes] == [(1, "Zie Kamerstuk 32 545, nr. 140."), (2, "DNB, 2021.")]
    for note in letter.footnotes:
        assert letter.text[note.marker[0] : note.marker[1]] == "¹²"[note.number - 1]
    assert [letter.text[a:b] for a, b in letter.headings] == ["Besluit over de spaarrente"]
    assert "verzoekt de regering, een ondergrens te definiëren²,\n\nen gaat over" in letter.text  # page break
    assert "Tweede Kamer der Staten-Generaal" not in letter.text
    same_as_text = parse_text(
        "Tweede Kamer der Staten-Generaal\n\nBesluit over de spaarrente\n\nDe Kamer,\n\nconstaterende dat banken een "
        "negatieve rente hanteren¹;\n\nverzoekt de regering,\neen ondergrens te definiëren²,\n\nen gaat over tot de "
        "orde van de dag.", source_file="motie.txt", content_hash="-",
    )
    assert letter.text == same_as_text.text
    for field in ("date", "subject", "chamber", "signatory", "kind", "kamerstuk"):
        assert getattr(letter, field) == getattr(same_as_text, field), field


def test_old_doc_refused_with_save_as_docx(tmp_path: Path) -> None:
    for name in ("motie.doc", "motie-eigenlijk-doc.docx"):
        path = tmp_path / name
        path.write_bytes(word.OLE_MAGIC + b"\0" * 600)
        with pytest.raises(ImportFailed, match="save it as .docx") as info:
            read_file(path)
        assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("parts", "problem"),
    [
        (None, "not a Word document"),
        ({"word/other.xml": "<x/>"}, "no word/document.xml"),
        ({"word/document.xml": '<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>'}, "unsafe"),
        ({"word/document.xml": "<w:document"}, "not well-formed"),
    ],
)
def test_hostile_word_refused_naming_the_file(tmp_path: Path, parts: dict | None, problem: str) -> None:
    path = tmp_path / "vijandig.docx"
    if parts is None:
        path.write_bytes(b"PK\x03\x04 dit is geen zip")
    else:
        with zipfile.ZipFile(path, "w") as archive:
            for member, text in parts.items():
                archive.writestr(member, text)
    with pytest.raises(ImportFailed, match=problem) as info:
        read_file(path)
    assert str(path) in str(info.value)


def test_zip_bomb_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word, "MAX_PART_BYTES", 1024 * 1024)
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<d>" + " " * (4 * 1024 * 1024) + "</d>")
    assert path.stat().st_size < 100 * 1024
    with pytest.raises(ImportFailed, match="too large") as info:
        read_file(path)
    assert str(path) in str(info.value)


REAL_MOTIONS = sorted(real_pdfs_dir().glob("*.docx"))


@pytest.mark.skipif(not REAL_MOTIONS, reason=f"no real Word motions (*.docx) in {real_pdfs_dir()} "
                    "(public documents, not committed: see tests/data/real/README or KAMERLEZER_REAL)")
@pytest.mark.parametrize("path", REAL_MOTIONS, ids=lambda p: p.name)
def test_real_word_motions(path: Path) -> None:
    letter = read_file(path)
    assert letter.source_format == "docx"
    assert len(letter.text) > 200 and "\n\n" in letter.text
    assert "verzoekt de regering" in letter.text.lower() or "constaterende" in letter.text.lower()
    for note in letter.footnotes:
        assert note.marker is None or letter.text[note.marker[0] : note.marker[1]].strip()
