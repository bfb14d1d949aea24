"""`kamerlezer` commands: import, list, show, letter set/delete."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.common import Context, add_json_flag, one_line, print_json, stderr_progress, wants_json
from desktop_app.core.errors import PasswordNeeded
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
    secret = imp.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-stdin", action="store_true",
        help="read the password for encrypted PDFs from the first line of standard input",
    )  # fmt: skip
    secret.add_argument(
        "--password", metavar="PW",
        help="password for encrypted PDFs; other users see it in `ps` and it stays in the shell history: "
        "prefer --password-stdin, or leave both out to be asked (on a terminal, not shown as you type)",
    )  # fmt: skip
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
    id_ = letter_sub.add_parser(
        "id",
        help="show, confirm or clear a letter's inferred Kamerstuk id",
        description="A letter that does not name its own Kamerstuk id may have one inferred from a citation "
        "(another letter cites 'Kamerstuk 28 676, nr. 467 van 3 oktober 2024' and it is the only letter of that "
        "date). Without an option: show it and why. --confirm makes it the letter's id; --clear says it is "
        "wrong (the citations of that id are no longer linked to the letter).",
    )
    id_.add_argument("letter", metavar="LETTER", help="letter id or name")
    choice = id_.add_mutually_exclusive_group()
    choice.add_argument("--confirm", action="store_true", help="make the inferred id the letter's own")
    choice.add_argument("--clear", action="store_true", help="reject the inferred id")
    add_json_flag(id_)
    id_.set_defaults(func=_letter_id)
    delete = letter_sub.add_parser(
        "delete",
        help="remove a letter that has no annotations",
        description="Remove a letter from the library. Refused while it has annotations.",
    )
    delete.add_argument("letter", metavar="LETTER", help="letter id or name")
    add_json_flag(delete)
    delete.set_defaults(func=_delete)


def _import(args: argparse.Namespace, ctx: Context) -> int:
    password = _stdin_password() if args.password_stdin else args.password
    report = ctx.library.import_paths([Path(p) for p in args.paths], password=password, progress=stderr_progress)
    if password is None and sys.stdin.isatty():
        _ask_passwords(ctx, report)
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


def _stdin_password() -> str:
    """The first line of standard input, without its line end (a password may have spaces)."""
    line = sys.stdin.readline()
    return line[:-1].removesuffix("\r") if line.endswith("\n") else line


def _ask_passwords(ctx: Context, report: Any, attempts: int = 3) -> None:
    """For each encrypted PDF that did not open, ask its password on the terminal (not echoed) and
    import it again; an empty answer gives up on that file."""
    import getpass

    for failure in [f for f in report.failed if isinstance(f, PasswordNeeded)]:
        for attempt in range(attempts):
            wrong = "wrong password; " if attempt else ""
            try:
                password = getpass.getpass(f"{wrong}password for {Path(failure.path).name} (Enter skips it): ")
            except EOFError:
                return
            if not password:
                break
            retry = ctx.library.import_paths([Path(failure.path)], password=password)
            if not any(isinstance(f, PasswordNeeded) for f in retry.failed):
                report.retrying([failure.path])
                report.add(retry)
                break


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
                    "inferred_kamerstuk": s.inferred_kamerstuk,
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
        (f"#{s.id}", s.name, s.date or "—", s.chamber or "—", s.kamerstuk_label or "—", str(s.annotation_count),
         one_line(s.title, 60))
        for s in letters
    ]  # fmt: skip
    header = ("ID", "NAME", "DATE", "CHAMBER", "KAMERSTUK", "ANN.", "TITLE")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
    for row in (header, *rows):
        cells = [cell.rjust(w) if i == 5 else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        print("  ".join([*cells, row[-1]]))
    if any(s.inferred_kamerstuk and not s.kamerstuk for s in letters):
        print("(an id with ? is inferred from a citation: kamerlezer letter id LETTER shows why)")
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
        ("Kamerstuk", _kamerstuk_line(letter)),
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


def _kamerstuk_line(letter: Letter) -> str | None:
    if letter.kamerstuk:
        return f"{letter.kamerstuk} ({letter.kamerstuk_source})"
    if letter.inferred_kamerstuk:
        return (
            f"{letter.inferred_kamerstuk} (inferred: {letter.inferred_reason}; "
            f"kamerlezer letter id {letter.name} --confirm or --clear)"
        )
    return None


def _letter_id(args: argparse.Namespace, ctx: Context) -> int:
    if args.confirm:
        letter = ctx.library.confirm_inferred_kamerstuk(args.letter)
        done = f"Kamerstuk {letter.kamerstuk} confirmed"
    elif args.clear:
        before = ctx.library.get_letter(args.letter).inferred_kamerstuk
        letter = ctx.library.clear_inferred_kamerstuk(args.letter)
        done = f"inferred Kamerstuk {before} cleared"
    else:
        letter = ctx.library.get_letter(args.letter)
        done = ""
    if wants_json(args):
        print_json(
            {
                "id": letter.id,
                "name": letter.name,
                "kamerstuk": letter.kamerstuk,
                "kamerstuk_source": letter.kamerstuk_source,
                "inferred_kamerstuk": letter.inferred_kamerstuk,
                "inferred_reason": letter.inferred_reason,
            }
        )
        return 0
    if done:
        print(f"#{letter.id} {letter.name}: {done}")
    print(f"#{letter.id} {letter.name}: Kamerstuk {_kamerstuk_line(letter) or '(none)'}")
    return 0


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    letter = ctx.library.delete_letter(args.letter)
    if wants_json(args):
        print_json({"deleted": letter.id, "name": letter.name})
    else:
        print(f"deleted #{letter.id} {letter.name}")
    return 0

