"""Start-up: --smoke works end to end, a locked library is reported clearly, and an exception inside
a slot makes --smoke fail (it is recorded by the excepthook, the app itself keeps running)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app import app
from desktop_app.gui import errors


def test_smoke_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.app", "--smoke", "--library", str(tmp_path / "lib"),
         "--settings", str(tmp_path / "s.ini")],
        capture_output=True, text=True, env=env, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert "search 'luchtverdediging'" in result.stdout
    # Nothing a user cannot act on: Qt's known harmless messages are filtered (desktop_app.gui.qt_messages).
    assert not result.stderr.strip(), f"--smoke printed on stderr:\n{result.stderr}"


def test_locked_library_is_reported(tmp_path: Path, library: Any, library_dir: Path, capsys: Any) -> None:
    code = app.main(["--smoke", "--library", str(library_dir), "--settings", str(tmp_path / "s.ini")])
    assert code == 1
    assert "already open" in capsys.readouterr().err


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_fails_smoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    from desktop_app.gui.main_window import MainWindow

    def broken(self: Any, results: Any) -> None:
        raise RuntimeError("boom in a slot")

    monkeypatch.setattr(MainWindow, "_on_search_finished", broken)
    hook = sys.excepthook
    try:
        code = app.main(["--smoke", "--library", str(tmp_path / "lib"), "--settings", str(tmp_path / "s.ini")])
    finally:
        sys.excepthook = hook
    assert code != 0
    assert any("boom in a slot" in e for e in errors.unexpected_errors)
    errors.unexpected_errors.clear()


def test_a_bad_query_is_explained_inline(qtbot: Any, window: Any, shown_errors: list[Any]) -> None:
    window.search_edit.setText("(navo")
    qtbot.waitUntil(lambda: window.results_label.text() not in ("", "Searching…"), timeout=15_000)
    assert window.results_model.rowCount() == 0
    assert "(navo" in window.results_label.text() or "bracket" in window.results_label.text().lower()
    assert shown_errors == []


def test_a_refused_edit_is_shown_briefly_and_not_put_on_the_undo_stack(
    window: Any, library: Any, shown_errors: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    top = [t for t in library.list_themes() if t.parent_id is None]
    window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(top[1].id))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (top[0].name, True)))
    window.actions_by_name["rename_theme"].trigger()
    assert len(shown_errors) == 1
    title, message, unexpected = shown_errors[0]
    assert not unexpected and top[0].name in message
    assert window.controller.undo_stack.count() == 0
    assert library.get_theme(top[1].id).name == top[1].name
    shown_errors.clear()


def _clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A new user's environment: own HOME and config folder, no library variable."""
    env = {k: v for k, v in os.environ.items() if k not in ("KAMERLEZER_LIBRARY", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), **extra)
    return env


def test_gui_takes_its_options_after_the_command_and_a_smoke_run_writes_no_settings(tmp_path: Path) -> None:
    env = _clean_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "gui", "--library", str(tmp_path / "lib"), "--smoke"],
        capture_output=True, text=True, env=env, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert "search 'luchtverdediging'" in result.stdout
    assert (tmp_path / "lib" / "library.db").is_file()  # the library named after the command was used
    written = [p for p in (tmp_path / "config").rglob("*") if p.is_file()] if (tmp_path / "config").exists() else []
    assert written == []  # the user's settings (layout, last letter) are left alone


def test_without_a_display_the_gui_says_so_and_exits_1(tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--library", str(tmp_path / "lib"), "gui"],
        capture_output=True, text=True, env=env, timeout=240,
    )
    assert result.returncode == 1
    assert "no display found" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "reinstall" not in result.stderr.lower()


def test_no_display_reason_reads_the_environment() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("X11/Wayland rule")
    assert app.no_display_reason({}) is not None
    assert app.no_display_reason({"DISPLAY": ":0"}) is None
    assert app.no_display_reason({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert app.no_display_reason({"QT_QPA_PLATFORM": "offscreen"}) is None
