"""`kamerlezer` commands: annotate, annotations, annotation (edit, delete, reattach)."""

from __future__ import annotations

import argparse

from desktop_app.cli.common import Context, add_json_flag, annotation_json, one_line, print_json, wants_json
from desktop_app.core.errors import InvalidInput
from desktop_app.core.model import Annotation

THEME_HELP = "theme id, name or path 'Parent/Child' (repeat for several)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    ann = sub.add_parser(
        "annotate",
        help="tag a passage of a letter with themes and a note",
        description="Annotate a passage given by --quote (its exact text; line breaks and hyphenation may "
        "differ) or by --start/--end (code-point offsets into the letter's text, as in 'show --json').",
    )
    ann.add_argument("letter", metavar="LETTER", help="letter id or name")
    ann.add_argument("--quote", metavar="TEXT", help="the passage's text")
    ann.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence of --quote (default 1)")
    ann.add_argument("--start", type=int, metavar="N", help="start offset (with --end)")
    ann.add_argument("--end", type=int, metavar="N", help="end offset (exclusive)")
    ann.add_argument("--theme", action="append", default=[], metavar="T", help=THEME_HELP)
    ann.add_argument("--note", default="", metavar="TEXT", help="a note on the passage")
    add_json_flag(ann)
    ann.set_defaults(func=_annotate)

    lst = sub.add_parser(
        "annotations",
        help="list annotations, of one letter and/or one theme",
        description="List annotations in letter order, then text order. --theme includes its sub-themes.",
    )
    lst.add_argument("letter", nargs="?", metavar="LETTER", help="only this letter (id or name)")
    lst.add_argument("--theme", metavar="T", help="only annotations with this theme or its sub-themes")
    lst.add_argument("--orphans", action="store_true", help="only annotations that lost their place")
    add_json_flag(lst)
    lst.set_defaults(func=_list)

    one = sub.add_parser(
        "annotation",
        help="edit, delete or re-attach one annotation",
        description="Change one annotation, by the #ID that 'annotations' shows: 'edit' its note or themes, "
        "'delete' it, or 'reattach' it (e.g. an orphan) to a passage of its letter.",
    )
    actions = one.add_subparsers(dest="annotation_action", metavar="ACTION", required=True)
    edit = actions.add_parser("edit", help="change an annotation's note or themes")
    edit.add_argument("id", type=int, metavar="ID", help="annotation id")
    edit.add_argument("--note", metavar="TEXT", help="the new note")
    edit.add_argument("--theme", action="append", metavar="T", help=f"{THEME_HELP}; replaces its themes")
    edit.add_argument("--no-themes", action="store_true", help="remove all its themes")
    add_json_flag(edit)
    edit.set_defaults(func=_edit)
    delete = actions.add_parser("delete", help="delete an annotation")
    delete.add_argument("id", type=int, metavar="ID", help="annotation id")
    add_json_flag(delete)
    delete.set_defaults(func=_delete)
    reattach = actions.add_parser(
        "reattach", help="anchor an annotation (e.g. an orphan) to a new passage of its letter"
    )
    reattach.add_argument("id", type=int, metavar="ID", help="annotation id")
    reattach.add_argument("--quote", metavar="TEXT", help="the passage's text")
    reattach.add_argument("--start", type=int, metavar="N", help="start offset (with --end)")
    reattach.add_argument("--end", type=int, metavar="N", help="end offset (exclusive)")
    add_json_flag(reattach)
    reattach.set_defaults(func=_reattach)


def _print(ctx: Context, annotations: list[Annotation], args: argparse.Namespace) -> None:
    library = ctx.library
    names = {s.id: s.name for s in library.list_letters()}
    if wants_json(args):
        print_json([annotation_json(library, a, names) for a in annotations])
        return
    for a in annotations:
        themes = ", ".join(library.theme_path(t) for t in a.theme_ids) or "no theme"
        flag = "  [ORPHAN]" if a.status == "orphan" else ""
        print(f"#{a.id:<4} {names.get(a.letter_id, a.letter_id)} {a.start}-{a.end}  [{themes}]{flag}")
        print(f"      \"{one_line(a.quote)}\"" + (f"  — {one_line(a.note, 60)}" if a.note else ""))


def _show(ctx: Context, args: argparse.Namespace, annotation: Annotation) -> int:
    if wants_json(args):
        print_json(annotation_json(ctx.library, annotation))
    else:
        _print(ctx, [annotation], args)
    return 0


def _span(args: argparse.Namespace, letter: object, ctx: Context) -> tuple[int, int]:
    from desktop_app.core.anchoring import find_quote

    if args.quote is not None:
        if args.start is not None or args.end is not None:
            raise InvalidInput("Give either --quote or --start/--end, not both.")
        found = ctx.library.get_letter(letter)
        spans = find_quote(found.text, args.quote)
        if not spans:
            raise InvalidInput(f"The quote {one_line(args.quote, 60)!r} does not occur in letter {found.name}.")
        return spans[0]
    if args.start is None or args.end is None:
        raise InvalidInput("Give the passage: --quote TEXT, or --start N --end M.")
    return args.start, args.end


def _annotate(args: argparse.Namespace, ctx: Context) -> int:
    if args.quote is not None and args.start is None and args.end is None:
        annotation = ctx.library.annotate_quote(
            args.letter, args.quote, args.theme, note=args.note, occurrence=args.occurrence
        )
    else:
        start, end = _span(args, args.letter, ctx)
        annotation = ctx.library.annotate(args.letter, start, end, args.theme, note=args.note)
    return _show(ctx, args, annotation)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    annotations = ctx.library.list_annotations(args.letter, args.theme)
    if args.orphans:
        annotations = [a for a in annotations if a.status == "orphan"]
    if not annotations and not wants_json(args):
        print("No annotations.")
        return 0
    _print(ctx, annotations, args)
    return 0


def _edit(args: argparse.Namespace, ctx: Context) -> int:
    themes = [] if args.no_themes else args.theme
    annotation = ctx.library.update_annotation(args.id, note=args.note, theme_ids=themes)
    return _show(ctx, args, annotation)


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    annotation = ctx.library.delete_annotation(args.id)
    if wants_json(args):
        print_json(annotation_json(ctx.library, annotation))
    else:
        print(f"deleted annotation #{annotation.id}")
    return 0


def _reattach(args: argparse.Namespace, ctx: Context) -> int:
    current = ctx.library.get_annotation(args.id)
    start, end = _span(args, current.letter_id, ctx)
    annotation = ctx.library.reattach_annotation(args.id, start, end)
    return _show(ctx, args, annotation)
