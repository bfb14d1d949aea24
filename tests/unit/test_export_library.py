"""Annotated summaries end to end: a real Library in tmp_path (seeded with the five letters),
annotations made through it, build_summary's arrangement, and PDF / Markdown / CSV files read back."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.core.errors import ExportFailed, InvalidInput, NotFound
from desktop_app.core.export import ExportScope, build_summary
from desktop_app.core.export.model import ORPHAN_MARK, SummaryDocument
from desktop_app.core.services import Library
from desktop_app.core.superscript import superscript
from desktop_app.render import export_summary
from desktop_app.render.csv_table import DELIMITER, ENCODING
from desktop_app.render.markdown import md_escape
from tests.conftest import SAMPLES, seed_path
from tests.unit.test_export_render import LIGATURES, _in_order, _pdf_text, _squash

L000, L002, L003, L004 = "000_eba5de336aff673f", "002_6da6c7f9d4c292e2", "003_d09603eee462fd1e", "004_94d7e7617410a711"
MARKUP_NOTE = "Nagaan: <script>alert('x')</script> & <b>vet</b> &amp; “navragen” bij DGB’s"
MOTIE_PDF = SAMPLES / "kst-32545-143_motie_2021.pdf"


def _sentence(text: str, word: str) -> str:
    i = text.index(word)
    start = max(text.rfind(". ", 0, i) + 2, text.rfind("\n", 0, i) + 1)
    return text[start : text.index(".", i) + 1]


@pytest.fixture()
def library(tmp_path: Path):
    lib = Library.open(tmp_path / "lib")
    yield lib
    lib.close()


@pytest.fixture()
def annotated(library: Library) -> Library:
    """Six passages on four seed letters, with accents, typographic quotes, footnotes and markup."""
    ndpp = library.get_theme("Capaciteitsdoelstellingen/NDPP").id
    cap = library.get_theme("Capaciteitsdoelstellingen").id
    industry = library.get_theme("Defensie-industrie").id
    ukraine = library.get_theme("Steun aan Oekraïne").id
    money = library.get_theme("Financiering en 2%-norm").id
    t000 = library.get_letter(L000).text
    t004 = library.get_letter(L004).text
    library.annotate_quote(L000, t000.split("\n\n")[0], [ndpp, industry], note=MARKUP_NOTE)
    library.annotate_quote(L000, "creëert risico’s die op het gehele bondgenootschap terugslaan", [cap], note="Eerste.\n\nTweede alinea.")
    library.annotate_quote(L000, _sentence(t000, "“Surface Based"), [cap])
    library.annotate_quote(L003, _sentence(library.get_letter(L003).text, "Oekraïne"), [ukraine])
    library.annotate_quote(L004, _sentence(t004, "“to prevent war"), [money], note="€ 2% & ‘meer’")
    marker = library.get_letter(L004).footnotes[0].marker
    assert marker is not None
    start = t004.rfind("\n\n", 0, marker[0]) + 2
    library.annotate(L004, start, marker[1] + 1, [cap])
    return library


def _walk(summary: SummaryDocument):
    for section in summary.sections:
        for sub in section.subsections:
            for passage in sub.passages:
                yield section, sub, passage


# -- build_summary --------------------------------------------------------------------------------


def test_by_theme_sections_follow_the_theme_tree_and_repeat_two_theme_passages(annotated: Library) -> None:
    summary = build_summary(annotated, ExportScope(language="en"))
    theme_order = [t.id for t in annotated.list_themes()]
    used = {tid for a in annotated.list_annotations() for tid in a.theme_ids}
    assert [s.theme.id for s in summary.sections if s.theme] == [t for t in theme_order if t in used]
    assert summary.counts.passages == len(annotated.list_annotations()) == 6
    by_section = {s.title: [p.annotation_id for sub in s.subsections for p in sub.passages] for s in summary.sections}
    first = annotated.list_annotations(L000)[0]
    assert first.id in by_section["Capaciteitsdoelstellingen › NDPP"]
    assert first.id in by_section["Defensie-industrie"]
    # within a section: letters in sources order (dated first, by date), passages in text order
    for section in summary.sections:
        numbers = [sub.source.number for sub in section.subsections]
        assert numbers == sorted(numbers)
        for sub in section.subsections:
            starts = [p.start for p in sub.passages]
            assert starts == sorted(starts)
    dates = [s.date for s in summary.sources]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[: len(dated)] == dated


def test_by_letter_has_one_section_per_letter_in_text_order(annotated: Library) -> None:
    summary = build_summary(annotated, ExportScope(language="en", group_by="letter"))
    assert [s.source.letter_id for s in summary.sections] == [s.letter_id for s in summary.sources]
    for section in summary.sections:
        (sub,) = section.subsections
        assert sub.title is None
        assert [p.start for p in sub.passages] == sorted(p.start for p in sub.passages)
        expected = {a.id for a in annotated.list_annotations(section.source.letter_id)}
        assert {p.annotation_id for p in sub.passages} == expected


def test_passage_carries_footnotes_citations_page_and_theme_colours(annotated: Library) -> None:
    summary = build_summary(annotated, ExportScope(language="en", letters=(L000,), group_by="letter"))
    first = summary.sections[0].subsections[0].passages[0]
    letter = annotated.get_letter(L000)
    assert first.start == 0 and first.page == 1
    assert [f.number for f in first.footnotes] == [1, 2, 3]
    for footnote in first.footnotes:
        assert footnote.marker is not None
        assert first.quote[footnote.marker[0] : footnote.marker[1]] == superscript(footnote.number)
    refs = annotated.references.refs_for(letter.id)
    expected = [r.raw for r in refs if (r.location == "footnote" and r.footnote_number in (1, 2, 3))
                or (r.location == "body" and first.start <= r.start and r.end <= first.end)]
    assert sorted(c.raw for c in first.citations) == sorted(" ".join(raw.split()) for raw in expected)
    assert any(c.canonical == "kst-28676-464" for c in first.citations)
    assert [t.path for t in first.themes] == ["Capaciteitsdoelstellingen/NDPP", "Defensie-industrie"]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", t.color) for t in first.themes)
    assert first.source.label == letter.title


def test_footnote_citation_resolves_to_a_letter_in_the_library(annotated: Library) -> None:
    summary = build_summary(annotated, ExportScope(language="en", letters=(L004,), group_by="letter"))
    with_note = [p for _, _, p in _walk(summary) if p.footnotes]
    assert len(with_note) == 1
    (citation,) = [c for c in with_note[0].citations if c.location == "footnote"]
    assert citation.canonical == "kst-28676-472"
    ref = next(r for r in annotated.references.refs_for(L004) if r.location == "footnote")
    assert citation.status == ref.status
    if ref.status == "suggested":  # the undated CT25 letter (000) is proposed as nr. 472
        assert citation.target_letter_id == ref.suggestions[0][0]
        assert citation.target_label is not None


def test_scope_by_theme_includes_sub_themes_and_filters_letters_and_dates(annotated: Library) -> None:
    cap = build_summary(annotated, ExportScope(language="en", themes=("Capaciteitsdoelstellingen",)))
    ids = {p.annotation_id for _, _, p in _walk(cap)}
    expected = {a.id for a in annotated.list_annotations(theme="Capaciteitsdoelstellingen", include_subthemes=True)}
    assert ids == expected and len(ids) == 4
    assert "(with sub-themes)" in cap.scope_description
    assert cap.title == "Annotated summary: Capaciteitsdoelstellingen"
    # both letters and themes: the intersection
    both = build_summary(annotated, ExportScope(language="en", letters=(L000,), themes=("Capaciteitsdoelstellingen",)))
    assert {p.letter_id for _, _, p in _walk(both)} == {annotated.get_letter(L000).id}
    # a date range leaves out undated letters (000 has no date) and those outside it
    dated = build_summary(annotated, ExportScope(language="en", date_from="2024-10-01", date_to="2024-12-31"))
    assert [s.name for s in dated.sources] == [L003]
    assert "letters without a date left out" in dated.scope_description
    year = build_summary(annotated, ExportScope(language="en", date_from="2025"))
    assert [s.name for s in year.sources] == [L004]


def test_bad_scope_values_are_clear_errors(annotated: Library) -> None:
    with pytest.raises(InvalidInput, match="not a date"):
        build_summary(annotated, ExportScope(language="en", date_from="3 oktober 2024"))
    with pytest.raises(InvalidInput, match="empty"):
        build_summary(annotated, ExportScope(language="en", date_from="2025-01-01", date_to="2024-01-01"))
    with pytest.raises(InvalidInput, match="grouping"):
        build_summary(annotated, ExportScope(language="en", group_by="page"))
    with pytest.raises(NotFound):
        build_summary(annotated, ExportScope(language="en", themes=("Bestaat niet",)))


def test_empty_scope_is_refused_and_writes_nothing(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "leeg.pdf"
    with pytest.raises(ExportFailed, match=r"^Nothing to export: no annotations in the whole library\.$"):
        export_summary(library, ExportScope(language="en"), "pdf", out)
    assert not out.exists()
    library.annotate_quote(L003, "Oekraïne", [library.get_theme("Steun aan Oekraïne").id])
    with pytest.raises(ExportFailed, match="no annotations in theme: NAVO-top"):
        export_summary(library, ExportScope(language="en", themes=("NAVO-top",)), "md", tmp_path / "leeg.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib"]


def test_orphan_is_exported_and_marked(annotated: Library, tmp_path: Path) -> None:
    text = annotated.get_letter(L003).text
    quote = _sentence(text, "Oekraïne")
    changed = tmp_path / "new" / seed_path("003").name
    changed.parent.mkdir()
    original = seed_path("003").read_text(encoding="utf-8")
    # the sentence may run over lines in the file: drop every line that holds part of it
    words = quote.split()[:6]
    kept = [line for line in original.splitlines() if not any(w in line for w in (" ".join(words[:3]),))]
    changed.write_text("\n".join(kept).replace("Oekraïne", "Oekraine"), encoding="utf-8")
    report = annotated.import_paths([changed])
    assert report.updated, report
    orphans = [a for a in annotated.list_annotations(L003) if a.status == "orphan"]
    assert orphans, "the test needs an annotation that could not be re-attached"
    summary = build_summary(annotated, ExportScope(language="en", letters=(L003,)))
    passages = [p for _, _, p in _walk(summary)]
    assert any(p.orphan and p.quote == orphans[0].quote and p.page is None for p in passages)
    assert summary.counts.orphans == len(orphans)
    out = tmp_path / "wees.md"
    export_summary(annotated, ExportScope(language="en", letters=(L003,)), "md", out)
    assert md_escape(ORPHAN_MARK) in out.read_text(encoding="utf-8")


# -- files ----------------------------------------------------------------------------------------


def test_pdf_has_every_quote_note_and_source_in_order(annotated: Library, tmp_path: Path) -> None:
    out = tmp_path / "samenvatting.pdf"
    result = export_summary(annotated, ExportScope(language="en", title="Kamerbrieven NAVO – overzicht"), "pdf", out)
    summary = build_summary(annotated, ExportScope(language="en", title="Kamerbrieven NAVO – overzicht"))
    reader = PdfReader(str(out))
    assert result.pages == len(reader.pages) and result.passages == 6
    raw = _pdf_text(out)
    assert "\t" not in raw and not LIGATURES.search(raw)
    text = _squash(raw)
    needles = []
    for _, _, passage in _walk(summary):
        needles.append(_squash(passage.quote))
        if passage.note:
            needles.append(_squash(passage.note.split("\n\n")[0]))
    needles += [f"[{s.number}] {s.label}" for s in summary.sources]  # the list of sources, at the end
    _in_order(text, needles)
    assert _squash(MARKUP_NOTE) in text  # markup printed as typed
    for word in ("creëert risico’s die op het gehele bondgenootschap", "“to prevent war, NATO must spend more.", "€ 2% & ‘meer’"):
        assert word in raw.replace("\n", " ")
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == ["Contents", "Overview"] + [s.title for s in summary.sections] + ["Sources"]
    assert reader.metadata.title == "Kamerbrieven NAVO – overzicht"
    assert reader.metadata.author == "Kamerlezer"
    assert "Capaciteitsdoelstellingen/NDPP" in reader.metadata["/Keywords"]


@pytest.mark.skipif(not MOTIE_PDF.is_file(), reason="official sample PDF not available")
def test_with_originals_appends_each_letter_with_a_bookmark(annotated: Library, tmp_path: Path) -> None:
    report = annotated.import_paths([MOTIE_PDF])
    (motie,) = report.imported
    annotated.annotate_quote(motie.id, "€", [annotated.get_theme("Financiering en 2%-norm").id])
    scope = ExportScope(language="en", letters=(motie.id, L003))
    plain = export_summary(annotated, scope, "pdf", tmp_path / "zonder.pdf")
    scope_with = ExportScope(language="en", letters=(motie.id, L003), with_originals=True)
    full = export_summary(annotated, scope_with, "pdf", tmp_path / "met.pdf")
    assert full.warnings == ()
    reader = PdfReader(str(tmp_path / "met.pdf"))
    outline = reader.outline
    i = [o.title if not isinstance(o, list) else None for o in outline].index("Originals")
    children = outline[i + 1]
    assert len(children) == 2
    starts = {c.title: reader.get_destination_page_number(c) for c in children}
    sources = build_summary(annotated, scope).sources
    label = {s.letter_id: f"[{s.number}] {s.label}" for s in sources}
    motie_page, text_page = starts[label[motie.id]], starts[label[annotated.get_letter(L003).id]]
    # the official PDF is appended page for page, the text letter is set as pages of its own
    assert len(PdfReader(str(MOTIE_PDF)).pages) == 1
    assert full.pages > plain.pages + 1
    official = reader.pages[motie_page].extract_text()
    assert "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS" in _squash(official).upper()
    assert "Text of the letter as imported" in reader.pages[text_page].extract_text()
    assert sorted(starts.values()) == [plain.pages, plain.pages + 1]  # [1] is the motie (dated 2021)
    # the contents and the list of sources say where each original starts (pages counted from 1)
    contents = re.sub(r"( \.)+", "", _squash(reader.pages[1].extract_text()))
    sources_page = _squash(reader.pages[plain.pages - 1].extract_text())
    for title, page in starts.items():
        assert f"{title} {page + 1}" in contents
    assert f"Original appended from page {motie_page + 1}" in sources_page
    assert f"Original appended from page {text_page + 1}" in sources_page
    assert f"page 2 of {full.pages}" in _squash(reader.pages[1].extract_text())


def test_with_originals_reports_a_missing_copy_and_still_exports(annotated: Library, tmp_path: Path) -> None:
    letter = annotated.get_letter(L003)
    report = annotated.import_paths([MOTIE_PDF]) if MOTIE_PDF.is_file() else None
    if report is None:
        pytest.skip("official sample PDF not available")
    (motie,) = report.imported
    annotated.annotate_quote(motie.id, "€", [])
    copy = Path(motie.source_path)
    copy = copy if copy.is_absolute() else annotated.folder / copy
    shutil.move(copy, tmp_path / "weg.pdf")
    result = export_summary(annotated, ExportScope(language="en", letters=(motie.id, letter.id), with_originals=True), "pdf",
                            tmp_path / "s.pdf")
    assert len(result.warnings) == 1 and "missing" in result.warnings[0]
    assert (tmp_path / "s.pdf").is_file()


def test_markdown_and_csv_from_the_library(annotated: Library, tmp_path: Path) -> None:
    summary = build_summary(annotated, ExportScope(language="en"))
    md_path = tmp_path / "s.md"
    export_summary(annotated, ExportScope(language="en"), "md", md_path)
    md = md_path.read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", md, flags=re.MULTILINE) == (
        ["Overview"] + [md_escape(s.title) for s in summary.sections] + ["Sources"]
    )
    assert md_escape(MARKUP_NOTE) in md and not re.search(r"(?<!\\)<script>", md)  # never raw HTML
    csv_path = tmp_path / "s.csv"
    export_summary(annotated, ExportScope(language="en"), "csv", csv_path)
    with open(csv_path, encoding=ENCODING, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=DELIMITER))
    annotations = {a.id: a for a in annotated.list_annotations()}
    assert len(rows) == len(annotations)
    for row in rows:
        annotation = annotations[int(row["annotation_id"])]
        letter = annotated.get_letter(annotation.letter_id)
        assert row["quote"] == annotation.quote == letter.text[int(row["start"]) : int(row["end"])]
        assert row["note"] == annotation.note
        assert row["letter"] == letter.name
        assert row["date"] == (letter.date or "")


def test_footnote_markers_are_superscripts_in_every_format(library: Library, tmp_path: Path) -> None:
    sentence = "op 17-18 oktober 2024⁵ geïnformeerd"
    library.annotate_quote(L000, sentence, [library.get_theme("NAVO-top").id])
    library.annotate_quote(L003, "Planning Process (NDPP)¹.", [library.get_theme("Capaciteitsdoelstellingen/NDPP").id])
    scope = ExportScope(language="en", letters=(L000, L003))
    texts = {}
    for fmt in ("pdf", "md", "csv"):
        out = tmp_path / f"s.{fmt}"
        export_summary(library, scope, fmt, out)
        texts[fmt] = _squash(_pdf_text(out) if fmt == "pdf" else out.read_text(encoding=ENCODING))
    for fmt, text in texts.items():
        assert sentence in text, fmt  # the PDF's text layer reads the superscript glyph, not "20245"
        assert "Planning Process (NDPP)¹." in text, fmt
        assert "20245" not in text and "(NDPP)1" not in text, fmt


def test_dutch_summary_uses_dutch_words_throughout(annotated: Library, tmp_path: Path) -> None:
    scope = ExportScope(themes=("Steun aan Oekraïne",), language="nl")
    summary = build_summary(annotated, scope)
    assert summary.title == "Geannoteerde samenvatting: Steun aan Oekraïne"
    assert summary.scope_description == "thema: Steun aan Oekraïne (met subthema's)"
    out = tmp_path / "nl.pdf"
    export_summary(annotated, scope, "pdf", out)
    reader = PdfReader(str(out))
    text = _squash(_pdf_text(out))
    for word in ("GEANNOTEERDE SAMENVATTING", "Gemaakt op", "Inhoud", "Overzicht", "Bronnen", "3 oktober 2024",
                 "pagina 2 van"):
        assert word in text, word
    for english in ("Made on", "Contents", "Sources", "October", "page 2 of"):
        assert english not in text, english
    assert [i.title for i in reader.outline if not isinstance(i, list)][:2] == ["Inhoud", "Overzicht"]
    md = tmp_path / "nl.md"
    export_summary(annotated, scope, "md", md)
    assert "## Overzicht" in md.read_text(encoding="utf-8") and "**Bron:**" in md.read_text(encoding="utf-8")
    with pytest.raises(InvalidInput, match="language"):
        build_summary(annotated, ExportScope(language="fr"))
