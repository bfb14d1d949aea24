"""The block-wise engine must find exactly what Whoosh's own searcher finds (it replaces it for speed)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop_app.core.importing import read_file
from desktop_app.core.model import Annotation, IndexDoc, Letter
from desktop_app.core.search import SearchIndex
from desktop_app.core.search.engine import Engine, phrase_counts
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
        fields = {
            f.name: getattr(parsed, f.name) for f in dataclasses.fields(parsed) if f.name not in ("warnings", "links")
        }
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
        ix.flush()  # each edit its own segment (edits are buffered; a flush writes them as one)
    if replace:
        ix.update(dataclasses.replace(docs[0], annotations=()))
        ix.flush()
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


@pytest.mark.parametrize("sort", ["relevance", "date"])
@pytest.mark.parametrize("text", QUERIES)
def test_whoosh_searcher_path_gives_the_engines_answers_in_its_order(index: SearchIndex, text: str, sort: str) -> None:
    """A small library is searched with Whoosh's own searcher while numpy is not loaded (index._run_plain):
    the same total, and the same top hits in the same order (best first, or newest first then best, ties
    to the lower document number), with the engine's scores."""
    from desktop_app.core.search.index import _run_plain, plain_scores_alike

    searcher = index._current_searcher()
    q = parse(text, make_parser(searcher.schema))
    if not plain_scores_alike(q):  # phrases and NOT: always the engine
        assert '"' in text or "-" in text or "NOT" in text
        return
    total, top = Engine(searcher).run(q, None, 6, by_date=sort == "date")
    plain_total, plain_top = _run_plain(searcher, q, None, 6, sort)
    assert plain_total == total
    assert [d for _, d in plain_top] == [d for _, d in top]
    assert [s for s, _ in plain_top] == pytest.approx([s for s, _ in top], rel=1e-4)


def test_a_search_by_whoosh_searcher_gives_the_same_hits_and_fragments(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SearchIndex.search end to end (totals, order, scores, highlighted fragments) on either path."""
    from desktop_app.core.search import index as index_module

    texts = [t for t in QUERIES if '"' not in t and "-" not in t and "NOT" not in t]
    by_engine = [index.search(t, sort=sort) for t in texts for sort in ("relevance", "date")]
    assert index._engine is not None
    monkeypatch.setattr(index_module, "_numpy_loaded", lambda: False)
    index._engine = None
    plain = [index.search(t, sort=sort) for t in texts for sort in ("relevance", "date")]
    assert index._engine is None
    assert all(r.total for r in plain if r.query != "onderwerp:agenda")
    for ours, theirs in zip(plain, by_engine):
        assert ours.total == theirs.total, ours.query
        assert [h.letter_id for h in ours.hits] == [h.letter_id for h in theirs.hits], ours.query
        assert [h.fragments for h in ours.hits] == [h.fragments for h in theirs.hits], ours.query
        assert [h.score for h in ours.hits] == pytest.approx([h.score for h in theirs.hits], rel=1e-4)


def phrase_both_ways(ix: SearchIndex, text: str) -> tuple[dict[int, float], dict[int, float]]:
    """Occurrence counts of a phrase per document: the vectorised path and the per-document one."""
    from whoosh import query as wq

    searcher = ix._current_searcher()
    q = parse(text, make_parser(searcher.schema))
    phrases = [q] if isinstance(q, wq.Phrase) else [s for s in q.children() if isinstance(s, wq.Phrase)]
    assert phrases, text
    ours: dict[int, float] = {}
    slow: dict[int, float] = {}
    engine = Engine(searcher)
    for phrase in phrases:
        words = [engine._postings(phrase.fieldname, w) for w in phrase.words]
        if any(not len(w.ids) for w in words):
            continue
        ours.update({(phrase.fieldname, d): c for d, c in phrase_counts(words).as_dict().items()})
        slow.update({(phrase.fieldname, d): c for d, c in engine._phrase_counts_python(phrase, words).as_dict().items()})
    return ours, slow


@pytest.mark.parametrize(
    "text", ['"Defence Investment Pledge"', "NAVO-ministers", '"minister van defensie"',
             '"capaciteitsdoelstellingen navo"', "NAVO-top", '"steun aan oekraine"']
)
def test_vectorised_phrases_equal_per_document_path_on_seed_letters(replaced: SearchIndex, text: str) -> None:
    ours, slow = phrase_both_ways(replaced, text)
    assert ours == slow


def test_vectorised_phrases_equal_per_document_path_on_synthetic_corpus(tmp_path: Path) -> None:
    # A tiny vocabulary, so every phrase occurs many times, at every place in the documents, in several
    # segments, with deleted documents.
    import random

    rng = random.Random(7)
    vocab = ["alfa", "bravo", "charlie", "delta", "echo"]
    base = seed_docs()[0]
    docs = []
    for number in range(1, 161):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 400)))
        letter = dataclasses.replace(base.letter, id=number, text=text, footnotes=())
        docs.append(IndexDoc(letter, (), {}))
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(docs[:150], 150)
    for doc in docs[150:]:
        ix.update(doc)
    for doc in docs[::7]:
        ix.delete(doc.letter.id)
    ix.flush()  # the searcher below is read directly, not through search()
    try:
        for text in ['"alfa bravo"', '"bravo bravo"', '"alfa bravo charlie"', '"echo delta echo delta"']:
            ours, slow = phrase_both_ways(ix, text)
            assert ours == slow and len(ours) > 20, text
            found = ix.search(text, limit=200).total
            assert found == len({d for _, d in ours})
    finally:
        ix.close()


def test_top_hits_best_first_ties_by_document_number(index: SearchIndex) -> None:
    searcher = index._current_searcher()
    engine = Engine(searcher)
    q = parse("navo OR drones", make_parser(searcher.schema))
    every = engine.scores(q)
    total, top = engine.run(q, None, 3, by_date=False)
    expected = sorted(every.items(), key=lambda item: (-item[1], item[0]))[:3]
    assert total == len(every) and [(d, s) for s, d in top] == expected


def test_phrases_far_into_a_long_letter(tmp_path: Path) -> None:
    # Position deltas past 65535 are stored 4 bytes wide instead of 2.
    base = seed_docs()[0]
    text = "alfa bravo " + "navo " * 70_000 + "alfa bravo charlie"
    docs = [IndexDoc(dataclasses.replace(base.letter, id=1, text=text, footnotes=()), (), {}),
            IndexDoc(dataclasses.replace(base.letter, id=2, text="bravo alfa charlie", footnotes=()), (), {})]
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(docs, 2)
    try:
        assert [h.letter_id for h in ix.search('"bravo charlie"').hits] == [1]
        assert [h.letter_id for h in ix.search('"alfa bravo"').hits] == [1]
        ours, slow = phrase_both_ways(ix, '"alfa bravo"')
        assert ours == slow == {("body", 0): 2.0}
    finally:
        ix.close()


def test_lengths_read_in_one_slice_equal_whooshs_own_reading(replaced: SearchIndex) -> None:
    """BM25's length term reads each segment's lengths column as one slice of the file; it must give
    what Whoosh's per-document ``load()`` gives, also for fields some letters lack (footnotes, notes)."""
    from desktop_app.core.search.engine import LENGTHS_COLUMN, _column_bytes

    searcher = replaced._current_searcher()  # noqa: SLF001
    compared = 0
    for reader, _ in searcher.leafreaders:
        for field in ("body", "footnotes", "notes", "subject", "themes"):
            column = reader._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)  # noqa: SLF001
            if column is not None:
                assert _column_bytes(column) == bytes(column.load()), field
                compared += 1
    assert compared >= 6
