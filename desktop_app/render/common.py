"""What the renderers share: safe writes and the wording of dates, sources and citations."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import ExportFailed
from desktop_app.core.export.labels import Words
from desktop_app.core.export.model import Passage, PassageCitation, SourceInfo
from desktop_app.core.messages import Message
from desktop_app.core.references.addresses import official_address

ENGLISH = Words("en")
_KST_RE = re.compile(r"^kst-(\d{5})(?:-([0-9A-Z()]+(?:-[0-9A-Z()]+)*?))?-([0-9]+[a-z]?|[A-Z]{1,3})$")

# devices and processes' streams (/dev/stdout, /proc/self/fd/1): never a file to replace (/dev/shm holds files)
_SYSTEM_PATH = re.compile(r"^/(?:dev(?!/shm(?:/|$))|proc|sys)(?:/|$)")
STATUSES = ("resolved", "confirmed", "suggested", "missing", "external")


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; move it into place only when the block succeeds.

    Whatever goes wrong (including :class:`Cancelled`), the temporary file is removed and an existing
    ``target`` is left untouched. A symbolic link is written through: its target gets the new file and
    the link stays. Anything else that is not a regular file (a FIFO, a device such as /dev/full or
    /dev/stdout, a socket) is refused, never replaced.
    """
    target = writable_target(Path(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFailed(Message("{0}: the folder {1} does not exist.", target, folder))
    try:
        tmp = _create_partial(folder, target)
    except OSError as err:
        raise ExportFailed(Message("{0}: cannot write in {1} ({2}).", target, folder, err.strerror or err)) from err
    try:
        yield tmp
        try:
            os.replace(tmp, target)
        except OSError as err:
            raise ExportFailed(Message("{0}: could not be written ({1}).", target, err.strerror or err)) from err
    finally:
        if tmp.exists():
            tmp.unlink()


def writable_target(target: Path) -> Path:
    """The regular file to replace: ``target`` itself, or the file a symbolic link points to.
    Raises ExportFailed for a folder, a FIFO, a device or a process's stream."""
    shown = target
    if _SYSTEM_PATH.match(str(target.absolute())):
        raise ExportFailed(Message("{0}: is not a regular file (a device or a process's stream); export to a file name instead.", shown))
    if target.is_symlink():
        try:
            target = target.resolve(strict=False)
        except (OSError, RuntimeError) as err:  # a loop of links
            raise ExportFailed(Message("{0}: the symbolic link cannot be followed ({1}).", shown, err)) from err
    if _SYSTEM_PATH.match(str(target)):  # e.g. a link to /dev/stdout
        raise ExportFailed(Message("{0}: is not a regular file (it leads to {1}); export to a file name instead.", shown, target))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as err:
        raise ExportFailed(Message("{0}: cannot be checked ({1}).", shown, err.strerror or err)) from err
    if stat.S_ISDIR(mode):
        raise ExportFailed(Message("{0}: is a folder; give a file name to export to.", shown))
    if not stat.S_ISREG(mode):
        raise ExportFailed(Message("{0}: is not a regular file ({1}); export to a file name instead.", shown, _kind(mode)))
    return target


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _create_partial(folder: Path, target: Path) -> Path:
    """A new empty file next to ``target`` with the permissions the finished file should have: those
    of the file it replaces, else what any new file of the user gets (0666 less the umask, applied by
    the system; ``tempfile.mkstemp`` would make it 0600, private to the user)."""
    for _ in range(100):
        tmp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        try:
            if target.exists():
                os.chmod(fd if os.chmod in os.supports_fd else tmp, stat.S_IMODE(target.stat().st_mode))
        finally:
            os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def format_date(iso: str | None, words: Words = ENGLISH) -> str:
    """"2024-10-03" -> "3 October 2024" ("3 oktober 2024"); partial or odd dates come back as they are."""
    if not iso:
        return words("undated")
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {words.month(int(parts[1]))} {parts[0]}"
    return iso


def format_kamerstuk(canonical: str | None) -> str | None:
    """"kst-28676-467" -> "Kamerstuk 28 676, nr. 467"; unknown shapes come back unchanged."""
    if not canonical:
        return None
    match = _KST_RE.match(canonical)
    if not match:
        return canonical
    dossier, toevoeging, nummer = match.groups()
    dossier = f"{dossier[:2]} {dossier[2:]}"
    if toevoeging:
        dossier += f"-{toevoeging}" if toevoeging.isdigit() else f" {toevoeging}"
    return f"Kamerstuk {dossier}, nr. {nummer}"


def source_kamerstuk(source: SourceInfo, words: Words = ENGLISH) -> str | None:
    """The source's Kamerstuk id for a reader, marked when it is inferred from a citation."""
    kst = format_kamerstuk(source.kamerstuk)
    return words("kamerstuk_inferred", kamerstuk=kst) if kst and source.kamerstuk_inferred else kst


def official_url(canonical: str | None) -> str | None:
    """The official address of a cited paper (core.references.addresses): "kst-28676-467" ->
    "https://zoek.officielebekendmakingen.nl/kst-28676-467"; None for ids that have none."""
    return official_address(canonical)


def source_details(source: SourceInfo, words: Words = ENGLISH) -> list[str]:
    """Date, chamber, Kamerstuk: the parts of a source's description after its subject (no file
    name: a reader cannot follow it; CSV keeps it)."""
    parts = [format_date(source.date, words)]
    if source.chamber:
        parts.append(source.chamber)
    kst = source_kamerstuk(source, words)
    if kst:
        parts.append(kst)
    if source.title_derived:
        parts.append(words("title_from_text"))
    return parts


def passage_pages(passage: Passage, words: Words = ENGLISH) -> str:
    """"p. 2", "pp. 1–2" for a passage over a page break, the orphan mark, or "" when pages are unknown."""
    if passage.orphan:
        return words("orphan_mark")
    if not passage.page:
        return ""
    end = passage.end_page or passage.page
    if end > passage.page:
        return words("pages_abbr", first=passage.page, last=end)
    return words("page_abbr", page=passage.page)


@dataclass(frozen=True)
class SourceRef:
    """How a passage is cited, in parts a renderer can link: "[2] Subject · 3 October 2024 ·
    Kamerstuk 28 676, nr. 467 · pp. 1–2"."""

    number: int
    label: str
    date: str
    kamerstuk: str | None  # "Kamerstuk 28 676, nr. 467"
    url: str | None  # its official address
    pages: str

    def tail(self) -> list[str]:
        """The parts after the [n] mark and the label, kamerstuk excluded."""
        return [self.date] + ([self.pages] if self.pages else [])

    def text(self) -> str:
        parts = [f"[{self.number}] {self.label}", self.date]
        if self.kamerstuk:
            parts.append(self.kamerstuk)
        if self.pages:
            parts.append(self.pages)
        return " · ".join(parts)


def source_ref(passage: Passage, words: Words = ENGLISH) -> SourceRef:
    source = passage.source
    return SourceRef(
        number=source.number,
        label=source.label,
        date=format_date(source.date, words),
        kamerstuk=source_kamerstuk(source, words),
        url=official_url(source.kamerstuk),
        pages=passage_pages(passage, words),
    )


def source_line(passage: Passage, words: Words = ENGLISH) -> str:
    """[2] Subject · 3 October 2024 · Kamerstuk 28 676, nr. 467 · pp. 1–2"""
    return source_ref(passage, words).text()


def citation_text(citation: PassageCitation, words: Words = ENGLISH) -> str:
    """What a citation is and what it resolves to, in one line:
    "Kamerstuk 28 676, nr. 467 (kst-28676-467) — in this library: [3] Geannoteerde agenda ..."."""
    parts = citation_parts(citation, words)
    mark = f"[{parts.target_number}] " if parts.target_number else ""
    return f"{parts.raw}{parts.middle}{mark}{parts.target_label}"


@dataclass(frozen=True)
class CitationParts:
    """A citation in pieces a renderer can link: ``raw`` (to :func:`official_url` of the canonical
    id), ``middle`` (where, canonical id, status), then [target_number] (to the list of sources) and
    the target's label."""

    raw: str
    middle: str
    target_number: int | None
    target_label: str


def citation_parts(citation: PassageCitation, words: Words = ENGLISH) -> CitationParts:
    where = f" ({words('footnote_n', n=citation.footnote_number)})" if citation.location == "footnote" else ""
    canonical = f" ({citation.canonical})" if citation.canonical and citation.canonical != citation.raw else ""
    key = f"status_{citation.status}"
    status = words(key) if citation.status in STATUSES else citation.status
    label = citation.target_label or ""
    middle = f"{where}{canonical} — {status}" + (": " if label else "")
    return CitationParts(citation.raw, middle, citation.target_number if label else None, label)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Text as a document can carry it: control characters (which neither a PDF text layer nor XML
    can hold, and a paste from elsewhere may bring) dropped, tabs made spaces."""
    return _CONTROL.sub("", value.replace("\t", " "))


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each with its inner line breaks kept as "\\n"."""
    parts = [p.strip("\n") for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))]
    return [p for p in parts if p.strip()]


ProgressFn = Callable[[int, int, str], None]
