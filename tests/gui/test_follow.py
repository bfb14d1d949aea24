"""Followed dossiers in the window (issue 17.4): File > Follow dossier… asks a number and follows it (Ctrl+Z
takes it back), File > Bring followed dossiers up to date fetches its letters on the worker thread from
the local replay of the official source (tests/officialserver.py). No test reaches the internet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

from desktop_app.core.official import OfficialSource
from desktop_app.gui import missing
from tests.officialserver import ReplayServer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ReplayServer]:
    monkeypatch.setattr(missing, "new_source", lambda: OfficialSource(timeout=10, retries=0, backoff=0, rate=0))
    with ReplayServer() as replay:
        monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", replay.base)
        yield replay


def _answer(monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    asked: list[str] = []

    def get_text(parent: Any, title: str, label: str, *args: Any) -> tuple[str, bool]:
        asked.append(label)
        return text, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def test_follow_a_dossier_and_bring_it_up_to_date(
    qtbot: Any, window: Any, library: Any, server: ReplayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    acts = window.actions_by_name
    assert window.start_follow_fetch() is None  # nothing followed yet: said in the status bar
    assert "Follow dossier" in window.statusBar().currentMessage()
    _answer(monkeypatch, "32 545")
    acts["follow_dossier"].trigger()
    assert [d.dossier for d in library.followed_dossiers()] == ["32545"]
    assert window.controller.undo_stack.undoText() == "Followed dossier 32545"
    asked = _answer(monkeypatch, "kamerstuk")  # not a number: said in words, nothing followed
    monkeypatch.setattr("desktop_app.gui.window_flows.show_error", lambda parent, error: asked.append(error.message))
    acts["follow_dossier"].trigger()
    assert "Followed now: 32545" in asked[0] and "Not a dossier number" in asked[1]

    handle = window.start_follow_fetch()
    with qtbot.waitSignal(handle.finished, timeout=60_000):
        pass
    outcome = window.last_follow
    assert outcome.ok and sorted(i for i, _ in outcome.fetch.fetched) == ["kst-32545-143", "kst-32545-901", "kst-32545-902"]
    assert "3 fetched" in window.statusBar().currentMessage()
    assert {s.kamerstuk for s in library.list_letters()} >= {"kst-32545-143", "kst-32545-901", "kst-32545-902"}
