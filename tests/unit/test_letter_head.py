"""The letter head (issue 11): the subject is the Betreft/Onderwerp field only, the body starts at the
salutation or right after the subject block; signatories; official heads."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.importing import parse_text, read_file
from tests.conftest import seed_path

SEED_003_SUBJECT = "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie op 17 en 18 oktober 2024 in Brussel"


def _without_salutation(prefix: str) -> str:
    text = seed_path(prefix).read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if not ln.strip().startswith("Geachte voorzitter")]
    assert len(lines) < len(text.split("\n")), "the seed has a salutation to remove"
    return "\n".join(lines)


def test_txt_letter_without_salutation_keeps_its_body(tmp_path: Path) -> None:
    path = tmp_path / "zonder_aanhef.txt"
    path.write_text(_without_salutation("003"), encoding="utf-8")
    letter = read_file(path)
    assert letter.subject == SEED_003_SUBJECT  # wrapped over a blank line, as the seed has it
    assert letter.text.startswith("Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst")
    assert letter.date == "2024-10-03"
    assert letter.chamber == "Eerste Kamer"
    assert letter.signatory == "Ruben Brekelmans"
    with_salutation = read_file(seed_path("003"))
    assert letter.text == with_salutation.text


def test_txt_seed_subjects_unchanged() -> None:
    assert read_file(seed_path("003")).subject == SEED_003_SUBJECT
    assert read_file(seed_path("001")).subject == (
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie in Brussel op 5 juni 2025"
    )


LETTER_2011 = """> Retouradres Postbus 20301 2500 EH Den Haag

Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG

Datum 1 maart 2011
Onderwerp Draagmoederschap

Draagmoederschap is een complex onderwerp waar de samenleving zich
betrokken bij voelt. De toenmalige minister heeft in zijn brief
(Kamerstukken II 2009/10, 32 123 XVI, nr. 30) een onderzoek aangekondigd.

Rapport
In het rapport wordt eerst de situatie in Nederland besproken.
"""


def test_onderwerp_without_salutation_body_starts_after_the_subject() -> None:
    letter = parse_text(LETTER_2011, source_file="brief.txt", content_hash="x")
    assert letter.subject == "Draagmoederschap"
    assert letter.text.startswith("Draagmoederschap is een complex onderwerp")
    assert "32 123 XVI, nr. 30" in letter.text
    assert letter.date == "2011-03-01"


def test_wrapped_subject_stops_at_a_one_line_paragraph_and_at_a_heading() -> None:
    sentence = LETTER_2011.replace(
        "Onderwerp Draagmoederschap\n",
        "Betreft Verslag van de bijeenkomst van de Navo-ministers van Defensie\nop 24 en 25 juni 2015 te Brussel\n",
    ).replace(
        "Draagmoederschap is een complex onderwerp waar de samenleving zich\n",
        "Op 24 en 25 juni jl. kwamen de Navo-ministers bijeen.\n\nDraagmoederschap is een complex\n",
    )
    letter = parse_text(sentence, source_file="brief.txt", content_hash="x")
    assert letter.subject == "Verslag van de bijeenkomst van de Navo-ministers van Defensie op 24 en 25 juni 2015 te Brussel"
    assert letter.text.startswith("Op 24 en 25 juni jl. kwamen")

    heading = LETTER_2011.replace("Draagmoederschap is een", "Inleiding\nDraagmoederschap is een")
    letter = parse_text(heading, source_file="brief.txt", content_hash="x")
    assert letter.subject == "Draagmoederschap"
    assert letter.text.startswith("Inleiding\n\nDraagmoederschap is een complex")


def test_lone_onderwerp_label_and_date_under_its_label() -> None:
    head = (
        "De Minister van Volksgezondheid, Welzijn en Sport\nPostbus 20350\n2500 EJ Den Haag\n\n"
        "Datum Ons kenmerk\n06 augustus 2020 z2020-11824\n\nOnderwerp\n"
        "Advies op voorafgaande raadpleging COVID19 notificatie-app\n\n"
        "Samenvatting\nDe Autoriteit Persoonsgegevens heeft op 7 juli 2020 een verzoek ontvangen.\n"
    )
    letter = parse_text(head, source_file="ap.txt", content_hash="x")
    assert letter.subject == "Advies op voorafgaande raadpleging COVID19 notificatie-app"
    assert letter.text.startswith("Samenvatting\n\nDe Autoriteit Persoonsgegevens")
    assert letter.date == "2020-08-06"


def test_signatories_under_titles_over_lines_and_in_staggered_columns() -> None:
    from desktop_app.core.importing.metadata import find_signatory

    assert find_signatory(["Tekst.", "DE STAATSSECRETARIS VAN DEFENSIE", "mr. drs. C.A. van der Maat"]) == (
        "mr. drs. C.A. van der Maat"
    )
    assert find_signatory(["Hoogachtend,", "de minister van Volksgezondheid,", "Welzijn en Sport,", "Ernst Kuipers"]) == (
        "Ernst Kuipers"
    )
    staggered = [
        "Hoogachtend,", "De Minister van Financiën", "De Minister van Sociale Zaken en", "Werkgelegenheid",
        "Sigrid A.M. Kaag", "C.E.G. van Gennip", "De minister voor Volkshuisvesting en", "Ruimtelijke Ordening",
        "R.A.A. Jetten", "H.M. de Jonge", "Bijlage: een tabel met de maatregelen per departement.",
    ]  # fmt: skip
    assert find_signatory(staggered) == "Sigrid A.M. Kaag; C.E.G. van Gennip; R.A.A. Jetten; H.M. de Jonge"
    assert find_signatory(
        ["De vicepresident van de Raad van State, Th. C. De Graaf", "Ik moge U verzoeken.",
         "De Minister van Volksgezondheid, Welzijn en Sport,", "H.M. de Jonge"]
    ) == "Th. C. De Graaf"  # the first block; the nader rapport's block comes later
    closing = ["Hoogachtend,", "Autoriteit Persoonsgegevens, Namens deze,",
               "ir. C.M. Schut, MPA Directeur Systeemtoezicht Postbus 93374, 2509 AJ Den Haag"]  # fmt: skip
    assert find_signatory(closing) == "ir. C.M. Schut, MPA"
    assert find_signatory(["De minister van Financiën heeft dit gezegd.", "Welzijn en Sport"]) is None


AANHANGSEL = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2023–2024 Aanhangsel van de Handelingen

Vragen gesteld door de leden der Kamer, met de daarop door de
regering gegeven antwoorden

2271

Vragen van het lid Westerveld (GroenLinks-PvdA) aan de Staatssecretaris van
Volksgezondheid, Welzijn en Sport over eetstoornissen (ingezonden 21 juni 2024).

Antwoord van Staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport
– Jeugd, Preventie en Sport) (ontvangen 12 augustus 2024). Zie ook
Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147.

Vraag 1
Bent u bekend met de opmerkingen van uw ambtsvoorgangers?

Antwoord 1
Ja.

ah-tk-20232024-2271
ISSN 0921 - 7398
’s-Gravenhage 2024
"""


def test_aanhangsel_answering_minister_and_body_from_the_first_question() -> None:
    letter = parse_text(AANHANGSEL, source_file="ah.txt", content_hash="x")
    assert letter.kamerstuk == "ah-tk-20232024-2271"
    assert letter.signatory == "Staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport)"
    assert letter.date == "2024-08-12"
    assert letter.subject.startswith("Vragen van het lid Westerveld")


BESLUITENLIJST = """Den Haag, 28 oktober 2016

Voortouwcommissie: vaste commissie voor Financiën

Volgcommissie(s): BuHa-OS i.v.m. agendapunt 14, 24
BuZa i.v.m. agendapunt 3, 5, 35

Document: Besluitenlijst van de procedurevergadering van woensdag 26
oktober 2016

Besluitenlijst vorige vergadering(en)

1. Agendapunt: De besluitenlijst van de procedurevergadering van 12 oktober 2016
wordt vastgesteld.
"""


def test_besluitenlijst_head() -> None:
    letter = parse_text(BESLUITENLIJST, source_file="besluitenlijst.txt", content_hash="x")
    assert letter.subject == "Besluitenlijst van de procedurevergadering van woensdag 26 oktober 2016"
    assert letter.date == "2016-10-28"
    assert letter.chamber == "Tweede Kamer"
    assert letter.text.startswith("Besluitenlijst vorige vergadering(en)\n\n1. Agendapunt")


def test_addressee_over_two_lines_names_the_chamber() -> None:
    text = LETTER_2011.replace(
        "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal",
        "Aan de Voorzitter van de\nTweede Kamer der Staten-Generaal",
    )
    assert parse_text(text, source_file="brief.txt", content_hash="x").chamber == "Tweede Kamer"


def test_aanhangsel_head_is_not_body() -> None:
    letter = parse_text(AANHANGSEL, source_file="ah.txt", content_hash="x")
    assert letter.text.startswith("Vraag 1\n\nBent u bekend met de opmerkingen")
    for head in ("Vragen gesteld door", "Vragen van het lid", "Antwoord van", "ingezonden", "2271\n"):
        assert head not in letter.text
    assert letter.kind == "antwoord"


MOTION = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2020–2021

32 545 Wet- en regelgeving financiële markten

Nr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS
Voorgesteld 6 juli 2021

De Kamer,

gehoord de beraadslaging,

verzoekt de regering, om een grensspaarsaldo te definiëren,

en gaat over tot de orde van de dag.

Inge van Dijk
Grinwis

kst-32545-143
ISSN 0921 - 7371
’s-Gravenhage 2021
"""

ADVICE = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2019–2020

35 538 Tijdelijke bepalingen in verband met de inzet
van een notificatieapplicatie (Tijdelijke wet
notificatieapplicatie covid-19)

Nr. 4 ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER
RAPPORT1

Hieronder zijn opgenomen het advies van de Afdeling advisering van de
Raad van State en het nader rapport.

De vicepresident van de Raad van State, Th. C. De Graaf

Ik moge U verzoeken het hierbij gevoegde voorstel van wet te zenden.

De Minister van Volksgezondheid, Welzijn en Sport,

H.M. de Jonge

1 Zie de ter inzage gelegde stukken.

kst-35538-4
ISSN 0921 - 7371
’s-Gravenhage 2020
"""


def test_kamerstuk_dossier_and_nr_lines_are_head_not_body() -> None:
    motion = parse_text(MOTION, source_file="motie.txt", content_hash="x")
    assert motion.subject == "Wet- en regelgeving financiële markten; MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"
    assert motion.text.startswith("De Kamer,")
    assert "32 545" not in motion.text and "Voorgesteld" not in motion.text and "Nr. 143" not in motion.text
    assert motion.kind == "motie" and motion.date == "2021-07-06"

    advice = parse_text(ADVICE, source_file="advies.txt", content_hash="x")
    assert advice.subject == (
        "Tijdelijke bepalingen in verband met de inzet van een notificatieapplicatie (Tijdelijke wet "
        "notificatieapplicatie covid-19); ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT"
    )
    assert advice.text.startswith("Hieronder zijn opgenomen het advies")
    assert "RAPPORT" not in advice.text
    assert advice.signatory == "Th. C. De Graaf; H.M. de Jonge"


def test_a_letter_that_mentions_a_kamerstuk_keeps_its_opening() -> None:
    text = LETTER_2011.replace(
        "Draagmoederschap is een complex onderwerp waar de samenleving zich\n",
        "Zie https://zoek.officielebekendmakingen.nl/kst-32123-XVI-30 voor de brief.\n"
        "Nr. 30 van dat dossier gaat over draagmoederschap, een onderwerp waar de samenleving zich\n",
    )
    letter = parse_text(text, source_file="brief.txt", content_hash="x")
    assert letter.text.startswith("Zie https://zoek.officielebekendmakingen.nl/kst-32123-XVI-30 voor de brief.")
    assert letter.subject == "Draagmoederschap"


HEAD_CITES = """> Retouradres Postbus 20350 2500 EJ Den Haag

De Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG

Datum 12 februari 2024
Ons kenmerk 3461322-1039004-MEVA
Uw kenmerk 2024Z01234
Betreft Antwoord op uw verzoek over de wachtlijsten

Geachte voorzitter,

Hierbij reageer ik op uw verzoek over de wachtlijsten in de jeugdzorg.

Hoogachtend,

de minister van Volksgezondheid, Welzijn en Sport,

Conny Helder
"""


def test_head_keeps_its_citing_fields_and_not_the_senders_number() -> None:
    letter = parse_text(HEAD_CITES, source_file="uw_kenmerk.txt", content_hash="x")
    assert letter.head == "Uw kenmerk 2024Z01234"
    assert "2024Z01234" not in letter.text  # the head stays out of the body
    assert letter.subject == "Antwoord op uw verzoek over de wachtlijsten"


def test_side_column_values_below_their_label_and_aanhangsel_remark() -> None:
    from desktop_app.core.importing.metadata import head_references

    side = ["Ons kenmerk", "3461322-1039004-MEVA", "Bijlage(n)", "1", "Uw kenmerk", "2022Z20676", "2023Z01460",
            "Correspondentie uitsluitend", "richten aan het retouradres"]  # fmt: skip
    assert head_references(side + side) == ["Uw kenmerk 2022Z20676 2023Z01460"]  # every page's column: once
    assert head_references(["Uw brief (kenmerk)", "Directie Algemene"]) == []  # a label without a value
    letter = parse_text(AANHANGSEL, source_file="ah.txt", content_hash="x")
    assert letter.head == "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147."
    assert "Zie ook" not in letter.text
    assert parse_text(MOTION, source_file="m.txt", content_hash="x").head == ""
