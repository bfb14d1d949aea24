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
  (canonical ``kst-33576-105``), also with their subject before the id ("de motie-Van Aalst over de N35
  (35300-A, nr. 15)") and as ``Motie van het lid Klaver c.s. (Kamerstuk 35510-16)``.
- Without a keyword (issue 12; docs/CITATIONS.md has the whole grammar as one table): a dossier and number as
  in Handelingen ``(29 521, nr. 455)``, ``( 21501-20 , nr. 2001 )``, ``(36410-X, letter C)``,
  ``33 750 XVI, nr. 12``, ``20 800 hoofdstuk X, nr. 3``; the number first ``motie op stuk nr. 68 (35 483)``;
  compact lists ``36100-1; 35925-44; 36025-(R2180)-7``; Aanhangsel without a chamber
  ``Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2412`` (Tweede Kamer) and
  ``Kamerstukken II 2022/23, Aanhangsel, nr. 880``; ``Staatscourant van 3 maart 2011, nr. 3912``;
  more numbers of one dossier ``31 839, nr. 12, p. 4; nr. 14``.
- A Rijkswet mark ``(R2180)`` is kept in ``fields["rijkswet"]`` and left out of the canonical id, as the
  official ids do: "35 099 (R2114), nr. 3" is published as kst-35099-3.

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
import sys
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
    rf"|\s{{1,8}}(?:(?:hoofdstuk|hfdst\.)\s*)?{_ROMAN_OR_LETTER}(?![\w]))"
)
# A Rijkswet mark "(R2068)": kept as a field; official ids leave it out (kst-35099-3 is "35 099 (R2114), nr. 3")
_RW = r"(?P<rw>\s*\(\s*R\s*\d{3,4}\s*\))?"
# dossiers whose toevoeging is a sub-series number: "Kamerstuk 21501-28" is a dossier, "Kamerstuk 36100-3" a paper
SUBSERIES_DOSSIERS = frozenset({"21501"})
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


class _Lazy:
    """A pattern compiled when first used: the rare forms (Handelingen, Kamerbrief numbers, EU and
    official ids) are tried only on a text that holds their keyword (``_NEEDS``), so a command that
    parses letters without them does not compile them (~8 ms of start-up together)."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _compile(self._source)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._pattern().finditer(text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._pattern().search(text, pos, endpos)


# the number part after a dossier: "nr. 467", "nrs. 520 en 548", "-467" (compact), ", D" / ", letter C" (Eerste Kamer)
# Digits that an extractor spread out ("nr. 4 82", "nr. 1 1 76."): read as one number only after a keyword,
# up to five digits, and only at the end of the citation (a full stop, a parenthesis, the end of the line).
_SPACED_NUM = r"(?=\d{1,4}[ ]\d)(?:\d[ ]?){1,4}\d(?=[ \t]*(?:[.)\n]|$))"
_SPACED_DOSSIER = r"(?<![\d.])(?=\d{1,4}[ ]\d)(?:\d[ ]?){4}\d(?![\d])"  # "3 2827"

_NUMBER_PART = rf"""
    (?:
        \s*(?:,\s*)?(?:[Nn]rs\.?|[Nn]ummers)\s*(?P<nums>{_NUM}(?:{_NUM_SEP}{_NUM})*)
      | \s*(?:,\s*)?(?:[Nn]r\.?|[Nn]ummer)\s*(?P<nr>{_SPACED_NUM}|{_NUM})
      | {_DASH}(?P<cnr>\d{{1,5}}[a-z]?)(?![\w-])
      | \s*,\s*(?:(?:[Nn]r\.?|letter)\s*)?(?P<ek>[A-Z]{{1,2}})(?![\w])
    )
"""
# more numbers of the same dossier after the first: "31 839, nr. 12, p. 4; nr. 14", "25 424, nr. 679, nr. 684 en 685"
_MORE_NUMBERS = rf"""
    (?P<more>(?:\s*[;,]\s*(?:[Nn]rs?\.?|[Nn]ummers?)\s*{_NUM}(?:{_NUM_SEP}{_NUM})*
        (?:\s*,\s*(?:p|pp|blz|pag)\.\s*\d{{1,4}}(?:\s*{_DASH}\s*\d{{1,4}})?(?![\d]))?)*)
"""

_KAMERSTUK = _compile(
    rf"""
    {_NOT_AFTER_LETTER}
    (?:
        (?P<kw>[Kk]amerstuk(?:ken|nummer)?|[Kk]amerbrief|Kst\.?)
        (?:\s+(?P<ch>I/II|II|I)(?![^\W\d_]|/))?  # the year may be glued on: "Kamerstukken II2015–16"
        (?:\s*(?:,\s*)?(?:vergaderjaar\s+)?(?P<vj>{_VJ})(?:\s*,\s*{_VJ})*)?  # "1999/2000, 2000/2001, 26 855"
      |
        (?P<chamber>Tweede|Eerste)\s+Kamer\s*(?:,\s*)?vergaderjaar\s+(?P<vj2>{_VJ})
    )
    \s*(?:,\s*)?
    (?P<dossier>{_DOSSIER}|{_SPACED_DOSSIER})(?P<toev>{_TOEV})?{_RW}
    (?:(?:\s+en\s+|\s*,\s*)(?P<dossier2>{_DOSSIER})(?P<toev2>{_TOEV})?|\s+e\.\s?a\.)?  # "29 762 e.a., D"
    {_NUMBER_PART}?
    {_PAGE_SUFFIX}
    {_MORE_NUMBERS}
    """
)

# A dossier and number without a keyword, as in Handelingen and after a motion: "(29 521, nr. 455)",
# "( 21501-20 , nr. 2001 )", "(36410-X, letter C)", "33 750 XVI, nr. 12". Needs "nr(s)." or "letter".
_BARE = _compile(
    rf"""
    (?P<dossier>\d(?<![\w.,/€$£-]\d)(?<!€\s\d)\d(?:\.|\s{{1,8}})?\d{{3}}(?!\d))(?P<toev>{_TOEV})?{_RW}
    (?:
        \s*(?:,\s*)?(?:[Nn]rs\.?|[Nn]ummers)\s*(?P<nums>{_NUM}(?:{_NUM_SEP}{_NUM})*)
      | \s*(?:,\s*)?(?:[Nn]r\.?|[Nn]ummer)\s*(?P<nr>{_NUM})
      | \s*,?\s*letter\s+(?P<ek>[A-Z]{{1,2}})(?![\w])
    )
    {_PAGE_SUFFIX}
    {_MORE_NUMBERS}
    """
)

# "21501-28-296", "36410-X-33", "36200-B-3", "36025-(R2180)-7"; a line-end hyphen may leave a space: "21501-02- 2871"
_COMPACT = _compile(
    rf"""
    (?P<dossier>\d(?<![\w-]\d)\d{{4}})-
    (?:
        \s{{0,3}}(?:(?P<toev>\d{{1,2}}|{_ROMAN_OR_LETTER})|\(?(?P<rw>R\s?\d{{3,4}})\)?)
        -\s{{0,3}}(?P<cnr>\d{{1,5}}[a-z]?)
      |  # "21501-071400": the extractor dropped a line-end hyphen (kept for 21501 only, by the builder:
         # its sub-series always have two digits)
        (?P<toev_s>\d{{2}})(?P<cnr_s>\d{{1,4}})
    )
    (?![\w-])
    """
)

# "36100-1" without a toevoeging: only where a list of ids or a parenthesis leaves no doubt: at the
# start of a line, right after "(" or ";" ("36100-1; 35925-44"), or after a title and a spaced dash as
# in besluitenlijsten ("nota van wijziging - 34426-28"); not "€ 12345-6789" nor "10000-20000 euro".
# (The place is checked by _build_compact_short: a pattern that starts with the digits scans fast.)
_COMPACT_SHORT = _compile(
    r"""
    (?P<dossier>[1-3](?<![\w-][1-3])\d{4})-\s{0,3}(?P<cnr>\d{1,4}[a-z]?)(?![\w-]|\s*(?:%|euro|EUR|mln|miljoen))
    """
)

# a dossier with its budget chapter alone in parentheses, as in Handelingen: "voor het jaar 2024 (36410-XIV)"
_DOSSIER_PAREN = _compile(
    rf"""
    \((?P<cite>(?P<dossier>[1-3]\d{{4}})-(?P<toev>{_ROMAN_OR_LETTER}))\)
    """
)

# the number before the dossier: "de motie op stuk nr. 68 (35 483)", "Zij krijgt nr. 163 (30950)."
_NR_DOSSIER = _compile(
    rf"""
    [NnSs](?<![\w][NnSs])(?:(?<=[Ss])tuk\s+[Nn]|(?<=[Nn]))r\.?\s*(?P<nr>\d{{1,5}}[a-z]?)\s*
    \(\s*(?P<dossier>{_DOSSIER})(?P<toev>{_TOEV})?{_RW}\s*\)
    """
)

_HANDELINGEN = _Lazy(
    rf"""
    {_NOT_AFTER_LETTER}
    (?:
        (?P<ah>Aanhangsel\s+(?:van\s+de\s+)?)?Handelingen(?:\s+(?P<ch>II|I)(?![\w]))?
        \s*(?:,\s*)?(?:vergaderjaar\s+)?(?P<vj>{_VJ})
      |
        Kamerstukken\s+(?P<ch2>II|I)\s*(?:,\s*)?(?P<vj2>{_VJ})\s*,\s*(?P<ah2>Aanhangsel)
    )
    (?:\s*(?:,\s*)?(?:[Nn]r\.?|[Nn]ummer)\s*(?P<nr>\d{{1,5}})(?![\w])|\s*,\s*(?P<nr2>\d{{1,5}})(?![\w\-\u2013]))?
    (?:\s*(?:,\s*)?item\s+(?P<item>\d{{1,3}})(?![\w]))?
    {_PAGE_SUFFIX}
    """
)

_KAMERBRIEF_NR = _Lazy(
    rf"""
    {_NOT_AFTER_LETTER}
    Kamerbrief\s+(?:(?:nr\.?|nummer|kenmerk)\s*)?
    (?P<nr>(?:19|20)\d{{2}}(?:\s{{1,8}}|-)?\d{{3,7}})(?![\w])
    {_DATE_SUFFIX}
    """
)

_TK_NUMBER = _Lazy(
    rf"""
    (?:{_NOT_AFTER_LETTER}(?P<kw>(?:[Aa]ctiviteit|[Zz]aak|[Dd]ocument)(?:nummer|nr\.?)?)\s*(?::\s*)?)?
    (?<![\w])(?P<nr>(?:19|20)\d{{2}}(?P<letter>[AZD])\d{{5}})(?![\w])
    {_DATE_SUFFIX}
    """
)

_EU = _Lazy(
    r"""
    (?<![A-Za-z])(?P<type>COM|JOIN|SWD|SEC)\s*\(\s*(?P<year>(?:19|20)\d{2})\s*\)\s*(?P<nr>\d{1,4})(?![\d])
    """
)

# "Staatsblad 2020, 118", "Stb. 2024, 88", "Stcrt. 2024, nr. 5"; with a date: "Staatscourant van 3 maart 2011,
# nr. 3912" or "(nr. 7416)" (the year of the date is the year of the issue)
_STAATSBLAD = _compile(
    rf"""
    S(?<![^\W\d_]S)(?P<kw>taatsblad|tb\.?|taatscourant|tcrt\.?)
    (?:
        \s+(?P<year>(?:18|19|20)\d{{2}})(?!\d)\s*(?:,\s*)?(?:nr\.?\s*)?(?P<nr>\d{{1,6}})(?![\d])
      |
        \s+van\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<dyear>(?:18|19|20)\d{{2}})(?!\d)
        \s*,?\s*\(?\s*(?:[Nn]r\.?|[Nn]ummer)\s*(?P<nr2>\d{{1,6}})(?![\d])
    )
    """
)

_PARTICLES = r"(?:(?:[Vv]an|[Dd]e[rn]?|[Tt]e[rn]|[Ii]n\s+'t|'t)\s+)*"
_NAME = (
    rf"(?:[A-Z]\.\s?)*{_PARTICLES}[A-Z][^\W\d_]*(?:[-'’][A-Za-z][^\W\d_]*)*"
    rf"(?:\s+{_PARTICLES}[A-Z][^\W\d_]+(?![\w.]))?"  # after a first name: "Remco Dijkstra", "Jasper van Dijk"
)
# "motie-Segers c.s.", "motie-Lodders/Geurts (33576, nr. 105)", "de motie-Van Aalst over de N35 (35300-A, nr. 15)",
# "Motie van het lid Klaver c.s. (Kamerstuk 35510-16)": the id in parentheses (after the subject) is the motion's
_MOTIE = _compile(
    rf"""
    [Mm](?<![^\W\d_][Mm])otie
    (?:
        -(?P<names>{_NAME}(?:\s*/\s*{_NAME})*)
      |
        \s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<names2>{_NAME}(?:\s*(?:,|\ben\b)\s*{_NAME})*)
    )
    (?P<cs>\s+c\.\s?s\.)?
    (?:
        (?:  # a subject runs to the parenthesis within one paragraph; a bare name may meet it over a page break
            \s+(?:over|inzake|betreffende|om|ter)\s+(?P<about>(?:[^()\n;]|\n(?![^\S\n]*\n)){{1,300}}?)
            (?:[^\S\n]|\n(?![^\S\n]*\n))*
          | \s*
        )
        \(\s*(?:Kamerstuk(?:ken)?\s+)?(?P<dossier>{_DOSSIER})(?P<toev>{_TOEV})?{_RW}
        (?:\s*(?:,\s*)?[Nn]r\.?\s*|{_DASH})(?P<nr>\d{{1,5}}[a-z]?)\s*\)
    )?
    """
)

_ID = _Lazy(
    r"""
    (?<![\w-])
    (?P<id>
        kst-(?P<dossier>\d{4,6})(?:-(?P<toev>[A-Z]{1,6}|\d{1,3}))?(?:-\(?(?P<rw>R\d{3,4})\)?)?
            -(?P<nr>\d{1,5}[a-z]?|[A-Z]{1,2})
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


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group's text, or None when the pattern has no such group or it did not take part."""
    return match.group(name) if name in match.re.groupindex else None


def _toevoeging(raw: str | None) -> str | None:
    """ "-X" / " VI" / "-28" / " hoofdstuk X" / " hfdst. IV" -> "X" / "VI" / "28" / "X" / "IV"."""
    if not raw:
        return None
    cleaned = re.sub(r"[^0-9A-Za-z]", "", re.sub(r"hoofdstuk|hfdst", "", raw))
    return cleaned.upper() or None


def _rijkswet(raw: str | None) -> str | None:
    """ "(R2068)" / "R 1433" -> "R2068" / "R1433"."""
    return "R" + _digits(raw) if raw else None


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


def _iso_date(match: re.Match[str], year_group: str = "year") -> str | None:
    if not match.group("day"):
        return None
    month = MONTHS[match.group("month").rstrip(".").lower()]
    try:
        return date(int(match.group(year_group)), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None


def _common_fields(match: re.Match[str]) -> dict[str, Any]:
    """Date and page, when the pattern has them and they were matched."""
    fields: dict[str, Any] = {}
    groups = match.re.groupindex
    if "day" in groups and "year" in groups:
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
    return _unique(numbers)


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [n for n in items if not (n in seen or seen.add(n))]  # type: ignore[func-returns-value]


def _make(match: re.Match[str], kind: str, fields: dict[str, Any], canonical: str | None) -> Citation:
    """A citation over the whole match, or over its group "cite" when the pattern has one."""
    start, end = match.span("cite") if "cite" in match.re.groupindex else match.span()
    return Citation(kind=kind, text=match.string[start:end], span=(start, end), fields=fields, canonical=canonical)


def _dossier_fields(match: re.Match[str]) -> tuple[str, str | None, dict[str, Any]]:
    """Dossier number, toevoeging and their fields (with the Rijkswet mark, when there is one)."""
    dossier = _digits(match.group("dossier"))
    toev = _toevoeging(_group(match, "toev"))
    fields: dict[str, Any] = {"dossier": dossier}
    if toev:
        fields["toevoeging"] = toev
    rijkswet = _rijkswet(_group(match, "rw"))
    if rijkswet:
        fields["rijkswet"] = rijkswet
    return dossier, toev, fields


# -- builders: one per pattern --------------------------------------------------------------------


def _build_kamerstuk(match: re.Match[str]) -> list[Citation]:
    """Keyword forms ("Kamerstuk 28 676, nr. 467") and bare ones ("(29 521, nr. 455)")."""
    dossier, toev, fields = _dossier_fields(match)
    chamber = _group(match, "ch") or _group(match, "chamber")
    if chamber:
        fields["chamber"] = {"I": "ek", "Eerste": "ek", "I/II": "ek/tk"}.get(chamber, "tk")
    vj = vergaderjaar(_group(match, "vj") or _group(match, "vj2"))
    if vj:
        fields["vergaderjaar"] = vj
    if _group(match, "dossier2"):
        second = _digits(match.group("dossier2"))
        toev2 = _toevoeging(match.group("toev2"))
        fields["also_dossiers"] = [f"{second}-{toev2}" if toev2 else second]
    keyword = _group(match, "kw")
    if keyword and keyword.startswith("Kamerbrief"):
        fields["form"] = "kamerbrief"
    fields.update(_common_fields(match))
    numbers = [
        re.sub(r"\s", "", n) for n in (_group(match, "nr"), _group(match, "cnr"), _group(match, "ek")) if n
    ] or _split_numbers(_group(match, "nums") or "")
    more = re.sub(rf"(?:p|pp|blz|pag)\.\s*\d+(?:\s*{_DASH}\s*\d+)?", " ", _group(match, "more") or "").strip()
    numbers = _unique(numbers + _split_numbers(more))
    if not numbers and toev and toev.isdigit() and dossier not in SUBSERIES_DOSSIERS and "also_dossiers" not in fields:
        # "Kamerstuk 36100-3": a paper of dossier 36100 (only 21501 has numbered sub-series)
        numbers, toev = [toev], None
        del fields["toevoeging"]
    if not numbers:
        if _group(match, "vj2"):  # "Tweede Kamer, vergaderjaar ..., 36 725 X" without a number: not a citation
            return []
        fields["whole_dossier"] = True
        canonical = f"dossier-{dossier}-{toev}" if toev else f"dossier-{dossier}"
        return [_make(match, "dossier", fields, canonical)]
    citations = []
    for index, number in enumerate(numbers):
        own = dict(fields, ondernummer=number)
        if len(numbers) > 1:
            own["numbers"] = list(numbers)
        if index and more:  # "nr. 12, p. 4; nr. 14": the page is the first number's
            own.pop("page", None)
        citations.append(_make(match, "kamerstuk", own, _kst_canonical(dossier, toev, number)))
    return citations


def _build_compact(match: re.Match[str]) -> list[Citation]:
    """ "21501-28-296", "36025-(R2180)-7", and "36100-1" in a list or parentheses."""
    if _group(match, "toev_s"):  # "21501-071400"
        series, paper = match.group("toev_s"), match.group("cnr_s")
        if match.group("dossier") not in SUBSERIES_DOSSIERS:
            return []
        glued = {"dossier": match.group("dossier"), "toevoeging": series, "ondernummer": paper}
        return [_make(match, "kamerstuk", glued, _kst_canonical(match.group("dossier"), series, paper))]
    dossier, toev, fields = _dossier_fields(match)
    nr = match.group("cnr")
    if toev is None and dossier in SUBSERIES_DOSSIERS and len(nr) <= 2:  # "(21501-20)": the sub-series
        fields["whole_dossier"] = True
        fields["toevoeging"] = nr
        return [_make(match, "dossier", fields, f"dossier-{dossier}-{nr}")]
    fields["ondernummer"] = nr
    return [_make(match, "kamerstuk", fields, _kst_canonical(dossier, toev, nr))]


def _build_compact_short(match: re.Match[str]) -> list[Citation]:
    """ "36100-1" only at the start of a line, after "(" or ";", or after a spaced dash."""
    window_start = max(0, match.start() - 64)
    before = match.string[window_start : match.start()].rstrip(" \t\u00a0")
    at_text_start = not before and window_start == 0
    if at_text_start or before.endswith(("(", ";", "\n")) or re.search(r"\s[-\u2013]$", before):
        return _build_compact(match)
    return []


def _build_dossier_paren(match: re.Match[str]) -> list[Citation]:
    dossier, toev, fields = _dossier_fields(match)
    fields["whole_dossier"] = True
    return [_make(match, "dossier", fields, f"dossier-{dossier}-{toev}")]


def _build_nr_dossier(match: re.Match[str]) -> list[Citation]:
    dossier, toev, fields = _dossier_fields(match)
    fields["ondernummer"] = match.group("nr")
    return [_make(match, "kamerstuk", fields, _kst_canonical(dossier, toev, match.group("nr")))]


def _build_handelingen(match: re.Match[str]) -> list[Citation]:
    chamber = "ek" if (match.group("ch") or match.group("ch2")) == "I" else "tk"
    vj = vergaderjaar(match.group("vj") or match.group("vj2"))
    kind = "aanhangsel" if match.group("ah") or match.group("ah2") else "handelingen"
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
    if kind == "aanhangsel" and match.group("ah2") and not nr:
        return []  # "Kamerstukken II 2022/23, Aanhangsel" without a number
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
    courant = match.group(0).startswith(("Staatscourant", "Stcrt"))
    kind, prefix = ("staatscourant", "stcrt") if courant else ("staatsblad", "stb")
    year, nr = match.group("year") or match.group("dyear"), match.group("nr") or match.group("nr2")
    fields: dict[str, Any] = {"year": year, "nummer": nr}
    iso = _iso_date(match, "dyear") if match.group("dyear") else None
    if iso:
        fields["date"] = iso
    return [_make(match, kind, fields, f"{prefix}-{year}-{nr}")]


def _build_motie(match: re.Match[str]) -> list[Citation]:
    raw_names = match.group("names") or match.group("names2")
    names = [re.sub(r"\s+", " ", n.strip()) for n in re.split(r"/|,|\ben\b", raw_names) if n.strip()]
    fields: dict[str, Any] = {"indieners": names, "cum_suis": bool(match.group("cs"))}
    if match.group("about"):
        fields["onderwerp"] = re.sub(r"\s+", " ", match.group("about")).strip()
    canonical = None
    if match.group("nr"):
        dossier, toev, dossier_fields = _dossier_fields(match)
        fields.update(dossier_fields, ondernummer=match.group("nr"))
        canonical = _kst_canonical(dossier, toev, match.group("nr"))
    return [_make(match, "motie", fields, canonical)]


_ID_KINDS = {"kst": "kamerstuk", "ah": "aanhangsel", "h": "handelingen", "stb": "staatsblad", "stcrt": "staatscourant"}


def _build_id(match: re.Match[str]) -> list[Citation]:
    """An official id as written; a Rijkswet mark inside it ("kst-36025-R2180-7") is left out of the
    canonical id, as the official ids do."""
    ident = match.group("id")
    kind = _ID_KINDS[ident.split("-")[0]]
    fields: dict[str, Any] = {"form": "id"}
    if kind == "kamerstuk":
        dossier, toev, own = _dossier_fields(match)
        fields.update(own, ondernummer=match.group("nr"))
        return [_make(match, kind, fields, _kst_canonical(dossier, toev, match.group("nr")))]
    parts = ident.split("-")
    if kind in ("aanhangsel", "handelingen"):
        fields.update(chamber=parts[1], vergaderjaar=parts[2], nummer=parts[3])
        if len(parts) == 5:
            fields["item"] = parts[4]
    else:
        fields.update(year=parts[1], nummer=parts[2])
    return [_make(match, kind, fields, ident)]


_PATTERNS: tuple[tuple[re.Pattern[str] | _Lazy, Callable[[re.Match[str]], list[Citation]]], ...] = (
    (_KAMERSTUK, _build_kamerstuk),
    (_BARE, _build_kamerstuk),
    (_COMPACT, _build_compact),
    (_COMPACT_SHORT, _build_compact_short),
    (_NR_DOSSIER, _build_nr_dossier),
    (_DOSSIER_PAREN, _build_dossier_paren),
    (_HANDELINGEN, _build_handelingen),
    (_KAMERBRIEF_NR, _build_kamerbrief_nr),
    (_TK_NUMBER, _build_tk_number),
    (_EU, _build_eu),
    (_STAATSBLAD, _build_staatsblad),
    (_MOTIE, _build_motie),
    (_ID, _build_id),
)


_CONTEXT_DATE = _Lazy(
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


# What a pattern cannot match without (a plain search, far cheaper than the pattern tried at every
# position of a text that lacks it): patterns not named here are always tried.
_NEEDS: dict[re.Pattern[str] | _Lazy, re.Pattern[str]] = {
    _HANDELINGEN: re.compile("Handelingen|Aanhangsel"),
    _KAMERBRIEF_NR: re.compile("Kamerbrief"),
    _TK_NUMBER: re.compile(r"(?:19|20)\d{2}[AZD]\d{5}"),
    _EU: re.compile("COM|JOIN|SWD|SEC"),
    _ID: re.compile("kst-|ah-|h-|stb-|stcrt-"),
}


def _candidates(text: str) -> Iterator[_Match]:
    for pattern, build in _PATTERNS:
        need = _NEEDS.get(pattern)
        if need is not None and need.search(text) is None:
            continue
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            citations = build(match)
            if citations:
                yield _Match(citations[0].span[0], citations[0].span[1], citations)


# Superscript digits (footnote markers) are read as a neutral mark: not a word character, not a
# digit, not a space (U+2063 INVISIBLE SEPARATOR), so "(?![\w])" and "(?!\d)" hold after "467⁵".
_MARKERS_NEUTRAL = str.maketrans(dict.fromkeys(SUPERSCRIPT_DIGITS, "\u2063"))
_ANY_MARKER = re.compile("[" + re.escape(SUPERSCRIPT_DIGITS) + "]")


def parse_citations(text: str) -> list[Citation]:
    """Every citation in ``text``, in text order. Overlapping matches: the one starting first wins,
    then the longest. Never raises on any string."""
    if not text:
        return []
    # same length: spans hold in ``text`` (translate only when needed: it is slow on long texts)
    scanned = text.translate(_MARKERS_NEUTRAL) if _ANY_MARKER.search(text) else text
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
