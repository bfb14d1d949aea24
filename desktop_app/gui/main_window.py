"""The main window: letter list and search on the left, the reader in the middle, panels on the right.

The window wires widgets to the :class:`LibraryController`; it holds no state of its own beyond what
is on screen and the Back/Forward history.

This module is the window's shell: construction of the widgets, actions, menus and toolbar, the
letter list and its filters, drag and drop, and saving and restoring the window's state. The rest of
:class:`MainWindow` comes from mixins, one area each:

- gui/window_reader.py (``ReaderMixin``): opening letters, Back/Forward, footnotes and citations,
  find in the letter, the library search and its hits, tagging and notes from the reader;
- gui/window_panels.py (``PanelsMixin``): the annotations, themes and references panels, the
  passages view, the missing documents, and the theme edits;
- gui/window_flows.py (``FlowsMixin``): import (with passwords and the summary), fetch, reindex and
  export.

The window holds the library as :class:`~desktop_app.gui.library_api.LibraryApi`: what the GUI may
call on it.
"""

from __future__ import annotations

import html
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMargins, QModelIndex, QRect, QSettings, QSize, Qt, QTimer, Slot, qVersion
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.core.errors import AppError
from desktop_app.core.model import Letter, LetterSummary, SearchResults
from desktop_app.gui import i18n
from desktop_app.gui.controller import LibraryController
from desktop_app.gui.dialogs import CitationDialog, ShortcutsDialog
from desktop_app.gui.errors import show_error
from desktop_app.gui.find_bar import FindBar
from desktop_app.gui.i18n import translate
from desktop_app.gui.library_api import LibraryApi
from desktop_app.gui.missing import MissingDocumentsDialog
from desktop_app.gui.models import (
    ID_ROLE,
    LetterFilterProxy,
    LetterTableModel,
    SearchResultsModel,
)
from desktop_app.gui.panels import AnnotationsPanel, HtmlDelegate, ReferencesPanel, ThemesPanel
from desktop_app.gui.passages import PassagesView
from desktop_app.gui.plaintext import plain_label
from desktop_app.gui.reader import ReaderView
from desktop_app.gui.title_delegate import TitleDelegate
from desktop_app.gui.window_flows import FlowsMixin, import_one_by_one  # noqa: F401 - importable from here
from desktop_app.gui.window_panels import PanelsMixin
from desktop_app.gui.window_reader import LETTERS_PAGE, RESULTS_PAGE, SEARCH_LIMIT, Location, ReaderMixin  # noqa: F401 - importable from here

SEARCH_DEBOUNCE_MS = 250
DEFAULT_WINDOW_SIZE = QSize(1440, 900)
LIBRARY_PANE_SHARE, LIBRARY_PANE_MIN, LIBRARY_PANE_MAX = 0.44, 320, 520  # of the letter list beside the reader
# Column widths and hidden columns of the letter list ("window/letter_header" held the Kamerstuk
# column hidden by default, not by the user's choice: not read any more).
LETTER_COLUMNS_KEY = "window/letter_columns"
# Title bar and borders the window manager adds; unknown until the window has been shown once.
FRAME_ALLOWANCE = QMargins(4, 32, 4, 4)


def fit_window(size: QSize, available: QRect, frame: QMargins) -> QRect:
    """The window geometry (inside the frame) for a window of at most ``size`` whose frame fits in
    ``available`` (a screen's available geometry), centred there."""
    room = available.marginsRemoved(frame)
    width, height = min(size.width(), room.width()), min(size.height(), room.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(room.center())
    return rect


def keep_on_screen(rect: QRect, available: QRect, frame: QMargins) -> QRect:
    """``rect`` (a window geometry inside its frame) shrunk and moved as little as needed for its frame
    to fit in ``available``."""
    room = available.marginsRemoved(frame)
    width, height = min(rect.width(), room.width()), min(rect.height(), room.height())
    x = min(max(rect.x(), room.left()), room.left() + room.width() - width)
    y = min(max(rect.y(), room.top()), room.top() + room.height() - height)
    return QRect(x, y, width, height)


def _pane(parent: QWidget, name: str, margins: tuple[int, int, int, int], spacing: int) -> tuple[QWidget, QVBoxLayout]:
    """A named widget with a vertical layout (named, so the stylesheet can address it), and the layout."""
    pane = QWidget(parent)
    pane.setObjectName(name)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    return pane, layout


class MainWindow(ReaderMixin, PanelsMixin, FlowsMixin, QMainWindow):
    def __init__(
        self,
        controller: LibraryController,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        letters: Future[list[LetterSummary]] | None = None,
    ) -> None:
        """``letters``: the letter list already being fetched on another thread (start-up overlaps
        that query with building the widgets); None fetches it here."""
        super().__init__(parent)
        self.controller = controller
        controller.setParent(self)  # workers and undo stack live and die with the window
        self.library: LibraryApi = controller.library
        self.settings = settings
        self.setObjectName("main_window")
        self.setWindowTitle("Kamerlezer")
        self.setAcceptDrops(True)
        self.letter: Letter | None = None
        self._back: list[Location] = []
        self._forward: list[Location] = []
        self._search_generation = 0
        self.last_search: SearchResults | None = None
        self.last_import_report: Any = None
        self.last_fetch: Any = None  # the outcome of the last fetch from the official source
        self.missing_documents: MissingDocumentsDialog | None = None
        self.last_export: Any = None
        self.export_warnings: QMessageBox | None = None  # the last export's warnings, shown when it has any
        self._citation_dialog: CitationDialog | None = None
        self._build_widgets()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._connect()
        self.reload_letters(letters.result() if letters is not None else None)
        self.reload_themes()
        self._update_history_actions()
        self._restore_state()
        self.statusBar().showMessage(self._library_status(), 6000)

    # -- construction ------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.letter_model = LetterTableModel(self)
        self.letter_proxy = LetterFilterProxy(self)
        self.letter_proxy.setSourceModel(self.letter_model)
        self.letter_table = QTableView(self)
        self.letter_table.setObjectName("letter_table")
        self.letter_table.setModel(self.letter_proxy)
        self.letter_table.setSortingEnabled(True)
        self.letter_table.sortByColumn(LetterTableModel.DATE, Qt.DescendingOrder)
        self.letter_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.letter_table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.letter_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.letter_table.setShowGrid(False)
        self.letter_table.setAlternatingRowColors(True)
        self.letter_table.setWordWrap(False)
        self.letter_table.setTextElideMode(Qt.ElideRight)  # the whole subject is the row's tooltip
        self.letter_table.verticalHeader().setVisible(False)
        self.letter_table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.letter_table.verticalHeader().setDefaultSectionSize(26)
        header = self.letter_table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(LetterTableModel.SUBJECT, QHeaderView.Stretch)
        self.letter_table.setItemDelegateForColumn(LetterTableModel.SUBJECT, TitleDelegate(self.letter_table))
        metrics = self.letter_table.fontMetrics()
        for column, sample in ((LetterTableModel.DATE, i18n.format_date("2025-09-30", short=True)),  # the longest
                               (LetterTableModel.CHAMBER, translate("LetterTableModel", "Ch.")),
                               (LetterTableModel.KAMERSTUK, "kst-28676-472"),
                               (LetterTableModel.ANNOTATIONS, translate("LetterTableModel", "Ann."))):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_letter_header_context_menu_requested)

        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.library_pane = self._build_library_pane()
        self.splitter.addWidget(self.library_pane)
        self.centre_tabs = QTabWidget(self)
        self.centre_tabs.setObjectName("centre_tabs")
        self.centre_tabs.setDocumentMode(True)
        self.centre_tabs.addTab(self._build_reader_pane(), self.tr("&Letter"))
        self.passages_view = PassagesView(self)
        self.passages_view.setMinimumSize(320, 240)  # its layout must not widen the reader's tab beside it
        self.centre_tabs.addTab(self.passages_view, self.tr("Passages by &theme"))
        self.splitter.addWidget(self.centre_tabs)
        self.centre_tabs.currentChanged.connect(self._on_centre_tabs_current_changed)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.annotations_panel = AnnotationsPanel(self)
        self.themes_panel = ThemesPanel(self)
        self.references_panel = ReferencesPanel(self)
        self.annotations_dock = self._dock(self.tr("Annotations"), "annotations_dock", self.annotations_panel)
        self.themes_dock = self._dock(self.tr("Themes"), "themes_dock", self.themes_panel)
        self.references_dock = self._dock(self.tr("References"), "references_dock", self.references_panel)
        self.splitDockWidget(self.themes_dock, self.annotations_dock, Qt.Vertical)
        self.tabifyDockWidget(self.annotations_dock, self.references_dock)
        self.annotations_dock.raise_()
        self.setGeometry(fit_window(DEFAULT_WINDOW_SIZE, self._available_geometry(), FRAME_ALLOWANCE))
        self.resizeDocks([self.themes_dock], [360], Qt.Horizontal)
        self.resizeDocks([self.themes_dock, self.annotations_dock], [330, 470], Qt.Vertical)
        self._show_letter_header(None)

    def _build_library_pane(self) -> QWidget:
        """Search field, filters, and the letter list or the search results."""
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Search letters, footnotes and notes   (Ctrl+Shift+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)

        self.theme_filter = QComboBox(self)
        self.theme_filter.setObjectName("theme_filter")
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("year_filter")
        self.chamber_filter = QComboBox(self)
        self.chamber_filter.setObjectName("chamber_filter")
        for combo, tip in (
            (self.theme_filter, self.tr("Only letters with passages tagged with this theme")),
            (self.year_filter, self.tr("Only letters of this year")),
            (self.chamber_filter, self.tr("Only letters to this chamber")),
        ):
            combo.setToolTip(tip)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        self.results_model = SearchResultsModel(self)
        self.results_view = QTreeView(self)
        self.results_view.setObjectName("search_results")
        self.results_view.setModel(self.results_model)
        self.results_view.setHeaderHidden(True)
        self.results_view.setItemDelegate(HtmlDelegate(self.results_view))
        self.results_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.results_view.setWordWrap(True)
        self.results_view.setIndentation(14)
        self.results_view.setUniformRowHeights(False)
        self.results_view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.results_label = plain_label(QLabel("", self))  # shows the query as typed
        self.results_label.setObjectName("results_label")
        self.results_label.setWordWrap(True)

        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.letter_table)
        results_page = QWidget(self)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results_view, 1)
        self.list_stack.addWidget(results_page)

        left, left_layout = _pane(self, "library_pane", (8, 8, 4, 8), 6)
        left_layout.addWidget(self.search_edit)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.theme_filter, 3)
        filters.addWidget(self.year_filter, 2)
        filters.addWidget(self.chamber_filter, 3)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list_stack, 1)
        self.count_label = plain_label(QLabel("", self))
        self.count_label.setObjectName("hint")
        left_layout.addWidget(self.count_label)
        return left

    def _build_reader_pane(self) -> QWidget:
        """The open letter's title and facts above the reader."""
        self.page_label = plain_label(QLabel("", self))  # "Page 2 of 4" for the cursor, in the status bar
        self.page_label.setObjectName("hint")
        self.statusBar().addPermanentWidget(self.page_label)
        self.reader = ReaderView(self)
        self.title_label = plain_label(QLabel("", self))  # a subject is never markup
        self.title_label.setObjectName("letter_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.meta_label = plain_label(QLabel("", self))
        self.meta_label.setObjectName("letter_meta")
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        header, header_layout = _pane(self, "letter_header", (24, 14, 24, 10), 3)
        header_layout.addWidget(self.title_label)
        header_layout.addWidget(self.meta_label)
        centre, centre_layout = _pane(self, "reader_pane", (0, 0, 0, 0), 0)
        centre_layout.addWidget(header)
        centre_layout.addWidget(self.reader, 1)
        self.find_bar = FindBar(self.reader, self)
        centre_layout.addWidget(self.find_bar)
        return centre

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.RightDockWidgetArea, dock)
        return dock

    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            sequences: list[QKeySequence] = []
            for item in shortcuts:  # the same sequence twice would make the shortcut ambiguous
                bindings = QKeySequence.keyBindings(item) if isinstance(item, QKeySequence.StandardKey) else [QKeySequence(item)]
                for sequence in bindings:
                    if sequence not in sequences and not sequence.isEmpty():
                        sequences.append(sequence)
            action.setShortcuts(sequences)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.actions_by_name[name] = action
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        a = self._action
        a("import_files", self.tr("&Import files…"), self._on_import_files_triggered, "Ctrl+O", self.tr("Import letters (PDF or text)"))
        a("import_folder", self.tr("Import &folder…"), self._on_import_folder_triggered, "Ctrl+Shift+O", self.tr("Import every letter in a folder"))
        a("export", self.tr("&Export summary…"), self._on_export_triggered, "Ctrl+E", self.tr("Export an annotated summary (PDF, Markdown, CSV)"))
        a("follow_dossier", self.tr("Follow &dossier…"), self._on_follow_dossier_triggered, None,
          self.tr("Follow a Kamerstuk dossier: its new letters are fetched when you bring the followed dossiers up to date"))
        a("follow_fetch", self.tr("&Bring followed dossiers up to date"), self.start_follow_fetch, None,
          self.tr("Fetch the letters of the followed dossiers that the library lacks, from the official source"))
        a("reindex", self.tr("&Rebuild search index"), self._on_reindex_triggered, None, self.tr("Rebuild the search index"))
        a("quit", self.tr("&Quit"), self.close, "Ctrl+Q")
        undo = self.controller.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.controller.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            action.setObjectName(name)
            self.actions_by_name[name] = action
            self.addAction(action)
        a("find", self.tr("&Find in letter…"), self._on_find_triggered, "Ctrl+F",
          self.tr("Find in the open letter (Ctrl+F in the reader; elsewhere Ctrl+F searches the library)"))
        a("search_library", self.tr("&Search the library…"), self._on_search_library_triggered, "Ctrl+Shift+F",
          self.tr("Search every letter, its footnotes and your notes"))
        a("find_next", self.tr("Find &next"), self._on_find_next_triggered, "F3",
          self.tr("Next match in this letter (after a library search: the next hit in this letter)"))
        a("find_previous", self.tr("Find pre&vious"), self._on_find_previous_triggered, "Shift+F3",
          self.tr("Previous match in this letter"))
        a("note", self.tr("Edit &note"), self._on_note_triggered, None, self.tr("Write a note on the annotation (N in the reader)"))
        a("remove_annotation", self.tr("&Remove annotation"), self._on_remove_annotation_triggered, None,
          self.tr("Remove the annotation at the cursor (Delete in the reader)"))
        a("reattach", self.tr("Re-&attach to selection"), self._on_reattach_triggered, None,
          self.tr("Anchor the selected annotation (e.g. one not found in the current text) to the selected text"))
        a("set_kamerstuk", self.tr("Set &Kamerstuk id…"), self._on_set_kamerstuk_triggered, None,
          self.tr("Record which Kamerstuk this letter is (e.g. kst-28676-472), so citations of it lead here"))
        a("back", self.tr("&Back"), self._on_back_triggered, ["Alt+Left", Qt.Key_Back], self.tr("Back to where you were"))
        a("forward", self.tr("&Forward"), self._on_forward_triggered, ["Alt+Right", Qt.Key_Forward], self.tr("Forward again"))
        a("focus_reader", self.tr("Go to &reader"), self._on_focus_reader_triggered, "Ctrl+2")
        a("passages", self.tr("&Passages by theme"), self._on_passages_triggered, "Ctrl+5",
          self.tr("Every passage of the checked themes across letters, and a themes × letters matrix"))
        a("missing_documents", self.tr("&Missing documents…"), self._on_missing_documents_triggered, "Ctrl+6",
          self.tr("Cited documents that are not in the library, the letters citing them, and Fetch"))
        a("focus_list", self.tr("Go to letter &list"), self._on_focus_list_triggered, "Ctrl+1")
        a("focus_annotations", self.tr("Go to &annotations"), self._on_focus_annotations_triggered, "Ctrl+3")
        a("focus_themes", self.tr("Go to t&hemes"), self._on_focus_themes_triggered, "Ctrl+4")
        a("new_theme", self.tr("&New theme…"), self._on_new_theme_triggered, None, self.tr("Create a theme"))
        a("new_subtheme", self.tr("New &sub-theme…"), self._on_new_subtheme_triggered, None, self.tr("Create a theme inside the selected one"))
        a("rename_theme", self.tr("&Rename theme…"), self._on_rename_theme_triggered, None, self.tr("Rename the selected theme"))
        a("recolour_theme", self.tr("&Colour…"), self._on_recolour_theme_triggered, None, self.tr("Change the selected theme's colour"))
        a("describe_theme", self.tr("&Description…"), self._on_describe_theme_triggered, None,
          self.tr("Describe the selected theme; an exported summary introduces its chapter with this"))
        a("move_theme", self.tr("&Move to…"), self._on_move_theme_triggered, None, self.tr("Put the selected theme inside another"))
        a("theme_up", self.tr("Move &up"), self._on_theme_up_triggered, None, self.tr("Move the theme up among its siblings"))
        a("theme_down", self.tr("Move &down"), self._on_theme_down_triggered, None, self.tr("Move the theme down among its siblings"))
        a("merge_theme", self.tr("Mer&ge into…"), self._on_merge_theme_triggered, None, self.tr("Merge the selected theme into another"))
        a("delete_theme", self.tr("&Delete theme…"), self._on_delete_theme_triggered, None, self.tr("Delete the selected theme"))
        a("shortcuts", self.tr("&Keyboard shortcuts"), self._on_shortcuts_triggered, "F1")
        a("about", self.tr("&About Kamerlezer"), self._on_about_triggered)
        for action in (self.actions_by_name[n] for n in ("note", "remove_annotation")):
            action.setShortcutContext(Qt.WidgetShortcut)

    def _build_menus_and_toolbar(self) -> None:
        acts = self.actions_by_name
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for name in ("import_files", "import_folder"):
            file_menu.addAction(acts[name])
        file_menu.addSeparator()
        file_menu.addAction(acts["follow_dossier"])
        file_menu.addAction(acts["follow_fetch"])
        file_menu.addSeparator()
        file_menu.addAction(acts["export"])
        file_menu.addAction(acts["reindex"])
        file_menu.addSeparator()
        file_menu.addAction(acts["quit"])
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(acts["undo"])
        edit_menu.addAction(acts["redo"])
        edit_menu.addSeparator()
        edit_menu.addAction(acts["find"])
        edit_menu.addAction(acts["find_next"])
        edit_menu.addAction(acts["find_previous"])
        edit_menu.addAction(acts["search_library"])
        self.tag_menu = edit_menu.addMenu(self.tr("&Tag selection"))
        edit_menu.addAction(acts["note"])
        edit_menu.addAction(acts["remove_annotation"])
        edit_menu.addAction(acts["reattach"])
        edit_menu.addSeparator()
        edit_menu.addAction(acts["set_kamerstuk"])
        themes_menu = menu.addMenu(self.tr("&Themes"))
        for name in ("new_theme", "new_subtheme", "rename_theme", "recolour_theme", "describe_theme", "move_theme",
                     "theme_up", "theme_down", "merge_theme", "delete_theme"):
            themes_menu.addAction(acts[name])
            self.themes_panel.view.addAction(acts[name])
        self.theme_key_menu = themes_menu.addMenu(self.tr("Set &key"))
        self.theme_key_menu.aboutToShow.connect(self._on_theme_key_menu_about_to_show)
        self.themes_panel.view.addAction(self.theme_key_menu.menuAction())
        view_menu = menu.addMenu(self.tr("&View"))
        for dock in (self.annotations_dock, self.themes_dock, self.references_dock):
            view_menu.addAction(dock.toggleViewAction())
        self.columns_menu = view_menu.addMenu(self.tr("Letter list &columns"))
        self._fill_letter_columns_menu(self.columns_menu)  # filled again each time it opens
        self.columns_menu.aboutToShow.connect(self._on_columns_menu_about_to_show)
        self.columns_menu.triggered.connect(self._on_letter_columns_menu_triggered)
        view_menu.addSeparator()
        view_menu.addAction(acts["focus_list"])
        view_menu.addAction(acts["focus_reader"])
        view_menu.addAction(acts["focus_annotations"])
        view_menu.addAction(acts["focus_themes"])
        view_menu.addAction(acts["passages"])
        view_menu.addAction(acts["missing_documents"])
        go_menu = menu.addMenu(self.tr("&Go"))
        go_menu.addAction(acts["back"])
        go_menu.addAction(acts["forward"])
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(acts["shortcuts"])
        help_menu.addAction(acts["about"])
        i18n.add_language_menu(self, self.settings)  # Settings > Language, before Help

        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        toolbar.setIconSize(QSize(16, 16))
        for name in ("back", "forward"):
            toolbar.addAction(acts[name])
        toolbar.addSeparator()
        toolbar.addAction(acts["import_files"])
        toolbar.addAction(acts["export"])
        toolbar.addSeparator()
        stack = self.controller.undo_stack
        for text, tip, slot, signal in (
            (self.tr("Undo"), self.tr("Undo the last change (Ctrl+Z)"), stack.undo, stack.canUndoChanged),
            (self.tr("Redo"), self.tr("Redo (Ctrl+Shift+Z)"), stack.redo, stack.canRedoChanged),
        ):  # fixed labels: the menu's "Undo <what>" would make the toolbar jump
            button_action = toolbar.addAction(text)
            button_action.setToolTip(tip)
            button_action.setEnabled(False)
            button_action.triggered.connect(slot)
            signal.connect(button_action.setEnabled)
        toolbar.addSeparator()
        self.tag_toolbar_action = toolbar.addAction(self.tr("Tag"))
        self.tag_toolbar_action.setMenu(self.tag_menu)
        self.tag_toolbar_action.setToolTip(self.tr("Tag the selected text with a theme (keys 1–9)"))
        tag_button = toolbar.widgetForAction(self.tag_toolbar_action)
        if isinstance(tag_button, QToolButton):
            tag_button.setPopupMode(QToolButton.InstantPopup)
        toolbar.addAction(acts["note"])
        self.addToolBar(Qt.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        for name in ("new_theme", "rename_theme", "recolour_theme", "delete_theme"):
            self.themes_panel.add_button(acts[name])
        self.themes_panel.toolbar_row.addStretch(1)
        self.reader.setContextMenuPolicy(Qt.CustomContextMenu)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_timer.timeout.connect(self.run_search)
        self.letter_table.selectionModel().currentRowChanged.connect(self._on_letter_table_current_changed)
        self.letter_table.activated.connect(self._on_letter_table_activated)
        self.results_view.activated.connect(self._on_results_view_activated)
        self.results_view.clicked.connect(self._on_results_view_activated)
        for combo in (self.theme_filter, self.year_filter, self.chamber_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.reader.theme_key_pressed.connect(self._on_reader_theme_key_pressed)
        self.reader.note_key_pressed.connect(self._on_note_triggered)
        self.reader.delete_key_pressed.connect(self._on_remove_annotation_triggered)
        self.reader.footnote_requested.connect(self._on_reader_footnote_requested)
        self.reader.footnote_back_requested.connect(self._on_reader_footnote_back_requested)
        self.reader.reference_activated.connect(self._on_reader_reference_activated)
        self.reader.customContextMenuRequested.connect(self._on_reader_context_menu_requested)
        self.reader.cursorPositionChanged.connect(self._on_reader_cursor_position_changed)
        self.annotations_panel.note_committed.connect(self._on_annotations_note_committed)
        self.annotations_panel.delete_requested.connect(self._on_annotations_delete_requested)
        self.annotations_panel.annotation_activated.connect(self._on_annotations_annotation_activated)
        self.annotations_panel.note_editing_finished.connect(self.reader.setFocus)
        self.references_panel.reference_activated.connect(self._on_references_reference_activated)
        self.references_panel.citing_letter_activated.connect(self._on_references_citing_letter_activated)
        self.themes_panel.model.move_requested.connect(self._on_theme_model_move_requested)
        self.themes_panel.model.rename_requested.connect(self._on_theme_model_rename_requested)
        self.controller.annotations_changed.connect(self._on_controller_annotations_changed)
        self.passages_view.attach(self.controller, self.library)
        self.passages_view.passage_activated.connect(self._on_passages_view_passage_activated)
        self.passages_view.export_requested.connect(self._on_passages_view_export_requested)
        self.controller.themes_changed.connect(self._on_controller_themes_changed)
        self.controller.letter_changed.connect(self._on_controller_letter_changed)
        self.controller.backup_failed.connect(self._on_controller_backup_failed)
        self.controller.undo_stack.stepped.connect(self._on_history_stepped)
        self.search_edit.installEventFilter(self)
        self.reader.installEventFilter(self)
        order = [self.search_edit, self.theme_filter, self.year_filter, self.chamber_filter, self.letter_table,
                 self.results_view, self.reader, self.annotations_panel.view, self.annotations_panel.note_edit,
                 self.themes_panel.view, self.references_panel.tree]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        """Down in the search field goes to the results; Escape in the reader clears search marks."""
        if event.type() == QEvent.KeyPress:
            if watched is self.search_edit and event.key() == Qt.Key_Down and self.results_model.rowCount():
                self.results_view.setFocus(Qt.TabFocusReason)
                self.results_view.setCurrentIndex(self.results_model.index(0, 0))
                return True
            if watched is self.reader and event.key() == Qt.Key_Escape and self.reader.search_spans:
                self.reader.set_search_spans([])
                return True
        return super().eventFilter(watched, event)

    # -- state -------------------------------------------------------------------------------------
    def _available_geometry(self, at: QRect | None = None) -> QRect:
        """The available geometry of the screen showing the centre of ``at`` (else the window's screen)."""
        screen = QGuiApplication.screenAt(at.center()) if at is not None else None
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _restore_state(self) -> None:
        """The saved window geometry, kept inside the available geometry of the screen it opens on:
        restoreGeometry already brings back a window saved on a screen that is gone or bigger, but
        counts only the frame it had when saved (none, if it was never shown)."""
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            if not self.windowState() & (Qt.WindowMaximized | Qt.WindowFullScreen):
                restored = self.geometry()
                self.setGeometry(keep_on_screen(restored, self._available_geometry(restored), FRAME_ALLOWANCE))
        self._state_restored = False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._state_restored:  # dock and splitter sizes need the real window size: restore once shown
            self._state_restored = True
            self._restore_layout()

    def _restore_layout(self) -> None:
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
            total = sum(self.splitter.sizes())
            library = min(max(round(total * LIBRARY_PANE_SHARE), LIBRARY_PANE_MIN), LIBRARY_PANE_MAX)
            self.splitter.setSizes([library, total - library])
        header = self.settings.value(LETTER_COLUMNS_KEY)
        if isinstance(header, QByteArray):
            self.letter_table.horizontalHeader().restoreState(header)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue(LETTER_COLUMNS_KEY, self.letter_table.horizontalHeader().saveState())
        if self.letter is not None:
            self.settings.setValue("reader/last_letter", self.letter.id)
        self.settings.sync()

    @Slot(str)
    def _on_controller_backup_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.search_timer.stop()  # no search may start once the workers are stopped
        self.annotations_panel.commit_note()
        self.save_state()
        self.controller.shutdown()
        self.hide()  # gone at once: what follows only prepares the next start-up
        self.controller.keep_letter_list()
        super().closeEvent(event)

    # -- letters -----------------------------------------------------------------------------------
    def reload_letters(self, summaries: list[LetterSummary] | None = None) -> None:
        if summaries is None:
            summaries = self.library.list_letters()
        self.letter_model.set_rows(summaries)
        years = sorted({s.date[:4] for s in summaries if s.date}, reverse=True)
        chambers = sorted({s.chamber for s in summaries if s.chamber})
        self._fill_combo(self.year_filter, self.tr("All years"), [(y, y) for y in years])
        self._fill_combo(self.chamber_filter, self.tr("All chambers"), [(c, c) for c in chambers])
        self._update_count_label()

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, data in items:
            combo.addItem(label, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _update_count_label(self) -> None:
        shown, total = self.letter_proxy.rowCount(), self.letter_model.rowCount()
        text = self.tr("%n letter(s)", "", total) if shown == total else self.tr("{shown} of %n letter(s)", "", total).format(shown=shown)
        self.count_label.setText(text)

    def _on_filter_changed(self) -> None:
        theme_id = self.theme_filter.currentData()
        theme_ids = self.library.theme_descendants(theme_id) if theme_id is not None else ()
        self.letter_proxy.set_filters(
            theme_ids=theme_ids, year=self.year_filter.currentData(), chamber=self.chamber_filter.currentData()
        )
        self._update_count_label()
        if self.search_edit.text().strip():
            self.search_timer.start()

    def _on_letter_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            letter_id = current.data(ID_ROLE)
            if self.letter is None or self.letter.id != letter_id:
                self.open_letter(letter_id)

    def _on_letter_header_context_menu_requested(self, pos: Any) -> None:
        """Right-click on the column headers: show or hide columns (also View > Letter list columns)."""
        menu = QMenu(self)
        self._fill_letter_columns_menu(menu)
        menu.triggered.connect(self._on_letter_columns_menu_triggered)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(self.letter_table.horizontalHeader().mapToGlobal(pos))

    def _fill_letter_columns_menu(self, menu: QMenu) -> None:
        """One checkable entry per column that can be hidden (the subject always shows)."""
        header = self.letter_table.horizontalHeader()
        menu.clear()
        for column in range(len(LetterTableModel.COLUMNS)):
            if column == LetterTableModel.SUBJECT:
                continue
            action = menu.addAction(LetterTableModel.long_name(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setData(column)

    def _on_columns_menu_about_to_show(self) -> None:
        self._fill_letter_columns_menu(self.columns_menu)

    def _on_letter_columns_menu_triggered(self, action: QAction) -> None:
        header = self.letter_table.horizontalHeader()
        header.setSectionHidden(int(action.data()), not action.isChecked())
        self.settings.setValue(LETTER_COLUMNS_KEY, header.saveState())  # kept even if the app is killed

    def _on_letter_table_activated(self, index: QModelIndex) -> None:
        self.reader.setFocus()

    def selected_letter_ids(self) -> list[int]:
        rows = self.letter_table.selectionModel().selectedRows()
        return [r.data(ID_ROLE) for r in rows]

    def _on_focus_list_triggered(self) -> None:
        widget = self.results_view if self.list_stack.currentIndex() == RESULTS_PAGE else self.letter_table
        widget.setFocus(Qt.ShortcutFocusReason)

    def _on_history_stepped(self, message: str) -> None:
        """Say what just happened (the core history's label): "Tagged “…” with “X”. Undo: Ctrl+Z." after
        a change, "Undone: Untagged “…”. Redo: Ctrl+Shift+Z." after an undo."""
        self.statusBar().showMessage(message, 4000)

    def _guard(self, fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except AppError as error:
            show_error(self, error)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # -- misc --------------------------------------------------------------------------------------
    def _on_shortcuts_triggered(self) -> None:
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()

    def _on_about_triggered(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Information, self.tr("About Kamerlezer"), f"<b>Kamerlezer {__version__}</b>",
                          QMessageBox.Close, self)
        box.setObjectName("about_dialog")
        box.setDefaultButton(QMessageBox.Close)  # Enter and Escape close it
        box.setInformativeText(
            self.tr("<p>Read, search, annotate and cross-reference Dutch parliamentary letters.</p>"
                    "<p>Library: {folder}<br>Qt {qt} · Python {python}</p>").format(
                folder=html.escape(str(self.library.folder)), qt=qVersion(), python=sys.version.split()[0])
        )
        box.setTextFormat(Qt.RichText)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps running, and tests can read it
        self.about_box = box
        return box

    def _library_status(self) -> str:
        return self.tr("Library: {folder} · %n letter(s)", "", self.letter_model.rowCount()).format(folder=self.library.folder)
