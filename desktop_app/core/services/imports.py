"""Importing letters: :class:`ImportReport`, the batch import of files and folders (new letters,
new versions re-anchored, originals copied into files/) and :func:`import_iter`, the file-by-file
import the GUI's worker drives."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.core import anchoring
from desktop_app.core.errors import ImportFailed, NoLettersFound
from desktop_app.core.importing import SUPPORTED_SUFFIXES, display_name, letter_files
from desktop_app.core.labels import Label
from desktop_app.core.messages import Message
from desktop_app.core.model import Annotation, Letter, ParsedLetter
from desktop_app.core.services.common import FILES_DIR
from desktop_app.core.services.parts import LibraryParts
from desktop_app.core.store import annotations_repo, letters_repo
from desktop_app.core.superscript import is_superscript
from desktop_app.core.tasks import CancelToken, Progress

BATCH_COMMIT = 100  # a batch import commits every this many files (each file is a savepoint within)


@dataclass
class ImportReport:
    imported: list[Letter] = field(default_factory=list)  # new letters
    updated: list[Letter] = field(default_factory=list)  # new versions of known letters (re-anchored)
    skipped: list[tuple[str, int]] = field(default_factory=list)  # (path, existing letter id): same content
    failed: list[ImportFailed] = field(default_factory=list)
    orphaned: list[Annotation] = field(default_factory=list)  # annotations that could not be re-attached
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, importer's note)
    cancelled: bool = False  # the cancel token stopped the batch; files done before are kept

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, other: ImportReport) -> None:
        """Take in the report of a later import (the next file of a batch, or a retry)."""
        self.imported.extend(other.imported)
        self.updated.extend(other.updated)
        self.skipped.extend(other.skipped)
        self.failed.extend(other.failed)
        self.orphaned.extend(other.orphaned)
        self.warnings.extend(other.warnings)
        self.cancelled = self.cancelled or other.cancelled

    def retrying(self, paths: Iterable[str]) -> None:
        """Take the failures of ``paths`` out of the report: they are imported again (with a password)."""
        wanted = set(paths)
        self.failed = [f for f in self.failed if f.path not in wanted]

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": [{"id": x.id, "name": x.name, "source_file": x.source_file} for x in self.imported],
            "updated": [{"id": x.id, "name": x.name, "source_file": x.source_file} for x in self.updated],
            "skipped": [{"path": p, "letter_id": i} for p, i in self.skipped],
            "failed": [{"path": e.path, "problem": e.problem} for e in self.failed],
            "orphaned": [{"id": a.id, "letter_id": a.letter_id, "quote": a.quote} for a in self.orphaned],
            "warnings": [{"path": p, "warning": w} for p, w in self.warnings],
            "cancelled": self.cancelled,
        }


def _import_label(report: ImportReport) -> Label:
    """What an import did, for the history: "Imported 000_…", "Imported 12 letters", "Re-imported …"."""
    parts = []
    for verb, letters in (("Imported", report.imported), ("Re-imported", report.updated)):
        if len(letters) == 1:
            parts.append(Label(verb + " {0}", letters[0].name))
        elif letters:
            parts.append(Label(verb + " {0} letters", len(letters)))
    return Label.joined(parts) if parts else Label("Imported letters")


def _quick_hash(path: Path) -> str | None:
    """sha256 of a regular file's bytes (the importer's content hash), to skip known files without
    parsing them; None when it cannot be read or is too large (the importer then reports why)."""
    try:
        if not path.is_file() or path.stat().st_size > 100 * 1024 * 1024:
            return None
        import hashlib  # here, as traceback below: a command that imports nothing does not load them

        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


@dataclass(frozen=True)
class ImportStep:
    """One file of :func:`import_iter` done: its place in the batch and its own report (letters
    imported or updated, skipped, failed, warnings)."""

    done: int  # files finished, this one included
    total: int
    path: Path | None  # None for the step that reports folders with nothing to import
    report: ImportReport


def import_iter(
    library: Any,
    paths: Sequence[Path],
    *,
    passwords: dict[str, str] | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[ImportStep]:
    """The one way to import a selection file by file: folders walked as ``import_paths`` walks them
    (hidden files and folders and "._" files left out, metadata records beside official XML too),
    each file imported with its own ``library.import_paths`` call, so a caller holding the library
    behind a lock (the GUI's worker) releases it between files and can stop between files
    (``cancel``). References are resolved once, after the last file. ``passwords``: by path, for
    encrypted PDFs."""
    files, barren = _expand_paths(paths)
    total = len(files)
    if barren:
        first = ImportReport()
        first.failed.extend(NoLettersFound(str(folder), SUPPORTED_SUFFIXES) for folder in barren)
        yield ImportStep(0, total, None, first)
    changed = False
    try:
        for done, path in enumerate(files, start=1):
            if cancel is not None and cancel.cancelled:
                return
            report = library.import_paths([path], password=(passwords or {}).get(str(path)), resolve=False)
            changed = changed or bool(report.imported or report.updated)
            yield ImportStep(done, total, path, report)
    finally:
        if changed:
            library.resolve_references()


def _expand_paths(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Files as given, and the letter files under folders (``importing.letter_files``: SUPPORTED_SUFFIXES,
    recursively, sorted, hidden ones left out); each once. Also the folders that hold no such file (nothing to import there)."""
    out: list[Path] = []
    seen: set[Path] = set()
    barren: list[Path] = []

    def add(path: Path) -> None:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            out.append(path)

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            add(path)
            continue
        found = letter_files(path)
        for file in found:
            add(file)
        if not found:
            barren.append(path)
    return out, barren


class ImportsMixin(LibraryParts):
    """The import use case of :class:`~desktop_app.core.services.Library`."""

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        password: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        resolve: bool = True,
    ) -> ImportReport:
        """Import files and folders (recursively: SUPPORTED_SUFFIXES). One bad file never stops the batch;
        each file is stored whole or not at all. A folder's other files are passed over; a file named
        explicitly with another extension fails ("unsupported file type"). Cancelling stops between
        files and returns the report so far with ``cancelled`` set.

        References are resolved once at the end, only those the imported files can affect (see
        :meth:`resolve_references`). A caller importing file by file may pass ``resolve=False`` and
        call :meth:`resolve_references` once after the last file."""
        with self.unit_of_work(Label("Imported letters"), transaction=False, index=False) as work:  # a unit per file
            report = self._import_paths(paths, password, progress, cancel, resolve)
            work.label.text = _import_label(report)
        return report

    def _import_paths(
        self,
        paths: Sequence[Path],
        password: str | None,
        progress: Progress | None,
        cancel: CancelToken | None,
        resolve: bool,
    ) -> ImportReport:
        report = ImportReport()
        files, barren = _expand_paths(paths)
        report.failed.extend(NoLettersFound(str(folder), SUPPORTED_SUFFIXES) for folder in barren)
        total = len(files)
        batch = total > 1 and self._deferred is None and self.index is not None
        if batch:  # index the batch at the end: one rebuild can beat many one-letter commits
            self._deferred = set()
            self._dirty_marker.touch()
        commits = ExitStack()  # a batch: one commit (fsync) per BATCH_COMMIT files, not one per file
        try:
            for done, path in enumerate(files):
                if total > 1 and done % BATCH_COMMIT == 0:
                    commits.close()
                    commits.enter_context(self.db.atomic())
                if cancel is not None and cancel.cancelled:
                    report.cancelled = True
                    break
                if progress is not None:
                    progress(done, total, display_name(path.name))
                try:
                    self._import_one(path, password, report)
                except ImportFailed as err:
                    report.failed.append(err)
        finally:
            commits.close()  # what is done is kept, also when the batch stops on an error
            if batch:
                deferred, self._deferred = self._deferred or set(), None
                self._flush_index(deferred, progress=progress)
        if progress is not None and not report.cancelled:
            progress(total, total, "")
        if resolve and (report.imported or report.updated):
            self.resolve_references()
        return report

    def _import_one(self, path: Path, password: str | None, report: ImportReport) -> None:
        from desktop_app.core.importing import read_file_and_bytes

        shown = display_name(path)  # a file name that is not UTF-8 is shown, never a crash
        known = letters_repo.id_by_hash(self.db, _quick_hash(path) or "")
        if known is not None and not self._read_by_older_importer(known):
            report.skipped.append((shown, known))
            return
        parsed, data = read_file_and_bytes(path, password=password)
        known = letters_repo.id_by_hash(self.db, parsed.content_hash)
        if known is not None and not self._read_by_older_importer(known):
            report.skipped.append((shown, known))
            return
        if known is not None:  # the same file, read again by this version: an update in place
            parsed = replace(parsed, source_file=self.get_letter(known).source_file)
        old_id = known or letters_repo.id_by_name(self.db, letters_repo.letter_name(parsed.source_file))
        old_path = self._source_path_of(old_id)
        if old_id is not None:
            self.references.before_change(old_id)
        copy = self._copy_original(data, parsed)
        try:
            with self.unit_of_work() as work:  # a part of the import's change; the index follows the letter
                letter_id, orphans = self._store_letter(parsed, old_id, copy)
                letter = self.get_letter(letter_id)
                self.references.extract(letter, parsed.links)
                work.touch([letter_id])
        except ImportFailed:
            self._remove_copy(copy, old_path)
            self._refresh_index([])  # nothing changed: the index is still in step
            raise
        except Exception as err:  # noqa: BLE001 - one file never stops a batch
            import traceback

            self._remove_copy(copy, old_path)
            self._refresh_index([])
            raise ImportFailed(
                shown, Message("could not be stored in the library ({0})", f"{type(err).__name__}: {err}"),
                details=traceback.format_exc(),
            ) from err
        (report.updated if old_id is not None else report.imported).append(letter)
        report.orphaned.extend(orphans)
        report.warnings.extend((shown, w) for w in parsed.warnings)
        if copy is None:
            report.warnings.append((shown, Message("the original could not be copied into the library folder")))

    def _read_by_older_importer(self, letter_id: int) -> bool:
        """A letter stored by a version that left footnote markers as ASCII digits ("20245" for
        "2024⁵") or that did not keep the letter head's citing fields (``Letter.head``, migration
        0006): importing its file again updates it (annotations re-anchored) instead of skipping."""
        if letters_repo.head_unread(self.db, letter_id):
            return True
        letter = self.get_letter(letter_id)
        return any(f.marker and not is_superscript(letter.text[f.marker[0] : f.marker[1]]) for f in letter.footnotes)

    def _store_letter(self, parsed: ParsedLetter, old_id: int | None, copy: str | None) -> tuple[int, list[Annotation]]:
        new_hash = anchoring.text_hash(parsed.text)
        if old_id is None:
            return letters_repo.insert(self.db, parsed, text_hash=new_hash, source_path=copy), []
        letters_repo.replace_content(self.db, old_id, parsed, text_hash=new_hash, source_path=copy)
        return old_id, self._reanchor_all(old_id, parsed.text, new_hash)

    def _reanchor_all(self, letter_id: int, text: str, new_hash: str) -> list[Annotation]:
        orphans: list[Annotation] = []
        for old in annotations_repo.for_letter(self.db, letter_id):
            anchor = anchoring.reanchor(old, text, new_hash=new_hash)
            if anchor.status == anchoring.ANCHORED:
                sel = anchoring.select(text, anchor.start, anchor.end, hash_=new_hash)
                annotations_repo.update(
                    self.db, old.id, start=sel.start, end=sel.end, quote=sel.quote, prefix=sel.prefix,
                    suffix=sel.suffix, text_hash=sel.text_hash, status=anchoring.ANCHORED,
                )  # fmt: skip
            else:
                annotations_repo.update(self.db, old.id, status=anchoring.ORPHAN)
                orphans.append(replace(old, status=anchoring.ORPHAN))
        return orphans

    def _source_path_of(self, letter_id: int | None) -> str | None:
        if letter_id is None:
            return None
        return letters_repo.source_path_of(self.db, letter_id)

    def _copy_original(self, data: bytes, parsed: ParsedLetter) -> str | None:
        """Keep the original in files/: the bytes that were parsed (not the file read again, which
        may have been replaced meanwhile), written whole, then renamed; returns the path relative to
        the library folder. A copy that fails is only a warning: the letter itself is stored. Copies of
        earlier versions and deleted letters are kept, so a restored backup still finds its files."""
        suffix = Path(parsed.source_file).suffix.lower() or f".{parsed.source_format}"
        stem = letters_repo.letter_name(parsed.source_file)[:100]  # file systems allow 255 bytes a name
        relative = f"{FILES_DIR}/{stem}-{parsed.content_hash[:12]}{suffix}"
        target = self.folder / relative
        if target.exists():
            return relative
        partial = target.with_name(target.name + ".partial")
        try:
            target.parent.mkdir(exist_ok=True)
            with open(partial, "wb") as handle:
                handle.write(data)
            os.replace(partial, target)
        except OSError:
            partial.unlink(missing_ok=True)
            return None
        return relative

    def _remove_copy(self, relative: str | None, keep: str | None) -> None:
        if not relative or relative == keep or relative in letters_repo.source_paths(self.db):
            return
        (self.folder / relative).unlink(missing_ok=True)

