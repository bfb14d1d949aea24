"""Export benchmark: an annotated summary of 500 passages across 50 letters, as PDF and Word.

    python benchmarks/bench_export.py                 # 50 letters x 10 annotations, 3 runs
    python benchmarks/bench_export.py --letters 10 --per-letter 5 --repeat 1

A fresh library in a temporary folder is filled with synthetic letters made of paragraphs resampled
from the bundled letters (resources/letters), each with its own date and subject, and annotated
through the Library (deterministic random seed: every run exports the same passages; about a third
carry two themes, 60 % a note; one note in ten has symbols set in the fallback fonts). Prints, per
run: build_summary, PDF by theme (passages with two themes appear twice), PDF by letter, compact PDF,
Word (docx) by theme, and in the same run two baselines on the same passages:
the Markdown export, and plain reportlab (every quote as one Paragraph in a SimpleDocTemplate: no
bars, no tables, no contents, no pypdf post-processing). Target: PDF and Word <= 5 s each for 500
annotations.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from desktop_app.core.export import ExportScope, build_summary  # noqa: E402
from desktop_app.core.importing import read_file  # noqa: E402
from desktop_app.core.services import Library  # noqa: E402
from desktop_app.render import export_summary  # noqa: E402
from desktop_app.render.fonts import SERIF, register_fonts  # noqa: E402
from desktop_app.render.pdf_page import EmbeddedFontCanvas  # noqa: E402

SEED = 20241003
THEMES = [
    ("Capaciteitsdoelstellingen", "#1f77b4"),
    ("Lucht- en raketverdediging", "#d62728"),
    ("Defensie-industrie", "#2ca02c"),
    ("Steun aan Oekraïne", "#ffbf00"),
    ("Financiering en 2%-norm", "#9467bd"),
    ("Missies en operaties", "#8c564b"),
    ("NAVO-top", "#e377c2"),
    ("Maritiem en Noordzee", "#17becf"),
]
NOTES = [
    "Navragen bij DGB: dekking in de suppletoire begroting?",
    "Relevant voor de beantwoording van Kamervragen over munitie & <b>drones</b>.",
    "Vergelijk met de toezegging in de vorige geannoteerde agenda (‘uiterlijk Q3’).",
    "Let op: afwijkende cijfers over de 2%-norm; € 2,5 mld extra?",
    "1,1 mld over 8 jaar ≈ 140 mln/jaar → ≥ ≤ ≠ ✓ ∑",
]
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((ROOT / "resources" / "letters").glob("*.txt")):
        paragraphs += [p for p in read_file(path).text.split("\n\n") if len(p) > 200]
    return paragraphs


def write_letters(folder: Path, count: int, rnd: random.Random) -> list[Path]:
    pool = seed_paragraphs()
    paths = []
    for i in range(count):
        day, month, year = 1 + i % 28, i % 12, 2023 + i % 3
        body = "\n\n".join(rnd.sample(pool, 8))
        text = (
            f"Datum {day} {MONTHS[month]} {year}\n"
            f"Betreft Synthetische brief {i + 1} over NAVO-capaciteiten en Oekraïne\n\n"
            f"Geachte voorzitter,\n\n{body}\n\nHoogachtend,\n\nDE MINISTER VAN DEFENSIE\n"
        )
        path = folder / f"bench_{i + 1:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_library(folder: Path, letters: int, per_letter: int) -> Library:
    rnd = random.Random(SEED)
    source = folder / "in"
    source.mkdir()
    library = Library.open(folder / "lib", seed=False)
    report = library.import_paths(write_letters(source, letters, rnd))
    assert report.ok and len(report.imported) == letters, report.failed
    themes = [library.add_theme(name, color=color).id for name, color in THEMES]
    for letter in report.imported:
        paragraphs = []
        pos = 0
        for part in letter.text.split("\n\n"):
            if len(part) > 200:
                paragraphs.append((pos, len(part)))
            pos += len(part) + 2
        for k in range(per_letter):
            start, length = paragraphs[k % len(paragraphs)]
            offset = rnd.randrange(0, 60) if k >= len(paragraphs) else 0
            end = start + offset + rnd.randint(150, max(151, min(length - offset, 700)))
            tagged = rnd.sample(themes, 2 if rnd.random() < 0.33 else 1)
            note = rnd.choice(NOTES) if rnd.random() < 0.6 else ""
            library.annotate(letter.id, start + offset, min(end, start + length), tagged, note=note)
    return library


def plain_reportlab(library: Library, out: Path) -> None:
    """Baseline: the same quotes and notes as plain paragraphs, one build, no post-processing."""
    register_fonts()
    style = ParagraphStyle("q", fontName=SERIF, fontSize=10, leading=14.5, spaceAfter=6)
    story = []
    for annotation in library.list_annotations():
        story.append(Paragraph(escape(annotation.quote), style))
        if annotation.note:
            story.append(Paragraph(escape(annotation.note), style))
    SimpleDocTemplate(str(out)).build(story, canvasmaker=EmbeddedFontCanvas)


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds: on a shared machine the CPU time shows what the wall time hides."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=50)
    parser.add_argument("--per-letter", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kl-bench-export-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        library = make_library(folder, args.letters, args.per_letter)
        count = len(library.list_annotations())
        print(f"library: {args.letters} letters, {count} annotations, made in {time.perf_counter() - t0:.1f} s")
        register_fonts()  # one-off font loading is not part of an export
        load = os.getloadavg()[0]
        rows: dict[str, list[tuple[float, float]]] = {}
        pages: dict[str, int] = {}

        def run(label: str, fn: Callable[[], object]) -> None:
            rows.setdefault(label, []).append(timed(fn))

        for _ in range(args.repeat):
            run("build_summary (theme)", lambda: build_summary(library, ExportScope()))
            for group in ("theme", "letter"):
                out = folder / f"by_{group}.pdf"
                run(f"PDF by {group}", lambda g=group, o=out: export_summary(library, ExportScope(group_by=g), "pdf", o))
                pages[f"PDF by {group}"] = len(PdfReader(str(out)).pages)
            out = folder / "compact.pdf"
            run("PDF compact", lambda o=out: export_summary(library, ExportScope(compact=True), "pdf", o))
            pages["PDF compact"] = len(PdfReader(str(out)).pages)
            run("Word (docx) by theme", lambda: export_summary(library, ExportScope(), "docx", folder / "s.docx"))
            run("baseline: Markdown (theme)", lambda: export_summary(library, ExportScope(), "md", folder / "s.md"))
            run("CSV", lambda: export_summary(library, ExportScope(), "csv", folder / "s.csv"))
            run("baseline: plain reportlab", lambda: plain_reportlab(library, folder / "plain.pdf"))
        pages["baseline: plain reportlab"] = len(PdfReader(str(folder / "plain.pdf")).pages)
        library.close()
    print(f"load average before the runs: {load:.2f} ({os.cpu_count()} CPUs)")
    print(f"{'step':32} {'best s':>8} {'median s':>9} {'CPU s':>7} {'pages':>6}")
    for label, times in rows.items():
        walls = [w for w, _ in times]
        cpu = statistics.median(c for _, c in times)
        extra = str(pages.get(label, ""))
        print(f"{label:32} {min(walls):8.2f} {statistics.median(walls):9.2f} {cpu:7.2f} {extra:>6}")
    for kind, labels in (("PDF", ("PDF by theme", "PDF by letter", "PDF compact")), ("Word", ("Word (docx) by theme",))):
        worst = max(w for label in labels for w, _ in rows[label])
        verdict = "within" if worst <= 5.0 else "OVER"
        print(f"slowest {kind} export {worst:.2f} s for {count} annotations: {verdict} the 5 s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
