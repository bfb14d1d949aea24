"""Importing the plain-text seed letters: body, footnotes with markers, metadata."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from desktop_app.core.importing import parse_text, read_file
from desktop_app.core.superscript import SUPERSCRIPT_DIGITS, superscript
from tests.conftest import seed_path


def _load(prefix: str):
    return read_file(seed_path(prefix))


def _marker_text(letter, number):
    (note,) = [f for f in letter.footnotes if f.number == number]
    assert note.marker is not None
    return letter.text[note.marker[0] : note.marker[1]], letter.text[: note.marker[0]]


def test_seed_000_footnotes_and_markers():
    letter = _load("000")
    assert [f.number for f in letter.footnotes] == [1, 2, 3, 4, 5, 6]
    digit, before = _marker_text(letter, 5)
    assert digit == "⁵"
    assert before.endswith("oktober 2024")
    digit, before = _marker_text(letter, 1)
    assert digit == "¹"
    assert before.endswith("NDPP Review.")
    # the marker is a superscript, never a digit glued to the year
    assert "17-18 oktober 2024⁵ geïnformeerd" in letter.text
    assert "20245" not in letter.text
    assert "NDPP Review.¹ Met" in letter.text
    assert "capaciteitsdoelstellingen³." in letter.text
    note5 = letter.footnotes[4]
    assert note5.text.startswith("Kamerstuk 28 676, nr. 467 van 3 oktober 2024")
    # footnote 2 runs over several lines in the file and is joined into one text
    assert letter.footnotes[1].text.endswith("Defensienota en de begroting te gebruiken.")
    # footnote texts are out of the body
    assert "Ter vertrouwelijke inzage gelegd" not in letter.text
    assert "Centraal Informatiepunt" not in letter.text
    assert letter.date is None
    assert letter.subject is None


def test_markers_run_in_order_and_hold_their_number(seed_files):
    for path in seed_files:
        letter = read_file(path)
        starts = [f.marker[0] for f in letter.footnotes if f.marker]
        assert starts == sorted(starts), path.name
        for note in letter.footnotes:
            assert note.marker is not None, (path.name, note.number)
            assert letter.text[note.marker[0] : note.marker[1]] == superscript(note.number)
        # no other superscript digits than the markers
        markers = {i for f in letter.footnotes for i in range(*f.marker)}
        assert {i for i, ch in enumerate(letter.text) if ch in SUPERSCRIPT_DIGITS} == markers, path.name


def test_seed_000_paragraph_continues_over_page_break():
    letter = _load("000")
    # page 1 ends "(NAVO" and page 2 begins "met iedere bondgenoot)": one sentence, one paragraph
    assert "bilateraal (NAVO met iedere bondgenoot) en multilateraal" in letter.text
    assert "zoals de Defensienota⁶ al opmerkt" in letter.text
    assert letter.pages == 3
    assert len(letter.page_starts) == 3 and letter.page_starts[0] == 0
    assert letter.text[letter.page_starts[1] :].startswith("met iedere bondgenoot)")


def test_seed_003_metadata():
    letter = _load("003")
    assert letter.date == "2024-10-03"
    assert letter.chamber == "Eerste Kamer"
    assert letter.subject.startswith(
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie op 17 en 18 oktober 2024"
    )
    assert letter.signatory == "Ruben Brekelmans"
    assert letter.kind == "geannoteerde agenda"
    assert [f.number for f in letter.footnotes] == [1, 2]
    assert letter.footnotes[1].text.endswith("Voortgang Uitvoeringsagenda Innovatie & Onderzoek).")
    digit, before = _marker_text(letter, 1)
    assert before.endswith("(NDPP)")
    assert digit == "¹"
    assert "(NDPP)¹." in letter.text


def test_seed_003_letter_head_is_metadata_not_body():
    letter = _load("003")
    assert "Retouradres" not in letter.text
    assert "Kazernestraat" not in letter.text
    assert "Betreft" not in letter.text
    assert "Geachte voorzitter" not in letter.text
    assert letter.text.startswith("Hierbij stuur ik u de geannoteerde agenda")
    # the closing stays
    assert letter.text.rstrip().endswith("Hoogachtend,\n\nDE MINISTER VAN DEFENSIE\n\nRuben Brekelmans")


def test_seed_003_headings_are_own_paragraphs():
    letter = _load("003")
    headings = [letter.text[a:b] for a, b in letter.headings]
    for expected in ["Afschrikking en verdediging", "Versterking van de defensie-industrie", "Oekraïne"]:
        assert expected in headings
    for a, b in letter.headings:
        assert letter.text[max(0, a - 2) : a] in ("", "\n\n")
        assert letter.text[b : b + 2] in ("", "\n\n")
    paragraphs = letter.text.split("\n\n")
    assert "Missies en operaties" in paragraphs


def test_seed_004_metadata_footnote_and_annex():
    letter = _load("004")
    assert letter.date == "2025-01-31"
    assert letter.chamber == "Tweede Kamer"
    assert letter.signatory == "Ruben Brekelmans"
    assert len(letter.footnotes) == 1
    assert "Kamerstuk 28 676, nr. 472 van 8 november 2024" in letter.footnotes[0].text
    assert "Bijlage 1: Overzicht NAVO-inzet en oefeningen op de Noordzee" in letter.text.split("\n\n")
    assert "Sandy Coast 25" in letter.text


def test_seed_001_and_002():
    one = _load("001")
    assert one.date == "2025-05-21"
    assert one.chamber == "Eerste Kamer"
    assert not one.footnotes
    assert "v agenda>" not in one.text and "Retouradres" not in one.text
    two = _load("002")
    assert two.date is None  # dates in the body ("25 januari 2024") are never taken
    assert two.chamber is None
    assert two.signatory == "R.P. Brekelmans"
    assert "Kamerbrief 28 676, nr. 472 van 8 november 2024" in two.text


def test_compound_hyphens_kept_at_line_ends():
    # "NAVO-" / "bondgenootschap" (001), "Noord-" / "Atlantische" (003), "NAVO-" / "commandostructuren"
    assert "NAVO-bondgenootschap" in _load("001").text
    three = _load("003").text
    assert "Noord-Atlantische Raad" in three
    assert "NAVO-commandostructuren" in three
    assert "Oost-Azië" in three
    assert "Productie- en Leveringszekerheid" in three  # hyphen followed by a space: ellipsis kept


def test_no_page_noise_left_in_seed_bodies(seed_files):
    for path in seed_files:
        text = read_file(path).text
        assert "\n\n\n" not in text
        assert not re.search(r"^\s*>\s*$", text, re.M)
        assert "  " not in text
        assert text == text.strip()
        paragraphs = text.split("\n\n")
        assert all(p.strip() == p and p for p in paragraphs)


def test_content_hash_and_source(seed_files):
    path = seed_files[0]
    letter = read_file(path)
    assert letter.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert letter.source_file == path.name
    assert letter.source_format == "txt"


def test_parse_text_matches_read_file():
    path = seed_path("003")
    data = path.read_bytes()
    direct = parse_text(data.decode("utf-8"), source_file=path.name, content_hash="x")
    via_file = read_file(path)
    assert direct.text == via_file.text
    assert direct.footnotes == via_file.footnotes
    assert direct.subject == via_file.subject


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str):
    body = "Datum 3 oktober 2024\nBetreft Steun aan Oekraïne\n\nGeachte voorzitter,\n\nDe kosten: €20 mln voor coördinatie.\n"
    path = tmp_path / "brief.txt"
    path.write_bytes(body.encode(encoding))
    letter = read_file(path)
    assert letter.text == "De kosten: €20 mln voor coördinatie."
    assert letter.subject == "Steun aan Oekraïne"
    assert letter.date == "2024-10-03"


def test_latin1_fallback(tmp_path: Path):
    # 0x81 is undefined in cp1252, so this file can only be latin-1
    path = tmp_path / "oud.txt"
    path.write_bytes("Coördinatie en \x81 ruimte".encode("latin-1").replace(b"\x81", b"\xa0"))
    path.write_bytes(path.read_bytes() + b" \x81x")
    letter = read_file(path)
    assert "Coördinatie" in letter.text


OFFICIAL_LETTER = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2024–2025

28 676 NAVO

Nr. 467 BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 oktober 2024

Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de NAVO-
ministers van Defensie op 17 en 18 oktober 2024. In de werksessie over
afschrikking wordt ook de defensie-industrie besproken. Op 5 augustus 2024
heb ik u geïnformeerd.1

De Minister van Defensie,
R.P. Brekelmans

1 Kamerstuk 28 676, nr. 464.

kst-28676-467
ISSN 0921 - 7371
’s-Gravenhage 2024
Tweede Kamer, vergaderjaar 2024–2025, 28 676, nr. 467
"""


def test_official_layout_names_itself():
    letter = parse_text(OFFICIAL_LETTER, source_file="kst-28676-467.txt", content_hash="x")
    assert letter.kamerstuk == "kst-28676-467"
    assert letter.date == "2024-10-03"  # the dateline, not "5 augustus 2024" from the body
    assert letter.chamber == "Tweede Kamer"
    assert letter.signatory == "R.P. Brekelmans"
    assert letter.subject == "NAVO; BRIEF VAN DE MINISTER VAN DEFENSIE"
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 28 676, nr. 464.")]
    for noise in ("ISSN", "kst-28676-467", "vergaderjaar 2024–2025, 28 676", "Staten-Generaal\n"):
        assert noise not in letter.text
    assert "NAVO-ministers" in letter.text  # capital before the hyphen: kept
    assert "Vergaderjaar" not in letter.text


def test_kamerstuk_from_dossier_and_nr_lines_without_footer():
    head = OFFICIAL_LETTER.split("kst-28676-467")[0]
    letter = parse_text(head, source_file="brief.txt", content_hash="x")
    assert letter.kamerstuk == "kst-28676-467"


def test_no_date_is_guessed_from_the_body():
    text = "Geachte voorzitter,\n\nOp 3 oktober 2024 heb ik u geschreven over de top van 5 juni 2025.\n"
    assert parse_text(text, source_file="b.txt", content_hash="x").date is None


def test_footnote_lines_are_joined_like_body_lines():
    text = (
        "Geachte voorzitter,\n\nDe NAVO-top in Den Haag1 en de Actieagenda.2\n\n"
        "1 Zie de brief over de uitvoerings-\nagenda en de NAVO-\ntop.\n"
        "2 Productie- \nen Leveringszekerheid; een bijzonder ge\xad\nval.\n"
    )
    letter = parse_text(text, source_file="b.txt", content_hash="x")
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Zie de brief over de uitvoeringsagenda en de NAVO-top."),
        (2, "Productie- en Leveringszekerheid; een bijzonder geval."),
    ]


def test_chamber_only_from_an_addressee_line():
    mention = "Zoals ik de Voorzitter van de Tweede Kamer schreef, is dit een brief zonder kop.\n"
    assert parse_text(mention, source_file="b.txt", content_hash="x").chamber is None
    addressed = "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\n\n" + mention
    assert parse_text(addressed, source_file="b.txt", content_hash="x").chamber == "Eerste Kamer"


def test_footnote_number_glued_to_its_text():
    text = (
        "Geachte voorzitter,\n\nZie de motie-Lodders/Geurts1 en de brief van 20232.\n\n"
        "1Kamerstukken II 2009/10, 27 858, nr. 88, p. 3\n2(Kamerstuk 35 925 X)\n"
    )
    letter = parse_text(text, source_file="b.txt", content_hash="x")
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Kamerstukken II 2009/10, 27 858, nr. 88, p. 3"),
        (2, "(Kamerstuk 35 925 X)"),
    ]
    second = letter.footnotes[1].marker
    assert letter.text[: second[0]].endswith("de brief van 2023")
    assert "de motie-Lodders/Geurts¹ en de brief van 2023²." in letter.text


def test_text_that_already_has_superscript_markers():
    text = (
        "Geachte voorzitter,\n\nDe NAVO-top van 24 en 25 juni 2025¹ en de Defensienota¹².\n\n"
        "1 Zie Kamerstuk 28 676, nr. 467.\n"
    )
    letter = parse_text(text, source_file="b.txt", content_hash="x")
    (note,) = letter.footnotes
    assert note.marker is not None and letter.text[note.marker[0] : note.marker[1]] == "¹"
    assert letter.text[: note.marker[0]].endswith("juni 2025")


def test_sentence_starting_like_a_signature_stays_in_its_paragraph():
    text = (
        "Geachte voorzitter,\n\nIn het overleg van vorige week heeft de staatssecretaris toegezegd dat\n"
        "de minister van Defensie het besluit zal nemen over de aanschaf van\n"
        "nieuwe fregatten. Dat gebeurt in het voorjaar.\n\nHoogachtend,\n\nDE MINISTER VAN DEFENSIE\n\n"
        "Ruben Brekelmans\n"
    )
    letter = parse_text(text, source_file="b.txt", content_hash="x")
    assert letter.text.split("\n\n")[0].startswith("In het overleg") and "aanschaf van nieuwe fregatten" in letter.text
    assert letter.signatory == "Ruben Brekelmans"


def test_line_end_hyphens_of_shortened_compounds_numbers_and_addresses():
    """"wet-" + "en regelgeving" keeps hyphen and space; a document number broken at its hyphen
    joins without a space; a web address keeps its hyphen (issue 11)."""
    text = (
        "Geachte voorzitter,\n\nTot slot wordt wet-\nen regelgeving besproken, met het Onderzoek-\n"
        "of Documentatiecentrum. Verzending begrotingsplan - 21501-07-\n1400 is gedaan. Zie\n"
        "https://open.overheid.nl/documenten/ronl-\nb3889a2030456dfa88b8/pdf voor meer.\n"
    )
    body = " ".join(parse_text(text, source_file="brief.txt", content_hash="0" * 64).text.split())
    assert "wet- en regelgeving" in body
    assert "Onderzoek- of Documentatiecentrum" in body
    assert "21501-07-1400 is gedaan" in body
    assert "https://open.overheid.nl/documenten/ronl-b3889a2030456dfa88b8/pdf voor meer" in body
