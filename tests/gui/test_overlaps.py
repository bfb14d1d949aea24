"""Overlapping themes stay readable (issue 14.2): no blended colour, stripes of the second theme over
the first's tint, a margin bar per theme side by side, a tooltip with themes and note on a highlight;
starter colours far apart and far from the selection and search-hit colours; the opened search hit
(the selection) drawn in the strongest colour."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from desktop_app.gui import reader as reader_module
from tests.gui.helpers import hover

THEMES_JSON = Path(__file__).resolve().parents[2] / "resources" / "themes.json"


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(c: float) -> float:
        return ((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92

    r, g, b = linear(r), linear(g), linear(b)
    x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
    y = r * 0.2126 + g * 0.7152 + b * 0.0722
    z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b))) ** 0.5


def test_starter_colours_differ_from_each_other_and_from_the_readers_own_marks() -> None:
    top = [t["color"] for t in json.loads(THEMES_JSON.read_text(encoding="utf-8"))["themes"]]
    assert len(top) == 8
    assert min(delta_e(a, b) for a, b in itertools.combinations(top, 2)) >= 30
    for own in (reader_module.SELECTION_COLOR, reader_module.SEARCH_HIT_COLOR, "#cfe0f5"):
        assert min(delta_e(colour, own) for colour in top) >= 35, own


def _overlap(window: Any, library: Any) -> tuple[Any, int, int, Any, Any]:
    letter = library.get_letter("003_d09603eee462fd1e")
    first, second = library.get_theme("Lucht- en raketverdediging"), library.get_theme("Steun aan Oekraïne")
    start = letter.text.index("luchtverdediging")
    library.annotate(letter.id, start, start + 60, [first.id], note="SBAMD-tekort")
    library.annotate(letter.id, start + 20, start + 120, [second.id])
    window.open_letter(letter.id)
    return letter, start, start + 120, first, second


def test_an_overlap_is_striped_not_blended_and_has_two_margin_bars(qtbot: Any, window: Any, library: Any) -> None:
    letter, start, _end, first, second = _overlap(window, library)
    reader = window.reader
    layout = reader.layout_info
    overlap_position = layout.body_to_doc(start + 30)
    covering = [s for s in reader.extraSelections()
                if s.cursor.selectionStart() <= overlap_position < s.cursor.selectionEnd()]
    assert len(covering) == 2
    tint, stripes = covering
    assert tint.format.background().color().name() == first.color
    assert stripes.format.background().style() in (Qt.BDiagPattern, Qt.FDiagPattern)
    assert stripes.format.background().color().name() == second.color
    alone = layout.body_to_doc(start + 5)
    only = [s for s in reader.extraSelections() if s.cursor.selectionStart() <= alone < s.cursor.selectionEnd()]
    assert len(only) == 1 and only[0].format.background().style() == Qt.SolidPattern
    columns = {(column, colour) for _s, _e, column, colour in reader._bars}  # noqa: SLF001
    assert columns == {(0, first.color), (1, second.color)}
    reader.go_to_offset(start + 30)
    y = reader.cursorRect().center().y()
    text_left = int(reader.document().rootFrame().frameFormat().leftMargin())
    image = reader.viewport().grab().toImage()  # the bars are painted left of the text
    margin = {image.pixelColor(x, y).name() for x in range(0, text_left)}
    assert first.color in margin and second.color in margin


def test_hovering_a_highlight_shows_its_themes_and_note(qtbot: Any, window: Any, library: Any) -> None:
    letter, start, _end, first, second = _overlap(window, library)
    text = hover(window.reader, window.reader.layout_info.body_to_doc(start + 30))
    assert first.name in text and "SBAMD-tekort" in text and second.name in text


def test_the_reader_selection_is_a_strong_colour(window: Any) -> None:
    palette = window.reader.palette()
    for group in (QPalette.Active, QPalette.Inactive):
        assert palette.color(group, QPalette.Highlight).name() == reader_module.SELECTION_COLOR
        assert palette.color(group, QPalette.HighlightedText).name() == "#ffffff"
