"""Followed dossiers: the Kamerstuk dossiers whose new documents ``fetch --follow`` brings
(``core/following.py``). Kept in the library's ``meta`` table, so no migration is needed:

- ``followed_dossiers``: JSON ``[{"dossier": "28676", "since": "2025-…"}]``, written by
  :meth:`FollowMixin.follow_dossier` / :meth:`FollowMixin.unfollow_dossier` as changes of the
  history (``meta`` is one of the recorded tables: undo and redo take them back and put them back);
- ``followed_checked``: JSON ``{"28676": "2025-03-01"}``, the day of each dossier's last complete
  check, written by :meth:`FollowMixin.mark_dossiers_checked` outside the history (bookkeeping, like
  the citations' word statistics: undoing a follow leaves it, following again continues from it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.labels import Label
from desktop_app.core.model import FollowedDossier
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import letters_repo, meta_repo

FOLLOWED_KEY = "followed_dossiers"
CHECKED_KEY = "followed_checked"
_DOSSIER = re.compile(r"(\d{1,3}(?:[ .]\d{3})|\d{4,6})(?:\s*-\s*|\s+)?([0-9]{1,3}|[IVXLC]{1,6}|[A-Z])?")


def normalize_dossier(text: str) -> str:
    """A dossier number as the official ids write it: "28676", "28 676" and "28.676" -> "28676";
    "36200-X", "36 200 X" -> "36200-X"; "21501-28" stays. InvalidInput for anything else."""
    match = _DOSSIER.fullmatch(text.strip().upper())
    if not match:
        raise InvalidInput(f"Not a dossier number: {text!r} (use e.g. 28676, '28 676' or 36200-X).")
    number = re.sub(r"[ .]", "", match.group(1))
    return f"{number}-{match.group(2)}" if match.group(2) else number


def dossier_of(identifier: str | None) -> str | None:
    """The dossier of a Kamerstuk id: kst-28676-464 -> 28676, kst-36200-X-38 -> 36200-X."""
    match = re.fullmatch(r"kst-(.+)-(\d+)", identifier or "")
    return match.group(1) if match else None


class FollowMixin(LibraryParts):
    """Followed dossiers of :class:`~desktop_app.core.services.Library`."""

    def followed_dossiers(self) -> list[FollowedDossier]:
        """The followed dossiers, in the order they were followed, with the day each was last checked."""
        checked = self._followed_checked()
        return [
            FollowedDossier(str(item["dossier"]), str(item.get("since", "")), checked.get(str(item["dossier"])))
            for item in self._followed()
        ]

    def follow_dossier(self, dossier: str) -> FollowedDossier:
        """Follow a dossier ("28676", "28 676", "36200-X"): recorded as a change ("Followed dossier
        28676"). Following one already followed changes nothing and returns it as it is."""
        number = normalize_dossier(dossier)
        for known in self.followed_dossiers():
            if known.dossier == number:
                return known
        items = [*self._followed(), {"dossier": number, "since": letters_repo.now()}]
        with self.unit_of_work(Label("Followed dossier {0}", number), index=False):
            meta_repo.put(self.db, FOLLOWED_KEY, json.dumps(items))
        return next(d for d in self.followed_dossiers() if d.dossier == number)

    def unfollow_dossier(self, dossier: str) -> FollowedDossier:
        """Stop following a dossier (recorded: "Stopped following dossier 28676"); the letters fetched
        for it stay. NotFound when it is not followed."""
        number = normalize_dossier(dossier)
        gone = next((d for d in self.followed_dossiers() if d.dossier == number), None)
        if gone is None:
            raise NotFound(f"Dossier {number} is not followed (see 'kamerlezer follow --list').")
        items = [item for item in self._followed() if item["dossier"] != number]
        with self.unit_of_work(Label("Stopped following dossier {0}", number), index=False):
            meta_repo.put(self.db, FOLLOWED_KEY, json.dumps(items))
        return gone

    def mark_dossiers_checked(self, checked: Mapping[str, str]) -> None:
        """Record the day of each dossier's complete check (``fetch --follow``): the next check asks
        only for what changed from the day before. Not a change of the history."""
        if not checked:
            return
        days = {**self._followed_checked(), **checked}
        with self.db.atomic():
            meta_repo.put(self.db, CHECKED_KEY, json.dumps(days, sort_keys=True))

    def _followed(self) -> list[dict[str, str]]:
        try:
            items = json.loads(meta_repo.get(self.db, FOLLOWED_KEY) or "[]")
        except ValueError:
            return []
        return [i for i in items if isinstance(i, dict) and isinstance(i.get("dossier"), str)]

    def _followed_checked(self) -> dict[str, str]:
        try:
            days = json.loads(meta_repo.get(self.db, CHECKED_KEY) or "{}")
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in days.items()} if isinstance(days, dict) else {}
