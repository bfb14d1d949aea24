"""The panels' side of the main window: the Annotations, Themes and References panels, the Passages by
theme view and the Missing documents list, and the theme edits (new, rename, colour, key, move,
merge, delete) with their confirmations.

:class:`PanelsMixin` is one of the classes :class:`desktop_app.gui.main_window.MainWindow` is made
of; it uses the widgets the window builds (``self.annotations_panel``, ``self.themes_panel``, …).
Its texts have ``PanelsMixin`` as their translation context (written ``translate("PanelsMixin",
…)``, not ``self.tr``: PySide's ``tr`` asks the window's class first and keeps its untranslated
plural). Its slots carry no ``@Slot`` (see gui/window_reader.py: a ``@Slot`` of a class that is not
a QObject loses ``sender()``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QLineEdit, QMessageBox

from desktop_app.core.errors import AppError
from desktop_app.core.model import Annotation, Reference, Theme
from desktop_app.gui.errors import show_error
from desktop_app.gui.i18n import translate
from desktop_app.gui.missing import MissingDocumentsDialog
from desktop_app.gui.plaintext import plain, plain_label
from desktop_app.gui.window_parts import WindowParts


class PanelsMixin(WindowParts):
    """The side panels and the theme edits (part of MainWindow)."""

    missing_documents: MissingDocumentsDialog | None

    # -- the references panel, passages, missing documents ---------------------------------------------
    def _refresh_references(self) -> None:
        if self.letter is None:
            self.references_panel.set_references([], [])
            return
        cites = self.controller.references_for(self.letter.id)
        cited_by = [(ref, self._describe_letter(ref.letter_id)) for ref in self.controller.cited_by(self.letter.id)]
        self.references_panel.set_references(cites, cited_by)

    def _on_references_reference_activated(self, ref: Reference) -> None:
        layout = self.reader.layout_info
        if layout is None:
            return
        position = layout.reference_to_doc(ref, ref.start)  # None in the letter head: nothing to show
        if position is not None:
            self.reader.go_to_position(position)  # so that Back from the cited letter returns here
        self.follow_reference(ref)

    def _on_references_citing_letter_activated(self, ref: Reference) -> None:
        if ref.location == "body":
            self.open_letter(ref.letter_id, span=(ref.start, ref.end))
        else:
            self.open_letter(ref.letter_id)
            layout = self.reader.layout_info
            if layout is not None and ref.footnote_number is not None:
                position = layout.footnote_to_doc(ref.footnote_number, ref.start)
                if position is not None:
                    self.reader.go_to_position(position)

    def _on_passages_triggered(self) -> None:
        self.centre_tabs.setCurrentWidget(self.passages_view)
        view = self.passages_view
        (view.table if view.model.rowCount() else view.theme_tree).setFocus(Qt.ShortcutFocusReason)

    def _on_missing_documents_triggered(self) -> None:
        """The library-wide list of missing documents (non-modal; refreshed each time it is asked for)."""
        if self.missing_documents is None:
            self.missing_documents = MissingDocumentsDialog(self.controller, self._describe_letter, self)
            self.missing_documents.citing_activated.connect(self._on_references_citing_letter_activated)
            self.missing_documents.fetched.connect(self._on_fetch_finished)
            self.letter_model.modelReset.connect(self.missing_documents.refresh_if_shown)  # imports, decisions
        self.missing_documents.refresh()
        self.missing_documents.show()
        self.missing_documents.raise_()
        self.missing_documents.activateWindow()

    def _on_centre_tabs_current_changed(self, index: int) -> None:
        """The Passages view has its own filters: the letter list gives it its room while it shows."""
        self.library_pane.setVisible(self.centre_tabs.widget(index) is not self.passages_view)

    def _on_passages_view_passage_activated(self, letter_id: int, start: int, end: int) -> None:
        self.centre_tabs.setCurrentIndex(0)
        if self.open_letter(letter_id, span=(start, end)):
            self.reader.setFocus(Qt.OtherFocusReason)

    def _on_passages_view_export_requested(self, theme_ids: list[int]) -> None:
        self._on_export_triggered()
        dialog = getattr(self, "export_dialog", None)
        if dialog is not None:
            dialog.letters.setCurrentIndex(0)  # all letters: the view shows the themes across letters
            dialog.set_checked_themes(theme_ids)

    # -- the annotations panel -------------------------------------------------------------------------
    def _themes_by_id(self) -> dict[int, Theme]:
        return self.controller.theme_map()

    def _refresh_annotations(self, focus_id: int | None) -> None:
        if self.letter is None:
            self.annotations_panel.set_annotations([], {})
            self.reader.set_annotations([], {})
            return
        annotations = self.library.list_annotations(self.letter.id)
        themes = self._themes_by_id()
        self.reader.set_annotations(annotations, themes)
        self.annotations_panel.set_annotations(annotations, themes, focus_id)

    def _on_focus_annotations_triggered(self) -> None:
        self.annotations_dock.show()
        self.annotations_dock.raise_()
        self.annotations_panel.view.setFocus(Qt.ShortcutFocusReason)

    def _on_focus_themes_triggered(self) -> None:
        self.themes_dock.show()
        self.themes_dock.raise_()
        self.themes_panel.view.setFocus(Qt.ShortcutFocusReason)

    def _on_annotations_note_committed(self, annotation: Annotation, note: str) -> None:
        try:
            self.controller.set_note(annotation, note)
        except AppError as error:
            show_error(self, error)

    def _on_annotations_delete_requested(self, annotation: Annotation) -> None:
        self.controller.delete_annotation(annotation)

    def _on_annotations_annotation_activated(self, annotation: Annotation) -> None:
        if annotation.status == "anchored":
            self.reader.select_span(annotation.start, annotation.end)
            self.reader.setFocus()

    def _on_controller_annotations_changed(self, letter_id: int, focus_id: object, note_only: bool) -> None:
        if self.letter is not None and letter_id in (-1, self.letter.id):
            self._refresh_annotations(focus_id if isinstance(focus_id, int) else None)
        ids = [letter_id] if letter_id != -1 else [s.id for s in self.letter_model.rows if s.annotation_count]
        if not note_only:
            for lid in ids:
                row = self.letter_model.row_of(lid)
                if row is not None:
                    self.letter_model.update_row(self.controller.summary_for(self.letter_model.summary(row)))

    # -- themes ------------------------------------------------------------------------------------
    def reload_themes(self) -> None:
        themes = self.controller.themes
        self.themes_panel.set_themes(themes, self.library.theme_counts())
        self._rebuild_tag_menu()
        items = []
        themes_by_id = {t.id: t for t in themes}
        for theme in themes:
            depth, parent = 0, theme.parent_id
            while parent is not None and parent in themes_by_id:
                depth, parent = depth + 1, themes_by_id[parent].parent_id
            items.append(("  " * depth + theme.name, theme.id))
        self.theme_filter.blockSignals(True)
        self._fill_combo(self.theme_filter, translate("PanelsMixin", "All themes"), items)
        self.theme_filter.blockSignals(False)

    def _on_controller_themes_changed(self) -> None:
        self.reload_themes()
        if self.letter is not None:
            self.reader.set_annotations(self.library.list_annotations(self.letter.id), self._themes_by_id())

    def _selected_theme(self) -> Theme | None:
        theme = self.themes_panel.current_theme()
        if theme is None:
            self.statusBar().showMessage(translate("PanelsMixin", "Select a theme in the Themes panel first."), 4000)
        return theme

    def _ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, plain(label), QLineEdit.Normal, text)
        value = value.strip()
        return value if ok and value else None

    def _on_new_theme_triggered(self) -> None:
        name = self._ask_text(translate("PanelsMixin", "New theme"), translate("PanelsMixin", "Name:"))
        if name:
            self._add_theme_and_show(name, None)

    def _add_theme_and_show(self, name: str, parent_id: int | None) -> None:
        """Add a theme, then select it in the themes panel and scroll to it; say its key."""
        try:
            theme = self.controller.add_theme(name, None, parent_id)
        except AppError as error:
            show_error(self, error)
            return
        if theme is None:
            return
        index = self.themes_panel.model.index_of(theme.id)
        if index.isValid():
            self.themes_panel.view.setCurrentIndex(index)
            self.themes_panel.view.scrollTo(index)
        if theme.key:
            added = translate("PanelsMixin", "Added theme “{name}”; key {key} tags a selection with it.").format(name=theme.name, key=theme.key)
        else:
            added = translate("PanelsMixin", "Added theme “{name}”; give it a key with Themes > Set key.").format(name=theme.name)
        self.statusBar().showMessage(added, 6000)

    def _on_theme_key_menu_about_to_show(self) -> None:
        """Keys 1-9 (and none) for the selected theme; each says which theme has it now."""
        menu = self.theme_key_menu
        menu.clear()
        theme = self.themes_panel.current_theme()
        if theme is None:
            menu.addAction(translate("PanelsMixin", "Select a theme first")).setEnabled(False)
            return
        holders = {t.key: t for t in self.controller.themes if t.key}
        for key in range(1, 10):
            holder = holders.get(key)
            label = f"&{key}" + (f"   ({holder.name})" if holder is not None and holder.id != theme.id else "")
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(theme.key == key)
            action.triggered.connect(lambda _checked=False, k=key: self._set_theme_key(k))
        menu.addSeparator()
        none = menu.addAction(translate("PanelsMixin", "&No key"))
        none.setEnabled(theme.key is not None)
        none.triggered.connect(lambda _checked=False: self._set_theme_key(None))

    def _set_theme_key(self, key: int | None) -> None:
        theme = self.themes_panel.current_theme()
        if theme is not None and theme.key != key:
            self._guard(self.controller.set_theme_key, theme, key)

    def _on_new_subtheme_triggered(self) -> None:
        parent = self._selected_theme()
        if parent is None:
            return
        name = self._ask_text(translate("PanelsMixin", "New sub-theme"), translate("PanelsMixin", "Name (inside “{name}”):").format(name=parent.name))
        if name:
            self._add_theme_and_show(name, parent.id)

    def _on_rename_theme_triggered(self) -> None:
        theme = self._selected_theme()
        if theme is None:
            return
        name = self._ask_text(translate("PanelsMixin", "Rename theme"), translate("PanelsMixin", "Name:"), theme.name)
        if name and name != theme.name:
            self._guard(self.controller.rename_theme, theme, name)

    def _on_describe_theme_triggered(self) -> None:
        theme = self._selected_theme()
        if theme is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, translate("PanelsMixin", "Describe theme"),
            translate("PanelsMixin", "What “{name}” is about (introduces its chapter in an export):").format(name=theme.name),
            theme.description,
        )
        text = "\n".join(line.strip() for line in text.strip().splitlines())
        if ok and text != theme.description:
            self._guard(self.controller.describe_theme, theme, text)

    def _on_theme_model_rename_requested(self, theme_id: int, name: str) -> None:
        theme = self._themes_by_id().get(theme_id)
        if theme is not None:
            self._guard(self.controller.rename_theme, theme, name)

    def _on_recolour_theme_triggered(self) -> None:
        theme = self._selected_theme()
        if theme is None:
            return
        color = QColorDialog.getColor(QColor(theme.color), self, translate("PanelsMixin", "Colour of “{name}”").format(name=theme.name))
        if color.isValid() and color.name() != theme.color:
            self._guard(self.controller.recolour_theme, theme, color.name())

    def _choose_theme(self, title: str, label: str, exclude: set[int], allow_top: bool) -> tuple[bool, int | None]:
        themes = [t for t in self.controller.themes if t.id not in exclude]
        names = ([translate("PanelsMixin", "(top level)")] if allow_top else []) + [self.library.theme_path(t.id) for t in themes]
        if not names:
            return False, None
        choice, ok = QInputDialog.getItem(self, title, plain(label), names, 0, False)
        if not ok:
            return False, None
        if allow_top and choice == names[0]:
            return True, None
        index = names.index(choice) - (1 if allow_top else 0)
        return True, themes[index].id

    def _on_move_theme_triggered(self) -> None:
        theme = self._selected_theme()
        if theme is None:
            return
        exclude = set(self.library.theme_descendants(theme.id))
        ok, parent_id = self._choose_theme(translate("PanelsMixin", "Move theme"), translate("PanelsMixin", "Put “{name}” inside:").format(name=theme.name), exclude, True)
        if ok and parent_id != theme.parent_id:
            self._guard(self.controller.move_theme, theme, parent_id, None)

    def _on_theme_model_move_requested(self, theme_id: int, parent_id: object, position: int) -> None:
        theme = self._themes_by_id().get(theme_id)
        if theme is not None:
            self._guard(self.controller.move_theme, theme, parent_id if isinstance(parent_id, int) else None, position)

    def _siblings(self, theme: Theme) -> list[Theme]:
        return [t for t in self.controller.themes if t.parent_id == theme.parent_id]

    def _on_theme_up_triggered(self) -> None:
        self._shift_theme(-1)

    def _on_theme_down_triggered(self) -> None:
        self._shift_theme(+1)

    def _shift_theme(self, step: int) -> None:
        theme = self._selected_theme()
        if theme is None:
            return
        siblings = self._siblings(theme)
        index = next(i for i, t in enumerate(siblings) if t.id == theme.id)
        target = index + step
        if 0 <= target < len(siblings):
            self._guard(self.controller.move_theme, theme, theme.parent_id, target)

    def _on_merge_theme_triggered(self) -> None:
        theme = self._selected_theme()
        if theme is None:
            return
        exclude = set(self.library.theme_descendants(theme.id))
        ok, target_id = self._choose_theme(translate("PanelsMixin", "Merge theme"), translate("PanelsMixin", "Merge “{name}” into:").format(name=theme.name), exclude, False)
        target = self._themes_by_id().get(target_id) if ok and target_id is not None else None
        if target is None:
            return
        count = self.library.theme_counts().get(theme.id, 0)
        self.merge_theme_box = self._confirm(
            translate("PanelsMixin", "Merge themes"),
            translate("PanelsMixin", "Merge “{name}” into “{target}”?").format(name=theme.name, target=target.name),
            translate("PanelsMixin", "%n annotation(s) and the sub-themes of “{name}” move to “{target}”; then “{name}” is deleted. "
                    "Edit > Undo reverses this.", "", count).format(name=theme.name, target=target.name),
            translate("PanelsMixin", "&Merge"),
            lambda: self._guard(self.controller.merge_themes, theme, target),
        )

    def _on_delete_theme_triggered(self) -> None:
        theme = self._selected_theme()
        if theme is None:
            return
        count = self.library.theme_counts().get(theme.id, 0)
        children = [t for t in self.controller.themes if t.parent_id == theme.id]
        lines = []
        if count:
            lines.append(translate("PanelsMixin", "%n annotation(s) use(s) it. The annotations are kept; they only lose this theme.", "", count))
        if children:
            parent = self._themes_by_id().get(theme.parent_id) if theme.parent_id is not None else None
            names = ", ".join(f"“{t.name}”" for t in children[:3]) + (", …" if len(children) > 3 else "")
            if parent is not None:
                moves = translate("PanelsMixin", "Its %n sub-theme(s) ({names}) move(s) up into “{parent}”.", "", len(children))
            else:
                moves = translate("PanelsMixin", "Its %n sub-theme(s) ({names}) move(s) up to the top level.", "", len(children))
            lines.append(moves.format(names=names, parent=parent.name if parent is not None else ""))
        lines.append(translate("PanelsMixin", "Edit > Undo brings it all back."))
        self.delete_theme_box = self._confirm(
            translate("PanelsMixin", "Delete theme"), translate("PanelsMixin", "Delete the theme “{name}”?").format(name=theme.name), "\n\n".join(lines),
            translate("PanelsMixin", "&Delete theme"),
            lambda: self._guard(self.controller.delete_theme, theme), warning=True,
        )

    def _confirm(self, title: str, question: str, details: str, verb: str, on_yes: Any, *, warning: bool = False) -> QMessageBox:
        """Ask before a change, without blocking: a window-modal box whose verb button runs ``on_yes``.
        Cancel is the default button (Enter and Escape both cancel): the change is one click away."""
        box = QMessageBox(QMessageBox.Warning if warning else QMessageBox.Question, title, question,
                          QMessageBox.Cancel, self)
        box.setObjectName("confirm_box")
        box.setInformativeText(details)
        plain_label(box)  # the question and details name themes: their text, never markup
        yes = box.addButton(verb, QMessageBox.AcceptRole)
        box.setDefaultButton(QMessageBox.Cancel)
        box.setEscapeButton(QMessageBox.Cancel)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setProperty("confirmed", False)

        def finished() -> None:
            if box.clickedButton() is yes:
                box.setProperty("confirmed", True)
                on_yes()

        box.finished.connect(finished)
        box.open()
        return box
