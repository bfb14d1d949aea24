"""File > Export summary: the options of ``kamerlezer export`` in a dialog.

Letters (current / selected / all) AND themes (checked in a tree; a theme includes its sub-themes),
an optional date range, grouping, format (PDF, Word, Markdown, CSV), originals, the compact form, title,
author, the language of the document's words, the file, and "open when done". A line under the form says what will be exported, counted through the core
(:func:`desktop_app.core.export.count_scope`); an empty or invalid scope disables Export and says why.
The choices except the letters are remembered in QSettings (``export/...``; the author too).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import AppError
from desktop_app.core.export import ExportScope, count_scope, default_title, nothing_to_export
from desktop_app.core.export.formats import FORMATS, format_for_path
from desktop_app.core.export.labels import LANGUAGES, Words
from desktop_app.core.model import LetterSummary, Theme
from desktop_app.gui.dialogs import fit_to_screen
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP, core_text, current_language, translate
from desktop_app.gui.plaintext import plain, plain_label
from desktop_app.gui.theme_check_tree import ThemeCheckTree

FORMAT_LABELS = {
    "pdf": "PDF",
    "docx": QT_TRANSLATE_NOOP("ExportDialog", "Word (.docx)"),
    "md": "Markdown",
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV (spreadsheet)"),
}
LANGUAGE_LABELS = {"en": "English", "nl": "Nederlands"}  # each in its own language
# The CLI's and ExportScope's default: one command and one dialog make the same document.
DEFAULT_LANGUAGE = ExportScope().language
UNDATED_TIP = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "Letters dated on or after this date (inclusive). Type a date (yyyy-mm-dd) or press Up for the "
    "earliest letter's date; Delete: any date.\nWith a date set, letters without a date are left out.",
)
UNDATED_TIP_TO = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "Letters dated on or before this date (inclusive). Type a date (yyyy-mm-dd) or press Up for the "
    "latest letter's date; Delete: any date.\nWith a date set, letters without a date are left out.",
)
KEY = "export/"


class OptionalDateEdit(QDateEdit):
    """A date or "any" (the minimum date, shown as "any"). From "any", typing a digit or pressing
    Up/Down starts at ``anchor`` (a letter date of the library); Delete goes back to "any"."""

    ANY = QDate(1900, 1, 1)

    def __init__(self, anchor: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor = anchor if anchor.isValid() and anchor > self.ANY else QDate.currentDate()
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.ANY)
        self.setSpecialValueText(self.tr("any"))
        self.setDate(self.ANY)

    def iso(self) -> str | None:
        return None if self.date() == self.ANY else self.date().toString("yyyy-MM-dd")

    def set_iso(self, value: str | None) -> None:
        date = QDate.fromString(value or "", "yyyy-MM-dd")
        self.setDate(date if date.isValid() and date > self.ANY else self.ANY)

    def _leave_any(self) -> None:
        self.setDate(self.anchor)
        self.setCurrentSection(QDateEdit.YearSection)
        self.lineEdit().setSelection(0, 4)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        if self.date() == self.ANY:
            self._leave_any()
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key_Delete:
            self.setDate(self.ANY)
            return
        if self.date() == self.ANY and event.text().isdigit():
            self._leave_any()
        elif event.text() in ("-", "/", ".") and self._after_separator():
            return  # "2024-10-03" typed with its dashes: Qt already moved on after "2024"
        super().keyPressEvent(event)

    def _after_separator(self) -> bool:
        line = self.lineEdit()
        position = line.cursorPosition()
        return position > 0 and line.text()[position - 1] == "-"


class ExportDialog(QDialog):
    """Scope (letters AND themes, dates), arrangement, format, title, language, file."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        library: Any,
        current_letter: LetterSummary | None,
        selected_letters: Sequence[LetterSummary],
        themes: Sequence[Theme],
        selected_theme: int | None,
        default_folder: Path,
        settings: QSettings | None = None,
        date_span: tuple[str | None, str | None] = (None, None),
        formats: tuple[str, ...] = FORMATS,
        group_by_choices: tuple[str, ...] = ("theme", "letter"),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export summary"))
        self.library = library
        self.settings = settings
        self.current_letter = current_letter
        self.selected_letters = list(selected_letters)
        self._title_edited = False
        self.reason = ""  # why Export is disabled ("" when it is not)

        self.letters = QComboBox(self)
        self.letters.addItem(self.tr("All letters"), "library")
        if current_letter is not None:
            self.letters.addItem(self.tr("Current letter: {title}").format(title=_short(current_letter.title)), "current")
        if self.selected_letters:
            count = len(self.selected_letters)
            self.letters.addItem(self.tr("Selected letters ({count})").format(count=count) if count > 1 else
                                 self.tr("Selected letter: {title}").format(title=_short(self.selected_letters[0].title)),
                                 "selected")
        self.themes = ThemeCheckTree(self)
        self.themes.setObjectName("export_themes")
        self.themes.setMinimumHeight(150)
        self.themes.setMaximumHeight(210)
        self.themes.setToolTip(self.tr("Check the themes to export (Space checks the current one). A theme includes "
                                       "its sub-themes. With none checked, every passage in the letters is exported."))
        self.themes.set_themes(themes)
        self._theme_items = self.themes.items
        spans = [QDate.fromString(d or "", "yyyy-MM-dd") for d in date_span]
        self.date_from = OptionalDateEdit(spans[0], self)
        self.date_to = OptionalDateEdit(spans[1], self)
        self.date_from.setToolTip(translate("ExportDialog", UNDATED_TIP))
        self.date_to.setToolTip(translate("ExportDialog", UNDATED_TIP_TO))
        self.group_by = QComboBox(self)
        for choice in group_by_choices:
            labels = {"theme": self.tr("Theme, then letter"), "letter": self.tr("Letter, in text order")}
            self.group_by.addItem(labels.get(choice, choice), choice)
        self.format = QComboBox(self)
        for fmt in formats:
            self.format.addItem(translate("ExportDialog", FORMAT_LABELS.get(fmt, fmt)), fmt)
        self.with_originals = QCheckBox(self.tr("Append the &original letters (PDF)"), self)
        self.compact = QCheckBox(self.tr("&Compact briefing (no cover or contents; PDF, Word)"), self)
        self.compact.setToolTip(self.tr("A one-line header (title, author, date), then the themes and passages: "
                                        "a short summary fits on one page."))
        self.author = QLineEdit(self)
        self.author.setObjectName("export_author")
        self.author.setToolTip(self.tr("Named on the cover, in the footer and in the file's properties; remembered."))
        self.title = QLineEdit(self)
        self.title.setToolTip(self.tr("The title on the first page and in the PDF's properties; "
                                      "empty: made from what is exported."))
        self.language = QComboBox(self)
        for code, label in LANGUAGE_LABELS.items():
            self.language.addItem(label, code)
        self.language.setToolTip(self.tr("The document's own words (headings, labels, dates); "
                                         "quotes, notes and theme names stay as they are."))
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._on_browse_clicked)
        self.browse_button = browse
        self.open_when_done = QCheckBox(self.tr("O&pen when done"), self)
        self.open_when_done.setChecked(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        dates = QHBoxLayout()
        until = QLabel(self.tr("&until:"), self)
        until.setBuddy(self.date_to)
        for widget in (self.date_from, until, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        for text, field in (
            (self.tr("&Letters:"), self.letters),
            (self.tr("&Themes:\n(sub-themes\nincluded;\nnone: all)"), self.themes),
            (self.tr("Dated &from:"), dates),
            (self.tr("&Group by:"), self.group_by),
            (self.tr("Fo&rmat:"), self.format),
            ("", self.with_originals),
            ("", self.compact),
            (self.tr("T&itle:"), self.title),
            (self.tr("&Author:"), self.author),
            (self.tr("&Words in:"), self.language),
            (self.tr("&Save as:"), path_row),
            ("", self.open_when_done),
        ):
            if not text:
                form.addRow("", field)
                continue
            row_label = QLabel(text, self)
            buddy = self.date_from if field is dates else self.path if field is path_row else field
            row_label.setBuddy(buddy)  # type: ignore[arg-type]  # the two layouts were replaced by a widget just above
            form.addRow(row_label, field)
        self.summary_line = plain_label(QLabel(self))
        self.summary_line.setObjectName("export_summary_line")
        self.summary_line.setWordWrap(True)
        self.summary_line.setTextFormat(Qt.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.export_button = buttons.button(QDialogButtonBox.Ok)
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_line)
        layout.addWidget(buttons)

        self._restore(default_folder, selected_theme)
        if selected_theme is not None:
            self.letters.setCurrentIndex(0)  # a theme chosen in the panel: that theme across all letters
        elif current_letter is not None:
            self.letters.setCurrentIndex(self.letters.findData("current"))
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(150)
        self._update_timer.timeout.connect(self.update_summary)
        for signal in (self.letters.currentIndexChanged, self.themes.itemChanged, self.date_from.dateChanged,
                       self.date_to.dateChanged, self.date_from.editingFinished, self.date_to.editingFinished,
                       self.language.currentIndexChanged):
            signal.connect(self._update_timer.start)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.title.textEdited.connect(self._on_title_edited)
        self._on_format_changed()
        self.update_summary()
        self.letters.setFocus(Qt.OtherFocusReason)
        fit_to_screen(self, QSize(600, self.sizeHint().height()))

    # -- state -------------------------------------------------------------------------------------
    def _restore(self, default_folder: Path, selected_theme: int | None) -> None:
        """The last choices (except the letters); the theme selected in the themes panel wins."""
        value = self._setting
        if selected_theme is not None:
            checked = [selected_theme]
        else:
            checked = [int(t) for t in str(value("themes", "")).split(",") if t.strip().isdigit()]
        self.set_checked_themes(checked)
        self.date_from.set_iso(str(value("date_from", "")) or None)
        self.date_to.set_iso(str(value("date_to", "")) or None)
        for combo, key, default in ((self.group_by, "group_by", "theme"), (self.format, "format", "pdf"),
                                    (self.language, "language", DEFAULT_LANGUAGE)):
            index = combo.findData(str(value(key, default)))
            combo.setCurrentIndex(max(index, 0))
        self.with_originals.setChecked(_flag(value("with_originals", False)))
        self.compact.setChecked(_flag(value("compact", False)))
        self.author.setText(str(value("author", "") or ""))
        self.open_when_done.setChecked(_flag(value("open_when_done", True)))
        self.path.setText(str(default_folder / f"{self._default_stem()}.{self.format.currentData()}"))

    def _setting(self, key: str, default: object) -> object:
        return self.settings.value(KEY + key, default) if self.settings is not None else default

    def remember(self) -> None:
        """Keep the choices for next time (not the letters: they depend on what is open)."""
        if self.settings is None:
            return
        for key, value in (
            ("themes", ",".join(str(t) for t in self.checked_themes())),
            ("date_from", self.date_from.iso() or ""),
            ("date_to", self.date_to.iso() or ""),
            ("group_by", self.group_by.currentData()),
            ("format", self.format.currentData()),
            ("language", self.language.currentData()),
            ("with_originals", self.with_originals.isChecked()),
            ("compact", self.compact.isChecked()),
            ("author", " ".join(self.author.text().split())),
            ("open_when_done", self.open_when_done.isChecked()),
            ("folder", str(Path(self.path.text()).expanduser().parent)),
        ):
            self.settings.setValue(KEY + key, value)

    def done(self, result: int) -> None:  # accept, reject, Escape, close: the pending update is moot
        self._update_timer.stop()
        super().done(result)

    def accept(self) -> None:
        for edit in (self.date_from, self.date_to):
            edit.interpretText()  # a date still being typed ("2024-9-3") counts as shown
        self.update_summary()
        if self.reason:  # Enter in a field while Export is disabled
            return
        try:  # "x.odt", or "x.pdf" with Word chosen: say so here rather than write the wrong thing
            format_for_path(self.path.text(), str(self.format.currentData()))
        except AppError as error:
            self.summary_line.setText(core_text(error.message))
            self.summary_line.setStyleSheet("color: #a1260d; font-weight: bold")
            return
        self.remember()
        super().accept()

    # -- scope -------------------------------------------------------------------------------------
    def checked_themes(self) -> list[int]:
        """Checked themes, in tree order, without those already included by a checked parent."""
        return self.themes.checked_themes()

    def set_checked_themes(self, theme_ids: Sequence[int]) -> None:
        self.themes.set_checked_themes(theme_ids)

    def letter_ids(self) -> tuple[int, ...]:
        kind = self.letters.currentData()
        if kind == "current" and self.current_letter is not None:
            return (self.current_letter.id,)
        if kind == "selected":
            return tuple(s.id for s in self.selected_letters)
        return ()

    def export_scope(self) -> ExportScope:
        title = " ".join(self.title.text().split())
        return ExportScope(
            letters=self.letter_ids(),
            themes=tuple(self.checked_themes()),
            date_from=self.date_from.iso(),
            date_to=self.date_to.iso(),
            group_by=str(self.group_by.currentData()),
            with_originals=self.with_originals.isChecked() and self.format.currentData() == "pdf",
            title=title or None,
            language=str(self.language.currentData()),
            compact=self.compact.isChecked() and self.format.currentData() in ("pdf", "docx"),
            author=" ".join(self.author.text().split()),
        )

    def scope_arguments(self) -> dict[str, object]:
        """Arguments for ``ExportScope`` from the choices made."""
        scope = self.export_scope()
        return {name: getattr(scope, name) for name in scope.__dataclass_fields__}

    def update_summary(self) -> None:
        """Refresh the default title and the "what will be exported" line; disable Export when the
        scope is empty or invalid, with the reason."""
        scope = self.export_scope()
        self.reason = ""
        try:
            if not self._title_edited:
                self.title.setText(default_title(self.library, scope))
                self.title.setCursorPosition(0)
            count = count_scope(self.library, scope)
            if count.passages == 0:
                self.reason = nothing_to_export(self.library, scope, language=current_language(),
                                                template=self.tr("Nothing to export: no annotations in {scope}"))
        except AppError as error:
            self.reason = core_text(error.message)
            count = None
        if self.reason:
            self.summary_line.setText(self.reason)
            self.summary_line.setStyleSheet("color: #a1260d; font-weight: bold")
        elif count is not None:
            passages = self.tr("%n passage(s)", "", count.passages)
            letters = self.tr("%n letter(s)", "", count.letters)
            self.summary_line.setText(self.tr("Will export {passages} from {letters}.").format(passages=passages, letters=letters))
            self.summary_line.setStyleSheet("")
        self.export_button.setEnabled(not self.reason)
        self.export_button.setToolTip(plain(self.reason))

    # -- slots -------------------------------------------------------------------------------------
    def _on_title_edited(self, text: str) -> None:
        self._title_edited = bool(text.strip())  # cleared: the title follows the scope again

    def _on_format_changed(self) -> None:
        fmt = self.format.currentData()
        self.with_originals.setEnabled(fmt == "pdf")
        self.compact.setEnabled(fmt in ("pdf", "docx"))
        path = Path(self.path.text())
        self.path.setText(str(path.with_suffix(f".{fmt}")))

    def _default_stem(self) -> str:
        """"kamerlezer-samenvatting" / "kamerlezer-summary": the file is named in the document's language."""
        return Words(str(self.language.currentData()))("file_stem")

    def _on_language_changed(self) -> None:
        path = Path(self.path.text())
        defaults = {Words(language)("file_stem") for language in LANGUAGES}
        if path.stem in defaults:  # still the default name: follow the language; a chosen name stays
            self.path.setText(str(path.with_name(f"{self._default_stem()}{path.suffix}")))

    def _on_browse_clicked(self) -> None:
        fmt = self.format.currentData()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export summary"), self.path.text(),
                                                f"{translate('ExportDialog', FORMAT_LABELS.get(fmt, fmt))} (*.{fmt})")
        if chosen:
            self.path.setText(chosen)


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _flag(value: object) -> bool:
    """QSettings gives back "true"/"false" from an INI file."""
    return value is True or str(value).lower() in ("true", "1")
