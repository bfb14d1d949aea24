"""The word counts kept between processes (references/cache.py): a library opened again resolves one
new letter without reading every letter, with the result a full resolution gives; a damaged or
deleted cache only costs the counting."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.references.cache import CACHE_DIR, CACHE_NAME
from desktop_app.core.services import Library
from tests.unit.test_references_incremental import _letter_text, _paragraphs, _same_documents, _state


def _library_with_letters(tmp_path: Path, count: int) -> tuple[Path, Path]:
    folder, inbox = tmp_path / "lib", tmp_path / "in"
    inbox.mkdir()
    rng, paragraphs = random.Random(7), _paragraphs()
    for i in range(count + 1):
        (inbox / f"gen_{i:03d}.txt").write_text(_letter_text(rng, paragraphs, i, _same_documents), encoding="utf-8")
    last = inbox / f"gen_{count:03d}.txt"
    with Library.open(folder, search=False) as library:
        library.import_paths(sorted(p for p in inbox.iterdir() if p != last))
        library.resolve_references(full=True)
    return folder, last


def _import_counting_reads(folder: Path, path: Path) -> tuple[int, list[Any], list[Any]]:
    """Import one letter in a library opened afresh; (letters read while resolving, state, full state)."""
    with Library.open(folder, search=False) as library:
        library.import_paths([path], resolve=False)
        reads = 0
        original = library.get_letter

        def counting(ref: Any) -> Any:
            nonlocal reads
            reads += 1
            return original(ref)

        library.get_letter = counting  # type: ignore[method-assign]
        library.resolve_references()
        assert not library.notices
        incremental = _state(library)
        library.get_letter = original  # type: ignore[method-assign]
        library.references.resolve_all(refresh_stats=False)
        return reads, incremental, _state(library)


def test_a_library_opened_again_resolves_a_new_letter_from_the_cache(tmp_path: Path) -> None:
    folder, last = _library_with_letters(tmp_path, 30)
    assert (folder / CACHE_DIR / CACHE_NAME).is_file()
    reads, incremental, full = _import_counting_reads(folder, last)
    assert incremental == full
    assert reads <= 3  # the new letter (its words, its citations' contexts), not the 35 others


@pytest.mark.parametrize("damage", ["garbage", "deleted"])
def test_a_damaged_or_missing_cache_only_costs_the_counting(tmp_path: Path, damage: str) -> None:
    folder, last = _library_with_letters(tmp_path, 12)
    cache = folder / CACHE_DIR / CACHE_NAME
    for extra in ("-wal", "-shm"):
        cache.with_name(cache.name + extra).unlink(missing_ok=True)
    if damage == "garbage":
        cache.write_bytes(b"this is not a database" * 100)
    else:
        cache.unlink()
    reads, incremental, full = _import_counting_reads(folder, last)
    assert incremental == full
    assert reads > 12  # counted again
