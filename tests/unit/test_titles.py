"""Display titles: a letter without a subject (seeds 000 and 002) is named by a title taken from its
text, everywhere a person reads it; ``subject`` itself stays null (metadata is not guessed)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.export import ExportScope
from desktop_app.core.importing import read_file
from desktop_app.core.services import Library
from desktop_app.core.titles import TITLE_LIMIT, display_title, first_sentence, shorten
from desktop_app.render import export_summary
from desktop_app.render.csv_table import DELIMITER, ENCODING
from tests.conftest import SEEDS, seed_path
from tests.libraries import seeded_copy
from tests.unit.test_export_render import _pdf_text, _squash

L000, L002, L003 = "000_eba5de336aff673f", "002_6da6c7f9d4c292e2", "003_d09603eee462fd1e"
SENTENCE_000 = (
    "Het kabinet informeert uw Kamer regelmatig over de stappen in het vierjaarlijkse "
    "NAVO-Defensieplanningsproces (NDPP)."
)
TITLE_000 = "Het kabinet informeert uw Kamer regelmatig over de stappen in het vierjaarlijkse…"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    lib = Library.open(seeded_copy(tmp_path_factory.mktemp("titles") / "lib"))
    yield lib
    lib.close()


def test_seed_000_is_named_by_its_first_sentence_shortened() -> None:
    letter = read_file(seed_path("000"))
    assert letter.subject is None and letter.headings == ()
    assert first_sentence(letter.text) == SENTENCE_000
    title = display_title(letter.subject, letter.text, letter.headings, L000)
    assert title.derived and title.text == TITLE_000
    assert len(title.text) <= TITLE_LIMIT and SENTENCE_000.startswith(title.text[:-1])


def test_seed_002_is_named_by_its_early_heading() -> None:
    letter = read_file(seed_path("002"))
    assert letter.subject is None
    title = display_title(letter.subject, letter.text, letter.headings, L002)
    assert (title.text, title.derived) == ("NATO New Force Model", True)


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_a_subject_is_the_title(prefix: str) -> None:
    letter = read_file(seed_path(prefix))
    title = display_title(letter.subject, letter.text, letter.headings, "x")
    assert letter.subject and (title.text, title.derived) == (letter.subject, False)


def test_derived_titles_rules() -> None:
    # markers are left out; a short first sentence is kept whole
    assert display_title(None, "De NAVO-top.¹ Daarna meer.", (), "f").text == "De NAVO-top."
    assert display_title(None, "Zie nr. 467 van de reeks. Daarna", (), "f").text == "Zie nr. 467 van de reeks."
    # a one-word heading does not name the letter, nor does a heading late in the text
    text = "Inleiding\n\nDe minister schrijft de Kamer. " + "Woord " * 300 + "\n\nLate kop hier"
    late = (len(text) - len("Late kop hier"), len(text))
    assert display_title(None, text, [(0, 9), late], "f").text == "De minister schrijft de Kamer."
    early = "Inleiding\n\nDe nieuwe NAVO-top\n\nDe minister schrijft de Kamer."
    assert display_title(None, early, [(0, 9), (11, 29)], "f").text == "De nieuwe NAVO-top"
    assert display_title(None, "", (), "000_abc").text == "000_abc"
    assert display_title("  Betreft  twee\nregels ", "tekst", (), "f").text == "Betreft twee regels"
    # shortening: at a word boundary, no dangling punctuation, "…" included in the limit
    long = "Een zin met veel woorden, " * 10
    short = shorten(long)
    assert len(short) <= TITLE_LIMIT and short.endswith("…")
    assert not short[:-1].endswith((",", " ")) and long.startswith(short[:-1])
    unbroken = shorten("Eenwoordzonderspaties" * 10)
    assert len(unbroken) == TITLE_LIMIT and unbroken.endswith("…")


def test_every_letter_and_sample_gets_the_same_title_from_its_start(samples_dir: Path) -> None:
    # the letter list computes titles from the start of the text only (SOURCE_CHARS)
    from desktop_app.core.titles import SOURCE_CHARS

    paths = sorted(SEEDS.glob("*.txt")) + [p for p in sorted(samples_dir.glob("*.pdf")) if "scanned" not in p.name]
    for path in paths:
        letter = read_file(path)
        for subject in (letter.subject, None):
            whole = display_title(subject, letter.text, letter.headings, path.stem)
            start = display_title(subject, letter.text[:SOURCE_CHARS], letter.headings, path.stem)
            assert whole == start, path.name
            assert whole.text and len(whole.text) <= max(TITLE_LIMIT, len(" ".join((subject or "").split())))


def test_library_list_show_and_search_name_letters_by_title(library: Library) -> None:
    summaries = {s.name: s for s in library.list_letters()}
    for name, summary in summaries.items():
        letter = library.get_letter(name)
        assert (summary.title, summary.title_derived) == (letter.title, letter.title_derived)
        assert summary.subject == letter.subject
    assert (summaries[L000].title, summaries[L000].title_derived, summaries[L000].subject) == (TITLE_000, True, None)
    assert (summaries[L002].title, summaries[L002].subject) == ("NATO New Force Model", None)
    assert summaries[L003].title == summaries[L003].subject and not summaries[L003].title_derived
    data = library.get_letter(L000).to_json()
    assert (data["title"], data["title_derived"], data["subject"]) == (TITLE_000, True, None)
    hits = {h.letter_id: h for h in library.search("NFM").hits}
    assert hits[summaries[L002].id].title == "NATO New Force Model"


def test_cli_list_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    folder = seeded_copy(tmp_path / "lib")
    assert main(["--library", str(folder), "list"]) == 0
    out = capsys.readouterr().out
    assert "(no subject)" not in out and "NATO New Force Model" in out
    line_000 = next(line for line in out.splitlines() if L000 in line)
    assert "Het kabinet informeert uw Kamer regelmatig over de stappen" in line_000
    assert main(["--library", str(folder), "list", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows[L000]["title"], rows[L000]["subject"]) == (TITLE_000, None)
    assert main(["--library", str(folder), "show", L002, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["title"], shown["title_derived"], shown["subject"]) == ("NATO New Force Model", True, None)
    assert main(["--library", str(folder), "show", L002]) == 0
    assert "Title:      NATO New Force Model (from the text: no subject)" in capsys.readouterr().out


def test_export_headings_and_sources_use_the_title(library: Library, tmp_path: Path) -> None:
    library.annotate_quote(L000, "op 17-18 oktober 2024⁵ geïnformeerd", [library.get_theme("NAVO-top").id])
    library.annotate_quote(L002, "de Nederlandse bijdrage hieraan", [library.get_theme("NAVO-top").id])
    scope = ExportScope(language="en", letters=(L000, L002), group_by="letter")
    for fmt in ("pdf", "md"):
        out = tmp_path / f"s.{fmt}"
        export_summary(library, scope, fmt, out)
        text = _squash(_pdf_text(out) if fmt == "pdf" else out.read_text(encoding="utf-8")).replace("\\", "")
        for title in (TITLE_000, "NATO New Force Model"):
            assert text.count(title) >= 3, (fmt, title)  # scope line, section heading, sources list
        assert "no subject (title taken from the text)" in text
    export_summary(library, scope, "csv", tmp_path / "s.csv")
    with open(tmp_path / "s.csv", encoding=ENCODING, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=DELIMITER))
    assert {(r["letter"], r["title"], r["subject"]) for r in rows} == {
        (L000, TITLE_000, ""), (L002, "NATO New Force Model", ""),
    }  # fmt: skip


def test_titles_that_start_alike_show_what_tells_them_apart() -> None:
    from desktop_app.core.titles import distinguishing_titles

    titles = [
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie op 17 en 18 oktober 2024 in Brussel",
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie op 13 februari 2025",
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie",  # nothing left to show: kept whole
        "NATO New Force Model",
        "Geannoteerde agenda Raad Buitenlandse Zaken",  # shares two words only
    ]
    shown = distinguishing_titles(titles)
    assert shown[0] == "Geannoteerde agenda … 17 en 18 oktober 2024 in Brussel"
    assert shown[1] == "Geannoteerde agenda … 13 februari 2025"
    assert shown[2:] == titles[2:]
    assert len(set(shown)) == len(shown)


def test_distinguishing_titles_on_the_seed_letters() -> None:
    from desktop_app.core.importing import read_file
    from desktop_app.core.titles import distinguishing_titles

    seeds = sorted((Path(__file__).resolve().parents[2] / "resources" / "letters").glob("*.txt"))
    titles = [read_file(p).subject or p.stem for p in seeds]
    shown = distinguishing_titles(titles)
    alike = [s for s, t in zip(shown, titles) if s != t]
    assert len(alike) >= 3  # the three "Geannoteerde agenda …" letters
    assert all(s.startswith("Geannoteerde agenda …") for s in alike)
    assert len({s[:40] for s in alike}) == len(alike)  # they differ within the first 40 characters


def _distinguishing_reference(titles: list[str]) -> list[str]:
    """The rule of distinguishing_titles written plainly: every title's words, compared with its
    neighbours in sorted order (what the function did before it looked at the first words first)."""
    import re

    from desktop_app.core.titles import KEPT_WORDS, SHARED_PREFIX_WORDS

    spans = [[m.span() for m in re.finditer(r"[^\s\-–]+", t)] for t in titles]
    words = [[t[a:b].casefold() for a, b in sp] for t, sp in zip(titles, spans)]
    order = sorted(range(len(titles)), key=lambda i: words[i])
    shared = [0] * len(titles)
    for left, right in zip(order, order[1:]):
        n = 0
        for x, y in zip(words[left], words[right]):
            if x != y:
                break
            n += 1
        shared[left], shared[right] = max(shared[left], n), max(shared[right], n)
    return [
        t if n < SHARED_PREFIX_WORDS or n >= len(sp) else f"{t[: sp[KEPT_WORDS - 1][1]]} … {t[sp[n][0]:]}"
        for t, sp, n in zip(titles, spans, shared)
    ]


def test_distinguishing_titles_follow_the_plain_rule_on_random_titles() -> None:
    import random

    from desktop_app.core.titles import distinguishing_titles

    rng = random.Random(18)
    words = ["Agenda", "agenda", "NAVO", "navo", "ministers", "Raad", "ΑΣ", "ας", "Straße", "STRASSE", "op", "1", "2024"]
    separators = [" ", "  ", "-", "–", " - ", "\t", "\n"]
    for _ in range(300):
        titles = []
        for _ in range(rng.randint(0, 30)):
            parts = [rng.choice(separators) if rng.random() < 0.2 else ""]
            for _ in range(rng.randint(0, 8)):
                parts += [rng.choice(words), rng.choice(separators)]
            titles.append("".join(parts[:-1]) if rng.random() < 0.7 else "".join(parts))
        assert distinguishing_titles(titles) == _distinguishing_reference(titles), titles
