"""What the main window's mixins (window_reader, window_panels, window_flows) share: the window they
run in, as the type checker sees it, and the attributes MainWindow.__init__ sets for all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the type checker sees the window these methods run in (MainWindow inherits them)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow as _Window

    from desktop_app.core.model import Letter
    from desktop_app.gui.controller import LibraryController
    from desktop_app.gui.library_api import LibraryApi
else:
    _Window = object


class WindowParts(_Window):
    """The main window as its mixins use it."""

    library: LibraryApi  # set by MainWindow.__init__: the controller's locked Library
    controller: LibraryController
    letter: Letter | None  # the letter open in the reader
    settings: QSettings
