"""Import speed: a long ministry-layout PDF imported vs pypdf's plain extract_text() of the same file, and a
big .txt letter (time and peak memory in a fresh process).

    python benchmarks/bench_import.py [--pages 300] [--keep PATH] [--text-mb 40] [--only-text]

The PDF is typeset from the bundled seed letters (resources/letters) by tests/pdfgen.py: their
paragraphs, headings and footnotes repeated (footnotes renumbered) until the document has at least
``--pages`` pages, with the side column, superscript markers and footers of the ministry layout.
Both readers run on the same bytes in the same run; the importer's time is the whole
``read_file`` (layout analysis, footnotes, cleaning, metadata). Issue 11 asks for a ratio under 3.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.importing import read_file
from tests import pdfgen

SEEDS = ROOT / "resources" / "letters"
_MARK = re.compile(r"\[\^(\d+)\]")


def long_spec(pages: int) -> pdfgen.LetterSpec:
    """One letter made of the seed letters' bodies, repeated; repeated until about ``pages`` pages."""
    specs = [pdfgen.spec_from_seed(path) for path in sorted(SEEDS.glob("*.txt"))]
    first = specs[0]
    paragraphs: list[str] = []
    headings: set[int] = set()
    notes: dict[int, str] = {}
    rounds = 0
    while len(paragraphs) < pages * 6.4:  # about six paragraphs a page
        for spec in specs:
            base = len(notes)

            def renumber(match: re.Match[str], base: int = base) -> str:
                return f"[^{int(match.group(1)) + base}]"

            for index, paragraph in enumerate(spec.paragraphs):
                if index in spec.headings:
                    headings.add(len(paragraphs))
                paragraphs.append(_MARK.sub(renumber, paragraph))
            notes.update({number + base: text for number, text in spec.footnotes.items()})
        rounds += 1
    return pdfgen.LetterSpec(
        paragraphs=paragraphs,
        headings=headings,
        footnotes=notes,
        date=first.date,
        subject=first.subject,
        chamber=first.chamber,
    )


def plain_extract(path: Path) -> tuple[int, int]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    chars = sum(len(page.extract_text() or "") for page in reader.pages)
    return len(reader.pages), chars


_CHILD = """
import resource, sys, time
from pathlib import Path
started = time.perf_counter()
from desktop_app.core.importing import read_file
letter = read_file(Path(sys.argv[1]), max_bytes=10**9)
took = time.perf_counter() - started
cpu = time.process_time()
peak = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        peak = int(line.split()[1]) // 1024
print(f"{took:.2f} {cpu:.2f} {peak} {len(letter.text)} {len(letter.footnotes)}")
"""


def big_text(megabytes: int, path: Path) -> None:
    """A text letter of ``megabytes`` MB: the bundled letters' paragraphs over and over, with their
    footnote markers and footnote blocks (a long annex as a ministry might send it)."""
    seeds = sorted((ROOT / "resources" / "letters").glob("*.txt"))
    body = "\n\n".join(s.read_text(encoding="utf-8") for s in seeds)
    head, rest = body.split("\n\n", 1)
    with path.open("w", encoding="utf-8") as out:
        out.write(head + "\n\n")
        while out.tell() < megabytes * 1_000_000:
            out.write(rest + "\n\n")


def text_part(megabytes: int, tmp: Path) -> None:
    """Import speed and peak memory of a big .txt, in a fresh process (VmHWM of that process), next
    to reading the same bytes and decoding them (the floor any importer pays)."""
    path = tmp / "big_letter.txt"
    big_text(megabytes, path)
    started = time.perf_counter()
    path.read_bytes().decode("utf-8")
    floor = time.perf_counter() - started
    result = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True, cwd=ROOT)
    took, cpu, peak, chars, notes = result.stdout.split()
    size = path.stat().st_size / 1e6
    load = os.getloadavg()[0]
    print(f"{size:.0f} MB .txt: read_file() {float(took):.1f} s, CPU {float(cpu):.1f} s (target < 20 s; load {load:.1f}), "
          f"peak RSS {peak} MB (target < 500 MB); "
          f"{int(chars):,} characters, {notes} footnotes; read + decode alone {floor:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="write the generated PDF here")
    parser.add_argument("--text-mb", type=int, default=40, help="size of the .txt letter (0: skip)")
    parser.add_argument("--only-text", action="store_true", help="measure the .txt letter only")
    args = parser.parse_args()
    if args.text_mb:
        with tempfile.TemporaryDirectory() as tmp:
            text_part(args.text_mb, Path(tmp))
    if args.only_text:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "long_letter.pdf"
        started = time.perf_counter()
        pdfgen.make_letter_pdf(long_spec(args.pages), path)
        print(f"typeset {path.name}: {time.perf_counter() - started:.1f} s, {path.stat().st_size / 1e6:.1f} MB")

        started = time.perf_counter()
        pages, chars = plain_extract(path)
        plain = time.perf_counter() - started
        print(f"pypdf extract_text(): {pages} pages, {chars:,} characters in {plain:.2f} s")

        started = time.perf_counter()
        letter = read_file(path)
        ours = time.perf_counter() - started
        print(
            f"read_file():          {letter.pages} pages, {len(letter.text):,} characters, "
            f"{len(letter.footnotes)} footnotes in {ours:.2f} s"
        )
        ratio = ours / plain if plain else float("inf")
        print(f"ratio: {ratio:.2f}x (target < 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
