"""Qt's known harmless messages are dropped; every other Qt message still reaches the handler before."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import qWarning

from desktop_app.gui import qt_messages


def test_known_harmless_messages_are_dropped_and_others_kept(qtlog: Any) -> None:
    restore = qt_messages.install()
    try:
        for message in sorted(qt_messages.KNOWN_HARMLESS):
            qWarning(message)
        qWarning("Kamerlezer test: a real warning")
        qWarning("This plugin does not support propagateSizeHints() and something new")
    finally:
        restore()
    seen = [record.message for record in qtlog.records]
    assert seen == [
        "Kamerlezer test: a real warning",
        "This plugin does not support propagateSizeHints() and something new",
    ]


def test_restore_puts_the_previous_handler_back(qtlog: Any) -> None:
    qt_messages.install()()
    qWarning("This plugin does not support propagateSizeHints()")
    assert [record.message for record in qtlog.records] == ["This plugin does not support propagateSizeHints()"]
