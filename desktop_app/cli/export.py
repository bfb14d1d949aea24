"""`kamerlezer export`: annotated summaries as PDF, Word, Markdown or CSV."""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import Context, add_json_flag, print_json
from desktop_app.core.export.formats import FORMATS, format_for_path
from desktop_app.core.export.labels import LANGUAGES
from desktop_app.core.export.model import GROUP_BY_CHOICES, ExportScope
from desktop_app.core.words import plural


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    parser = sub.add_parser(
        "export",
        help="export an annotated summary (PDF, Word, Markdown, CSV)",
        description=(
            "Export the annotated passages of some letters and/or themes as a summary. Without --letter "
            "and --theme the whole library is exported. A theme includes its sub-themes; given both, a "
            "passage must be in one of the letters and carry one of the themes."
        ),
    )
    parser.add_argument("--letter", action="append", default=[], metavar="L", help="letter id or name (repeatable)")
    parser.add_argument(
        "--theme", action="append", default=[], metavar="T", help='theme id, name or "Parent/Child" path (repeatable)'
    )
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="letters dated on or after DATE (yyyy-mm-dd)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="letters dated on or before DATE (yyyy-mm-dd)")
    parser.add_argument(
        "--group-by", choices=GROUP_BY_CHOICES, default="theme", help="theme > letter > passages (default), or letter"
    )
    parser.add_argument(
        "--with-originals", action="store_true", help="PDF only: append the original letters after the summary"
    )
    parser.add_argument("--title", help="title of the summary (default: made from the scope)")
    parser.add_argument(
        "--compact",
        action="store_true",
        help="a short briefing: no cover, contents or overview, a one-line header (title, author, date)",
    )
    parser.add_argument("--author", default="", metavar="NAME", help="author named on the cover, in the footer and in the file")
    parser.add_argument(
        "--language", choices=LANGUAGES, default="nl", help="language of the document's own words: nl (Dutch, the default) or en"
    )
    parser.add_argument(
        "--format", choices=FORMATS, help="output format: pdf, docx (Word), md, csv (default: from the file name's extension)"
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    add_json_flag(parser)
    parser.set_defaults(func=run_export)


def _letter_ref(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.cli.common import progress_bar
    from desktop_app.render import export_summary  # reportlab is loaded only for this command

    scope = ExportScope(
        letters=tuple(args.letter),  # "#3"/"3" an id, "003"/"003_d09" a name: the Library decides
        themes=tuple(args.theme),
        date_from=args.date_from,
        date_to=args.date_to,
        group_by=args.group_by,
        with_originals=args.with_originals,
        title=args.title,
        language=args.language,
        compact=args.compact,
        author=args.author,
    )
    fmt = format_for_path(args.output, args.format)
    if scope.with_originals and fmt != "pdf":
        print("kamerlezer: --with-originals applies to PDF only; ignored.", file=sys.stderr)
    with progress_bar() as bar:
        result = export_summary(ctx.library, scope, fmt, args.output, progress=None if args.json else bar)
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "format": result.format,
                "pages": result.pages,
                "passages": result.passages,
                "warnings": list(result.warnings),
            }
        )
        return 0
    for warning in result.warnings:
        print(f"kamerlezer: {warning}", file=sys.stderr)
    pages = f", {plural(result.pages, 'page')}" if result.format == "pdf" else ""
    print(f"Exported {plural(result.passages, 'passage')} to {result.path}{pages}.")
    return 0
