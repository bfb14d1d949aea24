"""Library facade on real seed letters: opening, letters, themes, annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.services import Library
from tests.conftest import SEEDS


def test_new_library_is_seeded_with_bundled_letters_and_themes(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "library"
    with Library.open(folder) as library:
        names = sorted(s.name for s in library.list_letters())
        assert names == sorted(p.stem for p in SEEDS.glob("*.txt"))
        paths = [library.theme_path(t.id) for t in library.list_themes()]
        assert paths[:3] == ["Capaciteitsdoelstellingen", "Capaciteitsdoelstellingen/NDPP", "Capaciteitsdoelstellingen/CT25"]
        assert "Maritiem en Noordzee" in paths
        assert library.notices == []
        letter = library.get_letter("000_eba5de336aff673f")
        assert (folder / letter.source_path).read_bytes() == (SEEDS / letter.source_file).read_bytes()
    # reopening does not seed again
    with Library.open(folder) as library:
        assert len(library.list_letters()) == 5
        assert len(library.list_themes()) == 10


def test_seed_false_gives_an_empty_library_that_stays_empty(tmp_path: Path) -> None:
    with Library.open(tmp_path / "empty", seed=False) as library:
        assert library.list_letters() == [] and library.list_themes() == []
    with Library.open(tmp_path / "empty") as library:
        assert library.list_letters() == []


def test_pragmas(lib: Library) -> None:
    assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert lib.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_get_letter_by_id_name_and_file_name(lib: Library) -> None:
    letter = lib.get_letter("003_d09603eee462fd1e")
    assert letter.date == "2024-10-03" and letter.chamber == "Eerste Kamer"
    assert lib.get_letter(letter.id) == letter
    assert lib.get_letter(str(letter.id)) == letter
    assert lib.get_letter("003_d09603eee462fd1e.txt") == letter
    assert len(letter.footnotes) == 2
    with pytest.raises(NotFound, match="999_nope"):
        lib.get_letter("999_nope")
    with pytest.raises(NotFound):
        lib.get_letter(12345)


def test_letter_footnotes_survive_the_store(lib: Library) -> None:
    from desktop_app.core.importing import read_file

    parsed = read_file(SEEDS / "000_eba5de336aff673f.txt")
    stored = lib.get_letter("000_eba5de336aff673f")
    assert stored.text == parsed.text
    assert stored.footnotes == parsed.footnotes
    assert stored.headings == parsed.headings and stored.page_starts == parsed.page_starts
    data = stored.to_json()
    assert data["footnotes"][0]["marker"] == list(parsed.footnotes[0].marker)


def test_list_letters_counts_annotations_and_themes(lib: Library) -> None:
    ndpp = lib.get_theme("NDPP").id
    ct25 = lib.get_theme("CT25").id
    lib.annotate_quote("000_eba5de336aff673f", "NDPP", [ndpp])
    lib.annotate_quote("000_eba5de336aff673f", "CT25", [ct25, ndpp])
    rows = {s.name: s for s in lib.list_letters()}
    assert rows["000_eba5de336aff673f"].annotation_count == 2
    assert rows["000_eba5de336aff673f"].theme_ids == tuple(sorted((ndpp, ct25)))
    assert rows["001_999221068a1a2138"].annotation_count == 0
    dated = [s.date for s in lib.list_letters() if s.date]
    assert dated == sorted(dated, reverse=True)


# -- themes -------------------------------------------------------------------------------------


def test_theme_crud(lib: Library) -> None:
    parent = lib.get_theme("Capaciteitsdoelstellingen")
    new = lib.add_theme("IAMD", color="#ABC", parent="Lucht- en raketverdediging")
    assert new.color == "#aabbcc"
    assert lib.theme_path(new.id) == "Lucht- en raketverdediging/IAMD"
    assert lib.get_theme("lucht- en raketverdediging/iamd") == new
    with pytest.raises(InvalidInput, match="already exists"):
        lib.add_theme("iamd", parent="Lucht- en raketverdediging")
    with pytest.raises(InvalidInput, match="colour"):
        lib.add_theme("X", color="red")
    with pytest.raises(InvalidInput):
        lib.add_theme("  ")
    renamed = lib.update_theme(new.id, name="SBAMD", color="#112233")
    assert renamed.name == "SBAMD" and renamed.color == "#112233"
    moved = lib.move_theme(renamed.id, parent=parent.id, position=0)
    assert moved.parent_id == parent.id
    children = [t.name for t in lib.list_themes() if t.parent_id == parent.id]
    assert children == ["SBAMD", "NDPP", "CT25"]
    with pytest.raises(InvalidInput, match="under itself"):
        lib.move_theme(parent.id, parent=moved.id)
    top = lib.move_theme(moved.id, parent=None)
    assert top.parent_id is None and lib.list_themes()[-1].id == top.id


def test_new_themes_get_colours_no_theme_has_yet(lib: Library) -> None:
    colours = {t.color for t in lib.list_themes()}
    first = lib.add_theme("Munitie", parent="Capaciteitsdoelstellingen")
    assert first.color not in colours  # the starter set uses the first palette colour already
    second = lib.add_theme("Cyber")
    assert second.color not in colours | {first.color}
    for i in range(12):  # past the palette: still a valid colour, never an error
        assert lib.add_theme(f"Extra {i}").color.startswith("#")


def test_list_themes_is_depth_first(lib: Library) -> None:
    themes = lib.list_themes()
    seen: set[int] = set()
    for theme in themes:
        assert theme.parent_id is None or theme.parent_id in seen
        seen.add(theme.id)
    cap = lib.get_theme("Capaciteitsdoelstellingen").id
    assert set(lib.theme_descendants(cap)) == {cap, lib.get_theme("NDPP").id, lib.get_theme("CT25").id}


def test_delete_theme_refuses_when_used_unless_forced_and_keeps_annotations(lib: Library) -> None:
    ndpp = lib.get_theme("NDPP")
    ann = lib.annotate_quote(1, "NDPP", [ndpp.id, "CT25"])
    with pytest.raises(InvalidInput, match="1 annotation"):
        lib.delete_theme(ndpp.id)
    assert lib.delete_theme(ndpp.id, force=True) == 1
    kept = lib.get_annotation(ann.id)
    assert kept.theme_ids == (lib.get_theme("CT25").id,)
    restored = lib.restore_theme(ndpp, [ann.id])
    assert restored == ndpp
    assert ndpp.id in lib.get_annotation(ann.id).theme_ids


def test_delete_theme_moves_children_up(lib: Library) -> None:
    cap = lib.get_theme("Capaciteitsdoelstellingen")
    lib.delete_theme(cap.id)
    assert lib.get_theme("NDPP").parent_id is None
    top = [t.name for t in lib.list_themes() if t.parent_id is None]
    assert top[:3] == ["NDPP", "CT25", "Lucht- en raketverdediging"]


def test_merge_themes_moves_annotations_and_subthemes(lib: Library) -> None:
    a1 = lib.annotate_quote(1, "NDPP", ["NDPP"])
    a2 = lib.annotate_quote(1, "CT25", ["Capaciteitsdoelstellingen", "Defensie-industrie"])
    target = lib.get_theme("Defensie-industrie")
    moved = lib.merge_themes("Capaciteitsdoelstellingen", target.id)
    assert moved == 1
    with pytest.raises(NotFound):
        lib.get_theme("Capaciteitsdoelstellingen")
    assert lib.theme_path(lib.get_theme("NDPP").id) == "Defensie-industrie/NDPP"
    assert lib.get_annotation(a2.id).theme_ids == (target.id,)
    assert lib.get_annotation(a1.id).theme_ids == (lib.get_theme("NDPP").id,)
    with pytest.raises(InvalidInput):
        lib.merge_themes(target.id, "NDPP")


# -- annotations --------------------------------------------------------------------------------


def test_annotate_stores_w3c_selectors(lib: Library) -> None:
    letter = lib.get_letter("004_94d7e7617410a711")
    start = letter.text.index("Oekraïne")
    ann = lib.annotate(letter.id, start, start + len("Oekraïne"), ["Steun aan Oekraïne"], note="steun")
    assert ann.quote == "Oekraïne"
    assert letter.text[ann.start - len(ann.prefix) : ann.start] == ann.prefix
    assert letter.text[ann.end : ann.end + len(ann.suffix)] == ann.suffix
    assert 0 < len(ann.prefix) <= 32 and 0 < len(ann.suffix) <= 32
    assert ann.text_hash and ann.status == "anchored" and ann.note == "steun"
    with pytest.raises(InvalidInput):
        lib.annotate(letter.id, 10, 5)
    with pytest.raises(InvalidInput):
        lib.annotate(letter.id, 0, len(letter.text) + 1)
    with pytest.raises(NotFound):
        lib.annotate(letter.id, 0, 5, [9999])


def test_annotate_quote_occurrences_and_line_breaks(lib: Library) -> None:
    letter = lib.get_letter(1)
    count = letter.text.count("NAVO")
    assert count > 2
    second = lib.annotate_quote(1, "NAVO", occurrence=2)
    assert second.start == letter.text.index("NAVO", letter.text.index("NAVO") + 1)
    with pytest.raises(InvalidInput, match=f"occurs {count} time"):
        lib.annotate_quote(1, "NAVO", occurrence=count + 1)
    with pytest.raises(InvalidInput, match="does not occur"):
        lib.annotate_quote(1, "geen zin die hier staat")
    words = letter.text[letter.text.index("NDPP") :].split()[:6]
    spaced = "\n".join(words)  # a quote copied with other line breaks
    found = lib.annotate_quote(1, spaced)
    assert found.quote.split() == words


def test_update_delete_restore_annotation(lib: Library) -> None:
    ann = lib.annotate_quote(2, "Oekraïne", ["Steun aan Oekraïne"])
    updated = lib.update_annotation(ann.id, note="nieuw", theme_ids=["NAVO-top", "Steun aan Oekraïne"])
    assert updated.note == "nieuw" and len(updated.theme_ids) == 2
    gone = lib.delete_annotation(ann.id)
    with pytest.raises(NotFound):
        lib.get_annotation(ann.id)
    back = lib.restore_annotation(gone)
    assert (back.id, back.note, back.theme_ids, back.start) == (gone.id, gone.note, gone.theme_ids, gone.start)


def test_list_annotations_by_letter_and_theme_with_subthemes(lib: Library) -> None:
    a = lib.annotate_quote(4, "Oekraïne", ["NDPP"])
    b = lib.annotate_quote(1, "NDPP", ["Capaciteitsdoelstellingen"])
    c = lib.annotate_quote(1, "CT25", ["NAVO-top"])
    everything = lib.list_annotations()
    assert [x.id for x in everything] == [x.id for x in sorted([a, b, c], key=lambda x: (x.letter_id, x.start))]
    assert {x.id for x in lib.list_annotations(theme="Capaciteitsdoelstellingen")} == {a.id, b.id}
    assert {x.id for x in lib.list_annotations(theme="Capaciteitsdoelstellingen", include_subthemes=False)} == {b.id}
    assert [x.id for x in lib.list_annotations(letter=1)] == sorted([b.id, c.id], key=lambda i: lib.get_annotation(i).start)
    assert [x.id for x in lib.list_annotations(letter=1, theme="NAVO-top")] == [c.id]


def test_reattach_annotation(lib: Library) -> None:
    ann = lib.annotate_quote(1, "NDPP")
    letter = lib.get_letter(1)
    start = letter.text.index("CT25")
    moved = lib.reattach_annotation(ann.id, start, start + 4)
    assert moved.quote == "CT25" and moved.status == "anchored"


def test_set_kamerstuk(lib: Library) -> None:
    letter = lib.set_kamerstuk("000_eba5de336aff673f", "Kamerstuk 28 676, nr. 472")
    assert letter.kamerstuk == "kst-28676-472" and letter.kamerstuk_source == "user"
    assert lib.set_kamerstuk(letter.id, "KST-28676-467").kamerstuk == "kst-28676-467"
    assert lib.set_kamerstuk(letter.id, "kst-36410-X-33").kamerstuk == "kst-36410-X-33"
    assert lib.set_kamerstuk(letter.id, None).kamerstuk is None
    with pytest.raises(InvalidInput):
        lib.set_kamerstuk(letter.id, "zomaar wat")


def test_ids_are_never_reused_so_undo_can_restore(lib: Library) -> None:
    first = lib.annotate_quote(1, "NDPP")
    gone = lib.delete_annotation(first.id)
    newer = lib.annotate_quote(1, "CT25")
    assert newer.id != gone.id
    assert lib.restore_annotation(gone).id == gone.id
    theme = lib.add_theme("Tijdelijk")
    lib.delete_theme(theme.id)
    assert lib.add_theme("Nieuw").id != theme.id
    assert lib.restore_theme(theme) == theme
