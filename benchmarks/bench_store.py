"""Store benchmark: import, open, list, annotate and re-anchor on a synthetic library.

    python benchmarks/bench_store.py                  # 200 letters
    python benchmarks/bench_store.py --letters 1000 --annotations 20

Letters are made of paragraphs resampled from the bundled letters (deterministic seed), written as
.txt files and imported through Library.import_paths (index updates and citation extraction
included). Prints: import rate, Library.open on the existing healthy library (no seeding, no index
rebuild), list_letters (one query), get_letter, annotate, and importing a new version of a letter
carrying N annotations (re-anchoring).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.services import Library  # noqa: E402
from desktop_app.paths import bundled_letters_dir  # noqa: E402


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(bundled_letters_dir().glob("*.txt")):
        out += [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    return out


def _write_letters(folder: Path, count: int, rng: random.Random) -> list[Path]:
    paragraphs = _paragraphs()
    files = []
    for i in range(count):
        body = "\n\n".join(rng.sample(paragraphs, k=min(8, len(paragraphs))))
        text = f"Datum {rng.randint(1, 28)} maart 2025\nBetreft Synthetische brief {i}\n\nGeachte voorzitter,\n\n{body}\n"
        path = folder / f"synth_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def _time(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - began)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--annotations", type=int, default=20, help="annotations on the re-imported letter")
    args = parser.parse_args()
    rng = random.Random(1234)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        files = _write_letters(src, args.letters, rng)
        folder = Path(tmp) / "library"
        began = time.perf_counter()
        library = Library.open(folder, seed=False)
        created = time.perf_counter() - began
        began = time.perf_counter()
        report = library.import_paths(files)
        took = time.perf_counter() - began
        print(f"create empty library         {created * 1000:8.1f} ms")
        print(f"import {len(report.imported):5d} letters          {took:8.2f} s  ({len(report.imported) / took:.1f} letters/s)")
        began = time.perf_counter()
        library.reindex()
        print(f"reindex {len(report.imported):5d} letters         {time.perf_counter() - began:8.2f} s")
        print(f"list_letters                 {_time(library.list_letters) * 1000:8.1f} ms")
        first = library.list_letters()[0].id
        print(f"get_letter                   {_time(lambda: library.get_letter(first)) * 1000:8.2f} ms")
        letter = library.get_letter("synth_00000")
        spans = []
        for _ in range(args.annotations):
            start = rng.randrange(0, len(letter.text) - 80)
            spans.append((start, start + rng.randrange(20, 80)))
        began = time.perf_counter()
        for start, end in spans:
            library.annotate(letter.id, start, end)
        print(f"annotate (incl. index)       {(time.perf_counter() - began) / len(spans) * 1000:8.1f} ms each")
        library.close()
        opens = []
        for _ in range(5):
            began = time.perf_counter()
            lib = Library.open(folder)
            opens.append(time.perf_counter() - began)
            lib.close()
        print(f"open existing (healthy)      {statistics.median(opens) * 1000:8.1f} ms (median of 5; first {opens[0] * 1000:.1f} ms)")
        raw = files[0].read_text(encoding="utf-8")
        files[0].write_text("Een nieuwe eerste alinea.\n\n" + raw.replace("  ", " "), encoding="utf-8")
        with Library.open(folder) as lib:
            began = time.perf_counter()
            again = lib.import_paths([files[0]])
            took = time.perf_counter() - began
            print(
                f"new version, {args.annotations} annotations   {took * 1000:8.1f} ms "
                f"({len(again.orphaned)} orphaned)"
            )


if __name__ == "__main__":
    main()
