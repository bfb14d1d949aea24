"""Fetching publications from the official repository (repository.overheid.nl, FRBR layout) by id.

``OfficialSource`` finds and downloads a publication: the SRU search service (``{base}/sru``) names
the newest version's manifestations; without an answer from it, version 1 at its FRBR place is tried.
XML (with its metadata record) is preferred, PDF is the fallback. Every download is checked before it
is kept (XML must be a well-formed publication, PDF must start as a PDF); what passed lands in a cache
folder (one folder per id) and is imported from there, so nothing partial is ever stored.

Polite: a timeout per request, a few retries with growing waits (on timeouts, lost connections and
5xx answers, never on 404), at most ``rate`` requests a second, and a User-Agent naming the app.
The base address is ``https://repository.overheid.nl`` unless ``KAMERLEZER_OFFICIAL_BASE`` says
otherwise. Only paths are taken from the search answers: every request goes to the configured base.

``OfficialSource.dossier_records`` lists the publications of a Kamerstuk dossier (SRU 2.0, CQL
``c.product-area==officielepublicaties and w.dossiernummer=="28676"``, optionally ``and
dt.modified>=DATE``), page by page (``startRecord``/``maximumRecords``, following
``nextRecordPosition``); each gzd record gives its ``dcterms:identifier``, ``dcterms:modified`` and the
``gzd:itemUrl`` of each manifestation, so a followed dossier's documents are downloaded without a
search per document (``core/following.py``).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from desktop_app import __version__
from desktop_app.core.errors import AppError, ImportFailed
from desktop_app.core.importing.official_xml import parse_xml
from desktop_app.core.messages import Message
from desktop_app.core.tasks import CancelToken, Progress

DEFAULT_BASE = "https://repository.overheid.nl"
USER_AGENT = f"Kamerlezer/{__version__} (desktop reader of Dutch parliamentary papers; official-publication fetch)"
MAX_DOWNLOAD = 100 * 1024 * 1024
_ID = re.compile(r"^(kst|ah|h|stb|stcrt|blg|trb)-[0-9A-Za-z-]+$")
SRU_PAGE = 100  # records asked per search request (the service gives at most 1000)
SRU_MAX_PAGES = 100  # a dossier listing stops after this many pages (a source that never ends)
_DCTERMS = "{http://purl.org/dc/terms/}"


class SourceUnreachable(AppError):
    """The official source could not be reached (offline, refused, timed out after the retries)."""


class NotAtSource(Exception):
    """The source answered, but does not have this (404, or an answer that is not what was asked)."""


def reason_of(err: BaseException) -> str:
    """An error's reason as raised (a Message keeps its template), else its text."""
    return err.args[0] if err.args and isinstance(err.args[0], str) else str(err)


def _joined(problems: list[str]) -> str:
    """Both reasons (the XML's, the PDF's) in one text."""
    return problems[0] if len(problems) == 1 else Message("{0}; {1}", problems[0], _joined(problems[1:]))


@dataclass
class Download:
    identifier: str
    folder: Path  # the cache folder holding what was fetched
    main: Path  # the file to import: <id>.xml (metadata beside it) or <id>.pdf
    from_cache: bool = False


@dataclass(frozen=True)
class SearchRecord:
    """One publication as the search service describes it: its id, when it last changed
    (``dcterms:modified``, YYYY-MM-DD), its title and the paths of its newest version's manifestations
    ("xml", "pdf", "metadata", ...)."""

    identifier: str
    modified: str | None
    title: str
    manifestations: dict[str, str]


@dataclass
class FetchOutcome:
    fetched: list[tuple[str, int]] = field(default_factory=list)  # (id, letter id)
    lacking: list[tuple[str, str]] = field(default_factory=list)  # (id, why)
    resolved: int = 0  # citations that now point at a fetched letter
    offline: str | None = None  # why the source could not be reached
    cancelled: bool = False  # stopped by the user: nothing imported (what was downloaded stays cached)

    @property
    def ok(self) -> bool:
        return not self.lacking and not self.offline and not self.cancelled


def base_address() -> str:
    return os.environ.get("KAMERLEZER_OFFICIAL_BASE", DEFAULT_BASE).rstrip("/")


def frbr_path(identifier: str, version: str = "1") -> str:
    """The FRBR work folder of an id: kst-32545-143 -> frbr/officielepublicaties/kst/32545/kst-32545-143/1;
    ah-tk-20202021-3235 -> .../ah-tk/20202021/ah-tk-20202021-3235/1."""
    parts = identifier.split("-")
    if parts[0] in ("ah", "h") and len(parts) >= 4:
        series, group = f"{parts[0]}-{parts[1]}", parts[2]
    else:
        series, group = parts[0], "-".join(parts[1:-1]) or parts[1]
    return f"frbr/officielepublicaties/{series}/{group}/{identifier}/{version}"


class OfficialSource:
    def __init__(
        self, base: str | None = None, *, timeout: float = 15.0, retries: int = 2, backoff: float = 1.0,
        rate: float = 3.0, page_size: int = SRU_PAGE,
    ) -> None:
        self.base = (base or base_address()).rstrip("/")
        self.page_size = max(1, min(page_size, 1000))
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._last = 0.0
        self._lock = threading.Lock()

    # -- one request ---------------------------------------------------------------------------------
    def get(self, path: str) -> bytes:
        """GET ``{base}/{path}``. Raises NotAtSource (404/410) or SourceUnreachable (after retries)."""
        url = f"{self.base}/{path.lstrip('/')}"
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self._pace()
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) base
                    data = response.read(MAX_DOWNLOAD + 1)
                if len(data) > MAX_DOWNLOAD:
                    raise NotAtSource(Message("{0}: answer too large", url))
                return data
            except urllib.error.HTTPError as err:
                if err.code in (404, 410):
                    raise NotAtSource(Message("{0}: not found ({1})", url, err.code)) from err
                problem = Message("{0}: server error {1}", url, err.code)
                if err.code < 500 and err.code != 429:
                    raise NotAtSource(problem) from err
            except TimeoutError:
                problem = Message("{0}: no answer within {1} s", url, f"{self.timeout:g}")
            except urllib.error.URLError as err:
                reason = err.reason
                if isinstance(reason, (TimeoutError, socket.timeout)):
                    problem = Message("{0}: no answer within {1} s", url, f"{self.timeout:g}")
                else:
                    problem = f"{url}: {getattr(reason, 'strerror', None) or reason}"
            except (OSError, http.client.HTTPException) as err:  # reset, cut short, refused
                problem = f"{url}: {err or type(err).__name__}"
        raise SourceUnreachable(Message("the official source cannot be reached ({0}); offline?", problem))

    def _pace(self) -> None:
        with self._lock:
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last = time.monotonic()

    # -- finding a publication -----------------------------------------------------------------------
    def manifestations(self, identifier: str) -> dict[str, str]:
        """Paths of the newest version's manifestations ("xml", "pdf", "metadata") the SRU search
        names; {} when it names none or does not answer usefully."""
        query = urllib.parse.urlencode({
            "operation": "searchRetrieve", "version": "2.0", "maximumRecords": "10",
            "query": f'dt.identifier="{identifier}"',
        })
        try:
            data = self.get(f"sru?{query}")
            root = parse_xml(data, f"{self.base}/sru")
        except (NotAtSource, ImportFailed):
            return {}
        return _item_paths(root.iter(), identifier)

    def dossier_records(
        self, dossier: str, *, since: str | None = None, progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> list[SearchRecord]:
        """The publications of a Kamerstuk dossier (``28676``, ``36200-X``) the search service lists,
        those changed on or after ``since`` (YYYY-MM-DD) only when given; one record per id, with its
        newest version's manifestations. Page by page: ``startRecord`` from 1, ``page_size`` records a
        request, on to ``nextRecordPosition`` while the service names one. Raises SourceUnreachable, or
        NotAtSource when the answer is not a usable search response (not XML, a diagnostic)."""
        query = f'c.product-area==officielepublicaties and w.dossiernummer=="{dossier}"'
        if since:
            query += f" and dt.modified>={since}"
        found: dict[str, list[ET.Element]] = {}
        start, total, pages = 1, 0, 0
        while pages < SRU_MAX_PAGES:
            if cancel is not None and cancel.cancelled:
                break
            params = urllib.parse.urlencode({
                "operation": "searchRetrieve", "version": "2.0", "startRecord": str(start),
                "maximumRecords": str(self.page_size), "query": query,
            })
            root = _search_response(self.get(f"sru?{params}"), dossier)
            pages += 1
            total = _int(_child_text(root, "numberOfRecords"))
            records = [r for r in root.iter() if _local(r.tag) == "record"]
            for record in records:
                identifier = (_child_text(record, "identifier", _DCTERMS) or "").strip()
                if identifier:
                    found.setdefault(identifier, []).append(record)
            if progress:
                progress(min(start - 1 + len(records), total), total, f"dossier {dossier}: {len(found)} documents")
            following = _int(_child_text(root, "nextRecordPosition"))  # absent on the last page
            if not records or (following and following <= start):
                break
            if following:
                start = following
            elif start - 1 + len(records) < total:  # a source that leaves nextRecordPosition out
                start += len(records)
            else:
                break
        return [_search_record(identifier, records) for identifier, records in found.items()]

    def download(self, identifier: str, cache: Path, found: Mapping[str, str] | None = None) -> Download:
        """The publication into ``cache/<id>/`` (XML + metadata, else PDF); from the cache when there.
        ``found``: its manifestations' paths as a search already named them (else the search is asked).
        Raises NotAtSource when the source lacks it, SourceUnreachable when it cannot be asked."""
        if not _ID.match(identifier):
            raise NotAtSource(Message("not an official publication id ({0})", identifier))
        folder = cache / identifier
        for main in (folder / f"{identifier}.xml", folder / f"{identifier}.pdf"):
            if main.is_file():
                return Download(identifier, folder, main, from_cache=True)
        found = self.manifestations(identifier) if found is None else found
        work = frbr_path(identifier)
        xml_path = found.get("xml") or f"{work}/xml/{identifier}.xml"
        meta_path = found.get("metadata") or re.sub(r"/xml/[^/]+$", "/metadata/metadata.xml", xml_path)
        problems = []
        try:
            data = self.get(xml_path)
            _check_xml(data, identifier)
            try:
                metadata = self.get(meta_path)
                parse_xml(metadata, meta_path)
            except (NotAtSource, ImportFailed):
                metadata = None
            return _keep(folder, identifier, {f"{identifier}.xml": data, f"{identifier}_metadata.xml": metadata})
        except NotAtSource as err:
            problems.append(reason_of(err))
        pdf_path = found.get("pdf") or f"{work}/pdf/{identifier}.pdf"
        try:
            data = self.get(pdf_path)
        except NotAtSource as err:
            problems.append(reason_of(err))
            raise NotAtSource(_joined(problems)) from err
        if not data.lstrip()[:5] == b"%PDF-":
            problems.append(Message("{0}: not a PDF", pdf_path))
            raise NotAtSource(_joined(problems))
        return _keep(folder, identifier, {f"{identifier}.pdf": data})


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element: ET.Element, name: str, namespace: str | None = None) -> str | None:
    """The text of the first element named ``name`` (in ``namespace``, when given) under ``element``."""
    for child in element.iter():
        if child is not element and _local(child.tag) == name and (namespace is None or child.tag.startswith(namespace)):
            return child.text
    return None


def _int(text: str | None) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return 0


def _item_paths(elements: Iterable[ET.Element], identifier: str) -> dict[str, str]:
    """The path of each manifestation of the newest version among the ``gzd:itemUrl`` elements."""
    best: dict[str, tuple[int, str]] = {}
    for element in elements:
        if _local(element.tag) != "itemUrl":
            continue
        path = urllib.parse.urlparse((element.text or "").strip()).path.lstrip("/")
        match = re.search(rf"/{re.escape(identifier)}/(\d+)/(\w+)/", path)
        if not match:
            continue
        kind = element.get("manifestation") or match.group(2)
        version = int(match.group(1))
        if kind not in best or version > best[kind][0]:
            best[kind] = (version, path)
    return {kind: path for kind, (_, path) in best.items()}


def _search_response(data: bytes, dossier: str) -> ET.Element:
    """A searchRetrieveResponse, checked: NotAtSource for anything else (a maintenance page, a
    diagnostic such as a query the service cannot parse)."""
    try:
        root = parse_xml(data, "sru")
    except ImportFailed as err:
        raise NotAtSource(Message("dossier {0}: the search service's answer is not usable XML ({1})", dossier, err.problem)) from err
    if _local(root.tag) != "searchRetrieveResponse":
        raise NotAtSource(Message("dossier {0}: the search service's answer is not a search response ({1})", dossier, _local(root.tag)))
    for element in root.iter():
        if _local(element.tag) == "diagnostic":
            message = _child_text(element, "message") or _child_text(element, "uri") or "no reason given"
            raise NotAtSource(Message("dossier {0}: the search service refused the query ({1})", dossier, message.strip()))
    if _child_text(root, "numberOfRecords") is None:
        raise NotAtSource(Message("dossier {0}: the search service's answer has no number of records", dossier))
    return root


def _search_record(identifier: str, records: list[ET.Element]) -> SearchRecord:
    """One id's records (a version each, or the same record on two pages) as one SearchRecord."""
    modified = max((_child_text(r, "modified", _DCTERMS) or "" for r in records), default="").strip()
    title = next((t.strip() for r in records if (t := _child_text(r, "title", _DCTERMS))), "")
    elements = [e for r in records for e in r.iter()]
    return SearchRecord(identifier, modified[:10] or None, " ".join(title.split()), _item_paths(elements, identifier))


def _check_xml(data: bytes, identifier: str) -> None:
    try:
        root = parse_xml(data, identifier)
    except ImportFailed as err:
        raise NotAtSource(Message("{0}: the answer is not usable XML ({1})", identifier, err.problem)) from err
    if root.tag == "metadata_gegevens" or not any(True for _ in root.iter()):
        raise NotAtSource(Message("{0}: the answer is not a publication", identifier))


def _keep(folder: Path, identifier: str, files: dict[str, bytes | None]) -> Download:
    """Write the files to a fresh folder beside the cache entry, then move it in place whole."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.with_name(f".{identifier}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for name, data in files.items():
        if data is not None:
            (staging / name).write_bytes(data)
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    main = next(folder / name for name, data in files.items() if data is not None)
    return Download(identifier, folder, main)


def official_id(identifier: str) -> str:
    """An id as the official repository spells it: the series in lower case ("KST-" -> "kst-", "Ah-Tk"
    -> "ah-tk"), a budget chapter's letters in capitals (kst-36200-x-38 -> kst-36200-X-38: the FRBR
    path holds "36200-X", a lower-case x is not found)."""
    parts = identifier.strip().split("-")
    series = 2 if parts[0].lower() in ("ah", "h") and len(parts) > 2 else 1
    return "-".join([p.lower() for p in parts[:series]] + [p.upper() for p in parts[series:]])


def is_fetchable(identifier: str | None) -> bool:
    """Ids of documents that can be letters and live in the official repository."""
    if not identifier:
        return False
    return identifier.startswith(("kst-", "ah-", "h-")) and bool(_ID.match(identifier))


CACHE_DIR = "official"  # in the library folder: what was fetched, one folder per id


def missing_ids(library: Any) -> list[str]:
    """The official ids cited in the library that no letter in it is (surely)."""
    return [m.canonical for m in library.references.missing() if m.status != "external" and is_fetchable(m.canonical)]


def fetch_into(
    library: Any, identifiers: Sequence[str], source: OfficialSource | None = None, *,
    progress: Progress | None = None, cancel: CancelToken | None = None,
    found: Mapping[str, Mapping[str, str]] | None = None,
) -> FetchOutcome:
    """Fetch each id (skipping those already in the library), import what came, resolve the citations
    that pointed at it. Stops at the first sign that the source cannot be reached; when ``cancel`` is
    set before the import, nothing is imported (``outcome.cancelled``). ``found``: the manifestations
    a search already named, by id (no search per id then)."""
    source = source or OfficialSource()
    cache = Path(library.folder) / CACHE_DIR
    outcome = FetchOutcome()
    wanted = list(dict.fromkeys(official_id(i) for i in identifiers if i.strip()))
    named_by_id = {official_id(key): paths for key, paths in (found or {}).items()}
    downloads: list[Download] = []
    for done, identifier in enumerate(wanted):
        if cancel is not None and cancel.cancelled:
            break
        if progress:
            progress(done, len(wanted), identifier)
        try:
            named = named_by_id.get(identifier) if found is not None else None
            downloads.append(source.download(identifier, cache, named))
        except NotAtSource as err:
            outcome.lacking.append((identifier, reason_of(err)))
        except SourceUnreachable as err:
            outcome.offline = err.message
            outcome.lacking += [(i, Message("not fetched: the source cannot be reached")) for i in wanted[done:]]
            break
    if cancel is not None and cancel.cancelled:
        outcome.cancelled = True  # the downloads are kept in the cache: the next fetch imports them
        return outcome
    if downloads:
        report = library.import_paths([d.main for d in downloads])
        by_file = {letter.source_file: letter.id for letter in report.imported + report.updated}
        by_path = {str(d.main): d.identifier for d in downloads}
        for failure in report.failed:
            identifier = by_path.get(failure.path, failure.path)
            outcome.lacking.append((identifier, failure.problem))
            shutil.rmtree(cache / identifier, ignore_errors=True)  # not kept: it could not be read
        for download in downloads:
            letter_id = by_file.get(download.main.name)
            if letter_id is None:
                for path, known in report.skipped:
                    if path == str(download.main):
                        letter_id = known
            if letter_id is not None:
                outcome.fetched.append((download.identifier, letter_id))
                outcome.resolved += len(library.references.cited_by(letter_id))
    if progress:
        progress(len(wanted), len(wanted), "")
    return outcome
