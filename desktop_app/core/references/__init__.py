"""Citations between letters: the grammar (:mod:`.parser`, pure), the resolver (:mod:`.resolver`,
plain data in, decisions out) and :class:`~.service.ReferenceService` (storage and use cases).

Importing the package costs nothing: the parser (whose patterns take ~50 ms to compile) is loaded when
one of its names is first used, so a command that only asks :mod:`.rules` whether the stored
resolutions are current does not pay for it."""

from __future__ import annotations

from typing import Any

__all__ = ["cited_key", "parse_citations"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from desktop_app.core.references import parser

        return getattr(parser, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
