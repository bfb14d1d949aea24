"""`kamerlezer fetch` against a local replay of the official repository (tests/officialserver.py): by id,
--missing, an id the source lacks, the source unreachable, a slow source, an answer that is not XML.
No test reaches the internet."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.official import CACHE_DIR, OfficialSource, fetch_into, frbr_path, is_fetchable, official_id
from desktop_app.core.services import Library
from tests.officialserver import ReplayServer

KST = "kst-32545-143"
AH = "ah-tk-20202021-3235"


def fetch(folder: Path, capsys, *argv: str) -> tuple[int, dict, str]:
    code = main(["--library", str(folder), "fetch", *argv, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}, err


def letters(folder: Path) -> dict[str | None, str]:
    with Library.open(folder, search=False) as library:
        return {s.kamerstuk: library.get_letter(s.id).source_format for s in library.list_letters()}


def test_frbr_paths() -> None:
    assert frbr_path(KST) == "frbr/officielepublicaties/kst/32545/kst-32545-143/1"
    assert frbr_path(AH, "2") == "frbr/officielepublicaties/ah-tk/20202021/ah-tk-20202021-3235/2"
    assert frbr_path("kst-36200-X-38") == "frbr/officielepublicaties/kst/36200-X/kst-36200-X-38/1"


def test_a_budget_chapter_id_keeps_its_capitals(server: ReplayServer, folder: Path, capsys) -> None:
    """Budget documents (Defensie: 36 200 X) are cited "Kamerstuk 36 200 X, nr. 38": the official id and
    its FRBR folder hold a capital X, and an id typed in lower case (or as the parser gives it) is asked
    for as the source spells it."""
    assert official_id("kst-36200-x-38") == official_id("KST-36200-X-38") == "kst-36200-X-38"
    assert official_id("Ah-TK-20232024-1786") == "ah-tk-20232024-1786"
    assert is_fetchable("kst-36200-X-38")
    code, report, _ = fetch(folder, capsys, "kst-36200-x-38")
    assert code == 1 and [r[0] if isinstance(r, list) else r["id"] for r in report["lacking"]] == ["kst-36200-X-38"]
    paths = [path for path, _ in server.requests]
    assert any(p.startswith("/frbr/officielepublicaties/kst/36200-X/kst-36200-X-38/") for p in paths), paths
    assert not any("36200-x" in p for p in paths)


def test_fetch_by_id_prefers_xml_and_the_newest_version(server: ReplayServer, folder: Path, capsys) -> None:
    code, report, err = fetch(folder, capsys, KST, AH)
    assert code == 0, err
    assert [r["id"] for r in report["fetched"]] == [KST, AH] and report["lacking"] == []
    assert letters(folder) == {KST: "xml", AH: "xml"}
    paths = [path for path, _ in server.requests]
    assert f"/{frbr_path(AH, '2')}/xml/{AH}.xml" in paths  # the version the search named
    assert f"/{frbr_path(KST)}/metadata/metadata.xml" in paths
    assert all(agent.startswith("Kamerlezer/") for _, agent in server.requests)
    with Library.open(folder, search=False) as library:  # the metadata record came along
        assert library.get_letter(KST).subject.startswith("Motie van de leden Inge van Dijk")
    # a second fetch asks the source nothing: the library folder keeps what was fetched
    asked = len(server.requests)
    code, report, _ = fetch(folder, capsys, KST)
    assert code == 0 and [r["id"] for r in report["fetched"]] == [KST]
    assert len(server.requests) == asked
    assert (folder / CACHE_DIR / KST / f"{KST}.xml").is_file()


def test_fetch_missing_resolves_the_citations(server: ReplayServer, folder: Path, tmp_path: Path, capsys) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Geachte voorzitter,\n\nIn de motie (Kamerstuk 32 545, nr. 143) vraagt de Kamer om een grens voor "
        "negatieve spaarrente. Zie ook Kamerstuk 28 676, nr. 464.\n\nHoogachtend,\n", encoding="utf-8")
    assert main(["--library", str(folder), "import", str(letter)]) == 0
    capsys.readouterr()
    code, report, err = fetch(folder, capsys, "--missing")
    assert code == 1  # one of the two is not at the source
    assert [r["id"] for r in report["fetched"]] == [KST]
    assert [r["id"] for r in report["lacking"]] == ["kst-28676-464"]
    assert "kst-28676-464" in err and "not fetched" in err
    assert report["resolved"] == 1
    with Library.open(folder, search=False) as library:
        (ref,) = [r for r in library.references.refs_for(library.get_letter("brief")) if r.canonical == KST]
        assert ref.status == "resolved" and ref.target_letter_id == library.get_letter(KST).id
        assert [m.canonical for m in library.references.missing()] == ["kst-28676-464"]


def test_an_id_the_source_lacks_is_listed_and_nothing_stored(server: ReplayServer, folder: Path, capsys) -> None:
    code, report, err = fetch(folder, capsys, "kst-11111-2", KST)
    assert code == 1
    assert [r["id"] for r in report["lacking"]] == ["kst-11111-2"] and "not found (404)" in err
    assert letters(folder) == {KST: "xml"}
    assert not (folder / CACHE_DIR / "kst-11111-2").exists()


def test_an_answer_that_is_not_xml_is_not_imported(server: ReplayServer, folder: Path, capsys) -> None:
    code, report, err = fetch(folder, capsys, "kst-99999-1")
    assert code == 1 and report["fetched"] == []
    (lacking,) = report["lacking"]
    assert lacking["id"] == "kst-99999-1" and "not usable XML" in lacking["problem"]
    assert letters(folder) == {}
    assert not (folder / CACHE_DIR / "kst-99999-1").exists()


def test_pdf_when_the_source_has_no_xml(server: ReplayServer, folder: Path, capsys) -> None:
    server.hidden.add(f"{frbr_path(KST)}/xml/{KST}.xml")
    code, report, err = fetch(folder, capsys, KST)
    assert code == 0, err
    assert letters(folder) == {KST: "pdf"}


def test_source_unreachable_says_so(folder: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", f"http://127.0.0.1:{port}")
    code, report, err = fetch(folder, capsys, KST, AH)
    assert code == 1
    assert "cannot be reached" in report["offline"] and "offline?" in err
    assert [r["id"] for r in report["lacking"]] == [KST, AH]
    assert letters(folder) == {}


def test_slow_source_times_out(server: ReplayServer, folder: Path) -> None:
    server.gate.clear()  # the server holds every answer until the test ends
    source = OfficialSource(server.base, timeout=0.2, retries=1, backoff=0, rate=0)
    with Library.open(folder, search=False) as library:
        outcome = fetch_into(library, [KST], source)
        assert outcome.offline and "no answer within 0.2 s" in outcome.offline
        assert outcome.lacking == [(KST, "not fetched: the source cannot be reached")]
        assert library.list_letters() == []
    assert len(server.requests) == 2  # one try and one retry


def test_cancelled_during_the_download_imports_nothing(server: ReplayServer, folder: Path) -> None:
    """Cancel while the first publication downloads: it stays in the cache, nothing is imported; the next
    fetch imports it from the cache without asking the source again."""
    from desktop_app.core.tasks import CancelToken

    cancel = CancelToken()
    source = OfficialSource(server.base, retries=0, backoff=0, rate=0)
    with Library.open(folder, search=False) as library:
        outcome = fetch_into(library, [KST, AH], source, progress=lambda *_: cancel.cancel(), cancel=cancel)
        assert outcome.cancelled and not outcome.ok and outcome.fetched == []
        assert library.list_letters() == []
        assert (folder / CACHE_DIR / KST / f"{KST}.xml").is_file()
        asked = len(server.requests)
        again = fetch_into(library, [KST], source)
        assert again.ok and [i for i, _ in again.fetched] == [KST]
        assert len(server.requests) == asked  # from the cache
