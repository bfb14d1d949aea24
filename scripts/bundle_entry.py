"""Entry point of the standalone (PyInstaller) bundle: one executable for the CLI and the GUI.

``kamerlezer`` with no arguments starts the desktop application (what a double-click does);
with arguments it is the ordinary ``kamerlezer`` command, whose ``gui`` sub-command also starts
the application (``kamerlezer --library DIR gui --smoke``).
"""

from __future__ import annotations

import sys


def main() -> int:
    from desktop_app.cli import main as cli_main

    argv = sys.argv[1:] or ["gui"]
    return cli_main(argv)


if __name__ == "__main__":
    # A full reindex of a large library runs a worker process (multiprocessing "spawn"): in the bundle
    # that worker is this executable again, and freeze_support() makes it run the worker, not the app.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
