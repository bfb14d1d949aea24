"""Qt's own log messages: the known harmless ones are dropped, every other goes on as before.

Qt writes some messages that tell a user nothing they can act on. They are listed here by their exact
text, so a new or changed message still shows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

KNOWN_HARMLESS = frozenset(
    {
        # The offscreen and minimal platform plug-ins (--smoke, the tests, the bundle's checks) cannot
        # pass a window's size hints on to a window system they do not have; the window is fine.
        "This plugin does not support propagateSizeHints()",
    }
)


def install() -> Callable[[], None]:
    """Install the filter in front of the current handler; returns a function that puts it back."""
    from PySide6.QtCore import qInstallMessageHandler

    previous: Any = None

    def handler(mode: Any, context: Any, message: str) -> None:
        if message in KNOWN_HARMLESS:
            return
        if previous is not None:
            previous(mode, context, message)
            return
        category = getattr(context, "category", None)
        prefix = f"{category}: " if category and category != "default" else ""
        print(prefix + message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore
