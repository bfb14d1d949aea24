"""Import Whoosh without three modules a search never uses (~55 ms of a ~0.3 s ``kamerlezer search``).

Whoosh imports the ``cached_property`` package (which imports asyncio) for one property of its segment
reader, ``urllib.request`` (http.client, ssl, email) for ``urlretrieve``, which nothing here calls, and
``whoosh.lang.morph_en`` (~5 ms: thousands of English word forms compiled into patterns) for the
``Variations`` query, which our parser never makes. :func:`import_whoosh` imports Whoosh's modules that
use them with stand-ins in ``sys.modules``: ``functools.cached_property`` (the same for that use), and
an ``urlretrieve`` and a ``variations`` that import the real ones when called. The stand-ins are removed again right after, so any other importer gets the real modules.
Only a process with one thread (the CLI, where the ~50 ms count) uses them: another thread could meet a
stand-in in ``sys.modules`` meanwhile (the import system looks there without a lock), so the GUI, which
imports Whoosh on its search worker, imports it plainly.
"""

from __future__ import annotations

import functools
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def _variations(word: str) -> Any:
    from whoosh.lang.morph_en import variations

    return variations(word)


@contextmanager
def _stand_ins() -> Iterator[None]:
    made: dict[str, types.ModuleType] = {}
    if "cached_property" not in sys.modules:
        made["cached_property"] = types.ModuleType("cached_property")
        made["cached_property"].cached_property = functools.cached_property  # type: ignore[attr-defined]
    if "urllib.request" not in sys.modules:
        made["urllib.request"] = types.ModuleType("urllib.request")
        made["urllib.request"].urlretrieve = _urlretrieve  # type: ignore[attr-defined]
    if "whoosh.lang.morph_en" not in sys.modules:
        made["whoosh.lang.morph_en"] = types.ModuleType("whoosh.lang.morph_en")
        made["whoosh.lang.morph_en"].variations = _variations  # type: ignore[attr-defined]
    sys.modules.update(made)
    try:
        yield
    finally:
        for name, module in made.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        for name, module in made.items():
            parent, _, child = name.rpartition(".")
            package = sys.modules.get(parent) if parent else None
            if package is not None and getattr(package, child, None) is module:
                delattr(package, child)


def import_whoosh() -> None:
    """Import the Whoosh modules that pull in the three (idempotent; a no-op once Whoosh is loaded)."""
    if "whoosh.reading" in sys.modules:
        return
    if threading.active_count() > 1:
        import whoosh.reading  # noqa: F401
        return
    with _stand_ins():
        import whoosh.compat  # noqa: F401
        import whoosh.query  # noqa: F401 - whoosh.query.terms imports morph_en
        import whoosh.reading  # noqa: F401
