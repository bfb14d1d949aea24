"""The reader's side of the main window: opening letters, Back/Forward, footnotes and citations
followed from the text, find in the letter, the library search and its hits, and tagging, notes and
annotation edits made from the reader.

:class:`ReaderMixin` is one of the classes :class:`desktop_app.gui.main_window.MainWindow` is made
of; it uses the widgets the window builds (``self.reader``, ``self.letter_table``,
``self.search_edit``, …). Its texts have ``ReaderMixin`` as their translation context (written
``translate("ReaderMixin", …)``, not ``self.tr``: PySide's ``tr`` asks the window's class first and
keeps its untranslated plural). Its slots carry no ``@Slot``: with PySide6 6.11 a ``@Slot`` declared
in a class that is not a QObject loses ``sender()`` once the window has dynamic slots; an
undecorated method becomes a dynamic slot of the window (queued across threads, disconnected when
the window goes, ``sender()`` set), as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit

from desktop_app.core.errors import AppError
from desktop_app.core.model import Annotation, Letter, Reference, SearchResults, Theme
from desktop_app.gui.dialogs import CitationDialog
from desktop_app.gui.errors import show_error
from desktop_app.gui.i18n import translate
from desktop_app.gui.missing import MissingDocumentDialog
from desktop_app.gui.models import DERIVED_TITLE_NOTE, chamber_label, date_label
from desktop_app.gui.plaintext import plain
from desktop_app.gui.window_parts import WindowParts

SEARCH_LIMIT = 50
LETTERS_PAGE, RESULTS_PAGE = 0, 1


@dataclass(frozen=True)
class Location:
    """A place in the reading history: a letter and a document position in it."""

    letter_id: int
    position: int


class ReaderMixin(WindowParts):
    """Reading, navigating, searching and annotating from the reader (part of MainWindow)."""

    _back: list[Location]
    _forward: list[Location]
    last_search: SearchResults | None
    _citation_dialog: CitationDialog | None

    def open_letter(
        self,
        letter_id: int,
        *,
        offset: int | None = None,
        span: tuple[int, int] | None = None,
        position: int | None = None,
        record: bool = True,
    ) -> bool:
        """Show a letter; ``span`` selects a passage, ``offset``/``position`` put the cursor there.
        ``record`` puts where we were on the Back list."""
        try:
            letter = self.library.get_letter(letter_id)
            references = self.controller.references_for(letter.id)
        except AppError as error:
            show_error(self, error)
            return False
        if record and self.letter is not None:
            self._back.append(self._here())
            self._forward.clear()
        self.letter = letter
        self.centre_tabs.setCurrentIndex(0)
        self.reader.show_letter(letter, references)
        self._show_letter_header(letter)
        self._refresh_annotations(None)
        self._refresh_references()
        self._select_in_list(letter.id)
        self.find_bar.refresh()  # the same words in the new letter
        if span is not None:
            self.reader.select_span(*span)
            self.reader.go_to_offset(span[0])
            self.reader.select_span(*span)
        elif offset is not None:
            self.reader.go_to_offset(offset)
        elif position is not None:
            self.reader.go_to_position(position)
        self._update_history_actions()
        return True

    def _here(self) -> Location:
        assert self.letter is not None
        return Location(self.letter.id, self.reader.textCursor().position())

    def _select_in_list(self, letter_id: int) -> None:
        row = self.letter_model.row_of(letter_id)
        if row is None:
            return
        index = self.letter_proxy.mapFromSource(self.letter_model.index(row, 0))
        selection = self.letter_table.selectionModel()
        selected = selection.isRowSelected(index.row(), index.parent()) if index.isValid() else False
        if index.isValid() and (self.letter_table.currentIndex().row() != index.row() or not selected):
            selection.blockSignals(True)
            self.letter_table.setCurrentIndex(index)
            self.letter_table.selectRow(index.row())
            selection.blockSignals(False)
            self.letter_table.viewport().update()
            self.letter_table.scrollTo(index)

    def _show_letter_header(self, letter: Letter | None) -> None:
        if letter is None:
            self.title_label.setText(translate("ReaderMixin", "No letter open"))
            self._mark_derived_title(False)
            self.meta_label.setText(translate("ReaderMixin", "Choose a letter on the left, or search the library with Ctrl+Shift+F."))
            return
        self.title_label.setText(letter.title)
        self._mark_derived_title(letter.title_derived)
        parts = [date_label(letter.date), chamber_label(letter.chamber) if letter.chamber else ""]
        kind = (letter.kind or "")[:1].upper() + (letter.kind or "")[1:]
        parts += [letter.kamerstuk or "", kind, letter.signatory or "",
                  translate("ReaderMixin", "%n page(s)", "", letter.pages).replace(" ", "\u00a0") if letter.pages else "", letter.source_file]  # "3 pages" never breaks
        self.meta_label.setText("  ·  ".join(p for p in parts if p))
        self.setWindowTitle(f"{letter.title} — Kamerlezer")

    def _mark_derived_title(self, derived: bool) -> None:
        """A title taken from the text (no subject) is shown in italics, muted, and says so."""
        label = self.title_label
        if label.property("derived") != derived:
            label.setProperty("derived", derived)  # the style sheet mutes its colour
            font = label.font()
            font.setItalic(derived)
            label.setFont(font)
            label.style().unpolish(label)
            label.style().polish(label)
        label.setToolTip(translate("ReaderMixin", "The {note}.").format(note=translate("Models", DERIVED_TITLE_NOTE)) if derived else "")

    # -- history -----------------------------------------------------------------------------------
    def _update_history_actions(self) -> None:
        self.actions_by_name["back"].setEnabled(bool(self._back))
        self.actions_by_name["forward"].setEnabled(bool(self._forward))

    def go_back(self) -> None:
        if not self._back:
            return
        if self.letter is not None:
            self._forward.append(self._here())
        self._go(self._back.pop())

    def go_forward(self) -> None:
        if not self._forward:
            return
        if self.letter is not None:
            self._back.append(self._here())
        self._go(self._forward.pop())

    def _go(self, location: Location) -> None:
        if self.letter is not None and self.letter.id == location.letter_id:
            self.reader.go_to_position(location.position)
        else:
            self.open_letter(location.letter_id, position=location.position, record=False)
        self._update_history_actions()

    def _on_back_triggered(self) -> None:
        self.go_back()

    def _on_forward_triggered(self) -> None:
        self.go_forward()

    def _jump_within_letter(self, position: int) -> None:
        """A jump inside the letter (footnote, citation) that Back can undo."""
        if self.letter is not None:
            self._back.append(self._here())
            self._forward.clear()
        self.reader.go_to_position(position)
        self._update_history_actions()

    # -- footnotes and references --------------------------------------------------------------------
    def _on_reader_footnote_requested(self, number: int) -> None:
        layout = self.reader.layout_info
        if layout is not None and number in layout.footnote_start:
            self._jump_within_letter(layout.footnote_start[number])
            self.statusBar().showMessage(translate("ReaderMixin", "Footnote {number}. Back (Alt+Left) returns to the text.").format(number=number), 5000)

    def _on_reader_footnote_back_requested(self, number: int) -> None:
        layout = self.reader.layout_info
        if layout is not None and number in layout.marker_start:
            if self._back and self._back[-1].letter_id == (self.letter.id if self.letter else None):
                self.go_back()
            else:
                self._jump_within_letter(layout.marker_start[number])

    def _on_reader_reference_activated(self, reference_id: int) -> None:
        ref = self.reader.reference(reference_id)
        if ref is not None:
            self.follow_reference(ref)

    def follow_reference(self, ref: Reference) -> None:
        """Resolved: open the cited letter. Suggested or missing: show what is known."""
        if ref.followed_to is not None:
            self.open_letter(ref.followed_to)
            self.statusBar().showMessage(translate("ReaderMixin", "Followed “{citation}”. Back: Alt+Left.").format(citation=" ".join(ref.raw.split())), 5000)
            return
        self.show_citation(ref)

    def show_citation(self, ref: Reference) -> CitationDialog:
        if self._citation_dialog is not None:
            self._citation_dialog.close()
        dialog: CitationDialog
        if ref.status in ("missing", "suggested"):  # not (surely) in the library: link, Fetch
            dialog = MissingDocumentDialog(ref, self._describe_letter, self.controller, self)
            dialog.fetched.connect(self._on_fetch_finished)
        else:
            dialog = CitationDialog(ref, self._describe_letter, self)
        dialog.confirmed.connect(self._on_citation_confirmed)
        dialog.rejected_candidate.connect(self._on_citation_rejected_candidate)
        dialog.open_requested.connect(self._on_citation_open_requested)
        dialog.fetch_requested.connect(self.start_fetch)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self._citation_dialog = dialog
        # one closed while fetching goes when its work ends, maybe after the next one opened: forget only itself
        dialog.destroyed.connect(lambda _object=None, gone=dialog: self._on_citation_dialog_destroyed(gone))
        dialog.open()
        return dialog

    def _on_citation_dialog_destroyed(self, gone: CitationDialog) -> None:
        if self._citation_dialog is gone:
            self._citation_dialog = None

    def _describe_letter(self, letter_id: int) -> str:
        row = self.letter_model.row_of(letter_id)
        if row is None:
            return translate("ReaderMixin", "letter {number}").format(number=letter_id)
        summary = self.letter_model.summary(row)
        return f"{summary.title or summary.name} ({date_label(summary.date)})"

    def _on_citation_confirmed(self, reference_id: int, letter_id: int) -> None:
        self._decide_reference(self.library.references.confirm, reference_id, letter_id, translate("ReaderMixin", "Link confirmed."))

    def _on_citation_rejected_candidate(self, reference_id: int, letter_id: int) -> None:
        self._decide_reference(self.library.references.reject, reference_id, letter_id, translate("ReaderMixin", "Suggestion rejected."))

    def _decide_reference(self, decide: Any, reference_id: int, letter_id: int, message: str) -> None:
        try:
            decide(reference_id, letter_id)
        except AppError as error:
            show_error(self, error)
            return
        self._after_reference_decision(message)
        self.controller.undo_stack.refresh()  # a decision is a change of the history: Ctrl+Z takes it back

    def _on_citation_open_requested(self, letter_id: int) -> None:
        self.open_letter(letter_id)

    def _after_reference_decision(self, message: str) -> None:
        if self.letter is not None:
            position = self.reader.textCursor().position()
            self.open_letter(self.letter.id, position=position, record=False)
        self.reload_letters()
        self.statusBar().showMessage(message, 4000)

    # -- search ------------------------------------------------------------------------------------
    def _on_find_triggered(self) -> None:
        """Ctrl+F: find in the letter when the reader (or the find bar) has the focus and a letter is
        open; anywhere else the library search, as before."""
        focus = self.focusWidget()
        in_reader = focus is self.reader or (focus is not None and self.find_bar.isAncestorOf(focus))
        if self.letter is None or not in_reader:
            self._on_search_library_triggered()
            return
        selected = self.reader.textCursor().selectedText()
        self.find_bar.open(selected if 0 < len(selected) <= 80 and "\u2029" not in selected else "")

    def _on_search_library_triggered(self) -> None:
        self.search_edit.setFocus(Qt.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_find_next_triggered(self) -> None:
        self._find_step(1)

    def _on_find_previous_triggered(self) -> None:
        self._find_step(-1)

    def _find_step(self, direction: int) -> None:
        """F3 / Shift+F3: the find bar's next match; with no find open, the next library search hit
        in this letter; with neither, open the find bar."""
        if self.letter is None:
            return
        if self.find_bar.isVisible() and self.find_bar.edit.text().strip():
            self.find_bar.find_next() if direction > 0 else self.find_bar.find_previous()
            return
        spans = self.reader.search_spans
        if not spans:
            self.find_bar.open()
            return
        here = self.reader.cursor_offset() or 0
        if direction > 0:
            target = next((s for s in spans if s[0] > here), spans[0])
        else:
            target = next((s for s in reversed(spans) if s[0] < here), spans[-1])
        self.reader.go_to_offset(target[0])
        number = spans.index(target) + 1
        self.statusBar().showMessage(translate("ReaderMixin", "Search hit {number} of {total} in this letter (F3: next).").format(number=number, total=len(spans)), 4000)

    def _on_focus_reader_triggered(self) -> None:
        self.centre_tabs.setCurrentIndex(0)
        self.reader.setFocus(Qt.ShortcutFocusReason)

    def _on_search_edit_text_changed(self, text: str) -> None:
        if not text.strip():
            self.search_timer.stop()
            self._search_generation += 1
            self.results_model.clear()
            self.list_stack.setCurrentIndex(LETTERS_PAGE)
            self.reader.set_search_spans([])
            if self.letter is not None:  # back in the list: the letter being read is the one selected
                self._select_in_list(self.letter.id)
            return
        self.search_timer.start()

    def _on_search_edit_return_pressed(self) -> None:
        if self.search_timer.isActive():
            self.search_timer.stop()
            self.run_search()
        first = self.results_model.index(0, 0)
        if first.isValid():
            self.results_view.setFocus()
            self.results_view.setCurrentIndex(first)

    def run_search(self) -> None:
        query = self.search_edit.text().strip()
        if not query or self.controller.closed:
            return
        self._search_generation += 1
        generation = self._search_generation
        theme_id = self.theme_filter.currentData()
        year = self.year_filter.currentData()
        chamber = self.chamber_filter.currentData()
        library = self.library

        def work(_progress: Any, _cancel: Any) -> SearchResults:
            return library.search(
                query,
                themes=(theme_id,) if theme_id is not None else (),
                year=int(year) if year else None,
                chamber=chamber,
                limit=SEARCH_LIMIT,
            )

        handle = self.controller.searcher.submit(translate("ReaderMixin", "Search"), work)
        handle.setProperty("generation", generation)
        handle.finished.connect(self._on_search_finished)
        handle.failed.connect(self._on_search_failed)
        self.results_label.setText(translate("ReaderMixin", "Searching…"))
        self.list_stack.setCurrentIndex(RESULTS_PAGE)

    def _on_search_finished(self, results: SearchResults) -> None:
        if self.sender().property("generation") != self._search_generation:
            return  # a newer query is on its way
        self.last_search = results
        self.results_model.set_results(results.query, results.hits, results.total)
        self.results_view.expandAll()
        if results.total == 0:
            self.results_label.setText(translate("ReaderMixin", "No letters match “{query}”.").format(query=results.query))
        else:
            matches = sum(h.match_count for h in results.hits)
            more = translate("ReaderMixin", " (showing {count})").format(count=len(results.hits)) if results.total > len(results.hits) else ""
            self.results_label.setText(
                translate("ReaderMixin", "{letters}, {matches}{more} · {ms} ms").format(
                    letters=translate("ReaderMixin", "%n letter(s)", "", results.total), matches=translate("ReaderMixin", "%n match(es)", "", matches),
                    more=more, ms=f"{results.elapsed_ms:.0f}")
            )
        self.list_stack.setCurrentIndex(RESULTS_PAGE)

    def _on_search_failed(self, error: BaseException, details: str) -> None:
        if self.sender().property("generation") != self._search_generation:
            return
        if isinstance(error, AppError):
            self.results_model.clear()
            self.results_label.setText(error.message)  # a bad query is shown inline, not as a dialog
        else:
            show_error(self, error, details)

    def _on_results_view_activated(self, index: QModelIndex) -> None:
        hit = self.results_model.hit(index)
        if hit is None:
            return
        fragment = self.results_model.fragment(index)
        if fragment is None:
            fragment = next((f for f in hit.fragments if f.field == "body"), None) or (hit.fragments[0] if hit.fragments else None)
        body_spans = [span for f in hit.fragments if f.field == "body" for span in f.highlights]
        if fragment is not None and fragment.field == "body" and fragment.highlights:
            span = sorted(fragment.highlights)[0]
            self.open_letter(hit.letter_id, span=span)
        elif fragment is not None and fragment.field == "footnote" and fragment.footnote_number is not None:
            self.open_letter(hit.letter_id)
            layout = self.reader.layout_info
            if layout is not None:
                position = layout.footnote_to_doc(fragment.footnote_number, fragment.start)
                if position is not None:
                    self.reader.go_to_position(position)
        elif fragment is not None and fragment.field == "note" and fragment.annotation_id is not None:
            self.open_letter(hit.letter_id)
            self.annotations_panel.select_annotation(fragment.annotation_id)
            current = self.annotations_panel.current
            if current is not None:
                self.reader.select_span(current.start, current.end)
        else:
            self.open_letter(hit.letter_id)
        self.reader.set_search_spans(body_spans)
        self.reader.setFocus(Qt.OtherFocusReason)

    # -- annotating from the reader --------------------------------------------------------------------
    def annotation_for_action(self) -> Annotation | None:
        """The annotation the user means: the one exactly selected, else the one under the cursor."""
        if self.letter is None:
            return None
        span = self.reader.selected_span()
        annotations = self.library.list_annotations(self.letter.id)
        if span is not None:
            exact = [a for a in annotations if (a.start, a.end) == span]
            return exact[0] if exact else None
        offset = self.reader.cursor_offset()
        if offset is None:
            return None
        covering = [a for a in annotations if a.status == "anchored" and a.start <= offset < a.end]
        return min(covering, key=lambda a: a.end - a.start) if covering else None

    def tag_selection(self, theme: Theme) -> None:
        """Tag the selected text with ``theme``; on an existing annotation, add (or remove) the theme."""
        if self.letter is None:
            return
        try:
            existing = self.annotation_for_action()
            if existing is not None:
                self.controller.toggle_theme(existing, theme)
                self.annotations_panel.select_annotation(existing.id)
                return
            span = self.reader.selected_span()
            if span is None:
                self.statusBar().showMessage(translate("ReaderMixin", "Select a passage first, then press a theme key (1–9)."), 5000)
                return
            self.controller.add_annotation(self.letter.id, span[0], span[1], (theme.id,))
        except AppError as error:
            show_error(self, error)

    def _on_reader_theme_key_pressed(self, number: int) -> None:
        theme = self.controller.theme_for_key(number)
        if theme is None:
            self.statusBar().showMessage(translate("ReaderMixin", "No theme has key {number}.").format(number=number), 4000)
            return
        self.tag_selection(theme)

    def _rebuild_tag_menu(self) -> None:
        self.tag_menu.clear()
        from desktop_app.gui.models import color_icon

        for i, theme in enumerate(self.controller.themes):
            depth = 0
            parent = theme.parent_id
            themes = self._themes_by_id()
            while parent is not None and parent in themes:
                depth += 1
                parent = themes[parent].parent_id
            label = ("    " * depth) + theme.name.replace("&", "&&") + (f"\t{i + 1}" if i < 9 else "")
            action = self.tag_menu.addAction(color_icon(theme.color), label)
            action.setToolTip(plain(theme.name))  # not the name as markup
            action.setData(theme.id)
            action.triggered.connect(self._on_tag_menu_action_triggered)

    def _on_tag_menu_action_triggered(self) -> None:
        action = self.sender()
        theme = self._themes_by_id().get(action.data()) if isinstance(action, QAction) else None
        if theme is not None:
            self.tag_selection(theme)

    def _on_reader_context_menu_requested(self, pos: Any) -> None:
        menu = self.reader.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addMenu(self.tag_menu)
        menu.addAction(self.actions_by_name["note"])
        menu.addAction(self.actions_by_name["remove_annotation"])
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(self.reader.viewport().mapToGlobal(pos))

    def _on_note_triggered(self) -> None:
        annotation = self.annotation_for_action()
        if annotation is None:
            self.statusBar().showMessage(translate("ReaderMixin", "Put the cursor in an annotation (or tag a passage) to write a note."), 5000)
            return
        self.annotations_dock.show()
        self.annotations_dock.raise_()
        self.annotations_panel.select_annotation(annotation.id)
        self.annotations_panel.edit_note()

    def _on_remove_annotation_triggered(self) -> None:
        annotation = self.annotation_for_action()
        if annotation is not None:
            self.controller.delete_annotation(annotation)
            self.statusBar().showMessage(translate("ReaderMixin", "Annotation removed. Ctrl+Z brings it back."), 4000)

    def _on_reattach_triggered(self) -> None:
        annotation = self.annotations_panel.current
        span = self.reader.selected_span()
        if annotation is None or span is None:
            self.statusBar().showMessage(translate("ReaderMixin", "Select the annotation in the Annotations panel and the new text in the letter."), 6000)
            return
        self._guard(self.controller.reattach_annotation, annotation, span[0], span[1])

    def _on_set_kamerstuk_triggered(self) -> None:
        if self.letter is None:
            return
        value, ok = QInputDialog.getText(
            self, translate("ReaderMixin", "Kamerstuk id"), translate("ReaderMixin", "This letter is Kamerstuk (e.g. kst-28676-472 or “28 676, nr. 472”; empty clears):"),
            QLineEdit.Normal, self.letter.kamerstuk or "",
        )
        if ok and (value.strip() or None) != self.letter.kamerstuk:
            self._guard(self.controller.set_kamerstuk, self.letter.id, value.strip() or None)

    def _on_controller_letter_changed(self, letter_id: int) -> None:
        self.reload_letters()
        if self.letter is not None and not self.library.letter_names([self.letter.id]):  # an undone import
            self.letter = None
            self.reader.clear_letter()
            self._refresh_annotations(None)
            self._refresh_references()
        elif self.letter is not None:
            self.open_letter(self.letter.id, position=self.reader.textCursor().position(), record=False)
        self.statusBar().showMessage(translate("ReaderMixin", "References updated."), 4000)

    def _on_reader_cursor_position_changed(self) -> None:
        offset = self.reader.cursor_offset()
        page = self.letter.page_of(offset) if self.letter is not None and offset is not None else None
        pages = self.letter.pages if self.letter is not None else None
        self.page_label.setText(translate("ReaderMixin", "Page {page} of {pages}").format(page=page, pages=pages) if page and pages
                                else (translate("ReaderMixin", "Page {page}").format(page=page) if page else ""))
        if offset is None or self.reader.textCursor().hasSelection():
            return
        found = self.reader.annotations_at(offset)
        if found:
            self.annotations_panel.select_annotation(min(found, key=lambda a: a.end - a.start).id)
