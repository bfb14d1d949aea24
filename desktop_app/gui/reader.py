"""The reader: a letter as a read-only QTextDocument, with headings, footnote markers, citations,
annotation highlights and search hits.

The document is built from the plain ``Letter.text`` with ``QTextCursor.insertText`` (never from
HTML), so markup-like text in a letter shows as text, and document position ``p`` of the body is
``Letter.text`` offset ``p`` except after characters outside the Basic Multilingual Plane (two UTF-16
units in Qt, one code point in Python): :class:`OffsetMap` converts both ways. The footnotes are
appended after the body, under a "Footnotes" heading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from desktop_app.core.model import Annotation, Letter, Reference, Theme
from desktop_app.core.superscript import is_superscript
from desktop_app.core.textfind import find_all
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.plaintext import tooltip_html

FOOTNOTE_HREF = "fn:"  # fn:<number>: the marker in the body -> the footnote at the end
FOOTNOTE_BACK_HREF = "fnback:"  # fnback:<number>: the footnote -> back to its marker
REFERENCE_HREF = "ref:"  # ref:<reference id>

READING_FAMILY = "Noto Serif"
READING_POINT_SIZE = 11.5
READING_WIDTH = 760  # px: a comfortable line length for the text column
LINK_COLORS = {
    "resolved": "#1f5fae",
    "confirmed": "#1f5fae",
    "suggested": "#9a6700",
    "missing": "#6e7781",
    "external": "#6e7781",
}
SEARCH_HIT_COLOR = "#ffd84d"
SELECTION_COLOR = "#1f5fae"  # dark blue, white text: no theme colour comes near it
FIND_MATCH_COLOR = "#fff0a8"  # every match of find-in-letter
FIND_CURRENT_COLOR = "#ff9632"  # the current match: the most visible mark in the reader
UNTAGGED_COLOR = "#b8bec6"


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Code-point offsets (Python ``str``) <-> UTF-16 positions (Qt) for one piece of text."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_doc = [a + n for n, a in enumerate(self._astral)]

    def to_doc(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def from_doc(self, position: int) -> int:
        # astral characters that lie wholly before ``position`` take two units each
        return position - bisect.bisect_right(self._astral_doc, position - 2)


@dataclass
class LetterDocument:
    """Where things are in the built document."""

    body_map: OffsetMap
    body_length: int  # in document positions
    footnote_start: dict[int, int] = field(default_factory=dict)  # number -> doc position of its text
    footnote_maps: dict[int, OffsetMap] = field(default_factory=dict)
    marker_start: dict[int, int] = field(default_factory=dict)  # number -> doc position of its marker

    def body_to_doc(self, offset: int) -> int:
        return self.body_map.to_doc(offset)

    def doc_to_body(self, position: int) -> int | None:
        if position > self.body_length:
            return None
        return self.body_map.from_doc(position)

    def footnote_to_doc(self, number: int, offset: int) -> int | None:
        if number not in self.footnote_start:
            return None
        return self.footnote_start[number] + self.footnote_maps[number].to_doc(offset)

    def reference_to_doc(self, ref: Reference, offset: int) -> int | None:
        """Where ``offset`` of a citation's own text (body, a footnote) is in the document; None for
        a citation in the letter head, which the reader does not show."""
        if ref.location == "head":
            return None
        if ref.location == "footnote" and ref.footnote_number is not None:
            return self.footnote_to_doc(ref.footnote_number, offset)
        return self.body_to_doc(offset)


def _char_format(**kwargs: object) -> QTextCharFormat:
    fmt = QTextCharFormat()
    for name, value in kwargs.items():
        getattr(fmt, name)(value)
    return fmt


def _link_format(href: str, color: str, *, underline: QTextCharFormat.UnderlineStyle) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setForeground(QColor(color))
    fmt.setUnderlineStyle(underline)
    fmt.setUnderlineColor(QColor(color))
    return fmt


def build_document(
    document: QTextDocument, letter: Letter, references: Sequence[Reference] = ()
) -> LetterDocument:
    """Fill ``document`` with ``letter`` and return where things ended up."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    body_map = OffsetMap(letter.text)
    cursor.insertText(letter.text)
    body_length = cursor.position()
    layout = LetterDocument(body_map=body_map, body_length=body_length)

    _style_headings(document, letter, layout)
    for footnote in letter.footnotes:
        if footnote.marker:
            start = layout.body_to_doc(footnote.marker[0])
            layout.marker_start[footnote.number] = start
            glyphs = is_superscript(letter.text[footnote.marker[0] : footnote.marker[1]])
            fmt = _marker_format(footnote.number, raise_digits=not glyphs)
            _apply(document, start, layout.body_to_doc(footnote.marker[1]), fmt)
    if letter.footnotes:
        _append_footnotes(cursor, letter, layout)
    for ref in references:
        _style_reference(document, layout, ref)
    cursor.endEditBlock()
    return layout


def _marker_format(number: int, *, raise_digits: bool) -> QTextCharFormat:
    """A footnote marker as a link. The body holds superscript digits ("2024⁵"), already small and
    raised, so they are not shrunk again; a letter stored by an older version still holds ASCII
    digits there ("20245"), which are raised by the format instead (one code point either way). A
    larger glyph was tried: it makes its line taller than the others (21 -> 25 px at 1.2x)."""
    fmt = _link_format(f"{FOOTNOTE_HREF}{number}", LINK_COLORS["resolved"], underline=QTextCharFormat.NoUnderline)
    if raise_digits:
        fmt.setVerticalAlignment(QTextCharFormat.AlignSuperScript)
    fmt.setFontWeight(QFont.Bold)
    return fmt


def _apply(document: QTextDocument, start: int, end: int, fmt: QTextCharFormat) -> None:
    if end <= start:
        return
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.KeepAnchor)
    cursor.mergeCharFormat(fmt)


def _style_headings(document: QTextDocument, letter: Letter, layout: LetterDocument) -> None:
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Bold)
    heading.setFontPointSize(document.defaultFont().pointSizeF() * 1.12)
    heading.setForeground(QColor("#1d2733"))
    block_format = QTextBlockFormat()
    block_format.setTopMargin(6)
    for start, end in letter.headings:
        doc_start, doc_end = layout.body_to_doc(start), layout.body_to_doc(end)
        _apply(document, doc_start, doc_end, heading)
        cursor = QTextCursor(document)
        cursor.setPosition(doc_start)
        cursor.mergeBlockFormat(block_format)
        cursor.block().setUserState(1)  # marks a heading block (used by tests and navigation)


def _append_footnotes(cursor: QTextCursor, letter: Letter, layout: LetterDocument) -> None:
    cursor.movePosition(QTextCursor.End)
    plain = QTextCharFormat()
    title = QTextCharFormat()
    title.setFontWeight(QFont.Bold)
    title.setForeground(QColor("#4a5562"))
    rule = QTextBlockFormat()
    rule.setTopMargin(28)
    rule.setProperty(QTextFormat.BlockTrailingHorizontalRulerWidth, 1)
    cursor.insertBlock(rule, plain)
    cursor.insertBlock(QTextBlockFormat(), title)
    cursor.insertText(QCoreApplication.translate("ReaderView", "Footnotes"))
    note_format = QTextCharFormat()
    note_format.setFontPointSize(cursor.document().defaultFont().pointSizeF() * 0.92)
    note_format.setForeground(QColor("#37414d"))
    for footnote in letter.footnotes:
        block = QTextBlockFormat()
        block.setTopMargin(4)
        cursor.insertBlock(block, note_format)
        number_format = QTextCharFormat(note_format)
        number_format.setFontWeight(QFont.DemiBold)
        cursor.insertText(f"{footnote.number}  ", number_format)
        layout.footnote_start[footnote.number] = cursor.position()
        layout.footnote_maps[footnote.number] = OffsetMap(footnote.text)
        cursor.insertText(footnote.text, note_format)
        if footnote.marker:
            back = _link_format(
                f"{FOOTNOTE_BACK_HREF}{footnote.number}", LINK_COLORS["resolved"], underline=QTextCharFormat.NoUnderline
            )
            back.setFontPointSize(note_format.fontPointSize())
            cursor.insertText("  ", note_format)
            cursor.insertText("\u21a9", back)  # ↩ back to the marker
        cursor.setCharFormat(plain)


def _style_reference(document: QTextDocument, layout: LetterDocument, ref: Reference) -> None:
    start, end = layout.reference_to_doc(ref, ref.start), layout.reference_to_doc(ref, ref.end)
    if start is None or end is None:  # the letter head: listed by the references panel only
        return
    color = LINK_COLORS.get(ref.status, LINK_COLORS["missing"])
    underline = QTextCharFormat.SingleUnderline if ref.followed_to is not None else QTextCharFormat.DotLine
    _apply(document, start, end, _link_format(f"{REFERENCE_HREF}{ref.id}", color, underline=underline))


# -- highlights ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HighlightSegment:
    """A stretch of text covered by the same annotations."""

    start: int
    end: int
    colors: tuple[str, ...]  # one per theme (or the untagged colour), in theme order
    annotation_ids: tuple[int, ...]


def highlight_segments(annotations: Iterable[Annotation], themes: dict[int, Theme]) -> list[HighlightSegment]:
    """Cut overlapping annotations into segments, each knowing every colour that covers it."""
    active = [a for a in annotations if a.status == "anchored" and a.end > a.start]
    bounds = sorted({a.start for a in active} | {a.end for a in active})
    segments: list[HighlightSegment] = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [a for a in active if a.start <= start and a.end >= end]
        if not covering:
            continue
        colors: list[str] = []
        for annotation in covering:
            tagged = [themes[t].color for t in annotation.theme_ids if t in themes]
            for color in tagged or [UNTAGGED_COLOR]:
                if color not in colors:
                    colors.append(color)
        segments.append(HighlightSegment(start, end, tuple(colors), tuple(a.id for a in covering)))
    return segments


def _tint(color: str, alpha: int) -> QColor:
    tinted = QColor(color)
    tinted.setAlpha(alpha)
    return tinted


def _highlight_selections(document: QTextDocument, start: int, end: int, segment: HighlightSegment) -> list[QTextEdit.ExtraSelection]:
    """One theme: a tint of its colour. Several: the first theme's tint with each further theme's
    colour as diagonal stripes over it (never a blend, which would read as a third theme's colour),
    and a dotted underline that says "more than one theme here"."""
    selections = []
    for n, color in enumerate(segment.colors):
        fmt = QTextCharFormat()
        if n == 0:
            fmt.setBackground(_tint(color, 95))
        else:
            fmt.setBackground(QBrush(_tint(color, 210), Qt.BDiagPattern if n % 2 else Qt.FDiagPattern))
        if len(segment.colors) > 1:
            fmt.setUnderlineStyle(QTextCharFormat.DotLine)
            fmt.setUnderlineColor(QColor("#1d2733"))
        # the scoped name: with the short one (untyped in the stubs) mypy picks the QTextLength overload
        fmt.setProperty(QTextFormat.Property.UserProperty, list(segment.annotation_ids))
        selections.append(span_selection(document, start, end, fmt))
    return selections


def span_selection(document: QTextDocument, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    """An extra selection drawing ``fmt`` over document positions ``start``..``end``."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.KeepAnchor)
    selection.cursor = cursor
    selection.format = fmt
    return selection


def margin_bars(annotations: Iterable[Annotation], themes: dict[int, Theme]) -> list[tuple[int, int, int, str]]:
    """QualCoder-style bars beside the text: ``(start, end, column, colour)`` for each theme of each
    anchored annotation. A theme keeps one column in the letter (the order its first passage comes
    in), so the bars of overlapping themes stand side by side."""
    columns: dict[int, int] = {}
    bars = []
    for annotation in sorted(annotations, key=lambda a: (a.start, a.end)):
        if annotation.status != "anchored" or annotation.end <= annotation.start:
            continue
        for theme_id in annotation.theme_ids or (0,):
            column = columns.setdefault(theme_id, len(columns))
            color = themes[theme_id].color if theme_id in themes else UNTAGGED_COLOR
            bars.append((annotation.start, annotation.end, column, color))
    return bars


def _find_selection(document: QTextDocument, start: int, end: int, *, current: bool) -> QTextEdit.ExtraSelection:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(FIND_CURRENT_COLOR if current else FIND_MATCH_COLOR))
    if current:
        fmt.setForeground(QColor("#000000"))
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        fmt.setUnderlineColor(QColor("#000000"))
    return span_selection(document, start, end, fmt)


class ReaderView(QTextBrowser):
    """Read-only letter view. Emits what the user asks for; the main window decides what it means."""

    theme_key_pressed = Signal(int)  # 1..9
    footnote_requested = Signal(int)  # clicked a marker
    footnote_back_requested = Signal(int)
    reference_activated = Signal(int)  # reference id
    note_key_pressed = Signal()
    delete_key_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextSelectableByMouse
            | Qt.TextSelectableByKeyboard
            | Qt.LinksAccessibleByMouse
            | Qt.LinksAccessibleByKeyboard
        )
        self.setFrameShape(QTextBrowser.NoFrame)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.letter: Letter | None = None
        self.layout_info: LetterDocument | None = None
        self._references: dict[int, Reference] = {}
        self._annotations: list[Annotation] = []
        self._themes: dict[int, Theme] = {}
        self._highlights: list[QTextEdit.ExtraSelection] = []
        self._search_spans: list[tuple[int, int]] = []
        self._find_spans: list[tuple[int, int]] = []  # document positions
        self._find_current = -1
        self._bars: list[tuple[int, int, int, str]] = []
        self.document().setDocumentMargin(28)
        palette = self.palette()  # the selection (e.g. the opened search hit) is the strongest mark
        for group in (QPalette.Active, QPalette.Inactive):
            palette.setColor(group, QPalette.Highlight, QColor(SELECTION_COLOR))
            palette.setColor(group, QPalette.HighlightedText, QColor("#ffffff"))
        self.setPalette(palette)
        reading = QFont(READING_FAMILY)
        reading.setPointSizeF(READING_POINT_SIZE)
        self.document().setDefaultFont(reading)

    # -- content -----------------------------------------------------------------------------------
    def show_letter(self, letter: Letter, references: Sequence[Reference] = ()) -> None:
        self.letter = letter
        self._references = {r.id: r for r in references}
        self._annotations = []
        self._search_spans = []
        self._find_spans, self._find_current = [], -1
        self.layout_info = build_document(self.document(), letter, references)
        self._update_margins(force=True)
        self._refresh_selections()
        self.moveCursor(QTextCursor.Start)

    def clear_letter(self) -> None:
        self.letter = None
        self.layout_info = None
        self._references = {}
        self._annotations = []
        self._search_spans = []
        self._find_spans, self._find_current = [], -1
        self.document().clear()
        self._refresh_selections()

    def set_annotations(self, annotations: Sequence[Annotation], themes: dict[int, Theme]) -> None:
        self._annotations = list(annotations)
        self._themes = dict(themes)
        self._refresh_selections()

    def set_search_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        """Body spans (``Letter.text`` offsets) of search hits to mark."""
        self._search_spans = sorted(set(spans))
        self._refresh_selections()

    @property
    def search_spans(self) -> list[tuple[int, int]]:
        return list(self._search_spans)

    def reference(self, reference_id: int) -> Reference | None:
        return self._references.get(reference_id)

    def find_text(self, query: str) -> list[tuple[int, int]]:
        """Document positions of ``query`` in the letter as shown (body and footnotes), folded as
        :mod:`desktop_app.core.textfind` says; marked until :meth:`set_find_matches` changes them."""
        plain = self.document().toPlainText()
        positions = OffsetMap(plain)
        return [(positions.to_doc(a), positions.to_doc(b)) for a, b in find_all(plain, query)]

    def set_find_matches(self, spans: Sequence[tuple[int, int]], current: int = -1) -> None:
        """Mark find-in-letter matches (document positions); ``current`` is shown strongest and
        scrolled into view."""
        self._find_spans, self._find_current = list(spans), current
        self._refresh_selections()
        if 0 <= current < len(spans):
            self.go_to_position(spans[current][0])  # no selection: the current match's own mark shows

    def _refresh_selections(self) -> None:
        if self.layout_info is None:
            self.setExtraSelections([])
            return
        layout = self.layout_info
        selections = [
            selection
            for s in highlight_segments(self._annotations, self._themes)
            for selection in _highlight_selections(self.document(), layout.body_to_doc(s.start), layout.body_to_doc(s.end), s)
        ]
        self._bars = margin_bars(self._annotations, self._themes)
        hit = QTextCharFormat()
        hit.setBackground(QColor(SEARCH_HIT_COLOR))
        hit.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        hit.setUnderlineColor(QColor("#c98a00"))
        for start, end in self._search_spans:
            selections.append(span_selection(self.document(), layout.body_to_doc(start), layout.body_to_doc(end), hit))
        for n, (start, end) in enumerate(self._find_spans):
            selections.append(_find_selection(self.document(), start, end, current=n == self._find_current))
        self._highlights = selections
        self.setExtraSelections(selections)

    # -- positions ---------------------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selection as ``Letter.text`` offsets, clipped to the body; None when nothing usable."""
        cursor = self.textCursor()
        if self.layout_info is None or not cursor.hasSelection():
            return None
        layout = self.layout_info
        start = layout.doc_to_body(min(cursor.selectionStart(), layout.body_length))
        end = layout.doc_to_body(min(cursor.selectionEnd(), layout.body_length))
        if start is None or end is None or end <= start:
            return None
        text = self.letter.text if self.letter else ""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def cursor_offset(self) -> int | None:
        if self.layout_info is None:
            return None
        return self.layout_info.doc_to_body(self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        """Select a body span (Letter.text offsets) and scroll it into view."""
        if self.layout_info is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.layout_info.body_to_doc(start))
        cursor.setPosition(self.layout_info.body_to_doc(end), QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def go_to_offset(self, offset: int, *, centre: bool = True) -> None:
        """Put the cursor at a body offset and scroll so that it is visible (centred if asked)."""
        if self.layout_info is None:
            return
        self.go_to_position(self.layout_info.body_to_doc(offset), centre=centre)

    def go_to_position(self, position: int, *, centre: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
        if centre:
            rect = self.cursorRect(cursor)
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 3)
        self.ensureCursorVisible()

    def annotations_at(self, offset: int) -> list[Annotation]:
        return [a for a in self._annotations if a.status == "anchored" and a.start <= offset < a.end]

    def tooltip_text_at(self, pos: QPoint) -> str | None:
        """Plain text of the tooltip for a viewport position: footnote, citation or annotation."""
        href = self.anchorAt(pos)
        if href.startswith(FOOTNOTE_HREF) and self.letter is not None:
            number = int(href[len(FOOTNOTE_HREF) :])
            for footnote in self.letter.footnotes:
                if footnote.number == number:
                    return footnote.text
        if href.startswith(REFERENCE_HREF):
            ref = self._references.get(int(href[len(REFERENCE_HREF) :]))
            if ref is not None:
                return reference_tooltip(ref)
        if self.layout_info is not None:
            position = self.cursorForPosition(pos).position()
            offset = self.layout_info.doc_to_body(position)
            if offset is not None and position < self.layout_info.body_length:
                found = self.annotations_at(offset)
                if found:
                    return "\n\n".join(self._annotation_tooltip(a) for a in found)
        return None

    def _annotation_tooltip(self, annotation: Annotation) -> str:
        names = [self._themes[t].name for t in annotation.theme_ids if t in self._themes]
        lines = [", ".join(names) if names else self.tr("No theme")]
        if annotation.note:
            lines.append(annotation.note)
        return "\n".join(lines)

    # -- events ------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.ShortcutOverride and _is_history_key(event):
            event.ignore()  # Alt+Left/Right belong to the window's Back/Forward, not QTextBrowser's
            return False
        if event.type() == QEvent.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_text_at(self.viewport().mapFromGlobal(event.globalPos()))
            if text:
                QToolTip.showText(event.globalPos(), tooltip_html(text), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._bars or self.layout_info is None:
            return
        painter = QPainter(self.viewport())
        try:
            self._paint_bars(painter, event.rect())
        finally:
            painter.end()

    def _paint_bars(self, painter: QPainter, area: QRect) -> None:
        """The margin bars left of the text column: 4 px wide, one column per theme, 2 px apart."""
        layout = self.layout_info
        assert layout is not None
        # the root frame's left margin (set by _update_margins) replaces the document margin on the left
        text_left = int(self.document().rootFrame().frameFormat().leftMargin()) - self.horizontalScrollBar().value()
        cursor = QTextCursor(self.document())
        for start, end, column, color in self._bars:
            cursor.setPosition(layout.body_to_doc(start))
            top = self.cursorRect(cursor).top()
            cursor.setPosition(layout.body_to_doc(end))
            bottom = self.cursorRect(cursor).bottom()
            if bottom < area.top() or top > area.bottom():
                continue
            x = text_left - 8 - column * 6  # the bar's right edge
            if x < 6:
                continue  # more themes than the margin holds: the tooltip still names them all
            painter.fillRect(QRect(x - 4, top, 4, max(bottom - top, 4)), QColor(color))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.ToolTip and isinstance(event, QHelpEvent):
            return self.event(event)
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if _is_history_key(event):
            event.ignore()
            return
        modifiers = event.modifiers() & ~Qt.KeypadModifier
        if modifiers == Qt.NoModifier and Qt.Key_1 <= event.key() <= Qt.Key_9:
            self.theme_key_pressed.emit(event.key() - Qt.Key_0)
            event.accept()
            return
        if modifiers == Qt.NoModifier and event.key() == Qt.Key_N:
            self.note_key_pressed.emit()
            event.accept()
            return
        if modifiers == Qt.NoModifier and event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            self.delete_key_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_margins()

    def _update_margins(self, *, force: bool = False) -> None:
        """Keep the text in a readable column centred in wide windows."""
        side = max(28, (self.viewport().width() - READING_WIDTH) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if force or int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(24)
            fmt.setBottomMargin(48)
            frame.setFrameFormat(fmt)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith(FOOTNOTE_BACK_HREF):
            self.footnote_back_requested.emit(int(href[len(FOOTNOTE_BACK_HREF) :]))
        elif href.startswith(FOOTNOTE_HREF):
            self.footnote_requested.emit(int(href[len(FOOTNOTE_HREF) :]))
        elif href.startswith(REFERENCE_HREF):
            self.reference_activated.emit(int(href[len(REFERENCE_HREF) :]))


def _is_history_key(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.modifiers() & Qt.AltModifier
        and event.key() in (Qt.Key_Left, Qt.Key_Right)
    )


STATUS_LABELS = {  # shown through status_label(), in the interface language
    "resolved": QT_TRANSLATE_NOOP("ReaderView", "In your library"),
    "confirmed": QT_TRANSLATE_NOOP("ReaderView", "In your library (confirmed by you)"),
    "suggested": QT_TRANSLATE_NOOP("ReaderView", "Possible match in your library: click to confirm or reject"),
    "missing": QT_TRANSLATE_NOOP("ReaderView", "Not in your library"),
    "external": QT_TRANSLATE_NOOP("ReaderView", "Outside the letters (e.g. an EU document)"),
}


def status_label(status: str) -> str:
    """What a citation's status means, in the interface language."""
    return QCoreApplication.translate("ReaderView", STATUS_LABELS[status]) if status in STATUS_LABELS else status


def reference_tooltip(ref: Reference) -> str:
    lines = [ref.raw, status_label(ref.status)]
    if ref.canonical:
        lines.append(ref.canonical)
    return "\n".join(lines)
