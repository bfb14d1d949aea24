"""Rules that live once (issue 16.5): when a citation can be followed, which files a folder import
reads, and why an export is empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.errors import ExportFailed
from desktop_app.core.export import ExportScope, build_summary, nothing_to_export
from desktop_app.core.importing import SUPPORTED_SUFFIXES, letter_files
from desktop_app.core.model import Reference
from desktop_app.core.services import Library
from tests.libraries import seeded_copy


def _ref(status: str, target: int | None) -> Reference:
    return Reference(1, 1, "body", None, 0, 4, "raw", "kamerstuk", None, target_letter_id=target, status=status)


@pytest.mark.parametrize(
    ("status", "target", "followed"),
    [("resolved", 7, 7), ("confirmed", 7, 7), ("resolved", None, None), ("suggested", 7, None), ("missing", None, None)],
)
def test_a_citation_is_followed_only_to_a_resolved_or_confirmed_target(status: str, target: int | None, followed: int | None) -> None:
    assert _ref(status, target).followed_to == followed


def test_letter_files_takes_every_supported_type_and_skips_hidden_and_mac_copies(tmp_path: Path) -> None:
    for name in ("a.txt", "b.PDF", "c.docx", "d.xml", "notes.md", "._a.txt", ".verborgen.txt", ".git/e.txt", "sub/f.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in letter_files(tmp_path)]
    assert found == ["a.txt", "b.PDF", "c.docx", "d.xml", "sub/f.txt"]
    assert {Path(f).suffix.lower() for f in found} == set(SUPPORTED_SUFFIXES)


def test_an_empty_export_says_why_in_the_words_the_dialog_shows(tmp_path: Path) -> None:
    with Library.open(seeded_copy(tmp_path / "lib"), search=False) as library:
        scope = ExportScope(themes=("Steun aan Oekraïne",), date_from="2030-01-01", language="nl")
        reason = nothing_to_export(library, scope)
        assert reason.startswith("Nothing to export: no annotations in theme: Steun aan Oekraïne")
        with pytest.raises(ExportFailed) as refused:
            build_summary(library, scope)
        assert refused.value.message == reason  # in English, as every message is (the scope is Dutch)
