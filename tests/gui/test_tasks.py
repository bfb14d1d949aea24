"""The task runner that keeps long work off the UI thread."""

from __future__ import annotations

import threading
from typing import Any

import shiboken6

from desktop_app.gui.tasks import TaskRunner


def test_the_outcome_of_work_whose_handle_is_gone_is_dropped_quietly(qtbot: Any) -> None:
    # a window closed while its search ran: the worker must not raise "Signal source has been deleted"
    runner = TaskRunner("test")
    gate = threading.Event()
    handle = runner.submit("work", lambda _progress, _cancel: gate.wait(5))
    failing = runner.submit("failing work", lambda _progress, _cancel: 1 / 0)
    shiboken6.delete(handle._bridge)  # noqa: SLF001
    shiboken6.delete(failing._bridge)  # noqa: SLF001
    gate.set()
    assert runner.wait(10_000)
    qtbot.wait(50)  # pytest-qt fails the test on any exception raised meanwhile


def test_results_and_errors_arrive_on_the_ui_thread(qtbot: Any) -> None:
    runner = TaskRunner("test")
    handle = runner.submit("work", lambda _progress, _cancel: threading.get_ident())
    with qtbot.waitSignal(handle.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args[0] != threading.get_ident()  # it ran on the worker
    failing = runner.submit("failing work", lambda _progress, _cancel: 1 / 0)
    with qtbot.waitSignal(failing.failed, timeout=10_000) as blocker:
        pass
    assert isinstance(blocker.args[0], ZeroDivisionError)
