"""Window geometry: the default window and a restored one fit the screen they open on; the letter
list's columns and the default split between the list and the reader.

The offscreen platform's screen is 800x800 (smaller than the 1440x900 default window), and a
subprocess runs the real start-up on a fake 1366x768 laptop screen (the offscreen platform's
``configfile`` option)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QMargins, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from desktop_app.gui.main_window import DEFAULT_WINDOW_SIZE, LETTER_COLUMNS_KEY, fit_window, keep_on_screen
from desktop_app.gui.models import LetterTableModel


def _fits(window: Any) -> bool:
    """The window's frame lies inside its screen, or the window is as small as it can be."""
    available, frame = window.screen().availableGeometry(), window.frameGeometry()
    if window.width() > window.minimumSizeHint().width():
        assert frame.left() >= available.left() and frame.right() <= available.right(), (available, frame)
    if window.height() > window.minimumSizeHint().height():
        assert frame.top() >= available.top() and frame.bottom() <= available.bottom(), (available, frame)
    return True


def test_default_size_on_small_and_large_screens() -> None:
    frame = QMargins(4, 32, 4, 4)
    for available in (QRect(0, 0, 1366, 768), QRect(0, 0, 1400, 900), QRect(1920, 0, 1366, 740)):
        rect = fit_window(DEFAULT_WINDOW_SIZE, available, frame)
        assert available.contains(rect.marginsAdded(frame)), (available, rect)
        assert rect.width() >= available.width() - 8  # as wide as the screen allows
    big = QRect(0, 0, 2560, 1440)
    rect = fit_window(DEFAULT_WINDOW_SIZE, big, frame)
    assert rect.size() == DEFAULT_WINDOW_SIZE and rect.center() == big.marginsRemoved(frame).center()


def test_default_window_fits_the_offscreen_screen(window: Any) -> None:
    assert window.screen().availableGeometry().width() < DEFAULT_WINDOW_SIZE.width()
    assert _fits(window)


def test_restored_geometry_from_a_bigger_monitor_is_brought_onto_the_screen(
    qtbot: Any, settings: Any, make_window: Any, library: Any
) -> None:
    """A window saved at the far corner of a 4K monitor (not attached now) opens on this screen."""
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(3000, 1800, 2400, 1300)
    settings.setValue("window/geometry", big.saveGeometry())
    assert isinstance(settings.value("window/geometry"), QByteArray)
    window = make_window(library)
    assert _fits(window)


PROBE = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop_app.app import create_window
from desktop_app.core.services import Library
from desktop_app.gui import style
app = QApplication([])
style.apply(app)
library = Library.open(sys.argv[1])
window = create_window(library, QSettings(sys.argv[2], QSettings.IniFormat))
window.show()
app.processEvents()
if len(sys.argv) > 3:
    window.setGeometry(*map(int, sys.argv[3:7]))
    app.processEvents()
g, a = window.frameGeometry(), window.screen().availableGeometry()
print(a.x(), a.y(), a.width(), a.height(), g.x(), g.y(), g.width(), g.height())
window.close()
library.close()
"""


def _start(tmp_path: Path, screens: list[tuple[int, int, int, int]], *move: int) -> tuple[QRect, QRect]:
    """Start the real window (styled, as the app does) on fake screens; returns (available, frame)."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": f"screen{i}", "x": x, "y": y, "width": w, "height": h, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        for i, (x, y, w, h) in enumerate(screens)
    ]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "lib"), str(tmp_path / "s.ini"), *map(str, move)],
        capture_output=True, text=True, env=env, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    ax, ay, aw, ah, x, y, w, h = map(int, result.stdout.split())
    return QRect(ax, ay, aw, ah), QRect(x, y, w, h)


def test_start_up_on_a_laptop_screen_and_after_using_a_big_monitor(tmp_path: Path) -> None:
    laptop, monitor = (0, 0, 1366, 768), (1366, 0, 2560, 1440)
    available, frame = _start(tmp_path, [laptop])
    assert available == QRect(*laptop)
    assert available.contains(frame), frame
    assert frame.width() >= 1300 and frame.height() >= 700  # uses the screen, not a small fallback
    # Moved to the big monitor and made big there; closed (the geometry is saved)...
    available, frame = _start(tmp_path, [laptop, monitor], 2600, 300, 2400, 1100)
    assert available == QRect(*monitor) and frame.width() > 2000
    # ...and opened again with the laptop alone: on the laptop's screen, whole.
    available, frame = _start(tmp_path, [laptop])
    assert available == QRect(*laptop)
    assert available.contains(frame), frame


def test_keep_on_screen_moves_and_shrinks_only_as_needed() -> None:
    frame = QMargins(4, 32, 4, 4)
    laptop = QRect(0, 0, 1366, 768)
    inside = QRect(100, 100, 800, 500)
    assert keep_on_screen(inside, laptop, frame) == inside
    moved = keep_on_screen(QRect(1000, 600, 800, 500), laptop, frame)
    assert moved.size() == inside.size() and laptop.contains(moved.marginsAdded(frame))
    shrunk = keep_on_screen(QRect(2600, 1500, 2400, 1300), laptop, frame)
    assert laptop.contains(shrunk.marginsAdded(frame)) and shrunk.width() == 1366 - 8
    second = QRect(1366, 0, 1920, 1080)  # a screen to the right of the laptop
    assert keep_on_screen(QRect(-50, 0, 800, 500), second, frame).x() == 1366 + 4


def _column_menu(window: Any) -> Any:
    header = window.letter_table.horizontalHeader()
    window._on_letter_header_context_menu_requested(header.rect().center())  # noqa: SLF001 - the right-click
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_letter_list_columns_kamerstuk_visible_and_subject_whole_in_tooltip(window: Any, library: Any) -> None:
    table, header = window.letter_table, window.letter_table.horizontalHeader()
    visible = [LetterTableModel.COLUMNS[c] for c in range(header.count()) if not header.isSectionHidden(c)]
    assert visible == ["Date", "Title", "Ch.", "Kamerstuk", "Ann."]
    assert header.sectionSize(LetterTableModel.KAMERSTUK) >= table.fontMetrics().horizontalAdvance("kst-28676-472")
    assert table.textElideMode() == Qt.ElideRight
    longest = max(library.list_letters(), key=lambda s: len(s.subject or ""))
    row = window.letter_proxy.mapFromSource(window.letter_model.index(window.letter_model.row_of(longest.id), 0)).row()
    index = window.letter_proxy.index(row, LetterTableModel.SUBJECT)
    assert table.visualRect(index).width() < table.fontMetrics().horizontalAdvance(longest.subject)  # elided...
    assert longest.subject in index.data(Qt.ToolTipRole)  # ...and whole in the tooltip


def test_hidden_column_is_the_users_choice_and_remembered(
    qtbot: Any, window: Any, make_window: Any, library: Any, settings: Any
) -> None:
    menu = _column_menu(window)
    (kamerstuk,) = [a for a in menu.actions() if a.text() == "Kamerstuk"]
    assert kamerstuk.isChecked()
    kamerstuk.trigger()
    menu.close()
    assert window.letter_table.horizontalHeader().isSectionHidden(LetterTableModel.KAMERSTUK)
    settings.sync()
    assert isinstance(settings.value(LETTER_COLUMNS_KEY), QByteArray)  # saved at once, not only on close
    window.close()
    again = make_window(library)
    assert again.letter_table.horizontalHeader().isSectionHidden(LetterTableModel.KAMERSTUK)
    menu = _column_menu(again)
    (kamerstuk,) = [a for a in menu.actions() if a.text() == "Kamerstuk"]
    assert not kamerstuk.isChecked()
    kamerstuk.trigger()
    menu.close()
    assert not again.letter_table.horizontalHeader().isSectionHidden(LetterTableModel.KAMERSTUK)


def test_old_header_state_that_hid_kamerstuk_by_default_is_not_read(
    make_window: Any, library: Any, settings: Any
) -> None:
    """Before, the Kamerstuk column was hidden by default and that state saved on every close."""
    from PySide6.QtWidgets import QHeaderView

    old = QHeaderView(Qt.Horizontal)
    old.setModel(LetterTableModel())
    old.setSectionHidden(LetterTableModel.KAMERSTUK, True)
    settings.setValue("window/letter_header", old.saveState())
    window = make_window(library)
    assert not window.letter_table.horizontalHeader().isSectionHidden(LetterTableModel.KAMERSTUK)


def test_default_splitter_gives_the_reader_the_room(qtbot: Any, library: Any, settings: Any) -> None:
    """On a 1366x768 laptop (no saved layout) the reader gets most of the middle (issue 14.10: the
    list kept ~530 px, mostly empty, and the reader ~445 px); the list still shows its titles."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui import style
    from desktop_app.gui.controller import LibraryController
    from desktop_app.gui.main_window import MainWindow

    style.apply(QApplication.instance())  # the fonts a user gets (a test may run before or after app.main)
    window = MainWindow(LibraryController(library), settings)
    qtbot.addWidget(window)
    window.resize(1358, 700)
    window.show()
    qtbot.waitExposed(window)
    list_width, reader_width = window.splitter.sizes()
    assert reader_width >= 1.2 * list_width and list_width >= 320, (list_width, reader_width)
    subject = window.letter_table.horizontalHeader().sectionSize(LetterTableModel.SUBJECT)
    assert subject >= 100  # beside date, chamber, Kamerstuk and annotation count
    window.close()


def test_every_command_is_in_a_menu(window: Any) -> None:
    """Every action is reachable from the keyboard through the menu bar (Alt+letter), whatever else
    (toolbar, panel buttons, context menus) also offers it."""
    in_menus: set[QAction] = set()

    def collect(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                collect(action.menu())
            else:
                in_menus.add(action)

    for top in window.menuBar().actions():
        assert "&" in top.text(), top.text()  # a mnemonic
        collect(top.menu())
    missing = [name for name, action in window.actions_by_name.items() if action not in in_menus]
    assert not missing


def test_letter_list_columns_from_the_view_menu(window: Any, settings: Any) -> None:
    menu = window.columns_menu
    menu.aboutToShow.emit()
    entries = {a.text(): a for a in menu.actions()}
    assert set(entries) == {"Date", "Chamber", "Kamerstuk", "Annotations"}
    assert all(a.isChecked() for a in entries.values())
    entries["Chamber"].trigger()
    header = window.letter_table.horizontalHeader()
    assert header.isSectionHidden(LetterTableModel.CHAMBER)
    menu.aboutToShow.emit()
    assert not {a.text(): a for a in menu.actions()}["Chamber"].isChecked()


def test_the_focused_part_of_the_window_is_marked(qtbot: Any, qapp: Any, window: Any) -> None:
    """With the application's style, the widget with the keyboard focus draws an accent border."""
    from PySide6.QtGui import QColor

    from desktop_app.gui import style

    style.apply(qapp)
    accent = QColor(style.ACCENT).rgb()

    def border_is_accent(widget: Any) -> bool:
        QApplication.processEvents()
        image = widget.grab().toImage()
        return image.pixel(0, image.height() // 2) == accent

    for widget in (window.letter_table, window.reader, window.themes_panel.view, window.theme_filter):
        widget.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        assert border_is_accent(widget), widget.objectName()
        window.search_edit.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(window.search_edit.hasFocus)
        assert not border_is_accent(widget), widget.objectName()


def test_about_shows_the_version(window: Any) -> None:
    from desktop_app import __version__

    box = window._on_about_triggered()  # noqa: SLF001 - Help > About
    assert box.isVisible() and __version__ in box.text()
    assert str(window.library.folder) in box.informativeText()
    box.close()


def test_dock_and_splitter_layout_survive_a_restart(qtbot: Any, make_window: Any, library: Any) -> None:
    """QSettings keeps where the panels are (area, tabs, closed) and the list/reader split."""
    window = make_window(library)
    window.resize(780, 700)
    window.addDockWidget(Qt.LeftDockWidgetArea, window.references_dock)  # moved to the left
    window.tabifyDockWidget(window.annotations_dock, window.themes_dock)  # themes as a tab beside annotations
    window.references_dock.close()
    QApplication.processEvents()
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total // 3, total - total // 3])
    QApplication.processEvents()
    list_width = window.splitter.sizes()[0]
    window.close()
    again = make_window(library)
    QApplication.processEvents()
    assert again.references_dock.isHidden()
    assert again.dockWidgetArea(again.references_dock) == Qt.LeftDockWidgetArea
    assert again.themes_dock in again.tabifiedDockWidgets(again.annotations_dock)
    assert again.splitter.sizes()[0] == list_width


def test_look_alike_titles_stay_apart_in_a_narrow_list(window: Any, library: Any) -> None:
    """Three "Geannoteerde agenda …" letters in a narrow title column showed "Geannoteerde a…" alike;
    the title's distinguishing end is kept and its start shortened instead."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop_app.gui.title_delegate import TitleDelegate, fitted_title

    table = window.letter_table
    delegate = table.itemDelegateForColumn(LetterTableModel.SUBJECT)
    assert isinstance(delegate, TitleDelegate)
    metrics = table.fontMetrics()
    shown = []
    for row in range(window.letter_proxy.rowCount()):
        index = window.letter_proxy.index(row, LetterTableModel.SUBJECT)
        if " … " not in index.data():
            continue
        option = QStyleOptionViewItem()
        option.rect = table.visualRect(index).adjusted(0, 0, 0, 0)
        option.rect.setWidth(130)
        delegate.initStyleOption(option, index)
        assert metrics.horizontalAdvance(option.text) <= 130
        shown.append(option.text)
    assert len(shown) == 3 and len(set(shown)) == 3, shown
    title = "Geannoteerde agenda … 13 februari 2025"
    assert fitted_title(title, metrics, 10_000) == title  # fits: as it is
    narrow = fitted_title(title, metrics, metrics.horizontalAdvance("Gean… 13 februari 2025") + 2)
    assert narrow.endswith(" 13 februari 2025") and narrow.startswith("Ge")
    assert fitted_title("Een gewone lange titel zonder weglating", metrics, 40) == "Een gewone lange titel zonder weglating"
