"""Long work off the UI thread: one small helper used for import, search, reindex and export.

``TaskRunner.submit(fn, ...)`` runs ``fn(progress, cancel)`` on the runner's single worker thread and
returns a :class:`TaskHandle` living on the UI thread, whose signals deliver the result, the error or
progress. A progress dialog appears only when the work lasts longer than ``PROGRESS_DELAY_MS``.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from desktop_app.core.tasks import CancelToken
from desktop_app.gui.plaintext import plain_label

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500

Work = Callable[[Callable[[int, int, str], None], CancelToken], Any]


class _Bridge(QObject):
    """Lives on the UI thread; the worker emits through it, so delivery is queued to the UI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)


class _Job:
    """What the worker thread runs. A plain callable (not a QRunnable subclass): PySide6 owns the
    QRunnable it wraps around it, so no Python wrapper of an auto-deleted C++ object is left behind."""

    def __init__(self, work: Work, bridge: _Bridge, cancel: CancelToken) -> None:
        self._work = work
        self._bridge = bridge
        self._cancel = cancel

    def __call__(self) -> None:
        try:
            result = self._work(self._progress, self._cancel)
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the UI thread
            self._emit(self._bridge.failed, exc, traceback.format_exc())
        else:
            self._emit(self._bridge.succeeded, result)

    def _progress(self, done: int, total: int, message: str = "") -> None:
        self._emit(self._bridge.progressed, int(done), int(total), str(message))

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        """Emit towards the UI thread; when the receiving handle is gone (its window closed while
        the work ran), the outcome has no one to go to and is dropped."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            log.debug("task outcome dropped: its handle was deleted")


class TaskHandle(QObject):
    """One submitted piece of work, as seen from the UI thread."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # the result
    failed = Signal(object, str)  # the exception, its formatted traceback
    ended = Signal()  # after finished or failed

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.cancel_token = CancelToken()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._bridge = _Bridge(self)
        self._bridge.progressed.connect(self._on_bridge_progressed)
        self._bridge.succeeded.connect(self._on_bridge_succeeded)
        self._bridge.failed.connect(self._on_bridge_failed)
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] = (0, 0, "")

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def show_progress_after(
        self, parent: QWidget | None, delay_ms: int = PROGRESS_DELAY_MS, *, modal: bool = False
    ) -> None:
        """Show a cancellable progress dialog if the work is still running after ``delay_ms``.
        ``modal``: for work that holds the Library for its whole length (reindex), the window waits
        behind the dialog instead of stalling on the Library lock; it still repaints and can cancel."""
        self._dialog_parent = parent
        self._modal = modal
        QTimer.singleShot(delay_ms, self._on_delay_elapsed)

    @Slot()
    def _on_delay_elapsed(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, 0, self._dialog_parent)
        dialog.setWindowTitle(self.title)
        dialog.setLabel(plain_label(QLabel(dialog)))  # progress names files and letters: never markup
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_dialog_canceled)
        if getattr(self, "_modal", False):
            dialog.setWindowModality(Qt.WindowModal)
        self._dialog = dialog
        self._update_dialog()
        dialog.show()

    @Slot()
    def _on_dialog_canceled(self) -> None:
        self.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))

    def _update_dialog(self) -> None:
        if self._dialog is None or self.cancel_token.cancelled:
            return
        done, total, message = self._last
        self._dialog.setMaximum(max(total, 0))
        if total > 0:
            self._dialog.setValue(min(done, total))
        self._dialog.setLabelText(f"{self.title}\n{message}" if message else self.title)

    @Slot(int, int, str)
    def _on_bridge_progressed(self, done: int, total: int, message: str) -> None:
        self._last = (done, total, message)
        self._update_dialog()
        self.progressed.emit(done, total, message)

    @Slot(object)
    def _on_bridge_succeeded(self, result: object) -> None:
        self.result = result
        self._close()
        self.finished.emit(result)
        self.ended.emit()

    @Slot(object, str)
    def _on_bridge_failed(self, error: object, details: str) -> None:
        self.error = error if isinstance(error, BaseException) else RuntimeError(str(error))
        self._close()
        self.failed.emit(error, details)
        self.ended.emit()

    def _close(self) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


class TaskRunner(QObject):
    """A single worker thread: work submitted here runs one piece at a time, in order."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread alive
        self._handles: set[TaskHandle] = set()
        self._ended: list[TaskHandle] = []

    def submit(self, title: str, work: Work) -> TaskHandle:
        handle = TaskHandle(title)  # kept alive by self._handles until it ends
        self._handles.add(handle)
        handle.ended.connect(self._on_handle_ended)
        self._pool.start(_Job(work, handle._bridge, handle.cancel_token))  # noqa: SLF001
        return handle

    @Slot()
    def _on_handle_ended(self) -> None:
        handle = self.sender()
        if isinstance(handle, TaskHandle):
            # Let go on the next turn of the event loop, never while its signal is being emitted.
            self._ended.append(handle)
            self._handles.discard(handle)
            QTimer.singleShot(0, self._on_release_ended)

    @Slot()
    def _on_release_ended(self) -> None:
        self._ended.clear()

    @property
    def busy(self) -> bool:
        return bool(self._handles)

    def cancel_all(self) -> None:
        for handle in list(self._handles):
            handle.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (used at shutdown and in tests)."""
        return self._pool.waitForDone(msecs)
