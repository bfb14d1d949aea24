"""scripts/fetch_real_corpus.py: the corpus files (PDFs and Word motions alike) taken from a local git
copy of their repository at the commit MANIFEST.tsv names, written only when size and sha256 match."""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("fetch_real_corpus", ROOT / "scripts" / "fetch_real_corpus.py")
assert _spec and _spec.loader
fetch = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = fetch  # its dataclass looks itself up there
_spec.loader.exec_module(fetch)


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def mirror(tmp_path: Path) -> tuple[Path, str, dict[str, bytes]]:
    """A repository 'owner/motions' under a mirrors folder, as fetch leaves it: <owner>+<name>/repo."""
    work = tmp_path / "work"
    (work / "res").mkdir(parents=True)
    files = {"res/a.docx": b"PK\x03\x04 a Word file", "res/b.pdf": b"%PDF-1.7 a PDF"}
    for name, data in files.items():
        (work / name).write_bytes(data)
    _git("init", "-q", cwd=work)
    _git("add", ".", cwd=work)
    _git("commit", "-qm", "fixtures", cwd=work)
    commit = _git("rev-parse", "HEAD", cwd=work)
    mirrors = tmp_path / "mirrors"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(mirrors / "owner+motions" / "repo")], check=True)
    return mirrors, commit, files


def _row(name: str, source: str, data: bytes, commit: str) -> fetch.Row:
    return fetch.Row(name, len(data), hashlib.sha256(data).hexdigest(), "owner/motions", source, commit)


def test_docx_and_pdf_rows_fetched_then_left_alone(mirror, tmp_path: Path) -> None:
    mirrors, commit, files = mirror
    into = tmp_path / "real"
    rows = [_row("motie.docx", "res/a.docx", files["res/a.docx"], commit),
            _row("brief.pdf", "res/b.pdf", files["res/b.pdf"], commit)]
    assert [fetch.fetch_row(r, into, mirrors) for r in rows] == ["fetched", "fetched"]
    assert (into / "motie.docx").read_bytes() == files["res/a.docx"]
    assert (into / "brief.pdf").read_bytes() == files["res/b.pdf"]
    assert [fetch.fetch_row(r, into, mirrors) for r in rows] == ["ok", "ok"]


def test_a_file_that_is_not_the_checked_one_is_not_written(mirror, tmp_path: Path) -> None:
    mirrors, commit, files = mirror
    into = tmp_path / "real"
    wrong = _row("motie.docx", "res/a.docx", b"another file", commit)
    assert "not the checked file" in fetch.fetch_row(wrong, into, mirrors)
    assert not (into / "motie.docx").exists()
    gone = _row("motie.docx", "res/none.docx", files["res/a.docx"], commit)
    assert "not at" in fetch.fetch_row(gone, into, mirrors)
    elsewhere = fetch.Row("x.pdf", 1, "0" * 64, "someone/else", "x.pdf", commit)
    assert "no copy of someone/else" in fetch.fetch_row(elsewhere, into, mirrors)


def test_the_manifest_rows_are_read(tmp_path: Path) -> None:
    rows = fetch.read_manifest()
    assert {Path(r.file).suffix for r in rows} == {".pdf", ".docx"}
    assert all(len(r.commit) == 40 and len(r.sha256) == 64 and r.size > 0 for r in rows)
    bad = tmp_path / "MANIFEST.tsv"
    bad.write_text("file\tbytes\tsha256\trepository\tpath\tcommit\n../x.pdf\t1\t0\to/n\tp\tc\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a plain file name"):
        fetch.read_manifest(bad)
