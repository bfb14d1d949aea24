"""Undoable edits of annotations and themes (QUndoCommand), each a pair of Library calls.

Every command calls the Library in ``redo``/``undo`` and then tells the controller what changed, so
every view refreshes the same way whether the change was made, undone or redone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop_app.core.model import Annotation, Theme

if TYPE_CHECKING:
    from desktop_app.gui.controller import LibraryController

NOTE_MERGE_ID = 1001
translate = QCoreApplication.translate  # QUndoCommand is no QObject: no self.tr


def short_quote(quote: str, limit: int = 40) -> str:
    """The start of a passage for a status line or the Edit menu."""
    words = " ".join(quote.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


class _Command(QUndoCommand):
    """``apply``/``revert`` do the work. The controller applies a new command *before* pushing it, so
    a refused edit (an AppError) never lands on the undo stack; the push then skips the first redo."""

    def __init__(self, controller: LibraryController, text: str, past: str | None = None) -> None:
        super().__init__(text)  # what the Edit menu says: "Undo <text>", "Redo <text>"
        self.past = past or translate("Commands", "Done: {what}").format(what=text)  # what the status bar says when it is done or redone
        self.controller = controller
        self.library = controller.library
        self.applied_before_push = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.applied_before_push:
            self.applied_before_push = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()


class AddAnnotation(_Command):
    def __init__(
        self,
        controller: LibraryController,
        letter_id: int,
        start: int,
        end: int,
        theme_ids: Sequence[int],
        note: str = "",
        text: str | None = None,
        past: str | None = None,
    ) -> None:
        super().__init__(controller, text or translate("Commands", "Add annotation"), past)
        self.letter_id, self.start, self.end = letter_id, start, end
        self.theme_ids, self.note = tuple(theme_ids), note
        self.annotation: Annotation | None = None

    def apply(self) -> None:
        if self.annotation is None:
            self.annotation = self.library.annotate(self.letter_id, self.start, self.end, self.theme_ids, self.note)
        else:
            self.annotation = self.library.restore_annotation(self.annotation)
        self.controller.annotations_touched(self.letter_id, self.annotation.id)

    def revert(self) -> None:
        assert self.annotation is not None
        self.annotation = self.library.delete_annotation(self.annotation.id)
        self.controller.annotations_touched(self.letter_id, None)


class DeleteAnnotation(_Command):
    def __init__(self, controller: LibraryController, annotation: Annotation) -> None:
        quote = short_quote(annotation.quote)
        super().__init__(controller, translate("Commands", "Remove annotation “{quote}”").format(quote=quote),
                         translate("Commands", "Removed the annotation “{quote}”").format(quote=quote))
        self.annotation = annotation

    def apply(self) -> None:
        self.annotation = self.library.delete_annotation(self.annotation.id)
        self.controller.annotations_touched(self.annotation.letter_id, None)

    def revert(self) -> None:
        self.annotation = self.library.restore_annotation(self.annotation)
        self.controller.annotations_touched(self.annotation.letter_id, self.annotation.id)


class ReattachAnnotation(_Command):
    """Anchor an orphan (or move an annotation) to a new span; undo puts the old record back."""

    def __init__(self, controller: LibraryController, annotation: Annotation, start: int, end: int) -> None:
        super().__init__(controller, translate("Commands", "Re-attach annotation"))
        self.old = annotation
        self.start, self.end = start, end

    def apply(self) -> None:
        self.library.reattach_annotation(self.old.id, self.start, self.end)
        self.controller.annotations_touched(self.old.letter_id, self.old.id)

    def revert(self) -> None:
        self.library.delete_annotation(self.old.id)
        self.library.restore_annotation(self.old)
        self.controller.annotations_touched(self.old.letter_id, self.old.id)


class SetAnnotationThemes(_Command):
    def __init__(
        self, controller: LibraryController, annotation: Annotation, theme_ids: Sequence[int], text: str, past: str
    ) -> None:
        super().__init__(controller, text, past)
        self.annotation_id = annotation.id
        self.letter_id = annotation.letter_id
        self.old = tuple(annotation.theme_ids)
        self.new = tuple(theme_ids)

    def apply(self) -> None:
        self.library.update_annotation(self.annotation_id, theme_ids=self.new)
        self.controller.annotations_touched(self.letter_id, self.annotation_id)

    def revert(self) -> None:
        self.library.update_annotation(self.annotation_id, theme_ids=self.old)
        self.controller.annotations_touched(self.letter_id, self.annotation_id)


class EditNote(_Command):
    """Consecutive edits of the same note merge into one undo step."""

    def __init__(self, controller: LibraryController, annotation: Annotation, note: str) -> None:
        super().__init__(controller, translate("Commands", "Edit note"), translate("Commands", "Note saved"))
        self.annotation_id = annotation.id
        self.letter_id = annotation.letter_id
        self.old = annotation.note
        self.new = note

    def id(self) -> int:
        return NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, EditNote) or other.annotation_id != self.annotation_id:
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        self.library.update_annotation(self.annotation_id, note=self.new)
        self.controller.annotations_touched(self.letter_id, self.annotation_id, note_only=True)

    def revert(self) -> None:
        self.library.update_annotation(self.annotation_id, note=self.old)
        self.controller.annotations_touched(self.letter_id, self.annotation_id, note_only=True)


# -- themes ----------------------------------------------------------------------------------------


class AddTheme(_Command):
    def __init__(self, controller: LibraryController, name: str, color: str | None, parent_id: int | None) -> None:
        super().__init__(controller, translate("Commands", "Add theme “{name}”").format(name=name))
        self.name, self.color, self.parent_id = name, color, parent_id
        self.theme: Theme | None = None

    def apply(self) -> None:
        if self.theme is None:
            self.theme = self.library.add_theme(self.name, color=self.color, parent=self.parent_id)
        else:
            self.theme = self.library.restore_theme(self.theme)
        self.controller.themes_touched()

    def revert(self) -> None:
        assert self.theme is not None
        self.library.delete_theme(self.theme.id, force=True)
        self.controller.themes_touched()


class SetThemeKey(_Command):
    """Give a theme a key 1-9 (or none); the theme that had the key gives it up, and undo gives it back."""

    def __init__(self, controller: LibraryController, theme: Theme, key: int | None) -> None:
        if key:
            text = translate("Commands", "Key {key} for “{name}”").format(key=key, name=theme.name)
            past = translate("Commands", "{name} now has key {key}").format(key=key, name=theme.name)
        else:
            text = translate("Commands", "No key for “{name}”").format(name=theme.name)
            past = translate("Commands", "{name} has no key now").format(name=theme.name)
        super().__init__(controller, text, past)
        self.theme_id, self.old, self.new = theme.id, theme.key, key
        self.displaced: Theme | None = None

    def apply(self) -> None:
        _theme, self.displaced = self.library.set_theme_key(self.theme_id, self.new)
        if self.displaced is not None:
            self.past += " " + translate("Commands", "({name} has none)").format(name=self.displaced.name)
        self.controller.themes_touched()

    def revert(self) -> None:
        self.library.set_theme_key(self.theme_id, self.old)
        if self.displaced is not None:
            self.library.set_theme_key(self.displaced.id, self.new)
        self.controller.themes_touched()


class UpdateTheme(_Command):
    """Rename, recolour or describe."""

    def __init__(
        self,
        controller: LibraryController,
        theme: Theme,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> None:
        if name is not None:
            label = translate("Commands", "Rename theme")
        elif color is not None:
            label = translate("Commands", "Change theme colour")
        else:
            label = translate("Commands", "Describe theme")
        super().__init__(controller, label)
        self.theme_id = theme.id
        self.old = {
            "name": theme.name if name is not None else None,
            "color": theme.color if color is not None else None,
            "description": theme.description if description is not None else None,
        }
        self.new = {"name": name, "color": color, "description": description}

    def apply(self) -> None:
        self.library.update_theme(self.theme_id, **self.new)
        self.controller.themes_touched()

    def revert(self) -> None:
        self.library.update_theme(self.theme_id, **self.old)
        self.controller.themes_touched()


class MoveTheme(_Command):
    def __init__(self, controller: LibraryController, theme: Theme, parent_id: int | None, position: int | None) -> None:
        super().__init__(controller, translate("Commands", "Move theme"))
        self.theme_id = theme.id
        self.old_parent, self.old_position = theme.parent_id, theme.position
        self.new_parent, self.new_position = parent_id, position

    def apply(self) -> None:
        self.library.move_theme(self.theme_id, parent=self.new_parent, position=self.new_position)
        self.controller.themes_touched()

    def revert(self) -> None:
        self.library.move_theme(self.theme_id, parent=self.old_parent, position=self.old_position)
        self.controller.themes_touched()


class DeleteTheme(_Command):
    """Deleting a theme takes it off its annotations (never deletes them); undo puts it back."""

    def __init__(self, controller: LibraryController, theme: Theme) -> None:
        super().__init__(controller, translate("Commands", "Delete theme “{name}”").format(name=theme.name))
        self.theme = theme
        self.annotation_ids: list[int] = []
        self.children: list[Theme] = []

    def apply(self) -> None:
        self.annotation_ids = [
            a.id for a in self.library.list_annotations(theme=self.theme.id, include_subthemes=False)
        ]
        self.children = [t for t in self.library.list_themes() if t.parent_id == self.theme.id]
        self.library.delete_theme(self.theme.id, force=True)
        self.controller.themes_touched(annotations=True)

    def revert(self) -> None:
        self.library.restore_theme(self.theme, self.annotation_ids)
        for child in self.children:
            current = self.library.get_theme(child.id)
            if current.parent_id != self.theme.id:
                self.library.move_theme(child.id, parent=self.theme.id, position=child.position)
        self.controller.themes_touched(annotations=True)


class MergeThemes(_Command):
    """Source's annotations and sub-themes go to target; source is deleted. Undo restores exactly."""

    def __init__(self, controller: LibraryController, source: Theme, target: Theme) -> None:
        super().__init__(controller, translate("Commands", "Merge “{name}” into “{target}”").format(name=source.name, target=target.name))
        self.source, self.target = source, target
        self.before: list[Annotation] = []
        self.children: list[Theme] = []

    def apply(self) -> None:
        self.before = self.library.list_annotations(theme=self.source.id, include_subthemes=False)
        self.children = [t for t in self.library.list_themes() if t.parent_id == self.source.id]
        self.library.merge_themes(self.source.id, self.target.id)
        self.controller.themes_touched(annotations=True)

    def revert(self) -> None:
        self.library.restore_theme(self.source, [a.id for a in self.before])
        for annotation in self.before:
            self.library.update_annotation(annotation.id, theme_ids=annotation.theme_ids)
        for child in self.children:
            self.library.move_theme(child.id, parent=self.source.id, position=child.position)
        self.controller.themes_touched(annotations=True)


class SetKamerstuk(_Command):
    """The letter's own Kamerstuk id, set by the user (citations of it then resolve to it)."""

    def __init__(self, controller: LibraryController, letter_id: int, old: str | None, new: str | None) -> None:
        super().__init__(controller, translate("Commands", "Set Kamerstuk id"))
        self.letter_id, self.old, self.new = letter_id, old, new

    def apply(self) -> None:
        self.library.set_kamerstuk(self.letter_id, self.new)
        self.controller.letter_touched(self.letter_id)

    def revert(self) -> None:
        self.library.set_kamerstuk(self.letter_id, self.old)
        self.controller.letter_touched(self.letter_id)
