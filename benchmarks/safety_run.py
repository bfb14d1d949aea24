"""Data-safety run: the figures in docs/SAFETY.md.

    python benchmarks/safety_run.py                 # 200 writer kills, 50 restore kills, the damage cases
    python benchmarks/safety_run.py --kills 50 --restore-kills 10

1. Writers SIGKILLed at random moments (tests/crash.py: each child says when it is ready, the parent
   waits for a random number of commits, then kills within a random window). Prints kills, commits
   acknowledged to the parent, commits lost (must be 0), the integrity check, and as the baseline of
   the same run the commit rate of one writer that is not killed.
2. Restores SIGKILLed at random moments: how often the next command found the old library, the restored
   one, or a fresh seeded one (must be 0).
3. Damage cases: each made on a fresh copy of a seeded library with one backup; prints what `check`,
   `list`, `show 1` and closing a writer say, and whether `restore` brings the library back.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.cli import main as cli  # noqa: E402
from desktop_app.core.services import Library  # noqa: E402
from tests.crash import backup_to_restore, kill_loop, killed_restore  # noqa: E402
from tests.damage import garble_a_letters_text, garble_index, undecodable_text  # noqa: E402
from tests.libraries import seeded_copy  # noqa: E402


def _baseline(folder: Path, commits: int) -> float:
    """Commits per second of one writer that is not killed (same machine, same run)."""
    with Library.open(folder, search=False) as library:
        theme = library.list_themes()[0].id
        letter = library.list_letters()[0].id
        started = time.perf_counter()
        for i in range(commits):
            library.annotate(letter, 100 + i % 50, 130 + i % 50, [theme], note=f"baseline {i}")
        return commits / (time.perf_counter() - started)


def writer_kills(work: Path, kills: int) -> None:
    folder = seeded_copy(work / "writers")
    rate = _baseline(seeded_copy(work / "baseline"), 200)
    started = time.perf_counter()
    committed, waited_for, errors = kill_loop(
        folder, random.Random(200), rounds=kills, most_commits=6, window=0.05, search=False
    )
    seconds = time.perf_counter() - started
    with Library.open(folder, search=False) as library:
        integrity = library.db.execute("PRAGMA integrity_check").fetchone()[0]
        present = {a.id: a.note for a in library.list_annotations()}
    lost = [i for i in committed if present.get(i) != committed[i]]
    print("## Writers killed at random moments\n")
    print("| figure | value |\n|---|---|")
    print(f"| kills | {kills} |")
    print(f"| commits acknowledged to the parent | {len(committed)} |")
    print(f"| of which waited for before the kill window | {waited_for} |")
    print(f"| commits lost | {len(lost)} |")
    print(f"| errors reported by the writers | {len(errors)} |")
    print(f"| integrity_check afterwards | {integrity} |")
    print(f"| wall time | {seconds:.1f} s ({seconds / kills * 1000:.0f} ms a kill, fork and open included) |")
    print(f"| baseline: commits/s of a writer that is not killed | {rate:.0f} |\n")


def restore_kills(work: Path, kills: int) -> None:
    folder = seeded_copy(work / "restores")
    backup = backup_to_restore(folder, work / "bewaard.db")
    rng = random.Random(50)
    outcomes = {"old library": 0, "restored library": 0, "fresh seeded library": 0, "refused to open": 0}
    for round_ in range(kills):
        killed_restore(folder, backup, rng, round_)
        try:
            with Library.open(folder, search=False) as library:
                names = {t.name for t in library.list_themes()}
                notes = [a.note for a in library.list_annotations()]
        except Exception:  # noqa: BLE001 - counted
            outcomes["refused to open"] += 1
            continue
        if "In de backup" not in names or notes != ["bewaard"]:
            outcomes["fresh seeded library"] += 1
        elif f"Ronde {round_}" in names:
            outcomes["old library"] += 1
        else:
            outcomes["restored library"] += 1
    print("## Restores killed at random moments\n")
    print("| the next command found | times |\n|---|---|")
    for name, count in outcomes.items():
        print(f"| {name} | {count} |")
    print()


def _cli(folder: Path, *argv: str) -> tuple[int, str, str]:
    """Exit code, the first line it printed (stderr when it failed), and all of stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli(["--library", str(folder), *argv])
    stream = err if code and err.getvalue().strip() else out
    first = (stream.getvalue().strip().splitlines() or [""])[0].replace(str(folder), "<library>")
    return code, first if len(first) <= 100 else first[:99] + "…", err.getvalue()


def _cell(result: tuple[int, str, str]) -> str:
    return f"{result[0]}: {result[1]}"


def _missing(db: Path) -> None:
    db.unlink()


def _truncated(db: Path) -> None:
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])


CASES = {
    "a page of a letter's text garbled": garble_a_letters_text,
    "an index page garbled (letters_summary)": lambda db: garble_index(db, "letters_summary"),
    "a letter's text not UTF-8": undecodable_text,
    "library.db cut in half": _truncated,
    "library.db gone (backups left)": _missing,
}


def damage_cases(work: Path) -> None:
    print("## Damage cases\n")
    print("| damage | `check` | `list` | `show 1` | a writer closing | `restore`, then `list` |")
    print("|---|---|---|---|---|---|")
    for n, (name, damage) in enumerate(CASES.items()):
        folder = seeded_copy(work / f"damage-{n}")
        with Library.open(folder, search=False) as library:
            library.add_theme("Voor de schade")
        good = Library.backups(folder)
        damage(folder / "library.db")
        check, listing, show = (_cell(_cli(folder, *argv)) for argv in (["check"], ["list"], ["show", "1"]))
        code, _first, err = _cli(folder, "themes", "add", "Na de schade")
        made = "no backup made" if "No backup was made" in err or code else "a backup made"
        kept = "older backups kept" if set(Library.backups(folder)) >= set(good) else "OLDER BACKUPS LOST"
        restored = _cli(folder, "restore")[0]
        after = _cli(folder, "list")
        cells = [check, listing, show, f"exit {code}, {made}, {kept}", f"exit {restored}; then {_cell(after)[:40]}…"]
        print(f"| {name} | " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="writer kills (default 200)")
    parser.add_argument("--restore-kills", type=int, default=50, help="restore kills (default 50)")
    args = parser.parse_args()
    if not hasattr(os, "fork"):
        print("needs fork (Linux, macOS)")
        return 1
    with tempfile.TemporaryDirectory(prefix="kamerlezer-safety-") as tmp:
        work = Path(tmp)
        writer_kills(work, args.kills)
        restore_kills(work, args.restore_kills)
        damage_cases(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
