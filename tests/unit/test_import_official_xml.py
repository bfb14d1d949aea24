"""Official publication XML import: the samples of officielebekendmakingen with their metadata records,
footnotes (``noot``) with markers, ``extref`` links as explicit citations, and hostile XML refused."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importing import is_importable, read_file
from desktop_app.core.importing.official_xml import read_metadata
from desktop_app.core.superscript import superscript

SAMPLE_IDS = ("kst-32545-143", "ah-tk-20202021-3235")


def _record(path: Path) -> dict[str, list[str]]:
    """The metadata record's name -> contents, read independently of the importer."""
    out: dict[str, list[str]] = {}
    for element in ET.parse(path).getroot():
        out.setdefault(element.get("name"), []).append(element.get("content"))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("ident", SAMPLE_IDS)
def test_metadata_equals_the_metadata_record(samples_dir: Path, ident: str) -> None:
    letter = read_file(samples_dir / f"{ident}.xml")
    record = _record(samples_dir / f"{ident}_metadata.xml")
    assert letter.source_format == "xml"
    assert letter.kamerstuk == record["DC.identifier"][0] == ident
    assert letter.date == record["DCTERMS.issued"][0]
    assert letter.subject == (record.get("OVERHEIDop.documenttitel") or record["DC.title"])[0]
    assert letter.chamber + " der Staten-Generaal" == record["DC.creator"][0]
    assert letter.signatory == ", ".join(record["OVERHEIDop.indiener"])
    meta = read_metadata((samples_dir / f"{ident}_metadata.xml").read_bytes(), ident)
    assert meta.vergaderjaar == record["OVERHEIDop.vergaderjaar"][0]
    assert meta.dossier == (record.get("OVERHEIDop.dossiernummer") or [None])[0]


def test_kind_from_the_record(samples_dir: Path) -> None:
    assert read_file(samples_dir / "kst-32545-143.xml").kind == "motie"
    assert read_file(samples_dir / "ah-tk-20202021-3235.xml").kind == "antwoord"


@pytest.mark.parametrize("ident", SAMPLE_IDS)
def test_paragraphs_equal_the_xml_text(samples_dir: Path, ident: str) -> None:
    letter = read_file(samples_dir / f"{ident}.xml")
    root = ET.parse(samples_dir / f"{ident}.xml").getroot()
    expected = [_norm("".join(al.itertext())) for al in root.iter("al")]
    paragraphs = letter.text.split("\n\n")
    assert all(p == _norm(p) and p for p in paragraphs)
    body = [p for p in paragraphs if p in expected]
    assert body == expected  # every paragraph, in order, with the XML's words


def test_head_is_metadata_and_headings_are_listed(samples_dir: Path) -> None:
    letter = read_file(samples_dir / "ah-tk-20202021-3235.xml")
    assert "Vergaderjaar" not in letter.text and "Aanhangsel van de Handelingen" not in letter.text
    headings = [letter.text[a:b] for a, b in letter.headings]
    assert headings[:4] == ["Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"]
    motion = read_file(samples_dir / "kst-32545-143.xml")
    assert [motion.text[a:b] for a, b in motion.headings] == ["MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"]
    assert "32 545" not in motion.text and "Voorgesteld" not in motion.text


def test_extref_is_a_link_to_its_target(samples_dir: Path) -> None:
    letter = read_file(samples_dir / "ah-tk-20202021-3235.xml")
    ((start, end), target), = letter.links
    assert target == "stb-2020-118"
    assert letter.text[start:end] == "Staatsblad 2020, 118"


def test_without_metadata_record_the_head_is_read(samples_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kst-32545-143.xml"
    shutil.copy(samples_dir / "kst-32545-143.xml", copy)
    letter = read_file(copy)
    assert letter.kamerstuk == "kst-32545-143"
    assert letter.date == "2021-07-06"
    assert letter.chamber == "Tweede Kamer"
    assert letter.subject == "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"


def test_plain_metadata_xml_beside_it_is_used(samples_dir: Path, tmp_path: Path) -> None:
    shutil.copy(samples_dir / "kst-32545-143.xml", tmp_path / "kst-32545-143.xml")
    shutil.copy(samples_dir / "kst-32545-143_metadata.xml", tmp_path / "metadata.xml")
    letter = read_file(tmp_path / "kst-32545-143.xml")
    assert letter.subject and letter.subject.startswith("Motie van de leden Inge van Dijk")
    assert not is_importable(tmp_path / "metadata.xml")
    assert is_importable(tmp_path / "kst-32545-143.xml")
    with pytest.raises(ImportFailed, match="metadata record"):
        read_file(tmp_path / "metadata.xml")


def _with_notes(samples_dir: Path, tmp_path: Path) -> Path:
    """The motion sample with two footnotes (``noot`` as in the official schema) put into its text."""
    text = (samples_dir / "kst-32545-143.xml").read_text(encoding="utf-8")
    note1 = ('<noot id="ID-1" type="voet"><noot.nr>1</noot.nr><noot.al>Zie <extref doc="kst-32545-140">'
             "Kamerstuk 32 545, nr. 140</extref>.</noot.al></noot>")
    note2 = '<noot id="ID-2" type="voet"><noot.nr>2</noot.nr><noot.al>Bron: DNB, 2021.</noot.al></noot>'
    text = text.replace("100.000;", f"100.000{note1};")  # the XML has "€\u00a0100.000"
    text = text.replace("spaarsaldogrens,", f"spaarsaldogrens{note2},")
    path = tmp_path / "kst-32545-143.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_footnotes_with_markers_at_their_place(samples_dir: Path, tmp_path: Path) -> None:
    letter = read_file(_with_notes(samples_dir, tmp_path))
    assert [(n.number, n.text) for n in letter.footnotes] == [
        (1, "Zie Kamerstuk 32 545, nr. 140."), (2, "Bron: DNB, 2021.")]
    for note in letter.footnotes:
        start, end = note.marker
        assert letter.text[start:end] == superscript(note.number)
    assert "vanaf € 100.000¹;" in letter.text  # a no-break space is a space in the text and "spaarsaldogrens²," in letter.text
    assert "Bron: DNB" not in letter.text  # the note's text is not in the body


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
         "]><kamerstuk><al>&lol2;</al></kamerstuk>", "unsafe"),
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
         "<kamerstuk><al>&ext;</al></kamerstuk>", "unsafe"),
        ('<?xml version="1.0"?>\n<!doctype kamerstuk SYSTEM "http://example.org/x.dtd"><kamerstuk/>', "unsafe"),
        ("<kamerstuk><al>niet afgesloten</kamerstuk>", "not well-formed"),
        ("<kamerstuk><kamerstukkop/></kamerstuk>", "no body text"),
    ],
)
def test_hostile_xml_refused_naming_the_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "vijandig.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=problem) as info:
        read_file(path)
    assert str(path) in str(info.value)


def test_huge_xml_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "groot.xml"
    with path.open("wb") as handle:
        handle.write(b"<kamerstuk><al>")
        handle.write(b"a" * (2 * 1024 * 1024))
        handle.write(b"</al></kamerstuk>")
    with pytest.raises(ImportFailed, match="too large") as info:
        read_file(path, max_bytes=1024 * 1024)
    assert str(path) in str(info.value)


def test_hostile_metadata_record_refused_naming_it(samples_dir: Path, tmp_path: Path) -> None:
    shutil.copy(samples_dir / "kst-32545-143.xml", tmp_path / "kst-32545-143.xml")
    bad = tmp_path / "kst-32545-143_metadata.xml"
    bad.write_text('<!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]><metadata_gegevens/>')
    with pytest.raises(ImportFailed, match="unsafe") as info:
        read_file(tmp_path / "kst-32545-143.xml")
    assert str(bad) in str(info.value)


def test_extref_outranks_the_parser_and_resolves_to_its_target(samples_dir: Path, tmp_path: Path) -> None:
    """A link whose words name nothing (or something else) still cites its target; once the target is in
    the library the citation resolves to it."""
    from desktop_app.core.services import Library

    text = (samples_dir / "ah-tk-20202021-3235.xml").read_text(encoding="utf-8")
    text = text.replace(
        "Zie de antwoorden op de vragen 2 en 3",
        'Zie <extref doc="kst-32545-143" soort="document">de motie-Van Dijk</extref> en de antwoorden '
        'op <extref doc="kst-32545-143">Kamerstuk 32 545, nr. 140</extref>',
    )
    src = tmp_path / "src"
    src.mkdir()
    (src / "ah-tk-20202021-3235.xml").write_text(text, encoding="utf-8")
    shutil.copy(samples_dir / "ah-tk-20202021-3235_metadata.xml", src)
    with Library.open(tmp_path / "lib", seed=False, search=False) as library:
        report = library.import_paths([src / "ah-tk-20202021-3235.xml"])
        (letter,) = report.imported
        refs = {(r.raw, r.canonical) for r in library.references.refs_for(letter)}
        assert refs == {
            ("Staatsblad 2020, 118", "stb-2020-118"),
            ("de motie-Van Dijk", "kst-32545-143"),
            ("Kamerstuk 32 545, nr. 140", "kst-32545-143"),  # the link's target, not what the words say
        }
        assert "kst-32545-143" in {m.canonical for m in library.references.missing()}
        library.import_paths([samples_dir / "kst-32545-143.xml"])
        motion = [r for r in library.references.refs_for(letter) if r.canonical == "kst-32545-143"]
        assert {r.status for r in motion} == {"resolved"}
        assert {library.get_letter(r.target_letter_id).kamerstuk for r in motion} == {"kst-32545-143"}
