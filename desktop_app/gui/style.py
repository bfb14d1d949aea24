"""The look: a calm light palette, the bundled Noto fonts, one small stylesheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app import paths

ACCENT = "#1f5fae"

STYLESHEET = """
QMainWindow, QDockWidget > QWidget { background: #f6f7f9; }
QWidget#library_pane { background: #f6f7f9; }
QWidget#letter_header { background: #ffffff; border-bottom: 1px solid #e3e6ea; }
QLabel#letter_title { font-size: 15pt; font-weight: 600; color: #1d2733; }
QLabel#letter_title[derived="true"] { font-style: italic; font-weight: 500; color: #4a5562; }
QLabel#letter_meta { color: #5b6673; }
QLabel#hint, QLabel#results_label { color: #6e7781; }
QLabel#section_label { font-weight: 600; color: #37414d; }
QTextBrowser#reader { background: #ffffff; border: 1px solid transparent; }
QLineEdit#search { padding: 5px 8px; border: 1px solid #c9ced6; border-radius: 6px; background: #ffffff; }
QLineEdit#search:focus { border: 1px solid #1f5fae; }
QTableView, QTreeView, QListView, QPlainTextEdit, QTreeWidget {
    background: #ffffff; border: 1px solid #e0e3e8; border-radius: 4px;
    selection-background-color: #d8e6f7; selection-color: #1d2733;
    alternate-background-color: #fafbfc;
}
QHeaderView::section { background: #f0f2f5; color: #4a5562; border: none;
    border-bottom: 1px solid #e0e3e8; padding: 4px 6px; }
QDockWidget::title { background: #eceff3; padding: 5px 8px; }
QDockWidget { font-weight: normal; }
QToolBar { background: #f6f7f9; border-bottom: 1px solid #e3e6ea; spacing: 4px; padding: 2px 6px; }
QToolBar QToolButton { padding: 4px 8px; border-radius: 4px; color: #1d2733; }
QToolBar QToolButton:hover { background: #e4e9f0; }
QToolBar QToolButton:disabled { color: #a3aab3; }
QStatusBar { background: #f0f2f5; color: #4a5562; }
QComboBox { padding: 3px 6px; border: 1px solid #c9ced6; border-radius: 4px; background: #ffffff; }
QComboBox:focus { border: 1px solid #1f5fae; }
/* Where the keyboard is: the focused list, tree, note or reader gets an accent border. */
QTableView:focus, QTreeView:focus, QListView:focus, QPlainTextEdit:focus, QTreeWidget:focus,
QTextBrowser#reader:focus { border: 1px solid #1f5fae; }
QToolButton:focus { border: 1px solid #1f5fae; border-radius: 4px; }
QSplitter::handle { background: #e3e6ea; }
QSplitter::handle:horizontal { width: 1px; }
QToolTip { background: #fffdf5; color: #1d2733; border: 1px solid #d6cfa8; padding: 6px; }
"""


def load_fonts() -> tuple[str, str]:
    """Register the bundled Noto fonts; return (ui family, reading family)."""
    ui, reading = "Noto Sans", "Noto Serif"
    try:
        fonts = paths.resources_dir() / "fonts"
    except FileNotFoundError:
        return ui, reading
    for path in sorted(fonts.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    return ui, reading


def apply(app: QApplication) -> str:
    """Style the application; returns the family to use for reading letters."""
    ui, reading = load_fonts()
    app.setStyle("Fusion")
    font = QFont(ui)
    font.setPointSizeF(10)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.Window, QColor("#f6f7f9"))
    palette.setColor(QPalette.Base, QColor("#ffffff"))
    palette.setColor(QPalette.AlternateBase, QColor("#fafbfc"))
    palette.setColor(QPalette.Highlight, QColor("#cfe0f5"))
    palette.setColor(QPalette.HighlightedText, QColor("#1d2733"))
    palette.setColor(QPalette.Link, QColor(ACCENT))
    palette.setColor(QPalette.ToolTipBase, QColor("#fffdf5"))
    palette.setColor(QPalette.ToolTipText, QColor("#1d2733"))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
    return reading
