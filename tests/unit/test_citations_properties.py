"""Property-based checks of the citation parser: it never raises, spans are exact, and citations
spliced into arbitrary prose (with line breaks inside them) are found whole."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.references.parser import parse_citations

# (citation text with single spaces, expected canonical ids)
KNOWN: list[tuple[str, list[str | None]]] = [
    ("Kamerstuk 28 676, nr. 467 van 3 oktober 2024", ["kst-28676-467"]),
    ("Kamerstukken II 2009/10, 27 858, nr. 88, p. 3", ["kst-27858-88"]),
    ("Kamerstukken I 2008/09, 31 700 VI, D", ["kst-31700-VI-D"]),
    ("Kamerstuk 36 200-X, nr. 38", ["kst-36200-X-38"]),
    ("Kamerstukken II 2023/24, 21 501-28, nr. 263", ["kst-21501-28-263"]),
    ("Tweede Kamer, vergaderjaar 2024–2025, 36 725 X, nr. 4", ["kst-36725-X-4"]),
    ("Kamerbrief 28 676, nr. 472 van 8 november 2024", ["kst-28676-472"]),
    ("Kamerstukken 28 676 en 29 521, nr. 264", ["kst-28676-264"]),
    ("Kamerstuk 27 858, nrs. 520 en 548", ["kst-27858-520", "kst-27858-548"]),
    ("Handelingen II 2010/11, nr. 108, item 5, p. 25-36", ["h-tk-20102011-108-5"]),
    ("Aanhangsel Handelingen II 2023/24, nr. 872", ["ah-tk-20232024-872"]),
    ("Kamerbrief 2025 0404", ["kamerbrief-20250404"]),
    ("Activiteitnummer 2024A01333", ["2024A01333"]),
    ("COM(2024) 150", ["com-2024-150"]),
    ("Staatsblad 2020, 118", ["stb-2020-118"]),
    ("Stb. 2024, 88", ["stb-2024-88"]),
    ("motie-Lodders/Geurts (33576, nr. 105)", ["kst-33576-105"]),
    ("motie-Segers c.s.", [None]),
    ("21501-28-296", ["kst-21501-28-296"]),
    # issue 12: bare numbers, Aanhangsel without chamber, letters, dates, several numbers, Rijkswet marks
    ("29 521, nr. 455", ["kst-29521-455"]),
    ("36410-X, letter C", ["kst-36410-X-C"]),
    ("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2412", ["ah-tk-20232024-2412"]),
    ("Kamerstukken II 2022/23, Aanhangsel, nr. 880", ["ah-tk-20222023-880"]),
    ("Kamerstukken II 2013/14, 31 839, nr. 12, p. 4; nr. 14", ["kst-31839-12", "kst-31839-14"]),
    ("Staatscourant van 3 maart 2011, nr. 3912", ["stcrt-2011-3912"]),
    ("36025-(R2180)-7", ["kst-36025-7"]),
    ("Motie van het lid Klaver c.s. (Kamerstuk 35510-16)", ["kst-35510-16"]),
]

# Prose around the citations: words without digits (digits next to a citation could legitimately
# extend it, e.g. a footnote marker glued to an ondernummer).
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzëï", min_size=1, max_size=10)
PROSE = st.lists(WORD, max_size=12).map(" ".join)
SPACE = st.sampled_from([" ", "\n", " \n", "\u00a0", "  ", " \n \n"])


@st.composite
def broken(draw: st.DrawFn, citation: str) -> str:
    """The citation with each single space replaced by a random run of spaces and line breaks."""
    parts = citation.split(" ")
    out = parts[0]
    for part in parts[1:]:
        out += draw(SPACE) + part
    return out


@st.composite
def document(draw: st.DrawFn) -> tuple[str, list[tuple[str, list[str | None]]]]:
    chosen = draw(st.lists(st.sampled_from(KNOWN), min_size=1, max_size=5))
    text = draw(PROSE)
    placed = []
    for citation, expected in chosen:
        variant = draw(broken(citation))
        glues = [" (", " ", "\n", ". ", " ¹²"]
        if citation[0].isalpha():  # a footnote number glued to a citation that starts with a word
            glues += ["\n1", "\n¹", " ²³"]
        glue = draw(st.sampled_from(glues))
        text += glue
        placed.append((variant, expected, len(text)))
        # after it: punctuation, or a footnote marker in superscript digits glued to its last word
        ends = [") ", ". ", "; ", "\n", ", ", "⁵ ", "¹²) ", "⁴. ", "³\n"]
        text += variant + draw(st.sampled_from(ends)) + draw(PROSE)
    return text, [(variant, expected) for variant, expected, _ in placed], [p[2] for p in placed]  # type: ignore[return-value]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_never_raises_and_spans_are_exact(text: str) -> None:
    for citation in parse_citations(text):
        start, end = citation.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == citation.text


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="Kamerstuknr.,-–/ 0123456789IVXDAB()\n\u00a0van oktober"))
def test_citation_like_noise_never_raises_and_spans_are_exact(text: str) -> None:
    for citation in parse_citations(text):
        assert text[citation.span[0] : citation.span[1]] == citation.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_spliced_citations_are_found_with_exact_spans(doc) -> None:  # noqa: ANN001
    text, placed, starts = doc
    found = parse_citations(text)
    for (variant, expected), start in zip(placed, starts, strict=True):
        here = [c for c in found if c.span == (start, start + len(variant))]
        assert [c.canonical for c in here] == expected, (variant, found)
        assert all(c.text == variant for c in here)
    assert len(found) == sum(len(expected) for _, expected in placed)
