"""`kamerlezer export` on a real library folder: formats, JSON, scope options, empty scope."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.core.services import Library

L000, L003 = "000_eba5de336aff673f", "003_d09603eee462fd1e"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        ukraine = lib.get_theme("Steun aan Oekraïne").id
        lib.annotate_quote(L003, "Oekraïne", [ukraine], note="<b>niet vet</b>")
        lib.annotate_quote(L000, "creëert risico’s", [lib.get_theme("NDPP").id])
    return folder


def test_export_pdf_with_json_report(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "samenvatting.pdf"
    code = main(["--library", str(folder), "export", "--language", "en", "--theme", "Steun aan Oekraïne", "--format", "pdf", "-o", str(out), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    report = json.loads(captured.out)
    assert report["path"] == str(out) and report["format"] == "pdf" and report["passages"] == 1
    assert report["pages"] == len(PdfReader(str(out)).pages)
    assert PdfReader(str(out)).metadata.title == "Annotated summary: Steun aan Oekraïne"


def test_export_format_from_extension_and_options(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.md"
    code = main(
        ["--library", str(folder), "export", "--letter", L000, "--group-by", "letter", "--title", "Eén brief", "-o", str(out)]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert f"Exported 1 passage to {out}." in captured.out
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Eén brief\n") and "creëert risico’s" in md and "Oekraïne" not in md


def test_empty_scope_exits_non_zero_with_a_message_and_no_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "leeg.pdf"
    code = main(["--library", str(folder), "export", "--language", "en", "--from", "2030-01-01", "--format", "pdf", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert "Nothing to export: no annotations in the whole library; dated from 2030-01-01" in captured.err
    assert "Traceback" not in captured.err
    assert not out.exists()


def test_bad_date_and_unknown_theme_are_reported(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(folder), "export", "--language", "en", "--from", "gisteren", "-o", str(tmp_path / "x.csv")]) == 1
    assert "not a date" in capsys.readouterr().err
    assert main(["--library", str(folder), "export", "--language", "en", "--theme", "Geen thema", "-o", str(tmp_path / "x.csv")]) == 1
    err = capsys.readouterr().err
    assert "Geen thema" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib"]


def test_export_in_dutch(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "samenvatting.md"
    code = main(["--library", str(folder), "export", "--language", "nl", "--group-by", "letter", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Geannoteerde samenvatting\n")
    assert "**Selectie:** de hele bibliotheek" in md and "3 oktober 2024" in md


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exported_files_get_the_users_usual_permissions(folder: Path, tmp_path: Path, umask: int, mode: int) -> None:
    """An export is written to a temporary file and moved into place; the file gets the mode any new
    file of the user gets (0666 less the umask), not a temporary file's private 0600."""
    import stat
    import subprocess
    import sys

    for fmt in ("pdf", "md", "csv"):
        out = tmp_path / f"export-{umask:o}.{fmt}"
        result = subprocess.run(
            [sys.executable, "-m", "desktop_app", "--library", str(folder), "export", "--language", "en", "--format", fmt, "-o", str(out)],
            capture_output=True, text=True, umask=umask, timeout=240,
        )
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(out.stat().st_mode) == mode, (fmt, oct(out.stat().st_mode))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_over_an_existing_file_keeps_its_permissions(folder: Path, tmp_path: Path) -> None:
    import stat

    out = tmp_path / "gedeeld.md"
    out.write_text("vorige versie", encoding="utf-8")
    out.chmod(0o640)
    assert main(["--library", str(folder), "export", "--language", "en", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") != "vorige versie"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
