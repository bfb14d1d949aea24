"""Store benchmark: import, open, list, annotate and re-anchor on a synthetic library.

    python benchmarks/bench_store.py                  # 200 letters
    python benchmarks/bench_store.py --letters 1000 --annotations 20

Letters are made of paragraphs resampled from the bundled letters (deterministic seed), written as
.txt files and imported through Library.import_paths (index updates and citation extraction
included). Prints: import rate, Library.open on the existing healthy library (no seeding, no index
rebuild), list_letters (one query), get_letter, annotate, and importing a new version of a letter
carrying N annotations (re-anchoring).

    python benchmarks/bench_store.py --refs --letters 1000   # citation resolution after one change

prints, for one change of each kind (import, new version, refs confirm/reject, letter set --kamerstuk,
delete), the time with the incremental resolution against the full one, same library, same run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
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


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip


def _write_cited_letters(folder: Path, count: int, rng: random.Random) -> list[Path]:
    """Letters for the citation benchmark: resampled paragraphs, dates spread over 2022-2025, and two
    or three citations of Kamerstukken in a few dossiers (some with a date), so that citations resolve
    by date, get content suggestions or stay missing, as in a real library."""
    from desktop_app.core.references.parser import parse_citations

    paragraphs = [p for p in _paragraphs() if not parse_citations(p)]  # only the citations added here

    def date() -> str:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2022, 2025)}"

    files = []
    for i in range(count):
        body = rng.sample(paragraphs, k=min(6, len(paragraphs)))
        for _ in range(rng.randint(2, 3)):
            cited = f"Kamerstuk {rng.choice(['28 676', '36 592', '21 501-28', '27 925', '36 410'])}, nr. {rng.randint(1, 900)}"
            cited += f" van {date()}" if rng.random() < 0.4 else ""
            at = rng.randrange(len(body))
            body[at] = body[at].rstrip().rstrip(".") + f" ({cited})."  # cited by the paragraph's last sentence
        text = f"Datum {date()}\nBetreft Synthetische brief {i}\n\nGeachte voorzitter,\n\n" + "\n\n".join(body) + "\n"
        path = folder / f"cited_{i:05d}.txt"
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


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_references(count: int, repeat: int) -> None:
    """Citation resolution after one change in a library of ``count`` letters (no search index: it is
    not part of resolving): the incremental path (``resolve_pending``, what the Library runs) against
    the full one (``resolve_all``, what it ran before), same library, same run, warm process (the
    GUI's case) and a fresh process (``Library.open`` then the change: the CLI's case)."""
    from desktop_app.core.references.service import ReferenceService

    rng = random.Random(1234)
    incremental = getattr(ReferenceService, "resolve_pending", None)  # None: a version from before it
    modes = ("full", "incremental") if incremental is not None else ("before",)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        files = _write_cited_letters(src, count + 4 * repeat, rng)
        folder = Path(tmp) / "library"
        began = time.perf_counter()
        library = Library.open(folder, search=False)  # with the five bundled letters
        library.import_paths(files[:count])
        refs = library.references.all_references()
        statuses = Counter(r.status for r in refs)
        print(f"library of {count} + 5 letters, {len(refs)} citations ({dict(statuses)})", end="")
        print(f", built in {time.perf_counter() - began:.1f} s; {_load()}")
        spare = iter(files[count:])
        rows: dict[str, dict[str, list[float]]] = {}

        def timed(mode: str, name: str, fn) -> None:
            began = time.perf_counter()
            fn()
            rows.setdefault(name, {}).setdefault(mode, []).append(time.perf_counter() - began)

        def suggested() -> tuple[int, int]:
            """A suggested citation and its top suggestion (else an unresolved one and some letter)."""
            refs = library.references.all_references()
            chosen = [r for r in refs if r.status == "suggested"]
            if chosen:
                ref = rng.choice(chosen)
                return ref.id, ref.suggestions[0][0]
            ref = rng.choice([r for r in refs if r.canonical and r.status == "missing"])
            return ref.id, rng.choice([s.id for s in library.list_letters() if s.id != ref.letter_id])

        for mode in modes:
            if incremental is not None:
                ReferenceService.resolve_pending = (  # type: ignore[method-assign]
                    incremental if mode == "incremental" else (lambda self: self.resolve_all(refresh_stats=False))
                )
            library.references.resolve_all()  # warm: every letter's words counted in this process
            for _ in range(repeat):
                timed(mode, "import one new letter", lambda: library.import_paths([next(spare)]))
                path = rng.choice(files[:count])
                path.write_text(path.read_text(encoding="utf-8") + f"\nEen nieuwe alinea {rng.random()}.\n", encoding="utf-8")
                timed(mode, "re-import a changed letter", lambda: library.import_paths([path]))
                ref, target = suggested()
                timed(mode, "refs confirm", lambda: library.references.confirm(ref, target))
                ref, target = suggested()
                timed(mode, "refs reject", lambda: library.references.reject(ref, target))
                letter = rng.choice(library.list_letters())
                timed(mode, "letter set --kamerstuk", lambda: library.set_kamerstuk(letter.id, f"kst-99999-{rng.randrange(10**6)}"))
                letter = rng.choice(library.list_letters())
                timed(mode, "delete a letter", lambda: library.delete_letter(letter.id))
            library.close()
            for _ in range(repeat):  # a fresh process: nothing cached
                library = Library.open(folder, search=False)
                ref, target = suggested()
                timed(mode, "refs confirm, fresh Library.open", lambda: library.references.confirm(ref, target))
                library.close()
            library = Library.open(folder, search=False)
        if incremental is not None:
            ReferenceService.resolve_pending = incremental  # type: ignore[method-assign]
        library.close()
        print(f"{'median of ' + str(repeat):36s}" + "".join(f"{mode:>14s}" for mode in modes))
        for name, times in rows.items():
            print(f"{name:36s}" + "".join(f"{statistics.median(times[mode]) * 1000:11.0f} ms" for mode in modes))
        print(_load())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--annotations", type=int, default=20, help="annotations on the re-imported letter")
    parser.add_argument("--refs", action="store_true", help="only: citation resolution after one change")
    parser.add_argument("--repeat", type=int, default=3, help="with --refs: changes of each kind per mode")
    args = parser.parse_args()
    if args.refs:
        return bench_references(args.letters, args.repeat)
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
