"""Citations as they are really written (issue 12): every form of the issue, the real strings in
tests/data/citations/real_citations.tsv, and numbers that look like citations but are not."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.bench_citations import TABLE, found_ids, load_table
from desktop_app.core.references.parser import parse_citations


def ids(text: str) -> list[str]:
    return found_ids(parse_citations, text)


def assert_spans(text: str) -> None:
    for citation in parse_citations(text):
        start, end = citation.span
        assert text[start:end] == citation.text


# The issue's forms, each to its canonical ids (real strings of each form are in the table below).
ISSUE_FORMS = [
    # a bare dossier/number in parentheses, odd spacing included
    ("(29 521, nr. 455)", ["kst-29521-455"]),
    ("(36200-A, nr. 22)", ["kst-36200-A-22"]),
    ("( 21501-20 , nr. 2001 )", ["kst-21501-20-2001"]),
    ("de motie-Van der Lee over de inzet in de Raad (21501-20, nr. 2001)", ["kst-21501-20-2001"]),
    # compact ids and lists; Rijkswet marks stay out of the id; a space left after a line-end hyphen
    ("36100-1; 35925-44; 36025-(R2180)-7", ["kst-36100-1", "kst-35925-44", "kst-36025-7"]),
    ("36200-B-3", ["kst-36200-B-3"]),
    ("21501-02- 2871", ["kst-21501-02-2871"]),
    ("21501-02-\n2871", ["kst-21501-02-2871"]),
    ("kst-36025-R2180-7", ["kst-36025-7"]),
    ("Kamerstuk 36 025 (R2180), nr. 7", ["kst-36025-7"]),
    # Aanhangsel forms
    ("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2412", ["ah-tk-20232024-2412"]),
    ("Kamerstukken II 2022/23, Aanhangsel, nr. 880", ["ah-tk-20222023-880"]),
    ("Aanhangsel Handelingen II 2023/24, nr. \n872", ["ah-tk-20232024-872"]),
    # Eerste Kamer letters and budget chapters
    ("(36410-X, letter C)", ["kst-36410-X-C"]),
    ("Kamerstukken I 2023/24, 36 410, B", ["kst-36410-B"]),
    ("20 800 hoofdstuk X, nr. 3", ["kst-20800-X-3"]),
    ("33 750 XVI, nr. 12", ["kst-33750-XVI-12"]),
    # several numbers of one dossier; a number belongs to the dossier it follows
    ("31 839, nr. 12, p. 4; nr. 14", ["kst-31839-12", "kst-31839-14"]),
    ("Kamerstukken II 2013/14, 31 839, nr. 12, p. 4; nr. 14", ["kst-31839-12", "kst-31839-14"]),
    ("36 200 en Kamerstukken II 2022/23, 21 501-02, nr. 2600", ["kst-21501-02-2600"]),
    ("Kamerstukken II 2022/23, 36 200 en Kamerstukken II 2022/23, 21 501-02, nr. 2600",
     ["dossier-36200", "kst-21501-02-2600"]),
    # Staatscourant and Staatsblad, with a date
    ("Staatscourant van 3 maart 2011, nr. 3912", ["stcrt-2011-3912"]),
    ("Stb. 2019, 212", ["stb-2019-212"]),
    # a footnote number glued in front
    ("2Kamerstukken II 2019/20, 35 300 X, nr. 8", ["kst-35300-X-8"]),
    ("12Motie van het lid Van der Lee c.s. over vergroening (Kamerstuk 21 501-20, nr. 2001)", ["kst-21501-20-2001"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ISSUE_FORMS)
def test_issue_forms_get_their_canonical_ids(text: str, expected: list[str]) -> None:
    assert ids(text) == expected
    assert_spans(text)


REAL = load_table(TABLE)


def test_the_real_table_covers_every_form_and_real_non_citations() -> None:
    forms = {row.form for row in REAL}
    for form in ("haakjes", "motie+haakjes", "compact", "aanhangsel", "staatscourant-datum", "nr-voor-dossier", "geen"):
        assert form in forms
    assert all(row.source for row in REAL)


@pytest.mark.parametrize("row", REAL, ids=[f"{r.form}:{r.text[:40]}" for r in REAL])
def test_real_citations(row) -> None:  # noqa: ANN001 - a table Row
    assert ids(row.text) == list(row.expected), row.source
    assert_spans(row.text)


def test_a_motion_named_before_its_id_gives_the_motion_with_the_id() -> None:
    text = "- de motie-Van Aalst/Remco Dijkstra over de aanpak van de N35 (35300-A, nr. 15);"
    [motie] = parse_citations(text)
    assert motie.kind == "motie" and motie.canonical == "kst-35300-A-15"
    assert motie.fields["indieners"] == ["Van Aalst", "Remco Dijkstra"]
    assert motie.fields["onderwerp"] == "de aanpak van de N35"
    assert motie.text == "motie-Van Aalst/Remco Dijkstra over de aanpak van de N35 (35300-A, nr. 15)"
    [motie] = parse_citations("12Motie van de leden Jasper van Dijk en Kuik (Kamerstuk 35483-68)")
    assert (motie.canonical, motie.fields["indieners"]) == ("kst-35483-68", ["Jasper van Dijk", "Kuik"])
    # without an id the motion ends at its names; a subject over a blank line is not taken
    [motie] = parse_citations("de motie-Segers c.s. over de NAVO-norm is aangenomen")
    assert (motie.text, motie.canonical) == ("motie-Segers c.s.", None)
    found = parse_citations("de motie-Segers over de norm\n\n(29 521, nr. 455)")
    assert [(c.kind, c.canonical) for c in found] == [("motie", None), ("kamerstuk", "kst-29521-455")]


def test_rijkswet_mark_is_a_field_not_part_of_the_id() -> None:
    for text in ("36025-(R2180)-7", "kst-36025-R2180-7", "Kamerstuk 36 025 (R 2180), nr. 7"):
        [cit] = parse_citations(text)
        assert (cit.canonical, cit.fields["rijkswet"]) == ("kst-36025-7", "R2180")


def test_sub_series_and_papers_after_a_keyword() -> None:
    # only dossier 21501 has numbered sub-series: "Kamerstuk 36100-3" is paper 3, "(21501-20)" a sub-series
    assert ids("(Kamerstuk 36100-3)") == ["kst-36100-3"]
    assert ids("Kamerstuk 21501-28") == ["dossier-21501-28"]
    assert ids("(21501-20)") == ["dossier-21501-20"]


def test_a_page_belongs_to_the_number_it_follows() -> None:
    first, second = parse_citations("31 839, nr. 12, p. 4; nr. 14")
    assert (first.fields["page"], "page" in second.fields) == ("4", False)
    assert first.fields["numbers"] == second.fields["numbers"] == ["12", "14"]


def test_digits_spread_out_by_the_extractor_are_joined_only_at_the_end_of_a_citation() -> None:
    assert ids("Kamerstukken II 2022/23, 3 2827, nr. 2 78.") == ["kst-32827-278"]
    assert ids("Kamerstuk 32 820 nr. 4 82") == ["kst-32820-482"]
    assert ids("Kamerstuk 28 676, nr. 38 2022.") == ["kst-28676-38"]  # not six digits
    assert ids("Kamerstuk 28 676, nr. 467 en 2 bijlagen") == ["kst-28676-467"]
    assert ids("(29 521, nr. 4 55)") == ["kst-29521-4"]  # without a keyword digits are not joined


def test_staatscourant_date_is_kept() -> None:
    [cit] = parse_citations("Staatscourant van 3 maart 2011, nr. 3912")
    assert cit.fields["date"] == "2011-03-03" and cit.fields["year"] == "2011"


# -- false positives --------------------------------------------------------------------------------

NOT_CITATIONS = [
    "In 2024 en 2025 stijgt het budget.",
    "een bedrag van € 28 676 voor de regeling",
    "€ 28 676, nr. 3 van de lijst",
    "EUR 28.676 en € 12 345,67",
    "op 3 maart 2011 en op 03-03-2011 of 2011-03-03",
    "bel 070 - 123 45 67 of 06-12345678 of +31 (0)70 123 45 67",
    "artikel 3, lid 2, onder b",
    "artikel 28676, lid 2",
    "Postbus 20701, 2500 ES Den Haag",
    "tussen 10000-15000 euro per jaar",
    "(10000-15000 euro)",
    "(28676-2 %)",
    "Verordening (EU) Nr. 648/2012 van het Europees Parlement",
    "van 27 juni 2012, nr. 2012-000368158, houdende",
    "nr. 3 (zie bijlage)",
    "de Handelingen van vorig jaar",
    "Kamerstukken II 2022/23, Aanhangsel",
    "motie van het lid",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_numbers_that_are_not_citations(text: str) -> None:
    assert parse_citations(text) == [], text


_DIGIT = st.integers(min_value=0, max_value=9).map(str)
_YEAR = st.integers(min_value=1800, max_value=2099).map(str)
_FIVE = st.integers(min_value=10000, max_value=99999)
_MONTHS = ["januari", "maart", "mei", "juli", "oktober", "december"]
NUMBERS = st.one_of(
    _YEAR,
    _FIVE.map(lambda n: f"€ {n // 1000} {n % 1000:03d}"),
    _FIVE.map(lambda n: f"€ {n // 1000}.{n % 1000:03d},50"),
    st.tuples(st.integers(1, 28), st.sampled_from(_MONTHS), _YEAR).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
    st.tuples(st.integers(1, 28), st.integers(1, 12), _YEAR).map(lambda t: f"{t[0]:02d}-{t[1]:02d}-{t[2]}"),
    st.tuples(_YEAR, st.integers(1, 12), st.integers(1, 28)).map(lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"),
    st.lists(_DIGIT, min_size=7, max_size=7).map("".join).map(lambda d: f"070 - {d[:3]} {d[3:5]} {d[5:]}"),
    st.lists(_DIGIT, min_size=8, max_size=8).map(lambda d: "06-" + "".join(d)),
    st.tuples(st.integers(1, 200), st.integers(1, 9)).map(lambda t: f"artikel {t[0]}, lid {t[1]}"),
    st.tuples(st.integers(1000, 9999), st.sampled_from(["AB", "ES", "EA"])).map(lambda t: f"{t[0]} {t[1]} Den Haag"),
    st.tuples(_FIVE, _FIVE).map(lambda t: f"{min(t)}-{max(t)} euro"),
    st.integers(1, 99).map(lambda n: f"{n}%"),
)
PROSE = st.lists(st.sampled_from(["de", "het", "bedrag", "van", "op", "lid", "en", "tot", "per", "jaar"]), max_size=4)
GLUE = st.sampled_from([" ", "\n", ", ", " (", ") ", "; ", " - "])


@settings(max_examples=400)
@given(st.lists(st.tuples(PROSE, NUMBERS, GLUE), min_size=1, max_size=6))
def test_years_amounts_dates_phones_and_articles_are_never_citations(parts) -> None:  # noqa: ANN001
    text = "".join(" ".join(words) + " " + number + glue for words, number, glue in parts)
    assert parse_citations(text) == [], text


# -- the command line ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("( 21501-20 , nr. 2001 )", ["kst-21501-20-2001"]),
        ("36100-1; 35925-44; 36025-(R2180)-7", ["kst-36100-1", "kst-35925-44", "kst-36025-7"]),
        ("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2412", ["ah-tk-20232024-2412"]),
        ("Kamerstukken I 2023/24, 36 410, B", ["kst-36410-B"]),
        ("31 839, nr. 12, p. 4; nr. 14", ["kst-31839-12", "kst-31839-14"]),
        ("Staatscourant van 3 maart 2011, nr. 3912", ["stcrt-2011-3912"]),
        ("12Motie van het lid Klaver c.s. (Kamerstuk 35510-16)", ["kst-35510-16"]),
    ],
)
def test_cli_cite_json_shows_the_ids(text: str, expected: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import main

    assert main(["cite", text, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["canonical"] for c in out] == expected
    for citation in out:
        start, end = citation["span"]
        assert text[start:end] == citation["text"]
