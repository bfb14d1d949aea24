"""From page lines to a clean body: artefacts out, paragraphs, headings, hyphens, footnote markers.

Page noise, precisely (everything else in the input reaches the body or a footnote):
- artefact lines (``is_artefact_line``): lone ">"/"<" marks, "> Retouradres ..." / "v agenda> ..."
  lines, "Pagina 1 van 15", official running footers and colophon lines ("Tweede Kamer,
  vergaderjaar 2024–2025, 28 676, nr. 467", "kst-28676-467", "ISSN 0921 - 7371", "’s-Gravenhage 2024");
- whitespace: runs of blank and space-only lines (page breaks), line ends, repeated spaces;
- rule lines ("_____", "-----"): a drawn separator, read as a blank line;
- the hyphen of a word broken at a line end ("beperk-" + "tere" -> "beperktere");
- footnote blocks, which move to ``footnotes`` (the footnote number becomes ``Footnote.number``);
- the letter-head block before the salutation (see metadata.parse_header), which becomes metadata.

In-band marks: PDF readers put ``MARK_OPEN digits MARK_CLOSE`` around superscript markers they are
sure of, and the assembler puts ``PAGE_MARK`` where a page begins; both are removed from the final
text and turned into offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.core.importing import footnotes as fn
from desktop_app.core.importing import metadata as meta
from desktop_app.core.model import Footnote, Span
from desktop_app.core.superscript import superscript

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
PAGE_MARK = "\ue002"
_MARKS = MARK_OPEN + MARK_CLOSE + PAGE_MARK

# Official running footers and colophon lines ("kst-28676-467", "ISSN 0921 - 7371",
# "’s-Gravenhage 2024", "Tweede Kamer, vergaderjaar 2024–2025, 28 676, nr. 467", "Pagina 1 van 15").
FOOTER_PATTERNS = [
    re.compile(r"^\s*Pagina\s+\d+\s+(?:van|/)\s+\d+\s*$", re.IGNORECASE),
    re.compile(r"^\s*(?:kst|ah-tk|ah-ek|h-tk|h-ek|blg|stb|stcrt)-[\w-]+(?:\s+ISSN\b.*)?\s*$"),
    re.compile(r"^\s*ISSN\s+\d{4}\s*-\s*\d{3}[\dX]\s*$"),
    re.compile(r"^\s*[’']s-Gravenhage\s+\d{4}\s*$"),
    re.compile(
        r"^\s*(?:Eerste|Tweede)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s*"
        r"(?:Aanhangsel|.*\bnr\.\s*\S+)(?:\s+\d{1,4})?\s*$"
    ),
]
_ARTEFACTS = [
    re.compile(r"^\s*[<>]+\s*$"),
    meta.RETOURADRES,
    re.compile(r"^\s*[\w ]{0,24}>\s*$"),  # "v agenda>"
    *FOOTER_PATTERNS,
]
_TERMINAL = re.compile(r"[.!?][)\"'’”]*$")
_MOTION_END = re.compile(r"^\s*en gaat over tot de orde van de dag\.?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•●▪■◦·*–-]|\(?(?:[a-z]|\d{1,2})[.)])\s+\S")
_ENUMERATED = re.compile(r"^\s*(?:\d{1,2}\.|[a-z]\))\s+[A-Z]")  # "2. Essentie", "a) Inhoud"
_SYMBOL_BULLET = re.compile(r"^\s*[•●▪■◦·*–-]\s")
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
_SINGLE_SPACE_START = re.compile(r"^ \S")


def _one_pattern(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """The patterns as one alternation (each keeps its own case rule): one ``match`` per line instead
    of one per pattern (a 40 MB letter has ~2.5 million lines to look at)."""
    parts = [f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})" for p in patterns]
    return re.compile("|".join(parts))


_ARTEFACT = _one_pattern(_ARTEFACTS)


def is_artefact_line(line: str) -> bool:
    """True for extraction noise lines that are dropped from the body (see module docstring)."""
    return _ARTEFACT.match(line) is not None


@dataclass
class Page:
    """One page of a document: its body lines (raw) and the footnotes found at its bottom."""

    lines: list[str]
    footnotes: list[tuple[int, str]] = field(default_factory=list)  # (number, lines joined by "\n")
    # a PDF reader's view of the last body line: True when it runs to the right margin (so the
    # paragraph goes on over the page break even after a full stop); None when unknown (text)
    last_line_full: bool | None = None


@dataclass
class CleanText:
    text: str
    paragraphs: list[str]
    headings: tuple[Span, ...]
    page_starts: tuple[int, ...]
    footnotes: tuple[Footnote, ...]


# ---------------------------------------------------------------- plain text -> pages


def split_txt_pages(lines: list[str]) -> list[Page]:
    """Cut text lines into pages and take the footnote block off the bottom of each.

    A page begins after a run of 5 or more blank/space-only lines, at a form feed, or at a line
    starting with exactly one space right after a text line (how extracted ministry letters mark
    a new page), unless most lines start with a space.
    """
    chunks = _page_chunks(lines)
    pages: list[Page] = []
    expected = 1
    for chunk in chunks:
        idx = fn.find_footnote_block(chunk, expected, _body_has_marker)
        if idx is None:
            pages.append(Page(chunk))
            continue
        parts = fn.split_footnotes(chunk[idx:], expected)
        notes = [(number, "\n".join(part)) for number, part in parts]
        expected = parts[-1][0] + 1
        pages.append(Page(chunk[:idx], notes))
    return pages


def _body_has_marker(lines: list[str], number: int) -> bool:
    return fn.has_marker_candidate(" ".join(line.strip() for line in lines), number)


def _page_chunks(lines: list[str]) -> list[list[str]]:
    spaced = sum(1 for ln in lines if _SINGLE_SPACE_START.match(ln))
    nonblank = sum(1 for ln in lines if ln.strip()) or 1
    use_space_starts = spaced / nonblank < 0.2
    chunks: list[list[str]] = [[]]
    blank_run = 0
    for line in lines:
        if line == "\f":
            chunks.append([])
            blank_run = 0
            continue
        if not line.strip():
            blank_run += 1
            chunks[-1].append(line)
            continue
        current = chunks[-1]
        if blank_run >= 5 and any(ln.strip() for ln in current):
            chunks.append([])
        elif (
            use_space_starts
            and blank_run == 0
            and _SINGLE_SPACE_START.match(line)
            and current
            and current[-1].strip()
        ):
            chunks.append([])
        blank_run = 0
        chunks[-1].append(line)
    return [c for c in chunks if any(ln.strip() for ln in c)] or [[]]


# ---------------------------------------------------------------- pages -> clean text


@dataclass
class _Para:
    kind: str  # "p" paragraph, "h" heading, "c" closing/signature line
    lines: list[str]
    raw_last: str = ""  # last raw line (trailing spaces tell whether a line-end hyphen is real)


class _Assembler:
    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        all_lines = [ln for p in pages for ln in p.lines]
        lengths = sorted(len(_plain(ln).strip()) for ln in all_lines if ln.strip())
        self.width = lengths[int(len(lengths) * 0.8)] if lengths else 80
        # the words the letter itself writes (hyphen joins), and those standing on their own somewhere
        # (not the tail of a word broken at a line end); read in chunks of lines, so a 40 MB letter
        # never has one list of all its words (~300 MB) nor a second copy of its text
        self.vocab: set[str] = set()
        self.words: set[str] = set()
        texts = (*(_plain(ln) for ln in all_lines), *(t for p in pages for _, t in p.footnotes))
        before = ""  # the end of the previous chunk: a word broken there has its tail in this one
        for start in range(0, len(texts), _CHUNK_LINES):
            chunk = "\n".join(texts[start : start + _CHUNK_LINES]).lower()
            self.vocab.update(_WORD.findall(chunk))
            self.words.update(_WORD.findall(_BROKEN_TAIL.sub("\n", before + "\n" + chunk)[len(before) :]))
            before = chunk[-2:]
        self.paras: list[_Para] = []
        self.cur: _Para | None = None
        self.after_signature = False
        self.after_heading = False  # the previous line was a heading ("1. Algemene gegevens")
        self.after_motion = False  # past a motion's "en gaat over tot de orde van de dag.": its signers

    # -- classification
    def _short(self, stripped: str, ratio: float) -> bool:
        return len(stripped) < ratio * max(self.width, 40)

    def ends_paragraph(self, raw: str) -> bool:
        stripped = _plain(raw).strip()
        if not _TERMINAL.search(stripped) and not stripped.endswith(":"):
            return False
        return raw.endswith("  ") or self._short(stripped, 0.7)

    def is_heading(self, line: str, prev: str | None, nxt: str | None) -> bool:
        s = _plain(line).strip()
        nxt_plain = _plain(nxt).strip() if nxt is not None else ""
        alone = (prev is None or not prev.strip()) and nxt is not None and not nxt_plain
        if not s or len(s) > 90 or len(s.split()) > 12:
            return False
        if not self._short(s, 0.75) and not alone:
            return False
        if s[-1] in ".,;:!?" or not (s[0].isupper() or s[0].isdigit() or _ENUMERATED.match(s)):
            return False
        if not any(c.isalpha() for c in s) or _SYMBOL_BULLET.match(s):
            return False  # "a) Titel voorstel", "2. Essentie voorstel" may be headings; "• x" not
        if meta.SIGNATURE_TITLE.match(s) or meta.CLOSING.match(s) or self.after_signature:
            return False
        prev_ok = (
            prev is None
            or not prev.strip()
            or self.ends_paragraph(prev)
            or (self.after_heading and bool(_ENUMERATED.match(s)))  # "1. Algemeen" / "a) Titel"
        )
        next_ok = not nxt_plain or nxt_plain[0].isupper() or nxt_plain[0].isdigit() or bool(
            _BULLET.match(nxt_plain)
        )
        return prev_ok and next_ok

    def _is_signature_title(self, s: str, prev: str | None) -> bool:
        """"DE MINISTER VAN DEFENSIE", "De Minister van Defensie," - not a sentence that starts
        with "De minister van Defensie heeft ..." inside a paragraph."""
        if not meta.SIGNATURE_TITLE.match(s) or len(s) > 70:
            return False
        if s.isupper() or s.rstrip().endswith(","):
            return True
        return prev is None or not prev.strip() or bool(meta.CLOSING.match(_plain(prev)))

    # -- building
    def close(self) -> None:
        if self.cur is not None:
            self.paras.append(self.cur)
            self.cur = None

    def start(self, kind: str, line: str, raw: str) -> None:
        self.close()
        self.cur = _Para(kind, [line], raw)

    def append(self, line: str, raw: str) -> None:
        assert self.cur is not None
        self.cur.lines[-1] = self._join(self.cur.lines[-1], self.cur.raw_last, line)
        self.cur.raw_last = raw

    def join_lines(self, raw_lines: list[str]) -> str:
        """Join the lines of one block (a footnote) with the same hyphen rules as the body."""
        text, previous = "", ""
        for raw in raw_lines:
            line = re.sub(r"\s+", " ", raw.strip())
            if not line:
                continue
            text = self._join(text, previous, line) if text else line
            previous = raw
        return text

    def _join(self, left: str, left_raw: str, right: str) -> str:
        right_plain = _plain(right)
        if left.endswith("\xad"):  # soft hyphen: the word was broken, never a real hyphen
            return left[:-1] + right
        if left.endswith("-") and not left_raw.rstrip("\n").endswith(" ") and len(left) > 1:
            before = _plain(left)[:-1]
            if before[-1:].isdigit() and right_plain[:1].isdigit():
                return left + right  # a number broken at its hyphen: "21501-07-" "1400"
            if _URL_TAIL.search(before):
                return left + right  # a web address broken after its hyphen keeps it ("ronl-" "b38...")
            if before[-1:].isalpha() and right_plain[:1].isalpha():
                w1 = re.split(r"[\s\-/(\"“‘]", before)[-1]
                w2 = re.match(r"[^\W\d_]+", right_plain)
                if w2 and w2.group(0) in ("en", "of") and right_plain[2:3] in (" ", ""):
                    return left + " " + right  # "wet-" "en regelgeving": a shortened compound
                if w2 and should_join_hyphen(
                    w1, w2.group(0), self.vocab, self.words, compound=before[: -len(w1)].endswith("-")
                ):
                    return left[:-1] + right
                return left + right
        return left + " " + right

    def run(self) -> None:
        for p_index, page in enumerate(self.pages):
            lines = _trim_blank(page.lines)
            first = True
            for i, raw in enumerate(lines):
                if not raw.strip():
                    self.close()
                    continue
                line = re.sub(r"\s+", " ", raw.strip())
                if first and p_index > 0:
                    line = PAGE_MARK + line
                    full = self.pages[p_index - 1].last_line_full
                    if self.cur is not None and (
                        self.cur.kind != "p"
                        or (_TERMINAL.search(_plain(self.cur.lines[-1])) and not full)
                        or _ENUMERATED.match(raw)
                    ):
                        self.close()
                prev = lines[i - 1] if i > 0 else self._last_raw(p_index)
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                self._place(line, raw, prev, nxt)
                first = False
            if first and p_index > 0:  # a page without body lines still has a start
                self._page_mark_only()
        self.close()

    def _last_raw(self, p_index: int) -> str | None:
        """The line before the first line of a page: the open paragraph's last line, if any."""
        if p_index == 0 or self.cur is None:
            return None
        return self.cur.raw_last

    def _page_mark_only(self) -> None:
        if self.cur is not None:
            self.cur.lines[-1] += PAGE_MARK
        elif self.paras:
            self.paras[-1].lines[-1] += PAGE_MARK

    def _place(self, line: str, raw: str, prev: str | None, nxt: str | None) -> None:
        """Put one line into a paragraph, a heading or a closing line."""
        s = _plain(line)
        title = self._is_signature_title(s, prev)
        if meta.CLOSING.match(s) or title:
            self.start("c", line, raw)
            self.close()
            self.after_signature = title
            return
        if self.after_signature:
            self.after_signature = False
            if len(s) <= 60 and not _TERMINAL.search(s):
                self.start("c", line, raw)
                self.close()
                return
        if self.after_motion and len(s.strip()) <= 60 and not _TERMINAL.search(s):
            self.start("c", line, raw)  # a signer's name, one a line: no heading
            self.close()
            return
        self.after_motion = bool(_MOTION_END.match(s))
        if self.is_heading(line, prev, nxt):
            self.start("h", line, raw)
            self.close()
            self.after_heading = True
            return
        self.after_heading = False
        if self.cur is None or _BULLET.match(s):
            self.start("p", line, raw)
        else:
            self.append(line, raw)
        if self.ends_paragraph(raw):
            self.close()


def _trim_blank(lines: list[str]) -> list[str]:
    """Blank lines at a page's top and bottom are page-break noise, not paragraph breaks."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def should_join_hyphen(
    w1: str, w2: str, vocab: set[str], words: set[str] | None = None, compound: bool = False
) -> bool:
    """Decide a line-end hyphen between ``w1`` and ``w2`` (DOMAIN.md rule).

    Keep it when the hyphenated form occurs elsewhere ("defensie-industrie"); join an abbreviation a
    typesetter broke ("NA-" "VO" when "NAVO" occurs elsewhere); keep it after a capital or before a
    capital ("NAVO-" "bondgenootschap", "Noord-" "Atlantische"); join when the joined form occurs
    elsewhere, or when ``w1`` is not a word by itself ("beperk-tere").

    With ``words`` (the words that stand on their own somewhere, not as the tail of a word broken at
    a line end), a break after a word is weighed as Dutch spelling does: the hyphen stays after a
    prefix such as "oud-" or "ex-", between two vowels ("zee-egel"), inside a hyphenated compound
    (``compound``: "notificatie-app-" "software") and between two long words ("medisch-"
    "inhoudelijke"); a word processor's hyphenation is recognised by a short part ("in-" "vulling",
    "hier-" "van") or a joined form whose start, two letters past the break, starts a known word
    ("belang-" "rijkste" beside "belangrijk", "plaats-" "vinden" beside "plaatsvindt"). A part
    that is no word by itself keeps its hyphen only when it starts a hyphenated compound elsewhere.
    """
    if not w1 or not w2:
        return False
    hyphenated, joined = f"{w1}-{w2}".lower(), f"{w1}{w2}".lower()
    if hyphenated in vocab:
        return False
    if w1.isupper() and w2.isupper() and joined in vocab:
        return True
    if w1[-1].isupper() or w2[0].isupper():
        return False
    if joined in vocab:
        return True
    if words is None:
        return w1.lower() not in vocab
    first = w1.lower()
    if first not in words:  # unless it starts a hyphenated compound elsewhere ("chinook-transport...")
        return not any(word.startswith(first + "-") for word in vocab)
    if compound or first in _HYPHEN_PREFIXES or (first[-1] in _VOWELS and w2[0].lower() in _VOWELS):
        return False
    if min(len(w1), len(w2)) < 4 and any(c in _VOWELS for c in first):  # not "btw-" "tarief"
        return True
    start = joined[: len(w1) + 2]  # runs on past the break as a known word does ("plaatsvindt")
    return any(word.startswith(start) for word in words)


_HYPHEN_PREFIXES = frozenset(["ex", "oud", "niet", "anti", "vice", "non", "pro", "co", "loco", "adjunct"])
_VOWELS = frozenset("aeiouyáéíóúäëïöüàèâêîôû")
# the tail of a word broken at a line end: the start of the line after a line-end hyphen
_BROKEN_TAIL = re.compile(r"(?<=[^\W\d_]-)\n[^\W\d_]+(?:-[^\W\d_]+)*")  # a word's tail after a line-end hyphen
_CHUNK_LINES = 2000


_NO_MARKS = {ord(c): None for c in _MARKS}
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$", re.IGNORECASE)
_MARK_RE = re.compile(f"[{_MARKS}]")


def _plain(line: str | None) -> str:
    """The line without in-band marks (most lines have none: ``in`` is far cheaper than translate)."""
    if not line:
        return ""
    if MARK_OPEN in line or MARK_CLOSE in line or PAGE_MARK in line:
        return line.translate(_NO_MARKS)
    return line


def assemble(pages: list[Page]) -> tuple[list[_Para], list[tuple[int, int, str]]]:
    """Run the paragraph assembler; also returns footnotes as (page, number, text), their lines
    joined like body lines (page footnote texts hold one line per "\n")."""
    assembler = _Assembler(pages)
    assembler.run()
    notes = [
        (i, number, assembler.join_lines(text.split("\n")))
        for i, page in enumerate(pages)
        for number, text in page.footnotes
    ]
    return assembler.paras, notes


def build_clean_text(pages: list[Page]) -> CleanText:
    """Assemble pages into the clean body, with headings, page starts and footnotes with markers."""
    paras, notes = assemble(pages)
    marked = "\n\n".join(" ".join(p.lines) for p in paras)
    shape = [(p.kind, len(_plain(" ".join(p.lines)))) for p in paras]  # what the text is cut by below
    del paras  # a big letter: no more copies of its text alive at once than needed
    text, page_starts, sure_markers = _take_marks(marked)
    del marked
    page_starts = [0] + page_starts if pages else []
    footnotes = _attach_markers(text, notes, page_starts, sure_markers)
    text = _superscript_markers(text, footnotes)
    headings: list[Span] = []
    paragraphs: list[str] = []
    pos = 0
    for kind, length in shape:
        if kind == "h":
            headings.append((pos, pos + length))
        paragraphs.append(text[pos : pos + length])
        pos += length + 2
    return CleanText(text, paragraphs, tuple(headings), tuple(page_starts[: len(pages)]), footnotes)


def _superscript_markers(text: str, footnotes: tuple[Footnote, ...]) -> str:
    """Each marker's digits become superscript digits ("20245" -> "2024⁵"): the same number of code
    points, so every offset holds and ``text[start:end] == superscript(number)``."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(f.marker for f in footnotes if f.marker):
        parts += [text[pos:start], superscript(text[start:end])]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _take_marks(marked: str) -> tuple[str, list[int], list[tuple[int, Span]]]:
    """The text without its in-band marks, the page starts and the (number, span) of each marked
    footnote marker. Only the marks are visited: the text between them is copied whole."""
    out: list[str] = []
    page_starts: list[int] = []
    markers: list[tuple[int, Span]] = []
    pos = 0
    last = 0
    open_at: int | None = None
    opened = 0  # len(out) when the marker opened
    for match in _MARK_RE.finditer(marked):
        chunk = marked[last : match.start()]
        if chunk:
            out.append(chunk)
            pos += len(chunk)
        last = match.end()
        ch = match.group()
        if ch == PAGE_MARK:
            page_starts.append(pos)
        elif ch == MARK_OPEN:
            open_at, opened = pos, len(out)
        else:  # MARK_CLOSE
            if open_at is not None and pos > open_at:
                digits = "".join(out[opened:])
                if digits.isdigit():
                    markers.append((int(digits), (open_at, pos)))
            open_at = None
    out.append(marked[last:])
    return "".join(out), page_starts, markers


def _attach_markers(
    text: str,
    notes: list[tuple[int, int, str]],
    page_starts: list[int],
    sure: list[tuple[int, Span]],
) -> tuple[Footnote, ...]:
    """Give each footnote its marker span: a marker the PDF reader was sure of, else the first
    plausible glued number on the footnote's page after the previous marker."""
    result: list[Footnote] = []
    used: set[Span] = set()
    floor = 0
    for page, number, note_text in notes:
        span = next((s for n, s in sure if n == number and s not in used and s[0] >= floor), None)
        if span is None:
            lo = max(floor, page_starts[page] if page < len(page_starts) else 0)
            hi = page_starts[page + 1] if page + 1 < len(page_starts) else len(text)
            span = fn.locate_marker(text, number, lo, hi)
        if span is not None:
            used.add(span)
            floor = span[1]
        clean_note = re.sub(r"\s+", " ", note_text).strip()
        result.append(Footnote(number=number, text=clean_note, marker=span))
    return tuple(result)


_RULE = re.compile(r"^\s*[_‐‑‒–—-]{5,}\s*$")  # a drawn rule (footnote separator): a blank line


def remove_artefacts(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split lines into (kept, removed artefact lines); rule lines become blank lines."""
    kept: list[str] = []
    removed: list[str] = []
    for line in lines:
        if _RULE.match(line):
            kept.append("")
        elif is_artefact_line(line):
            removed.append(line)
        else:
            kept.append(line)
    return kept, removed
