"""Word (.docx) import: the seed letters written as Word documents (head, headings styled in Word, real
Word footnotes) read back as the text importer reads them; a motion in the Tweede Kamer's Word layout
(a table) read with the official metadata rules; real Word motions from public sources when present
(tests/unit/test_real_word_motions.py holds them to their expectations); an old .doc and hostile files
refused with a message naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importing import parse_text, read_file, word
from desktop_app.core.model import ParsedLetter
from desktop_app.core.references import parse_citations
from tests.conftest import SEEDS
from tests.docxgen import Paragraph, Table, write_docx

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


def _cell(*texts: str | tuple[str, ...]) -> list[Paragraph]:
    return [(None, [text] if isinstance(text, str) else list(text)) for text in texts]


# The Tweede Kamer distributes motions as Word files laid out in one table (gegevensmagazijn
# DocumentPublicatie): the masthead in capitals beside the chamber's "2", the dossier number beside
# its title, "Nr. 123" beside the motion's title, and the body as paragraphs of one cell.
OFFICIAL_MOTION = [
    (None, []),
    Table([
        [_cell("TWEEDE KAMER DER STATEN-GENERAAL"), _cell("2")],
        [_cell("Vergaderjaar 2024-2025")],
        [_cell(), _cell()],
        [_cell("21 501-28"), _cell("Milieuraad")],
        [_cell(), _cell()],
        [_cell("Nr. 123"), _cell(("GEWIJZIGDE MOTIE VAN DE LEDEN KRÖGER EN BROMET", ("br",),
                                  "Ter vervanging van die gedrukt onder nr. 119"))],
        [_cell(), _cell("Voorgesteld 3 oktober 2024")],
        [_cell(), _cell("De Kamer,")],
        [_cell(), _cell(
            "gehoord de beraadslaging,",
            ("constaterende dat de uitstoot van methaan stijgt", ("note", "Zie Kamerstuk 21 501-08, nr. 900."), ";"),
            "verzoekt de regering, zich in de Milieuraad in te zetten voor een bindend reductiedoel,",
            "en gaat over tot de orde van de dag.",
            "Kröger",
            "Bromet",
        )],
    ]),
]


def test_official_word_motion_in_a_table(tmp_path: Path) -> None:
    letter = read_file(write_docx(tmp_path / "motie.docx", OFFICIAL_MOTION))
    assert letter.kamerstuk == "kst-21501-28-123"
    assert letter.subject == "Milieuraad; GEWIJZIGDE MOTIE VAN DE LEDEN KRÖGER EN BROMET"
    assert letter.date == "2024-10-03"
    assert letter.chamber == "Tweede Kamer"
    assert letter.kind == "motie"
    assert letter.signatory == "Kröger, Bromet"
    assert letter.text.startswith("De Kamer,\n\ngehoord de beraadslaging,\n\nconstaterende dat")
    assert "Voorgesteld" not in letter.text and "STATEN-GENERAAL" not in letter.text
    assert letter.headings == ()  # the signers under "en gaat over tot de orde van de dag." are no headings
    assert [(n.number, n.text) for n in letter.footnotes] == [(1, "Zie Kamerstuk 21 501-08, nr. 900.")]
    # the motion it replaces, with its citation in the same dossier
    assert letter.head == "Ter vervanging van die gedrukt onder nr. 119 (Kamerstuk 21 501-28, nr. 119)"
    assert [c.canonical for c in parse_citations(letter.head)] == ["kst-21501-28-119"]


def test_official_word_motion_reads_like_its_text(tmp_path: Path) -> None:
    """The table's rows read as the lines a reader sees (and ``pdftotext -layout`` gives): the same
    letter as the text "36 278 Titel" / "Nr. 32 MOTIE ..." with the body below."""
    letter = read_file(write_docx(tmp_path / "motie.docx", OFFICIAL_MOTION))
    text = parse_text(
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2024-2025\n\n21 501-28 Milieuraad\n\n"
        "Nr. 123 GEWIJZIGDE MOTIE VAN DE LEDEN KRÖGER EN BROMET\nTer vervanging van die gedrukt onder nr. 119\n"
        "Voorgesteld 3 oktober 2024\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\nconstaterende dat de uitstoot "
        "van methaan stijgt¹;\n\nverzoekt de regering, zich in de Milieuraad in te zetten voor een bindend "
        "reductiedoel,\n\nen gaat over tot de orde van de dag.\n\nKröger\n\nBromet",
        source_file="motie.txt", content_hash="-",
    )
    for field in ("text", "date", "subject", "chamber", "signatory", "kind", "kamerstuk", "head", "headings"):
        assert getattr(letter, field) == getattr(text, field), field


def test_table_rows_read_as_lines_only_when_each_cell_is_one_paragraph(tmp_path: Path) -> None:
    letter = read_file(write_docx(tmp_path / "tabel.docx", [
        (None, ["Geachte voorzitter,"]),
        (None, ["Hieronder de bedragen."]),
        Table([
            [_cell("Post"), _cell("Bedrag")],
            [_cell("Subsidie"), _cell("€ 10 miljoen")],
            [_cell("Toelichting"), _cell("Eerste alinea van de toelichting.", "Tweede alinea van de toelichting.")],
        ]),
    ]))
    assert "Post Bedrag\n\nSubsidie € 10 miljoen" in letter.text
    assert "Toelichting\n\nEerste alinea van de toelichting.\n\nTweede alinea van de toelichting." in letter.text


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
