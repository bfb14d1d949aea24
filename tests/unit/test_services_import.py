"""Library.import_paths: files and folders, duplicates, new versions (re-anchoring), failures, cancel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.core.services import Library
from desktop_app.core.tasks import CancelToken
from tests.conftest import SEEDS, seed_path


@pytest.fixture
def empty(tmp_path: Path):
    library = Library.open(tmp_path / "empty", seed=False)
    yield library
    library.close()


def _row_counts(library: Library) -> tuple[int, ...]:
    return tuple(
        library.db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in ("letters", "footnotes", "references", "annotations")
    )


def test_import_folder_recursively_skips_other_files(empty: Library, tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(seed_path("000"), src / "a.txt")
    shutil.copy(seed_path("003"), src / "sub" / "deeper" / "b.TXT")
    (src / "notes.odt").write_bytes(b"PK\x03\x04 not a letter")
    (src / "sub" / "README.md").write_text("# readme", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    report = empty.import_paths([src], progress=lambda done, total, msg="": seen.append((done, total)))
    assert report.ok and [x.name for x in report.imported] == ["a", "b"]
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    stored = empty.get_letter("b")
    assert stored.text and stored.date == "2024-10-03"
    assert (empty.folder / stored.source_path).read_bytes() == seed_path("003").read_bytes()
    assert empty.references.refs_for(empty.get_letter("a")), "citations are extracted at import"


def test_unsupported_file_given_explicitly_fails_by_name(empty: Library, tmp_path: Path) -> None:
    bad = tmp_path / "letter.odt"
    bad.write_bytes(b"PK\x03\x04")
    report = empty.import_paths([bad, seed_path("001")])
    assert [x.name for x in report.imported] == ["001_999221068a1a2138"]
    (failure,) = report.failed
    assert "letter.odt" in failure.message and "unsupported file type" in failure.problem
    assert not report.ok


def test_failed_files_leave_no_rows_and_keep_the_importer_message(empty: Library, tmp_path: Path) -> None:
    empty_file = tmp_path / "leeg.txt"
    empty_file.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    fake_pdf = tmp_path / "kapot.pdf"
    fake_pdf.write_bytes(b"%PDF-1.7\n garbage without objects")
    before = _row_counts(empty)
    report = empty.import_paths([empty_file, binary, fake_pdf, tmp_path / "missing.txt"])
    assert len(report.failed) == 4 and not report.imported
    for failure, name in zip(report.failed, ["leeg.txt", "binary.txt", "kapot.pdf", "missing.txt"], strict=True):
        assert name in failure.message and failure.problem
    assert "empty" in report.failed[0].problem
    assert _row_counts(empty) == before
    assert list((empty.folder / "files").iterdir()) == []


def test_a_failure_while_storing_rolls_the_whole_file_back(empty: Library, monkeypatch) -> None:
    def boom(letter, links=()):
        raise RuntimeError("extraction bug")

    monkeypatch.setattr(empty.references, "extract", boom)
    report = empty.import_paths([seed_path("000")])
    (failure,) = report.failed
    assert "000_eba5de336aff673f.txt" in failure.message and "extraction bug" in failure.problem
    assert _row_counts(empty) == (0, 0, 0, 0)
    assert list((empty.folder / "files").iterdir()) == []


def test_same_content_is_skipped(lib: Library, tmp_path: Path) -> None:
    copy = tmp_path / "other-name.txt"
    shutil.copy(seed_path("002"), copy)
    report = lib.import_paths([seed_path("002"), copy])
    known = lib.get_letter("002_6da6c7f9d4c292e2").id
    assert report.skipped == [(str(seed_path("002")), known), (str(copy), known)]
    assert not report.imported and len(lib.list_letters()) == 5


def test_new_version_keeps_id_user_kamerstuk_and_reanchors(lib: Library, tmp_path: Path) -> None:
    name = "000_eba5de336aff673f"
    old = lib.set_kamerstuk(name, "kst-28676-472")
    kept = lib.annotate_quote(name, "Minimum Capability Requirements (MCR)", ["CT25"], note="MCR")
    edited = lib.annotate_quote(name, "over de uitkomsten van de tweejaarlijkse NDPP Review", ["NDPP"])
    lost = lib.annotate_quote(name, "Political Guidance", ["NAVO-top"])
    raw = seed_path("000").read_text(encoding="utf-8")
    assert "(Political Guidance)" in raw
    raw = "Een nieuwe eerste alinea, toegevoegd in de tweede versie.\n\n" + raw
    raw = raw.replace("(Political Guidance)", "")
    raw = raw.replace("tweejaarlijkse NDPP Review", "tweejaarlijkse\nNDPP-Review")
    new_file = tmp_path / f"{name}.txt"
    new_file.write_text(raw, encoding="utf-8")
    report = lib.import_paths([new_file])
    assert report.ok and [x.id for x in report.updated] == [old.id] and not report.imported
    letter = lib.get_letter(old.id)
    assert letter.text.startswith("Een nieuwe eerste alinea") and letter.kamerstuk == "kst-28676-472"
    assert letter.content_hash != old.content_hash
    moved = lib.get_annotation(kept.id)
    assert moved.status == "anchored" and letter.text[moved.start : moved.end] == kept.quote
    assert moved.start > kept.start and moved.note == "MCR"
    rewrapped = lib.get_annotation(edited.id)
    assert rewrapped.status == "anchored" and "NDPP-Review" in letter.text[rewrapped.start : rewrapped.end]
    orphan = lib.get_annotation(lost.id)
    assert orphan.status == "orphan" and orphan.quote == "Political Guidance"
    assert [a.id for a in report.orphaned] == [lost.id]
    assert len(lib.list_annotations(name)) == 3, "never drop an annotation"
    # the original of the new version is copied; the old one stays for restored backups
    assert (lib.folder / letter.source_path).read_bytes() == new_file.read_bytes()
    assert (lib.folder / old.source_path).read_bytes() == seed_path("000").read_bytes()


def test_cancel_stops_between_files_keeping_what_was_done(empty: Library) -> None:
    token = CancelToken()

    def progress(done: int, total: int, message: str = "") -> None:
        if done == 2:
            token.cancel()

    report = empty.import_paths(sorted(SEEDS.glob("*.txt")), progress=progress, cancel=token)
    assert report.cancelled
    assert len(report.imported) == 3  # the file whose progress triggered cancel is still completed
    assert len(empty.list_letters()) == 3


def test_pdf_version_of_a_text_letter_keeps_its_annotations(lib: Library, tmp_path: Path) -> None:
    """The same letter as a ministry-layout PDF (its own line breaks, hyphenation, page layout) is a new
    version of the .txt letter: every annotation is re-attached to the same words."""
    from tests import pdfgen

    name = "003_d09603eee462fd1e"
    letter = lib.get_letter(name)
    paragraphs = [p for p in letter.text.split("\n\n") if len(p) > 200]
    quotes = [paragraphs[0][:80], paragraphs[len(paragraphs) // 2][40:160], paragraphs[-1][-90:]]
    anns = [lib.annotate_quote(name, q.strip(), ["NAVO-top"]) for q in quotes]
    pdf = pdfgen.seed_pdf(seed_path("003"), tmp_path)
    report = lib.import_paths([pdf])
    assert report.ok and [x.id for x in report.updated] == [letter.id], report.failed
    new = lib.get_letter(name)
    assert new.source_format == "pdf"
    for ann in anns:
        moved = lib.get_annotation(ann.id)
        assert moved.status == "anchored"
        assert "".join(new.text[moved.start : moved.end].split()) == "".join(ann.quote.split())


def test_file_by_file_import_resolves_references_when_asked(empty: Library) -> None:
    empty.import_paths([seed_path("000")], resolve=False)
    target = empty.set_kamerstuk("000_eba5de336aff673f", "kst-28676-472")
    empty.import_paths([seed_path("002")], resolve=False)
    citing = empty.get_letter("002_6da6c7f9d4c292e2")

    def targets() -> set[int | None]:
        return {r.target_letter_id for r in empty.references.refs_for(citing) if r.canonical == "kst-28676-472"}

    assert targets() == {None}
    empty.resolve_references()
    assert targets() == {target.id}


def test_import_iter_walks_like_import_paths_and_resolves_once_at_the_end(empty: Library, tmp_path: Path, samples_dir: Path, monkeypatch) -> None:
    """The one import path (issue 16.3): the GUI's worker drives ``import_iter`` file by file. Hidden
    files, "._" files (macOS resource forks) and hidden folders are left out; official XML and its
    metadata record are one letter; every file's warnings reach the step's report; the library can be
    used between files; references are resolved once, after the last file."""
    from desktop_app.core.services import import_iter

    src = tmp_path / "src"
    (src / ".hidden").mkdir(parents=True)
    shutil.copy(seed_path("000"), src / "a.txt")
    shutil.copy(seed_path("002"), src / "b.txt")
    shutil.copy(seed_path("001"), src / ".hidden" / "c.txt")
    (src / "._a.txt").write_bytes(b"\x00\x05\x16\x07 AppleDouble")
    shutil.copy(samples_dir / "kst-32545-143.xml", src / "kst-32545-143.xml")
    shutil.copy(samples_dir / "kst-32545-143_metadata.xml", src / "kst-32545-143_metadata.xml")
    (src / "empty").mkdir()
    resolved: list[int] = []
    original = Library.resolve_references
    monkeypatch.setattr(Library, "resolve_references", lambda self, **kw: (resolved.append(1), original(self, **kw))[1])
    steps = []
    for step in import_iter(empty, [src, src / "empty"]):
        steps.append(step)
        assert resolved == []  # not per file
        assert len(empty.list_letters()) == len([s for s in steps if s.path is not None])  # usable between files
    assert resolved == [1]
    assert steps[0].path is None and [f.path for f in steps[0].report.failed] == [str(src / "empty")]
    assert [s.path.name for s in steps[1:]] == ["a.txt", "b.txt", "kst-32545-143.xml"]
    assert [(s.done, s.total) for s in steps[1:]] == [(1, 3), (2, 3), (3, 3)]
    assert all(s.report.ok for s in steps[1:])
    assert sorted(x.name for x in empty.list_letters()) == ["a", "b", "kst-32545-143"]
    citing = empty.get_letter("b")
    assert empty.references.refs_for(citing)


def test_import_iter_stops_between_files_on_cancel(empty: Library) -> None:
    from desktop_app.core.services import import_iter

    token = CancelToken()
    done = []
    for step in import_iter(empty, sorted(SEEDS.glob("*.txt")), cancel=token):
        done.append(step.path)
        if len(done) == 2:
            token.cancel()
    assert len(done) == 2 and len(empty.list_letters()) == 2
