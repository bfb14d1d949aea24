"""Scale benchmark: a library as it really grows, each figure next to a baseline from the same run.

    python benchmarks/bench_scale.py                      # 1,000 and 10,000 letters
    python benchmarks/bench_scale.py --sizes 1000 --runs 5
    python benchmarks/bench_scale.py --sizes 100000 --only edit,cli,gui   # what fits in ~10 minutes
    python benchmarks/bench_scale.py --only import --cited bundled        # the issue's case (below)

Letters are generated deterministically: paragraphs of the bundled letters, grouped into dossiers of
100-1,000 letters; each letter cites 2-6 parliamentary papers drawn Zipf-wise (s=1.1) from its dossier's
few hundred documents ("Kamerstukken II 2023/24, 36 410, nr. 57"), so citations repeat the way a dossier's
letters cite the same papers over and over (benchmarks/bench_store's citations are nearly unique).
With ``--cited bundled`` the letters keep the bundled paragraphs' own citations instead, so every letter
cites the same ~13 documents (the case issue 18 measured first: 13.9 s for one more letter).

Figures (medians of ``--runs`` runs; the load average is printed with every size):

- ``import``: batch import of 1,500 .txt letters (``kamerlezer import`` of one folder) in letters/s,
  next to FTS5 inserting the same texts (one transaction, synchronous=FULL);
- ``one``: ``kamerlezer import`` of one more letter of the same dossier into that 1,500-letter library,
  next to ``kamerlezer list`` of the same library (whole processes);
- ``cli``: ``kamerlezer search --json`` as a whole process next to ``python -c pass``;
- ``edit``: add/update one letter in the search index at N letters (``SearchIndex.update``), next to an
  FTS5 delete+insert+commit with synchronous=FULL on a table of the same N texts;
- ``gui``: GUI start-up and peak RSS (VmHWM of the GUI process itself), through bench_gui's child.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20261202
ZIPF_S = 1.1
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
IMPORT_LETTERS = 1500
KAMERLEZER = str(Path(sys.executable).parent / "kamerlezer")  # the installed command, as a user runs it


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def median(values: list[float]) -> float:
    return statistics.median(values)


class Corpus:
    """Deterministic letters: dossiers of 100-1,000 letters citing their own few hundred papers, Zipf-wise."""

    def __init__(self, seed: int = SEED, *, bundled: bool = False) -> None:
        from desktop_app.paths import bundled_letters_dir

        self.rng = random.Random(seed)
        self.bundled = bundled  # keep the paragraphs' own citations, add none
        self.paragraphs: list[str] = []
        for path in sorted(bundled_letters_dir().glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            # paragraphs without the bundled letters' own citations: the citations below are the only ones
            self.paragraphs += [
                p for p in text.split("\n\n") if len(p.strip()) > 80 and (bundled or "nr." not in p)
            ]
        self.dossiers: list[tuple[int, int, list[float]]] = []  # (number, size, Zipf weights)
        self._left = 0

    def _dossier(self) -> tuple[int, int, list[float]]:
        if not self.dossiers or self._left <= 0:
            number = 36000 + len(self.dossiers) * 7
            size = self.rng.randint(100, 1000)
            documents = self.rng.randint(200, 500)
            weights = [1 / (rank**ZIPF_S) for rank in range(1, documents + 1)]
            self.dossiers.append((number, size, weights))
            self._left = size
        self._left -= 1
        return self.dossiers[-1]

    def letter(self, i: int) -> str:
        number, _, weights = self._dossier()
        rng = self.rng
        cited = rng.choices(range(1, len(weights) + 1), weights=weights, k=rng.randint(2, 6))
        body = rng.sample(self.paragraphs, k=min(6, len(self.paragraphs)))
        for k, nr in enumerate([] if self.bundled else cited):
            year = rng.choice([2021, 2022, 2023, 2024])
            where = rng.randrange(len(body))
            body[where] += f" Zie ook Kamerstukken II {year}/{(year + 1) % 100:02d}, {number // 1000} {number % 1000:03d}, nr. {nr}."
            if k == 0:
                body[where] += f" (Kamerstuk {number // 1000} {number % 1000:03d}, nr. {nr})"
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2025)
        chamber = rng.choice(["Tweede", "Eerste"])
        return (
            f"Aan de Voorzitter van de {chamber} Kamer der Staten-Generaal\n\nDatum {day} {month} {year}\n"
            f"Betreft Brief {i} in dossier {number}\n\nGeachte voorzitter,\n\n" + "\n\n".join(body) + "\n"
        )


# -- helpers ------------------------------------------------------------------------------------
def python_env(**extra: str) -> dict[str, str]:
    """As an installed Kamerlezer runs: byte-code cached (the helpers' shells set PYTHONDONTWRITEBYTECODE,
    which would recompile every project module at every start); the cache goes outside the worktree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "kamerlezer-bench-pycache")
    return {**env, **extra}


def cli(library: Path, *args: str) -> float:
    env = python_env(KAMERLEZER_LIBRARY=str(library))
    began = time.perf_counter()
    subprocess.run([KAMERLEZER, *args], check=True, capture_output=True, env=env)
    return time.perf_counter() - began


def bare_python() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True, env=python_env())
    return time.perf_counter() - began


def fts5_table(path: Path, texts: list[str]) -> sqlite3.Connection:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS t USING fts5(body)")
    with con:
        con.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", ((i + 1, text) for i, text in enumerate(texts)))
    return con


def fts5_upsert(con: sqlite3.Connection, rowid: int, text: str) -> float:
    began = time.perf_counter()
    with con:
        con.execute("DELETE FROM t WHERE rowid = ?", (rowid,))
        con.execute("INSERT INTO t(rowid, body) VALUES (?, ?)", (rowid, text))
    return time.perf_counter() - began


def store_letters(folder: Path, texts: list[str]) -> float:
    """The letters straight through the repository in one transaction (as bench_gui), then one reindex."""
    from desktop_app.core import anchoring
    from desktop_app.core.importing import parse_text
    from desktop_app.core.services import Library
    from desktop_app.core.store import letters_repo

    library = Library.open(folder, search=False)
    try:
        with library.db.atomic():
            for i, text in enumerate(texts):
                parsed = parse_text(text, source_file=f"scale_{i:06d}.txt", content_hash=f"scale-{i:06d}")
                letters_repo.insert(library.db, parsed, text_hash=anchoring.text_hash(parsed.text), source_path=None)
    finally:
        library.close()
    library = Library.open(folder)
    try:
        began = time.perf_counter()
        library.reindex()
        return time.perf_counter() - began
    finally:
        library.close()


# -- the figures ---------------------------------------------------------------------------------
def bench_import(work: Path, corpus: Corpus, runs: int) -> None:
    texts = [corpus.letter(i) for i in range(IMPORT_LETTERS + runs)]
    inbox = work / "inbox"
    inbox.mkdir()
    for i, text in enumerate(texts[:IMPORT_LETTERS]):
        (inbox / f"brief_{i:05d}.txt").write_text(text, encoding="utf-8")
    library = work / "lib-import"
    took = cli(library, "import", str(inbox))
    con = sqlite3.connect(work / "fts-import.db")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    began = time.perf_counter()
    with con:
        con.executemany("INSERT INTO t(body) VALUES (?)", ((t,) for t in texts[:IMPORT_LETTERS]))
    fts = time.perf_counter() - began
    con.close()
    print(f"import   {IMPORT_LETTERS} letters: {IMPORT_LETTERS / took:7.1f} letters/s ({took:.1f} s)   "
          f"FTS5 same texts {IMPORT_LETTERS / fts:9.0f} letters/s   ratio {took / fts:.0f}x   [{load()}]", flush=True)
    ones, lists = [], []
    for r in range(runs):
        one = work / f"one_{r}.txt"
        one.write_text(texts[IMPORT_LETTERS + r], encoding="utf-8")
        lists.append(cli(library, "list"))
        ones.append(cli(library, "import", str(one)))
    print(f"one      letter into {IMPORT_LETTERS}: median {median(ones) * 1000:7.0f} ms (min {min(ones) * 1000:.0f}, max {max(ones) * 1000:.0f})   "
          f"`list` {median(lists) * 1000:6.0f} ms   ratio {median(ones) / median(lists):.1f}x (done when <= 3x)   [{load()}]", flush=True)


def bench_size(work: Path, corpus: Corpus, n: int, runs: int, only: set[str]) -> None:
    from desktop_app.core.services import Library

    texts = [corpus.letter(i) for i in range(n)]
    library = work / f"lib-{n}"
    began = time.perf_counter()
    indexed = store_letters(library, texts)
    built = time.perf_counter() - began
    con = fts5_table(work / f"fts-{n}.db", [])
    began = time.perf_counter()
    with con:
        con.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", ((i + 1, t) for i, t in enumerate(texts)))
    fts_built = time.perf_counter() - began
    print(f"\n== {n:,} letters: stored + indexed in {built:.1f} s (of which the index build, `reindex`, {indexed:.1f} s); FTS5 same texts {fts_built:.1f} s   [{load()}]", flush=True)

    if "cli" in only:
        cli(library, "search", "--json", "warm")  # byte-code cache and page cache warm, as for a user
        searches, bares = [], []
        for word in ["defensie", "Oekraïne", "begroting", "stikstof", "navo"][: max(runs, 1)] * max(1, runs // 5 + 1):
            bares.append(bare_python())
            searches.append(cli(library, "search", "--json", word))
        print(f"cli      `kamerlezer search --json`: median {median(searches) * 1000:6.0f} ms   `python -c pass` {median(bares) * 1000:5.0f} ms   "
              f"ratio {median(searches) / median(bares):.1f}x (done when <= 8x)   [{load()}]", flush=True)

    if "edit" in only:
        lib = Library.open(library)
        try:
            ids = [s.id for s in lib.list_letters()]
            rng = random.Random(n)
            edits, upserts = [], []
            for _ in range(max(runs, 20)):
                letter_id = rng.choice(ids)
                doc = lib.index_doc(letter_id)
                began = time.perf_counter()
                lib.index.update(doc)
                edits.append(time.perf_counter() - began)
                upserts.append(fts5_upsert(con, rng.randint(1, n), rng.choice(texts)))
            began = time.perf_counter()
            lib.search("defensie")  # writes the buffered edits first
            flush_ms = (time.perf_counter() - began) * 1000
            q = [lib.search("defensie").elapsed_ms for _ in range(5)]
        finally:
            lib.close()
        print(f"edit     add/update one letter: median {median(edits) * 1000:6.1f} ms (min {min(edits) * 1000:.1f}, max {max(edits) * 1000:.1f})   "
              f"FTS5 delete+insert+commit {median(upserts) * 1000:5.1f} ms   ratio {median(edits) / median(upserts):.1f}x (done when <= 5x)   "
              f"first search after them (writes the buffered edits) {flush_ms:.0f} ms, then {median(q):.1f} ms   [{load()}]", flush=True)
    con.close()

    if "gui" in only:
        gui = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_gui.py"), "--child", str(library)],
                                 capture_output=True, text=True, check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
            gui.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"gui      start-up median {median([g['startup_s'] for g in gui]):.2f} s (cpu {median([g['startup_cpu_s'] for g in gui]):.2f} s)   "
              f"peak RSS (VmHWM) {median([g['rss_mb'] for g in gui]):.0f} MB   open letter {median([g['open_letter_ms'] for g in gui]):.1f} ms   "
              f"[{load()}]", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated letter counts")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="import,cli,edit,gui", help="comma-separated: import,cli,edit,gui")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one, removed)")
    parser.add_argument("--cited", choices=("zipf", "bundled"), default="zipf",
                        help="the import figures' citations: generated Zipf-wise (default), or the bundled "
                        "paragraphs' own (every letter cites the same ~13 documents)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    work = args.keep or Path(tempfile.mkdtemp(prefix="kamerlezer-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"bench_scale: sizes {args.sizes}, {args.runs} runs, {os.cpu_count()} cores   [{load()}]", flush=True)
    try:
        if "import" in only:
            bench_import(work, Corpus(bundled=args.cited == "bundled"), args.runs)
        for n in (int(s) for s in args.sizes.split(",")):
            if only - {"import"}:
                bench_size(work, Corpus(SEED + n), n, args.runs, only)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
