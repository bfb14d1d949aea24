"""`kamerlezer themes`: list, add, rename, recolor, key, describe, move, merge, delete."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.common import Context, add_json_flag, print_json, wants_json
from desktop_app.core.errors import InvalidInput
from desktop_app.core.model import Theme
from desktop_app.core.words import plural

THEME_HELP = "theme id, name or path 'Parent/Child'"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    themes = sub.add_parser(
        "themes",
        help="list and edit themes (nested, coloured tags for annotations)",
        description="Without an action: list the themes as a tree with their annotation counts. "
        "T is a theme id, a name (case-insensitive) or a path 'Parent/Child'.",
    )
    add_json_flag(themes)
    themes.set_defaults(func=_list)
    actions = themes.add_subparsers(dest="theme_action", metavar="ACTION")

    lst = actions.add_parser("list", help="list the themes as a tree (the default)")
    add_json_flag(lst, inherit=True)
    lst.set_defaults(func=_list)

    add = actions.add_parser("add", help="add a theme", description="Add a theme, at the top or under a parent.")
    add.add_argument("name", metavar="NAME", help="the new theme's name")
    add.add_argument("--color", metavar="C", help="colour as #rrggbb (default: the next of a palette)")
    add.add_argument("--parent", metavar="P", help=f"parent theme ({THEME_HELP})")
    add.add_argument("--description", default="", metavar="TEXT", help="what the theme is about")
    add_json_flag(add, inherit=True)
    add.set_defaults(func=_add)

    rename = actions.add_parser("rename", help="rename a theme")
    rename.add_argument("theme", metavar="T", help=THEME_HELP)
    rename.add_argument("new_name", metavar="NEW", help="the new name")
    add_json_flag(rename, inherit=True)
    rename.set_defaults(func=_rename)

    recolor = actions.add_parser("recolor", help="change a theme's colour")
    recolor.add_argument("theme", metavar="T", help=THEME_HELP)
    recolor.add_argument("color", metavar="COLOR", help="#rrggbb")
    add_json_flag(recolor, inherit=True)
    recolor.set_defaults(func=_recolor)

    key = actions.add_parser(
        "key",
        help="give a theme its key (1-9) for tagging in the reader",
        description="Give theme T the key K (1-9): in the reader, K tags the selected text with T. A theme "
        "that had K gives it up. --clear takes T's key away. New themes get the lowest free key.",
    )
    key.add_argument("theme", metavar="T", help=THEME_HELP)
    key.add_argument("key", metavar="K", nargs="?", type=int, choices=range(1, 10), help="a digit from 1 to 9")
    key.add_argument("--clear", action="store_true", help="no key for this theme")
    add_json_flag(key, inherit=True)
    key.set_defaults(func=_key)

    describe = actions.add_parser(
        "describe",
        help="set a theme's description",
        description="Set what theme T is about; an export introduces the theme's chapter with it. "
        'An empty TEXT ("") removes the description.',
    )
    describe.add_argument("theme", metavar="T", help=THEME_HELP)
    describe.add_argument("text", metavar="TEXT", help="the description")
    add_json_flag(describe, inherit=True)
    describe.set_defaults(func=_describe)

    move = actions.add_parser(
        "move",
        help="move a theme under another one, or to the top level",
        description="Move theme T under --parent (omit it for the top level), at --position among its "
        "new siblings (0 = first; default last).",
    )
    move.add_argument("theme", metavar="T", help=THEME_HELP)
    move.add_argument("--parent", metavar="P", help=f"new parent ({THEME_HELP}); none: top level")
    move.add_argument("--position", type=int, metavar="N", help="0-based place among the siblings")
    add_json_flag(move, inherit=True)
    move.set_defaults(func=_move)

    merge = actions.add_parser(
        "merge",
        help="merge a theme into another one",
        description="Move all annotations and sub-themes of SRC to DST, then delete SRC.",
    )
    merge.add_argument("source", metavar="SRC", help=THEME_HELP)
    merge.add_argument("target", metavar="DST", help=THEME_HELP)
    add_json_flag(merge, inherit=True)
    merge.set_defaults(func=_merge)

    delete = actions.add_parser(
        "delete",
        help="delete a theme (annotations are kept)",
        description="Delete theme T. Refused while annotations use it, unless --force: then they only "
        "lose this theme. Its sub-themes move up one level.",
    )
    delete.add_argument("theme", metavar="T", help=THEME_HELP)
    delete.add_argument("--force", action="store_true", help="delete even when annotations use it")
    add_json_flag(delete, inherit=True)
    delete.set_defaults(func=_delete)


def theme_json(library: Any, theme: Theme, counts: dict[int, int] | None = None) -> dict[str, Any]:
    counts = counts if counts is not None else library.theme_counts()
    return {
        "id": theme.id,
        "name": theme.name,
        "path": library.theme_path(theme.id),
        "color": theme.color,
        "parent_id": theme.parent_id,
        "description": theme.description,
        "position": theme.position,
        "key": theme.key,
        "annotation_count": counts.get(theme.id, 0),
    }


def _show_one(args: argparse.Namespace, ctx: Context, theme: Theme, verb: str) -> int:
    if wants_json(args):
        print_json(theme_json(ctx.library, theme))
    else:
        print(f"{verb} #{theme.id} {ctx.library.theme_path(theme.id)} {theme.color}")
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    themes = library.list_themes()
    counts = library.theme_counts()
    if wants_json(args):
        print_json([theme_json(library, t, counts) for t in themes])
        return 0
    if not themes:
        print("No themes yet: kamerlezer themes add NAME")
        return 0
    depth: dict[int, int] = {}
    for theme in themes:
        depth[theme.id] = depth[theme.parent_id] + 1 if theme.parent_id is not None else 0
        indent = "  " * depth[theme.id]
        key = f"[{theme.key}]" if theme.key else "   "
        print(f"#{theme.id:<4} {key} {theme.color}  {indent}{theme.name}  ({counts.get(theme.id, 0)})")
    return 0


def _add(args: argparse.Namespace, ctx: Context) -> int:
    theme = ctx.library.add_theme(args.name, color=args.color, parent=args.parent, description=args.description)
    return _show_one(args, ctx, theme, "added")


def _rename(args: argparse.Namespace, ctx: Context) -> int:
    return _show_one(args, ctx, ctx.library.update_theme(args.theme, name=args.new_name), "renamed")


def _recolor(args: argparse.Namespace, ctx: Context) -> int:
    return _show_one(args, ctx, ctx.library.update_theme(args.theme, color=args.color), "recoloured")


def _key(args: argparse.Namespace, ctx: Context) -> int:
    if (args.key is None) == (not args.clear):
        raise InvalidInput("Give a key from 1 to 9, or --clear (not both).")
    theme, displaced = ctx.library.set_theme_key(args.theme, None if args.clear else args.key)
    if wants_json(args):
        data = theme_json(ctx.library, theme)
        data["key_taken_from"] = theme_json(ctx.library, displaced) if displaced is not None else None
        print_json(data)
        return 0
    said = f"key {theme.key}" if theme.key else "no key"
    print(f"{ctx.library.theme_path(theme.id)}: {said}" + (f" (taken from {displaced.name})" if displaced else ""))
    return 0

def _describe(args: argparse.Namespace, ctx: Context) -> int:
    text = "\n".join(line.strip() for line in args.text.strip().splitlines())
    return _show_one(args, ctx, ctx.library.update_theme(args.theme, description=text), "described")


def _move(args: argparse.Namespace, ctx: Context) -> int:
    theme = ctx.library.move_theme(args.theme, parent=args.parent or None, position=args.position)
    return _show_one(args, ctx, theme, "moved")


def _merge(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    source = library.get_theme(args.source)
    target = library.get_theme(args.target)
    moved = library.merge_themes(source.id, target.id)
    if wants_json(args):
        print_json({"merged": source.id, "into": theme_json(library, library.get_theme(target.id)), "moved": moved})
    else:
        print(f"merged {source.name} into {library.theme_path(target.id)}: {plural(moved, 'annotation')} moved")
    return 0


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    theme = library.get_theme(args.theme)
    affected = library.delete_theme(theme.id, force=args.force)
    if wants_json(args):
        print_json({"deleted": theme.id, "name": theme.name, "annotations_affected": affected})
    else:
        print(f"deleted #{theme.id} {theme.name}" + (f" ({plural(affected, 'annotation')} lost this theme)" if affected else ""))
    return 0
