"""Citation parser precision and recall on real citation strings (tests/data/citations/real_citations.tsv).

    python benchmarks/bench_citations.py [--baseline REV] [--show-misses] [--documents DIR] [EXTRA.tsv ...]

Every line of the table holds a string copied from a published document and the canonical ids it cites.
The parser's ids for the string are compared with the expected ones, as sets per line:
precision = right ids / ids given, recall = right ids / ids expected. Lines that expect nothing
("-") hold real text with numbers that are not citations: every id found there is a false positive.

--documents DIR (default: $KAMERLEZER_REAL when set) also reads whole real documents: every
<name>.pdf with a hand-checked <name>.expect.json (the corpus of issue 11) is put through pdftotext and
its ids (less the document's own id) are compared with the expectation's "citations", which may be a
selection: ids found beyond it are counted, not called wrong.

The baseline is the parser as it was at git revision REV (default: the commit before issue 12's
grammar work), loaded from git into this process and run on the same table in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.references.parser import parse_citations  # noqa: E402

TABLE = ROOT / "tests" / "data" / "citations" / "real_citations.tsv"
BASELINE_REV = "5d949a2"  # the parser before issue 12 (citations as they are really written)


@dataclass(frozen=True)
class Row:
    form: str
    text: str
    expected: tuple[str, ...]
    source: str


def load_table(path: Path = TABLE) -> list[Row]:
    """The rows of a citation table: tab-separated form, text, expected ids ('-' = none), source;
    lines starting with '#' and the header line are skipped; a literal \\n in text is a line break."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("form\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise ValueError(f"{path.name}, line {number}: expected 4 tab-separated columns, found {len(parts)}")
        form, text, expected, source = parts
        ids = () if expected.strip() == "-" else tuple(expected.split())
        rows.append(Row(form, text.replace("\\n", "\n"), ids, source))
    return rows


def found_ids(parse: Callable[[str], list], text: str) -> list[str]:  # type: ignore[type-arg]
    """The canonical ids a parser gives for a text, in text order, each once."""
    ids: list[str] = []
    for citation in parse(text):
        if citation.canonical and citation.canonical not in ids:
            ids.append(citation.canonical)
    return ids


@dataclass
class Score:
    right: int = 0
    given: int = 0
    expected: int = 0
    lines_exact: int = 0
    lines: int = 0

    def add(self, found: Iterable[str], expected: Iterable[str]) -> None:
        got, want = set(found), set(expected)
        self.right += len(got & want)
        self.given += len(got)
        self.expected += len(want)
        self.lines += 1
        self.lines_exact += got == want

    @property
    def precision(self) -> float:
        return self.right / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    def line(self) -> str:
        return (
            f"precision {self.precision:6.1%} ({self.right}/{self.given})  "
            f"recall {self.recall:6.1%} ({self.right}/{self.expected})  "
            f"lines exact {self.lines_exact}/{self.lines}"
        )


def score(rows: list[Row], parse: Callable[[str], list]) -> tuple[Score, dict[str, Score]]:  # type: ignore[type-arg]
    total, by_form = Score(), defaultdict(Score)
    for row in rows:
        ids = found_ids(parse, row.text)
        total.add(ids, row.expected)
        by_form[row.form].add(ids, row.expected)
    return total, dict(by_form)


def baseline_parser(rev: str) -> ModuleType:
    """The parser module as it was at git revision ``rev``, loaded under another name."""
    source = subprocess.run(
        ["git", "show", f"{rev}:desktop_app/core/references/parser.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location("parser_baseline", handle.name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["parser_baseline"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    Path(handle.name).unlink()
    return module


def document_recall(folder: Path, parse: Callable[[str], list]) -> tuple[int, int, int, int]:  # type: ignore[type-arg]
    """(documents, expected ids found, expected ids, ids found beyond the expectations) over a folder."""
    documents = found = expected = beyond = 0
    for expectation in sorted(folder.glob("*.expect.json")):
        pdf = expectation.with_name(expectation.name.removesuffix(".expect.json") + ".pdf")
        if not pdf.exists():
            continue
        facts = json.loads(expectation.read_text(encoding="utf-8"))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        ids = set(found_ids(parse, text)) - {facts.get("own_id")}
        want = set(facts.get("citations") or [])
        documents += 1
        found += len(ids & want)
        expected += len(want)
        beyond += len(ids - want)
    return documents, found, expected, beyond


def speed_text() -> str:
    """The seed letters and the text of the official sample PDFs, five times over (about 470,000 characters)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "resources" / "letters").glob("*.txt"))]
    for pdf in sorted((ROOT / "tests" / "data" / "samples").glob("*.pdf")):
        texts.append(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
    return "\n".join(texts) * 5


def best_ms(parsers: list[Callable[[str], list]], text: str, repeat: int = 7) -> list[float]:  # type: ignore[type-arg]
    """Each parser's best time over ``repeat`` runs, the parsers taking turns (a busy machine slows both)."""
    best = [float("inf")] * len(parsers)
    for _ in range(repeat):
        for index, parse in enumerate(parsers):
            start = time.perf_counter()
            parse(text)
            best[index] = min(best[index], time.perf_counter() - start)
    return [b * 1000 for b in best]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="*", type=Path, help="more tables in the same format")
    parser.add_argument("--baseline", default=BASELINE_REV, help="git revision of the baseline parser")
    parser.add_argument("--show-misses", action="store_true", help="print every line that is not exact")
    parser.add_argument("--documents", type=Path, default=os.environ.get("KAMERLEZER_REAL"), help="real documents")
    args = parser.parse_args(argv)
    rows = load_table()
    for extra in args.tables:
        rows += load_table(extra)
    old = baseline_parser(args.baseline).parse_citations
    print(f"{len(rows)} real citation strings, {sum(len(r.expected) for r in rows)} expected ids")
    for name, parse in ((f"baseline ({args.baseline})", old), ("current", parse_citations)):
        total, by_form = score(rows, parse)
        print(f"\n{name:<20} {total.line()}")
        for form in sorted(by_form):
            print(f"  {form:<22} {by_form[form].line()}")
    text = speed_text()
    print(f"\nparse time, {len(text):,} characters (seed letters and sample texts, 5x), best of 7 taking turns:")
    for name, ms in zip((f"baseline ({args.baseline})", "current"), best_ms([old, parse_citations], text), strict=True):
        print(f"  {name:<20} {ms:8.1f} ms")
    if args.documents:
        print(f"\nwhole documents in {args.documents} (pdftotext):")
        for name, parse in ((f"baseline ({args.baseline})", old), ("current", parse_citations)):
            documents, found, expected, beyond = document_recall(Path(args.documents), parse)
            print(
                f"  {name:<20} {documents} documents: {found}/{expected} expected ids found "
                f"({found / expected if expected else 1:.1%}), {beyond} ids beyond the expectations"
            )
    if args.show_misses:
        print("\nlines the current parser does not get exactly:")
        for row in rows:
            ids = found_ids(parse_citations, row.text)
            if set(ids) != set(row.expected):
                print(f"  {row.text!r}: got {ids}, expected {list(row.expected)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
