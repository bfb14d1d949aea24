"""Progress reporting and cancellation for long work, without any GUI dependency.

Core functions that may take long accept ``progress: Progress | None`` and ``cancel: CancelToken | None``.
The GUI wraps them in a worker; the CLI prints a progress bar.
"""

from __future__ import annotations

import threading
from typing import Protocol

from desktop_app.core.errors import Cancelled


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


def no_progress(done: int, total: int, message: str = "") -> None:
    """A progress callback that does nothing."""


class CancelToken:
    """Set from any thread; checked by the worker between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when cancellation was requested."""
        if self._event.is_set():
            raise Cancelled("Cancelled by the user.")
