"""Find in this letter (issue 14.3): Ctrl+F in the reader opens the find bar, typing marks every match
(case and accents do not count), Enter/F3/Shift+F3 step through them with a count, Escape closes;
Ctrl+Shift+F and Ctrl+F elsewhere search the library; F3 after a library search goes to the next hit
in the open letter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_app.core.textfind import find_all
from tests.gui.helpers import type_text


def _open(window: Any, library: Any, name: str) -> Any:
    letter = library.get_letter(name)
    window.open_letter(letter.id)
    window.reader.setFocus()
    return letter


def _expected_matches(window: Any, word: str) -> int:
    return len(find_all(window.reader.document().toPlainText(), word))


def test_ctrl_f_in_the_reader_finds_in_the_letter(qtbot: Any, window: Any, library: Any) -> None:
    _open(window, library, "003_d09603eee462fd1e")
    qtbot.keyClick(window.reader, Qt.Key_F, Qt.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    type_text(bar.edit, "Oekraine")  # without the diaeresis: still found
    expected = _expected_matches(window, "oekraïne")
    assert expected > 3 and len(bar.spans) == expected
    assert bar.count_label.text() == f"1 of {expected}"
    plain = window.reader.document().toPlainText()
    assert all(plain[a:b].casefold() == "oekraïne" for a, b in bar.spans)  # the seed has no astral text

    first = window.reader.textCursor().position()
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert bar.count_label.text() == f"2 of {expected}"
    assert window.reader.textCursor().position() == bar.spans[1][0] != first
    qtbot.keyClick(window, Qt.Key_F3, Qt.ShiftModifier)
    qtbot.keyClick(window, Qt.Key_F3, Qt.ShiftModifier)  # wraps round to the last match
    assert bar.count_label.text() == f"{expected} of {expected}"
    qtbot.keyClick(window, Qt.Key_F3)
    assert bar.count_label.text() == f"1 of {expected}"

    qtbot.keyClick(bar.edit, Qt.Key_Escape)
    assert not bar.isVisible() and window.reader.hasFocus()
    assert window.reader._find_spans == []  # noqa: SLF001 - the marks are gone


def test_no_match_says_so(qtbot: Any, window: Any, library: Any) -> None:
    _open(window, library, "001_999221068a1a2138")
    qtbot.keyClick(window.reader, Qt.Key_F, Qt.ControlModifier)
    type_text(window.find_bar.edit, "zzqx")
    assert window.find_bar.count_label.text() == "No matches" and window.find_bar.spans == []


def test_the_find_follows_to_the_next_letter(qtbot: Any, window: Any, library: Any) -> None:
    _open(window, library, "003_d09603eee462fd1e")
    qtbot.keyClick(window.reader, Qt.Key_F, Qt.ControlModifier)
    type_text(window.find_bar.edit, "luchtverdediging")
    _open(window, library, "004_94d7e7617410a711")
    assert len(window.find_bar.spans) == _expected_matches(window, "luchtverdediging") > 0


def test_ctrl_shift_f_and_ctrl_f_outside_the_reader_search_the_library(qtbot: Any, window: Any, library: Any) -> None:
    _open(window, library, "003_d09603eee462fd1e")
    qtbot.keyClick(window.reader, Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.search_edit.hasFocus() and not window.find_bar.isVisible()
    window.letter_table.setFocus()
    qtbot.keyClick(window.letter_table, Qt.Key_F, Qt.ControlModifier)
    assert window.search_edit.hasFocus() and not window.find_bar.isVisible()


def test_f3_after_a_library_search_goes_to_the_next_hit_in_this_letter(qtbot: Any, window: Any, library: Any) -> None:
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.keyClicks(window.search_edit, "navo")
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0, timeout=15_000)
    qtbot.keyClick(window.search_edit, Qt.Key_Down)
    qtbot.keyClick(window.results_view, Qt.Key_Right)
    qtbot.keyClick(window.results_view, Qt.Key_Down)
    qtbot.keyClick(window.results_view, Qt.Key_Return)
    spans = window.reader.search_spans
    assert len(spans) > 1
    here = window.reader.cursor_offset()
    qtbot.keyClick(window.reader, Qt.Key_F3)
    after = window.reader.cursor_offset()
    assert after == min((s[0] for s in spans if s[0] > here), default=spans[0][0])
    assert "in this letter" in window.statusBar().currentMessage()

