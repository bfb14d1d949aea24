"""Which version of the resolution rules the stored resolutions follow: a meta row, read at every open
without loading the parser or the resolver (see services.Library._references_current)."""

from __future__ import annotations

from typing import Any

from desktop_app.core.store import meta_repo

RESOLVER_KEY = "reference_resolver"  # meta row: the version of the rules the stored resolutions follow
RESOLVER_VERSION = "2"  # 2: distinctive words, date window, dossier subjects, inferred own ids


def resolutions_current(db: Any) -> bool:
    """Whether the library's citations were resolved by the rules of this version."""
    return meta_repo.get(db, RESOLVER_KEY) == RESOLVER_VERSION
