"""Query latency of a big library next to FTS5 over the same texts, in one run (issue 18's 100,000).

    python benchmarks/bench_query_scale.py LIBRARY FTS5.db [--repeats 5]

LIBRARY is a library folder and FTS5.db an SQLite file with ``t(body)`` FTS5 over the same letters, as
``benchmarks/bench_scale.py --keep DIR`` leaves them (``DIR/lib-N``, ``DIR/fts-N.db``). The queries are
bench_search's unfiltered ones (terms, phrase, AND/OR/NOT, prefix, fuzzy); each side answers with its
first 20 hits, their snippets and the number of hits. Prints the median and p95 of every query's
time on both sides, and ``Library.open`` time and the GUI start-up figures are left to bench_gui.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_search import QUERIES  # noqa: E402
from desktop_app.core.services import Library  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("fts", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    plain = [(label, text, match) for label, text, kwargs, match, where, _ in QUERIES if not kwargs and not where]
    began = time.perf_counter()
    lib = Library.open(args.library, seed=False)
    opened = time.perf_counter() - began
    ours: list[float] = []
    theirs: list[float] = []
    db = sqlite3.connect(args.fts)
    try:
        count = len(lib.list_letters())
        for label, text, match in plain:
            lib.search(text)  # warm: the first query loads the index
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                results = lib.search(text)
                ours.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                db.execute("SELECT rowid, snippet(t, 0, '[[', ']]', '…', 40) FROM t WHERE t MATCH ? ORDER BY rank LIMIT 20",
                           (match,)).fetchall()
                (total,) = db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()
                theirs.append((time.perf_counter() - t0) * 1000)
            print(f"{label:14} ours {statistics.median(ours[-args.repeats:]):8.1f} ms ({len(results.hits)} letters)   "
                  f"FTS5 {statistics.median(theirs[-args.repeats:]):8.1f} ms ({total} rows)", flush=True)
    finally:
        db.close()
        lib.close()
    print(f"\n{count:,} letters, Library.open {opened:.2f} s, load average {os.getloadavg()[0]:.1f}")
    print(f"all queries: median ours {statistics.median(ours):.1f} ms, FTS5 {statistics.median(theirs):.1f} ms; "
          f"p95 ours {p95(ours):.1f} ms, FTS5 {p95(theirs):.1f} ms (done when ours <= FTS5's)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
