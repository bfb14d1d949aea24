"""Themes: the tree (find by id, name or path), add, rename, recolour, key, move, merge, delete, restore."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from desktop_app import paths
from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.labels import Label
from desktop_app.core.messages import Message
from desktop_app.core.model import Theme
from desktop_app.core.services.common import ThemeRef, _fold, _fold_accents
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import themes_repo

MAX_THEME_NAME = 80
_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
PALETTE = (
    "#762a83", "#d73027", "#1b7837", "#e08214", "#808000",
    "#8c510a", "#c51b7d", "#01665e", "#de77ae", "#7fbc41",
)  # fmt: skip; distinct hues, none near the reader's selection blue or the search-hit yellow


def _next_colour(used: list[str]) -> str:
    """The first palette colour no theme has yet (so a new theme stands out); when all are taken, the
    least used one."""
    taken = [c.lower() for c in used]
    return min(PALETTE, key=lambda c: (taken.count(c), PALETTE.index(c)))


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise InvalidInput(Message("A theme needs a name."))
    if "/" in cleaned:
        raise InvalidInput(Message("A theme name cannot contain '/' (it separates parent and child): {0}.", repr(cleaned)))
    if len(cleaned) > MAX_THEME_NAME:
        raise InvalidInput(Message("A theme name can have at most {0} characters.", MAX_THEME_NAME))
    return cleaned


def _clean_color(color: str) -> str:
    value = str(color).strip()
    if not _COLOR.match(value):
        raise InvalidInput(f"Not a colour: {color!r} (use #rrggbb, e.g. #1f77b4).")
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.lower()


def _starter_themes() -> list[dict[str, Any]]:
    try:
        data = json.loads(paths.starter_themes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return list(data.get("themes", [])) if isinstance(data, dict) else list(data)


class ThemesMixin(LibraryParts):
    """The theme use cases of :class:`~desktop_app.core.services.Library`."""

    def list_themes(self) -> list[Theme]:
        """Depth-first: each parent before its children, siblings by position."""
        children: dict[int | None, list[Theme]] = {}
        for theme in themes_repo.all_themes(self.db):
            children.setdefault(theme.parent_id, []).append(theme)
        out: list[Theme] = []

        def walk(parent: int | None) -> None:
            for theme in children.get(parent, []):
                out.append(theme)
                walk(theme.id)

        walk(None)
        return out

    def get_theme(self, ref: ThemeRef) -> Theme:
        """By id (an int or "#3"), path "Parent/Child" or name, case-insensitively and, when nothing
        matches with its accents, accent-insensitively as search does ("Oekraine" finds "Oekraïne").
        An ambiguous value is refused (InvalidInput) naming the candidates; raises NotFound."""
        if isinstance(ref, Theme):
            ref = ref.id
        if isinstance(ref, str) and ref.strip().startswith("#") and ref.strip()[1:].isdigit():
            ref = int(ref.strip()[1:])
        if isinstance(ref, int):
            theme = themes_repo.get(self.db, ref)
            if theme is None:
                raise NotFound(f"No theme with id {ref}.")
            return theme
        text = str(ref).strip()
        themes = themes_repo.all_themes(self.db)
        paths_by_id = self._theme_paths(themes)
        for fold in (_fold, _fold_accents):
            wanted = fold(text)
            by_path = [t for t in themes if fold(paths_by_id[t.id]) == wanted]
            if len(by_path) == 1:
                return by_path[0]
            if len(by_path) > 1:
                listing = ", ".join(f'#{t.id} "{paths_by_id[t.id]}"' for t in by_path)
                raise InvalidInput(f"Theme {text!r} is ambiguous ({listing}): give its id as #N.")
            by_name = [t for t in themes if fold(t.name) == wanted]
            if len(by_name) == 1:
                return by_name[0]
            if len(by_name) > 1:
                listing = ", ".join(f'"{paths_by_id[t.id]}"' for t in by_name)
                raise InvalidInput(f"Theme {text!r} is ambiguous: give its path ({listing}) or id as #N.")
        if text.isdigit():
            return self.get_theme(int(text))
        raise NotFound(f"No theme {text!r} (see 'kamerlezer themes').")

    def _theme_paths(self, themes: Sequence[Theme] | None = None) -> dict[int, str]:
        by_id = {t.id: t for t in (themes if themes is not None else themes_repo.all_themes(self.db))}
        out: dict[int, str] = {}

        def path(theme_id: int) -> str:
            if theme_id not in out:
                theme = by_id[theme_id]
                out[theme_id] = theme.name if theme.parent_id is None else f"{path(theme.parent_id)}/{theme.name}"
            return out[theme_id]

        for theme_id in by_id:
            path(theme_id)
        return out

    def theme_path(self, theme_id: int) -> str:
        """"Parent/Child" name path."""
        paths_by_id = self._theme_paths()
        if theme_id not in paths_by_id:
            raise NotFound(f"No theme with id {theme_id}.")
        return paths_by_id[theme_id]

    def theme_descendants(self, theme_id: int) -> list[int]:
        """The theme and all its sub-themes' ids."""
        children: dict[int | None, list[int]] = {}
        for theme in themes_repo.all_themes(self.db):
            children.setdefault(theme.parent_id, []).append(theme.id)
        out = [theme_id]
        i = 0
        while i < len(out):
            out.extend(children.get(out[i], []))
            i += 1
        return out

    def theme_counts(self) -> dict[int, int]:
        """Number of annotations per theme id (direct)."""
        return themes_repo.counts(self.db)

    def _child_named(self, parent_id: int | None, name: str, *, exclude: int | None = None) -> Theme | None:
        """The sub-theme of ``parent_id`` (top level: None) with this name, case-insensitively."""
        for sibling_id in themes_repo.siblings(self.db, parent_id):
            sibling = themes_repo.get(self.db, sibling_id)
            if sibling and sibling.id != exclude and _fold(sibling.name) == _fold(name):
                return sibling
        return None

    def _check_sibling_name(self, name: str, parent_id: int | None, *, exclude: int | None = None) -> None:
        taken = self._child_named(parent_id, name, exclude=exclude)
        if taken is not None:
            if parent_id is not None:
                message = Message("A theme named {0} already exists under {1}.", repr(taken.name), self.theme_path(parent_id))
            else:
                message = Message("A theme named {0} already exists at the top level.", repr(taken.name))
            raise InvalidInput(message)

    def add_theme(
        self, name: str, *, color: str | None = None, parent: ThemeRef | None = None, description: str = ""
    ) -> Theme:
        name = _clean_name(name)
        parent_id = self.get_theme(parent).id if parent is not None and parent != "" else None
        self._check_sibling_name(name, parent_id)
        colour = _clean_color(color) if color else _next_colour([t.color for t in themes_repo.all_themes(self.db)])
        with self.unit_of_work(Label("Added the theme {0}", f"“{name}”"), index=False):  # a new theme is in no letter
            theme_id = themes_repo.insert(
                self.db, name=name, color=colour, parent_id=parent_id, description=description,
                position=themes_repo.next_position(self.db, parent_id), key=themes_repo.free_key(self.db),
            )  # fmt: skip
        return self.get_theme(theme_id)

    def set_theme_key(self, ref: ThemeRef, key: int | None) -> tuple[Theme, Theme | None]:
        """Give a theme the key 1-9 (None: no key). A theme that had that key gives it up; returns
        the theme and that other theme (None when the key was free)."""
        theme = self.get_theme(ref)
        if key is not None and not (isinstance(key, int) and 1 <= key <= 9):
            raise InvalidInput(f"A theme key is a digit from 1 to 9, not {key!r}.")
        holder = themes_repo.holder_of_key(self.db, key) if key is not None else None
        quoted = f"“{theme.name}”"
        if key is None:
            label = Label("Took the key off {0}", quoted)
        elif holder is not None and holder != theme.id:
            label = Label("Gave {0} the key {1} ({2} has none)", quoted, key, self.get_theme(holder).name)
        else:
            label = Label("Gave {0} the key {1}", quoted, key)
        with self.unit_of_work(label, index=False):  # keys are not indexed
            if holder is not None and holder != theme.id:
                themes_repo.set_key(self.db, holder, None)
            themes_repo.set_key(self.db, theme.id, key)
        displaced = self.get_theme(holder) if holder is not None and holder != theme.id else None
        return self.get_theme(theme.id), displaced

    def update_theme(
        self,
        ref: ThemeRef,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> Theme:
        theme = self.get_theme(ref)
        fields: dict[str, Any] = {}
        if name is not None and name.strip() != theme.name:
            fields["name"] = _clean_name(name)
            self._check_sibling_name(fields["name"], theme.parent_id, exclude=theme.id)
        if color is not None:
            fields["color"] = _clean_color(color)
        if description is not None:
            fields["description"] = description
        quoted = f"“{theme.name}”"
        label = (
            Label("Renamed {0} to {1}", quoted, f"“{fields['name']}”") if "name" in fields
            else Label("Recoloured {0}", quoted) if "color" in fields
            else Label("Described {0}", quoted)
        )  # fmt: skip
        indexed = "name" in fields  # theme paths are indexed; colours and descriptions are not
        if fields:
            with self.unit_of_work(label, index=indexed) as work:
                themes_repo.update(self.db, theme.id, **fields)
                if indexed:
                    work.touch(themes_repo.letter_ids(self.db, self.theme_descendants(theme.id)))
        return self.get_theme(theme.id)

    def move_theme(self, ref: ThemeRef, *, parent: ThemeRef | None, position: int | None = None) -> Theme:
        """Put a theme under ``parent`` (None: top level) at ``position`` among its new siblings
        (0-based; None or too large: last). Refuses to move a theme under itself or its sub-themes."""
        theme = self.get_theme(ref)
        parent_id = self.get_theme(parent).id if parent is not None and parent != "" else None
        if parent_id is not None and parent_id in self.theme_descendants(theme.id):
            raise InvalidInput(Message("Theme {0} cannot be moved under itself or one of its sub-themes.", repr(theme.name)))
        if parent_id != theme.parent_id:
            self._check_sibling_name(theme.name, parent_id)
        label = Label("Moved {0}", f"“{theme.name}”")
        indexed = parent_id != theme.parent_id  # a new place among the same siblings: paths unchanged
        with self.unit_of_work(label, index=indexed) as work:
            self._place_theme(theme, parent_id, position)
            if indexed:
                work.touch(themes_repo.letter_ids(self.db, self.theme_descendants(theme.id)))
        return self.get_theme(theme.id)

    def _place_theme(self, theme: Theme, parent_id: int | None, position: int | None) -> None:
        old_siblings = [i for i in themes_repo.siblings(self.db, theme.parent_id) if i != theme.id]
        themes_repo.update(self.db, theme.id, parent_id=parent_id)
        if parent_id != theme.parent_id:
            themes_repo.renumber(self.db, old_siblings)
        siblings = [i for i in themes_repo.siblings(self.db, parent_id) if i != theme.id]
        at = len(siblings) if position is None else max(0, min(int(position), len(siblings)))
        siblings.insert(at, theme.id)
        themes_repo.renumber(self.db, siblings)

    def merge_themes(self, source: ThemeRef, target: ThemeRef) -> int:
        """Move all of source's annotations (and sub-themes) to target, delete source; returns count moved.
        A sub-theme whose name target already has is merged into that one in turn."""
        src = self.get_theme(source)
        dst = self.get_theme(target)
        if src.id == dst.id:
            raise InvalidInput(Message("Cannot merge theme {0} into itself.", repr(src.name)))
        if dst.id in self.theme_descendants(src.id):
            raise InvalidInput(Message("Cannot merge {0} into its own sub-theme {1}.", repr(src.name), repr(dst.name)))
        affected = themes_repo.letter_ids(self.db, self.theme_descendants(src.id))
        with self.unit_of_work(Label("Merged {0} into {1}", f"“{src.name}”", f"“{dst.name}”")) as work:
            work.touch(affected)
            moved = self._merge(src, dst)
            themes_repo.renumber(self.db, themes_repo.siblings(self.db, src.parent_id))
        return moved

    def _merge(self, src: Theme, dst: Theme) -> int:
        moved = themes_repo.move_annotations(self.db, src.id, dst.id)
        for child_id in themes_repo.siblings(self.db, src.id):
            child = themes_repo.get(self.db, child_id)
            assert child is not None
            twin = self._child_named(dst.id, child.name)
            if twin is not None:
                self._merge(child, twin)
            else:
                self._place_theme(child, dst.id, None)
        themes_repo.delete(self.db, src.id)
        return moved

    def delete_theme(self, ref: ThemeRef, *, force: bool = False) -> int:
        """Delete a theme; refuses (InvalidInput) when annotations use it unless force (then they lose
        only this theme; an annotation is never deleted by deleting a theme). Its sub-themes move up to
        its parent, in its place. Returns affected count."""
        theme = self.get_theme(ref)
        count = themes_repo.counts(self.db).get(theme.id, 0)
        if count and not force:
            raise InvalidInput(Message(
                "Theme {0} is used by {1} annotation(s); delete it anyway with force "
                "(the annotations stay, without this theme).", repr(theme.name), count,
            ))
        affected = themes_repo.letter_ids(self.db, self.theme_descendants(theme.id))
        with self.unit_of_work(Label("Deleted the theme {0}", f"“{theme.name}”")) as work:
            work.touch(affected)
            themes_repo.unlink_annotations(self.db, theme.id)
            siblings = themes_repo.siblings(self.db, theme.parent_id)
            at = siblings.index(theme.id)
            children = themes_repo.siblings(self.db, theme.id)
            for child_id in children:
                themes_repo.update(self.db, child_id, parent_id=theme.parent_id)
            themes_repo.delete(self.db, theme.id)
            themes_repo.renumber(self.db, siblings[:at] + children + siblings[at + 1 :])
        return count

    def restore_theme(self, theme: Theme, annotation_ids: Iterable[int] = ()) -> Theme:
        """Undo of delete: recreate with the same id and re-link the annotations (those that still
        exist). Its old parent, when gone, makes it a top-level theme."""
        if themes_repo.get(self.db, theme.id) is not None:
            raise InvalidInput(f"A theme with id {theme.id} already exists.")
        parent_id = theme.parent_id if theme.parent_id and themes_repo.get(self.db, theme.parent_id) else None
        ids = list(annotation_ids)
        with self.unit_of_work(Label("Restored the theme {0}", f"“{theme.name}”")) as work:
            key = theme.key if theme.key and themes_repo.holder_of_key(self.db, theme.key) is None else None
            themes_repo.insert(
                self.db, theme_id=theme.id, name=_clean_name(theme.name), color=_clean_color(theme.color),
                parent_id=parent_id, description=theme.description, position=theme.position, key=key,
            )  # fmt: skip
            restored = themes_repo.get(self.db, theme.id)
            assert restored is not None
            self._place_theme(replace(restored, parent_id=parent_id), parent_id, theme.position)
            themes_repo.link_annotations(self.db, theme.id, ids)
            work.touch(themes_repo.letter_ids(self.db, [theme.id]))
        return self.get_theme(theme.id)

    def _add_theme_tree(self, items: list[dict[str, Any]], parent_id: int | None) -> None:
        for item in items:
            theme_id = themes_repo.insert(
                self.db,
                name=_clean_name(str(item["name"])),
                color=_clean_color(str(item.get("color") or PALETTE[0])),
                parent_id=parent_id,
                description=str(item.get("description", "")),
                position=themes_repo.next_position(self.db, parent_id),
                key=themes_repo.free_key(self.db),
            )
            self._add_theme_tree(list(item.get("children", [])), theme_id)

    def _theme_names(self, theme_ids: Iterable[int]) -> str:
        names = [t.name for t in (themes_repo.get(self.db, i) for i in theme_ids) if t is not None]
        return ", ".join(f"“{n}”" for n in names)

    def _theme_ids(self, theme_ids: Sequence[ThemeRef]) -> list[int]:
        return list(dict.fromkeys(self.get_theme(ref).id for ref in theme_ids))

