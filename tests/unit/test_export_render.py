"""Renderers on a SummaryDocument made by hand from the real seed letters (no library needed):
the PDF's text layer, outline, metadata and fonts; Markdown and CSV read back; safe writes."""

from __future__ import annotations

import csv
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.core.errors import Cancelled, ExportFailed
from desktop_app.core.export.model import (
    ORPHAN_MARK,
    Counts,
    Overview,
    Passage,
    PassageCitation,
    PassageFootnote,
    Section,
    SourceInfo,
    Subsection,
    SummaryDocument,
    ThemeTag,
)
from desktop_app.core.export.summary import source_info
from desktop_app.core.importing import read_file
from desktop_app.core.model import Letter
from desktop_app.core.tasks import CancelToken
from desktop_app.render import pdf as pdf_module
from desktop_app.render import write_summary
from desktop_app.render.csv_table import DELIMITER, ENCODING, FORMULA_GUARD
from desktop_app.render.markdown import md_escape
from tests.conftest import seed_path

HOSTILE_NOTE = "Let op: <script>alert('x')</script> & <b>vet</b> &amp; “citaat” ’s ëï € <para>"
LIGATURES = re.compile("[\ufb00-\ufb06]")


def _letter(prefix: str, letter_id: int) -> Letter:
    parsed = read_file(seed_path(prefix))
    fields = {k: getattr(parsed, k) for k in Letter.__dataclass_fields__ if hasattr(parsed, k) and k != "id"}
    return Letter(id=letter_id, **fields)


def _passage(aid: int, letter: Letter, source: SourceInfo, quote: str, themes: tuple[ThemeTag, ...], note: str) -> Passage:
    start = letter.text.index(quote)
    end = start + len(quote)
    inside = [f for f in letter.footnotes if f.marker and start <= f.marker[0] and f.marker[1] <= end]
    return Passage(
        annotation_id=aid,
        letter_id=letter.id,
        quote=quote,
        start=start,
        end=end,
        themes=themes,
        note=note,
        source=source,
        page=letter.page_of(start),
        footnotes=tuple(
            PassageFootnote(f.number, f.text, (f.marker[0] - start, f.marker[1] - start)) for f in inside if f.marker
        ),
    )


def _sentence(text: str, word: str) -> str:
    """The sentence of ``text`` that contains ``word``."""
    i = text.index(word)
    start = max(text.rfind(". ", 0, i) + 2, text.rfind("\n", 0, i) + 1, 0)
    end = text.index(".", i) + 1
    return text[start:end]


@pytest.fixture(scope="module")
def summary() -> SummaryDocument:
    """Two letters (000 undated with footnotes, 003 dated), four passages, one orphan."""
    l000, l003 = _letter("000", 1), _letter("003", 2)
    cap = ThemeTag(1, "Capaciteitsdoelstellingen", "Capaciteitsdoelstellingen", "#1f77b4")
    ndpp = ThemeTag(2, "NDPP", "Capaciteitsdoelstellingen/NDPP", "#6baed6", depth=1)
    ukr = ThemeTag(3, "Steun aan Oekraïne", "Steun aan Oekraïne", "#ffbf00")
    s003, s000 = source_info(l003, 1, 1), source_info(l000, 2, 3)
    first_para = l000.text.split("\n\n")[0]
    p1 = _passage(1, l000, s000, first_para, (ndpp,), HOSTILE_NOTE)
    p1 = Passage(
        **{
            **p1.__dict__,
            "citations": (
                PassageCitation(
                    raw="Kamerstuk 28 676, nr. 464",
                    kind="kamerstuk",
                    location="footnote",
                    footnote_number=1,
                    canonical="kst-28676-464",
                    status="missing",
                ),
            ),
        }
    )
    p2 = _passage(2, l000, s000, _sentence(l000.text, "creëert risico’s"), (cap, ukr), "=SUM(A1) risico’s\n\nTweede alinea.")
    orphan = Passage(3, l000.id, "Een zin die niet meer in de brief staat.", 0, 40, (cap,), "weesje", s000, None, orphan=True)
    p4 = _passage(4, l003, s003, _sentence(l003.text, "Oekraïne"), (ukr,), "")
    sections = (
        Section("letter-2", "letter", s003.label, (Subsection("letter-2-all", None, (p4,), s003),), source=s003),
        Section("letter-1", "letter", s000.label, (Subsection("letter-1-all", None, (p1, p2, orphan), s000),), source=s000),
    )
    overview = Overview(
        themes=(cap, ndpp, ukr),
        sources=(s003, s000),
        counts=((0, 2), (0, 1), (1, 1)),
        theme_totals=(2, 1, 2),
        letter_totals=(1, 3),
    )
    return SummaryDocument(
        title="Samenvatting CT25 en Oekraïne",
        scope_description="the whole library",
        language="en",  # the English words; Dutch is the default (tests/unit/test_export_for_readers.py)
        created="2025-06-01",
        group_by="letter",
        counts=Counts(passages=4, letters=2, themes=3, orphans=1, footnotes=len(p1.footnotes), citations=1),
        sections=sections,
        overview=overview,
        sources=(s003, s000),
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _in_order(haystack: str, needles: list[str]) -> None:
    pos = 0
    for needle in needles:
        found = haystack.find(needle, pos)
        assert found >= 0, f"not found (in order) after offset {pos}: {needle[:80]!r}"
        pos = found + len(needle)


def _passages_in_order(summary: SummaryDocument) -> list[Passage]:
    return [p for s in summary.sections for sub in s.subsections for p in sub.passages]


def test_pdf_text_layer_has_every_quote_note_and_source_in_order(summary: SummaryDocument, tmp_path: Path) -> None:
    out = tmp_path / "samenvatting.pdf"
    result = write_summary(summary, "pdf", out)
    assert result.path == out and out.is_file()
    assert result.pages == len(PdfReader(str(out)).pages) >= 4
    raw = _pdf_text(out)
    assert "\t" not in raw
    assert not LIGATURES.search(raw)
    text = _squash(raw)
    needles: list[str] = []
    for passage in _passages_in_order(summary):
        needles.append(_squash(passage.quote))
        if passage.note:
            needles.append(_squash(passage.note.split("\n\n")[0]))
        needles += [_squash(f.text) for f in passage.footnotes]
    _in_order(text, needles)
    # markup in notes is printed as typed, never interpreted
    assert _squash(HOSTILE_NOTE) in text
    # the accents and typographic quotes survive, with real spaces between words
    assert "creëert risico’s die op het gehele bondgenootschap" in raw.replace("\n", " ")
    # footnote text, citation and orphan mark are there
    assert "Kamerstuk 28 676, nr. 464 (footnote 1) (kst-28676-464) — not in this library" in text
    assert ORPHAN_MARK in text or "Not found in current text" in text
    for source in summary.sources:
        assert f"[{source.number}] {source.label}" in text


def test_pdf_outline_metadata_and_embedded_fonts(summary: SummaryDocument, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    write_summary(summary, "pdf", out, author="Beleidsmedewerker DGB")
    reader = PdfReader(str(out))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == ["Contents", "Overview"] + [s.title for s in summary.sections] + ["Sources"]
    meta = reader.metadata
    assert meta is not None
    assert meta.title == summary.title
    assert meta.author == "Beleidsmedewerker DGB"
    assert "the whole library" in (meta.subject or "")
    assert "Steun aan Oekraïne" in meta["/Keywords"]
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert "Noto" in name, f"{name}: not the bundled font"
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object(), f"{name} is not embedded"


def test_pdf_pages_rendered_to_png_for_review(summary: SummaryDocument, tmp_path: Path, output_dir: Path) -> None:
    out = tmp_path / "review.pdf"
    write_summary(summary, "pdf", out)
    target = output_dir / "export"
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("render-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-l", "5", str(out), str(target / "render")], check=True)
    pngs = sorted(target.glob("render-*.png"))
    assert len(pngs) == 5
    from PIL import Image

    with Image.open(pngs[0]) as image:
        width, height = image.size
        assert abs(height / width - 297 / 210) < 0.01  # A4 portrait
        assert image.convert("L").getextrema()[0] < 100  # something dark is printed on the cover


def test_failure_mid_write_leaves_no_file(summary: SummaryDocument, tmp_path: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(pdf_module, "_bar_block", broken)
    out = tmp_path / "kapot.pdf"
    with pytest.raises(RuntimeError, match="renderer broke"):
        write_summary(summary, "pdf", out)
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_an_existing_file_untouched(summary: SummaryDocument, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "vorige.pdf"
    out.write_bytes(b"previous export")
    monkeypatch.setattr(pdf_module, "_bar_block", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        write_summary(summary, "pdf", out)
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["vorige.pdf"]


def test_cancel_stops_and_leaves_nothing(summary: SummaryDocument, tmp_path: Path) -> None:
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int, message: str = "") -> None:
        seen.append(done)
        token.cancel()

    with pytest.raises(Cancelled):
        write_summary(summary, "pdf", tmp_path / "x.pdf", progress=progress, cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_clear_error(summary: SummaryDocument, tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        write_summary(summary, "md", tmp_path / "nope" / "x.md")
    with pytest.raises(ExportFailed, match="is a folder"):
        write_summary(summary, "md", tmp_path)


def test_markdown_has_the_same_structure_and_shows_markup_literally(summary: SummaryDocument, tmp_path: Path) -> None:
    out = tmp_path / "s.md"
    write_summary(summary, "markdown", out)
    md = out.read_text(encoding="utf-8")
    assert md.startswith(f"# {summary.title}\n")
    headings = re.findall(r"^## (.+)$", md, flags=re.MULTILINE)
    assert headings == ["Overview"] + [md_escape(s.title) for s in summary.sections] + ["Sources"]
    assert not re.search(r"(?<!\\)<(script|b)>", md)  # never raw HTML
    assert md_escape(HOSTILE_NOTE) in md
    assert "\\<script>" in md and "\\&amp;" in md
    quotes = [line[2:] for line in md.splitlines() if line.startswith("> ")]
    for passage in _passages_in_order(summary):
        assert md_escape(passage.quote.split("\n\n")[0]) in quotes
    assert f"**{md_escape(ORPHAN_MARK)}**" in md


def test_csv_reads_back_one_row_per_passage(summary: SummaryDocument, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    write_summary(summary, "csv", out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with open(out, encoding=ENCODING, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=DELIMITER))
    passages = summary.passages()
    assert len(rows) == len(passages) == 4
    by_id = {int(r["annotation_id"]): r for r in rows}
    for passage in passages:
        row = by_id[passage.annotation_id]
        assert row["quote"] == passage.quote
        note = row["note"][1:] if row["note"].startswith(FORMULA_GUARD + "=") else row["note"]
        assert note == passage.note
        assert (int(row["start"]), int(row["end"])) == (passage.start, passage.end)
        assert row["letter"] == passage.source.name
        assert row["themes"] == " | ".join(t.path for t in passage.themes)
        assert row["status"] == ("orphan" if passage.orphan else "anchored")
    assert by_id[2]["note"].startswith("'=SUM")  # never a live formula in a spreadsheet
    assert by_id[4]["date"] == "2024-10-03"


def test_progress_only_moves_forward_and_ends_complete(summary: SummaryDocument, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_summary(summary, "pdf", tmp_path / "p.pdf", progress=lambda done, total, message="": calls.append((done, total)))
    assert len(calls) >= 2
    totals = {total for _, total in calls}
    assert len(totals) == 1  # one scale for the whole export
    dones = [done for done, _ in calls]
    assert dones == sorted(dones) and dones[-1] == calls[-1][1]


def test_control_characters_and_tabs_in_a_note_do_not_break_the_pdf(summary: SummaryDocument, tmp_path: Path) -> None:
    first = summary.sections[0].subsections[0].passages[0]
    odd = Passage(**{**first.__dict__, "note": "vóór\x00 de\tbrief\x0c \x07klaar\r\nnu"})
    section = summary.sections[0]
    sub = Subsection(section.subsections[0].key, None, (odd,), section.subsections[0].source)
    doc = SummaryDocument(**{**summary.__dict__, "sections": (Section(**{**section.__dict__, "subsections": (sub,)}),)})
    out = tmp_path / "odd.pdf"
    write_summary(doc, "pdf", out)
    text = _squash(_pdf_text(out))
    assert "vóór de brief klaar nu" in text


def test_contents_page_numbers_match_where_the_sections_start(summary: SummaryDocument, tmp_path: Path) -> None:
    out = tmp_path / "toc.pdf"
    write_summary(summary, "pdf", out)
    reader = PdfReader(str(out))
    contents = re.sub(r"( \.)+", "", _squash(reader.pages[1].extract_text()))
    assert contents.startswith(summary.title)  # running footer
    checked = 0
    for item in reader.outline:
        if isinstance(item, list) or item.title == "Contents":
            continue
        page = reader.get_destination_page_number(item) + 1
        assert f"{item.title} {page}" in contents, (item.title, page, contents)
        checked += 1
    assert checked == len(summary.sections) + 2
    # every body page says "page N of <total>"
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"page {number} of {len(reader.pages)}" in page.extract_text()


def test_a_passage_longer_than_a_page_flows_over_pages(summary: SummaryDocument, tmp_path: Path) -> None:
    letter = _letter("003", 2)
    one_paragraph = " ".join(letter.text.split())  # ~12,000 characters without a paragraph break
    first = summary.sections[0].subsections[0].passages[0]
    long = Passage(**{**first.__dict__, "quote": one_paragraph, "footnotes": (), "note": "Lange passage."})
    section = summary.sections[0]
    sub = Subsection(section.subsections[0].key, None, (long, first), section.subsections[0].source)
    doc = SummaryDocument(**{**summary.__dict__, "sections": (Section(**{**section.__dict__, "subsections": (sub,)}),)})
    out = tmp_path / "long.pdf"
    result = write_summary(doc, "pdf", out)
    footer = re.escape(doc.title) + r" 1 June 2025 · page \d+ of \d+ "
    text = re.sub(footer, "", _squash(_pdf_text(out)))  # running footers interrupt the flow
    _in_order(text, [one_paragraph, "Lange passage.", _squash(first.quote)])
    assert result.pages >= 7  # cover, contents, overview, >= 3 pages of passage, sources


def test_hostile_theme_names_long_words_and_unknown_glyphs(summary: SummaryDocument, tmp_path: Path) -> None:
    first = summary.sections[0].subsections[0].passages[0]
    bad_theme = ThemeTag(9, "<b>Thema</b> & co", "<b>Thema</b> & co", "not-a-colour", label="<b>Thema</b> & co")
    long_word = "https://www.tweedekamer.nl/" + "x" * 400
    odd = Passage(**{**first.__dict__, "themes": (bad_theme,), "note": f"{long_word} 漢字 🙂 end"})
    section = Section("theme-9", "theme", bad_theme.path, (Subsection("s", first.source.label, (odd,), first.source),),
                      theme=bad_theme)
    doc = SummaryDocument(**{**summary.__dict__, "sections": (section,), "title": "<i>Titel</i> &amp; meer"})
    out = tmp_path / "odd.pdf"
    write_summary(doc, "pdf", out)
    reader = PdfReader(str(out))
    text = _squash(_pdf_text(out))
    assert text.count("<b>Thema</b> & co") >= 3  # heading, chip, overview row
    assert "<i>Titel</i> &amp; meer" in text
    assert "end" in text and "x" * 40 in text  # the long word is broken over lines, not lost
    assert [i.title for i in reader.outline if not isinstance(i, list)][2] == "<b>Thema</b> & co"
    md = tmp_path / "odd.md"
    write_summary(doc, "md", md)
    assert "\\<b>Thema\\</b> & co" in md.read_text(encoding="utf-8")  # a tag escaped; a lone "&" needs none


def test_quote_markers_superscript_glyphs_kept_ascii_digits_raised() -> None:
    letter = _letter("000", 1)
    quote = _sentence(letter.text, "17-18 oktober")
    passage = _passage(1, letter, source_info(letter, 1, 1), quote, (), "")
    (markup,) = pdf_module._quote_markup(passage)
    assert "2024⁵ geïnformeerd" in markup and "<super>" not in markup  # the glyph is raised already
    # a letter stored by an older version: ASCII marker digits, raised by the markup
    (marker,) = [f.marker for f in passage.footnotes]
    old = quote[: marker[0]] + "5" + quote[marker[1] :]
    (markup,) = pdf_module._quote_markup(replace(passage, quote=old))
    assert "2024<super>5</super> geïnformeerd" in markup
