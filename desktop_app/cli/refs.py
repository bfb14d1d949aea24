"""`kamerlezer` commands: cite (parse a text, no library) and refs (references between letters)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop_app.cli.common import Context, add_json_flag, print_json
from desktop_app.core.errors import InvalidInput
from desktop_app.core.model import Citation, Reference
from desktop_app.core.references.parser import parse_citations
from desktop_app.core.words import plural


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

    refs = sub.add_parser(
        "refs",
        help="citations between letters: what a letter cites, what cites it, what is missing",
        description="refs [LETTER]: the citations of one letter and its backlinks (all citations without "
        "LETTER). refs --missing: cited documents that are not in the library. refs confirm CITATION_ID "
        "LETTER / refs reject CITATION_ID LETTER: accept or refuse a proposed link (CITATION_ID is the #id "
        "shown by refs).",
    )
    refs.add_argument(
        "words",
        nargs="*",
        metavar="LETTER | confirm CITATION_ID LETTER | reject CITATION_ID LETTER",
        help="a letter (id or name), or a decision on a citation",
    )
    refs.add_argument("--missing", action="store_true", help="list cited documents missing from the library")
    refs.add_argument(
        "--rebuild",
        action="store_true",
        help="resolve every citation again, with the library's word statistics taken anew (changes resolve "
        "only what they affect; this is the full pass)",
    )
    add_json_flag(refs)
    refs.set_defaults(func=_refs)


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


# -- refs -------------------------------------------------------------------------------------------


def _refs(args: argparse.Namespace, ctx: Context) -> int:
    words = list(args.words)
    if words and words[0] in ("confirm", "reject"):
        if len(words) != 3 or not words[1].lstrip("#").isdigit():
            raise InvalidInput(f"usage: kamerlezer refs {words[0]} CITATION_ID LETTER")
        return _decide(args, ctx, words[0], int(words[1].lstrip("#")), words[2])
    if len(words) > 1:
        raise InvalidInput("give one letter, or: confirm/reject CITATION_ID LETTER")
    if args.rebuild:
        if words or args.missing:
            raise InvalidInput("--rebuild resolves the whole library: give nothing else")
        count = ctx.library.references.resolve_all()
        if args.json:
            print_json({"resolved": count})
        else:
            print(f"resolved {plural(count, 'citation')}")
        return 0
    if args.missing:
        if words:
            raise InvalidInput("--missing lists the whole library: leave out the letter")
        return _missing(args, ctx)
    if words:
        return _letter_refs(args, ctx, words[0])
    return _all_refs(args, ctx)


def _names(ctx: Context) -> dict[int, str]:
    return {s.id: s.name for s in ctx.library.list_letters()}


def reference_json(ref: Reference, names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": ref.id,
        "letter_id": ref.letter_id,
        "letter": names.get(ref.letter_id),
        "location": ref.location,
        "footnote_number": ref.footnote_number,
        "span": [ref.start, ref.end],
        "raw": ref.raw,
        "kind": ref.kind,
        "canonical": ref.canonical,
        "fields": ref.fields,
        "status": ref.status,
        "target_letter_id": ref.target_letter_id,
        "target": names.get(ref.target_letter_id) if ref.target_letter_id is not None else None,
        "confidence": ref.confidence,
        "reason": ref.reason,
        "suggestions": [
            {"letter_id": lid, "letter": names.get(lid), "score": score, "reason": why}
            for lid, score, why in ref.suggestions
        ],
    }


def _where(ref: Reference) -> str:
    return where_label(ref.location, ref.footnote_number)


def where_label(location: str, footnote_number: int | None) -> str:
    """Where a citation stands, for the CLI: "body", "head" (the letter head), "footnote 3"."""
    return location if location in ("body", "head") else f"footnote {footnote_number}"


def _outcome(ref: Reference, names: dict[int, str]) -> str:
    if ref.followed_to is not None:
        target = names.get(ref.followed_to, f"letter {ref.followed_to}")
        return f"{ref.status} -> {target} ({ref.confidence:.2f}: {ref.reason})"
    if ref.suggestions:
        shown = "; ".join(f"{names.get(lid, lid)} {score:.2f} ({why})" for lid, score, why in ref.suggestions[:3])
        return f"suggested: {shown}"
    return f"{ref.status} ({ref.reason})" if ref.reason else ref.status


def _print_ref(ref: Reference, names: dict[int, str], *, show_letter: bool = False) -> None:
    where = f"{names.get(ref.letter_id, ref.letter_id)} {_where(ref)}" if show_letter else _where(ref)
    print(f"  #{ref.id:<4} {where:<12} {ref.canonical or '-':<22} {_outcome(ref, names)}")
    print(f"        \"{' '.join(ref.raw.split())}\"")


def _letter_refs(args: argparse.Namespace, ctx: Context, letter_ref: str) -> int:
    service = ctx.library.references
    letter = ctx.library.get_letter(letter_ref)  # "#3"/"3" an id, "003" a name
    names = _names(ctx)
    cites, cited_by = service.refs_for(letter), service.cited_by(letter)
    if args.json:
        print_json({
            "letter": {"id": letter.id, "name": letter.name, "kamerstuk": letter.kamerstuk},
            "cites": [reference_json(r, names) for r in cites],
            "cited_by": [reference_json(r, names) for r in cited_by],
        })  # fmt: skip
        return 0
    own = f" ({letter.kamerstuk})" if letter.kamerstuk else ""
    print(f"{letter.name}{own} cites {len(cites)}:" if cites else f"{letter.name}{own} cites nothing")
    for ref in cites:
        _print_ref(ref, names)
    print(f"cited by {len(cited_by)}:" if cited_by else "cited by no letter in the library")
    for ref in cited_by:
        _print_ref(ref, names, show_letter=True)
    return 0


def _all_refs(args: argparse.Namespace, ctx: Context) -> int:
    names = _names(ctx)
    refs = ctx.library.references.all_references()
    if args.json:
        print_json([reference_json(r, names) for r in refs])
        return 0
    current = None
    for ref in refs:
        if ref.letter_id != current:
            current = ref.letter_id
            print(f"{names.get(current, current)}:")
        _print_ref(ref, names)
    if not refs:
        print("no citations in the library")
    return 0


def _missing(args: argparse.Namespace, ctx: Context) -> int:
    names = _names(ctx)
    missing = ctx.library.references.missing()
    if args.json:
        out = []
        for doc in missing:
            data = doc.to_json()
            for place in data["places"]:
                place["letter"] = names.get(place["letter_id"])
            for suggestion in data["suggestions"]:
                suggestion["letter"] = names.get(suggestion["letter_id"])
            out.append(data)
        print_json(out)
        return 0
    if not missing:
        print("every cited document is in the library")
        return 0
    for doc in missing:
        times = "once" if doc.count == 1 else f"{doc.count} times"
        print(f"{doc.canonical:<24} {doc.kind:<12} cited {times} [{doc.status}]")
        if doc.address:
            print(f"    {doc.address}")
        for letter_id, location, number, raw in doc.places:
            where = where_label(location, number)
            print(f"    {names.get(letter_id, letter_id)} {where}: \"{' '.join(raw.split())}\"")
        for letter_id, score, why in doc.suggestions[:3]:
            print(f"    maybe {names.get(letter_id, letter_id)} ({score:.2f}, {why})")
    return 0


def _decide(args: argparse.Namespace, ctx: Context, verb: str, citation_id: int, letter_ref: str) -> int:
    service = ctx.library.references
    ref = service.confirm(citation_id, letter_ref) if verb == "confirm" else service.reject(citation_id, letter_ref)
    names = _names(ctx)
    if args.json:
        print_json(reference_json(ref, names))
        return 0
    done = "confirmed" if verb == "confirm" else "rejected"
    print(f"{done}: #{ref.id} {' '.join(ref.raw.split())}")
    print(f"  now {_outcome(ref, names)}")
    return 0
