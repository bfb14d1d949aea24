"""From a missing citation to the fetched letter (issue 14.7, issue 17.3), driven with clicks and keys:
the missing-document dialog (official link, Fetch on Enter, progress, Cancel, errors in words) and the
library-wide Missing documents view (Ctrl+6). Every fetch asks the local replay of the official source
(tests/officialserver.py), or a port nobody listens on; no test reaches the internet. Unexpected
dialogs fail at once (tests/gui/conftest.py)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.core.official import OfficialSource
from desktop_app.gui import missing
from desktop_app.gui.missing import MissingDocumentDialog, MissingDocumentsDialog
from tests.gui.helpers import point_of
from tests.officialserver import ReplayServer

KST = "kst-32545-143"
AH = "ah-tk-20202021-3235"
LETTER = (
    "Geachte voorzitter,\n\nDe motie (Kamerstuk 32 545, nr. 143) vraagt om een grens voor negatieve "
    "spaarrente. Over de dekking leest u meer in Kamerstuk 32 545, nr. 999. De antwoorden op de vragen "
    "(Aanhangsel Handelingen II 2020/21, nr. 3235) gaan daar ook op in.\n\nHoogachtend,\n"
)
SECOND = "Geachte voorzitter,\n\nZoals gemeld in Kamerstuk 32 545, nr. 143 blijft de grens staan.\n\nHoogachtend,\n"


@pytest.fixture
def quick_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """The GUI's source without waits between retries (the replay answers at once or not at all)."""
    monkeypatch.setattr(missing, "new_source", lambda: OfficialSource(timeout=10, retries=0, backoff=0, rate=0))


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, quick_source: None) -> Iterator[ReplayServer]:
    with ReplayServer() as replay:
        monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", replay.base)
        yield replay


@pytest.fixture
def citing(library: Any, window: Any, tmp_path: Path) -> Any:
    """A letter citing three official documents the library lacks; a second letter citing one of them."""
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    (folder / "tweede_brief.txt").write_text(SECOND, encoding="utf-8")
    library.import_paths([folder / "brief.txt", folder / "tweede_brief.txt"])
    window.reload_letters()
    return library.get_letter("brief")


def _ref(library: Any, letter: Any, canonical: str) -> Any:
    return next(r for r in library.references.refs_for(letter) if r.canonical == canonical)


def _click_citation(qtbot: Any, window: Any, ref: Any) -> MissingDocumentDialog:
    """Open the citing letter and click the citation in the reader, as a reader would."""
    window.open_letter(ref.letter_id)
    reader = window.reader
    position = reader.layout_info.body_to_doc(ref.start + 2)
    reader.go_to_position(position, centre=True)
    QApplication.processEvents()
    qtbot.mouseClick(reader.viewport(), Qt.LeftButton, pos=point_of(reader, position))
    qtbot.waitUntil(lambda: isinstance(window._citation_dialog, MissingDocumentDialog)  # noqa: SLF001
                    and window._citation_dialog.isVisible())  # noqa: SLF001
    return window._citation_dialog  # noqa: SLF001


def _tab_to_citation(qtbot: Any, window: Any, ref: Any) -> MissingDocumentDialog:
    """Open the citing letter, Tab to the citation's link in the reader and press Enter."""
    window.open_letter(ref.letter_id)
    reader = window.reader
    reader.setFocus()
    reader.go_to_position(0)
    target = reader.layout_info.body_to_doc(ref.start)
    for _ in range(20):
        qtbot.keyClick(reader, Qt.Key_Tab)
        cursor = reader.textCursor()
        if cursor.selectionStart() <= target < cursor.selectionEnd():
            break
    else:
        raise AssertionError("Tab never reached the citation")
    qtbot.keyClick(reader, Qt.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window._citation_dialog, MissingDocumentDialog)  # noqa: SLF001
                    and window._citation_dialog.isVisible())  # noqa: SLF001
    return window._citation_dialog  # noqa: SLF001


def _letter_count(library: Any) -> int:
    return len(library.list_letters())


def test_missing_dialog_links_the_official_address_and_enter_fetches(
    qtbot: Any, window: Any, library: Any, citing: Any, server: ReplayServer
) -> None:
    ref = _ref(library, citing, KST)
    assert ref.status == "missing"
    dialog = _tab_to_citation(qtbot, window, ref)
    link = dialog.findChild(QLabel, "official_address")
    assert link.openExternalLinks() and f'href="https://zoek.officielebekendmakingen.nl/{KST}"' in link.text()
    assert dialog.fetch_button.isVisible() and dialog.fetch_button.isDefault()
    assert not dialog.strip.progress.isVisible()
    before = _letter_count(library)
    with qtbot.waitSignal(dialog.strip.started):
        qtbot.keyClick(dialog.fetch_button, Qt.Key_Return)  # Enter presses the default button: Fetch
    assert dialog.strip.progress.isVisible() and dialog.strip.cancel_button.isEnabled()  # while it runs
    qtbot.waitUntil(lambda: window.last_fetch is not None, timeout=60_000)
    assert window.last_fetch.ok and [i for i, _ in window.last_fetch.fetched] == [KST]
    assert _letter_count(library) == before + 1
    fetched = library.get_letter(KST)
    assert library.references.get(ref.id).target_letter_id == fetched.id
    second = _ref(library, library.get_letter("tweede_brief"), KST)
    assert second.target_letter_id == fetched.id  # every citation of it now leads there
    qtbot.waitUntil(lambda: window._citation_dialog is None)  # noqa: SLF001 - closed and gone
    assert window.letter.id == fetched.id  # the fetched letter is open
    assert "fetched" in window.statusBar().currentMessage()


def test_an_id_the_source_lacks_is_said_in_the_dialog_and_nothing_stored(
    qtbot: Any, window: Any, library: Any, citing: Any, server: ReplayServer
) -> None:
    ref = _ref(library, citing, "kst-32545-999")
    dialog = _click_citation(qtbot, window, ref)
    before = _letter_count(library)
    with qtbot.waitSignal(dialog.strip.finished, timeout=60_000):
        qtbot.mouseClick(dialog.fetch_button, Qt.LeftButton)
    message = dialog.strip.message
    assert dialog.isVisible() and message.isVisible()
    assert "kst-32545-999 was not found at the official source" in message.text()
    assert "127.0.0.1" in message.text() and "Nothing was stored" in message.text()
    assert "404" in message.toolTip()  # the technical reason, for who wants it
    assert "b3261e" in message.styleSheet()  # shown as a problem
    assert dialog.fetch_button.text() == "&Try again" and dialog.fetch_button.isEnabled()
    assert _letter_count(library) == before
    assert library.references.get(ref.id).status == "missing"
    assert window.last_fetch is None  # the main window was not told of a fetch: nothing came
    qtbot.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_source_unreachable_says_offline(
    qtbot: Any, window: Any, library: Any, citing: Any, monkeypatch: pytest.MonkeyPatch, quick_source: None
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", f"http://127.0.0.1:{port}")
    dialog = _click_citation(qtbot, window, _ref(library, citing, KST))
    before = _letter_count(library)
    with qtbot.waitSignal(dialog.strip.finished, timeout=60_000):
        qtbot.keyClick(dialog.fetch_button, Qt.Key_Return)
    text = dialog.strip.message.text()
    assert "cannot be reached: are you offline?" in text and "Nothing was stored" in text
    assert "was not found" not in text  # unreachable is not "not found"
    assert dialog.strip.outcome.offline and _letter_count(library) == before


def test_cancel_while_fetching_imports_nothing(
    qtbot: Any, window: Any, library: Any, citing: Any, server: ReplayServer
) -> None:
    server.gate.clear()  # a slow source: every answer waits
    ref = _ref(library, citing, KST)
    dialog = _click_citation(qtbot, window, ref)
    before = _letter_count(library)
    qtbot.keyClick(dialog.fetch_button, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(server.requests))  # the worker is waiting for the source
    assert dialog.strip.cancel_button.hasFocus()
    assert not dialog.fetch_button.isEnabled()
    qtbot.keyClick(dialog.strip.cancel_button, Qt.Key_Space)
    assert "Cancelling" in dialog.strip.activity.text()
    with qtbot.waitSignal(dialog.strip.finished, timeout=60_000):
        server.gate.set()
    assert dialog.strip.outcome.cancelled
    assert dialog.strip.message.text() == "Cancelled: nothing was imported."
    assert _letter_count(library) == before and library.references.get(ref.id).status == "missing"
    assert dialog.isVisible() and dialog.fetch_button.isEnabled()


def test_missing_documents_view_lists_what_refs_missing_lists_and_opens_the_citing_passage(
    qtbot: Any, window: Any, library: Any, citing: Any
) -> None:
    qtbot.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    view = window.findChild(MissingDocumentsDialog)
    assert view is not None
    qtbot.waitUntil(lambda: view.isVisible() and view._loading is None)  # noqa: SLF001
    expected = library.references.missing()  # what `kamerlezer refs --missing` prints
    tree = view.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [d.canonical for d in expected]
    kst = view.item_of(KST)
    assert kst.text(1) == "2" and kst.childCount() == 2  # cited in both letters
    assert {kst.child(i).text(0).split(" in ", 1)[1] for i in range(2)} == {
        window._describe_letter(citing.id), window._describe_letter(library.get_letter("tweede_brief").id)  # noqa: SLF001
    }
    assert [kst.child(i).text(0).split(" in ", 1)[0] for i in range(2)] == ["“Kamerstuk 32 545, nr. 143”"] * 2
    # the keyboard: to the document, its official link, down to the first citing letter, Enter
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    while tree.currentItem() is not kst:
        qtbot.keyClick(tree, Qt.Key_Down)
    assert f"https://zoek.officielebekendmakingen.nl/{KST}" in view.address.text() and view.address.openExternalLinks()
    qtbot.keyClick(tree, Qt.Key_Down)
    place = tree.currentItem()
    assert place.parent() is kst
    qtbot.keyClick(tree, Qt.Key_Return)
    ref = library.references.get(place.data(0, Qt.UserRole + 1))
    assert window.letter.id == ref.letter_id
    assert " ".join(window.reader.textCursor().selectedText().split()) == " ".join(ref.raw.split())
    assert view.isVisible()  # the list stays beside the reader, for the next one
    # a double-click on the other citing letter opens it too
    other = kst.child(1)
    tree.scrollToItem(other)
    rect = tree.visualItemRect(other)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=rect.center())  # a double-click's first press
    qtbot.mouseDClick(tree.viewport(), Qt.LeftButton, pos=rect.center())
    other_ref = library.references.get(other.data(0, Qt.UserRole + 1))
    assert window.letter.id == other_ref.letter_id != ref.letter_id


def test_missing_documents_view_fetches_the_selected_and_lists_what_the_source_lacks(
    qtbot: Any, window: Any, library: Any, citing: Any, server: ReplayServer
) -> None:
    window.actions_by_name["missing_documents"].trigger()
    view = window.missing_documents
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        pass
    tree = view.tree
    tree.setFocus()
    for index, canonical in enumerate((KST, AH, "kst-32545-999")):
        tree.scrollToItem(view.item_of(canonical))
        rect = tree.visualItemRect(view.item_of(canonical))
        qtbot.mouseClick(tree.viewport(), Qt.LeftButton, Qt.ControlModifier if index else Qt.NoModifier, rect.center())
    assert [d.canonical for d in view.selected_documents()] == [
        d.canonical for d in view.documents if d.canonical in (KST, AH, "kst-32545-999")
    ]
    assert view.fetch_button.text() == "&Fetch selected (3)" and view.fetch_button.isEnabled()
    before = _letter_count(library)
    with qtbot.waitSignal(view.strip.finished, timeout=60_000):
        qtbot.mouseClick(view.fetch_button, Qt.LeftButton)
    outcome = view.strip.outcome
    assert sorted(i for i, _ in outcome.fetched) == sorted([KST, AH])
    assert [i for i, _ in outcome.lacking] == ["kst-32545-999"]
    text = view.strip.message.text()
    assert f"Fetched {KST}" in text and f"Fetched {AH}" in text
    assert "kst-32545-999 was not found at the official source" in text
    assert _letter_count(library) == before + 2
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        pass  # the list is refreshed: the fetched documents are gone from it
    listed = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert KST not in listed and AH not in listed and "kst-32545-999" in listed
    assert listed == [d.canonical for d in library.references.missing()]
    assert window.last_fetch is outcome  # the main window reloaded its letters and says so


def test_escape_while_fetching_cancels_and_closes(
    qtbot: Any, window: Any, library: Any, citing: Any, server: ReplayServer
) -> None:
    server.gate.clear()
    ref = _ref(library, citing, KST)
    dialog = _click_citation(qtbot, window, ref)
    before = _letter_count(library)
    qtbot.keyClick(dialog.fetch_button, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(server.requests))
    handle = dialog.strip.handle
    qtbot.keyClick(dialog.strip.cancel_button, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert handle.cancel_token.cancelled
    with qtbot.waitSignal(handle.finished, timeout=60_000):
        server.gate.set()
    assert handle.result.cancelled
    qtbot.waitUntil(lambda: window._citation_dialog is None)  # noqa: SLF001 - gone once the work ended
    assert _letter_count(library) == before and library.references.get(ref.id).status == "missing"
    assert window.last_fetch is None


def test_missing_documents_view_names_a_citation_in_the_letter_head(qtbot: Any, window: Any, library: Any, tmp_path: Any) -> None:
    from tests.unit.test_references_library import HEAD_LETTER

    path = tmp_path / "uw_kenmerk.txt"
    path.write_text(HEAD_LETTER, encoding="utf-8")
    library.import_paths([path])
    qtbot.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    view = window.findChild(MissingDocumentsDialog)
    assert view is not None
    qtbot.waitUntil(lambda: view.isVisible() and view._loading is None)  # noqa: SLF001
    case = view.item_of("2024Z01234")
    assert case.childCount() == 1
    place = case.child(0)
    assert place.text(0).startswith("“2024Z01234” (letter head) in ")
    citing = library.get_letter("uw_kenmerk").id
    assert window.letter is None or window.letter.id != citing
    view.tree.setCurrentItem(place)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key_Return)
    assert window.letter.id == citing  # opened; the head is not in its text
    assert not window.reader.textCursor().hasSelection()


def test_a_long_list_is_collapsed_and_ctrl_a_selects_every_document(qtbot: Any, window: Any) -> None:
    """Thousands of missing documents: listed collapsed, Ctrl+A selects every document (one selection
    range: Qt's own select-all took seconds here), a refresh keeps the selection."""
    from desktop_app.core.references.service import MissingDocument

    docs = [MissingDocument(f"kst-{30000 + i}-{i % 90 + 1}", "kamerstuk", 2,
                            [(1, "body", None, f"Kamerstuk {30000 + i}, nr. {i % 90 + 1}"), (2, "footnote", 1, "x")],
                            "missing", (), (10 * i, 10 * i + 1)) for i in range(1200)]
    docs.append(MissingDocument("2024A01333", "activiteit", 1, [(1, "body", None, "Activiteitnummer 2024A01333")],
                                "external", (), (99_999,)))
    view = MissingDocumentsDialog(window.controller, window._describe_letter, window)  # noqa: SLF001
    qtbot.addWidget(view)
    view.show()
    view.set_documents(docs)
    assert view.tree.topLevelItemCount() == len(docs) and not view.tree.topLevelItem(0).isExpanded()
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key_Right)  # the current document shows its citations
    assert view.tree.currentItem().isExpanded()
    qtbot.keyClick(view.tree, Qt.Key_A, Qt.ControlModifier)
    assert len(view.selected_documents()) == len(docs)
    assert view.fetch_button.text() == "&Fetch selected (1200)"  # the activity number cannot be fetched
    view.set_documents(docs[1:])
    assert [d.canonical for d in view.selected_documents()] == [d.canonical for d in docs[1:]]
    qtbot.keyClick(view.tree, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())


def test_the_open_view_follows_the_library(qtbot: Any, window: Any, library: Any, citing: Any, tmp_path: Path) -> None:
    """A letter imported while the view is open: its missing citation appears without Refresh."""
    qtbot.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    view = window.missing_documents
    qtbot.waitUntil(lambda: view._loading is None and view.tree.topLevelItemCount() > 0)  # noqa: SLF001
    assert view.item_of("kst-36725-4") is None
    letter = tmp_path / "derde_brief.txt"
    letter.write_text("Geachte voorzitter,\n\nZie Kamerstuk 36 725, nr. 4.\n\nHoogachtend,\n", encoding="utf-8")
    library.import_paths([letter])
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        window.reload_letters()  # what the window does after every import, fetch and confirmation
    assert view.item_of("kst-36725-4") is not None


def _hold_after_import(monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """The fetch's worker stops after its import until ``release`` is set; ``imported`` says it got there."""
    import threading

    imported, release = threading.Event(), threading.Event()
    real = missing.fetch_into

    def fetch_then_hold(*args: Any, **kwargs: Any) -> Any:
        outcome = real(*args, **kwargs)
        imported.set()
        release.wait(60)
        return outcome

    monkeypatch.setattr(missing, "fetch_into", fetch_then_hold)
    return imported, release


def test_closed_after_the_import_began_the_letter_is_still_announced(
    qtbot: Any, window: Any, library: Any, citing: Any, server: ReplayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape too late to stop the import: the dialog closes at once, and when the work ends the window
    still reloads its letters and opens the fetched one (nothing happens behind the user's back)."""
    imported, release = _hold_after_import(monkeypatch)
    dialog = _click_citation(qtbot, window, _ref(library, citing, KST))
    qtbot.keyClick(dialog.fetch_button, Qt.Key_Return)
    qtbot.waitUntil(imported.is_set, timeout=60_000)
    qtbot.keyClick(dialog.strip.cancel_button, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    release.set()
    qtbot.waitUntil(lambda: window.last_fetch is not None, timeout=60_000)
    assert [i for i, _ in window.last_fetch.fetched] == [KST]
    assert window.letter.id == library.get_letter(KST).id
    assert window.letter_model.row_of(library.get_letter(KST).id) is not None  # the list shows it
    qtbot.waitUntil(lambda: window._citation_dialog is None)  # noqa: SLF001


def test_another_citation_opened_while_a_closed_dialog_still_fetches_stays_the_window_s(
    qtbot: Any, window: Any, library: Any, citing: Any, server: ReplayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dialog closed after its import began goes when the work ends; a citation opened meanwhile keeps
    its dialog as the window's own (the first one going does not forget the second)."""
    imported, release = _hold_after_import(monkeypatch)
    first = _click_citation(qtbot, window, _ref(library, citing, KST))
    qtbot.keyClick(first.fetch_button, Qt.Key_Return)
    qtbot.waitUntil(imported.is_set, timeout=60_000)
    qtbot.keyClick(first.strip.cancel_button, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not first.isVisible())
    second = _click_citation(qtbot, window, _ref(library, citing, AH))
    assert second is not first
    gone: list[bool] = []
    first.destroyed.connect(lambda: gone.append(True))
    release.set()
    qtbot.waitUntil(lambda: bool(gone), timeout=60_000)
    assert window._citation_dialog is second  # noqa: SLF001
    assert [i for i, _ in window.last_fetch.fetched] == [KST]
    second.close()
    qtbot.waitUntil(lambda: window._citation_dialog is None)  # noqa: SLF001
