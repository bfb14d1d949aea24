"""Screenshots of the real application under Xvfb (a real X server, real fonts and tooltips):
tests/output/screenshots/*.png. Skipped when Xvfb is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

WINDOWS = (  # the main window (1440x900)
    "search_results.png", "letter_with_highlights.png", "main_window.png", "letter_without_subject.png",
    "orphaned_annotation.png", "references_panel.png", "search_ten_letters.png", "overlapping_themes.png",
    "main_window_nl.png",  # the Dutch interface (the others in English: --language en)
)
DIALOGS = (  # separate windows, grabbed from the screen at their own size
    "import_summary.png", "export_dialog.png", "export_dialog_empty.png", "citation_suggested.png", "citation_missing.png",
    "delete_theme.png", "keyboard_shortcuts.png", "about.png", "missing_document.png", "missing_documents.png",
)
EXPECTED = (*WINDOWS, "footnote_tooltip.png", *DIALOGS)
LAPTOP = (1366, 768 - 40)  # every dialog fits a small laptop screen with a task bar


def _free_display() -> int:
    for number in range(87, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    pytest.skip("no free X display number")


def test_screenshots_under_xvfb(tmp_path: Path, output_dir: Path) -> None:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    number = _free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if xvfb.poll() is not None or time.monotonic() > deadline:
                pytest.skip("Xvfb did not start")
            time.sleep(0.05)
        out = output_dir / "screenshots"
        shutil.rmtree(out, ignore_errors=True)
        env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
        result = subprocess.run(
            [sys.executable, "-m", "desktop_app.app", "--screenshots", str(out),
             "--library", str(tmp_path / "library"), "--settings", str(tmp_path / "settings.ini"), "--language", "en"],
            env=env, capture_output=True, text=True, timeout=240,
        )
        assert result.returncode == 0, result.stderr
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    from PySide6.QtGui import QImage

    for name in EXPECTED:
        image = QImage(str(out / name))
        assert not image.isNull(), name
        if name in WINDOWS:
            assert (image.width(), image.height()) == (1440, 900), name
        elif name in DIALOGS:
            assert 200 <= image.width() <= LAPTOP[0] and 100 <= image.height() <= LAPTOP[1], name
        step_x, step_y = (37, 23) if name in WINDOWS else (5, 3)  # a dialog is small: a finer sample
        colours = {image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)}
        assert len(colours) > 20, f"{name} looks blank"
