"""A letter, notes and themes full of markup: every widget shows the characters, none interprets them.

The hostile texts carry <img> (a subject ``<img src="/dev/zero">`` hung the GUI on every start: Qt
read the "image" for ever; here /dev/null, which is harmless if the guard ever breaks), <font>,
``javascript:`` links and <b>. After the main window and its dialogs have shown them, every QLabel,
tooltip, item, message box and text browser is walked: where Qt renders the text as rich text, the
data's tags must not be there (escaped instead); where it is shown as plain text, no escaped entity
may show instead of the character."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex
from PySide6.QtGui import QHelpEvent, Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTextEdit,
    QToolTip,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.gui import errors
from desktop_app.gui.dialogs import CitationDialog, ImportSummaryDialog
from desktop_app.gui.export_dialog import ExportDialog
from desktop_app.gui.models import HTML_ROLE
from desktop_app.gui.panels import HtmlDelegate
from tests.gui.helpers import point_of

SUBJECT = ('<img src="/dev/null"> <font color="red">ROOD</font> <a href="javascript:alert(1)">KLIK</a> '
           "<b>VET</b> agenda NAVO-ministers van")
THEME = '<font color="red">ROOD thema'
SUBTHEME = '<img src="pixel.png"> <b>VET kind'  # a theme name has no "/"
NOTE = '<b>VET</b> notitie <a href="javascript:alert(1)">KLIK</a> <font size="7">ROOD</font>'
FILE_NAME = "brief <b>VET.txt"
MARKUP = ("<img", "<font", "<a href=\"javascript", "<b>VET")  # the data's tags: never in text Qt renders as rich text
WORDS = ("VET", "ROOD", "KLIK")


def _hostile_letter(seed_files: list[Path], folder: Path) -> Path:
    text = next(p for p in seed_files if p.name.startswith("003")).read_text(encoding="utf-8")
    line = "Betreft Geannoteerde agenda bijeenkomst NAVO-ministers van"
    assert line in text
    text = text.replace(line, f"Betreft {SUBJECT}")
    text = text.replace("Geachte voorzitter,", f"Geachte voorzitter,\n\n{NOTE}\n", 1)
    path = folder / FILE_NAME
    path.write_text(text, encoding="utf-8")
    return path


def _html_to_text(markup: str) -> str:
    document = QTextDocument()
    document.setHtml(markup)
    return document.toPlainText()


class Walk:
    """Every text shown, with whether Qt renders it as rich text; checks each as it is found."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []  # (where, text as displayed) of texts with the data in them
        self.problems: list[str] = []

    def text(self, where: str, text: Any, rich: bool) -> None:
        if not isinstance(text, str) or not text:
            return
        if rich:
            tags = [tag for tag in MARKUP if tag in text]
            if tags:
                self.problems.append(f"{where}: markup {tags} rendered: {text[:160]!r}")
            text = _html_to_text(text)
        if "&lt;" in text or "&quot;" in text or "&gt;" in text:
            self.problems.append(f"{where}: shows escaped entities instead of the characters: {text[:160]!r}")
        if any(word in text for word in WORDS):
            self.shown.append((where, text))

    def guessed(self, where: str, text: Any) -> None:
        """Text Qt renders as rich text when it looks like markup (tooltips, AutoText labels)."""
        if isinstance(text, str):
            self.text(where, text, Qt.mightBeRichText(text))

    def widget(self, top: QWidget, widget: QWidget) -> None:
        where = f"{type(top).__name__}({top.objectName()})/{type(widget).__name__}({widget.objectName()})"
        self.guessed(f"{where}.toolTip", widget.toolTip())
        self.text(f"{where}.windowTitle", widget.windowTitle(), False)
        for action in widget.actions():
            self.guessed(f"{where} action {action.text()!r}.toolTip", action.toolTip())
        if isinstance(widget, QLabel):
            fmt = widget.textFormat()
            rich = fmt == Qt.RichText or (fmt == Qt.AutoText and Qt.mightBeRichText(widget.text()))
            self.text(f"{where}.text", widget.text(), rich)
        if isinstance(widget, QTextEdit):
            html = widget.toHtml()
            if "<img" in html:
                self.problems.append(f"{where}: an image in the document: {html[:160]!r}")
            self.text(f"{where}.document", widget.toPlainText(), False)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                self.text(f"{where} item {i}", widget.itemText(i), False)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            html_items = isinstance(widget.itemDelegate(), HtmlDelegate)
            self._model(where, widget.model(), QModelIndex(), html_items)

    def _model(self, where: str, model: Any, parent: QModelIndex, html_items: bool) -> None:
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                html = index.data(HTML_ROLE) if html_items else None
                if html is not None:
                    self.text(f"{where}[{row},{column}] html", html, True)
                else:
                    self.text(f"{where}[{row},{column}]", index.data(Qt.DisplayRole), False)
                self.guessed(f"{where}[{row},{column}].toolTip", index.data(Qt.ToolTipRole))
                if column == 0:
                    self._model(where, model, index, html_items)

    def everything(self) -> None:
        for top in QApplication.topLevelWidgets():
            if top.isVisible():
                for widget in [top, *top.findChildren(QWidget)]:
                    self.widget(top, widget)


@pytest.fixture
def hostile(library: Any, tmp_path: Path, seed_files: list[Path]) -> dict[str, Any]:
    bad = tmp_path / "kapot <b>VET.pdf"
    bad.write_bytes(b"%PDF-1.4 <font color=red>ROOD</font>")
    report = library.import_paths([_hostile_letter(seed_files, tmp_path), bad])
    (letter,) = report.imported
    assert len(report.failed) == 1
    assert "<img" in letter.title and "<b>VET</b>" in letter.title  # the importer keeps the subject as written
    theme = library.add_theme(THEME, description=f"{THEME} <b>VET</b> beschrijving")
    child = library.add_theme(SUBTHEME, parent=theme.id)
    start = letter.text.index("<b>VET</b> notitie")
    annotation = library.annotate(letter.id, start, start + 40, [theme.id, child.id], NOTE)
    # a citation elsewhere in the library that now points at the hostile letter
    citing = next(r for s in library.list_letters() if s.id != letter.id
                  for r in library.references.refs_for(s.id) if r.status == "missing" and r.canonical
                  and r.canonical.startswith("kst-"))
    library.set_kamerstuk(letter.id, citing.canonical)
    citing = library.references.get(citing.id)
    assert citing.target_letter_id == letter.id
    return {"report": report, "letter": letter, "theme": theme, "child": child, "annotation": annotation, "citing": citing}


def test_markup_in_letters_notes_and_themes_is_shown_never_rendered(
    qtbot: Any, make_window: Any, library: Any, hostile: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(library)
    letter, theme, child = hostile["letter"], hostile["theme"], hostile["child"]
    walk = Walk()

    # Qt's own dialogs (patched: they would block) get labels that name the theme
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda _p, _t, label, *a, **k: (asked.append(label), ("", False))[1]))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda _p, _t, label, *a, **k: (asked.append(label), ("", False))[1]))
    window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(child.id))
    for name in ("new_subtheme", "rename_theme", "move_theme", "merge_theme"):
        window.actions_by_name[name].trigger()
    assert len(asked) >= 3 and any("VET" in label for label in asked)
    for label in asked:
        walk.guessed("QInputDialog label", label)

    # the citing letter: its citation dialog says where the citation points
    window.open_letter(hostile["citing"].letter_id)
    citation = window.show_citation(hostile["citing"])
    qtbot.waitUntil(citation.isVisible)

    # the hostile letter, its annotation selected, a search that finds it, the export dialog,
    # a confirmation and an error message naming it
    window.open_letter(letter.id)
    window.search_edit.setText("VET")
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0, timeout=15_000)
    reader = window.reader  # hovering the annotation shows its note and themes
    reader.go_to_position(hostile["annotation"].start + 2, centre=True)
    QApplication.processEvents()
    point = point_of(reader, hostile["annotation"].start + 2)
    QApplication.sendEvent(reader.viewport(), QHelpEvent(QEvent.ToolTip, point, reader.viewport().mapToGlobal(point)))
    QApplication.processEvents()
    assert QToolTip.isVisible()
    walk.guessed("reader tooltip", QToolTip.text())
    panel = window.annotations_panel
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(theme.id))
    window.actions_by_name["delete_theme"].trigger()
    qtbot.waitUntil(window.delete_theme_box.isVisible)
    window.actions_by_name["export"].trigger()
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is not None and window.findChild(ExportDialog).isVisible())
    try:
        library.get_letter(f"{SUBJECT}")
    except AppError as error:
        errors._message_box(window, "Kamerlezer", error.message, "", False)
    summary = ImportSummaryDialog(hostile["report"], False, window)
    summary.open()
    qtbot.waitUntil(summary.isVisible)
    QApplication.processEvents()

    walk.everything()
    assert not walk.problems, "\n".join(walk.problems)
    places = " ".join(where for where, _ in walk.shown)
    for expected in ("ImportSummaryDialog", "letter_title", "windowTitle", "reader tooltip", "QInputDialog", "confirm_box", "error_box", "CitationDialog", "ExportDialog",
                     "toolTip", "html"):
        assert expected in places, f"the hostile text was not seen in {expected}: {places}"
    assert window.title_label.text() == letter.title and window.windowTitle().startswith(letter.title)
    assert any(SUBJECT in text for _, text in walk.shown if "letter_title" in _)
    assert isinstance(window.findChild(CitationDialog), CitationDialog)
    assert any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
