"""The citation grammar: find references to parliamentary and official documents in Dutch text.

Pure functions, no library and no database. :func:`parse_citations` returns :class:`Citation`
objects whose ``span`` points at exactly the matched text (``text[s:e] == citation.text``).

What is recognised (see docs in /work/shared/DOMAIN.md, "Citation forms a parser must read"):

- Kamerstukken: ``Kamerstuk 28 676, nr. 467``, ``Kamerstukken II 2009/10, 27 858, nr. 88, p. 3``,
  ``Kamerstukken I 2008/09, 31 700 VI, D``, ``Tweede Kamer, vergaderjaar 2024–2025, 36 725 X, nr. 4``,
  ``Kamerbrief 28 676, nr. 472 van 8 november 2024``, compact ``21501-28-296`` and ids ``kst-28676-467``;
  a whole dossier ``(Kamerstuk 35 925 X)`` has kind ``"dossier"`` and canonical ``dossier-35925-X``.
- Handelingen (``h-tk-20102011-108-5``) and Aanhangsel Handelingen (``ah-tk-20232024-872``).
- Ministry letter numbers ``Kamerbrief 2025 0404`` (kind ``"kamerbrief"``, canonical ``kamerbrief-20250404``).
- Tweede Kamer open-data numbers ``2024A01333`` / ``2024Z10149`` / ``2024D24009`` (kinds ``activiteit``,
  ``zaak``, ``document``; the canonical id is the number itself).
- EU documents ``COM(2024) 150`` -> ``com-2024-150`` (also JOIN, SWD, SEC).
- ``Staatsblad 2020, 118`` / ``Stb. 2024, 88`` -> ``stb-2020-118``; ``Stcrt. 2024, 5`` -> ``stcrt-2024-5``.
- Motions by name ``motie-Segers c.s.`` (no canonical id) and ``motie-Lodders/Geurts (33576, nr. 105)``
  (canonical ``kst-33576-105``).

Several numbers in one citation (``nrs. 520 en 548``, ``nrs. 1–3``) give one :class:`Citation` per
number, each with its own canonical id; they all carry the span and text of the whole citation, and
``fields["numbers"]`` lists every number (a range is expanded when it spans at most 50 numbers).

Whitespace between the parts of a citation may be any run of spaces, non-breaking spaces and line
breaks (text extracted from PDFs breaks lines anywhere). A footnote number glued to the front
("1Kamerstukken II ...") does not stop a match. A footnote marker in superscript digits ("nr. 467⁵",
"2024⁵", "¹Kamerstuk") is neither part of a citation nor glued to it: it ends the citation before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from desktop_app.core.model import Citation
from desktop_app.core.superscript import SUPERSCRIPT_DIGITS

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

MAX_RANGE = 50  # a range of ondernummers longer than this keeps only its end points

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"  # not glued to a letter before (a digit before is fine: "1Kamerstuk")
_DASH = r"[-\u2010\u2011\u2012\u2013]"
_DOSSIER = r"(?<![\d.])\d{2}(?:\.|\s{1,8})?\d{3}(?![\d])"
_ROMAN_OR_LETTER = r"(?:[IVXLC]{1,6}|[A-Z]{1,2})"
_TOEV = (
    rf"(?:{_DASH}\s*(?:\d{{1,2}}(?![\d])|{_ROMAN_OR_LETTER}(?![\w]))"  # sub-series: 1-2 digits
    rf"|\s{{1,8}}{_ROMAN_OR_LETTER}(?![\w])"
    r"|\s*\(\s*R\s*\d{3,4}\s*\))"
)
_VJ = rf"(?:19|20)\d{{2}}\s*(?:/|{_DASH})\s*(?:\d{{2}}){{1,2}}(?!\d)"
_NUM = rf"\d{{1,5}}[a-z]?(?![\w])(?!\s+{_MONTH}\s+(?:19|20)\d\d)"  # not the day of a date
_MARK = "\u2063*"  # a footnote marker (superscript digits, read as U+2063: see parse_citations)
_NUM_SEP = rf"{_MARK}\s*(?:,|\ben\b|&|t/m|tot\s+en\s+met|{_DASH})\s*"
_DATE = rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d{{2}})(?!\d)"
_DATE_SUFFIX = rf"(?:\s*(?:,\s*)?(?:van|d\.\s?d\.|dd\.?|d\.d)\s+{_DATE})?"


def _page_suffix(group: str) -> str:
    """ ", p. 3" / ", blz. 25-36"; named ``group`` (a page reference may stand before or after a date)."""
    return rf"(?:\s*(?:,\s*)?(?:p|pp|blz|pag)\.\s*(?P<{group}>\d{{1,4}}(?:\s*{_DASH}\s*\d{{1,4}})?)(?![\d]))?"


_PAGE_SUFFIX = _page_suffix("page") + _DATE_SUFFIX + _page_suffix("page2")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


_KAMERSTUK = _compile(
    rf"""
    {_NOT_AFTER_LETTER}
    (?:
        (?P<kw>[Kk]amerstuk(?:ken)?|[Kk]amerbrief|Kst\.?)
        (?:\s+(?P<ch>I/II|II|I)(?![\w/]))?
        (?:\s*(?:,\s*)?(?:vergaderjaar\s+)?(?P<vj>{_VJ}))?
      |
        (?P<chamber>Tweede|Eerste)\s+Kamer\s*(?:,\s*)?vergaderjaar\s+(?P<vj2>{_VJ})
    )
    \s*(?:,\s*)?
    (?P<dossier>{_DOSSIER})(?P<toev>{_TOEV})?
    (?:\s+en\s+(?P<dossier2>{_DOSSIER})(?P<toev2>{_TOEV})?)?
    (?:
        \s*(?:,\s*)?(?:[Nn]rs\.?|[Nn]ummers)\s*(?P<nums>{_NUM}(?:{_NUM_SEP}{_NUM})*)
      | \s*(?:,\s*)?(?:[Nn]r\.?|[Nn]ummer)\s*(?P<nr>{_NUM})
      | {_DASH}(?P<cnr>\d{{1,5}}[a-z]?)(?![\w-])
      | \s*,\s*(?:[Nn]r\.?\s*)?(?P<ek>[A-Z]{{1,2}})(?![\w])
    )?
    {_PAGE_SUFFIX}
    """
)

_COMPACT = _compile(
    rf"""
    (?<![\w-])(?P<dossier>\d{{5}})-(?P<toev>\d{{1,2}}|{_ROMAN_OR_LETTER})-(?P<cnr>\d{{1,5}}[a-z]?)(?![\w-])
    """
)

_HANDELINGEN = _compile(
    rf"""
    {_NOT_AFTER_LETTER}
    (?P<ah>Aanhangsel\s+(?:van\s+de\s+)?)?Handelingen\s+(?P<ch>II|I)(?![\w])
    \s*(?:,\s*)?(?:vergaderjaar\s+)?(?P<vj>{_VJ})
    (?:\s*(?:,\s*)?(?:[Nn]r\.?|[Nn]ummer)\s*(?P<nr>\d{{1,5}})(?![\w])|\s*,\s*(?P<nr2>\d{{1,5}})(?![\w\-\u2013]))?
    (?:\s*(?:,\s*)?item\s+(?P<item>\d{{1,3}})(?![\w]))?
    {_PAGE_SUFFIX}
    """
)

_KAMERBRIEF_NR = _compile(
    rf"""
    {_NOT_AFTER_LETTER}
    Kamerbrief\s+(?:(?:nr\.?|nummer|kenmerk)\s*)?
    (?P<nr>(?:19|20)\d{{2}}(?:\s{{1,8}}|-)?\d{{3,7}})(?![\w])
    {_DATE_SUFFIX}
    """
)

_TK_NUMBER = _compile(
    rf"""
    (?:{_NOT_AFTER_LETTER}(?P<kw>(?:[Aa]ctiviteit|[Zz]aak|[Dd]ocument)(?:nummer|nr\.?)?)\s*(?::\s*)?)?
    (?<![\w])(?P<nr>(?:19|20)\d{{2}}(?P<letter>[AZD])\d{{5}})(?![\w])
    {_DATE_SUFFIX}
    """
)

_EU = _compile(
    rf"""
    (?<![A-Za-z])(?P<type>COM|JOIN|SWD|SEC)\s*\(\s*(?P<year>(?:19|20)\d{{2}})\s*\)\s*(?P<nr>\d{{1,4}})(?![\d])
    """
)

_STAATSBLAD = _compile(
    rf"""
    {_NOT_AFTER_LETTER}
    (?P<kw>Staatsblad|Stb\.?|Staatscourant|Stcrt\.?)
    \s+(?P<year>(?:18|19|20)\d{{2}})(?!\d)\s*(?:,\s*)?(?:nr\.?\s*)?(?P<nr>\d{{1,6}})(?![\d])
    """
)

_NAME = r"(?:(?:[Vv]an|[Dd]e[rn]?|[Tt]e[rn]|[Ii]n\s+'t|'t)\s+)*[A-Z][^\W\d_]*(?:[-'’][A-Za-z][^\W\d_]*)*"
_MOTIE = _compile(
    rf"""
    {_NOT_AFTER_LETTER}
    [Mm]otie-(?P<names>{_NAME}(?:\s*/\s*{_NAME})*)
    (?P<cs>\s+c\.\s?s\.)?
    (?:\s*\(\s*(?:Kamerstuk(?:ken)?\s+)?(?P<dossier>{_DOSSIER})(?P<toev>{_TOEV})?
        \s*(?:,\s*)?[Nn]r\.?\s*(?P<nr>\d{{1,5}}[a-z]?)\s*\))?
    """
)

_ID = _compile(
    r"""
    (?<![\w-])
    (?P<id>
        kst-\d{4,6}(?:-(?:[A-Z]{1,6}|\d{1,3}|R\d{3,4}))?-(?:\d{1,5}[a-z]?|[A-Z]{1,2})
      | ah-(?:tk|ek)-\d{8}-\d{1,5}
      | h-(?:tk|ek)-\d{8}-\d{1,4}(?:-\d{1,3})?
      | stb-\d{4}-\d{1,6}
      | stcrt-\d{4}-\d{1,6}
    )
    (?![\w-])
    """
)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    citations: list[Citation]


# -- small helpers ---------------------------------------------------------------------------------


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _toevoeging(raw: str | None) -> str | None:
    """ "-X" / " VI" / "-28" / "(R2068)" -> "X" / "VI" / "28" / "R2068"."""
    if not raw:
        return None
    cleaned = re.sub(r"[^0-9A-Za-z]", "", raw)
    return cleaned.upper() or None


def vergaderjaar(raw: str | None) -> str | None:
    """ "2009/10", "2024–2025", "1999/2000" -> "20092010", "20242025", "19992000"; None when invalid."""
    if not raw:
        return None
    parts = re.split(rf"\s*(?:/|{_DASH})\s*", raw.strip())
    if len(parts) != 2:
        return None
    first = int(parts[0])
    second = parts[1]
    expected = first + 1
    if len(second) == 2:
        ok = int(second) == expected % 100
    else:
        ok = int(second) == expected
    return f"{first}{expected}" if ok else None


def _iso_date(match: re.Match[str]) -> str | None:
    if not match.group("day"):
        return None
    month = MONTHS[match.group("month").rstrip(".").lower()]
    try:
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None


def _common_fields(match: re.Match[str]) -> dict[str, Any]:
    """Date and page, when the pattern has them and they were matched."""
    fields: dict[str, Any] = {}
    groups = match.re.groupindex
    if "day" in groups:
        iso = _iso_date(match)
        if iso:
            fields["date"] = iso
    for name in ("page", "page2"):
        if name in groups and match.group(name):
            fields["page"] = re.sub(rf"\s*{_DASH}\s*", "-", match.group(name))
    return fields


def _kst_canonical(dossier: str, toev: str | None, nr: str) -> str:
    return f"kst-{dossier}-{toev}-{nr}" if toev else f"kst-{dossier}-{nr}"


def _split_numbers(raw: str) -> list[str]:
    """ "520 en 548" -> ["520", "548"]; "1–3" -> ["1", "2", "3"]; "12, 14 t/m 16" -> 12, 14, 15, 16."""
    tokens = re.findall(rf"\d{{1,5}}[a-z]?|{_DASH}|t/m|tot\s+en\s+met", raw)
    numbers: list[str] = []
    range_next = False
    for token in tokens:
        if not token[0].isdigit():
            range_next = True
            continue
        if range_next and numbers and numbers[-1].isdigit() and token.isdigit():
            low, high = int(numbers[-1]), int(token)
            if 0 < high - low <= MAX_RANGE:
                numbers.extend(str(n) for n in range(low + 1, high + 1))
            else:
                numbers.append(token)
        else:
            numbers.append(token)
        range_next = False
    seen: set[str] = set()
    return [n for n in numbers if not (n in seen or seen.add(n))]  # type: ignore[func-returns-value]


def _make(match: re.Match[str], kind: str, fields: dict[str, Any], canonical: str | None) -> Citation:
    return Citation(kind=kind, text=match.group(0), span=match.span(), fields=fields, canonical=canonical)


# -- builders: one per pattern --------------------------------------------------------------------


def _build_kamerstuk(match: re.Match[str]) -> list[Citation]:
    dossier = _digits(match.group("dossier"))
    toev = _toevoeging(match.group("toev"))
    fields: dict[str, Any] = {"dossier": dossier}
    if toev:
        fields["toevoeging"] = toev
    chamber = match.group("ch") or match.group("chamber")
    if chamber:
        fields["chamber"] = {"I": "ek", "Eerste": "ek", "I/II": "ek/tk"}.get(chamber, "tk")
    vj = vergaderjaar(match.group("vj") or match.group("vj2"))
    if vj:
        fields["vergaderjaar"] = vj
    if match.group("dossier2"):
        second = _digits(match.group("dossier2"))
        toev2 = _toevoeging(match.group("toev2"))
        fields["also_dossiers"] = [f"{second}-{toev2}" if toev2 else second]
    if match.group("kw") and match.group("kw").startswith("Kamerbrief"):
        fields["form"] = "kamerbrief"
    fields.update(_common_fields(match))
    if match.group("nums"):
        numbers = _split_numbers(match.group("nums"))
    elif match.group("nr"):
        numbers = [match.group("nr")]
    elif match.group("cnr"):
        numbers = [match.group("cnr")]
    elif match.group("ek"):
        numbers = [match.group("ek")]
    else:
        numbers = []
    if not numbers:
        if match.group("vj2"):  # "Tweede Kamer, vergaderjaar ..., 36 725 X" without a number: not a citation
            return []
        fields["whole_dossier"] = True
        canonical = f"dossier-{dossier}-{toev}" if toev else f"dossier-{dossier}"
        return [_make(match, "dossier", fields, canonical)]
    citations = []
    for number in numbers:
        own = dict(fields, ondernummer=number)
        if len(numbers) > 1:
            own["numbers"] = list(numbers)
        citations.append(_make(match, "kamerstuk", own, _kst_canonical(dossier, toev, number)))
    return citations


def _build_compact(match: re.Match[str]) -> list[Citation]:
    dossier, toev, nr = match.group("dossier"), match.group("toev").upper(), match.group("cnr")
    fields = {"dossier": dossier, "toevoeging": toev, "ondernummer": nr}
    return [_make(match, "kamerstuk", fields, _kst_canonical(dossier, toev, nr))]


def _build_handelingen(match: re.Match[str]) -> list[Citation]:
    chamber = "ek" if match.group("ch") == "I" else "tk"
    vj = vergaderjaar(match.group("vj"))
    kind = "aanhangsel" if match.group("ah") else "handelingen"
    fields: dict[str, Any] = {"chamber": chamber}
    if vj:
        fields["vergaderjaar"] = vj
    nr, item = match.group("nr") or match.group("nr2"), match.group("item")
    if nr:
        fields["nummer"] = nr
    if item:
        fields["item"] = item
    fields.update(_common_fields(match))
    canonical = None
    if vj and nr:
        prefix = "ah" if kind == "aanhangsel" else "h"
        canonical = f"{prefix}-{chamber}-{vj}-{nr}"
        if item and kind == "handelingen":
            canonical += f"-{item}"
    return [_make(match, kind, fields, canonical)]


def _build_kamerbrief_nr(match: re.Match[str]) -> list[Citation]:
    number = _digits(match.group("nr"))
    fields = {"nummer": number, **_common_fields(match)}
    return [_make(match, "kamerbrief", fields, f"kamerbrief-{number}")]


_TK_KINDS = {"A": "activiteit", "Z": "zaak", "D": "document"}


def _build_tk_number(match: re.Match[str]) -> list[Citation]:
    number = match.group("nr")
    fields = {"nummer": number, **_common_fields(match)}
    return [_make(match, _TK_KINDS[match.group("letter")], fields, number)]


def _build_eu(match: re.Match[str]) -> list[Citation]:
    doc_type, year, nr = match.group("type"), match.group("year"), str(int(match.group("nr")))
    fields = {"type": doc_type, "year": year, "nummer": nr}
    return [_make(match, "eu", fields, f"{doc_type.lower()}-{year}-{nr}")]


def _build_staatsblad(match: re.Match[str]) -> list[Citation]:
    keyword = match.group("kw")
    courant = keyword.startswith(("Staatscourant", "Stcrt"))
    kind, prefix = ("staatscourant", "stcrt") if courant else ("staatsblad", "stb")
    year, nr = match.group("year"), match.group("nr")
    return [_make(match, kind, {"year": year, "nummer": nr}, f"{prefix}-{year}-{nr}")]


def _build_motie(match: re.Match[str]) -> list[Citation]:
    names = [re.sub(r"\s+", " ", n.strip()) for n in match.group("names").split("/")]
    fields: dict[str, Any] = {"indieners": names, "cum_suis": bool(match.group("cs"))}
    canonical = None
    if match.group("nr"):
        dossier = _digits(match.group("dossier"))
        toev = _toevoeging(match.group("toev"))
        fields.update(dossier=dossier, ondernummer=match.group("nr"))
        if toev:
            fields["toevoeging"] = toev
        canonical = _kst_canonical(dossier, toev, match.group("nr"))
    return [_make(match, "motie", fields, canonical)]


_ID_KINDS = {"kst": "kamerstuk", "ah": "aanhangsel", "h": "handelingen", "stb": "staatsblad", "stcrt": "staatscourant"}


def _build_id(match: re.Match[str]) -> list[Citation]:
    ident = match.group("id")
    parts = ident.split("-")
    kind = _ID_KINDS[parts[0]]
    fields: dict[str, Any] = {"form": "id"}
    if kind == "kamerstuk":
        fields["dossier"] = parts[1]
        if len(parts) == 4:
            fields["toevoeging"] = parts[2]
        fields["ondernummer"] = parts[-1]
    elif kind in ("aanhangsel", "handelingen"):
        fields.update(chamber=parts[1], vergaderjaar=parts[2], nummer=parts[3])
        if len(parts) == 5:
            fields["item"] = parts[4]
    else:
        fields.update(year=parts[1], nummer=parts[2])
    return [_make(match, kind, fields, ident)]


_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], list[Citation]]], ...] = (
    (_KAMERSTUK, _build_kamerstuk),
    (_COMPACT, _build_compact),
    (_HANDELINGEN, _build_handelingen),
    (_KAMERBRIEF_NR, _build_kamerbrief_nr),
    (_TK_NUMBER, _build_tk_number),
    (_EU, _build_eu),
    (_STAATSBLAD, _build_staatsblad),
    (_MOTIE, _build_motie),
    (_ID, _build_id),
)


_CONTEXT_DATE = _compile(
    rf"""
    (?:\b(?:van|op|d\.\s?d\.|dd\.?|gedateerd)\s+){_DATE}{_MARK}\s*[(\[]\s*(?:zie\s+(?:ook\s+)?)?$
    """
)


def _with_context_date(text: str, match: _Match) -> _Match:
    """ "de brief van 25 januari 2024 (Aanhangsel ...)": a date right before an opening parenthesis
    that holds the citation tells when the cited document was sent. Stored as ``context_date``
    (it lies outside the citation's span)."""
    if any("date" in c.fields for c in match.citations):
        return match
    found = _CONTEXT_DATE.search(text, max(0, match.start - 80), match.start)
    iso = _iso_date(found) if found else None
    if not iso:
        return match
    citations = [replace(c, fields={**c.fields, "context_date": iso}) for c in match.citations]
    return _Match(match.start, match.end, citations)


def _candidates(text: str) -> Iterator[_Match]:
    for pattern, build in _PATTERNS:
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            citations = build(match)
            if citations:
                yield _Match(match.start(), match.end(), citations)


# Superscript digits (footnote markers) are read as a neutral mark: not a word character, not a
# digit, not a space (U+2063 INVISIBLE SEPARATOR), so "(?![\w])" and "(?!\d)" hold after "467⁵".
_MARKERS_NEUTRAL = str.maketrans(dict.fromkeys(SUPERSCRIPT_DIGITS, "\u2063"))


def parse_citations(text: str) -> list[Citation]:
    """Every citation in ``text``, in text order. Overlapping matches: the one starting first wins,
    then the longest. Never raises on any string."""
    if not text:
        return []
    scanned = text.translate(_MARKERS_NEUTRAL)  # same length: spans hold in ``text``
    chosen: list[_Match] = []
    for candidate in sorted(_candidates(scanned), key=lambda c: (c.start, -(c.end - c.start))):
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    chosen = [_with_context_date(scanned, match) for match in chosen]
    citations = [citation for match in chosen for citation in match.citations]
    if scanned != text:
        citations = [replace(c, text=text[c.span[0] : c.span[1]]) for c in citations]
    return citations


def cited_key(citation: Citation) -> str:
    """What a citation is about, as a key for user decisions: the canonical id, else the
    whitespace-normalised text ("motie-Segers c.s.")."""
    return citation.canonical or normalise_raw(citation.text)


def normalise_raw(raw: str) -> str:
    return re.sub(r"\s+", " ", raw).strip()
