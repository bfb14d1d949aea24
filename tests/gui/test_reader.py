"""The reader shows a letter's text exactly: markup stays text, offsets map to Letter.text."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCharFormat, QTextCursor

from desktop_app.core.importing import parse_text
from desktop_app.core.model import Annotation, Letter, Theme
from desktop_app.gui.reader import OffsetMap, ReaderView, highlight_segments

from .helpers import hover


def _letter(text: str, **kwargs: Any) -> Letter:
    return Letter(id=1, source_file="x.txt", content_hash="h", source_format="txt", text=text, **kwargs)


def test_markup_in_a_letter_shows_as_text(qtbot: Any) -> None:
    text = 'Zie <script>alert("x")</script> en <b>vet</b> &amp; <a href="fn:1">link</a>.'
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_letter(_letter(text))
    assert reader.toPlainText() == text
    assert reader.anchorAt(reader.cursorRect(QTextCursor(reader.document())).center()) == ""


def test_offsets_survive_characters_outside_the_bmp(qtbot: Any) -> None:
    text = "Emoji 🚀 voor 𝔘nicode en dan de passage die telt."
    letter = _letter(text)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_letter(letter)
    start = text.index("passage")
    end = start + len("passage")
    reader.select_span(start, end)
    assert reader.textCursor().selectedText() == "passage"
    assert reader.selected_span() == (start, end)
    mapping = OffsetMap(text)
    assert all(mapping.from_doc(mapping.to_doc(i)) == i for i in range(len(text) + 1))


def test_seed_letter_headings_footnotes_and_tooltips(qtbot: Any, seed_files: list[Any]) -> None:
    path = next(p for p in seed_files if p.name.startswith("000"))
    parsed = parse_text(path.read_text(encoding="utf-8"), source_file=path.name, content_hash="h")
    letter = _letter(parsed.text, footnotes=parsed.footnotes, headings=parsed.headings)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(900, 700)
    reader.show()
    reader.show_letter(letter)
    body = reader.toPlainText()[: len(letter.text)]
    assert body == letter.text
    for footnote in letter.footnotes:
        assert footnote.text in reader.toPlainText()[len(letter.text) :]
    marked = [f for f in letter.footnotes if f.marker]
    assert marked
    for footnote in marked[:3]:
        position = reader.layout_info.body_to_doc(footnote.marker[0])
        assert hover(reader, position) == footnote.text
    for start, _end in letter.headings:
        block = reader.document().findBlock(reader.layout_info.body_to_doc(start))
        assert block.userState() == 1


def _marker_char_format(reader: ReaderView, offset: int) -> Any:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.layout_info.body_to_doc(offset) + 1)  # the format of the char before
    return cursor.charFormat()


def test_superscript_markers_are_links_not_shrunk_twice(qtbot: Any, seed_files: list[Any]) -> None:
    path = next(p for p in seed_files if p.name.startswith("000"))
    parsed = parse_text(path.read_text(encoding="utf-8"), source_file=path.name, content_hash="h")
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_letter(_letter(parsed.text, footnotes=parsed.footnotes))
    note = next(f for f in parsed.footnotes if f.number == 5)
    start = reader.layout_info.body_to_doc(note.marker[0])
    assert reader.toPlainText()[start - 4 : start + 1] == "2024⁵"  # what a copy of the text gives
    fmt = _marker_char_format(reader, note.marker[0])
    assert fmt.anchorHref() == "fn:5"
    assert fmt.verticalAlignment() == QTextCharFormat.AlignNormal  # the glyph is raised already
    # a letter stored by an older version holds ASCII digits there: the format raises them
    old = parsed.text[: note.marker[0]] + "5" + parsed.text[note.marker[1] :]
    reader.show_letter(_letter(old, footnotes=parsed.footnotes))
    fmt = _marker_char_format(reader, note.marker[0])
    assert fmt.anchorHref() == "fn:5"
    assert fmt.verticalAlignment() == QTextCharFormat.AlignSuperScript


def test_overlapping_annotations_blend_their_colours() -> None:
    themes = {1: Theme(1, "A", "#ff0000"), 2: Theme(2, "B", "#0000ff")}
    a = Annotation(1, 1, 0, 10, "x" * 10, theme_ids=(1,))
    b = Annotation(2, 1, 5, 15, "x" * 10, theme_ids=(2,))
    segments = highlight_segments([a, b], themes)
    assert [(s.start, s.end, s.colors) for s in segments] == [
        (0, 5, ("#ff0000",)),
        (5, 10, ("#ff0000", "#0000ff")),
        (10, 15, ("#0000ff",)),
    ]


def test_footnote_link_jumps_to_the_footnote_and_back(qtbot: Any, make_window: Any, library: Any) -> None:
    window = make_window(library)
    letter = next(library.get_letter(s.id) for s in library.list_letters() if library.get_letter(s.id).footnotes)
    window.open_letter(letter.id)
    footnote = next(f for f in letter.footnotes if f.marker)
    window.reader.go_to_offset(footnote.marker[0])
    window.reader.footnote_requested.emit(footnote.number)
    position = window.reader.textCursor().position()
    assert position == window.reader.layout_info.footnote_start[footnote.number]
    window.go_back()
    assert window.reader.cursor_offset() == footnote.marker[0]


def test_reader_header_names_a_letter_without_subject_by_its_derived_title(window: Any, library: Any) -> None:
    label = window.title_label
    window.open_letter(library.get_letter("000_eba5de336aff673f").id)
    assert label.text() == "Het kabinet informeert uw Kamer regelmatig over de stappen in het vierjaarlijkse…"
    assert label.property("derived") is True and label.font().italic()
    assert "no subject" in label.toolTip()
    assert window.windowTitle().startswith("Het kabinet informeert")
    letter = library.get_letter("003_d09603eee462fd1e")
    window.open_letter(letter.id)
    assert label.text() == letter.subject
    assert label.property("derived") is False and not label.font().italic() and label.toolTip() == ""
