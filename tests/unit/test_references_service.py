"""ReferenceService on the five bundled letters: extraction, resolution, backlinks, missing documents,
confirm/reject, and the `kamerlezer refs` command.

The letters are stored by a small stand-in for the Library (`SeedLibrary` below: the importer's
ParsedLetters written to a migrated database, with the Library methods the service calls). The same
checks run through a real Library in test_references_library.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.importing import read_file
from desktop_app.core.model import Footnote, Letter, LetterSummary, Reference
from desktop_app.core.references.service import ReferenceService
from desktop_app.core.store.schema import migrations
from tests.conftest import SEEDS


class SeedLibrary:
    """Stand-in for desktop_app.core.services.Library: only what ReferenceService uses."""

    def __init__(self, path: Path) -> None:
        self.db = Database(path)
        self.db.execute("PRAGMA foreign_keys=ON")
        migrations.apply(self.db)
        self.references = ReferenceService(self.db, self)

    def add(self, path: Path) -> Letter:
        parsed = read_file(path)
        row = {k: getattr(parsed, k) for k in ("source_file", "content_hash", "source_format", "text", "date",
                                               "subject", "chamber", "kind", "kamerstuk")}  # fmt: skip
        row.update(text_hash=hashlib.sha256(parsed.text.encode()).hexdigest(), imported_at="-", updated_at="-")
        row["kamerstuk_source"] = "document" if parsed.kamerstuk else None
        with self.db.atomic():
            letter_id = self.db["letters"].insert(row).last_pk
            for note in parsed.footnotes:
                marker = note.marker or (None, None)
                self.db["footnotes"].insert(
                    {"letter_id": letter_id, "number": note.number, "text": note.text,
                     "marker_start": marker[0], "marker_end": marker[1]}  # fmt: skip
                )
            letter = self.get_letter(int(letter_id))
            self.references.extract(letter)
        return letter

    def get_letter(self, ref: int | str) -> Letter:
        if isinstance(ref, int):
            rows = list(self.db["letters"].rows_where("id = ?", [ref]))
        else:
            rows = list(self.db["letters"].rows_where("source_file LIKE ?", [f"{ref}.%"]))
        if not rows:
            raise NotFound(f"no letter {ref}")
        r = rows[0]
        notes = tuple(
            Footnote(f["number"], f["text"], (f["marker_start"], f["marker_end"]) if f["marker_start"] is not None else None)
            for f in self.db["footnotes"].rows_where("letter_id = ?", [r["id"]], order_by="number")
        )
        keep = ("source_file", "content_hash", "source_format", "text", "date", "subject", "chamber", "kind",
                "kamerstuk", "kamerstuk_source")  # fmt: skip
        return Letter(id=r["id"], footnotes=notes, **{k: r[k] for k in keep})

    def list_letters(self) -> list[LetterSummary]:
        return [
            LetterSummary(r["id"], r["source_file"], r["date"], r["subject"], r["chamber"], r["kamerstuk"], r["kind"])
            for r in self.db["letters"].rows_where(order_by="id")
        ]

    def set_kamerstuk(self, ref: int | str, kamerstuk: str | None) -> Letter:
        letter = self.get_letter(ref)
        self.db["letters"].update(letter.id, {"kamerstuk": kamerstuk, "kamerstuk_source": "user"})
        self.references.resolve_all()
        return self.get_letter(letter.id)

    def close(self) -> None:
        self.db.close()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[SeedLibrary]:
    lib = SeedLibrary(tmp_path / "library.db")
    for path in sorted(SEEDS.glob("*.txt")):
        lib.add(path)
    lib.references.resolve_all()
    yield lib
    lib.close()


def seed(lib: Any, prefix: str) -> Letter:
    (summary,) = [s for s in lib.list_letters() if s.source_file.startswith(prefix + "_")]
    return lib.get_letter(summary.id)


def footnote_ref(lib: Any, prefix: str, number: int) -> Reference:
    refs = [r for r in lib.references.refs_for(seed(lib, prefix)) if r.footnote_number == number]
    assert len(refs) == 1, refs
    return refs[0]


def body_ref(lib: Any, prefix: str, needle: str) -> Reference:
    refs = [r for r in lib.references.refs_for(seed(lib, prefix)) if r.location == "body" and needle in r.raw]
    assert len(refs) == 1, refs
    return refs[0]


# -- the checks (shared with test_references_library.py) -------------------------------------------


def check_extraction(lib: Any) -> None:
    letter = seed(lib, "000")
    refs = lib.references.refs_for(letter)
    assert [(r.location, r.footnote_number, r.canonical) for r in refs] == [
        ("body", None, None),  # motie-Segers c.s.
        ("footnote", 1, "kst-28676-464"),
        ("footnote", 2, "kst-36200-X-38"),
        ("footnote", 2, None),  # Motie-Segers c.s. named again
        ("footnote", 3, "kst-28676-464"),
        ("footnote", 5, "kst-28676-467"),
        ("footnote", 6, "kst-36592-1"),
    ]
    notes = {n.number: n.text for n in letter.footnotes}
    for ref in refs:
        source = letter.text if ref.location == "body" else notes[ref.footnote_number]
        assert source[ref.start : ref.end] == ref.raw


def check_date_resolution(lib: Any) -> None:
    ref = footnote_ref(lib, "000", 5)
    assert ref.raw == "Kamerstuk 28 676, nr. 467 van 3 oktober 2024"
    assert ref.status == "resolved"
    assert ref.target_letter_id == seed(lib, "003").id
    assert ref.reason == "the only letter dated 3 oktober 2024"
    assert 0.8 <= ref.confidence < 1.0
    backlinks = lib.references.cited_by(seed(lib, "003"))
    assert [r.id for r in backlinks] == [ref.id]


def check_ct25_suggestions(lib: Any) -> tuple[Reference, Reference]:
    ct25 = seed(lib, "000").id
    from_004 = footnote_ref(lib, "004", 1)
    from_002 = body_ref(lib, "002", "nr. 472")
    for ref in (from_004, from_002):
        assert ref.canonical == "kst-28676-472"
        assert ref.status == "suggested"
        assert ref.suggestions[0][0] == ct25
        assert ref.suggestions[0][2].startswith("shares ")
        assert 0 < ref.suggestions[0][1] < 0.8
    assert lib.references.cited_by(seed(lib, "000")) == []  # a suggestion is not a backlink
    return from_004, from_002


def check_missing(lib: Any) -> None:
    missing = {m.canonical: m for m in lib.references.missing()}
    assert missing["kst-28676-464"].count == 3
    assert {(p[0], p[2]) for p in missing["kst-28676-464"].places} == {
        (seed(lib, "000").id, 1),
        (seed(lib, "000").id, 3),
        (seed(lib, "003").id, 1),
    }
    for canonical in ("kst-36592-1", "kst-27925-980", "ah-tk-20232024-872"):
        assert canonical in missing
    for doc in missing.values():  # each place names its citation (the GUI opens it in the reader)
        cited = [lib.references.get(i) for i in doc.reference_ids]
        assert [(r.letter_id, r.location, r.footnote_number, r.raw) for r in cited] == doc.places
        assert {r.canonical for r in cited} == {doc.canonical}
    assert "kst-28676-467" not in missing  # resolved to 003
    counts = [m.count for m in lib.references.missing()]
    assert counts == sorted(counts, reverse=True)


def check_confirm(lib: Any) -> None:
    ct25 = seed(lib, "000")
    from_004, from_002 = footnote_ref(lib, "004", 1), body_ref(lib, "002", "nr. 472")
    confirmed = lib.references.confirm(from_004.id, ct25.name)
    assert (confirmed.status, confirmed.target_letter_id) == ("confirmed", ct25.id)
    assert seed(lib, "000").kamerstuk == "kst-28676-472"
    assert seed(lib, "000").kamerstuk_source == "user"
    other = lib.references.get(from_002.id)
    assert other.status in ("resolved", "confirmed") and other.target_letter_id == ct25.id
    assert {r.id for r in lib.references.cited_by(ct25)} == {from_004.id, from_002.id}
    assert "kst-28676-472" not in {m.canonical for m in lib.references.missing()}


# -- tests ------------------------------------------------------------------------------------------


def test_extraction(library: SeedLibrary) -> None:
    check_extraction(library)


def test_date_resolution(library: SeedLibrary) -> None:
    check_date_resolution(library)


def test_ct25_suggestions(library: SeedLibrary) -> None:
    check_ct25_suggestions(library)


def test_missing(library: SeedLibrary) -> None:
    check_missing(library)


def test_confirm(library: SeedLibrary) -> None:
    check_confirm(library)


def test_reject_removes_the_suggestion_and_survives_reextraction(library: SeedLibrary) -> None:
    ct25 = seed(library, "000")
    ref = footnote_ref(library, "004", 1)
    after = library.references.reject(ref.id, ct25.id)
    assert ct25.id not in [s[0] for s in after.suggestions]
    assert after.status in ("suggested", "missing")
    library.references.extract(seed(library, "004"))  # re-import: rows replaced, decisions kept
    library.references.resolve_all()
    again = footnote_ref(library, "004", 1)
    assert ct25.id not in [s[0] for s in again.suggestions]
    confirmed = library.references.confirm(again.id, ct25.id)  # a later confirmation wins
    assert confirmed.status == "confirmed"


def test_extract_replaces_rows_and_leaves_out_the_letters_own_id(library: SeedLibrary) -> None:
    letter = seed(library, "003")
    before = library.references.refs_for(letter)
    library.references.extract(letter)
    assert len(library.references.refs_for(letter)) == len(before)
    named = Letter(**{**letter.__dict__, "kamerstuk": "kst-31125-130"})
    library.references.extract(named)
    assert "kst-31125-130" not in {r.canonical for r in library.references.refs_for(letter)}


def test_bad_ids(library: SeedLibrary) -> None:
    with pytest.raises(NotFound):
        library.references.confirm(99999, 1)
    ref = footnote_ref(library, "004", 1)
    with pytest.raises(InvalidInput):
        library.references.confirm(ref.id, seed(library, "004").id)


def test_cli_refs(library: SeedLibrary, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import common, main

    monkeypatch.setattr(common.Context, "library", property(lambda self: library))
    monkeypatch.setattr(common.Context, "close", lambda self: None)
    assert main(["refs", "--missing", "--json"]) == 0
    missing = json.loads(capsys.readouterr().out)
    assert missing[0]["canonical"] == "kst-28676-464" and missing[0]["count"] == 3

    assert main(["refs", seed(library, "000").name, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["cites"]) == 7 and data["cited_by"] == []
    assert main(["refs", seed(library, "000").name]) == 0
    text = capsys.readouterr().out
    assert "cites 7:" in text and "cited by 0" not in text and "cited by no letter in the library" in text
    resolved = [r for r in data["cites"] if r["status"] == "resolved"]
    assert resolved[0]["target"] == seed(library, "003").name

    ref = footnote_ref(library, "004", 1)
    assert main(["refs", "confirm", str(ref.id), seed(library, "000").name]) == 0
    assert "confirmed" in capsys.readouterr().out
    assert main(["refs", seed(library, "000").name]) == 0
    text = capsys.readouterr().out
    assert "cited by 2:" in text and "(kst-28676-472)" in text
    assert main(["refs", "reject", "x", "000"]) == 1
    assert "usage" in capsys.readouterr().err
    assert main(["refs"]) == 0
    assert "motie-Segers c.s." in capsys.readouterr().out
