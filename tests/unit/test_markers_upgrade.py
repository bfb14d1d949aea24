"""A library made by the previous version (tests/data/libraries/v1) holds letters whose footnote
markers are ASCII digits glued to the word ("17-18 oktober 20245", "(NDPP)1."). It opens and works
as it is; importing a letter's file again brings the superscript markers ("2024⁵") and re-attaches
the annotations made on the old text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.core import anchoring
from desktop_app.core.export import ExportScope
from desktop_app.core.services import Library
from desktop_app.render import export_summary
from tests.conftest import seed_path

LIBRARIES = Path(__file__).resolve().parents[1] / "data" / "libraries"
L000, L003 = "000_eba5de336aff673f", "003_d09603eee462fd1e"


@pytest.fixture
def old_library(tmp_path: Path) -> Path:
    target = tmp_path / "v1"
    shutil.copytree(LIBRARIES / "v1", target)
    return target


def test_old_texts_open_search_and_export(old_library: Path, tmp_path: Path) -> None:
    with Library.open(old_library) as library:
        letter = library.get_letter(L000)
        assert "17-18 oktober 20245 geïnformeerd" in letter.text  # not re-imported: old text kept
        note5 = next(f for f in letter.footnotes if f.number == 5)
        assert letter.text[note5.marker[0] : note5.marker[1]] == "5"
        assert letter.id in {h.letter_id for h in library.search('"oktober 2024 geïnformeerd"').hits}
        library.annotate_quote(L000, "op 17-18 oktober 20245 geïnformeerd", [])
        export_summary(library, ExportScope(letters=(L000,)), "md", tmp_path / "old.md")
        assert "op 17-18 oktober 20245 geïnformeerd" in (tmp_path / "old.md").read_text(encoding="utf-8")


def test_reimport_brings_superscripts_and_reattaches_annotations(old_library: Path) -> None:
    with Library.open(old_library) as library:
        old = library.get_letter(L000)
        old_003 = library.get_letter(L003)
        quotes = {
            L000: ["op 17-18 oktober 20245 geïnformeerd", "tweejaarlijkse NDPP Review.1 Met deze Kamerbrief"],
            L003: ["NATO Defence Planning Process (NDPP)1. De MCR’s"],
        }
        made = {q: library.annotate_quote(name, q, [], note=q) for name, qs in quotes.items() for q in qs}
        assert all(library.get_letter(a.letter_id).text[a.start : a.end] == q for q, a in made.items())
        before = {a.id: a for a in library.list_annotations()}

        # the same files as in the library (same content hash): read again by this version
        report = library.import_paths([seed_path("000"), seed_path("003")])
        assert sorted(letter.name for letter in report.updated) == [L000, L003]
        assert not report.imported and not report.skipped and not report.orphaned

        new = library.get_letter(L000)
        assert (new.id, old_003.id) == (old.id, library.get_letter(L003).id)
        assert "17-18 oktober 2024⁵ geïnformeerd" in new.text and "20245" not in new.text
        assert "(NDPP)¹. De MCR’s" in library.get_letter(L003).text
        expected = {
            "op 17-18 oktober 20245 geïnformeerd": "op 17-18 oktober 2024⁵ geïnformeerd",
            "tweejaarlijkse NDPP Review.1 Met deze Kamerbrief": "tweejaarlijkse NDPP Review.¹ Met deze Kamerbrief",
            "NATO Defence Planning Process (NDPP)1. De MCR’s": "NATO Defence Planning Process (NDPP)¹. De MCR’s",
        }
        for annotation in library.list_annotations():
            assert annotation.status == anchoring.ANCHORED, annotation
            letter = library.get_letter(annotation.letter_id)
            assert letter.text[annotation.start : annotation.end] == annotation.quote
            was = before[annotation.id]
            assert (annotation.start, annotation.end) == (was.start, was.end)  # same length: same offsets
            if annotation.note in expected:
                assert annotation.quote == expected[annotation.note]
            else:  # the annotations v1 shipped with (no marker inside) are untouched
                assert annotation.quote == was.quote
        assert library.orphans() == []
        # a second import of the same files is skipped again
        again = library.import_paths([seed_path("000"), seed_path("003")])
        assert len(again.skipped) == 2 and not again.updated
        # the citation with the date glued to marker 5 is still read
        refs = library.references.refs_for(new.id)
        assert any(r.raw.endswith("3 oktober 2024") for r in refs)
