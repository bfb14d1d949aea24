"""`kamerlezer fetch`: bring cited publications from the official repository into the library;
`follow` / `unfollow`: the dossiers whose new documents `fetch --follow` brings."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.cli.common import Context, add_json_flag, print_json, stderr_progress, wants_json
from desktop_app.core.errors import InvalidInput
from desktop_app.core.words import plural


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands."""
    fetch = sub.add_parser(
        "fetch",
        help="fetch publications by id from the official repository (or every missing one)",
        description="Fetch publications (e.g. kst-28676-464, ah-tk-20202021-3235) from the official "
        "repository (https://repository.overheid.nl, or $KAMERLEZER_OFFICIAL_BASE): the XML with its "
        "metadata when there is one, else the PDF; import them and resolve the citations that pointed at "
        "them. --missing fetches every official document the library cites but lacks; --follow the "
        "documents of the followed dossiers (see 'kamerlezer follow') the library lacks, found with the "
        "repository's search service (after the first time only what changed since the last check). "
        "What the source does not have is listed on stderr, and the exit code is then 1; nothing partial "
        "is stored. Fetched files are kept in the library folder (official/), so a second fetch asks nothing.",
    )
    fetch.add_argument("ids", nargs="*", metavar="ID", help="an official publication id")
    fetch.add_argument("--missing", action="store_true", help="fetch every cited document missing from the library")
    fetch.add_argument("--follow", action="store_true", help="fetch the new documents of the followed dossiers")
    fetch.add_argument(
        "--full", action="store_true",
        help="with --follow: ask for each whole dossier again, not only what changed since the last check",
    )
    fetch.add_argument("--timeout", type=float, default=15.0, metavar="S", help="seconds to wait for an answer (15)")
    add_json_flag(fetch)
    fetch.set_defaults(func=_fetch)

    follow = sub.add_parser(
        "follow",
        help="follow a Kamerstuk dossier: 'fetch --follow' brings its new documents",
        description="Remember Kamerstuk dossiers (28676, '28 676', 36200-X) whose documents "
        "'kamerlezer fetch --follow' keeps in the library. Without a number (or with --list): the "
        "followed dossiers, when each was last checked and how many of its letters the library has. "
        "Following is a change of the history (undo takes it back).",
    )
    follow.add_argument("dossiers", nargs="*", metavar="DOSSIER", help="a dossier number, e.g. 28676")
    follow.add_argument("--list", action="store_true", help="list the followed dossiers")
    add_json_flag(follow)
    follow.set_defaults(func=_follow)

    unfollow = sub.add_parser(
        "unfollow",
        help="stop following a dossier (its letters stay)",
        description="Stop following Kamerstuk dossiers; the letters fetched for them stay in the library.",
    )
    unfollow.add_argument("dossiers", nargs="+", metavar="DOSSIER", help="a followed dossier number")
    add_json_flag(unfollow)
    unfollow.set_defaults(func=_unfollow)


def _fetch(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.core.official import FetchOutcome, OfficialSource, fetch_into, missing_ids

    if not args.ids and not args.missing and not args.follow:
        raise InvalidInput("give one or more ids (e.g. kst-28676-464), or --missing, or --follow")
    if args.full and not args.follow:
        raise InvalidInput("--full goes with --follow")
    library = ctx.library
    source = OfficialSource(timeout=args.timeout)
    report: dict[str, Any] = {}
    outcomes: list[FetchOutcome] = []
    ok = True
    if args.follow:
        followed = _fetch_followed(library, source, args, report)
        if followed is not None:
            outcomes.append(followed.fetch)
            ok = followed.ok
    if args.ids or args.missing:
        ids = list(args.ids) + (missing_ids(library) if args.missing else [])
        if ids:
            outcomes.append(fetch_into(library, ids, source, progress=stderr_progress))
        elif not wants_json(args):
            print("nothing to fetch: no official document is missing from the library")
    fetched = [item for o in outcomes for item in o.fetched]
    lacking = [item for o in outcomes for item in o.lacking]
    offline = next((o.offline for o in outcomes if o.offline), None)
    resolved = sum(o.resolved for o in outcomes)
    if wants_json(args):
        print_json({
            **report,
            "fetched": [{"id": i, "letter": lid} for i, lid in fetched],
            "lacking": [{"id": i, "problem": why} for i, why in lacking],
            "resolved": resolved,
            "offline": offline,
        })
    elif outcomes:
        for identifier, letter_id in fetched:
            print(f"fetched  #{letter_id} {identifier}")
        print(f"{len(fetched)} fetched, {resolved} citations now point at them, {len(lacking)} not found")
    if offline:
        print(f"kamerlezer: {offline}", file=sys.stderr)
    for identifier, why in lacking:
        print(f"kamerlezer: {identifier}: not fetched ({why})", file=sys.stderr)
    return 0 if ok and all(o.ok for o in outcomes) else 1


def _fetch_followed(library: Any, source: Any, args: argparse.Namespace, report: dict[str, Any]) -> Any:
    """``fetch --follow``: each followed dossier searched, its new letters fetched; a line per dossier."""
    from desktop_app.core.following import fetch_followed

    if not library.followed_dossiers():
        report["dossiers"] = []
        if not wants_json(args):
            print("no dossier is followed: follow one with 'kamerlezer follow 28676'")
        return None
    outcome = fetch_followed(library, source, full=args.full, progress=stderr_progress)
    report["dossiers"] = [
        {"dossier": c.dossier, "since": c.since, "listed": c.listed, "new": c.new, "problem": c.problem,
         "complete": c.complete}
        for c in outcome.dossiers
    ]
    for check in outcome.dossiers:
        if check.problem:
            print(f"kamerlezer: dossier {check.dossier}: {check.problem}", file=sys.stderr)
        elif not wants_json(args):
            asked = f"changed since {check.since}" if check.since else "in the dossier"
            new = f"{len(check.new)} new" if check.new else "nothing new"
            print(f"dossier {check.dossier}: {plural(check.listed, 'letter')} {asked}, {new}")
    return outcome


def _follow(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    added = []
    for dossier in args.dossiers:
        before = {d.dossier for d in library.followed_dossiers()}
        followed = library.follow_dossier(dossier)
        if followed.dossier not in before:
            added.append(followed.dossier)
        if not wants_json(args):
            state = "now following" if followed.dossier not in before else "already following"
            print(f"{state} dossier {followed.dossier}")
    if args.dossiers and not args.list:
        if wants_json(args):
            print_json({"followed": added, "dossiers": _listing(library)})
        elif added:
            print("'kamerlezer fetch --follow' brings its documents")
        return 0
    rows = _listing(library)
    if wants_json(args):
        print_json({"dossiers": rows})
    elif not rows:
        print("no dossier is followed: follow one with 'kamerlezer follow 28676'")
    for row in [] if wants_json(args) else rows:
        checked = f"checked {row['checked']}" if row["checked"] else "not checked yet"
        print(f"{row['dossier']:<12} {plural(row['letters'], 'letter'):>12} in the library   {checked}")
    return 0


def _listing(library: Any) -> list[dict[str, Any]]:
    from desktop_app.core.services.follow import dossier_of

    counts: dict[str, int] = {}
    for summary in library.list_letters():
        dossier = dossier_of(summary.kamerstuk or summary.inferred_kamerstuk)
        if dossier:
            counts[dossier] = counts.get(dossier, 0) + 1
    return [
        {"dossier": d.dossier, "since": d.since, "checked": d.checked, "letters": counts.get(d.dossier, 0)}
        for d in library.followed_dossiers()
    ]


def _unfollow(args: argparse.Namespace, ctx: Context) -> int:
    library = ctx.library
    gone = [library.unfollow_dossier(dossier).dossier for dossier in args.dossiers]
    if wants_json(args):
        print_json({"unfollowed": gone, "dossiers": _listing(library)})
    else:
        for dossier in gone:
            print(f"no longer following dossier {dossier} (its letters stay)")
    return 0
