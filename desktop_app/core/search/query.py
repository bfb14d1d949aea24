"""Turning what a user typed into a Whoosh query, with messages a person can act on.

Whoosh's parser never fails: it quietly reads an unclosed quote as a word, a dangling "OR" as the word
"or", and "de" (a stop word) as nothing. We check those cases first and raise :class:`InvalidInput`.

Syntax: words (AND by default), "phrases", AND/OR/NOT (also Dutch EN/OF/NIET), (groups), prefix*,
fuzzy~ / fuzzy~2, field:word with Dutch aliases (onderwerp:, tekst:, voetnoot:, notitie:, thema:).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import qparser, query
from whoosh.fields import Schema

from desktop_app.core.errors import InvalidInput
from desktop_app.core.search.analysis import WORD
from desktop_app.core.search.schema import FIELD_ALIASES, FIELD_BOOSTS, TEXT_FIELDS

_BINARY_OPS = {"AND", "OR", "EN", "OF", "ANDNOT"}
_UNARY_OPS = {"NOT", "NIET"}
_QUOTED = re.compile(r'"[^"]*"')
_WILDCARD_WORD = re.compile(r"[^\s()\"]*[*?][^\s()\"]*")
MIN_PREFIX = 2
MAX_QUERY_CHARS = 1000


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(
        list(TEXT_FIELDS), schema, fieldboosts=FIELD_BOOSTS, group=qparser.AndGroup
    )
    parser.remove_plugin_class(qparser.OperatorsPlugin)
    parser.add_plugin(
        qparser.OperatorsPlugin(
            And=r"(?<=\s)(AND|EN)(?=\s)",
            Or=r"(?<=\s)(OR|OF)(?=\s)",
            Not=r"(^|(?<=(\s|[()])))(NOT|NIET)(?=\s)",
        )
    )
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser


def _fail(problem: str, text: str) -> InvalidInput:
    return InvalidInput(f"Cannot search for {text!r}: {problem}")


def _check_brackets(text: str) -> None:
    unquoted = _QUOTED.sub(" ", text)
    if text.count('"') % 2:
        raise _fail('a quote (") is not closed; phrases go between two quotes: "NAVO-top"', text)
    for open_, close in ("()", "[]", "{}"):
        depth = 0
        for ch in unquoted:
            depth += (ch == open_) - (ch == close)
            if depth < 0:
                break
        if depth:
            raise _fail(f"the brackets {open_}{close} do not match", text)


def _check_operators(text: str) -> None:
    words = _QUOTED.sub(" x ", text).replace("(", " ( ").replace(")", " ) ").split()
    prev = "("
    for word in words + [")"]:
        if word in _BINARY_OPS and prev in _BINARY_OPS | _UNARY_OPS | {"("}:
            raise _fail(f"{word} needs a search term on both sides", text)
        if word == ")" and prev in _BINARY_OPS | _UNARY_OPS:
            raise _fail(f"{prev} needs a search term after it", text)
        prev = word


def _check_wildcards(text: str) -> None:
    for match in _WILDCARD_WORD.finditer(_QUOTED.sub(" ", text)):
        word = match.group(0).split(":", 1)[-1]
        if word.startswith(("*", "?")):
            raise _fail("a wildcard (*) only works at the end of a word, e.g. oekra*", text)
        stem = re.split(r"[*?]", word, maxsplit=1)[0]
        if len(stem) < MIN_PREFIX:
            raise _fail(f"type at least {MIN_PREFIX} letters before the *", text)


def parse(text: str, parser: qparser.QueryParser) -> query.Query:
    """Check and parse a user query; raise InvalidInput with the reason when it cannot be searched."""
    text = text.strip()
    if not text:
        raise InvalidInput("Type something to search for.")
    if len(text) > MAX_QUERY_CHARS:
        raise _fail(f"the query is longer than {MAX_QUERY_CHARS} characters", text[:40] + "...")
    _check_brackets(text)
    _check_operators(text)
    _check_wildcards(text)
    try:
        q = parser.parse(text)
    except Exception as err:  # whoosh rarely raises, but a user must never see its traceback
        raise _fail(f"the query could not be read ({type(err).__name__})", text) from err
    if isinstance(q, type(query.NullQuery)):
        if WORD.search(text):
            raise _fail("it only contains very common words (stop words) that are not indexed", text)
        raise _fail("it contains no words", text)
    return q


@dataclass(frozen=True)
class Unit:
    """Something to highlight: one term (or the terms a prefix/fuzzy word expands to), or a phrase."""

    fieldname: str
    words: tuple[str, ...]  # indexed forms; a phrase when more than one
    expandable: query.Query | None = None  # a Prefix / FuzzyTerm / Wildcard to expand per reader


def highlight_units(q: query.Query) -> list[Unit]:
    """The positive parts of a query (what NOT excludes is not highlighted)."""
    units: list[Unit] = []
    _collect(q, units)
    return units


def _collect(q: query.Query, units: list[Unit]) -> None:
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        _collect(q.a, units)
        return
    if isinstance(q, query.Phrase):
        units.append(Unit(q.fieldname, tuple(q.words)))
        return
    if isinstance(q, query.Term) and not isinstance(q, query.MultiTerm):
        units.append(Unit(q.fieldname, (q.text,)))
        return
    if isinstance(q, query.MultiTerm) and hasattr(q, "fieldname"):
        units.append(Unit(q.fieldname, (), q))
        return
    for child in q.children():
        _collect(child, units)
