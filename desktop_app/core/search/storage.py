"""The index folder on disk: generations, a manifest with checksums, health checks.

Layout of ``<library>/index/``::

    CURRENT        {"schema": 1, "generation": "g000003", "files": {"name": [size, crc32, mtime_ns], ...}}
    g000003/       the Whoosh index in use
    g000004/       a rebuild in progress (or left over by a crash; removed on the next rebuild)
    PENDING        edits journaled but not yet written into the index (one JSON line each, fsynced);
                   replayed when the index is opened again after an unclean exit, emptied by a flush

A rebuild writes a new generation folder and then replaces ``CURRENT`` atomically (``os.replace``):
readers see either the old index or the new one, and a failed or cancelled rebuild leaves the old one.
Whoosh segment files never change once written, so the manifest only checksums new files after a
commit. :func:`check_files` compares sizes and CRC-32s, which catches truncated segments and
overwritten bytes before Whoosh trips over them (a truncated memory-mapped file can crash the process
with SIGBUS rather than raise). Reading 100+ MB at every open costs more than the command itself, so
the check at open (``verify=False``) re-reads only a file whose modification time is not the one the
manifest recorded (a file written since, a manifest from before stamps were kept, a copied folder);
sizes are always compared, and ``kamerlezer check`` verifies every checksum.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.search.version import SCHEMA_VERSION

CURRENT = "CURRENT"
PENDING = "PENDING"
_LOCK_SUFFIXES = ("LOCK",)
_STAMP_AGE_NS = 2_000_000_000


@dataclass
class Manifest:
    schema: int
    generation: str
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    stamps: dict[str, int] = field(default_factory=dict)  # st_mtime_ns when the checksum was taken

    def to_json(self) -> str:
        files = {
            name: [*v, self.stamps[name]] if name in self.stamps else list(v)
            for name, v in sorted(self.files.items())
        }
        return json.dumps({"schema": self.schema, "generation": self.generation, "files": files})


class ManifestError(Exception):
    """CURRENT exists but cannot be read."""


def read_manifest(folder: Path) -> Manifest | None:
    """None when there is no CURRENT file; ManifestError when it is unreadable."""
    path = folder / CURRENT
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise ManifestError(f"{CURRENT} unreadable ({err})") from err
    try:
        data = json.loads(raw)
        files = {str(k): (int(v[0]), int(v[1])) for k, v in data["files"].items()}
        stamps = {str(k): int(v[2]) for k, v in data["files"].items() if len(v) > 2}
        return Manifest(int(data["schema"]), str(data["generation"]), files, stamps)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as err:
        raise ManifestError(f"{CURRENT} is not a valid manifest") from err


def write_manifest(folder: Path, manifest: Manifest) -> None:
    tmp = folder / f"{CURRENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(manifest.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / CURRENT)


def append_pending(folder: Path, letter_id: str, fields: dict[str, object] | None) -> None:
    """Journal one edit (``fields`` None: a deletion) durably: written and fsynced before returning."""
    line = json.dumps({"id": letter_id, "fields": fields}, ensure_ascii=False) + "\n"
    with open(folder / PENDING, "a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())


def read_pending(folder: Path, *, complete_only: bool = False) -> list[tuple[str, dict[str, object] | None]]:
    """The journaled edits, oldest first; raises ManifestError when a line is unreadable. With
    ``complete_only`` (a reader beside the writer) a last line without its line end is left out: the
    writer may be writing it at this moment."""
    path = folder / PENDING
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    if complete_only:
        raw = raw[: raw.rfind(b"\n") + 1]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ManifestError(f"{PENDING} is not a journal of edits") from err
    # split at "\n" only: a text may hold U+2028 or NEL, which JSON leaves as they are and splitlines() splits at
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    edits = []
    for number, line in enumerate(lines, 1):
        try:
            entry = json.loads(line)
            edits.append((str(entry["id"]), entry["fields"]))
        except (ValueError, KeyError, TypeError) as err:
            raise ManifestError(f"{PENDING} line {number} is not a journaled edit") from err
    return edits


def pending_stamp(folder: Path) -> tuple[int, int, int] | None:
    """(inode, size, modification time) of the journal, None when there is none: whether it changed."""
    try:
        stat = (folder / PENDING).stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def clear_pending(folder: Path) -> None:
    (folder / PENDING).unlink(missing_ok=True)


def crc_of(path: Path) -> int:
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def is_lock(name: str) -> bool:
    return name.endswith(_LOCK_SUFFIXES)


def snapshot(gen_dir: Path, previous: Manifest | None) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Sizes, checksums and stamps of the index files; files already known with the same size are not
    re-read (Whoosh never rewrites a segment file; the table of contents gets a new name at each commit).

    A new file's modification time is set two seconds into the past and recorded as its stamp: a write
    into it afterwards, even within the same clock tick as its creation, gives it a later time than
    the stamp, so the check at open re-reads it."""
    files: dict[str, tuple[int, int]] = {}
    stamps: dict[str, int] = {}
    settled = time.time_ns() - _STAMP_AGE_NS
    for entry in os.scandir(gen_dir):
        if not entry.is_file() or is_lock(entry.name):
            continue
        stat = entry.stat()
        known = previous.files.get(entry.name) if previous else None
        if known and known[0] == stat.st_size:
            files[entry.name] = known
            stamp = previous.stamps.get(entry.name) if previous else None
            if stamp == stat.st_mtime_ns:
                stamps[entry.name] = stamp
            continue
        files[entry.name] = (stat.st_size, crc_of(Path(entry.path)))
        try:
            os.utime(entry.path, ns=(stat.st_atime_ns, settled))
        except OSError:
            continue  # no stamp: the check at open reads this file
        stamps[entry.name] = settled
    return files, stamps


def next_generation(folder: Path) -> str:
    numbers = [int(p.name[1:]) for p in folder.glob("g*") if p.name[1:].isdigit()]
    return f"g{max(numbers, default=0) + 1:06d}"


def check_files(folder: Path, *, verify: bool = False) -> str | None:
    """Everything :meth:`SearchIndex.check` can tell without opening Whoosh. ``verify`` re-reads every
    file for its checksum; without it only files whose modification time changed are re-read."""
    if not folder.is_dir():
        return "missing"
    try:
        manifest = read_manifest(folder)
    except ManifestError as err:
        return f"corrupt: {err}"
    if manifest is None:
        return "missing"
    if manifest.schema != SCHEMA_VERSION:
        return f"outdated schema (v{manifest.schema} -> v{SCHEMA_VERSION})"
    gen_dir = folder / manifest.generation
    if not gen_dir.is_dir():
        return "missing"
    for name, (size, crc) in manifest.files.items():
        path = gen_dir / name
        if not path.is_file():
            return f"corrupt: {name} is missing"
        stat = path.stat()
        if stat.st_size != size:
            return f"corrupt: {name} has {stat.st_size} bytes, expected {size} (truncated or overwritten)"
        unchanged = manifest.stamps.get(name) == stat.st_mtime_ns
        if (verify or not unchanged) and crc_of(path) != crc:
            return f"corrupt: {name} is damaged (checksum mismatch)"
    extra = sorted(
        e.name for e in os.scandir(gen_dir) if e.name not in manifest.files and not is_lock(e.name)
    )
    extra += sorted(
        e.name
        for e in os.scandir(folder)
        if e.name not in (CURRENT, f"{CURRENT}.tmp", PENDING) and not _is_generation(e)
    )
    if (folder / PENDING).exists():
        try:
            read_pending(folder)
        except ManifestError as err:
            return f"corrupt: {err}"
    if extra:
        return f"garbage in index folder: {', '.join(extra[:3])}"
    return None


def _is_generation(entry: os.DirEntry[str]) -> bool:
    return entry.is_dir() and entry.name.startswith("g") and entry.name[1:].isdigit()


def remove_other_generations(folder: Path, keep: str) -> None:
    """Delete stale generation folders (best effort: on Windows an open file may refuse)."""
    for path in folder.glob("g*"):
        if path.is_dir() and path.name != keep and path.name[1:].isdigit():
            shutil.rmtree(path, ignore_errors=True)
    tmp = folder / f"{CURRENT}.tmp"
    if tmp.exists():
        tmp.unlink(missing_ok=True)
