"""Pausing Python's cycle collector while many objects are made that form no cycles.

Each collection of the oldest generation walks every object alive: reading 100,000 rows of the letter
list (tuples, then LetterSummary objects) set it off again and again over a heap that grows with the
rows, ~0.1 s of the 0.25 s reading them took, and ~0.3 s of a window's start-up. Reference counting
frees what these objects leave behind; the collector runs again as soon as the pause ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cycle collector off; it is on again afterwards if it was on before
    (nested or overlapping pauses in other threads end with it as they found it, or on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
