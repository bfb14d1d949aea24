"""Letters: list, find by id or name, set or clear their Kamerstuk id, delete; the resolution of
citations after letters change."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from desktop_app.core.errors import AppError, InvalidInput, NotFound
from desktop_app.core.labels import Label
from desktop_app.core.messages import Message
from desktop_app.core.model import Letter, LetterSummary
from desktop_app.core.services.common import LetterRef, _id_number
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import annotations_repo, letters_repo, list_cache


def _canonical_kamerstuk(value: str) -> str:
    text = value.strip()
    if re.fullmatch(r"[A-Za-z]{1,4}(-[A-Za-z0-9]+){2,5}", text):
        prefix, rest = text.split("-", 1)
        return f"{prefix.lower()}-{rest}"
    from desktop_app.core.references.parser import parse_citations  # on first use: ~0.1 s of patterns

    for citation in parse_citations(text):
        if citation.canonical:
            return citation.canonical
    raise InvalidInput(
        Message("Not a Kamerstuk id: {0} (use e.g. kst-28676-467, or 'Kamerstuk 28 676, nr. 467').", repr(value))
    )


class LettersMixin(LibraryParts):
    """The letter use cases of :class:`~desktop_app.core.services.Library`."""

    def list_letters(self) -> list[LetterSummary]:
        """Every letter (newest date first, undated last, then by name), with annotation counts and used
        themes. Read from the copy kept in ``cache/`` when it is current (store/list_cache.py), else
        listed and kept (not by a library opened read-only)."""
        return list_cache.summaries(self.db, self.folder, write=not self.readonly)

    def letter_summaries(self, letter_ids: Iterable[int]) -> list[LetterSummary]:
        """The rows :meth:`list_letters` gives these letters, in its order (unknown ids left out): one
        query for those letters only (the Passages view's matrix names the letters with passages)."""
        return [LetterSummary(*row) for row in letters_repo.summary_rows(self.db, letter_ids)]

    def keep_letter_list(self) -> bool:
        """Bring the letter list kept in ``cache/`` up to date, so the next :meth:`list_letters` (the
        next window's start-up) reads it instead of listing every letter; costs nothing when it is
        current (the window calls this when it closes). Returns whether it listed the letters."""
        if self.readonly or list_cache.is_current(self.db, self.folder):
            return False
        self.list_letters()
        return True

    def letter_names(self, letter_ids: Sequence[int]) -> dict[int, str]:
        """``{id: name}`` of the given letters only (unknown ids are left out)."""
        return letters_repo.names_of(self.db, letter_ids)

    def get_letter(self, ref: LetterRef) -> Letter:
        """By id or name; raises NotFound."""
        letter = letters_repo.get(self.db, self._letter_id(ref))
        if letter is None:
            raise NotFound(f"No letter {ref!r} in this library.")
        return letter

    def _letter_id(self, ref: LetterRef) -> int:
        if isinstance(ref, Letter):
            return ref.id
        if isinstance(ref, int):
            if letters_repo.get(self.db, ref) is None:
                raise NotFound(f"No letter with id {ref} in this library.")
            return ref
        text = str(ref).strip()
        number = _id_number(text)
        if number is not None:  # "#3" or "3": an id ("003" is a name)
            if letters_repo.get(self.db, number) is not None:
                return number
            if text.startswith("#") or letters_repo.id_by_name(self.db, text) is None:
                raise NotFound(f"No letter with id {number} in this library (see 'kamerlezer list').")
        found = letters_repo.id_by_name(self.db, text)
        if found is None:
            found = letters_repo.id_by_name(self.db, letters_repo.letter_name(Path(text).name))
        if found is not None:
            return found
        wanted = text.casefold()
        matches = [(i, name) for i, name in letters_repo.names(self.db) if name.casefold().startswith(wanted)] if text else []
        if len(matches) == 1:
            return matches[0][0]
        if matches:
            listing = ", ".join(name for _, name in matches[:10]) + (", …" if len(matches) > 10 else "")
            raise InvalidInput(f"{text!r} is the start of {len(matches)} letters' names ({listing}): "
                               "give more of the name, or the id as #N.")
        raise NotFound(f"No letter {text!r} in this library (give its id or name; see 'kamerlezer list').")

    def iter_letters(self) -> Iterator[Letter]:
        """Every letter, by id (loads one at a time)."""
        for letter_id in letters_repo.all_ids(self.db):
            letter = letters_repo.get(self.db, letter_id)
            if letter is not None:
                yield letter

    def set_kamerstuk(self, ref: LetterRef, kamerstuk: str | None) -> Letter:
        """Record the letter's own Kamerstuk id (kamerstuk_source = "user"); re-resolves references.
        Accepts a canonical id ("kst-28676-467") or a citation ("Kamerstuk 28 676, nr. 467");
        None or "" clears it."""
        letter_id = self._letter_id(ref)
        value = _canonical_kamerstuk(kamerstuk) if kamerstuk and kamerstuk.strip() else None
        name = letters_repo.names_of(self.db, [letter_id]).get(letter_id, f"#{letter_id}")
        label = Label("Set the Kamerstuk id of {0} to {1}", name, value) if value else Label("Cleared the Kamerstuk id of {0}", name)
        with self.unit_of_work(label, transaction=False, letters_changing=[letter_id], resolve=True):
            letters_repo.set_kamerstuk(self.db, letter_id, value)
        return self.get_letter(letter_id)

    def confirm_inferred_kamerstuk(self, ref: LetterRef) -> Letter:
        """The user agrees with the letter's inferred own id: it becomes the letter's id (as set by the
        user). Raises InvalidInput when nothing is inferred for the letter."""
        letter = self.get_letter(ref)
        if not letter.inferred_kamerstuk:
            raise InvalidInput(f"No Kamerstuk id is inferred for letter {letter.name}.")
        return self.set_kamerstuk(letter.id, letter.inferred_kamerstuk)

    def clear_inferred_kamerstuk(self, ref: LetterRef) -> Letter:
        """The user disagrees with the letter's inferred own id: the citations of that id are no longer
        linked to the letter (recorded as rejected, as ``refs reject`` does), so it is not inferred
        again. Raises InvalidInput when nothing is inferred for the letter."""
        letter = self.get_letter(ref)
        if not letter.inferred_kamerstuk:
            raise InvalidInput(f"No Kamerstuk id is inferred for letter {letter.name}.")
        label = Label("Rejected {0} as the id of {1}", letter.inferred_kamerstuk, letter.name)
        with self.unit_of_work(label, transaction=False, index=False):  # resolutions only: not indexed
            self.references.reject_key(letter.inferred_kamerstuk, letter.id)
        return self.get_letter(letter.id)

    def delete_letter(self, ref: LetterRef) -> Letter:
        """Remove a letter without annotations (refused, InvalidInput, while it has any: annotations
        are never deleted as a side effect). Returns what was deleted."""
        letter = self.get_letter(ref)
        count = annotations_repo.count_for_letter(self.db, letter.id)
        if count:
            raise InvalidInput(Message("Letter {0} has {1} annotation(s): delete or move them first.", letter.name, count))
        label = Label("Deleted the letter {0}", letter.name)
        with self.unit_of_work(label, transaction=False, letters_changing=[letter.id], deleted=True, resolve=True):
            letters_repo.delete(self.db, letter.id)
        return letter

    def resolve_references(self, *, full: bool = False) -> None:
        """Resolve citations again after imports, deletions and Kamerstuk changes: only those the
        changes since the last call can affect (the same result as resolving all of them), or every
        citation with ``full``. The letters are already committed: a failure here is only a notice."""
        try:
            if full:
                self.references.resolve_all()
            else:
                self.references.resolve_pending()
        except AppError as err:
            self.notices.append(f"References could not be resolved: {err.message}")
        except Exception as err:  # noqa: BLE001 - never lose a finished import over derived data
            self.notices.append(f"References could not be resolved ({type(err).__name__}: {err}).")

    def _references_current(self) -> None:
        """A library whose citations were resolved by older rules is resolved again (a notice on failure).
        The version is read from the meta table first, so an open does not load the reference service."""
        from desktop_app.core.references.rules import resolutions_current

        try:
            if self._references is None and resolutions_current(self.db):
                return
            self.references.ensure_current()
        except AppError as err:
            self.notices.append(f"References could not be resolved: {err.message}")
        except Exception as err:  # noqa: BLE001 - opening must not fail over derived data
            self.notices.append(f"References could not be resolved ({type(err).__name__}: {err}).")

