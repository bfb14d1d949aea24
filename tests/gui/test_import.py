"""Import runs off the UI thread: the window keeps processing events, and a summary says what
imported and what failed and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.gui.dialogs import ImportSummaryDialog


def _letters(folder: Path, seed_files: list[Path], count: int) -> list[Path]:
    """``count`` distinct letters made from the seeds (each with its own closing line)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        seed = seed_files[i % len(seed_files)]
        path = folder / f"brief_{i:03d}.txt"
        path.write_text(seed.read_text(encoding="utf-8") + f"\n\nKenmerk BS2025-{i:05d}\n", encoding="utf-8")
        out.append(path)
    return out


def test_ui_keeps_running_during_a_long_import(qtbot: Any, window: Any, tmp_path: Path, seed_files: list[Path]) -> None:
    folder = tmp_path / "incoming"
    files = _letters(folder, seed_files, 24)
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf")
    (folder / "leeg.txt").write_bytes(b"")
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    before = window.letter_model.rowCount()
    timer.start()
    handle = window.start_import([folder])
    with qtbot.waitSignal(handle.finished, timeout=120_000):
        pass
    ticks_during_import = len(ticks)
    timer.stop()
    assert ticks_during_import >= 3  # the event loop kept turning while the worker imported

    report = window.last_import_report
    assert len(report.imported) == len(files)
    failed = {Path(f.path).name: f.problem for f in report.failed}
    assert set(failed) == {"kapot.pdf", "leeg.txt"}
    assert all(failed.values())
    assert window.letter_model.rowCount() == before + len(files)
    summary = window.findChild(ImportSummaryDialog)
    assert summary is not None and summary.isVisible()
    text = summary.text.toPlainText()
    assert "24 imported" in text and "2 failed" in text
    assert "kapot.pdf" in text and failed["kapot.pdf"] in text


def test_cancel_stops_between_files(qtbot: Any, window: Any, tmp_path: Path, seed_files: list[Path]) -> None:
    files = _letters(tmp_path / "many", seed_files, 12)
    handle = window.start_import(files)
    handle.cancel()
    with qtbot.waitSignal(handle.finished, timeout=120_000) as blocker:
        pass
    report, cancelled = blocker.args[0]
    assert cancelled
    assert len(report.imported) < len(files)
    assert window.findChild(ImportSummaryDialog).windowTitle() == "Import cancelled"


def test_dropping_a_folder_and_a_pdf_imports_them(
    qtbot: Any, window: Any, tmp_path: Path, seed_files: list[Path], samples_dir: Path
) -> None:
    (path,) = _letters(tmp_path / "drop", seed_files, 1)
    pdf = samples_dir / "kst-32545-143_motie_2021.pdf"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path.parent)), QUrl.fromLocalFile(str(pdf))])
    before = window.letter_model.rowCount()
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: window.letter_model.rowCount() == before + 2, timeout=60_000)
    assert {path.name, pdf.name} <= {s.source_file for s in window.letter_model.rows}
    assert window.last_import_report.failed == []


def test_reindex_from_the_menu_runs_in_the_worker_with_progress(qtbot: Any, window: Any, library: Any) -> None:
    from PySide6.QtWidgets import QProgressDialog

    window.actions_by_name["reindex"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog) is not None or "rebuilt" in window.statusBar().currentMessage(), timeout=60_000)
    qtbot.waitUntil(lambda: "rebuilt" in window.statusBar().currentMessage(), timeout=60_000)
    assert f"{len(library.list_letters())} letters" in window.statusBar().currentMessage()
    assert library.search("luchtverdediging").total >= 1


def test_a_dropped_encrypted_pdf_is_asked_for_its_password_and_imported(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from tests import pdfgen

    plain = pdfgen.text_pdf(tmp_path / "plain.pdf", ["Geachte voorzitter,", "", "Een geheime brief over de Noordzee."])
    secret = pdfgen.encrypted_pdf(plain, tmp_path / "geheim.pdf", "kamer 123")
    answers = [("fout", True), ("kamer 123", True)]
    asked: list[tuple[str, Any]] = []

    def get_text(_parent: Any, _title: str, label: str, echo: Any, *args: Any) -> tuple[str, bool]:
        asked.append((label, echo))
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    before = window.letter_model.rowCount()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(secret))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: window.findChild(ImportSummaryDialog) is not None, timeout=60_000)
    assert [echo for _, echo in asked] == [QLineEdit.Password, QLineEdit.Password]
    assert "geheim.pdf" in asked[0][0] and "wrong" in asked[1][0]
    assert window.letter_model.rowCount() == before + 1
    report = window.last_import_report
    assert [letter.source_file for letter in report.imported] == ["geheim.pdf"] and report.failed == []
    assert "1 imported" in window.findChild(ImportSummaryDialog).text.toPlainText()


def test_a_cancelled_password_dialog_leaves_the_file_failed(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    from tests import pdfgen

    plain = pdfgen.text_pdf(tmp_path / "plain.pdf", ["Geachte voorzitter,", "", "Nog een geheime brief."])
    secret = pdfgen.encrypted_pdf(plain, tmp_path / "dicht.pdf", "x")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a: ("", False)))
    handle = window.start_import([secret])
    with qtbot.waitSignal(handle.finished, timeout=60_000):
        pass
    summary = window.findChild(ImportSummaryDialog)
    assert summary is not None and "dicht.pdf" in summary.text.toPlainText()
    assert [Path(f.path).name for f in window.last_import_report.failed] == ["dicht.pdf"]


def test_a_folder_import_reads_the_files_the_cli_reads(library: Any, tmp_path: Path, seed_files: list[Path]) -> None:
    """The window's folder walk is the core's (importing.letter_files): "._" copies and hidden folders
    are passed over (issue 16.5)."""
    from types import SimpleNamespace

    from desktop_app.gui.main_window import import_one_by_one

    folder = tmp_path / "stick"
    (folder / ".Trashes").mkdir(parents=True)
    (folder / "._brief.txt").write_bytes(b"\x00\x05\x16\x07 Mac resource fork")
    (folder / ".Trashes" / "oud.txt").write_text(seed_files[0].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "brief.txt").write_text(seed_files[0].read_text(encoding="utf-8") + "\n\nNieuwe slotzin.\n", encoding="utf-8")
    seen: list[str] = []
    report, cancelled = import_one_by_one(
        library, [folder], lambda done, total, name: seen.append(name), SimpleNamespace(cancelled=False)
    )
    assert not cancelled and not report.failed
    assert [x.source_file for x in report.imported] == ["brief.txt"]
    assert "._brief.txt" not in seen and "oud.txt" not in seen
