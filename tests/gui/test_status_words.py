"""The status line names each change in words (issue 14.5)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.gui.test_find import _open


def test_the_status_line_says_what_was_done_and_undone(qtbot: Any, window: Any, library: Any) -> None:
    """Issue 14.5: after Ctrl+Z the bar names the undone step (not the next one); a second theme on
    a passage is "Tagged with", removing it "Untagged"."""
    letter = _open(window, library, "003_d09603eee462fd1e")
    start = letter.text.index("luchtverdediging")
    window.reader.select_span(start, start + len("luchtverdediging"))
    first, second = window.controller.theme_for_key(1), window.controller.theme_for_key(4)
    quote = "“luchtverdediging”"
    qtbot.keyClick(window.reader, Qt.Key_1)
    assert window.statusBar().currentMessage().startswith(f"Tagged {quote} with “{first.name}”")
    window.reader.go_to_offset(start + 3)
    qtbot.keyClick(window.reader, Qt.Key_4)
    assert window.statusBar().currentMessage().startswith(f"Tagged {quote} with “{second.name}”")
    qtbot.keyClick(window.reader, Qt.Key_4)
    assert window.statusBar().currentMessage().startswith(f"Untagged {quote} (“{second.name}”)")
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)  # the core history's labels (issue 16.1)
    assert window.statusBar().currentMessage().startswith(f"Undone: Untagged {quote} (“{second.name}”)")
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert window.statusBar().currentMessage().startswith(f"Undone: Tagged {quote} with “{second.name}”")
    assert window.actions_by_name["redo"].text() == f"&Redo Tagged {quote} with “{second.name}”"
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.statusBar().currentMessage().startswith(f"Redone: Tagged {quote} with “{second.name}”")
    assert set(library.get_annotation(library.list_annotations(letter.id)[0].id).theme_ids) == {first.id, second.id}
