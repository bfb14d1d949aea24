"""The interface language: Dutch (the users are Dutch civil servants) or English (the source texts).

- Every user-visible string in the GUI goes through ``self.tr(...)`` (QObject subclasses) or
  ``translate("Context", ...)`` (``QCoreApplication.translate``); plurals with ``%n``.
- The translations live in ``desktop_app/gui/i18n/kamerlezer_nl.ts`` (Qt Linguist) and are compiled to
  ``kamerlezer_nl.qm`` beside it, which the wheel and the bundle carry (``bash scripts/translations.sh``
  updates both; tests/gui/test_i18n.py fails on an unfinished or missing message).
- The language: ``--language nl|en``, else the one chosen in Instellingen > Taal (QSettings
  ``interface/language``), else the system locale's when it is a supported one, else Dutch.
- Dates follow the language: "3 oktober 2024" in Dutch; the English interface keeps ISO dates
  ("2024-10-03"), which sort as text and are never ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

translate = QCoreApplication.translate

if TYPE_CHECKING:
    # PySide6's stub types Qt's marker as ``(object, object) -> object``; at run time it gives back the
    # text it marks, which the GUI passes on to ``translate`` as a str. The GUI imports it from here.
    def QT_TRANSLATE_NOOP(context: str, text: str, /) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

LANGUAGES = {"nl": "Nederlands", "en": "English"}  # each in its own language, as a language menu shows them
DEFAULT_LANGUAGE = "nl"
SOURCE_LANGUAGE = "en"  # the texts in the code
SETTINGS_KEY = "interface/language"
I18N_DIR = Path(__file__).resolve().parent / "i18n"

DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")
DUTCH_MONTHS_SHORT = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")

# Said in the language just chosen (its translation names that language): a message read from the .qm.
LANGUAGE_CHANGED = QT_TRANSLATE_NOOP("LanguageMenu", "Kamerlezer will be in English from the next start.")
LANGUAGE_TITLE = QT_TRANSLATE_NOOP("LanguageMenu", "Language")

_current = SOURCE_LANGUAGE  # what the installed translators give; the source language until install()


def qm_file(language: str) -> Path:
    return I18N_DIR / f"kamerlezer_{language}.qm"


def language_of_locale(name: str) -> str:
    """A supported language for a locale name ("nl_NL", "nl-BE", "en_GB", "C", "de_DE"): the locale's
    own when supported, else Dutch."""
    code = name.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def chosen_language(settings: QSettings | None = None, override: str | None = None, locale: str | None = None) -> str:
    """``override`` (--language), else the remembered choice, else the system locale's language."""
    if override in LANGUAGES:
        return str(override)
    remembered = str(settings.value(SETTINGS_KEY, "") or "") if settings is not None else ""
    if remembered in LANGUAGES:
        return remembered
    return language_of_locale(locale if locale is not None else QLocale.system().name())


def current_language() -> str:
    return _current


_installed: list[QTranslator] = []


def install(language: str, app: Any = None) -> Callable[[], None]:
    """Load ``language``'s translations into the application (Kamerlezer's own and Qt's standard
    dialogs' buttons); returns a function that restores the previous language. English has one too:
    its plural forms ("%n letter(s)": "1 letter", "2 letters")."""
    global _current
    app = app or QCoreApplication.instance()
    previous = _current if _installed else None
    _remove_translators(app)
    ours = QTranslator(app)
    if not ours.load(str(qm_file(language))):
        raise FileNotFoundError(f"the {LANGUAGES.get(language, language)} translation was not found: {qm_file(language)}")
    if language != SOURCE_LANGUAGE:
        qt_own = QTranslator(app)  # OK/Cancel/Yes in message boxes, the file dialog
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    _current = language

    def restore() -> None:
        global _current
        if previous is not None:
            install(previous, app)
        else:
            _remove_translators(app)
            _current = SOURCE_LANGUAGE

    return restore


def ensure_installed(app: Any = None) -> None:
    """A window built without :func:`install` (a test, a benchmark) still gets the English plurals."""
    if not _installed:
        install(SOURCE_LANGUAGE, app)


def _remove_translators(app: Any) -> None:
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def format_date(iso: str | None, language: str | None = None, *, short: bool = False) -> str:
    """A date as the interface language writes it: "3 oktober 2024" (Dutch; "oktober 2024" or "2024"
    for a partial date; ``short``: "3 okt. 2024", for narrow columns), the ISO date in English. Text
    that is not an ISO date is returned as it is."""
    if not iso:
        return ""
    if (language or _current) != "nl":
        return iso
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    months = DUTCH_MONTHS_SHORT if short else DUTCH_MONTHS
    if len(numbers) == 3 and 1 <= numbers[1] <= 12:
        return f"{numbers[2]} {months[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{months[numbers[1] - 1]} {numbers[0]}"
    return iso


def core_text(text: object) -> str:
    """A text of the core in the interface's language: a :class:`~desktop_app.core.messages.Message`
    has its template translated (context "Core") and its values filled in again (values that are
    messages themselves translated too); any other text is shown as it is."""
    from desktop_app.core.messages import Message

    if not isinstance(text, Message):
        return str(text)
    if not text.args:
        return translate("Core", text.template)
    return translate("Core", text.template).format(*(core_text(a) if isinstance(a, Message) else a for a in text.args))


def message_in(language: str, context: str, text: str) -> str:
    """``text`` in ``language``, whatever language is installed now (to announce a change of language
    in the language chosen)."""
    if language == SOURCE_LANGUAGE:
        return text
    translator = QTranslator()
    if translator.load(str(qm_file(language))):
        return translator.translate(context, text) or text
    return text


def add_language_menu(window: QMainWindow, settings: QSettings) -> QMenu:
    """Settings > Language (Instellingen > Taal), before the Help menu: one checkable entry per language,
    the current one checked. A choice is remembered and applies from the next start."""
    ensure_installed()
    bar = window.menuBar()
    menu = QMenu(translate("LanguageMenu", "&Settings"), bar)
    menu.setObjectName("settings_menu")
    help_action = next((a for a in bar.actions() if a.menu() is not None and a.menu().objectName() == "help_menu"), None)
    if help_action is None and bar.actions():
        help_action = bar.actions()[-1]
    bar.insertMenu(help_action, menu) if help_action is not None else bar.addMenu(menu)
    languages = menu.addMenu(translate("LanguageMenu", "&Language"))
    languages.setObjectName("language_menu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():
        action = languages.addAction(name)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == _current)
        action.setData(code)
        group.addAction(action)
    group.triggered.connect(lambda action: choose_language(window, settings, str(action.data())))
    window.language_menu = languages
    return menu


# Set by the application (app.py): a language chosen in the menu applies at once (the window is built
# again in that language, over the same library, controller and undo history); told the new window.
_live_switch: Callable[[Any], None] | None = None


def enable_live_switching(on_new_window: Callable[[Any], None]) -> Callable[[], None]:
    """Switch languages live from now on; ``on_new_window`` learns the window that replaces the old
    one. Returns the function that turns it off again."""
    global _live_switch
    _live_switch = on_new_window

    def disable() -> None:
        global _live_switch
        _live_switch = None

    return disable


def switch_window(old: Any, settings: QSettings, language: str) -> Any:
    """Install ``language`` and put a new main window in the old one's place: the same controller
    (library, undo history, workers), letter, cursor, geometry and layout. The old window is hidden
    and deleted later, without closing it (closing would stop the shared controller)."""
    from desktop_app.gui.main_window import MainWindow

    old.annotations_panel.commit_note()
    old.search_timer.stop()
    old.save_state()
    install(language)
    new = MainWindow(old.controller, settings)  # takes the controller over (it becomes its parent)
    if old.letter is not None:
        new.open_letter(old.letter.id, position=old.reader.textCursor().position(), record=False)
    query = old.search_edit.text()
    new.setGeometry(old.geometry())
    if old.isMaximized():
        new.showMaximized()
    else:
        new.show()
    if query:
        new.search_edit.setText(query)
    old.hide()
    old.deleteLater()
    return new


def choose_language(window: QMainWindow, settings: QSettings, language: str) -> QMessageBox | None:
    """Remember ``language``. With live switching on, the window is built again in it at once;
    otherwise say (in that language) that it applies from the next start."""
    if language not in LANGUAGES:
        return None
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()
    if _live_switch is not None and language != _current:
        new = switch_window(window, settings, language)
        _live_switch(new)
        new.statusBar().showMessage(translate("LanguageMenu", "Kamerlezer is now in English."), 6000)
        return None
    text = message_in(language, "LanguageMenu", LANGUAGE_CHANGED)
    window.statusBar().showMessage(text, 8000)
    box = QMessageBox(QMessageBox.Information, message_in(language, "LanguageMenu", LANGUAGE_TITLE), text,
                      QMessageBox.Ok, window)
    box.setObjectName("language_changed")
    box.open()  # not exec(): non-blocking, and tests can read it
    window.language_box = box
    return box
