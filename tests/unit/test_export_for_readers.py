"""Exports as the person who receives them reads them (issue 15): every character, references a
person can follow, links, the compact briefing, Word, metadata and contrast, CSV/Markdown, formats.

Each test renders a real export of the bundled letters and reads it back the way a reader's tools
do: pdftotext and pypdf for PDF, python-docx for Word, csv for CSV.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.core.errors import InvalidInput
from desktop_app.core.export import ExportScope
from desktop_app.core.export.contrast import contrast, ink_for
from desktop_app.core.export.formats import format_for_path
from desktop_app.core.services import Library
from desktop_app.render import export_summary
from desktop_app.render.csv_table import DELIMITER, ENCODING
from desktop_app.render.docx import NOTE_STYLE
from desktop_app.render.fonts import SANS, runs_width
from desktop_app.render.pdf_page import fit_width

L000, L003, L004 = "000_eba5de336aff673f", "003_d09603eee462fd1e", "004_94d7e7617410a711"
NOTE = "1,1 mld over 8 jaar ≈ 140 mln/jaar → ≥ ≤ ≠ ✓ ∑ 😀"
OFFICIAL_467 = "https://zoek.officielebekendmakingen.nl/kst-28676-467"
OFFICIAL_472 = "https://zoek.officielebekendmakingen.nl/kst-28676-472"
DESCRIPTION = "Militaire, financiële en politieke steun aan Oekraïne sinds 2022."
AUTHOR = "Jan de Vries (DGB)"

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True).stdout


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with: a note full of symbols; letter 003 given its Kamerstuk id, with a passage over
    its first page break; a passage of 004 around footnote 1 (which cites Kamerstuk 28 676, nr. 472);
    a passage of 000 under another theme."""
    folder = tmp_path_factory.mktemp("readers") / "lib"
    with Library.open(folder) as lib:
        ukraine = lib.get_theme("Steun aan Oekraïne").id
        lib.set_kamerstuk(L003, "kst-28676-467")
        lib.annotate_quote(L003, "Oekraïne", [ukraine], note=NOTE)
        page2 = lib.get_letter(L003).page_starts[1]
        lib.annotate(L003, page2 - 120, page2 + 40, [ukraine])
        marker = lib.get_letter(L004).footnotes[0].marker
        assert marker is not None
        lib.annotate(L004, marker[0] - 60, marker[1] + 5, [ukraine], note="Zie ook de brief over CT25.")
        lib.annotate_quote(L000, "creëert risico’s", [lib.get_theme("NDPP").id])
    assert main(["--library", str(folder), "themes", "describe", "Steun aan Oekraïne", DESCRIPTION]) == 0
    return folder


def export(folder: Path, out: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    """``kamerlezer export ... -o out --json``; returns its report."""
    capsys.readouterr()
    code = main(["--library", str(folder), "export", "--language", "en", *args, "-o", str(out), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return dict(json.loads(captured.out))


@pytest.fixture(scope="module")
def pdf_by_theme(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "samenvatting.pdf"
    with Library.open(folder) as lib:
        result = export_summary(lib, ExportScope(language="en", author=AUTHOR), "pdf", out)
    out.with_suffix(".warnings").write_text("\n".join(result.warnings), encoding="utf-8")
    return out


# 1. every character -------------------------------------------------------------------------------


@needs_pdftotext
def test_symbols_reach_the_text_layer_and_a_missing_character_is_shown_and_reported(pdf_by_theme: Path) -> None:
    text = pdftotext(pdf_by_theme)
    assert "1,1 mld over 8 jaar ≈ 140 mln/jaar → ≥ ≤ ≠ ✓ ∑" in " ".join(text.split())
    assert "[U+1F600]" in text  # the emoji, replaced visibly
    warnings = pdf_by_theme.with_suffix(".warnings").read_text(encoding="utf-8")
    assert "U+1F600" in warnings and "≈" not in warnings
    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(str(pdf_by_theme)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("NotoSansMath" in f for f in fonts) and any("NotoSansSymbols2" in f for f in fonts)


def test_the_cli_prints_the_missing_character_warning(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.pdf"
    assert main(["--library", str(folder), "export", "--language", "en", "--theme", "Steun aan Oekraïne", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "kamerlezer: No bundled font has these characters" in err and "[U+1F600]" in err


def test_the_fallback_fonts_and_their_licences_are_bundled() -> None:
    from desktop_app.render.fonts import FALLBACKS, fonts_dir

    folder = fonts_dir()
    for filename in FALLBACKS.values():
        assert (folder / filename).is_file()
    ofl = (folder / "OFL.txt").read_text(encoding="utf-8")
    assert "NotoSansMath-Regular.ttf" in ofl and "NotoSansSymbols2-Regular.ttf" in ofl
    assert "Bitstream Vera" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


# 2. references a person follows -----------------------------------------------------------------


@needs_pdftotext
def test_pdf_cites_kamerstuk_date_and_pages_never_offsets_or_file_names(pdf_by_theme: Path) -> None:
    text = " ".join(pdftotext(pdf_by_theme).split())
    assert "Kamerstuk 28 676, nr. 467 · pp. 1–2" in text  # the passage over the page break
    assert "3 October 2024 · Kamerstuk 28 676, nr. 467 · p. 1" in text
    for leak in ("characters", L003, L004, "file 0"):
        assert leak not in text


def test_csv_keeps_file_offsets_and_gets_chamber_end_page_footnotes_and_citations(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.csv"
    export(folder, out, capsys, "--language", "nl")
    with open(out, encoding=ENCODING, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=DELIMITER))
    assert {"bestand", "kamer", "eindpagina", "voetnoten", "verwijzingen", "begin", "einde"} <= set(rows[0])
    over_break = [r for r in rows if r["bestand"] == L003 and r["pagina"] != r["eindpagina"]]
    assert [(r["pagina"], r["eindpagina"], r["kamer"]) for r in over_break] == [("1", "2", "Eerste Kamer")]
    with_note = next(r for r in rows if r["bestand"] == L004)
    assert with_note["voetnoten"].startswith("1. Kamerstuk 28 676, nr. 472")
    assert "kst-28676-472" in with_note["verwijzingen"]
    assert int(with_note["begin"]) < int(with_note["einde"])


def test_english_csv_keeps_english_column_names(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.csv"
    export(folder, out, capsys)
    with open(out, encoding=ENCODING, newline="") as handle:
        header = next(csv.reader(handle, delimiter=DELIMITER))
    assert header[:6] == ["letter", "title", "subject", "date", "chamber", "kamerstuk"]


# 3. links ------------------------------------------------------------------------------------------


def _links(reader: PdfReader) -> list[tuple[int, Any]]:
    out = []
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                out.append((number, annot))
    return out


def test_pdf_links_ids_to_their_official_address_and_marks_to_the_sources(pdf_by_theme: Path) -> None:
    reader = PdfReader(str(pdf_by_theme))
    links = _links(reader)
    uris = {str(a["/A"]["/URI"]) for _, a in links if "/A" in a and "/URI" in a["/A"]}
    assert OFFICIAL_467 in uris and OFFICIAL_472 in uris
    targets = [
        (page, reader.get_page_number(a["/Dest"][0].get_object()), a["/Dest"][1], float(a["/Dest"][3]))
        for page, a in links
        if "/Dest" in a and a["/Dest"][1] == "/XYZ"
    ]
    sources_page = len(reader.pages) - 1  # the list of sources is the last page
    marks = [t for t in targets if t[0] > 2 and t[1] == sources_page]
    assert len(marks) >= 4  # [n] beside each passage and letter heading go to the list of sources
    assert len({t[3] for t in marks}) == 3  # to each source's own place there (letters 000, 003, 004)
    contents = [t for t in targets if t[0] == 1]  # page 2: the contents
    assert len(contents) >= 4 and any(t[3] < 780 for t in contents)  # to the heading, not the page top


def _themes_json() -> str:  # the starter themes
    from desktop_app.paths import resources_dir

    return str(resources_dir() / "themes.json")


@needs_pdftotext
def test_original_appended_from_page_links_to_that_page(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.pdf"
    report = export(folder, out, capsys, "--with-originals", "--theme", "Steun aan Oekraïne")
    reader = PdfReader(str(out))
    assert report["pages"] == len(reader.pages)
    text = pdftotext(out)
    starts = [int(n) for n in re.findall(r"Original appended from page (\d+)", text)]
    assert len(starts) == 2  # letters 003 and 004
    to_pages = set()
    for _, annot in _links(reader):
        dest = annot.get("/Dest")
        if dest is not None and not isinstance(dest, str):  # an explicit [page /Fit] destination
            to_pages.add(reader.get_page_number(dest[0].get_object()) + 1)
    assert set(starts) <= to_pages


# 4. compact, author, descriptions, footer ----------------------------------------------------------


@needs_pdftotext
def test_compact_briefing_fits_on_one_page_with_a_one_line_header(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kort.pdf"
    report = export(folder, out, capsys, "--compact", "--author", AUTHOR, "--language", "nl")
    assert report["pages"] == 1
    reader = PdfReader(str(out))
    assert reader.metadata.author == AUTHOR
    lines = [line for line in pdftotext(out).splitlines() if line.strip()]
    assert lines[0].startswith("Geannoteerde samenvatting · " + AUTHOR + " · ")
    assert "Inhoud" not in lines and "Overzicht" not in lines
    footer = " ".join(lines[-3:])
    assert f"Geannoteerde samenvatting · {AUTHOR}" in footer and "pagina 1 van 1" in footer


@needs_pdftotext
def test_the_theme_description_introduces_its_chapter(pdf_by_theme: Path, folder: Path, tmp_path: Path) -> None:
    text = " ".join(pdftotext(pdf_by_theme).split())
    assert f"Steun aan Oekraïne {DESCRIPTION}" in text
    with Library.open(folder) as lib:
        assert lib.get_theme("Steun aan Oekraïne").description == DESCRIPTION


@needs_pdftotext
def test_a_long_title_is_cut_in_the_footer_by_its_measured_width(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = "Steun aan Oekraïne en de NAVO-capaciteitsdoelstellingen " * 4
    out = tmp_path / "lang.pdf"
    export(folder, out, capsys, "--title", title.strip(), "--author", AUTHOR)
    layout = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True, text=True).stdout
    footer = " ".join([line for line in layout.splitlines() if "page 2 of" in line][0].split())
    assert footer.startswith("Steun aan Oekraïne en de NAVO") and "…" in footer  # cut where the date begins
    assert re.search(r"… \d{1,2} \w+ \d{4} · page 2 of \d+$", footer)  # the export's date is today's
    room = 300.0
    cut = fit_width(title, SANS, 7.5, room)
    assert cut.endswith("…") and runs_width(cut, SANS, 7.5) <= room
    assert runs_width(title[: len(cut)] + "…", SANS, 7.5) > room  # one character more would not fit


# 5. Word ---------------------------------------------------------------------------------------------


def test_word_has_real_headings_notes_style_footnotes_shading_and_links(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.docx"
    report = export(folder, out, capsys, "--author", AUTHOR)
    assert report["format"] == "docx"
    document = docx.Document(str(out))
    headings = {(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert ("Heading 1", "Steun aan Oekraïne") in headings and ("Heading 1", "Sources") in headings
    assert any(style == "Heading 2" and "Geannoteerde agenda" in text for style, text in headings)
    notes = [p.text for p in document.paragraphs if p.style.name == NOTE_STYLE]
    assert any("≈ 140 mln/jaar → ≥ ≤ ≠ ✓ ∑ 😀" in n for n in notes)  # Word keeps every character
    text = "\n".join(p.text for p in document.paragraphs)
    assert "pp. 1–2" in text and "characters" not in text and L003 not in text
    assert document.core_properties.author == AUTHOR
    with zipfile.ZipFile(out) as package:
        footnotes = package.read("word/footnotes.xml").decode("utf-8")
        body = package.read("word/document.xml").decode("utf-8")
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "Kamerstuk 28 676, nr. 472 van 8 november 2024" in footnotes
    assert "<w:footnoteReference" in body
    assert OFFICIAL_467 in rels and OFFICIAL_472 in rels
    with Library.open(folder) as lib:
        colour = lib.get_theme("Steun aan Oekraïne").color.lstrip("#").upper()
    assert f'w:fill="{colour}"' in body  # the Ukraine theme's colour as shading
    assert 'w:anchor="source_1"' in body and 'w:name="source_1"' in body
    assert 'w:instr="TOC \\o &quot;1-2&quot;' in body  # a Word table of contents
    with zipfile.ZipFile(out) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    order = ["pStyle", "keepNext", "pageBreakBefore", "pBdr", "shd", "spacing", "ind"]
    for xml in (body, styles):  # Word refuses a document whose paragraph properties are out of order
        for props in re.findall(r"<w:pPr>(.*?)</w:pPr>", xml):
            seen = [t for t in re.findall(r"<w:(\w+)", props) if t in order]
            assert seen == sorted(seen, key=order.index), props


def test_compact_word_has_no_contents(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kort.docx"
    export(folder, out, capsys, "--compact")
    with zipfile.ZipFile(out) as package:
        assert "TOC \\o" not in package.read("word/document.xml").decode("utf-8")


# 6. metadata and contrast -----------------------------------------------------------------------


def test_pdf_has_language_display_title_and_xmp(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nl.pdf"
    export(folder, out, capsys, "--language", "nl", "--author", AUTHOR)
    root = PdfReader(str(out)).trailer["/Root"]
    assert root["/Lang"] == "nl-NL"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "Geannoteerde samenvatting" in xmp and AUTHOR in xmp and "<rdf:li>nl-NL</rdf:li>" in xmp


def test_every_starter_theme_label_meets_wcag_aa() -> None:
    def colours_of(themes: list[dict[str, Any]]) -> list[str]:
        return [c for t in themes for c in [t["color"], *colours_of(t.get("children", []))]]

    colours = colours_of(json.loads(Path(_themes_json()).read_text(encoding="utf-8"))["themes"]) + ["#ff7f0e"]  # the orange of the issue: white on it is 2.9:1
    for colour in colours:
        assert contrast(colour, ink_for(colour)) >= 4.5, colour
    assert ink_for("#ff7f0e") == "#000000"


@given(st.integers(0, 0xFFFFFF))
def test_black_or_white_always_reaches_4_5_to_1(value: int) -> None:
    colour = f"#{value:06x}"
    assert contrast(colour, ink_for(colour)) >= 4.5


# 7. Markdown ---------------------------------------------------------------------------------------


def test_markdown_links_ids_and_sources_and_reads_as_plain_text(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.md"
    export(folder, out, capsys, "--language", "nl")
    md = out.read_text(encoding="utf-8")
    assert f"[Kamerstuk 28 676, nr. 467]({OFFICIAL_467})" in md
    assert f"[Kamerstuk 28 676, nr. 472 van 8 november 2024]({OFFICIAL_472}) (voetnoot 1)" in md
    assert "[[1]](#bronnen)" in md and "\n## Bronnen\n" in md
    assert "p. 1–2" in md and "tekens" not in md and L003 not in md
    assert "\\[" not in md and "\\]" not in md  # "[1]" reads as typed: no link can form


# 8. formats ------------------------------------------------------------------------------------------


def test_an_unknown_extension_is_refused_with_the_formats_listed(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.odt"
    assert main(["--library", str(folder), "export", "--language", "en", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "x.odt: unknown extension .odt" in err and "pdf (.pdf), docx (.docx), md (.md, .markdown), csv (.csv)" in err
    assert not out.exists()


def test_format_for_path_decides_from_the_extension_and_checks_an_explicit_format() -> None:
    assert format_for_path("a/b.DOCX") == "docx" and format_for_path("b.markdown") == "md"
    assert format_for_path("zonder_extensie") == "pdf" and format_for_path("zonder", "csv") == "csv"
    with pytest.raises(InvalidInput, match="not docx"):
        format_for_path("x.pdf", "docx")
    with pytest.raises(InvalidInput, match="unknown extension .odt"):
        format_for_path("x.odt", "pdf")


# 2. (with originals) a text letter's pages: original page numbers, passages highlighted ----------


def test_a_text_letters_appended_pages_mark_its_pages_and_highlight_the_passages(folder: Path) -> None:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.rl_accel import fp_str

    from desktop_app.core.export import build_summary
    from desktop_app.render.pdf_post import highlight_tint, text_letter_pdf
    from desktop_app.render.service import collect_originals

    with Library.open(folder) as lib:
        summary = build_summary(lib, ExportScope(language="en", with_originals=True))
        originals = {o.source.letter_id: o for o in collect_originals(lib, summary)}
        original = originals[lib.get_letter(L003).id]
        colour = lib.get_theme("Steun aan Oekraïne").color  # the theme of both passages in 003
    assert len(original.highlights) == 2 and {c for _, _, c in original.highlights} == {colour}
    pdf = text_letter_pdf(original.source, original.letter, highlights=original.highlights)
    path = Path(str(folder) + "-original.pdf")
    path.write_bytes(pdf)
    reader = PdfReader(str(path))
    text = "".join(page.extract_text() for page in reader.pages)
    assert all(f"[p. {n}]" in text for n in (2, 3, 4)) and "[p. 5]" not in text
    tint = HexColor(highlight_tint(colour))
    fill = f"{fp_str(tint.red, tint.green, tint.blue)} rg".encode()
    assert fill in reader.pages[0].get_contents().get_data()  # the passage on page 1, shaded
    assert contrast(highlight_tint("#1f77b4"), "#000000") >= 4.5
