"""File > Export summary: the dialog offers what `kamerlezer export` offers (letters, several themes
with their sub-themes, a date range, grouping, format, title, language), says what it will export,
refuses an empty scope, remembers its choices, and its export runs in the worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDesktopServices, QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.gui.export_dialog import ExportDialog
from tests.unit.test_export_render import _pdf_text, _squash

L000, L001, L003, L004 = "000_eba5de336aff673f", "001_999221068a1a2138", "003_d09603eee462fd1e", "004_94d7e7617410a711"


def _sentence(text: str, word: str, nth: int = 0) -> str:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    start = max(text.rfind(". ", 0, i) + 2, text.rfind("\n", 0, i) + 1)
    return text[start : text.index(".", i) + 1]


def _open_dialog(qtbot: Any, window: Any) -> ExportDialog:
    window.actions_by_name["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _check_theme(dialog: ExportDialog, name: str) -> None:
    """As a person does it: go to the theme in the tree and press Space."""
    (item,) = [i for i in dialog._theme_items.values() if i.text(0) == name]  # noqa: SLF001
    dialog.themes.setFocus()
    dialog.themes.setCurrentItem(item)
    QTest.keyClick(dialog.themes, Qt.Key_Space)
    assert item.checkState(0) == Qt.Checked


def _type_date(edit: Any, digits: str) -> None:
    edit.setFocus()
    QTest.keyClicks(edit, digits)


def _live_line(qtbot: Any, dialog: ExportDialog, expected: str) -> None:
    qtbot.waitUntil(lambda: dialog.summary_line.text() == expected, timeout=3000)


@pytest.fixture
def passages(library: Any) -> dict[str, str]:
    """Passages on four seed letters: two themes x dates decide which ones an export holds."""
    cap = library.get_theme("Capaciteitsdoelstellingen").id
    ndpp = library.get_theme("Capaciteitsdoelstellingen/NDPP").id
    ukraine = library.get_theme("Steun aan Oekraïne").id
    money = library.get_theme("Financiering en 2%-norm").id
    text = {name: library.get_letter(name).text for name in (L000, L001, L003, L004)}
    made = {
        "in_003_ukraine": (L003, _sentence(text[L003], "Oekraïne"), [ukraine]),
        "in_003_ndpp": (L003, _sentence(text[L003], "NDPP"), [ndpp]),  # a sub-theme of a checked theme
        "in_004_cap": (L004, _sentence(text[L004], "capaciteitsdoelstellingen"), [cap, money]),
        "out_004_money": (L004, _sentence(text[L004], "Defence Investment"), [money]),  # other theme
        "out_001_ukraine": (L001, _sentence(text[L001], "Oekraïne"), [ukraine]),  # 21 mei 2025: after the range
        "out_000_cap": (L000, _sentence(text[L000], "capaciteitsdoelstellingen"), [cap]),  # undated
    }
    out = {}
    for key, (letter, quote, themes) in made.items():
        library.annotate_quote(letter, quote, themes, note=f"Notitie {key}")
        out[key] = quote
    return out


def test_two_themes_and_a_date_range_export_exactly_their_passages(
    qtbot: Any, window: Any, library: Any, passages: dict[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, shown_errors: list[Any],
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    out = tmp_path / "gekozen" / "briefing.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.controller.themes_touched(annotations=True)
    dialog = _open_dialog(qtbot, window)
    assert dialog.letters.currentData() == "library"  # no letter open
    _live_line(qtbot, dialog, "Will export 6 passages from 4 letters.")
    _check_theme(dialog, "Capaciteitsdoelstellingen")
    _check_theme(dialog, "Steun aan Oekraïne")
    _live_line(qtbot, dialog, "Will export 5 passages from 4 letters.")
    _type_date(dialog.date_from, "2024-10-01")  # with its dashes
    _type_date(dialog.date_to, "20250228")
    assert (dialog.date_from.iso(), dialog.date_to.iso()) == ("2024-10-01", "2025-02-28")
    _live_line(qtbot, dialog, "Will export 3 passages from 2 letters.")
    assert dialog.export_button.isEnabled()
    assert dialog.language.currentData() == "nl"  # Dutch words by default: the users are Dutch
    assert dialog.title.text() == "Geannoteerde samenvatting"  # two themes: the plain default
    dialog.language.setFocus()
    QTest.keyClick(dialog.language, Qt.Key_Up)  # Nederlands -> English: the default title follows
    assert dialog.language.currentData() == "en"
    qtbot.waitUntil(lambda: dialog.title.text() == "Annotated summary", timeout=3000)
    QTest.keyClick(dialog.language, Qt.Key_Down)  # and back
    assert dialog.language.currentData() == "nl"
    qtbot.waitUntil(lambda: dialog.title.text() == "Geannoteerde samenvatting", timeout=3000)
    dialog.title.setFocus()
    dialog.title.selectAll()
    QTest.keyClicks(dialog.title, "Capaciteiten en steun, najaar 2024")
    QTest.mouseClick(dialog.browse_button, Qt.LeftButton)
    assert dialog.path.text() == str(out)
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.last_export is not None or bool(shown_errors), timeout=120_000)
    assert not shown_errors
    assert window.last_export.passages == 3 and opened == [str(out)]

    text = _squash(_pdf_text(out))
    for key, quote in passages.items():
        assert (_squash(quote) in text) is key.startswith("in_"), key
        assert (f"Notitie {key}" in text) is key.startswith("in_"), key
    assert "Capaciteiten en steun, najaar 2024" in text
    for dutch in ("Inhoud", "Bronnen", "gedateerd 2024-10-01 t/m 2025-02-28", "met subthema's"):
        assert dutch in text, dutch
    for english in ("Contents", "Sources", "Annotated summary"):
        assert english not in text, english


def test_empty_scope_disables_export_and_says_why(
    qtbot: Any, window: Any, library: Any, passages: dict[str, str]
) -> None:
    window.open_letter(library.get_letter(L001).id)
    dialog = _open_dialog(qtbot, window)
    assert dialog.letters.currentData() == "current"
    _live_line(qtbot, dialog, "Will export 1 passage from 1 letter.")
    _check_theme(dialog, "Maritiem en Noordzee")
    qtbot.waitUntil(lambda: not dialog.export_button.isEnabled(), timeout=3000)
    reason = dialog.summary_line.text()
    assert reason.startswith("Nothing to export: no annotations in letter: ") and "Maritiem en Noordzee" in reason
    assert dialog.export_button.toolTip() == reason
    QTest.keyClick(dialog.themes, Qt.Key_Space)  # unchecked again
    _live_line(qtbot, dialog, "Will export 1 passage from 1 letter.")
    _type_date(dialog.date_from, "2025-6-1")
    _type_date(dialog.date_to, "20250101")
    assert dialog.date_from.text() == "2025-06-01"  # read when the field is left
    qtbot.waitUntil(lambda: "date range is empty" in dialog.summary_line.text(), timeout=3000)
    assert not dialog.export_button.isEnabled()
    QTest.keyClick(dialog.date_from, Qt.Key_Delete)  # "any"
    QTest.keyClick(dialog.date_to, Qt.Key_Delete)
    _live_line(qtbot, dialog, "Will export 1 passage from 1 letter.")
    assert dialog.date_from.text() == "any" and dialog.export_button.isEnabled()
    QTest.keyClick(dialog.date_to, Qt.Key_Return)  # Enter with a non-empty scope: the export starts
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_enter_on_an_empty_scope_does_not_export(qtbot: Any, window: Any, library: Any) -> None:
    dialog = _open_dialog(qtbot, window)  # a fresh library: no annotations at all
    assert dialog.summary_line.text() == "Nothing to export: no annotations in the whole library."
    QTest.keyClick(dialog.title, Qt.Key_Return)
    QApplication.processEvents()
    assert dialog.isVisible() and window.last_export is None


def test_the_last_choices_are_remembered_except_the_letters(
    qtbot: Any, window: Any, library: Any, passages: dict[str, str], tmp_path: Path, shown_errors: list[Any],
) -> None:
    window.open_letter(library.get_letter(L003).id)
    dialog = _open_dialog(qtbot, window)
    _check_theme(dialog, "Steun aan Oekraïne")
    dialog.letters.setCurrentIndex(dialog.letters.findData("library"))
    _type_date(dialog.date_to, "20250228")
    dialog.group_by.setCurrentIndex(dialog.group_by.findData("letter"))
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.open_when_done.setChecked(False)
    dialog.path.setText(str(tmp_path / "oekraine.md"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.last_export is not None or bool(shown_errors), timeout=120_000)
    assert window.last_export.passages == 1  # 001 (mei 2025) is after the range
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)

    again = _open_dialog(qtbot, window)
    assert again.letters.currentData() == "current"  # the letters are not remembered
    assert again.checked_themes() == [library.get_theme("Steun aan Oekraïne").id]
    assert (again.date_from.iso(), again.date_to.iso()) == (None, "2025-02-28")
    assert again.group_by.currentData() == "letter" and again.format.currentData() == "md"
    assert again.language.currentData() == "nl" and not again.open_when_done.isChecked()
    assert again.path.text() == str(tmp_path / "kamerlezer-samenvatting.md")  # named in the document's language
    again.language.setCurrentIndex(again.language.findData("en"))
    assert again.path.text() == str(tmp_path / "kamerlezer-summary.md")
    again.path.setText(str(tmp_path / "voor-de-dg.md"))
    again.language.setCurrentIndex(again.language.findData("nl"))
    assert again.path.text() == str(tmp_path / "voor-de-dg.md")  # a name the user chose stays
    assert again.title.text() == "Geannoteerde samenvatting"  # letter AND theme: the plain default


def test_a_checked_theme_shows_its_sub_themes_included(qtbot: Any, window: Any, library: Any) -> None:
    dialog = _open_dialog(qtbot, window)
    parent = library.get_theme("Capaciteitsdoelstellingen").id
    children = [t.id for t in library.list_themes() if t.parent_id == parent]
    items = dialog._theme_items  # noqa: SLF001
    _check_theme(dialog, "NDPP")
    assert dialog.checked_themes() == [children[0]]
    _check_theme(dialog, "Capaciteitsdoelstellingen")
    assert dialog.checked_themes() == [parent]  # the core includes the sub-themes itself
    assert all(items[c].checkState(0) == Qt.Checked and items[c].isDisabled() for c in children)
    for child in children:  # greyed rows keep their theme's colour: the swatch says which theme it is
        swatch = items[child].icon(0).pixmap(14, 14, QIcon.Disabled).toImage().pixelColor(7, 7)
        assert swatch.name() == QColor(library.get_theme(child).color).name()
    QTest.keyClick(dialog.themes, Qt.Key_Space)  # unchecked: the sub-themes are free again
    assert dialog.checked_themes() == []
    assert all(items[c].checkState(0) == Qt.Unchecked and not items[c].isDisabled() for c in children)


def test_the_theme_selected_in_the_panel_is_checked(qtbot: Any, window: Any, library: Any, passages: dict[str, str]) -> None:
    theme = library.get_theme("Steun aan Oekraïne")
    window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(theme.id))
    window.open_letter(library.get_letter(L003).id)
    dialog = _open_dialog(qtbot, window)
    assert dialog.checked_themes() == [theme.id]
    assert dialog.letters.currentData() == "library"  # that theme across the library
    assert dialog.title.text() == "Geannoteerde samenvatting: Steun aan Oekraïne"
    _live_line(qtbot, dialog, "Will export 2 passages from 2 letters.")


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_export_current_letter(
    qtbot: Any, window: Any, library: Any, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch, shown_errors: list[Any]
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    letter = library.list_letters()[0]
    theme = library.list_themes()[0]
    text = library.get_letter(letter.id).text
    library.annotate(letter.id, 0, 40, [theme.id], note="Kern van de brief")
    window.open_letter(letter.id)
    dialog = _open_dialog(qtbot, window)
    assert dialog.letters.currentData() == "current"
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    out = tmp_path / f"samenvatting.{fmt}"
    dialog.path.setText(str(out))
    dialog.accept()
    qtbot.waitUntil(lambda: window.last_export is not None or bool(shown_errors), timeout=120_000)
    assert not shown_errors
    assert out.exists() and out.stat().st_size > 0
    assert window.last_export.passages == 1
    assert opened == [str(out)]
    if fmt == "md":
        content = out.read_text(encoding="utf-8")
        assert " ".join(text[:40].split()) in " ".join(content.split())
        assert "Kern van de brief" in content


def test_word_compact_and_the_author_are_offered_and_warnings_are_shown(
    qtbot: Any, window: Any, library: Any, tmp_path: Path, shown_errors: list[Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import docx
    from PySide6.QtWidgets import QMessageBox

    library.annotate_quote(L003, "Oekraïne", [library.get_theme("Steun aan Oekraïne").id], note="mijlpaal ✓ 漢")
    dialog = _open_dialog(qtbot, window)
    assert dialog.format.findData("docx") >= 0
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    assert dialog.path.text().endswith(".docx") and dialog.compact.isEnabled() and not dialog.with_originals.isEnabled()
    dialog.compact.setChecked(True)
    dialog.author.setText("Jan de Vries")
    dialog.open_when_done.setChecked(False)
    dialog.path.setText(str(tmp_path / "kort.docx"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.last_export is not None or bool(shown_errors), timeout=120_000)
    document = docx.Document(str(tmp_path / "kort.docx"))
    assert document.core_properties.author == "Jan de Vries"
    assert any("mijlpaal ✓ 漢" in p.text for p in document.paragraphs)  # Word keeps every character
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)

    again = _open_dialog(qtbot, window)
    assert again.author.text() == "Jan de Vries" and again.compact.isChecked()  # remembered
    again.format.setCurrentIndex(again.format.findData("pdf"))
    again.path.setText(str(tmp_path / "kort.pdf"))
    window.last_export = None
    again.accept()
    qtbot.waitUntil(lambda: window.last_export is not None or bool(shown_errors), timeout=120_000)
    assert window.last_export.pages == 1
    box = window.export_warnings
    assert isinstance(box, QMessageBox) and box.isVisible()  # the CJK character no bundled font has
    assert "U+6F22" in box.informativeText()
    box.close()


def test_a_file_name_that_does_not_match_the_format_is_refused_in_the_dialog(
    qtbot: Any, window: Any, library: Any, tmp_path: Path
) -> None:
    library.annotate_quote(L003, "Oekraïne", [library.get_theme("Steun aan Oekraïne").id])
    dialog = _open_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    dialog.path.setText(str(tmp_path / "samenvatting.odt"))
    dialog.accept()
    assert dialog.isVisible() and "unknown extension .odt" in dialog.summary_line.text()
    assert "docx (.docx)" in dialog.summary_line.text() and window.last_export is None
    dialog.reject()
