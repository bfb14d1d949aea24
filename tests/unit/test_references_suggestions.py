"""Suggestions a policy officer can trust, inferred own ids and official addresses, on a library of
the five bundled letters plus unrelated real documents (the official samples: the MiFID fiche
bnc-fiche-5, a motion, answers to written questions; and the real letters in tests/data/real when
the repository has them)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.export.summary import source_info
from desktop_app.core.importing import read_file
from desktop_app.core.references.addresses import official_address
from desktop_app.core.references.parser import parse_citations
from desktop_app.core.services import Library
from desktop_app.render.common import source_details
from tests.conftest import ROOT, SAMPLES, SEEDS
from tests.libraries import seeded_copy
from tests.unit.test_references_service import (
    check_ct25_suggestions,
    check_date_resolution,
    footnote_ref,
    seed,
)

REAL = ROOT / "tests" / "data" / "real"


def _documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.pdf") if "no-textlayer" not in p.name)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(seeded_copy(tmp_path / "lib"), search=False)
    yield lib
    lib.close()


def _check_no_suggestion_from_a_seed_to_another_letter(library: Library) -> None:
    seeds = {s.id for s in library.list_letters() if (SEEDS / s.source_file).is_file()}
    others = {s.id for s in library.list_letters()} - seeds
    assert others, "no unrelated letter was imported"
    for ref in library.references.all_references():
        if ref.letter_id in seeds:
            proposed = {lid for lid, _, _ in ref.suggestions} | {ref.target_letter_id}
            assert not proposed & others, (ref.raw, ref.status, ref.reason, ref.suggestions)


def _check_shared_words_are_distinctive(library: Library) -> None:
    """Every suggestion names at least three shared words, none of them common prose."""
    from desktop_app.core.references.vocabulary import bundled_vocabulary

    common = bundled_vocabulary().common
    for ref in library.references.all_references():
        for _, _, why in ref.suggestions:
            words = why.removeprefix("shares ").split(", ")
            assert len(words) >= 3 and not set(words) & common, why


def test_unrelated_samples_get_no_suggestion_and_the_seed_graph_holds(library: Library) -> None:
    report = library.import_paths(_documents(SAMPLES))
    assert {letter.name for letter in report.imported} >= {"bnc-fiche-5_MiFID_rijksoverheid_2021"}
    _check_no_suggestion_from_a_seed_to_another_letter(library)
    _check_shared_words_are_distinctive(library)
    check_date_resolution(library)  # 000 -> 003 by date
    check_ct25_suggestions(library)  # 002 and 004 -> 000 suggested, first
    fiche = library.get_letter("bnc-fiche-5_MiFID_rijksoverheid_2021")
    assert library.references.cited_by(fiche) == []


@pytest.mark.skipif(not _documents(REAL), reason="tests/data/real holds no real letters in this checkout")
def test_real_letters_get_no_suggestion_from_a_nato_letter(library: Library) -> None:
    library.import_paths(_documents(SAMPLES) + _documents(REAL))
    _check_no_suggestion_from_a_seed_to_another_letter(library)
    _check_shared_words_are_distinctive(library)
    check_date_resolution(library)
    check_ct25_suggestions(library)


def test_a_letter_of_the_cited_day_about_something_else_is_not_the_cited_kamerstuk(
    library: Library, tmp_path: Path
) -> None:
    """000 cites "Kamerstuk 28 676, nr. 464 van 5 augustus 2024": the answers to written questions
    (pensions), dated that day, are the only letter of the day, but 28 676 is the NAVO dossier."""
    answers = read_file(SAMPLES / "ah-tk-20202021-3235_kamervragen_2021.pdf")
    path = tmp_path / "antwoorden_5_augustus.txt"
    path.write_text(f"Datum 5 augustus 2024\nBetreft {answers.subject}\n\n{answers.text}\n", encoding="utf-8")
    (imported,) = library.import_paths([path]).imported
    assert library.get_letter(imported.id).date == "2024-08-05"
    ref = footnote_ref(library, "000", 1)
    assert ref.canonical == "kst-28676-464"
    assert ref.target_letter_id is None and ref.status == "missing", (ref.status, ref.reason)
    assert library.get_letter(imported.id).inferred_kamerstuk is None


def test_003_is_inferred_to_be_kst_28676_467(library: Library) -> None:
    letter = seed(library, "003")
    assert (letter.kamerstuk, letter.inferred_kamerstuk) == (None, "kst-28676-467")
    assert letter.inferred_reason == (
        f'{seed(library, "000").name} cites "Kamerstuk 28 676, nr. 467 van 3 oktober 2024": '
        "the only letter dated 3 oktober 2024"
    )
    assert [s.kamerstuk_label for s in library.list_letters() if s.id == letter.id] == ["kst-28676-467?"]
    others = [s for s in library.list_letters() if s.id != letter.id]
    assert not any(s.inferred_kamerstuk for s in others)  # 000 is only suggested for nr. 472
    # an export names it, marked as inferred
    details = source_details(source_info(letter, 1, 0))
    assert "Kamerstuk 28 676, nr. 467 (inferred from a citation)" in details


def test_confirming_the_inferred_id_makes_it_the_letters_own(library: Library) -> None:
    letter = library.confirm_inferred_kamerstuk(seed(library, "003").name)
    assert (letter.kamerstuk, letter.kamerstuk_source, letter.inferred_kamerstuk) == ("kst-28676-467", "user", None)
    ref = footnote_ref(library, "000", 5)
    assert (ref.status, ref.target_letter_id, ref.confidence) == ("resolved", letter.id, 1.0)


def test_clearing_the_inferred_id_unlinks_its_citations_for_good(library: Library) -> None:
    letter = library.clear_inferred_kamerstuk(seed(library, "003").name)
    assert letter.inferred_kamerstuk is None and letter.kamerstuk is None
    ref = footnote_ref(library, "000", 5)
    assert ref.target_letter_id is None and letter.id not in [s[0] for s in ref.suggestions]
    library.references.resolve_all()  # a full pass keeps the user's word
    assert library.get_letter(letter.id).inferred_kamerstuk is None
    assert "kst-28676-467" in {m.canonical for m in library.references.missing()}
    with pytest.raises(Exception, match="No Kamerstuk id is inferred"):
        library.clear_inferred_kamerstuk(letter.id)


def test_cli_shows_confirms_and_clears_the_inferred_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import main

    folder = str(seeded_copy(tmp_path / "lib"))
    name = next(p.stem for p in SEEDS.glob("003_*.txt"))
    assert main(["--library", folder, "show", name]) == 0
    shown = capsys.readouterr().out
    assert "Kamerstuk:  kst-28676-467 (inferred: " in shown and "the only letter dated 3 oktober 2024" in shown
    assert main(["--library", folder, "show", name, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["kamerstuk"], data["inferred_kamerstuk"]) == (None, "kst-28676-467")
    assert "3 oktober 2024" in data["inferred_reason"]
    assert main(["--library", folder, "list"]) == 0
    listed = capsys.readouterr().out
    assert "kst-28676-467?" in listed and "inferred from a citation" in listed
    assert main(["--library", folder, "list", "--json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows[name]["inferred_kamerstuk"] == "kst-28676-467"
    assert main(["--library", folder, "letter", "id", name, "--confirm", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["kamerstuk"], data["kamerstuk_source"], data["inferred_kamerstuk"]) == ("kst-28676-467", "user", None)
    assert main(["--library", folder, "letter", "id", name, "--clear"]) == 1  # nothing inferred any more
    assert "No Kamerstuk id is inferred" in capsys.readouterr().err


def test_missing_documents_carry_their_official_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import main

    folder = str(seeded_copy(tmp_path / "lib"))
    assert main(["--library", folder, "import", str(SAMPLES / "bnc-fiche-5_MiFID_rijksoverheid_2021.pdf")]) == 0
    capsys.readouterr()
    assert main(["--library", folder, "refs", "--missing", "--json"]) == 0
    missing = {m["canonical"]: m for m in json.loads(capsys.readouterr().out)}
    assert missing["kst-28676-464"]["address"] == "https://zoek.officielebekendmakingen.nl/kst-28676-464"
    assert missing["ah-tk-20232024-872"]["address"] == "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-872"
    for canonical, doc in missing.items():
        assert doc["address"] == official_address(canonical)
        if canonical.startswith(("kst-", "ah-", "stb-")):
            assert doc["address"] == f"https://zoek.officielebekendmakingen.nl/{canonical}"
    assert main(["--library", folder, "refs", "--missing"]) == 0
    text = capsys.readouterr().out
    assert "    https://zoek.officielebekendmakingen.nl/kst-28676-464\n" in text


@pytest.mark.parametrize(
    ("citation", "address"),
    [
        ("Kamerstukken II 2019/20, 35 300 X, nr. 8", "https://zoek.officielebekendmakingen.nl/kst-35300-X-8"),
        ("Kamerstuk 21 501-28, nr. 263", "https://zoek.officielebekendmakingen.nl/kst-21501-28-263"),
        ("Aanhangsel Handelingen II 2023/24, nr. 872", "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-872"),
        ("Handelingen II 2010/11, nr. 108, item 5", "https://zoek.officielebekendmakingen.nl/h-tk-20102011-108-5"),
        ("Staatsblad 2020, 118", "https://zoek.officielebekendmakingen.nl/stb-2020-118"),
        ("Stcrt. 2024, 5", "https://zoek.officielebekendmakingen.nl/stcrt-2024-5"),
        ("COM(2021) 726", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:2021:726:FIN"),
        ("SWD(2021) 346", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=SWD:2021:346:FIN"),
        ("Kamerbrief 2025 0404", None),
        ("Activiteitnummer 2024A01333", None),
        ("(Kamerstuk 35 925 X)", None),
    ],
)
def test_official_address_per_kind(citation: str, address: str | None) -> None:
    (parsed,) = parse_citations(citation)
    assert official_address(parsed.canonical) == address


def test_an_old_library_is_resolved_again_by_the_current_rules(tmp_path: Path) -> None:
    """A library from before inferred ids (schema v2): opening it resolves every citation again."""
    import shutil

    target = tmp_path / "v2"
    shutil.copytree(ROOT / "tests" / "data" / "libraries" / "v2", target)
    with Library.open(target, search=False) as library:
        assert seed(library, "003").inferred_kamerstuk == "kst-28676-467"
