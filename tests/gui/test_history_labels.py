"""The window shows the core history's labels in the interface's language (issue 14.8 over 16.1): every
label the core writes has a known form, so none is left in English in the Dutch interface, and the
names and quotes inside are kept as written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.services import Library
from desktop_app.gui import i18n
from desktop_app.gui.history import shown_label
from tests.libraries import seeded_copy


def _every_kind_of_change(tmp_path: Path) -> list[str]:
    from tests.unit.test_references_service import footnote_ref, seed

    with Library.open(seeded_copy(tmp_path / "lib")) as library:
        letter = next(s for s in library.list_letters() if s.source_file.startswith("004"))
        text = library.get_letter(letter.id).text
        start = text.index("Oekraïne")
        parent = library.add_theme("Ouder & <b>vet")
        theme = library.add_theme("Kind", parent=parent.id)
        other = library.add_theme("Ander")
        ann = library.annotate(letter.id, start, start + 8, [theme.id])
        library.update_annotation(ann.id, theme_ids=(theme.id, other.id))
        library.update_annotation(ann.id, theme_ids=(theme.id,))
        library.update_annotation(ann.id, theme_ids=(other.id,))
        library.update_annotation(ann.id, note="een notitie")
        plain = library.annotate(letter.id, start + 20, start + 40)
        library.delete_annotation(plain.id)
        library.update_theme(theme.id, name="Hernoemd")
        library.update_theme(theme.id, color="#123456")
        library.update_theme(theme.id, description="Uitleg")
        library.set_theme_key(theme.id, 1)
        library.set_theme_key(theme.id, None)
        library.move_theme(theme.id, parent=None, position=0)
        library.merge_themes(other.id, theme.id)
        library.delete_theme(parent.id, force=True)
        ct25 = seed(library, "000")
        ref = footnote_ref(library, "004", 1)
        library.references.confirm(ref.id, ct25.name)
        library.set_kamerstuk(letter.id, "kst-28676-999")
        library.set_kamerstuk(letter.id, None)
        fresh = tmp_path / "999_nieuw.txt"
        fresh.write_text("Betreft: Een brief over zeewier\n\nDe minister schrijft over zeewier.\n", encoding="utf-8")
        (new,) = library.import_paths([fresh]).imported
        library.delete_letter(new.id)
        library.follow_dossier("28676")
        library.unfollow_dossier("28676")
        return [change.label for change in library.history()]


def test_every_history_label_is_shown_in_dutch_with_its_names_kept(qapp: Any, tmp_path: Path) -> None:
    labels = _every_kind_of_change(tmp_path)
    assert len(labels) >= 20
    restore = i18n.install("en", qapp)
    try:
        assert [shown_label(label) for label in labels] == labels  # English: as the core wrote them
    finally:
        restore()
    restore = i18n.install("nl", qapp)
    try:
        shown = {label: shown_label(label) for label in labels}
    finally:
        restore()
    left_english = [label for label, dutch in shown.items() if dutch == label]
    assert not left_english, left_english
    for label, dutch in shown.items():
        for quoted in [part.split("”")[0] for part in label.split("“")[1:]]:
            assert f"“{quoted}”" in dutch, (label, dutch)  # names and quotes as written


def test_every_core_template_has_its_dutch_wording(qapp: Any) -> None:
    """The history's wordings (core/labels.py TEMPLATES) are collected for translation from the core
    itself (scripts/update_translations.py): each one has a Dutch text, so a new wording of the core
    cannot reach the window untranslated."""
    from desktop_app.core.labels import TEMPLATES

    restore = i18n.install("nl", qapp)
    try:
        untranslated = [t for t in TEMPLATES if i18n.translate("History", t) == t]
    finally:
        restore()
    assert untranslated == []


def test_an_interrupted_change_says_so_in_dutch(qapp: Any) -> None:
    from desktop_app.core.labels import Label

    label = Label("Imported {0} letters", 12).cut_short()
    assert label == "Imported 12 letters (interrupted)"
    restore = i18n.install("nl", qapp)
    try:
        assert shown_label(label) == "12 brieven geïmporteerd (onderbroken)"
    finally:
        restore()
