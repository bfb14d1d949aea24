"""Passages by theme across letters (core.passages), on a real seeded library: sub-themes included,
one row per passage, date order, the page from the letter's page starts, the themes x letters counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.passages import passages, theme_letter_matrix
from desktop_app.core.services import Library

L001, L003, L004 = "001_999221068a1a2138", "003_d09603eee462fd1e", "004_94d7e7617410a711"


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib")
    yield lib
    lib.close()


def _tag(library: Library, letter: str, word: str, *themes: str, note: str = "") -> int:
    text = library.get_letter(letter).text
    start = text.index(word)
    return library.annotate(letter, start, start + len(word), list(themes), note=note).id


def test_a_theme_and_its_sub_themes_across_letters_in_date_order(library: Library) -> None:
    parent = library.get_theme("Capaciteitsdoelstellingen")
    child = library.add_theme("Munitie", parent=parent.id)
    a = _tag(library, L004, "luchtverdediging", "Capaciteitsdoelstellingen", note="eerst")
    b = _tag(library, L003, "Oekraïne", child.id)
    c = _tag(library, L001, "Oekraïne", "Capaciteitsdoelstellingen", child.id)  # both: one row
    _tag(library, L001, "NAVO", "Steun aan Oekraïne")  # another theme: not in the view

    rows = passages(library, [parent.id])
    assert [r.annotation_id for r in rows] == [b, a, c]  # 2024-10-03, 2025-01-31, 2025-05-21
    assert [r.date for r in rows] == sorted(r.date for r in rows)
    first = rows[1]
    assert first.letter_name == L004 and first.note == "eerst" and first.chamber == "Tweede Kamer"
    assert first.quote == "luchtverdediging" and first.year == "2025"
    assert set(rows[2].theme_ids) == {parent.id, child.id}


def test_the_page_is_the_page_the_passage_starts_on(library: Library) -> None:
    letter = library.get_letter(L003)
    assert len(letter.page_starts) > 1
    start = letter.page_starts[1] + 5
    library.annotate(L003, start, start + 20, ["Capaciteitsdoelstellingen"])
    (row,) = passages(library, [library.get_theme("Capaciteitsdoelstellingen").id])
    assert row.page == letter.page_of(start) == 2


def test_the_matrix_counts_a_parent_with_its_sub_themes_once_per_passage(library: Library) -> None:
    parent = library.get_theme("Capaciteitsdoelstellingen")
    child = library.add_theme("Munitie", parent=parent.id)
    _tag(library, L001, "Oekraïne", "Capaciteitsdoelstellingen", child.id)
    _tag(library, L001, "NAVO", child.id)
    _tag(library, L003, "NAVO", "Steun aan Oekraïne")
    letters = {s.name: s.id for s in library.list_letters()}
    matrix = theme_letter_matrix(library)
    assert matrix[(parent.id, letters[L001])] == 2
    assert matrix[(child.id, letters[L001])] == 2
    assert matrix[(library.get_theme("Steun aan Oekraïne").id, letters[L003])] == 1
    assert (parent.id, letters[L003]) not in matrix


def test_no_passages_no_rows(library: Library) -> None:
    assert passages(library, [library.get_theme("NAVO-top").id]) == []
    assert theme_letter_matrix(library) == {}
