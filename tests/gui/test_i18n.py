"""The Dutch interface (issue 14.8): the window in Dutch shows Dutch menus and labels, the language is
chosen from the settings / the locale and switched in Instellingen > Taal, dates follow the language,
and the .ts translation is complete (every text of the code in it, none unfinished)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from desktop_app.gui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "desktop_app" / "gui" / "i18n" / "kamerlezer_nl.ts"


def _update_script() -> Any:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_translations"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dutch(qapp: Any) -> Iterator[None]:
    restore = i18n.install("nl", qapp)
    yield
    restore()


def _menu_texts(window: Any) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


# -- the translation file ---------------------------------------------------------------------------
def test_the_ts_has_every_text_of_the_code_and_none_unfinished() -> None:
    script = _update_script()
    wanted = script.messages()
    assert len(wanted) > 350  # the extraction sees the GUI's texts (a broken one would find none)
    root = ET.parse(TS).getroot()
    in_ts: dict[tuple[str, str], ET.Element] = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            in_ts[(context.findtext("name") or "", message.findtext("source") or "")] = message
    missing = [f"{m.file}:{m.line} {m.context}: {m.source!r}" for m in wanted if (m.context, m.source) not in in_ts]
    assert not missing, "texts missing from kamerlezer_nl.ts (run scripts/update_translations.py):\n" + "\n".join(missing)
    unfinished = [f"{key[0]}: {key[1]!r}" for key, message in in_ts.items()
                  if message.find("translation").get("type") == "unfinished"]
    assert not unfinished, "unfinished translations:\n" + "\n".join(unfinished)
    for (context, source), message in in_ts.items():
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
        assert all(texts), f"empty translation of {context}: {source!r}"
        for placeholder in ("{name}", "{target}", "{path}", "{count}", "{title}", "{number}"):
            if placeholder in source:  # a lost placeholder would drop a name from the sentence
                assert all(placeholder in t for t in texts), f"{placeholder} lost in {context}: {source!r} -> {texts}"


def test_the_extraction_reads_tr_translate_and_noop_calls(tmp_path: Path) -> None:
    script = _update_script()
    source = tmp_path / "sample.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n"
        "translate = QCoreApplication.translate\n"
        "X = QT_TRANSLATE_NOOP('Ctx', 'Noop text')\n"
        "class Panel:\n"
        "    def f(self, n):\n"
        "        return self.tr('Plain'), self.tr('%n item(s)', '', n), translate('Other', '%n x', None, len([n]))\n",
        encoding="utf-8",
    )
    script.ROOT = tmp_path
    found = {(m.context, m.source, m.numerus) for m in script.extract(source)}
    assert found == {("Ctx", "Noop text", False), ("Panel", "Plain", False), ("Panel", "%n item(s)", True),
                     ("Other", "%n x", True)}


# -- the window in Dutch ----------------------------------------------------------------------------
def test_the_window_in_dutch_shows_dutch_menus_and_labels(dutch: None, library: Any, make_window: Any) -> None:
    window = make_window(library)
    assert _menu_texts(window) == ["&Bestand", "Be&werken", "&Thema’s", "Bee&ld", "&Ga naar", "&Instellingen", "&Help"]
    assert window.actions_by_name["undo"].text().startswith("&Ongedaan maken")
    assert window.actions_by_name["redo"].text().startswith("O&pnieuw")
    assert window.actions_by_name["export"].text() == "Samenvatting &exporteren…"
    assert window.search_edit.placeholderText().startswith("Zoeken in brieven, voetnoten en notities")
    assert window.centre_tabs.tabText(0) == "&Brief"
    assert window.centre_tabs.tabText(1) == "Passages per &thema"
    assert (window.annotations_dock.windowTitle(), window.themes_dock.windowTitle()) == ("Annotaties", "Thema’s")
    assert window.references_dock.windowTitle() == "Verwijzingen"
    assert window.annotations_panel.note_label.text() == "Notitie"
    assert window.theme_filter.itemText(0) == "Alle thema’s"
    count = window.letter_model.rowCount()
    assert window.count_label.text() == f"{count} brieven"
    header = [window.letter_model.headerData(c, Qt.Horizontal) for c in range(5)]
    assert header == ["Datum", "Titel", "Kamer", "Kamerstuk", "Ann."]
    tag = window.toolbar.actions()
    assert "Markeren" in [a.text() for a in tag]


def test_plurals_of_the_window_parts_are_dutch_on_screen(dutch: None, library: Any, make_window: Any) -> None:
    """The window is made of mixins (gui/window_reader.py, window_panels.py): their plurals ("%n page(s)")
    are shown translated, not as the English source (PySide's ``self.tr`` in a mixin would not be)."""
    window = make_window(library)
    with_pages = [s for s in library.list_letters() if (library.get_letter(s.id).pages or 0) > 1]
    assert with_pages, "the test library has a letter of several pages"
    letter = library.get_letter(with_pages[0].id)
    assert window.open_letter(letter.id)
    assert f"{letter.pages}\u00a0pagina’s" in window.meta_label.text()
    assert "page(s)" not in window.meta_label.text()


def test_dates_in_the_dutch_interface_are_written_out(dutch: None, library: Any, make_window: Any) -> None:
    window = make_window(library)
    model = window.letter_model
    shown = {model.summary(r).date: model.index(r, model.DATE).data() for r in range(model.rowCount())}
    assert shown["2024-10-03"] == "3 okt. 2024"  # the list's narrow column: the month abbreviated
    assert shown["2025-05-21"] == "21 mei 2025"
    assert shown[None] == "geen datum"
    window.open_letter(next(model.summary(r).id for r in range(model.rowCount()) if model.summary(r).date == "2024-10-03"))
    assert window.meta_label.text().startswith("3 oktober 2024")  # written out in the reader's header
    assert i18n.format_date("2025-09-30", short=True) == "30 sep. 2025"
    assert i18n.format_date("2026-12-03") == "3 december 2026"
    assert i18n.format_date("2024-10") == "oktober 2024"
    assert i18n.format_date("2026-12-03", "en") == "2026-12-03"


def test_the_matrix_columns_show_the_whole_dutch_date(dutch: None, library: Any, make_window: Any) -> None:
    import dataclasses

    window = make_window(library)
    view = window.passages_view
    summaries = [dataclasses.replace(s, date=d) for s, d in zip(library.list_letters(), ("2024-09-30", "2024-10-03"))]
    view.matrix_model.set_counts(library.list_themes()[:1], summaries, {(library.list_themes()[0].id, s.id): 1 for s in summaries})
    header = view.matrix.horizontalHeader()
    for column, expected in enumerate(("30 sep. 2024", "3 okt. 2024")):
        label = view.matrix_model.headerData(column, Qt.Horizontal)
        assert label == expected
        assert header.fontMetrics().horizontalAdvance(label) < header.sectionSize(column)  # not cut off


def test_plurals_follow_the_language(dutch: None, make_window: Any, qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "%n letter(s)", "", 1) == "1 brief"
    assert QCoreApplication.translate("ReaderMixin", "%n page(s)", "", 3) == "3 pagina’s"  # gui/window_reader.py
    restore = i18n.install("en", qapp)
    try:
        assert QCoreApplication.translate("MainWindow", "%n letter(s)", "", 1) == "1 letter"
        assert QCoreApplication.translate("MainWindow", "%n letter(s)", "", 2) == "2 letters"
    finally:
        restore()


# -- choosing and switching the language ------------------------------------------------------------
@pytest.mark.parametrize(
    ("locale", "expected"),
    [("nl_NL", "nl"), ("nl_BE", "nl"), ("en_GB", "en"), ("en_US", "en"), ("C", "nl"), ("de_DE", "nl"), ("", "nl")],
)
def test_the_language_follows_the_locale_and_dutch_is_the_default(locale: str, expected: str) -> None:
    assert i18n.chosen_language(None, None, locale) == expected


def test_a_remembered_choice_wins_over_the_locale_and_the_option_over_both(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    settings.setValue(i18n.SETTINGS_KEY, "en")
    assert i18n.chosen_language(settings, None, "nl_NL") == "en"
    assert i18n.chosen_language(settings, "nl", "en_GB") == "nl"
    settings.setValue(i18n.SETTINGS_KEY, "fr")  # not supported: ignored
    assert i18n.chosen_language(settings, None, "en_GB") == "en"


def test_switching_the_language_in_the_menu_is_remembered_and_announced(
    dutch: None, library: Any, make_window: Any, settings: QSettings
) -> None:
    window = make_window(library)
    actions = {a.data(): a for a in window.language_menu.actions()}
    assert [a.text() for a in window.language_menu.actions()] == ["Nederlands", "English"]
    assert actions["nl"].isChecked() and not actions["en"].isChecked()
    actions["en"].trigger()
    assert settings.value(i18n.SETTINGS_KEY) == "en"
    assert actions["en"].isChecked()
    box = window.language_box
    assert box.text() == "Kamerlezer will be in English from the next start."  # said in the language chosen
    assert window.statusBar().currentMessage() == box.text()
    box.close()
    actions["nl"].trigger()
    assert settings.value(i18n.SETTINGS_KEY) == "nl"
    assert window.language_box.text() == "Kamerlezer is vanaf de volgende start in het Nederlands."
    window.language_box.close()


def test_the_next_start_uses_the_language_chosen(tmp_path: Path, library_dir: Path, qapp: Any) -> None:
    """The choice made in the menu is what the next start installs (app.main reads the settings)."""
    from desktop_app import app

    ini = tmp_path / "s.ini"
    settings = QSettings(str(ini), QSettings.IniFormat)
    settings.setValue(i18n.SETTINGS_KEY, "nl")
    settings.sync()
    seen: list[str] = []
    original = app.create_window

    def spy(library: Any, settings: Any) -> Any:
        window = original(library, settings)
        seen.append(window.menuBar().actions()[0].text())
        return window

    app.create_window = spy
    try:
        code = app.main(["--smoke", "--library", str(library_dir), "--settings", str(ini)])
    finally:
        app.create_window = original
    assert code == 0
    assert seen == ["&Bestand"]
    assert i18n.current_language() == "en"  # put back for the tests that follow


def test_switching_live_builds_the_window_again_in_the_language_chosen(
    dutch: None, library: Any, settings: QSettings, qtbot: Any
) -> None:
    """In the application (live switching on), Instellingen > Taal > English rebuilds the window in
    English at once, over the same controller: the letter, the undo history and the workers stay."""
    from desktop_app.gui.controller import LibraryController
    from desktop_app.gui.main_window import MainWindow

    old = MainWindow(LibraryController(library), settings)
    qtbot.addWidget(old)
    old.show()
    controller = old.controller
    letter = next(s for s in old.letter_model.rows if s.date == "2024-10-03")
    old.open_letter(letter.id)
    theme = controller.themes[0]
    old.reader.select_span(0, 40)
    old.tag_selection(theme)
    assert controller.undo_stack.count() == 1
    assert old.meta_label.text().startswith("3 oktober 2024")
    windows: list[Any] = []
    stop = i18n.enable_live_switching(windows.append)
    try:
        next(a for a in old.language_menu.actions() if a.data() == "en").trigger()
    finally:
        stop()
    assert len(windows) == 1
    new = windows[0]
    qtbot.addWidget(new)
    try:
        assert i18n.current_language() == "en"
        assert settings.value(i18n.SETTINGS_KEY) == "en"
        assert _menu_texts(new)[:2] == ["&File", "&Edit"]
        assert new.meta_label.text().startswith("2024-10-03")
        assert new.letter is not None and new.letter.id == letter.id
        assert new.controller is controller and controller.parent() is new
        assert controller.undo_stack.count() == 1  # the undo history survives the switch
        assert new.statusBar().currentMessage() == "Kamerlezer is now in English."
        assert not old.isVisible()
        with qtbot.waitSignal(old.destroyed, timeout=5000):
            pass  # deleted later, never closed: closing would have stopped the shared controller
        assert not controller.closed
        new.actions_by_name["undo"].trigger()
        assert controller.undo_stack.count() == 1  # the change is still in the history, undone
        assert not controller.undo_stack.canUndo() and controller.undo_stack.canRedo()
    finally:
        new.close()


def test_kamerlezer_gui_passes_the_language_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop_app import app, cli

    seen: list[list[str]] = []
    monkeypatch.setattr(app, "main", lambda argv: seen.append(list(argv)) or 0)
    assert cli.main(["gui", "--language", "en", "--settings", str(tmp_path / "s.ini")]) == 0
    assert seen == [["--settings", str(tmp_path / "s.ini"), "--language", "en"]]
    assert app.build_parser().parse_args(["--language", "nl"]).language == "nl"
    with pytest.raises(SystemExit):
        app.build_parser().parse_args(["--language", "de"])  # only the languages there are


# Qt calls that put text on screen: a literal (or f-string) given to one of them is a text no
# translation reaches. Names, codes and symbols ("PDF", "▲", "Kamerlezer") are allowed.
_SHOWN = {"setText", "setToolTip", "setStatusTip", "setPlaceholderText", "setWindowTitle", "showMessage",
          "addAction", "addMenu", "addTab", "addItem", "setLabelText", "setInformativeText", "addRow",
          "QLabel", "QPushButton", "QCheckBox", "QAction", "QMenu", "QToolBar", "QDockWidget", "QGroupBox"}
_NOT_WORDS = {"Kamerlezer", "PDF", "Markdown", "English", "Nederlands"}


def test_no_text_on_screen_bypasses_translation() -> None:
    import ast
    import re

    offenders = []
    for path in _update_script().sources():
        if path.name == "screenshots.py":  # types example queries and notes into the window
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name not in _SHOWN:
                continue
            where = {"addTab": (1,), "addAction": (0, 1)}.get(name, (0,))  # addTab(page, text), addAction(icon, text)
            for arg in (node.args[i] for i in where if i < len(node.args)):
                if isinstance(arg, ast.JoinedStr):
                    words = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    words = arg.value
                else:
                    continue
                words = re.sub(r"<[^>]*>", " ", words)  # markup is no words
                if any(len(w) > 1 and w not in _NOT_WORDS for w in re.findall(r"[A-Za-z]+", words)):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({words!r})")
    assert not offenders, "texts shown without self.tr()/translate():\n" + "\n".join(offenders)


def test_the_citation_dialog_in_dutch_gives_the_resolvers_reason_in_dutch(dutch: None, library: Any, qtbot: Any) -> None:
    from desktop_app.gui.dialogs import CitationDialog, citation_reason

    refs = [r for s in library.list_letters() for r in library.references.refs_for(s.id)]
    suggested = next(r for r in refs if r.status == "suggested" and r.suggestions)
    dialog = CitationDialog(suggested, lambda letter_id: f"brief {letter_id}")
    qtbot.addWidget(dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "Reden:" in labels and "Vergelijkbare inhoud" in labels  # the core says "similar content"
    if suggested.fields.get("date"):
        assert i18n.format_date(suggested.fields["date"]) in labels  # "8 november 2024"
        assert suggested.fields["date"] not in labels
    assert dialog.windowTitle() == "Verwijzing"
    assert dialog.confirm_button.text() == "&Bevestigen"
    nested = citation_reason("same document as cited elsewhere (own Kamerstuk id of 003_d09603eee462fd1e)")
    assert nested == "hetzelfde stuk als elders aangehaald (eigen Kamerstuknummer van 003_d09603eee462fd1e)"
    assert citation_reason("a reason nobody wrote down") == "a reason nobody wrote down"


def test_the_missing_documents_in_dutch(dutch: None, library: Any, make_window: Any, qtbot: Any) -> None:
    """View > Ontbrekende documenten, the missing-document dialog and a fetch's outcome speak Dutch."""
    from desktop_app.core.official import FetchOutcome, is_fetchable
    from desktop_app.gui.missing import MissingDocumentDialog, outcome_text

    window = make_window(library)
    assert window.actions_by_name["missing_documents"].text() == "&Ontbrekende documenten…"
    window.actions_by_name["missing_documents"].trigger()
    view = window.missing_documents
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        pass
    count = len(view.documents)
    assert count > 1
    assert view.windowTitle() == "Ontbrekende documenten"
    assert view.summary.text().startswith(f"Niet in uw bibliotheek: {count} aangehaalde documenten (")
    header = view.tree.headerItem()
    assert [header.text(c) for c in range(3)] == ["Document / verwijzende brief", "Aangehaald", "Status"]
    statuses = {view.tree.topLevelItem(r).text(2) for r in range(view.tree.topLevelItemCount())}
    assert statuses <= {"niet in bibliotheek", "mogelijk in bibliotheek", "geen brief"}
    assert (view.open_button.text(), view.refresh_button.text()) == ("Verwijzende passage &openen", "&Vernieuwen")
    assert view.fetch_button.text().startswith("Selectie op&halen")
    view.close()

    refs = [r for s in library.list_letters() for r in library.references.refs_for(s.id)]
    ref = next(r for r in refs if r.status == "missing" and is_fetchable(r.canonical))
    dialog = MissingDocumentDialog(ref, lambda letter_id: f"brief {letter_id}", window.controller)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Niet in uw bibliotheek"
    status = dialog.findChild(QLabel, "citation_status").text()
    assert status.startswith("Niet in uw bibliotheek: haal het stuk op uit de officiële bron (")
    assert dialog.fetch_button.text() == "&Ophalen"  # the citation dialog's own text, in the subclass too

    text, problem = outcome_text(FetchOutcome(fetched=[("kst-1-2", 5), ("kst-1-3", 6)], resolved=1,
                                              lacking=[("kst-9-9", "404")]))
    assert problem
    assert text.splitlines()[:3] == ["kst-1-2 is opgehaald en aan de bibliotheek toegevoegd.",
                                     "kst-1-3 is opgehaald en aan de bibliotheek toegevoegd.",
                                     "1 verwijzing wijst er nu naar."]
    assert text.splitlines()[3].startswith("kst-9-9 is niet gevonden in de officiële bron (")
    assert outcome_text(FetchOutcome(cancelled=True))[0] == "Geannuleerd: er is niets geïmporteerd."


def test_why_a_file_failed_is_said_in_dutch(dutch: None, library: Any, tmp_path: Path) -> None:
    """The core's reasons (core/messages.py Message) reach the Dutch window in Dutch, file names kept;
    the CLI and the English window keep the English text."""
    from desktop_app.core.messages import Message
    from desktop_app.gui.dialogs import import_summary_html

    (tmp_path / "afgebroken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "notities.pdf").write_text("Dit is gewoon tekst.\n", encoding="utf-8")
    (tmp_path / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    report = library.import_paths(sorted(tmp_path.iterdir()))
    problems = {Path(f.path).name: f.problem for f in report.failed}
    assert problems["leeg.txt"] == "empty file" and isinstance(problems["leeg.txt"], Message)  # English for the CLI
    shown = import_summary_html(report, cancelled=False)
    for dutch_reason in ("afgebroken of beschadigde pdf", "leeg bestand", "geen pdf (lijkt tekst; hernoemen naar .txt?)",
                         "oud Word-formaat (.doc): open het in Word en sla het op als .docx"):
        assert dutch_reason in shown, shown
    assert "empty file" not in shown and "<b>afgebroken.pdf</b>" in shown


def test_why_a_fetch_failed_is_said_in_dutch(dutch: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fetch's reasons (official.py, Messages) in the Dutch window: the id the source lacks, and the
    source that cannot be reached."""
    from desktop_app.core.official import OfficialSource, fetch_into
    from desktop_app.core.services import Library
    from desktop_app.gui.missing import outcome_details
    from tests.officialserver import ReplayServer

    with ReplayServer() as replay, Library.open(tmp_path / "lib", seed=False, search=False) as library:
        monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", replay.base)
        lacking = fetch_into(library, ["kst-99999-1"], OfficialSource(retries=0))
        unreachable = fetch_into(library, ["kst-99999-2"], OfficialSource("http://127.0.0.1:9", retries=0, timeout=2))
    assert lacking.lacking and "not found" in lacking.lacking[0][1]  # English for the CLI
    assert "niet gevonden" in outcome_details(lacking) and "not found" not in outcome_details(lacking)
    shown = outcome_details(unreachable)
    assert "de officiële bron is niet bereikbaar" in shown and "niet opgehaald: de bron is niet bereikbaar" in shown


def test_the_cores_refusals_are_said_in_dutch(dutch: None, library: Any) -> None:
    """What the core refuses (a theme without a name, a duplicate, deleting a letter with annotations,
    nothing to undo) reaches the Dutch window in Dutch through the one path errors take (show_error)."""
    from desktop_app.core.errors import AppError
    from desktop_app.gui import errors

    shown: list[str] = []
    errors.presenter, before = (lambda _p, _t, message, _d, _u: shown.append(message)), errors.presenter
    try:
        theme = library.list_themes()[0]
        letter = next(s for s in library.list_letters() if s.annotation_count == 0)
        for attempt in (lambda: library.add_theme("  "), lambda: library.add_theme(theme.name),
                        lambda: library.merge_themes(theme.id, theme.id)):
            with pytest.raises(AppError) as caught:
                attempt()
            errors.show_error(None, caught.value)
        library.annotate(letter.id, 0, 5)
        with pytest.raises(AppError) as caught:
            library.delete_letter(letter.id)
        errors.show_error(None, caught.value)
    finally:
        errors.presenter = before
    assert shown[0] == "Een thema heeft een naam nodig."
    assert shown[1] == f"Er bestaat al een thema {theme.name!r} op het hoogste niveau."
    assert shown[2] == f"Thema {theme.name!r} kan niet met zichzelf worden samengevoegd."
    assert shown[3] == f"Brief {letter.name} heeft 1 annotatie(s): verwijder of verplaats die eerst."


def test_why_an_export_cannot_be_written_is_said_in_dutch(dutch: None, tmp_path: Path) -> None:
    from desktop_app.core.errors import AppError
    from desktop_app.core.export.formats import format_for_path
    from desktop_app.gui.i18n import core_text
    from desktop_app.render.common import writable_target

    with pytest.raises(AppError) as wrong_extension:
        format_for_path(str(tmp_path / "samenvatting.odt"), "pdf")
    with pytest.raises(AppError) as a_folder:
        writable_target(tmp_path)
    assert "unknown extension" in wrong_extension.value.message  # English for the CLI
    assert f"{tmp_path / 'samenvatting.odt'}: onbekende extensie .odt; exporteren schrijft " in core_text(wrong_extension.value.message)
    assert core_text(a_folder.value.message) == f"{tmp_path}: is een map; geef een bestandsnaam om naar te exporteren."
