"""The ``kamerlezer`` command: a thin layer over :mod:`desktop_app.core.services`.

Every command module exposes ``register(subparsers)``, which adds its sub-commands with
``set_defaults(func=...)``. A command function takes ``(args, ctx)`` and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.cli import common

# The command modules in --help order, with the commands each registers: a command's run imports only
# its own module (and what that needs), so `kamerlezer search` does not load export, references, ...
COMMANDS: dict[str, tuple[str, ...]] = {
    "letters": ("import", "list", "show", "letter"),
    "themes": ("themes",),
    "annotate": ("annotate", "annotations", "annotation"),
    "search": ("search", "reindex"),
    "refs": ("cite", "refs"),
    "fetch": ("fetch", "follow", "unfollow"),
    "export": ("export",),
    "history": ("undo", "redo", "history"),
    "maintenance": ("backups", "restore", "check"),
}


def _command_modules(argv: Sequence[str] | None) -> list[str]:
    """The modules to register: only the named command's, when argv names a known one; else all
    (bare ``kamerlezer``, ``--help``, a mistyped command: the full list of commands is shown)."""
    words = list(sys.argv[1:] if argv is None else argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("--library", "--wait"):  # options that take a value
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        if word == "gui":
            return []
        for module, names in COMMANDS.items():
            if word in names:
                return [module]
        break
    return list(COMMANDS)


def build_parser(argv: Sequence[str] | None = ()) -> argparse.ArgumentParser:
    """The parser; with ``argv`` (None: sys.argv) only the sub-commands the command line names."""
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
    wanted = list(COMMANDS) if argv == () else _command_modules(argv)
    for name in wanted:
        importlib.import_module(f"desktop_app.cli.{name}").register(sub)
    gui = sub.add_parser(
        "gui",
        help="start the desktop application",
        description="Start the Kamerlezer window on the library. The same as kamerlezer-gui, "
        "`bash scripts/start.sh`, or the bundle's executable without arguments.",
    )
    gui.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,  # also accepted before the command; a value here wins
        help="library folder (default: $KAMERLEZER_LIBRARY, else the user data folder)",
    )
    gui.add_argument("--smoke", action="store_true", help="start offscreen, open a letter, search, exit (a self-test)")
    gui.add_argument("--settings", metavar="FILE", help="settings file (INI) instead of the user's settings")
    gui.add_argument("--screenshots", metavar="DIR", help="save screenshots of the main views to DIR and exit")
    gui.add_argument("--size", metavar="WxH", help="window size of the screenshots, WIDTHxHEIGHT (default 1440x900; e.g. 1366x768, 1920x1080)")
    gui.add_argument("--language", choices=("nl", "en"),
                     help="interface language (default: the one chosen in Settings > Language, else the "
                          "system's when it is Dutch or English, else Dutch)")
    gui.set_defaults(func=_run_gui, needs_library=False)
    _describe(parser)
    return parser


def _describe(parser: argparse.ArgumentParser) -> None:
    """A sub-command without a description of its own shows its one-line help at the top of its
    --help ("Rename a theme."), so no command's --help is only a usage line."""
    for action in parser._actions:  # noqa: SLF001 - argparse keeps no public list
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            helps = {choice.dest: choice.help for choice in action._choices_actions}  # noqa: SLF001
            for name, sub in action.choices.items():
                text = helps.get(name)
                if not sub.description and text:
                    sub.description = text[0].upper() + text[1:] + "."
                _describe(sub)


def _run_gui(args: argparse.Namespace, ctx: common.Context) -> int:
    from desktop_app.app import main as gui_main  # Qt is loaded only here

    argv = []
    if args.library:
        argv += ["--library", args.library]
    if args.smoke:
        argv.append("--smoke")
    if args.settings:
        argv += ["--settings", args.settings]
    if args.screenshots:
        argv += ["--screenshots", args.screenshots]
    if args.language:
        argv += ["--language", args.language]
    if args.size:
        argv += ["--size", args.size]
    return gui_main(argv)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return common.run(args)


if __name__ == "__main__":
    sys.exit(main())
