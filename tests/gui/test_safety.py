"""The GUI's side of data safety: the periodic backup runs off the UI thread, disk and database errors
reach the user as one sentence, and no timer outlives its window or dialog."""

from __future__ import annotations

import errno
import sqlite3
import threading
from typing import Any

from desktop_app.core.services import Library
from desktop_app.core.store import db as store_db
from desktop_app.gui import errors


def test_the_backup_timer_backs_up_a_changed_library_on_the_work_thread(
    qtbot: Any, window: Any, library: Any, monkeypatch: Any
) -> None:
    from desktop_app.core.services import library as services  # where backup_if_due reads its defaults

    controller = window.controller
    library.backup()  # the seeding is backed up; from here on, every change counts
    for old in Library.backups(library.folder):
        old.unlink()
    assert controller.backup_if_due() is not None and library.unsaved_changes == 0
    monkeypatch.setattr(services, "BACKUP_EVERY_CHANGES", 1)
    assert controller.backup_timer.isActive() and controller.backup_timer.interval() == controller.BACKUP_CHECK_MS
    threads: list[Any] = []
    real = library.backup_if_due

    def spy(**kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(**kwargs)

    library.backup_if_due = spy
    letter = library.list_letters()[0]
    controller.add_annotation(letter.id, 100, 130, [], "voor de backup")
    handle = controller.backup_if_due()
    qtbot.waitUntil(lambda: handle.done)
    assert handle.error is None
    assert threads and threads[0] is not threading.main_thread()
    (backup,) = Library.backups(library.folder)
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT note FROM annotations").fetchall() == [("voor de backup",)]
    copy.close()
    assert store_db.check_file(backup) == []
    controller.shutdown()
    assert not controller.backup_timer.isActive()


def test_a_failed_periodic_backup_is_told_in_the_status_bar(
    qtbot: Any, window: Any, library: Any, monkeypatch: Any
) -> None:
    def full(**_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(library, "backup_if_due", full)
    handle = window.controller.backup_if_due()
    qtbot.waitUntil(lambda: handle.done)
    qtbot.waitUntil(lambda: "disk full (" in window.statusBar().currentMessage())
    assert "No backup was made" in window.statusBar().currentMessage()


def test_disk_and_database_errors_are_one_sentence_at_the_error_boundary(shown_errors: list[Any]) -> None:
    errors.show_error(None, OSError(errno.ENOSPC, "No space left on device"))
    errors.show_error(None, sqlite3.DatabaseError("database disk image is malformed"))
    assert [unexpected for _title, _message, unexpected in shown_errors] == [False, False]
    assert "disk full (" in shown_errors[0][1] and "MB free" in shown_errors[0][1]
    assert "damaged" in shown_errors[1][1] and "kamerlezer restore" in shown_errors[1][1]


def test_the_export_dialogs_update_timer_stops_when_the_dialog_closes(qtbot: Any, window: Any) -> None:
    from desktop_app.gui.export_dialog import ExportDialog

    window.actions_by_name["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog._update_timer.start()  # noqa: SLF001 - as a change in the dialog does
    dialog.reject()
    assert not dialog._update_timer.isActive()  # noqa: SLF001 - nothing fires after the library closes
