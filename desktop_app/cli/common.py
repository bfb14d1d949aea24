"""What every command shares: opening the library, printing JSON or text, reporting errors."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import AppError
from desktop_app.paths import library_dir


@dataclass
class Context:
    args: argparse.Namespace
    _library: Any = field(default=None, repr=False)
    _told: int = 0

    @property
    def library(self) -> Any:
        """The open :class:`desktop_app.core.services.Library` (opened on first use): read-only beside
        another writer for the reading commands, else as the writer (waiting up to --wait seconds)."""
        if self._library is None:
            from desktop_app.core.services import Library

            self._library = Library.open(
                library_dir(self.args.library),
                progress=stderr_progress,
                readonly=is_reading(self.args),
                wait=float(getattr(self.args, "wait", 0) or 0),
            )
            for notice in self._library.notices:
                print(notice, file=sys.stderr)
            self._told = len(self._library.notices)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            library, self._library = self._library, None
            library.close()
            for notice in library.notices[self._told:]:  # e.g. a backup that could not be made
                print(f"kamerlezer: {notice}", file=sys.stderr)


_READING = frozenset({"list", "show", "search", "annotations", "export", "check", "backups", "cite", "history"})


def is_reading(args: argparse.Namespace) -> bool:
    """Whether the command only reads the library (so it may run beside the app that holds it)."""
    command = getattr(args, "command", None)
    if command in _READING:
        return True
    if command == "themes":
        return getattr(args, "theme_action", None) in (None, "list")
    if command == "follow":
        return not getattr(args, "dossiers", None)
    if command == "refs":
        words = list(getattr(args, "words", None) or [])
        return not getattr(args, "rebuild", False) and not (words and words[0] in ("confirm", "reject"))
    return False


def run(args: argparse.Namespace) -> int:
    ctx = Context(args)
    with terminal_safe_output():
        return _run(args, ctx)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        try:
            return int(args.func(args, ctx) or 0)
        finally:
            ctx.close()
    except AppError as err:
        return _report(err, args)
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (sqlite3.Error, OSError) as err:  # one sentence with what to do, never a traceback
        from desktop_app.core.store.db import explain

        return _report(explain(err, library_dir(getattr(args, "library", None)) / "library.db"), args, err)
    except KeyboardInterrupt:
        print("kamerlezer: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a damaged row can surface as anything (bad JSON, a wrong type): look
        from desktop_app.core.store.db import damage_behind

        damage = damage_behind(library_dir(getattr(args, "library", None)) / "library.db")
        if damage is None:
            raise  # a bug, not damage: the traceback is for the report
        return _report(damage, args, err)



def _report(err: AppError, args: argparse.Namespace, cause: BaseException | None = None) -> int:
    print(f"kamerlezer: {err.message}", file=sys.stderr)
    if getattr(args, "verbose", False):
        if err.details:
            print(err.details, file=sys.stderr)
        if cause is not None:
            print(f"({type(cause).__name__}: {cause})", file=sys.stderr)
    return 1


# Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, cursor and title
# sequences; BEL, backspace), DEL, C1 controls (0x9b is a one-byte CSI) and the bidi overrides and
# isolates that make text read in another order than it is written ("Trojan Source").
_UNSAFE = [c for c in range(0x20) if chr(c) not in "\n\t"] + [0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F),
                                                              *range(0x2066, 0x206A)]
_STDOUT_TABLE = {c: f"\\u{c:04x}" for c in _UNSAFE}
_STDERR_TABLE = {c: v for c, v in _STDOUT_TABLE.items() if c != 0x0D}  # the progress bar redraws with CR


class _SafeStream:
    """A text stream that writes each unsafe character as the visible escape ``\\u001b``. That is
    also how JSON writes it, so JSON output stays valid and means the same (such characters only
    occur inside its strings)."""

    def __init__(self, stream: Any, table: dict[int, str]) -> None:
        self._stream = stream
        self._table = table

    def write(self, text: str) -> int:
        self._stream.write(text.translate(self._table))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, ...
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """While a command runs, letter text, notes and theme names cannot drive the terminal."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeStream(out, _STDOUT_TABLE), _SafeStream(err, _STDERR_TABLE)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser, *, inherit: bool = False) -> None:
    """``--json``. With ``inherit`` (on a sub-command of a command that has --json itself) an absent
    flag leaves the parent's value alone, so ``themes --json list`` and ``themes list --json`` agree."""
    if inherit:
        parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    else:
        parser.add_argument("--json", action="store_true", help="machine-readable output")


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def fail(message: str) -> int:
    """Print a user-facing problem on stderr; returns the exit code 1."""
    print(f"kamerlezer: {message}", file=sys.stderr)
    return 1


def annotation_json(library: Any, annotation: Any, names: dict[int, str] | None = None) -> dict[str, Any]:
    """An annotation as JSON, with its letter's name and its themes' paths."""
    from dataclasses import asdict

    data = asdict(annotation)
    data["theme_ids"] = list(annotation.theme_ids)
    data["themes"] = [library.theme_path(t) for t in annotation.theme_ids]
    data["letter"] = names[annotation.letter_id] if names else library.get_letter(annotation.letter_id).name
    return data


def one_line(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class _Bar:
    """A progress bar on stderr, drawn only when stderr is a terminal or for long work."""

    def __init__(self) -> None:
        self.last = -1

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if total <= 0:
            return
        pct = int(100 * done / total)
        if pct == self.last and done != total:
            return
        self.last = pct
        width = 30
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done >= total else ""
        if sys.stderr.isatty() or done >= total:
            print(f"\r[{bar}] {done}/{total} {message[:40]:<40}", end=end, file=sys.stderr, flush=True)


def stderr_progress(done: int, total: int, message: str = "") -> None:
    _GLOBAL_BAR(done, total, message)


_GLOBAL_BAR = _Bar()


@contextmanager
def progress_bar() -> Iterator[_Bar]:
    yield _Bar()
