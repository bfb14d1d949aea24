"""Theme editing through the window (every change undoable) and confirming a suggested citation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from desktop_app.gui.dialogs import CitationDialog
from desktop_app.gui.models import HTML_ROLE


def _select_theme(window: Any, theme_id: int) -> None:
    window.themes_panel.view.setCurrentIndex(window.themes_panel.model.index_of(theme_id))


def _answer(box: QMessageBox, verb: str) -> None:
    """Click the button of the (non-blocking) confirmation box whose text, without its '&', is ``verb``."""
    assert box.isVisible()
    (button,) = [b for b in box.buttons() if b.text().replace("&", "") == verb]
    button.click()


def test_create_rename_recolour_nest_and_undo(window: Any, library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    before = library.list_themes()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Cyberdreiging", True)))
    window.actions_by_name["new_theme"].trigger()
    created = library.get_theme("Cyberdreiging")
    assert window.themes_panel.model.index_of(created.id).isValid()

    _select_theme(window, created.id)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Cyber en hybride", True)))
    window.actions_by_name["rename_theme"].trigger()
    assert library.get_theme(created.id).name == "Cyber en hybride"

    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    window.actions_by_name["recolour_theme"].trigger()
    assert library.get_theme(created.id).color == "#123456"

    parent = before[0]
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda _p, _t, _l, items, *a, **k: (library.theme_path(parent.id), True)))
    window.actions_by_name["move_theme"].trigger()
    assert library.get_theme(created.id).parent_id == parent.id
    index = window.themes_panel.model.index_of(created.id)
    assert window.themes_panel.model.parent(index) == window.themes_panel.model.index_of(parent.id)

    stack = window.controller.undo_stack
    for _ in range(4):
        stack.undo()
    assert [t.id for t in library.list_themes()] == [t.id for t in before]
    for _ in range(4):
        stack.redo()
    again = library.get_theme(created.id)
    assert (again.name, again.color, again.parent_id) == ("Cyber en hybride", "#123456", parent.id)


def test_delete_theme_warns_keeps_annotations_and_undoes(window: Any, library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = library.list_themes()[3]
    letter = library.list_letters()[0]
    annotation = library.annotate(letter.id, 0, 20, [theme.id])
    window.controller.themes_touched(annotations=True)
    _select_theme(window, theme.id)
    window.actions_by_name["delete_theme"].trigger()
    box = window.delete_theme_box
    assert "1 annotation uses it" in box.informativeText()
    assert theme.id in {t.id for t in library.list_themes()}  # nothing happens before the answer
    _answer(box, "Delete theme")
    assert theme.id not in {t.id for t in library.list_themes()}
    assert library.get_annotation(annotation.id).theme_ids == ()
    window.controller.undo_stack.undo()
    assert library.get_annotation(annotation.id).theme_ids == (theme.id,)


def test_merge_themes_and_undo(window: Any, library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    themes = library.list_themes()
    source, target = themes[4], themes[5]
    letter = library.list_letters()[0]
    moved = library.annotate(letter.id, 0, 20, [source.id])
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda _p, _t, _l, items, *a, **k: (library.theme_path(target.id), True)))
    _select_theme(window, source.id)
    window.actions_by_name["merge_theme"].trigger()
    _answer(window.merge_theme_box, "Merge")
    assert library.get_annotation(moved.id).theme_ids == (target.id,)
    window.controller.undo_stack.undo()
    assert library.get_annotation(moved.id).theme_ids == (source.id,)
    assert library.get_theme(source.id).name == source.name


def test_tag_menu_and_context_menu_tag_like_the_keys(window: Any, library: Any) -> None:
    letter = library.list_letters()[0]
    window.open_letter(letter.id)
    window.reader.select_span(0, 30)
    span = window.reader.selected_span()
    theme = window.controller.themes[5]
    action = next(a for a in window.tag_menu.actions() if a.data() == theme.id)
    action.trigger()
    (annotation,) = library.list_annotations(letter.id)
    assert (annotation.start, annotation.end, annotation.theme_ids) == (*span, (theme.id,))
    window.reader.setFocus()  # the Delete key removes it, undo brings it back
    QTest.keyClick(window.reader, Qt.Key_Delete)
    assert library.list_annotations(letter.id) == []
    window.controller.undo_stack.undo()
    assert [a.id for a in library.list_annotations(letter.id)] == [annotation.id]


def test_confirm_a_suggested_citation_then_follow_it(qtbot: Any, window: Any, library: Any) -> None:
    suggested = [r for s in library.list_letters() for r in library.references.refs_for(s.id) if r.status == "suggested"]
    ref = max(suggested, key=lambda r: r.suggestions[0][1])
    window.open_letter(ref.letter_id)
    window.reader.reference_activated.emit(ref.id)
    dialog = window.findChild(CitationDialog)
    assert dialog is not None and dialog.isVisible()
    target = ref.suggestions[0][0]
    assert dialog.candidates.count() == len(ref.suggestions)
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert library.references.get(ref.id).status == "confirmed"
    assert window.letter.id == ref.letter_id
    window.reader.reference_activated.emit(ref.id)
    assert window.letter.id == target
    window.go_back()
    assert window.letter.id == ref.letter_id


def test_dragging_a_theme_onto_another_nests_it(window: Any, library: Any) -> None:
    themes = library.list_themes()
    top = [t for t in themes if t.parent_id is None]
    moving, target = top[-1], top[1]
    model = window.themes_panel.model
    data = model.mimeData([model.index_of(moving.id)])
    assert not model.canDropMimeData(data, Qt.MoveAction, -1, -1, model.index_of(moving.id))  # not into itself
    model.dropMimeData(data, Qt.MoveAction, -1, -1, model.index_of(target.id))
    assert library.get_theme(moving.id).parent_id == target.id
    window.controller.undo_stack.undo()
    assert library.get_theme(moving.id).parent_id is None


def test_an_orphan_is_shown_and_can_be_reattached(window: Any, library: Any, tmp_path: Any, seed_files: Any) -> None:
    original = seed_files[1].read_text(encoding="utf-8")  # 001: no footnotes at the end
    path = tmp_path / "brief.txt"
    path.write_text(original + "\n\nSlotzin die straks verdwijnt uit de nieuwe versie.\n", encoding="utf-8")
    (letter,) = library.import_paths([path]).imported
    quote = "Slotzin die straks verdwijnt"
    annotation = library.annotate_quote(letter.id, quote, [library.list_themes()[0].id])
    path.write_text(original + "\n\nEen geheel andere afsluiting.\n", encoding="utf-8")
    report = library.import_paths([path])
    assert [a.id for a in report.orphaned] == [annotation.id]
    window.reload_letters()
    window.open_letter(letter.id)
    window.annotations_panel.select_annotation(annotation.id)
    assert window.annotations_panel.current.status != "anchored"
    assert "Not found in the current text" in window.annotations_panel.model._htmls[0]  # noqa: SLF001
    assert "Edit &gt; Re-attach" in window.annotations_panel.model._htmls[0]  # noqa: SLF001 - says how to fix it
    text = library.get_letter(letter.id).text
    start = text.index("Een geheel andere afsluiting")
    window.reader.select_span(start, start + len("Een geheel andere afsluiting"))
    window.actions_by_name["reattach"].trigger()
    moved = library.get_annotation(annotation.id)
    assert (moved.start, moved.status) == (start, "anchored")
    window.controller.undo_stack.undo()
    assert library.get_annotation(annotation.id).status != "anchored"


def test_move_down_reorders_siblings_and_undo(window: Any, library: Any) -> None:
    top = [t for t in library.list_themes() if t.parent_id is None]
    first, second = top[0], top[1]
    _select_theme(window, first.id)
    window.actions_by_name["theme_down"].trigger()
    order = [t.id for t in library.list_themes() if t.parent_id is None]
    assert order.index(first.id) == order.index(second.id) + 1
    assert window.controller.theme_for_key(1).id == first.id  # a theme's key is its own: it moves with it
    window.controller.undo_stack.undo()
    assert [t.id for t in library.list_themes() if t.parent_id is None][:2] == [first.id, second.id]


def test_search_respects_the_year_and_chamber_filters(qtbot: Any, window: Any, library: Any) -> None:
    summaries = {s.id: s for s in library.list_letters()}
    window.year_filter.setCurrentIndex(window.year_filter.findData("2025"))  # set before typing: one search
    window.search_edit.setText("navo")
    qtbot.waitUntil(lambda: window.results_model.rowCount() > 0, timeout=15_000)
    ids = {h.letter_id for h in window.results_model.hits}
    assert ids and all((summaries[i].date or "").startswith("2025") for i in ids)
    assert window.letter_proxy.rowCount() == sum(1 for s in summaries.values() if (s.date or "").startswith("2025"))


def test_deleting_a_parent_theme_and_undo_restores_the_tree(window: Any, library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    before = [(t.id, t.parent_id, t.name) for t in library.list_themes()]
    parent = next(t for t in library.list_themes() if any(c.parent_id == t.id for c in library.list_themes()))
    _select_theme(window, parent.id)
    window.actions_by_name["delete_theme"].trigger()
    _answer(window.delete_theme_box, "Delete theme")
    assert parent.id not in {t.id for t in library.list_themes()}
    window.controller.undo_stack.undo()
    assert [(t.id, t.parent_id, t.name) for t in library.list_themes()] == before
    window.controller.undo_stack.redo()
    assert parent.id not in {t.id for t in library.list_themes()}


def test_references_panel_cites_opens_the_cited_letter(window: Any, library: Any) -> None:
    resolved = [r for s in library.list_letters() for r in library.references.refs_for(s.id) if r.status == "resolved"]
    ref = resolved[0]
    window.open_letter(ref.letter_id)
    panel = window.references_panel
    item = next(panel.cites.child(i) for i in range(panel.cites.childCount()) if panel.cites.child(i).data(0, Qt.UserRole)[1].id == ref.id)
    panel.tree.itemActivated.emit(item, 0)
    assert window.letter.id == ref.target_letter_id
    window.go_back()
    assert window.letter.id == ref.letter_id
    layout = window.reader.layout_info
    expected = layout.footnote_to_doc(ref.footnote_number, ref.start) if ref.location == "footnote" else layout.body_to_doc(ref.start)
    assert window.reader.textCursor().position() == expected


def test_setting_a_kamerstuk_id_resolves_citations_of_it(window: Any, library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Letter 000 does not name itself; 002 cites it as "Kamerbrief 28 676, nr. 472"."""
    citing = next(r for s in library.list_letters() for r in library.references.refs_for(s.id)
                  if r.canonical == "kst-28676-472" and r.location == "body")
    target = next(s.id for s in library.list_letters() if s.source_file.startswith("000"))
    assert library.references.get(citing.id).status != "resolved"
    window.open_letter(target)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("kst-28676-472", True)))
    window.actions_by_name["set_kamerstuk"].trigger()
    assert library.get_letter(target).kamerstuk == "kst-28676-472"
    now = library.references.get(citing.id)
    assert (now.status, now.target_letter_id) == ("resolved", target)
    assert window.references_panel.cited_by.childCount() >= 1
    window.controller.undo_stack.undo()
    assert library.get_letter(target).kamerstuk is None
    assert library.references.get(citing.id).status != "resolved"


def test_describe_a_theme_and_undo(window: Any, library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = library.get_theme("Steun aan Oekraïne")
    _select_theme(window, theme.id)
    text = "Militaire en financiële steun.\n  Sinds 2022.  "
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: (text, True)))
    window.actions_by_name["describe_theme"].trigger()
    assert library.get_theme(theme.id).description == "Militaire en financiële steun.\nSinds 2022."
    window.controller.undo_stack.undo()
    assert library.get_theme(theme.id).description == theme.description


def test_a_citation_decision_is_undone_with_ctrl_z(qtbot: Any, window: Any, library: Any) -> None:
    """Ctrl+Z takes back the newest change of the library's history, a confirmed link too (issue 16.1)."""
    suggested = [r for s in library.list_letters() for r in library.references.refs_for(s.id) if r.status == "suggested"]
    ref = max(suggested, key=lambda r: r.suggestions[0][1])
    window.open_letter(ref.letter_id)
    window.reader.reference_activated.emit(ref.id)
    dialog = window.findChild(CitationDialog)
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert library.references.get(ref.id).status == "confirmed"
    assert window.actions_by_name["undo"].text().startswith(f"&Undo Linked citation #{ref.id}")
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert library.references.get(ref.id).status == "suggested"
    assert window.statusBar().currentMessage().startswith(f"Undone: Linked citation #{ref.id}")
    assert window.actions_by_name["redo"].isEnabled()


def test_undoing_the_import_of_the_open_letter_closes_it(qtbot: Any, window: Any, library: Any, tmp_path: Any, shown_errors: Any) -> None:
    path = tmp_path / "997_alk.txt"
    path.write_text("Betreft: de alk\n\nDe minister schrijft over de alk en de zeekoet.\n", encoding="utf-8")
    (letter,) = library.import_paths([path]).imported
    window.controller.undo_stack.refresh()
    window.reload_letters()
    window.open_letter(letter.id)
    assert window.actions_by_name["undo"].text() == "&Undo Imported 997_alk"
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert window.letter is None and window.reader.letter is None
    assert window.letter_model.row_of(letter.id) is None
    assert window.statusBar().currentMessage().startswith("Undone: Imported 997_alk")
    assert shown_errors == []
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.letter_model.row_of(letter.id) is not None


def test_a_citation_in_the_letter_head_is_listed_and_followed(window: Any, library: Any, tmp_path: Any) -> None:
    """The Aanhangsel answer line's "Zie ook ..., nr. 2147" stands in the letter head, not in the text:
    the panel lists it "in the letter head" and activating it opens the letter it resolves to."""
    from tests.unit.test_letter_head import AANHANGSEL

    path = tmp_path / "ah_2271.txt"
    path.write_text(AANHANGSEL, encoding="utf-8")
    library.import_paths([path])
    citing = library.get_letter("ah_2271")
    target = next(s.id for s in library.list_letters() if s.source_file.startswith("000"))
    library.set_kamerstuk(target, "ah-tk-20232024-2147")  # the letter the remark points to
    (ref,) = [r for r in library.references.refs_for(citing.id) if r.location == "head"]
    assert (ref.canonical, ref.followed_to) == ("ah-tk-20232024-2147", target)
    window.open_letter(citing.id)
    panel = window.references_panel
    items = [panel.cites.child(i) for i in range(panel.cites.childCount())]
    (item,) = [it for it in items if it.data(0, Qt.UserRole)[1].id == ref.id]
    assert "in the letter head" in item.data(0, HTML_ROLE)
    assert "(the letter head)" in item.toolTip(0)
    position = window.reader.textCursor().position()
    panel.tree.itemActivated.emit(item, 0)
    assert window.letter.id == target
    window.go_back()
    assert window.letter.id == citing.id
    assert window.reader.textCursor().position() == position  # no place in the text to go to: left where it was
