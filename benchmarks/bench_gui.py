"""GUI benchmark: start-up to an interactive window, opening a letter with 50 annotations, the Passages
by theme view with 5,000 passages, memory.

    python benchmarks/bench_gui.py                    # 10,000 letters (library cached in /tmp)
    python benchmarks/bench_gui.py --letters 2000 --runs 3

The library is built once and cached (``--cache``): the five bundled letters, then synthetic letters
(paragraphs resampled from the bundled letters, deterministic seed) stored straight through the letters
repository in one transaction, then one full reindex, then 50 annotations on one letter through
``Library.annotate``, then 5,000 passages spread over 2,000 letters (one or two themes each) written
straight through the annotations repository. Each run starts a fresh interpreter (offscreen Qt) that measures, from its first
line: imports, QApplication, ``Library.open``, the MainWindow built, shown and the event loop idle
(= interactive; wall time, and the process's CPU time, which the other users of a shared machine
disturb less); then ``open_letter`` of the 50-annotation letter (median of 20); then the Passages by
theme view (Ctrl+5) with every theme checked: rows and the themes x letters matrix loaded and painted
(median of 5; baseline in the same process: ``Library.passages`` + ``theme_letter_matrix`` alone, the
data without the view); then peak RSS.
The letter list holds LetterSummary rows only: no letter text is loaded at start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ANNOTATIONS = 50
PASSAGES = 5_000  # over PASSAGE_LETTERS letters
PASSAGE_LETTERS = 2_000
TARGETS = {"startup_s": 1.5, "open_letter_ms": 100.0, "passages_view_ms": 500.0, "rss_mb": 300.0}
SCREEN = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def peak_rss_mb() -> float:
    """VmHWM: this process's own peak. ru_maxrss is inherited across fork+exec, so a child started by
    the (bigger) library builder would report the builder's peak."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_library(folder: Path, letters: int) -> None:
    from desktop_app.core import anchoring
    from desktop_app.core.importing import parse_text
    from desktop_app.core.services import Library
    from desktop_app.core.store import letters_repo
    from desktop_app.paths import bundled_letters_dir

    rng = random.Random(20251123)
    paragraphs = []
    for path in sorted(bundled_letters_dir().glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    started = time.perf_counter()
    library = Library.open(folder, search=False)
    try:
        have = len(library.list_letters())
        with library.db.atomic():
            for i in range(have, letters):
                body = "\n\n".join(rng.sample(paragraphs, k=min(8, len(paragraphs))))
                day, month, year = rng.randint(1, 28), rng.choice(["maart", "juni", "oktober"]), rng.randint(2015, 2025)
                chamber = rng.choice(["Tweede", "Eerste"])
                text = (
                    f"Aan de Voorzitter van de {chamber} Kamer der Staten-Generaal\n\nDatum {day} {month} {year}\n"
                    f"Betreft Synthetische brief {i} over defensie\n\nGeachte voorzitter,\n\n{body}\n"
                )
                parsed = parse_text(text, source_file=f"synth_{i:05d}.txt", content_hash=f"synthetic-{i:05d}")
                letters_repo.insert(library.db, parsed, text_hash=anchoring.text_hash(parsed.text), source_path=None)
    finally:
        library.close()
    print(f"stored {letters} letters in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    library = Library.open(folder)
    try:
        count = library.reindex()
        print(f"indexed {count} letters in {time.perf_counter() - started:.1f} s", flush=True)
        target = _target_letter(library)
        text = library.get_letter(target).text
        themes = [t.id for t in library.list_themes()]
        step = max(1, (len(text) - 80) // ANNOTATIONS)
        for n in range(ANNOTATIONS):
            start = n * step
            library.annotate(target, start, min(len(text), start + step + 40), [themes[n % len(themes)]], note=f"noot {n}")
        add_passages(library, rng)
    finally:
        library.close()
    (folder / "bench-ready").write_text(_ready_mark(letters), encoding="utf-8")


def _ready_mark(letters: int) -> str:
    return f"{letters} letters, {PASSAGES} passages"


def add_passages(library: object, rng: random.Random) -> None:
    """PASSAGES annotations of 1-2 themes on PASSAGE_LETTERS letters, anchored as the app anchors them."""
    from desktop_app.core import anchoring
    from desktop_app.core.model import Annotation
    from desktop_app.core.store import annotations_repo, letters_repo

    db = library.db  # type: ignore[attr-defined]
    themes = [t.id for t in library.list_themes()]  # type: ignore[attr-defined]
    ids = sorted(s.id for s in library.list_letters())[:PASSAGE_LETTERS]  # type: ignore[attr-defined]
    with db.atomic():
        for n in range(PASSAGES):
            letter = letters_repo.get(db, ids[n % len(ids)])
            start = rng.randrange(0, max(1, len(letter.text) - 200))
            sel = anchoring.select(letter.text, start, start + rng.randint(40, 180))
            annotation = Annotation(id=0, letter_id=letter.id, start=sel.start, end=sel.end, quote=sel.quote,
                                    prefix=sel.prefix, suffix=sel.suffix, text_hash=sel.text_hash, note=f"passage {n}")
            new_id = annotations_repo.insert(db, annotation)
            annotations_repo.set_themes(db, new_id, rng.sample(themes, k=rng.choice((1, 1, 2))))


def _target_letter(library: object) -> int:
    summaries = library.list_letters()  # type: ignore[attr-defined]
    return max(summaries, key=lambda s: (s.annotation_count, s.source_file.startswith("003"))).id


def child(folder: Path) -> None:
    """One measured start-up, in this fresh interpreter."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import create_window
    from desktop_app.core.services import Library
    from desktop_app.gui import style

    app = QApplication([])
    style.apply(app)
    imported = time.perf_counter() - T0
    library = Library.open(folder)
    opened = time.perf_counter() - T0
    settings = QSettings(str(folder / "bench-settings.ini"), QSettings.IniFormat)
    window = create_window(library, settings)
    window.show()
    app.processEvents()
    interactive = time.perf_counter() - T0
    interactive_cpu = time.process_time()  # CPU of this process since it started (all threads)
    rows = window.letter_model.rowCount()
    target = _target_letter(library)
    other = next(s.id for s in window.letter_model.rows if s.id != target)
    timings = []
    for _ in range(20):
        window.open_letter(other, record=False)
        app.processEvents()
        began = time.perf_counter()
        window.open_letter(target, record=False)
        app.processEvents()  # the highlights and panels are painted
        timings.append((time.perf_counter() - began) * 1000)
    annotations = window.annotations_panel.model.rowCount()
    view = window.passages_view
    all_themes = [t.id for t in library.list_themes()]
    data_ms, view_ms = [], []
    for _ in range(5):
        began = time.perf_counter()
        library.passages(all_themes)
        library.theme_letter_matrix()
        data_ms.append((time.perf_counter() - began) * 1000)
        view.show_themes([])
        window.centre_tabs.setCurrentIndex(0)
        app.processEvents()
        began = time.perf_counter()
        window.actions_by_name["passages"].trigger()  # Ctrl+5
        view.show_themes(all_themes)  # every theme checked: the rows and the matrix are loaded
        app.processEvents()  # and painted
        view_ms.append((time.perf_counter() - began) * 1000)
    passages_shown = view.model.rowCount()
    rss_mb = peak_rss_mb()
    window.close()
    library.close()
    print(json.dumps({
        "imports_s": imported, "library_open_s": opened - imported, "startup_s": interactive, "startup_cpu_s": interactive_cpu, "rows": rows,
        "open_letter_ms": statistics.median(timings), "open_letter_max_ms": max(timings),
        "annotations": annotations, "rss_mb": rss_mb, "passages": passages_shown,
        "passages_data_ms": statistics.median(data_ms), "passages_view_ms": statistics.median(view_ms), "window": f"{window.width()}x{window.height()}",
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None, help="library folder to build once and reuse")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    folder = args.cache or Path(f"/tmp/kamerlezer-bench-gui-{args.letters}")
    ready = folder / "bench-ready"
    if not ready.exists() or ready.read_text(encoding="utf-8") != _ready_mark(args.letters):
        if ready.exists():  # an older cache (without passages): build afresh
            import shutil

            shutil.rmtree(folder)
        build_library(folder, args.letters)
    env = dict(os.environ)
    if env.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a desktop-sized screen: the default window
        screen = folder / "bench-screen.json"  # (1440x900) as on a desktop, not shrunk to offscreen's 800x800
        screen.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    results = []
    for _ in range(args.runs):
        began = time.perf_counter()
        out = subprocess.run([sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True, check=True, env=env)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result["process_s"] = time.perf_counter() - began
        results.append(result)
    first = results[0]
    print(f"library: {first['rows']} letters; letter with {first['annotations']} annotations; "
          f"passages view: {first['passages']} passages; "
          f"window {first['window']}; load average {os.getloadavg()[0]:.2f}")
    print("startup_s per run: " + " ".join(f"{r['startup_s']:.3f}" for r in results))

    def row(key: str, unit: str, scale: float = 1.0) -> None:
        values = [r[key] * scale for r in results]
        target = TARGETS.get(key)
        verdict = "" if target is None else ("  ok" if statistics.median(values) <= target else "  OVER TARGET")
        limit = "" if target is None else f" (target <= {target:g} {unit})"
        print(f"{key:18} median {statistics.median(values):8.3f} {unit}  min {min(values):8.3f}  max {max(values):8.3f}{limit}{verdict}")

    for key, unit in (("imports_s", "s"), ("library_open_s", "s"), ("startup_s", "s"), ("startup_cpu_s", "s"), ("process_s", "s"),
                      ("open_letter_ms", "ms"), ("open_letter_max_ms", "ms"),
                      ("passages_data_ms", "ms"), ("passages_view_ms", "ms"), ("rss_mb", "MB")):
        row(key, unit)


if __name__ == "__main__":
    main()
