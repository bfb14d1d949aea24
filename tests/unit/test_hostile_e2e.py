"""Hostile input, end to end: one batch of bad and good files through ``kamerlezer import``.

The batch runs in a child process, the way a user runs it (``python -m desktop_app --library LIB
import DIR``). It must not crash (no traceback), must name every bad file once with its problem,
must import the good ones whole, must exit non-zero, and must store nothing of the bad ones.
The unit-level cases (each reader on each bad file) live in test_import_hostile.py.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import pdfgen
from tests.conftest import ROOT, seed_path

PASSWORD = "Geheim-2024!"
HUGE_BYTES = 200 * 1024 * 1024
MARKUP = (
    '<script>alert(1)</script> and <b>vet</b> &amp; &lt;i&gt; <a href="javascript:alert(2)">klik</a> '
    "<!-- commentaar --> <![CDATA[x]]> {{sjabloon}} ${env} %s \\n"
)
CP1252_PHRASES = ("financiële bijdrage van € 2,5 miljard", "ideeën over coördinatie")
LONG_LINE_END = "slotzin-van-de-lange-regel"

# Bad files: name -> what the one line about it must say (the problem, in the importer's words).
BAD: dict[str, str] = {
    "leeg.txt": r"empty",
    "ruis.pdf": r"not a pdf|damaged|not.*pdf",
    "tekst_hernoemd.pdf": r"not a pdf|text|not.*pdf",
    "afgebroken.pdf": r"truncated|damaged",
    "versleuteld.pdf": r"password|encrypt",
    "scan.pdf": r"no text|scan",
    "enorm.pdf": r"too large",
    "genest.pdf": r"nested|damaged",
}
GOOD = ("cp1252.txt", "opmaak.txt", "lange_regel.txt", "brief_003.pdf")


def _letter_text(body: str) -> str:
    return (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Datum 12 maart 2024\nBetreft Een brief voor de test\n\nGeachte voorzitter,\n\n"
        f"{body}\n\nDe Minister van Defensie,\n\nA. Tester\n"
    )


def build_corpus(folder: Path) -> Path:
    """Write the hostile corpus (and the good letters beside it) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240312)
    letter_pdf = pdfgen.seed_pdf(seed_path("003"), folder)
    letter_pdf.rename(folder / "brief_003.pdf")
    letter_pdf = folder / "brief_003.pdf"
    scratch = folder.parent / (folder.name + "-scratch")
    scratch.mkdir(exist_ok=True)

    (folder / "leeg.txt").write_bytes(b"")
    (folder / "ruis.pdf").write_bytes(bytes(rng.getrandbits(8) for _ in range(64 * 1024)))
    (folder / "tekst_hernoemd.pdf").write_text(_letter_text("Dit is gewoon tekst."), encoding="utf-8")
    pdfgen.truncated_pdf(letter_pdf, folder / "afgebroken.pdf", keep=0.5)
    pdfgen.encrypted_pdf(letter_pdf, folder / "versleuteld.pdf", PASSWORD)
    pdfgen.image_only_pdf(folder / "scan.pdf")
    with (folder / "enorm.pdf").open("wb") as handle:  # sparse: 200 MB that take no disk space
        handle.write(b"%PDF-1.4\n")
        handle.truncate(HUGE_BYTES)
    pdfgen.nested_arrays_pdf(folder / "genest.pdf", depth=20_000)

    body = f"Wij melden de {CP1252_PHRASES[0]}.\n\nOok zijn er {CP1252_PHRASES[1]}."
    (folder / "cp1252.txt").write_bytes(_letter_text(body).encode("cp1252"))
    (folder / "opmaak.txt").write_text(_letter_text(f"De tekst bevat opmaak: {MARKUP}"), encoding="utf-8")
    words = ["defensie", "capaciteit", "navo", "doelstelling", "begroting", "inzet"]
    line = " ".join(rng.choice(words) for _ in range(150_000))[: 1024 * 1024] + " " + LONG_LINE_END
    (folder / "lange_regel.txt").write_text(_letter_text(line), encoding="utf-8")
    return folder


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("KAMERLEZER_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def _db_snapshot(library: Path) -> dict[str, object]:
    with sqlite3.connect(library / "library.db") as conn:
        letters = {row[0]: row[1] for row in conn.execute("SELECT source_file, id FROM letters")}
        footnotes = conn.execute("SELECT letter_id, COUNT(*) FROM footnotes GROUP BY letter_id").fetchall()
        references = conn.execute('SELECT letter_id, COUNT(*) FROM "references" GROUP BY letter_id').fetchall()
    conn.close()
    return {"letters": letters, "footnotes": dict(footnotes), "references": dict(references)}


@dataclass
class Batch:
    corpus: Path
    library: Path
    proc: subprocess.CompletedProcess[str]
    before: dict[str, object]
    after: dict[str, object]

    @property
    def output_lines(self) -> list[str]:
        return (self.proc.stdout + "\n" + self.proc.stderr).splitlines()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    from desktop_app.core.services import Library

    work = tmp_path_factory.mktemp("hostile")
    corpus = build_corpus(work / "stapel")
    library = work / "bibliotheek"
    Library.open(library).close()  # a real library: the five bundled letters and starter themes
    before = _db_snapshot(library)
    proc = run_cli("--library", str(library), "import", str(corpus), cwd=work)
    return Batch(corpus, library, proc, before, _db_snapshot(library))


def test_batch_does_not_crash_and_fails_overall(batch: Batch) -> None:
    assert "Traceback" not in batch.proc.stderr, batch.proc.stderr[-4000:]
    assert batch.proc.returncode > 0, (batch.proc.returncode, batch.proc.stdout[-2000:], batch.proc.stderr[-2000:])


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_gets_one_line_naming_it_and_its_problem(batch: Batch, name: str) -> None:
    lines = [line for line in batch.output_lines if name in line]
    assert len(lines) == 1, f"{name}: expected one line, got {lines!r}"
    assert re.search(BAD[name], lines[0], re.IGNORECASE), f"{name}: the problem is not named in {lines[0]!r}"


def test_good_files_are_imported(batch: Batch) -> None:
    letters = batch.after["letters"]
    assert isinstance(letters, dict)
    for name in GOOD:
        assert name in letters, f"{name} was not imported: {batch.proc.stdout[-2000:]} {batch.proc.stderr[-2000:]}"
    texts = _texts(batch.library, GOOD)
    for phrase in CP1252_PHRASES:
        assert phrase in texts["cp1252.txt"]
    assert "Ã" not in texts["cp1252.txt"]  # no mojibake (cp1252 bytes read as UTF-8 or the reverse)
    assert LONG_LINE_END in texts["lange_regel.txt"]
    assert len(texts["lange_regel.txt"]) > 1024 * 1024


def _texts(library: Path, names: tuple[str, ...]) -> dict[str, str]:
    with sqlite3.connect(library / "library.db") as conn:
        marks = ",".join("?" * len(names))
        rows = conn.execute(f"SELECT source_file, text FROM letters WHERE source_file IN ({marks})", names)
        texts = dict(rows.fetchall())
    conn.close()
    return texts


def test_nothing_of_the_bad_files_is_stored(batch: Batch) -> None:
    before_letters, after_letters = batch.before["letters"], batch.after["letters"]
    assert isinstance(before_letters, dict) and isinstance(after_letters, dict)
    # Exactly the good files were added; the letters that were there are untouched.
    assert set(after_letters) - set(before_letters) == set(GOOD)
    assert {k: after_letters[k] for k in before_letters} == before_letters
    assert not set(BAD) & set(after_letters)
    # Footnotes and references only for letters that exist; the old letters' counts unchanged.
    ids = set(after_letters.values())
    for table in ("footnotes", "references"):
        before_rows, after_rows = batch.before[table], batch.after[table]
        assert isinstance(before_rows, dict) and isinstance(after_rows, dict)
        assert set(after_rows) <= ids, f"{table} rows for letters that do not exist"
        assert {k: after_rows.get(k) for k in before_rows} == before_rows
    # No copy of a refused original was left in the library's files/ folder.
    copies = {p.name for p in (batch.library / "files").rglob("*") if p.is_file()}
    assert not {c for c in copies for bad in BAD if Path(bad).stem in c}, copies


def test_show_returns_the_markup_verbatim(batch: Batch) -> None:
    proc = run_cli("--library", str(batch.library), "show", "opmaak", "--json", cwd=batch.corpus)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    shown = json.loads(proc.stdout)
    text = shown["text"] if "text" in shown else shown["letter"]["text"]
    assert MARKUP.strip() in text


def test_encrypted_pdf_imports_with_the_password(batch: Batch, tmp_path: Path) -> None:
    library = tmp_path / "bibliotheek"
    encrypted = batch.corpus / "versleuteld.pdf"
    wrong = run_cli("--library", str(library), "import", "--password", "fout", str(encrypted), cwd=tmp_path)
    assert wrong.returncode > 0 and "Traceback" not in wrong.stderr
    assert re.search(r"password", wrong.stdout + wrong.stderr, re.IGNORECASE)
    proc = run_cli("--library", str(library), "import", "--password", PASSWORD, str(encrypted), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    letters = _db_snapshot(library)["letters"]
    assert isinstance(letters, dict) and "versleuteld.pdf" in letters
    text = _texts(library, ("versleuteld.pdf",))["versleuteld.pdf"]
    plain = _texts(batch.library, ("brief_003.pdf",))["brief_003.pdf"]
    assert text == plain  # the same letter, decrypted


def test_huge_file_is_refused_by_its_size_without_being_read(
    batch: Batch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process, so every open() can be watched: the 200 MB file is never opened."""
    import builtins

    from desktop_app.core.services import Library

    huge = (batch.corpus / "enorm.pdf").resolve()
    opened: list[Path] = []
    real_open = io.open

    def watching_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, (str, os.PathLike)) and Path(file).resolve() == huge:
            opened.append(huge)
        return real_open(file, *args, **kwargs)

    with Library.open(tmp_path / "bibliotheek", seed=False) as library:
        monkeypatch.setattr(io, "open", watching_open)
        monkeypatch.setattr(builtins, "open", watching_open)
        report = library.import_paths([huge])
        monkeypatch.undo()
    assert [f.path for f in report.failed] == [str(huge)]
    assert re.search(BAD["enorm.pdf"], report.failed[0].problem, re.IGNORECASE)
    assert opened == []
