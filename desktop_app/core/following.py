"""Bringing followed dossiers up to date (``kamerlezer fetch --follow``, the window's "Bring followed
dossiers up to date"): for each dossier the library follows (``Library.followed_dossiers``), the search
service lists its publications (``OfficialSource.dossier_records``: the whole dossier the first time,
afterwards only what changed from the day before the last complete check); the letters among them
(Kamerstukken, Handelingen, Aanhangsels: ``official.is_fetchable``) that the library does not have
(as its own id or the id inferred from citations) are fetched through the one fetch path,
``official.fetch_into``: XML with metadata before PDF, checked, kept whole, imported, citations resolved.

A dossier's check is complete, and its day recorded (``Library.mark_dossiers_checked``), only when its
listing was read to the end and every new document of it came; otherwise (offline, a document the
source lacks, a search answer that is not XML, cancel) the next run asks from the same day again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desktop_app.core.messages import Message
from desktop_app.core.official import (
    FetchOutcome,
    NotAtSource,
    OfficialSource,
    SearchRecord,
    SourceUnreachable,
    fetch_into,
    is_fetchable,
    reason_of,
)
from desktop_app.core.tasks import CancelToken, Progress


@dataclass
class DossierCheck:
    """What the search service said of one followed dossier."""

    dossier: str
    since: str | None = None  # asked for what changed on or after this day (None: the whole dossier)
    listed: int = 0  # letters the search named (new or not)
    new: list[str] = field(default_factory=list)  # of those, the ones the library lacked
    problem: str | None = None  # the search failed (or the source has no such dossier)
    complete: bool = False  # listed to the end and every new document came: its day was recorded


@dataclass
class FollowOutcome:
    dossiers: list[DossierCheck] = field(default_factory=list)
    fetch: FetchOutcome = field(default_factory=FetchOutcome)

    @property
    def ok(self) -> bool:
        return self.fetch.ok and not any(d.problem for d in self.dossiers)


def library_ids(library: Any) -> set[str]:
    """The official ids the library's letters have: their own, or inferred from the citations."""
    ids: set[str] = set()
    for summary in library.list_letters():
        ids.update(i.lower() for i in (summary.kamerstuk, summary.inferred_kamerstuk) if i)
    return ids


def fetch_followed(
    library: Any, source: OfficialSource | None = None, *, full: bool = False, today: date | None = None,
    progress: Progress | None = None, cancel: CancelToken | None = None,
) -> FollowOutcome:
    """Search each followed dossier and fetch its letters the library lacks (see the module). ``full``
    asks for the whole dossier again (a letter deleted since comes back); ``today`` is the day recorded
    as checked (the clock, unless a test says otherwise)."""
    source = source or OfficialSource()
    day = today or date.today()
    outcome = FollowOutcome()
    have = library_ids(library)
    wanted: dict[str, SearchRecord] = {}
    followed = library.followed_dossiers()
    for number, dossier in enumerate(followed):
        check = DossierCheck(dossier.dossier)
        outcome.dossiers.append(check)
        if outcome.fetch.offline:
            check.problem = Message("not searched: the source cannot be reached")
            continue
        if cancel is not None and cancel.cancelled:
            check.problem = Message("not searched: cancelled")
            continue
        if dossier.checked and not full:
            check.since = (date.fromisoformat(dossier.checked) - timedelta(days=1)).isoformat()
        if progress:
            progress(number, len(followed), f"searching dossier {dossier.dossier}")
        try:
            records = source.dossier_records(dossier.dossier, since=check.since, cancel=cancel)
        except NotAtSource as err:
            check.problem = reason_of(err)
            continue
        except SourceUnreachable as err:
            outcome.fetch.offline = err.message
            check.problem = Message("not searched: the source cannot be reached")
            continue
        if not records and check.since is None:
            check.problem = Message("the source has no publications of dossier {0}", dossier.dossier)
            continue
        letters = [r for r in records if is_fetchable(r.identifier.lower())]
        check.listed = len(letters)
        for record in letters:
            key = record.identifier.lower()
            if key not in have:
                check.new.append(record.identifier)
                wanted.setdefault(key, record)
    if outcome.fetch.offline or (cancel is not None and cancel.cancelled):
        outcome.fetch.cancelled = bool(cancel is not None and cancel.cancelled)
        return outcome
    if progress:
        progress(len(followed), len(followed), "")
    if wanted:
        found = {key: record.manifestations for key, record in wanted.items()}
        outcome.fetch = fetch_into(library, list(wanted), source, progress=progress, cancel=cancel, found=found)
    if outcome.fetch.offline or outcome.fetch.cancelled:
        return outcome
    lacking = {identifier.lower() for identifier, _ in outcome.fetch.lacking}
    done = {}
    for check in outcome.dossiers:
        if check.problem is None and not lacking.intersection(i.lower() for i in check.new):
            check.complete = True
            done[check.dossier] = day.isoformat()
    library.mark_dossiers_checked(done)
    return outcome
