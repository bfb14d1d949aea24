"""Letter importer: a .txt, .pdf, Word .docx or official publication .xml file -> a clean ``ParsedLetter``.

Public API: ``read_file`` and ``parse_text``. Every bad input raises ``ImportFailed`` naming the
file and the problem; no other exception leaves ``read_file``.

Conventions (what other parts may rely on):
- ``text``: paragraphs separated by exactly "\n\n", no other blank lines, single spaces inside a
  paragraph; headings are paragraphs of their own, listed in ``headings``.
- Footnote markers stay in the body where they were printed, as Unicode superscript digits
  ("NDPP Review.¹ Met", "17-18 oktober 2024⁵", never "20245"); ``Footnote.marker`` is their span, so
  ``text[start:end] == superscript(number)`` (``desktop_app.core.superscript``).
  ``Footnote.text`` is whitespace-normalised and carries no leading number.
- The letter head (Retouradres, addressee, Datum, Betreft, "Geachte voorzitter,") is metadata and
  not in ``text``; the salutation is dropped. The closing ("Hoogachtend,", "DE MINISTER VAN
  DEFENSIE", the name) and annexes ("Bijlage 1: ...") stay in ``text``.
- ``head``: the head's citing fields, kept as text since they are not in ``text``: "Uw kenmerk" /
  "Uw brief" / "Uw referentie" with their values (a side column's values below the label joined
  to one line: "Uw kenmerk 2022Z20676 2023Z01460") and an Aanhangsel answer line's "Zie ook ..."
  remark; one field a line, "" when there is none. "Ons kenmerk" is the sender's own number and
  is left out, as are addresses and dates. The references store its citations with location "head".
- ``pages``: the PDF page count; for .txt the pages detected from page-break noise (runs of 5+
  blank lines, form feeds, a new page starting with one space) + 1. ``page_starts[i]`` is the
  offset where page i+1 begins (``page_starts[0] == 0``); a page may begin inside a paragraph.
- ``date`` only from the letter itself (Datum line, side column, official dateline/"Voorgesteld"/
  "(ontvangen ...)"), never from dates in the body. ``kind`` defaults to "brief".
- ``warnings``: non-fatal notes, e.g. "page 2 could not be read and was left out".
"""

from __future__ import annotations

import hashlib
import os
import traceback
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importing.text import NotText, decode_bytes
from desktop_app.core.messages import Message
from desktop_app.core.model import ParsedLetter

if TYPE_CHECKING:
    from desktop_app.core.importing.letter import parse_text

__all__ = ["read_file", "read_file_and_bytes", "parse_text", "display_name", "SUPPORTED_SUFFIXES", "is_importable", "letter_files"]

SUPPORTED_SUFFIXES = (".txt", ".pdf", ".xml", ".docx")
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


def read_file(
    path: Path, *, password: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> ParsedLetter:
    """Read a letter from a .txt, .pdf, .docx or official publication .xml file.

    The size is checked before anything is read. ``password`` opens an encrypted PDF.
    """
    return read_file_and_bytes(path, password=password, max_bytes=max_bytes)[0]


def read_file_and_bytes(
    path: Path, *, password: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[ParsedLetter, bytes]:
    """``read_file``, and the bytes the letter was read from (read once: what a library keeps as
    the original is what was parsed, even when the file is replaced meanwhile).

    A file name that is not valid UTF-8 (possible on Linux) is no problem: messages and
    ``source_file`` show its undecodable bytes as U+FFFD, and the letter gets a warning."""
    path = Path(path)
    name = display_name(path)
    try:
        letter, data = _read(path, name, password=password, max_bytes=max_bytes)
    except ImportFailed:
        raise
    except RecursionError as exc:
        raise ImportFailed(name, Message("damaged or too deeply nested document")) from exc
    except MemoryError as exc:
        raise ImportFailed(name, Message("document too large to read (out of memory)")) from exc
    except OSError as exc:
        raise ImportFailed(name, Message("cannot read file ({0})", exc.strerror or exc)) from exc
    except Exception as exc:  # noqa: BLE001 - the contract: only ImportFailed leaves read_file
        raise ImportFailed(
            name, Message("could not import ({0})", type(exc).__name__), details=traceback.format_exc()
        ) from exc
    if display_name(path.name) != path.name:
        shown = display_name(path.name)
        letter = replace(
            letter,
            source_file=shown,
            warnings=(*letter.warnings, Message("the file name is not valid UTF-8; it is shown as {0}", repr(shown))),
        )
    return letter, data


def display_name(path: Path | str) -> str:
    """A path as text that can be shown, printed and stored: bytes of a file name that are not
    UTF-8 (which Python keeps as lone surrogates) become U+FFFD."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", errors="replace")
    return text


def _read(path: Path, name: str, *, password: str | None, max_bytes: int) -> tuple[ParsedLetter, bytes]:
    suffix = path.suffix.lower()
    source_file = display_name(path.name)
    if not path.exists():  # before the type: a mistyped path is "not found", whatever its name
        raise ImportFailed(name, Message("file not found") if suffix else Message("not found (no such file or folder)"))
    if suffix == ".doc":
        from desktop_app.core.importing.word import SAVE_AS_DOCX

        raise ImportFailed(name, SAVE_AS_DOCX)
    if suffix not in SUPPORTED_SUFFIXES:
        kind = suffix or "(no extension)"
        raise ImportFailed(name, Message("unsupported file type {0}", kind))
    if not path.is_file():
        raise ImportFailed(name, Message("not a file"))
    if suffix == ".xml":
        from desktop_app.core.importing.official_xml import read_xml_file_and_bytes

        return read_xml_file_and_bytes(path, max_bytes=max_bytes, name=name)
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportFailed(name, Message("file too large ({0}; limit {1})", _mb(size), _mb(max_bytes)))
    if size == 0:
        raise ImportFailed(name, Message("empty file"))
    data = path.read_bytes()
    if len(data) > max_bytes:  # grew while we looked
        raise ImportFailed(name, Message("file too large ({0}; limit {1})", _mb(len(data)), _mb(max_bytes)))
    if not data:  # emptied while we looked
        raise ImportFailed(name, Message("empty file"))
    content_hash = hashlib.sha256(data).hexdigest()
    if suffix == ".txt":
        return _read_txt(name, source_file, data, content_hash), data
    if suffix == ".docx":
        from desktop_app.core.importing.word import read_docx

        return read_docx(data, name=name, source_file=source_file, content_hash=content_hash), data
    from desktop_app.core.importing.pdf import read_pdf

    letter = read_pdf(data, name=name, source_file=source_file, content_hash=content_hash, password=password)
    return letter, data


def letter_files(folder: Path) -> list[Path]:
    """The files a folder import reads (:func:`is_importable`), recursively, sorted; hidden folders and
    files ("._" copies a Mac leaves on a USB stick included) are passed over. The one walk the CLI and
    the app share."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in sorted(files) if is_importable(Path(root) / name))
    return found


def is_importable(path: Path) -> bool:
    """True for a file a folder import should read: a supported type, not a metadata record."""
    from desktop_app.core.importing.official_xml import is_metadata_file

    return (
        not path.name.startswith(".")
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not is_metadata_file(path)
    )


def _read_txt(name: str, source_file: str, data: bytes, content_hash: str) -> ParsedLetter:
    if data.lstrip().startswith(b"%PDF-"):
        raise ImportFailed(name, Message("not text (looks like a PDF; rename it to .pdf?)"))
    try:
        text = decode_bytes(data)
    except NotText as exc:
        raise ImportFailed(name, exc.args[0] if exc.args else str(exc)) from exc
    if not text.strip():
        raise ImportFailed(name, Message("empty file (only whitespace)"))
    from desktop_app.core.importing.letter import parse_lines, text_lines

    lines = text_lines(text)
    del text  # a 40 MB letter: its text is not kept beside its lines while it is parsed
    return parse_lines(lines, source_file=source_file, content_hash=content_hash)


def __getattr__(name: str) -> Any:
    """``parse_text`` (the cleaning and its patterns, ~15 ms) is loaded when first used: a command
    that only asks which files are importable does not pay for it."""
    if name == "parse_text":
        from desktop_app.core.importing.letter import parse_text

        return parse_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _mb(size: int) -> str:
    """A size for people: "230 MB", "1.5 MB", "12 KB"."""
    mb = size / (1024 * 1024)
    if mb >= 10:
        return f"{mb:.0f} MB"
    if mb >= 1:
        return f"{mb:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
