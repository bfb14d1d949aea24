"""Full-text search benchmark: Whoosh SearchIndex vs an SQLite FTS5 baseline on the same corpus.

    python benchmarks/bench_search.py --letters 1000
    python -m desktop_app.bench search --letters 10000

The corpus is a deterministic synthetic library: every letter is made of paragraphs resampled from
the bundled letters (resources/letters), with a unique kenmerk, kamerstuk number and date; some letters
carry annotations with notes and themes. The random seed is fixed, so two runs index the same text.

Prints: build time and letters/s, index size, check() time, query p50/p95 over a fixed mix of term,
phrase, AND, prefix, fuzzy, NOT, filtered and date-sorted queries (all with fragments/highlights),
incremental add/update/delete times, peak memory, and the same queries on FTS5 (bm25 + snippet()).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.importing import read_file  # noqa: E402
from desktop_app.core.model import Annotation, Footnote, IndexDoc, Letter  # noqa: E402
from desktop_app.core.search import SearchIndex  # noqa: E402
from desktop_app.core.search.index import PARALLEL_FROM  # noqa: E402

SEED = 20241003
THEMES = {
    1: "Capaciteitsdoelstellingen",
    2: "Lucht- en raketverdediging",
    3: "Defensie-industrie",
    4: "Steun aan Oekraïne",
    5: "Financiering en 2%-norm",
    6: "Missies en operaties",
    7: "NAVO-top",
    8: "Maritiem en Noordzee",
}
NOTES = [
    "Navragen bij DGB: dekking in de suppletoire begroting?",
    "Relevant voor de beantwoording van Kamervragen over munitie.",
    "Vergelijk met de toezegging in de vorige geannoteerde agenda.",
    "Let op: afwijkende cijfers over de 2%-norm.",
    "Drones en luchtverdediging: afstemmen met DMO.",
    "Zie ook de motie over steun aan Oekraïne.",
]

# (label, whoosh query, search kwargs, fts5 MATCH expression, fts5 filter SQL on table meta, params)
QUERIES: list[tuple[str, str, dict[str, Any], str, str, tuple[Any, ...]]] = [
    ("term", "Oekraïne", {}, "oekraine", "", ()),
    ("term rare", "munitie", {}, "munitie", "", ()),
    ("term stemmed", "capaciteitsdoelstelling", {}, "capaciteitsdoelstelling*", "", ()),
    ("term common", "NAVO", {}, "navo", "", ()),
    ("phrase", '"Defence Investment Pledge"', {}, '"defence investment pledge"', "", ()),
    ("phrase hyphen", "NAVO-top", {}, '"navo top"', "", ()),
    ("AND", "Oekraine steun luchtverdediging", {}, "oekraine AND steun AND luchtverdediging", "", ()),
    ("OR", "drones OR munitie", {}, "drones OR munitie", "", ()),
    ("NOT", "NAVO NOT Oekraine", {}, "navo NOT oekraine", "", ()),
    ("prefix", "luchtverded*", {}, "luchtverded*", "", ()),
    ("prefix short", "oekr*", {}, "oekr*", "", ()),
    ("fuzzy", "Oekrane~", {}, "oekraine", "", ()),
    ("filter year", "defensie", {"year": 2024}, "defensie", "meta.year = ?", (2024,)),
    ("filter chamber", "Oekraine", {"chamber": "Eerste Kamer"}, "oekraine", "meta.chamber = ?",
     ("Eerste Kamer",)),
    ("filter theme", "NAVO", {"theme_ids": [4, 5]}, "navo", "meta.themes LIKE ? OR meta.themes LIKE ?",
     ("% 4 %", "% 5 %")),
    ("date sort", "munitie", {"sort": "date"}, "munitie", "", ()),
]


# -- corpus --------------------------------------------------------------------------------------
def seed_material() -> tuple[list[str], list[str], list[str]]:
    paragraphs, footnotes, subjects = [], [], []
    for path in sorted((ROOT / "resources" / "letters").glob("*.txt")):
        parsed = read_file(path)
        paragraphs += [p for p in parsed.text.split("\n\n") if p.strip()]
        footnotes += [f.text for f in parsed.footnotes]
        if parsed.subject:
            subjects.append(parsed.subject)
    subjects += ["Kamerbrief over de NAVO capaciteitsdoelstellingen", "Stand van zaken steun aan Oekraïne"]
    return paragraphs, footnotes, subjects


def synthetic_docs(count: int, start: int = 1, salt: int = 0) -> Iterator[IndexDoc]:
    """``count`` letters with ids start, start+1, ...; the same arguments give the same letters."""
    paragraphs, footnotes, subjects = seed_material()
    for letter_id in range(start, start + count):
        rng = random.Random(SEED * 1_000_003 + letter_id * 31 + salt)
        year = rng.randint(2016, 2025)
        date = None if rng.random() < 0.03 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        number = 36000 + letter_id % 900
        header = f"Ons kenmerk BS{year}{letter_id:07d}. Kamerstuk {number // 1000} {number % 1000:03d}, nr. {letter_id}."
        body = "\n\n".join([header] + rng.choices(paragraphs, k=rng.randint(8, 30)))
        notes = tuple(
            Annotation(
                id=letter_id * 10 + k,
                letter_id=letter_id,
                start=0,
                end=10,
                quote=body[:10],
                note=rng.choice(NOTES),
                theme_ids=tuple(rng.sample(sorted(THEMES), k=rng.randint(1, 2))),
            )
            for k in range(rng.randint(1, 3) if rng.random() < 0.25 else 0)
        )
        letter = Letter(
            id=letter_id,
            source_file=f"{letter_id:06d}_synthetic.txt",
            content_hash=f"{letter_id:064x}",
            source_format="txt",
            text=body,
            footnotes=tuple(
                Footnote(i + 1, text) for i, text in enumerate(rng.sample(footnotes, k=rng.randint(0, 6)))
            ),
            date=date,
            subject=f"{rng.choice(subjects)} ({letter_id})",
            chamber=rng.choices(["Tweede Kamer", "Eerste Kamer", None], weights=[70, 25, 5])[0],
            kind="brief",
            kamerstuk=f"kst-{number}-{letter_id}",
        )
        yield IndexDoc(letter, notes, THEMES)


# -- measuring -------------------------------------------------------------------------------------
def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """VmHWM: the process's own peak (ru_maxrss would include the parent's at fork)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_parts_mb() -> tuple[float, float]:
    """(anonymous, file-backed) resident memory: mapped index files count as file-backed pages,
    which the kernel can drop at will; the anonymous part is what the process really holds."""
    found = {"RssAnon:": 0.0, "RssFile:": 0.0}
    with open("/proc/self/status") as fh:
        for line in fh:
            key = line.split(":")[0] + ":"
            if key in found:
                found[key] = int(line.split()[1]) / 1024
    return found["RssAnon:"], found["RssFile:"]


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_whoosh_queries(ix: SearchIndex, repeats: int) -> tuple[list[float], dict[str, tuple[float, int]]]:
    times: list[float] = []
    per_query: dict[str, tuple[float, int]] = {}
    for label, text, kwargs, *_ in QUERIES:
        ix.search(text, **kwargs)  # warm-up
        mine = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            results = ix.search(text, **kwargs)
            assert all(h.fragments for h in results.hits), label
            mine.append((time.perf_counter() - t0) * 1000)
        times += mine
        per_query[label] = (statistics.median(mine), results.total)
    return times, per_query


# -- FTS5 baseline ---------------------------------------------------------------------------------
def build_fts(path: Path, count: int) -> float:
    t0 = time.perf_counter()
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE VIRTUAL TABLE f USING fts5(subject, body, footnotes, notes,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE meta (id INTEGER PRIMARY KEY, date TEXT, year INTEGER, chamber TEXT, themes TEXT);
        """
    )
    with db:
        for doc in synthetic_docs(count):
            letter = doc.letter
            db.execute(
                "INSERT INTO f (rowid, subject, body, footnotes, notes) VALUES (?, ?, ?, ?, ?)",
                (letter.id, letter.subject, letter.text, "\n\n".join(f.text for f in letter.footnotes),
                 "\n\n".join(a.note for a in doc.annotations)),
            )
            themes = " " + " ".join(str(t) for a in doc.annotations for t in a.theme_ids) + " "
            db.execute(
                "INSERT INTO meta VALUES (?, ?, ?, ?, ?)",
                (letter.id, letter.date, int(letter.date[:4]) if letter.date else None, letter.chamber, themes),
            )
    db.execute("INSERT INTO f(f) VALUES ('optimize')")
    db.commit()
    db.close()
    return time.perf_counter() - t0


def fts_query(db: sqlite3.Connection, match: str, where: str, params: tuple[Any, ...], by_date: bool) -> int:
    # A join, not "rowid IN (SELECT ...)": with IN, SQLite probes the FTS index once per filtered row
    # (over a second per query at 10,000 letters).
    filt = f"AND ({where})" if where else ""
    order = "meta.date DESC" if by_date else "rank"
    db.execute(
        f"SELECT f.rowid, bm25(f, 3.0, 1.0, 0.8, 1.5) AS rank, snippet(f, 1, '[[', ']]', '…', 40) "
        f"FROM f JOIN meta ON meta.id = f.rowid WHERE f MATCH ? {filt} ORDER BY {order} LIMIT 20",
        (match, *params),
    ).fetchall()
    (total,) = db.execute(
        f"SELECT count(*) FROM f JOIN meta ON meta.id = f.rowid WHERE f MATCH ? {filt}", (match, *params)
    ).fetchone()
    return int(total)


def run_fts_queries(path: Path, repeats: int) -> tuple[list[float], dict[str, tuple[float, int]]]:
    db = sqlite3.connect(path)
    times: list[float] = []
    per_query: dict[str, tuple[float, int]] = {}
    for label, _, kwargs, match, where, params in QUERIES:
        by_date = kwargs.get("sort") == "date"
        fts_query(db, match, where, params, by_date)
        mine = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            total = fts_query(db, match, where, params, by_date)
            mine.append((time.perf_counter() - t0) * 1000)
        times += mine
        per_query[label] = (statistics.median(mine), total)
    db.close()
    return times, per_query


# -- the phases ------------------------------------------------------------------------------------
def bench_incremental(ix: SearchIndex, count: int, rounds: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"add": [], "update": [], "delete": []}
    new = list(synthetic_docs(rounds, start=count + 1))
    changed = [
        IndexDoc(dataclasses.replace(d.letter, text=d.letter.text + "\n\nAanvulling: zeppelinvloot."), d.annotations,
                 d.theme_paths)
        for d in synthetic_docs(rounds, start=1, salt=0)
    ]
    for kind, docs in (("add", new), ("update", changed)):
        for doc in docs:
            t0 = time.perf_counter()
            ix.update(doc)
            out[kind].append((time.perf_counter() - t0) * 1000)
    for doc in new:
        t0 = time.perf_counter()
        ix.delete(doc.letter.id)
        out["delete"].append((time.perf_counter() - t0) * 1000)
    assert ix.search("zeppelinvloot", limit=rounds).total == rounds
    return out


def search_process(index_dir: Path, repeats: int) -> dict[str, float]:
    """Open the index in a fresh process and run the query mix: the RSS a GUI's search costs."""
    code = (
        "import json, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        "import bench_search as b\n"
        "from desktop_app.core.search import SearchIndex\n"
        "t0 = time.perf_counter()\n"
        f"ix = SearchIndex(b.Path({str(index_dir)!r})); ix.doc_count()\n"
        "opened = (time.perf_counter() - t0) * 1000\n"
        f"times, _ = b.run_whoosh_queries(ix, {repeats})\n"
        "anon, filed = b.rss_parts_mb()\n"
        "print(json.dumps({'open_ms': opened, 'p50': b.pct(times, 0.5), 'p95': b.pct(times, 0.95), 'rss': b.rss_mb(),"
        " 'peak': b.peak_rss_mb(), 'anon': anon, 'file': filed}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=1000, help="letters in the synthetic library")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each query")
    parser.add_argument("--rounds", type=int, default=20, help="letters added/updated/deleted")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (default: a temp folder)")
    parser.add_argument("--no-fts", action="store_true", help="skip the SQLite FTS5 baseline")
    parser.add_argument("--procs", type=int, default=None,
                        help="processes for the Whoosh build (default: SearchIndex's, 2 on a multi-core machine)")
    args = parser.parse_args(argv)
    n = args.letters
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_search_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args, n, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, n: int, work: Path) -> int:
    load = os.getloadavg()[0]
    print(f"# search benchmark: {n} letters, python {sys.version.split()[0]}, {os.cpu_count()} cpu(s), "
          f"load average {load:.1f} at start")
    t0 = time.perf_counter()
    chars = sum(len(d.letter.text) for d in synthetic_docs(n))
    gen_s = time.perf_counter() - t0
    print(f"corpus: {n} letters, {chars / 1e6:.1f} M characters of body text (generated in {gen_s:.1f} s, "
          "not counted below)")

    ix = SearchIndex(work / "index", procs=args.procs)
    t0, c0 = time.perf_counter(), time.process_time()
    ix.rebuild(synthetic_docs(n), n)
    build_s = time.perf_counter() - t0 - gen_s
    cpu_s = time.process_time() - c0 - gen_s
    procs = ix.procs if n >= PARALLEL_FROM else 1
    print(f"whoosh build ({procs} process(es)): {build_s:.1f} s wall, {cpu_s:.1f} s CPU in this process "
          f"({n / build_s:.0f} letters/s), "
          f"index {folder_mb(work / 'index'):.1f} MB, peak RSS {peak_rss_mb():.0f} MB"
          + (f" (worker process: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB)"
             if procs > 1 else ""))
    t0 = time.perf_counter()
    assert ix.check() is None
    print(f"whoosh check(): {(time.perf_counter() - t0) * 1000:.0f} ms")

    times, per_query = run_whoosh_queries(ix, args.repeats)
    fts_times: list[float] = []
    fts_per: dict[str, tuple[float, int]] = {}
    if not args.no_fts:
        fts_s = build_fts(work / "fts.db", n) - gen_s
        print(f"fts5 build: {fts_s:.1f} s, db {(work / 'fts.db').stat().st_size / 2**20:.1f} MB")
        fts_times, fts_per = run_fts_queries(work / "fts.db", args.repeats)

    print(f"\n{'query':<16} {'whoosh ms':>10} {'hits':>6} {'fts5 ms':>9} {'hits':>6}")
    for label, (ms, total) in per_query.items():
        f_ms, f_total = fts_per.get(label, (float("nan"), 0))
        print(f"{label:<16} {ms:>10.1f} {total:>6} {f_ms:>9.1f} {f_total:>6}")
    print(f"\nwhoosh queries with highlights: p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms, "
          f"max {max(times):.1f} ms ({len(times)} runs)")
    if fts_times:
        ratio = pct(times, 0.95) / pct(fts_times, 0.95)
        print(f"fts5 queries with snippet():    p50 {pct(fts_times, 0.5):.1f} ms, p95 {pct(fts_times, 0.95):.1f} ms "
              f"(whoosh/fts5 p95 ratio {ratio:.1f}x)")

    inc = bench_incremental(ix, n, args.rounds)
    for kind, values in inc.items():
        print(f"incremental {kind}: median {statistics.median(values):.1f} ms, max {max(values):.1f} ms "
              f"({len(values)} letters)")
    ix.close()
    print(f"build process: RSS now {rss_mb():.0f} MB, peak {peak_rss_mb():.0f} MB")
    proc = search_process(work / "index", args.repeats)
    print(f"search-only process: open {proc['open_ms']:.0f} ms, p50 {proc['p50']:.1f} ms, p95 {proc['p95']:.1f} ms, "
          f"RSS {proc['rss']:.0f} MB ({proc['anon']:.0f} MB anonymous + {proc['file']:.0f} MB mapped index files), "
          f"peak {proc['peak']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
