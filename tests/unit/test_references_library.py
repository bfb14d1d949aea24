"""The reference checks through a real Library (seeded with the five bundled letters in tmp_path), and
`kamerlezer refs` / `kamerlezer cite` end to end against a library folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.services import Library
from tests.unit.test_references_service import (
    check_confirm,
    check_ct25_suggestions,
    check_date_resolution,
    check_extraction,
    check_missing,
    footnote_ref,
    seed,
)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib", search=False)
    yield lib
    lib.close()


def test_library_extracts_and_resolves_on_seeding(library: Library) -> None:
    check_extraction(library)
    check_date_resolution(library)
    check_ct25_suggestions(library)
    check_missing(library)


def test_confirm_through_the_library(library: Library) -> None:
    check_confirm(library)


def test_decisions_survive_reopening_and_reimport(tmp_path: Path, library: Library) -> None:
    ref = footnote_ref(library, "004", 1)
    library.references.confirm(ref.id, seed(library, "000").id)
    library.close()
    with Library.open(tmp_path / "lib", search=False) as again:
        letter = seed(again, "004")
        again.references.extract(letter)  # as a re-import does: rows replaced
        again.resolve_references()
        after = footnote_ref(again, "004", 1)
        assert (after.status, after.target_letter_id) == ("confirmed", seed(again, "000").id)


def test_set_kamerstuk_resolves_citations_by_own_id(library: Library) -> None:
    library.set_kamerstuk(seed(library, "000").name, "kst-28676-472")
    ref = footnote_ref(library, "004", 1)
    assert (ref.status, ref.target_letter_id, ref.confidence) == ("resolved", seed(library, "000").id, 1.0)
    assert ref.reason == f"own Kamerstuk id of {seed(library, '000').name}"


def test_deleting_a_cited_letter_unresolves_its_backlinks(library: Library) -> None:
    ref = footnote_ref(library, "000", 5)
    assert ref.status == "resolved"
    library.delete_letter(seed(library, "003").name)
    after = library.references.get(ref.id)
    assert after.status == "missing" and after.target_letter_id is None
    assert "kst-28676-467" in {m.canonical for m in library.references.missing()}


def test_cli_refs_on_a_library_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import main

    folder = str(tmp_path / "cli-lib")
    assert main(["--library", folder, "refs", "--missing", "--json"]) == 0
    missing = json.loads(capsys.readouterr().out)
    top = missing[0]
    assert (top["canonical"], top["count"]) == ("kst-28676-464", 3)
    assert all(p["letter"] for p in top["places"])
    with Library.open(Path(folder), search=False) as lib:
        ref_id = footnote_ref(lib, "004", 1).id
        ct25 = seed(lib, "000").name
    assert main(["--library", folder, "refs", "confirm", str(ref_id), ct25]) == 0
    capsys.readouterr()
    assert main(["--library", folder, "refs", ct25, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["letter"]["kamerstuk"] == "kst-28676-472"
    assert {r["letter"] for r in data["cited_by"]} == {seed_name for seed_name in _names(folder, "002", "004")}
    assert main(["--library", folder, "refs", "confirm", "999999", ct25]) == 1
    assert "no citation with id 999999" in capsys.readouterr().err
    with Library.open(Path(folder), search=False) as lib:  # a stale resolution, repaired by --rebuild
        lib.db.execute('UPDATE "references" SET status = \'missing\', target_letter_id = NULL WHERE id = ?', [ref_id])
        lib.db.conn.commit()
        total = len(lib.references.all_references())
    assert main(["--library", folder, "refs", "--rebuild", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"resolved": total}
    with Library.open(Path(folder), search=False) as lib:
        assert (lib.references.get(ref_id).status, lib.references.get(ref_id).target_letter_id) == (
            "confirmed", seed(lib, "000").id,
        )  # fmt: skip
    assert main(["--library", folder, "refs", "--rebuild", ct25]) == 1


def _names(folder: str, *prefixes: str) -> list[str]:
    with Library.open(Path(folder), search=False) as lib:
        return [seed(lib, p).name for p in prefixes]


def test_an_id_set_after_import_that_the_letter_cites_itself_is_no_backlink(library: Library) -> None:
    letter = seed(library, "004")
    library.set_kamerstuk(letter.name, "kst-27925-980")  # 004 cites 27 925, nr. 980 in its body
    assert "kst-27925-980" not in {m.canonical for m in library.references.missing()}
    assert library.references.cited_by(letter) == []


HEAD_LETTER = """> Retouradres Postbus 20350 2500 EJ Den Haag

De Voorzitter van de Tweede Kamer
der Staten-Generaal

Datum 12 februari 2024
Ons kenmerk 3461322-1039004-MEVA
Uw kenmerk 2024Z01234
Betreft Reactie op het verzoek over wachtlijsten in de jeugdzorg

Geachte voorzitter,

Hierbij reageer ik op het verzoek van de vaste commissie over de wachtlijsten in de jeugdzorg.

Hoogachtend,

de minister van Volksgezondheid, Welzijn en Sport,

Conny Helder
"""


def test_a_citation_in_the_letter_head_is_stored_and_listed_as_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.cli import main

    path = tmp_path / "uw_kenmerk.txt"
    path.write_text(HEAD_LETTER, encoding="utf-8")
    folder = str(tmp_path / "cli-lib")
    assert main(["--library", folder, "import", str(path)]) == 0
    capsys.readouterr()
    with Library.open(Path(folder), search=False) as lib:
        letter = lib.get_letter("uw_kenmerk")
        assert letter.head == "Uw kenmerk 2024Z01234"
        assert "2024Z01234" not in letter.text
        refs = lib.references.refs_for(letter)
        head = [r for r in refs if r.location == "head"]
        assert [(r.raw, r.kind, r.canonical) for r in head] == [("2024Z01234", "zaak", "2024Z01234")]
        assert letter.head[head[0].start : head[0].end] == "2024Z01234"
        assert refs[0] == head[0]  # the head comes first, as a reader meets it
        assert "3461322" not in " ".join(r.raw for r in refs)  # "Ons kenmerk": the sender's own number
    assert main(["--library", folder, "refs", "--missing", "--json"]) == 0
    found = [doc for doc in json.loads(capsys.readouterr().out) if doc["canonical"] == "2024Z01234"]
    assert [p["location"] for p in found[0]["places"]] == ["head"]
    assert main(["--library", folder, "refs", "--missing"]) == 0
    assert 'uw_kenmerk head: "2024Z01234"' in capsys.readouterr().out
    assert main(["--library", folder, "refs", "uw_kenmerk"]) == 0
    assert "head" in capsys.readouterr().out


def test_a_letter_stored_before_the_head_was_kept_gets_it_when_imported_again(tmp_path: Path) -> None:
    """Migration 0006 leaves the head of letters already stored NULL (unread): importing the same file
    again is then an update, not a skip, and brings the head's citations."""
    path = tmp_path / "uw_kenmerk.txt"
    path.write_text(HEAD_LETTER, encoding="utf-8")
    with Library.open(tmp_path / "lib", search=False) as lib:
        (letter,) = lib.import_paths([path]).imported
        with lib.db.atomic():  # as a library of an earlier version holds it
            lib.db.execute("UPDATE letters SET head = NULL WHERE id = ?", [letter.id])
            lib.db.execute('DELETE FROM "references" WHERE letter_id = ?', [letter.id])
        assert lib.get_letter(letter.id).head == ""
        again = lib.import_paths([path])
        assert [x.id for x in again.updated] == [letter.id] and not again.skipped
        assert lib.get_letter(letter.id).head == "Uw kenmerk 2024Z01234"
        assert [r.raw for r in lib.references.refs_for(letter.id) if r.location == "head"] == ["2024Z01234"]
        assert lib.import_paths([path]).skipped  # read by this version: known, skipped
