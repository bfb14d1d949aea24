"""The long-running flows of the main window, on the worker thread with progress: importing files and
folders (asking the passwords of encrypted PDFs, then the import summary), fetching from the
official source, rebuilding the search index, and the export dialog and export.

:class:`FlowsMixin` is one of the classes :class:`desktop_app.gui.main_window.MainWindow` is made
of. Its texts have ``FlowsMixin`` as their translation context (written ``translate("FlowsMixin",
…)``, not ``self.tr``; see gui/window_reader.py), and its slots carry no ``@Slot`` (idem).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.core.importing import SUPPORTED_SUFFIXES
from desktop_app.gui.dialogs import ImportSummaryDialog, import_counts
from desktop_app.gui.errors import show_error
from desktop_app.gui.export_dialog import ExportDialog
from desktop_app.gui.i18n import core_text, translate
from desktop_app.gui.plaintext import plain
from desktop_app.gui.tasks import PROGRESS_DELAY_MS
from desktop_app.gui.window_parts import WindowParts

log = logging.getLogger(__name__)


class FlowsMixin(WindowParts):
    """Import, fetch, reindex and export (part of MainWindow)."""

    export_warnings: QMessageBox | None

    # -- import ------------------------------------------------------------------------------------
    def _on_import_files_triggered(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, translate("FlowsMixin", "Import letters"), str(Path.home()),
            translate("FlowsMixin", "Letters ({patterns});;All files (*)").format(patterns=" ".join("*" + s for s in SUPPORTED_SUFFIXES))
        )
        if files:
            self.start_import([Path(f) for f in files])

    def _on_import_folder_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("FlowsMixin", "Import a folder of letters"), str(Path.home()))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path], passwords: dict[str, str] | None = None, earlier: Any = None) -> Any:
        """Import files and folders on the worker thread, one file at a time (cancellable). An encrypted
        PDF that does not open is asked for its password, then imported again (``passwords`` by path;
        ``earlier``: the report of the import this one retries files of, shown as one summary)."""
        library = self.library

        def work(progress: Any, cancel: Any) -> tuple[Any, bool]:
            return import_one_by_one(library, paths, progress, cancel, passwords)

        handle = self._submit_work(translate("FlowsMixin", "Importing letters"), work, self._on_import_finished)
        handle.earlier_report = earlier  # read back by _on_import_finished (a bound slot: no call after close)
        self.statusBar().showMessage(translate("FlowsMixin", "Importing…"))
        return handle

    def _ask_passwords(self, report: Any) -> dict[str, str]:
        """A password for each encrypted PDF that did not open, asked with a password dialog (the
        characters are not shown); a file whose dialog is cancelled stays in the summary as failed."""
        from desktop_app.core.errors import PasswordNeeded

        passwords: dict[str, str] = {}
        for failure in report.failed:
            if isinstance(failure, PasswordNeeded):
                wrong = translate("FlowsMixin", "The password was wrong. ") if failure.wrong else ""
                asked = wrong + translate("FlowsMixin", "Password for {file}:").format(file=Path(failure.path).name)
                password, ok = QInputDialog.getText(
                    self, translate("FlowsMixin", "Encrypted PDF"), plain(asked), QLineEdit.Password
                )
                if ok and password:
                    passwords[failure.path] = password
        return passwords

    def start_fetch(self, identifiers: list[str] | str) -> Any:
        """Fetch official publications on the worker thread (progress, cancellable), import them and
        resolve the citations that pointed at them."""
        from desktop_app.core.official import fetch_into

        library = self.library
        wanted = [identifiers] if isinstance(identifiers, str) else list(identifiers)

        def work(progress: Any, cancel: Any) -> Any:
            return fetch_into(library, wanted, progress=progress, cancel=cancel)

        handle = self._submit_work(translate("FlowsMixin", "Fetching from the official source"), work, self._on_fetch_finished)
        self.statusBar().showMessage(translate("FlowsMixin", "Fetching {what}…").format(what=", ".join(wanted)))
        return handle

    def _on_fetch_finished(self, outcome: Any) -> None:
        self.last_fetch = outcome
        self.reload_letters()
        parts = [translate("FlowsMixin", "%n fetched", "", len(outcome.fetched)), translate("FlowsMixin", "%n citation(s) now point(s) at them", "", outcome.resolved)]
        if outcome.offline:
            parts = [outcome.offline]
        elif outcome.lacking:
            parts.append(translate("FlowsMixin", "not found: {what}").format(what=", ".join(identifier for identifier, _ in outcome.lacking)))
        self.statusBar().showMessage(translate("FlowsMixin", "Fetch: {outcome}.").format(outcome="; ".join(parts)), 10000)
        if outcome.fetched:
            self.open_letter(outcome.fetched[0][1])

    # -- followed dossiers -------------------------------------------------------------------------
    def _on_follow_dossier_triggered(self) -> None:
        """Ask a dossier number and follow it (a change of the history: Ctrl+Z takes it back)."""
        label = translate("FlowsMixin", "Follow the Kamerstuk dossier (e.g. 28676 or “36 200 X”):")
        followed = ", ".join(d.dossier for d in self.library.followed_dossiers())
        if followed:
            label += "\n" + translate("FlowsMixin", "Followed now: {dossiers}").format(dossiers=followed)
        value, ok = QInputDialog.getText(self, translate("FlowsMixin", "Follow dossier"), label, QLineEdit.Normal, "")
        if not ok or not value.strip():
            return
        try:
            dossier = self.controller.follow_dossier(value.strip())
        except AppError as error:
            show_error(self, error)
            return
        self.statusBar().showMessage(translate(
            "FlowsMixin", "Following dossier {dossier}: File > Bring followed dossiers up to date fetches its letters."
        ).format(dossier=dossier.dossier), 10000)

    def start_follow_fetch(self) -> Any:
        """Bring the followed dossiers up to date on the worker thread (``fetch --follow``: progress,
        cancellable); None (and a word in the status bar) when no dossier is followed."""
        from desktop_app.core.following import fetch_followed
        from desktop_app.gui.missing import new_source

        library = self.library
        if not library.followed_dossiers():
            self.statusBar().showMessage(translate("FlowsMixin", "No dossier is followed yet: File > Follow dossier…"), 10000)
            return None

        def work(progress: Any, cancel: Any) -> Any:
            return fetch_followed(library, new_source(), progress=progress, cancel=cancel)

        handle = self._submit_work(translate("FlowsMixin", "Bringing followed dossiers up to date"), work, self._on_follow_fetch_finished)
        self.statusBar().showMessage(translate("FlowsMixin", "Asking the official source for the followed dossiers…"))
        return handle

    def _on_follow_fetch_finished(self, outcome: Any) -> None:
        self.last_follow = outcome
        fetch = outcome.fetch
        self.reload_letters()
        parts = [translate("FlowsMixin", "%n fetched", "", len(fetch.fetched))]
        if fetch.offline:
            parts = [core_text(fetch.offline)]
        elif fetch.cancelled:
            parts = [translate("FlowsMixin", "cancelled")]
        else:
            parts += [f"{check.dossier}: {core_text(check.problem)}" for check in outcome.dossiers if check.problem]
            if fetch.lacking:
                parts.append(translate("FlowsMixin", "not found: {what}").format(what=", ".join(i for i, _ in fetch.lacking)))
        self.statusBar().showMessage(
            translate("FlowsMixin", "Followed dossiers: {outcome}.").format(outcome="; ".join(parts)), 15000
        )

    def _submit_work(self, title: str, work: Any, on_finished: Any, *, modal: bool = False) -> Any:
        """Run long work on the worker thread with a progress dialog after 0.5 s; errors reach the
        error boundary."""
        handle = self.controller.work.submit(title, work)
        handle.finished.connect(on_finished)
        handle.failed.connect(self._on_task_failed)
        handle.progressed.connect(self._on_task_progressed)
        handle.show_progress_after(self, 0 if modal else PROGRESS_DELAY_MS, modal=modal)
        return handle

    def _on_import_finished(self, result: tuple[Any, bool]) -> None:
        report, cancelled = result
        earlier = getattr(self.sender(), "earlier_report", None)
        if earlier is not None:
            earlier.add(report)
            report = earlier
        passwords = {} if cancelled or self.controller.closed else self._ask_passwords(report)
        if passwords:
            report.retrying(passwords)
            self.start_import([Path(p) for p in passwords], passwords, report)
            return
        self.last_import_report = report
        self.reload_letters()
        self.controller.themes_touched()
        self.controller.undo_stack.refresh()  # each file imported is a change Ctrl+Z takes back
        self.statusBar().showMessage(translate("FlowsMixin", "Import: {counts}.").format(counts=", ".join(import_counts(report))), 8000)  # as in the summary
        dialog = ImportSummaryDialog(report, cancelled, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        self.import_summary = dialog
        newest = (report.imported or report.updated)[-1:] if (report.imported or report.updated) else []
        if newest:  # the letter just imported is the one the user wants to see
            self.open_letter(newest[0].id)

    def _on_task_progressed(self, done: int, total: int, message: str) -> None:
        if total:
            self.statusBar().showMessage(f"{done}/{total} {message}")

    def _on_task_failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, Cancelled):
            self.statusBar().showMessage(translate("FlowsMixin", "Cancelled."), 4000)
            return
        self.statusBar().clearMessage()
        show_error(self, error, details)

    def _on_reindex_triggered(self) -> None:
        library = self.library

        def work(progress: Any, cancel: Any) -> int:
            return int(library.reindex(progress=progress, cancel=cancel))

        self._submit_work(translate("FlowsMixin", "Rebuilding the search index"), work, self._on_reindex_finished, modal=True)

    def _on_reindex_finished(self, count: int) -> None:
        self.statusBar().showMessage(translate("FlowsMixin", "Search index rebuilt: %n letter(s).", "", count), 6000)

    # -- export ------------------------------------------------------------------------------------
    def _on_export_triggered(self) -> None:
        current = None
        if self.letter is not None:
            row = self.letter_model.row_of(self.letter.id)
            current = self.letter_model.summary(row) if row is not None else None
        selected = [self.letter_model.summary(r) for r in (self.letter_model.row_of(i) for i in self.selected_letter_ids()) if r is not None]
        dates = sorted(s.date for s in self.letter_model.rows if s.date)
        theme = self.themes_panel.current_theme()
        dialog = ExportDialog(
            self,
            library=self.library,
            current_letter=current,
            selected_letters=selected,
            themes=self.controller.themes,
            selected_theme=theme.id if theme is not None else None,
            default_folder=Path(str(self.settings.value("export/folder", str(Path.home())))),
            settings=self.settings,
            date_span=(dates[0] if dates else None, dates[-1] if dates else None),
        )
        dialog.accepted.connect(self._on_export_dialog_accepted)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.export_dialog = dialog
        dialog.open()

    def _on_export_dialog_accepted(self) -> None:
        dialog = self.sender()
        if isinstance(dialog, ExportDialog):
            self.start_export(
                dialog.scope_arguments(),
                str(dialog.format.currentData()),
                Path(dialog.path.text()).expanduser(),
                open_when_done=dialog.open_when_done.isChecked(),
            )

    def start_export(self, scope_args: dict[str, Any], fmt: str, out_path: Path, *, open_when_done: bool) -> Any:
        library = self.library
        self.settings.setValue("export/folder", str(out_path.parent))

        def work(progress: Any, cancel: Any) -> Any:
            from desktop_app.core.export import ExportScope
            from desktop_app.render.service import export_summary

            return export_summary(library, ExportScope(**scope_args), fmt, out_path, progress, cancel)

        handle = self._submit_work(translate("FlowsMixin", "Exporting summary"), work, self._on_export_finished)
        handle.setProperty("open_when_done", open_when_done)
        return handle

    def _on_export_finished(self, result: Any) -> None:
        self.last_export = result
        passages = getattr(result, "passages", 0)
        self.statusBar().showMessage(translate("FlowsMixin", "Exported %n passage(s) to {path}", "", passages).format(path=result.path), 8000)
        warnings = list(getattr(result, "warnings", ()))
        for warning in warnings:
            log.warning("export: %s", warning)
        if warnings:  # e.g. characters no bundled font has, an original that could not be appended
            box = QMessageBox(QMessageBox.Warning, translate("FlowsMixin", "Export finished with warnings"),
                              translate("FlowsMixin", "Exported %n passage(s) to {path}, but:", "", passages).format(path=result.path),
                              QMessageBox.Close, self)
            box.setObjectName("export_warnings")
            box.setInformativeText("\n\n".join(warnings))
            box.setAttribute(Qt.WA_DeleteOnClose)
            self.export_warnings = box
            box.open()
        if self.sender().property("open_when_done"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))


def import_one_by_one(
    library: Any, paths: list[Path], progress: Any, cancel: Any, passwords: dict[str, str] | None = None
) -> tuple[Any, bool]:
    """The core's ``import_iter`` on the worker thread: one Library call per file, so the Library lock
    is released between files (the UI thread can open letters meanwhile) and cancel takes effect
    between files; one report with every file's warnings. ``passwords``: for encrypted PDFs, by path."""
    from desktop_app.core.services import ImportReport, import_iter

    report = ImportReport()
    total = 0
    for step in import_iter(library, paths, passwords=passwords, cancel=cancel):
        report.add(step.report)
        total = step.total
        if step.path is not None:
            progress(step.done, total, step.path.name)
    if cancel.cancelled:
        report.cancelled = True
        return report, True
    progress(total, total, "")
    return report, False
