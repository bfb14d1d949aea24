"""The block-wise engine must find exactly what Whoosh's own searcher finds (it replaces it for speed)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop_app.core.importing import read_file
from desktop_app.core.model import Annotation, IndexDoc, Letter
from desktop_app.core.search import SearchIndex
from desktop_app.core.search.engine import Engine
from desktop_app.core.search.query import make_parser, parse

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "letters"

QUERIES = [
    "Oekraine",
    "capaciteitsdoelstelling",
    '"Defence Investment Pledge"',
    "NAVO-ministers",
    "navo AND munitie",
    "navo steun oekraine",
    "drones OR munitie",
    "NAVO NOT pledge",
    "NOT oekraine",
    "(pledge OR zeppelinvloot) EN NAVO",
    "luchtverded*",
    "oekr*",
    "Oekrane~",
    "onderwerp:agenda",
    "notitie:zeppelinvloot",
    '"minister van defensie"',
]


def seed_docs() -> list[IndexDoc]:
    docs = []
    for number, path in enumerate(sorted(SEEDS.glob("*.txt")), start=1):
        parsed = read_file(path)
        fields = {f.name: getattr(parsed, f.name) for f in dataclasses.fields(parsed) if f.name != "warnings"}
        letter = Letter(id=number, **fields)
        notes = (Annotation(id=number, letter_id=number, start=0, end=3, quote=letter.text[:3],
                            note="zeppelinvloot" if number % 2 else "drones", theme_ids=(number % 3,)),)
        docs.append(IndexDoc(letter, notes, {0: "A", 1: "B", 2: "A/C"}))
    return docs


def edited_index(folder: Path, *, replace: bool) -> SearchIndex:
    """Several segments, as after edits; with ``replace`` also a deleted (replaced) letter."""
    docs = seed_docs()
    ix = SearchIndex(folder)
    ix.rebuild(docs[:3], 3)
    for doc in docs[3:]:
        ix.update(doc)
    if replace:
        ix.update(dataclasses.replace(docs[0], annotations=()))
    return ix


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    ix = edited_index(tmp_path_factory.mktemp("engine") / "index", replace=False)
    yield ix
    ix.close()


@pytest.fixture(scope="module")
def replaced(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    ix = edited_index(tmp_path_factory.mktemp("engine") / "index", replace=True)
    yield ix
    ix.close()


def ours_and_theirs(ix: SearchIndex, text: str) -> tuple[dict[int, float], dict[int, float]]:
    searcher = ix._current_searcher()
    assert len(list(searcher.leaf_searchers())) > 1
    q = parse(text, make_parser(searcher.schema))
    ours = Engine(searcher).scores(q)
    theirs = {hit.docnum: hit.score for hit in searcher.search(q, limit=None, optimize=False)}
    return ours, theirs


@pytest.mark.parametrize("text", QUERIES)
def test_engine_finds_what_whoosh_finds(replaced: SearchIndex, text: str) -> None:
    ours, theirs = ours_and_theirs(replaced, text)
    assert set(ours) == set(theirs)


@pytest.mark.parametrize("text", [q for q in QUERIES if '"' not in q and "-" not in q and "NOT" not in q])
def test_engine_scores_like_whoosh_bm25f(index: SearchIndex, text: str) -> None:
    # Without deleted documents (Whoosh counts them in document frequencies; the engine does not).
    ours, theirs = ours_and_theirs(index, text)
    assert set(ours) == set(theirs)
    for docnum, score in theirs.items():
        assert ours[docnum] == pytest.approx(score, rel=1e-4), docnum


@pytest.mark.parametrize("year, chamber, themes", [(2024, None, ()), (None, "ek", ()), (None, None, (0, 2))])
def test_filters_match_whoosh(replaced: SearchIndex, year: int | None, chamber: str | None, themes: tuple) -> None:
    from desktop_app.core.search.index import _filter

    searcher = replaced._current_searcher()
    q = parse("defensie", make_parser(searcher.schema))
    flt = _filter(themes, year, chamber)
    total, top = Engine(searcher).run(q, flt, 50, by_date=False)
    theirs = {hit.docnum for hit in searcher.search(q, limit=None, filter=flt)}
    assert total == len(theirs) and {d for _, d in top} == theirs
