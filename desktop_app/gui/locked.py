"""A proxy that serialises every Library call made by the GUI.

The GUI calls the Library from the UI thread (quick reads and single edits) and from its worker
threads (import, search, export). One SQLite connection and one Whoosh index must never see two of
those calls at once, so each call holds one re-entrant lock. See docs/ARCHITECTURE.md, "Threads".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import Any

# Attributes of the Library that are service objects themselves: their calls are locked too.
_SERVICE_ATTRIBUTES = frozenset({"references"})


class LockedLibrary:
    """Wraps a :class:`desktop_app.core.services.Library` (or one of its services)."""

    def __init__(self, target: Any, lock: threading.RLock | None = None) -> None:
        self._target = target
        self._lock = lock or threading.RLock()

    @property
    def unwrapped(self) -> Any:
        return self._target

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def __getattr__(self, name: str) -> Any:
        with self._lock:
            value = getattr(self._target, name)
        if name in _SERVICE_ATTRIBUTES and value is not None:
            return LockedLibrary(value, self._lock)
        if callable(value) and not isinstance(value, type):
            return self._locked(value)
        return value

    def _locked(self, method: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return method(*args, **kwargs)

        return call
