"""A local stand-in for the official repository: replays tests/data/official_replay on 127.0.0.1 (port 0),
in a thread. ``gate`` (an Event, set by default) holds every answer while cleared: a slow source.
``hidden`` paths answer 404; ``requests`` records (path, User-Agent) of every request."""

from __future__ import annotations

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
REPLAY = DATA / "official_replay"
NO_RECORDS = (
    b'<?xml version="1.0" encoding="UTF-8"?><sru:searchRetrieveResponse '
    b'xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse"><sru:version>2.0</sru:version>'
    b"<sru:numberOfRecords>0</sru:numberOfRecords></sru:searchRetrieveResponse>"
)


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
        self.requests: list[tuple[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests.append((self.path, self.headers.get("User-Agent", "")))
                outer.gate.wait()
                url = urllib.parse.urlparse(self.path)
                body: bytes | None = None
                if url.path == "/sru":
                    query = urllib.parse.parse_qs(url.query).get("query", [""])[0]
                    wanted = query.split('"')[1] if query.count('"') >= 2 else ""
                    answer = REPLAY / "sru" / f"{wanted}.xml"
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
