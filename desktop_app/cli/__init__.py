"""The ``kamerlezer`` command: a thin layer over :mod:`desktop_app.core.services`.

Every command module exposes ``register(subparsers)``, which adds its sub-commands with
``set_defaults(func=...)``. A command function takes ``(args, ctx)`` and returns an exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.cli import annotate, common, export, letters, maintenance, refs, search, themes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamerlezer",
        description="Read, search, annotate and cross-reference Dutch parliamentary letters.",
    )
    parser.add_argument("--version", action="version", version=f"kamerlezer {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $KAMERLEZER_LIBRARY, else the user data folder)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="a command that changes the library waits up to SECONDS for another Kamerlezer to close it "
        "(default: fail at once; reading commands never wait, they read beside it)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (letters, themes, annotate, search, refs, export, maintenance):
        module.register(sub)
    gui = sub.add_parser("gui", help="start the desktop application")
    gui.add_argument("--smoke", action="store_true", help="start offscreen, exercise, exit")
    gui.set_defaults(func=_run_gui, needs_library=False)
    return parser


def _run_gui(args: argparse.Namespace, ctx: common.Context) -> int:
    from desktop_app.app import main as gui_main  # Qt is loaded only here

    argv = []
    if args.library:
        argv += ["--library", args.library]
    if args.smoke:
        argv.append("--smoke")
    return gui_main(argv)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return common.run(args)


if __name__ == "__main__":
    sys.exit(main())
