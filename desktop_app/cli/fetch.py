"""`kamerlezer fetch`: bring cited publications from the official repository into the library."""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import Context, add_json_flag, print_json, stderr_progress, wants_json
from desktop_app.core.errors import InvalidInput


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    fetch = sub.add_parser(
        "fetch",
        help="fetch publications by id from the official repository (or every missing one)",
        description="Fetch publications (e.g. kst-28676-464, ah-tk-20202021-3235) from the official "
        "repository (https://repository.overheid.nl, or $KAMERLEZER_OFFICIAL_BASE): the XML with its "
        "metadata when there is one, else the PDF; import them and resolve the citations that pointed at "
        "them. --missing fetches every official document the library cites but lacks. What the source "
        "does not have is listed on stderr, and the exit code is then 1; nothing partial is stored. "
        "Fetched files are kept in the library folder (official/), so a second fetch asks nothing.",
    )
    fetch.add_argument("ids", nargs="*", metavar="ID", help="an official publication id")
    fetch.add_argument("--missing", action="store_true", help="fetch every cited document missing from the library")
    fetch.add_argument("--timeout", type=float, default=15.0, metavar="S", help="seconds to wait for an answer (15)")
    add_json_flag(fetch)
    fetch.set_defaults(func=_fetch)


def _fetch(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.core.official import OfficialSource, fetch_into, missing_ids

    if not args.ids and not args.missing:
        raise InvalidInput("give one or more ids (e.g. kst-28676-464), or --missing")
    library = ctx.library
    ids = list(args.ids) + (missing_ids(library) if args.missing else [])
    if not ids:
        print("nothing to fetch: no official document is missing from the library")
        return 0
    outcome = fetch_into(library, ids, OfficialSource(timeout=args.timeout), progress=stderr_progress)
    if wants_json(args):
        print_json({
            "fetched": [{"id": i, "letter": lid} for i, lid in outcome.fetched],
            "lacking": [{"id": i, "problem": why} for i, why in outcome.lacking],
            "resolved": outcome.resolved,
            "offline": outcome.offline,
        })
    else:
        for identifier, letter_id in outcome.fetched:
            print(f"fetched  #{letter_id} {identifier}")
        print(f"{len(outcome.fetched)} fetched, {outcome.resolved} citations now point at them, "
              f"{len(outcome.lacking)} not found")
    if outcome.offline:
        print(f"kamerlezer: {outcome.offline}", file=sys.stderr)
    for identifier, why in outcome.lacking:
        print(f"kamerlezer: {identifier}: not fetched ({why})", file=sys.stderr)
    return 0 if outcome.ok else 1
