"""The letter list (issue 14.6): look-alike subjects are told apart, the letter being read stays
selected when a search is cleared, and the letter just imported opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.gui.models import LetterTableModel


def test_look_alike_subjects_show_what_differs(window: Any) -> None:
    shown = [window.letter_model.index(r, LetterTableModel.SUBJECT).data() for r in range(window.letter_model.rowCount())]
    agendas = [s for s in shown if s.startswith("Geannoteerde agenda")]
    assert len(agendas) == 3 and all("…" in s for s in agendas)
    assert len({s for s in agendas}) == 3


def test_clearing_a_search_keeps_the_letter_being_read_selected(qtbot: Any, window: Any, library: Any) -> None:
    letter = library.get_letter("004_94d7e7617410a711")
    window.open_letter(letter.id)
    window.letter_table.clearSelection()
    window.search_edit.setFocus()
    qtbot.keyClicks(window.search_edit, "navo")
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0, timeout=15_000)
    window.search_edit.clear()
    current = window.letter_table.currentIndex()
    assert current.isValid() and current.data(Qt.UserRole + 3) == letter.id
    assert window.letter_table.selectionModel().isRowSelected(current.row(), current.parent())


def test_the_letter_just_imported_opens(qtbot: Any, window: Any, library: Any, tmp_path: Path, samples_dir: Path) -> None:
    window.open_letter(library.get_letter("001_999221068a1a2138").id)
    pdf = samples_dir / "kst-32545-143_motie_2021.pdf"
    handle = window.start_import([pdf])
    with qtbot.waitSignal(handle.finished, timeout=120_000):
        pass
    qtbot.waitUntil(lambda: window.letter is not None and window.letter.source_file == pdf.name, timeout=10_000)
    window.import_summary.close()


def test_a_folder_import_takes_every_supported_type_and_shows_the_warnings(qtbot: Any, window: Any, library: Any, tmp_path: Path, samples_dir: Path) -> None:
    """The GUI imports through the core's ``import_iter`` (issue 16.3): a folder's official XML is
    imported like its text letters, "._" files are left out, and the summary lists each file's warnings."""
    import shutil

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(samples_dir / "kst-32545-143.xml", src)
    shutil.copy(samples_dir / "kst-32545-143_metadata.xml", src)
    (src / "alleen_kop.txt").write_text("Datum 3 december 2026\nBetreft Alleen een kop\n", encoding="utf-8")
    (src / "._alleen_kop.txt").write_bytes(b"\x00\x05\x16\x07 AppleDouble")
    handle = window.start_import([src])
    with qtbot.waitSignal(handle.finished, timeout=120_000):
        pass
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None, timeout=10_000)
    report = window.last_import_report
    assert sorted(x.name for x in report.imported) == ["alleen_kop", "kst-32545-143"] and not report.failed
    shown = " ".join(window.import_summary.text.toPlainText().split())
    assert "Warnings alleen_kop.txt: no body text found" in shown
    window.import_summary.close()
