"""The letter list (issue 14.6): look-alike subjects are told apart, the letter being read stays
selected when a search is cleared, and the letter just imported opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
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


def _shown(window: Any) -> list[tuple[Any, ...]]:
    model = window.letter_model
    return [
        tuple(model.index(r, c).data(role) for c in range(model.columnCount()) for role in (Qt.DisplayRole, Qt.ToolTipRole))
        for r in range(model.rowCount())
    ]


def test_a_window_from_the_kept_list_shows_what_a_fresh_listing_shows(
    make_window: Any, library: Any, monkeypatch: Any
) -> None:
    """The letter list kept in cache/ (issue 18) gives the same rows, titles and order as listing the
    letters; a change in the window makes it stale and closing the window keeps it again."""
    from desktop_app.core.store import letters_repo, list_cache

    library.annotate_quote("004_94d7e7617410a711", "Oekraïne", [library.list_themes()[0].id])
    list_cache.path(library.folder).unlink(missing_ok=True)
    fresh = make_window(library)
    assert list_cache.is_current(library.db, library.folder)  # listed, and kept
    listed = _shown(fresh)
    assert len(listed) == len(library.list_letters()) and any("…" in row[2] for row in listed)  # column 1's text
    real = letters_repo.summary_rows
    monkeypatch.setattr(letters_repo, "summary_rows", lambda db: pytest.fail("listed instead of read"))
    kept = make_window(library)
    assert _shown(kept) == listed
    monkeypatch.setattr(letters_repo, "summary_rows", real)
    kept.open_letter(library.get_letter("000_eba5de336aff673f").id)
    library.set_kamerstuk("000_eba5de336aff673f", "kst-36000-18")  # as the window's own edit would
    assert not list_cache.is_current(library.db, library.folder)
    kept.close()
    assert list_cache.is_current(library.db, library.folder)
