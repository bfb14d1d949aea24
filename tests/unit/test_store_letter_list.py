"""The letter list (``Library.list_letters``) reads the covering index ``letters_summary``, never the
letters' text, and lists what the plain query over the letters table lists, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.core.services import Library
from desktop_app.core.store import letters_repo

LIBRARIES = Path(__file__).resolve().parents[1] / "data" / "libraries"

# The list as the first schema's query made it: a scan of the letters table, ordered in SQL.
PLAIN = """
    SELECT l.id, l.date, l.subject, l.chamber, l.kamerstuk, l.kind,
           count(DISTINCT a.id), group_concat(DISTINCT at.theme_id)
    FROM letters l
    LEFT JOIN annotations a ON a.letter_id = l.id
    LEFT JOIN annotation_themes at ON at.annotation_id = a.id
    GROUP BY l.id
    ORDER BY l.date IS NULL, l.date DESC, l.name
"""


@pytest.fixture(params=["new", "v1"])
def library(request: pytest.FixtureRequest, tmp_path: Path):
    """A new library with letters added on one day (ties broken by name), and the migrated v1 fixture."""
    folder = tmp_path / "lib"
    if request.param == "v1":
        shutil.copytree(LIBRARIES / "v1", folder)
    with Library.open(folder, search=False) as lib:
        if request.param == "new":
            for name in ("b-twee.txt", "b.txt", "a.txt", "c.txt"):
                path = tmp_path / name
                path.write_text(f"Datum 3 oktober 2024\n\nBetreft Brief {name}\n\nGeachte voorzitter,\n\nTekst {name}.\n",
                                encoding="utf-8")
                lib.import_paths([path])
            lib.annotate_quote("b", "Tekst", [lib.list_themes()[0].id, lib.list_themes()[1].id], note="twee thema's")
            lib.annotate_quote("a", "Tekst", [lib.list_themes()[2].id])
        yield lib


def test_the_list_is_read_from_the_covering_index(library: Library) -> None:
    plan = [row[3] for row in library.db.execute("EXPLAIN QUERY PLAN " + letters_repo._SUMMARIES)]  # noqa: SLF001
    scans = [step for step in plan if step.startswith("SCAN")]
    assert "SCAN l USING COVERING INDEX letters_summary" in scans, plan
    assert all("COVERING INDEX" in step for step in scans), plan  # no scan of a table with the text


def test_the_list_equals_the_plain_query(library: Library) -> None:
    expected = [
        (lid, date, subject, chamber, kamerstuk, kind, n, tuple(sorted(int(t) for t in themes.split(","))) if themes else ())
        for lid, date, subject, chamber, kamerstuk, kind, n, themes in library.db.execute(PLAIN).fetchall()
    ]
    listed = [
        (s.id, s.date, s.subject, s.chamber, s.kamerstuk, s.kind, s.annotation_count, s.theme_ids)
        for s in library.list_letters()
    ]
    assert listed == expected
    assert any(s.annotation_count for s in library.list_letters())
    assert all(s.title for s in library.list_letters())  # letters without a subject get a title from their text


def test_the_rows_of_some_letters_are_their_rows_of_the_list(library: Library) -> None:
    listed = library.list_letters()
    for wanted in ([], [listed[-1].id], [s.id for s in listed[::2]], [s.id for s in listed] + [10_000]):
        assert library.letter_summaries(wanted) == [s for s in listed if s.id in set(wanted)]


def test_undated_letters_come_last_by_name(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib", search=False, seed=False) as lib:
        for name, date in (("m.txt", None), ("z.txt", "3 oktober 2024"), ("a.txt", None), ("b.txt", "1 maart 2020"),
                           ("c-d.txt", None), ("c.txt", "3 oktober 2024")):
            path = tmp_path / name
            head = f"Datum {date}\n\n" if date else ""
            path.write_text(f"{head}Betreft Brief {name}\n\nGeachte voorzitter,\n\nTekst {name}.\n", encoding="utf-8")
            lib.import_paths([path])
        expected = [row[0] for row in lib.db.execute(PLAIN).fetchall()]
        listed = lib.list_letters()
        assert [s.id for s in listed] == expected
        assert [s.name for s in listed] == ["c", "z", "b", "a", "c-d", "m"]
