"""The one error boundary of the GUI.

Expected problems (``AppError``) are shown as a short message with the details folded away.
Anything else is logged with its traceback, shown, and the application keeps running.
Dialogs are opened non-blocking (``open()``), so an error inside a slot never stalls the event loop.
Tests replace :data:`presenter` to record what would have been shown.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.core.errors import AppError, Cancelled
from desktop_app.gui.i18n import core_text

log = logging.getLogger("desktop_app.gui")

Presenter = Callable[[QWidget | None, str, str, str, bool], None]


def _message_box(parent: QWidget | None, title: str, message: str, details: str, unexpected: bool) -> None:
    box = QMessageBox(QMessageBox.Critical if unexpected else QMessageBox.Warning, title, message, QMessageBox.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setObjectName("error_box")
    box.setTextFormat(Qt.PlainText)  # a message may quote a letter's name or subject: never markup
    box.open()
    _open_boxes.append(box)
    box.finished.connect(box.deleteLater)
    box.destroyed.connect(_forget_boxes)


def _forget_boxes() -> None:
    alive = []
    for box in _open_boxes:
        try:
            box.isVisible()
        except RuntimeError:  # already deleted
            continue
        alive.append(box)
    _open_boxes[:] = alive


_open_boxes: list[QMessageBox] = []
presenter: Presenter = _message_box
library_path: Path | None = None  # the open library's database (app.py sets it): named in disk errors
unexpected_errors: list[str] = []  # every unexpected error since start (the --smoke mode checks it)


def show_error(parent: QWidget | None, error: BaseException, details: str = "", *, title: str = "Kamerlezer") -> None:
    """Show ``error`` to the user; log it when it was not expected."""
    if isinstance(error, Cancelled):
        return
    if isinstance(error, (sqlite3.Error, OSError)):  # the disk, the database: one sentence, what to do
        from desktop_app.core.store.db import explain

        error = explain(error, library_path)
    elif not isinstance(error, AppError) and library_path is not None:  # damage can surface as anything
        from desktop_app.core.store.db import damage_behind

        error = damage_behind(library_path) or error
    if isinstance(error, AppError):
        presenter(parent, title, core_text(error.message), error.details or details, False)  # in the window's language
        return
    if not details:
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("Unexpected error: %s\n%s", error, details)
    unexpected_errors.append(f"{type(error).__name__}: {error}")
    presenter(
        parent,
        QCoreApplication.translate("Errors", "Something went wrong"),
        QCoreApplication.translate(
            "Errors",
            "Kamerlezer ran into an unexpected problem ({problem}). "
            "Your library is safe; you can keep working. The details below help to report it.",
        ).format(problem=f"{type(error).__name__}: {error}"),
        details,
        True,
    )


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Installed as ``sys.excepthook``: exceptions escaping a slot end up here, not in a crash."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    parent = QApplication.activeWindow()
    try:
        show_error(parent, exc, details)
    except Exception:  # noqa: BLE001 - never raise from the hook itself
        if sys.__stderr__ is not None:  # None under pythonw: nowhere left to write to
            sys.__stderr__.write(details)


def install_excepthook() -> None:
    sys.excepthook = excepthook
