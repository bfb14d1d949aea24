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
