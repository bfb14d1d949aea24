"""`kamerlezer search` and `kamerlezer reindex`, end to end on a fresh library of the seed letters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.services import Library


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "library"
    with Library.open(folder) as lib:
        letter = next(s for s in lib.list_letters() if s.date == "2024-10-03")
        theme = lib.add_theme("Zeppelins")
        lib.annotate_quote(letter.id, "Oekraïne", theme_ids=[theme.id], note="Navragen: zeppelinvloot?")
    return folder


def run(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    return code, out, err


def search_json(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> dict:
    code, out, _ = run(capsys, library, "search", *args, "--json")
    assert code == 0
    return json.loads(out)


def test_text_output_marks_the_matched_terms(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    code, out, err = run(capsys, library_dir, "search", "Oekraine", "--limit", "2")
    assert code == 0
    lines = out.splitlines()
    hit_lines = [line for line in lines if not line.startswith("    ")]
    assert len(hit_lines) == 2 and all("score" in line for line in hit_lines)
    assert "[[Oekraïne]]" in out
    total = search_json(capsys, library_dir, "Oekraine")["total"]
    assert f"{total} letters found, showing 2" in err


def test_json_hits_point_into_the_letters(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    data = search_json(capsys, library_dir, '"Defence Investment Pledge"')
    with Library.open(library_dir) as lib:
        expected = {s.name for s in lib.list_letters()
                    if "defence investment pledge" in " ".join(lib.get_letter(s.id).text.lower().split())}
        assert {h["name"] for h in data["hits"]} == expected and data["total"] == len(expected)
        for hit in data["hits"]:
            text = lib.get_letter(hit["letter_id"]).text
            for frag in hit["fragments"]:
                assert text[frag["start"]:frag["end"]] == frag["text"]
                for start, end in frag["highlights"]:
                    assert " ".join(text[start:end].split()).lower() == "defence investment pledge"


def test_filters_and_date_sort(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    everything = search_json(capsys, library_dir, "defensie", "--limit", "50")["hits"]
    eerste = search_json(capsys, library_dir, "defensie", "--chamber", "Eerste Kamer", "--limit", "50")["hits"]
    assert eerste and {h["letter_id"] for h in eerste} == {h["letter_id"] for h in everything
                                                          if h["chamber"] == "Eerste Kamer"}
    in_2025 = search_json(capsys, library_dir, "defensie", "--year", "2025", "--limit", "50")["hits"]
    assert in_2025 and all(h["date"].startswith("2025") for h in in_2025)
    by_date = [h["date"] for h in search_json(capsys, library_dir, "defensie", "--sort", "date")["hits"]]
    dated = [d for d in by_date if d]
    assert dated == sorted(dated, reverse=True) and by_date[: len(dated)] == dated


def test_theme_filter_and_note_search(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    themed = search_json(capsys, library_dir, "defensie", "--theme", "Zeppelins")["hits"]
    assert [h["date"] for h in themed] == ["2024-10-03"]
    code, out, _ = run(capsys, library_dir, "search", "zeppelinvloot")
    assert code == 0 and "note (annotation" in out and "[[zeppelinvloot]]" in out


def test_malformed_query_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], library_dir: Path
) -> None:
    code, out, err = run(capsys, library_dir, "search", '"unclosed phrase')
    assert code == 1 and not out
    assert "quote" in err and "Traceback" not in err


def test_reindex_rebuilds_and_reports(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    code, out, err = run(capsys, library_dir, "reindex")
    assert code == 0 and out.strip() == "Indexed 5 letters."
    assert "5/5" in err
    assert search_json(capsys, library_dir, "zeppelinvloot")["total"] == 1


def test_a_damaged_index_is_rebuilt_on_open(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "library"
    Library.open(folder).close()
    current = json.loads((folder / "index" / "CURRENT").read_text())
    victim = max((folder / "index" / current["generation"]).iterdir(), key=lambda p: p.stat().st_size)
    victim.write_bytes(victim.read_bytes()[:100])
    code, out, err = run(capsys, folder, "search", "Oekraine")
    assert code == 0 and "[[Oekraïne]]" in out
    assert "rebuilt" in err.lower()
