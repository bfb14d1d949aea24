"""Followed dossiers (issue 17.4): `kamerlezer follow 32545` remembers a dossier, `fetch --follow` brings
its letters the library lacks, found with the search service (SRU) of the local replay server
(tests/officialserver.py, tests/data/official_replay/sru/dossier-32545.xml). No test reaches the internet."""

from __future__ import annotations

import json
import socket
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.following import fetch_followed
from desktop_app.core.official import OfficialSource, frbr_path
from desktop_app.core.services import Library
from desktop_app.core.services.follow import normalize_dossier
from tests.officialserver import ReplayServer

DOSSIER = ["kst-32545-143", "kst-32545-901", "kst-32545-902"]  # the letters of the recorded listing


def run(folder: Path, capsys, *argv: str) -> tuple[int, dict, str]:
    code = main(["--library", str(folder), *argv, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}, err


def letters(folder: Path) -> dict[str | None, str]:
    with Library.open(folder, search=False) as library:
        return {s.kamerstuk: library.get_letter(s.id).source_format for s in library.list_letters()}


def searches(server: ReplayServer) -> list[dict[str, str]]:
    """The parameters of every search request the server answered, in order."""
    out = []
    for path, _ in server.requests:
        url = urllib.parse.urlparse(path)
        if url.path == "/sru":
            out.append({k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()})
    return out


def downloads(server: ReplayServer) -> list[str]:
    return [path for path, _ in server.requests if path.startswith("/frbr/")]


def checked(folder: Path) -> dict[str, str | None]:
    with Library.open(folder, search=False) as library:
        return {d.dossier: d.checked for d in library.followed_dossiers()}


def test_dossier_numbers_as_people_write_them() -> None:
    assert normalize_dossier("28676") == normalize_dossier("28 676") == normalize_dossier("28.676") == "28676"
    assert normalize_dossier("36 200 X") == normalize_dossier("36200-x") == "36200-X"
    assert normalize_dossier("21501-28") == "21501-28"
    for bad in ("", "abc", "12", "kst-28676-464"):
        with pytest.raises(Exception, match="Not a dossier number"):
            normalize_dossier(bad)


def test_follow_list_unfollow_are_changes_of_the_history(folder: Path, capsys) -> None:
    code, report, _ = run(folder, capsys, "follow", "28 676", "36200-X")
    assert code == 0 and report["followed"] == ["28676", "36200-X"]
    code, report, _ = run(folder, capsys, "follow", "28676")  # again: nothing changes
    assert code == 0 and report["followed"] == []
    code, report, _ = run(folder, capsys, "follow", "--list")
    assert [(d["dossier"], d["checked"], d["letters"]) for d in report["dossiers"]] == [
        ("28676", None, 0), ("36200-X", None, 0)]
    code, report, _ = run(folder, capsys, "unfollow", "28676")
    assert code == 0 and [d["dossier"] for d in report["dossiers"]] == ["36200-X"]
    code, _, err = run(folder, capsys, "unfollow", "28676")
    assert code == 1 and "not followed" in err
    code, _, err = run(folder, capsys, "follow", "kamerstuk")
    assert code == 1 and "Not a dossier number" in err
    code, history, _ = run(folder, capsys, "history")
    labels = [change["label"] for change in history]  # type: ignore[union-attr]
    assert labels[:3] == ["Stopped following dossier 28676", "Followed dossier 36200-X", "Followed dossier 28676"]
    assert main(["--library", str(folder), "undo"]) == 0  # the unfollow taken back
    capsys.readouterr()
    assert list(checked(folder)) == ["28676", "36200-X"]


def test_follow_then_fetch_brings_the_dossier_and_a_second_run_nothing_new(
    server: ReplayServer, folder: Path, capsys
) -> None:
    assert run(folder, capsys, "follow", "32545")[0] == 0
    code, report, err = run(folder, capsys, "fetch", "--follow")
    assert code == 0, err
    assert sorted(r["id"] for r in report["fetched"]) == DOSSIER and report["lacking"] == []
    (dossier,) = report["dossiers"]
    assert dossier["since"] is None and dossier["listed"] == 3 and dossier["complete"]  # the bijlage is no letter
    assert letters(folder) == dict.fromkeys(DOSSIER, "xml")
    (search,) = searches(server)  # one search for the whole dossier, no search per document
    assert search["query"] == 'c.product-area==officielepublicaties and w.dossiernummer=="32545"'
    assert search["startRecord"] == "1" and search["version"] == "2.0"
    assert not any("blg-990001" in path for path in downloads(server))
    assert f"/{frbr_path('kst-32545-901')}/metadata/metadata.xml" in downloads(server)
    assert checked(folder) == {"32545": date.today().isoformat()}
    with Library.open(folder, search=False) as library:
        assert library.get_letter("kst-32545-902").subject.startswith("Motie van het lid Voorbeeld")
    code, report, _ = run(folder, capsys, "follow", "--list")
    assert report["dossiers"][0]["letters"] == 3

    asked = len(server.requests)
    code, report, err = run(folder, capsys, "fetch", "--follow")
    assert code == 0, err
    assert report["fetched"] == [] and report["dossiers"][0]["new"] == []
    since = (date.today() - timedelta(days=1)).isoformat()
    assert report["dossiers"][0]["since"] == since
    assert [s["query"] for s in searches(server)][-1].endswith(f" and dt.modified>={since}")
    assert len(server.requests) == asked + 1 and not downloads(server)[len(DOSSIER) * 2:]


def test_a_later_run_asks_only_for_what_changed_and_brings_only_that(server: ReplayServer, folder: Path) -> None:
    server.unpublished.add("kst-32545-902")  # not published yet at the first run
    source = OfficialSource(server.base, retries=0, backoff=0, rate=0)
    with Library.open(folder, search=False) as library:
        library.follow_dossier("32545")
        first = fetch_followed(library, source, today=date(2021, 8, 1))
        assert first.ok and sorted(i for i, _ in first.fetch.fetched) == DOSSIER[:2]
        server.unpublished.clear()
        fetched_before = len(downloads(server))
        second = fetch_followed(library, source, today=date(2021, 10, 1))
        assert second.ok and [i for i, _ in second.fetch.fetched] == ["kst-32545-902"]
        assert second.dossiers[0].since == "2021-07-31" and second.dossiers[0].new == ["kst-32545-902"]
        assert all("902" in path for path in downloads(server)[fetched_before:])
        assert [d.checked for d in library.followed_dossiers()] == ["2021-10-01"]
        # --full asks for the whole dossier again: nothing is missing, so nothing comes
        again = fetch_followed(library, source, full=True)
        assert again.ok and again.fetch.fetched == [] and again.dossiers[0].since is None


def test_paging_over_two_pages(server: ReplayServer, folder: Path) -> None:
    source = OfficialSource(server.base, retries=0, backoff=0, rate=0, page_size=2)
    with Library.open(folder, search=False) as library:
        library.follow_dossier("32545")
        outcome = fetch_followed(library, source)
        assert outcome.ok and sorted(i for i, _ in outcome.fetch.fetched) == DOSSIER
    pages = searches(server)
    assert [(p["startRecord"], p["maximumRecords"]) for p in pages] == [("1", "2"), ("3", "2")]


def test_pdf_when_the_listing_names_no_xml_that_the_source_has(server: ReplayServer, folder: Path, capsys) -> None:
    server.hidden.add(f"{frbr_path('kst-32545-143')}/xml/kst-32545-143.xml")
    run(folder, capsys, "follow", "32545")
    code, _, err = run(folder, capsys, "fetch", "--follow")
    assert code == 0, err
    assert letters(folder)["kst-32545-143"] == "pdf"


def test_a_source_that_lacks_the_dossier(server: ReplayServer, folder: Path, capsys) -> None:
    run(folder, capsys, "follow", "11111")
    code, report, err = run(folder, capsys, "fetch", "--follow")
    assert code == 1
    assert "no publications of dossier 11111" in report["dossiers"][0]["problem"] and "dossier 11111" in err
    assert letters(folder) == {} and checked(folder) == {"11111": None}


def test_a_document_the_source_lacks_keeps_the_dossier_unchecked(server: ReplayServer, folder: Path, capsys) -> None:
    server.hidden.add(f"{frbr_path('kst-32545-902')}/xml/kst-32545-902.xml")  # and it has no PDF
    run(folder, capsys, "follow", "32545")
    code, report, err = run(folder, capsys, "fetch", "--follow")
    assert code == 1 and [r["id"] for r in report["lacking"]] == ["kst-32545-902"] and "kst-32545-902" in err
    assert sorted(r["id"] for r in report["fetched"]) == DOSSIER[:2]
    assert checked(folder) == {"32545": None}  # the next run asks for the whole dossier again
    server.hidden.clear()
    code, report, _ = run(folder, capsys, "fetch", "--follow")
    assert code == 0 and [r["id"] for r in report["fetched"]] == ["kst-32545-902"]


def test_the_source_unreachable(folder: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", f"http://127.0.0.1:{port}")
    run(folder, capsys, "follow", "32545", "28676")
    code, report, err = run(folder, capsys, "fetch", "--follow")
    assert code == 1 and "cannot be reached" in report["offline"] and "offline?" in err
    assert [d["problem"] for d in report["dossiers"]] == ["not searched: the source cannot be reached"] * 2
    assert letters(folder) == {} and checked(folder) == {"32545": None, "28676": None}


def test_a_search_answer_that_is_not_xml(server: ReplayServer, folder: Path, capsys) -> None:
    """Dossier 99999's search answers with a maintenance page: that dossier is named, nothing of it is
    stored; the other followed dossier is brought all the same."""
    run(folder, capsys, "follow", "99999", "32545")
    code, report, err = run(folder, capsys, "fetch", "--follow")
    assert code == 1
    bad, good = report["dossiers"]
    assert "not usable XML" in bad["problem"] and "dossier 99999" in err and good["problem"] is None
    assert sorted(letters(folder)) == DOSSIER
    assert checked(folder) == {"99999": None, "32545": date.today().isoformat()}


def test_nothing_followed_says_so(folder: Path, capsys) -> None:
    code = main(["--library", str(folder), "fetch", "--follow"])
    out, _ = capsys.readouterr()
    assert code == 0 and "no dossier is followed" in out


def test_a_search_diagnostic_is_a_problem_not_an_empty_dossier() -> None:
    """The service answers a query it cannot parse with HTTP 200 and a diagnostic, no records."""
    from desktop_app.core.official import NotAtSource, _search_response

    answer = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><searchRetrieveResponse '
        b'xmlns="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
        b'xmlns:ns3="http://docs.oasis-open.org/ns/search-ws/diagnostic"><version>2.0</version><diagnostics>'
        b"<ns3:diagnostic><ns3:uri>info:srw/diagnostic/1/10</ns3:uri><ns3:message>line 1:13 mismatched input"
        b"</ns3:message></ns3:diagnostic></diagnostics></searchRetrieveResponse>"
    )
    with pytest.raises(NotAtSource, match=r"refused the query \(line 1:13 mismatched input\)"):
        _search_response(answer, "28676")
    with pytest.raises(NotAtSource, match="not a search response"):
        _search_response(b"<html><body>Onderhoud</body></html>", "28676")
