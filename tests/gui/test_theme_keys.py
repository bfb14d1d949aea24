"""Theme keys in the window (issue 14.4): Themes > Set key gives the selected theme a key that then
tags in the reader, the theme that had it gives it up (undo gives it back), the key column shows it;
a new theme is selected and scrolled to, and told its key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_app.gui.models import ThemeTreeModel


def _select_theme(window: Any, name: str) -> Any:
    theme = next(t for t in window.controller.themes if t.name == name)
    window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(theme.id))
    return theme


def _key_shown(window: Any, theme_id: int) -> str:
    model = window.themes_panel.model
    return model.data(model.index_of(theme_id).siblingAtColumn(ThemeTreeModel.KEY))


def test_set_key_from_the_menu_tags_with_it_and_undo_gives_it_back(qtbot: Any, window: Any, library: Any) -> None:
    theme = _select_theme(window, "Maritiem en Noordzee")
    ndpp = next(t for t in window.controller.themes if t.name == "NDPP")
    assert _key_shown(window, theme.id) == "" and _key_shown(window, ndpp.id) == "2"
    window._on_theme_key_menu_about_to_show()  # noqa: SLF001 - what opening Themes > Set key does
    actions = {a.text().split()[0]: a for a in window.theme_key_menu.actions() if a.text()}
    assert "(NDPP)" in actions["&2"].text()
    actions["&2"].trigger()
    assert _key_shown(window, theme.id) == "2" and _key_shown(window, ndpp.id) == ""
    assert "(NDPP has none)" in window.statusBar().currentMessage()

    letter = library.get_letter("003_d09603eee462fd1e")
    window.open_letter(letter.id)
    start = letter.text.index("Noordzee") if "Noordzee" in letter.text else letter.text.index("NAVO")
    window.reader.select_span(start, start + 4)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key_2)
    (annotation,) = library.list_annotations(letter.id)
    assert annotation.theme_ids == (theme.id,)

    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)  # the annotation
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)  # the key
    assert _key_shown(window, theme.id) == "" and _key_shown(window, ndpp.id) == "2"


def test_a_new_theme_is_selected_and_told_its_key(qtbot: Any, window: Any, library: Any, monkeypatch: Any) -> None:
    library_theme = library.get_theme("NAVO-top")
    window.controller.set_theme_key(window.controller.theme_map()[library_theme.id], None)
    monkeypatch.setattr(window, "_ask_text", lambda *args, **kwargs: "Cyber")
    window.actions_by_name["new_theme"].trigger()
    current = window.themes_panel.current_theme()
    assert current is not None and current.name == "Cyber" and current.key == library_theme.key
    assert f"key {library_theme.key}" in window.statusBar().currentMessage()
