"""Letter metadata: the letter-head block, dates, subject, chamber, signatory, kind, kamerstuk.

Only what the document states is taken: a letter without a "Datum" line, a side-column date or an
official dateline ("Den Haag, 3 oktober 2024") gets ``date=None``; dates in the body are never used.

The head rules (issue 11):

- Subject: the "Betreft"/"Onderwerp" field (a besluitenlijst's "Document:" field) only. It wraps
  over the lines that follow it, at most four; past a blank line only with one short line that ends
  no sentence after a line broken mid-phrase ("... NAVO-ministers van" / "" / "Defensie op ...") or
  right before the salutation. A paragraph, a sentence, a heading, the salutation or another label
  ends it. A lone "Onderwerp" label has its text on the next line.
- Body: starts after the salutation when there is one, else right after the subject block (and
  after a "Datum" line below it). Official publications: after the dossier line and the "Nr. ..."
  title (with "Voorgesteld ..."), for an Aanhangsel after the "Antwoord van ... (ontvangen ...)"
  line, so at "Vraag 1".
- Signatory: the names of the first signature block (a title "De Minister van ...", possibly over
  lines, then the name; several titles and names, also in staggered columns: all names, joined
  with "; "); an official advice with its nader rapport: every block's names; without a title, the
  name after the closing ("Hoogachtend,"); an Aanhangsel: the answering minister(s) ("Antwoord van
  Minister Helder (Volksgezondheid, Welzijn en Sport)" -> "Minister Helder (...)").
- Chamber: the addressee (also over two lines); a committee's besluitenlijst (voortouwcommissie)
  is the Tweede Kamer's.
- Head references (``ParsedLetter.head``, see :func:`head_references`): the head's fields that cite
  other documents, kept as text for the citation parser: "Uw kenmerk" / "Uw brief" / "Uw referentie"
  with their values (also over the lines below the label, as a side column prints them), and an
  Aanhangsel answer line's "Zie ook ..." remark. "Ons kenmerk" is the sender's own number, no citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_DATE = re.compile(r"\b(\d{1,2})\s+([a-zA-Z]{3,9})\.?\s+(\d{4})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
SALUTATION = re.compile(r"^\s*(?:Zeer\s+|Hoog)?[Gg]eachte\b.{0,60},?\s*$")
_DATUM = re.compile(r"^\s*Datum\b[:\s]*(.*)$")
# The subject field: "Betreft", "Onderwerp" (older letters), "Document:" (a committee's besluitenlijst)
_BETREFT = re.compile(r"^\s*(?:(?:Betreft|Onderwerp)\b[:\s]*|Document:\s*)(.*)$")
_OTHER_LABEL = re.compile(
    r"^\s*(?:Datum|Ons kenmerk|Onze referentie|Uw kenmerk|Uw brief|Kenmerk|Bijlage\(n\)|Bijlagen?\b"
    r"|Contactpersoon|Inlichtingen|Doorkiesnummer|Behandeld door|Pagina|Voortouwcommissie:"
    r"|Volgcommissie\(s\):)"
)
_CHAMBER = re.compile(r"\b(Eerste|Tweede)\s+Kamer\b")
_ADDRESSEE = re.compile(r"Voorzitter\s+van\s+de\s+(Eerste|Tweede)\s+Kamer", re.IGNORECASE)
DATELINE = re.compile(r"^\s*(?:Den Haag|'s-Gravenhage|’s-Gravenhage),?\s+(\d{1,2}\s+\w+\.?\s+\d{4})\s*$")
RETOURADRES = re.compile(r"^\s*(?:[\w ]{0,24}>)?\s*>?\s*Retouradres\b")
SIGNATURE_TITLE = re.compile(
    r"^\s*(?:DE|De|de)\s+(?:MINISTER|Minister|minister|STAATSSECRETARIS|Staatssecretaris|staatssecretaris)"
    r"(?:-PRESIDENT|-president)?\b[^.;:!?]{0,90},?\s*$"
)
CLOSING = re.compile(r"^\s*(?:Hoogachtend|Met vriendelijke groet(?:en)?|Met de meeste hoogachting),?\s*$")
KAMERSTUK_ID = re.compile(r"\b(kst-\d{5}(?:-[A-Za-z0-9]+)*-[0-9]+[a-z]?|ah-[te]k-\d{8}-\d+|h-[te]k-\d{8}-\d+(?:-\d+)?)\b")
_DOSSIER_LINE = re.compile(r"^\s*(\d{2}[ .]?\d{3})(?:[ -]([IVXLC]+|[A-Z]|\d{1,3}))?\b")
_NR_LINE = re.compile(r"^\s*Nr\.\s*(\d+[a-z]?|[A-Z]{1,2})\b\s*(.*)$")


@dataclass
class Header:
    """What the letter-head block (and a PDF side column) says."""

    date: str | None = None
    subject: str | None = None
    chamber: str | None = None
    body_start: int = 0  # index of the first body line after the head block
    removed: list[int] = field(default_factory=list)  # head-block line indexes (metadata, not body)


def parse_dutch_date(text: str) -> str | None:
    """ISO date of the first Dutch date ("3 oktober 2024", "03-10-2024") in ``text``."""
    match = _DATE.search(text)
    if match:
        month = MONTHS.get(match.group(2).lower())
        if month:
            return _iso(int(match.group(3)), month, int(match.group(1)))
    match = _NUMERIC_DATE.search(text)
    if match:
        return _iso(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1800 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _blank(line: str) -> bool:
    return not line.strip()


def parse_header(lines: list[str], *, search_limit: int = 60) -> Header:
    """Find the letter-head block at the start of ``lines``.

    The block runs to the salutation ("Geachte voorzitter,") when there is one, else to the end of
    the Betreft lines. Lines before it (Retouradres, addressee, Datum, Betreft) are metadata.
    """
    header = Header()
    limit = min(len(lines), search_limit)
    salutation = next((i for i in range(limit) if SALUTATION.match(lines[i])), None)
    betreft = next((i for i in range(limit) if _BETREFT.match(lines[i])), None)
    datum = next((i for i in range(limit) if _dated_label(lines, i)), None)
    if salutation is None and betreft is None and datum is None:
        return header
    if datum is not None:
        header.date = _dated_label(lines, datum)
        if not _DATE.search(lines[datum]):
            datum += 1  # "Datum" on its own line, the date on the next
    end = salutation + 1 if salutation is not None else 0
    if betreft is not None:
        subject, subject_end = _subject(lines, betreft, salutation)
        header.subject = subject or None
        end = max(end, subject_end)
    if datum is not None:
        end = max(end, datum + 1)
    # the addressee may wrap: "Aan de Voorzitter van de" / "Tweede Kamer der Staten-Generaal"
    addressee = _ADDRESSEE.search(" ".join(line.strip() for line in lines[:end]))
    if addressee:
        header.chamber = f"{addressee.group(1).capitalize()} Kamer"
    header.body_start = end
    header.removed = list(range(end))
    return header


def _dated_label(lines: list[str], i: int) -> str | None:
    """The date of a "Datum 3 oktober 2024" line, or of a lone "Datum" label and the next line."""
    match = _DATUM.match(lines[i])
    if not match:
        return None
    rest = match.group(1).strip()
    if rest and parse_dutch_date(rest):
        return parse_dutch_date(rest)
    if rest and not _OTHER_LABEL.match(rest):
        return None
    # "Datum" alone, or labels side by side ("Datum Ons kenmerk") with their values on the next
    # line ("06 augustus 2020 z2020-11824"): the date opens that line
    if i + 1 < len(lines):
        following = lines[i + 1].strip()
        if _DATE.fullmatch(following) or (rest and _DATE.match(following)):
            return parse_dutch_date(following)
    return None


# A head field that names the addressee's (the Kamer's) documents: its values are citations.
_CITING_LABEL = re.compile(
    r"^\s*(Uw\s+kenmerk|Uw\s+brief(?:\s+\(kenmerk\)|\s+van)?|Uw\s+referentie)(?![\w(])[:\s]*(.*)$", re.IGNORECASE
)
_SIDE_STOP = re.compile(r"^\s*(?:Correspondentie|Bezoekadres|Postadres|Contactpersoon|T\s|F\s|www\.)", re.IGNORECASE)


def head_references(lines: list[str]) -> list[str]:
    """The head's citing fields, one line each: "Uw kenmerk 2022Z20676 2023Z01460". A value may
    stand on the label's line or on the lines below it (a side column: "Uw kenmerk" / "2022Z20676" /
    "2023Z01460"); those lines are short, hold a digit and are no other label. The same field printed
    on several pages is kept once."""
    out: list[str] = []
    for i, line in enumerate(lines):
        match = _CITING_LABEL.match(line)
        if not match:
            continue
        rest = match.group(2).strip()
        values = [rest] if re.search(r"\d", rest) else []  # "Uw brief (kenmerk)" with no value is no field
        for following in lines[i + 1 : i + 6]:
            text = following.strip()
            if (
                not text
                or len(text) > 40
                or not re.search(r"\d", text)
                or _OTHER_LABEL.match(text)
                or _CITING_LABEL.match(text)
                or _SIDE_STOP.match(text)
                or _BETREFT.match(text)
            ):
                break
            values.append(text)
        if values:
            field_text = " ".join([" ".join(match.group(1).split()), *values])
            if field_text not in out:
                out.append(field_text)
    return out


def _subject(lines: list[str], start: int, stop: int | None) -> tuple[str, int]:
    """The Betreft/Onderwerp field: its line and the lines that wrap it.

    The field may wrap over following lines (a lone "Onderwerp" label has its text on the next
    line). Past a blank line it goes on only with one short line that ends no sentence after a line
    broken mid-phrase (a double-spaced text file: "... NAVO-ministers van" / "" / "Defensie op 17 en
    18 oktober 2024"), never with a paragraph, a sentence, a heading or the salutation: the body
    starts there.
    """
    first = _BETREFT.match(lines[start])
    parts = [first.group(1).strip()] if first and first.group(1).strip() else []
    limit = stop if stop is not None else min(len(lines), start + 12)
    i = start + 1
    end = start + 1
    if not parts:  # a lone label: the text is on the next non-blank line
        while i < limit and _blank(lines[i]):
            i += 1
        if i < limit and not _ends_subject(lines[i]):
            parts.append(lines[i].strip())
            end = i = i + 1
    while i < limit and len(parts) < 4:  # a subject of more than four lines is a body read as one
        line = lines[i]
        if _ends_subject(line):
            break
        if not _blank(line):
            parts.append(line.strip())
            end = i = i + 1
            continue
        nxt = i
        while nxt < limit and _blank(lines[nxt]):
            nxt += 1
        if nxt >= limit or not parts or not _wrapped_past_blank(lines, parts[-1], nxt, limit, stop):
            break
        parts.append(lines[nxt].strip())
        end = i = nxt + 1
    subject = " ".join(p for p in parts if p)
    return re.sub(r"\s+", " ", subject).strip(), end


# Words a subject line breaks after when its text goes on (Dutch function words).
_WRAP_WORDS = frozenset(
    "van de het een en op in voor met over te aan bij tot om uit naar door of als inzake"
    " betreffende ter der den des tegen tussen onder".split()
)


def _ends_subject(line: str) -> bool:
    """A line that is no part of the subject: another label, the salutation, the Retouradres."""
    return bool(_OTHER_LABEL.match(line) or SALUTATION.match(line) or RETOURADRES.match(line))


def _wrapped_past_blank(lines: list[str], previous: str, nxt: int, limit: int, stop: int | None) -> bool:
    """True when the line at ``nxt`` (after blank lines) still belongs to the subject: one line on
    its own, ending no sentence, after a subject line broken mid-phrase or right before the
    salutation."""
    line = lines[nxt].strip()
    if _ends_subject(line) or len(line) > 100 or re.search(r"[.!?:;]$", line):
        return False
    after = nxt + 1
    if after < len(lines) and not _blank(lines[after]) and not SALUTATION.match(lines[after]):
        return False  # a paragraph or a heading with its paragraph: the body
    last_word = previous.split()[-1].lower() if previous.split() else ""
    if last_word in _WRAP_WORDS or previous.endswith(("-", ",")):
        return True
    following = after
    while following < len(lines) and _blank(lines[following]):
        following += 1
    return stop is not None and following >= stop


_ADDRESSEE_LINE = re.compile(r"^\s*(?:Aan\s+)?de\s+Voorzitter\s+van\s+de\s+(Eerste|Tweede)\s+Kamer\b", re.I)


def chamber_from_lines(lines: list[str]) -> str | None:
    """Chamber named by an addressee line ("Aan de Voorzitter van de Tweede Kamer ...") that
    starts a line; a mention inside a sentence does not count. A committee's besluitenlijst
    ("Voortouwcommissie: vaste commissie voor ...", "Document: Besluitenlijst ...") is the Tweede
    Kamer's: its committee system (voortouw- and volgcommissies) is that chamber's."""
    for line in lines:
        match = _ADDRESSEE_LINE.match(line)
        if match:
            return f"{match.group(1).capitalize()} Kamer"
    if any(re.match(r"^\s*Voortouwcommissie:", ln) for ln in lines) and any(
        re.match(r"^\s*(?:Document:\s*)?Besluitenlijst\b", ln) for ln in lines  # value and label may be
    ):  # read as lines of their own (two columns)
        return "Tweede Kamer"
    return None


def find_dateline(lines: list[str]) -> str | None:
    """Date of an official dateline ("Den Haag, 3 oktober 2024") standing on its own line."""
    for line in lines:
        match = DATELINE.match(line)
        if match:
            return parse_dutch_date(match.group(1))
    return None


_OFFICIAL_DATE = re.compile(
    r"(?:^\s*Voorgesteld\s+|\(ontvangen\s+|^\s*Ontvangen\s+)(\d{1,2}\s+[a-z]+\s+\d{4})", re.MULTILINE
)
# Head lines of the official layout that are metadata: masthead, addressee, dateline.
MASTHEAD = re.compile(
    r"^\s*(?:(?:Eerste|Tweede)\s+Kamer\s+der\s+Staten-Generaal|Vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}\b.*"
    r"|Aan\s+de\s+[Vv]oorzitter\s+van\s+de\s+(?:Eerste|Tweede)\s+Kamer\b.*"
    r"|(?:Den Haag|'s-Gravenhage|’s-Gravenhage),?\s+\d{1,2}\s+\w+\.?\s+\d{4})\s*$"
)


def find_official_date(lines: list[str]) -> str | None:
    """Date an official publication gives in its head: "Voorgesteld 6 juli 2021" (motion),
    "(ontvangen 21 juni 2021)" (answers to written questions)."""
    match = _OFFICIAL_DATE.search("\n".join(lines[:40]))
    return parse_dutch_date(match.group(1)) if match else None


# The first line of a signature title: "DE MINISTER VAN DEFENSIE", "De Staatssecretaris van Sociale
# Zaken", "de minister voor Langdurige Zorg", "De vicepresident van de Raad van State, Th. C. De Graaf".
_TITLE_START = re.compile(
    r"^\s*(?:DE|De|de)\s+(?:MINISTER|Minister|minister|STAATSSECRETARIS|Staatssecretaris|staatssecretaris"
    r"|VICEPRESIDENT|[Vv]ice-?president|VOORZITTER|Voorzitter|voorzitter)(?:-PRESIDENT|-[Pp]resident)?\b"
)
_PARTICLES = frozenset("van de der den het ter ten te in op la le du da von zu vd 't ’t".split())
_HONORIFICS = frozenset("mr. drs. ir. dr. prof. ing. ds. mr drs ir dr prof ing".split())
_DEGREES = frozenset("MPA MBA MSc LLM LL.M. PhD MA BSc M.Sc. MPhil".split())
_NAME_WORD = re.compile(r"^(?:[A-Z]\.|[A-Z][a-z]{0,2}\.|(?:[A-Z]\.){2,}|[A-ZÀ-Þ][\w’'-]*[\w])$")
# A name at the start of a paragraph that runs on into a function and an address (a letter's last
# page: "ir. C.M. Schut, MPA Directeur Systeemtoezicht, ... Postbus 93374"): initials and a surname.
_LEADING_NAME = re.compile(
    r"^((?:(?:mr|drs|ir|dr|prof|ing)\.\s*)*(?:[A-Z][a-z]?\.\s?)+\s*(?:(?:van|de|der|den|ter|ten|het)\s+)*"
    r"[A-Z][\w’'-]+(?:,\s*(?:MPA|MBA|MSc|LLM|PhD|MA))?)(?=\s|$)"
)


def find_signatory(paragraphs: list[str], *, every_block: bool = False) -> str | None:
    """The name(s) under the letter, joined with "; " (several for a letter signed by several
    ministers): the names in the first signature block ("DE MINISTER VAN DEFENSIE" then the
    name; titles over several lines; titles and names in staggered columns), else the name after
    the closing ("Hoogachtend," "Autoriteit Persoonsgegevens, Namens deze," "ir. C.M. Schut, MPA").
    ``every_block``: the names of all signature blocks (an official advice and its nader rapport
    are signed by the Raad van State's vicepresident and by the minister)."""
    found: list[str] = []
    for i, para in enumerate(paragraphs):
        if _is_title(para) and not (found and paragraphs[i - 1].strip() in found):
            names = [n for n in _signature_block(paragraphs, i) if n not in found]
            found.extend(names)
            if found and not every_block:
                break
    if found:
        return "; ".join(found)
    for i, para in enumerate(paragraphs):
        if CLOSING.match(para):
            for candidate in paragraphs[i + 1 : i + 4]:
                candidate = candidate.strip()
                if _is_name(candidate):
                    return candidate
                match = _LEADING_NAME.match(candidate)
                if match and len(match.group(1).split()) >= 2:
                    return match.group(1).strip()
    return None


def _is_title(para: str) -> bool:
    para = para.strip()
    return bool(_TITLE_START.match(para)) and len(para) <= 200 and not re.search(r"[.!?:;]$", para)


def _signature_block(paragraphs: list[str], start: int) -> list[str]:
    """Names in the block of titles and names that starts at ``paragraphs[start]``."""
    names: list[str] = []
    last = ""
    last_was_title = False
    for para in paragraphs[start : start + 30]:
        para = para.strip()
        if _is_title(para):
            tail = _name_after_title(para)
            if tail:
                names.append(tail)
            last, last_was_title = para, tail is None
        elif last_was_title and _continues_title(last, para):
            last = para
        elif _is_name(para):
            names.append(para)
            last, last_was_title = para, False
        elif last_was_title and para and len(para) <= 80 and not re.search(r"[.!?]$", para):
            last = para  # "en Werkgelegenheid,", "Welzijn en Sport,", "Participatie en Pensioenen"
        else:
            break
    return names


def _name_after_title(para: str) -> str | None:
    """ "De vicepresident van de Raad van State, Th. C. De Graaf" -> "Th. C. De Graaf"."""
    if "," not in para:
        return None
    tail = para.rsplit(",", 1)[1].strip()
    return tail if _is_name(tail) and re.search(r"\b[A-Z][a-z]?\.", tail) else None


def _continues_title(last: str, para: str) -> bool:
    """A title's next line: "en Werkgelegenheid," after "De Staatssecretaris van Sociale Zaken",
    "Ruimtelijke Ordening" after "De minister voor Volkshuisvesting en"."""
    words = last.rstrip(",").split()
    return bool(para) and bool(words) and (words[-1] in _WRAP_WORDS or last.endswith(("-", "–")))


def _is_name(text: str) -> bool:
    """A person's name as signed: "Ernst Kuipers", "mr. drs. C.A. van der Maat", "H.M. de Jonge",
    "ir. C.M. Schut, MPA"; not a title's continuation ("Welzijn en Sport,", "Werkgelegenheid")."""
    text = text.strip()
    if not text or len(text) > 60 or text.endswith((",", ":", ";", ".")) and not re.search(r"\b[A-Z]\.$", text):
        return False
    words = text.replace(",", " ").split()
    core = [w for w in words if w.lower() not in _HONORIFICS and w not in _DEGREES]
    if not 2 <= len(core) <= 6:
        return False
    named = 0
    for word in core:
        if word in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or (len(word) > 3 and word.isupper() and "." not in word):
            return False
        named += 1
    return named >= 2 and not _PARTICLES.issuperset(core[-1:])


_ANSWERED_BY = re.compile(r"\bAntwoord\s+van\s+(.{5,300}?)\s*\(ontvangen\b")


def find_answering(lines: list[str]) -> str | None:
    """The answering minister(s) of an Aanhangsel: "Antwoord van Minister Helder (Volksgezondheid,
    Welzijn en Sport) (ontvangen 13 juni 2024)" -> "Minister Helder (Volksgezondheid, ...)"."""
    joined = " ".join(ln.strip() for ln in lines[:60] if ln.strip())
    match = _ANSWERED_BY.search(joined)
    return match.group(1).strip() if match else None


def find_motion_signers(paragraphs: list[str]) -> str | None:
    """The names under a motion ("... en gaat over tot de orde van de dag." then one per line)."""
    for i, para in enumerate(paragraphs):
        if para.strip().lower().startswith("en gaat over tot de orde van de dag"):
            names = []
            for candidate in paragraphs[i + 1 : i + 12]:
                if not _looks_like_name(candidate.strip()):
                    break
                names.append(candidate.strip())
            return ", ".join(names) or None
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and len(text) <= 60 and text[:1].isupper() and not text.endswith(".")


def find_kamerstuk(lines: list[str]) -> str | None:
    """The document's own id: a "kst-..."/"ah-tk-..." footer, or the official dossier + Nr lines."""
    for line in lines:
        match = KAMERSTUK_ID.search(line)
        if match:
            return match.group(1)
    return None


def kamerstuk_from_head(lines: list[str]) -> str | None:
    """kst id from the official head: "Vergaderjaar ..." then "32 545 Titel" then "Nr. 143 ..."."""
    head = [ln for ln in lines[:40] if ln.strip()]
    if not any(re.match(r"^\s*Vergaderjaar\s+\d{4}", ln) for ln in head):
        return None
    for i, line in enumerate(head):
        nr = _NR_LINE.match(line)
        if not nr:
            continue
        for previous in reversed(head[max(0, i - 4) : i]):
            dossier = _DOSSIER_LINE.match(previous)
            if dossier:
                number = re.sub(r"\D", "", dossier.group(1))
                extra = f"-{dossier.group(2)}" if dossier.group(2) else ""
                return f"kst-{number}{extra}-{nr.group(1)}"
    return None


def official_subject(lines: list[str], kamerstuk: str | None) -> str | None:
    """Subject of an official publication: "<dossier title>; <document title>" for a Kamerstuk,
    the question line ("Vragen van ... over ...") for answers to written questions."""
    if kamerstuk and kamerstuk.startswith("kst-"):
        return _kamerstuk_subject(lines[:60])
    head = [ln.strip() for ln in lines[:40] if ln.strip()]
    if kamerstuk and kamerstuk.startswith("ah-"):
        joined = " ".join(head)
        match = re.search(r"\b(Vragen van .{5,400}?)\s*\((?:ingezonden|ontvangen)", joined)
        return match.group(1).strip() if match else None
    return None


def _kamerstuk_subject(lines: list[str]) -> str | None:
    """"32 545 Wet- en regelgeving ..." + "Nr. 143 MOTIE VAN ..." (each title may wrap, and may be
    on the line after its number, as text extractors often put it)."""
    found = _official_title_lines(lines)
    if found is None:
        return None
    dossier_at, nr_at, nr_end = found
    title = _strip_received(" ".join(ln.strip() for ln in lines[nr_at:nr_end]))
    nr = _NR_LINE.match(title)
    title = _strip_received(nr.group(2)) if nr else title
    if title.isupper() or re.sub(r"[^A-Za-z]", "", title).isupper():
        title = re.sub(r"(?<=[A-Z])\d{1,2}\b", "", title)  # a footnote marker glued to the title
    dossier = None
    if dossier_at is not None:
        text = " ".join(ln.strip() for ln in lines[dossier_at:nr_at] if ln.strip())
        dossier = _DOSSIER_LINE.sub("", text, count=1).strip() or None
    parts = [p for p in (dossier, title.strip()) if p]
    return "; ".join(parts) if parts else None


# Lines under an official document title: "Voorgesteld 6 juli 2021" (motion), "Ontvangen ...", and
# a changed motion's "Ter vervanging van die gedrukt onder nr. 8".
_TITLE_NOTE = re.compile(r"^\s*(?:Voorgesteld|Ontvangen|Ter vervanging van die gedrukt onder nr\.)\s")
_REPLACES = re.compile(r"^\s*Ter vervanging van die gedrukt onder (nr\.\s*\d+[a-z]?)\s*$")


def _official_title_lines(lines: list[str]) -> tuple[int | None, int, int] | None:
    """(dossier line, Nr line, end of the Nr title) of an official head: "28 676 NAVO" (it may wrap
    over lines), then "Nr. 467 BRIEF VAN DE MINISTER VAN DEFENSIE" (it may wrap in capitals, and
    "Voorgesteld 6 juli 2021" may follow on its own line)."""
    nr_at = next((i for i, ln in enumerate(lines[:40]) if _NR_LINE.match(ln)), None)
    if nr_at is None:
        return None
    end = nr_at + 1
    first = _NR_LINE.match(lines[nr_at])
    if first and not first.group(2).strip():  # "Nr. 4" alone: the title on the next line
        while end < len(lines) and _blank(lines[end]):
            end += 1
        end += 1
    while end < len(lines) and end < nr_at + 8:
        if _blank(lines[end]):  # a Word file's paragraphs: "Voorgesteld ..." past a blank line
            after = next((j for j in range(end, min(len(lines), end + 3)) if not _blank(lines[j])), None)
            if after is None or not _TITLE_NOTE.match(lines[after]):
                break
            end = after
        line = lines[end].strip()
        letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", line)
        if not (_TITLE_NOTE.match(line) or (letters and letters.isupper())):
            break
        end += 1
    dossier_at = None
    i = nr_at - 1
    while i >= 0 and _blank(lines[i]):
        i -= 1
    for j in range(i, max(-1, i - 8), -1):
        if _blank(lines[j]) or MASTHEAD.match(lines[j]):
            break
        if _DOSSIER_LINE.match(lines[j]):
            dossier_at = j
            break
    return dossier_at, nr_at, end


def official_head_end(lines: list[str], kamerstuk: str | None) -> tuple[int, list[str]]:
    """Where the body of an official publication starts on page 1, and a remark of its head that a
    reader still needs (the Aanhangsel answer line's "Zie ook Aanhangsel Handelingen, ..., nr.
    2147.": a reference, so it is kept, in ``ParsedLetter.head``).

    Kamerstuk: after the dossier line and the "Nr. 143 ... Voorgesteld ..." title. Aanhangsel:
    after the "Antwoord van ... (ontvangen ...)" paragraph, before "Vraag 1". (0, []) otherwise."""
    if kamerstuk and kamerstuk.startswith("kst-"):
        found = _official_title_lines(lines)
        if found is None or found[0] is None:  # no dossier line above it: not an official head
            return 0, []
        return found[2], _replaced(lines[found[1] : found[2]], kamerstuk)
    if kamerstuk and kamerstuk.startswith("ah-"):
        start = next((i for i, ln in enumerate(lines[:40]) if re.match(r"^\s*Antwoord\s+van\b", ln)), None)
        if start is None:
            return 0, []
        end = start
        while end < len(lines) and end < start + 6 and not _blank(lines[end]):
            end += 1
        paragraph = " ".join(ln.strip() for ln in lines[start:end])
        if "(ontvangen" not in paragraph:
            return 0, []
        rest = re.split(r"\(ontvangen\s[^)]*\)\.?", paragraph, maxsplit=1)[-1].strip()
        return end, [rest] if rest else []
    return 0, []


def _replaced(title: list[str], kamerstuk: str) -> list[str]:
    """A changed motion's "Ter vervanging van die gedrukt onder nr. 8" names the motion it replaces
    by its number in the same dossier: the remark is kept with that document's citation, "(Kamerstuk
    36 682, nr. 8)", so that the reader can follow it."""
    dossier = re.match(r"^kst-(\d{2})(\d{3})((?:-[0-9A-Za-z]+)*)-[0-9A-Za-z]+$", kamerstuk)
    remarks = []
    for line in title:
        match = _REPLACES.match(line)
        if match and dossier:
            number = f"{dossier.group(1)} {dossier.group(2)}{dossier.group(3)}"
            remarks.append(f"{line.strip()} (Kamerstuk {number}, {match.group(1)})")
    return remarks


def _strip_received(text: str) -> str:
    return re.split(r"\s*\b(?:Voorgesteld|Ontvangen|Ter vervanging van)\s", text)[0].strip()


def guess_kind(subject: str | None, text: str, kamerstuk: str | None) -> str:
    """Document kind from what it says of itself; "brief" when nothing more specific is found."""
    head = text[:1500].upper()
    subj = (subject or "").lower()
    if kamerstuk and kamerstuk.startswith("ah-"):
        return "antwoord"
    if subj.startswith("geannoteerde agenda"):
        return "geannoteerde agenda"
    if re.search(r"\bMOTIE VAN\b", head):
        return "motie"
    if re.search(r"\bAMENDEMENT VAN\b", head):
        return "amendement"
    if re.search(r"\bANTWOORD\b.*\bVRAGEN\b|\bVRAGEN VAN\b.*\bANTWOORD", head.replace("\n", " ")):
        return "antwoord"
    if re.search(r"\bBNC[- ]FICHE\b|\bFICHE\s*\d*\s*:", head) or subj.startswith("fiche"):
        return "fiche"
    if subj.startswith("verslag"):
        return "verslag"
    return "brief"
