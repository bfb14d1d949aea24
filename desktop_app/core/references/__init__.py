"""Citations between letters: the grammar (:mod:`.parser`, pure), the resolver (:mod:`.resolver`,
plain data in, decisions out) and :class:`~.service.ReferenceService` (storage and use cases)."""

from __future__ import annotations

from desktop_app.core.references.parser import cited_key, parse_citations

__all__ = ["cited_key", "parse_citations"]
