"""The citation grammar: every form from DOMAIN.md, the seed letters and the official samples."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from desktop_app.core.references.parser import parse_citations, vergaderjaar
from tests.conftest import seed_path


def canon(text: str) -> list[str | None]:
    return [c.canonical for c in parse_citations(text)]


def only(text: str):  # noqa: ANN201 - a Citation
    found = parse_citations(text)
    assert len(found) == 1, found
    return found[0]


def assert_spans(text: str) -> None:
    for citation in parse_citations(text):
        start, end = citation.span
        assert text[start:end] == citation.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 28 676, nr. 467", "kst-28676-467"),
        ("Kamerstuk 28676, nr. 467", "kst-28676-467"),
        ("Kamerstuk 28.676, nr. 467", "kst-28676-467"),
        ("Kamerstukken II 2009/10, 27 858, nr. 88, p. 3", "kst-27858-88"),
        ("Kamerstukken I 2008/09, 31 700 VI, D", "kst-31700-VI-D"),
        ("Kamerstuk 36 200-X, nr. 38", "kst-36200-X-38"),
        ("Kamerstuk 36 200 X, nr. 38", "kst-36200-X-38"),
        ("Kamerstuk 36 200–X, nr. 38", "kst-36200-X-38"),
        ("Kamerstukken II 2023/24, 21 501-28, nr. 263", "kst-21501-28-263"),
        ("Kamerstuk 36 123 (R2068), nr. 3", "kst-36123-3"),  # official ids leave the Rijkswet mark out
        ("Kamerstuk 36 200 X, nr. 42e", "kst-36200-X-42e"),
        ("Kamerstukken I 2024/25, 36 600, AB", "kst-36600-AB"),
        ("Tweede Kamer, vergaderjaar 2024–2025, 36 725 X, nr. 4", "kst-36725-X-4"),
        ("Kamerbrief 28 676, nr. 472 van 8 november 2024", "kst-28676-472"),
        ("Kamerstuk 36 592, Nr.1 van 5 september 2024", "kst-36592-1"),
        ("Kamerstuk 31125 nr. 130", "kst-31125-130"),
        ("Kamerstukken II 2020/21, 22 112 nr. 2953", "kst-22112-2953"),
        ("zie 21501-28-296 en", "kst-21501-28-296"),
        ("zie 36410-X-33.", "kst-36410-X-33"),
        ("Kamerstuk 21501-28-296", "kst-21501-28-296"),
        ("footer kst-28676-467 ISSN", "kst-28676-467"),
        ("Handelingen II 2010/11, nr. 108, item 5, p. 25-36", "h-tk-20102011-108-5"),
        ("Handelingen I 2023/24, nr. 41", "h-ek-20232024-41"),
        ("Aanhangsel Handelingen II 2023/24, nr. 872", "ah-tk-20232024-872"),
        ("Aanhangsel van de Handelingen II 2020–2021, nr. 3235", "ah-tk-20202021-3235"),
        ("COM(2024) 150", "com-2024-150"),
        ("JOIN(2024)10", "join-2024-10"),
        ("SWD(2021) 346", "swd-2021-346"),
        ("SEC(2021) 573", "sec-2021-573"),
        ("Staatsblad 2020, 118", "stb-2020-118"),
        ("Stb. 2024, 88", "stb-2024-88"),
        ("Staatscourant 2023, 12345", "stcrt-2023-12345"),
        ("Stcrt. 2024, 9", "stcrt-2024-9"),
        ("motie-Lodders/Geurts (33576, nr. 105)", "kst-33576-105"),
        ("Kamerbrief 2025 0404", "kamerbrief-20250404"),
        ("Activiteitnummer 2024A01333", "2024A01333"),
        ("zaak 2024Z10149", "2024Z10149"),
        ("2024D24009", "2024D24009"),
        ("(Kamerstuk 35 925 X)", "dossier-35925-X"),
        ("Kamerstuk 21501-28", "dossier-21501-28"),
        ("zie kamerstuk 28 676, nr. 467", "kst-28676-467"),
        ("Kamerstukken I/II 2019/20, 35 300, nr. 3", "kst-35300-3"),
        ("Kamerstukken I 2008/09, 31 700 VI, nr. D", "kst-31700-VI-D"),
        ("Kst. 28676-467", "kst-28676-467"),
        ("Handelingen I 2019/20, 12, item 3", "h-ek-20192020-12-3"),
    ],
)
def test_domain_forms_get_their_canonical_id(text: str, expected: str) -> None:
    assert canon(text) == [expected]
    assert_spans(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kamerstuk 28 676, nr. 467", "kamerstuk"),
        ("Kamerbrief 28 676, nr. 472", "kamerstuk"),
        ("Kamerbrief 2025 0404", "kamerbrief"),
        ("Handelingen II 2010/11, nr. 108", "handelingen"),
        ("Aanhangsel Handelingen II 2023/24, nr. 872", "aanhangsel"),
        ("Activiteitnummer 2024A01333", "activiteit"),
        ("2024Z10149", "zaak"),
        ("2024D24009", "document"),
        ("COM(2024) 150", "eu"),
        ("Stb. 2024, 88", "staatsblad"),
        ("Stcrt. 2024, 88", "staatscourant"),
        ("motie-Segers c.s.", "motie"),
        ("(Kamerstuk 35 925 X)", "dossier"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert only(text).kind == kind


def test_kamerstuk_fields() -> None:
    cit = only("1Kamerstukken II 2023/24, 21 501-28, nr. 263 d.d. 3 oktober 2024, p. 3")
    assert cit.text.startswith("Kamerstukken")  # the glued footnote number "1" is not part of it
    assert cit.fields["dossier"] == "21501"
    assert cit.fields["toevoeging"] == "28"
    assert cit.fields["ondernummer"] == "263"
    assert cit.fields["vergaderjaar"] == "20232024"
    assert cit.fields["chamber"] == "tk"
    assert cit.fields["date"] == "2024-10-03"
    assert cit.fields["page"] == "3"


def test_page_before_date_and_page_range() -> None:
    cit = only("Kamerstukken II 2009/10, 27 858, nr. 88, p. 3 van 1 juni 2010")
    assert cit.fields["page"] == "3" and cit.fields["date"] == "2010-06-01"
    assert only("Handelingen II 2010/11, nr. 108, item 5, p. 25-36").fields["page"] == "25-36"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2009/10", "20092010"), ("2024–2025", "20242025"), ("2023/24", "20232024"), ("1999/2000", "19992000"),
     ("2023-2024", "20232024"), ("2023/25", None)],
)  # fmt: skip
def test_vergaderjaar(raw: str, expected: str | None) -> None:
    assert vergaderjaar(raw) == expected


def test_several_numbers_give_one_citation_each_with_the_whole_span() -> None:
    text = "Kamerstukken II 2009/10, 27 858, nrs. 520 en 548."
    found = parse_citations(text)
    assert [c.canonical for c in found] == ["kst-27858-520", "kst-27858-548"]
    assert {c.text for c in found} == {"Kamerstukken II 2009/10, 27 858, nrs. 520 en 548"}
    assert all(c.fields["numbers"] == ["520", "548"] for c in found)
    assert canon("Kamerstuk 28 676, nrs. 1–3") == ["kst-28676-1", "kst-28676-2", "kst-28676-3"]
    assert canon("Kamerstuk 28 676, nrs. 12, 14 t/m 16") == [f"kst-28676-{n}" for n in (12, 14, 15, 16)]


def test_two_dossiers_share_a_number_that_belongs_to_the_first() -> None:
    cit = only("Kamerstukken 28 676 en 29 521, nr. 264")
    assert cit.canonical == "kst-28676-264"
    assert cit.fields["also_dossiers"] == ["29521"]


def test_single_nr_does_not_swallow_a_following_date() -> None:
    assert canon("Kamerstuk 28 676, nr. 38, 17 november 2022") == ["kst-28676-38"]
    assert canon("Kamerstuk 28 676, nrs. 38, 17 november 2022") == ["kst-28676-38"]


def test_dates_are_iso() -> None:
    assert only("Kamerstuk 28 676, nr. 467 van 3 oktober 2024").fields["date"] == "2024-10-03"
    assert only("Kamerstuk 28 676, nr. 467 d.d. 3 oktober 2024").fields["date"] == "2024-10-03"
    assert only("Kamerstuk 28 676, nr. 467 van 31 februari 2024").fields.get("date") is None


def test_a_date_right_before_the_parenthesis_is_kept_as_context_date() -> None:
    cit = only("in lijn met de brief van 25 januari 2024 (Aanhangsel Handelingen II 2023/24, nr. 872) en")
    assert cit.canonical == "ah-tk-20232024-872"
    assert cit.fields["context_date"] == "2024-01-25"
    assert "date" not in cit.fields


def test_superscript_footnote_markers_end_a_citation() -> None:
    # seed 000's body as imported: the marker of footnote 5 is "⁵", glued to the year
    cit = only("zoals gemeld in Kamerstuk 28 676, nr. 467 van 3 oktober 2024⁵ geïnformeerd")
    assert (cit.canonical, cit.fields["date"]) == ("kst-28676-467", "2024-10-03")
    assert cit.text == "Kamerstuk 28 676, nr. 467 van 3 oktober 2024"
    assert only("Kamerstuk 28 676, nr. 467¹² en").text == "Kamerstuk 28 676, nr. 467"
    assert only("Kamerstuk 28 676, nr. 467¹² en").canonical == "kst-28676-467"
    assert canon("Kamerstuk 27 858, nrs. 520⁴ en 548") == ["kst-27858-520", "kst-27858-548"]
    assert canon("(Kamerstuk 35 925 X)¹") == ["dossier-35925-X"]
    assert canon("Staatsblad 2020, 118³ en kst-28676-467¹, 21501-28-296² of 2024A01333⁴") == [
        "stb-2020-118", "kst-28676-467", "kst-21501-28-296", "2024A01333",
    ]  # fmt: skip
    assert only("Handelingen II 2010/11, nr. 108¹").canonical == "h-tk-20102011-108"
    assert only("de motie-Segers c.s.² en").text == "motie-Segers c.s."
    cit = only("de brief van 25 januari 2024⁴ (Aanhangsel Handelingen II 2023/24, nr. 872)")
    assert cit.fields["context_date"] == "2024-01-25"
    # a footnote number glued in front, ASCII or superscript
    for glued in ("1Kamerstukken II 2009/10, 27 858, nr. 88", "¹Kamerstukken II 2009/10, 27 858, nr. 88"):
        assert only(glued).canonical == "kst-27858-88"
        assert only(glued).text == glued[1:]


def test_motions_by_name() -> None:
    cit = only("Met deze brief geeft Defensie invulling aan de motie-Segers c.s.2 en aan")
    assert cit.text == "motie-Segers c.s."
    assert cit.canonical is None
    assert cit.fields["indieners"] == ["Segers"] and cit.fields["cum_suis"] is True
    cit = only("de motie-Lodders/Geurts (33576, nr. 105) vraagt")
    assert cit.fields["indieners"] == ["Lodders", "Geurts"]
    assert only("motie-Van der Lee c.s.").fields["indieners"] == ["Van der Lee"]


@pytest.mark.parametrize(
    "text",
    [
        "24 en 25 juni 2025",
        "Er is brede overeenstemming dat 2% de absolute ondergrens is.",
        "de Capability Targets 2025 (CT25)",
        "op 17-18 oktober 20245 geïnformeerd",
        "op 17-18 oktober 2024⁵ geïnformeerd",
        "in het vierjaarlijkse NAVO-Defensieplanningsproces (NDPP)¹.",
        "Postbus 20701 2500 ES Den Haag",
        "in de Defensienota’s 2022 en 2024",
        "Kamerbrief zo spoedig mogelijk",
        "de Kamerstukken van vorig jaar",
        "Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel",
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2021:726:FIN",
        "tussen 12:00-14:00 en 1.000.000 euro, 070-1234567",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert parse_citations(text) == []


def test_line_breaks_and_odd_spaces_inside_a_citation() -> None:
    text = "(zie Kamerstuk 28\u00a0676,\nnr.   464\nvan 5\naugustus\n2024) en"
    cit = only(text)
    assert cit.canonical == "kst-28676-464"
    assert cit.fields["date"] == "2024-08-05"
    assert text[cit.span[0] : cit.span[1]] == cit.text
    assert cit.text.endswith("2024")
    page_break = "(Kamerstuk \n\n\n\n \n\n \n\n28 676, nr. 449)"
    assert canon(page_break) == ["kst-28676-449"]


def _seed_canonicals(prefix: str) -> list[str | None]:
    return canon(seed_path(prefix).read_text(encoding="utf-8"))


def test_seed_000() -> None:
    # body: motie-Segers c.s.; footnotes 1, 2 (+ the motion named again), 3, 5, 6; footnote 4 cites nothing
    assert _seed_canonicals("000") == [
        None,
        "kst-28676-464",
        "kst-36200-X-38",
        None,
        "kst-28676-464",
        "kst-28676-467",
        "kst-36592-1",
    ]
    found = parse_citations(seed_path("000").read_text(encoding="utf-8"))
    by_canonical = {c.canonical: c for c in found}
    assert by_canonical["kst-28676-467"].fields["date"] == "2024-10-03"
    assert by_canonical["kst-36592-1"].text == "Kamerstuk 36 592, Nr.1 van 5 september 2024"


def test_seeds_001_to_004() -> None:
    assert _seed_canonicals("001") == ["kst-28676-440", "kamerbrief-20250404"]
    assert _seed_canonicals("002") == [
        "2024A01333",
        "kst-28676-440",
        "2024A06001",
        "ah-tk-20232024-872",
        "kst-28676-449",
        "kst-28676-472",
    ]
    assert _seed_canonicals("003") == ["kst-28676-464", "kst-31125-130"]
    assert _seed_canonicals("004") == ["kst-28676-472", "kst-27925-980"]
    for prefix in ("000", "001", "002", "003", "004"):
        assert_spans(seed_path(prefix).read_text(encoding="utf-8"))


def _xml_text_and_links(path: Path) -> tuple[str, list[tuple[str, str]]]:
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    text = " ".join(root.itertext())
    links = [(el.get("doc") or "", "".join(el.itertext())) for el in root.iter("extref") if el.get("doc")]
    return text, links


def test_official_xml_links_are_ground_truth(samples_dir: Path) -> None:
    checked = 0
    for xml in sorted(samples_dir.glob("*.xml")):
        if xml.name.endswith("_metadata.xml"):
            continue
        _, links = _xml_text_and_links(xml)
        for target, label in links:
            if re.match(r"(kst|ah|h|stb|stcrt)-", target):
                assert canon(label) == [target], (xml.name, label)
                checked += 1
    assert checked >= 1  # ah-tk-20202021-3235.xml links "Staatsblad 2020, 118" to stb-2020-118


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_official_samples(samples_dir: Path) -> None:
    fiche = canon(_pdf_text(samples_dir / "bnc-fiche-5_MiFID_rijksoverheid_2021.pdf"))
    for expected in ("com-2021-726", "com-2021-727", "swd-2021-346", "sec-2021-573", "kst-22112-2953",
                     "kst-22112-2876"):  # fmt: skip
        assert expected in fiche
    motie = canon(_pdf_text(samples_dir / "kst-32545-143_motie_2021.pdf"))
    assert motie == ["kst-32545-143", "kst-32545-143"]  # its own id in the footer, twice
    ah = canon(_pdf_text(samples_dir / "ah-tk-20202021-3235_kamervragen_2021.pdf"))
    assert "stb-2020-118" in ah


def test_cli_cite_needs_no_library(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # noqa: ANN001
    import json

    from desktop_app.cli import main

    monkeypatch.setenv("KAMERLEZER_LIBRARY", str(tmp_path / "nothing-here"))
    text = "zie Kamerstuk 28 676, nr. 467 van 3 oktober 2024 en COM(2024) 150"
    assert main(["cite", "--json", text]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["canonical"] for c in out] == ["kst-28676-467", "com-2024-150"]
    assert out[0]["fields"]["date"] == "2024-10-03"
    start, end = out[0]["span"]
    assert text[start:end] == out[0]["text"]
    assert main(["cite", "geen verwijzing hier"]) == 0
    assert "no citations found" in capsys.readouterr().out
    assert not (tmp_path / "nothing-here").exists()  # no library was opened or created


@pytest.mark.timeout(60)  # a guard against catastrophic backtracking (minutes), not a speed assertion
def test_long_runs_of_whitespace_and_separators_stay_linear() -> None:
    n = 100_000
    hostile = [
        " " * n + "Kamerstuk" + " " * n,
        "Kamerstukken II 2009/10" + "\n" * n + "x",
        "Kamerstuk 28 676, nrs. 4" + " " * n + "x",
        "Activiteitnummer" + " " * n + "x",
        "Kamerstuk 28 676" + " , " * n,
        "motie-Segers (" + "\u00a0" * n + "x",
        "Kamerstuk " * 20_000,
        "van 3 oktober 2024 (" * 10_000,
    ]
    for text in hostile:
        assert_spans(text)
