"""`kamerlezer` commands: cite (parse a text, no library) and refs (references between letters)."""

from __future__ import annotations

import argparse
import json

from desktop_app.cli.common import Context, add_json_flag, print_json
from desktop_app.core.model import Citation
from desktop_app.core.references.parser import parse_citations


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    cite = sub.add_parser(
        "cite",
        help="show the citations found in a text (no library needed)",
        description="Parse TEXT (or standard input when TEXT is '-') and list the citations found: "
        "kind, canonical id, fields and span.",
    )
    cite.add_argument("text", metavar="TEXT", help="the text to parse, or '-' to read standard input")
    add_json_flag(cite)
    cite.set_defaults(func=_cite, needs_library=False)


def citation_json(citation: Citation) -> dict[str, object]:
    return {
        "kind": citation.kind,
        "canonical": citation.canonical,
        "text": citation.text,
        "span": list(citation.span),
        "fields": citation.fields,
    }


def _cite(args: argparse.Namespace, ctx: Context) -> int:
    import sys

    text = sys.stdin.read() if args.text == "-" else args.text
    citations = parse_citations(text)
    if args.json:
        print_json([citation_json(c) for c in citations])
        return 0
    if not citations:
        print("no citations found")
        return 0
    for c in citations:
        one_line = " ".join(c.text.split())
        fields = json.dumps(c.fields, ensure_ascii=False)
        print(f"{c.span[0]}-{c.span[1]}  {c.kind:<13} {c.canonical or '-':<24} {one_line}")
        print(f"    {fields}")
    return 0
