"""Annotations: a passage of a letter with themes and a note; add, edit, delete, restore, re-attach,
list; the passages of themes across letters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from desktop_app.core import anchoring
from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.labels import Label
from desktop_app.core.messages import Message
from desktop_app.core.model import Annotation, Letter
from desktop_app.core.services.common import LetterRef, ThemeRef, _short
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import annotations_repo, letters_repo, themes_repo


def _check_span(letter: Letter, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(letter.text):
        raise InvalidInput(
            f"Span {start}-{end} is not a passage of letter {letter.name} (its text has {len(letter.text)} characters)."
        )
    if not letter.text[start:end].strip():
        raise InvalidInput(Message("Span {0}-{1} of letter {2} holds only white space.", start, end, letter.name))


class AnnotationsMixin(LibraryParts):
    """The annotation use cases of :class:`~desktop_app.core.services.Library`."""

    def _edit_label(self, current: Annotation, note: str | None, themes: Sequence[int] | None) -> Label:
        """What an edit of an annotation does, as the history and the status bar say it."""
        quote = f"“{_short(current.quote, 40)}”"
        if themes is not None:
            added = [t for t in themes if t not in current.theme_ids]
            removed = [t for t in current.theme_ids if t not in themes]
            if added and not removed:
                return Label("Tagged {0} with {1}", quote, self._theme_names(added))
            if removed and not added:
                return Label("Untagged {0} ({1})", quote, self._theme_names(removed))
            if added:
                return Label("Retagged {0}", quote)
        return Label("Edited the note on {0}", quote)

    def annotate(
        self, letter: LetterRef, start: int, end: int, theme_ids: Sequence[int] = (), note: str = ""
    ) -> Annotation:
        """Annotate ``text[start:end]`` of a letter. ``theme_ids`` may also be names or paths."""
        target = self.get_letter(letter)
        _check_span(target, start, end)
        themes = self._theme_ids(theme_ids)
        sel = anchoring.select(target.text, start, end, hash_=letters_repo.text_hash_of(self.db, target.id))
        draft = Annotation(
            id=0, letter_id=target.id, start=sel.start, end=sel.end, quote=sel.quote, prefix=sel.prefix,
            suffix=sel.suffix, text_hash=sel.text_hash, note=note or "", theme_ids=tuple(themes),
        )  # fmt: skip
        quote = f"“{_short(sel.quote, 40)}”"
        label = Label("Tagged {0} with {1}", quote, self._theme_names(themes)) if themes else Label("Annotated {0}", quote)
        with self.unit_of_work(label) as work:
            work.touch([target.id])
            annotation_id = annotations_repo.insert(self.db, draft)
        return self.get_annotation(annotation_id)

    def annotate_quote(
        self, letter: LetterRef, quote: str, theme_ids: Sequence[int] = (), note: str = "", occurrence: int = 1
    ) -> Annotation:
        """Annotate the ``occurrence``-th (1-based) place where ``quote`` stands in the letter. The
        quote may differ from the text in line breaks, hyphenation and case."""
        target = self.get_letter(letter)
        spans = anchoring.find_quote(target.text, quote)
        if not spans:
            raise InvalidInput(f"The quote {_short(quote)!r} does not occur in letter {target.name}.")
        if not 1 <= occurrence <= len(spans):
            raise InvalidInput(
                f"The quote {_short(quote)!r} occurs {len(spans)} time(s) in letter {target.name}; "
                f"occurrence {occurrence} does not exist."
            )
        start, end = spans[occurrence - 1]
        return self.annotate(target.id, start, end, theme_ids, note)

    def get_annotation(self, annotation_id: int) -> Annotation:
        annotation = annotations_repo.get(self.db, int(annotation_id))
        if annotation is None:
            raise NotFound(f"No annotation with id {annotation_id}.")
        return annotation

    def update_annotation(
        self, annotation_id: int, *, note: str | None = None, theme_ids: Sequence[int] | None = None
    ) -> Annotation:
        current = self.get_annotation(annotation_id)
        themes = self._theme_ids(theme_ids) if theme_ids is not None else None
        with self.unit_of_work(self._edit_label(current, note, themes)) as work:
            work.touch([current.letter_id])
            work.label.fold = themes is None  # a note typed in several sittings is one change
            if note is not None:
                annotations_repo.update(self.db, current.id, note=note)
            if themes is not None:
                annotations_repo.set_themes(self.db, current.id, themes)
                annotations_repo.update(self.db, current.id)
        return self.get_annotation(current.id)

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Returns what was deleted, so undo can :meth:`restore_annotation` it."""
        current = self.get_annotation(annotation_id)
        with self.unit_of_work(Label("Deleted the annotation {0}", f"“{_short(current.quote, 40)}”")) as work:
            work.touch([current.letter_id])
            annotations_repo.delete(self.db, current.id)
        return current

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        """Re-insert a deleted annotation with its id, themes and note (themes deleted meanwhile are
        left out)."""
        if annotations_repo.get(self.db, annotation.id) is not None:
            raise InvalidInput(f"An annotation with id {annotation.id} already exists.")
        self._letter_id(annotation.letter_id)
        themes = themes_repo.existing_ids(self.db, annotation.theme_ids)
        kept = replace(annotation, theme_ids=tuple(t for t in annotation.theme_ids if t in themes))
        with self.unit_of_work(Label("Restored the annotation {0}", f"“{_short(annotation.quote, 40)}”")) as work:
            work.touch([annotation.letter_id])
            annotations_repo.insert(self.db, kept, keep_id=True)
        return self.get_annotation(annotation.id)

    def reattach_annotation(self, annotation_id: int, start: int, end: int) -> Annotation:
        """Anchor an orphan (or move an annotation) to a new span of its letter."""
        current = self.get_annotation(annotation_id)
        letter = self.get_letter(current.letter_id)
        _check_span(letter, start, end)
        sel = anchoring.select(letter.text, start, end, hash_=letters_repo.text_hash_of(self.db, letter.id))
        with self.unit_of_work(Label("Re-attached {0}", f"“{_short(sel.quote, 40)}”")) as work:
            work.touch([letter.id])
            annotations_repo.update(
                self.db, current.id, start=sel.start, end=sel.end, quote=sel.quote, prefix=sel.prefix,
                suffix=sel.suffix, text_hash=sel.text_hash, status=anchoring.ANCHORED,
            )  # fmt: skip
        return self.get_annotation(current.id)

    def list_annotations(
        self, letter: LetterRef | None = None, theme: ThemeRef | None = None, *, include_subthemes: bool = True
    ) -> list[Annotation]:
        """In letter order, then text order."""
        letter_id = self._letter_id(letter) if letter is not None else None
        if theme is not None:
            theme_id = self.get_theme(theme).id
            ids = self.theme_descendants(theme_id) if include_subthemes else [theme_id]
            return annotations_repo.for_themes(self.db, ids, letter_id)
        if letter_id is not None:
            return annotations_repo.for_letter(self.db, letter_id)
        return annotations_repo.select(self.db)

    def passages(self, theme_ids: Sequence[ThemeRef]) -> list[Any]:
        """Passages of these themes and their sub-themes across letters (:mod:`core.passages`)."""
        from desktop_app.core import passages

        return passages.passages(self, self._theme_ids(theme_ids))

    def theme_letter_matrix(self) -> dict[tuple[int, int], int]:
        """(theme id, letter id) -> passages, sub-themes included (:mod:`core.passages`)."""
        from desktop_app.core import passages

        return passages.theme_letter_matrix(self)

    def orphans(self) -> list[Annotation]:
        """Annotations that lost their place in a new version of their letter."""
        return annotations_repo.select(self.db, "WHERE a.status = ?", [anchoring.ORPHAN])

