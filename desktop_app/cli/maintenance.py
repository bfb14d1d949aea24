"""`kamerlezer` commands: backups, restore, check."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.cli.common import Context, add_json_flag, print_json, wants_json
from desktop_app.paths import library_dir


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    backups = sub.add_parser(
        "backups",
        help="list the library's automatic database backups",
        description="Kamerlezer copies library.db into <library>/backups/ when a command or the app closes "
        "after changing it (the app also every ten minutes), checks each copy before keeping it, and keeps "
        "the last five, one a day for a week and one a week for a month (see docs/SAFETY.md).",
    )
    add_json_flag(backups)
    backups.set_defaults(func=_backups, needs_library=False)

    restore = sub.add_parser(
        "restore",
        help="put a backup back as the library's database",
        description="Restore BACKUP (a name from 'kamerlezer backups' or a path; default: the newest that "
        "passes SQLite's integrity check). "
        "The current database is backed up first, so a restore can be undone. The library must not be "
        "open elsewhere. The search index is rebuilt on the next start.",
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help="backup name or path (default: newest)")
    add_json_flag(restore)
    restore.set_defaults(func=_restore, needs_library=False)

    check = sub.add_parser(
        "check",
        help="check the library database for damage",
        description="Run SQLite's integrity check on library.db and read every row and text back; "
        "exit code 1 when it is damaged.",
    )
    add_json_flag(check)
    check.set_defaults(func=_check, needs_library=False)


def _backups(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.core.services import Library

    found = Library.backups(library_dir(args.library))
    rows: list[dict[str, Any]] = [  # for JSON: str and int values
        {
            "name": p.name,
            "path": str(p),
            "size": p.stat().st_size,
            "modified": datetime.fromtimestamp(p.stat().st_mtime, UTC).isoformat(timespec="seconds"),
        }
        for p in found
    ]
    if wants_json(args):
        print_json(rows)
    elif not rows:
        print("No backups yet (one is made when a command or the app closes after changing the library).")
    else:
        for row in rows:
            print(f"{row['name']}  {row['modified']}  {row['size'] // 1024} KiB")
    return 0


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.core.services import Library

    chosen = Library.restore(library_dir(args.library), args.backup, wait=float(args.wait or 0))
    if wants_json(args):
        print_json({"restored": chosen.name, "path": str(chosen)})
    else:
        print(f"restored {chosen.name} (the previous database was backed up first)")
    return 0


def _check(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.core.errors import NotFound
    from desktop_app.core.store.db import DB_NAME, check_file, list_backups

    path = library_dir(args.library) / DB_NAME
    if not path.exists():
        hint = " 'kamerlezer restore' puts back the newest backup." if list_backups(path.parent) else ""
        raise NotFound(f"There is no library database at {path}.{hint}")
    problems = check_file(path, thorough=True)  # read-only: works beside the app and on a damaged file
    result = "ok" if not problems else "; ".join(problems[:10])
    damage, pending = _index_state(path.parent)
    index = damage or ("ok" + (f" (brought up to date at the next open: {pending})" if pending else ""))
    if wants_json(args):
        print_json({"integrity": result, "problems": problems, "index": damage or "ok", "index_pending": pending})
    else:
        print(f"library.db: {result}")
        if problems:
            print("Run 'kamerlezer restore' to put back the newest good backup (see 'kamerlezer backups').")
        print(f"search index: {index}")
        if damage:
            print("The search index is derived from the letters: it is rebuilt when the library next opens "
                  "('kamerlezer reindex' does it now).")
    return 0 if not problems and not damage else 1


def _index_state(folder: Path) -> tuple[str | None, str | None]:
    """(damage, pending) of the search index: damage when a file is missing, cut short or fails its
    checksum (every file is read again); pending when changes are waiting to be indexed (the index is
    derived data: the next open brings it up to date; a missing index is built then too)."""
    from desktop_app.core.search import storage
    from desktop_app.core.services import INDEX_DIR, INDEX_DIRTY, index_marker_reason

    pending = index_marker_reason(folder / INDEX_DIRTY)
    state = storage.check_files(folder / INDEX_DIR, verify=True)
    if state == "missing":
        return None, pending or "there is no index yet"
    return state, pending
