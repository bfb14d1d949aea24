"""GUI start-up: ``kamerlezer-gui``, ``kamerlezer gui`` and ``python -m desktop_app.app``.

``--smoke`` starts offscreen, opens a letter, runs a search and exits: 0 when all went well, non-zero
on any error, including an exception inside a slot (the excepthook records it).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app import paths
from desktop_app.core.words import plural

log = logging.getLogger("desktop_app")

ORGANISATION = "Kamerlezer"
SMOKE_QUERY = "luchtverdediging"
SMOKE_TIMEOUT_MS = 60_000


def _window_size(value: str) -> tuple[int, int]:
    """``--size 1366x768``: the window size of ``--screenshots``."""
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", value)
    if not match:
        raise argparse.ArgumentTypeError(f"not a window size: {value!r} (write it as 1366x768)")
    return int(match.group(1)), int(match.group(2))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kamerlezer-gui", description="The Kamerlezer desktop application.")
    parser.add_argument("--library", metavar="DIR", help="library folder (default: $KAMERLEZER_LIBRARY, else the user data folder)")
    parser.add_argument("--smoke", action="store_true", help="start offscreen, open a letter, search, exit")
    parser.add_argument("--settings", metavar="FILE", help="settings file (INI) instead of the user's settings")
    parser.add_argument("--screenshots", metavar="DIR", help="save screenshots of the main views to DIR and exit")
    parser.add_argument("--size", metavar="WxH", type=_window_size, help="window size of the screenshots, WIDTHxHEIGHT (default 1440x900; e.g. 1366x768, 1920x1080)")
    parser.add_argument("--language", choices=("nl", "en"),
                        help="interface language (default: the one chosen in Settings > Language, else the "
                             "system's when it is Dutch or English, else Dutch)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.smoke and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    missing = no_display_reason()
    if missing:
        print(f"kamerlezer: {missing}", file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    from desktop_app.gui import errors, qt_messages, style

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kamerlezer-gui"])
    assert isinstance(app, QApplication), "the GUI needs a QApplication, not a QCoreApplication"
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName("Kamerlezer")
    style.apply(app)
    previous_hook, previous_presenter = sys.excepthook, errors.presenter
    errors.install_excepthook()
    restore_qt_messages = qt_messages.install()
    try:
        return _run(args, app)
    finally:
        sys.excepthook, errors.presenter = previous_hook, previous_presenter
        restore_qt_messages()


def _run(args: argparse.Namespace, app: Any) -> int:
    from desktop_app.gui import errors

    errors.unexpected_errors.clear()
    if args.smoke or args.screenshots:
        errors.presenter = _print_presenter

    from desktop_app.gui import i18n

    settings, scratch = _settings(args)
    restore_language = i18n.install(i18n.chosen_language(settings, args.language), app)
    try:
        return _run_in_language(args, app, settings, scratch)
    finally:
        restore_language()


def _run_in_language(args: argparse.Namespace, app: Any, settings: Any, scratch: Any) -> int:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.errors import AppError
    from desktop_app.core.services import Library
    from desktop_app.gui import errors, i18n

    folder = paths.library_dir(args.library)
    opening = _OpeningProgress(app)
    try:
        library = Library.open(folder, progress=opening, wait=3.0)  # a reading command may hold it a moment
    except AppError as error:
        opening.close()
        if scratch is not None:
            scratch.cleanup()
        if args.smoke or args.screenshots:
            print(f"kamerlezer-gui: {error.message}", file=sys.stderr)
        else:
            box = QMessageBox(QMessageBox.Critical, "Kamerlezer", error.message, QMessageBox.Ok)
            if error.details:
                box.setDetailedText(error.details)
            box.exec()
        return 1
    opening.close()
    errors.library_path = folder / "library.db"

    window = create_window(library, settings)
    current = {"window": window}  # Settings > Language builds the window again in the language chosen
    stop_switching = i18n.enable_live_switching(lambda new: current.update(window=new))
    for notice in getattr(library, "notices", []):
        window.statusBar().showMessage(notice, 8000)
    try:
        if args.smoke:
            return _smoke(app, window, errors.unexpected_errors)
        if args.screenshots:
            from desktop_app.gui.screenshots import take_screenshots

            take_screenshots(app, window, Path(args.screenshots), size=args.size or (1440, 900))
            from desktop_app.gui.screenshots import take_language_screenshot

            take_language_screenshot(app, window, Path(args.screenshots), "nl")  # main_window_nl.png
            return 1 if errors.unexpected_errors else 0
        window.show()
        _reopen_last_letter(window, settings)
        return int(app.exec())
    finally:
        stop_switching()
        current["window"].close()
        library.close()
        if scratch is not None:
            scratch.cleanup()


def _settings(args: argparse.Namespace) -> tuple[Any, Any]:
    """The user's settings; ``--settings FILE`` instead; a throw-away file for ``--smoke`` and
    ``--screenshots``, so a self-test never changes the next real start's layout or letter."""
    from PySide6.QtCore import QSettings

    if args.settings:
        return QSettings(args.settings, QSettings.IniFormat), None
    if args.smoke or args.screenshots:
        import tempfile

        scratch = tempfile.TemporaryDirectory(prefix="kamerlezer-settings-")
        return QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.IniFormat), scratch
    return QSettings(), None


def no_display_reason(environ: Any = None) -> str | None:
    """Why Qt could not open a window here, said before Qt aborts with a hint about reinstalling:
    on Linux/BSD without QT_QPA_PLATFORM, DISPLAY or WAYLAND_DISPLAY there is no display."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found: run it on a desktop, or set QT_QPA_PLATFORM=offscreen for a test "
        "(the command line works without a display: kamerlezer --help)"
    )


def create_window(library: Any, settings: Any) -> Any:
    """The main window over an open library. The letter list (one query over every letter) is
    fetched on a helper thread while the GUI modules are imported and the widgets built; the Library
    lock keeps it serialised with the window's own Library calls."""
    from concurrent.futures import ThreadPoolExecutor

    from desktop_app.core.collector import collector_paused
    from desktop_app.gui.locked import LockedLibrary  # no Qt: cheap

    locked = LockedLibrary(library)
    # the cycle collector would walk the growing heap (the modules, the widgets, every letter's row)
    # again and again while they are made, for nothing to collect: ~0.3 s at 100,000 letters
    with collector_paused(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="letters") as pool:
        letters = pool.submit(locked.list_letters)
        from desktop_app.gui.controller import LibraryController
        from desktop_app.gui.main_window import MainWindow

        return MainWindow(LibraryController(locked), settings, letters=letters)


class _OpeningProgress:
    """Progress while the library opens (a first import or an index rebuild can take a while): a
    dialog appears after half a second; there is no window yet, so processing events here is safe."""

    DELAY_S = 0.5

    def __init__(self, app: Any) -> None:
        import time

        self._app = app
        self._started = time.monotonic()
        self._clock = time.monotonic
        self._dialog: Any = None

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if self._dialog is None:
            if self._clock() - self._started < self.DELAY_S:
                return
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QProgressDialog

            self._dialog = QProgressDialog(QCoreApplication.translate("App", "Opening the library…"), "", 0, max(total, 0))
            self._dialog.setCancelButton(None)
            self._dialog.setWindowTitle("Kamerlezer")
            self._dialog.setMinimumDuration(0)
            self._dialog.show()
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)
        if message:
            from PySide6.QtCore import QCoreApplication

            self._dialog.setLabelText(QCoreApplication.translate("App", "Opening the library…") + f"\n{message}")
        self._app.processEvents()

    def close(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


def _print_presenter(_parent: Any, title: str, message: str, details: str, unexpected: bool) -> None:
    print(f"{title}: {message}", file=sys.stderr)
    if details and unexpected:
        print(details, file=sys.stderr)


def _reopen_last_letter(window: Any, settings: Any) -> None:
    last = settings.value("reader/last_letter")
    ids = {s.id for s in window.letter_model.rows}
    try:
        letter_id = int(last) if last is not None else None
    except (TypeError, ValueError):
        letter_id = None
    if letter_id in ids:
        window.open_letter(letter_id, record=False)
    elif window.letter_model.rowCount():
        first = window.letter_proxy.index(0, 0)
        window.letter_table.setCurrentIndex(first)


def _smoke(app: Any, window: Any, unexpected: list[str]) -> int:
    """Open the first letter, search, open the first hit; fail on any error."""
    from PySide6.QtCore import QEventLoop, QTimer

    window.show()
    rows = window.letter_model.rows
    if not rows:
        print("smoke: the library has no letters", file=sys.stderr)
        return 2
    if not window.open_letter(rows[0].id):
        return 3
    loop = QEventLoop()
    watch = QTimer()
    watch.setInterval(20)
    watch.timeout.connect(lambda: loop.quit() if window.last_search is not None or unexpected else None)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, loop.quit)
    window.search_edit.setText(SMOKE_QUERY)
    window.search_timer.stop()  # typing starts a delayed search: run one now, not a second one later
    window.run_search()
    watch.start()
    loop.exec()
    watch.stop()
    results = window.last_search
    if results is None and not unexpected:
        print("smoke: the search did not finish", file=sys.stderr)
        return 4
    if results is not None and results.hits:
        window._on_results_view_activated(window.results_model.index(0, 0))  # noqa: SLF001
    app.processEvents()
    print(
        f"smoke: {plural(len(rows), 'letter')}; opened {window.letter.name if window.letter else '-'}; "
        f"search {SMOKE_QUERY!r}: {plural(results.total, 'letter') if results else '-'}"
    )
    if unexpected:
        print(f"smoke: {len(unexpected)} unexpected error(s): {unexpected}", file=sys.stderr)
        return 5
    return 0


if __name__ == "__main__":
    sys.exit(main())
