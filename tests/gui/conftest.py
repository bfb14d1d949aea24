"""GUI test fixtures: offscreen Qt, settings in tmp_path, a real Library per test, and no dialog may
block: static dialog helpers and ``exec()`` fail the test at once; the error boundary records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QColorDialog, QDialog, QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from desktop_app.gui import errors


class UnexpectedDialog(AssertionError):
    pass


def _fail(name: str) -> Any:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise UnexpectedDialog(f"unexpected blocking dialog {name}{args[1:3]!r}")

    return fail


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(_fail(f"QMessageBox.{name}")))
    for name in ("getOpenFileName", "getOpenFileNames", "getExistingDirectory", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(_fail(f"QFileDialog.{name}")))
    for name in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(_fail(f"QInputDialog.{name}")))
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(_fail("QColorDialog.getColor")))
    for cls in (QDialog, QMessageBox, QFileDialog, QInputDialog, QColorDialog, QProgressDialog):
        monkeypatch.setattr(cls, "exec", _fail(f"{cls.__name__}.exec"))


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bool]]:
    """Errors the GUI would have shown: (title, message, unexpected). Unexpected ones fail the test."""
    shown: list[tuple[str, str, bool]] = []

    def record(_parent: Any, title: str, message: str, details: str, unexpected: bool) -> None:
        shown.append((title, message, unexpected))

    monkeypatch.setattr(errors, "presenter", record)
    yield shown
    unexpected = [s for s in shown if s[2]]
    assert not unexpected, f"unexpected errors were shown: {unexpected}"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(library_dir: Path) -> Iterator[Any]:
    from desktop_app.core.services import Library

    lib = Library.open(library_dir)
    yield lib
    lib.close()


@pytest.fixture
def make_window(qtbot: Any, settings: QSettings, request: pytest.FixtureRequest) -> Any:
    """Build a MainWindow over a Library; closed (state saved, workers stopped) at the end."""
    if "library" in request.fixturenames:  # set up first, so it is closed after the windows
        request.getfixturevalue("library")
    from desktop_app.gui.controller import LibraryController
    from desktop_app.gui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(lib: Any) -> MainWindow:
        window = MainWindow(LibraryController(lib), settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        for timer in window.findChildren(QTimer):  # nothing may fire after the library is closed
            timer.stop()


@pytest.fixture
def window(library: Any, make_window: Any) -> Any:
    """The library is set up first, so it is torn down last: after the window closed and its timers stopped."""
    return make_window(library)


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp: Any) -> Iterator[None]:
    """The tests read the English interface (with its plural forms: "1 letter", "2 letters"); the
    Dutch one is tested in test_i18n.py, which switches and switches back."""
    from desktop_app.gui import i18n

    restore = i18n.install("en", qapp)
    yield
    restore()
