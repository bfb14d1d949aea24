"""Export formats and file extensions: the one place that maps a file name to a format.

The CLI (``kamerlezer export -o FILE``), the GUI's export dialog and the export service all ask
:func:`format_for_path` / :func:`normalise_format`, so an extension is accepted, or refused with the
formats listed, the same way everywhere.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from desktop_app.core.errors import InvalidInput
from desktop_app.core.messages import Message

FORMATS = ("pdf", "docx", "md", "csv")

# extension (or --format name) -> format
_ALIASES = {
    "pdf": "pdf",
    "docx": "docx",
    "word": "docx",
    "md": "md",
    "markdown": "md",
    "csv": "csv",
}
EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "md": ".md", "csv": ".csv"}


def formats_listed() -> str:
    """"pdf (.pdf), docx (.docx), md (.md, .markdown), csv (.csv)" for messages."""
    parts = []
    for fmt in FORMATS:
        exts = [f".{alias}" for alias, target in _ALIASES.items() if target == fmt and alias != "word"]
        parts.append(f"{fmt} ({', '.join(exts)})")
    return ", ".join(parts)


def normalise_format(fmt: str) -> str:
    """"PDF", ".md", "markdown", "word" -> "pdf", "md", "md", "docx"; anything else is InvalidInput."""
    value = _ALIASES.get(fmt.strip().lower().lstrip("."))
    if value is None:
        raise InvalidInput(f"Unknown export format {fmt!r}: use one of {formats_listed()}.")
    return value


def format_for_path(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format to write ``path`` in.

    With ``fmt`` (an explicit choice) the file's extension must agree with it, or be absent.
    Without it the extension decides; a file without an extension (or with digits only: "x.2024") is PDF. An unknown extension
    ("x.odt") or one that contradicts ``fmt`` ("x.pdf" with docx) is refused with InvalidInput
    naming the file and listing the formats.
    """
    suffix = PurePath(os.fspath(path)).suffix.lower().lstrip(".")
    chosen = normalise_format(fmt) if fmt else None
    if not suffix or suffix.isdigit():  # "samenvatting", "samenvatting.2024": no extension
        return chosen or "pdf"
    by_extension = _ALIASES.get(suffix) if suffix != "word" else None
    if by_extension is None:
        raise InvalidInput(
            Message("{0}: unknown extension .{1}; export writes {2}.", os.fspath(path), suffix, formats_listed())
        )
    if chosen and chosen != by_extension:
        raise InvalidInput(Message(
            "{0}: the extension .{1} is not {2}; use {3} (or leave --format out).",
            os.fspath(path), suffix, chosen, EXTENSIONS[chosen],
        ))
    return by_extension


__all__ = ["EXTENSIONS", "FORMATS", "format_for_path", "formats_listed", "normalise_format"]
