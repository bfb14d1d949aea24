"""`kamerlezer search` and `kamerlezer reindex`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from desktop_app.cli.common import Context, add_json_flag, print_json, stderr_progress
from desktop_app.core.model import SearchFragment, SearchHit
from desktop_app.core.words import plural

SYNTAX = """\
query syntax:
  words              all words must occur (Dutch stemming, accents ignored: Oekraine = Oekraïne)
  "a phrase"         the words next to each other
  a OR b, a AND b    also Dutch: OF, EN
  NOT a, a NIET b    leave out letters with a
  (a OR b) c         grouping
  oekra*             words starting with oekra
  oekrane~  ~2       words within 1 (or 2) typing errors
  onderwerp:navo     in one field: onderwerp/subject, tekst/body, voetnoot/footnotes,
                     notitie/notes (annotation notes), thema (theme names)
"""

BOLD, RESET = "\033[1m", "\033[0m"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    p = sub.add_parser(
        "search",
        help="full-text search in letters, footnotes and annotation notes",
        description="Search the library. Hits are letters, best first, with highlighted passages.",
        epilog=SYNTAX,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", nargs="+", help="the search query (quote it in the shell)")
    p.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="T",
        help="only letters with annotations in theme T (id, name or Parent/Child; "
        "includes sub-themes; repeat for several)",
    )
    p.add_argument("--year", type=int, metavar="Y", help="only letters dated in year Y")
    p.add_argument("--chamber", metavar="C", help='only letters to chamber C ("Tweede Kamer", "ek", ...)')
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N letters (default 20)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance", help="order of the hits")
    add_json_flag(p)
    p.set_defaults(func=run_search)

    r = sub.add_parser(
        "reindex",
        help="rebuild the search index from the library",
        description="Rebuild the full-text index from the letters and annotations in the library. "
        "The old index stays in use until the new one is complete.",
    )
    add_json_flag(r)
    r.set_defaults(func=run_reindex)


def run_search(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    results = library.search(
        " ".join(args.query),
        themes=args.theme,
        year=args.year,
        chamber=args.chamber,
        limit=args.limit,
        sort=args.sort,
    )
    names = _names(library, results.hits)
    if args.json:
        print_json(
            {
                "query": results.query,
                "total": results.total,
                "elapsed_ms": round(results.elapsed_ms, 1),
                "hits": [{"name": names.get(h.letter_id), **asdict(h)} for h in results.hits],
            }
        )
        return 0
    bold = sys.stdout.isatty()
    for hit in results.hits:
        print(hit_line(hit, names.get(hit.letter_id, str(hit.letter_id))))
        for frag in hit.fragments:
            print("    " + fragment_line(frag, bold=bold))
    shown = len(results.hits)
    more = f", showing {shown}" if shown < results.total else ""
    print(f"{plural(results.total, 'letter')} found{more} ({results.elapsed_ms:.0f} ms)", file=sys.stderr)
    return 0


def run_reindex(args: argparse.Namespace, ctx: Context) -> int:
    count = ctx.library.reindex(progress=stderr_progress)
    if args.json:
        print_json({"indexed": count})
    else:
        print(f"Indexed {plural(count, 'letter')}.")
    return 0


def _names(library: Any, hits: tuple[SearchHit, ...]) -> dict[int, str]:
    if not hits:
        return {}
    return library.letter_names([hit.letter_id for hit in hits])


def hit_line(hit: SearchHit, name: str) -> str:
    date = hit.date or "(no date)"
    title = hit.title or hit.subject or name
    return f"{date:<10}  {name}  {title}  [score {hit.score:.2f}, {plural(hit.match_count, 'match', 'matches')}]"


def fragment_line(frag: SearchFragment, *, bold: bool = False) -> str:
    """The snippet on one line, matched terms marked with [[...]] (or ANSI bold on a terminal)."""
    where = {
        "footnote": f"footnote {frag.footnote_number}",
        "note": f"note (annotation {frag.annotation_id})",
    }.get(frag.field, frag.field)
    return f"{where}: {mark(frag, bold=bold)}"


def mark(frag: SearchFragment, *, bold: bool = False) -> str:
    opening, closing = (BOLD, RESET) if bold else ("[[", "]]")
    out, cursor = [], frag.start
    for start, end in frag.highlights:
        out.append(frag.text[cursor - frag.start : start - frag.start])
        out.append(opening + frag.text[start - frag.start : end - frag.start] + closing)
        cursor = end
    out.append(frag.text[cursor - frag.start :])
    return " ".join("".join(out).split())
