"""`kamerlezer` commands: import, list, show, letter set/delete."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import Context, add_json_flag, one_line, print_json, stderr_progress, wants_json
from desktop_app.core.importing import SUPPORTED_SUFFIXES
from desktop_app.core.model import Letter

_KINDS = ", ".join(SUPPORTED_SUFFIXES)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    imp = sub.add_parser(
        "import",
        help=f"import letters ({_KINDS}) from files and folders",
        description=f"Import files and folders (folders recursively: {_KINDS}; an official .xml with its metadata.xml "
        "beside it). A file already in "
        "the library is skipped; a file with the name of a known letter but new content replaces it as a "
        "new version (its annotations are re-attached; those that cannot be are kept as orphans). Each "
        "failed file is named on stderr with its problem; the exit code is 1 when any file failed.",
    )
    imp.add_argument("paths", nargs="+", metavar="PATH", help=f"a file ({_KINDS}) or a folder")
    imp.add_argument("--password", metavar="PW", help="password for encrypted PDFs")
    add_json_flag(imp)
    imp.set_defaults(func=_import)

    lst = sub.add_parser("list", help="list the letters in the library", description="List the letters, newest first.")
    add_json_flag(lst)
    lst.set_defaults(func=_list)

    show = sub.add_parser(
        "show",
        help="show one letter: metadata, text, footnotes",
        description="Show a letter. LETTER is its id or name (the file name without extension).",
    )
    show.add_argument("letter", metavar="LETTER", help="letter id or name, e.g. 000_eba5de336aff673f")
    add_json_flag(show)
    show.set_defaults(func=_show)

    letter = sub.add_parser(
        "letter",
        help="change a letter (its own Kamerstuk id) or delete it",
        description="Change one letter: 'letter set LETTER --kamerstuk ID' records the Kamerstuk the letter "
        "itself is (so citations of it resolve to it); 'letter delete LETTER' removes a letter without "
        "annotations.",
    )
    letter_sub = letter.add_subparsers(dest="letter_action", metavar="ACTION", required=True)
    set_ = letter_sub.add_parser(
        "set",
        help="set a letter's own Kamerstuk id",
        description="Record the letter's own Kamerstuk id (e.g. kst-28676-467 or 'Kamerstuk 28 676, nr. 467'); "
        "an empty value clears it. References are resolved again.",
    )
    set_.add_argument("letter", metavar="LETTER", help="letter id or name")
    set_.add_argument("--kamerstuk", required=True, metavar="ID", help="e.g. kst-28676-467 ('' clears it)")
    add_json_flag(set_)
    set_.set_defaults(func=_set)
    delete = letter_sub.add_parser(
        "delete",
        help="remove a letter that has no annotations",
        description="Remove a letter from the library. Refused while it has annotations.",
    )
    delete.add_argument("letter", metavar="LETTER", help="letter id or name")
    add_json_flag(delete)
    delete.set_defaults(func=_delete)


def _import(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.library.import_paths([Path(p) for p in args.paths], password=args.password, progress=stderr_progress)
    for failure in report.failed:
        print(f"kamerlezer: {failure.message}", file=sys.stderr)
    for path, warning in report.warnings:
        print(f"kamerlezer: note: {path}: {warning}", file=sys.stderr)
    if wants_json(args):
        print_json(report.to_json())
    else:
        for letter in report.imported:
            print(f"imported  #{letter.id} {letter.name}")
        for letter in report.updated:
            print(f"updated   #{letter.id} {letter.name} (new version)")
        for annotation in report.orphaned:
            print(f"orphaned  annotation #{annotation.id}: \"{one_line(annotation.quote, 50)}\" (re-attach it)")
        print(
            f"{len(report.imported)} imported, {len(report.updated)} updated, {len(report.skipped)} skipped "
            f"(already in the library), {len(report.failed)} failed"
            + (", cancelled" if report.cancelled else "")
        )
    return 0 if report.ok else 1


def _list(args: argparse.Namespace, ctx: Context) -> int:
    letters = ctx.library.list_letters()
    if wants_json(args):
        print_json(
            [
                {
                    "id": s.id,
                    "name": s.name,
                    "source_file": s.source_file,
                    "date": s.date,
                    "title": s.title,
                    "title_derived": s.title_derived,
                    "subject": s.subject,
                    "chamber": s.chamber,
                    "kamerstuk": s.kamerstuk,
                    "kind": s.kind,
                    "annotation_count": s.annotation_count,
                    "theme_ids": list(s.theme_ids),
                }
                for s in letters
            ]
        )
        return 0
    if not letters:
        print("The library has no letters yet: kamerlezer import PATH")
        return 0
    rows = [
        (f"#{s.id}", s.name, s.date or "—", s.chamber or "—", s.kamerstuk or "—", str(s.annotation_count),
         one_line(s.title, 60))
        for s in letters
    ]  # fmt: skip
    header = ("ID", "NAME", "DATE", "CHAMBER", "KAMERSTUK", "ANN.", "TITLE")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
    for row in (header, *rows):
        cells = [cell.rjust(w) if i == 5 else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        print("  ".join([*cells, row[-1]]))
    return 0


def _show(args: argparse.Namespace, ctx: Context) -> int:
    letter = ctx.library.get_letter(args.letter)
    if wants_json(args):
        print_json(letter.to_json())
        return 0
    _print_letter(letter)
    return 0


def _print_letter(letter: Letter) -> None:
    fields = [
        ("Letter", f"#{letter.id} {letter.name} ({letter.source_file})"),
        ("Title", f"{letter.title} (from the text: no subject)" if letter.title_derived else None),
        ("Subject", letter.subject),
        ("Date", letter.date),
        ("Chamber", letter.chamber),
        ("Kind", letter.kind),
        ("Signed by", letter.signatory),
        ("Kamerstuk", f"{letter.kamerstuk} ({letter.kamerstuk_source})" if letter.kamerstuk else None),
        ("Pages", str(letter.pages) if letter.pages else None),
    ]
    for label, value in fields:
        if label == "Title" and value is None:
            continue
        print(f"{label + ':':<11} {value or '—'}")
    print()
    print(letter.text)
    if letter.footnotes:
        print("\nFootnotes")
        for note in letter.footnotes:
            print(f"  {note.number}. {note.text}")


def _set(args: argparse.Namespace, ctx: Context) -> int:
    letter = ctx.library.set_kamerstuk(args.letter, args.kamerstuk or None)
    if wants_json(args):
        print_json(letter.to_json())
    else:
        print(f"#{letter.id} {letter.name}: Kamerstuk {letter.kamerstuk or '(none)'}")
    return 0


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    letter = ctx.library.delete_letter(args.letter)
    if wants_json(args):
        print_json({"deleted": letter.id, "name": letter.name})
    else:
        print(f"deleted #{letter.id} {letter.name}")
    return 0

