"""File > Export summary: the dialog's choices reach export_summary, which runs in the worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices

from desktop_app.gui.dialogs import ExportDialog


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_export_current_letter(
    qtbot: Any, window: Any, library: Any, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch, shown_errors: list[Any]
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    letter = library.list_letters()[0]
    theme = library.list_themes()[0]
    text = library.get_letter(letter.id).text
    library.annotate(letter.id, 0, 40, [theme.id], note="Kern van de brief")
    window.open_letter(letter.id)
    window.actions_by_name["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.scope.currentData() == "current"
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    out = tmp_path / f"samenvatting.{fmt}"
    dialog.path.setText(str(out))
    dialog.accept()
    qtbot.waitUntil(lambda: window.last_export is not None or bool(shown_errors), timeout=120_000)
    assert not shown_errors
    assert out.exists() and out.stat().st_size > 0
    assert window.last_export.passages == 1
    assert opened == [str(out)]
    if fmt == "md":
        content = out.read_text(encoding="utf-8")
        assert " ".join(text[:40].split()) in " ".join(content.split())
        assert "Kern van de brief" in content
