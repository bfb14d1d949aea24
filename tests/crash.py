"""Crash loops shared by the tests and benchmarks/safety_run.py: a child process is forked, says "R"
when it is ready (its library open), then reports one line per committed change; the parent waits for
that signal and for a random number of commits, then SIGKILLs it within a random window. No
assumption about the machine's speed: a loaded machine makes a loop slower, never wrong."""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.services import Library


def _writer(folder: Path, fd: int, seed: int, search: bool = False, flush: bool = False) -> None:
    """Child: open the library, say "R", and annotate for ever, writing each committed id to ``fd``.
    An annotation's index update is only journaled (``index/PENDING``); with ``flush`` the child then
    searches for it, which writes the journal into the index (a kill may fall inside that write)."""
    try:
        rng = random.Random(seed)
        library = Library.open(folder, search=search)
        letters = [(s.id, len(library.get_letter(s.id).text)) for s in library.list_letters()]
        themes = [t.id for t in library.list_themes()]
        os.write(fd, b"R\n")
        while True:
            letter_id, length = rng.choice(letters)
            start = rng.randrange(0, length - 40)
            token = "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(12))
            try:
                annotation = library.annotate(
                    letter_id, start, start + rng.randrange(5, 40), [rng.choice(themes)], note=token
                )
            except Exception as err:  # noqa: BLE001 - a white-space-only span, or a real failure
                if "white space" in str(err):
                    continue
                raise
            os.write(fd, f"{annotation.id} {token}\n".encode())
            if flush and rng.random() < 0.5:
                library.search(token)  # writes the journal into the index first
    except BaseException as err:  # noqa: BLE001 - reported to the parent
        os.write(fd, f"E {type(err).__name__}: {err}\n".encode())
    finally:
        os._exit(0)


class _Child:
    """The parent's side of a forked child's pipe: whole lines, read as they come."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self.lines: list[str] = []
        self._rest = b""
        self.eof = False

    def _read(self, timeout: float | None) -> bool:
        """Read what is there (waiting up to ``timeout``; None: until something comes). False at EOF."""
        if self.eof:
            return False
        if not select.select([self.fd], [], [], timeout)[0]:
            return True
        data = os.read(self.fd, 65536)
        if not data:
            self.eof = True
            return False
        *whole, self._rest = (self._rest + data).split(b"\n")
        self.lines += [line.decode() for line in whole]
        return True

    def wait_for(self, predicate: Callable[[list[str]], bool], limit_s: float = 300) -> bool:
        """Read until ``predicate(lines)`` holds or the child ends (the limit only catches a hung child)."""
        give_up = time.monotonic() + limit_s
        while not predicate(self.lines):
            if not self._read(max(0.0, give_up - time.monotonic())) or time.monotonic() > give_up:
                return predicate(self.lines)
        return True

    def read_for(self, seconds: float) -> None:
        """Keep reading during a window of ``seconds`` (the random kill moment)."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0 and self._read(left):
            pass

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        while self._read(0):
            pass
        os.close(self.fd)


def fork_child(child: Callable[[int], None]) -> _Child:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        child(write_fd)
        os._exit(0)
    os.close(write_fd)
    return _Child(pid, read_fd)


def kill_loop(
    folder: Path, rng: random.Random, *, rounds: int, most_commits: int, window: float, search: bool, flush: bool = False
):
    """Fork writers; after each one's readiness signal and a random number of commits (0 ..
    ``most_commits``), SIGKILL it within a random ``window``. Returns (committed ids, commits waited
    for, errors)."""
    committed: dict[int, str] = {}  # annotation id -> its note
    errors: list[str] = []
    waited_for = 0
    for _ in range(rounds):
        seed = rng.randrange(1 << 30)
        child = fork_child(lambda fd, seed=seed: _writer(folder, fd, seed, search, flush))
        assert child.wait_for(lambda lines: bool(lines)), "a writer ended without a word"
        if child.lines[0] != "R":
            errors.append(child.lines[0])
        want = rng.randrange(0, most_commits + 1)
        if child.wait_for(lambda lines, want=want: len(lines) > want):
            waited_for += want
        child.read_for(rng.uniform(0, window))
        child.kill()
        for line in child.lines[1:]:
            if line.startswith("E "):
                errors.append(line)
            elif line.strip():
                annotation_id, note = line.split()
                committed[int(annotation_id)] = note
    return committed, waited_for, errors


def restorer(folder: Path, backup: Path, fd: int) -> None:
    """Child: say "R", restore ``backup``, say "D"."""
    try:
        os.write(fd, b"R\n")
        Library.restore(folder, backup)
        os.write(fd, b"D\n")
    except BaseException as err:  # noqa: BLE001 - reported to the parent
        os.write(fd, f"E {type(err).__name__}: {err}\n".encode())
    finally:
        os._exit(0)


def backup_to_restore(folder: Path, into: Path) -> Path:
    """A state to restore again and again: a theme "In de backup" and one annotation "bewaard"
    (a backup made by closing, copied to ``into`` so rotation never takes it)."""
    with Library.open(folder, search=False) as library:
        theme = library.add_theme("In de backup")
        library.annotate(1, 200, 240, [theme.id], note="bewaard")
    shutil.copyfile(Library.backups(folder)[0], into)
    return into


def killed_restore(folder: Path, backup: Path, rng: random.Random, round_: int) -> list[str]:
    """One round: a change (theme "Ronde N"), then a restore of ``backup`` SIGKILLed within 0-400 ms
    after its readiness signal. Returns what the child said."""
    with Library.open(folder, search=False) as library:
        library.add_theme(f"Ronde {round_}")
    child = fork_child(lambda fd: restorer(folder, backup, fd))
    child.wait_for(lambda lines: bool(lines))
    child.read_for(rng.uniform(0, 0.4))
    child.kill()
    return child.lines
