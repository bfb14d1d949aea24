"""SummaryDocument -> Markdown (CommonMark), for note tools (Obsidian, Logseq, Joplin ...).

Same structure as the PDF: title block, overview table, sections, sources. It is meant to read well
as plain text too, so only what a renderer would act on is backslash-escaped: "*", "`", "\\", "_" at
word edges, "<" before a tag, "&" of an entity, "[" "]" of a would-be link, "~~", and block markers
at the start of a line. Markup in letter and note text ("<script>", "&amp;") still shows literally.
Kamerstuk ids and citations link to their official address; [n] marks link to the list of sources.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.core.export.labels import Words
from desktop_app.core.export.model import Passage, Section, SourceInfo, SummaryDocument
from desktop_app.render.common import (
    citation_parts,
    format_date,
    official_url,
    paragraphs,
    source_details,
    source_kamerstuk,
    source_ref,
)

_SPECIAL = re.compile(
    r"([\\`*]|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\[(?=[^\]]*\][(\[:])|\](?=[(\[:])|~(?=~)|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))"
)
_LINE_START = re.compile(r"^(\s*)([-+=>#]|\d+[.)])(?=\s|$|#)", re.MULTILINE)
OVERVIEW_COLUMNS = 10


def md_escape(value: str) -> str:
    """Text shown as typed: Markdown and HTML specials backslash-escaped (CommonMark §2.4)."""
    escaped = _SPECIAL.sub(r"\\\1", value)
    return _LINE_START.sub(lambda m: m.group(1) + re.sub(r"([-+=.)>#])", r"\\\1", m.group(2)), escaped)


def _inline(value: str) -> str:
    """Escaped, on one line (for headings, table cells, list items)."""
    return md_escape(" ".join(value.split()))


def _cell(value: str) -> str:
    """A table cell: escaped, on one line, "|" escaped too."""
    return _inline(value).replace("|", "\\|")


def _link(text: str, url: str | None) -> str:
    """``text`` (already escaped) as a link to ``url``, or as it is without one."""
    return f"[{text}]({url})" if url else text


def _source_mark(number: int, w: Words) -> str:
    """"[3]" linking to the list of sources (its heading's anchor, as GitHub and Obsidian make it)."""
    return f"[[{number}]](#{w('sources').lower()})"  # balanced brackets may stand in link text


def _details(source: SourceInfo, w: Words) -> str:
    kst = source_kamerstuk(source, w)
    parts = [_link(_inline(p), official_url(source.kamerstuk)) if p == kst else _inline(p) for p in source_details(source, w)]
    return " · ".join(parts)


def _label(text: str) -> str:
    """A bold label: "Note: " -> "**Note:** "."""
    return f"**{text.rstrip().rstrip(':')}:** "


def render_markdown(summary: SummaryDocument) -> str:
    w = summary.words
    out: list[str] = [f"# {_inline(summary.title)}", ""]
    counts = summary.counts
    tally = [
        f"{_label(w('c_passages'))}{counts.passages}",
        f"{_label(w('c_letters'))}{counts.letters}",
        f"{_label(w('c_themes'))}{counts.themes}",
    ]
    if counts.orphans:
        tally.append(f"{_label(w('c_orphans'))}{counts.orphans}")
    out += [
        f"{_label(w('scope'))}{_inline(summary.scope_description)}  ",
        f"{_inline(w('made_on', date=format_date(summary.created, w)))}  ",
        " · ".join(tally),
        "",
    ]
    out += _overview(summary)
    for section in summary.sections:
        out += _section(section, w)
    out += [f"## {_inline(w('sources'))}", ""]
    for source in summary.sources:
        details = _details(source, w) + " · " + w.count("passage", source.passage_count)
        out.append(f"{source.number}\\. **{_inline(source.label)}**  ")
        out.append(f"   {details}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _overview(summary: SummaryDocument) -> list[str]:
    ov, w = summary.overview, summary.words
    out = [f"## {_inline(w('overview'))}", "", _inline(w("overview_intro")), ""]
    n = len(ov.sources)
    for lo in range(0, max(n, 1), OVERVIEW_COLUMNS):
        cols = range(lo, min(lo + OVERVIEW_COLUMNS, n))
        last = cols.stop >= n
        head = [w("theme")] + [f"[{ov.sources[c].number}]" for c in cols] + ([w("total")] if last else [])
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" + "--:|" * (len(head) - 1))
        for r, theme in enumerate(ov.themes):
            cells = [_cell(theme.label)] + [str(ov.counts[r][c]) for c in cols]
            out.append("| " + " | ".join(cells + ([str(ov.theme_totals[r])] if last else [])) + " |")
        if ov.untagged:
            cells = [_cell(w("untagged"))] + [str(ov.untagged[c]) for c in cols]
            out.append("| " + " | ".join(cells + ([str(sum(ov.untagged))] if last else [])) + " |")
        cells = [f"**{w('passages_row')}**"] + [str(ov.letter_totals[c]) for c in cols]
        out.append("| " + " | ".join(cells + ([str(sum(ov.letter_totals))] if last else [])) + " |")
        out.append("")
    return out


def _section(section: Section, w: Words) -> list[str]:
    out = [f"## {_inline(section.title)}", ""]
    if section.description:
        out += [f"*{_inline(section.description)}*", ""]
    if section.source is not None:
        out += [f"{_source_mark(section.source.number, w)} {_details(section.source, w)}", ""]
    for sub in section.subsections:
        if sub.title is not None and sub.source is not None:
            out += [f"### {_source_mark(sub.source.number, w)} {_inline(sub.title)}", ""]
            out += [_details(sub.source, w), ""]
        for passage in sub.passages:
            out += _passage(passage, w)
    return out


def _passage(passage: Passage, w: Words) -> list[str]:
    out: list[str] = []
    if passage.orphan:
        out += [f"> **{md_escape(w('orphan_mark'))}**", ">"]
    quote_paras = paragraphs(passage.quote) or [""]
    for i, para in enumerate(quote_paras):
        if i:
            out.append(">")
        out += ["> " + line for line in md_escape(para).split("\n")]
    out.append("")
    items: list[str] = []
    if passage.themes:
        items.append(_label(w("c_themes")) + ", ".join(_inline(t.label) for t in passage.themes))
    if passage.note.strip():
        note = "\n\n".join("  " + md_escape(p).replace("\n", "  \n  ") for p in paragraphs(passage.note))
        items.append(_label(w("note")) + note.lstrip())
    items += [f"{_label(w('footnote_n', n=f.number).capitalize())}{_inline(f.text)}" for f in passage.footnotes]
    for c in passage.citations:
        parts = citation_parts(c, w)
        mark = f"{_source_mark(parts.target_number, w)} " if parts.target_number else ""
        middle = md_escape(" ".join(parts.middle.split(" ")))  # keeps the spaces at its ends
        raw = _link(_inline(parts.raw), official_url(c.canonical))
        items.append(f"{_label(w('cites'))}{raw}{middle}{mark}{_inline(parts.target_label)}")
    ref = source_ref(passage, w)
    line = f"{_source_mark(ref.number, w)} {_inline(ref.label)} · {_inline(ref.date)}"
    if ref.kamerstuk:
        line += " · " + _link(_inline(ref.kamerstuk), ref.url)
    if ref.pages:
        line += " · " + _inline(ref.pages)
    items.append(f"{_label(w('source'))}{line}")
    out += ["- " + item for item in items]
    out.append("")
    return out


def write_markdown(summary: SummaryDocument, out_path: Path) -> None:
    out_path.write_text(render_markdown(summary), encoding="utf-8", newline="\n")


__all__ = ["md_escape", "render_markdown", "write_markdown"]
