"""What a change of the library did, as its history says it: a :class:`Label`.

A label is its English text (a ``str``: the CLI's ``history``, ``undo`` and error messages read it as
it is) made from a template of :data:`TEMPLATES` and the names and quotes filled into it, kept beside
the text in the history (``history.label_parts``, migration 0007). An interface in another language
translates the template and keeps the arguments as written ("Tagged “…” with NDPP" ->
"“…” getagd met NDPP"); it never has to take the English apart.

An import of several kinds is one change of several parts ("Imported 3 letters; Re-imported 000_…");
a change a crash cut short keeps its parts and says it was interrupted. Labels written before 0007
have no parts: :func:`parse` recovers them from the text once, for the interfaces.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

# Every wording a change of the library can have; an interface translates exactly these texts.
TEMPLATES: tuple[str, ...] = (
    "Tagged {0} with {1}",
    "Untagged {0} ({1})",
    "Retagged {0}",
    "Edited the note on {0}",
    "Annotated {0}",
    "Deleted the annotation {0}",
    "Restored the annotation {0}",
    "Re-attached {0}",
    "Added the theme {0}",
    "Renamed {0} to {1}",
    "Recoloured {0}",
    "Described {0}",
    "Moved {0}",
    "Merged {0} into {1}",
    "Deleted the theme {0}",
    "Restored the theme {0}",
    "Gave {0} the key {1} ({2} has none)",
    "Gave {0} the key {1}",
    "Took the key off {0}",
    "Set the Kamerstuk id of {0} to {1}",
    "Cleared the Kamerstuk id of {0}",
    "Rejected {0} as the id of {1}",
    "Deleted the letter {0}",
    "Linked citation #{0} {1} to {2}",
    "Rejected {0} for citation #{1} {2}",
    "Imported {0} letters",
    "Re-imported {0} letters",
    "Imported letters",
    "Imported {0}",
    "Re-imported {0}",
    "Followed dossier {0}",
    "Stopped following dossier {0}",
)
INTERRUPTED = " (interrupted)"
SEPARATOR = "; "

Part = tuple[str, tuple[str, ...]]


class Label(str):
    """A change's label: the English text, with the ``parts`` (template, arguments) it was made from."""

    parts: tuple[Part, ...]
    interrupted: bool

    def __new__(cls, template: str, *args: object) -> Label:
        if template not in TEMPLATES:
            raise ValueError(f"not a label template: {template!r}")  # a new wording is added to TEMPLATES
        return cls._made(((template, tuple(str(a) for a in args)),))

    @classmethod
    def _made(cls, parts: Sequence[Part], interrupted: bool = False) -> Label:
        text = SEPARATOR.join(template.format(*args) for template, args in parts)
        label = str.__new__(cls, text + (INTERRUPTED if interrupted else ""))
        label.parts = tuple(parts)
        label.interrupted = interrupted
        return label

    @classmethod
    def joined(cls, labels: Iterable[Label]) -> Label:
        """One change of several parts ("Imported 3 letters; Re-imported 000_…")."""
        return cls._made([part for label in labels for part in label.parts])

    def cut_short(self) -> Label:
        """The same change, which a crash interrupted."""
        return Label._made(self.parts, interrupted=True)

    def __reduce__(self) -> tuple[object, ...]:  # pickled with its parts (str's own way would lose them)
        return (Label._made, (self.parts, self.interrupted))

    def stored(self) -> str:
        """The parts as the history keeps them (JSON)."""
        return json.dumps({"parts": [[t, list(a)] for t, a in self.parts], "interrupted": self.interrupted},
                          ensure_ascii=False)


EMPTY = Label._made(())  # noqa: SLF001 - the label of no change (a part of one being recorded)


def from_stored(text: str, stored: str | None) -> str:
    """A label read back from the history: a :class:`Label` with its parts, or, for a label written
    before the parts were kept (or of a form no template knows), what :func:`parse` makes of the text."""
    if stored:
        try:
            data = json.loads(stored)
            parts = [(str(t), tuple(str(a) for a in args)) for t, args in data["parts"]]
            if all(t in TEMPLATES for t, _ in parts) and parts:
                return Label._made(parts, bool(data.get("interrupted")))
        except (ValueError, KeyError, TypeError):
            pass
    return parse(text)


_Q = r"(“.*?”)"  # a quoted theme name or passage, kept as written
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^{pattern}$"), template) for pattern, template in (
        (rf"Tagged {_Q} with (.+)", "Tagged {0} with {1}"),
        (rf"Untagged {_Q} \((.+)\)", "Untagged {0} ({1})"),
        (rf"Retagged {_Q}", "Retagged {0}"),
        (rf"Edited the note on {_Q}", "Edited the note on {0}"),
        (rf"Annotated {_Q}", "Annotated {0}"),
        (rf"Deleted the annotation {_Q}", "Deleted the annotation {0}"),
        (rf"Restored the annotation {_Q}", "Restored the annotation {0}"),
        (rf"Re-attached {_Q}", "Re-attached {0}"),
        (rf"Added the theme {_Q}", "Added the theme {0}"),
        (rf"Renamed {_Q} to {_Q}", "Renamed {0} to {1}"),
        (rf"Recoloured {_Q}", "Recoloured {0}"),
        (rf"Described {_Q}", "Described {0}"),
        (rf"Moved {_Q}", "Moved {0}"),
        (rf"Merged {_Q} into {_Q}", "Merged {0} into {1}"),
        (rf"Deleted the theme {_Q}", "Deleted the theme {0}"),
        (rf"Restored the theme {_Q}", "Restored the theme {0}"),
        (rf"Gave {_Q} the key (\d) \((.+) has none\)", "Gave {0} the key {1} ({2} has none)"),
        (rf"Gave {_Q} the key (\d)", "Gave {0} the key {1}"),
        (rf"Took the key off {_Q}", "Took the key off {0}"),
        (r"Set the Kamerstuk id of (.+) to (\S+)", "Set the Kamerstuk id of {0} to {1}"),
        (r"Cleared the Kamerstuk id of (.+)", "Cleared the Kamerstuk id of {0}"),
        (r"Rejected (\S+) as the id of (.+)", "Rejected {0} as the id of {1}"),
        (r"Deleted the letter (.+)", "Deleted the letter {0}"),
        (rf"Linked citation #(\d+) {_Q} to (.+)", "Linked citation #{0} {1} to {2}"),
        (rf"Rejected (.+) for citation #(\d+) {_Q}", "Rejected {0} for citation #{1} {2}"),
        (r"Imported (\d+) letters", "Imported {0} letters"),
        (r"Re-imported (\d+) letters", "Re-imported {0} letters"),
        (r"Imported letters", "Imported letters"),
        (r"Imported (.+)", "Imported {0}"),
        (r"Re-imported (.+)", "Re-imported {0}"),
        (r"Followed dossier (\S+)", "Followed dossier {0}"),
        (r"Stopped following dossier (\S+)", "Stopped following dossier {0}"),
    )
)  # fmt: skip


def parse(text: str) -> str:
    """The parts of a label written before they were kept (libraries of schema 0006 and older), read
    from its English text; the text as it is when a part is of no known form."""
    interrupted = text.endswith(INTERRUPTED)
    body = text[: -len(INTERRUPTED)] if interrupted else text
    parts: list[Part] = []
    for piece in body.split(SEPARATOR):
        for pattern, template in _PATTERNS:
            match = pattern.match(piece)
            if match is not None:
                parts.append((template, tuple(g or "" for g in match.groups())))
                break
        else:
            return text
    return Label._made(parts, interrupted) if parts else text
