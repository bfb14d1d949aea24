"""`kamerlezer` commands: undo, redo, history (the library's own history of changes, shared with the
app: a change made in the app is undone here, and the other way round)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.common import Context, add_json_flag, print_json, wants_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    undo = sub.add_parser(
        "undo",
        help="take back the last change to the library",
        description="Take back the newest change (an annotation, a theme, a citation decision, an import, "
        "from this command line or the app): every row it wrote is put back as it was, the search index "
        "follows. Repeat to go further back; 'kamerlezer redo' puts it back.",
    )
    add_json_flag(undo)
    undo.set_defaults(func=_undo)

    redo = sub.add_parser(
        "redo",
        help="put back the change undone last",
        description="Put back the change 'kamerlezer undo' (or the app's Undo) took back last. A new change "
        "after an undo drops what could be redone.",
    )
    add_json_flag(redo)
    redo.set_defaults(func=_redo)

    history = sub.add_parser(
        "history",
        help="list the recent changes to the library",
        description="The recorded changes, newest first (the last 500 are kept); undone ones are marked "
        "(redo puts them back). With an ID: that change's rows, before and after.",
    )
    history.add_argument("change", nargs="?", type=int, metavar="ID", help="show the rows this change wrote")
    history.add_argument("-n", "--limit", type=int, default=20, metavar="N", help="show the newest N (default 20)")
    history.add_argument("--all", action="store_true", help="show every recorded change")
    add_json_flag(history)
    history.set_defaults(func=_history)


def _undo(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.library.undo()
    return _told(args, "Undone", change)


def _redo(args: argparse.Namespace, ctx: Context) -> int:
    change = ctx.library.redo()
    return _told(args, "Redone", change)


def _told(args: argparse.Namespace, verb: str, change: object) -> int:
    if wants_json(args):
        print_json(change.to_json())  # type: ignore[attr-defined]
    else:
        print(f"{verb}: {change.label}")  # type: ignore[attr-defined]
    return 0


def _history(args: argparse.Namespace, ctx: Context) -> int:
    if args.change is not None:
        return _one(args, ctx.library.change(args.change))
    changes = ctx.library.history(None if args.all else max(0, args.limit))
    if wants_json(args):
        print_json([c.to_json() for c in changes])
    elif not changes:
        print("No changes recorded yet.")
    else:
        for change in changes:
            mark = "  (undone)" if change.undone else ""
            print(f"#{change.id}  {change.created[:19].replace('T', ' ')}  {change.label}{mark}")
    return 0


def _one(args: argparse.Namespace, change: Any) -> int:
    if wants_json(args):
        rows = [{"table": r.table, "row_id": r.row_id, "before": r.before, "after": r.after} for r in change.rows]
        print_json({**change.to_json(), "rows": rows})
        return 0
    print(f"#{change.id}  {change.created[:19].replace('T', ' ')}  {change.label}" + ("  (undone)" if change.undone else ""))
    for row in change.rows:
        if row.before is None:
            print(f"  + {row.table} #{row.row_id}")
        elif row.after is None:
            print(f"  - {row.table} #{row.row_id}")
        else:
            changed = [k for k in row.after if row.before.get(k) != row.after[k]]
            shown = ", ".join(f"{k}: {_short(row.before.get(k))} -> {_short(row.after[k])}" for k in changed)
            print(f"  ~ {row.table} #{row.row_id}  {shown}")
    return 0


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
