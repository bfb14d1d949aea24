"""What the content ranking knows about Dutch parliamentary prose, beyond one library: the words that
are common in it (no evidence that a letter is a cited document) and the subjects of some dossiers.
Bundled as resources/reference_vocabulary.json, built by scripts/build_vocabulary.py."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

VOCABULARY_FILE = "reference_vocabulary.json"


@dataclass(frozen=True)
class Vocabulary:
    common: frozenset[str] = frozenset()  # words of ordinary parliamentary prose
    dossiers: Mapping[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # dossier -> (title, words)

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Vocabulary:
        common = data.get("common", {})
        dossiers = data.get("dossiers", {})
        assert isinstance(common, dict) and isinstance(dossiers, dict)
        return cls(
            frozenset(common),
            {str(d): (str(v["title"]), frozenset(v["terms"])) for d, v in dossiers.items()},
        )


@lru_cache(maxsize=1)
def bundled_vocabulary() -> Vocabulary:
    """The bundled vocabulary; an empty one when the file is missing (an incomplete installation then
    suggests more, never fails)."""
    from desktop_app.paths import resources_dir

    try:
        text = (resources_dir() / VOCABULARY_FILE).read_text(encoding="utf-8")
    except (OSError, FileNotFoundError):
        return Vocabulary()
    return Vocabulary.from_json(json.loads(text))
