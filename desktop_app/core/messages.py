"""Texts of the core that a person reads in the window: a :class:`Message` is its English text (a
``str``: the CLI prints it, logs and tests read it) made from a template and the values filled in.

The core never imports Qt, so it cannot translate; it keeps the template beside the text instead, and
the window translates the template and fills in the same values (``gui/i18n.core_text``). The
templates are collected for translation from the ``Message("…", …)`` calls in the core's code by
``scripts/update_translations.py`` (context "Core"), so a new message cannot reach the window
without a place in the .ts file; file names, ids and numbers stay as they are.

    raise ImportFailed(name, Message("file too large ({0}; limit {1})", size, limit))
"""

from __future__ import annotations


class Message(str):
    """A text of the core: ``template.format(*args)``, with ``template`` and ``args`` kept."""

    template: str
    args: tuple[object, ...]

    def __new__(cls, template: str, *args: object) -> Message:
        text = str.__new__(cls, template.format(*args) if args else template)
        text.template = template
        text.args = args
        return text

    def __reduce__(self) -> tuple[object, ...]:  # pickled (a worker process) with its template
        return (Message, (self.template, *self.args))
