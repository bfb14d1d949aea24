"""A reader's view of the index with the journaled edits applied in memory, never on disk.

Only the process that holds the library (its writer) writes the journal (``index/PENDING``) into the
index. A reader beside it (``Library.open(readonly=True)`` while another program has the library)
must still find what the journal holds, so it indexes those edits into a segment kept in memory: a
Whoosh storage that reads the generation folder as it is and keeps every file it is asked to write
(the new segment, the new table of contents) in memory; deleting a file on disk is a no-op, and its
locks are in-memory locks. The files on disk are never touched, so the writer may flush, merge or
rebuild meanwhile (Whoosh never rewrites a file it wrote; a merged-away file stays readable while it
is open)."""

from __future__ import annotations

from typing import Any

from whoosh.filedb.filestore import FileStorage, RamStorage, Storage


class MemoryOverlay(Storage):  # type: ignore[misc]
    """Reads from ``folder`` (read-only) and from memory; writes, renames and deletes only in memory."""

    supports_mmap = True

    def __init__(self, folder: str) -> None:
        self.disk = FileStorage(folder, readonly=True)
        self.ram = RamStorage()
        self.folder = folder

    def create_file(self, name: str, **kwargs: Any) -> Any:
        return self.ram.create_file(name, **kwargs)

    def open_file(self, name: str, **kwargs: Any) -> Any:
        if self.ram.file_exists(name):
            return self.ram.open_file(name, **kwargs)
        return self.disk.open_file(name, **kwargs)

    def list(self) -> list[str]:
        return sorted(set(self.disk.list()) | set(self.ram.list()))

    def file_exists(self, name: str) -> bool:
        return bool(self.ram.file_exists(name) or self.disk.file_exists(name))

    def file_modified(self, name: str) -> float:
        return float(self.ram.file_modified(name) if self.ram.file_exists(name) else self.disk.file_modified(name))

    def file_length(self, name: str) -> int:
        return int(self.ram.file_length(name) if self.ram.file_exists(name) else self.disk.file_length(name))

    def delete_file(self, name: str) -> None:
        if self.ram.file_exists(name):
            self.ram.delete_file(name)  # a file on disk is the writer's: left alone

    def rename_file(self, oldname: str, newname: str, safe: bool = False) -> None:
        self.ram.rename_file(oldname, newname, safe=safe)

    def lock(self, name: str) -> Any:
        return self.ram.lock(name)

    def temp_storage(self, name: str | None = None) -> Any:
        return RamStorage()

    def close(self) -> None:
        """A no-op, as FileStorage's: Whoosh's readers close their storage when they close (the files in
        memory go with the last reference to this storage)."""


def _no_merge(writer: Any, segments: list[Any]) -> list[Any]:
    return segments


def overlay_index(gen_dir: str, edits: dict[str, dict[str, object] | None], codec: Any) -> Any:
    """The index in ``gen_dir`` with ``edits`` (letter id -> fields, None: deleted) written as one
    segment in memory; returns the Whoosh index object to search (close it when done)."""
    ix = MemoryOverlay(gen_dir).open_index()
    try:
        write_edits(ix, edits, codec, _no_merge)
    except BaseException:
        ix.close()
        raise
    return ix


def write_edits(ix: Any, edits: dict[str, dict[str, object] | None], codec: Any, mergetype: Any) -> None:
    """Write ``edits`` (letter id -> fields, None: deleted) into ``ix`` as one new segment, uncompound,
    merged by ``mergetype``; nothing is written when one fails."""
    writer = ix.writer(codec=codec, compound=False)
    try:
        for letter_id, fields in edits.items():
            if fields is None:
                writer.delete_by_term("letter_id", letter_id)
            else:
                writer.update_document(**fields)
        writer.commit(mergetype=mergetype)
    except BaseException:
        writer.cancel()
        raise
