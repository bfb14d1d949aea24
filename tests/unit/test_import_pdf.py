"""Importing PDFs: official samples (with their XML as ground truth) and generated seed letters."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importing import read_file
from desktop_app.core.superscript import SUPERSCRIPT_DIGITS, superscript
from tests import pdfgen
from tests.conftest import SEEDS


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _metadata(xml_path: Path) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for element in ET.parse(xml_path).getroot().iter("metadata"):
        fields.setdefault(element.get("name", ""), []).append(element.get("content", ""))
    return fields


# ---------------------------------------------------------------- official samples


def test_kamerstuk_motion_names_itself(samples_dir: Path):
    letter = read_file(samples_dir / "kst-32545-143_motie_2021.pdf")
    truth = _metadata(samples_dir / "kst-32545-143_metadata.xml")
    assert letter.kamerstuk == truth["DC.identifier"][0]
    dossier = truth["OVERHEIDop.dossiernummer"][0]
    number = truth["OVERHEIDop.ondernummer"][0]
    assert letter.kamerstuk == f"kst-{dossier}-{number}"
    assert letter.date == truth["DCTERMS.issued"][0]
    assert letter.source_format == "pdf"
    assert letter.pages == 1
    assert letter.kind == "motie"
    assert letter.chamber == "Tweede Kamer"
    assert truth["OVERHEIDop.dossiertitel"][0] in letter.subject
    # the motion's signers, compared by surname with the official "indiener" fields
    for indiener in truth["OVERHEIDop.indiener"]:
        surname = re.sub(r"^(?:[A-Z]\.)+\s*(?:\(\w+\)\s*)?", "", indiener)  # "I. (Inge) van Dijk"
        assert surname in letter.signatory
    # the running footer and the ISSN block are not body text
    assert "ISSN" not in letter.text
    assert "kst-32545-143" not in letter.text
    assert "vergaderjaar 2020–2021, 32 545" not in letter.text
    assert "verzoekt de regering, om een grensspaarsaldo te definiëren" in letter.text


def test_aanhangsel_headers_footers_and_broken_words(samples_dir: Path):
    letter = read_file(samples_dir / "ah-tk-20202021-3235_kamervragen_2021.pdf")
    truth = _metadata(samples_dir / "ah-tk-20202021-3235_metadata.xml")
    assert letter.kamerstuk == truth["DC.identifier"][0] == "ah-tk-20202021-3235"
    assert letter.date == truth["DCTERMS.issued"][0]
    assert letter.kind == "antwoord"
    assert letter.pages == 3 and len(letter.page_starts) == 3
    # running footers/headers gone
    assert "Aanhangsel 1" not in letter.text and "Aanhangsel 2" not in letter.text
    assert "Tweede Kamer, vergaderjaar" not in letter.text
    assert "ISSN" not in letter.text
    # words broken at a line end are joined
    assert "een beperktere looptijd" in letter.text
    assert "beperk-" not in letter.text
    assert "voorgeschreven rentepercentage" in letter.text
    assert "rentepercentages moeilijk" in letter.text
    # real compounds keep their hyphen
    assert "TOZO-lening" in letter.text and "Bbz-krediet" in letter.text
    assert "(Staatsblad 2020, 118)" in letter.text
    # questions and answers are headings
    headings = [letter.text[a:b] for a, b in letter.headings]
    assert "Vraag 1" in headings and "Antwoord 9" in headings


@pytest.mark.parametrize("name", ["ah-tk-20202021-3235", "kst-32545-143"])
def test_paragraphs_match_the_official_xml(samples_dir: Path, name: str):
    """Every <al> of the official XML is one paragraph of the imported PDF (whitespace aside):
    paragraphs found from the layout alone (no blank line between them in these PDFs), broken
    words joined, running headers and footers out. Every <nr> ("Vraag 1") is a heading."""
    letter = read_file(next(samples_dir.glob(f"{name}_*.pdf")))
    root = ET.parse(samples_dir / f"{name}.xml").getroot()
    paragraphs = [_norm(p) for p in letter.text.split("\n\n")]
    expected = [_norm("".join(al.itertext())) for al in root.iter("al")]
    assert len(expected) >= 10
    assert [al for al in expected if al not in paragraphs] == []
    headings = [letter.text[a:b] for a, b in letter.headings]
    assert [_norm("".join(nr.itertext())) for nr in root.iter("nr")] == [
        h for h in headings if re.match(r"(Vraag|Antwoord) \d+$", h)
    ]


def test_fiche_footnotes_are_separated(samples_dir: Path):
    letter = read_file(samples_dir / "bnc-fiche-5_MiFID_rijksoverheid_2021.pdf")
    numbers = [f.number for f in letter.footnotes]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 12
    assert letter.pages == 15
    assert letter.kind == "fiche"
    assert "Pagina" not in letter.text
    for note in letter.footnotes:
        assert note.marker is not None, note
        assert letter.text[note.marker[0] : note.marker[1]] == superscript(note.number)
        assert not letter.text[note.marker[0] - 1].isdigit()  # nothing glued: "2021⁷", not "20217"
        # the footnote's own text is not left in the body
        assert _norm(note.text)[:60] not in letter.text
    first = letter.footnotes[0]
    assert first.text.startswith("BNC-fiche Mededeling nieuw Actieplan Kapitaalmarktunie")
    assert letter.text[: first.marker[0]].endswith("integratie van de kapitaalmarkt.")
    assert any("COM" in f.text or "Verordening (EU)" in f.text for f in letter.footnotes)
    headings = [letter.text[a:b] for a, b in letter.headings]
    for heading in ("1. Algemene gegevens", "2. Essentie voorstel", "a) Inhoud voorstel"):
        assert heading in headings
    assert "25 november 2021" not in headings  # a value under its label is not a heading


@pytest.mark.parametrize(
    "name", ["bnc-fiche-5_MiFID_rijksoverheid_2021.pdf", "ah-tk-20202021-3235_kamervragen_2021.pdf", "kst-32545-143_motie_2021.pdf"]
)
def test_sample_superscript_digits_are_exactly_the_markers(samples_dir: Path, name: str):
    letter = read_file(samples_dir / name)
    markers = {i for f in letter.footnotes if f.marker for i in range(*f.marker)}
    assert {i for i, ch in enumerate(letter.text) if ch in SUPERSCRIPT_DIGITS} == markers
    for note in letter.footnotes:
        assert note.marker is not None and letter.text[note.marker[0] : note.marker[1]] == superscript(note.number)


def test_scanned_pdf_is_refused(samples_dir: Path):
    path = samples_dir / "blg-1007826_scanned_no-textlayer.pdf"
    with pytest.raises(ImportFailed) as info:
        read_file(path)
    assert info.value.problem == "no text layer (scanned document)"
    assert str(path) in str(info.value)


# ---------------------------------------------------------------- generated seed PDFs


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("seed_pdfs")
    return {path.stem: pdfgen.seed_pdf(path, out) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_generated_seed_pdf_round_trip(seed_pdfs: dict[str, Path], prefix: str):
    (stem,) = [s for s in seed_pdfs if s.startswith(prefix)]
    txt = read_file(SEEDS / f"{stem}.txt")
    pdf = read_file(seed_pdfs[stem])
    assert pdf.source_format == "pdf"
    assert [(f.number, _norm(f.text)) for f in pdf.footnotes] == [
        (f.number, _norm(f.text)) for f in txt.footnotes
    ]
    for field in ("date", "chamber", "subject", "signatory", "kind"):
        assert getattr(pdf, field) == getattr(txt, field), field
    assert _norm(pdf.text) == _norm(txt.text)
    assert pdf.text.split("\n\n") == txt.text.split("\n\n")  # same paragraphs
    assert [pdf.text[a:b] for a, b in pdf.headings] == [txt.text[a:b] for a, b in txt.headings]
    for note in pdf.footnotes:
        assert pdf.text[note.marker[0] : note.marker[1]] == superscript(note.number)
    # the side column and the page footer stay out of the body
    assert "Onze referentie" not in pdf.text and "Pagina" not in pdf.text
    assert len(pdf.page_starts) == pdf.pages


def test_generated_pdf_marker_5_after_year(seed_pdfs: dict[str, Path]):
    (stem,) = [s for s in seed_pdfs if s.startswith("000")]
    letter = read_file(seed_pdfs[stem])
    note = next(f for f in letter.footnotes if f.number == 5)
    assert letter.text[: note.marker[0]].endswith("17-18 oktober 2024")
    assert "17-18 oktober 2024⁵ geïnformeerd" in letter.text and "20245" not in letter.text
    assert letter.text[note.marker[0] : note.marker[1]] == "⁵"
    assert note.text.startswith("Kamerstuk 28 676, nr. 467 van 3 oktober 2024")


def test_side_column_date_used_when_head_has_none(tmp_path: Path):
    paragraphs = ["Dit is een korte brief over de NAVO-top.", "Hoogachtend,"]
    undated = pdfgen.make_letter_pdf(pdfgen.LetterSpec(paragraphs), tmp_path / "zonder.pdf")
    assert read_file(undated).date is None
    # no letter head in the main column: only the side column says "Datum" / "3 oktober 2024"
    spec = pdfgen.LetterSpec(paragraphs, date="2024-10-03", letter_head=False)
    letter = read_file(pdfgen.make_letter_pdf(spec, tmp_path / "met.pdf"))
    assert letter.date == "2024-10-03"
    assert "Datum" not in letter.text and "Ministerie van Defensie" not in letter.text
    assert letter.text == "Dit is een korte brief over de NAVO-top.\n\nHoogachtend,"


def test_footnote_running_over_to_the_next_page(tmp_path: Path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "doorlopend.pdf"
    canvas = Canvas(str(path))
    for page, (body, notes) in enumerate(
        [
            ("De NAVO-top in Den Haag", ["1 Kamerstuk 28 676, nr. 467 van 3 oktober 2024, waarin de"]),
            ("De tweede pagina noemt de Defensienota", ["regering de agenda toelicht.", "2 Kamerstuk 36 592, nr. 1."]),
        ]
    ):
        text = canvas.beginText(72, 700)
        text.setFont("Helvetica", 10)
        text.textOut(body)
        text.setFont("Helvetica", 6.5)
        text.setRise(3.5)
        text.textOut(str(page + 1))
        text.setRise(0)
        text.setFont("Helvetica", 10)
        text.textOut(" en meer tekst op deze pagina.")
        canvas.drawText(text)
        canvas.setFont("Helvetica", 7.5)
        for i, note in enumerate(notes):
            canvas.drawString(72, 90 - i * 9.5, note)
        canvas.showPage()
    canvas.save()
    letter = read_file(path)
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Kamerstuk 28 676, nr. 467 van 3 oktober 2024, waarin de regering de agenda toelicht."),
        (2, "Kamerstuk 36 592, nr. 1."),
    ]
    assert "regering de agenda" not in letter.text
    assert letter.text[: letter.footnotes[1].marker[0]].endswith("noemt de Defensienota")


def test_page_contents_split_over_several_streams(tmp_path: Path, seed_pdfs: dict[str, Path]):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

    (stem,) = [s for s in seed_pdfs if s.startswith("003")]
    writer = PdfWriter(clone_from=PdfReader(seed_pdfs[stem]))
    for page in writer.pages:
        data = page.get_contents().get_data()
        cut = data.index(b"ET", len(data) // 2) + 2  # between two text objects
        parts = ArrayObject()
        for chunk in (data[:cut], data[cut:]):
            stream = DecodedStreamObject()
            stream.set_data(chunk)
            parts.append(writer._add_object(stream))
        page[NameObject("/Contents")] = parts
    path = tmp_path / "arrays.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    split = read_file(path)
    whole = read_file(seed_pdfs[stem])
    assert split.text == whole.text
    assert split.footnotes == whole.footnotes


def test_small_datum_and_betreft_labels(tmp_path: Path):
    spec = pdfgen.spec_from_seed(SEEDS / next(p.name for p in SEEDS.glob("003_*.txt")))
    spec.small_labels = True
    letter = read_file(pdfgen.make_letter_pdf(spec, tmp_path / "labels.pdf"))
    assert letter.date == "2024-10-03"
    assert letter.subject == spec.subject
    assert letter.chamber == "Eerste Kamer"
    assert letter.text.startswith("Hierbij stuur ik u de geannoteerde agenda")


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_side_column_in_the_body_size_stays_out_of_the_body(tmp_path: Path, prefix: str):
    """A side column set in the body's own font size is found by its x position over the pages
    (a left edge in the right of the page shared by many short lines), not by a smaller size."""
    (seed,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    spec = pdfgen.spec_from_seed(seed)
    spec.side_size = pdfgen.FONT_SIZE
    pdf = read_file(pdfgen.make_letter_pdf(spec, tmp_path / f"{prefix}.pdf"))
    txt = read_file(seed)
    for word in ("Onze referentie", "Kalvermarkt", "Postbus 20701", spec.reference):
        assert word not in pdf.text, word
    for field in ("date", "chamber", "subject"):
        assert getattr(pdf, field) == getattr(txt, field), field
    assert [(f.number, _norm(f.text)) for f in pdf.footnotes] == [(f.number, _norm(f.text)) for f in txt.footnotes]
    assert _norm(pdf.text) == _norm(txt.text)


def _tj_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF whose lines are raw TJ arrays in Helvetica 10 (space glyph width 278)."""
    content = "\n".join(
        f"BT /F1 10 Tf 72 {700 - 14 * i} Td [{line}] TJ ET" for i, line in enumerate(lines)
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_kerning_inside_a_word_is_no_space_but_a_tex_word_gap_is(tmp_path: Path):
    """A wide first glyph kerned away from the rest ("A" -204 "dvies") is one word when the text
    shows its own space glyphs; text set without space glyphs (TeX) keeps its offsets as gaps."""
    spaced = _tj_pdf(
        tmp_path / "spaced.pdf",
        ["(A) -204 (dvies aan de Kamer over de ) (\\221V) -190 (erkenning van de sector.)"],
    )
    assert read_file(spaced).text == "Advies aan de Kamer over de ‘Verkenning van de sector."
    tex = _tj_pdf(tmp_path / "tex.pdf", ["(Het) -200 (kabinet) -195 (informeert) -205 (de) -190 (Kamer.)"])
    assert read_file(tex).text == "Het kabinet informeert de Kamer."


def _draw(canvas, x: float, y: float, text: str, size: float = 10.0, marker: str = "") -> None:
    """A line of Helvetica, with an optional raised footnote marker after it."""
    line = canvas.beginText(x, y)
    line.setFont("Helvetica", size)
    line.textOut(text)
    if marker:
        line.setFont("Helvetica", 6.5)
        line.setRise(3.8)
        line.textOut(marker)
        line.setRise(0)
    canvas.drawText(line)


def test_footnotes_in_the_body_size_under_a_wide_gap(tmp_path: Path):
    """Footnotes set as large as the body (fin_2023, szw_2015) are found under the page's lowest
    wide gap when their marker was seen; a body line under a gap that starts with a number but
    has no marker stays body; a footnote repeating its number ("2 2Zemouri") loses the copy; a
    year alone on a footnote's last line is no page number."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "groot.pdf"
    canvas = Canvas(str(path))
    _draw(canvas, 72, 700, "Doorrekeningen van het CPB", marker="1")
    _draw(canvas, 72, 686, "en het Nibud laten zien dat de maatregelen werken", marker="2")
    _draw(canvas, 72, 672, "voor de huishoudens in Nederland.")
    _draw(canvas, 72, 90, "1 CPB. Scenario’s energieprijzen, december")
    _draw(canvas, 72, 78, "2022")
    _draw(canvas, 72, 66, "2 2Zemouri, C. (2022) Discriminatie maakt ziek.")
    _draw(canvas, 300, 30, "Pagina 1 van 2", size=6.5)
    canvas.showPage()
    _draw(canvas, 72, 700, "Het kabinet komt terug op de verkenning.")
    _draw(canvas, 72, 600, "40 contracten zijn inmiddels gesloten.")
    _draw(canvas, 300, 30, "Pagina 2 van 2", size=6.5)
    canvas.showPage()
    canvas.save()
    letter = read_file(path)
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "CPB. Scenario’s energieprijzen, december 2022"),
        (2, "Zemouri, C. (2022) Discriminatie maakt ziek."),
    ]
    assert "CPB¹" in letter.text and "Nibud laten zien dat de maatregelen werken²" in letter.text
    assert "40 contracten zijn inmiddels gesloten." in letter.text
    assert "Scenario" not in letter.text and "Pagina" not in letter.text


def test_repeated_footnote_text_and_a_three_line_footer(tmp_path: Path):
    """Two footnotes with the same text at the same height on two pages stay footnotes (digits are
    ignored when footers are matched); a footer line with lines under it in its size ("Openbare
    versie" over title and reference, page 1) is furniture whole, and so is its shorter form with
    a page number on later pages."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "herhaald.pdf"
    canvas = Canvas(str(path))
    _draw(canvas, 72, 700, "Uit het dreigingsbeeld van Z-CERT blijkt dit.", marker="1")
    _draw(canvas, 72, 60, "1 Z-CERT_RapportDreigingsbeeld2022.pdf", size=8)
    _draw(canvas, 72, 110, "Openbare versie")
    _draw(canvas, 72, 96, "Advies op voorafgaande raadpleging")
    _draw(canvas, 72, 82, "z2020-11824")
    canvas.showPage()
    _draw(canvas, 72, 700, "Ook in 2023 meldde Z-CERT vijf incidenten.", marker="2")
    _draw(canvas, 72, 60, "2 Z-CERT_RapportDreigingsbeeld2022.pdf", size=8)
    _draw(canvas, 72, 30, "Openbare versie 2")
    canvas.showPage()
    _draw(canvas, 72, 700, "De AP adviseert de minister.")
    _draw(canvas, 72, 30, "Openbare versie 3")
    canvas.showPage()
    canvas.save()
    letter = read_file(path)
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Z-CERT_RapportDreigingsbeeld2022.pdf"),
        (2, "Z-CERT_RapportDreigingsbeeld2022.pdf"),
    ]
    for furniture in ("Openbare versie", "voorafgaande raadpleging", "z2020-11824"):
        assert furniture not in letter.text, furniture
    assert "De AP adviseert de minister." in letter.text


def test_two_text_columns_are_read_column_by_column(tmp_path: Path):
    """A page set in two columns (lines of both on the same baselines) is read down the left
    column, then down the right one; a title across both comes first."""
    from reportlab.pdfgen.canvas import Canvas

    left = [f"Links regel {n} van de eerste kolom met tekst" for n in range(1, 11)]
    right = [f"Rechts regel {n} van de tweede kolom tekst" for n in range(1, 11)]
    left[-1] += "."
    right[-1] += "."
    path = tmp_path / "kolommen.pdf"
    canvas = Canvas(str(path))
    _draw(canvas, 72, 760, "Verslag van een overleg over de begroting van Defensie in twee kolommen")
    for n, (a, b) in enumerate(zip(left, right, strict=True)):
        y = 720 - 14 * n
        _draw(canvas, 72, y, a)
        _draw(canvas, 320, y, b)
    canvas.showPage()
    canvas.save()
    text = " ".join(read_file(path).text.split())
    assert text == " ".join(
        ["Verslag van een overleg over de begroting van Defensie in twee kolommen", *left, *right]
    )


def test_a_footnote_in_the_body_size_running_over_to_the_next_page(tmp_path: Path):
    """Footnotes as large as the body: the lines under the next page's wide gap that come before
    its first footnote number continue the previous page's last footnote."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "doorloop.pdf"
    canvas = Canvas(str(path))
    _draw(canvas, 72, 700, "Doorrekeningen van het CPB laten dit zien", marker="1")
    _draw(canvas, 72, 686, "voor de huishoudens in Nederland.")
    _draw(canvas, 72, 78, "1 CPB. Scenario’s energieprijzen, een doorrekening van")
    canvas.showPage()
    _draw(canvas, 72, 700, "Ook het Nibud rekende", marker="2")
    _draw(canvas, 72, 686, "het na voor de komende jaren.")
    _draw(canvas, 72, 90, "de maatregelen, december 2022.")
    _draw(canvas, 72, 78, "2 Nibud. Goed dat het prijsplafond is verruimd.")
    canvas.showPage()
    canvas.save()
    letter = read_file(path)
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "CPB. Scenario’s energieprijzen, een doorrekening van de maatregelen, december 2022."),
        (2, "Nibud. Goed dat het prijsplafond is verruimd."),
    ]
    assert "december 2022" not in letter.text
