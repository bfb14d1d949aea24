"""A local stand-in for the official repository: replays tests/data/official_replay on 127.0.0.1 (port 0),
in a thread. ``gate`` (an Event, set by default) holds every answer while cleared: a slow source.
``hidden`` paths answer 404; ``requests`` records (path, User-Agent) of every request.

The search service (``/sru``): a query for one id (``dt.identifier="…"``) answers ``sru/<id>.xml``; a
dossier query (``w.dossiernummer=="…"``) answers from ``sru/dossier-<number>.xml``, the whole listing
recorded once, as the service would: records changed before a ``dt.modified>=DATE`` left out, the
records of ``unpublished`` ids left out, then the page ``startRecord``/``maximumRecords`` asks for, with
``numberOfRecords``, ``recordPosition`` and ``nextRecordPosition`` set to match. Dossier 99999 answers
with a maintenance page (HTML, not XML); a dossier without a recording has no records."""

from __future__ import annotations

import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree as ET

DATA = Path(__file__).resolve().parent / "data"
REPLAY = DATA / "official_replay"
NO_RECORDS = (
    b'<?xml version="1.0" encoding="UTF-8"?><sru:searchRetrieveResponse '
    b'xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse"><sru:version>2.0</sru:version>'
    b"<sru:numberOfRecords>0</sru:numberOfRecords></sru:searchRetrieveResponse>"
)


SRU = "{http://docs.oasis-open.org/ns/search-ws/sruResponse}"
DCTERMS = "{http://purl.org/dc/terms/}"
_DOSSIER = re.compile(r'w\.dossiernummer\s*==\s*"?([0-9A-Za-z-]+)"?')
_MODIFIED = re.compile(r"dt\.modified\s*>=\s*(\d{4}-\d{2}-\d{2})")
for _prefix, _uri in (
    ("sru", SRU[1:-1]), ("gzd", "http://standaarden.overheid.nl/sru"), ("dcterms", DCTERMS[1:-1]),
    ("overheidwetgeving", "http://standaarden.overheid.nl/wetgeving/"), ("c", "http://standaarden.overheid.nl/collectie/"),
):
    ET.register_namespace(_prefix, _uri)


def dossier_answer(dossier: str, query: str, params: dict[str, list[str]], unpublished: set[str]) -> bytes:
    """One page of the recorded listing of a dossier, as the search service would give it."""
    if dossier == "99999":
        return (REPLAY / "maintenance.html").read_bytes()
    recording = REPLAY / "sru" / f"dossier-{dossier}.xml"
    if not recording.is_file():
        return NO_RECORDS
    root = ET.fromstring(recording.read_bytes())
    container = root.find(f"{SRU}records")
    records = list(container) if container is not None else []
    since = _MODIFIED.search(query)
    kept = [
        r for r in records
        if (r.findtext(f".//{DCTERMS}identifier") or "") not in unpublished
        and (since is None or (r.findtext(f".//{DCTERMS}modified") or "") >= since.group(1))
    ]
    start = max(1, int(params.get("startRecord", ["1"])[0]))
    count = max(0, int(params.get("maximumRecords", ["50"])[0]))
    page = kept[start - 1 : start - 1 + count]
    for position, record in enumerate(page, start):
        record.find(f"{SRU}recordPosition").text = str(position)  # type: ignore[union-attr]
    if container is not None:
        container[:] = page
    root.find(f"{SRU}numberOfRecords").text = str(len(kept))  # type: ignore[union-attr]
    if start - 1 + count < len(kept):
        following = ET.Element(f"{SRU}nextRecordPosition")
        following.text = str(start + count)
        root.insert(list(root).index(container) + 1 if container is not None else len(root), following)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def manifest() -> dict[str, Path]:
    out = {}
    for line in (REPLAY / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            path, file = line.split("\t")
            out["/" + path] = DATA / file
    return out


class ReplayServer:
    def __init__(self) -> None:
        self.files = manifest()
        self.gate = threading.Event()
        self.gate.set()
        self.hidden: set[str] = set()
        self.unpublished: set[str] = set()  # ids the dossier listings leave out (not published yet)
        self.requests: list[tuple[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests.append((self.path, self.headers.get("User-Agent", "")))
                outer.gate.wait()
                url = urllib.parse.urlparse(self.path)
                body: bytes | None = None
                if url.path == "/sru":
                    params = urllib.parse.parse_qs(url.query)
                    query = params.get("query", [""])[0]
                    dossier = _DOSSIER.search(query)
                    wanted = query.split('"')[1] if query.count('"') >= 2 else ""
                    answer = REPLAY / "sru" / f"{wanted}.xml"
                    if dossier:
                        body = dossier_answer(dossier.group(1), query, params, outer.unpublished)
                    else:
                        body = answer.read_bytes() if wanted and answer.is_file() else NO_RECORDS
                elif url.path in outer.files and url.path.lstrip("/") not in outer.hidden:
                    body = outer.files[url.path].read_bytes()
                try:
                    if body is None:
                        self.send_error(404)
                        return
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
